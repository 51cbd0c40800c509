"""Each error code's detail has one declared type, and the raise site is held to it."""

from __future__ import annotations

import pytest

from matchmaker.error_schemas import ResourceRef, VersionDetail
from matchmaker.errors import NotFound, PreconditionFailed, Unauthorized


def test_a_domain_error_refuses_a_detail_its_schema_does_not_declare() -> None:
    assert NotFound("gone", ResourceRef(kind="camp", id=3)).detail.id == 3
    with pytest.raises(TypeError):
        NotFound("gone", VersionDetail(id=3, current_version=2))
    with pytest.raises(TypeError):
        PreconditionFailed("stale", {"id": 3})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Unauthorized("who?", ResourceRef(kind="key", id=1))
