"""The re-ranking arithmetic on hand-made candidates and unit vectors (no model, no database):
the order each step gives, checked by hand."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from matchmaker.errors import InvalidInput
from matchmaker.matching.organisations import host, organisation
from matchmaker.matching.rerank import (
    Candidate,
    RerankOptions,
    RerankRequest,
    check_share,
    region_group,
    rerank,
)


def _order(
    candidates: list[Candidate], k: int, options: RerankOptions, vectors: np.ndarray | None = None
) -> list[int]:
    return [i for i, _ in rerank(candidates, k, options, vectors).order]


def test_no_option_is_the_plain_order() -> None:
    candidates = [Candidate(0.9 - i / 100, "beijing") for i in range(5)]
    out = rerank(candidates, 3, RerankOptions())
    assert out.order == [(0, None), (1, None), (2, None)]
    assert out.notes == []


def test_one_per_org_keeps_the_best_of_each_and_everyone_without_one() -> None:
    orgs = ["a", "a", None, "b", None, "a", "b"]
    candidates = [Candidate(0.9 - i / 100, "beijing", org) for i, org in enumerate(orgs)]
    out = rerank(candidates, 10, RerankOptions(one_per_org=True))
    assert [i for i, _ in out.order] == [0, 2, 3, 4]
    # 2 moved from rank 3 to 2, 3 from 4 to 3, 4 from 5 to 4: each says so.
    assert [m.code if m else None for _, m in out.order] == [None] + ["rerank_org"] * 3
    assert out.order[1][1] is not None
    assert out.order[1][1].params == {"rank": 3}


def test_mmr_trades_score_for_difference_as_lambda_says() -> None:
    # 0 and 1 are the same vector; 2 is orthogonal to both, and scored a little lower.
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    candidates = [Candidate(0.9, "beijing"), Candidate(0.89, "beijing"), Candidate(0.8, "beijing")]
    plain = RerankOptions(mmr=True, mmr_lambda=1.0)
    assert _order(candidates, 3, plain, vectors=vectors) == [0, 1, 2]
    # λ = 0.7: 1 gains 0.7·0.89 − 0.3·1 = 0.323, 2 gains 0.7·0.8 − 0.3·0 = 0.56.
    out = rerank(candidates, 3, RerankOptions(mmr=True, mmr_lambda=0.7), vectors)
    assert [i for i, _ in out.order] == [0, 2, 1]
    why = out.order[1][1]
    assert why is not None
    assert (why.code, why.params) == ("rerank_diversity", {"rank": 3})
    assert out.order[2][1] is None  # moved down, not up: nothing to explain


@pytest.mark.parametrize("share", [0.1, 0.2, 0.25, 0.5])
def test_each_prefix_holds_the_minimum_share_while_the_group_lasts(share: float) -> None:
    groups = ["beijing"] * 12 + ["hebei"] * 3
    candidates = [Candidate(1 - i / 100, g) for i, g in enumerate(groups)]
    options = RerankOptions(fair_regions=("hebei",), fair_share=share)
    order = _order(candidates, 10, options)
    assert len(order) == 10
    for i in range(1, 11):
        have = sum(groups[j] == "hebei" for j in order[:i])
        assert have >= min(3, math.floor(share * i + 1e-9)), (share, i)
    beijing = [j for j in order if groups[j] == "beijing"]
    assert beijing == sorted(beijing)  # the others keep their plain order


@pytest.mark.parametrize("share", [0.1, 0.2, 0.3])
def test_groups_whose_minimums_step_up_together_all_get_their_place(share: float) -> None:
    # Tianjin and Hebei each need one place by length 10 at share 0.1 (two at once): placing
    # one per step would leave Hebei short; looking ahead places Tianjin at 9 and Hebei at 10.
    groups = ["beijing"] * 12 + ["tianjin"] * 4 + ["hebei"] * 4
    candidates = [Candidate(1 - i / 100, g) for i, g in enumerate(groups)]
    options = RerankOptions(fair_regions=("tianjin", "hebei"), fair_share=share)
    out = rerank(candidates, 10, options)
    order = [i for i, _ in out.order]
    for i in range(1, 11):
        for group in ("tianjin", "hebei"):
            have = sum(groups[j] == group for j in order[:i])
            assert have >= math.floor(share * i + 1e-9), (share, i, group)
    assert out.notes == []
    if share == 0.1:
        assert [groups[j] for j in order[8:]] == ["tianjin", "hebei"]


def test_a_short_group_is_reported_with_what_it_got() -> None:
    candidates = [Candidate(1 - i / 100, g) for i, g in enumerate(["beijing"] * 8 + ["tianjin"])]
    out = rerank(candidates, 5, RerankOptions(fair_regions=("tianjin", "hebei"), fair_share=0.4))
    assert [candidates[i].group for i, _ in out.order].count("tianjin") == 1
    assert [(n.code, dict(n.params)) for n in out.notes] == [
        ("rerank_region_short", {"region": "tianjin", "wanted": 2, "found": 1}),
        ("rerank_region_short", {"region": "hebei", "wanted": 2, "found": 0}),
    ]


def test_region_groups() -> None:
    assert [region_group(r) for r in ("beijing", "tianjin", "hebei", "china_other", "abroad")] == [
        "beijing",
        "tianjin",
        "hebei",
        "elsewhere",
        "elsewhere",
    ]


def test_the_request_overrides_the_defaults_and_impossible_shares_are_refused() -> None:
    defaults = RerankOptions(mmr=True, fair_regions=("tianjin",), fair_share=0.2)
    assert RerankRequest().over(defaults) == defaults
    off = RerankRequest(diversity="none", fair_share=0).over(defaults)
    assert not off.active
    twice = RerankRequest(fair_regions=("hebei", "hebei", "tianjin"), fair_share=0.5)
    assert twice.over(defaults).fair_regions == ("hebei", "tianjin")  # a group named twice
    assert check_share(("beijing", "tianjin", "hebei", "elsewhere"), 0.25) is None
    assert check_share(("tianjin", "hebei", "elsewhere"), 0.34) is not None
    with pytest.raises(InvalidInput) as caught:
        RerankRequest(fair_regions=("tianjin", "hebei", "elsewhere"), fair_share=0.4).over(defaults)
    assert caught.value.detail[0]["field"] == "fair_share"


def test_what_an_organisation_is_per_kind() -> None:
    assert host("https://www.WeldCo.cn/lab") == host("weldco.cn") == "weldco.cn"
    assert host("  ") is None
    row = SimpleNamespace(website="http://www.weldco.cn", owner_account_id=7)
    assert organisation("startup", row) == "host:weldco.cn"
    assert organisation("partner", SimpleNamespace(website=None, owner_account_id=7)) == (
        "account:7"
    )
    assert organisation("incubator", SimpleNamespace(website="", owner_account_id=None)) is None
    published = SimpleNamespace(publisher_partner_id=3, publisher_name="Binhai Port")
    assert organisation("scenario", published) == "partner:3"
    by_name = [
        SimpleNamespace(publisher_partner_id=None, publisher_name=n)
        for n in ("Binhai Port Co.", "  binhai  port co. ")
    ]
    assert {organisation("scenario", r) for r in by_name} == {"publisher:binhai port co."}
