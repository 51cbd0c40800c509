"""The Chinese pages hold no English sentence from the engine: reasons, hints, the
past-decisions lines and why nobody is proposed are all rendered from the catalogs."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from matchmaker.config import Settings
from matchmaker.demo import seed
from matchmaker.kinds import INCUBATOR, STARTUP
from matchmaker.matching.messages import TEMPLATES
from matchmaker.web.session import LANG_COOKIE
from tests.conftest import mint_key
from tests.factories import BODIES
from tests.web.test_session import _browser, _sign_in

STARTUP_NAME = "天枢人形机器人"
INCUBATOR_NAME = "亦庄机器人深度孵化中心"


def _english_fragments() -> dict[str, list[str]]:
    """Per code, the literal pieces of its English template of two words or more."""
    out: dict[str, list[str]] = {}
    for code, template in TEMPLATES.items():
        pieces = (p.strip(" ;:,.()") for p in re.split(r"\{[^}]*\}", template))
        out[code] = [p for p in pieces if len(re.findall(r"[A-Za-z]+", p)) >= 2]
    return out


def _ids(client: TestClient, kind_name: str, name: str) -> int:
    table = (STARTUP if kind_name == "startup" else INCUBATOR).model.__table__
    with client.app.state.runtime.sessions() as session:  # type: ignore[attr-defined]
        return int(session.scalar(select(table.c.id).where(table.c.name == name)))


@pytest.fixture
def pages(client: TestClient, settings: Settings) -> list[str]:
    """The demo's pages with explanations on them: a startup's recommendations of every
    kind, its bundle, an incubator's dashboard, one pair, and a full incubator's page."""
    seed.load(settings, client.app.state.runtime)  # type: ignore[attr-defined]
    startup = _ids(client, "startup", STARTUP_NAME)
    incubator = _ids(client, "incubator", INCUBATOR_NAME)
    full = client.post("/v1/incubators", json=BODIES["incubators"](name="满员孵化器", capacity=0))
    assert full.status_code == 201, full.text
    paths = [f"/startups/{startup}?target={t}" for t in ("incubators", "partners", "scenarios")]
    paths += [
        f"/startups/{startup}?target=bundle",
        f"/incubators/{incubator}",
        f"/pairs/{startup}/incubator/{incubator}",
    ]
    return [*paths, f"/incubators/{full.json()['id']}"]


def _render(client: TestClient, paths: list[str], lang: str) -> dict[str, str]:
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, mint_key(client, "admin"))
    browser.cookies.set(LANG_COOKIE, lang)
    out = {}
    for path in paths:
        r = browser.get(path)
        assert r.status_code == 200, (path, r.text[:500])
        out[path] = html.unescape(r.text)
    return out


def test_chinese_pages_show_no_english_sentence_from_the_engine(
    client: TestClient, pages: list[str]
) -> None:
    fragments = _english_fragments()
    english = _render(client, pages, "en")
    chinese = _render(client, pages, "zh")
    # The English pages do show the engine's sentences, so the check below means something.
    shown = {
        code
        for code, pieces in fragments.items()
        if pieces and any(all(p in page for p in pieces) for page in english.values())
    }
    assert {"semantic", "reciprocal", "excluded_full"} <= shown
    assert len(shown) >= 8, shown
    for path, page in chinese.items():
        for code, pieces in fragments.items():
            for piece in pieces:
                assert piece not in page, f"{path}: {code} left in English: {piece!r}"
    assert any("契合" in page for page in chinese.values())  # the verdicts, in Chinese
    assert any("描述内容相关" in page for page in chinese.values())
    assert "满员孵化器" in chinese[pages[-1]]  # a Chinese name shows as written


def test_chinese_error_pages_say_why_in_chinese(client: TestClient) -> None:
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, mint_key(client, "admin"))
    english = browser.get("/incubators/99999")
    assert english.status_code == 404
    assert "no incubator with id 99999" in english.text  # English pages keep the API's words
    browser.cookies.set(LANG_COOKIE, "zh")
    chinese = browser.get("/incubators/99999")
    assert chinese.status_code == 404
    assert "no incubator with id" not in chinese.text
    assert "此地址下没有任何记录。" in chinese.text
