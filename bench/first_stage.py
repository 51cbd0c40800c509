"""What the first stage of a list misses (issue 13, issue 15): each list asked for 10 and for
100, and the top 10 of each compared.

    .venv/bin/python -m bench.first_stage                 # 2,000 stored startups
    .venv/bin/python -m bench.first_stage --size 10000

A list scores the ``max(5 × limit, 50)`` profiles nearest to the query's description, then
ranks them by the hybrid score. Asked for 100, it scores 500; if the top 10 of that list is
not the list asked for 10, the smaller first stage missed profiles that the engine itself
scores higher. The database is ``bench.http_routes``' (the demo data and ``--size`` scaled
startups, no decisions beyond the demo's); the lists are asked through the API in this
process (``TestClient`` over the app ``matchmaker serve`` runs), with an admin key.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import OUT, log, write_json  # noqa: E402
from bench.http_routes import fresh_build  # noqa: E402


def compare(client: Any, path: str, headers: dict[str, str]) -> dict[str, Any] | None:
    """The list asked for 10 against the top 10 of the list asked for 100."""
    sep = "&" if "?" in path else "?"
    small = client.get(f"{path}{sep}limit=10", headers=headers).json().get("matches", [])
    large = client.get(f"{path}{sep}limit=100", headers=headers).json().get("matches", [])[:10]
    if not small:
        return None
    a, b = [m["score"] for m in small], [m["score"] for m in large]
    ids = {m["profile"]["id"] for m in small} & {m["profile"]["id"] for m in large}
    return {
        "path": path,
        "overlap": len(ids),
        "top1": [a[0], b[0]],
        "mean10": [round(statistics.fmean(a), 4), round(statistics.fmean(b), 4)],
    }


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| list | top-10 overlap | rank 1, 50 → 500 candidates | mean of top 10 |",
        "|---|---|---|---|",
    ]
    for r in rows:
        (a1, b1), (am, bm) = r["top1"], r["mean10"]
        lines.append(
            f"| `{r['path']}` | {r['overlap']}/10 | {a1:.3f} → {b1:.3f} | {am:.3f} → {bm:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> list[dict[str, Any]]:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--size", type=int, default=2_000, help="stored startups in all")
    p.add_argument("--lists", type=int, default=12, help="incubators and startups asked")
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    from fastapi.testclient import TestClient

    from matchmaker.app import create_app
    from matchmaker.config import Settings

    work, built = fresh_build(args.out, "first-stage", args.size)
    settings = Settings(database_url=built["url"], data_dir=work, rate_limit_per_minute=0)
    headers = {"Authorization": f"Bearer {built['keys']['admin']}"}
    paths = [f"/v1/incubators/{i}/matches" for i in range(1, args.lists + 1)]
    paths += [f"/v1/startups/{i}/matches?target=incubators" for i in range(1, args.lists + 1)]
    log(f"first stage: {len(paths)} lists, each asked for 10 and for 100")
    with TestClient(create_app(settings, built["encoder"])) as client:
        rows = [r for path in paths if (r := compare(client, path, headers)) is not None]
    shutil.rmtree(work, ignore_errors=True)
    write_json(f"first_stage_{args.size}", {"startups": args.size, "lists": rows}, args.out)
    print(markdown(rows))
    return rows


if __name__ == "__main__":
    main()
