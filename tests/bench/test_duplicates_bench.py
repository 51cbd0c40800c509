"""bench/duplicates.py on a tiny corpus: it runs, and finds the re-entries it planted."""

from __future__ import annotations

from bench import duplicates


def test_the_duplicate_bench_finds_its_planted_pairs() -> None:
    report = duplicates.run(rows=60, planted=4)
    assert report["profiles"] == 64
    assert report["planted_found"] == 4
    assert len(report["find_seconds"]) == 3
    assert all(t >= 0 for t in report["find_seconds"])
