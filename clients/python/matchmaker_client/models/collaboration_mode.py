from enum import StrEnum

class CollaborationMode(StrEnum):
    CO_INCUBATION = "co_incubation"
    INVESTMENT = "investment"
    JOINT_RD = "joint_rd"
    MARKET_ACCESS = "market_access"
    PILOT_PROCUREMENT = "pilot_procurement"

    def __str__(self) -> str:
        return str(self.value)
