"""VectorIndex on its own: replace, remove, filtered search, persistence, and the recall of
the approximate index against exact search (vectors are random here: no model involved)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt

from matchmaker.matching.index import VectorIndex

DIM = 32


def _unit(rows: int, seed: int = 0) -> npt.NDArray[np.float32]:
    rng = np.random.default_rng(seed)
    # Clustered like real profiles: a few topics, each with its own spread.
    centres = rng.normal(size=(20, DIM))
    x = centres[rng.integers(0, 20, rows)] + 0.6 * rng.normal(size=(rows, DIM))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x.astype(np.float32)


def test_add_replaces_and_remove_forgets() -> None:
    x = _unit(10)
    index = VectorIndex(DIM)
    index.add(range(1, 11), x)
    index.add([3], x[7:8])  # replace id 3's vector
    assert len(index) == 10
    np.testing.assert_allclose(index.vectors([3])[0], x[7], atol=1e-6)
    index.remove([3, 99])
    assert 3 not in index
    assert list(index.search(x[7], 1)[0]) == [8]


def test_the_vectors_of_searched_ids_skip_those_removed_since() -> None:
    x = _unit(10)
    index = VectorIndex(DIM)
    index.add(range(1, 11), x)
    ids, _ = index.search(x[0], 5)
    index.remove([int(ids[1])])
    present, vectors = index.present_vectors(ids)
    assert present.tolist() == [i for n, i in enumerate(ids.tolist()) if n != 1]
    np.testing.assert_array_equal(vectors, index.vectors(present))


def test_filtered_search_only_returns_allowed_ids_and_is_exact() -> None:
    x = _unit(500)
    index = VectorIndex(DIM)
    index.add(range(1, 501), x)
    allowed = set(range(1, 501, 7)) | {10_000}
    ids, scores = index.search(x[0], 10, allowed)
    assert set(ids.tolist()) <= allowed
    exact = sorted(allowed - {10_000}, key=lambda i: -float(x[i - 1] @ x[0]))[:10]
    assert ids.tolist() == exact
    assert np.all(np.diff(scores) <= 1e-6)


def test_snapshot_round_trip(tmp_path: Path) -> None:
    x = _unit(50)
    index = VectorIndex(DIM)
    index.add(range(1, 51), x)
    index.save(tmp_path / "i.faiss")
    loaded = VectorIndex.load(tmp_path / "i.faiss", DIM)
    assert loaded.ids().tolist() == list(range(1, 51))
    assert loaded.search(x[4], 3)[0].tolist() == index.search(x[4], 3)[0].tolist()


def test_approximate_index_recall_against_exact() -> None:
    n = 6000
    x = _unit(n, seed=1)
    exact = VectorIndex(DIM, exact_max=10 * n)
    approx = VectorIndex(DIM, exact_max=1000, nprobe=32)
    exact.add(range(1, n + 1), x)
    approx.add(range(1, n + 1), x)
    assert approx.approximate
    assert not exact.approximate
    queries = _unit(100, seed=2)
    hits = 0
    for q in queries:
        truth = set(exact.search(q, 10)[0].tolist())
        hits += len(truth & set(approx.search(q, 10)[0].tolist()))
    recall = hits / (10 * len(queries))
    assert recall >= 0.95, recall
    # Writes keep working on the approximate index.
    approx.remove([1])
    approx.add([n + 1], x[:1])
    assert 1 not in approx
    assert approx.search(x[0], 1)[0].tolist() == [n + 1]


def test_a_batch_of_queries_finds_what_each_query_finds_alone() -> None:
    x = _unit(300, seed=3)
    index = VectorIndex(DIM)
    index.add(range(1, 301), x)
    index.remove([5])
    ids, scores = index.search_many(x[:20], 4)
    assert ids.shape == scores.shape == (20, 4)
    for row in range(20):
        alone_ids, alone_scores = index.search(x[row], 4)
        assert ids[row].tolist() == alone_ids.tolist()
        np.testing.assert_allclose(scores[row], alone_scores, atol=1e-5)
    assert 5 not in ids
    assert len(index.search_many(x[:0], 4)[0]) == 0
    empty = VectorIndex(DIM)
    assert empty.search_many(x[:2], 4)[0].shape == (2, 0)


def test_a_search_from_any_thread_runs_on_one_openmp_thread() -> None:
    # OpenMP's thread count is per calling thread: a request thread that searched with every
    # core left them spin-waiting, doubling the CPU of a match on a busy machine.
    import threading

    import faiss

    x = _unit(200)
    index = VectorIndex(DIM)
    index.add(range(1, 201), x)
    seen: dict[str, int] = {}

    def request() -> None:
        index.search(x[0], 5)
        seen["plain"] = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(2)
        index.search(x[0], 5, allowed=[1, 2, 3])
        seen["filtered"] = faiss.omp_get_max_threads()

    thread = threading.Thread(target=request)
    thread.start()
    thread.join()
    assert seen == {"plain": 1, "filtered": 1}
