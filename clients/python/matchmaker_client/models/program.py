from enum import StrEnum

class Program(StrEnum):
    ADVANCED_INCUBATION = "advanced_incubation"
    BTH_COLLABORATIVE_INCUBATION = "bth_collaborative_incubation"
    CROSS_BORDER_ACCELERATOR_CAMP = "cross_border_accelerator_camp"
    DEEP_INCUBATION = "deep_incubation"
    DEMO_DAY = "demo_day"
    INVESTMENT_FUND = "investment_fund"
    OFFSHORE_INCUBATION = "offshore_incubation"

    def __str__(self) -> str:
        return str(self.value)
