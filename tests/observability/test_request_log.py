"""One JSON log line per request, with its request id and the key's id, never the key."""

from __future__ import annotations

import io
import json
import logging
import re
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.observability import logs
from matchmaker.observability.logs import JsonFormatter
from tests.conftest import KeyFactory, as_admin, bearer, mint_key


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
    # mm_<prefix>_<secret>: the url-safe secret may itself contain "_".
    secret = plaintext.split("_", 2)[2]
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
    assert wrong.split("_", 2)[2] not in written


@pytest.fixture
def served_log() -> Iterator[io.StringIO]:
    """``logs.configure`` as ``matchmaker serve`` calls it, its handler writing to the buffer
    yielded; the logging setup restored after."""
    root = logging.getLogger()
    names = ("uvicorn", "uvicorn.error", "uvicorn.access")
    saved = (root.handlers[:], root.level, [logging.getLogger(n).__dict__.copy() for n in names])
    logs.configure("json", "INFO")
    buffer = io.StringIO()
    (handler,) = root.handlers
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    yield buffer
    root.handlers[:], level, states = saved
    root.setLevel(level)
    for name, state in zip(names, states, strict=True):
        logging.getLogger(name).__dict__.update(state)


def test_served_logs_are_json_lines_with_the_request_id_on_each(
    settings: Settings,
    encoder: Encoder,
    served_log: io.StringIO,
) -> None:
    # Redis down: the limiter's warning is a line logged in the middle of the request.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    down = settings.model_copy(
        update={"redis_url": f"redis://127.0.0.1:{closed}/0", "redis_prefix": "mmtest:down:"}
    )
    with TestClient(create_app(down, encoder)) as client:
        key = bearer(mint_key(as_admin(client), "partner"))
        r = client.get("/v1/startups", headers={**key, "X-Request-ID": "served-1"})
    assert r.status_code == 200
    written = [json.loads(line) for line in served_log.getvalue().splitlines()]
    mine = {line["logger"] for line in written if line.get("request_id") == "served-1"}
    assert mine == {"matchmaker.platform.ratelimit", "matchmaker.request"}
