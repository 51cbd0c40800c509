from enum import StrEnum

class TargetKind(StrEnum):
    INCUBATORS = "incubators"
    PARTNERS = "partners"
    SCENARIOS = "scenarios"

    def __str__(self) -> str:
        return str(self.value)
