"""Small camps where the right allocation and its explanation are obvious to a person."""

from __future__ import annotations

import pytest

from matchmaker.camps.allocation import allocate
from matchmaker.camps.explain import explain
from matchmaker.camps.market import AllocationInputError, Applicant, Eligibility, Host, Quota
from matchmaker.camps.wording import ordinal

NAMES = {1: "Zhongguancun Quantum Hub", 2: "Binhai Robotics Park", 3: "Munich Deep Tech"}


def startup(sid: int, region: str = "beijing", **kw: object) -> Applicant:
    fields: dict[str, object] = {
        "domains": frozenset({"quantum"}),
        "stage": "prototype",
        "trl": 5,
        "attributes": {"region": region, "city": region},
    }
    fields.update(kw)
    return Applicant(id=sid, **fields)  # type: ignore[arg-type]


def table_score(table: dict[tuple[int, int], float]):  # type: ignore[no-untyped-def]
    return lambda s, h: table.get((s, h), 0.0)


def test_second_choice_explains_that_the_first_filled_its_places_with_better_ranked() -> None:
    apps = [startup(s, ranking=(1, 2)) for s in range(101, 107)]
    hosts = [Host(1, places=5, ranking=tuple(range(101, 107))), Host(2, places=3)]
    alloc = allocate(apps, hosts, table_score({}))
    assert alloc.assignments[106] == 2
    note = explain(alloc, NAMES)[106]
    assert (note.status, note.choice, note.preference_source) == ("placed", 2, "ranking")
    [first] = note.ahead
    assert (first.host_id, first.reason, first.places) == (1, "full", 5)
    assert (first.your_rank, first.last_admitted_rank) == (6, 5)
    assert note.sentence == (
        "Placed with your 2nd choice, Binhai Robotics Park; your 1st choice, Zhongguancun "
        "Quantum Hub, filled its 5 places with startups it ranked above you."
    )


def test_preferences_without_rankings_follow_the_score_with_ties_broken_by_id() -> None:
    apps = [startup(201), startup(202)]
    hosts = [Host(1, places=1), Host(2, places=1), Host(3, places=1)]
    # Both prefer host 3; host 3 scores them equally, so the lower id wins it.
    scores = {(201, 3): 0.9, (202, 3): 0.9, (201, 1): 0.5, (202, 1): 0.2, (202, 2): 0.4}
    alloc = allocate(apps, hosts, table_score(scores))
    assert alloc.assignments == {201: 3, 202: 2}
    assert alloc.preferences()["startups"]["202"] == [3, 2, 1]
    note = explain(alloc)[202]
    assert note.preference_source == "score"
    assert note.sentence.startswith("Placed with your 2nd choice by score, host 2")


def test_floor_moves_a_target_group_startup_to_its_second_choice_to_place_both() -> None:
    # Both are Tianjin startups. Only Binhai takes the second one; the first prefers Binhai
    # and Binhai prefers it, but placing both meets the 100% floor, so Binhai keeps 302.
    apps = [
        startup(301, "tianjin", ranking=(2, 1)),
        startup(302, "tianjin", ranking=(2,), accept_unranked=False),
    ]
    hosts = [Host(1, places=1), Host(2, places=1, ranking=(301, 302))]
    floor = Quota("Tianjin and Hebei", "region", frozenset({"tianjin", "hebei"}), at_least=2)
    alloc = allocate(apps, hosts, table_score({}), quotas=[floor])
    assert alloc.assignments == {301: 1, 302: 2}
    assert alloc.floor_kept == {2: frozenset({302})}
    [row] = alloc.quota_report
    assert (row.required, row.achieved, row.met) == (2, 2, True)
    [ahead] = explain(alloc)[301].ahead
    assert (ahead.reason, ahead.quota) == ("floor", "Tianjin and Hebei")
    # Without the floor the same camp is plain deferred acceptance.
    assert allocate(apps, hosts, table_score({})).assignments == {301: 2}


def test_unmeetable_floor_is_reported_with_its_reason() -> None:
    apps = [startup(401, "tianjin"), *(startup(s) for s in range(402, 412))]
    hosts = [Host(1, places=10)]
    floor = Quota(
        "30% Tianjin and Hebei", "region", frozenset({"tianjin", "hebei"}), at_least_share=0.3
    )
    [row] = allocate(apps, hosts, table_score({}), quotas=[floor]).quota_report
    assert (row.required, row.achieved, row.met) == (3, 1, False)  # 30% of 10 is 3, not 4
    assert row.reason is not None
    assert row.reason == "only 1 startup of the group applied"


def test_city_cap_leaves_out_the_lowest_camp_priority_and_says_so() -> None:
    apps = [startup(s, "hebei") for s in (501, 502, 503)]
    hosts = [Host(1, places=3)]
    scores = {(501, 1): 0.5, (502, 1): 0.9, (503, 1): 0.7}
    cap = Quota("at most 2 per city", "city", per_value=True, at_most=2)
    alloc = allocate(apps, hosts, table_score(scores), quotas=[cap])
    assert alloc.excluded_by_cap == {501: "at most 2 per city"}
    note = explain(alloc, NAMES)[501]
    assert (note.outcome, note.quota) == ("camp_cap", "at most 2 per city")
    assert [(a.host_id, a.kind, a.free_places) for a in note.alternatives] == [
        (1, "free_places", 1)
    ]
    assert note.sentence.startswith("Not placed: the camp's cap \u201cat most 2 per city\u201d")


def test_unplaced_startup_gets_nearest_alternatives_and_ineligible_ranked_hosts() -> None:
    apps = [
        startup(601, ranking=(3, 1), accept_unranked=False, trl=3),
        startup(602),
        startup(603),
    ]
    hosts = [
        Host(1, places=1, ranking=(602, 603, 601)),
        Host(2, places=2),
        Host(3, places=1, eligibility=Eligibility(trl_min=6)),
    ]
    alloc = allocate(apps, hosts, table_score({(602, 1): 1, (603, 2): 1}))
    note = explain(alloc, NAMES)[601]
    assert (note.status, note.outcome) == ("unplaced", "outranked")
    assert [(n.host_id, n.reason, n.your_rank) for n in note.ahead] == [(1, "full", 3)]
    assert [(a.host_id, a.kind) for a in note.alternatives] == [
        (2, "free_places"),
        (1, "closest"),
    ]
    assert note.alternatives[1].places_short == 2
    assert note.ineligible[0].host_id == 3
    assert "TRL 3 is outside 6-9" in note.sentence


def test_locked_assignment_survives_a_rerun_and_uses_a_place() -> None:
    apps = [startup(701), startup(702)]
    hosts = [Host(1, places=1, ranking=(701, 702)), Host(2, places=1)]
    alloc = allocate(apps, hosts, table_score({}), locked={702: 1})
    assert alloc.assignments == {702: 1, 701: 2}
    assert explain(alloc)[702].status == "locked"
    assert explain(alloc)[701].ahead[0].locked == 1


@pytest.mark.parametrize(
    ("apps", "hosts", "quotas", "locked", "message"),
    [
        ([startup(1, ranking=(9,))], [Host(1, 1)], [], {}, "unknown hosts"),
        ([startup(1)], [Host(1, -1)], [], {}, "negative places"),
        ([startup(1), startup(1)], [Host(1, 1)], [], {}, "appears twice"),
        ([startup(1), startup(2)], [Host(1, 1)], [], {1: 1, 2: 1}, "exceed the places"),
        (
            [startup(1)],
            [Host(1, 1)],
            [
                Quota("a", "region", frozenset({"beijing"}), at_least=1),
                Quota("b", "city", frozenset({"beijing"}), at_least=1),
            ],
            {},
            "floors overlap",
        ),
        ([startup(1)], [Host(1, 1)], [Quota("x", "city", at_most=1)], {}, "names no values"),
    ],
)
def test_inputs_that_cannot_describe_a_camp_are_refused(
    apps: list[Applicant],
    hosts: list[Host],
    quotas: list[Quota],
    locked: dict[int, int],
    message: str,
) -> None:
    with pytest.raises(AllocationInputError, match=message):
        allocate(apps, hosts, table_score({}), quotas=quotas, locked=locked)


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 111)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "111th",
    ]
