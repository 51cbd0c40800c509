from enum import StrEnum

class MeetingReadSource(StrEnum):
    ALLOCATION = "allocation"
    CONNECTED = "connected"

    def __str__(self) -> str:
        return str(self.value)
