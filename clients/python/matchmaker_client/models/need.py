from enum import StrEnum

class Need(StrEnum):
    CERTIFICATION = "certification"
    FUNDING = "funding"
    INTERNATIONAL_EXPANSION = "international_expansion"
    IP_SERVICES = "ip_services"
    LAB_EQUIPMENT = "lab_equipment"
    MARKET_ACCESS = "market_access"
    MENTORING = "mentoring"
    PILOT_LINE = "pilot_line"
    PILOT_SCENARIO = "pilot_scenario"
    POLICY_SUPPORT = "policy_support"
    TALENT = "talent"
    WORKSPACE = "workspace"

    def __str__(self) -> str:
        return str(self.value)
