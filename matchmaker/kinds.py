"""The four profile kinds, in one place for code that works across them."""

from matchmaker.incubators.service import KIND as INCUBATOR
from matchmaker.partners.service import KIND as PARTNER
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.scenarios.service import KIND as SCENARIO
from matchmaker.startups.service import KIND as STARTUP

ALL_KINDS: tuple[ProfileKind, ...] = (STARTUP, INCUBATOR, PARTNER, SCENARIO)
BY_NAME: dict[str, ProfileKind] = {k.name: k for k in ALL_KINDS}
BY_PLURAL: dict[str, ProfileKind] = {k.plural: k for k in ALL_KINDS}

__all__ = ["ALL_KINDS", "BY_NAME", "BY_PLURAL", "INCUBATOR", "PARTNER", "SCENARIO", "STARTUP"]
