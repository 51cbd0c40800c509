from enum import StrEnum

class Action(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    SHORTLIST = "shortlist"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
