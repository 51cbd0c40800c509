from enum import StrEnum

class ImportFinishedDataStatus(StrEnum):
    FAILED = "failed"
    FINISHED = "finished"

    def __str__(self) -> str:
        return str(self.value)
