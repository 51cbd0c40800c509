from enum import StrEnum

class DeclineReason(StrEnum):
    ALREADY_ENGAGED = "already_engaged"
    DOMAIN_MISMATCH = "domain_mismatch"
    INSUFFICIENT_INFORMATION = "insufficient_information"
    NEEDS_NOT_COVERED = "needs_not_covered"
    NOT_NOW = "not_now"
    NO_CAPACITY = "no_capacity"
    OTHER = "other"
    REGION_MISMATCH = "region_mismatch"
    STAGE_MISMATCH = "stage_mismatch"
    TRL_MISMATCH = "trl_mismatch"

    def __str__(self) -> str:
        return str(self.value)
