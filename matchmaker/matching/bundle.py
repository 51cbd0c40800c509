"""A bundle: one incubator, one partner and one scenario that fit the startup and each other."""

from __future__ import annotations

from itertools import product
from statistics import fmean
from typing import Any

from sqlalchemy.orm import Session

from matchmaker.matching.facts import Facts, facts_of
from matchmaker.matching.messages import Message, Param
from matchmaker.matching.rerank import RerankRequest
from matchmaker.matching.schemas import BundleRead, BundleResponse
from matchmaker.matching.scoring import RANKING_VERSION, is_international
from matchmaker.matching.service import STARTUP, Matcher, MatchFilters, Scored, ref, to_read
from matchmaker.matching.wording import explanation
from matchmaker.vocab import BTH_REGIONS

TARGETS = ("incubator", "partner", "scenario")
PER_KIND = 5  # best candidates of each kind considered: 125 triples at most
FIT_WEIGHT, COHERENCE_WEIGHT = 0.75, 0.25


def _region_compat(a: Facts, b: Facts) -> float:
    if a.region == b.region and (a.region != "abroad" or a.country == b.country):
        return 1.0
    if a.region in BTH_REGIONS and b.region in BTH_REGIONS:
        return 0.9
    if is_international(a) or is_international(b):
        return 0.8
    return 0.5


def _coherence(startup: Facts, trio: tuple[Facts, Facts, Facts]) -> tuple[float, list[str]]:
    i, p, s = trio
    shared = sorted(startup.domains & i.domains & p.domains & s.domains)
    if shared:
        domain = 1.0
    else:
        pairs = [(i, p), (i, s), (p, s)]
        domain = 0.5 * sum(bool(a.domains & b.domains) for a, b in pairs) / 3
    region = fmean([_region_compat(i, s), _region_compat(p, s), _region_compat(i, p)])
    return fmean([domain, region]), shared


def bundle(
    matcher: Matcher, session: Session, startup: Any, rerank: RerankRequest | None = None
) -> BundleResponse:
    """The best-scoring trio; its score blends the three fits with how well they cohere.
    ``rerank`` chooses the candidates of each kind considered (diversity, regional balance)."""
    filters = MatchFilters(limit=PER_KIND, rerank=rerank or RerankRequest())
    pools: list[list[Scored]] = []
    kinds = [matcher.kind(name) for name in TARGETS]
    for target in kinds:
        ranked = matcher.score_candidates(session, matcher.kind(STARTUP), startup, target, filters)
        pools.append([s for s in ranked.items if s.pair.score is not None][:PER_KIND])
    base = BundleResponse(
        query=ref(STARTUP, startup),
        model=matcher.model,
        ranking_version=RANKING_VERSION,
        bundle=None,
    )
    missing = [k.plural for k, pool in zip(kinds, pools, strict=True) if not pool]
    if missing:
        said = Message("bundle_missing", {"kinds": missing})
        base.message = said.english
        base.message_parts = [explanation(said)]
        return base
    me = facts_of(STARTUP, startup)
    best: tuple[float, tuple[Any, ...], list[str]] | None = None
    for trio in product(*pools):
        fit = fmean(s.pair.score or 0.0 for s in trio)
        coherence, shared = _coherence(me, (trio[0].facts, trio[1].facts, trio[2].facts))
        total = round(FIT_WEIGHT * fit + COHERENCE_WEIGHT * coherence, 4)
        key = (total, tuple(-s.facts.id for s in trio))
        if best is None or key > (best[0], tuple(-s.facts.id for s in best[1])):
            best = (total, trio, shared)
    assert best is not None
    total, trio, shared = best
    ip, inc = trio[0].pair, trio[0].facts
    pp, par = trio[1].pair, trio[1].facts
    sp, sce = trio[2].pair, trio[2].facts
    where = {inc.city or inc.region, par.city or par.region, sce.city or sce.region}
    params: dict[str, Param] = {
        "incubator": inc.title,
        "partner": par.title,
        "scenario": sce.title,
        "places": sorted(where),
        "fit": round(fmean([ip.score or 0, pp.score or 0, sp.score or 0]), 2),
    }
    if shared:
        params["domains"] = shared
    said = Message("bundle_shared" if shared else "bundle", params)
    base.bundle = BundleRead(
        score=total,
        incubator=to_read(ip, inc, trio[0].why),
        partner=to_read(pp, par, trio[1].why),
        scenario=to_read(sp, sce, trio[2].why),
        shared_domains=shared,
        reason=said.english,
        reason_parts=[explanation(said)],
    )
    return base
