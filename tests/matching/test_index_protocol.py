"""``VectorIndex`` is an ``Index``: typed as one (mypy checks the assignment), and doing what
the protocol says through nothing but the protocol, exact and approximate (IVF) alike.
Vectors are random here: no model involved."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from matchmaker.matching.encoder import Index
from matchmaker.matching.index import VectorIndex

DIM = 16


def _unit(rows: int, seed: int) -> npt.NDArray[np.float32]:
    x = np.random.default_rng(seed).normal(size=(rows, DIM))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x.astype(np.float32)


def _brute_force(
    stored: dict[int, npt.NDArray[np.float32]], query: npt.NDArray[np.float32], k: int
) -> list[int]:
    """The ``k`` best ids by cosine, ties by id (what an exact search must return)."""
    return sorted(stored, key=lambda i: (-float(stored[i] @ query), i))[:k]


def _faiss(variant: str) -> VectorIndex:
    # Past exact_max vectors the FAISS index turns IVF: the protocol must not notice.
    return VectorIndex(DIM, exact_max=10_000 if variant == "exact" else 500)


@pytest.fixture(params=["exact", "approximate"])
def index(request: pytest.FixtureRequest) -> Index:
    made: Index = _faiss(request.param)
    return made


def test_the_approximate_variant_turns_ivf_at_the_sizes_used_here() -> None:
    exact, approximate = _faiss("exact"), _faiss("approximate")
    for faiss_index in (exact, approximate):
        faiss_index.add(range(1, 1001), _unit(1000, seed=0))
    assert (exact.approximate, approximate.approximate) == (False, True)


def test_an_empty_index_answers_with_nothing(index: Index) -> None:
    query = _unit(2, seed=1)
    assert index.dim == DIM
    assert len(index) == 0
    assert index.ids().tolist() == []
    assert 1 not in index
    ids, scores = index.search(query[0], 5)
    assert (ids.tolist(), scores.tolist()) == ([], [])
    assert index.search_many(query, 5)[0].shape == (2, 0)
    present, vectors = index.present_vectors([1, 2])
    assert (present.tolist(), vectors.shape) == ([], (0, DIM))


def test_writes_and_reads_through_the_protocol(index: Index) -> None:
    n = 1000
    x = _unit(n + 2, seed=2)
    index.add(range(1, n + 1), x[:n])
    index.add([7, 7], x[n : n + 2])  # replaced, and the last vector given for it wins
    index.remove([3, 99_999])  # an id not held is ignored
    assert len(index) == n - 1
    assert index.ids().tolist() == [i for i in range(1, n + 1) if i != 3]
    assert 7 in index
    assert 3 not in index
    assert "7" not in index
    np.testing.assert_allclose(index.vectors([9, 7, 2]), x[[8, n + 1, 1]], atol=1e-6)
    present, vectors = index.present_vectors(np.asarray([5, 3, 1], dtype=np.int64))
    assert present.tolist() == [5, 1]
    np.testing.assert_allclose(vectors, x[[4, 0]], atol=1e-6)


def test_searches_are_best_first_and_exact_within_allowed_ids(index: Index) -> None:
    n = 1000
    x = _unit(n, seed=3)
    index.add(range(1, n + 1), x)
    stored = {i: x[i - 1] for i in range(1, n + 1)}
    ids, scores = index.search(x[41], 5)
    assert ids[0] == 42  # a stored vector is its own nearest, at cosine 1
    assert scores[0] == pytest.approx(1.0, abs=1e-5)
    assert np.all(np.diff(scores) <= 1e-6)
    allowed = set(range(2, n + 1, 9)) | {n + 50}  # one id the index does not hold
    mask = np.zeros(n + 1, dtype=bool)
    mask[sorted(allowed - {n + 50})] = True
    subset = {i: stored[i] for i in allowed if i in stored}
    for query in _unit(5, seed=4):
        truth = _brute_force(subset, query, 10)
        assert index.search(query, 10, allowed)[0].tolist() == truth
        assert index.search(query, 10, mask)[0].tolist() == truth
    many, many_scores = index.search_many(x[:8], 3)
    assert many.shape == many_scores.shape == (8, 3)
    for row in range(8):
        assert many[row].tolist() == index.search(x[row], 3)[0].tolist()


def test_saved_to_a_file_the_store_loads_back(tmp_path: Path) -> None:
    x = _unit(20, seed=5)
    index: Index = VectorIndex(DIM)
    index.add(range(1, 21), x)
    index.save(tmp_path / "kind.faiss")
    loaded: Index = VectorIndex.load(tmp_path / "kind.faiss", DIM)
    assert loaded.ids().tolist() == list(range(1, 21))
    np.testing.assert_array_equal(loaded.vectors([4, 2]), index.vectors([4, 2]))
