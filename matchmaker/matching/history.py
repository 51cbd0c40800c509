"""What a target's past decisions say about a startup: the ``history`` component.

An incubator, partner or scenario that accepted startups like this one is likelier to accept
it; one that declined startups like it, less. For a pair (startup s, target t) with the
startups t accepted (A) and declined (D), s itself left out so that deciding on a pair never
scores the pair against itself::

    a = cosine between s and the centroid (mean vector) of A   (0 when A is empty)
    d = cosine between s and the centroid of D                  (0 when D is empty)
    dense = clip((a - DECLINED_PULL * max(0, d - a) - FLOOR) / (CEILING - FLOOR), 0, 1)
    words = BM25 of s's words against A's, divided by their score at saturation (history_words)
    value = (1 - WORDS_SHARE) * dense + WORDS_SHARE * words
    weight = weights.history * n / (n + HISTORY_PRIOR),  n = |A| + |D|

The centroid, not the few nearest decided startups: the nearest of many is close to anyone,
so a target with many decisions looked like every startup (bench/QUALITY.md, "History
component, third fit"). Declined startups pull the value down only as far as s is closer to
them than to the accepted ones: every profile of a kind shares its field labels, so an
absolute subtraction would pull every candidate down alike. The value is the same whichever
side asks, so it is part of the pair's score in both directions. The weight grows with the
evidence: a new target has no history component at all (its score is the other criteria's,
never starved for lack of decisions), two decisions weigh half the maximum. Only similarity
to the decided startups counts, not their number, so a popular target gains nothing for
being popular; full incubators are excluded by capacity before any of this. The engine asks
a ``HistorySource`` for the decisions: it does not know where they are recorded. A request
computes the component for all its pairs at once (one matrix product of the candidates and
the decided startups), not one pair at a time. The words are the lexical evidence the
centroid blurs (a city, a category): measured, not assumed (bench/QUALITY.md, "Lexical
evidence in the history component").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import ScalarSelect
from sqlalchemy.orm import Session

from matchmaker.matching.calibration import REFERENCE, Calibration
from matchmaker.matching.cosine import cosines
from matchmaker.matching.history_words import WordsFit
from matchmaker.matching.messages import Message, Param

Matrix = NDArray[np.float32]
NO_WORDS = WordsFit(0.0, ())

DECLINED_PULL = 0.5
HISTORY_PRIOR = 2.0
# On the reference scale (all-MiniLM-L6-v2's cosines; other models' are mapped onto it by
# their calibration): unrelated startups' descriptions sit near 0.15. The value rises
# linearly up to identical profiles (1.0): composed profiles share their field labels, so
# related ones reach 0.75-0.95 and a lower ceiling made most fits 1 (bench/QUALITY.md).
FLOOR, CEILING = 0.15, 1.0
# Cosine from which a decided startup counts as "like" this one in the explanation.
LIKE = 0.5
# The words' share of the value (history_words.py): BM25 alone ranks the history test's
# targets better than the centroid alone; fused at a quarter, better than either
# (bench/QUALITY.md).
WORDS_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Decisions:
    """The startups one target side accepted and declined (ids)."""

    accepted: tuple[int, ...] = ()
    declined: tuple[int, ...] = ()


class HistorySource(Protocol):
    """Decisions of targets of ``target_kind``: of ``target_ids``, or of all when None."""

    def __call__(
        self, session: Session, target_kind: str, target_ids: Collection[int] | None
    ) -> dict[int, Decisions]: ...


@runtime_checkable
class VersionedHistory(HistorySource, Protocol):
    """A source whose decisions, and the exclusions read beside them, change only when
    ``version`` does: what lets a finished list be served again (``answers.py``)."""

    def version(self, session: Session) -> int: ...

    def version_beside(self, session: Session, other: ScalarSelect[Any]) -> tuple[int, int]:
        """``version`` and the integer ``other`` selects (0 for NULL), in one statement when
        the version must be read: a kept answer's stamp reads both on every request."""
        ...


@dataclass(frozen=True, slots=True)
class HistoryFit:
    """The history component of one pair."""

    value: float
    accepted: int  # decisions counted (the pair's own startup left out)
    declined: int
    like_accepted: int  # of them, how many resemble the startup (cosine >= LIKE)
    like_declined: int
    shared: tuple[str, ...] = ()  # words of the startup the accepted ones use most

    @property
    def share(self) -> float:
        """The fraction of ``weights.history`` this much evidence earns."""
        n = self.accepted + self.declined
        return n / (n + HISTORY_PRIOR)

    def note(self, target_kind: str) -> Message:
        # Words shared with accepted startups none of which is like this one are all they
        # share: said as such, not as the words of startups "like this one".
        unlike = "_unlike" if self.shared and not self.like_accepted else ""
        code = "history" + unlike + ("_declined" if self.like_declined else "")
        params: dict[str, Param] = {
            "kind": target_kind,
            "like_accepted": self.like_accepted,
            "like_declined": self.like_declined,
            "accepted": self.accepted,
            "declined": self.declined,
            "fit": round(self.value, 2),
        }
        if self.shared:
            code += "_words"
            params["words"] = list(self.shared)
        return Message(code, params)


def share_range(decided: int) -> tuple[float, float]:
    """The least and the largest ``HistoryFit.share`` of a pair whose target decided on
    ``decided`` startups (with vectors): a fit counts them all but the pair's own. With one,
    that startup has no fit (least 0)."""
    most = decided / (decided + HISTORY_PRIOR)
    least = (decided - 1) / (decided - 1 + HISTORY_PRIOR) if decided >= 2 else 0.0
    return least, most


def value_ceiling(scaled_cosine: float, words: float = 1.0) -> float:
    """The largest history value of a startup whose cosine with the accepted startups'
    centroid (on the reference scale) is at most ``scaled_cosine`` and whose words fit at
    most ``words`` (history_words.Document.most): declined ones only pull it down."""
    return float(value_ceilings(np.asarray([scaled_cosine]), words)[0])


def value_ceilings(
    scaled_cosines: NDArray[np.floating[Any]], words: float | NDArray[np.float64] = 1.0
) -> NDArray[np.float64]:
    """``value_ceiling`` of each cosine (``words``: one for all, or one each)."""
    centroid = np.clip((scaled_cosines.astype(np.float64) - FLOOR) / (CEILING - FLOOR), 0.0, 1.0)
    return np.asarray((1 - WORDS_SHARE) * centroid + WORDS_SHARE * words, dtype=np.float64)


def fits_of_startups(
    startup_ids: Sequence[int],
    startups: Matrix,
    decisions: Decisions,
    vectors: Mapping[int, Matrix],
    calibration: Calibration = REFERENCE,
    words: Sequence[WordsFit] | None = None,
) -> list[HistoryFit | None]:
    """The history component of (each startup, one target), from the target's decisions
    and the decided startups' vectors: one matrix product for all of them. None for a
    startup when the target decided on no other startup. ``words``: each startup's lexical
    fit (history_words.py), fused in; without it the value is the dense fit alone."""
    accepted = [i for i in decisions.accepted if i in vectors]
    declined = [i for i in decisions.declined if i in vectors]
    decided = accepted + declined
    if not decided or not len(startup_ids):
        return [None] * len(startup_ids)
    rows = _stack(decided, vectors)
    sims = cosines(np.asarray(startups, np.float32), rows)
    # A pair is never scored against itself: its own decision drops out (of the centroid too).
    sims[np.asarray(startup_ids, np.int64)[:, None] == np.asarray(decided, np.int64)] = -np.inf
    n = len(accepted)
    a_norms = _norms_without(startup_ids, accepted, rows[:n])
    d_norms = _norms_without(startup_ids, declined, rows[n:])
    return _fits(sims[:, :n], a_norms, sims[:, n:], d_norms, calibration, words)


@dataclass(frozen=True)
class DecidedRows:
    """Every decided startup of a kind's targets, stacked once: what a founder's request
    reads of the decisions, whatever the startup (``HistoryEvidence`` keeps it while the
    decisions and the index stay as they are; at 10,000 decisions building it was most of a
    request)."""

    ids: tuple[int, ...]  # the decided startups with vectors, sorted
    column: Mapping[int, int]  # id -> its row
    rows: NDArray[np.float64]  # their vectors, widened once as ``cosines`` widens them
    targets: tuple[int, ...]
    a_at: NDArray[np.int64]  # per target, its accepted rows (len(ids) pads)
    d_at: NDArray[np.int64]
    a_norms: NDArray[np.float64]  # per target, the length of its accepted rows' sum
    d_norms: NDArray[np.float64]


def decided_rows(
    decisions: Mapping[int, Decisions], vectors: Mapping[int, Matrix], leave_out: int = 0
) -> DecidedRows | None:
    """The rows of every decided startup but ``leave_out``; None when there are none."""
    ids = sorted({i for d in decisions.values() for i in (*d.accepted, *d.declined)})
    ids = [i for i in ids if i in vectors and i != leave_out]
    if not ids:
        return None
    rows = _stack(ids, vectors)
    column = {i: c for c, i in enumerate(ids)}
    targets = list(decisions)
    a_cols = [[column[i] for i in decisions[t].accepted if i in column] for t in targets]
    d_cols = [[column[i] for i in decisions[t].declined if i in column] for t in targets]
    return DecidedRows(
        tuple(ids),
        column,
        rows.astype(np.float64),
        tuple(targets),
        _padded(a_cols, len(ids)),
        _padded(d_cols, len(ids)),
        _sum_norms(rows, a_cols),
        _sum_norms(rows, d_cols),
    )


def fits_of_targets(
    startup_id: int,
    startup: Matrix,
    decisions: Mapping[int, Decisions],
    vectors: Mapping[int, Matrix],
    calibration: Calibration = REFERENCE,
    words: Mapping[int, WordsFit] | None = None,
    decided: DecidedRows | None = None,
) -> dict[int, HistoryFit | None]:
    """The history component of (one startup, each target with decisions): the startup's
    cosines to every decided startup in one product, gathered per target; ``words`` as in
    ``fits_of_startups``, by target. ``decided``: ``decided_rows(decisions, vectors)`` when
    at hand (then ``vectors`` is not read)."""
    if decided is None:
        decided = decided_rows(decisions, vectors, startup_id)
        if decided is None:
            return dict.fromkeys(decisions)
    # Column len(ids) is the padding: a target's rows are as wide as its longest side.
    cos = np.append(cosines(np.asarray(startup, np.float32)[None, :], decided.rows)[0], -np.inf)
    a_norms, d_norms = decided.a_norms, decided.d_norms
    own = decided.column.get(startup_id)
    if own is not None:
        # The startup was itself decided on: its own decisions drop out, as padding does,
        # and the centroids it was part of are summed again without it.
        cos[own] = -np.inf
        a_norms = _norms_but(decided.rows, decided.a_at, a_norms, own)
        d_norms = _norms_but(decided.rows, decided.d_at, d_norms, own)
    a = cos[decided.a_at].astype(np.float32)
    d = cos[decided.d_at].astype(np.float32)
    lexical = None if words is None else [words.get(t, NO_WORDS) for t in decided.targets]
    fits = _fits(a, a_norms, d, d_norms, calibration, lexical)
    return dict(zip(decided.targets, fits, strict=True))


def _norms_but(
    wide: NDArray[np.float64], at: NDArray[np.int64], norms: NDArray[np.float64], own: int
) -> NDArray[np.float64]:
    """``norms`` with each row of ``at`` that holds ``own`` summed again without it (the
    padding column, ``len(wide)``, is no row)."""
    rows = np.flatnonzero((at == own).any(axis=1))
    if not len(rows):
        return norms
    out = norms.copy()
    pad = len(wide)
    groups = [[int(c) for c in at[r] if c != own and c != pad] for r in rows]
    out[rows] = _wide_sum_norms(wide, groups)
    return out


def _stack(ids: Sequence[int], vectors: Mapping[int, Matrix]) -> Matrix:
    return np.asarray([vectors[i] for i in ids], np.float32)


def _sum_norms(rows: Matrix, groups: list[list[int]]) -> NDArray[np.float64]:
    """Per group of row positions, the length of the sum of those rows (0 for none). Both
    directions sum the same decided vectors in the same order with the same operation, so a
    pair's centroid is the same bit for bit (one small gather per group: cheaper here than
    one big gather or a Gram matrix, which BLAS threads make slow on a busy machine)."""
    return _wide_sum_norms(rows.astype(np.float64), groups)


def _wide_sum_norms(wide: NDArray[np.float64], groups: list[list[int]]) -> NDArray[np.float64]:
    return np.asarray(
        [float(np.linalg.norm(wide[g].sum(axis=0))) if g else 0.0 for g in groups], np.float64
    )


def _norms_without(
    startup_ids: Sequence[int], side: list[int], rows: Matrix
) -> NDArray[np.float64]:
    """Per startup, the length of the sum of ``side``'s rows without that startup's: the
    whole side once, and again only for the few startups that are themselves in it."""
    inside = set(side)
    own = [s for s in dict.fromkeys(startup_ids) if s in inside]
    groups = [list(range(len(side)))] + [[k for k, i in enumerate(side) if i != s] for s in own]
    norms = _sum_norms(rows, groups)
    at = {s: n + 1 for n, s in enumerate(own)}
    return np.asarray([norms[at.get(s, 0)] for s in startup_ids], np.float64)


def _padded(rows: list[list[int]], pad: int) -> NDArray[np.int64]:
    out = np.full((len(rows), max((len(r) for r in rows), default=0)), pad, np.int64)
    for n, row in enumerate(rows):
        out[n, : len(row)] = row
    return out


def _side(
    sims: Matrix, norms: NDArray[np.float64], calibration: Calibration
) -> tuple[NDArray[np.float64], NDArray[np.int64], NDArray[np.int64]]:
    """Per row (``-inf`` marks no decision; ``norms`` the length of the row's decided
    vectors' sum): the cosine to their centroid on the reference scale (0 without any), how
    many decisions, how many of them are LIKE."""
    rows, width = sims.shape
    valid = np.isfinite(sims)
    count = valid.sum(axis=1)
    if not width:
        return np.zeros(rows), count, count
    zeroed = np.where(valid, sims, 0).astype(np.float64)
    like = ((calibration.scale_many(zeroed.astype(np.float32)) >= LIKE) & valid).sum(axis=1)
    # cos(s, sum) = sum of the cosines / |sum|. A running sum adds the row in order, and a
    # masked or padded 0 changes nothing, so both directions get the same float.
    centroid = np.cumsum(zeroed, axis=1)[:, -1] / np.where(norms > 0, norms, 1.0)
    scaled = calibration.scale_many(np.clip(centroid, -1.0, 1.0).astype(np.float32))
    return np.where(count > 0, scaled.astype(np.float64), 0.0), count, like


def _fits(
    accepted: Matrix,
    a_norms: NDArray[np.float64],
    declined: Matrix,
    d_norms: NDArray[np.float64],
    calibration: Calibration,
    words: Sequence[WordsFit] | None = None,
) -> list[HistoryFit | None]:
    a, a_n, a_like = _side(accepted, a_norms, calibration)
    d, d_n, d_like = _side(declined, d_norms, calibration)
    pull = np.where(d_n > 0, DECLINED_PULL * np.maximum(0.0, d - a), 0.0)
    values = np.clip((a - pull - FLOOR) / (CEILING - FLOOR), 0.0, 1.0)
    lexical = list(words) if words is not None else [NO_WORDS] * len(values)
    if words is not None:
        # Element-wise, so a pair's value is the same float in any batch, from either side.
        lex = np.asarray([w.value for w in lexical], np.float64)
        values = np.clip((1 - WORDS_SHARE) * values + WORDS_SHARE * lex, 0.0, 1.0)
    return [
        None
        if not (an or dn)
        else HistoryFit(
            value=round(v, 4),
            accepted=an,
            declined=dn,
            like_accepted=al,
            like_declined=dl,
            shared=w.shared,
        )
        for v, an, dn, al, dl, w in zip(
            values.tolist(),
            a_n.tolist(),
            d_n.tolist(),
            a_like.tolist(),
            d_like.tolist(),
            lexical,
            strict=True,
        )
    ]
