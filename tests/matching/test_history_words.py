"""The words in the history component (history_words.py): BM25 of a startup's words against
the startups a target accepted, fused with the dense fit. The same value from both sides
and in every path (list, pair score), the shared words named in the explanation, and the
cached words and documents renewed by a new decision, an edit here and an edit made by
another process (through the change feed)."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from statistics import fmean
from typing import Any

import numpy as np
import pytest
from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.kinds import INCUBATOR, STARTUP
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.history import Decisions, fits_of_startups, fits_of_targets
from matchmaker.matching.history_words import (
    HistoryWords,
    Words,
    startup_words,
    words_fit,
)
from matchmaker.profiles import service as profiles
from matchmaker.runtime import open_runtime
from matchmaker.startups.schemas import StartupUpdate
from tests.conftest import as_admin
from tests.factories import incubator_body, startup_body

# -- the arithmetic, without a database ------------------------------------------------------

TEXTS = {
    1: "perovskite solar cells for rooftops",
    2: "perovskite tandem modules for solar farms",
    3: "solid-state batteries for electric trucks",
    4: "lidar for mining trucks",
    5: "perovskite coatings for glass",
    6: "battery recycling for electric scooters",
    7: "quantum sensors for mining",
}


def _words(text: str) -> Words:
    return startup_words(type("Row", (), {"pitch": text, "tags": [], "description": ""})())


def _loader(ids: Collection[int]) -> dict[int, tuple[int, Words]]:
    return {i: (1, _words(TEXTS[i])) for i in ids if i in TEXTS}


def test_a_startup_is_never_scored_against_its_own_words() -> None:
    cache = HistoryWords(lambda kind, i: 0, lambda kind: 0)
    decisions = {10: Decisions(accepted=(1, 2)), 20: Decisions(accepted=(3, 4))}
    corpus = cache.corpus("incubator", decisions, _loader)
    doc = cache.document("incubator", 10, decisions[10], corpus, _loader)
    alone = words_fit(1, _words(TEXTS[1]), doc)
    # Startup 1 against startup 2 only: "perovskite" and "solar" are shared, "rooftop" is not.
    assert set(alone.shared) == {"perovskite", "solar"}
    assert 0 < alone.value < 1
    # Exactly the value from before the decision: the startup out of the document and its
    # decision out of the statistics.
    before = {10: Decisions(accepted=(2,)), 20: Decisions(accepted=(3, 4))}
    fresh = HistoryWords(lambda kind, i: 0, lambda kind: 0)
    earlier = fresh.corpus("incubator", before, _loader)
    doc_before = fresh.document("incubator", 10, before[10], earlier, _loader)
    assert words_fit(1, _words(TEXTS[1]), doc_before) == alone
    # The same for a declined startup: its decision leaves the statistics.
    declined = {10: Decisions(accepted=(2,), declined=(1,)), 20: Decisions(accepted=(3, 4))}
    other = HistoryWords(lambda kind, i: 0, lambda kind: 0)
    corpus_d = other.corpus("incubator", declined, _loader)
    doc_d = other.document("incubator", 10, declined[10], corpus_d, _loader)
    assert words_fit(1, _words(TEXTS[1]), doc_d) == alone
    # The same words from a startup outside the target's history count startup 1 too.
    outside = words_fit(99, _words(TEXTS[1]), doc)
    assert outside.value > alone.value
    assert len(outside.shared) == 3
    assert set(outside.shared) <= {"perovskite", "solar", "cell", "rooftop"}
    # The value is BM25 over the decided startups, divided by the words' saturation score.
    decided = [_words(TEXTS[i]) for i in (1, 2, 3, 4)]
    average = fmean([len(decided[0]) + len(decided[1]), len(decided[2]) + len(decided[3])])
    norm = 1.2 * (0.25 + 0.75 * (len(decided[0]) + len(decided[1])) / average)

    def idf(word: str) -> float:
        df = sum(word in d for d in decided)
        return math.log(1 + (4 - df + 0.5) / (df + 0.5))

    query = _words(TEXTS[1])
    tf = {w: sum(w in d for d in decided[:2]) for w in query}
    expected = sum(idf(w) * tf[w] / (tf[w] + norm) for w in query) / sum(map(idf, query))
    assert outside.value == pytest.approx(expected, rel=1e-12)
    # Nothing in common: no value, no words.
    assert words_fit(99, _words("fusion magnets"), doc).value == 0.0


def test_a_document_remembers_a_fit_only_for_the_words_it_was_computed_from() -> None:
    cache = HistoryWords(lambda kind, i: 0, lambda kind: 0)
    decisions = {10: Decisions(accepted=(1, 2), declined=(4,)), 20: Decisions(accepted=(3,))}
    doc = cache.document(
        "incubator", 10, decisions[10], cache.corpus("incubator", decisions, _loader), _loader
    )
    for pid in (1, 4, 5, 99):  # accepted, declined, undecided, unknown
        words = _words(TEXTS.get(pid, "perovskite lidar"))
        assert doc.fit(pid, words) == words_fit(pid, words, doc)
        assert doc.fit(pid, words) == words_fit(pid, words, doc)  # remembered
    # The same startup with other words (an edit, an unsaved profile) is computed again.
    edited = _words("perovskite solar glass")
    assert doc.fit(5, edited) == words_fit(5, edited, doc)
    assert doc.fit(5, edited) != doc.fit(5, _words(TEXTS[5] + " drones"))


def test_both_directions_fuse_the_same_words_into_the_same_value_bit_for_bit() -> None:
    rng = np.random.default_rng(13)
    raw = rng.standard_normal((len(TEXTS) + 1, 16)).astype(np.float32)
    vectors = {i: raw[i] / np.linalg.norm(raw[i]) for i in TEXTS}
    decisions = {
        10: Decisions(accepted=(1, 2, 5), declined=(3,)),
        20: Decisions(accepted=(3, 4, 6), declined=(7,)),
        30: Decisions(accepted=(7,)),
    }
    cache = HistoryWords(lambda kind, i: 0, lambda kind: 0)
    corpus = cache.corpus("incubator", decisions, _loader)
    docs = {t: cache.document("incubator", t, d, corpus, _loader) for t, d in decisions.items()}
    startups = sorted(TEXTS)
    by_target = {
        t: fits_of_startups(
            startups,
            np.stack([vectors[s] for s in startups]),
            d,
            vectors,
            words=[words_fit(s, _words(TEXTS[s]), docs[t]) for s in startups],
        )
        for t, d in decisions.items()
    }
    seen_words = False
    for n, s in enumerate(startups):
        lexical = {t: words_fit(s, _words(TEXTS[s]), docs[t]) for t in decisions}
        by_startup = fits_of_targets(s, vectors[s], decisions, vectors, words=lexical)
        for t in decisions:
            assert by_startup[t] == by_target[t][n]
            fit = by_startup[t]
            seen_words |= bool(fit and fit.shared)
    assert seen_words
    # The words move the value: without them it is the dense fit alone.
    dense = fits_of_startups(
        startups, np.stack([vectors[s] for s in startups]), decisions[10], vectors
    )
    assert [f.value if f else None for f in dense] != [
        f.value if f else None for f in by_target[10]
    ]


# -- through the engine, on SQLite and PostgreSQL --------------------------------------------

SOLAR = [
    "Perovskite solar cells printed on flexible film for rooftops.",
    "Perovskite tandem solar modules with silicon bottom cells.",
    "Perovskite coatings that turn windows into solar panels.",
]


def _create(client: TestClient, kind: str, body: dict[str, Any]) -> int:
    r = client.post(f"/v1/{kind}", json=body)
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


def _startup(client: TestClient, text: str) -> int:
    # The same facts for all, so text is the only thing that tells them apart.
    return _create(
        client,
        "startups",
        startup_body(pitch=text, description=text, tags=[], domains=["new_energy"]),
    )


def _accept(client: TestClient, startup: int, incubator: int) -> None:
    body = {
        "startup_id": startup,
        "incubator_id": incubator,
        "action": "accept",
        "as_side": "target",
    }
    r = client.post("/v1/matches", json=body)
    assert r.status_code == 201, r.text


def _founder_side(client: TestClient, startup: int, incubator: int) -> dict[str, Any]:
    r = client.get(f"/v1/startups/{startup}/matches", params={"target": "incubators"})
    assert r.status_code == 200, r.text
    return next(m for m in r.json()["matches"] if m["profile"]["id"] == incubator)


def _manager_side(client: TestClient, incubator: int, startup: int) -> dict[str, Any]:
    r = client.get(f"/v1/incubators/{incubator}/matches", params={"limit": 100})
    assert r.status_code == 200, r.text
    return next(m for m in r.json()["matches"] if m["profile"]["id"] == startup)


def _pair_score(client: TestClient, startup: int, incubator: int) -> float | None:
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    with runtime.sessions() as session:
        s = profiles.get(session, STARTUP, startup)
        i = profiles.get(session, INCUBATOR, incubator)
        pair = runtime.matcher.score_pair(session, s, "incubator", i)
    score: float | None = pair.score
    return score


def _history(client: TestClient, startup: int, incubator: int) -> dict[str, Any]:
    """The pair's history component, checked to be the same from every side first."""
    founder = _founder_side(client, startup, incubator)
    manager = _manager_side(client, incubator, startup)
    assert founder["components"] == manager["components"]
    assert founder["score"] == manager["score"] == _pair_score(client, startup, incubator)
    assert (
        round(sum(c["contribution"] for c in founder["components"].values()), 4)
        == (founder["score"])
    )
    return dict(founder["components"]["history"])


@contextmanager
def _app(settings: Settings, encoder: Encoder) -> Iterator[TestClient]:
    # No refresher thread: the cross-process test follows the feed itself.
    manual = settings.model_copy(update={"index_refresh_seconds": 0})
    with TestClient(create_app(manual, encoder)) as raw:
        yield as_admin(raw)


def test_the_shared_words_are_named_and_a_new_decision_or_an_edit_renews_them(
    settings: Settings, encoder: Encoder
) -> None:
    with _app(settings, encoder) as client:
        incubator = _create(client, "incubators", incubator_body(domains=["new_energy"]))
        past = [_startup(client, text) for text in SOLAR]
        for startup in past:
            _accept(client, startup, incubator)
        later = _startup(client, "Perovskite tandem cells with silicon heterojunction layers.")

        first = _history(client, later, incubator)
        assert "sharing 'silicon', 'tandem'" in first["note"]
        assert "heterojunction" not in first["note"]

        # A new decision: the target's document is rebuilt at once (no restart, no wait).
        newer = _startup(client, "Heterojunction wafers for high-efficiency modules.")
        _accept(client, newer, incubator)
        second = _history(client, later, incubator)
        assert "'heterojunction'" in second["note"]
        assert "(of 4 accepted" in second["note"]
        assert second["value"] != first["value"]

        # An edit of an accepted startup's text reaches the cached words too.
        text = "Grid-scale flow batteries for utilities."
        r = client.patch(f"/v1/startups/{newer}", json={"pitch": text, "description": text})
        assert r.status_code == 200, r.text
        third = _history(client, later, incubator)
        assert "'heterojunction'" not in third["note"]

        # What the caches give is what a cold start computes.
        runtime = client.app.state.runtime  # type: ignore[attr-defined]
        evidence = runtime.matcher.evidence
        evidence.words = HistoryWords(runtime.store.applied_version, runtime.store.generation)
        assert _history(client, later, incubator) == third


def test_an_edit_made_by_another_process_reaches_the_cached_words_through_the_feed(
    settings: Settings, encoder: Encoder, tmp_path: Path
) -> None:
    with _app(settings, encoder) as client:
        runtime = client.app.state.runtime  # type: ignore[attr-defined]
        incubator = _create(client, "incubators", incubator_body(domains=["new_energy"]))
        past = [_startup(client, text) for text in SOLAR]
        for startup in past:
            _accept(client, startup, incubator)
        later = _startup(client, "Perovskite solar cells on flexible film.")
        assert "'flexible'" in _history(client, later, incubator)["note"]

        other = open_runtime(settings.model_copy(update={"data_dir": tmp_path / "other"}), encoder)
        try:
            with other.sessions() as session, session.begin():
                row = profiles.get(session, STARTUP, past[0])
                text = "Perovskite solar cells printed on rigid glass for rooftops."
                change = StartupUpdate.model_validate({"pitch": text, "description": text})
                profiles.update(session, STARTUP, row, change, None)
        finally:
            other.close()
        runtime.store.follow(runtime.sessions)
        note = _history(client, later, incubator)["note"]
        assert "'flexible'" not in note
        assert "'perovskite'" in note
