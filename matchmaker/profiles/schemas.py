"""Field types and schemas shared by every profile kind.

Size limits (documented in the README): names and titles 200 characters, pitch 280,
descriptions 5,000, city 100, website 300, at most 20 items in a list, tags 40 characters each.
Text may not contain control characters (long text may hold tabs and line breaks) nor invisible
formatting characters such as the bidirectional overrides U+202A-U+202E and U+2066-U+2069,
which make a name display as something other than what it is. Numbers must be JSON numbers:
``true`` or ``"5"`` is not a TRL. Forms and imported files, whose cells are text, say so with
``TEXT_INPUT`` in the validation context and may give whole numbers as digits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from matchmaker.matching.scoring import (
    DEFAULT_STALE_AFTER_DAYS,
    is_stale,
    stale_since,
    utc_today,
)
from matchmaker.profiles import formats
from matchmaker.profiles.formats import Matches
from matchmaker.vocab import Domain, Region

MAX_LIST = 20
# Ids are 32-bit integers on every backend; a larger number cannot name a row.
MAX_ID = 2**31 - 1

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
_LINE_BREAKS = frozenset("\t\n\r")  # browsers send a textarea's line breaks as CR LF
_DIGITS = re.compile(r"[+-]?[0-9]+")
# Validation context key of a read: the service's MATCHMAKER_STALE_AFTER_DAYS.
STALE_AFTER_DAYS = "stale_after_days"
# Validation context key of a read: the values come from the database, checked when written.
STORED = "stored"
# Validation context key: the input is text cells (a web form, a CSV file), not JSON.
TEXT_INPUT = "text_input"


def _unique(values: list[Any]) -> list[Any]:
    if len(set(values)) != len(values):
        raise PydanticCustomError("unique_items", "items must be unique")
    return values


def _refuse_invisible(value: str, allowed: frozenset[str]) -> str:
    for char in value:
        category = unicodedata.category(char)
        if char in allowed or category not in ("Cc", "Cf"):
            continue
        point = f"U+{ord(char):04X}"
        if ord(char) in _BIDI:
            reason = "must not contain bidirectional override or isolate characters ({point})"
        elif category == "Cf":
            reason = "must not contain invisible formatting characters ({point})"
        elif char in _LINE_BREAKS:
            reason = "must be a single line: no tabs or line breaks ({point})"
        else:
            reason = "must not contain control characters ({point})"
        raise PydanticCustomError("control_character", reason, {"point": point})
    if _SURROGATE.search(value):
        raise PydanticCustomError("invalid_unicode", "must be valid Unicode text")
    return value


def clean_text(value: str) -> str:
    """Long text: no control characters but tab and line breaks, no invisible formatting."""
    return _refuse_invisible(value, _LINE_BREAKS)


def clean_line(value: str) -> str:
    """A name, title or other one-line text: no control or invisible characters at all."""
    return _refuse_invisible(value, frozenset())


def _whole_number_from_text(value: Any, info: ValidationInfo) -> Any:
    if (
        isinstance(value, str)
        and info.context
        and info.context.get(TEXT_INPUT)
        and _DIGITS.fullmatch(value.strip())
    ):
        return int(value)
    return value


# An integer that is a JSON integer: not a bool, not a float, not a string (but for text input).
Int = Annotated[int, Strict(), BeforeValidator(_whole_number_from_text)]
# A positive id, as any integer column holds it.
Id = Annotated[Int, Field(ge=1, le=MAX_ID)]
# A number (an integer is one too) and a flag: JSON's own types, never true for 1 or "yes".
Number = Annotated[float, Strict()]
Flag = Annotated[bool, Strict()]


def _unless_stored(check: Callable[[str], str]) -> AfterValidator:
    """``check`` on input; skipped when a read validates a stored row (context ``STORED``),
    which passed it when written: scanning every character of every profile cost about a
    third of a 20-profile list (bench/RESULTS.md, section 21)."""

    def validate(value: str, info: ValidationInfo) -> str:
        if info.context and info.context.get(STORED):
            return value
        return check(value)

    return AfterValidator(validate)


_Line = _unless_stored(clean_line)
_Clean = _unless_stored(clean_text)
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), _Line]
Pitch = Annotated[str, StringConstraints(strip_whitespace=True, max_length=280), _Clean]
Description = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000), _Clean]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40), _Line]
City = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100), _Line]
Url = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=300),
    _Line,
    # Before the pattern, which a wrong scheme can pass ("javascript:x//a.cn") or fail.
    _unless_stored(formats.website),
    Matches(formats.WEBSITE_PATTERN, "url_format", formats.WEBSITE_EXAMPLE),
]
LanguageCode = Annotated[
    str, Matches(formats.LANGUAGE_PATTERN, "language_code", formats.LANGUAGE_FORMAT)
]
_UNIQUE: JsonDict = {"uniqueItems": True}
Domains = Annotated[
    list[Domain],
    Field(min_length=1, max_length=MAX_LIST, json_schema_extra=_UNIQUE),
    AfterValidator(_unique),
]


def unique_list(item: Any, *, min_length: int = 0) -> Any:
    """A list type of unique items, at most MAX_LIST long."""
    return Annotated[
        list[item],
        Field(min_length=min_length, max_length=MAX_LIST, json_schema_extra=_UNIQUE),
        AfterValidator(_unique),
    ]


Tags = unique_list(Tag)
Languages = unique_list(LanguageCode)


class Schema(BaseModel):
    """Base of request schemas: unknown fields are refused, not dropped."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)


class Location(Schema):
    """Where a profile is. Beijing, Tianjin and Hebei form one collaborative region."""

    city: City = ""
    region: Region
    country: Annotated[
        str,
        StringConstraints(to_upper=True),
        Matches(formats.COUNTRY_PATTERN, "country_code", formats.COUNTRY_FORMAT),
        # Stored rows were checked when written, against the list of that day.
        _unless_stored(formats.country),
        # validate_default: region 'abroad' with the default CN must be refused too.
        Field(
            description="ISO 3166-1 alpha-2 code: CN unless region is abroad",
            validate_default=True,
        ),
    ] = "CN"

    @field_validator("country", mode="after")
    @classmethod
    def _country_matches_region(cls, country: str, info: ValidationInfo) -> str:
        region = info.data.get("region")
        if region == Region.abroad and country == "CN":
            raise PydanticCustomError(
                "region_country", "region 'abroad' needs the code of a country other than CN"
            )
        if region is not None and region != Region.abroad and country != "CN":
            raise PydanticCustomError(
                "region_country",
                "region '{region}' is in China; country must be CN",
                {"region": str(region)},
            )
        return country


class ReadBase(BaseModel):
    """Fields every profile read has."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    version: int
    created_at: datetime
    updated_at: datetime
    stale: bool = Field(
        default=False,
        description="not updated for more than MATCHMAKER_STALE_AFTER_DAYS days: its matches "
        "are ranked lower (x0.8) until it is updated",
    )
    stale_since: datetime = Field(
        default=datetime.min.replace(tzinfo=UTC),
        description="when it counts (or will count) as stale unless updated before",
    )

    @model_validator(mode="after")
    def _staleness(self, info: ValidationInfo) -> ReadBase:
        # The threshold comes in the validation context (the service's setting); without
        # one, the engine's default.
        days = int((info.context or {}).get(STALE_AFTER_DAYS, DEFAULT_STALE_AFTER_DAYS))
        self.stale_since = stale_since(self.updated_at, days)
        self.stale = is_stale(self.updated_at, utc_today(), days)
        return self


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list; pass ``next_cursor`` back as ``cursor`` for the next one."""

    items: list[T]
    next_cursor: str | None = None


def make_update_model(create: type[Schema], name: str) -> type[Schema]:
    """The PATCH schema of a kind: every field optional, none nullable unless it was.

    A field left out keeps its value; ``null`` is refused for fields that cannot be empty,
    because the default is never validated while an explicit ``null`` is.
    """
    fields: dict[str, Any] = {}
    for field_name, info in create.model_fields.items():
        annotation: Any = info.annotation
        for meta in info.metadata:
            annotation = Annotated[annotation, meta]
        fields[field_name] = (annotation, Field(default=None, description=info.description))
    model: type[Schema] = create_model(name, __base__=Schema, **fields)
    return model
