"""A card's chart prints values that add up to the score it prints beside them."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from matchmaker.matching.schemas import ComponentRead
from matchmaker.web.render import chart, shown_values
from tests.conftest import mint_key
from tests.web.test_pages import _create
from tests.web.test_session import _browser, _sign_in

# The chart's summary, read by screen readers: "Score 0.75: Description 0.19/0.30, ..."
SUMMARY = re.compile(r'aria-label="([^"]*)"')
VALUE = re.compile(r"(-?\d+\.\d\d)/\d+\.\d\d")


def _cents(value: float) -> int:
    """The value in hundredths, as the template's ``"%.2f"|format`` prints it."""
    return int(f"{value:.2f}".replace(".", ""))


def test_seven_values_each_rounded_down_still_add_up() -> None:
    # Rounded one by one they print 0.19 + 0.10 × 4 + 0.07 + 0.08 = 0.74 beside 0.77.
    contributions = [0.194, 0.104, 0.104, 0.104, 0.104, 0.074, 0.084]
    shown = shown_values(contributions, 0.768)
    assert sum(_cents(v) for v in shown) == _cents(0.768) == 77
    assert all(abs(v - c) < 0.01 for v, c in zip(shown, contributions, strict=True))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-2000, 3000), min_size=1, max_size=9))
def test_shown_values_add_up_to_the_printed_score(units: list[int]) -> None:
    """Contributions to 4 places (as the engine rounds them), penalties included."""
    contributions = [u / 10_000 for u in units]
    score = round(sum(units) / 10_000, 4)
    shown = shown_values(contributions, score)
    assert sum(_cents(v) for v in shown) == _cents(score)
    # Each printed value is its contribution to within a hundredth.
    assert all(abs(v - c) < 0.01 + 1e-9 for v, c in zip(shown, contributions, strict=True))


def test_a_match_not_judged_adds_up_to_its_contributions() -> None:
    components = {
        name: ComponentRead(value=1.0, weight=0.5, contribution=c, note=name)
        for name, c in (("semantic", 0.2345), ("domain", 0.1234), ("trl_shortfall", -0.0456))
    }
    bars = chart(components, None)
    assert [b.name for b in bars][-1] == "trl_shortfall"  # penalties last
    assert sum(_cents(b.shown) for b in bars) == _cents(0.2345 + 0.1234 - 0.0456)


def test_every_card_of_a_page_adds_up(client: TestClient) -> None:
    key = mint_key(client, "founder")
    startup = _create(client, "startups", key, name="Adding Optics", domains=["photonics", "ai"])
    for n, domains in enumerate((["photonics"], ["ai"], ["biomedicine"], ["photonics", "ai"])):
        _create(client, "incubators", name=f"Sum Park {n}", domains=domains, trl_min=n + 2)
    founder = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(founder, key)
    page = founder.get(f"/startups/{startup}")
    assert page.status_code == 200
    summaries = [html.unescape(s) for s in SUMMARY.findall(page.text) if s.startswith("Score ")]
    assert len(summaries) >= 4
    for summary in summaries:
        head, _, parts = summary.partition(":")
        score = head.removeprefix("Score ").strip()
        values = [float(v) for v in VALUE.findall(parts)]
        assert values, summary
        assert sum(_cents(v) for v in values) == int(score.replace(".", "")), summary
