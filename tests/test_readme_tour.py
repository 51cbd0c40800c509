"""The README's foundation sections stay true: the API tour runs as written against a live
server, the configuration table names every setting, and exactly two commands lead."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.live import run_shell, serve

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


@pytest.fixture
def live_url(settings: Settings, encoder: Encoder) -> Iterator[tuple[str, str]]:
    """The app served by uvicorn on a free loopback port, and an admin key for it."""
    app = create_app(settings, encoder)
    with serve(app) as url:
        with app.state.sessions() as session, session.begin():
            key = access.create_key(session, Role.admin, "readme tour").plaintext
        yield url, key


def test_the_api_tour_runs_as_written(live_url: tuple[str, str]) -> None:
    url, key = live_url
    assert shutil.which("curl"), "the tour needs curl"
    script = "\n".join(re.findall(r"```sh\n(.*?)```", _section("API tour"), re.DOTALL))
    # The key comes from the test's own database instead of `matchmaker keys create`.
    script, n = re.subn(r'export KEY="\$\(.*\)"', f'export KEY="{key}"', script)
    assert n == 1
    script = script.replace("http://127.0.0.1:8000", url)
    out = run_shell(script)
    assert 'etag: w/"1"' in out.lower()
    assert '"version": 2' in out
    assert "precondition_failed" in out
    assert '"field": "location.country"' in out
    assert '"existing_id"' in out
    assert "not_found" in out
    assert "'Qubit Sense'" in out
    assert "'Munich Quantum Bridge'" in out
    assert '"publisher_name": "Binhai Port Automation Group"' in out
    assert out.count("204") >= 6
    assert "'智臂科技'" in out  # found by q inside Chinese text
    assert "与滨海机器人中试基地高度契合" in out or "与滨海机器人中试基地较为契合" in out
    assert "'code': 'reason_" in out


def test_the_configuration_table_names_every_setting() -> None:
    table = _section("Configuration")
    for name in Settings.model_fields:
        variable = f"MATCHMAKER_{name.upper()}"
        suffix = "_" + name.upper().removeprefix("WEIGHT_")
        assert variable in table or (name.startswith("weight_") and f"`{suffix}`" in table), (
            f"{variable} is not documented in the README's Configuration section"
        )


def test_exactly_two_commands_lead() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", _section("Two commands"), re.DOTALL)
    assert [line for block in blocks for line in block.splitlines() if line.strip()] == [
        "make run",
        "make test",
    ]
