"""bench/quality.py end to end at a tiny size: the report's shape, never its figures.

The figures belong to bench/QUALITY.md (`make bench-quality`); here every method of every
test must be present, measured over the expected number of queries, with rates in [0, 1].
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import quality, sector_portfolio
from matchmaker.matching.encoder import Encoder

SECTOR_ROWS = {"random", "popularity", "bm25", "cosine", "engine"}
HISTORY_ROWS = {"random", "popularity", "bm25", "centroid", "engine"}


PORTFOLIO_ROWS = set(sector_portfolio.METHODS)


def _check(
    rows: dict[str, dict[str, float]], expected: set[str], queries: int, fused: bool = True
) -> None:
    assert expected <= set(rows)
    if fused:
        assert any("rrf" in method for method in rows)  # the lexical fusion has its own row
    for figures in rows.values():
        assert figures["n"] == queries
        for metric in ("hit@1", "hit@3", "mrr"):
            assert 0 <= figures[metric] <= 1
        assert figures["hit@1"] <= figures["hit@3"]


@pytest.mark.slow
def test_quick_quality_run_reports_every_method_of_every_test(
    tmp_path: Path, encoder: Encoder
) -> None:
    report = quality.main(["--quick", "--out", str(tmp_path)], encoder=encoder)
    assert json.loads((tmp_path / "quality.json").read_text()) == report
    sector = report["sector"]
    assert sector["sectors"] == 11
    _check(sector["rows"], SECTOR_ROWS, sector["startups"])
    assert sector["startups"] == 2 * sector["sectors"]
    portfolio = report["sector_portfolio"]
    assert portfolio["startups"] == sector["startups"]  # the same test queries
    _check(portfolio["rows"], PORTFOLIO_ROWS, portfolio["startups"], fused=False)
    tuning = PORTFOLIO_ROWS - {"engine, no portfolio"}
    _check(portfolio["tuning_rows"], tuning, portfolio["tuning_queries"], fused=False)
    history = report["history"]
    assert history["accelerators"] == 4
    assert history["later_startups"] > 0
    _check(history["startup_side"], HISTORY_ROWS, history["later_startups"])
    accelerator_side = history["accelerator_side"]
    _check(accelerator_side, HISTORY_ROWS, accelerator_side["engine"]["n"])
    assert 0 < accelerator_side["engine"]["n"] <= history["accelerators"]
    bilingual = report["bilingual"]
    assert set(bilingual["sector"]) == {"zh->zh", "zh->en", "en->zh", "en->en"}
    assert set(bilingual["pairing"]) == {"zh->en", "en->zh"}
    assert all(s["n"] == 72 for s in bilingual["sector"].values())
    assert all(p["n"] == 126 for p in bilingual["pairing"].values())
    engine_sector = bilingual["engine_sector"]
    assert set(engine_sector) == {"zh->zh", "zh->en", "en->zh", "en->en"}
    for figures in engine_sector.values():
        assert figures["n"] == 72
        assert 0 <= figures["hit@1"] <= figures["hit@3"] <= 1
    anchors = bilingual["calibration"]
    assert anchors["unrelated"] < anchors["related"] < anchors["close"]


def test_bilingual_set_has_every_domain_in_both_languages() -> None:
    from bench.bilingual import items
    from matchmaker.vocab import Domain

    rows = items()
    assert len(rows) * 2 >= 200
    assert {r["domain"] for r in rows} == {d.value for d in Domain}
    for row in rows:
        assert row["en"].isascii()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in row["zh"])
