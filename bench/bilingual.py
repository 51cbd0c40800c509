"""The bilingual test: Chinese and English retrieval, calibration, speed and memory per model.

``bench/bilingual.json`` holds 126 items written for this benchmark in both languages (252
texts): per hard-tech domain of ``matchmaker.vocab.Domain`` an incubator, a partner, a
scenario and four startups. Two retrieval tests on the raw model (the text alone, as the
English sector test's *cosine* column):

- *sector*: each startup (72) ranks the 18 incubators; right = its domain's incubator. Run
  zh→zh, zh→en, en→zh and en→en (query language → incubator language);
- *pairing*: each text (126) ranks the other language's 126 texts; right = its own
  counterpart (zh→en, en→zh): does the model put a text and its translation together?

Each model runs in a process of its own (``--model``), so the memory figure is its own:
resident set size after loading, and after encoding everything.

    python -m bench.bilingual                         # every registered model
    python -m bench.bilingual --model use-multilingual --json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import log, write_json
from bench.quality_metrics import Scores, by_score
from matchmaker.matching.encoder import Encoder
from matchmaker.matching.registry import MODELS, load_encoder

DATA = Path(__file__).resolve().parent / "bilingual.json"
LANGS = ("zh", "en")


def items() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["items"]
    return loaded


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def sector(vectors: dict[str, np.ndarray], rows: list[dict[str, Any]]) -> dict[str, Any]:
    startups = [i for i, r in enumerate(rows) if r["kind"] == "startup"]
    incubators = [i for i, r in enumerate(rows) if r["kind"] == "incubator"]
    out: dict[str, Any] = {}
    for q in LANGS:
        for d in LANGS:
            scores = Scores()
            sims = vectors[q][startups] @ vectors[d][incubators].T
            for row, s in zip(sims, startups, strict=True):
                ranked = by_score(incubators, row)
                right = {i for i in incubators if rows[i]["domain"] == rows[s]["domain"]}
                scores.add(ranked, right)
            out[f"{q}->{d}"] = scores.summary()
    return out


def pairing(vectors: dict[str, np.ndarray]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for q, d in (("zh", "en"), ("en", "zh")):
        scores = Scores()
        sims = vectors[q] @ vectors[d].T
        for i, row in enumerate(sims):
            scores.add(by_score(list(range(len(row))), row), {i})
        out[f"{q}->{d}"] = scores.summary()
    return out


def anchors(
    vectors: dict[str, np.ndarray], rows: list[dict[str, Any]], english_only: bool
) -> dict[str, float]:
    """The calibration anchors (matchmaker/matching/calibration.py) of one model: over
    English pairs for an English model, over zh-zh, en-en and zh-en pairs for a multilingual
    one; an item is never paired with itself or its own translation."""
    domains = np.asarray([r["domain"] for r in rows])
    same = domains[:, None] == domains[None, :]
    other = ~np.eye(len(rows), dtype=bool)
    pairs = [("en", "en")] if english_only else [("en", "en"), ("zh", "zh"), ("zh", "en")]
    related, unrelated = [], []
    for a, b in pairs:
        sims = vectors[a] @ vectors[b].T
        related.append(sims[same & other])
        unrelated.append(sims[~same])
    rel, unrel = np.concatenate(related), np.concatenate(unrelated)
    return {
        "unrelated": round(float(np.median(unrel)), 3),
        "related": round(float(np.median(rel)), 3),
        "close": round(float(np.percentile(rel, 90)), 3),
    }


def speed(encoder: Encoder, texts: list[str], single: int = 60) -> dict[str, float]:
    """Texts per second one at a time (as a request embeds one profile) and in batches, per
    second of wall time and per second of this process's CPU time (steadier on a shared
    machine: other processes' load slows the wall clock, not the CPU time)."""
    encoder.encode(texts[:8])  # warm-up
    out: dict[str, float] = {}
    for label, batches in (
        ("one_at_a_time", [[t] for t in texts[:single]]),
        ("batched", [texts]),
    ):
        wall, cpu = time.perf_counter(), time.process_time()
        for batch in batches:
            encoder.encode(batch)
        n = sum(len(b) for b in batches)
        out[label] = round(n / (time.perf_counter() - wall), 1)
        out[f"{label}_per_cpu_s"] = round(n / max(time.process_time() - cpu, 1e-9), 1)
    out["load_average"] = round(os.getloadavg()[0], 1)
    return out


def evaluate(encoder: Encoder, english_only: bool = False) -> dict[str, Any]:
    """The retrieval tests and the calibration anchors of one loaded model."""
    rows = items()
    vectors = {lang: encoder.encode([r[lang] for r in rows]) for lang in LANGS}
    return {
        "texts": 2 * len(rows),
        "sector": sector(vectors, rows),
        "pairing": pairing(vectors),
        "calibration": anchors(vectors, rows, english_only),
    }


def measure(model: str) -> dict[str, Any]:
    started = time.perf_counter()
    before = rss_mb()
    encoder = load_encoder(model)
    loaded = {"load_s": round(time.perf_counter() - started, 2), "rss_mb_after_load": rss_mb()}
    rows = items()
    return {
        "model": model,
        "stored_name": encoder.name,
        "dim": encoder.dim,
        **evaluate(encoder, MODELS[model].languages == "English"),
        "speed_texts_per_s": speed(encoder, [r[lang] for r in rows for lang in LANGS]),
        "rss_mb_before_load": before,
        **loaded,
        "rss_mb_after_encoding": rss_mb(),
    }


def run_all(models: Sequence[str]) -> dict[str, Any]:
    """Each model in a fresh interpreter, so that memory and speed are its own."""
    report: dict[str, Any] = {}
    for model in models:
        log(f"bilingual: {model}")
        done = subprocess.run(
            [sys.executable, "-m", "bench.bilingual", "--model", model, "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
        report[model] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def table(report: dict[str, Any], speed: bool = True) -> str:
    head = "| model | zh→zh | zh→en | en→zh | en→en | pair zh→en | pair en→zh |"
    lines = [head, "|---" * 7 + "|"]
    for model, r in report.items():
        s, p = r["sector"], r["pairing"]
        cells = [f"{s[k]['hit@1']:.3f} / {s[k]['mrr']:.3f}" for k in s]
        cells += [f"{p[k]['hit@1']:.3f}" for k in p]
        lines.append(f"| {model} | " + " | ".join(cells) + " |")
    if not speed:
        return "\n".join(lines)
    lines.append("")
    lines.append(
        "| model | dim | texts/s one at a time (per CPU s) | texts/s batched (per CPU s) "
        "| RSS after load (MB) | load average |"
    )
    lines.append("|---" * 6 + "|")
    for model, r in report.items():
        sp = r["speed_texts_per_s"]
        lines.append(
            f"| {model} | {r['dim']} | {sp['one_at_a_time']} ({sp['one_at_a_time_per_cpu_s']}) "
            f"| {sp['batched']} ({sp['batched_per_cpu_s']}) | {r['rss_mb_after_load']} "
            f"| {sp['load_average']} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=sorted(MODELS), help="one model, in this process")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    if args.model:
        result = measure(args.model)
        print(json.dumps(result, ensure_ascii=False) if args.json else result)
        return result
    report = run_all(sorted(MODELS))
    write_json("bilingual", report)
    print(table(report))
    return report


if __name__ == "__main__":
    main()
