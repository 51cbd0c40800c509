"""Imports every table so ``Base.metadata`` is complete (for Alembic and tests)."""

from matchmaker.access.models import (
    Account,
    AccountIncubator,
    AccountPartner,
    ApiKey,
    BrowserSession,
)
from matchmaker.analytics.models import Exposure
from matchmaker.camps.models import (
    Camp,
    CampAllocationRun,
    CampApplication,
    CampAssignment,
    CampAssignmentEvent,
    CampHost,
    CampHostRanking,
)
from matchmaker.db import Base
from matchmaker.duplicates.models import ProfileMerge
from matchmaker.imports.models import ExternalRef, ImportJob, ImportRowError
from matchmaker.incubators.models import Incubator
from matchmaker.matching.models import Embedding, ProfileChange
from matchmaker.partners.models import Partner
from matchmaker.platform.models import IdempotencyRecord
from matchmaker.profiles.models import ProfileFacet
from matchmaker.reviews.models import Match, MatchEvent
from matchmaker.scenarios.models import Scenario
from matchmaker.startups.models import Startup
from matchmaker.webhooks.models import (
    MatchNotice,
    OutboxEvent,
    Webhook,
    WebhookAttempt,
    WebhookDelivery,
)

metadata = Base.metadata

__all__ = [
    "Account",
    "AccountIncubator",
    "AccountPartner",
    "ApiKey",
    "BrowserSession",
    "Camp",
    "CampAllocationRun",
    "CampApplication",
    "CampAssignment",
    "CampAssignmentEvent",
    "CampHost",
    "CampHostRanking",
    "Embedding",
    "ProfileChange",
    "Exposure",
    "ExternalRef",
    "IdempotencyRecord",
    "ImportJob",
    "ImportRowError",
    "Incubator",
    "Match",
    "MatchEvent",
    "MatchNotice",
    "OutboxEvent",
    "Partner",
    "ProfileMerge",
    "ProfileFacet",
    "Scenario",
    "Startup",
    "Webhook",
    "WebhookAttempt",
    "WebhookDelivery",
    "metadata",
]
