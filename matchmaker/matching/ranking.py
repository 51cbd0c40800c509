"""Combine the components into one explained score for a (startup, target) pair."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import fmean

from matchmaker.matching.facts import Facts
from matchmaker.matching.scoring import (
    TRL_SHORTFALL_FACTOR,
    Component,
    PairScore,
    Weights,
    exclusion,
    needs_fit,
    region_fit,
    stage_fit,
    trl_fit,
)


def _harmonic(a: float, b: float) -> float:
    return 0.0 if a <= 0 or b <= 0 else 2 * a * b / (a + b)


@dataclass(frozen=True, slots=True)
class _Parts:
    """Every component's (value, note) for one pair, and what the explanation needs."""

    values: dict[str, tuple[float, str]]
    matched: list[str]
    forward_domain: float
    stage: tuple[float, str] | None
    trl: tuple[float, str, int] | None
    region: tuple[float, str]
    needs: tuple[float, str, list[str]] | None

    @property
    def shortfall(self) -> int:
        return self.trl[2] if self.trl else 0


def _parts(startup: Facts, target: Facts, similarity: float) -> _Parts:
    values: dict[str, tuple[float, str]] = {}
    matched = sorted(startup.domains & target.domains)
    forward_domain = len(matched) / len(startup.domains) if startup.domains else 0.0
    backward_domain = len(matched) / len(target.domains) if target.domains else 0.0
    sim = max(0.0, min(1.0, similarity))
    values["semantic"] = (sim, f"the descriptions are related (similarity {sim:.2f})")
    values["domain"] = (forward_domain, f"shares {_words(matched)}" if matched else "")
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
    values["reciprocal"] = (
        _harmonic(forward, backward),
        f"fits both ways (startup's asks {forward:.2f}, target's asks {backward:.2f})",
    )
    return _Parts(values, matched, forward_domain, stage, trl, region, needs)


def _components(parts: _Parts, weights: Weights) -> tuple[dict[str, Component], float]:
    """Each component with its renormalised weight and contribution, and the raw score."""
    total_weight = sum(weights.of(name) for name in parts.values) or 1.0
    components = {
        name: Component(
            value=round(value, 4),
            weight=round(weights.of(name) / total_weight, 4),
            contribution=round(weights.of(name) * value / total_weight, 4),
            note=note,
        )
        for name, (value, note) in parts.values.items()
    }
    raw = sum(c.contribution for c in components.values())
    if parts.shortfall:
        raw *= TRL_SHORTFALL_FACTOR
    return components, raw


def rank_key(
    startup: Facts, target: Facts, similarity: float, weights: Weights
) -> tuple[float | None, float]:
    """(score, raw score) exactly as ``score_pair`` has them, without the explanation:
    ranking needs the numbers of every candidate, the words only of those shown."""
    parts = _parts(startup, target, similarity)
    total_weight = sum(weights.of(name) for name in parts.values) or 1.0
    raw = sum(
        round(weights.of(name) * value / total_weight, 4)
        for name, (value, _) in parts.values.items()
    )
    if parts.shortfall:
        raw *= TRL_SHORTFALL_FACTOR
    thin = startup.thin or target.thin
    return (None if thin else round(raw, 4)), round(raw, 4)


def score_pair(
    startup: Facts, target: Facts, similarity: float, weights: Weights, today: date
) -> PairScore:
    """The hybrid score of one pair, with every component's value and contribution."""
    parts = _parts(startup, target, similarity)
    hints: list[str] = []
    matched = parts.matched
    if parts.forward_domain < 1:
        if matched:
            missing = _words(sorted(startup.domains - target.domains))
            hints.append(f"the {target.kind} does not cover the startup's {missing}")
        else:
            theirs = _words(sorted(target.domains)[:3])
            hints.append(f"no shared domain: the {target.kind} works on {theirs}")
    for fit in (parts.stage, parts.trl):
        if fit and fit[0] < 1:
            hints.append(fit[1])
    if parts.region[0] < 0.9:
        hints.append(parts.region[1])
    matched_needs: list[str] = []
    if parts.needs:
        matched_needs = parts.needs[2]
        if parts.needs[0] < 1 and "does not offer" in parts.needs[1]:
            hints.append(f"the {target.kind} " + parts.needs[1].split("; ")[-1])
    components, raw = _components(parts, weights)
    thin = startup.thin or target.thin
    if thin:
        hints.append(
            "a profile has too little description and too few facts to judge; "
            "add a description, domains and needs"
        )
    return PairScore(
        startup_id=startup.id,
        target_kind=target.kind,
        target_id=target.id,
        similarity=round(similarity, 4),
        score=None if thin else round(raw, 4),
        raw_score=round(raw, 4),
        components=components,
        matched_domains=matched,
        matched_needs=matched_needs,
        excluded=exclusion(target, today),
        trl_shortfall=parts.shortfall,
        hints=hints,
        confidence="low" if thin else "high",
    )


def _words(values: list[str]) -> str:
    names = [v.replace("_", " ") for v in values]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def reason(p: PairScore, target_title: str) -> str:
    """One sentence a person can read, true to the numbers it summarises."""
    if p.score is None:
        return (
            f"{target_title}: too little information to judge this match; "
            "the profiles need more description and facts."
        )
    # Shared domains first (people decide on them), then the strongest other criteria.
    order = {"domain": 0, "needs": 1, "trl": 2, "region": 3, "stage": 4, "semantic": 5}
    strong = sorted(
        (
            (name, c)
            for name, c in p.components.items()
            if name in order and c.note and (c.value >= 0.75 or (name == "domain" and c.value))
        ),
        key=lambda item: (order[item[0]], -item[1].contribution),
    )[:3]
    verdict = "Strong fit" if p.score >= 0.7 else "Good fit" if p.score >= 0.5 else "Partial fit"
    text = f"{verdict} ({p.score:.2f}) with {target_title}"
    if strong:
        # The reason says what fits; gaps ("does not offer ...") belong to `improve`.
        text += ": " + "; ".join(c.note.split("; does not")[0] for _, c in strong)
    if p.trl_shortfall:
        text += (
            f"; ranked lower because the startup is {p.trl_shortfall} TRL level"
            f"{'s' if p.trl_shortfall > 1 else ''} below the scenario's minimum"
        )
    return text + "."
