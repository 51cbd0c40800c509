"""The language of an API response's explanations: ``Accept-Language``, English by default.

Only the sentences change (``text``, ``reason``, ``improve``, notes); codes, parameters and
numbers are the same in every language, so clients may cache by code.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Response

from matchmaker.matching.wording import R, localize
from matchmaker.web import i18n


# Async: a sync dependency costs a thread-pool hop, more than this header parsing does.
async def response_language(
    response: Response,
    accept_language: Annotated[
        str | None,
        Header(
            description="`zh` (zh-CN, zh-Hans…) for explanations in Chinese; q-values are "
            "honoured; English otherwise. The response's Content-Language says which.",
        ),
    ] = None,
) -> str:
    lang = i18n.negotiate(accept_language)
    response.headers["Content-Language"] = i18n.HTML_LANG[lang]
    response.headers.append("Vary", "Accept-Language")
    return lang


LanguageDep = Annotated[str, Depends(response_language)]


def in_language(found: R, lang: str) -> R:
    """``found`` with its explanations in ``lang``, from the web catalogs."""
    return localize(found, lang, lambda message: i18n.gettext(lang, message))
