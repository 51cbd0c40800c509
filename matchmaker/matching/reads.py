"""A scored pair as the API shows it: the profile it points at, the numbers and the words."""

from __future__ import annotations

from typing import Any

from matchmaker.matching.facts import Facts
from matchmaker.matching.messages import Message, sentence
from matchmaker.matching.ranking import reason_parts
from matchmaker.matching.schemas import ComponentRead, MatchRead, ProfileRef
from matchmaker.matching.scoring import PairScore
from matchmaker.matching.wording import explanation

SCENARIO = "scenario"


def ref(kind: str, row: Any) -> ProfileRef:
    title = row.title if kind == SCENARIO else row.name
    return ProfileRef(kind=kind, id=row.id or 0, title=title, region=row.region, city=row.city)


def to_read(p: PairScore, other: Facts, why: Message | None = None) -> MatchRead:
    parts = reason_parts(p, other.title)
    profile = ProfileRef(
        kind=other.kind, id=other.id, title=other.title, region=other.region, city=other.city
    )
    return MatchRead(
        profile=profile,
        score=p.score,
        confidence=p.confidence,
        similarity=p.similarity,
        components={
            name: ComponentRead(
                value=c.value,
                weight=c.weight,
                contribution=c.contribution,
                note=c.note,
                explanation=explanation(c.message) if c.message else None,
            )
            for name, c in p.components.items()
        },
        matched_domains=p.matched_domains,
        matched_needs=p.matched_needs,
        reason=sentence(parts),
        improve=[hint.english for hint in p.hints],
        reason_parts=[explanation(m) for m in parts],
        improve_parts=[explanation(m) for m in p.hints],
        rerank=explanation(why) if why else None,
    )
