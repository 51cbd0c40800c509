from enum import StrEnum

class Role(StrEnum):
    ADMIN = "admin"
    FOUNDER = "founder"
    MANAGER = "manager"
    PARTNER = "partner"

    def __str__(self) -> str:
        return str(self.value)
