from enum import StrEnum

class Region(StrEnum):
    ABROAD = "abroad"
    BEIJING = "beijing"
    CHINA_OTHER = "china_other"
    HEBEI = "hebei"
    TIANJIN = "tianjin"

    def __str__(self) -> str:
        return str(self.value)
