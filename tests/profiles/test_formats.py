"""Formatted fields (country, website, language codes): what is refused, and reasons a person
can act on instead of a regular expression."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.factories import BODIES, startup_body
from tests.profiles.helpers import KINDS, assert_invalid, create, row_counts

WEBSITE_KINDS = ["startups", "incubators", "partners"]


NOT_COUNTRIES = ["XX", "ZZ", "AA", "QM", "QZ", "XA", "XB", "EU", "UN", "AC"]


@pytest.mark.parametrize("plural", KINDS)
def test_a_code_no_country_has_is_refused(client: TestClient, plural: str) -> None:
    for code in NOT_COUNTRIES:
        body = BODIES[plural](location={"city": "Nowhere", "region": "abroad", "country": code})
        assert_invalid(
            client.post(f"/v1/{plural}", json=body),
            "location.country",
            f"{code.upper()} is not an assigned ISO 3166-1 country code",
        )
    assert row_counts(client)[plural] == 0


def test_countries_codes_are_accepted(client: TestClient) -> None:
    for code in ["DE", "us", "SG", "NO", "IL", "FI", "JP", "HK", "TW", "AQ", "XK"]:
        body = startup_body(
            name=f"Abroad {code}", location={"city": "A", "region": "abroad", "country": code}
        )
        assert create(client, "startups", body)["location"]["country"] == code.upper()


def test_a_country_that_is_not_two_letters_is_told_what_to_write(client: TestClient) -> None:
    body = startup_body(location={"region": "abroad", "country": "DEU"})
    response = client.post("/v1/startups", json=body)
    assert_invalid(response, "location.country", "two-letter ISO 3166-1 country code")
    assert "pattern" not in response.text


NOT_HTTP = [
    "javascript:alert(document.cookie)//x.com",
    "JavaScript://x.com/%0aalert(1)",
    "data:text/html,<script>alert(1)</script>.cn",
    "ftp://files.example.cn",
    "mailto:founder@example.cn",
]


@pytest.mark.parametrize("plural", WEBSITE_KINDS)
def test_a_website_that_is_not_http_is_refused(client: TestClient, plural: str) -> None:
    created = create(client, plural, BODIES[plural]())
    for website in NOT_HTTP:
        response = client.post(f"/v1/{plural}", json=BODIES[plural](website=website))
        assert_invalid(response, "website", "must be an http or https address")
        patched = client.patch(f"/v1/{plural}/{created['id']}", json={"website": website})
        assert_invalid(patched, "website", "must be an http or https address")
    assert row_counts(client)[plural] == 1
    assert client.get(f"/v1/{plural}/{created['id']}").json() == created


MALFORMED = [
    ("not a website", "must be a web address such as https://example.cn"),
    ("localhost", "must be a web address such as https://example.cn"),
    ("https://example.cn:99999/", "must be a web address such as https://example.cn"),
    ("https://lidar.example.cn@evil.example.com", "must not contain a user name or password"),
]


def test_a_malformed_website_is_refused_with_a_readable_reason(client: TestClient) -> None:
    for website, reason in MALFORMED:
        response = client.post("/v1/startups", json=startup_body(website=website))
        assert_invalid(response, "website", reason)
        assert "pattern" not in response.text


def test_http_addresses_and_bare_hosts_are_kept_as_given(client: TestClient) -> None:
    kept = [
        "https://lidar.example.cn/zh/",
        "http://weldco.cn/lab",
        "WeldCo.cn/a",
        "例子.中国:8080/a",
    ]
    for n, website in enumerate(kept):
        body = startup_body(name=f"Site {n}", website=website)
        assert create(client, "startups", body)["website"] == website


def test_a_language_code_error_says_what_to_write(client: TestClient) -> None:
    response = client.post("/v1/startups", json=startup_body(languages=["zh", "EN"]))
    assert_invalid(response, "languages.1", "two-letter lower-case ISO 639-1 language code")
    assert "pattern" not in response.text
