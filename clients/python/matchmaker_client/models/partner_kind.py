from enum import StrEnum

class PartnerKind(StrEnum):
    FOREIGN_RD_CENTER = "foreign_rd_center"
    GOVERNMENT_AGENCY = "government_agency"
    INDUSTRIAL_PARK = "industrial_park"
    LEADING_ENTERPRISE = "leading_enterprise"
    MULTINATIONAL_CORPORATION = "multinational_corporation"
    RESEARCH_INSTITUTE = "research_institute"
    UNIVERSITY = "university"
    VENTURE_FUND = "venture_fund"

    def __str__(self) -> str:
        return str(self.value)
