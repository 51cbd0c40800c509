"""A per-city quota counts a city once however its name is written."""

from __future__ import annotations

import pytest

from matchmaker.camps.cities import HEBEI_CITIES, city_key
from tests.camps.conftest import World, create


def test_city_keys_fold_spelling_and_name_the_municipalities_by_their_region() -> None:
    for beijing in ("北京", "北京市", "Beijing", " beijing ", "ＢＥＩＪＩＮＧ"):
        assert city_key(beijing) == "beijing"
    assert city_key("天津市") == "tianjin"
    assert city_key("Baoding") == city_key("BAODING") == "baoding"
    assert city_key("") == ""


def test_the_cities_of_hebei_are_one_key_in_both_scripts() -> None:
    for chinese, pinyin in HEBEI_CITIES.items():
        key = city_key(pinyin)
        assert city_key(chinese) == city_key(f"{chinese}市") == key == pinyin
        assert city_key(pinyin.title()) == key
    assert city_key("保定市") == city_key("Baoding") == "baoding"
    for xiongan in ("雄安新区", "Xiong'an", "Xiongan", "Xiong’an New Area"):
        assert city_key(xiongan) == "xiong'an"
    # Beyond the region there is no table: another city in two scripts stays two keys.
    assert city_key("上海") != city_key("Shanghai")


@pytest.mark.parametrize(
    ("spellings", "region", "key"),
    [
        (("北京", "beijing", "北京市", "Beijing"), "beijing", "beijing"),
        (("保定", "保定市", "Baoding"), "hebei", "baoding"),
    ],
    ids=["beijing", "baoding"],
)
def test_a_per_city_cap_counts_a_city_once_in_any_spelling(
    world: World, spellings: tuple[str, ...], region: str, key: str
) -> None:
    founder = world.founders[0]
    startups = [
        create(
            world.client,
            "startups",
            founder,
            domains=["robotics"],
            location={"city": city, "region": region, "country": "CN"},
        )
        for city in spellings
    ]
    body = {
        "name": "one per city",
        "starts_on": "2026-10-01",
        "ends_on": "2026-10-01",
        "location": "x",
        "hosts": [{"incubator_id": world.incubators[0], "places": len(spellings)}],
        "quotas": [{"name": "one per city", "attribute": "city", "per_value": True, "at_most": 1}],
    }
    r = world.client.post("/v1/camps", json=body, headers=world.organiser)
    assert r.status_code == 201, r.text
    url = f"/v1/camps/{r.json()['id']}"
    for s in startups:
        r = world.client.post(f"{url}/applications", json={"startup_id": s}, headers=founder)
        assert r.status_code == 201, r.text
    result = world.client.post(f"{url}/allocate", headers=world.organiser).json()
    assert len(result["assignments"]) == 1
    outcomes = [u["explanation_detail"]["outcome"] for u in result["unplaced"]]
    assert outcomes == ["camp_cap"] * (len(spellings) - 1)
    (row,) = result["quota_report"]
    assert (row["group"], row["achieved"], row["met"]) == (key, 1, True)
