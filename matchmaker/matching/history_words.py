"""The lexical half of the history component: the words a startup shares with the startups a
target accepted, weighed by Okapi BM25.

A target's accepted startups, as one document (each startup's distinct words once), are
scored against the startup's distinct words with BM25 (k1 1.2, b 0.75), its statistics taken
over the decided startups of the target's kind (document frequency over every startup some
target of the kind decided on; average length over the kind's accepted-startup documents).
The score is divided by the most those words could score (each at saturation), so the value
is in [0, 1) from the pair alone: the share of the startup's words, by their weight, that the
target's accepted startups use. The pair's own startup is left out of the document, as the
dense fit leaves it out of the centroid. Why lexical at all: history texts are often short
and alike ("health startup based in Providence"), and the dense centroid blurs the few words
that tell targets apart (category, city) where BM25 keeps them (bench/QUALITY.md, "Lexical
evidence in the history component").

``HistoryWords`` caches each startup's words (checked against the profile version the store
last applied, so a profile edited here or on another replica, which reaches this process
through the change feed, is read again), each target's document (rebuilt when its decisions
change: decisions are read from the database on every request) and each kind's statistics
(rebuilt when any decision of the kind changes).
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from matchmaker.lexical import tokens

if TYPE_CHECKING:
    from matchmaker.matching.history import Decisions

K1, B = 1.2, 0.75
SHOWN_WORDS = 3  # shared words named in the explanation
CACHE_LIMIT = 200_000  # startups whose words are kept; beyond it the cache starts again

Words = frozenset[str]
# ids -> (version, words) of those startups as stored now; missing ids are gone.
WordsLoader = Callable[[Collection[int]], dict[int, tuple[int, Words]]]
# (kind, id) -> the version of the profile the store last applied (0 when unknown).
AppliedVersion = Callable[[str, int], int]


def startup_words(profile: Any) -> Words:
    """The words of a startup's free text (pitch, tags, description), each once. Field
    labels and vocabulary values are left out: every profile has them, and the domain,
    stage and need components already compare them."""
    text = " ".join([profile.pitch or "", " ".join(profile.tags or ()), profile.description or ""])
    return frozenset(tokens(text))


@dataclass(frozen=True, slots=True)
class Corpus:
    """BM25's statistics over the decided startups of one target kind."""

    size: int  # distinct startups decided on
    frequency: Mapping[str, int]  # of them, how many use the word
    average: float  # mean length of the kind's accepted-startup documents

    def idf(self, word: str) -> float:
        """Lucene's non-negative idf (as ``lexical.BM25``)."""
        df = self.frequency.get(word, 0)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))


@dataclass(frozen=True, slots=True)
class Document:
    """A target's accepted startups: how many use each word, their words, the length."""

    counts: Mapping[str, int]
    members: Mapping[int, Words]
    length: int


@dataclass(frozen=True, slots=True)
class WordsFit:
    """The lexical value of one pair and the shared words that weigh most."""

    value: float
    shared: tuple[str, ...]


def words_fit(startup_id: int, words: Words, doc: Document, corpus: Corpus) -> WordsFit:
    """BM25 of ``words`` against the document without ``startup_id``'s own words, divided by
    what the words score at saturation. A pure function of its arguments, summed in sorted
    word order: both sides of a pair get the same float."""
    own = doc.members.get(startup_id)
    length = doc.length - (len(own) if own is not None else 0)
    if not words or length <= 0:
        return WordsFit(0.0, ())
    norm = K1 * (1 - B + B * length / corpus.average)
    total = reached = 0.0
    parts: list[tuple[float, str]] = []
    for word in sorted(words):
        idf = corpus.idf(word)
        total += idf
        tf = doc.counts.get(word, 0) - (1 if own is not None and word in own else 0)
        if tf > 0:
            part = idf * tf / (tf + norm)
            reached += part
            parts.append((part, word))
    shared = tuple(w for _, w in sorted(parts, key=lambda p: (-p[0], p[1]))[:SHOWN_WORDS])
    return WordsFit(reached / total if total > 0 else 0.0, shared)


class HistoryWords:
    """Startups' words, targets' documents and kinds' statistics, cached (see the module)."""

    def __init__(self, applied: AppliedVersion) -> None:
        self._applied = applied
        self._words: dict[int, tuple[int, Words]] = {}
        # Bumped whenever a cached startup's words are replaced: documents and statistics
        # built from the old words are rebuilt.
        self._epoch = 0
        self._docs: dict[tuple[str, int], tuple[tuple[int, ...], int, Document]] = {}
        self._corpora: dict[str, tuple[tuple[tuple[int, Decisions], ...], int, Corpus]] = {}
        self._lock = threading.Lock()

    def words(self, ids: Iterable[int], load: WordsLoader) -> dict[int, Words]:
        """The words of the startups ``ids`` (those that exist), loading what is not cached
        or was changed since (by this process or, through the feed, another)."""
        wanted = list(dict.fromkeys(ids))
        out: dict[int, Words] = {}
        missing: list[int] = []
        for i in wanted:
            hit = self._words.get(i)
            if hit is not None and hit[0] >= self._applied("startup", i):
                out[i] = hit[1]
            else:
                missing.append(i)
        if missing:
            loaded = load(missing)
            with self._lock:
                if len(self._words) + len(loaded) > CACHE_LIMIT:
                    self._words.clear()
                for i, (version, words) in loaded.items():
                    out[i] = words
                    # A session may read an older row than the store applied (its snapshot
                    # began earlier): used for this request, never cached.
                    if version < self._applied("startup", i):
                        continue
                    old = self._words.get(i)
                    if old is not None and old[1] != words:
                        self._epoch += 1
                    self._words[i] = (version, words)
        return out

    def document(
        self, kind: str, target_id: int, accepted: tuple[int, ...], load: WordsLoader
    ) -> Document:
        """The document of one target's ``accepted`` startups (those with words)."""
        words = self.words(accepted, load)
        key = (kind, target_id)
        hit = self._docs.get(key)
        if hit is not None and hit[0] == accepted and hit[1] == self._epoch:
            return hit[2]
        members = {i: words[i] for i in accepted if i in words}
        counts: Counter[str] = Counter()
        for w in members.values():
            counts.update(w)
        doc = Document(counts, members, sum(len(w) for w in members.values()))
        with self._lock:
            if len(self._docs) > CACHE_LIMIT:
                self._docs.clear()
            self._docs[key] = (accepted, self._epoch, doc)
        return doc

    def corpus(self, kind: str, decisions: Mapping[int, Decisions], load: WordsLoader) -> Corpus:
        """The statistics of ``kind`` from every target's decisions."""
        decided = sorted({i for d in decisions.values() for i in (*d.accepted, *d.declined)})
        # Words first: one changed since they were cached moves the epoch, so what was built
        # from the old words is not returned.
        words = self.words(decided, load)
        key = tuple(sorted(decisions.items()))
        hit = self._corpora.get(kind)
        if hit is not None and hit[0] == key and hit[1] == self._epoch:
            return hit[2]
        frequency: Counter[str] = Counter()
        for w in words.values():
            frequency.update(w)
        lengths = [sum(len(words[i]) for i in d.accepted if i in words) for d in decisions.values()]
        positive = [n for n in lengths if n > 0]
        average = sum(positive) / len(positive) if positive else 1.0
        corpus = Corpus(len(words), frequency, average)
        with self._lock:
            self._corpora[kind] = (key, self._epoch, corpus)
        return corpus
