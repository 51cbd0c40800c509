from enum import StrEnum

class RegionGroup(StrEnum):
    BEIJING = "beijing"
    ELSEWHERE = "elsewhere"
    HEBEI = "hebei"
    TIANJIN = "tianjin"

    def __str__(self) -> str:
        return str(self.value)
