"""The structured facts ranking decides on, read once from a profile row.

Scoring works on these plain values, never on ORM objects, so the same arithmetic serves
stored profiles, unsaved ones and camps.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# Fewer words of free text than this, and fewer optional facts than THIN_FACTS: there is
# too little to judge, so no score is shown.
THIN_WORDS = 8
THIN_FACTS = 2
# Chinese and Japanese leave no space between words: their characters are counted instead,
# two to a word (the mean length of a Modern Chinese word is about 1.6-2 characters), so a
# 40-character sentence counts 20 words and a bare two-character term one.
CHARS_PER_WORD = 2
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Facts:
    kind: str
    id: int
    title: str
    domains: frozenset[str]
    region: str
    country: str
    city: str
    languages: frozenset[str] = frozenset()
    words: int = 0
    # startups
    stage: str | None = None
    trl: int | None = None
    needs: frozenset[str] = frozenset()
    # incubators and partners
    subkind: str | None = None
    stages: frozenset[str] = frozenset()
    # incubators
    trl_min: int | None = None
    trl_max: int | None = None
    services: frozenset[str] = frozenset()
    capacity: int | None = None
    programs: frozenset[str] = frozenset()
    # partners and scenarios
    modes: frozenset[str] = frozenset()
    # scenarios
    min_trl: int | None = None
    status: str | None = None
    deadline: date | None = None
    # When the profile last changed (None for an unsaved one): an old one is ranked lower.
    updated_at: datetime | None = None

    @property
    def thin(self) -> bool:
        optional = len(self.needs) + len(self.services) + len(self.programs) + len(self.modes)
        optional += max(0, len(self.domains) - 1)
        return self.words < THIN_WORDS and optional < THIN_FACTS


_COMMON = (
    "id",
    "domains",
    "region",
    "country",
    "city",
    "languages",
    "description",
    "updated_at",
)
# The columns facts_of reads, by kind: candidate rows are loaded with these alone.
FACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "startup": (*_COMMON, "name", "pitch", "stage", "trl", "needs"),
    "incubator": (
        *_COMMON,
        "name",
        "kind",
        "stages",
        "trl_min",
        "trl_max",
        "services",
        "capacity",
        "programs",
    ),
    "partner": (*_COMMON, "name", "kind", "stages", "collaboration_modes"),
    "scenario": (*_COMMON, "title", "min_trl", "collaboration_mode", "status", "deadline"),
}


def _words(*texts: str | None) -> int:
    """Words of free text, in any language: space-separated chunks, and CJK characters by
    CHARS_PER_WORD (a chunk mixing both, 机械臂robot, counts its Latin word too)."""
    count = 0
    for chunk in (c for t in texts if t for c in t.split()):
        cjk = len(_CJK.findall(chunk))
        if not cjk:
            count += 1
            continue
        count += math.ceil(cjk / CHARS_PER_WORD)
        count += any(c.isalnum() for c in _CJK.sub("", chunk))
    return count


def facts_of(kind: str, p: Any) -> Facts:
    """Facts of a profile row (or any object with the same attributes)."""
    common: dict[str, Any] = {
        "kind": kind,
        "id": p.id or 0,
        "domains": frozenset(p.domains),
        "region": p.region,
        "country": p.country,
        "city": p.city or "",
        "languages": frozenset(getattr(p, "languages", None) or ()),
        "updated_at": getattr(p, "updated_at", None),
    }
    if kind == "startup":
        return Facts(
            title=p.name,
            words=_words(p.pitch, p.description),
            stage=p.stage,
            trl=p.trl,
            needs=frozenset(p.needs),
            **common,
        )
    if kind == "incubator":
        return Facts(
            title=p.name,
            words=_words(p.description),
            subkind=p.kind,
            stages=frozenset(p.stages),
            trl_min=p.trl_min,
            trl_max=p.trl_max,
            services=frozenset(p.services),
            capacity=p.capacity,
            programs=frozenset(p.programs),
            **common,
        )
    if kind == "partner":
        return Facts(
            title=p.name,
            words=_words(p.description),
            subkind=p.kind,
            stages=frozenset(p.stages),
            modes=frozenset(p.collaboration_modes),
            **common,
        )
    return Facts(
        title=p.title,
        words=_words(p.description),
        min_trl=p.min_trl,
        modes=frozenset({p.collaboration_mode}),
        status=p.status,
        deadline=p.deadline,
        **common,
    )
