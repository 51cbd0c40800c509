"""The delivery worker: fan out the outbox, then send what is due, until stopped."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta

import httpx
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.background import PollingWorker
from matchmaker.config import Settings
from matchmaker.matching.service import Matcher
from matchmaker.webhooks import delivery, fanout, retention, urls

log = logging.getLogger(__name__)

HOUSEKEEPING_SECONDS = 3600.0


class DeliveryWorker(PollingWorker):
    """Fans out the outbox and sends due deliveries, in one thread."""

    name = "webhook-delivery"

    def __init__(
        self,
        sessions: sessionmaker[Session],
        matcher: Matcher | None,
        settings: Settings,
        transport: httpx.BaseTransport | None = None,
        resolver: urls.Resolver = urls.resolve,
        housekeeping: Callable[[], object] | None = None,
        on_attempt: Callable[[delivery.Result], object] | None = None,
    ) -> None:
        super().__init__(settings.webhook_poll_seconds)
        self.sessions = sessions
        self.matcher = matcher
        self.settings = settings
        # No redirects: a subscriber's URL must not bounce deliveries somewhere else.
        self.client = httpx.Client(
            timeout=settings.webhook_timeout_seconds, follow_redirects=False, transport=transport
        )
        self._resolver = resolver
        # Longer than a send's whole deadline (the timeout) plus resolving its name: a claim
        # must not lapse while its attempt is still running, or another worker sends it too.
        self._lease = timedelta(seconds=settings.webhook_timeout_seconds * 2 + 30)
        # Other upkeep run now and then by the loop (e.g. purging idempotency records).
        self._housekeeping = housekeeping
        self._next_housekeeping = 0.0
        self._on_attempt = on_attempt  # e.g. counting attempts for /metrics

    def run_once(self) -> int:
        """Fan out every pending outbox row, then send each due delivery once."""
        while True:
            with self.sessions() as session, session.begin():
                if not fanout.dispatch(session, self.matcher):
                    break
        with self.sessions() as session:
            ids = delivery.due(session)
        sent = 0
        for delivery_id in ids:
            if self._stop.is_set():
                break
            job = delivery.claim(self.sessions, delivery_id, self._lease)
            if job is None:
                continue
            result = delivery.send(
                self.client,
                job,
                self.settings.webhook_allow_private_urls,
                self._resolver,
                deadline_seconds=self.settings.webhook_timeout_seconds,
            )
            delivery.record(self.sessions, job, result, self.settings)
            if self._on_attempt is not None:
                self._on_attempt(result)
            sent += 1
        return sent

    def stop(self, timeout: float = 10.0) -> None:
        super().stop(timeout)
        self.client.close()

    def before_pass(self) -> None:
        if time.monotonic() >= self._next_housekeeping:
            self._next_housekeeping = time.monotonic() + HOUSEKEEPING_SECONDS
            retention.purge_settled(
                self.sessions, timedelta(days=self.settings.webhook_retention_days)
            )
            if self._housekeeping is not None:
                self._housekeeping()
