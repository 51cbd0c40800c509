"""The sentence of a camp explanation, in English or Chinese, from its facts.

The facts (``explanation_detail``) are the same in every language; the sentence is put into
words from them through the web catalogs (matchmaker/web/locale), as the engine's match
explanations are, so the API answers in the language ``Accept-Language`` asks for and the
camp pages in the visitor's. A run stores its English sentences; they are these words too.
The quota report's reasons are read back from the English the run stored (``quota_reason``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from matchmaker.camps.schemas import ExplanationDetail, HostNoteRead
from matchmaker.vocab import label
from matchmaker.web.i18n import N_, gettext

LOCKED = N_("Kept at {host}: a camp manager locked this assignment.")
MOVED = N_("Placed here by a camp manager.")
PLACED = N_("Placed with your {choice} choice, {host}")
PLACED_BY_SCORE = N_("Placed with your {choice} choice by score, {host}")
WHO = N_("your {choice} choice, {host}")
WHO_BY_SCORE = N_("your {choice} choice by score, {host}")
FULL = N_("{who}, filled its {places} places with startups it ranked above you")
FULL_LOCKED = N_(
    "{who}, filled its {places} places ({locked} of them locked) with startups it ranked above you"
)
HOST_CAP = N_("{who}, had reached its cap \u201c{quota}\u201d with startups it ranked above you")
FLOOR = N_("{who}, kept places for the camp's target \u201c{quota}\u201d")
NOT_TAKEN = N_("{who}, did not take you")
NO_ELIGIBLE_HOST = N_("Not placed: you are not eligible for any host of this camp.")
NO_ACCEPTABLE_HOST = N_(
    "Not placed: none of the hosts open to you is on your ranking, or none of them accepts "
    "startups it did not rank."
)
OUTRANKED = N_("Not placed: {reasons}.")
CAMP_CAP = N_(
    "Not placed: the camp's cap \u201c{quota}\u201d was filled by startups with a higher camp "
    "priority."
)
ALTERNATIVES = N_("Nearest alternatives: {alternatives}.")
FREE_PLACES = N_("{host} has {places} places left")
PLACES_SHORT = N_("{host} (you were {short} places short)")
INELIGIBLE = N_("You ranked {host}, but you are not eligible there: {reasons}.")
NO_DOMAIN = N_("works in none of the domains {domains}")
WRONG_STAGE = N_("stage {stage} is not one of {stages}")
TRL_OUTSIDE = N_("TRL {trl} is outside {low}-{high}")

# The reasons of the quota report, as quotas.quota_report writes them (English, with counts).
FEW_APPLIED = N_("only {count} startups of the group applied")
FEW_PLACEABLE = N_(
    "only {count} startups of the group could be placed at all, given eligibility, both "
    "sides' rankings and the hosts' places"
)
LEFT_OUT = N_("camp caps left out {count} of them")
LOCKS_OVER_CAP = N_("locked assignments already exceed the cap")

# (between parts, end of a sentence, between sentences), by language.
PUNCTUATION = {"en": ("; ", ".", " "), "zh": ("；", "。", "")}

# The eligibility reasons of a stored detail, as market.Eligibility.failures writes them
# (English, vocabulary codes): read back here to be put into the asked language.
_REASONS = (
    (re.compile(r"works in none of the domains (?P<domains>.+)"), NO_DOMAIN),
    (re.compile(r"stage (?P<stage>\S+) is not one of (?P<stages>.+)"), WRONG_STAGE),
    (re.compile(r"TRL (?P<trl>\d+) is outside (?P<low>\d+)-(?P<high>\d+)"), TRL_OUTSIDE),
)

# A run stores the quota report's reasons in English only, their counts in the words: the
# parts are read back here, as the eligibility reasons are, to be put into the asked language.
_STARTUPS = r"only (?P<count>\d+) startups? of the group"
_QUOTA_REASONS = (
    (re.compile(rf"{_STARTUPS} applied"), FEW_APPLIED),
    (
        re.compile(
            rf"{_STARTUPS} could be placed at all, given eligibility, both sides' rankings "
            "and the hosts' places"
        ),
        FEW_PLACEABLE,
    ),
    (re.compile(r"camp caps left out (?P<count>\d+) of them"), LEFT_OUT),
    (re.compile(r"locked assignments already exceed the cap"), LOCKS_OVER_CAP),
)


class _Words:
    def __init__(self, lang: str, names: Mapping[int, str]) -> None:
        self.lang = lang
        self.names = names
        self.part, self.stop, self.space = PUNCTUATION.get(lang, PUNCTUATION["en"])

    def __call__(self, template: str, **params: object) -> str:
        text = template if self.lang == "en" else gettext(self.lang, template)
        return text.format(**params)

    def host(self, host_id: int) -> str:
        return self.names.get(host_id, f"host {host_id}")

    def ordinal(self, n: int) -> str:
        return f"第 {n}" if self.lang == "zh" else ordinal(n)

    def values(self, codes: str) -> str:
        if self.lang == "en":
            return codes
        return "、".join(label(code, self.lang) for code in codes.split(", "))

    def reason(self, text: str) -> str:
        if self.lang == "en":
            return text
        for pattern, template in _REASONS:
            found = pattern.fullmatch(text)
            if found is not None:
                params = found.groupdict()
                for key in ("domains", "stage", "stages"):
                    if key in params:
                        params[key] = self.values(params[key])
                return self(template, **params)
        return text


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def say(lang: str, template: str, **params: object) -> str:
    """A marked message in ``lang``, filled in with ``params``."""
    return _Words(lang, {})(template, **params)


def quota_reason(text: str | None, lang: str) -> str | None:
    """Why a quota of the report is not met, in ``lang``, from the English a run stored."""
    if text is None or lang == "en":
        return text
    w = _Words(lang, {})
    parts = []
    for part in text.split(PUNCTUATION["en"][0]):
        for pattern, template in _QUOTA_REASONS:
            found = pattern.fullmatch(part)
            if found is not None:
                parts.append(w(template, **found.groupdict()))
                break
        else:
            return text  # words this version does not write: shown as stored
    return w.part.join(parts)


def moved(lang: str) -> str:
    """The sentence of an assignment a camp manager made."""
    return _Words(lang, {})(MOVED)


def sentence(
    detail: ExplanationDetail, host_id: int | None, names: Mapping[int, str], lang: str = "en"
) -> str:
    """The explanation of ``detail`` (``host_id``: where the startup is placed, if it is)."""
    w = _Words(lang, names)
    by_score = detail.preference_source == "score"
    if detail.status == "locked" and host_id is not None:
        text = w(LOCKED, host=w.host(host_id))
    elif detail.status == "placed" and host_id is not None and detail.choice is not None:
        head = PLACED_BY_SCORE if by_score else PLACED
        text = w(head, choice=w.ordinal(detail.choice), host=w.host(host_id))
        text += "".join(w.part + _ahead(w, note, by_score) for note in detail.ahead) + w.stop
    else:
        text = _unplaced(w, detail, by_score)
    if detail.ineligible:
        first = detail.ineligible[0]
        reasons = w.part.join(w.reason(r) for r in first.reasons)
        text += w.space + w(INELIGIBLE, host=w.host(first.host_id), reasons=reasons)
    return text


def _ahead(w: _Words, note: HostNoteRead, by_score: bool) -> str:
    who = w(
        WHO_BY_SCORE if by_score else WHO, choice=w.ordinal(note.choice), host=w.host(note.host_id)
    )
    if note.reason == "full":
        full = FULL_LOCKED if note.locked else FULL
        return w(full, who=who, places=note.places, locked=note.locked)
    if note.reason == "host_cap":
        return w(HOST_CAP, who=who, quota=note.quota)
    if note.reason == "floor":
        return w(FLOOR, who=who, quota=note.quota)
    return w(NOT_TAKEN, who=who)


def _unplaced(w: _Words, detail: ExplanationDetail, by_score: bool) -> str:
    if detail.outcome == "no_eligible_host":
        text = w(NO_ELIGIBLE_HOST)
    elif detail.outcome == "no_acceptable_host":
        text = w(NO_ACCEPTABLE_HOST)
    elif detail.outcome == "outranked":
        reasons = w.part.join(_ahead(w, note, by_score) for note in detail.ahead)
        text = w(OUTRANKED, reasons=reasons)
    elif detail.outcome == "camp_cap":
        text = w(CAMP_CAP, quota=detail.quota)
    else:
        text = ""
    parts = [
        w(FREE_PLACES, host=w.host(alt.host_id), places=alt.free_places)
        if alt.kind == "free_places"
        else w(PLACES_SHORT, host=w.host(alt.host_id), short=alt.places_short)
        for alt in detail.alternatives
    ]
    if parts:
        text += w.space + w(ALTERNATIVES, alternatives=w.part.join(parts))
    return text
