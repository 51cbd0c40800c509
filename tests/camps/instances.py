"""Random small camps for property tests, and brute-force references to check against.

Scores come from a deterministic table drawn by hypothesis: allocation is pure arithmetic over
preferences, so a score table stands in for the engine's reciprocal score legitimately.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from hypothesis import settings
from hypothesis import strategies as st

from matchmaker.camps.allocation import Allocation
from matchmaker.camps.market import Applicant, Eligibility, Host, Market, Quota


def fast(max_examples: int = 60) -> settings:
    """The properties' settings: ``max_examples``, or fewer if the loaded profile says so
    (the ``mutation`` profile of tests/conftest.py; the normal run keeps ``max_examples``)."""
    loaded = settings.default
    limit = max_examples if loaded is None else min(max_examples, loaded.max_examples)
    return settings(max_examples=limit, deadline=None)


DOMAINS = ("quantum", "robotics", "biomedicine")
REGIONS = ("beijing", "tianjin", "hebei")
CITIES = ("haidian", "binhai", "xiongan", "chaoyang")


@dataclass
class Instance:
    applicants: list[Applicant]
    hosts: list[Host]
    table: dict[tuple[int, int], int]
    eligibility: Eligibility | None = None
    quotas: list[Quota] = field(default_factory=list)
    locked: dict[int, int] = field(default_factory=dict)

    def score(self, startup_id: int, host_id: int) -> float:
        return float(self.table[(startup_id, host_id)])


@st.composite
def instances(
    draw: st.DrawFn,
    max_startups: int = 6,
    max_hosts: int = 3,
    max_places: int = 2,
    rankings: bool = True,
) -> Instance:
    n = draw(st.integers(1, max_startups))
    k = draw(st.integers(1, max_hosts))
    host_ids = [10 * (j + 1) for j in range(k)]
    startup_ids = [100 + 7 * i for i in range(n)]
    applicants = []
    for s in startup_ids:
        ranking: tuple[int, ...] = ()
        if rankings and draw(st.booleans()):
            ranking = tuple(draw(st.permutations(host_ids))[: draw(st.integers(1, k))])
        applicants.append(
            Applicant(
                id=s,
                domains=draw(st.frozensets(st.sampled_from(DOMAINS), min_size=1)),
                stage=draw(st.sampled_from(("prototype", "pilot"))),
                trl=draw(st.integers(1, 9)),
                attributes={
                    "region": draw(st.sampled_from(REGIONS)),
                    "city": draw(st.sampled_from(CITIES)),
                },
                ranking=ranking,
                accept_unranked=not ranking or draw(st.booleans()),
            )
        )
    hosts = []
    for h in host_ids:
        eligibility = None
        if draw(st.booleans()):
            low = draw(st.integers(1, 6))
            eligibility = Eligibility(
                domains=draw(st.frozensets(st.sampled_from(DOMAINS))),
                trl_min=low,
                trl_max=draw(st.integers(low, 9)),
            )
        ranking = ()
        if rankings and draw(st.booleans()):
            ranking = tuple(draw(st.permutations(startup_ids))[: draw(st.integers(1, n))])
        hosts.append(
            Host(
                id=h,
                places=draw(st.integers(0, max_places)),
                eligibility=eligibility,
                ranking=ranking,
                accept_unranked=not ranking or draw(st.booleans()),
            )
        )
    # Few distinct values, so ties (and the tie-break by id) happen often.
    table = {(s, h): draw(st.integers(0, 3)) for s in startup_ids for h in host_ids}
    return Instance(applicants, hosts, table)


def matchings(market: Market, places: Sequence[int], skip: set[int]) -> Iterator[dict[int, int]]:
    """Every assignment of applicant index -> host index within places (mutually acceptable)."""
    free = [i for i in range(len(market.applicants)) if i not in skip]
    options = [[-1, *market.startup_prefs[i]] for i in free]
    for combo in itertools.product(*options):
        load = [0] * len(places)
        for j in combo:
            if j >= 0:
                load[j] += 1
        if all(load[j] <= places[j] for j in range(len(places))):
            yield {i: j for i, j in zip(free, combo, strict=True) if j >= 0}


def prefers(market: Market, i: int, j: int, current: int | None) -> bool:
    prefs = market.startup_prefs[i]
    if j not in prefs:
        return False
    return current is None or prefs.index(j) < prefs.index(current)


def blocking_pairs(
    market: Market,
    matching: dict[int, int],
    places: Sequence[int],
    exempt: dict[int, set[int]] | None = None,
    host_caps: Sequence[tuple[int, frozenset[int], int]] = (),
    skip: set[int] | None = None,
) -> list[tuple[int, int]]:
    """Pairs (applicant, host) that would both rather be together, all by index.

    A holder in ``exempt[host]`` (locked, or kept for a floor) cannot be displaced;
    ``host_caps`` are (host, members, bound) limits the host must keep.
    """
    exempt = exempt or {}
    skip = skip or set()
    out = []
    for i in range(len(market.applicants)):
        if i in skip:
            continue
        for j in market.startup_prefs[i]:
            if not prefers(market, i, j, matching.get(i)):
                continue
            holders = [t for t, h in matching.items() if h == j]
            rank = market.host_rank[j]

            def fits(group: list[int], j: int = j) -> bool:
                if len(group) > places[j]:
                    return False
                return all(
                    sum(t in members for t in group) <= bound
                    for host, members, bound in host_caps
                    if host == j
                )

            if fits([*holders, i]) or any(
                t not in exempt.get(j, set())
                and rank[t] > rank[i]
                and fits([x for x in holders if x != t] + [i])
                for t in holders
            ):
                out.append((i, j))
    return out


def index_matching(alloc: Allocation) -> dict[int, int]:
    s_index, h_index = alloc.market.startup_index(), alloc.market.host_index()
    return {s_index[s]: h_index[h] for s, h in alloc.assignments.items()}
