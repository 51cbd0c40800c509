"""Properties of the camp allocation on random small camps, checked against brute force."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from matchmaker.camps.allocation import Allocation, allocate
from matchmaker.camps.explain import explain
from matchmaker.camps.market import Quota
from tests.camps.instances import (
    CITIES,
    REGIONS,
    Instance,
    blocking_pairs,
    fast,
    index_matching,
    instances,
    matchings,
    prefers,
)

FAST = fast()


def _run(inst: Instance) -> Allocation:
    return allocate(
        inst.applicants,
        inst.hosts,
        inst.score,
        eligibility=inst.eligibility,
        quotas=inst.quotas,
        locked=inst.locked,
    )


@FAST
@given(instances(), st.data())
def test_places_eligibility_and_caps_always_hold(inst: Instance, data: st.DataObject) -> None:
    city_cap = data.draw(st.integers(0, 2))
    inst.quotas = [
        Quota("per city", "city", per_value=True, at_most=city_cap),
        Quota("host cap", "region", frozenset({"tianjin"}), at_most=1, host_id=inst.hosts[0].id),
        Quota("tj-hb", "region", frozenset({"tianjin", "hebei"}), at_least_share=0.5),
    ]
    alloc = _run(inst)
    m = alloc.market
    by_id = {a.id: a for a in inst.applicants}
    for h in inst.hosts:
        inside = [s for s, x in alloc.assignments.items() if x == h.id]
        assert len(inside) <= h.places
        for s in inside:  # nothing is locked here, so every pair must be eligible
            assert (m.startup_index()[s], m.host_index()[h.id]) in m.scores
    for city in CITIES:
        assert sum(by_id[s].attributes["city"] == city for s in alloc.assignments) <= city_cap
    first = inst.hosts[0].id
    assert (
        sum(
            by_id[s].attributes["region"] == "tianjin" and h == first
            for s, h in alloc.assignments.items()
        )
        <= 1
    )
    assert all(row.met for row in alloc.quota_report if row.kind == "at_most")
    assert set(alloc.assignments) | set(alloc.unplaced) == set(by_id)


@FAST
@given(instances(max_startups=5, max_hosts=3))
def test_without_quotas_result_is_the_startup_optimal_stable_matching(inst: Instance) -> None:
    alloc = _run(inst)
    m = alloc.market
    places = [h.places for h in m.hosts]
    ours = index_matching(alloc)
    assert blocking_pairs(m, ours, places) == []
    stable = [mu for mu in matchings(m, places, set()) if not blocking_pairs(m, mu, places)]
    assert ours in stable
    for mu in stable:
        for i in range(len(m.applicants)):
            # No stable matching gives any startup a host it likes better than ours.
            assert i not in mu or not prefers(m, i, mu[i], ours.get(i))


@FAST
@given(instances(), st.data())
def test_no_blocking_pair_under_caps_and_camp_priority_decides_caps(
    inst: Instance, data: st.DataObject
) -> None:
    # City and region are drawn independently, so the two camp caps overlap arbitrarily.
    inst.quotas = [
        Quota("per city", "city", per_value=True, at_most=data.draw(st.integers(0, 2))),
        Quota(
            "north",
            "region",
            frozenset({"beijing", "tianjin"}),
            at_most=data.draw(st.integers(0, 3)),
        ),
        Quota(
            "host cap",
            "region",
            frozenset({"hebei"}),
            at_most=data.draw(st.integers(0, 1)),
            host_id=inst.hosts[-1].id,
        ),
    ]
    alloc = _run(inst)
    m = alloc.market
    s_index, h_index = m.startup_index(), m.host_index()
    caps = [
        (h_index[h], frozenset(s_index[s] for s in ids), bound)
        for h, _n, ids, bound in alloc.host_caps
    ]
    excluded = {s_index[s] for s in alloc.excluded_by_cap}
    ours = index_matching(alloc)
    places = [h.places for h in m.hosts]
    assert blocking_pairs(m, ours, places, host_caps=caps, skip=excluded) == []
    assert all(row.met for row in alloc.quota_report)
    # Whoever a camp cap left out is below every placed member of that group, and the
    # cap is exactly full: leaving it out was necessary.
    priority = {s: p for p, s in enumerate(alloc.camp_priority)}
    by_id = {a.id: a for a in m.applicants}
    quota = {q.name: q for q in inst.quotas}
    for s, name in alloc.excluded_by_cap.items():
        q = quota[name]
        group = q.group_of(by_id[s])
        same = [t for t in alloc.assignments if q.group_of(by_id[t]) == group]
        assert len(same) == q.at_most
        assert all(priority[t] < priority[s] for t in same)


@FAST
@given(instances(max_startups=6, max_hosts=3), st.sampled_from([0.3, 0.5, 0.8, 1.0]))
def test_floor_is_met_whenever_some_assignment_meets_it(inst: Instance, share: float) -> None:
    group = frozenset({"tianjin", "hebei"})
    inst.quotas = [Quota("tj-hb", "region", group, at_least_share=share)]
    alloc = _run(inst)
    m = alloc.market
    places = [h.places for h in m.hosts]
    members = {i for i, a in enumerate(m.applicants) if a.attributes["region"] in group}
    best = max(len(members & set(mu)) for mu in matchings(m, places, set()))
    row = alloc.quota_report[0]
    assert row.achieved >= min(row.required, best)
    assert row.met == (row.achieved >= row.required)
    if not row.met:
        assert row.reason
    # Any pair that would block is explained by a startup the host kept for the floor.
    kept = {
        m.host_index()[h]: {m.startup_index()[s] for s in ids}
        for h, ids in alloc.floor_kept.items()
    }
    assert blocking_pairs(m, index_matching(alloc), places, exempt=kept) == []
    assert all(kept_ids <= members for kept_ids in kept.values())


@FAST
@given(instances(), st.data())
def test_locked_assignments_are_kept_and_the_rest_stays_stable(
    inst: Instance, data: st.DataObject
) -> None:
    open_hosts = [h for h in inst.hosts if h.places > 0]
    if open_hosts:
        s = data.draw(st.sampled_from(inst.applicants)).id
        inst.locked = {s: data.draw(st.sampled_from(open_hosts)).id}
    alloc = _run(inst)
    for s, h in inst.locked.items():
        assert alloc.assignments[s] == h
    m = alloc.market
    s_index, h_index = m.startup_index(), m.host_index()
    exempt = {h_index[h]: {s_index[s]} for s, h in inst.locked.items()}
    skip = {s_index[s] for s in inst.locked}
    places = [h.places for h in m.hosts]
    assert blocking_pairs(m, index_matching(alloc), places, exempt=exempt, skip=skip) == []


@FAST
@given(instances(), st.randoms(use_true_random=False))
def test_input_order_does_not_change_the_result(inst: Instance, rnd: random.Random) -> None:
    inst.quotas = [Quota("per city", "city", per_value=True, at_most=1)]
    first = _run(inst)
    rnd.shuffle(inst.applicants)
    rnd.shuffle(inst.hosts)
    again = _run(inst)
    assert first.assignments == again.assignments
    assert first.quota_report == again.quota_report


@FAST
@given(instances(), st.data())
def test_explanations_agree_with_the_preferences_used(inst: Instance, data: st.DataObject) -> None:
    if data.draw(st.booleans()):
        inst.quotas = [Quota("tj", "region", frozenset({REGIONS[1]}), at_least=2)]
    alloc = _run(inst)
    m = alloc.market
    notes = explain(alloc)
    assert set(notes) == {a.id for a in m.applicants}
    h_index, s_index = m.host_index(), m.startup_index()
    holders: dict[int, list[int]] = {}
    for s, h in alloc.assignments.items():
        holders.setdefault(h, []).append(s)
    for s, ex in notes.items():
        i = s_index[s]
        prefs = [m.hosts[j].id for j in m.startup_prefs[i]]
        assert ex.choices == len(prefs)
        assert ex.sentence
        if ex.status == "placed":
            assert ex.host_id == alloc.assignments[s]
            assert prefs[ex.choice - 1] == ex.host_id  # type: ignore[operator]
            assert [n.host_id for n in ex.ahead] == prefs[: ex.choice - 1]  # type: ignore[operator]
        else:
            assert ex.status == "unplaced"
            assert s in alloc.unplaced
            expected = [] if ex.outcome == "camp_cap" else prefs
            assert [n.host_id for n in ex.ahead] == expected
            if not prefs:
                assert ex.outcome in ("no_eligible_host", "no_acceptable_host")
        for note in ex.ahead:
            j = h_index[note.host_id]
            assert note.your_rank == m.host_rank[j][i] + 1
            assert note.reason != "unexplained"
            inside = holders.get(note.host_id, [])
            if note.reason == "full":
                assert len(inside) == note.places == m.hosts[j].places
                assert all(m.host_rank[j][s_index[t]] < m.host_rank[j][i] for t in inside)
            if note.reason == "floor":
                assert set(alloc.floor_kept[note.host_id]) & set(inside)
        for alt in ex.alternatives:
            if alt.kind == "free_places":
                left = m.hosts[h_index[alt.host_id]].places - len(holders.get(alt.host_id, []))
                assert alt.free_places == left > 0
            else:
                assert alt.places_short is not None
                assert alt.places_short > 0
