"""Pages answer refusals and bad addresses with pages, and edits keep the API's rules."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import mint_key
from tests.factories import BODIES
from tests.web.test_session import _browser, _csrf, _sign_in


def _create(client: TestClient, plural: str, key: str | None = None, **body: object) -> int:
    headers = {"Authorization": f"Bearer {key}"} if key else None
    r = client.post(f"/v1/{plural}", json=BODIES[plural](**body), headers=headers)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def test_refusals_and_bad_addresses_are_pages_not_json(client: TestClient) -> None:
    mine, theirs = _create(client, "incubators"), _create(client, "incubators")
    manager = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(manager, mint_key(client, "manager", incubator_ids=[mine]))
    for path, status in (
        (f"/incubators/{mine}", 200),
        (f"/incubators/{theirs}", 403),  # the policy's answer, as the API gives it
        ("/incubators/99999", 404),
        (f"/matches/{2**40}", 404),  # no integer column holds it: never asked of the database
        (f"/incubators/{mine}?domain=alchemy", 422),
        (f"/incubators/{mine}?trl_min=%C2%B2", 422),  # "²": isdigit() but not int()
        ("/startups/new", 403),  # managers do not create startups
    ):
        r = manager.get(path)
        assert r.status_code == status, path
        assert r.headers["content-type"].startswith("text/html"), path
        assert "no-store" in r.headers["cache-control"]
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


def test_a_stale_edit_is_refused_with_the_form_kept(client: TestClient) -> None:
    key = mint_key(client, "founder")
    startup = _create(client, "startups", key, name="Stale Sensors", website=None)
    founder = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(founder, key)
    form = founder.get(f"/startups/{startup}/edit")
    assert 'name="version" value="1"' in form.text
    patch = client.patch(
        f"/v1/startups/{startup}",
        json={"pitch": "changed through the API"},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert patch.status_code == 200

    body = BODIES["startups"](name="Stale Sensors, renamed")
    data = {
        "csrf": _csrf(founder, f"/startups/{startup}/edit"),
        "version": "1",
        "name": body["name"],
        "domains": body["domains"],
        "stage": body["stage"],
        "trl": str(body["trl"]),
        "location.region": "beijing",
    }
    r = founder.post(f"/startups/{startup}/edit", data=data)
    assert r.status_code == 409
    assert "Someone saved this profile meanwhile" in r.text
    assert 'value="Stale Sensors, renamed"' in r.text
    current = client.get(f"/v1/startups/{startup}").json()
    assert (current["name"], current["pitch"]) == ("Stale Sensors", "changed through the API")

    data["version"] = "2"
    data["csrf"] = _csrf(founder, f"/startups/{startup}/edit")
    r = founder.post(f"/startups/{startup}/edit", data=data, follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (303, f"/startups/{startup}")
    assert client.get(f"/v1/startups/{startup}").json()["name"] == "Stale Sensors, renamed"


def test_a_full_incubator_is_told_why_nobody_is_proposed(client: TestClient) -> None:
    full = _create(client, "incubators", capacity=0)
    _create(client, "startups", domains=["robotics"])
    manager = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(manager, mint_key(client, "manager", incubator_ids=[full]))
    page = manager.get(f"/incubators/{full}").text
    assert "Nobody is recommended to this profile right now: the incubator has no open places" in (
        page
    )
    assert 'class="card"' not in page


def test_an_edit_with_a_version_int_cannot_read_shows_the_form_again(
    client: TestClient,
) -> None:
    key = mint_key(client, "founder")
    startup = _create(client, "startups", key, name="Odd Version", website=None)
    founder = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(founder, key)
    body = BODIES["startups"](name="Odd Version, renamed")
    for version in ("²", "1" * 5000):
        data = {
            "csrf": _csrf(founder, f"/startups/{startup}/edit"),
            "version": version,
            "name": body["name"],
            "domains": body["domains"],
            "stage": body["stage"],
            "trl": str(body["trl"]),
            "location.region": "beijing",
            "location.country": "CN",
        }
        r = founder.post(f"/startups/{startup}/edit", data=data)
        assert r.status_code == 409, version[:5]
        assert r.headers["content-type"].startswith("text/html")
        assert "the profile version is a whole number; reload the page" in r.text
    names = [s["name"] for s in client.get("/v1/startups").json()["items"]]
    assert names == ["Odd Version"]


def _new_startup_form(client: TestClient) -> tuple[TestClient, str]:
    founder = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(founder, mint_key(client, "founder"))
    fields = "domains=ai&stage=idea&trl=3&location.region=beijing&location.country=CN"
    return founder, f"csrf={_csrf(founder, '/startups/new')}&{fields}"


URLENCODED = {"Content-Type": "application/x-www-form-urlencoded"}


def test_form_text_that_is_not_utf8_is_refused_on_its_field(client: TestClient) -> None:
    founder, form = _new_startup_form(client)
    for name in (b"Web%FF", b"Web\xff", b"Web%C3"):
        r = founder.post(
            "/startups/new", content=form.encode() + b"&name=" + name, headers=URLENCODED
        )
        assert r.status_code == 422, name
        assert '<p class="error" id="f-name-error">This text is not valid Unicode.</p>' in r.text
    assert client.get("/v1/startups").json()["items"] == []
    # Correctly encoded text is kept as typed.
    r = founder.post(
        "/startups/new",
        content=f"{form}&name=Web%C3%BF",
        headers=URLENCODED,
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    assert [s["name"] for s in client.get("/v1/startups").json()["items"]] == ["Webÿ"]


def test_a_yes_or_no_answer_outside_its_choices_gets_the_forms_words(client: TestClient) -> None:
    founder, form = _new_startup_form(client)
    body = f"{form}&name=Web&first_time_founders=maybe"
    r = founder.post("/startups/new", content=body, headers=URLENCODED)
    assert r.status_code == 422
    assert "valid boolean" not in r.text
    assert (
        '<p class="error" id="f-first-time-founders-error">Choose one of the listed values.</p>'
    ) in r.text


def test_other_forms_refuse_text_that_is_not_utf8(client: TestClient) -> None:
    visitor = _browser(client.app)  # type: ignore[arg-type]
    body = f"csrf={_csrf(visitor)}&key=mk_%FF&next=/"
    r = visitor.post("/signin", content=body, headers=URLENCODED)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/html")
    assert "not valid UTF-8" in r.text
