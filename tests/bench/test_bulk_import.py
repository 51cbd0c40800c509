"""The bulk-import benchmark runs the real CLI twice on a small file and reports its figures.

Timings are never asserted; what is: every row became one startup with one embedding, the
second run of the same file created nothing, and memory was sampled along the way.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bench import bulk_import


@pytest.mark.slow
def test_small_import_reports_counts_and_memory(tmp_path: Path) -> None:
    report = bulk_import.main(
        ["--rows", "40", "--no-progress", "--sample-every", "0.2", "--out", str(tmp_path)]
    )
    assert report["startups_added"] == 40
    assert report["embeddings_added"] == 40
    assert report["startups_added_by_second_run"] == 0
    assert "40 created" in report["first_summary"]
    assert "40 unchanged" in report["second_summary"]
    assert len(report["rss_mb_by_tenth"]) == 10
    assert all(math.isfinite(x) and x > 0 for x in report["rss_mb_by_tenth"])
    wait = report["concurrent_write_wait"]
    assert wait["writes"] > 0
    assert wait["failed"] == 0
    assert 0 <= wait["p50_ms"] <= wait["max_ms"]
    assert json.loads((tmp_path / "bulk_import.json").read_text())["rows"] == 40
