from enum import StrEnum

class ReportScopeKind(StrEnum):
    INCUBATOR = "incubator"
    PARTNER = "partner"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
