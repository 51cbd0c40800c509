"""Bulk import through the public command: ``matchmaker import FILE --kind startups``.

    .venv/bin/python -m bench.bulk_import                  # 100k rows, SQLite (~50 min)
    .venv/bin/python -m bench.bulk_import --pg-url URL     # the same on PostgreSQL
    .venv/bin/python -m bench.bulk_import --rows 2000      # a quick look

Writes a CSV of synthetic startups (bench/synth.py, every name unique so every row is
embedded) to a temporary folder, migrates a fresh database and loads the demo data, then
runs the CLI as a separate process, exactly as an operator would, with its progress bar on
this terminal. Meanwhile it samples that process's resident memory, so "bounded memory"
is a figure: RSS after each tenth of the file, not just the peak, and it times a small write
transaction of another client twice a second, which is how long an API write waits behind
the import. Then it runs the same command again, which must update nothing and create
nothing, and counts the rows.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402
from bench.common import log, rss_mb, write_json  # noqa: E402
from bench.ingest import pg_database  # noqa: E402

COLUMNS = [
    "external_id",
    "name",
    "pitch",
    "description",
    "domains",
    "tags",
    "stage",
    "trl",
    "city",
    "region",
    "country",
    "needs",
    "languages",
]


def write_csv(path: Path, rows: int) -> int:
    """``rows`` startups as CSV, written as they are made; returns the file's size."""
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(COLUMNS)
        for n, body in enumerate(synth.startups(rows, seed=7), start=1):
            cells: dict[str, Any] = {**body, **body["location"], "external_id": f"syn-{n}"}
            out.writerow(
                "|".join(v) if isinstance(v := cells.get(c, ""), list) else v for c in COLUMNS
            )
    return path.stat().st_size


class Sampler(threading.Thread):
    """Resident memory of one process every ``every`` seconds, until it exits."""

    def __init__(self, pid: int, every: float) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, float]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        start = time.perf_counter()
        while not self.stop.wait(self.every):
            rss = rss_mb(self.pid)["rss_mb"]
            if rss == rss:  # NaN once the process is gone
                self.samples.append((time.perf_counter() - start, rss))


class WriteProbe(threading.Thread):
    """Another client's one-row write transaction every ``every`` seconds: its latency."""

    def __init__(self, url: str, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.url, self.every = url, every
        self.ms: list[float] = []
        self.errors: list[str] = []
        self.stop = threading.Event()

    def run(self) -> None:
        from sqlalchemy import text

        from matchmaker.db import make_engine

        engine = make_engine(self.url)  # the service's settings (SQLite: busy_timeout 30 s)
        touch = text("UPDATE account SET name = name WHERE id = (SELECT min(id) FROM account)")
        try:
            while not self.stop.wait(self.every):
                start = time.perf_counter()
                try:
                    with engine.begin() as conn:
                        conn.execute(touch)
                except Exception as exc:  # noqa: BLE001 - a refused write is a figure too
                    self.errors.append(str(exc).splitlines()[0])
                    continue
                self.ms.append((time.perf_counter() - start) * 1000)
        finally:
            engine.dispose()

    def figures(self) -> dict[str, Any]:
        ms = sorted(self.ms)
        failed = {"failed": len(self.errors), "first_error": self.errors[0] if self.errors else ""}
        if not ms:
            return {"writes": 0, **failed}
        return {
            "writes": len(ms),
            **failed,
            "p50_ms": round(ms[len(ms) // 2], 1),
            "p99_ms": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 1),
            "max_ms": round(ms[-1], 1),
        }


def run_cli(args: list[str], env: dict[str, str], sample_every: float) -> dict[str, Any]:
    """Run ``matchmaker ARGS`` with the progress bar on our stderr; time and sample it."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "matchmaker", *args],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    sampler = Sampler(proc.pid, sample_every)
    sampler.start()
    stdout, _ = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"matchmaker {' '.join(args)} failed ({proc.returncode}):\n{stdout}")
    return {"seconds": round(seconds, 1), "stdout": stdout.strip(), "rss": sampler.samples}


def deciles(samples: list[tuple[float, float]]) -> list[float]:
    """RSS (MB) at the end of each tenth of the run's wall time."""
    if not samples:
        return []
    end = samples[-1][0]
    out = []
    for k in range(1, 11):
        before = [rss for t, rss in samples if t <= end * k / 10]
        out.append(before[-1] if before else samples[0][1])
    return out


def counts(url: str) -> dict[str, int]:
    from sqlalchemy import create_engine, func, select

    from matchmaker.imports.models import ImportJob
    from matchmaker.matching.models import Embedding
    from matchmaker.startups.models import Startup

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                "startups": conn.scalar(select(func.count()).select_from(Startup)) or 0,
                "startup_embeddings": conn.scalar(
                    select(func.count()).select_from(Embedding).where(Embedding.kind == "startup")
                )
                or 0,
                "jobs": conn.scalar(select(func.count()).select_from(ImportJob)) or 0,
            }
    finally:
        engine.dispose()


@contextmanager
def database(pg_url: str, work: Path) -> Iterator[str]:
    if pg_url:
        with pg_database(pg_url) as url:
            yield url
    else:
        yield f"sqlite:///{work / 'matchmaker.db'}"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--pg-url", default="", help="admin URL; a throwaway database is made")
    p.add_argument("--sample-every", type=float, default=1.0, help="seconds between RSS reads")
    p.add_argument("--no-progress", action="store_true", help="hide the CLI's progress bar")
    p.add_argument("--out", type=Path, default=None, help="folder for bulk_import.json")
    args = p.parse_args(argv)

    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="mm-import-")))
        url = stack.enter_context(database(args.pg_url, work))
        env = {
            **os.environ,
            "MATCHMAKER_DATA_DIR": str(work / "data"),
            "MATCHMAKER_DATABASE_URL": url,
            "HF_HUB_OFFLINE": "1",
        }
        file = work / "startups.csv"
        log(f"writing {args.rows:,} rows to {file}")
        size = write_csv(file, args.rows)
        run_cli(["migrate"], env, 5.0)
        run_cli(["seed-demo"], env, 5.0)
        before = counts(url)
        cmd = ["import", str(file), "--kind", "startups"]
        if args.no_progress:
            cmd.append("--no-progress")
        log(f"first run: matchmaker {' '.join(cmd)}")
        probe = WriteProbe(url)
        probe.start()
        try:
            first = run_cli(cmd, env, args.sample_every)
        finally:
            probe.stop.set()
            probe.join()
        log(first["stdout"])
        after_first = counts(url)
        log("second run of the same file (must create nothing)")
        second = run_cli(cmd, env, args.sample_every)
        log(second["stdout"])
        after_second = counts(url)

    peak = max((rss for _, rss in first["rss"]), default=float("nan"))
    report = {
        "rows": args.rows,
        "database": "postgresql" if args.pg_url else "sqlite",
        "file_mb": round(size / 1e6, 1),
        "first_seconds": first["seconds"],
        "rows_per_second": round(args.rows / first["seconds"], 1),
        "peak_rss_mb": peak,
        "rss_mb_by_tenth": deciles(first["rss"]),
        "first_summary": first["stdout"].splitlines()[0],
        "concurrent_write_wait": probe.figures(),
        "second_seconds": second["seconds"],
        "second_summary": second["stdout"].splitlines()[0],
        "startups_added": after_first["startups"] - before["startups"],
        "embeddings_added": after_first["startup_embeddings"] - before["startup_embeddings"],
        "startups_added_by_second_run": after_second["startups"] - after_first["startups"],
        "cpus": os.cpu_count(),
    }
    for key, value in report.items():
        print(f"{key:>30}: {value}")
    if args.out is not None:
        write_json("bulk_import", report, args.out)
    return report


if __name__ == "__main__":
    main()
