"""The demo Beijing–Munich camp over the demo profiles, and ``matchmaker camps ...``."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from matchmaker.camps.cli import camps_cli
from matchmaker.config import Settings
from matchmaker.demo import seed


@pytest.fixture
def env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATCHMAKER_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("MATCHMAKER_DATA_DIR", str(settings.data_dir))


def test_demo_camp_allocates_and_exports_a_schedule(
    client: TestClient, settings: Settings, env: None, tmp_path: Path
) -> None:
    seed.load(settings, client.app.state.runtime)  # type: ignore[attr-defined]
    runner = CliRunner()
    made = runner.invoke(camps_cli, ["demo"])
    assert made.exit_code == 0, made.output
    assert "6 hosts, 32 places, 42 applicants" in made.output
    assert runner.invoke(camps_cli, ["demo"]).output == made.output  # idempotent
    camp_id = int(made.output.split()[1].rstrip(":"))

    # Through the API, with the engine's scores.
    camp = client.get(f"/v1/camps/{camp_id}").json()
    places = {h["id"]: h["places"] for h in camp["hosts"]}
    result = client.post(f"/v1/camps/{camp_id}/allocate").json()
    assert result["score_source"].startswith("engine:")
    assert len(result["assignments"]) + len(result["unplaced"]) == 42
    for host_id, n in places.items():
        assert sum(a["host_id"] == host_id for a in result["assignments"]) <= n
    report = {q["name"]: q for q in result["quota_report"]}
    floor = report["30% of places for Tianjin and Hebei"]
    assert (floor["required"], floor["met"]) == (10, True)  # 30% of 32; 14 applied
    assert all(q["met"] for q in result["quota_report"])
    cities = {
        s["id"]: s["location"]["city"]
        for s in client.get("/v1/startups", params={"limit": 100}).json()["items"]
    }
    placed_cities = [cities[a["startup_id"]] for a in result["assignments"]]
    assert placed_cities.count("Beijing") == 12  # the cap binds: 21 applied
    left_out = [u for u in result["unplaced"] if u["explanation_detail"]["outcome"] == "camp_cap"]
    assert {cities[u["startup_id"]] for u in left_out} <= {"Beijing"}
    # Places stay free only where nobody left could take them.
    assert len(result["assignments"]) == min(32, 42 - len(left_out))

    # From the command line, facts-only scores, then the schedule as iCalendar files.
    again = runner.invoke(camps_cli, ["allocate", str(camp_id), "--no-engine"])
    assert again.exit_code == 0, again.output
    assert f"{len(result['assignments'])} placed" in again.output
    assert "quota 30% of places for Tianjin and Hebei" in again.output
    out = tmp_path / "ics"
    schedule = runner.invoke(camps_cli, ["schedule", str(camp_id), "--ics-dir", str(out)])
    assert schedule.exit_code == 0, schedule.output
    assert f"{len(result['assignments'])} meetings" in schedule.output
    files = sorted(out.glob("*.ics"))
    hosts_meeting = {a["host_id"] for a in result["assignments"]}
    assert len(files) == len(result["assignments"]) + len(hosts_meeting)
    raw = files[0].read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")


def test_allocating_an_unknown_camp_fails_cleanly(env: None, settings: Settings) -> None:
    result = CliRunner().invoke(camps_cli, ["allocate", "999999", "--no-engine"])
    assert result.exit_code == 1
    assert "no camp 999999" in result.output
