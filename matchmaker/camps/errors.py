"""Errors of camps beyond the common ones (each is a code of the API: matchmaker.errors)."""

from __future__ import annotations

from matchmaker.error_schemas import PlacesDetail
from matchmaker.errors import Conflict


class NoFreePlace(Conflict):
    """Every place of the camp host is taken: move someone out first."""

    code = "no_free_place"
    detail_type = PlacesDetail
