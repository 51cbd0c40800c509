"""`matchmaker tune` end to end: a generated decision history, the real model and databases.

The incubators accept startups from their own region and decline the others, so a fit to
those decisions must give the region component more weight than it has now.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from matchmaker.cli import cli
from matchmaker.config import Settings
from matchmaker.tuning.cli import run_tune
from tests.factories import incubator_body, startup_body

REGIONS = {"beijing": "Beijing", "tianjin": "Tianjin", "hebei": "Shijiazhuang"}


def _place(region: str) -> dict[str, str]:
    return {"city": REGIONS[region], "region": region, "country": "CN"}


def _regional_history(client: TestClient, per_region: int = 4) -> int:
    """Each incubator accepts its own region's startups and declines the rest."""
    incubators = {
        region: client.post(
            "/v1/incubators", json=incubator_body(location=_place(region), capacity=50)
        ).json()["id"]
        for region in REGIONS
    }
    decisions = 0
    for i in range(per_region):
        for region in REGIONS:
            startup = client.post(
                "/v1/startups",
                json=startup_body(name=f"{region} startup {i}", location=_place(region)),
            ).json()["id"]
            for target_region, incubator in incubators.items():
                same = target_region == region
                body = {"startup_id": startup, "incubator_id": incubator, "as_side": "target"}
                body |= (
                    {"action": "accept"}
                    if same
                    else {"action": "decline", "reason": "region_mismatch"}
                )
                response = client.post("/v1/matches", json=body)
                assert response.status_code == 201, response.text
                decisions += 1
    return decisions


def test_fitted_weights_follow_the_decisions_signal(client: TestClient, tmp_path: Path) -> None:
    assert _regional_history(client) == 36
    result, text = run_tune(client, tmp_path, holdout=0.3, min_decisions=20, write=False)
    assert result is not None, text
    assert (result.train, result.test) == (25, 11)
    assert result.fitted["region"] > 2 * result.current["region"]
    # The history component (similarity to what the target accepted before) carries the same
    # regional signal, so either may come out on top; the others must not.
    assert max(result.fitted, key=lambda n: result.fitted[n]) in {"region", "history"}
    auc = result.metrics["fitted"]["auc"]
    assert auc is not None
    assert auc > 0.9
    assert "MATCHMAKER_WEIGHT_REGION=" in text
    # Only what a setting can change is fitted: penalties are fixed costs.
    assert {f"weight_{name}" for name in result.fitted} <= set(Settings.model_fields)
    assert not (tmp_path / "weights.json").exists()  # only --write saves


def test_written_weights_are_read_by_the_settings_unless_set_explicitly(
    client: TestClient, tmp_path: Path
) -> None:
    _regional_history(client, per_region=3)
    result, _ = run_tune(client, tmp_path, holdout=0.3, min_decisions=20, write=True)
    assert result is not None
    saved = json.loads((tmp_path / "weights.json").read_text())
    assert saved["weights"] == result.fitted
    assert Settings(data_dir=tmp_path).weight_region == result.fitted["region"]
    assert Settings(data_dir=tmp_path, weight_region=0.01).weight_region == 0.01


def test_a_malformed_weights_file_stops_the_settings_with_its_path(tmp_path: Path) -> None:
    (tmp_path / "weights.json").write_text('{"weights": {"region": -1}}')
    with pytest.raises(ValueError, match=r"weights\.json: weight 'region' must be"):
        Settings(data_dir=tmp_path)


def test_too_few_decisions_fit_nothing(client: TestClient, tmp_path: Path) -> None:
    result, text = run_tune(client, tmp_path, holdout=0.3, min_decisions=30, write=True)
    assert result is None
    assert "not enough decisions" in text
    assert not (tmp_path / "weights.json").exists()


def test_the_command_tunes_this_installation_in_process(
    client: TestClient, settings: Settings
) -> None:
    _regional_history(client, per_region=3)
    env = {
        "MATCHMAKER_DATABASE_URL": settings.resolved_database_url(),
        "MATCHMAKER_DATA_DIR": str(settings.data_dir),
    }
    done = CliRunner().invoke(cli, ["tune", "--min-decisions", "20", "--write"], env=env)
    assert done.exit_code == 0, done.output
    assert "held out" in done.output
    assert "written to" in done.output
    assert (settings.data_dir / "weights.json").exists()
    # The temporary admin key of the run is revoked afterwards.
    tune_keys = [k for k in client.get("/v1/keys").json() if k["name"] == "matchmaker tune"]
    assert len(tune_keys) == 1
    assert tune_keys[0]["revoked_at"] is not None
