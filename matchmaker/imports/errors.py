"""Errors of imports beyond the common ones (each is a code of the API: matchmaker.errors)."""

from __future__ import annotations

from matchmaker.error_schemas import FIELDS
from matchmaker.errors import Conflict


class ImportQueueFull(Conflict):
    """The account has as many imports queued or running as it may (detail: field and
    reason); upload again once one of them has ended."""

    code = "import_queue_full"
    detail_type = FIELDS

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}", [{"field": field, "reason": reason}])
