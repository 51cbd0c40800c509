"""A per-city quota counts a city once however its name is written."""

from __future__ import annotations

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


def test_a_per_city_cap_counts_beijing_once_in_any_spelling(world: World) -> None:
    founder = world.founders[0]
    spellings = ("北京", "beijing", "北京市", "Beijing")
    startups = [
        create(
            world.client,
            "startups",
            founder,
            domains=["robotics"],
            location={"city": city, "region": "beijing", "country": "CN"},
        )
        for city in spellings
    ]
    body = {
        "name": "one per city",
        "starts_on": "2026-10-01",
        "ends_on": "2026-10-01",
        "location": "x",
        "hosts": [{"incubator_id": world.incubators[0], "places": 4}],
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
    assert len(result["unplaced"]) == len(spellings) - 1
    assert all(u["explanation_detail"]["outcome"] == "camp_cap" for u in result["unplaced"])
    (row,) = result["quota_report"]
    assert (row["group"], row["achieved"], row["met"]) == ("beijing", 1, True)


def test_a_per_city_cap_counts_baoding_once_in_both_scripts(world: World) -> None:
    founder = world.founders[0]
    spellings = ("保定", "保定市", "Baoding")
    startups = [
        create(
            world.client,
            "startups",
            founder,
            domains=["robotics"],
            location={"city": city, "region": "hebei", "country": "CN"},
        )
        for city in spellings
    ]
    body = {
        "name": "one per city",
        "starts_on": "2026-10-01",
        "ends_on": "2026-10-01",
        "location": "Baoding",
        "hosts": [{"incubator_id": world.incubators[0], "places": 3}],
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
    assert [u["explanation_detail"]["outcome"] for u in result["unplaced"]] == ["camp_cap"] * 2
    (row,) = result["quota_report"]
    assert (row["group"], row["achieved"], row["met"]) == ("baoding", 1, True)
