"""Checks of formatted text: websites, country and language codes.

Each refusal says what to write instead: pydantic's own pattern error would show clients a
regular expression. The JSON schema still declares the pattern, so generated clients can
check the shape before sending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from babel import Locale
from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema


@dataclass(frozen=True, slots=True)
class Matches:
    """``Annotated`` marker: the text must match ``pattern``, else the error ``code`` with
    ``reason`` (a sentence a person can act on); the schema declares ``pattern``."""

    pattern: str
    code: str
    reason: str

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        regex = re.compile(self.pattern)

        def check(value: str) -> str:
            if not regex.search(value):
                raise PydanticCustomError(self.code, self.reason)
            return value

        return core_schema.no_info_after_validator_function(check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["pattern"] = self.pattern
        return json_schema


# The looser shape clients are told about; website() below decides.
WEBSITE_PATTERN = r"^(https?://)?[^\s/]+\.[^\s]+$"
WEBSITE_EXAMPLE = "must be a web address such as https://example.cn"
# A scheme ("javascript:", "ftp://"), but not a host and port ("example.cn:8080").
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(?![0-9])")
_WEB_SCHEMES = ("http://", "https://")
# A host name or IPv4 address: labels of letters (any script), digits, '-' and '_', with a dot.
_LABEL = re.compile(r"[^\W_]([\w-]*[^\W_])?")


def website(value: str) -> str:
    """An http(s) address, or a bare host (``example.cn/path``) as before; anything a browser
    would run or open elsewhere (``javascript:``, ``data:``, ``ftp:``) is refused."""
    if any(char.isspace() for char in value):
        raise PydanticCustomError("url_format", f"{WEBSITE_EXAMPLE}, without spaces")
    rest = value
    if value.lower().startswith(_WEB_SCHEMES):
        rest = value.split("://", 1)[1]
    elif scheme := _SCHEME.match(value):
        raise PydanticCustomError(
            "url_scheme",
            "must be an http or https address, not {scheme}:",
            {"scheme": scheme.group(1).lower()},
        )
    parts = urlsplit(f"//{rest}")
    if parts.username is not None or parts.password is not None:
        # https://trusted.cn@other.example opens other.example.
        raise PydanticCustomError("url_credentials", "must not contain a user name or password")
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number up to 65535
    except ValueError:
        raise PydanticCustomError("url_format", WEBSITE_EXAMPLE) from None
    labels = (parts.hostname or "").split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        raise PydanticCustomError("url_format", WEBSITE_EXAMPLE)
    return value


COUNTRY_PATTERN = r"^[A-Za-z]{2}$"
COUNTRY_FORMAT = "must be a two-letter ISO 3166-1 country code, such as DE or US"
# CLDR names some codes ISO 3166-1 does not assign to a country: user-assigned ones (AA,
# QM-QZ, XA-XZ, ZZ; CLDR uses QO, XA, XB, XK, ZZ) and the "exceptionally reserved" ones.
_EXCEPTIONALLY_RESERVED = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "TA", "UN"})


# Kosovo's XK is user-assigned in ISO 3166-1 but is what the EU, SWIFT and CLDR use for it: a
# startup from Kosovo must be able to say where it is.
_IN_USE = frozenset({"XK"})


def _user_assigned(code: str) -> bool:
    if code in _IN_USE:
        return False
    return code in ("AA", "ZZ") or "QM" <= code <= "QZ" or code.startswith("X")


@cache
def countries() -> frozenset[str]:
    """The assigned ISO 3166-1 alpha-2 codes, from the CLDR data babel ships (kept current
    by babel's releases rather than by a copied list)."""
    codes = (str(code) for code in Locale("en").territories)  # also numeric areas: "001"
    return frozenset(
        code
        for code in codes
        if len(code) == 2
        and code.isalpha()
        and not _user_assigned(code)
        and code not in _EXCEPTIONALLY_RESERVED
    )


def country(code: str) -> str:
    """``code`` (upper case) if a country has it."""
    if code not in countries():
        raise PydanticCustomError(
            "country_unknown",
            "{code} is not an assigned ISO 3166-1 country code; use the country's two letters, "
            "such as DE or US",
            {"code": code},
        )
    return code


LANGUAGE_PATTERN = r"^[a-z]{2}$"
LANGUAGE_FORMAT = "must be a two-letter lower-case ISO 639-1 language code, such as zh or en"
