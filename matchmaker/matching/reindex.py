"""Re-embed every profile with the configured model, in batches, with a progress bar.

Meant for a change of model: a server still running the old model keeps serving from its
own index meanwhile (it reads only its model's vectors), and the server restarted with the
new ``MATCHMAKER_MODEL`` loads the vectors written here. Profiles the old server saved while
this ran are re-embedded by a last pass over the vectors of any other model.
"""

from __future__ import annotations

import numpy as np
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker
from tqdm import tqdm

from matchmaker.matching.encoder import Index
from matchmaker.matching.models import Embedding
from matchmaker.matching.store import EmbeddingStore
from matchmaker.matching.store_ops import Pending
from matchmaker.matching.texts import compose
from matchmaker.profiles.kinds import ProfileKind

CHUNK = 256  # rows per transaction; the encoder batches within it


def reindex(
    store: EmbeddingStore, sessions: sessionmaker[Session], progress: bool = True
) -> dict[str, int]:
    """Replace every stored vector by one from ``store.encoder``; returns counts per kind."""
    counts: dict[str, int] = {}
    for name, kind in store.kinds.items():
        with sessions() as session:
            total = session.scalar(select(func.count()).select_from(kind.model)) or 0
        fresh = store.new_index()
        with tqdm(total=total, desc=f"reindex {kind.plural}", disable=not progress) as bar:
            done = _embed(store, sessions, kind, fresh, bar, others_only=False)
            # Written meanwhile by a server still on the old model: their turn now.
            _embed(store, sessions, kind, fresh, bar, others_only=True)
        with sessions() as session, session.begin():
            # Vectors whose profile is gone would only mislead a later catch-up.
            session.execute(
                delete(Embedding).where(
                    Embedding.kind == name, Embedding.profile_id.not_in(select(kind.model.id))
                )
            )
        store.indexes[name] = fresh
        store.stale[name] = 0
        store.stale_models[name] = set()
        store.missing[name] = 0
        counts[kind.plural] = done
    store.save()
    return counts


def _embed(
    store: EmbeddingStore,
    sessions: sessionmaker[Session],
    kind: ProfileKind,
    fresh: Index,
    bar: tqdm,
    others_only: bool,
) -> int:
    """Embed the profiles of ``kind`` (only those with another model's vector when
    ``others_only``) in chunks, each in a transaction, and add them to ``fresh``."""
    model, name = kind.model, kind.name
    done, last_id = 0, 0
    while True:
        with sessions() as session, session.begin():
            query = select(model).where(model.id > last_id).order_by(model.id).limit(CHUNK)
            if others_only:
                query = query.where(
                    model.id.in_(
                        select(Embedding.profile_id).where(
                            Embedding.kind == name, Embedding.model != store.encoder.name
                        )
                    )
                )
            rows = list(session.scalars(query))
            if not rows:
                return done
            items = [Pending(name, r.id, r.version, compose(name, r)) for r in rows]
            # Rows of another model are rewritten in place; content hashes match
            # only when model and text both do, so nothing current is redone.
            store.write_embeddings(session, items)
            session.flush()
            ids = [r.id for r in rows]
            vecs = session.execute(
                select(Embedding.profile_id, Embedding.vector).where(
                    Embedding.kind == name, Embedding.profile_id.in_(ids)
                )
            ).all()
        fresh.add(
            [pid for pid, _ in vecs],
            np.stack([np.frombuffer(v, dtype="<f4") for _, v in vecs]),
        )
        last_id = rows[-1].id
        done += len(rows)
        if not others_only:
            bar.update(len(rows))
