"""Candidates' facts are kept in memory between requests, but never outlive a write.

A ranked list reads its candidates' facts from memory when the row is at the version it was
read at, so a write by this process, by another process, or by another replica must show in
the very next list, whether or not this process has followed the change feed yet.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.conftest import app_process
from tests.matching.helpers import make, matches


def _by_id(client: TestClient, startup: int) -> dict[int, dict[str, Any]]:
    found = matches(client, f"/v1/startups/{startup}/matches", limit=50)
    return {int(m["profile"]["id"]): m for m in found}


def test_a_write_by_another_process_shows_in_the_next_list(
    settings: Settings, encoder: Encoder
) -> None:
    # Another process's writes reach this one's index only through the feed; a poll of an
    # hour keeps that from happening during the test, so only the facts read matters.
    with app_process(settings, encoder, index_refresh_seconds=3600.0) as reader:
        startup = make(reader, "startups", domains=["robotics"], stage="prototype")
        renamed = make(reader, "incubators", name="Old Name Lab", domains=["robotics"])
        closing = make(reader, "incubators", name="Closing Lab", domains=["robotics"])
        restaged = make(reader, "incubators", domains=["robotics"], stages=["prototype"])
        before = _by_id(reader, startup)  # the three are now in the reader's memory
        assert {renamed, closing, restaged} <= set(before)
        assert before[renamed]["profile"]["title"] == "Old Name Lab"
        assert before[restaged]["components"]["stage"]["value"] == 1.0

        with app_process(settings, encoder, "writer") as writer:
            patches = {
                renamed: {"name": "New Name Lab"},
                closing: {"capacity": 0},
                restaged: {"stages": ["growth"]},
            }
            for pid, body in patches.items():
                assert writer.patch(f"/v1/incubators/{pid}", json=body).is_success

        after = _by_id(reader, startup)
        assert after[renamed]["profile"]["title"] == "New Name Lab"
        assert closing not in after  # no places left: a hard rule, read from the new facts
        stage = after[restaged]["components"]["stage"]
        assert stage["value"] < 1.0


def test_a_deleted_and_a_rewritten_candidate_in_the_same_process(client: TestClient) -> None:
    startup = make(client, "startups", domains=["quantum"], trl=4)
    kept = make(client, "incubators", domains=["quantum"], trl_min=3, trl_max=6)
    gone = make(client, "incubators", domains=["quantum"])
    first = _by_id(client, startup)
    assert {kept, gone} <= set(first)
    assert first[kept]["components"]["trl"]["value"] == 1.0

    assert client.delete(f"/v1/incubators/{gone}").status_code == 204
    assert client.patch(f"/v1/incubators/{kept}", json={"trl_min": 6, "trl_max": 9}).is_success
    second = _by_id(client, startup)
    assert gone not in second
    # Two levels below the range: the TRL component says so at once.
    assert second[kept]["components"]["trl"]["value"] < 1.0
