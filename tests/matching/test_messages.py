"""Every explanation code renders in both languages from sample parameters: English exactly
as its template says, Chinese with no English sentence left (the feedback lines included)."""

from __future__ import annotations

import re
import string
from typing import Any

import pytest

from matchmaker.matching.history import HistoryFit
from matchmaker.matching.messages import TEMPLATES, Message, Param, render, sentence
from matchmaker.web.i18n import gettext

LATIN_RUN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")
SAMPLES: dict[str, Any] = {
    "domains": ["robotics", "new_energy"],
    "covered": ["pilot_line"],
    "missing": ["funding", "market_access"],
    "stages": ["prototype", "pilot"],
    "places": ["beijing", "Tianjin"],
    "kinds": ["partners", "scenarios"],
    "kind": "incubator",
    "stage": "early_revenue",
    "region": "tianjin",
    "other_region": "hebei",
    "title": "滨海孵化器",
    "incubator": "滨海孵化器",
    "partner": "中关村基金",
    "scenario": "港口试点",
    "city": "天津",
    "other_city": "深圳",
    "country": "DE",
    "other_country": "SG",
    "text": "自由文本",
    "words": ["perovskite", "tandem"],
}


def _sample(code: str) -> Message:
    fields = {f for _, f, _, _ in string.Formatter().parse(TEMPLATES[code]) if f}
    return Message(code, {f: SAMPLES.get(f, 3) for f in fields})


def _zh(message: str) -> str:
    return gettext("zh", message)


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_code_renders_in_chinese_without_an_english_sentence(code: str) -> None:
    message = _sample(code)
    chinese = render(message, "zh", _zh)
    if code != "note":  # a hand-made note is shown as given
        assert chinese != message.english
    assert not LATIN_RUN.search(chinese), chinese
    assert "_" not in chinese  # vocabulary values show by their labels


# Vocabulary values with an underscore, wherever a template shows one.
CODED: dict[str, Param] = {
    "stage": "early_revenue",
    "stages": ["pilot", "early_revenue"],
    "region": "china_other",
    "other_region": "hebei",
    "places": ["china_other", "Zhangjiakou"],
}


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_code_shows_vocabulary_values_by_their_words_in_english(code: str) -> None:
    message = _sample(code)
    coded = Message(code, {f: CODED.get(f, v) for f, v in message.params.items()})
    assert "_" not in render(coded), render(coded)


def test_a_note_on_stages_and_regions_reads_as_words_not_codes() -> None:
    stage = Message("stage_outside", {"stages": ["pilot", "early_revenue"], "stage": "prototype"})
    assert render(stage) == "accepts pilot, early revenue; the startup is at prototype"
    assert render(stage, "zh", _zh) == "接收中试、初步营收阶段；该初创企业处于样机阶段"
    region = Message("region_different", {"region": "china_other", "other_region": "hebei"})
    assert render(region) == "different regions of China (Elsewhere in China, Hebei)"
    assert render(region, "zh", _zh) == "中国的不同地区（国内其他地区、河北）"


def test_a_country_reads_as_its_name_in_the_readers_language() -> None:
    abroad = Message("region_abroad", {"country": "US"})
    assert render(abroad) == "based abroad (United States); the startup is not going abroad"
    assert render(abroad, "zh", _zh) == "位于海外（美国）；该初创企业没有出海计划"
    both = Message("region_different_countries", {"country": "DE", "other_country": "XK"})
    assert render(both) == "different countries (Germany, Kosovo)"
    assert render(both, "zh", _zh) == "不同国家（德国、科索沃）"


def test_the_past_decisions_line_reads_in_both_languages() -> None:
    line = Message(
        "history_declined",
        {
            "kind": "incubator",
            "like_accepted": 1,
            "like_declined": 2,
            "accepted": 4,
            "declined": 3,
            "fit": 0.62,
        },
    )
    assert line.english == (
        "this incubator accepted 1 startup like this one; declined 2 startups like it "
        "(of 4 accepted, 3 declined; fit 0.62)"
    )
    assert render(line, "zh", _zh) == (
        "该孵化器接受过与本企业相似的1 家初创企业；拒绝过相似的2 家初创企业"
        "（共接受 4 家、拒绝 3 家；契合度 0.62）"
    )


def test_a_reason_is_one_sentence_in_each_language() -> None:
    parts = [
        Message("reason_good", {"score": 0.61, "title": "Lab"}),
        Message("domain_shared", {"domains": ["ai", "robotics"]}),
        Message("reason_no_shared_domain", {"cost": 0.05}),
    ]
    assert (
        sentence(parts)
        == "Good fit (0.61) with Lab: shares ai and robotics; 0.05 for no shared domain."
    )
    assert sentence(parts, "zh", _zh) == (
        "与Lab较为契合（0.61）：同属人工智能、机器人领域；没有共同领域，扣 0.05。"
    )


def test_a_city_named_like_a_region_reads_in_chinese_on_chinese_pages() -> None:
    # Demo profiles written in English store "Beijing"; the Chinese reason said "（Beijing）".
    same = Message("region_same_city", {"city": "Beijing"})
    assert render(same) == "same region (Beijing)"
    assert render(same, "zh", _zh) == "同一地区（北京）"
    other = Message("region_other_cities", {"city": "tianjin", "other_city": "Shenzhen"})
    assert render(other, "zh", _zh) == "都在中国，但城市不同（天津、Shenzhen）"


def test_words_shared_with_unlike_accepted_startups_are_not_said_to_be_alike() -> None:
    # Without shared words the line is as before; with them, they are all that is shared.
    alone = HistoryFit(value=0.26, accepted=2, declined=1, like_accepted=0, like_declined=0)
    assert alone.note("incubator").english == (
        "this incubator accepted no startup like this one (of 2 accepted, 1 declined; fit 0.26)"
    )
    words = HistoryFit(0.26, 2, 1, 0, 1, shared=("q100", "aec")).note("incubator")
    assert words.english == (
        "this incubator accepted no startup like this one and declined 1 startup like it; "
        "those it accepted share only 'q100', 'aec' with it (of 2 accepted, 1 declined; fit 0.26)"
    )
    assert render(words, "zh", _zh) == (
        "该孵化器没有接受过与本企业相似的初创企业，拒绝过相似的1 家初创企业；"
        "其接受的企业与本企业仅共有词语 “q100”、“aec”（共接受 2 家、拒绝 1 家；契合度 0.26）"
    )
