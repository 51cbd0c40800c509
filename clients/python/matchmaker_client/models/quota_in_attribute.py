from enum import StrEnum

class QuotaInAttribute(StrEnum):
    CITY = "city"
    COUNTRY = "country"
    REGION = "region"

    def __str__(self) -> str:
        return str(self.value)
