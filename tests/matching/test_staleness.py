"""A profile not updated for MATCHMAKER_STALE_AFTER_DAYS is ranked lower by the engine itself:
a multiplicative penalty in the score, its reason in the explanation, in both languages."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from matchmaker.matching.messages import render, sentence
from matchmaker.matching.ranking import rank_key, reason_parts, score_pair
from matchmaker.matching.scoring import STALE_PENALTY, Weights, is_stale, stale_since
from matchmaker.web.i18n import translations
from tests.matching.test_scoring_arithmetic import INCUBATOR, STARTUP, TODAY

WEIGHTS = Weights(stale_after_days=365)


def _updated(days_ago: int) -> datetime:
    day = TODAY - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, 15, 30, tzinfo=UTC)


def test_a_profile_is_stale_from_the_day_after_the_threshold() -> None:
    assert not is_stale(_updated(365), TODAY, 365)
    assert is_stale(_updated(366), TODAY, 365)
    assert not is_stale(None, TODAY, 365)  # an unsaved profile
    since = stale_since(_updated(366), 365)
    assert since == datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC)


def test_a_stale_target_keeps_four_fifths_of_its_score_and_says_why() -> None:
    fresh = score_pair(STARTUP, replace(INCUBATOR, updated_at=_updated(10)), 0.6, WEIGHTS, TODAY)
    old = replace(INCUBATOR, updated_at=_updated(400))
    stale = score_pair(STARTUP, old, 0.6, WEIGHTS, TODAY)
    assert fresh.score is not None
    assert stale.score is not None
    assert "stale_profile" not in fresh.components
    penalty = stale.components["stale_profile"]
    assert stale.score == pytest.approx(fresh.score * (1 - STALE_PENALTY), abs=2e-4)
    assert penalty.contribution == pytest.approx(-(fresh.score * STALE_PENALTY), abs=2e-4)
    # The contributions still add up to the score.
    total = sum(c.contribution for c in stale.components.values())
    assert total == pytest.approx(stale.score, abs=1e-3)
    assert penalty.note == "not updated for over 365 days: incubator"
    assert [h.code for h in stale.hints][-1] == "hint_stale"
    parts = reason_parts(stale, "Old incubator")
    assert parts[-1].code == "reason_stale"
    cost = f"{penalty.contribution * -1:.2f}"
    assert sentence(parts).endswith(f"; {cost} because the incubator profile is out of date.")
    # The ranking key is the same arithmetic.
    assert rank_key(STARTUP, old, 0.6, WEIGHTS, None, TODAY) == (stale.score, stale.raw_score)


def test_both_sides_stale_cost_once_and_name_both() -> None:
    s = replace(STARTUP, updated_at=_updated(800))
    t = replace(INCUBATOR, updated_at=_updated(800))
    pair = score_pair(s, t, 0.6, WEIGHTS, TODAY)
    assert [n for n in pair.components if n == "stale_profile"] == ["stale_profile"]
    message = pair.components["stale_profile"].message
    assert message is not None
    assert message.params["kinds"] == ["startup", "incubator"]
    zh = translations("zh").gettext
    assert render(message, "zh", zh) == "超过 365 天未更新：初创企业、孵化器"


def test_the_threshold_is_the_weights_setting() -> None:
    t = replace(INCUBATOR, updated_at=_updated(40))
    assert "stale_profile" not in score_pair(STARTUP, t, 0.6, WEIGHTS, TODAY).components
    short = Weights(stale_after_days=30)
    assert "stale_profile" in score_pair(STARTUP, t, 0.6, short, TODAY).components


def test_a_strong_stale_match_still_beats_a_weak_fresh_one() -> None:
    weak = replace(INCUBATOR, domains=frozenset({"agritech"}), updated_at=_updated(1))
    strong = replace(INCUBATOR, updated_at=_updated(900))
    weak_score = score_pair(STARTUP, weak, 0.1, WEIGHTS, TODAY).score
    strong_score = score_pair(STARTUP, strong, 0.9, WEIGHTS, TODAY).score
    assert weak_score is not None
    assert strong_score is not None
    assert strong_score > weak_score


def test_today_decides_not_the_moment_the_facts_were_read() -> None:
    t = replace(INCUBATOR, updated_at=_updated(300))
    later = TODAY + timedelta(days=100)
    assert "stale_profile" not in score_pair(STARTUP, t, 0.6, WEIGHTS, TODAY).components
    assert "stale_profile" in score_pair(STARTUP, t, 0.6, WEIGHTS, later).components
