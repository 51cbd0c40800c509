"""HTTP routes for partners."""

from matchmaker.partners.service import KIND
from matchmaker.profiles.router import make_router

router = make_router(KIND)
