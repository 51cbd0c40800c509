"""Explanations as codes and parameters, put into words at the edge, in any language.

The engine says what it found as a ``Message``: a stable code and its parameters. The
English template of a code is its msgid in the message catalogs (matchmaker/web/locale), so
the API and the pages render English or Chinese from the same codes, and a partner platform
can render its own wording from the code. A template's fields carry a format spec saying
how a parameter is shown: vocabulary values by their label in the language, counts of
startups and TRL levels with their noun.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from babel import Locale

from matchmaker.vocab import Region, label

__all__ = ["TEMPLATES", "Message", "Param", "Translate", "render", "sentence"]

Param = str | int | float | list[str]
# msgid -> the language's template (gettext); the identity for English.
Translate = Callable[[str], str]


def N_(message: str) -> str:  # noqa: N802 - the gettext convention: extracted, translated later
    return message


@dataclass(frozen=True, slots=True)
class Message:
    code: str
    params: Mapping[str, Param] = field(default_factory=dict)

    @property
    def english(self) -> str:
        return render(self)


# code -> English template. Specs: v (a vocabulary value), list / and (vocabulary values
# joined), cap (a region by its label), kind (a profile kind), words (words of the profiles'
# text, quoted), startups and levels (counts with their noun), city (cities as stored; one
# named like a region, e.g. Beijing, or a region given for want of a city, by its label),
# country (an ISO code by the country's name in the reader's language).
TEMPLATES: dict[str, str] = {
    # The notes of the score's components.
    "note": N_("{text}"),
    "semantic": N_("the descriptions are related (similarity {similarity:.2f})"),
    "domain_shared": N_("shares {domains:and}"),
    "stage_accepted": N_("accepts {stage:v}-stage startups"),
    "stage_outside": N_("accepts {stages:list}; the startup is at {stage:v}"),
    "trl_meets_minimum": N_("meets the minimum TRL {min_trl} (startup at TRL {trl})"),
    "trl_below_minimum": N_("the scenario requires TRL {min_trl}; the startup is at TRL {trl}"),
    "trl_in_range": N_("takes TRL {trl_min}–{trl_max} (startup at TRL {trl})"),
    "trl_out_of_range": N_("takes TRL {trl_min}–{trl_max}; the startup is at TRL {trl}"),
    "region_same_country": N_("both are in {country:country}"),
    "region_program_for_abroad": N_("its international program suits a startup from abroad"),
    "region_china_no_program": N_("China-based without an international program"),
    "region_different_countries": N_(
        "different countries ({country:country}, {other_country:country})"
    ),
    "region_offshore_base": N_(
        "an offshore base in {country:country} for the startup's international expansion"
    ),
    "region_expansion_country": N_("based in {country:country}, where the startup wants to expand"),
    "region_abroad": N_("based abroad ({country:country}); the startup is not going abroad"),
    "region_same_city": N_("same region ({city:city})"),
    "region_same": N_("same region ({region:cap})"),
    "region_other_cities": N_("both in China, different cities ({city:city}, {other_city:city})"),
    "region_bth": N_(
        "{region:cap} and {other_region:cap} are one Beijing–Tianjin–Hebei collaborative region"
    ),
    "region_program_for_expansion": N_(
        "its international program suits the startup's expansion abroad"
    ),
    "region_different": N_("different regions of China ({region:cap}, {other_region:cap})"),
    "needs_offers": N_("offers {covered:list}"),
    "needs_missing": N_("does not offer {missing:list}"),
    "needs_offers_missing": N_("offers {covered:list}; does not offer {missing:list}"),
    # The reciprocal note by each side's asks (scoring.reciprocal_note): met from half.
    "reciprocal": N_("fits both ways (startup's asks {forward:.2f}, target's asks {backward:.2f})"),
    "reciprocal_startup_unmet": N_(
        "fits one way: the startup's asks are mostly not met "
        "(startup's asks {forward:.2f}, target's asks {backward:.2f})"
    ),
    "reciprocal_target_unmet": N_(
        "fits one way: the target's asks are mostly not met "
        "(startup's asks {forward:.2f}, target's asks {backward:.2f})"
    ),
    "reciprocal_neither": N_(
        "fits neither way: both sides' asks are mostly not met "
        "(startup's asks {forward:.2f}, target's asks {backward:.2f})"
    ),
    "history": N_(
        "this {kind:kind} accepted {like_accepted:startups} like this one "
        "(of {accepted} accepted, {declined} declined; fit {fit:.2f})"
    ),
    "history_declined": N_(
        "this {kind:kind} accepted {like_accepted:startups} like this one; declined "
        "{like_declined:startups} like it (of {accepted} accepted, {declined} declined; "
        "fit {fit:.2f})"
    ),
    "history_words": N_(
        "this {kind:kind} accepted {like_accepted:startups} like this one, sharing "
        "{words:words} (of {accepted} accepted, {declined} declined; fit {fit:.2f})"
    ),
    "history_declined_words": N_(
        "this {kind:kind} accepted {like_accepted:startups} like this one, sharing "
        "{words:words}; declined {like_declined:startups} like it (of {accepted} accepted, "
        "{declined} declined; fit {fit:.2f})"
    ),
    "history_unlike_words": N_(
        "this {kind:kind} accepted no startup like this one; those it accepted share only "
        "{words:words} with it (of {accepted} accepted, {declined} declined; fit {fit:.2f})"
    ),
    "history_unlike_declined_words": N_(
        "this {kind:kind} accepted no startup like this one and declined "
        "{like_declined:startups} like it; those it accepted share only {words:words} with it "
        "(of {accepted} accepted, {declined} declined; fit {fit:.2f})"
    ),
    "trl_shortfall": N_("{gap:levels} below the scenario's minimum"),
    "no_shared_domain": N_("no domain in common"),
    "stale_profile": N_("not updated for over {days} days: {kinds:kind}"),
    # What would raise the score (besides the stage, TRL and region notes).
    "hint_domains_missing": N_("the {kind:kind} does not cover the startup's {domains:and}"),
    "hint_no_shared_domain": N_("no shared domain: the {kind:kind} works on {domains:and}"),
    "hint_needs_missing": N_("the {kind:kind} does not offer {missing:list}"),
    "hint_stale": N_("update the {kinds:kind} profile: it was last changed over {days} days ago"),
    "hint_thin": N_(
        "a profile has too little description and too few facts to judge; "
        "add a description, domains and needs"
    ),
    # The reason: a verdict, what fits, what it cost.
    "reason_thin": N_(
        "{title}: too little information to judge this match; "
        "the profiles need more description and facts."
    ),
    "reason_strong": N_("Strong fit ({score:.2f}) with {title}"),
    "reason_good": N_("Good fit ({score:.2f}) with {title}"),
    "reason_partial": N_("Partial fit ({score:.2f}) with {title}"),
    "reason_trl_shortfall": N_(
        "{cost:.2f} because the startup is {gap:levels} below the scenario's minimum"
    ),
    "reason_no_shared_domain": N_("{cost:.2f} for no shared domain"),
    "reason_stale": N_("{cost:.2f} because the {kinds:kind} profile is out of date"),
    # Why a target is proposed to nobody.
    "excluded_full": N_("the incubator has no open places"),
    "excluded_closed": N_("the scenario is closed"),
    "excluded_deadline": N_("the scenario's deadline has passed"),
    # Bundles.
    "bundle": N_(
        "{incubator} to incubate, {partner} to partner with, and {scenario} to pilot in; "
        "located in {places:city} (fit {fit:.2f})."
    ),
    "bundle_shared": N_(
        "{incubator} to incubate, {partner} to partner with, and {scenario} to pilot in; "
        "all three work on {domains:list}; located in {places:city} (fit {fit:.2f})."
    ),
    "bundle_missing": N_("no confident match among {kinds:kind} to build a bundle"),
    # Re-ranking (rerank.py): why a match is above its place by score alone, and what a
    # list could not be given.
    "rerank_diversity": N_(
        "moved up for diversity: it differs from the matches above it (rank {rank} by score)"
    ),
    "rerank_org": N_(
        "moved up: one profile per organisation, the others of an organisation left out "
        "(rank {rank} by score)"
    ),
    "rerank_region": N_(
        "included for regional balance: at least {share:.0%} of the list from {region:cap}"
    ),
    "rerank_region_short": N_(
        "too few candidates from {region:cap} for its minimum share ({found} of {wanted})"
    ),
}
# Profile kinds as a template's {x:kind} shows them (msgids of the catalogs too).
KIND_WORDS = (
    N_("startup"),
    N_("incubator"),
    N_("partner"),
    N_("scenario"),
    N_("incubators"),
    N_("partners"),
    N_("scenarios"),
)
# Region values (beijing, ...): a city stored under one of these names has a Chinese label.
REGIONS = frozenset(r.value for r in Region)
# Reason parts that follow the verdict's list of what fits as a cost, not as a fit.
COSTS = frozenset({"reason_trl_shortfall", "reason_no_shared_domain", "reason_stale"})
# (after the verdict, between parts, at the end), by language.
PUNCTUATION = {"en": (": ", "; ", "."), "zh": ("：", "；", "。")}


class _Formatter(string.Formatter):
    def __init__(self, lang: str, translate: Translate) -> None:
        self.lang = lang
        self.translate = translate

    def format_field(self, value: Any, format_spec: str) -> str:
        zh = self.lang == "zh"
        values = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        if format_spec in ("v", "list", "and", "cap"):
            if zh:
                return "、".join(label(v, "zh") for v in values)
            if format_spec == "cap":  # china_other reads "Elsewhere in China", not "China other"
                return ", ".join(label(v, "en") for v in values)
            names = [v.replace("_", " ") for v in values]
            if format_spec == "and" and len(names) > 1:
                return ", ".join(names[:-1]) + " and " + names[-1]
            return ", ".join(names)
        if format_spec == "city":
            # Cities are free text; the ones named like a region have its label (in Chinese,
            # its Chinese name), as has a region shown where a profile gives no city.
            return ("、" if zh else ", ").join(
                label(v.lower(), self.lang) if v.lower() in REGIONS else v for v in values
            )
        if format_spec == "country":
            # Profiles store ISO codes; a reader gets the country's name in their language.
            countries = _country_names(self.lang)
            return ("、" if zh else ", ").join(countries.get(v, v) for v in values)
        if format_spec == "words":
            # Words of the profiles' own text, as they were written (lower-cased).
            return ("、" if zh else ", ").join(f"“{v}”" if zh else f"'{v}'" for v in values)
        if format_spec == "kind":
            return ("、" if zh else ", ").join(self.translate(v) for v in values)
        if format_spec == "startups":
            n = int(value)
            if zh:
                return f"{n} 家初创企业"
            return "no startup" if n == 0 else "1 startup" if n == 1 else f"{n} startups"
        if format_spec == "levels":
            n = int(value)
            if zh:
                return f"{n} 级"
            return f"{n} TRL level{'s' if n > 1 else ''}"
        return str(super().format_field(value, format_spec))


@functools.cache
def _country_names(lang: str) -> Mapping[str, str]:
    """Country names by ISO code in ``lang``, from the CLDR data babel ships."""
    return {
        str(k): str(v)
        for k, v in Locale.parse("zh_Hans" if lang == "zh" else "en").territories.items()
    }


def _identity(message: str) -> str:
    return message


# Each template parsed once: string.Formatter re-parses it on every call, and a ranked list
# renders a few hundred messages (bench/RESULTS.md, section 19).
Piece = tuple[str, str | None, str]  # literal text, then a field's name and spec (or None)


@functools.lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[Piece, ...]:
    out: list[Piece] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if conversion or (name is not None and not name.isidentifier()):
            raise ValueError(f"template field {name!r} is not a plain name: {template!r}")
        out.append((literal, name, spec or ""))
    return tuple(out)


def _key(message: Message) -> tuple[str, str]:
    """The message as a dict key. Parameters are str, int, float or lists of str, whose
    repr tells any two values apart (1 from 1.0 too) and costs less than hashing them."""
    return message.code, repr(message.params)


_ENGLISH: dict[tuple[str, str], str] = {}
_ENGLISH_MAX = 20_000  # distinct English texts kept; past it the memo starts again


def render(message: Message, lang: str = "en", translate: Translate = _identity) -> str:
    """The message in ``lang``, its template looked up through ``translate``."""
    key = _key(message) if lang == "en" and translate is _identity else None
    if key is not None and (text := _ENGLISH.get(key)) is not None:
        return text
    formatter = _Formatter(lang, translate)
    parts: list[str] = []
    for literal, name, spec in _pieces(translate(TEMPLATES[message.code])):
        parts.append(literal)
        if name is not None:
            parts.append(formatter.format_field(message.params[name], spec))
    text = "".join(parts)
    if key is not None:
        if len(_ENGLISH) >= _ENGLISH_MAX:
            _ENGLISH.clear()
        _ENGLISH[key] = text
    return text


def sentence(parts: Sequence[Message], lang: str = "en", translate: Translate = _identity) -> str:
    """A reason as one sentence: the verdict, then what fits, then what it cost."""
    if not parts:
        return ""
    head, rest = parts[0], parts[1:]
    text = render(head, lang, translate)
    if head.code == "reason_thin":
        return text
    after, between, end = PUNCTUATION.get(lang, PUNCTUATION["en"])
    fits = [render(m, lang, translate) for m in rest if m.code not in COSTS]
    costs = [render(m, lang, translate) for m in rest if m.code in COSTS]
    if fits:
        text += after + between.join(fits)
    for cost in costs:
        text += between + cost
    return text + end
