from enum import StrEnum

class ProfileKindName(StrEnum):
    INCUBATOR = "incubator"
    PARTNER = "partner"
    SCENARIO = "scenario"
    STARTUP = "startup"

    def __str__(self) -> str:
        return str(self.value)
