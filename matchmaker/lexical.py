"""Lexical ranking: Okapi BM25 over words and CJK character bigrams, and rank fusion.

Self-contained on purpose: the quality benchmark (bench/quality.py) measures it beside the
dense ranking, and the engine may fuse it where that benchmark shows a gain. Chinese has no
spaces, so runs of CJK characters are indexed as single characters and overlapping bigrams
(the scheme of Lucene's CJK analyzer); that needs no dictionary and still ranks 量子传感
close to 量子 and 传感器.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Sequence
from typing import TypeVar

import numpy as np
import numpy.typing as npt

__all__ = ["BM25", "citable", "reciprocal_rank_fusion", "tokens"]

_RUN = re.compile(r"[0-9a-z]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Words too common in profiles to tell two of them apart.
_STOPWORDS = frozenset(
    "a an and are as at be by for from has have in is it its of on or our that the their "
    "to we with your you".split()
)

# Chinese function characters (particles, conjunctions, prepositions, pronouns, "one",
# "not"): a bigram holding one is a function word (以及, 基于) or spans two words (器和).
_CJK_FUNCTION = frozenset(
    "的了着和与及或而且是为以于将把被从其之该这那此等也又都就个们我你他她它所已即每各一不"
)
# Bigrams without content (公司 and 团队, "company" and "team", are in every profile) that
# hold none of those characters.
_CJK_STOPWORDS = frozenset(
    "进行 实现 提供 需要 主要 目前 相关 通过 面向 具有 拥有 针对 正在 现在 包括 能够 同时 "
    "希望 因为 如果 没有 公司 团队".split()
)

K = TypeVar("K", bound=Hashable)


def tokens(text: str) -> list[str]:
    """Lower-cased words (stop words dropped) and, for Chinese, characters and bigrams."""
    out: list[str] = []
    for run in _RUN.findall(unicodedata.normalize("NFKC", text).casefold()):
        if run[0].isascii():
            if run not in _STOPWORDS and (len(run) > 1 or run.isdigit()):
                out.append(_stem(run))
            continue
        out.extend(run)
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def citable(token: str) -> bool:
    """Whether a token of ``tokens`` says something about a text when quoted to a person: not
    a number, a single Chinese character or a Chinese function word. Ranking counts them
    all; only what is shown leaves them out."""
    if token.isascii():
        return not token.isdigit()
    return len(token) > 1 and token not in _CJK_STOPWORDS and _CJK_FUNCTION.isdisjoint(token)


def _stem(word: str) -> str:
    # Plural "s" only: enough for "sensors"/"sensor" without a stemmer's surprises.
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class BM25:
    """An Okapi BM25 index over a fixed list of documents (positions are the ids)."""

    def __init__(self, documents: Sequence[str], k1: float = 1.2, b: float = 0.75) -> None:
        if k1 < 0 or not 0 <= b <= 1:
            raise ValueError("BM25 needs k1 >= 0 and 0 <= b <= 1")
        self.k1 = k1
        self.b = b
        self.size = len(documents)
        counts = [Counter(tokens(doc)) for doc in documents]
        lengths = np.array([sum(c.values()) for c in counts], dtype=np.float64)
        average = float(lengths.mean()) if self.size and lengths.sum() else 1.0
        self._norm = k1 * (1 - b + b * lengths / average)
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for doc, counter in enumerate(counts):
            for term, tf in counter.items():
                docs, tfs = postings.setdefault(term, ([], []))
                docs.append(doc)
                tfs.append(tf)
        self._postings = {
            term: (np.array(docs, dtype=np.int64), np.array(tfs, dtype=np.float64))
            for term, (docs, tfs) in postings.items()
        }

    def idf(self, term: str) -> float:
        """Lucene's non-negative idf: a term in every document still counts a little."""
        df = len(self._postings[term][0]) if term in self._postings else 0
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def scores(self, query: str) -> npt.NDArray[np.float64]:
        """The BM25 score of every document for ``query`` (0 where no term is shared)."""
        out = np.zeros(self.size, dtype=np.float64)
        for term, qtf in Counter(tokens(query)).items():
            if term not in self._postings:
                continue
            docs, tfs = self._postings[term]
            out[docs] += qtf * self.idf(term) * tfs * (self.k1 + 1) / (tfs + self._norm[docs])
        return out

    def rank(self, query: str) -> list[int]:
        """Document positions, best first; equal scores keep document order."""
        scores = self.scores(query)
        return [int(i) for i in np.argsort(-scores, kind="stable")]


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[K]], k: float = 60.0, weights: Sequence[float] | None = None
) -> list[K]:
    """One ranking from several: Σ weight / (k + rank) per item (Cormack et al., 2009).

    An item missing from a ranking gets nothing from it; ties keep the order in which items
    were first seen, so the result is deterministic.
    """
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError("one weight per ranking")
    if k <= 0:
        raise ValueError("k must be positive")
    fused: dict[K, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for position, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (k + position)
    seen = {item: i for i, item in enumerate(fused)}
    return sorted(fused, key=lambda item: (-fused[item], seen[item]))
