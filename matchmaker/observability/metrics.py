"""Prometheus metrics of one process (an API replica or a ``matchmaker worker``).

Each runtime has a registry of its own (tests build many apps in one process). Two sorts of
series: what this process does (request latency per route template, encode time and batch
sizes, webhook attempts), counted as it happens; and the state of the service (index sizes,
the webhook queue, import jobs), read when scraped, so every replica reports the same queue
whichever of them did the work.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.imports.models import ImportJob
from matchmaker.matching.encoder import Encoder, Vectors
from matchmaker.matching.models import FeedReader, ProfileChange
from matchmaker.webhooks.models import OutboxEvent, WebhookDelivery

if TYPE_CHECKING:
    from matchmaker.matching.service import Matcher

log = logging.getLogger(__name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# Route templates of requests that matched no route: one label value, not one per raw path.
UNMATCHED = "<unmatched>"


class Metrics:
    """The series this process records; ``render()`` is the /metrics body."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.request_seconds = Histogram(
            "matchmaker_http_request_duration_seconds",
            "Time to answer an HTTP request, by route template",
            ["method", "route", "status"],
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
        )
        self.encode_seconds = Histogram(
            "matchmaker_encode_seconds",
            "Time of one call to the embedding model",
            registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
        )
        self.encode_batch_size = Histogram(
            "matchmaker_encode_batch_size",
            "Texts per call to the embedding model",
            registry=self.registry,
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024),
        )
        self.webhook_attempts = Counter(
            "matchmaker_webhook_attempts",
            "Webhook delivery attempts made by this process, by outcome",
            ["outcome"],
            registry=self.registry,
        )

    def watch(self, matcher: Matcher, sessions: sessionmaker[Session]) -> None:
        """Report index sizes, the webhook queue and import progress at each scrape."""
        self.registry.register(StateCollector(matcher, sessions))

    def instrument(self, encoder: Encoder) -> Encoder:
        return TimedEncoder(encoder, self)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class TimedEncoder:
    """An encoder that records how long each call took and how many texts it had."""

    def __init__(self, inner: Encoder, metrics: Metrics) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self._metrics = metrics

    def encode(self, texts: list[str]) -> Vectors:
        started = time.perf_counter()
        vectors = self.inner.encode(texts)
        if texts:
            self._metrics.encode_seconds.observe(time.perf_counter() - started)
            self._metrics.encode_batch_size.observe(len(texts))
        return vectors


class StateCollector(Collector):
    """Gauges read from the indexes and the database when /metrics is scraped."""

    def __init__(self, matcher: Matcher, sessions: sessionmaker[Session]) -> None:
        self.matcher = matcher
        self.sessions = sessions

    def collect(self) -> Iterator[Metric]:
        vectors = GaugeMetricFamily(
            "matchmaker_index_vectors", "Vectors in this process's index, by kind", labels=["kind"]
        )
        for kind, size in self.matcher.indexed().items():
            vectors.add_metric([kind], size)
        yield vectors
        tally = self.matcher.answers.tally()
        answers = CounterMetricFamily(
            "matchmaker_answers_reused",
            "Stored profiles' lists and bundles asked for with reuse, by whether a kept answer "
            "was served (hit) or computed (miss)",
            labels=["result"],
        )
        answers.add_metric(["hit"], tally.hits)
        answers.add_metric(["miss"], tally.misses)
        yield answers
        kept = GaugeMetricFamily("matchmaker_answers_kept", "Answers kept for reuse now")
        kept.add_metric([], tally.entries)
        yield kept
        up = GaugeMetricFamily(
            "matchmaker_metrics_database_up", "1 when the database answered this scrape"
        )
        try:
            with self.sessions() as session:
                families = list(_database_state(session))
                families += _feed_state(session, self.matcher.feed_position)
        except Exception as exc:  # noqa: BLE001 - a scrape must answer even without a database
            log.warning("metrics: database state not read: %s", type(exc).__name__)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from families


def _database_state(session: Session) -> Iterator[Metric]:
    now = datetime.now(UTC)
    deliveries = GaugeMetricFamily(
        "matchmaker_webhook_deliveries",
        "Webhook deliveries waiting (pending), due now (due) or given up (failed)",
        labels=["state"],
    )
    counts = dict(
        session.execute(
            select(WebhookDelivery.status, func.count())
            .where(WebhookDelivery.status.in_(("pending", "failed")))
            .group_by(WebhookDelivery.status)
        ).all()
    )
    due = session.scalar(
        select(func.count()).where(
            WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= now
        )
    )
    deliveries.add_metric(["pending"], counts.get("pending", 0))
    deliveries.add_metric(["due"], due or 0)
    deliveries.add_metric(["failed"], counts.get("failed", 0))
    yield deliveries
    outbox = GaugeMetricFamily(
        "matchmaker_outbox_undispatched", "Events not yet fanned out to webhook deliveries"
    )
    outbox.add_metric(
        [], session.scalar(select(func.count()).where(OutboxEvent.dispatched_at.is_(None))) or 0
    )
    yield outbox
    jobs = GaugeMetricFamily("matchmaker_import_jobs", "Import jobs by status", labels=["status"])
    for status, count in session.execute(
        select(ImportJob.status, func.count()).group_by(ImportJob.status)
    ):
        jobs.add_metric([status], count)
    yield jobs
    rows = GaugeMetricFamily(
        "matchmaker_import_rows_done",
        "Rows committed so far by each queued or running import job",
        labels=["job", "kind"],
    )
    for job_id, kind, done in session.execute(
        select(ImportJob.id, ImportJob.kind, ImportJob.rows_done).where(
            ImportJob.status.in_(("queued", "running"))
        )
    ):
        rows.add_metric([str(job_id), kind], done)
    yield rows


def _feed_state(session: Session, position: int) -> list[Metric]:
    """How far this replica's index is behind the change feed."""
    count, oldest = session.execute(
        select(func.count(), func.min(ProfileChange.created_at)).where(ProfileChange.id > position)
    ).one()
    behind = GaugeMetricFamily(
        "matchmaker_feed_behind", "Changes in the feed this replica has not read yet"
    )
    behind.add_metric([], count or 0)
    lag = GaugeMetricFamily(
        "matchmaker_feed_lag_seconds",
        "Age of the oldest change this replica has not read yet (0 when none)",
    )
    lag.add_metric([], 0 if oldest is None else (datetime.now(UTC) - oldest).total_seconds())
    return [behind, lag, *_readers(session)]


def _readers(session: Session) -> list[Metric]:
    """Every replica in the reader registry, as it last said (a heartbeat is at most ~10 s
    old while it runs): feed ids past where it stands and past its snapshot."""
    head = session.scalar(select(func.max(ProfileChange.id))) or 0
    now = datetime.now(UTC)
    labels = ["reader"]
    behind = GaugeMetricFamily(
        "matchmaker_feed_reader_behind",
        "Feed ids past where each replica's index stood at its last heartbeat",
        labels=labels,
    )
    snapshot = GaugeMetricFamily(
        "matchmaker_feed_reader_snapshot_behind",
        "Feed ids past each replica's index snapshot (what a restart replays; pruning keeps "
        "them while the replica is seen)",
        labels=labels,
    )
    seen = GaugeMetricFamily(
        "matchmaker_feed_reader_seen_seconds",
        "Seconds since each replica's last heartbeat",
        labels=labels,
    )
    for r in session.scalars(select(FeedReader).order_by(FeedReader.id)):
        behind.add_metric([r.id], max(0, head - r.position))
        if r.snapshot_position is not None:
            snapshot.add_metric([r.id], max(0, head - r.snapshot_position))
        seen.add_metric([r.id], (now - r.seen_at).total_seconds())
    return [behind, snapshot, seen]
