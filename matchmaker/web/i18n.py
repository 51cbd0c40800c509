"""English and Chinese: message catalogs, the visitor's language, and translated field errors.

The catalogs are gettext ``.po`` files under ``locale/``; they are compiled in memory when
first used, so no binary ``.mo`` file is kept in git. They also hold the engine's
explanation templates (matching/messages.py) and the camps' sentences (camps/). Extract new
strings with ``pybabel extract -F matchmaker/web/babel.cfg -k N_ -o messages.pot
matchmaker/web matchmaker/matching/messages.py matchmaker/camps`` and merge them
into both catalogs (see the README's "Web pages" section).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations
from starlette.requests import Request

from matchmaker.vocab import label
from matchmaker.web.session import LANG_COOKIE

LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = ("en", "zh")
DEFAULT = "en"
# The value of <html lang>: Simplified Chinese as written in mainland China.
HTML_LANG = {"en": "en", "zh": "zh-CN"}
SWITCH_LABELS = {"en": "English", "zh": "中文"}


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    return message


@cache
def translations(lang: str) -> Translations:
    """The compiled catalog of ``lang``."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def language_of(request: Request) -> str:
    """The chosen language (cookie), else the browser's preference, else English."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGUAGES:
        return str(chosen)
    return negotiate(request.headers.get("accept-language"))


def negotiate(header: str | None) -> str:
    """The language of ours an ``Accept-Language`` header prefers most (RFC 9110: the
    highest q wins, the first listed among equals; zh-CN, zh-Hans, zh-TW are all zh, ``*``
    is English); English when it names none of ours. Never fails on a malformed header."""
    best, best_q = DEFAULT, 0.0
    for part in (header or "").split(","):
        tag, *params = (piece.strip() for piece in part.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if not 0 < q <= 1:  # q=0 means "not this one"; NaN and nonsense count as 0
            continue
        primary = tag.lower().split("-")[0]
        lang = DEFAULT if primary == "*" else primary
        if lang in LANGUAGES and q > best_q:
            best, best_q = lang, q
    return best


def gettext(lang: str, message: str) -> str:
    return str(translations(lang).gettext(message))


# pydantic's English messages by error type, marked for translation; ``{...}`` comes from the
# error's context. Types missing here keep pydantic's own (English) message.
ERROR_MESSAGES: dict[str, str] = {
    "missing": N_("This field is required."),
    "int_parsing": N_("Enter a whole number."),
    "int_type": N_("Enter a whole number."),
    "int_from_float": N_("Enter a whole number."),
    "greater_than_equal": N_("Must be at least {ge}."),
    "less_than_equal": N_("Must be at most {le}."),
    "string_too_short": N_("Must be at least {min_length} characters long."),
    "string_too_long": N_("Must be at most {max_length} characters long."),
    "string_pattern_mismatch": N_("This is not in the expected format."),
    "too_short": N_("Choose at least {min_length}."),
    "too_long": N_("Choose at most {max_length}."),
    "enum": N_("Choose one of the listed values."),
    "literal_error": N_("Choose one of the listed values."),
    "value_error": N_("This value is not valid: {reason}"),
    "unique_items": N_("Each item may appear only once."),
    "control_character": N_("Remove the control characters from this text."),
    "invalid_unicode": N_("This text is not valid Unicode."),
    "region_country": N_("The country code does not fit the region."),
    "country_code": N_("Enter the country's two-letter code, such as DE or US."),
    "country_unknown": N_("{code} is not a country's code; enter one such as DE or US."),
    "language_code": N_("Enter two-letter language codes, such as zh or en."),
    "url_format": N_("Enter a web address such as https://example.cn."),
    "url_scheme": N_("Enter an address that starts with http:// or https://."),
    "url_credentials": N_("Remove the user name and password from the address."),
    "extra_forbidden": N_("This field is not expected."),
    # The yes-or-no select (first-time founders) given a value it does not list.
    "bool_type": N_("Choose one of the listed values."),
    "bool_parsing": N_("Choose one of the listed values."),
}


def error_message(lang: str, error: Mapping[str, Any]) -> str:
    """A pydantic error in the visitor's language."""
    template = ERROR_MESSAGES.get(str(error.get("type")))
    ctx = dict(error.get("ctx") or {})
    if template is None:
        return str(error.get("msg", "")).removeprefix("Value error, ")
    if "reason" in template and "reason" not in ctx:
        ctx["reason"] = str(error.get("msg", "")).removeprefix("Value error, ")
    try:
        return gettext(lang, template).format(**{k: str(v) for k, v in ctx.items()})
    except (KeyError, IndexError):
        return gettext(lang, template)


def vocab_label(lang: str, value: str) -> str:
    """A vocabulary value's label, from the same table the API publishes."""
    return label(value, lang)


# Names the templates look up by value; marked here so extraction finds them.
STATE_NAMES = {
    "new": N_("New"),
    "shortlisted": N_("Shortlisted"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "connected": N_("Connected"),
    "withdrawn": N_("Withdrawn"),
}
ACTION_NAMES = {
    "shortlist": N_("Shortlist"),
    "accept": N_("Accept"),
    "decline": N_("Decline"),
    "withdraw": N_("Withdraw"),
}
DECISION_NAMES = {
    None: N_("no decision yet"),
    "shortlisted": N_("shortlisted"),
    "accepted": N_("accepted"),
    "declined": N_("declined"),
    "withdrawn": N_("withdrew"),
}
KIND_NAMES = {
    "startup": N_("Startup"),
    "incubator": N_("Incubator"),
    "partner": N_("Partner"),
    "scenario": N_("Application scenario"),
    "incubators": N_("Incubators"),
    "partners": N_("Partners"),
    "scenarios": N_("Scenarios"),
    "bundle": N_("Bundle"),
}
COMPONENT_NAMES = {
    "semantic": N_("Description"),
    "domain": N_("Domains"),
    "stage": N_("Stage"),
    "trl": N_("TRL"),
    "region": N_("Location"),
    "needs": N_("Needs"),
    "reciprocal": N_("Both ways"),
    "history": N_("Past decisions"),
    "trl_shortfall": N_("TRL shortfall"),
    "no_shared_domain": N_("No shared domain"),
}
ROLE_NAMES = {
    "founder": N_("Founder"),
    "manager": N_("Incubator manager"),
    "partner": N_("Partner platform"),
    "admin": N_("Administrator"),
}
