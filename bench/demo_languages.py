"""Does writing half the demo in Chinese change who matches whom? Per model.

Seeds the demo data as committed (half the startups and incubators in Chinese) and an
all-English version of the same profiles (``--english``, e.g. the demo file before the
Chinese rewrite) into two fresh engines with the same encoder, and compares each startup's
ranked incubators (``GET /v1/startups/{id}/matches?target=incubators``). The structured
facts are identical in both files, so any difference comes from the language of the text.

    git show fa59956~1:matchmaker/demo/data.json > /tmp/demo-en.json
    .venv/bin/python -m bench.demo_languages --english /tmp/demo-en.json --model use-multilingual

Prints, for the startups written in Chinese and for those still in English: how often the
top incubator is the same as in the English demo (agree@1), the mean overlap of the top 3
(overlap@3), the share of Chinese-written incubators in the top 3 (8 of the 16 are; next to
it the share the same incubators had in the English demo), and the
mean semantic similarity of each startup's top 3; then the top 3 of two Chinese startups
side by side.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from bench.quality_api import engine
from matchmaker.demo import seed
from matchmaker.matching.registry import load_encoder

CJK = re.compile(r"[\u4e00-\u9fff]")
SHOWN = ("天枢人形机器人", "塞北液流储能")


def rankings(client: TestClient, path: Path) -> dict[int, list[dict[str, Any]]]:
    """Each demo startup's incubator matches, best first, by startup id."""
    app = client.app
    seed.load(app.state.settings, app.state.runtime, path)  # type: ignore[attr-defined]
    items = client.get("/v1/startups", params={"limit": 100}).json()["items"]
    out = {}
    for s in items:
        r = client.get(f"/v1/startups/{s['id']}/matches", params={"target": "incubators"})
        r.raise_for_status()
        out[s["id"]] = r.json()["matches"]
    return out


def run(model: str, english: Path) -> dict[str, Any]:
    encoder = load_encoder(model)
    runs = {}
    for label, path in (("bilingual", seed.DATA), ("english", english)):
        with tempfile.TemporaryDirectory() as tmp, engine(Path(tmp), encoder) as client:
            runs[label] = rankings(client, path)
    # Startups the English file has too: the demo's two duplicate entries have no twin there.
    names = {
        i + 1: s["name"]
        for i, s in enumerate(json.loads(seed.DATA.read_text(encoding="utf-8"))["startups"])
        if i + 1 in runs["english"]
    }
    groups: dict[str, dict[str, float]] = {}
    for group, pick in (("zh", True), ("en", False)):
        ids = [i for i, n in names.items() if bool(CJK.search(n)) is pick]
        chinese_ids = {
            i + 1
            for i, r in enumerate(json.loads(seed.DATA.read_text(encoding="utf-8"))["incubators"])
            if CJK.search(r["name"])
        }
        agree = overlap = sim = chinese = before = 0.0
        for i in ids:
            zh, en = runs["bilingual"][i], runs["english"][i]
            agree += zh[0]["profile"]["id"] == en[0]["profile"]["id"]
            overlap += (
                len({m["profile"]["id"] for m in zh[:3]} & {m["profile"]["id"] for m in en[:3]}) / 3
            )
            sim += sum(m["similarity"] for m in zh[:3]) / 3
            chinese += sum(m["profile"]["id"] in chinese_ids for m in zh[:3]) / 3
            before += sum(m["profile"]["id"] in chinese_ids for m in en[:3]) / 3
        n = len(ids)
        groups[group] = {
            "startups": n,
            "agree@1": agree / n,
            "overlap@3": overlap / n,
            "sim@3": sim / n,
            "chinese@3": chinese / n,
            "chinese@3 before": before / n,
        }
    shown = {}
    for i, n in names.items():
        if n in SHOWN:
            shown[n] = {k: [m["profile"]["title"] for m in runs[k][i][:3]] for k in runs}
    return {"model": encoder.name, "groups": groups, "shown": shown}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--english", type=Path, required=True)
    parser.add_argument("--model", default="all-MiniLM-L6-v2")
    report = run(parser.parse_args(argv).model, parser.parse_args(argv).english)
    print(f"## {report['model']}")
    for group, g in report["groups"].items():
        print(
            f"{group} startups ({g['startups']}): agree@1 {g['agree@1']:.2f}  "
            f"overlap@3 {g['overlap@3']:.2f}  Chinese share of top 3 {g['chinese@3']:.2f} "
            f"(same incubators in the English demo {g['chinese@3 before']:.2f})  "
            f"mean similarity of top 3 {g['sim@3']:.3f}"
        )
    for name, tops in report["shown"].items():
        for label, top in tops.items():
            print(f"{name} [{label} demo]: " + " > ".join(top))


if __name__ == "__main__":
    main(sys.argv[1:])
