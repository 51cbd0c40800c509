"""The analytics page: what each role sees, in both languages, and the pages that log lists."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select

from matchmaker.analytics import log
from matchmaker.analytics.models import Exposure
from matchmaker.vocab import label
from matchmaker.web.session import LANG_COOKIE
from tests.analytics.conftest import World
from tests.conftest import mint_key
from tests.web.test_session import _browser, _sign_in


def _signed_in(world: World, key: str, lang: str = "en") -> TestClient:
    browser = _browser(world.client.app)  # type: ignore[arg-type]
    browser.cookies.set(LANG_COOKIE, lang)
    _sign_in(browser, key)
    return browser


def _served_and_reviewed(world: World) -> int:
    r = world.get(f"/v1/incubators/{world.incubator}/matches", world.manager, limit=5)
    world.act(world.manager, "Haidian Grippers", action="accept")
    world.act(world.manager, "Binhai Welding Vision", action="decline", reason="no_capacity")
    return len(r.json()["matches"])


def test_a_manager_sees_the_funnel_and_exposure_plots_of_their_incubator(world: World) -> None:
    shown = _served_and_reviewed(world)
    key = mint_key(world.client, "manager", incubator_ids=[world.incubator])
    page = _signed_in(world, key).get("/analytics")
    assert page.status_code == 200, page.text
    html = page.text
    assert html.count("<svg") == 5  # funnel, months, and region, stage, founder shares
    assert f"Recommended {shown}" in html  # the funnel plot's accessible title
    assert re.search(r"<title>Accepted: 1</title>", html)
    assert f"<td>{label('no_capacity')}</td><td>1</td>" in html  # declined, by reason
    assert f'href="/incubators/{world.incubator}"' in html
    assert "Tianjin" in html
    assert "Elsewhere" in html
    assert "<script" not in html


def test_the_page_is_chinese_for_a_chinese_reader(world: World) -> None:
    _served_and_reviewed(world)
    key = mint_key(world.client, "manager", incubator_ids=[world.incubator])
    html = _signed_in(world, key, "zh").get("/analytics").text
    for words in ("评审漏斗", "谁获得推荐", "首次创业者", "天津", "其他地区", "已推荐"):
        assert words in html, words
    for english in ("Review funnel", "Who is recommended", "First-time founders"):
        assert english not in html, english


def test_who_may_open_which_analytics_page(world: World) -> None:
    admin = _signed_in(world, mint_key(world.client, "admin"))
    whole = admin.get("/analytics")
    assert whole.status_code == 200
    assert "The whole service" in whole.text
    assert 'href="/analytics"' in admin.get("/").text
    assert admin.get(f"/analytics?incubator_id={world.incubator}").status_code == 200
    outsider = _signed_in(
        world, mint_key(world.client, "manager", incubator_ids=[world.other_incubator])
    )
    refused = outsider.get(f"/analytics?incubator_id={world.incubator}")
    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("text/html")
    founder = _signed_in(world, mint_key(world.client, "founder"))
    assert founder.get("/analytics").status_code == 403
    assert admin.get("/analytics?incubator_id=abc").status_code == 404  # a bad address


def test_dashboard_and_startup_pages_log_what_they_show_and_link_the_page(world: World) -> None:
    manager = _signed_in(world, mint_key(world.client, "manager", incubator_ids=[world.incubator]))
    board = manager.get(f"/incubators/{world.incubator}")
    assert f'href="/analytics?incubator_id={world.incubator}"' in board.text
    report = world.get("/v1/analytics/exposure", incubator_id=world.incubator).json()
    cards = len(re.findall(r'href="/pairs/\d+/incubator/', board.text))
    assert report["exposures"] > 0
    assert report["exposures"] <= cards
    admin = _signed_in(world, mint_key(world.client, "admin"))
    startup = world.startups["Munich Motion"]
    page = admin.get(f"/startups/{startup}?target=incubators")
    assert page.status_code == 200
    with world.client.app.state.sessions() as session, session.begin():  # type: ignore[attr-defined]
        log.flush(session)
        logged = session.scalars(
            select(Exposure).where(Exposure.query_kind == "startup", Exposure.query_id == startup)
        ).all()
    assert logged
    assert [e.rank for e in logged] == list(range(1, len(logged) + 1))
    assert {e.shown_kind for e in logged} == {"incubator"}
    for e in logged:
        assert f'href="/pairs/{startup}/incubator/{e.shown_id}' in page.text
