"""``matchmaker import`` from the command line, with the shipped example mappings."""

from __future__ import annotations

import csv
import json
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from matchmaker.cli import cli
from matchmaker.config import Settings
from matchmaker.imports import service
from matchmaker.imports.models import ImportJob, ImportRowError
from matchmaker.incubators.models import Incubator
from tests.imports.helpers import operator_job

MAPPINGS = Path(__file__).resolve().parents[2] / "matchmaker" / "imports" / "mappings"

# Rows in the shape of the public accelerator directory (accelerators.csv).
HEADER = [
    "id",
    "name",
    "network",
    "program_type",
    "region_tags",
    "location",
    "focus",
    "stage_tags",
    "capital_tags",
    "website",
]
ROWS = [
    [
        "zgc-1",
        "Zhongguancun Hard Tech Camp",
        "ZGC",
        "Accelerator",
        "Asia",
        "Primarily Beijing",
        "Deep tech / robotics / quantum",
        "Pre-seed | Seed",
        "Investment",
        "https://camp.example.cn",
    ],
    [
        "sf-1",
        "Bay Robotics Lab",
        "BRL",
        "Corporate / Pilot Accelerator",
        "North America",
        "San Francisco, US",
        "Robotics and AI",
        "Seed | Series A",
        "Conditional funding",
        "https://brl.example.com",
    ],
    [
        "nowhere",
        "Everywhere Fellowship",
        "EF",
        "Founder Fellowship",
        "Global",
        "Remote / global",
        "Industry-agnostic",
        "Pre-company",
        "Grant / stipend",
        "https://ef.example.org",
    ],
]


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("MATCHMAKER_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MATCHMAKER_DATA_DIR", str(settings.data_dir))
    return settings


def _write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_import_command_with_the_accelerator_directory_mapping(
    env: Settings, tmp_path: Path
) -> None:
    path = _write(tmp_path / "accelerators.csv", ROWS)
    args = [
        "import",
        str(path),
        "--kind",
        "incubators",
        "--mapping",
        str(MAPPINGS / "accelerator_directory_incubators.json"),
        "--source",
        "directory",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "3 rows, 2 created, 0 updated, 0 unchanged, 1 failed" in result.output
    assert "row 3: location.country: region 'abroad' needs the code" in result.output
    engine = create_engine(env.database_url)
    try:
        with engine.connect() as conn:
            rows = {r.name: r for r in conn.execute(select(Incubator))}
            job = conn.execute(select(ImportJob)).one()
            errors = conn.execute(select(ImportRowError.row, ImportRowError.field)).all()
    finally:
        engine.dispose()
    zgc, bay = rows["Zhongguancun Hard Tech Camp"], rows["Bay Robotics Lab"]
    assert (zgc.region, zgc.country, zgc.kind) == ("beijing", "CN", "municipal_incubator")
    assert (bay.region, bay.country, bay.kind) == ("abroad", "US", "corporate_incubator")
    assert set(zgc.domains) >= {"robotics", "quantum"}
    assert zgc.stages == ["prototype", "pilot"]
    assert (job.status, job.source, job.account_id) == ("finished", "directory", None)
    assert errors == [(3, "location.country")]
    # The same file again: nothing new, nothing duplicated.
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert "3 rows, 0 created, 0 updated, 2 unchanged, 1 failed" in again.output


def test_shipped_mappings_are_valid() -> None:
    from matchmaker.imports.mapping import parse
    from matchmaker.kinds import BY_PLURAL

    kinds = {
        "techstars_startups.json": "startups",
        "accelerator_directory_incubators.json": "incubators",
    }
    for path in sorted(MAPPINGS.glob("*.json")):
        parse(json.loads(path.read_text()), BY_PLURAL[kinds[path.name]].create)
    assert {p.name for p in MAPPINGS.glob("*.json")} == set(kinds)


def test_an_interrupted_import_goes_on_where_it_stopped(
    env: Settings, client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "three.csv"
    path.write_text(
        "external_id,name,domains,stage,trl,region\n"
        "t1,First Robotics,robotics,pilot,5,beijing\n"
        "t2,Second Robotics,robotics,pilot,5,beijing\n"
        "t3,Third Robotics,robotics,pilot,5,beijing\n"
    )
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    job_id = operator_job(client, path, "three")
    stop = threading.Event()
    one_row = env.model_copy(update={"import_chunk_rows": 1})
    # The first process commits one row, then stops (as if it had been killed).
    status = service.run(sessions, job_id, one_row, progress=lambda *_: stop.set(), stop=stop)
    assert status == "queued"
    monkeypatch.setenv("MATCHMAKER_IMPORT_CHUNK_ROWS", "1")
    result = CliRunner().invoke(cli, ["import", str(path), "--kind", "startups", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert f"import #{job_id} finished: 3 rows, 3 created" in result.output
    names = [s["name"] for s in client.get("/v1/startups").json()["items"]]
    assert names == ["First Robotics", "Second Robotics", "Third Robotics"]


def test_a_bad_mapping_is_a_clean_usage_error(tmp_path: Path) -> None:
    data, mapping = tmp_path / "a.csv", tmp_path / "m.json"
    data.write_text("external_id,name\ns1,Alpha\n")
    mapping.write_text(json.dumps({"fields": {"name": {"column": "name", "truncate": "ten"}}}))
    args = ["import", str(data), "--kind", "startups", "--mapping", str(mapping)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)  # a usage error, not a traceback
    assert "fields.name.truncate: a whole number" in result.output


def test_an_unexpected_error_does_not_leave_the_job_running(
    env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(service, "Target", broken)
    path = tmp_path / "a.csv"
    path.write_text("external_id,name,domains,stage,trl,region\nt1,One,robotics,pilot,5,hebei\n")
    result = CliRunner().invoke(cli, ["import", str(path), "--kind", "startups", "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "failed: 0 rows" in result.output
    assert "stopped by an unexpected error (KeyError: 'surprise')" in result.output
    engine = create_engine(env.database_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(select(ImportJob.status)).scalar_one() == "failed"
    finally:
        engine.dispose()
