"""The lexical half of the history component: the words a startup shares with the startups a
target accepted, weighed by Okapi BM25.

A target's accepted startups, as one document (each startup's distinct words once), are
scored against the startup's distinct words with BM25 (k1 1.2, b 0.75), its statistics taken
over the decisions of the target's kind (document frequency over the decided startups, one
count per decision; average length over the kind's accepted-startup documents).
The score is divided by the most those words could score (each at saturation), so the value
is in [0, 1) from the pair alone: the share of the startup's words, by their weight, that the
target's accepted startups use. The pair's own decision never counts: its startup leaves
the document and its decision the statistics, as the dense fit leaves it out of the
centroid, so a decision's recorded score is the score the lists show after it. Why lexical
at all: history texts are often short and alike ("health startup based in Providence"), and
the dense centroid blurs the few words that tell targets apart (category, city) where BM25
keeps them (bench/QUALITY.md, "Lexical evidence in the history component").

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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from matchmaker.lexical import citable, tokens

if TYPE_CHECKING:
    from matchmaker.matching.history import Decisions

K1, B = 1.2, 0.75
SHOWN_WORDS = 3  # shared words named in the explanation
CACHE_LIMIT = 200_000  # startups whose words are kept; beyond it the cache starts again
FITS_KEPT = 20_000  # fits a document remembers; beyond it it starts again

Words = tuple[str, ...]  # distinct, sorted: every sum over them runs in the same order
# ids -> (version, words) of those startups as stored now; missing ids are gone.
WordsLoader = Callable[[Collection[int]], dict[int, tuple[int, Words]]]
# (kind, id) -> the version of the profile the store last applied (0 when unknown).
AppliedVersion = Callable[[str, int], int]
# kind -> a number that moves whenever the store applies a change to a profile of the kind.
Generation = Callable[[str], int]


def startup_words(profile: Any) -> Words:
    """The words of a startup's free text (pitch, tags, description), each once. Field
    labels and vocabulary values are left out: every profile has them, and the domain,
    stage and need components already compare them."""
    text = " ".join([profile.pitch or "", " ".join(profile.tags or ()), profile.description or ""])
    return tuple(sorted(set(tokens(text))))


@dataclass(frozen=True, slots=True)
class Corpus:
    """BM25's statistics over the decisions of one target kind: each decision counts its
    startup's words once (so one decision can be taken out exactly, see ``words_fit``)."""

    size: int  # decisions (of startups with words)
    frequency: Mapping[str, int]  # of them, how many have the word
    total: int  # words in all the accepted-startup documents
    documents: int  # documents with words
    weights: Mapping[str, float]  # idf of each word they use
    unseen: float  # idf of a word none uses

    @classmethod
    def of(cls, size: int, frequency: Mapping[str, int], total: int, documents: int) -> Corpus:
        # Lucene's non-negative idf (as ``lexical.BM25``), once per word.
        weights = {w: _idf(size, df) for w, df in frequency.items()}
        return cls(size, frequency, total, documents, weights, _idf(size, 0))

    @property
    def average(self) -> float:
        return _average(self.total, self.documents)


def _idf(size: int, df: int) -> float:
    return math.log(1 + (size - df + 0.5) / (df + 0.5))


def _average(total: int, documents: int) -> float:
    return total / documents if documents else 1.0


@dataclass(frozen=True, slots=True)
class Document:
    """A target's accepted startups: how many use each word, their words, the length; the
    words of those it declined; and the kind's statistics it is scored with."""

    counts: Mapping[str, int]
    members: Mapping[int, Words]
    declined: Mapping[int, Words]
    length: int
    corpus: Corpus
    # Each word's BM25 term for a startup the target did not decide on (the expression of
    # ``words_fit``, once per word instead of once per pair).
    parts: Mapping[str, float]
    # The largest ``words_fit`` any startup can have against this document (the first
    # stage's bound of a startup it has not read, pool.py).
    most: float = 1.0
    # startup id -> (its words, its fit): a target's list scores the same candidates on
    # every request while its decisions stay as they are.
    fits: dict[int, tuple[Words, WordsFit]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(
        cls, members: Mapping[int, Words], declined: Mapping[int, Words], corpus: Corpus
    ) -> Document:
        counts: Counter[str] = Counter()
        for w in members.values():
            counts.update(w)
        length = sum(len(w) for w in members.values())
        parts: dict[str, float] = {}
        most = 0.0
        if length > 0:
            norm = _norm(length, corpus.average)
            weights, unseen = corpus.weights, corpus.unseen
            parts = {w: _part(weights.get(w, unseen), tf, norm) for w, tf in counts.items()}
            # An undecided startup's value is its words' average, by idf, of part / idf
            # (0 for a word the document lacks), so at most the largest such ratio:
            # the most used word's saturation tf / (tf + norm).
            top = max(counts.values())
            most = top / (top + norm)
        doc = cls(counts, members, declined, length, corpus, parts)
        # A decided startup is scored against the document and statistics without its own
        # decision: its exact value counts too, once per document.
        decided = (*members.items(), *declined.items())
        most = max([most, *(words_fit(i, w, doc).value for i, w in decided)])
        return replace(doc, most=most)

    def fit(self, startup_id: int, words: Words) -> WordsFit:
        """``words_fit`` of a startup, remembered with the words it was computed from."""
        hit = self.fits.get(startup_id)
        if hit is not None and hit[0] == words:
            return hit[1]
        out = words_fit(startup_id, words, self)
        if len(self.fits) >= FITS_KEPT:
            self.fits.clear()
        self.fits[startup_id] = (words, out)
        return out


def _norm(length: int, average: float) -> float:
    return K1 * (1 - B + B * length / average)


def _part(idf: float, tf: int, norm: float) -> float:
    return idf * tf / (tf + norm)


@dataclass(frozen=True, slots=True)
class WordsFit:
    """The lexical value of one pair and the shared words that weigh most."""

    value: float
    shared: tuple[str, ...]


def words_fit(startup_id: int, words: Words, doc: Document) -> WordsFit:
    """BM25 of ``words`` against the target's document, divided by what the words score at
    saturation. The pair's own decision never counts: when the target decided on this
    startup, its words leave the document and its decision the statistics, so the value is
    the one from before that decision. A pure function of its arguments, summed in sorted
    word order: every side and path gets the same float."""
    accepted = doc.members.get(startup_id)
    own = accepted if accepted is not None else doc.declined.get(startup_id)
    if not words:
        return WordsFit(0.0, ())
    corpus = doc.corpus
    found: list[tuple[float, float, str]] = []  # (part, idf, word) of each shared word
    total = reached = 0.0
    if own is None:
        if doc.length <= 0:
            return WordsFit(0.0, ())
        parts, weights, unseen = doc.parts, corpus.weights, corpus.unseen
        for word in words:
            idf = weights.get(word, unseen)
            total += idf
            part = parts.get(word)
            if part is not None:
                reached += part
                found.append((part, idf, word))
    else:  # the statistics and the document without this decision, computed here
        size, frequency = corpus.size - 1, corpus.frequency
        mine = len(accepted) if accepted is not None else 0
        length = doc.length - mine
        if length <= 0:
            return WordsFit(0.0, ())
        # A document emptied by leaving the startup out stops counting in the average.
        documents = corpus.documents - (1 if mine and doc.length == mine else 0)
        norm = _norm(length, _average(corpus.total - mine, documents))
        for word in words:
            gone = 1 if word in own else 0
            idf = _idf(size, frequency.get(word, 0) - gone)
            total += idf
            tf = doc.counts.get(word, 0) - (gone if accepted is not None else 0)
            if tf > 0:
                part = _part(idf, tf, norm)
                reached += part
                found.append((part, idf, word))
    if not found:
        return WordsFit(0.0, ())
    return WordsFit(reached / total, _cited(found))


def _cited(found: list[tuple[float, float, str]]) -> tuple[str, ...]:
    """The shared words named in the explanation: those that say something (``citable``: no
    number, single Chinese character or function word), most weight first. With few
    decisions many words weigh the same; the rarer (idf), then the longer word goes first,
    the alphabet only last, so a tie no longer names 'a...' words."""
    said: list[str] = []
    for _, _, word in sorted(found, key=lambda p: (-p[0], -p[1], -len(p[2]), p[2])):
        if len(said) == SHOWN_WORDS:
            break
        # Chinese bigrams overlap (传感器: 传感, 感器): one of a chain is enough.
        if citable(word) and not any(_chained(word, w) for w in said):
            said.append(word)
    return tuple(said)


def _chained(a: str, b: str) -> bool:
    return not (a.isascii() or b.isascii()) and (a[0] == b[-1] or a[-1] == b[0])


class HistoryWords:
    """Startups' words, targets' documents and kinds' statistics, cached (see the module)."""

    def __init__(self, applied: AppliedVersion, generation: Generation) -> None:
        self._applied = applied
        self._generation = generation
        # id -> (version, words, the store's generation when last found current)
        self._words: dict[int, tuple[int, Words, int]] = {}
        # Bumped whenever a cached startup's words are replaced: documents and statistics
        # built from the old words are rebuilt.
        self._epoch = 0
        # Documents and statistics, with the (store generation, epoch) they were built at.
        self._docs: dict[tuple[str, int], tuple[Decisions, tuple[int, int], Document]] = {}
        self._corpora: dict[
            str, tuple[tuple[tuple[int, Decisions], ...], tuple[int, int], Corpus]
        ] = {}
        self._stale_reads = 0  # rows read older than the store applied (never cached)
        self._lock = threading.Lock()

    def words(self, ids: Iterable[int], load: WordsLoader) -> dict[int, Words]:
        """The words of the startups ``ids`` (those that exist), loading what is not cached
        or was changed since (by this process or, through the feed, another)."""
        # While no startup changed, what is cached is current without asking each version.
        generation = self._generation("startup")
        out: dict[int, Words] = {}
        missing: list[int] = []
        for i in dict.fromkeys(ids):
            hit = self._words.get(i)
            if hit is None:
                missing.append(i)
            elif hit[2] == generation:
                out[i] = hit[1]
            elif hit[0] >= self._applied("startup", i):
                self._words[i] = (hit[0], hit[1], generation)
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
                        self._stale_reads += 1
                        continue
                    old = self._words.get(i)
                    if old is not None and old[1] != words:
                        self._epoch += 1
                    # Stamped with the generation read before loading: a change applied
                    # meanwhile makes the next request check the version again.
                    self._words[i] = (version, words, generation)
        return out

    def document(
        self, kind: str, target_id: int, decisions: Decisions, corpus: Corpus, load: WordsLoader
    ) -> Document:
        """The document of one target's decisions (its accepted startups' words, and those
        it declined), scored with ``corpus`` (the kind's statistics)."""
        generation, key = self._generation("startup"), (kind, target_id)
        hit = self._docs.get(key)
        same = hit is not None and hit[0] == decisions and hit[2].corpus is corpus
        if hit is not None and same and hit[1] == (generation, self._epoch):
            return hit[2]  # no startup changed since it was built
        stale = self._stale_reads
        words = self.words((*decisions.accepted, *decisions.declined), load)
        # Words first: one changed since it was cached moves the epoch.
        if hit is not None and same and hit[1][1] == self._epoch:
            self._docs[key] = (decisions, (generation, self._epoch), hit[2])
            return hit[2]
        doc = Document.of(
            {i: words[i] for i in decisions.accepted if i in words},
            {i: words[i] for i in decisions.declined if i in words},
            corpus,
        )
        if self._stale_reads == stale:  # built from current words only
            with self._lock:
                if len(self._docs) > CACHE_LIMIT:
                    self._docs.clear()
                self._docs[key] = (decisions, (generation, self._epoch), doc)
        return doc

    def corpus(self, kind: str, decisions: Mapping[int, Decisions], load: WordsLoader) -> Corpus:
        """The statistics of ``kind`` from every target's decisions."""
        generation, key = self._generation("startup"), tuple(sorted(decisions.items()))
        hit = self._corpora.get(kind)
        if hit is not None and hit[0] == key and hit[1] == (generation, self._epoch):
            return hit[2]  # the same decisions, and no startup changed since
        decided = sorted({i for d in decisions.values() for i in (*d.accepted, *d.declined)})
        stale = self._stale_reads
        words = self.words(decided, load)
        if hit is not None and hit[0] == key and hit[1][1] == self._epoch:
            self._corpora[kind] = (key, (generation, self._epoch), hit[2])
            return hit[2]
        frequency: Counter[str] = Counter()
        size = total = documents = 0
        for d in decisions.values():
            for i in (*d.accepted, *d.declined):
                if i in words:
                    size += 1
                    frequency.update(words[i])
            length = sum(len(words[i]) for i in d.accepted if i in words)
            total += length
            documents += length > 0
        corpus = Corpus.of(size, frequency, total, documents)
        if self._stale_reads == stale:
            with self._lock:
                self._corpora[kind] = (key, (generation, self._epoch), corpus)
        return corpus
