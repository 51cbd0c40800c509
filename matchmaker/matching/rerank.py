"""Re-ranking a scored list for diversity and regional balance, after scoring.

The engine scores a wider pool than it shows; these steps only choose and order the shown
ones, so every score stays the engine's own pair score ("one scorer, one truth"), and each
item placed out of its plain order carries a message saying why.

- **one per organisation**: the best-scored profile of each organisation is kept, the rest
  of that organisation left out (``organisations.py`` says what an organisation is).
- **maximal marginal relevance** (Carbonell & Goldstein, 1998): each next item maximises
  ``λ·score − (1−λ)·max cosine to the items above it``, the cosines between the profiles'
  stored vectors; λ = 1 is the plain order.
- **regional minimum share**, in the spirit of FA*IR (Zehlike et al., 2017): in every prefix
  of length i of the list, each protected region group has at least ⌊share·i⌋ items while
  the pool has any left. FA*IR's binomial table is replaced by this plain proportion so a
  reader can check a list by hand; when the pool runs short, the list says so.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy.orm import Session

from matchmaker.errors import InvalidInput
from matchmaker.matching.encoder import Index
from matchmaker.matching.facts import Facts
from matchmaker.matching.messages import Message
from matchmaker.matching.organisations import organisations
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.vocab import region_group as group_of_region

# Region groups of the Beijing–Tianjin–Hebei policy: the three jurisdictions, and the rest.
REGION_GROUPS = ("beijing", "tianjin", "hebei", "elsewhere")
# Candidates scored per shown item when a re-ranking step is on (the pool it chooses from).
POOL_FACTOR = 5
MIN_POOL = 50


def region_group(region: str) -> str:
    return str(group_of_region(region))


@dataclass(frozen=True, slots=True)
class RerankOptions:
    """The re-ranking steps of one list, resolved (the request's choices over the defaults)."""

    mmr: bool = False
    mmr_lambda: float = 0.7
    one_per_org: bool = False
    fair_regions: tuple[str, ...] = ()
    fair_share: float = 0.2

    @property
    def fair(self) -> bool:
        return bool(self.fair_regions) and self.fair_share > 0

    @property
    def active(self) -> bool:
        return self.mmr or self.one_per_org or self.fair


@dataclass(frozen=True, slots=True)
class RerankRequest:
    """What a request asked for; None leaves the service's default (``Settings.rerank_*``)."""

    diversity: str | None = None  # "none" or "mmr"
    mmr_lambda: float | None = None
    one_per_org: bool | None = None
    fair_regions: tuple[str, ...] | None = None
    fair_share: float | None = None

    def over(self, defaults: RerankOptions) -> RerankOptions:
        """The options of one list; 422 (naming fair_share) for minimum shares that cannot
        all hold."""
        options = RerankOptions(
            mmr=defaults.mmr if self.diversity is None else self.diversity == "mmr",
            mmr_lambda=defaults.mmr_lambda if self.mmr_lambda is None else self.mmr_lambda,
            one_per_org=defaults.one_per_org if self.one_per_org is None else self.one_per_org,
            fair_regions=tuple(
                dict.fromkeys(
                    defaults.fair_regions if self.fair_regions is None else self.fair_regions
                )
            ),
            fair_share=defaults.fair_share if self.fair_share is None else self.fair_share,
        )
        problem = check_share(options.fair_regions, options.fair_share)
        if problem:
            raise InvalidInput("fair_share", problem)
        return options


def check_share(fair_regions: Sequence[str], fair_share: float) -> str | None:
    """Why the minimum shares cannot all hold together, or None when they can."""
    if len(fair_regions) * fair_share > 1:
        return (
            f"{len(fair_regions)} region groups cannot each have {fair_share:g} of a list; "
            f"at most {1 / len(fair_regions):.2f} each"
        )
    return None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One scored candidate, in the engine's plain order."""

    relevance: float  # the engine's raw score of the pair
    group: str  # region group
    org: str | None = None  # organisation key, when one_per_org is on


@dataclass
class Reranked:
    """Positions into the candidates, in the new order, each with why it is there (None when
    the plain order put it there), and notes about the list as a whole."""

    order: list[tuple[int, Message | None]] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)


def _one_per_org(candidates: Sequence[Candidate]) -> list[int]:
    """Positions of the best-scored candidate of each organisation (all without one)."""
    seen: set[str] = set()
    kept: list[int] = []
    for i, c in enumerate(candidates):
        if c.org is not None and c.org in seen:
            continue
        if c.org is not None:
            seen.add(c.org)
        kept.append(i)
    return kept


def _due(
    options: RerankOptions, counts: Counter[str], position: int, end: int, left: Counter[str]
) -> str | None:
    """The protected group that must take ``position`` (1-based) so that every prefix up to
    ``end`` can still hold its minimum; None when the position is free.

    A group's next unmet minimum is its deadline. A position is forced when, for some prefix
    j, the minimums still unmet by j fill every position left up to j (several groups can
    step up at the same length); the group with the earliest deadline then takes it, which
    meets every deadline that can be met. A group with no candidate left owes nothing.
    """
    groups = [g for g in options.fair_regions if left[g] > 0]

    def owed(group: str, j: int) -> int:
        wanted = math.floor(options.fair_share * j + 1e-9)
        return min(max(0, wanted - counts[group]), left[group])

    deadline = {}
    for group in groups:
        deadline[group] = next((j for j in range(position, end + 1) if owed(group, j)), end + 1)
    for j in range(position, end + 1):
        if sum(owed(g, j) for g in groups) >= j - position + 1:
            return min(groups, key=lambda g: (deadline[g], options.fair_regions.index(g)))
    return None


def rerank(
    candidates: Sequence[Candidate],
    k: int,
    options: RerankOptions,
    vectors: np.ndarray | None = None,
) -> Reranked:
    """The ``k`` items to show, in order. ``vectors`` (unit rows, one per candidate) are
    needed for MMR only."""
    out = Reranked()
    pool = _one_per_org(candidates) if options.one_per_org else list(range(len(candidates)))
    mmr = vectors if options.mmr else None
    relevance = np.fromiter((c.relevance for c in candidates), np.float64, len(candidates))
    # The highest similarity of each candidate to those already chosen (one matrix-vector
    # product per pick: the full similarity matrix cost more than the whole list).
    closest = np.full(len(candidates), -np.inf)
    counts: Counter[str] = Counter()
    left = Counter(candidates[i].group for i in pool)
    end = min(k, len(pool))
    while pool and len(out.order) < k:
        position = len(out.order) + 1
        group = _due(options, counts, position, end, left) if options.fair else None
        choices = [i for i in pool if group is None or candidates[i].group == group]
        pick = choices[0]
        why: Message | None = None
        if mmr is not None and out.order:
            lam, at = options.mmr_lambda, np.asarray(choices)
            gains = lam * relevance[at] - (1 - lam) * closest[at]
            pick = choices[int(np.argmax(gains))]  # argmax: the first of equals, plain order
            if pick != choices[0]:
                why = Message("rerank_diversity", {"rank": pick + 1})
        if group is not None and pick != pool[0]:
            why = Message("rerank_region", {"region": group, "share": options.fair_share})
        elif why is None and pick > len(out.order):  # those above it left out: same org
            why = Message("rerank_org", {"rank": pick + 1})
        out.order.append((pick, why))
        pool.remove(pick)
        counts[candidates[pick].group] += 1
        left[candidates[pick].group] -= 1
        if mmr is not None:
            closest = np.maximum(closest, mmr @ mmr[pick])
    size = len(out.order)
    for group in options.fair_regions if options.fair else ():
        wanted = math.floor(options.fair_share * size + 1e-9)
        if counts[group] < wanted:
            found = counts[group]
            out.notes.append(
                Message("rerank_region_short", {"region": group, "wanted": wanted, "found": found})
            )
    return out


def choose(
    session: Session,
    target: ProfileKind,
    index: Index,
    ranked: Sequence[tuple[float, Facts]],
    limit: int,
    options: RerankOptions,
) -> tuple[list[tuple[int, Message | None]], list[Message]]:
    """Positions into ``ranked`` ((raw score, facts), in the plain order) to show, each with
    why it is there, and notes on the list; the plain top ``limit`` when nothing is asked."""
    if not options.active:
        return [(i, None) for i in range(min(limit, len(ranked)))], []
    pool = ranked[: max(limit * POOL_FACTOR, MIN_POOL)]
    ids = [facts.id for _, facts in pool]
    orgs = organisations(session, target, ids) if options.one_per_org else {}
    vectors = None
    if options.mmr:
        # A profile deleted since the search has no vector left: it counts as like nothing.
        present = [i for i in ids if i in index]
        stored = dict(zip(present, index.vectors(present), strict=True)) if present else {}
        vectors = np.zeros((len(ids), index.dim), dtype=np.float32)
        for row, pid in enumerate(ids):
            if pid in stored:
                vectors[row] = stored[pid]
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
    candidates = [
        Candidate(score, region_group(facts.region), orgs.get(facts.id)) for score, facts in pool
    ]
    out = rerank(candidates, limit, options, vectors)
    return out.order, out.notes
