"""Behind a TLS proxy that is not on this host: `matchmaker serve` believes X-Forwarded-Proto
and X-Forwarded-For from the proxies in MATCHMAKER_FORWARDED_ALLOW_IPS only.

The app is wrapped exactly as uvicorn wraps it for `matchmaker serve` (its proxy headers
middleware, with ``cli.uvicorn_options``); the connection comes from the proxy's address.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient
from pydantic import ValidationError
from typer.testing import CliRunner

from matchmaker.app import create_app
from matchmaker.cli import cli, uvicorn_options
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.web.session import COOKIE

PROXY = ("10.20.0.5", 51000)  # a TLS proxy on another machine of the network
HTTPS = {"X-Forwarded-Proto": "https"}
DEFAULT = Settings.model_fields["forwarded_allow_ips"].default


@contextmanager
def served(
    settings: Settings, encoder: Encoder, forwarded_allow_ips: str = DEFAULT, **changes: Any
) -> Iterator[TestClient]:
    """The app as `matchmaker serve` runs it, reached from PROXY; 3 requests without a key or
    session at once per address, one more every 10 s (unless ``changes`` say otherwise)."""
    tight = Settings(
        database_url=settings.database_url,
        data_dir=settings.data_dir,
        anonymous_rate_limit_per_minute=6,
        anonymous_rate_limit_burst=3,
        forwarded_allow_ips=forwarded_allow_ips,
    ).model_copy(update=changes)
    # ws and http as tests/live.py sets them; the proxy options are serve's own.
    config = uvicorn.Config(
        create_app(tight, encoder), ws="none", http="h11", **uvicorn_options(tight)
    )
    config.load()
    with TestClient(config.loaded_app, client=PROXY) as client:
        yield client


def _session_cookie(client: TestClient, headers: dict[str, str]) -> str:
    r = client.get("/signin", headers=headers)
    assert r.status_code == 200, r.text
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=")
    return cookie


def test_a_trusted_proxys_https_request_gets_a_secure_cookie(
    settings: Settings, encoder: Encoder
) -> None:
    with served(settings, encoder, forwarded_allow_ips="10.20.0.0/24") as client:
        assert "Secure" in _session_cookie(client, HTTPS)
        assert "Secure" not in _session_cookie(client, {"X-Forwarded-Proto": "http"})


def test_a_proxy_that_is_not_trusted_cannot_make_the_cookie_secure(
    settings: Settings, encoder: Encoder
) -> None:
    with served(settings, encoder) as client:  # the default: loopback only
        assert "Secure" not in _session_cookie(client, HTTPS)


def test_a_trusted_proxys_forwarded_address_picks_the_anonymous_bucket(
    settings: Settings, encoder: Encoder
) -> None:
    with served(settings, encoder, forwarded_allow_ips="10.20.0.5") as client:
        one = {"X-Forwarded-For": "203.0.113.7"}
        answers = [client.get("/signin", headers=one).status_code for _ in range(4)]
        assert answers == [200, 200, 200, 429]
        # Another visitor behind the same proxy has a bucket of its own.
        assert client.get("/signin", headers={"X-Forwarded-For": "203.0.113.8"}).status_code == 200
        # A client's own X-Forwarded-For goes before the one the proxy appends: uvicorn takes
        # the proxy's, so forging it does not buy a new bucket.
        forged = {"X-Forwarded-For": "192.0.2.1, 203.0.113.7"}
        assert client.get("/signin", headers=forged).status_code == 429


def test_without_the_setting_a_forged_forwarded_for_does_not_change_the_bucket(
    settings: Settings, encoder: Encoder
) -> None:
    with served(settings, encoder) as client:
        answers = [
            client.get("/signin", headers={"X-Forwarded-For": f"192.0.2.{i}"}).status_code
            for i in range(1, 5)
        ]
    # Every request counted against PROXY's own address, whatever the header said.
    assert answers == [200, 200, 200, 429]


@pytest.mark.parametrize(
    ("value", "named"),
    [("10.0.0.1/8", "'10.0.0.1/8'"), ("proxy.internal", "'proxy.internal'"), ("10.0.0.1,", "''")],
)
def test_a_proxy_list_that_uvicorn_would_misread_is_refused(value: str, named: str) -> None:
    with pytest.raises(ValidationError) as error:
        Settings(forwarded_allow_ips=value)
    message = str(error.value)
    assert "MATCHMAKER_FORWARDED_ALLOW_IPS" in message
    assert named in message


def test_proxy_lists_are_read_as_uvicorn_reads_them() -> None:
    assert Settings().forwarded_allow_ips == "127.0.0.1,::1"
    assert Settings(forwarded_allow_ips=" 10.0.0.0/8 , fd00::1").forwarded_allow_ips == (
        "10.0.0.0/8,fd00::1"
    )
    assert Settings(forwarded_allow_ips="*").forwarded_allow_ips == "*"


def test_serve_refuses_uvicorns_own_variable_instead_of_ignoring_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the README used to advise: uvicorn's variable, which serve's own value overrides.
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.20.0.5")
    monkeypatch.setenv("MATCHMAKER_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MATCHMAKER_FORWARDED_ALLOW_IPS", raising=False)
    result = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert result.exit_code == 2
    assert "rename it" in result.output
    assert "MATCHMAKER_FORWARDED_ALLOW_IPS" in result.output
    # Given under its name, it is the one used (and uvicorn's is then beside the point).
    monkeypatch.setenv("MATCHMAKER_FORWARDED_ALLOW_IPS", "10.20.0.5")
    assert uvicorn_options(Settings())["forwarded_allow_ips"] == "10.20.0.5"
