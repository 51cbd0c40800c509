from enum import StrEnum

class Decision(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    SHORTLISTED = "shortlisted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
