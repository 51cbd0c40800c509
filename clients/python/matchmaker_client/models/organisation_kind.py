from enum import StrEnum

class OrganisationKind(StrEnum):
    CORPORATE_INCUBATOR = "corporate_incubator"
    FOREIGN_RD_CENTER = "foreign_rd_center"
    GOVERNMENT_AGENCY = "government_agency"
    INDUSTRIAL_PARK = "industrial_park"
    INTERNATIONAL_INCUBATOR = "international_incubator"
    LEADING_ENTERPRISE = "leading_enterprise"
    MAKER_SPACE = "maker_space"
    MULTINATIONAL_CORPORATION = "multinational_corporation"
    MUNICIPAL_INCUBATOR = "municipal_incubator"
    NATIONAL_INCUBATOR = "national_incubator"
    OFFSHORE_CARRIER = "offshore_carrier"
    RESEARCH_INSTITUTE = "research_institute"
    UNIVERSITY = "university"
    UNIVERSITY_SCIENCE_PARK = "university_science_park"
    VENTURE_FUND = "venture_fund"

    def __str__(self) -> str:
        return str(self.value)
