from enum import StrEnum

class ExposureDimension(StrEnum):
    FIRST_TIME_FOUNDERS = "first_time_founders"
    REGION = "region"
    STAGE = "stage"

    def __str__(self) -> str:
        return str(self.value)
