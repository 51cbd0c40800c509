"""The long-lived objects of a running service, built once and shared by the app and CLI."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

import matchmaker.tables  # noqa: F401 - every mapped table, so foreign keys resolve
from matchmaker import migrations_state
from matchmaker.config import Settings
from matchmaker.db import make_engine, make_sessionmaker
from matchmaker.kinds import ALL_KINDS
from matchmaker.matching import readers
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.one_text import one_text_backend
from matchmaker.matching.registry import load_encoder
from matchmaker.matching.rerank import RerankOptions
from matchmaker.matching.scoring import Weights
from matchmaker.matching.service import Matcher
from matchmaker.matching.store import EmbeddingStore
from matchmaker.observability.metrics import Metrics
from matchmaker.reviews import feedback
from matchmaker.webhooks.events import ProfileOutbox

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    store: EmbeddingStore
    matcher: Matcher
    # False when the schema was not at head at start: /readyz says 503 until a restart.
    indexes_loaded: bool = True
    metrics: Metrics = field(default_factory=Metrics)
    reader: str = ""  # this data dir's replica id in the feed's reader registry
    one_text_backend: str = ""  # what encodes a single text (onnxruntime, torch; /readyz)

    def close(self) -> None:
        """Snapshot the indexes so the next start only catches up, and say so in the
        reader registry, so pruning keeps the feed this snapshot replays."""
        try:
            if self.indexes_loaded:
                self.store.save()
                if self.reader:
                    self._record_snapshot()
        finally:
            self.engine.dispose()

    def _record_snapshot(self) -> None:
        store = self.store
        try:
            with self.sessions() as session, session.begin():
                readers.beat(session, self.reader, store.cursor.position, store.snapshot_position)
        except SQLAlchemyError as exc:  # the snapshot is saved; only the registry lags
            log.warning("could not record the snapshot's feed position: %s", exc)


def weights_from(settings: Settings) -> Weights:
    return Weights(
        semantic=settings.weight_semantic,
        domain=settings.weight_domain,
        stage=settings.weight_stage,
        trl=settings.weight_trl,
        region=settings.weight_region,
        needs=settings.weight_needs,
        reciprocal=settings.weight_reciprocal,
        history=settings.weight_history,
        stale_after_days=settings.stale_after_days,
    )


def rerank_from(settings: Settings) -> RerankOptions:
    return RerankOptions(
        mmr=settings.rerank_diversity == "mmr",
        mmr_lambda=settings.rerank_mmr_lambda,
        one_per_org=settings.rerank_one_per_org,
        fair_regions=tuple(settings.rerank_fair_regions),
        fair_share=settings.rerank_fair_share,
    )


def open_runtime(settings: Settings, encoder: Encoder | None = None) -> Runtime:
    """Load the model (unless given one), open the database and load the indexes."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    encoder = encoder or load_encoder(
        settings.model, settings.encode_batch_size, settings.model_cache, settings.one_text_onnx
    )
    backend = one_text_backend(encoder)
    metrics = Metrics()
    encoder = metrics.instrument(encoder)
    engine = make_engine(settings.resolved_database_url())
    store = EmbeddingStore(
        encoder, ALL_KINDS, settings.index_dir, settings.index_exact_max, settings.index_nprobe
    )
    # The outbox listener marks saved profiles for the webhook worker (match.found events).
    sessions = make_sessionmaker(engine, listeners=[store, ProfileOutbox()])
    store.attach(sessions)
    schema = migrations_state.check(engine)
    if schema.ready:
        report = store.load(sessions, settings.feed_gap_grace_seconds)
        log.info("indexes loaded: %s", report)
        problem = store.mismatch()
        if problem:
            log.warning("%s", problem)
    else:
        # Start anyway, so /healthz answers and /readyz can say why the service is not ready.
        log.warning("indexes not loaded: %s", schema.error)
    matcher = Matcher(
        store,
        weights_from(settings),
        rerank=rerank_from(settings),
        first_stage_batches=settings.first_stage_batches,
        answers=settings.answers_kept,
    )
    feedback.install(matcher)  # declined pairs never again; decisions in every pair's score
    metrics.watch(matcher, sessions)
    return Runtime(
        settings,
        engine,
        sessions,
        store,
        matcher,
        indexes_loaded=schema.ready,
        metrics=metrics,
        reader=readers.replica_id(settings.data_dir),
        one_text_backend=backend,
    )
