"""An account has at most MATCHMAKER_WEBHOOKS_PER_ACCOUNT webhooks: each event is sent to
every one of them, so an unbounded number turned one change into thousands of deliveries."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from matchmaker.webhooks import service
from tests.conftest import bearer, mint_key


def test_an_account_past_its_webhook_cap_is_refused_until_it_deletes_one(
    settings: Settings, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    capped = settings.model_copy(update={"webhooks_per_account": 3})
    with TestClient(create_app(capped, encoder)) as client:
        founder = bearer(mint_key(client, "founder"))
        other = bearer(mint_key(client, "founder"))
        body = {"url": "https://93.184.216.34/hook", "events": ["match.state_changed"]}
        made = [client.post("/v1/webhooks", json=body, headers=founder) for _ in range(3)]
        assert [r.status_code for r in made] == [201, 201, 201]
        r = client.post("/v1/webhooks", json=body, headers=founder)
        assert r.status_code == 422, r.text
        [detail] = r.json()["detail"]
        assert detail["field"] == "url"
        assert "this account has 3 webhooks" in detail["reason"]
        assert "MATCHMAKER_WEBHOOKS_PER_ACCOUNT=3" in detail["reason"]
        assert len(client.get("/v1/webhooks", headers=founder).json()) == 3
        # The cap is each account's own.
        assert client.post("/v1/webhooks", json=body, headers=other).status_code == 201
        first = made[0].json()["id"]
        assert client.delete(f"/v1/webhooks/{first}", headers=founder).status_code == 204
        assert client.post("/v1/webhooks", json=body, headers=founder).status_code == 201
        # The list is bounded too (for an account that had more before the cap).
        monkeypatch.setattr(service, "MAX_LISTED", 2)
        assert len(client.get("/v1/webhooks", headers=founder).json()) == 2
