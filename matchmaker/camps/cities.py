"""One key per city, so that a per-city quota counts a city once however it is written.

A profile's city is free text. The key folds what only changes the spelling: width and case
(NFKC, casefold, as the engine compares cities), surrounding spaces, the suffix 市 ("city")
of a Chinese name; and the two municipalities that are also regions of the vocabulary,
Beijing and Tianjin, are known by their English and Chinese labels (北京 is beijing). Other
cities written in two scripts (保定 and Baoding) stay two keys: there is no city vocabulary
to tell that they are one.
"""

from __future__ import annotations

import unicodedata

from matchmaker.vocab import LABELS, Region

# Regions that are one city each: their labels name the city.
MUNICIPALITIES = (Region.beijing, Region.tianjin)
_SUFFIX = "市"


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).strip().casefold()
    if folded.endswith(_SUFFIX) and len(folded) > len(_SUFFIX):
        folded = folded.removesuffix(_SUFFIX).rstrip()
    return folded


_KNOWN = {_fold(name): region.value for region in MUNICIPALITIES for name in LABELS[region.value]}


def city_key(city: str) -> str:
    """The key a per-city quota groups ``city`` by."""
    folded = _fold(city)
    return _KNOWN.get(folded, folded)
