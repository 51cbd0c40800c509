from enum import StrEnum

class Diversity(StrEnum):
    MMR = "mmr"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
