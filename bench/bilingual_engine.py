"""The bilingual sector test through the engine's API (composition, every component).

The same 72 startups and 18 incubators of ``bench/bilingual.json`` as ``bench.bilingual``'s
raw-model test, each created in Chinese and in English with the same neutral facts as the
English sector test (one domain no item is about, same stage, TRL, place, needs and
services), so only the text can separate them. Each startup's ranked incubators
(``GET /v1/startups/{id}/matches?target=incubators``) are read in the incubator language
asked for; right = its domain's incubator.
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from bench.bilingual import LANGS, items
from bench.quality_api import call, create_many, incubator_body, startup_body
from bench.quality_data import NEUTRAL_DOMAIN, Company
from bench.quality_metrics import Scores


def sector(client: TestClient) -> dict[str, Any]:
    rows = items()
    startups = [r for r in rows if r["kind"] == "startup"]
    incubators = [r for r in rows if r["kind"] == "incubator"]
    s_ids = create_many(
        client,
        "startups",
        [
            startup_body(Company(f"s{r['id']}-{lang}", r[lang], r["domain"]), "prototype", True)
            for r in startups
            for lang in LANGS
        ],
    )
    i_ids = create_many(
        client,
        "incubators",
        [
            incubator_body(f"i{r['id']}-{lang}", r[lang], NEUTRAL_DOMAIN)
            for r in incubators
            for lang in LANGS
        ],
    )
    domain_of = {i_ids[f"i{r['id']}-{lang}"]: r["domain"] for r in incubators for lang in LANGS}
    lang_of = {i_ids[f"i{r['id']}-{lang}"]: lang for r in incubators for lang in LANGS}
    scores = {f"{q}->{d}": Scores() for q in LANGS for d in LANGS}
    for r in startups:
        for q in LANGS:
            startup_id = s_ids[f"s{r['id']}-{q}"]
            page = call(
                client,
                "GET",
                f"/v1/startups/{startup_id}/matches",
                params={"target": "incubators", "limit": 2 * len(incubators)},
            )
            ranked = [int(m["profile"]["id"]) for m in page["matches"]]
            for d in LANGS:
                mine = [i for i in ranked if lang_of[i] == d]
                right = {i for i in mine if domain_of[i] == r["domain"]}
                scores[f"{q}->{d}"].add(mine, right)
    return {name: s.summary() for name, s in scores.items()}
