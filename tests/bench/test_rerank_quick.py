"""bench/rerank.py end to end at a tiny size: the report's shape, never its figures (those
belong to bench/RESULTS.md, `make bench-rerank`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import rerank
from matchmaker.matching.encoder import Encoder


def _rates(rows: dict[str, dict[str, float]], options: set[str]) -> None:
    assert set(rows) == options
    queries = {figures["n"] for figures in rows.values()}
    assert len(queries) == 1  # every option over the same queries
    for figures in rows.values():
        assert 0 <= figures["hit@1"] <= figures["hit@3"] <= 1
        assert 0 <= figures["mrr"] <= 1


def _shares(shares: dict[str, float]) -> None:
    assert set(shares) == set(rerank.GROUPS)
    assert sum(shares.values()) == pytest.approx(1, abs=1e-3)


@pytest.mark.slow
def test_quick_rerank_run_reports_every_option(tmp_path: Path, encoder: Encoder) -> None:
    report = rerank.main(["--quick", "--out", str(tmp_path)], encoder=encoder)
    assert json.loads((tmp_path / "rerank.json").read_text()) == report
    diversity, everything = set(rerank.DIVERSITY), set(rerank.DIVERSITY) | set(rerank.FAIR)
    _rates(report["sector"]["rows"], diversity)
    history = report["history"]
    _rates(history["startup_side"], diversity)
    _rates(history["accelerator_side"], everything)
    _shares(history["pool_share"])
    for shares in history["top10_share"].values():
        _shares(shares)
    demo = report["demo"]
    assert demo["lists"] == 16 + 11 + 12  # every demo incubator, partner and scenario
    assert set(demo["top10_share"]) == {"plain"} | set(rerank.FAIR_DEMO)
    for shares in [demo["pool_share"], *demo["top10_share"].values()]:
        _shares(shares)
