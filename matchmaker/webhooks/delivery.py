"""Sending one delivery: claim it, POST it signed, record the attempt, schedule a retry.

A delivery is claimed by pushing its ``next_attempt_at`` past the send's timeout in a
committed conditional UPDATE, so two workers never send it at once; if the process dies
mid-send the claim lapses and the delivery is sent again (receivers dedupe on the event id).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.config import Settings
from matchmaker.webhooks import signing, urls
from matchmaker.webhooks.deadline import Deadline
from matchmaker.webhooks.models import Webhook, WebhookAttempt, WebhookDelivery

USER_AGENT = "Matchmaker-Webhooks/1"
# Of a receiver's answer only the status matters; at most this much of its body is read.
RESPONSE_READ_LIMIT = 64 * 1024


@dataclass(frozen=True)
class Job:
    delivery_id: int
    outbox_id: int
    event: str
    url: str
    secret: str
    body: str


@dataclass(frozen=True)
class Result:
    status_code: int | None
    latency_ms: int
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def outcome(self) -> str:
        """``delivered``, ``http_error`` (the receiver answered non-2xx) or ``unreachable``."""
        if self.ok:
            return "delivered"
        return "unreachable" if self.status_code is None else "http_error"


def backoff(attempts: int, settings: Settings, rng: random.Random | None = None) -> float:
    """Seconds before retry number ``attempts``: exponential, capped, with equal jitter."""
    cap: float = min(
        settings.webhook_backoff_max_seconds,
        settings.webhook_backoff_seconds * 2 ** max(0, attempts - 1),
    )
    jitter: float = (rng or random.Random()).uniform(0, cap / 2)
    return cap / 2 + jitter


def due(session: Session, limit: int = 20) -> list[int]:
    now = datetime.now(UTC)
    return list(
        session.scalars(
            select(WebhookDelivery.id)
            .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now)
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            .limit(limit)
        )
    )


def claim(sessions: sessionmaker[Session], delivery_id: int, lease: timedelta) -> Job | None:
    """Take a due delivery for one send, or None if another worker has it."""
    now = datetime.now(UTC)
    with sessions() as session, session.begin():
        result = session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.id == delivery_id,
                WebhookDelivery.status == "pending",
                WebhookDelivery.next_attempt_at <= now,
            )
            .values(next_attempt_at=now + lease)
        )
        if getattr(result, "rowcount", 0) != 1:
            return None
        delivery = session.get(WebhookDelivery, delivery_id)
        hook = session.get(Webhook, delivery.webhook_id) if delivery else None
        if delivery is None or hook is None:
            return None
        if not hook.active:
            delivery.status, delivery.last_error = "failed", "webhook deactivated"
            return None
        return Job(
            delivery.id, delivery.outbox_id, delivery.event, hook.url, hook.secret, delivery.body
        )


def send(
    client: httpx.Client,
    job: Job,
    allow_private: bool,
    resolver: urls.Resolver = urls.resolve,
    deadline_seconds: float = 10.0,
) -> Result:
    """POST the signed body once, to the address checked for it; never raises. The attempt
    ends after ``deadline_seconds`` in all, however slowly the receiver answers."""
    try:
        target = urls.pin(job.url, allow_private, resolver)
    except urls.UrlRefused as exc:
        # Refused before connecting: no status and no latency, nothing to learn about the target.
        return Result(None, 0, f"refused: {exc}")
    body = job.body.encode()
    timestamp = int(time.time())
    headers = {
        "Host": target.host_header,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        signing.TIMESTAMP_HEADER: str(timestamp),
        signing.SIGNATURE_HEADER: signing.sign(job.secret, timestamp, body),
        signing.EVENT_HEADER: job.event,
        signing.EVENT_ID_HEADER: f"evt_{job.outbox_id}",
        signing.DELIVERY_HEADER: str(job.delivery_id),
    }
    started = time.perf_counter()
    deadline = Deadline(deadline_seconds)
    # A fresh connection each attempt, so the deadline always holds the socket it must shut.
    headers["Connection"] = "close"
    try:
        with (
            deadline,
            client.stream(
                "POST",
                target.url,
                content=body,
                headers=headers,
                # TLS is verified for the name, while the connection goes to the checked address.
                extensions={"sni_hostname": target.server_name, "trace": deadline.trace},
            ) as response,
        ):
            _read_some(response, deadline)
    except httpx.TimeoutException as exc:
        return Result(None, _ms(started), f"timeout: {type(exc).__name__}")
    except httpx.HTTPError as exc:
        if deadline.passed:
            return Result(None, _ms(started), f"timeout: no answer within {deadline_seconds:g} s")
        return Result(None, _ms(started), f"{type(exc).__name__}: {exc}"[:500])
    if deadline.passed:
        return Result(None, _ms(started), f"timeout: no answer within {deadline_seconds:g} s")
    return Result(response.status_code, _ms(started), None)


def _read_some(response: httpx.Response, deadline: Deadline) -> None:
    # Only the status is used: the body is read (so a small answer completes normally) up to
    # a cap and the deadline, never held in memory whole; closing drops the rest.
    if response.is_stream_consumed:  # a transport that answered from memory (tests)
        return
    read = 0
    for chunk in response.iter_raw(chunk_size=16 * 1024):
        read += len(chunk)
        if read >= RESPONSE_READ_LIMIT or deadline.remaining() <= 0:
            return


def record(sessions: sessionmaker[Session], job: Job, result: Result, settings: Settings) -> str:
    """Store the attempt and the delivery's next state; returns that state."""
    now = datetime.now(UTC)
    with sessions() as session, session.begin():
        delivery = session.get(WebhookDelivery, job.delivery_id)
        if delivery is None:  # the webhook was deleted meanwhile
            return "gone"
        session.add(
            WebhookAttempt(
                delivery_id=delivery.id,
                attempted_at=now,
                status_code=result.status_code,
                latency_ms=result.latency_ms,
                error=result.error,
            )
        )
        delivery.attempts += 1
        delivery.last_status_code = result.status_code
        if result.ok:
            delivery.status, delivery.delivered_at = "delivered", now
            delivery.next_attempt_at, delivery.last_error = None, None
        else:
            delivery.last_error = result.error or f"HTTP {result.status_code}"
            if delivery.attempts >= settings.webhook_max_attempts:
                delivery.status, delivery.next_attempt_at = "failed", None
            else:
                delay = backoff(delivery.attempts, settings)
                delivery.next_attempt_at = now + timedelta(seconds=delay)
        return delivery.status


def _ms(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)
