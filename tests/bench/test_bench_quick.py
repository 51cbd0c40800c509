"""The in-process benchmarks run end to end at a tiny size and report every figure.

Timings are never asserted (they belong to bench/RESULTS.md); the report's shape is: each
benchmark present, every number finite, ratios positive, filtered search exact.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from bench import run


def _numbers(tree: Any) -> list[float]:
    if isinstance(tree, dict):
        return [x for v in tree.values() for x in _numbers(v)]
    if isinstance(tree, list):
        return [x for v in tree for x in _numbers(v)]
    if isinstance(tree, bool) or not isinstance(tree, int | float):
        return []
    return [float(tree)]


@pytest.mark.slow
def test_quick_mode_reports_every_benchmark_with_finite_figures(tmp_path: Path) -> None:
    report = run.main(
        [
            "--quick",
            "--sizes",
            "2000",
            "--ingest",
            "8",
            "--incubators",
            "6",
            "--queries",
            "3",
            "--exact-max",
            "500",  # so the approximate index and its recall sweep run too
            "--pg-url",
            "",
            "--no-server",
            "--no-peer",
            "--out",
            str(tmp_path),
        ]
    )
    assert {p.name for p in tmp_path.glob("*.json")} == {
        "ingest.json",
        "scale_2000.json",
        "summary.json",
    }
    assert json.loads((tmp_path / "summary.json").read_text())["mode"] == "quick"
    ingest = report["ingest"]
    assert ingest["profiles"] == 8
    assert ingest["sqlite"]["ratio_vs_raw_encode"] > 0
    assert "skipped" in ingest["postgresql"]
    fig = report["scale"]["2000"]
    for name in ("raw_faiss", "vector_index", "matcher"):
        assert fig["match"][name]["n"] == 3 * 2
    assert fig["match"]["approximate"] is True
    recall = fig["recall"]
    assert set(recall["by_nprobe"]) >= {"4", "32", "128"}
    assert 0 < recall["recall_at_10"] <= 1
    assert fig["filtered"]["recall_at_10_vs_exact"] == 1.0
    assert 0 < fig["filtered"]["selectivity"] < 0.5
    for case in ("startup_to_incubators", "incubator_to_startups"):
        assert fig["unsaved"][case]["ratio_p50"] > 0
    numbers = _numbers(report)
    assert numbers
    assert all(math.isfinite(x) for x in numbers)
    assert {row["target"] for row in report["targets"]} >= {
        "ingest sqlite: path / raw encode throughput",
        "filtered recall@10 at 2000",
    }
