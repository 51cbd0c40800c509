"""The quota report row by row: every field of each row, for floors and caps, met or not,
and why (found by mutation testing, docs/testing.md). Camps small enough to check by hand."""

from __future__ import annotations

from matchmaker.camps.allocation import allocate
from matchmaker.camps.market import Host, Quota
from matchmaker.camps.quotas import QuotaOutcome
from tests.camps.test_allocation_examples import startup, table_score


def test_a_met_floor_and_a_cap_filled_exactly_report_every_field_and_no_reason() -> None:
    apps = [startup(1, "tianjin"), startup(2, "hebei"), startup(3, "beijing")]
    floor = Quota("two from the region", "region", frozenset({"tianjin", "hebei"}), at_least=2)
    cap = Quota("one Tianjin at host 7", "region", frozenset({"tianjin"}), at_most=1, host_id=7)
    alloc = allocate(apps, [Host(7, places=3)], table_score({}), quotas=[floor, cap])
    assert alloc.assignments == {1: 7, 2: 7, 3: 7}
    assert alloc.quota_report == (
        QuotaOutcome("two from the region", "at_least", "hebei,tianjin", None, 2, 2, True),
        QuotaOutcome("one Tianjin at host 7", "at_most", "tianjin", 7, 1, 1, True),
    )


def test_a_floor_missed_because_too_few_applied_says_how_many_did() -> None:
    apps = [startup(1, "tianjin"), startup(2, "tianjin"), startup(3, "beijing")]
    floor = Quota("three from Tianjin", "region", frozenset({"tianjin"}), at_least=3)
    alloc = allocate(apps, [Host(7, places=3)], table_score({}), quotas=[floor])
    (row,) = alloc.quota_report
    assert row == QuotaOutcome(
        "three from Tianjin",
        "at_least",
        "tianjin",
        None,
        3,
        2,
        False,
        "only 2 startups of the group applied",
    )


def test_a_floor_missed_because_a_camp_cap_left_members_out_says_both() -> None:
    # Three from Tianjin, all in the same city: the city cap keeps one, the floor wants 3.
    apps = [startup(s, "tianjin") for s in (1, 2, 3)]
    floor = Quota("three from Tianjin", "region", frozenset({"tianjin"}), at_least=3)
    per_city = Quota("one per city", "city", per_value=True, at_most=1)
    scores = {(1, 7): 0.9, (2, 7): 0.8, (3, 7): 0.7}
    alloc = allocate(apps, [Host(7, places=3)], table_score(scores), quotas=[floor, per_city])
    assert alloc.assignments == {1: 7}
    floor_row, cap_row = alloc.quota_report
    # Placeable is counted among those the cap did not leave out.
    assert floor_row.reason == (
        "only 1 startup of the group could be placed at all, given eligibility, both "
        "sides' rankings and the hosts' places; camp caps left out 2 of them"
    )
    assert (floor_row.required, floor_row.achieved, floor_row.met) == (3, 1, False)
    assert cap_row == QuotaOutcome("one per city", "at_most", "tianjin", None, 1, 1, True)


def test_a_cap_of_zero_keeps_its_group_out_and_says_none_are_allowed() -> None:
    apps = [startup(1, "tianjin"), startup(2, "beijing")]
    none = Quota("no Tianjin", "region", frozenset({"tianjin"}), at_most=0)
    alloc = allocate(apps, [Host(7, places=2)], table_score({}), quotas=[none])
    assert alloc.assignments == {2: 7}
    assert alloc.quota_report == (
        QuotaOutcome("no Tianjin", "at_most", "tianjin", None, 0, 0, True),
    )


def test_a_cap_over_several_values_is_one_group_named_by_them() -> None:
    apps = [startup(1, "tianjin"), startup(2, "hebei"), startup(3, "beijing")]
    cap = Quota("one from outside Beijing", "region", frozenset({"tianjin", "hebei"}), at_most=1)
    scores = {(1, 7): 0.9, (2, 7): 0.8, (3, 7): 0.7}
    alloc = allocate(apps, [Host(7, places=3)], table_score(scores), quotas=[cap])
    assert alloc.assignments == {1: 7, 3: 7}
    assert alloc.quota_report == (
        QuotaOutcome("one from outside Beijing", "at_most", "hebei,tianjin", None, 1, 1, True),
    )
    assert alloc.excluded_by_cap == {2: "one from outside Beijing"}


def test_locks_beyond_a_cap_are_reported_as_the_reason_it_is_broken() -> None:
    apps = [startup(1, "tianjin"), startup(2, "tianjin")]
    cap = Quota("one Tianjin", "region", frozenset({"tianjin"}), at_most=1)
    alloc = allocate(apps, [Host(7, places=2)], table_score({}), quotas=[cap], locked={1: 7, 2: 7})
    assert alloc.quota_report == (
        QuotaOutcome(
            "one Tianjin",
            "at_most",
            "tianjin",
            None,
            1,
            2,
            False,
            "locked assignments already exceed the cap",
        ),
    )
