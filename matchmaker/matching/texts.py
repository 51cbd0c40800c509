"""How each profile kind becomes one text to embed.

The composition is part of the API's contract (see README, "How matching works"):
fields in a fixed order, one per line as ``Label: value``; lists joined with ", " in
their stored order; vocabulary values rendered as their English labels; empty fields
left out. Identity fields that say nothing about fit (website, e-mail, ids, versions)
are never embedded, so editing them never re-embeds a profile.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from matchmaker.vocab import label


def _labels(values: Iterable[str]) -> str:
    return ", ".join(label(v) for v in values)


def _lines(pairs: list[tuple[str, str]]) -> str:
    return "\n".join(f"{name}: {value}" for name, value in pairs if value)


def _place(p: Any) -> str:
    return ", ".join(x for x in (p.city, label(p.region)) if x)


def startup_text(s: Any) -> str:
    return _lines(
        [
            ("Startup", s.name),
            ("Pitch", s.pitch),
            ("Domains", _labels(s.domains)),
            ("Tags", ", ".join(s.tags)),
            ("Stage", label(s.stage)),
            ("Technology readiness", f"TRL {s.trl}"),
            ("Needs", _labels(s.needs)),
            ("Location", _place(s)),
            ("Description", s.description),
        ]
    )


def incubator_text(i: Any) -> str:
    return _lines(
        [
            ("Incubator", i.name),
            ("Kind", label(i.kind)),
            ("Domains", _labels(i.domains)),
            ("Stages", _labels(i.stages)),
            ("Technology readiness", f"TRL {i.trl_min} to {i.trl_max}"),
            ("Services", _labels(i.services)),
            ("Programs", _labels(i.programs)),
            ("Location", _place(i)),
            ("Description", i.description),
        ]
    )


def partner_text(p: Any) -> str:
    return _lines(
        [
            ("Partner", p.name),
            ("Kind", label(p.kind)),
            ("Domains", _labels(p.domains)),
            ("Collaboration", _labels(p.collaboration_modes)),
            ("Stages", _labels(p.stages)),
            ("Location", _place(p)),
            ("Description", p.description),
        ]
    )


def scenario_text(s: Any) -> str:
    return _lines(
        [
            ("Scenario", s.title),
            ("Domains", _labels(s.domains)),
            ("Minimum technology readiness", f"TRL {s.min_trl}"),
            ("Collaboration", label(s.collaboration_mode)),
            ("Location", _place(s)),
            ("Description", s.description),
        ]
    )


COMPOSERS: dict[str, Callable[[Any], str]] = {
    "startup": startup_text,
    "incubator": incubator_text,
    "partner": partner_text,
    "scenario": scenario_text,
}


def compose(kind: str, profile: Any) -> str:
    """The text embedded for ``profile`` (an ORM row or anything with the same fields)."""
    return COMPOSERS[kind](profile)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
