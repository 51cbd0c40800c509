"""A damaged index snapshot never stops start-up: it is rebuilt from the stored vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.atomic import write_atomically
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.conftest import as_admin
from tests.matching.helpers import db_embeddings, ids_of, index_state, make, matches

KINDS = ("startup", "incubator", "partner", "scenario")


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "empty":
        path.write_bytes(b"")
    elif how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:  # garbage of the same size: the file is there, its content is not a snapshot
        path.write_bytes((b"\x8f garbage \x00" * (len(data) // 11 + 1))[: len(data)])


@pytest.mark.parametrize("how", ["empty", "truncated", "garbage"])
@pytest.mark.parametrize("suffix", [".npz", ".faiss", ".json"])
def test_a_damaged_snapshot_is_rebuilt_from_the_database(
    settings: Settings, encoder: Encoder, suffix: str, how: str
) -> None:
    with TestClient(create_app(settings, encoder)) as first:
        as_admin(first)
        robotics = make(first, "incubators", name="Robotics Hub", domains=["robotics"])
        other = make(first, "incubators", name="Bio Hub", domains=["biomedicine"])
        startup = make(first, "startups", domains=["robotics"])
        make(first, "partners")
        make(first, "scenarios")
    for kind in KINDS:  # the first server saved a snapshot of every kind when it stopped
        _damage(settings.index_dir / f"{kind}{suffix}", how)

    with TestClient(create_app(settings, encoder)) as second:
        as_admin(second)
        assert second.get("/readyz").status_code == 200
        for kind in KINDS:
            stored = db_embeddings(second, kind)
            assert index_state(second, kind) == set(stored)
            index = second.app.state.runtime.store.indexes[kind]  # type: ignore[attr-defined]
            for pid, vector in stored.items():
                np.testing.assert_allclose(index.vectors([pid])[0], vector, rtol=0, atol=1e-6)
        # The filter masks were rebuilt too: a filtered search still tells the two apart.
        found = ids_of(matches(second, f"/v1/startups/{startup}/matches", domain="robotics"))
        assert robotics in found
        assert other not in found
    # ... and the server that rebuilt them left sound snapshots behind for the next start.
    with TestClient(create_app(settings, encoder)) as third:
        assert index_state(third, "incubator") == {robotics, other}


def test_a_failed_snapshot_write_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "startup.json"
    write_atomically(path, lambda tmp: tmp.write_text("previous", encoding="utf-8"))

    def dies_half_way(tmp: Path) -> None:
        tmp.write_text("half of the n", encoding="utf-8")
        raise OSError("no space left on device")

    with pytest.raises(OSError, match="no space"):
        write_atomically(path, dies_half_way)
    assert path.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["startup.json"]  # no temporary file left
