"""HTTP routes for scenarios."""

from matchmaker.profiles.router import make_router
from matchmaker.scenarios.service import KIND

router = make_router(KIND)
