"""A camp takes at most MATCHMAKER_CAMP_MAX_APPLICATIONS applications, and a run refuses a
camp holding more (one stored before the limit, or before it was lowered): a run scores every
applicant against every host, so this bounds its time and size."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from matchmaker.camps.limits import MAX_APPLICATIONS
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.camps.conftest import World, create
from tests.conftest import app_process


def _new_startup(world: World) -> int:
    return create(
        world.client,
        "startups",
        world.founders[0],
        domains=["robotics"],
        location={"city": "Tianjin", "region": "tianjin", "country": "CN"},
    )


def test_an_application_beyond_the_limit_is_refused_naming_the_setting(
    world: World, settings: Settings, encoder: Encoder
) -> None:
    founder = world.founders[0]
    first, second = _new_startup(world), _new_startup(world)
    # The world's camp holds 7 applications; this app of the same service takes 8.
    with app_process(settings, encoder, camp_max_applications=8) as other:
        url = world.url("/applications")
        r = other.post(url, json={"startup_id": first}, headers=founder)
        assert r.status_code == 201, r.text
        r = other.post(url, json={"startup_id": second}, headers=founder)
        assert r.status_code == 422, r.text
        assert r.json()["error"] == "validation_failed"
        (error,) = r.json()["detail"]
        assert error == {
            "field": "camp_id",
            "reason": f"camp {world.camp['id']} has 8 applications, the most a camp takes "
            "(MATCHMAKER_CAMP_MAX_APPLICATIONS=8); it takes no more",
        }
        # Applying again is still told that it has applied.
        assert other.post(url, json={"startup_id": first}, headers=founder).status_code == 409
        assert other.get(world.url(), headers=founder).json()["applications"] == 8


def test_a_camp_holding_more_than_the_limit_is_not_allocated(
    world: World, settings: Settings, encoder: Encoder
) -> None:
    with app_process(settings, encoder, camp_max_applications=6) as lowered:
        r = lowered.post(world.url("/allocate"), headers=world.organiser)
        assert r.status_code == 422, r.text
        (error,) = r.json()["detail"]
        assert error["field"] == "camp"
        assert "has 7 applications" in error["reason"]
        assert "MATCHMAKER_CAMP_MAX_APPLICATIONS=6" in error["reason"]
        assert lowered.get(world.url("/allocation"), headers=world.organiser).status_code == 404
    # At the limit the camp is allocated.
    with app_process(settings, encoder, camp_max_applications=7) as exact:
        r = exact.post(world.url("/allocate"), headers=world.organiser)
        assert r.status_code == 200, r.text


def test_the_limit_is_a_setting_with_a_default_and_a_floor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MATCHMAKER_CAMP_MAX_APPLICATIONS", raising=False)
    assert Settings().camp_max_applications == MAX_APPLICATIONS
    monkeypatch.setenv("MATCHMAKER_CAMP_MAX_APPLICATIONS", "50")
    assert Settings().camp_max_applications == 50
    monkeypatch.setenv("MATCHMAKER_CAMP_MAX_APPLICATIONS", "0")
    with pytest.raises(ValidationError, match="camp_max_applications"):
        Settings()
