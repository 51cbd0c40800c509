"""Jinja2 environments (one per language), page responses, redirects and the score chart."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from matchmaker.matching import messages
from matchmaker.matching.schemas import ComponentRead
from matchmaker.matching.scoring import is_stale, utc_today
from matchmaker.matching.wording import localize
from matchmaker.web import i18n, session

TEMPLATES = Path(__file__).with_name("templates")
# Pages load nothing but their own stylesheet; no script, no frames, forms only to this site.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    # Pages show private decisions and contacts: never keep them in a shared cache.
    "Cache-Control": "no-store",
}


@cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(i18n.translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(
        lang=lang,
        html_lang=i18n.HTML_LANG[lang],
        languages=[(code, i18n.SWITCH_LABELS[code]) for code in i18n.LANGUAGES],
        label=lambda value: i18n.vocab_label(lang, str(value)),
        chart=chart,
        say=lambda response: localize(response, lang, lambda m: i18n.gettext(lang, m)),
        say_message=lambda message: messages.render(message, lang, lambda m: i18n.gettext(lang, m)),
        query=query,
        title_of=title_of,
        place=lambda profile: place(lang, profile),
        pair_url=pair_url,
        state_names=i18n.STATE_NAMES,
        action_names=i18n.ACTION_NAMES,
        decision_names=i18n.DECISION_NAMES,
        kind_names=i18n.KIND_NAMES,
        component_names=i18n.COMPONENT_NAMES,
        role_names=i18n.ROLE_NAMES,
        stale_since=stale_since,
    )
    return env


def stale_since(profile: Any, after_days: int) -> date | None:
    """The day a stale profile was last updated; None while it is fresh (or unsaved)."""
    updated = getattr(profile, "updated_at", None)
    if updated is None or not is_stale(updated, utc_today(), after_days):
        return None
    return updated.date()  # type: ignore[no-any-return]


def title_of(profile: Any) -> str:
    """A profile's display name: a scenario's title, anyone else's name."""
    return str(getattr(profile, "title", None) or getattr(profile, "name", ""))


def place(lang: str, profile: Any) -> str:
    """Where a profile is: its city and region, the region once when the city is its name."""
    region = i18n.vocab_label(lang, profile.region)
    city = (profile.city or "").strip()
    if not city or city.casefold() == str(profile.region).casefold():
        return region
    return f"{city}, {region}"


def pair_url(startup_id: int, kind: str, target_id: int) -> str:
    return f"/pairs/{startup_id}/{kind}/{target_id}"


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    """A page in the visitor's language, with the session's CSRF token and flash messages."""
    lang = i18n.language_of(request)
    web = session.current(request)
    html = (
        environment(lang)
        .get_template(template)
        .render(
            request=request,
            path=request.url.path,
            here=_here(request),
            csrf=session.signer_of(request).csrf_token(web),
            flash=web.pop_flash(),
            user=getattr(request.state, "web_user", None),
            stale_after_days=request.app.state.settings.stale_after_days,
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)
    return session.save(request, response)


def redirect(request: Request, url: str) -> Response:
    """303 See Other: after a POST the browser GETs the next page (no resubmission)."""
    return session.save(request, RedirectResponse(url, status_code=303))


def translate(request: Request, message: str) -> str:
    return i18n.gettext(i18n.language_of(request), message)


def _here(request: Request) -> str:
    query_string = request.url.query
    return request.url.path + (f"?{query_string}" if query_string else "")


def safe_next(target: str | None, default: str = "/") -> str:
    """Only a path on this site: never an absolute or scheme-relative URL (open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def query(base: dict[str, Any], **changes: Any) -> str:
    """A query string: ``base`` with ``changes`` applied (None removes a key)."""
    merged = {**base, **changes}
    pairs: list[tuple[str, Any]] = []
    for key, value in merged.items():
        if value is None or value == "" or value == []:
            continue
        values = value if isinstance(value, list) else [value]
        pairs.extend((key, v) for v in values)
    return "?" + urlencode(pairs) if pairs else ""


@dataclass(frozen=True)
class Bar:
    """One component of a score in the chart: the share it could earn and what it earned, or
    for a penalty (``penalty``): what it could cost and what it took off. ``shown``: the
    contribution as the card prints it, to two places (``shown_values``)."""

    name: str
    y: int
    weight_width: float
    earned_width: float
    contribution: float
    weight: float
    note: str
    shown: float
    penalty: bool = False


CHART_WIDTH = 180  # pixels of the bar area; labels sit left of it in the template
ROW_HEIGHT = 16


def shown_values(contributions: list[float], score: float) -> list[float]:
    """The contributions to two places, rounded so that they add up to ``score`` to two
    places, as the card prints it (largest remainders round up).

    Rounded one by one, seven values of up to 0.005 off each printed 0.74 beside a score of
    0.75 on about half the demo's cards, under a legend that says they add up."""
    cents = [round(c * 100, 6) for c in contributions]  # 6: drop float noise, keep the order
    floors = [math.floor(c) for c in cents]
    wanted = round(round(score, 2) * 100)
    # The contributions add up to the score, so this is between 0 and len(cents).
    up = min(max(wanted - sum(floors), 0), len(cents))
    by_remainder = sorted(range(len(cents)), key=lambda i: floors[i] - cents[i])
    for i in by_remainder[:up]:
        floors[i] += 1
    return [f / 100 for f in floors]


def chart(components: dict[str, ComponentRead], score: float | None = None) -> list[Bar]:
    """Bars scaled so the longest possible bar (the heaviest weight) fills the width; the
    penalties last, drawn by what they took off, so the values shown add up to the score
    (``score``; None: the contributions' sum, for a match not judged)."""
    if not components:
        return []
    widest = max(c.weight for c in components.values()) or 1.0
    ordered = sorted(components.items(), key=lambda item: item[1].contribution < 0)
    total = sum(c.contribution for _, c in ordered) if score is None else score
    shown = shown_values([c.contribution for _, c in ordered], total)
    bars = []
    for row, ((name, c), value) in enumerate(zip(ordered, shown, strict=True)):
        bars.append(
            Bar(
                name=name,
                y=row * ROW_HEIGHT,
                weight_width=round(CHART_WIDTH * c.weight / widest, 1),
                earned_width=round(CHART_WIDTH * abs(c.contribution) / widest, 1),
                contribution=c.contribution,
                weight=c.weight,
                note=c.note,
                shown=value,
                penalty=c.contribution < 0,
            )
        )
    return bars
