"""HTTP routes for incubators."""

from matchmaker.incubators.service import KIND
from matchmaker.profiles.router import make_router

router = make_router(KIND)
