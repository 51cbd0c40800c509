"""The inputs of a camp allocation and the preference lists built from them.

Pure data and arithmetic: no database, no model. Ids are the caller's integers (camp host
ids and startup ids); every ordering is total, so the same inputs give the same lists.

Preference rule, the same on both sides:

1. a side's own ranking comes first, in its order (entries that are not eligible are dropped
   and reported in the explanation);
2. then, when the side accepts unranked counterparts (the default), every other eligible
   counterpart by descending reciprocal score, ties by ascending id;
3. a pair is in the market only if each side has the other on its list.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

ScoreFn = Callable[[int, int], float]
"""Reciprocal score of (startup id, host id); higher is better for both sides."""


class AllocationInputError(ValueError):
    """Inputs that cannot describe a camp (unknown ids, negative places, bad quotas)."""


@dataclass(frozen=True)
class Eligibility:
    """Who may join: empty sets mean "any"; a startup needs one shared domain."""

    domains: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()
    trl_min: int = 1
    trl_max: int = 9

    def admits(self, applicant: Applicant) -> bool:
        return (
            (not self.domains or not self.domains.isdisjoint(applicant.domains))
            and (not self.stages or applicant.stage in self.stages)
            and self.trl_min <= applicant.trl <= self.trl_max
        )

    def failures(self, applicant: Applicant) -> tuple[str, ...]:
        """Why ``applicant`` is not eligible, as short phrases (empty when it is)."""
        out: list[str] = []
        if self.domains and not (self.domains & applicant.domains):
            out.append("works in none of the domains " + ", ".join(sorted(self.domains)))
        if self.stages and applicant.stage not in self.stages:
            out.append(f"stage {applicant.stage} is not one of " + ", ".join(sorted(self.stages)))
        if not self.trl_min <= applicant.trl <= self.trl_max:
            out.append(f"TRL {applicant.trl} is outside {self.trl_min}-{self.trl_max}")
        return tuple(out)


@dataclass(frozen=True)
class Applicant:
    """A startup applying to the camp, with the facts eligibility and quotas look at."""

    id: int
    domains: frozenset[str] = frozenset()
    stage: str = ""
    trl: int = 1
    attributes: Mapping[str, str] = field(default_factory=dict)
    ranking: tuple[int, ...] = ()
    accept_unranked: bool = True


@dataclass(frozen=True)
class Host:
    """A host of the camp with its places; its eligibility adds to the camp's."""

    id: int
    places: int
    eligibility: Eligibility | None = None
    ranking: tuple[int, ...] = ()
    accept_unranked: bool = True


@dataclass(frozen=True)
class Quota:
    """A bound on how many startups of a group the camp (or one host) takes.

    The group is the applicants whose ``attribute`` is in ``values``; with ``per_value`` every
    value of the attribute is its own group ("at most 3 startups from any one city").
    ``at_least`` floors are camp-wide; ``at_least_share`` is a share of all places, rounded up.
    """

    name: str
    attribute: str
    values: frozenset[str] = frozenset()
    per_value: bool = False
    at_least: int | None = None
    at_least_share: float | None = None
    at_most: int | None = None
    host_id: int | None = None

    @property
    def kind(self) -> Literal["at_least", "at_most"]:
        return "at_most" if self.at_most is not None else "at_least"

    def group_of(self, applicant: Applicant) -> str | None:
        """The group key ``applicant`` falls in under this quota, if any."""
        value = applicant.attributes.get(self.attribute)
        if value is None:
            return None
        if self.per_value:
            return value
        return "*" if value in self.values else None

    def floor(self, total_places: int) -> int:
        if self.at_least is not None:
            return self.at_least
        share = self.at_least_share or 0.0
        # round() first: 0.3 * 10 is 3.0000000000000004 in binary floating point.
        return math.ceil(round(share * total_places, 9))


@dataclass(frozen=True)
class Market:
    """Preference lists over internal indices, plus what is needed to explain them."""

    applicants: tuple[Applicant, ...]
    hosts: tuple[Host, ...]
    startup_prefs: tuple[tuple[int, ...], ...]  # applicant index -> host indices, best first
    host_prefs: tuple[tuple[int, ...], ...]  # host index -> applicant indices, best first
    host_rank: tuple[dict[int, int], ...]  # host index -> {applicant index: 0-based rank}
    scores: dict[tuple[int, int], float]  # (applicant index, host index) -> score, eligible only
    ineligible: dict[tuple[int, int], tuple[str, ...]]  # pairs the startup ranked, not eligible
    source: tuple[Literal["ranking", "score", "ranking+score"], ...]  # per applicant

    def startup_index(self) -> dict[int, int]:
        return {a.id: i for i, a in enumerate(self.applicants)}

    def host_index(self) -> dict[int, int]:
        return {h.id: j for j, h in enumerate(self.hosts)}


def _unique(ids: Iterable[int], what: str) -> None:
    seen: set[int] = set()
    for i in ids:
        if i in seen:
            raise AllocationInputError(f"{what} {i} appears twice")
        seen.add(i)


def validate(
    applicants: tuple[Applicant, ...], hosts: tuple[Host, ...], quotas: tuple[Quota, ...]
) -> None:
    _unique((a.id for a in applicants), "startup")
    _unique((h.id for h in hosts), "host")
    host_ids = {h.id for h in hosts}
    startup_ids = {a.id for a in applicants}
    for h in hosts:
        if h.places < 0:
            raise AllocationInputError(f"host {h.id} has negative places")
        _unique(h.ranking, f"host {h.id} ranks startup")
        if unknown := set(h.ranking) - startup_ids:
            raise AllocationInputError(f"host {h.id} ranks unknown startups {sorted(unknown)}")
    for a in applicants:
        _unique(a.ranking, f"startup {a.id} ranks host")
        if unknown := set(a.ranking) - host_ids:
            raise AllocationInputError(f"startup {a.id} ranks unknown hosts {sorted(unknown)}")
    for q in quotas:
        bounds = [b for b in (q.at_least, q.at_least_share, q.at_most) if b is not None]
        if len(bounds) != 1:
            raise AllocationInputError(f"quota {q.name!r} needs exactly one bound")
        if any(b < 0 for b in bounds) or (q.at_least_share or 0) > 1:
            raise AllocationInputError(f"quota {q.name!r} has a bound out of range")
        if q.kind == "at_least" and (q.per_value or q.host_id is not None):
            raise AllocationInputError(f"floor {q.name!r} must be camp-wide over named values")
        if q.host_id is not None and q.host_id not in host_ids:
            raise AllocationInputError(f"quota {q.name!r} names unknown host {q.host_id}")
        if not q.per_value and not q.values:
            raise AllocationInputError(f"quota {q.name!r} names no values")


def _ordered(
    ranking: tuple[int, ...],
    accept_unranked: bool,
    score_of: Mapping[int, float],
) -> tuple[list[int], bool]:
    """The ranked eligible ones, then (if accepted) the rest by score; and whether any scored.

    ``score_of`` maps every eligible counterpart to its score.
    """
    head = [i for i in ranking if i in score_of]
    if not accept_unranked:
        return head, False
    listed = set(head)
    tail = sorted((i for i in score_of if i not in listed), key=lambda i: (-score_of[i], i))
    return head + tail, bool(tail)


def build_market(
    applicants: tuple[Applicant, ...],
    hosts: tuple[Host, ...],
    score: ScoreFn,
    camp_eligibility: Eligibility | None = None,
) -> Market:
    """Eligibility, scores and both sides' preference lists (see the module docstring)."""
    camp_eligibility = camp_eligibility or Eligibility()
    scores: dict[tuple[int, int], float] = {}
    ineligible: dict[tuple[int, int], tuple[str, ...]] = {}
    eligible_hosts: list[list[int]] = [[] for _ in applicants]
    eligible_startups: list[list[int]] = [[] for _ in hosts]
    h_index = {h.id: j for j, h in enumerate(hosts)}
    for i, a in enumerate(applicants):
        camp_ok = camp_eligibility.admits(a)
        ranked_hosts = {h_index[h] for h in a.ranking}
        for j, h in enumerate(hosts):
            if not (camp_ok and (h.eligibility is None or h.eligibility.admits(a))):
                if j in ranked_hosts:  # only what an explanation will mention gets its phrases
                    ineligible[(i, j)] = camp_eligibility.failures(a) + (
                        h.eligibility.failures(a) if h.eligibility else ()
                    )
                continue
            value = float(score(a.id, h.id))
            if math.isnan(value):
                raise AllocationInputError(f"score of ({a.id}, {h.id}) is NaN")
            scores[(i, j)] = value
            eligible_hosts[i].append(j)
            eligible_startups[j].append(i)

    s_index = {a.id: i for i, a in enumerate(applicants)}
    host_lists: list[list[int]] = []
    for j, h in enumerate(hosts):
        ranked = tuple(s_index[s] for s in h.ranking)
        order, _ = _ordered(
            ranked,
            h.accept_unranked,
            {i: scores[(i, j)] for i in eligible_startups[j]},
        )
        host_lists.append(order)
    host_rank = tuple({i: r for r, i in enumerate(order)} for order in host_lists)

    startup_lists: list[tuple[int, ...]] = []
    sources: list[Literal["ranking", "score", "ranking+score"]] = []
    for i, a in enumerate(applicants):
        ranked = tuple(h_index[h] for h in a.ranking)
        order, scored = _ordered(
            ranked,
            a.accept_unranked,
            {j: scores[(i, j)] for j in eligible_hosts[i]},
        )
        # Mutual acceptability: a host that would never take the startup is not proposed to.
        startup_lists.append(tuple(j for j in order if i in host_rank[j]))
        if not a.ranking:
            sources.append("score")
        else:
            sources.append("ranking+score" if scored else "ranking")

    return Market(
        applicants=applicants,
        hosts=hosts,
        startup_prefs=tuple(startup_lists),
        host_prefs=tuple(tuple(order) for order in host_lists),
        host_rank=host_rank,
        scores=scores,
        ineligible=ineligible,
        source=tuple(sources),
    )
