"""Create, read, update, delete and list for any profile kind.

Services flush, never commit: the session dependency owns the transaction. Listeners
(the matching engine) are told of every save and delete inside the same transaction.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, cast

from pydantic import BaseModel, ValidationError
from sqlalchemy import Table, delete, func, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from matchmaker.db import WROTE_MATCHES
from matchmaker.error_schemas import DuplicateDetail, ResourceRef, VersionDetail
from matchmaker.errors import (
    Conflict,
    Duplicate,
    InvalidInput,
    NotFound,
    PreconditionFailed,
    validation_fields,
)
from matchmaker.profiles.kinds import ProfileKind
from matchmaker.profiles.models import ProfileBase, ProfileFacet
from matchmaker.profiles.schemas import MAX_ID

# Facet rows are written with Core statements on the table: no ProfileFacet is ever loaded
# as an object, so the ORM's bulk paths (synchronising the session) would only cost time.
FACETS = cast(Table, ProfileFacet.__table__)


class ProfileListener(Protocol):
    def saved(self, session: Session, kind: ProfileKind, profile: ProfileBase) -> None: ...

    def deleted(self, session: Session, kind: ProfileKind, profile_id: int) -> None: ...


def _listeners(session: Session) -> Sequence[ProfileListener]:
    return session.info.get("listeners", ())  # type: ignore[no-any-return]


def get(session: Session, kind: ProfileKind, profile_id: int) -> ProfileBase:
    """Load one profile or raise 404."""
    # An id no integer column can hold names no row; asking the database would be an error.
    obj = session.get(kind.model, profile_id) if 1 <= profile_id <= MAX_ID else None
    if obj is None:
        raise NotFound(
            f"no {kind.name} with id {profile_id}", ResourceRef(kind=kind.name, id=profile_id)
        )
    return obj


def create(
    session: Session, kind: ProfileKind, data: BaseModel, owner_account_id: int | None = None
) -> ProfileBase:
    """Store a new profile; an exact duplicate gets 409 naming the existing one."""
    values = data.model_dump()
    if kind.check_refs:
        kind.check_refs(session, values)
    key = kind.dedupe_key(values)
    _refuse_duplicate(session, kind, key, None)
    obj = build(kind, values)
    obj.dedupe_key = key
    obj.owner_account_id = owner_account_id
    session.add(obj)
    _flush(session, kind, key)
    # Ids are never reused (AUTOINCREMENT on SQLite, a sequence on PostgreSQL) and remove()
    # deletes a profile's facets with it, so a new profile has none to clear.
    _write_facets(session, kind, obj, new=True)
    for listener in _listeners(session):
        listener.saved(session, kind, obj)
    return obj


def build(kind: ProfileKind, values: dict[str, Any]) -> ProfileBase:
    """The profile of a create body's ``values``, in no session (its id is still None)."""
    obj = kind.model()
    _assign(obj, values)
    return obj


def with_changes(
    kind: ProfileKind, obj: ProfileBase, changes: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A profile's create body as it is and with ``changes`` applied, validated as a whole
    (ValidationError when the result breaks a rule across fields)."""
    current = kind.create.model_validate(obj).model_dump()
    return current, kind.create.model_validate({**current, **changes}).model_dump()


def update(
    session: Session,
    kind: ProfileKind,
    obj: ProfileBase,
    patch: BaseModel,
    if_match: int | None,
) -> ProfileBase:
    """Apply a partial update; the merged profile is validated as a whole."""
    _check_version(kind, obj, if_match)
    try:
        current, merged = with_changes(kind, obj, patch.model_dump(exclude_unset=True))
    except ValidationError as exc:
        # The merged profile breaks a rule across fields (e.g. trl_min above a patched trl_max).
        raise InvalidInput.from_fields(validation_fields(exc.errors())) from exc
    if merged == current:
        # Nothing changes: no version bump, and no facet rewrite that could race a
        # concurrent writer (only a real UPDATE takes the row lock that orders them).
        return obj
    if kind.check_refs:
        kind.check_refs(session, merged)
    key = kind.dedupe_key(merged)
    if key != obj.dedupe_key:
        _refuse_duplicate(session, kind, key, obj.id)
    _assign(obj, merged)
    obj.dedupe_key = key
    _flush(session, kind, key)
    _write_facets(session, kind, obj)
    for listener in _listeners(session):
        listener.saved(session, kind, obj)
    return obj


def remove(session: Session, kind: ProfileKind, obj: ProfileBase, if_match: int | None) -> None:
    """Delete a profile and everything that only describes it."""
    _check_version(kind, obj, if_match)
    profile_id = obj.id
    session.info[WROTE_MATCHES] = True  # its match records go with it (ON DELETE CASCADE)
    # The profile row first, then its facets: the order update() takes its locks in, so a
    # concurrent update and delete queue on the row instead of deadlocking on PostgreSQL.
    session.delete(obj)
    _flush(session, kind, obj.dedupe_key)
    session.execute(
        delete(FACETS).where(FACETS.c.kind == kind.name, FACETS.c.profile_id == profile_id)
    )
    for listener in _listeners(session):
        listener.deleted(session, kind, profile_id)


def list_page(
    session: Session,
    kind: ProfileKind,
    facets: dict[str, list[str]],
    q: str | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[ProfileBase], str | None]:
    """One page in id order; rows inserted meanwhile land after the cursor, never before."""
    stmt = select(kind.model).order_by(kind.model.id).limit(limit + 1)
    for name, values in facets.items():
        if not values:
            continue
        if name not in kind.filters:
            allowed = ", ".join(sorted(kind.filters))
            raise InvalidInput(name, f"not a filter for {kind.plural}; use one of: {allowed}")
        stmt = stmt.where(kind.model.id.in_(matching_ids(kind, name, values)))
    if q:
        stmt = stmt.where(*text_terms(kind, q))
    if cursor is not None:
        stmt = stmt.where(kind.model.id > decode_cursor(cursor))
    rows = list(session.scalars(stmt))
    next_cursor = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
    return rows[:limit], next_cursor


def text_terms(kind: ProfileKind, q: str) -> list[Any]:
    """One condition per space-separated term of ``q``: the term is in the title or the
    description. Substring matching (LIKE) needs no word boundaries, so Chinese (no spaces
    between words: 机械臂 inside 我们的机械臂用于焊接) is found on SQLite and PostgreSQL
    alike, and a mixed query ("机械臂 welding") asks for both terms. No trigram index:
    pg_trgm splits words on the database locale's alphabet, which under the C locale drops
    CJK characters, and a two-character term (机械) has no trigram at all. The scan walks
    rows in id order and stops once a page is full."""
    title = func.lower(getattr(kind.model, kind.title_attr))
    description = func.lower(kind.model.description)
    return [
        or_(
            title.contains(term, autoescape=True),
            description.contains(term, autoescape=True),
        )
        for term in q.lower().split()
    ]


def matching_ids(kind: ProfileKind, name: str, values: Iterable[str]) -> Any:
    """A subquery of the ids of ``kind`` profiles whose facet ``name`` is one of ``values``."""
    return select(ProfileFacet.profile_id).where(
        ProfileFacet.kind == kind.name,
        ProfileFacet.name == name,
        ProfileFacet.value.in_([str(v) for v in values]),
    )


# A cursor is the last id of a page as 4 big-endian bytes in unpadded base64url: opaque, and
# exactly what this pattern describes (a first character below 32 keeps it within MAX_ID,
# the last one's padding bits are zero), so the schema can say which strings are cursors.
CURSOR_PATTERN = r"^[A-Za-f][A-Za-z0-9_-]{4}[AQgw]$"
_CURSOR = re.compile(CURSOR_PATTERN)


def encode_cursor(last_id: int) -> str:
    return base64.urlsafe_b64encode(last_id.to_bytes(4, "big")).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    if not _CURSOR.fullmatch(cursor):
        raise InvalidInput("cursor", "not a cursor this API returned")
    return int.from_bytes(base64.urlsafe_b64decode(cursor + "=="), "big")


def _check_version(kind: ProfileKind, obj: ProfileBase, if_match: int | None) -> None:
    if if_match is not None and if_match != obj.version:
        raise PreconditionFailed(
            f"{kind.name} {obj.id} is at version {obj.version}, not {if_match}; "
            "read it again and reapply your change",
            VersionDetail(id=obj.id, current_version=obj.version),
        )


def _refuse_duplicate(session: Session, kind: ProfileKind, key: str, own_id: int | None) -> None:
    # Every profile write flushes at once, so the keys this looks at are all in the database;
    # flushing whatever else is pending (a bulk import's links) can wait for the next write.
    with session.no_autoflush:
        existing = session.scalar(select(kind.model.id).where(kind.model.dedupe_key == key))
    if existing is not None and existing != own_id:
        raise _duplicate(kind, existing)


def _duplicate(kind: ProfileKind, existing: int) -> Duplicate:
    return Duplicate(
        f"a {kind.name} with the same {' and '.join(kind.dedupe_attrs)} exists",
        DuplicateDetail(existing_id=existing, url=f"/v1/{kind.plural}/{existing}"),
    )


def _flush(session: Session, kind: ProfileKind, key: str) -> None:
    try:
        session.flush()
    except StaleDataError as exc:
        raise PreconditionFailed(
            f"the {kind.name} was changed by another request; read it again"
        ) from exc
    except IntegrityError as exc:
        # A concurrent write won the race past _refuse_duplicate (or removed a referenced
        # partner). This transaction is dead on PostgreSQL, so the winner, committed by now,
        # is looked up on a connection of its own.
        with session.get_bind().engine.connect() as conn:
            existing = conn.scalar(select(kind.model.id).where(kind.model.dedupe_key == key))
        if existing is not None:
            raise _duplicate(kind, existing) from exc
        raise Conflict(
            f"the {kind.name} conflicts with a concurrent change; read it again and retry"
        ) from exc


def _assign(obj: ProfileBase, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name == "location":
            obj.city, obj.region, obj.country = value["city"], value["region"], value["country"]
        else:
            setattr(obj, name, value)


def _write_facets(session: Session, kind: ProfileKind, obj: ProfileBase, new: bool = False) -> None:
    table = FACETS
    if not new:
        session.execute(
            delete(table).where(table.c.kind == kind.name, table.c.profile_id == obj.id)
        )
    rows = [
        {"kind": kind.name, "profile_id": obj.id, "name": name, "value": str(value)}
        for name, values in kind.facets(obj).items()
        for value in set(values)
    ]
    if rows:
        session.execute(insert(table), rows)
