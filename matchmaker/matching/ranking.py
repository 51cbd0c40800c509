"""Combine the components into one explained score for a (startup, target) pair."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import fmean
from typing import Any

from matchmaker.matching.facts import Facts, facts_of
from matchmaker.matching.history import HistoryFit
from matchmaker.matching.messages import Message, sentence
from matchmaker.matching.scoring import (
    NO_SHARED_DOMAIN_PENALTY,
    STALE_PENALTY,
    TRL_SHORTFALL_PENALTY,
    Component,
    PairScore,
    Weights,
    exclusion,
    needs_fit,
    reciprocal_note,
    region_fit,
    stage_fit,
    stale_kinds,
    trl_fit,
    utc_today,
)


def _harmonic(a: float, b: float) -> float:
    return 0.0 if a <= 0 or b <= 0 else 2 * a * b / (a + b)


@dataclass(frozen=True, slots=True)
class _Parts:
    """Every component's (value, note) for one pair, and what the explanation needs."""

    values: dict[str, tuple[float, Message | None]]
    matched: list[str]
    forward_domain: float
    stage: tuple[float, Message] | None
    trl: tuple[float, Message, int] | None
    region: tuple[float, Message]
    needs: tuple[float, Message | None, list[str]] | None
    history: HistoryFit | None
    # Penalties: name -> (severity in [0, 1], weight at full severity, note).
    penalties: dict[str, tuple[float, float, Message]]

    @property
    def shortfall(self) -> int:
        return self.trl[2] if self.trl else 0


def _parts(
    startup: Facts,
    target: Facts,
    similarity: float,
    history: HistoryFit | None,
    today: date,
    stale_after_days: int,
) -> _Parts:
    values: dict[str, tuple[float, Message | None]] = {}
    matched = sorted(startup.domains & target.domains)
    forward_domain = len(matched) / len(startup.domains) if startup.domains else 0.0
    backward_domain = len(matched) / len(target.domains) if target.domains else 0.0
    sim = max(0.0, min(1.0, similarity))
    values["semantic"] = (sim, Message("semantic", {"similarity": round(sim, 2)}))
    values["domain"] = (
        forward_domain,
        Message("domain_shared", {"domains": matched}) if matched else None,
    )
    stage = stage_fit(startup, target)
    if stage:
        values["stage"] = stage
    trl = trl_fit(startup, target)
    if trl:
        values["trl"] = (trl[0], trl[1])
    region = region_fit(startup, target)
    values["region"] = region
    needs = needs_fit(startup, target)
    if needs:
        values["needs"] = (needs[0], needs[1])
    forward = fmean([forward_domain, region[0]] + ([needs[0]] if needs else []))
    backward = fmean([backward_domain] + ([stage[0]] if stage else []) + ([trl[0]] if trl else []))
    values["reciprocal"] = (_harmonic(forward, backward), reciprocal_note(forward, backward))
    if history:
        values["history"] = (history.value, history.note(target.kind))
    penalties: dict[str, tuple[float, float, Message]] = {}
    if trl and trl[2]:
        gap = trl[2]
        penalties["trl_shortfall"] = (
            min(1.0, gap / 3),
            TRL_SHORTFALL_PENALTY,
            Message("trl_shortfall", {"gap": gap}),
        )
    if startup.domains and target.domains and not matched:
        no_domain = Message("no_shared_domain")
        penalties["no_shared_domain"] = (1.0, NO_SHARED_DOMAIN_PENALTY, no_domain)
    stale = stale_kinds(startup, target, today, stale_after_days)
    if stale:
        note = Message("stale_profile", {"kinds": stale, "days": stale_after_days})
        penalties["stale_profile"] = (1.0, STALE_PENALTY, note)
    return _Parts(values, matched, forward_domain, stage, trl, region, needs, history, penalties)


def _weight(name: str, parts: _Parts, weights: Weights) -> float:
    if name == "history" and parts.history:
        return weights.history * parts.history.share
    return weights.of(name)


def _contributions(parts: _Parts, weights: Weights) -> dict[str, tuple[float, float, float]]:
    """name -> (value, weight, signed contribution), rounded as shown; the score is their
    sum, so what a client adds up is exactly the score."""
    total_weight = sum(_weight(name, parts, weights) for name in parts.values) or 1.0
    out: dict[str, tuple[float, float, float]] = {}
    positive = 0.0
    for name, (value, _) in parts.values.items():
        w = _weight(name, parts, weights) / total_weight
        c = round(w * value, 4)
        out[name] = (round(value, 4), round(w, 4), c)
        positive += c
    for name, (severity, full, _) in parts.penalties.items():
        # A penalty takes at most what is left, so a score never drops below 0. The stale
        # penalty (last) is multiplicative: it takes its share of what is left.
        if name == "stale_profile":
            cost = round(positive * full * severity, 4)
        else:
            cost = min(round(full * severity, 4), round(positive, 4))
        positive -= cost
        out[name] = (round(severity, 4), full, -cost if cost else 0.0)  # never "-0.0"
    return out


def _total(contributions: dict[str, tuple[float, float, float]]) -> float:
    return round(sum(c for _, _, c in contributions.values()), 4)


def rank_key(
    startup: Facts,
    target: Facts,
    similarity: float,
    weights: Weights,
    history: HistoryFit | None = None,
    today: date | None = None,
) -> tuple[float | None, float]:
    """(score, raw score) exactly as ``score_pair`` has them, without the explanation:
    ranking needs the numbers of every candidate, the words only of those shown."""
    day = today or utc_today()
    parts = _parts(startup, target, similarity, history, day, weights.stale_after_days)
    raw = _total(_contributions(parts, weights))
    thin = startup.thin or target.thin
    return (None if thin else raw), raw


def score_pair(
    startup: Facts,
    target: Facts,
    similarity: float,
    weights: Weights,
    today: date,
    history: HistoryFit | None = None,
) -> PairScore:
    """The hybrid score of one pair, with every component's value and signed contribution."""
    parts = _parts(startup, target, similarity, history, today, weights.stale_after_days)
    hints: list[Message] = []
    matched = parts.matched
    if parts.forward_domain < 1:
        if matched:
            missing = sorted(startup.domains - target.domains)
            hints.append(Message("hint_domains_missing", {"kind": target.kind, "domains": missing}))
        else:
            theirs = sorted(target.domains)[:3]
            hints.append(Message("hint_no_shared_domain", {"kind": target.kind, "domains": theirs}))
    for fit in (parts.stage, parts.trl):
        if fit and fit[0] < 1:
            hints.append(fit[1])
    if parts.region[0] < 0.9:
        hints.append(parts.region[1])
    matched_needs: list[str] = []
    if parts.needs:
        matched_needs = parts.needs[2]
        note = parts.needs[1]
        # A note names what is missing exactly when the needs are not all covered.
        if note is not None and "missing" in note.params:
            gap = {"kind": target.kind, "missing": note.params["missing"]}
            hints.append(Message("hint_needs_missing", gap))
    if "stale_profile" in parts.penalties:
        kinds = parts.penalties["stale_profile"][2].params["kinds"]
        hints.append(Message("hint_stale", {"kinds": kinds, "days": weights.stale_after_days}))
    numbers = _contributions(parts, weights)
    notes = {name: note for name, (_, note) in parts.values.items()}
    notes.update({name: note for name, (_, _, note) in parts.penalties.items()})
    components = {
        name: Component(value=v, weight=w, contribution=c, note=_english(m), message=m)
        for name, (v, w, c) in numbers.items()
        for m in (notes[name],)
    }
    raw = _total(numbers)
    thin = startup.thin or target.thin
    if thin:
        hints.append(Message("hint_thin"))
    return PairScore(
        startup_id=startup.id,
        target_kind=target.kind,
        target_id=target.id,
        similarity=round(similarity, 4),
        score=None if thin else raw,  # _total rounds it
        raw_score=raw,
        components=components,
        matched_domains=matched,
        matched_needs=matched_needs,
        excluded=exclusion(target, today),
        trl_shortfall=parts.shortfall,
        hints=hints,
        confidence="low" if thin else "high",
    )


def _english(message: Message | None) -> str:
    return message.english if message else ""


def reason(p: PairScore, target_title: str) -> str:
    """One sentence a person can read, true to the numbers it summarises."""
    return sentence(reason_parts(p, target_title))


def reason_parts(p: PairScore, target_title: str) -> list[Message]:
    """The reason as messages: the verdict, up to three criteria that fit, the costs."""
    if p.score is None:
        return [Message("reason_thin", {"title": target_title})]
    # Shared domains first (people decide on them), then the strongest other criteria.
    order = {
        "domain": 0,
        "history": 1,
        "needs": 2,
        "trl": 3,
        "region": 4,
        "stage": 5,
        "semantic": 6,
    }
    strong = sorted(
        (
            (name, c)
            for name, c in p.components.items()
            if name in order
            and c.note
            and (c.value >= 0.75 or (name in ("domain", "history") and c.value >= 0.25))
            and (name != "history" or "accepted no startup" not in c.note)
        ),
        key=lambda item: order[item[0]],  # one component per name: no ties
    )[:3]
    verdict = (
        "reason_strong" if p.score >= 0.7 else "reason_good" if p.score >= 0.5 else "reason_partial"
    )
    parts = [Message(verdict, {"score": p.score, "title": target_title})]
    # The reason says what fits; gaps ("does not offer ...") belong to `improve`.
    parts += [_what_fits(c) for _, c in strong]
    # A penalty takes at most what is left of the score: one that found nothing left to
    # take ("0.00 for no shared domain") explains nothing, and its note still says why.
    if p.trl_shortfall and (cost := _cost(p, "trl_shortfall")):
        parts.append(Message("reason_trl_shortfall", {"cost": cost, "gap": p.trl_shortfall}))
    if "no_shared_domain" in p.components and (cost := _cost(p, "no_shared_domain")):
        parts.append(Message("reason_no_shared_domain", {"cost": cost}))
    if "stale_profile" in p.components and (cost := _cost(p, "stale_profile")):
        stale = p.components["stale_profile"]
        params = dict(stale.message.params) if stale.message else {}
        parts.append(Message("reason_stale", {**params, "cost": cost}))
    return parts


def _cost(p: PairScore, penalty: str) -> float:
    """What ``penalty`` took off the score, to two places as the reason says it."""
    return round(-p.components[penalty].contribution, 2)


def _what_fits(c: Component) -> Message:
    if c.message is None:  # a component built by hand, with its note alone
        return Message("note", {"text": c.note.split("; does not")[0]})
    if c.message.code == "needs_offers_missing":
        return Message("needs_offers", {"covered": c.message.params["covered"]})
    return c.message


def score_without_vectors(
    startups: Sequence[Any], targets: Sequence[tuple[str, Any]], weights: Weights
) -> list[list[PairScore]]:
    """``Matcher.score_many`` for a process without a model: similarity 0, no history."""
    today = utc_today()
    facts = [facts_of(kind, row) for kind, row in targets]
    mine = [facts_of("startup", s) for s in startups]
    return [[score_pair(m, t, 0.0, weights, today) for t in facts] for m in mine]
