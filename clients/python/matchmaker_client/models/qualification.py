from enum import StrEnum

class Qualification(StrEnum):
    LITTLE_GIANT = "little_giant"
    NATIONAL_HIGH_TECH_ENTERPRISE = "national_high_tech_enterprise"
    SPECIALIZED_INNOVATIVE_SME = "specialized_innovative_sme"
    TECH_SME = "tech_sme"
    UNICORN = "unicorn"
    ZHONGGUANCUN_HIGH_TECH = "zhongguancun_high_tech"

    def __str__(self) -> str:
        return str(self.value)
