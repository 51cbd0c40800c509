"""One JSON log line per request, with its request id and the key's id, never the key."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from matchmaker.observability.logs import JsonFormatter
from tests.conftest import KeyFactory, mint_key


def lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    """Every captured record as the JSON formatter writes it."""
    formatter = JsonFormatter()
    return [json.loads(formatter.format(record)) for record in caplog.records]


def request_line(caplog: pytest.LogCaptureFixture, rid: str) -> dict[str, Any]:
    found = [
        line
        for line in lines(caplog)
        if line["logger"] == "matchmaker.request" and line.get("request_id") == rid
    ]
    assert len(found) == 1, found
    return found[0]


def test_a_sane_request_id_is_kept_and_returned(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    r = client.get("/v1/startups", headers={"X-Request-ID": "lb-7f3a.42:trace"})
    assert r.status_code == 200
    assert r.headers["X-Request-ID"] == "lb-7f3a.42:trace"
    line = request_line(caplog, "lb-7f3a.42:trace")
    assert line["route"] == "/v1/startups"
    assert line["status"] == 200
    assert line["method"] == "GET"
    assert isinstance(line["duration_ms"], float)


@pytest.mark.parametrize(
    "given",
    [None, "", "has spaces", "x" * 129, 'quote"injection', "new\\nline"],
)
def test_a_missing_or_insane_request_id_is_replaced(
    client: TestClient, caplog: pytest.LogCaptureFixture, given: str | None
) -> None:
    caplog.set_level(logging.INFO)
    headers = {} if given is None else {"X-Request-ID": given}
    r = client.get("/healthz", headers=headers)
    rid = r.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", rid)
    assert request_line(caplog, rid)["status"] == 200


def test_logs_name_the_key_by_id_and_never_contain_it(
    client: TestClient, auth: KeyFactory, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    plaintext = mint_key(client, "partner")
    secret = plaintext.rsplit("_", 1)[1]
    headers = {"Authorization": f"Bearer {plaintext}", "X-Request-ID": "with-key"}
    me = client.get("/v1/keys/me", headers=headers)
    assert me.status_code == 200
    key_id = me.json()["key"]["id"]
    # A refused key, a validation error and a server-side lookup of the key too.
    wrong = plaintext[:-4] + "AAAA"
    refused = {"Authorization": f"Bearer {wrong}", "X-Request-ID": "wrong-key"}
    assert client.get("/v1/startups", headers=refused).status_code == 401
    invalid = {**headers, "X-Request-ID": "with-key-invalid-body"}
    assert client.post("/v1/startups", json={"name": plaintext}, headers=invalid).status_code == 422

    assert request_line(caplog, "with-key")["key_id"] == key_id
    assert request_line(caplog, "with-key-invalid-body")["key_id"] == key_id
    assert request_line(caplog, "wrong-key")["key_id"] is None
    written = "\n".join(JsonFormatter().format(r) for r in caplog.records)
    assert written  # the requests above were logged
    assert secret not in written
    assert wrong.rsplit("_", 1)[1] not in written
