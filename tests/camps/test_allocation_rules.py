"""Rules of the allocation that only show when locks, caps, floors and priorities combine.

Examples are small enough to check by hand; the properties check random camps against
oracles computed here from the inputs (brute force over assignments, or the rule re-stated),
never against the allocation's own fields.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matchmaker.camps import allocation
from matchmaker.camps.allocation import Allocation, allocate
from matchmaker.camps.market import AllocationInputError, Applicant, Eligibility, Host, Quota
from tests.camps.instances import (
    CITIES,
    Instance,
    blocking_pairs,
    fast,
    index_matching,
    instances,
)
from tests.camps.test_allocation_examples import startup, table_score

FAST = fast()
PER_CITY = Quota("one per city", "city", per_value=True, at_most=1)


def test_locked_startups_count_toward_a_city_cap_before_anyone_else() -> None:
    # 802 scores higher, but the locked 801 already fills the city's one slot.
    apps = [startup(801, "hebei"), startup(802, "hebei")]
    scores = {(801, 1): 0.1, (802, 1): 0.9}
    alloc = allocate(
        apps, [Host(1, places=2)], table_score(scores), quotas=[PER_CITY], locked={801: 1}
    )
    assert alloc.assignments == {801: 1}
    assert alloc.excluded_by_cap == {802: "one per city"}
    [row] = alloc.quota_report
    assert (row.group, row.required, row.achieved, row.met) == ("hebei", 1, 1, True)


def test_a_locked_startup_uses_the_cap_room_of_its_own_host_only() -> None:
    hebei_at_1 = Quota("one Hebei at host 1", "region", frozenset({"hebei"}), at_most=1, host_id=1)
    apps = [startup(811, "hebei"), startup(812, "hebei", ranking=(1, 2))]
    hosts = [Host(1, places=2), Host(2, places=2)]
    # Locked at host 2: host 1's Hebei slot is still free for 812's first choice.
    elsewhere = allocate(apps, hosts, table_score({}), quotas=[hebei_at_1], locked={811: 2})
    assert elsewhere.assignments == {811: 2, 812: 1}
    # Locked at host 1: that slot is taken, so 812 goes to its second choice.
    here = allocate(apps, hosts, table_score({}), quotas=[hebei_at_1], locked={811: 1})
    assert here.assignments == {811: 1, 812: 2}
    assert [r.achieved for r in here.quota_report] == [1]


def test_a_lock_beyond_a_host_cap_does_not_stop_others_outside_the_capped_group() -> None:
    # The locked Hebei startup already breaks "no Hebei at host 1"; a Beijing startup is not
    # in that group, so the cap has nothing to say about it (this used to raise IndexError).
    hebei = frozenset({"hebei"})
    no_hebei_at_1 = Quota("no Hebei at host 1", "region", hebei, at_most=0, host_id=1)
    apps = [startup(821, "hebei"), startup(822, "beijing")]
    alloc = allocate(
        apps, [Host(1, places=2)], table_score({}), quotas=[no_hebei_at_1], locked={821: 1}
    )
    assert alloc.assignments == {821: 1, 822: 1}


def test_an_explicit_camp_priority_decides_who_a_cap_keeps() -> None:
    apps = [startup(s, "tianjin") for s in (901, 902, 903)]
    scores = {(901, 1): 0.9, (902, 1): 0.5, (903, 1): 0.1}
    hosts = [Host(1, places=3)]
    by_score = allocate(apps, hosts, table_score(scores), quotas=[PER_CITY])
    assert by_score.assignments == {901: 1}
    # Unknown ids are ignored; a repeated id keeps its first position.
    chosen = allocate(
        apps, hosts, table_score(scores), quotas=[PER_CITY], camp_priority=[999, 903, 901, 903]
    )
    assert chosen.assignments == {903: 1}
    assert chosen.camp_priority == (903, 901, 902)
    assert chosen.excluded_by_cap == {901: "one per city", 902: "one per city"}


def test_default_camp_priority_is_each_startups_best_score_over_its_hosts() -> None:
    # 1001's best score (0.9) beats 1002's (0.5), though its worst (0.1) is lower.
    apps = [startup(1001, "hebei"), startup(1002, "hebei")]
    scores = {(1001, 1): 0.9, (1001, 2): 0.1, (1002, 1): 0.5, (1002, 2): 0.5}
    hosts = [Host(1, places=1), Host(2, places=1)]
    alloc = allocate(apps, hosts, table_score(scores), quotas=[PER_CITY])
    assert alloc.assignments == {1001: 1}
    assert alloc.camp_priority == (1001, 1002)


def test_a_host_cap_releases_a_startup_a_floor_needs_when_no_other_choice_is_left() -> None:
    # Both Tianjin startups can only go to host 1, whose cap takes one of them; the floor
    # of two cannot hold them both, so the host keeps the one it ranks higher.
    apps = [startup(s, "tianjin", ranking=(1,), accept_unranked=False) for s in (1101, 1102)]
    hosts = [Host(1, places=2, ranking=(1102, 1101)), Host(2, places=2)]
    floor = Quota("two from Tianjin", "region", frozenset({"tianjin"}), at_least=2)
    cap = Quota("one Tianjin at host 1", "region", frozenset({"tianjin"}), at_most=1, host_id=1)
    alloc = allocate(apps, hosts, table_score({}), quotas=[floor, cap])
    assert alloc.assignments == {1102: 1}
    floor_row, cap_row = alloc.quota_report
    assert (floor_row.name, cap_row.name) == ("two from Tianjin", "one Tianjin at host 1")
    assert (floor_row.required, floor_row.achieved, floor_row.met) == (2, 1, False)
    assert floor_row.reason == (
        "only 1 startup of the group could be placed at all, given eligibility, "
        "both sides' rankings and the hosts' places"
    )
    assert (cap_row.achieved, cap_row.met) == (1, True)


def _spare_place_camp() -> tuple[list[Applicant], list[Host], dict[tuple[int, int], float]]:
    # 1201 and 1202 share a city; 1203 only gets a place once 1202 is left out.
    apps = [startup(1201, "hebei"), startup(1202, "hebei"), startup(1203, "tianjin")]
    scores = {(1201, 1): 0.9, (1202, 1): 0.8, (1203, 1): 0.1}
    return apps, [Host(1, places=2)], scores


def test_a_cap_exclusion_is_followed_by_a_rerun_that_refills_the_place() -> None:
    apps, hosts, scores = _spare_place_camp()
    alloc = allocate(apps, hosts, table_score(scores), quotas=[PER_CITY])
    assert alloc.assignments == {1201: 1, 1203: 1}
    assert alloc.excluded_by_cap == {1202: "one per city"}
    assert alloc.runs == 2


def test_out_of_runs_the_caps_still_hold_and_the_place_stays_empty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(allocation, "MAX_RUNS", 1)
    apps, hosts, scores = _spare_place_camp()
    alloc = allocate(apps, hosts, table_score(scores), quotas=[PER_CITY])
    assert alloc.runs == 1
    assert alloc.assignments == {1201: 1}
    assert alloc.excluded_by_cap == {1202: "one per city"}
    assert alloc.unplaced == (1202, 1203)


def _priority_oracle(inst: Instance, explicit: list[int]) -> list[int]:
    """Camp priority re-stated: listed ids first (once, known only), then best eligible
    score from the score table, ties by id."""
    alloc = allocate(inst.applicants, inst.hosts, inst.score)
    eligible = {
        (alloc.market.applicants[i].id, alloc.market.hosts[j].id) for i, j in alloc.market.scores
    }
    ids = sorted(a.id for a in inst.applicants)
    head = list(dict.fromkeys(s for s in explicit if s in ids))
    best = {
        s: max((inst.table[(s, h)] for (t, h) in eligible if t == s), default=float("-inf"))
        for s in ids
    }
    return head + sorted((s for s in ids if s not in head), key=lambda s: (-best[s], s))


@FAST
@given(instances(), st.data())
def test_camp_priority_is_the_listed_ids_then_best_score(
    inst: Instance, data: st.DataObject
) -> None:
    ids = [a.id for a in inst.applicants]
    explicit = data.draw(st.lists(st.sampled_from([*ids, 999]), max_size=len(ids) + 1))
    alloc = allocate(
        inst.applicants, inst.hosts, inst.score, quotas=[PER_CITY], camp_priority=explicit
    )
    expected = _priority_oracle(inst, explicit)
    assert list(alloc.camp_priority) == expected
    # The cap keeps, in each city, only startups above everyone it left out there.
    rank = {s: p for p, s in enumerate(expected)}
    city = {a.id: a.attributes["city"] for a in inst.applicants}
    for s in alloc.excluded_by_cap:
        assert all(rank[t] < rank[s] for t in alloc.assignments if city[t] == city[s])


@FAST
@given(instances(), st.data())
def test_locked_startups_use_up_camp_and_host_cap_room(inst: Instance, data: st.DataObject) -> None:
    open_hosts = [h for h in inst.hosts if h.places > 0]
    if open_hosts:
        ids = [a.id for a in inst.applicants]
        for s in data.draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)):
            host = data.draw(st.sampled_from(open_hosts))
            if sum(h == host.id for h in inst.locked.values()) < host.places:
                inst.locked[s] = host.id
    host_bound = data.draw(st.integers(0, 1))
    city_bound = data.draw(st.integers(0, 2))
    first = inst.hosts[0].id
    inst.quotas = [
        Quota("per city", "city", per_value=True, at_most=city_bound),
        Quota("host cap", "region", frozenset({"hebei"}), at_most=host_bound, host_id=first),
    ]
    alloc = allocate(
        inst.applicants, inst.hosts, inst.score, quotas=inst.quotas, locked=inst.locked
    )
    by_id = {a.id: a for a in inst.applicants}
    assert {s: alloc.assignments[s] for s in inst.locked} == inst.locked
    free = {s: h for s, h in alloc.assignments.items() if s not in inst.locked}
    for c in CITIES:
        locked_here = sum(by_id[s].attributes["city"] == c for s in inst.locked)
        placed_here = sum(by_id[s].attributes["city"] == c for s in free)
        # Locks come first: the others only get the room the locked ones leave.
        assert placed_here <= max(0, city_bound - locked_here)

    def at_first_in_hebei(assigned: dict[int, int]) -> int:
        return sum(
            h == first and by_id[s].attributes["region"] == "hebei" for s, h in assigned.items()
        )

    locked_hebei = at_first_in_hebei(inst.locked)
    assert at_first_in_hebei(free) <= max(0, host_bound - locked_hebei)
    # Nobody who was neither locked nor left out by a cap has a host that would take them.
    m = alloc.market
    s_index, h_index = m.startup_index(), m.host_index()
    hebei = frozenset(i for i, a in enumerate(m.applicants) if a.attributes["region"] == "hebei")
    exempt: dict[int, set[int]] = {}
    for s, h in inst.locked.items():
        exempt.setdefault(h_index[h], set()).add(s_index[s])
    skip = {s_index[s] for s in [*inst.locked, *alloc.excluded_by_cap]}
    places = [h.places for h in m.hosts]
    caps = [(h_index[first], hebei, host_bound)]
    assert (
        blocking_pairs(m, index_matching(alloc), places, exempt=exempt, host_caps=caps, skip=skip)
        == []
    )


def test_locked_startups_beyond_a_cap_stay_and_the_report_says_why() -> None:
    apps = [startup(s, "hebei") for s in (1301, 1302, 1303)]
    locked = {1301: 1, 1302: 1}
    alloc = allocate(apps, [Host(1, places=3)], table_score({}), quotas=[PER_CITY], locked=locked)
    assert alloc.assignments == locked
    assert alloc.excluded_by_cap == {1303: "one per city"}
    [row] = alloc.quota_report
    assert (row.required, row.achieved, row.met) == (1, 2, False)
    assert row.reason == "locked assignments already exceed the cap"


def test_a_floor_missed_because_a_camp_cap_left_members_out_says_so() -> None:
    apps = [startup(s, "tianjin") for s in (1401, 1402)]
    floor = Quota("two from Tianjin", "region", frozenset({"tianjin"}), at_least=2)
    alloc = allocate(apps, [Host(1, places=2)], table_score({}), quotas=[floor, PER_CITY])
    assert alloc.assignments == {1401: 1}
    floor_row, cap_row = alloc.quota_report
    assert (floor_row.achieved, floor_row.met) == (1, False)
    assert floor_row.reason is not None
    assert floor_row.reason.endswith("; camp caps left out 1 of them")
    assert (cap_row.group, cap_row.achieved, cap_row.met) == ("tianjin", 1, True)


def test_a_lock_naming_an_unknown_startup_or_host_is_refused_with_both_ids() -> None:
    apps, hosts = [startup(1501)], [Host(1, places=1)]
    for locked in ({1501: 9}, {9: 1}):
        [(s, h)] = locked.items()
        with pytest.raises(AllocationInputError) as refused:
            allocate(apps, hosts, table_score({}), locked=locked)
        assert str(refused.value) == f"locked assignment ({s}, {h}) names an unknown id"


def test_the_stored_preferences_are_both_sides_lists_in_ids() -> None:
    apps = [startup(1601, ranking=(2,)), startup(1602)]
    hosts = [Host(1, places=1, ranking=(1602,), accept_unranked=False), Host(2, places=1)]
    alloc = allocate(apps, hosts, table_score({(1602, 2): 0.5}))
    assert alloc.preferences() == {
        "startups": {"1601": [2], "1602": [2, 1]},
        "hosts": {"1": [1602], "2": [1602, 1601]},
    }


def _floor_camp(floor: int) -> tuple[list[Applicant], list[Host], list[Quota]]:
    # Host 1 ranks both Beijing startups above the two Tianjin ones; 1301 (Tianjin) is locked.
    apps = [startup(1301, "tianjin"), startup(1302, "tianjin"), startup(1303, "tianjin")]
    apps += [startup(1304, "beijing"), startup(1305, "beijing")]
    hosts = [Host(1, places=3, ranking=(1304, 1305, 1302, 1303, 1301))]
    tianjin = Quota("Tianjin", "region", frozenset({"tianjin"}), at_least=floor)
    return apps, hosts, [tianjin]


def test_locked_members_count_toward_a_floor_before_places_are_held_for_it() -> None:
    # Two from Tianjin: the locked one counts, so one more is held, and one Beijing gets in.
    apps, hosts, quotas = _floor_camp(2)
    alloc = allocate(apps, hosts, table_score({}), quotas=quotas, locked={1301: 1})
    assert alloc.assignments == {1301: 1, 1302: 1, 1304: 1}
    assert alloc.floor_kept == {1: frozenset({1302})}
    assert [(r.required, r.achieved, r.met) for r in alloc.quota_report] == [(2, 2, True)]


def test_a_floor_the_locked_startups_already_meet_holds_no_place() -> None:
    apps, hosts, quotas = _floor_camp(1)
    alloc = allocate(apps, hosts, table_score({}), quotas=quotas, locked={1301: 1})
    assert alloc.assignments == {1301: 1, 1304: 1, 1305: 1}
    assert alloc.floor_kept == {}


def test_a_locked_startup_takes_one_unit_of_its_caps_room() -> None:
    # At most two from Tianjin; one is locked, so exactly one more gets in.
    apps = [startup(s, "tianjin") for s in (1311, 1312, 1313)]
    two = Quota("two from Tianjin", "region", frozenset({"tianjin"}), at_most=2)
    scores = {(1312, 1): 0.9, (1313, 1): 0.5}
    alloc = allocate(apps, [Host(1, places=3)], table_score(scores), quotas=[two], locked={1311: 1})
    assert alloc.assignments == {1311: 1, 1312: 1}
    assert alloc.excluded_by_cap == {1313: "two from Tianjin"}


def test_a_host_over_its_cap_but_not_its_places_lets_go_of_a_member_of_the_group() -> None:
    # 1321 (Beijing) proposes first and is ranked last; then two Tianjin startups, and host 1
    # takes one Tianjin: it must let the lower Tianjin go, not the Beijing startup.
    apps = [startup(1321, "beijing"), startup(1322, "tianjin"), startup(1323, "tianjin")]
    hosts = [Host(1, places=3, ranking=(1322, 1323, 1321))]
    one = Quota("one Tianjin at host 1", "region", frozenset({"tianjin"}), at_most=1, host_id=1)
    alloc = allocate(apps, hosts, table_score({}), quotas=[one])
    assert alloc.assignments == {1321: 1, 1322: 1}
    assert alloc.unplaced == (1323,)


def test_a_startup_left_out_by_a_later_group_of_a_cap_stays_out_after_one_rerun() -> None:
    # One per city: Hebei's group comes first, Tianjin's second; 1332 loses Tianjin's place
    # to 1331 and the second run fills nothing more, so the allocation ends there.
    apps = [startup(1330, "hebei"), startup(1331, "tianjin"), startup(1332, "tianjin")]
    scores = {(1330, 1): 0.5, (1331, 1): 0.9, (1332, 1): 0.8}
    alloc = allocate(apps, [Host(1, places=3)], table_score(scores), quotas=[PER_CITY])
    assert alloc.assignments == {1330: 1, 1331: 1}
    assert alloc.excluded_by_cap == {1332: "one per city"}
    assert alloc.runs == 2


def test_members_below_a_caps_last_kept_one_are_left_out_in_the_same_run() -> None:
    # Host 1 holds 1341 and 1342 (one city), the cap keeps 1341: 1343, unplaced and ranked
    # below 1341, could never get in either, so it goes at once and 1344 fills the place
    # in the second run (without that, a third run would be needed).
    apps = [startup(s, "hebei") for s in (1341, 1342, 1343)] + [startup(1344, "tianjin")]
    scores = {(1341, 1): 0.9, (1342, 1): 0.8, (1343, 1): 0.7, (1344, 1): 0.1}
    alloc = allocate(apps, [Host(1, places=2)], table_score(scores), quotas=[PER_CITY])
    assert alloc.assignments == {1341: 1, 1344: 1}
    assert alloc.excluded_by_cap == {1342: "one per city", 1343: "one per city"}
    assert alloc.runs == 2


def _needless_exclusion_camp() -> Allocation:
    # Camp priority 1413, 1412, 1411; host 1 ranks 1412 > 1411 > 1413 and has two places.
    # Run 1 places 1412 and 1411; one per city leaves 1411 out (1412 is ahead of it).
    # Run 2 places 1412 and 1413; one per region now leaves 1412 out (1413 is ahead).
    # Run 3: 1411's city has nobody left, so its exclusion is taken back; run 4 places it.
    def app(sid: int, region: str, city: str) -> Applicant:
        return startup(sid, region, attributes={"region": region, "city": city})

    apps = [app(1411, "tianjin", "binhai"), app(1412, "hebei", "binhai")]
    apps.append(app(1413, "hebei", "xiongan"))
    scores = {(1411, 1): 0.8, (1412, 1): 0.9, (1413, 1): 0.1}
    city = Quota("one per city", "city", per_value=True, at_most=1)
    region = Quota("one per region", "region", per_value=True, at_most=1)
    return allocate(
        apps,
        [Host(1, places=2)],
        table_score(scores),
        quotas=[city, region],
        camp_priority=[1413, 1412, 1411],
    )


def test_an_exclusion_a_later_one_made_needless_is_taken_back() -> None:
    alloc = _needless_exclusion_camp()
    assert alloc.assignments == {1413: 1, 1411: 1}
    assert alloc.excluded_by_cap == {1412: "one per region"}
    assert alloc.runs == 4


def test_out_of_runs_a_needless_exclusion_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    # The same camp with three runs: the third ends it before 1411 is taken back.
    monkeypatch.setattr(allocation, "MAX_RUNS", 3)
    alloc = _needless_exclusion_camp()
    assert alloc.assignments == {1413: 1}
    assert alloc.runs == 3


def test_out_of_runs_without_a_broken_cap_the_allocation_stands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(allocation, "MAX_RUNS", 1)
    apps = [startup(1421, "hebei"), startup(1422, "tianjin")]
    alloc = allocate(apps, [Host(1, places=2)], table_score({}), quotas=[PER_CITY])
    assert alloc.assignments == {1421: 1, 1422: 1}
    assert alloc.runs == 1


def test_a_forced_release_lets_go_of_the_lowest_ranked_of_the_group() -> None:
    # All three Tianjin startups can only go to host 1, which takes two of them; the floor
    # of three cannot hold, so host 1 keeps its two best.
    apps = [startup(s, "tianjin", ranking=(1,), accept_unranked=False) for s in (1431, 1432, 1433)]
    hosts = [Host(1, places=3, ranking=(1433, 1432, 1431)), Host(2, places=2)]
    floor = Quota("three from Tianjin", "region", frozenset({"tianjin"}), at_least=3)
    cap = Quota("two Tianjin at host 1", "region", frozenset({"tianjin"}), at_most=2, host_id=1)
    alloc = allocate(apps, hosts, table_score({}), quotas=[floor, cap])
    assert alloc.assignments == {1433: 1, 1432: 1}
    assert alloc.host_caps == ((1, "two Tianjin at host 1", frozenset({1431, 1432, 1433}), 2),)


def test_the_camps_own_eligibility_applies_to_every_host() -> None:
    apps = [startup(1441, "hebei", trl=3), startup(1442, "hebei", trl=8)]
    alloc = allocate(apps, [Host(1, places=2)], table_score({}), eligibility=Eligibility(trl_min=5))
    assert alloc.assignments == {1442: 1}
