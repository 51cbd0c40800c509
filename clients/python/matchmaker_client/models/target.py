from enum import StrEnum

class Target(StrEnum):
    INCUBATORS = "incubators"
    PARTNERS = "partners"
    SCENARIOS = "scenarios"
    STARTUPS = "startups"

    def __str__(self) -> str:
        return str(self.value)
