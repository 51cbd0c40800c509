"""/metrics scraped over HTTP from a real server and parsed as Prometheus does."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.conftest import bearer
from tests.factories import startup_body
from tests.live import serve

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(http: httpx.Client, headers: dict[str, str] | None = None) -> Samples:
    r = http.get("/metrics", headers=headers or {})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain; version=0.0.4")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(r.text)
        for s in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


@pytest.fixture
def http(settings: Settings, encoder: Encoder) -> Iterator[httpx.Client]:
    """A live server whose client sends an admin key."""
    app = create_app(settings, encoder)
    with serve(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        with app.state.sessions() as session, session.begin():
            key = access.create_key(session, Role.admin, "metrics test", (), (), None).plaintext
        client.headers.update(bearer(key))
        yield client


def test_metrics_series_exist_and_move_after_requests(http: httpx.Client) -> None:
    before = scrape(http)
    for name in (
        "matchmaker_index_vectors",
        "matchmaker_webhook_deliveries",
        "matchmaker_outbox_undispatched",
        "matchmaker_metrics_database_up",
    ):
        assert any(n == name for n, _ in before), name
    assert value(before, "matchmaker_metrics_database_up") == 1
    assert value(before, "matchmaker_index_vectors", kind="startup") == 0

    created = http.post("/v1/startups", json=startup_body(name="Photonic Chips"))
    assert created.status_code == 201, created.text
    startup = created.json()["id"]
    for _ in range(2):
        assert http.get(f"/v1/startups/{startup}").status_code == 200
    assert http.get("/v1/startups/999999").status_code == 404

    after = scrape(http)
    route = "/v1/startups/{profile_id}"
    count = "matchmaker_http_request_duration_seconds_count"
    assert value(after, count, method="GET", route=route, status="200") == 2
    assert value(after, count, method="GET", route=route, status="404") == 1
    assert value(after, count, method="POST", route="/v1/startups", status="201") == 1
    # Labelled by template, never by the raw path (one series per route, not per id).
    assert not any(dict(labels).get("route", "").endswith(str(startup)) for _, labels in after)
    assert value(after, "matchmaker_index_vectors", kind="startup") == 1
    assert value(after, "matchmaker_encode_seconds_count") > value(
        before, "matchmaker_encode_seconds_count"
    )
    assert value(after, "matchmaker_encode_batch_size_sum") >= 1
    assert value(after, "matchmaker_webhook_deliveries", state="pending") == 0
    assert value(after, "matchmaker_outbox_undispatched") >= 0
    # The replica's own write reaches its feed position at the next refresh (2 s at most).
    assert ("matchmaker_feed_lag_seconds", frozenset()) in after
    deadline = time.monotonic() + 30
    while value(scrape(http), "matchmaker_feed_behind") != 0:
        assert time.monotonic() < deadline, "the feed position never caught up"
        time.sleep(0.1)
    assert value(scrape(http), "matchmaker_feed_lag_seconds") == 0


def test_a_path_no_route_serves_is_one_series(http: httpx.Client) -> None:
    for path in ("/nowhere/1", "/nowhere/2", "/wp-login.php"):
        assert http.get(path).status_code == 404
    samples = scrape(http)
    count = "matchmaker_http_request_duration_seconds_count"
    assert value(samples, count, method="GET", route="<unmatched>", status="404") == 3


def test_metrics_token_guards_the_scrape_when_set(settings: Settings, encoder: Encoder) -> None:
    token = "scrape-" + "x" * 32
    guarded = settings.model_copy(update={"metrics_token": SecretStr(token)})
    with serve(create_app(guarded, encoder)) as url, httpx.Client(base_url=url) as http:
        refused = http.get("/metrics")
        assert refused.status_code == 401
        assert refused.json()["error"] == "unauthorized"
        assert http.get("/metrics", headers=bearer("wrong")).status_code == 401
        assert value(scrape(http, bearer(token)), "matchmaker_metrics_database_up") == 1
