"""Allocation runs: gather a camp's inputs, allocate, store inputs and result, read results.

A run stores everything the pure allocation needs (applicants' facts and rankings, hosts'
places, eligibility and rankings, quotas, locks, camp priority and every pair's score), so
:func:`replay` reproduces it exactly without the database or the model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from matchmaker.access.principal import Principal
from matchmaker.camps import applicants, cities, service, wording
from matchmaker.camps.allocation import Allocation, allocate
from matchmaker.camps.explain import Explanation, explain
from matchmaker.camps.market import AllocationInputError, Applicant, Host, Quota
from matchmaker.camps.models import Camp, CampAllocationRun, CampApplication, CampAssignment
from matchmaker.camps.schemas import (
    AllocationRead,
    AssignmentRead,
    ExplanationDetail,
    QuotaOutcomeRead,
    UnplacedRead,
)
from matchmaker.camps.scoring import pair_scores
from matchmaker.errors import InvalidInput, NotFound
from matchmaker.matching.service import Matcher
from matchmaker.startups.models import Startup

ALGORITHM = "camp-da-1"


def _quota(raw: dict[str, Any], camp: Camp) -> Quota:
    host = raw.get("host")
    host_id = None
    if host:
        host_id = next(
            h.id
            for h in camp.hosts
            if (host.get("incubator_id") and h.incubator_id == host["incubator_id"])
            or (host.get("partner_id") and h.partner_id == host["partner_id"])
        )
    values = raw.get("values") or ()
    if raw["attribute"] == "city":  # compared with the applicants' city keys (_keyed)
        values = [cities.city_key(v) for v in values]
    return Quota(
        name=raw["name"],
        attribute=raw["attribute"],
        values=frozenset(values),
        per_value=bool(raw.get("per_value")),
        at_least=raw.get("at_least"),
        at_least_share=raw.get("at_least_share"),
        at_most=raw.get("at_most"),
        host_id=host_id,
    )


def _keyed(applicant: Applicant) -> Applicant:
    """``applicant`` with its city as the key quotas compare (北京 and Beijing are one)."""
    city = cities.city_key(applicant.attributes.get("city") or "")
    return replace(applicant, attributes={**applicant.attributes, "city": city})


def gather(session: Session, camp: Camp, matcher: Matcher | None) -> dict[str, Any]:
    """The inputs of a run, as JSON-ready data."""
    apps = list(
        session.scalars(
            select(CampApplication)
            .where(CampApplication.camp_id == camp.id)
            .order_by(CampApplication.startup_id)
        )
    )
    startups = {
        s.id: s
        for s in session.scalars(
            select(Startup).where(Startup.id.in_([a.startup_id for a in apps]))
        )
    }
    hosts = service.host_rows(session, camp)
    ranks = service.rankings(session, camp)
    scores, source = pair_scores(
        session,
        matcher,
        [startups[a.startup_id] for a in apps],
        [(h.id, h.profile[0], hosts[h.id]) for h in camp.hosts],
    )
    applicants = [_keyed(service.applicant_of(a, startups[a.startup_id])) for a in apps]
    locked = session.scalars(
        select(CampAssignment).where(CampAssignment.camp_id == camp.id, CampAssignment.locked)
    )
    return {
        "algorithm": ALGORITHM,
        "score_source": source,
        "eligibility": camp.eligibility,
        "applicants": [
            {
                "id": a.id,
                "domains": sorted(a.domains),
                "stage": a.stage,
                "trl": a.trl,
                "attributes": dict(a.attributes),
                "ranking": list(a.ranking),
                "accept_unranked": a.accept_unranked,
            }
            for a in applicants
        ],
        "hosts": [
            {
                "id": h.id,
                "places": h.places,
                "eligibility": h.eligibility,
                "ranking": ranks[h.id],
                "accept_unranked": h.accept_unranked,
                "name": hosts[h.id].name,
            }
            for h in camp.hosts
        ],
        "quotas": [
            {**q.__dict__, "values": sorted(q.values)}
            for q in (_quota(raw, camp) for raw in camp.quotas)
        ],
        "locked": {str(row.startup_id): row.camp_host_id for row in locked},
        "scores": [[s, h, v] for (s, h), v in sorted(scores.items())],
    }


def replay(inputs: dict[str, Any], camp_priority: Sequence[int] | None = None) -> Allocation:
    """Run the pure allocation on stored inputs (no database, no model)."""
    table = {(s, h): v for s, h, v in inputs["scores"]}
    return allocate(
        [
            Applicant(
                id=a["id"],
                domains=frozenset(a["domains"]),
                stage=a["stage"],
                trl=a["trl"],
                attributes=a["attributes"],
                ranking=tuple(a["ranking"]),
                accept_unranked=a["accept_unranked"],
            )
            for a in inputs["applicants"]
        ],
        [
            Host(
                id=h["id"],
                places=h["places"],
                eligibility=service.eligibility_of(h["eligibility"]),
                ranking=tuple(h["ranking"]),
                accept_unranked=h["accept_unranked"],
            )
            for h in inputs["hosts"]
        ],
        lambda s, h: table[(s, h)],
        eligibility=service.eligibility_of(inputs["eligibility"]),
        quotas=[Quota(**{**q, "values": frozenset(q["values"])}) for q in inputs["quotas"]],
        locked={int(s): h for s, h in inputs["locked"].items()},
        camp_priority=camp_priority if camp_priority is not None else inputs.get("camp_priority"),
    )


def _detail(note: Explanation) -> dict[str, Any]:
    return ExplanationDetail.model_validate(note).model_dump(mode="json")


def run(
    session: Session,
    principal: Principal | None,
    camp: Camp,
    matcher: Matcher | None,
    camp_priority: Sequence[int] | None = None,
    *,
    max_applications: int,
) -> CampAllocationRun:
    """Allocate the camp's places, store the run and replace the unlocked assignments."""
    service.check_manage_camp(principal, camp)
    count = applicants.count_applications(session, camp)
    if count > max_applications:
        # A camp that took more before the limit (or before it was lowered): refused before
        # any pair is scored, since that is the work the limit bounds.
        raise InvalidInput(
            "camp",
            f"camp {camp.id} has {count} applications, more than a run takes "
            f"(MATCHMAKER_CAMP_MAX_APPLICATIONS={max_applications})",
        )
    inputs = gather(session, camp, matcher)
    inputs["camp_priority"] = list(camp_priority) if camp_priority is not None else None
    try:
        alloc = replay(inputs)
    except AllocationInputError as exc:  # e.g. two floors over the same startups
        raise InvalidInput("camp", str(exc)) from exc
    names = {h["id"]: h["name"] for h in inputs["hosts"]}
    notes = explain(alloc, names)
    result = {
        "assignments": {str(s): h for s, h in sorted(alloc.assignments.items())},
        "unplaced": list(alloc.unplaced),
        "explanations": {
            str(s): {"sentence": n.sentence, "detail": _detail(n)} for s, n in notes.items()
        },
        "quota_report": [row.__dict__ for row in alloc.quota_report],
        "preferences": alloc.preferences(),
        "camp_priority": list(alloc.camp_priority),
        "deferred_acceptance_runs": alloc.runs,
    }
    record = CampAllocationRun(
        camp_id=camp.id,
        actor_account_id=principal.account_id if principal else None,
        algorithm=ALGORITHM,
        score_source=inputs["score_source"],
        inputs=inputs,
        result=result,
    )
    session.add(record)
    session.flush()
    session.execute(
        delete(CampAssignment).where(
            CampAssignment.camp_id == camp.id, CampAssignment.locked.is_(False)
        )
    )
    session.flush()
    session.add_all(
        CampAssignment(
            camp_id=camp.id,
            startup_id=s,
            camp_host_id=h,
            locked=False,
            source="allocation",
            run_id=record.id,
        )
        for s, h in alloc.assignments.items()
        if s not in alloc.locked
    )
    session.flush()
    return record


def latest(session: Session, camp: Camp) -> CampAllocationRun:
    record = session.scalar(
        select(CampAllocationRun)
        .where(CampAllocationRun.camp_id == camp.id)
        .order_by(CampAllocationRun.id.desc())
        .limit(1)
    )
    if record is None:
        raise NotFound(f"camp {camp.id} has not been allocated yet")
    return record


def visible(
    session: Session, principal: Principal | None, camp: Camp
) -> tuple[set[int], set[int]] | None:
    """(startup ids, camp host ids) the caller may see results of; None means everything."""
    if service.manages_camp(principal, camp):
        return None
    startups = {
        s
        for s in service.applicant_ids(session, camp)
        if service.manages_startup(session, principal, s)
    }
    hosts = {h.id for h in camp.hosts if service.manages_host(session, principal, camp, h)}
    return startups, hosts


def _sentence(note: dict[str, Any], host_id: int | None, names: dict[int, str], lang: str) -> str:
    if lang == "en":
        return str(note["sentence"])  # as the run stored it
    detail = ExplanationDetail.model_validate(note["detail"])
    return wording.sentence(detail, host_id, names, lang)


def read(
    session: Session,
    principal: Principal | None,
    camp: Camp,
    record: CampAllocationRun,
    lang: str = "en",
) -> AllocationRead:
    """The camp's current assignments with the run's explanations, as the caller may see them,
    in ``lang``."""
    scope = visible(session, principal, camp)
    hosts = {h.id: h for h in camp.hosts}
    names = {h["id"]: h["name"] for h in record.inputs["hosts"]}
    notes = record.result["explanations"]
    rows = list(session.scalars(select(CampAssignment).where(CampAssignment.camp_id == camp.id)))
    ids = {a["id"] for a in record.inputs["applicants"]} | {r.startup_id for r in rows}
    startup_names = {
        row.id: row.name
        for row in session.execute(select(Startup.id, Startup.name).where(Startup.id.in_(ids)))
    }

    def shown(startup_id: int, host_id: int | None) -> bool:
        return (
            scope is None or startup_id in scope[0] or (host_id is not None and host_id in scope[1])
        )

    assignments = []
    placed = set()
    for row in sorted(rows, key=lambda r: r.startup_id):
        placed.add(row.startup_id)
        if not shown(row.startup_id, row.camp_host_id):
            continue
        host = hosts[row.camp_host_id]
        same = record.result["assignments"].get(str(row.startup_id)) == row.camp_host_id
        note = notes.get(str(row.startup_id)) if same and row.source == "allocation" else None
        assignments.append(
            AssignmentRead(
                startup_id=row.startup_id,
                startup_name=startup_names.get(row.startup_id, ""),
                host_id=host.id,
                host_name=names.get(host.id, ""),
                incubator_id=host.incubator_id,
                partner_id=host.partner_id,
                locked=row.locked,
                source=row.source,
                explanation=(
                    _sentence(note, host.id, names, lang) if note else wording.moved(lang)
                ),
                explanation_detail=note["detail"] if note else None,
            )
        )
    unplaced = [
        UnplacedRead(
            startup_id=s,
            startup_name=startup_names.get(s, ""),
            explanation=_sentence(notes[str(s)], None, names, lang),
            explanation_detail=notes[str(s)]["detail"],
        )
        for s in record.result["unplaced"]
        if s not in placed and str(s) in notes and shown(s, None)
    ]
    return AllocationRead(
        run_id=record.id,
        camp_id=camp.id,
        created_at=record.created_at,
        algorithm=record.algorithm,
        score_source=record.score_source,
        assignments=assignments,
        unplaced=unplaced,
        quota_report=[
            QuotaOutcomeRead.model_validate(
                {**q, "reason": wording.quota_reason(q["reason"], lang)}
            )
            for q in record.result["quota_report"]
        ],
    )
