"""Name similarity survives another spelling, legal form, case, width and a place prefix."""

from __future__ import annotations

import pytest

from matchmaker.duplicates.detect import host
from matchmaker.duplicates.names import normalise, similarity


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Qiangu Quantum Sensing", "QianGu Quantum-Sensing Co., Ltd."),
        ("天枢人形机器人", "北京天枢人形机器人科技有限公司"),
        ("Feldkamp Sensorik GmbH", "FELDKAMP SENSORIK"),
        ("Tembusu Agritech Pte. Ltd.", "Tembusu Agritech"),
        ("Ｑiangu Ｑuantum", "qiangu quantum"),  # full-width letters
        ("芯模微系统（北京）有限公司", "芯模微系统"),
    ],
)
def test_one_organisation_under_another_spelling_has_the_same_name(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)
    assert similarity(a, b) == 1.0


def test_a_changed_letter_keeps_most_bigrams_and_another_name_keeps_none() -> None:
    assert similarity("Hanlu Semiconductor", "Hanlu Semiconductors") >= 0.8
    assert similarity("天枢人形机器人", "天枢人型机器人") >= 0.5  # 形 mistyped 型
    assert similarity("Qiangu Quantum Sensing", "Luyang Quantum Networks") < 0.5
    assert similarity("天枢人形机器人", "精卫足式机器人") < 0.5


def test_a_name_that_is_only_a_legal_form_is_kept_rather_than_emptied() -> None:
    assert normalise("Co., Ltd.") != ""
    assert similarity("", "Anything") == 0.0


def test_websites_compare_by_host() -> None:
    assert host("https://www.Qiangu-Quantum.example.cn/") == "qiangu-quantum.example.cn"
    assert host("qiangu-quantum.example.cn/about") == "qiangu-quantum.example.cn"
    assert host(None) == ""
