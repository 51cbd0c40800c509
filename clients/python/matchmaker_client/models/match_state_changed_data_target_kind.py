from enum import StrEnum

class MatchStateChangedDataTargetKind(StrEnum):
    INCUBATOR = "incubator"
    PARTNER = "partner"
    SCENARIO = "scenario"

    def __str__(self) -> str:
        return str(self.value)
