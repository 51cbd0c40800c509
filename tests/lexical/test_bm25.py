"""The lexical ranking module: tokens (English and Chinese), BM25 arithmetic, rank fusion."""

from __future__ import annotations

import math

import pytest

from matchmaker.lexical import BM25, citable, reciprocal_rank_fusion, tokens


def test_chinese_runs_become_characters_and_bigrams() -> None:
    assert tokens("量子传感") == ["量", "子", "传", "感", "量子", "子传", "传感"]


def test_english_words_are_lowered_without_stop_words_or_plural_s() -> None:
    assert tokens("The Sensors of a LiDAR, for cars") == ["sensor", "lidar", "car"]


def test_mixed_text_keeps_both_scripts() -> None:
    assert tokens("AI芯片 startup") == ["ai", "芯", "片", "芯片", "startup"]


def test_numbers_single_characters_and_function_words_are_counted_but_not_cited() -> None:
    found = tokens("芯片与封装测试，16 TOPS、AEC-Q100以及公司")
    # Every token still counts in BM25 ...
    assert {"16", "与", "片与", "以及", "公司", "aec", "q100", "芯片"} <= set(found)
    # ... but only words that say something are quoted to a person.
    cited = [t for t in found if citable(t)]
    assert cited == ["芯片", "封装", "装测", "测试", "top", "aec", "q100"]


def test_a_chinese_query_finds_the_chinese_document_sharing_its_words() -> None:
    docs = ["量子传感器与精密测量孵化器", "生物医药中试平台", "quantum sensing lab"]
    index = BM25(docs)
    assert index.rank("量子传感")[0] == 0
    assert index.scores("量子传感")[1] == 0


def test_the_rarer_shared_term_weighs_more() -> None:
    docs = ["robot arm robot", "robot lidar", "robot battery", "lidar battery"]
    index = BM25(docs)
    assert index.idf("robot") < index.idf("arm")
    # "arm" is in one document, "robot" in three: the arm document wins for "arm robot".
    assert index.rank("arm robot")[0] == 0


def test_score_matches_the_okapi_formula_on_one_term() -> None:
    docs = ["solar cell", "solar solar panel film", "wind"]
    index = BM25(docs, k1=1.2, b=0.75)
    avg = (2 + 4 + 1) / 3
    idf = math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))
    expected = idf * 2 * 2.2 / (2 + 1.2 * (1 - 0.75 + 0.75 * 4 / avg))
    assert index.scores("solar")[1] == pytest.approx(expected)


def test_equal_scores_keep_document_order_and_empty_inputs_score_zero() -> None:
    index = BM25(["alpha", "beta", "gamma"])
    assert index.rank("delta") == [0, 1, 2]
    assert index.scores("").tolist() == [0.0, 0.0, 0.0]
    assert BM25([]).rank("anything") == []


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="k1"):
        BM25(["x"], b=1.5)


def test_rrf_adds_reciprocal_ranks_across_rankings() -> None:
    # a: 1/(60+1) + 1/(60+3); b: 2/(60+2); c: only in the first ranking.
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "x", "a"]])
    assert fused[:2] == ["b", "a"]
    assert set(fused) == {"a", "b", "c", "x"}


def test_rrf_weights_can_favour_one_ranking() -> None:
    assert reciprocal_rank_fusion([[1, 2], [2, 1]], weights=[2.0, 1.0]) == [1, 2]
    assert reciprocal_rank_fusion([[1, 2], [2, 1]], weights=[1.0, 2.0]) == [2, 1]


def test_rrf_ties_keep_first_seen_order() -> None:
    assert reciprocal_rank_fusion([["p", "q"], ["q", "p"]]) == ["p", "q"]


def test_rrf_refuses_mismatched_weights_and_bad_k() -> None:
    with pytest.raises(ValueError, match="one weight"):
        reciprocal_rank_fusion([[1]], weights=[1.0, 2.0])
    with pytest.raises(ValueError, match="positive"):
        reciprocal_rank_fusion([[1]], k=0)
