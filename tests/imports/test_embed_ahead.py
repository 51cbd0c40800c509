"""An import encodes each chunk's texts before the chunk's write transaction, not inside it.

Inside, the transaction would hold SQLite's write lock for as long as the encoding takes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.config import Settings
from matchmaker.imports import service
from matchmaker.imports.models import ImportJob
from matchmaker.matching.models import Embedding
from matchmaker.matching.store import EmbeddingStore
from matchmaker.matching.texts import compose
from matchmaker.startups.models import Startup
from tests.imports.helpers import operator_job

HEADER = "external_id,name,pitch,domains,stage,trl,region\n"


def _rows(pitches: list[str], trl: dict[int, int] | None = None) -> str:
    return HEADER + "".join(
        f"s{n},Ahead Robotics {n},{pitch},robotics,pilot,{(trl or {}).get(n, 5)},beijing\n"
        for n, pitch in enumerate(pitches, start=1)
    )


def _import(client: TestClient, path: Path, chunk: int) -> ImportJob:
    sessions: sessionmaker[Session] = client.app.state.sessions  # type: ignore[attr-defined]
    settings: Settings = client.app.state.settings  # type: ignore[attr-defined]
    job_id = operator_job(client, path, "ahead")
    service.run(sessions, job_id, settings.model_copy(update={"import_chunk_rows": chunk}))
    with sessions() as session:
        done = session.get(ImportJob, job_id)
        assert done is not None
        return done


@pytest.fixture
def batches(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """The encoder's calls from now on: where from ("commit" inside a write transaction's
    commit hook, else "ahead") and how many texts."""
    store: EmbeddingStore = client.app.state.runtime.store  # type: ignore[attr-defined]
    encode, write = store.encoder.encode, store.write_embeddings
    calls: list[tuple[str, int]] = []
    committing = False

    def spy_encode(texts: list[str]) -> Any:
        calls.append(("commit" if committing else "ahead", len(texts)))
        return encode(texts)

    def spy_write(*args: Any) -> Any:
        nonlocal committing
        committing = True
        try:
            return write(*args)
        finally:
            committing = False

    monkeypatch.setattr(store.encoder, "encode", spy_encode)
    monkeypatch.setattr(store, "write_embeddings", spy_write)
    return calls


def test_each_chunk_is_encoded_once_before_its_transaction(
    client: TestClient, tmp_path: Path, batches: list[tuple[str, int]]
) -> None:
    path = tmp_path / "six.csv"
    # Row 4 is bad (TRL 99): it is reported and the chunk's other rows are encoded ahead.
    path.write_text(_rows([f"Robot hands for task {n}" for n in range(1, 7)], trl={4: 99}))
    job = _import(client, path, chunk=3)
    assert (job.created, job.failed) == (5, 1)
    assert batches == [("ahead", 3), ("ahead", 2)]  # one batch per chunk, none while committing
    sessions: sessionmaker[Session] = client.app.state.sessions  # type: ignore[attr-defined]
    store: EmbeddingStore = client.app.state.runtime.store  # type: ignore[attr-defined]
    with sessions() as session:
        profile = session.scalars(select(Startup).order_by(Startup.id)).first()
        assert profile is not None
        stored = session.get(Embedding, ("startup", profile.id))
        assert stored is not None
        vector = np.frombuffer(stored.vector, dtype="<f4")
    # The vector stored is the one of the text the profile really has.
    expected = store.encoder.encode([compose("startup", profile)])[0]
    assert np.allclose(vector, expected, atol=1e-5)


def test_a_rerun_encodes_only_the_rows_whose_text_changed(
    client: TestClient, tmp_path: Path, batches: list[tuple[str, int]]
) -> None:
    path = tmp_path / "three.csv"
    path.write_text(_rows(["Robot hands", "Robot arms", "Robot eyes"]))
    assert _import(client, path, chunk=10).created == 3
    batches.clear()
    # The file carries only some fields: the text ahead is the stored profile with them applied.
    path.write_text(_rows(["Robot hands", "Robot arms for welding", "Robot eyes"]))
    job = _import(client, path, chunk=10)
    assert (job.created, job.updated, job.unchanged) == (0, 1, 2)
    assert batches == [("ahead", 1)]


def test_a_row_updating_a_profile_of_the_chunk_before_gets_its_final_text(
    client: TestClient, tmp_path: Path
) -> None:
    """A row that changes a profile an earlier chunk created, in the same file: the vector
    stored is that of the text the profile ends with."""
    path = tmp_path / "again.csv"
    path.write_text(
        HEADER
        + "s1,Twice Robotics,Robot hands,robotics,pilot,5,beijing\n"
        + "s2,Other Robotics,Robot feet,robotics,pilot,5,beijing\n"
        + "s1,Twice Robotics,Robot hands that weld ship hulls,robotics,pilot,6,beijing\n"
    )
    job = _import(client, path, chunk=2)
    assert (job.created, job.updated, job.failed) == (2, 1, 0)
    sessions: sessionmaker[Session] = client.app.state.sessions  # type: ignore[attr-defined]
    store: EmbeddingStore = client.app.state.runtime.store  # type: ignore[attr-defined]
    with sessions() as session:
        profile = session.scalars(select(Startup).where(Startup.name == "Twice Robotics")).one()
        assert (profile.pitch, profile.trl) == ("Robot hands that weld ship hulls", 6)
        stored = session.get(Embedding, ("startup", profile.id))
        assert stored is not None
        vector = np.frombuffer(stored.vector, dtype="<f4")
    assert np.allclose(vector, store.encoder.encode([compose("startup", profile)])[0], atol=1e-5)
