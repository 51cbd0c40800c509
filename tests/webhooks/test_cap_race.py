"""The per-account webhook cap holds when registrations arrive at once: the count and the
insert it allows are one step (the account's row is locked first), on both databases."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.access.principal import Principal
from matchmaker.config import Settings
from matchmaker.db import make_engine, make_sessionmaker
from matchmaker.errors import InvalidInput
from matchmaker.webhooks import service, signing
from matchmaker.webhooks.models import Webhook
from matchmaker.webhooks.schemas import WebhookCreate

CAP = 3
THREADS = 8


@pytest.fixture
def sessions(settings: Settings) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(settings.database_url)
    yield make_sessionmaker(engine)
    engine.dispose()


def _account(sessions: sessionmaker[Session]) -> Principal:
    with sessions() as session, session.begin():
        issued = access.create_key(session, Role.founder, "racing platform")
        return access.principal_of(session, issued.account, issued.key.id)


def test_simultaneous_registrations_never_pass_the_cap(
    settings: Settings, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    capped = settings.model_copy(update={"webhooks_per_account": CAP})
    principal = _account(sessions)
    body = WebhookCreate.model_validate(
        {"url": "https://93.184.216.34/hook", "events": ["match.state_changed"]}
    )
    # Widen the gap between the count and the insert (the secret is made in between), so
    # that without the lock every thread counts before any inserts.
    new_secret = signing.new_secret

    def slow_secret() -> str:
        time.sleep(0.2)
        return new_secret()

    monkeypatch.setattr(signing, "new_secret", slow_secret)
    start = threading.Barrier(THREADS)
    outcomes: list[str] = []

    def register() -> None:
        start.wait()
        try:
            with sessions() as session, session.begin():
                service.create(session, principal, body, capped)
            outcomes.append("created")
        except InvalidInput as exc:
            outcomes.append("refused" if "WEBHOOKS_PER_ACCOUNT=3" in exc.message else exc.message)

    threads = [threading.Thread(target=register) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes) == ["created"] * CAP + ["refused"] * (THREADS - CAP)
    with sessions() as session:
        stored = session.scalar(
            select(func.count())
            .select_from(Webhook)
            .where(Webhook.account_id == principal.account_id)
        )
    assert stored == CAP
