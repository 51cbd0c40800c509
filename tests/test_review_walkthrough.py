"""The review walk-through of docs/access-and-reviews.md, run as written against a live
server: a founder's new startup, both sides' accepts, the contacts and the audit trail."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from matchmaker.access import service as access
from matchmaker.access.models import Role
from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.kinds import BY_PLURAL
from matchmaker.matching.encoder import Encoder
from matchmaker.profiles import service as profiles
from tests.factories import BODIES
from tests.live import run_shell, serve

DOC = Path(__file__).resolve().parents[1] / "docs" / "access-and-reviews.md"
SECTION = "## Reviewing a match: founder and manager, end to end"


@pytest.fixture
def live(settings: Settings, encoder: Encoder) -> Iterator[tuple[str, FastAPI]]:
    app = create_app(settings, encoder)
    with serve(app) as url:
        yield url, app


def test_the_review_walkthrough_runs_as_written(live: tuple[str, FastAPI]) -> None:
    url, app = live
    assert shutil.which("curl"), "the walk-through needs curl"
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index(SECTION) :]
    match = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert match, "the section has a shell block"
    script = match.group(1)
    kind = BY_PLURAL["incubators"]
    with app.state.sessions() as session, session.begin():
        body = kind.create.model_validate(BODIES["incubators"](name="Walk-through Park"))
        incubator = profiles.create(session, kind, body).id
        founder = access.create_key(session, Role.founder, "Dr Wang").plaintext
        manager = access.create_key(
            session, Role.manager, "Ms Li", incubator_ids=[incubator]
        ).plaintext
    # The keys come from the test's database instead of `matchmaker keys create`, and the
    # incubator is the one made here (the document's incubator 1 is the demo's first).
    script, n = re.subn(r"FOUNDER=\$\(matchmaker keys create .*\)", f"FOUNDER={founder}", script)
    assert n == 1
    script, n = re.subn(r"MANAGER=\$\(matchmaker keys create .*\)", f"MANAGER={manager}", script)
    assert n == 1
    script = script.replace('"incubator_id": 1', f'"incubator_id": {incubator}')
    script = script.replace("incubator_id=1", f"incubator_id={incubator}")
    script = script.replace("localhost:8000", url.removeprefix("http://"))
    out = run_shell(script)
    assert '"state":"connected"' in out
    assert '"startup_email":"wang@photonarm.example.cn"' in out
    assert '"note":"We need your pilot line"' in out  # the audit trail keeps the founder's note
