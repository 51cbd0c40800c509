"""One record in, one profile created, updated or left alone; or the reasons it was not."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from matchmaker.access import policy
from matchmaker.access.principal import Principal
from matchmaker.errors import DomainError, validation_fields
from matchmaker.imports.mapping import ColumnMapping, RowInvalid, apply
from matchmaker.imports.models import ExternalRef
from matchmaker.imports.readers import Record
from matchmaker.profiles import service as profiles
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.profiles.schemas import TEXT_INPUT

log = logging.getLogger(__name__)

Outcome = Literal["created", "updated", "unchanged"]


class SessionPoisoned(Exception):
    """The database refused a write; the transaction is dead and the chunk must be redone."""


@dataclass(frozen=True)
class Target:
    """What every row of one job shares."""

    kind: ProfileKind
    mapping: ColumnMapping
    source: str
    owner: int  # ExternalRef namespace: the account id, or 0 for the operator
    principal: Principal | None  # None: the operator, who may do anything


@dataclass(frozen=True)
class Valid:
    """A record's mapped fields and its id in the source. ``model`` is the create body; it
    is None when the fields do not make a whole profile (``missing`` says why), and such a
    row can still update the profile its id links to."""

    data: dict[str, Any]
    model: BaseModel | None
    missing: list[tuple[str, str]]
    external_id: str

    @property
    def mapped(self) -> set[str]:
        return set(self.data)


@dataclass(frozen=True)
class Prepared:
    """One record, validated once for both the encoding ahead and the write."""

    row: int
    valid: Valid | None
    errors: list[tuple[str, str]]


def prepare(target: Target, record: Record) -> Prepared:
    if record.data is None:
        return Prepared(record.row, None, [("row", record.error or "unreadable")])
    try:
        return Prepared(record.row, validated(target, record.data), [])
    except RowInvalid as exc:
        return Prepared(record.row, None, list(exc.errors))
    except Exception as exc:  # noqa: BLE001 - a row that breaks the mapper is that row's error
        log.exception("import row %s could not be mapped", record.row)
        reason = f"could not be read: unexpected {type(exc).__name__}: {exc}"
        return Prepared(record.row, None, [("row", reason[:1000])])


def validated(target: Target, record: dict[str, Any]) -> Valid:
    """The record's fields, as a create body when they make a whole profile; RowInvalid
    when the record has no usable id."""
    data, external_id = apply(target.mapping, record)
    try:
        # Cells of a CSV file are text: whole numbers may come as digits.
        model = target.kind.create.model_validate(data, context={TEXT_INPUT: True})
    except ValidationError as exc:
        return Valid(data, None, _fields(exc), external_id)
    return Valid(data, model, [], external_id)


def changes_of(kind: ProfileKind, obj: Any, row: Valid) -> dict[str, Any]:
    """What ``row`` changes in ``obj``. A whole row gives its mapped fields as validated. A
    partial one (a file carrying some columns) gives them as read, and a nested object it
    gives in part (``location.city``) keeps the parts it does not give."""
    if row.model is not None:
        return dict(row.model.model_dump(include=row.mapped))
    current = kind.create.model_validate(obj).model_dump()
    return {
        k: {**current[k], **v} if isinstance(v, dict) and isinstance(current.get(k), dict) else v
        for k, v in row.data.items()
    }


def _fields(exc: ValidationError) -> list[tuple[str, str]]:
    return [(f["field"], f["reason"]) for f in validation_fields(exc.errors())]


def refs_of(session: Session, target: Target, external_ids: list[str]) -> dict[str, ExternalRef]:
    """The links of these source ids to profiles, in one query, their profiles loaded too
    (``session.get`` then finds them without asking the database)."""
    refs = {
        ref.external_id: ref
        for ref in session.scalars(
            select(ExternalRef).where(
                ExternalRef.kind == target.kind.name,
                ExternalRef.owner == target.owner,
                ExternalRef.source == target.source,
                ExternalRef.external_id.in_(external_ids),
            )
        )
    }
    if refs:
        model = target.kind.model
        session.scalars(
            select(model).where(model.id.in_([r.profile_id for r in refs.values()]))
        ).all()
    return refs


def import_row(
    session: Session, target: Target, row: Valid, refs: dict[str, ExternalRef]
) -> Outcome:
    """Create or update the profile of one record; RowInvalid says why not. ``refs`` holds
    the chunk's links (``refs_of``) and gets the ones this row makes."""
    kind = target.kind
    ref = refs.get(row.external_id)
    existing = session.get(kind.model, ref.profile_id) if ref is not None else None
    try:
        if existing is not None:
            return _update(session, target, existing, row)
        if row.model is None:
            raise RowInvalid(row.missing)  # not a whole profile, and nothing to update
        if target.principal is not None:
            policy.check_create(session, target.principal, kind.name, row.model)
        owner = policy.owner_for_new(target.principal) if target.principal else None
        obj = profiles.create(session, kind, row.model, owner_account_id=owner)
    except DomainError as exc:
        _reraise_if_poisoned(exc)
        raise RowInvalid(_errors_of(exc, kind)) from exc
    except (SQLAlchemyError, StaleDataError) as exc:
        raise SessionPoisoned(str(exc)) from exc
    if ref is None:
        ref = ExternalRef(
            kind=kind.name,
            owner=target.owner,
            source=target.source,
            external_id=row.external_id,
            profile_id=obj.id,
        )
        session.add(ref)
        refs[row.external_id] = ref
    else:
        ref.profile_id = obj.id  # the profile it named was deleted since
    return "created"


def _update(session: Session, target: Target, obj: Any, row: Valid) -> Outcome:
    kind = target.kind
    # Only mapped fields change: what the file does not carry keeps its current value.
    try:
        patch = kind.update.model_validate(changes_of(kind, obj, row), context={TEXT_INPUT: True})
    except ValidationError as exc:
        raise RowInvalid(_fields(exc)) from exc
    if target.principal is not None:
        policy.check_update(session, target.principal, kind.name, obj, patch)
    before = obj.version
    profiles.update(session, kind, obj, patch, None)
    return "unchanged" if obj.version == before else "updated"


def _reraise_if_poisoned(exc: DomainError) -> None:
    if isinstance(exc.__cause__, SQLAlchemyError | StaleDataError):
        raise SessionPoisoned(exc.message) from exc


def _errors_of(exc: DomainError, kind: ProfileKind) -> list[tuple[str, str]]:
    detail = exc.detail
    if isinstance(detail, list) and detail and all(isinstance(d, dict) for d in detail):
        return [(str(d.get("field", "row")), str(d.get("reason", exc.message))) for d in detail]
    if exc.code == "duplicate":
        return [("+".join(kind.dedupe_attrs), exc.message)]
    return [("row", exc.message)]
