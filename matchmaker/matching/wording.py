"""Responses in a language: every text field re-rendered from the codes beside it.

The engine builds its responses in English (``to_read``, ``bundle``); a request or a page in
another language passes them through ``localize`` with that language's catalog, so both
languages come from the same codes and numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from matchmaker.matching.messages import Message, Translate, render, sentence
from matchmaker.matching.schemas import (
    BundleResponse,
    ComponentRead,
    Explanation,
    MatchList,
    MatchRead,
)

R = TypeVar("R", MatchRead, MatchList, BundleResponse)


def explanation(message: Message) -> Explanation:
    return Explanation(code=message.code, params=dict(message.params), text=message.english)


def _message(e: Explanation) -> Message:
    return Message(e.code, e.params)


def _said(parts: Sequence[Explanation], lang: str, translate: Translate) -> list[Explanation]:
    return [p.model_copy(update={"text": render(_message(p), lang, translate)}) for p in parts]


def _reason(parts: Sequence[Explanation], lang: str, translate: Translate) -> str:
    return sentence([_message(p) for p in parts], lang, translate)


def _component(c: ComponentRead, lang: str, translate: Translate) -> ComponentRead:
    if c.explanation is None:
        return c
    said = _said([c.explanation], lang, translate)[0]
    return c.model_copy(update={"note": said.text, "explanation": said})


def _match(m: MatchRead, lang: str, translate: Translate) -> MatchRead:
    components = {name: _component(c, lang, translate) for name, c in m.components.items()}
    improve = _said(m.improve_parts, lang, translate)
    return m.model_copy(
        update={
            "components": components,
            "reason": _reason(m.reason_parts, lang, translate) or m.reason,
            "reason_parts": _said(m.reason_parts, lang, translate),
            "improve": [e.text for e in improve],
            "improve_parts": improve,
            "rerank": _said([m.rerank], lang, translate)[0] if m.rerank else None,
        }
    )


def localize(response: R, lang: str, translate: Translate) -> R:
    """``response`` with every explanation in ``lang`` (its codes and numbers unchanged)."""
    if lang == "en":
        return response
    if isinstance(response, MatchRead):
        return _match(response, lang, translate)
    if isinstance(response, MatchList):
        return response.model_copy(
            update={
                "matches": [_match(m, lang, translate) for m in response.matches],
                "rerank_notes": _said(response.rerank_notes, lang, translate),
                "excluded": _said([response.excluded], lang, translate)[0]
                if response.excluded
                else None,
            }
        )
    update: dict[str, object] = {}
    if response.message_parts:
        parts = _said(response.message_parts, lang, translate)
        update.update(message_parts=parts, message=" ".join(p.text for p in parts))
    if response.bundle is not None:
        b = response.bundle
        parts = _said(b.reason_parts, lang, translate)
        update["bundle"] = b.model_copy(
            update={
                "incubator": _match(b.incubator, lang, translate),
                "partner": _match(b.partner, lang, translate),
                "scenario": _match(b.scenario, lang, translate),
                "reason_parts": parts,
                "reason": " ".join(p.text for p in parts) or b.reason,
            }
        )
    return response.model_copy(update=update)
