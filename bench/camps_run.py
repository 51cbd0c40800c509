"""Benchmark: one stored camp allocation run (``runs.run``) at a given number of applications.

    .venv/bin/python bench/camps_run.py [--applicants 500] [--hosts 500] [--seed 7]

What MATCHMAKER_CAMP_MAX_APPLICATIONS bounds: the whole run as the API does it, on a fresh
SQLite database built by the migrations: gather the inputs, score every (applicant, host)
pair, allocate, explain, store inputs and result as JSON and replace the assignments. Scores
come from the facts (``--no-engine``; the engine adds the vectors' similarity, a dot product
per pair). 500 hosts is the most a camp may have (``CampCreate.hosts``), so the run is the
worst case for this many applications. Hosts have 10 places each; quotas: at least 30% of
places for Tianjin and Hebei, at most 400 startups from one city. Prints wall and CPU time
(CPU too: on a shared machine wall time also measures the neighbours), the stored size and
the process's peak memory.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from matchmaker import migrations_state
from matchmaker.camps import runs, service
from matchmaker.camps.models import Camp
from matchmaker.camps.schemas import ApplicationCreate, CampCreate
from matchmaker.db import make_engine, make_sessionmaker
from matchmaker.incubators.models import Incubator
from matchmaker.startups.models import Startup
from matchmaker.vocab import Domain

CITIES = {
    "beijing": ["Haidian", "Chaoyang", "Yizhuang"],
    "tianjin": ["Binhai", "Nankai"],
    "hebei": ["Baoding", "Langfang", "Xiong'an"],
    "abroad": ["Munich", "Singapore"],
}
DOMAINS = [d.value for d in Domain]
STAGES = ["idea", "prototype", "pilot", "early_revenue", "growth"]


def build(url: str, n_apps: int, n_hosts: int, seed: int) -> int:
    rnd = random.Random(seed)
    sessions = make_sessionmaker(make_engine(url))
    with sessions() as session, session.begin():
        incubators = [
            Incubator(
                name=f"Incubator {j}",
                kind="incubator",
                domains=rnd.sample(DOMAINS, 3),
                region=(region := rnd.choice(list(CITIES))),
                city=rnd.choice(CITIES[region]),
                country="DE" if region == "abroad" else "CN",
                dedupe_key=f"bench-incubator-{j}",
            )
            for j in range(n_hosts)
        ]
        session.add_all(incubators)
        startups = [
            Startup(
                name=f"Startup {i}",
                stage=rnd.choice(STAGES),
                trl=rnd.randint(2, 8),
                domains=rnd.sample(DOMAINS, 2),
                region=(region := rnd.choice(list(CITIES))),
                city=rnd.choice(CITIES[region]),
                country="DE" if region == "abroad" else "CN",
                dedupe_key=f"bench-startup-{i}",
            )
            for i in range(n_apps)
        ]
        session.add_all(startups)
        session.flush()
        body = CampCreate.model_validate(
            {
                "name": "bench",
                "starts_on": "2026-09-14",
                "ends_on": "2026-09-15",
                "location": "Beijing",
                "hosts": [{"incubator_id": inc.id, "places": 10} for inc in incubators],
                "quotas": [
                    {
                        "name": "30% Tianjin and Hebei",
                        "attribute": "region",
                        "values": ["tianjin", "hebei"],
                        "at_least_share": 0.3,
                    },
                    {
                        "name": "at most 400 per city",
                        "attribute": "city",
                        "per_value": True,
                        "at_most": 400,
                    },
                ],
            }
        )
        camp = service.create_camp(session, None, body)
        for s in startups:
            service.apply(
                session, None, camp, ApplicationCreate(startup_id=s.id), max_applications=n_apps
            )
        return camp.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applicants", type=int, default=500)
    parser.add_argument("--hosts", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        migrations_state.upgrade(url)
        camp_id = build(url, args.applicants, args.hosts, args.seed)
        sessions = make_sessionmaker(make_engine(url))
        with sessions() as session, session.begin():
            camp = session.scalars(select(Camp).where(Camp.id == camp_id)).one()
            t0, c0 = time.perf_counter(), time.process_time()
            record = runs.run(session, None, camp, None, max_applications=args.applicants)
            session.flush()
            t1, c1 = time.perf_counter(), time.process_time()
            stored = len(json.dumps(record.inputs)) + len(json.dumps(record.result))
            placed = len(record.result["assignments"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        f"{args.applicants} applications x {args.hosts} hosts: run in {t1 - t0:.1f} s wall, "
        f"{c1 - c0:.1f} s CPU; {placed} placed; {stored / 1e6:.1f} MB stored as JSON; "
        f"peak memory {peak:.0f} MiB"
    )


if __name__ == "__main__":
    main()
