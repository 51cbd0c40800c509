"""One key per city, so that a per-city quota counts a city once however it is written.

A profile's city is free text. The key folds what only changes the spelling: width and case
(NFKC, casefold, as the engine compares cities), surrounding spaces, a curled apostrophe,
the suffix 市 ("city") of a Chinese name; the two municipalities that are also regions of
the vocabulary, Beijing and Tianjin, are known by their English and Chinese labels (北京 is
beijing), and the cities of Hebei, the third part of the Beijing–Tianjin–Hebei region the
camps serve, by their Chinese names and pinyin (保定 is baoding). Other cities written in
two scripts stay two keys: there is no city vocabulary to tell that they are one.
"""

from __future__ import annotations

import unicodedata

from matchmaker.vocab import LABELS, Region

# Regions that are one city each: their labels name the city.
MUNICIPALITIES = (Region.beijing, Region.tianjin)
_SUFFIX = "市"

# Hebei's eleven prefecture-level cities, the two county-level cities the province runs
# directly, and Xiong'an New Area: Chinese name -> the key, the pinyin as written in English
# (which a name in Latin letters folds to by itself).
HEBEI_CITIES = {
    "石家庄": "shijiazhuang",
    "唐山": "tangshan",
    "秦皇岛": "qinhuangdao",
    "邯郸": "handan",
    "邢台": "xingtai",
    "保定": "baoding",
    "张家口": "zhangjiakou",
    "承德": "chengde",
    "沧州": "cangzhou",
    "廊坊": "langfang",
    "衡水": "hengshui",
    "定州": "dingzhou",
    "辛集": "xinji",
    "雄安": "xiong'an",
}
# Xiong'an is a new area (新区), not a city, and its apostrophe is often left out.
_XIONGAN = ("雄安新区", "xiongan", "xiong'an new area", "xiongan new area")


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).strip().casefold().replace("\u2019", "'")
    if folded.endswith(_SUFFIX) and len(folded) > len(_SUFFIX):
        folded = folded.removesuffix(_SUFFIX).rstrip()
    return folded


_KNOWN = {
    **{_fold(name): region.value for region in MUNICIPALITIES for name in LABELS[region.value]},
    **{_fold(name): key for name, key in HEBEI_CITIES.items()},
    **{_fold(name): HEBEI_CITIES["雄安"] for name in _XIONGAN},
}


def city_key(city: str) -> str:
    """The key a per-city quota groups ``city`` by."""
    folded = _fold(city)
    return _KNOWN.get(folded, folded)
