"""Scoring rules stated as behaviour: TRL ranges, regions, partners' needs, open places and
the default weights (no model involved: similarity plays no part in these components)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date, timedelta
from types import SimpleNamespace

import numpy as np
import pytest

from matchmaker.config import Settings
from matchmaker.matching.facts import Facts
from matchmaker.matching.filters import FacetMasks
from matchmaker.matching.scoring import (
    FOREVER,
    NEVER,
    Weights,
    exclusion,
    exclusion_message,
    needs_fit,
    open_until,
    region_fit,
    stage_fit,
    trl_fit,
)
from matchmaker.runtime import weights_from
from matchmaker.vocab import Region
from tests.matching.test_scoring_arithmetic import INCUBATOR, SCENARIO, STARTUP, TODAY

PARTNER = Facts(
    kind="partner",
    id=4,
    title="M",
    domains=frozenset({"robotics"}),
    region="beijing",
    country="CN",
    city="Beijing",
    words=30,
    subkind="multinational_corporation",
    modes=frozenset({"investment", "joint_rd"}),
)


@pytest.mark.parametrize(
    ("trl", "value"),
    [(3, 1.0), (7, 1.0), (8, 2 / 3), (9, 1 / 3), (2, 2 / 3), (1, 1 / 3)],
)
def test_trl_outside_an_incubators_range_loses_a_third_per_level(trl: int, value: float) -> None:
    # INCUBATOR takes TRL 3-7: above the range counts like below it, and never as a
    # scenario-style shortfall (no ranking penalty).
    got, note, shortfall = trl_fit(replace(STARTUP, trl=trl), INCUBATOR)  # type: ignore[misc]
    assert got == pytest.approx(value)
    assert shortfall == 0
    assert note.english.startswith("takes TRL 3–7")


def test_a_startup_two_levels_above_an_incubators_range_scores_one_third() -> None:
    value, note, _ = trl_fit(replace(STARTUP, trl=9), INCUBATOR)  # type: ignore[misc]
    assert value == pytest.approx(1 / 3)
    assert note.english == "takes TRL 3–7; the startup is at TRL 9"


def test_trl_does_not_apply_without_a_full_range_or_a_startup_trl() -> None:
    assert trl_fit(replace(STARTUP, trl=None), INCUBATOR) is None
    assert trl_fit(STARTUP, replace(INCUBATOR, trl_max=None)) is None
    assert trl_fit(STARTUP, replace(INCUBATOR, trl_min=None)) is None
    assert trl_fit(STARTUP, PARTNER) is None


ABROAD_FI = replace(STARTUP, region="abroad", country="FI", city="Helsinki")


@pytest.mark.parametrize(
    ("startup", "target", "value", "code"),
    [
        # Both abroad: the same country is as good as the same region ...
        (ABROAD_FI, replace(INCUBATOR, region="abroad", country="FI"), 1.0, "region_same_country"),
        # ... different countries are not, unless the target runs an international program.
        (
            ABROAD_FI,
            replace(INCUBATOR, region="abroad", country="DE"),
            0.5,
            "region_different_countries",
        ),
        (
            ABROAD_FI,
            replace(INCUBATOR, region="abroad", country="DE", subkind="offshore_carrier"),
            1.0,
            "region_program_for_abroad",
        ),
        # A China-based startup going abroad meets an international target in another region.
        (
            replace(
                STARTUP,
                region="china_other",
                city="Shenzhen",
                needs=frozenset({"international_expansion"}),
            ),
            replace(INCUBATOR, programs=frozenset({"offshore_incubation"})),
            0.9,
            "region_program_for_expansion",
        ),
        (
            replace(STARTUP, region="china_other", city="Shenzhen"),
            replace(INCUBATOR, programs=frozenset({"offshore_incubation"})),
            0.5,
            "region_different",
        ),
        # Going abroad, to a target abroad without an international program.
        (
            replace(STARTUP, needs=frozenset({"international_expansion"})),
            replace(INCUBATOR, region="abroad", country="SG"),
            0.7,
            "region_expansion_country",
        ),
        (
            STARTUP,
            replace(INCUBATOR, region="abroad", country="DE", subkind="offshore_carrier"),
            0.35,
            "region_abroad",
        ),
        # Elsewhere in China: the same city counts as the same region, another city less.
        (
            replace(STARTUP, region="china_other", city="Shenzhen"),
            replace(INCUBATOR, region="china_other", city="shenzhen"),
            1.0,
            "region_same_city",
        ),
        (
            replace(STARTUP, region="china_other", city="Shenzhen"),
            replace(INCUBATOR, region="china_other", city="Wuhan"),
            0.6,
            "region_other_cities",
        ),
        # From abroad to a Chinese target without an international program; Tianjin to
        # Beijing, one collaborative region.
        (ABROAD_FI, INCUBATOR, 0.4, "region_china_no_program"),
        (STARTUP, INCUBATOR, 0.9, "region_bth"),
    ],
)
def test_region_rules(startup: Facts, target: Facts, value: float, code: str) -> None:
    got, note = region_fit(startup, target)
    assert (got, note.code) == (value, code)
    assert note.english  # renders: its template finds every parameter it names


def test_every_region_value_is_a_share_between_zero_and_one() -> None:
    countries = ("CN", "FI", "DE")
    for (sr, sc, needs), (tr, tc, subkind) in itertools.product(
        itertools.product(Region, countries, (frozenset(), frozenset({"international_expansion"}))),
        itertools.product(Region, countries, ("national_incubator", "offshore_carrier")),
    ):
        s = replace(STARTUP, region=sr, country=sc, needs=needs)
        t = replace(INCUBATOR, region=tr, country=tc, subkind=subkind)
        value, note = region_fit(s, t)
        assert 0.0 <= value <= 1.0
        assert note


def test_a_partner_covers_the_needs_its_collaboration_modes_serve() -> None:
    # funding -> investment and lab_equipment -> joint_rd are served; mentoring would need
    # co-incubation; ip_services is no partner's business, so it does not count at all.
    s = replace(STARTUP, needs=frozenset({"funding", "lab_equipment", "mentoring", "ip_services"}))
    value, note, covered = needs_fit(s, PARTNER)  # type: ignore[misc]
    assert value == pytest.approx(2 / 3)
    assert covered == ["funding", "lab_equipment"]
    assert note is not None
    assert note.english == "offers funding, lab equipment; does not offer mentoring"


def test_needs_no_partner_serves_leave_the_component_out() -> None:
    s = replace(STARTUP, needs=frozenset({"ip_services", "certification"}))
    assert needs_fit(s, PARTNER) is None


def test_an_incubator_with_exactly_one_place_stays_open() -> None:
    one = replace(INCUBATOR, capacity=1)
    assert exclusion(one, TODAY) is None
    assert open_until("incubator", SimpleNamespace(capacity=1)) == FOREVER
    assert open_until("incubator", SimpleNamespace(capacity=0)) == NEVER
    assert open_until("incubator", SimpleNamespace(capacity=None)) == NEVER
    masks = FacetMasks()
    rows = {7: 1, 8: 0, 9: 3}
    masks.set(
        list(rows),
        [{"kind": ["incubator"]}] * len(rows),
        [open_until("incubator", SimpleNamespace(capacity=c)) for c in rows.values()],
    )
    allowed = masks.allowed({"kind": ["incubator"]}, date(2026, 12, 1).toordinal())
    assert allowed is not None
    assert set(np.flatnonzero(allowed).tolist()) == {7, 9}


def test_the_settings_default_weights_are_the_scorers_defaults() -> None:
    defaults = {
        name[len("weight_") :]: field.default
        for name, field in Settings.model_fields.items()
        if name.startswith("weight_")
    }
    assert defaults == {name: Weights().of(name) for name in defaults}
    # Every field is a weight but the staleness threshold, which has a setting of its own.
    assert len(defaults) == len(Weights.__dataclass_fields__) - 1
    assert Settings.model_fields["stale_after_days"].default == Weights().stale_after_days
    assert weights_from(Settings.model_construct()) == Weights()


def test_a_scenario_is_open_through_its_deadline_day() -> None:
    assert exclusion(replace(SCENARIO, deadline=TODAY), TODAY) is None
    late = exclusion_message(replace(SCENARIO, deadline=TODAY - timedelta(days=1)), TODAY)
    assert late is not None
    assert late.code == "excluded_deadline"


def test_a_scenarios_last_open_day_is_its_deadline() -> None:
    # The fast path's mask (filters.FacetMasks) keeps this day per id: it must be the
    # deadline itself, forever without one, and never once closed.
    assert open_until("scenario", SimpleNamespace(status="open", deadline=TODAY)) == (
        TODAY.toordinal()
    )
    assert open_until("scenario", SimpleNamespace(status="open", deadline=None)) == FOREVER
    assert open_until("scenario", SimpleNamespace(status="closed", deadline=TODAY)) == NEVER


def test_a_targets_country_is_named_in_its_region_note() -> None:
    going = replace(STARTUP, needs=frozenset({"international_expansion"}))
    carrier = replace(INCUBATOR, region="abroad", country="DE", subkind="offshore_carrier")
    plain = replace(INCUBATOR, region="abroad", country="DE")
    for target, code in ((carrier, "region_offshore_base"), (plain, "region_expansion_country")):
        _, note = region_fit(going, target)
        assert (note.code, note.params) == (code, {"country": "DE"})
        assert "Germany" in note.english  # the reader gets the name, not the code


def test_a_stage_outside_the_range_says_which_stages_are_taken() -> None:
    got = stage_fit(replace(STARTUP, stage="growth"), INCUBATOR)
    assert got is not None
    value, note = got
    assert value == 0.0
    assert (note.code, note.params) == (
        "stage_outside",
        {"stages": ["prototype", "pilot"], "stage": "growth"},
    )


@pytest.mark.parametrize(
    ("services", "code", "value"),
    [
        ({"pilot_line", "funding"}, "needs_offers", 1.0),
        ({"pilot_line"}, "needs_offers_missing", 0.5),
        (set(), "needs_missing", 0.0),
    ],
)
def test_the_needs_note_says_what_is_offered_and_what_is_missing(
    services: set[str], code: str, value: float
) -> None:
    got = needs_fit(STARTUP, replace(INCUBATOR, services=frozenset(services)))
    assert got is not None
    assert (got[0], got[1] and got[1].code) == (value, code)


def test_a_target_in_the_startups_region_without_a_city_fits_fully_by_region() -> None:
    for region in ("beijing", "china_other"):
        s = replace(STARTUP, region=region, city="")
        t = replace(INCUBATOR, region=region, city="")
        value, note = region_fit(s, t)
        assert (value, note.code, note.params) == (1.0, "region_same", {"region": region})
    # A startup elsewhere in China with a city, and a target in the same region without one.
    value, note = region_fit(replace(STARTUP, region="beijing"), replace(INCUBATOR, city=""))
    assert (value, note.code) == (1.0, "region_same")


def test_another_city_elsewhere_in_china_names_a_missing_city_as_unknown() -> None:
    s = replace(STARTUP, region="china_other", city="Shenzhen")
    t = replace(INCUBATOR, region="china_other", city="Wuhan")
    for startup, target, cities in (
        (s, replace(t, city=""), {"city": "Shenzhen", "other_city": "?"}),
        (replace(s, city=""), t, {"city": "?", "other_city": "Wuhan"}),
    ):
        value, note = region_fit(startup, target)
        assert (value, note.code, note.params) == (0.6, "region_other_cities", cities)
        assert "?" in note.english


def test_a_scenario_has_no_stage_component() -> None:
    # Scenarios take no stages (facts_of gives them none), whatever the startup's stage.
    for stage in ("seed", "growth"):
        assert stage_fit(replace(STARTUP, stage=stage), SCENARIO) is None
