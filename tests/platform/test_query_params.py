"""Every API route refuses a query parameter it does not declare (matchmaker.platform.routes),
as unknown body fields are refused: a typo or a filter the route does not have is a 422
naming it, never an answer that quietly ignored it."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.factories import incubator_body, startup_body
from tests.platform.helpers import all_routes
from tests.profiles.helpers import assert_invalid, create


def api_routes(client: TestClient) -> list[APIRoute]:
    """Every /v1 route of the app, found by walking its routers."""
    return [
        route
        for route in all_routes(client.app.routes)  # type: ignore[attr-defined]
        if isinstance(route, APIRoute) and route.path.startswith("/v1/")
    ]


def _api_operations(client: TestClient) -> list[tuple[str, str]]:
    """(method, path with every path parameter 1) of each /v1 route."""
    operations = []
    for route in api_routes(client):
        path = re.sub(r"{[^}]+}", "1", route.path)
        operations += [(method, path) for method in sorted(route.methods or ())]
    return operations


def test_every_api_route_refuses_a_query_parameter_it_does_not_declare(
    client: TestClient,
) -> None:
    """Walks the app, so a route added later is checked too."""
    create(client, "startups", startup_body())
    create(client, "incubators", incubator_body())
    operations = _api_operations(client)
    assert len(operations) >= 50, operations  # profiles, matches, keys, camps, webhooks...
    for method, path in operations:
        response = client.request(method, path, params={"colour": "blue"})
        assert response.status_code == 422, (method, path, response.text)
        (detail,) = response.json()["detail"]
        assert detail["field"] == "colour", (method, path, detail)
        assert detail["reason"].startswith("unknown query parameter"), (method, path, detail)


@pytest.mark.parametrize(
    ("path", "query", "field", "reason"),
    [
        ("/v1/startups/1/matches", "foo=1", "foo", "(known: diversity, domain, "),
        ("/v1/startups/1/matches", "status=open", "status", "use one of: domain, kind"),
        ("/v1/startups/1/bundle", "foo=1", "foo", "unknown query parameter"),
        ("/v1/matches", "foo=1", "foo", "known: cursor, incubator_id"),
        ("/v1/me/stale", "foo=1", "foo", "known: limit"),
        ("/v1/keys/me", "foo=1", "foo", "known: none"),
        ("/v1/me/stale", "limit=1&limit=2", "limit", "given more than once"),
        ("/v1/startups/1/matches", "target=partners&target=scenarios", "target", "more than once"),
    ],
)
def test_the_routes_the_review_found_refuse_unknown_and_repeated_parameters(
    client: TestClient, path: str, query: str, field: str, reason: str
) -> None:
    create(client, "startups", startup_body())
    assert_invalid(client.get(f"{path}?{query}"), field, reason)


def test_a_declared_list_parameter_may_still_be_repeated(client: TestClient) -> None:
    startup = create(client, "startups", startup_body())["id"]
    create(client, "incubators", incubator_body())
    query = "target=incubators&domain=ai&domain=robotics&region=beijing&region=tianjin"
    response = client.get(f"/v1/startups/{startup}/matches?{query}")
    assert response.status_code == 200, response.text
    assert client.get("/v1/matches?state=new&state=accepted").status_code == 200
