"""HTTP routes for startups."""

from matchmaker.profiles.router import make_router
from matchmaker.startups.service import KIND

router = make_router(KIND)
