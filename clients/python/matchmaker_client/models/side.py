from enum import StrEnum

class Side(StrEnum):
    STARTUP = "startup"
    TARGET = "target"

    def __str__(self) -> str:
        return str(self.value)
