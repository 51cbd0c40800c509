"""Find likely duplicate profiles of one kind: name similarity plus embedding distance.

Candidate pairs come from two cheap sources, never from all pairs:

- the ``NEIGHBOURS`` nearest stored vectors of every profile (one batched FAISS search over
  the vectors already in the index; nothing is encoded again);
- profiles sharing a normalised name or a website host (a dictionary, one pass).

Each candidate is then judged by its name similarity (``names.similarity``) and the cosine of
the two stored vectors; ``RULES`` says which combinations count as a likely duplicate and
why. The cosines are the model's raw ones (unit vectors: inner product); the thresholds were
set on the demo data with the default model (README "Duplicate profiles"): its two
duplicates score 0.98, while the closest distinct pair (two Chinese-written incubators,
which the English default model tells apart less well) reaches 0.93.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.duplicates import names
from matchmaker.matching.encoder import Index
from matchmaker.profiles.kinds import ProfileKind

NEIGHBOURS = 10  # nearest vectors asked per profile
# Pairs below this cosine are never duplicates, whatever their names (e.g. two "Zhongguancun
# ..." incubators doing different things).
MIN_COSINE = 0.5
MAX_GROUP = 50  # profiles sharing one name or website, above which no pair is made of them


@dataclass(frozen=True)
class Rule:
    code: str
    min_name: float
    min_cosine: float
    same_website: bool = False
    text: str = ""


# Checked in order; a pair gets every rule it meets. Documented in the README.
RULES = (
    Rule("same_website", 0.0, MIN_COSINE, True, "same website, related descriptions"),
    Rule("same_name", 0.9, MIN_COSINE, text="same name under another spelling or legal form"),
    Rule("similar_name_and_text", 0.5, 0.8, text="similar names and similar descriptions"),
    Rule("near_identical_text", 0.0, 0.95, text="near-identical descriptions"),
)


@dataclass(frozen=True)
class Profile:
    id: int
    title: str
    website: str
    name: names.Name


@dataclass(frozen=True)
class Pair:
    """Two profiles that are likely one organisation; ``keep`` is the suggested survivor
    (the one entered first)."""

    keep: Profile
    merge: Profile
    name_similarity: float
    cosine: float
    reasons: tuple[Rule, ...]


def host(website: str | None) -> str:
    """The website's host without scheme, ``www.`` and path: what two entries share."""
    if not website:
        return ""
    text = re.sub(r"^https?://", "", website.strip().casefold())
    return re.sub(r"^www\.", "", text).split("/")[0]


def find(
    session: Session, kind: ProfileKind, index: Index, neighbours: int = NEIGHBOURS
) -> list[Pair]:
    """Likely duplicate pairs of ``kind``, most alike first."""
    profiles = _profiles(session, kind)
    cosines = _vector_candidates(index, neighbours)
    by_name = _name_candidates(profiles.values()) - cosines.keys()
    cosines.update(_cosines(index, by_name))
    pairs: list[Pair] = []
    for (a, b), cosine in cosines.items():
        pa, pb = profiles.get(a), profiles.get(b)
        if pa is None or pb is None:
            continue  # deleted since the index was read
        pair = _judge(pa, pb, cosine)
        if pair.reasons:
            pairs.append(pair)
    pairs.sort(key=lambda p: (-(p.cosine + p.name_similarity), p.keep.id, p.merge.id))
    return pairs


def _profiles(session: Session, kind: ProfileKind) -> dict[int, Profile]:
    model = kind.model
    website = getattr(model, "website", None)
    columns: list[Any] = [model.id, getattr(model, kind.title_attr)]
    if website is not None:
        columns.append(website)
    out: dict[int, Profile] = {}
    for row in session.execute(select(*columns)):
        title = str(row[1])
        site = host(row[2]) if len(row) > 2 else ""
        out[int(row[0])] = Profile(int(row[0]), title, site, names.Name.of(title))
    return out


def _vector_candidates(index: Index, neighbours: int) -> dict[tuple[int, int], float]:
    """Each profile with its nearest stored vectors, at least MIN_COSINE alike."""
    ids = index.ids()
    out: dict[tuple[int, int], float] = {}
    if len(ids) < 2:
        return out
    # Blocks of queries keep FAISS's score matrix small at any size.
    for start in range(0, len(ids), 2048):
        block = ids[start : start + 2048]
        found, scores = index.search_many(index.vectors(block), neighbours + 1)
        keep = (found >= 0) & (scores >= MIN_COSINE) & (found != block[:, None])
        rows, cols = np.nonzero(keep)
        lefts, rights = block[rows], found[rows, cols]
        # In numpy, not pair by pair: at 10k profiles there are ~80k candidate pairs.
        low, high = np.minimum(lefts, rights).tolist(), np.maximum(lefts, rights).tolist()
        cosines = np.round(scores[rows, cols].astype(np.float64), 4).tolist()
        out.update(zip(zip(low, high, strict=True), cosines, strict=True))
    return out


def _name_candidates(profiles: Iterable[Profile]) -> set[tuple[int, int]]:
    """Pairs sharing a normalised name or a website host."""
    groups: dict[str, list[int]] = defaultdict(list)
    for p in profiles:
        if p.name.key:
            groups["n:" + p.name.key].append(p.id)
        if p.website:
            groups["w:" + p.website].append(p.id)
    out: set[tuple[int, int]] = set()
    for ids in groups.values():
        # A name shared by very many profiles says little: leave those to the vectors.
        if len(ids) > MAX_GROUP:
            continue
        ids.sort()
        out.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1 :])
    return out


def _cosines(index: Index, pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """Cosines of pairs whose two vectors are both stored (a profile not yet embedded has
    none, and is judged again once it is)."""
    todo = [(a, b) for a, b in pairs if a in index and b in index]
    if not todo:
        return {}
    left = index.vectors([a for a, _ in todo])
    right = index.vectors([b for _, b in todo])
    sims = np.einsum("ij,ij->i", left, right).tolist()
    return {pair: round(float(s), 4) for pair, s in zip(todo, sims, strict=True)}


def _judge(a: Profile, b: Profile, cosine: float) -> Pair:
    name = a.name.similarity(b.name)
    same_site = bool(a.website) and a.website == b.website
    reasons = tuple(
        r
        for r in RULES
        if name >= r.min_name and cosine >= r.min_cosine and (same_site or not r.same_website)
    )
    keep, merge = (a, b) if a.id < b.id else (b, a)
    return Pair(keep, merge, name, cosine, reasons)
