from enum import StrEnum

class EventType(StrEnum):
    IMPORT_FINISHED = "import.finished"
    MATCH_FOUND = "match.found"
    MATCH_STATE_CHANGED = "match.state_changed"

    def __str__(self) -> str:
        return str(self.value)
