from enum import StrEnum

class FunnelGroupBy(StrEnum):
    DOMAIN = "domain"
    MONTH = "month"
    REGION = "region"
    STAGE = "stage"

    def __str__(self) -> str:
        return str(self.value)
