from enum import StrEnum

class MatchListTarget(StrEnum):
    INCUBATORS = "incubators"
    PARTNERS = "partners"
    SCENARIOS = "scenarios"
    STARTUPS = "startups"

    def __str__(self) -> str:
        return str(self.value)
