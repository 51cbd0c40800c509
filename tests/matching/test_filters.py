"""FacetMasks against a plain dictionary of each profile's facts, after random writes,
deletes and a save/load round trip (no database, no model)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.matching.filters import FacetMasks
from matchmaker.matching.scoring import FOREVER, NEVER

VALUES = {
    "domain": ("ai", "robotics", "quantum"),
    "region": ("beijing", "tianjin"),
    "kind": ("incubator",),
    "subkind": ("offshore_carrier",),  # not a filter facet: never restricts anything
}
FILTERED = ("domain", "region", "kind")
DAYS = (NEVER, 739_000, 739_010, FOREVER)
Facets = dict[str, list[str]]
Row = tuple[Facets, int]
Op = tuple[str, list[int], list[Row]]

facet_values = st.fixed_dictionaries(
    {name: st.lists(st.sampled_from(vs), unique=True, max_size=2) for name, vs in VALUES.items()}
)
# What a match request filters on (matching.service passes exactly the filter facets).
criteria_of = st.fixed_dictionaries(
    {name: st.lists(st.sampled_from(VALUES[name]), unique=True, max_size=2) for name in FILTERED}
)
ops = st.lists(
    st.tuples(
        st.sampled_from(["set", "clear"]),
        # Mostly a few small ids, so that writes and deletes meet the same profiles; some
        # far ones, so that the masks grow.
        st.lists(
            st.one_of(st.integers(0, 12), st.integers(0, 2100)),
            min_size=1,
            max_size=4,
            unique=True,
        ),
        st.lists(st.tuples(facet_values, st.sampled_from(DAYS)), min_size=4, max_size=4),
    ),
    max_size=6,
)


def _apply(masks: FacetMasks, known: dict[int, Row], script: list[Op]) -> None:
    for op, ids, rows in script:
        if op == "set":
            rows = rows[: len(ids)]
            masks.set(ids, [facets for facets, _ in rows], [until for _, until in rows])
            known.update(zip(ids, rows, strict=True))
        else:
            masks.clear(ids)
            for i in ids:
                known.pop(i, None)


def _passes(row: Row, criteria: Facets, today: int | None) -> bool:
    """One profile against a request: any value of each filter facet, and open today."""
    facets, until = row
    return all(
        set(facets.get(name, [])) & set(wanted) for name, wanted in criteria.items() if wanted
    ) and (today is None or until >= today)


def _check(masks: FacetMasks, known: dict[int, Row], criteria: Facets, today: int | None) -> None:
    got = masks.allowed(criteria, today)
    if today is None and not any(criteria.values()):
        assert got is None
        return
    assert got is not None
    # Every written id is inside the mask; ids never written (or cleared) have no facets
    # and no hard rule against them.
    assert all(pid < len(got) for pid in known)
    for pid in range(len(got)):
        assert bool(got[pid]) == _passes(known.get(pid, ({}, FOREVER)), criteria, today), pid


@settings(max_examples=80, deadline=None)
@given(ops, criteria_of, st.sampled_from([None, 739_005, 739_010, 739_011]))
def test_allowed_ids_are_those_whose_facts_pass(
    script: list[Op], criteria: Facets, today: int | None
) -> None:
    masks: FacetMasks = FacetMasks()
    known: dict[int, Row] = {}
    _apply(masks, known, script)
    _check(masks, known, criteria, today)


@settings(max_examples=30, deadline=None)
@given(ops, criteria_of, st.sampled_from([None, 739_005, 739_011]))
def test_a_saved_and_loaded_mask_answers_the_same(
    tmp_path_factory: pytest.TempPathFactory,
    script: list[Op],
    criteria: Facets,
    today: int | None,
) -> None:
    masks: FacetMasks = FacetMasks()
    known: dict[int, Row] = {}
    _apply(masks, known, script)
    path: Path = tmp_path_factory.mktemp("masks") / "masks.npz"
    masks.save(path)
    _check(FacetMasks.load(path), known, criteria, today)


def test_bulk_loading_marks_facets_and_last_open_days() -> None:
    masks = FacetMasks()
    masks.set_facet("domain", "ai", np.array([3, 2000], dtype=np.int64))
    masks.set_facet("subkind", "offshore_carrier", np.array([4], dtype=np.int64))
    masks.set_facet("domain", "ai", np.array([], dtype=np.int64))
    masks.set_until(np.array([3], dtype=np.int64), np.array([739_000], dtype=np.int32))
    masks.set_until(np.array([], dtype=np.int64), np.array([], dtype=np.int32))
    known: dict[int, Row] = {3: ({"domain": ["ai"]}, 739_000), 2000: ({"domain": ["ai"]}, FOREVER)}
    for today in (None, 739_000, 739_001):
        _check(masks, known, {"domain": ["ai"]}, today)
        _check(masks, known, {"domain": ["ai", "robotics"], "region": []}, today)
    assert masks.allowed({"domain": [], "region": []}, None) is None


def test_clearing_unknown_or_far_ids_changes_nothing() -> None:
    masks = FacetMasks()
    masks.set([5], [{"domain": ["ai"]}], [739_000])
    masks.clear([10_000_000])
    masks.clear([])
    masks.set([], [], [])
    _check(masks, {5: ({"domain": ["ai"]}, 739_000)}, {"domain": ["ai"]}, 739_000)


def test_clearing_a_profile_forgets_its_facets_and_its_last_open_day() -> None:
    masks = FacetMasks()
    masks.set([5, 6], [{"domain": ["ai"]}, {"domain": ["ai"]}], [739_000, 739_000])
    masks.clear([5])
    known: dict[int, Row] = {6: ({"domain": ["ai"]}, 739_000)}
    _check(masks, known, {"domain": ["ai"]}, None)
    _check(masks, known, {}, 739_001)  # 5 has no closing day any more, 6 still has one


def test_bulk_loading_one_value_in_batches_keeps_every_batch() -> None:
    masks = FacetMasks()
    masks.set_facet("domain", "ai", np.array([3], dtype=np.int64))
    masks.set_facet("domain", "ai", np.array([7], dtype=np.int64))
    known: dict[int, Row] = {3: ({"domain": ["ai"]}, FOREVER), 7: ({"domain": ["ai"]}, FOREVER)}
    _check(masks, known, {"domain": ["ai"]}, None)


def test_a_value_containing_the_key_separator_survives_a_save(tmp_path: Path) -> None:
    masks = FacetMasks()
    masks.set([1, 2], [{"domain": ["a::b"]}, {"domain": ["a::b::c"]}], [FOREVER, 739_000])
    masks.save(tmp_path / "m.npz")
    loaded = FacetMasks.load(tmp_path / "m.npz")
    known: dict[int, Row] = {
        1: ({"domain": ["a::b"]}, FOREVER),
        2: ({"domain": ["a::b::c"]}, 739_000),
    }
    for criteria in ({"domain": ["a::b"]}, {"domain": ["a::b::c"]}, {"domain": ["b"]}):
        _check(loaded, known, criteria, 739_001)


def test_ids_and_facts_of_different_lengths_are_refused() -> None:
    masks = FacetMasks()
    with pytest.raises(ValueError, match="zip"):
        masks.set([1, 2], [{"domain": ["ai"]}], [FOREVER, FOREVER])


def test_the_snapshot_keeps_last_open_days_in_32_bits(tmp_path: Path) -> None:
    # One day per profile id in memory and on disk: 4 bytes each at a million profiles.
    masks = FacetMasks()
    masks.set([1, 2], [{}, {}], [739_000, FOREVER])
    masks.save(tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz") as data:
        assert data["until"].dtype == np.int32
        assert data["until"].tolist() == [739_000]
        assert data["until_ids"].tolist() == [1]


def test_growing_the_masks_keeps_what_they_knew() -> None:
    masks = FacetMasks()
    masks.set([5], [{"domain": ["ai"]}], [739_000])
    masks.set([5000], [{"domain": ["robotics"]}], [FOREVER])  # far beyond: the masks grow
    known: dict[int, Row] = {
        5: ({"domain": ["ai"]}, 739_000),
        5000: ({"domain": ["robotics"]}, FOREVER),
    }
    for criteria in ({"domain": ["ai"]}, {"domain": ["robotics"]}, {}):
        for today in (None, 739_000, 739_001):
            _check(masks, known, criteria, today)


def test_clearing_an_id_never_written_changes_nothing_wherever_it_lies() -> None:
    masks = FacetMasks()
    masks.set([5], [{"domain": ["ai"]}], [739_000])
    for far in (1023, 1024, 1025, 2047, 2048, 2049, 4096):
        masks.clear([far])
    _check(masks, {5: ({"domain": ["ai"]}, 739_000)}, {"domain": ["ai"]}, 739_000)
