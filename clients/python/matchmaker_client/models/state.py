from enum import StrEnum

class State(StrEnum):
    ACCEPTED = "accepted"
    CONNECTED = "connected"
    DECLINED = "declined"
    NEW = "new"
    SHORTLISTED = "shortlisted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
