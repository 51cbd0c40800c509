"""Ways to fit a target's history, on the history test's split, in-process (issue 13).

    .venv/bin/python -m bench.history_variants

The texts are those the engine embeds (``matching/texts.py``, the same facts as
bench/quality.py gives them), so the cosines are the history component's own; each variant
ranks targets (startup side) or later startups (accelerator side) by its value alone, with
none of the other components. It also reports how many (later startup, accelerator) values
the old fit (mean of the 3 nearest, scaled from 0.15 to 0.75) clipped at 1. The last two
rows are the words of history_words.py (BM25 of the startup's words against the accelerator's
accepted startups', the engine's own code) alone and fused with the centroid as the engine
fuses them (history.WORDS_SHARE).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from bench.quality_data import DEFAULT_DATA, NEUTRAL_DOMAIN, PLACE, Company, history_split
from bench.quality_metrics import Scores, by_score
from matchmaker.matching.history import CEILING, FLOOR, WORDS_SHARE, Decisions
from matchmaker.matching.history_words import HistoryWords, Words, startup_words, words_fit
from matchmaker.matching.registry import load_encoder
from matchmaker.matching.texts import startup_text


def composed(company: Company, stage: str) -> str:
    facts = {"domains": [NEUTRAL_DOMAIN], "tags": [], "trl": 5, "needs": ["funding", "mentoring"]}
    place = {"city": PLACE["city"], "region": PLACE["region"]}
    return startup_text(
        SimpleNamespace(
            name=company.name, pitch=None, stage=stage, description=company.text, **facts, **place
        )
    )


def unit(x: Any) -> Any:
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def main(argv: Sequence[str] | None = None) -> None:
    data = Path(argv[0]) if argv else DEFAULT_DATA
    h = history_split(data, "2012-07-01", 13, 8)
    first = {c.name: c for c, _ in reversed(h.past)}
    names = list(first)
    encoder = load_encoder("")
    past = unit(np.asarray(encoder.encode([composed(first[n], "early_revenue") for n in names])))
    later = unit(np.asarray(encoder.encode([composed(c, "prototype") for c in h.later])))
    row = {n: i for i, n in enumerate(names)}
    accepted: dict[str, list[int]] = {a: [] for a in h.accelerators}
    for company, accelerator in h.past:
        accepted[accelerator].append(row[company.name])
    sims = later @ past.T

    def top(k: int) -> Any:
        return np.stack(
            [-np.sort(-sims[:, accepted[a]], axis=1)[:, :k].mean(1) for a in h.accelerators], 1
        )

    centroids = unit(np.stack([past[accepted[a]].mean(0) for a in h.accelerators]))

    def words_values() -> Any:
        """Each (later startup, accelerator) pair's words value, as the engine has it."""
        text = {i + 1: first[n].text for i, n in enumerate(names)}

        def load(ids: Any) -> dict[int, tuple[int, Words]]:
            return {
                i: (1, startup_words(SimpleNamespace(pitch=None, tags=[], description=text[i])))
                for i in ids
            }

        cache = HistoryWords(lambda kind, i: 0, lambda kind: 0)
        decisions = {
            j: Decisions(tuple(i + 1 for i in accepted[a])) for j, a in enumerate(h.accelerators)
        }
        corpus = cache.corpus("incubator", decisions, load)
        docs = [cache.document("incubator", j, d, corpus, load) for j, d in decisions.items()]
        out = np.zeros((len(h.later), len(h.accelerators)))
        for i, company in enumerate(h.later):
            mine = startup_words(SimpleNamespace(pitch=None, tags=[], description=company.text))
            out[i] = [words_fit(0, mine, doc).value for doc in docs]
        return out

    def fused() -> Any:
        dense = np.clip((later @ centroids.T - FLOOR) / (CEILING - FLOOR), 0, 1)
        return (1 - WORDS_SHARE) * dense + WORDS_SHARE * words_values()

    variants: dict[str, Callable[[], Any]] = {
        "nearest 1": lambda: top(1),
        "mean of 3 nearest (old)": lambda: top(3),
        "mean of 10 nearest": lambda: top(10),
        "centroid (new)": lambda: later @ centroids.T,
        "words (BM25) alone": words_values,
        "centroid + words (engine)": fused,
    }
    print(f"cosine of a later startup to a past one: median {np.median(sims):.3f}")
    old = np.clip((top(3) - 0.15) / (0.75 - 0.15), 0, 1)
    print(f"old fit clipped at 1 for {float((old == 1).mean()):.1%} of the pairs\n")
    print(
        "| fit | startup side hit@1 | MRR | accelerator side hit@1 | MRR |\n|---|---|---|---|---|"
    )
    later_names = [c.name for c in h.later]
    for name, make in variants.items():
        values = make()
        side, other = Scores(), Scores()
        for i, company in enumerate(h.later):
            side.add(by_score(h.accelerators, values[i]), set(company.truth))
        for j, accelerator in enumerate(h.accelerators):
            truth = {c.name for c in h.later if accelerator in c.truth}
            if truth:
                other.add(by_score(later_names, values[:, j]), truth, 100)
        s, o = side.summary(), other.summary()
        print(f"| {name} | {s['hit@1']:.3f} | {s['mrr']:.3f} | {o['hit@1']:.3f} | {o['mrr']:.3f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
