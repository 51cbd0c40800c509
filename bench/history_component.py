"""The history component alone: one target with 30 decisions over 98 candidate startups,
as the manager's match route asks it (issue 15); and one startup against 50 targets with 30
decisions each, as the founder's route asks it (``--targets``, issue 13).

    .venv/bin/python -m bench.history_component
    .venv/bin/python -m bench.history_component --targets

Random unit vectors of the default model's dimension (the arithmetic's cost does not depend
on what the vectors say). On a checkout from before the vectorised history (bc0bf12 and
earlier) the same script times the per-candidate ``history.fit`` it had instead. Where the
history component has words (history_words.py), each figure is also given with them: every
startup has WORDS words drawn (Zipf-like) from a vocabulary of VOCABULARY, the targets'
documents and the kind's statistics cached as in a running engine, each pair's BM25 value
computed per request.
"""

from __future__ import annotations

import sys
import timeit
from typing import Any

import numpy as np

from matchmaker.matching import history

CANDIDATES, ACCEPTED, DECLINED, DIM = 98, 20, 10, 384
TARGETS = 50
WORDS, VOCABULARY = 12, 2000


def words_of(rng: np.random.Generator, ids: range) -> dict[int, tuple[str, ...]]:
    """WORDS distinct words per startup, common words likelier (rank-frequency 1/r)."""
    p = 1 / np.arange(1, VOCABULARY + 1)
    p /= p.sum()
    return {
        i: tuple(sorted(f"w{w}" for w in rng.choice(VOCABULARY, WORDS, replace=False, p=p)))
        for i in ids
    }


def _cache(words: dict[int, tuple[str, ...]]) -> Any:
    from matchmaker.matching.history_words import HistoryWords

    def load(ids: Any) -> dict[int, tuple[int, tuple[str, ...]]]:
        return {i: (1, words[i]) for i in ids if i in words}

    return HistoryWords(lambda kind, i: 0, lambda kind: 0), load


def founder() -> None:
    """One startup, TARGETS targets with ACCEPTED + DECLINED decisions each (drawn from a
    pool of CANDIDATES startups, so targets share some)."""
    rng = np.random.default_rng(0)
    v = rng.standard_normal((1 + CANDIDATES, DIM)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    vectors = {i: v[i] for i in range(1, len(v))}
    decisions = {}
    for t in range(1, TARGETS + 1):
        picks = [int(x) for x in rng.choice(range(2, len(v)), ACCEPTED + DECLINED, replace=False)]
        decisions[t] = history.Decisions(tuple(picks[:ACCEPTED]), tuple(picks[ACCEPTED:]))

    def run() -> object:
        return history.fits_of_targets(1, v[1], decisions, vectors)

    best = min(timeit.repeat(run, number=50, repeat=5)) / 50
    print(
        f"fits_of_targets: 1 startup x {TARGETS} targets x {ACCEPTED + DECLINED} decisions, "
        f"{best * 1000:.2f} ms a request (best of 5 x 50)"
    )
    if not hasattr(history, "WORDS_SHARE"):
        return
    from matchmaker.matching.history_words import words_fit

    words = words_of(rng, range(1, len(v)))
    cache, load = _cache(words)

    def with_words() -> object:
        corpus = cache.corpus("incubator", decisions, load)
        lexical = {
            t: words_fit(1, words[1], cache.document("incubator", t, d, corpus, load))
            for t, d in decisions.items()
        }
        return history.fits_of_targets(1, v[1], decisions, vectors, words=lexical)

    best = min(timeit.repeat(with_words, number=50, repeat=5)) / 50
    print(f"  with words: {best * 1000:.2f} ms a request (best of 5 x 50)")


def main() -> None:
    if "--targets" in sys.argv[1:]:
        founder()
        return
    rng = np.random.default_rng(0)
    v = rng.standard_normal((1 + ACCEPTED + DECLINED + CANDIDATES, DIM)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    vectors = {i: v[i] for i in range(1, len(v))}
    decided = range(1, 1 + ACCEPTED + DECLINED)
    decisions = history.Decisions(tuple(decided[:ACCEPTED]), tuple(decided[ACCEPTED:]))
    ids = list(range(1 + ACCEPTED + DECLINED, len(v)))
    matrix = v[ids]
    h: Any = history
    if hasattr(h, "fit"):  # the per-candidate path of older checkouts
        name = "per-candidate fit"

        def run() -> object:
            return [h.fit(i, x, decisions, vectors) for i, x in zip(ids, matrix, strict=True)]
    else:
        name = "fits_of_startups"

        def run() -> object:
            return history.fits_of_startups(ids, matrix, decisions, vectors)

    best = min(timeit.repeat(run, number=50, repeat=5)) / 50
    print(
        f"{name}: {CANDIDATES} candidates x {ACCEPTED + DECLINED} decisions, "
        f"{best * 1000:.2f} ms a request (best of 5 x 50)"
    )
    if not hasattr(h, "WORDS_SHARE"):
        return
    from matchmaker.matching.history_words import words_fit

    words = words_of(rng, range(1, len(v)))
    cache, load = _cache(words)
    # The kind's statistics come from every target's decisions: this one and 49 others.
    others = {
        t: history.Decisions(tuple(int(x) for x in rng.choice(ids, ACCEPTED, replace=False)))
        for t in range(2, TARGETS + 1)
    }
    everyone = {1: decisions} | others

    def with_words() -> object:
        corpus = cache.corpus("incubator", everyone, load)
        doc = cache.document("incubator", 1, decisions, corpus, load)
        stored = cache.words(ids, load)
        lexical = [words_fit(i, stored[i], doc) for i in ids]
        return history.fits_of_startups(ids, matrix, decisions, vectors, words=lexical)

    best = min(timeit.repeat(with_words, number=50, repeat=5)) / 50
    print(f"  with words: {best * 1000:.2f} ms a request (best of 5 x 50)")


if __name__ == "__main__":
    main()
