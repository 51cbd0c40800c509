"""bench/results_block.py: a benchmark's block in RESULTS.md is added once, then replaced."""

from __future__ import annotations

from pathlib import Path

from bench.results_block import HEADING, replace_block


def test_a_block_is_added_under_the_heading_once_and_then_replaced(tmp_path: Path) -> None:
    doc = tmp_path / "RESULTS.md"
    doc.write_text("# Results\n\n## 1. Written by hand\n\ntext\n", encoding="utf-8")
    replace_block("a", "first run of a", doc)
    replace_block("b", "first run of b", doc)
    replace_block("a", "second run of a", doc)
    text = doc.read_text(encoding="utf-8")
    assert text.count(HEADING) == 1
    assert "## 1. Written by hand\n\ntext\n" in text
    assert "first run of a" not in text
    assert text.count("<!-- bench:a -->\nsecond run of a\n<!-- /bench:a -->") == 1
    assert text.index("second run of a") < text.index("first run of b")  # kept its place
