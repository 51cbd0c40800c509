"""Name similarity that survives another spelling of one organisation's name.

Names are compared after normalisation: case, width (full-width Ｑ is Q), punctuation and
spacing are dropped, and so are legal-form and place words that say nothing about which
organisation it is ("Co., Ltd.", "GmbH", "有限公司", "科技", a leading "北京"). The similarity is
the larger of two Jaccard indexes: over words (Latin names) and over character bigrams
(Chinese names have no spaces; bigrams also forgive one changed letter in a long word).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Legal forms and filler words, longest first so "co ltd" goes before "co". Lower case,
# punctuation already replaced by spaces.
_LATIN_SUFFIXES = (
    "co ltd",
    "company limited",
    "co limited",
    "limited",
    "ltd",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "company",
    "co",
    "llc",
    "gmbh",
    "ag",
    "pte",
    "oy",
    "sa",
    "bv",
    "plc",
)
_LATIN_FILLER = frozenset({"the", "technology", "technologies", "tech", "group", "beijing"})
# Chinese legal forms and generic words, longest first.
_CJK_PARTS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "集团",
    "公司",
    "科技",
    "技术",
    "北京市",
    "北京",
    "天津市",
    "天津",
    "河北省",
    "河北",
)
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def normalise(name: str) -> str:
    """The name with case, width, punctuation, legal forms and filler words removed."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[（(][^)）]*[)）]", " ", text)  # "(Beijing)", "（北京）"
    for part in _CJK_PARTS:
        text = text.replace(part, " ")
    words = _PUNCT.sub(" ", text).replace("_", " ").split()
    core = words
    while core:
        if len(core) >= 2 and " ".join(core[-2:]) in _LATIN_SUFFIXES:
            core = core[:-2]
        elif core[-1] in _LATIN_SUFFIXES:
            core = core[:-1]
        else:
            break
    # A name that is nothing but legal form and filler words is kept as it is.
    core = core or words
    kept = [w for w in core if w not in _LATIN_FILLER]
    return " ".join(kept or core)


def _bigrams(text: str) -> frozenset[str]:
    squeezed = text.replace(" ", "")
    if len(squeezed) < 2:
        return frozenset({squeezed} if squeezed else ())
    return frozenset(squeezed[i : i + 2] for i in range(len(squeezed) - 1))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True, slots=True)
class Name:
    """A name prepared once for many comparisons."""

    key: str
    words: frozenset[str]
    bigrams: frozenset[str]

    @classmethod
    def of(cls, name: str) -> Name:
        key = normalise(name)
        return cls(key, frozenset(key.split()), _bigrams(key))

    def similarity(self, other: Name) -> float:
        """How alike two names are, in [0, 1]; 1 for one name under another legal form."""
        if not self.key or not other.key:
            return 0.0
        if self.key == other.key:
            return 1.0
        best = max(_jaccard(self.words, other.words), _jaccard(self.bigrams, other.bigrams))
        return round(best, 4)


def similarity(a: str, b: str) -> float:
    """``Name.similarity`` of two names."""
    return Name.of(a).similarity(Name.of(b))


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
