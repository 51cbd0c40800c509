"""Bodies over the size limit get 413 before anything reads them: a declared Content-Length
at once, a chunked body as soon as its bytes pass the limit. Uploads have their own limit."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.conftest import as_admin
from tests.factories import startup_body
from tests.live import serve
from tests.profiles.helpers import row_counts

FIFTY_MB = 50 * 1024 * 1024
SENT_BEFORE_READING = 64 * 1024


def _read_response(sock: socket.socket) -> tuple[int, dict[str, str], bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"connection closed before a response: {data!r}"
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode().split("\r\n")
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    while len(rest) < int(headers.get("content-length", "0")):
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return int(status_line.split()[1]), headers, rest


def _connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    sock = socket.create_connection((parts.hostname or "", parts.port or 80), timeout=30)
    return sock


def _request_head(path: str, extra: str) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n{extra}\r\n"
    ).encode()


def _assert_too_large(status: int, body: bytes, limit_text: str) -> None:
    assert status == 413
    error = json.loads(body)
    assert error["error"] == "payload_too_large"
    assert error["detail"] == [
        {"field": "body", "reason": f"the request body is larger than {limit_text}"}
    ]


def test_a_50_mb_body_is_refused_before_it_is_read(settings: Settings, encoder: Encoder) -> None:
    with serve(create_app(settings, encoder)) as url:
        # Declared: the answer comes after 64 KiB of the 50 MB were sent; the rest never is.
        with _connect(url) as sock:
            sock.sendall(_request_head("/v1/startups", f"Content-Length: {FIFTY_MB}\r\n"))
            sock.sendall(b"{" + b" " * (SENT_BEFORE_READING - 1))
            status, headers, body = _read_response(sock)
        _assert_too_large(status, body, "1 MiB")
        assert headers["connection"] == "close"
        # Chunked, no length given: refused once the bytes counted pass 1 MiB, without the
        # terminating chunk ever being sent.
        with _connect(url) as sock:
            sock.sendall(_request_head("/v1/startups", "Transfer-Encoding: chunked\r\n"))
            chunk = b" " * (256 * 1024)
            try:
                for _ in range(8):  # 2 MiB at most, of the 50 MB the client claims to have
                    sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            except OSError:
                pass  # the server answered and closed while we were still sending
            status, _, body = _read_response(sock)
        _assert_too_large(status, body, "1 MiB")


def test_uploads_have_their_own_larger_limit(settings: Settings, encoder: Encoder) -> None:
    small = settings.model_copy(
        update={"max_body_bytes": 4096, "max_upload_bytes": 64 * 1024, "workers_enabled": False}
    )
    with TestClient(create_app(small, encoder)) as client:
        as_admin(client)
        big_json = startup_body(description="x" * 4096)
        r = client.post("/v1/startups", json=big_json)
        _assert_too_large(r.status_code, r.content, "4 KiB")
        assert row_counts(client)["startups"] == 0
        assert client.post("/v1/startups", json=startup_body()).status_code == 201
        rows = "external_id,name,domains,stage,trl,region\n" + "r1,Big,robotics,pilot,5,hebei\n"
        ok = client.post(
            "/v1/imports",
            files={"file": ("a.csv", (rows + "#" * 20_000).encode())},
            data={"kind": "startups"},
        )
        assert ok.status_code == 202, ok.text  # 20 KB: over the JSON limit, under the upload's
        r = client.post(
            "/v1/imports",
            files={"file": ("a.csv", (rows + "#" * 70_000).encode())},
            data={"kind": "startups"},
        )
        _assert_too_large(r.status_code, r.content, "64 KiB")
        assert len(client.get("/v1/imports").json()) == 1
