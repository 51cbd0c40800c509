"""A chunk's texts, embedded before the chunk's write transaction begins.

The engine embeds a transaction's profiles just before it commits, which is right for one
API write but holds a bulk import's transaction open while 500 texts are encoded (~15 s on
two cores): on SQLite that is 15 s in which every other writer waits. So an import
composes the texts its rows are about to get (the profile a new row creates, or an existing
profile with the row's fields applied), encodes them first, and hands the vectors to the
write transaction (``EmbeddingStore.embed_ahead``). A text guessed wrong is harmless: the
commit encodes whatever it finds no vector for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from matchmaker.imports.models import ExternalRef
from matchmaker.imports.rows import Prepared, Target, changes_of
from matchmaker.matching.store import AHEAD, EmbeddingStore
from matchmaker.matching.texts import compose
from matchmaker.profiles import service as profiles


def store_of(sessions: sessionmaker[Session]) -> EmbeddingStore | None:
    """The engine listening to these sessions (None when none does, e.g. in a tool)."""
    listeners = sessions.kw.get("info", {}).get("listeners", ())
    return next((x for x in listeners if isinstance(x, EmbeddingStore)), None)


def embed_ahead(
    sessions: sessionmaker[Session], target: Target, rows: Sequence[Prepared]
) -> dict[str, Any]:
    """``session.info`` for the chunk's write transaction: the vectors its rows will need."""
    store = store_of(sessions)
    if store is None:
        return {}
    # The write reports the rows that are not valid.
    coming = {r.valid.external_id: r.valid for r in rows if r.valid}
    if not coming:
        return {}
    kind = target.kind
    with sessions() as session:
        refs = {
            str(external_id): int(profile_id)
            for external_id, profile_id in session.execute(
                select(ExternalRef.external_id, ExternalRef.profile_id).where(
                    ExternalRef.kind == kind.name,
                    ExternalRef.owner == target.owner,
                    ExternalRef.source == target.source,
                    ExternalRef.external_id.in_(list(coming)),
                )
            )
        }
        existing = {
            obj.id: obj
            for obj in session.scalars(
                select(kind.model).where(kind.model.id.in_(list(refs.values())))
            )
        }
        texts = []
        for external_id, row in coming.items():
            current = existing.get(refs.get(external_id, 0))
            if current is not None:
                try:  # as rows._update will have it: only the mapped fields change
                    _, values = profiles.with_changes(kind, current, changes_of(kind, current, row))
                except ValidationError:
                    continue
            elif row.model is not None:
                values = row.model.model_dump()
            else:
                continue  # not a whole profile: the write will refuse it
            profile_id = current.id if current is not None else None
            texts.append((profile_id, compose(kind.name, profiles.build(kind, values))))
        return {AHEAD: store.embed_ahead(session, kind.name, texts)}
