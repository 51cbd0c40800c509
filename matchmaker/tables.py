"""Imports every table so ``Base.metadata`` is complete (for Alembic and tests)."""

from matchmaker.access.models import Account, AccountIncubator, AccountPartner, ApiKey
from matchmaker.db import Base
from matchmaker.incubators.models import Incubator
from matchmaker.matching.models import Embedding
from matchmaker.partners.models import Partner
from matchmaker.profiles.models import ProfileFacet
from matchmaker.reviews.models import Match, MatchEvent
from matchmaker.scenarios.models import Scenario
from matchmaker.startups.models import Startup

metadata = Base.metadata

__all__ = [
    "Account",
    "AccountIncubator",
    "AccountPartner",
    "ApiKey",
    "Embedding",
    "Incubator",
    "Match",
    "MatchEvent",
    "Partner",
    "ProfileFacet",
    "Scenario",
    "Startup",
    "metadata",
]
