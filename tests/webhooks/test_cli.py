"""``matchmaker webhooks deliver``: a separate process sends what the API committed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from matchmaker.app import create_app
from matchmaker.cli import cli
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.conftest import as_admin, bearer, mint_key
from tests.webhooks.conftest import fast
from tests.webhooks.helpers import act, body, make_pair, subscribe
from tests.webhooks.receiver import receiver


def test_deliver_once_sends_events_the_api_left_behind(
    settings: Settings, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiet = fast(settings, workers_enabled=False)
    with receiver() as rx:
        with TestClient(create_app(quiet, encoder)) as api:
            as_admin(api)
            pair = make_pair(api, lambda role, **scope: bearer(mint_key(api, role, **scope)))
            subscribe(api, pair.founder, rx.url, ["match.state_changed"])
            assert act(api, pair, pair.manager, "shortlist") == 201
        assert rx.requests == []
        monkeypatch.setenv("MATCHMAKER_DATABASE_URL", settings.database_url)
        monkeypatch.setenv("MATCHMAKER_DATA_DIR", str(settings.data_dir))
        # Deliveries are checked again when sent: the receiver is on 127.0.0.1.
        monkeypatch.setenv("MATCHMAKER_WEBHOOK_ALLOW_PRIVATE_URLS", "true")
        result = CliRunner().invoke(cli, ["webhooks", "deliver", "--once"])
        assert result.exit_code == 0, result.output
        assert "sent 1 deliveries" in result.output
        # Sent: a second pass finds nothing left to send.
        again = CliRunner().invoke(cli, ["webhooks", "deliver", "--once"])
        assert "sent 0 deliveries" in again.output
    (request,) = rx.requests
    assert body(request)["data"]["to_state"] == "shortlisted"
