from enum import StrEnum

class IncubatorKind(StrEnum):
    CORPORATE_INCUBATOR = "corporate_incubator"
    INTERNATIONAL_INCUBATOR = "international_incubator"
    MAKER_SPACE = "maker_space"
    MUNICIPAL_INCUBATOR = "municipal_incubator"
    NATIONAL_INCUBATOR = "national_incubator"
    OFFSHORE_CARRIER = "offshore_carrier"
    UNIVERSITY_SCIENCE_PARK = "university_science_park"

    def __str__(self) -> str:
        return str(self.value)
