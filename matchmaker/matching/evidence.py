"""The history component's inputs for a request: the targets' decisions (from the
``HistorySource``), the decided startups' vectors (the startup index) and words
(``history_words``), turned into each pair's ``HistoryFit`` from either side.

Both sides of a pair compute its fit from the same things: the target's decisions, the
stored vectors and words of the startups, and the statistics of all decisions of the
target's kind, so the value is the same whichever side asks (history.py, history_words.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Sequence

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.matching.calibration import Calibration
from matchmaker.matching.candidates import Found
from matchmaker.matching.encoder import Index, Mask
from matchmaker.matching.history import (
    DecidedRows,
    Decisions,
    HistoryFit,
    HistorySource,
    decided_rows,
    fits_of_startups,
    fits_of_targets,
    share_range,
    value_ceiling,
)
from matchmaker.matching.history_words import (
    AppliedVersion,
    Corpus,
    Document,
    Generation,
    HistoryWords,
    Words,
    WordsFit,
    WordsLoader,
    startup_words,
)
from matchmaker.profiles.kinds import ProfileKind

CHUNK = 5000  # ids per query when loading startups' words


class HistoryEvidence:
    """Decisions, vectors and words of decided startups, for one matcher."""

    def __init__(
        self,
        startups: ProfileKind,
        index: Callable[[], Index],
        applied: AppliedVersion,
        generation: Generation,
        calibration: Calibration,
    ) -> None:
        self.source: HistorySource | None = None
        self._startups = startups
        self._index = index
        self._calibration = calibration
        self.words = HistoryWords(applied, generation)
        self._generation = generation
        # kind -> (the decisions it was built from, the startup index's generation, rows):
        # the same decisions object comes back from a source that caches them
        # (reviews.feedback.DecisionCache) for as long as they are unchanged.
        self._rows: dict[str, tuple[object, int, DecidedRows | None]] = {}
        self._rows_lock = threading.Lock()

    # -- one target (its manager's list, score_many) --------------------------------------
    def fits_for_target(
        self,
        session: Session,
        kind: str,
        target_id: int,
        startup_ids: Sequence[int],
        vectors: np.ndarray,
        words: Sequence[Words] | None = None,
    ) -> list[HistoryFit | None]:
        """The fits of (each startup, one target); ``words`` of the startups when at hand
        (unsaved ones), else their stored words."""
        decisions = self._decisions_of(session, kind, target_id)
        if decisions is None:
            return [None] * len(startup_ids)
        decided = self._vectors(decisions.accepted + decisions.declined)
        lexical = self._words_for_target(session, kind, target_id, decisions, startup_ids, words)
        return fits_of_startups(
            list(startup_ids), vectors, decisions, decided, self._calibration, lexical
        )

    def startups_found(
        self,
        session: Session,
        kind: str,
        target_id: int,
        allowed: Mask | None,
        k: int,
    ) -> Found:
        """A target's decisions: each candidate startup's history fit, and the startups
        nearest to those it accepted as extra candidates."""
        decisions = self._decisions_of(session, kind, target_id)
        if decisions is None:
            return Found()
        decided = self._vectors(decisions.accepted + decisions.declined)
        accepted = [decided[i] for i in decisions.accepted if i in decided]
        extra: list[int] = []
        doc, load = self._document(session, kind, target_id, decisions)
        # Without accepted ones a fit is its words' share at most.
        ceiling, centre = value_ceiling(-1.0, doc.most), None
        if accepted:
            centre = np.mean(accepted, axis=0)
            centre /= max(float(np.linalg.norm(centre)), 1e-6)
            ids, sims = self._index().search(centre, k, allowed)
            extra = ids.tolist()
            # Any other startup is at most as close to the centre as the last one found
            # (none is left when fewer than k were).
            if len(ids) == k:
                scaled = float(self._calibration.scale_many(sims[-1:])[0])
                ceiling = value_ceiling(scaled, doc.most)

        def fits_of(pids: list[int], vectors: np.ndarray | None) -> list[HistoryFit | None]:
            assert vectors is not None  # needs_vectors
            lexical = self._fits(doc, load, pids)
            return fits_of_startups(pids, vectors, decisions, decided, self._calibration, lexical)

        def words_of(pids: list[int]) -> np.ndarray:
            return np.asarray([w.value for w in self._fits(doc, load, pids)], np.float64)

        return Found(
            fits_of,
            extra,
            history_ceiling=ceiling,
            centre=centre,
            words_ceiling=doc.most,
            words_of=words_of,
            history_shares=share_range(len(decided)),
        )

    # -- one startup (the founder's list) -------------------------------------------------
    def targets_found(
        self,
        session: Session,
        kind: str,
        startup_id: int,
        vector: np.ndarray,
        words: Words,
        allowed: Mask | None,
        k: int,
    ) -> Found:
        """Every target's decisions about startups like this one: their history fits, and
        the ``k`` best-fitting targets as extra candidates."""
        decisions = self._all_decisions(session, kind)
        if not decisions:
            return Found()
        rows = self._decided_rows(kind, decisions)
        load = self._loader(session)
        corpus = self.words.corpus(kind, decisions, load)
        lexical = {
            t: self.words.document(kind, t, d, corpus, load).fit(startup_id, words)
            for t, d in decisions.items()
        }
        if rows is None:
            fits: dict[int, HistoryFit | None] = dict.fromkeys(decisions)
        else:
            fits = fits_of_targets(
                startup_id, vector, decisions, {}, self._calibration, lexical, rows
            )
        best = sorted(
            (-f.value, tid)
            for tid, f in fits.items()
            if f is not None
            and f.value > 0
            and (allowed is None or (tid < len(allowed) and allowed[tid]))
        )[:k]
        return Found(
            lambda tids, _: [fits.get(t) for t in tids],
            [tid for _, tid in best],
            needs_vectors=False,
        )

    # -- internals ----------------------------------------------------------------------
    def _all_decisions(self, session: Session, kind: str) -> dict[int, Decisions]:
        return {} if self.source is None else self.source(session, kind, None)

    def _decisions_of(self, session: Session, kind: str, target_id: int) -> Decisions | None:
        """One target's decisions; None when it has none (or is unsaved: id 0)."""
        if self.source is None or not target_id:
            return None
        return self.source(session, kind, [target_id]).get(target_id)

    def _decided_rows(self, kind: str, decisions: dict[int, Decisions]) -> DecidedRows | None:
        generation = self._generation("startup")
        with self._rows_lock:
            hit = self._rows.get(kind)
        if hit is not None and hit[0] is decisions and hit[1] == generation:
            return hit[2]
        ids = {i for d in decisions.values() for i in d.accepted + d.declined}
        rows = decided_rows(decisions, self._vectors(ids))
        with self._rows_lock:
            self._rows[kind] = (decisions, generation, rows)
        return rows

    def _vectors(self, ids: Collection[int]) -> dict[int, np.ndarray]:
        index = self._index()
        present = sorted({i for i in ids if i in index})
        return dict(zip(present, index.vectors(present), strict=True)) if present else {}

    def _words_for_target(
        self,
        session: Session,
        kind: str,
        target_id: int,
        decisions: Decisions,
        startup_ids: Sequence[int],
        words: Sequence[Words] | None,
    ) -> list[WordsFit]:
        doc, load = self._document(session, kind, target_id, decisions)
        return self._fits(doc, load, startup_ids, words)

    def _fits(
        self,
        doc: Document,
        load: WordsLoader,
        startup_ids: Sequence[int],
        words: Sequence[Words] | None = None,
    ) -> list[WordsFit]:
        """Each startup's words' fit with a target's document, from ``words`` when at hand
        (unsaved profiles), else from their stored words."""
        if words is None:
            stored = self.words.words(startup_ids, load)
            words = [stored.get(i, ()) for i in startup_ids]
        return [doc.fit(i, w) for i, w in zip(startup_ids, words, strict=True)]

    def _document(
        self, session: Session, kind: str, target_id: int, decisions: Decisions
    ) -> tuple[Document, WordsLoader]:
        """The target's document (its decided startups' words), and the loader of words."""
        load = self._loader(session)
        # The statistics read every decision of the kind, as the founder's side does.
        corpus: Corpus = self.words.corpus(kind, self._all_decisions(session, kind), load)
        return self.words.document(kind, target_id, decisions, corpus, load), load

    def _loader(self, session: Session) -> WordsLoader:
        table = self._startups.model.__table__
        columns = [table.c[n] for n in ("id", "version", "pitch", "tags", "description")]

        def load(ids: Collection[int]) -> dict[int, tuple[int, Words]]:
            wanted = sorted(ids)
            out: dict[int, tuple[int, Words]] = {}
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start : start + CHUNK]
                rows = session.execute(select(*columns).where(table.c.id.in_(chunk)))
                out.update({row.id: (int(row.version), startup_words(row)) for row in rows})
            return out

        return load
