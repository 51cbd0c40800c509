"""The first stage's cached facts part (bound_cache.py) is always what ``facts_part`` computes
afresh over every id: after profiles are written, cleared, bulk-loaded, and after more
changes than the masks remember (pure arithmetic over real ``FacetMasks``: no model, no
database)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.matching.bound_cache import BoundCache
from matchmaker.matching.bounds import FactsPart, facts_part
from matchmaker.matching.facts import Facts
from matchmaker.matching.filters import CHANGE_IDS_MAX, CHANGES_KEPT, FacetMasks
from matchmaker.matching.scoring import Weights
from matchmaker.vocab import Domain, Need, Region, Stage, trl_facet

DOMAINS = [d.value for d in Domain][:5]
NEEDS = [n.value for n in Need][:4]
REGIONS = [r.value for r in Region]
STAGES = [s.value for s in Stage]
QUERY = Facts(
    "incubator", 1, "i", frozenset({"ai", "robotics"}), "beijing", "CN", "Beijing",
    stages=frozenset({"pilot"}), services=frozenset({"funding"}), trl_min=3, trl_max=6,
)  # fmt: skip


def facets(rng: np.random.Generator) -> dict[str, list[str]]:
    """A startup's facets, as the startup kind writes them."""
    level = int(rng.integers(1, 10))
    return {
        "domain": sorted(set(rng.choice(DOMAINS, size=int(rng.integers(0, 3))).tolist())),
        "region": [str(rng.choice(REGIONS))],
        "stage": [str(rng.choice(STAGES))],
        "need": sorted(set(rng.choice(NEEDS, size=int(rng.integers(0, 3))).tolist())),
        "trl": trl_facet(level, level),
    }


def write(masks: FacetMasks, ids: list[int], rng: np.random.Generator) -> None:
    masks.set(ids, [facets(rng) for _ in ids], [0] * len(ids))


def assert_fresh(part: FactsPart, masks: FacetMasks) -> None:
    every = np.arange(masks.size, dtype=np.int64)
    fresh = facts_part(QUERY, "startup", masks, Weights(), every)
    for name in ("known", "known_weight", "penalty", "shares"):
        assert np.array_equal(getattr(part, name), getattr(fresh, name)), name


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), rounds=st.integers(1, 6))
def test_the_cached_part_is_the_fresh_one_after_every_kind_of_change(
    seed: int, rounds: int
) -> None:
    rng = np.random.default_rng(seed)
    masks, cache = FacetMasks(), BoundCache()
    write(masks, list(range(1, 300)), rng)
    assert_fresh(cache.part(QUERY, "startup", masks, Weights()), masks)
    for _ in range(rounds):
        change = rng.integers(0, 4)
        if change == 0:  # a few profiles written
            write(masks, rng.choice(np.arange(1, 300), size=5).tolist(), rng)
        elif change == 1:  # deleted
            masks.clear(rng.choice(np.arange(1, 300), size=3))
        elif change == 2:  # a facet value marked in bulk (snapshot loading)
            ids = rng.choice(np.arange(1, 300), size=7)
            masks.set_facet("domain", str(rng.choice(DOMAINS)), ids)
        else:  # a new profile past the arrays' end: they grow
            write(masks, [masks.size + int(rng.integers(0, 50))], rng)
        assert_fresh(cache.part(QUERY, "startup", masks, Weights()), masks)


def test_changes_the_masks_no_longer_remember_rebuild_the_part() -> None:
    rng = np.random.default_rng(7)
    masks, cache = FacetMasks(), BoundCache()
    write(masks, list(range(1, 200)), rng)
    before = masks.version
    cache.part(QUERY, "startup", masks, Weights())
    for i in range(CHANGES_KEPT + 5):
        write(masks, [1 + i % 199], rng)
    assert masks.changed_since(before) is None
    assert_fresh(cache.part(QUERY, "startup", masks, Weights()), masks)
    # A bulk change is not remembered id by id either.
    after = masks.version
    masks.set_facet("domain", "ai", np.arange(1, CHANGE_IDS_MAX + 2, dtype=np.int64))
    assert masks.changed_since(after) is None
    assert_fresh(cache.part(QUERY, "startup", masks, Weights()), masks)


def test_changed_since_names_the_ids_written_after_a_version() -> None:
    rng = np.random.default_rng(3)
    masks = FacetMasks()
    write(masks, [1, 2, 3], rng)
    version = masks.version
    assert len(masks.changed_since(version)) == 0  # type: ignore[arg-type]
    write(masks, [5], rng)
    masks.clear([2])
    changed = masks.changed_since(version)
    assert changed is not None
    assert sorted(changed.tolist()) == [2, 5]


def test_each_query_and_each_set_of_masks_has_its_own_part() -> None:
    rng = np.random.default_rng(11)
    masks, cache = FacetMasks(), BoundCache(entries=2)
    write(masks, list(range(1, 100)), rng)
    other = Facts("incubator", 2, "j", frozenset({"biotech"}), "tianjin", "CN", "Tianjin")
    mine = cache.part(QUERY, "startup", masks, Weights())
    theirs = cache.part(other, "startup", masks, Weights())
    assert not np.array_equal(mine.known, theirs.known)
    fresh = facts_part(other, "startup", masks, Weights(), np.arange(masks.size))
    assert np.array_equal(theirs.known, fresh.known)
    # New masks (a snapshot loaded again) are never read through the old ones' part.
    again = FacetMasks()
    write(again, list(range(1, 100)), np.random.default_rng(12))
    assert_fresh(cache.part(QUERY, "startup", again, Weights()), again)
