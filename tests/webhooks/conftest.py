"""Apps whose webhook worker retries fast and may deliver to 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.conftest import KeyFactory, as_admin, bearer, mint_key


def fast(settings: Settings, **overrides: object) -> Settings:
    values = {
        "webhook_allow_private_urls": True,
        "webhook_backoff_seconds": 0.05,
        "webhook_backoff_max_seconds": 0.2,
        "webhook_poll_seconds": 0.05,
        "webhook_timeout_seconds": 5.0,
        **overrides,
    }
    return settings.model_copy(update=values)


@pytest.fixture
def hook_client(settings: Settings, encoder: Encoder) -> Iterator[TestClient]:
    """Like ``client`` (an admin key), over an app tuned for webhook tests."""
    with TestClient(create_app(fast(settings), encoder)) as test_client:
        yield as_admin(test_client)


@pytest.fixture
def hook_auth(hook_client: TestClient) -> KeyFactory:
    def make(role: str, **scope: object) -> dict[str, str]:
        return bearer(mint_key(hook_client, role, **scope))  # type: ignore[arg-type]

    return make
