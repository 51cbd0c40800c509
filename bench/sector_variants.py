"""Ways to embed profiles for the sector test, in-process (issue 13, the 1.15x target).

    .venv/bin/python -m bench.sector_variants

The sector test (bench/quality.py) gives every startup and incubator the same structured
facts, so the engine's order is the order of its semantic component alone: the cosine of
the two profiles' texts. This script ranks the 11 sector incubators for the same 366 test
startups by the cosine of each variant's texts (the incubators built as bench/quality.py
creates them), so each row is what the engine would rank with that composition. Rows:

- composed: matching/texts.py as it is (the engine today);
- raw: the one-liner against "name. description" (the benchmark's cosine baseline);
- free text against composed: the startup's one-liner alone (a second vector of the free
  text), the incubator's composed profile;
- mixes of the free-text cosine and the composed one (two vectors per profile, weighed);
- values without labels: the composed lines without their "Label: " prefixes;
- free text first: the pitch / description line moved to the top of the composed text;
- incubator sentences: the best (or the mean of the best 3) of the incubator description's
  sentences or phrases, embedded one by one (several vectors per incubator).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import numpy as np

from bench.quality_data import DEFAULT_DATA, NEUTRAL_DOMAIN, PLACE, SECTORS, sector_split
from bench.quality_metrics import Scores, by_score
from matchmaker.matching.registry import load_encoder
from matchmaker.matching.texts import incubator_text, startup_text
from matchmaker.vocab import Stage


def unit(x: Any) -> Any:
    x = np.asarray(x)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def without_labels(text: str) -> str:
    return "\n".join(line.split(": ", 1)[1] for line in text.split("\n"))


def first(text: str, label: str) -> str:
    lines = text.split("\n")
    return "\n".join(
        [x for x in lines if x.startswith(label)] + [x for x in lines if not x.startswith(label)]
    )


def main() -> None:
    _, test = sector_split(DEFAULT_DATA, 13, 5, 40)
    encoder = load_encoder("")

    def embed(texts: list[str]) -> Any:
        return unit(encoder.encode(texts))

    place = {"city": PLACE["city"], "region": PLACE["region"]}
    facts = {"domains": [NEUTRAL_DOMAIN], "tags": [], "stage": "prototype", "trl": 5}
    startups = [
        SimpleNamespace(
            name=c.name,
            pitch=c.text,
            description="",
            needs=["funding", "mentoring"],
            **facts,
            **place,
        )
        for c in test
    ]
    incubators = [
        SimpleNamespace(
            name=s.name,
            description=s.description,
            kind="national_incubator",
            domains=[s.domain],
            stages=[x.value for x in Stage],
            trl_min=1,
            trl_max=9,
            services=["funding", "mentoring"],
            programs=[],
            **place,
        )
        for s in SECTORS
    ]
    keys = [s.key for s in SECTORS]
    composed_s = embed([startup_text(s) for s in startups])
    composed_i = embed([incubator_text(i) for i in incubators])
    free_s = embed([c.text for c in test])
    free_i = embed([f"{s.name}. {s.description}" for s in SECTORS])
    plain_s = embed([without_labels(startup_text(s)) for s in startups])
    plain_i = embed([without_labels(incubator_text(i)) for i in incubators])
    top_s = embed([first(startup_text(s), "Pitch") for s in startups])
    top_i = embed([first(incubator_text(i), "Description") for i in incubators])

    def pieces(split: str, keep: Callable[[str], bool]) -> tuple[Any, Any]:
        texts, owner = [], []
        for j, s in enumerate(SECTORS):
            for piece in re.split(split, s.description):
                if keep(piece.strip()):
                    texts.append(piece.strip())
                    owner.append(j)
        return free_s @ embed(texts).T, np.asarray(owner)

    def best(sims: Any, owner: Any, k: int) -> Any:
        columns = [np.sort(sims[:, owner == j], axis=1)[:, -k:].mean(1) for j in range(len(keys))]
        return np.stack(columns, 1)

    sentences = pieces(r"[.]\s*", bool)
    phrases = pieces(r"[.,:;]\s*|\band\b", lambda p: len(p) > 2)
    composed = composed_s @ composed_i.T
    variants = {
        "composed (the engine today)": composed,
        "raw: one-liner against name. description": free_s @ free_i.T,
        "free text against composed incubator": free_s @ composed_i.T,
        "mix: 0.3 raw + 0.7 composed": 0.3 * (free_s @ free_i.T) + 0.7 * composed,
        "mix: 0.5 raw + 0.5 composed": 0.5 * (free_s @ free_i.T) + 0.5 * composed,
        "values without labels": plain_s @ plain_i.T,
        "free text line first (both)": top_s @ top_i.T,
        "free text line first (startup only)": top_s @ composed_i.T,
        "best incubator sentence": best(*sentences, 1),
        "best sentence, 0.5 + 0.5 composed": 0.5 * best(*sentences, 1) + 0.5 * composed,
        "mean of the best 3 phrases": best(*phrases, 3),
        "best phrase, 0.5 + 0.5 composed": 0.5 * best(*phrases, 1) + 0.5 * composed,
    }
    print("| variant | hit@1 | hit@3 | MRR |\n|---|---|---|---|")
    for name, sims in variants.items():
        scores = Scores()
        for i, company in enumerate(test):
            scores.add(by_score(keys, sims[i]), {company.label})
        r = scores.summary()
        print(f"| {name} | {r['hit@1']:.3f} | {r['hit@3']:.3f} | {r['mrr']:.3f} |")


if __name__ == "__main__":
    main()
