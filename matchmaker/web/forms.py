"""The startup form: its fields, posted values to the API's schema, and errors to fields.

Validation is the API's own (``StartupCreate``); this module only moves values between HTML
form fields and the schema's shape, and pydantic's error locations back to the fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData

from matchmaker.profiles.schemas import TEXT_INPUT
from matchmaker.startups.schemas import StartupCreate
from matchmaker.vocab import Domain, Need, Qualification, Region, Stage, YesNo
from matchmaker.web.i18n import N_, error_message, gettext

FORM_ERROR = "__form__"
# The error of a field whose posted bytes were not UTF-8 text.
UNDECODABLE = N_("This text is not valid Unicode.")


@dataclass(frozen=True)
class Field:
    """One form control. ``name`` is the schema's path, dotted for nested fields."""

    name: str
    label: str
    widget: str  # text, textarea, number, email, url, select, checkboxes, list
    required: bool = False
    help: str = ""
    choices: type[StrEnum] | None = None
    minimum: int | None = None
    maximum: int | None = None

    @property
    def id(self) -> str:
        return "f-" + self.name.replace(".", "-").replace("_", "-")


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]


STARTUP_SECTIONS = (
    Section(
        N_("About the startup"),
        (
            Field("name", N_("Name"), "text", required=True),
            Field("pitch", N_("One-line pitch"), "text", help=N_("At most 280 characters.")),
            Field(
                "description",
                N_("Description"),
                "textarea",
                help=N_("What you build and for whom; matching reads this text."),
            ),
            Field("website", N_("Website"), "url"),
        ),
    ),
    Section(
        N_("Technology and stage"),
        (
            Field("domains", N_("Domains"), "checkboxes", required=True, choices=Domain),
            Field("tags", N_("Keywords"), "list", help=N_("Separate them with commas.")),
            Field("stage", N_("Stage"), "select", required=True, choices=Stage),
            Field(
                "trl",
                N_("Technology readiness level (TRL)"),
                "number",
                required=True,
                help=N_("1 (basic principles observed) to 9 (proven in operation)."),
                minimum=1,
                maximum=9,
            ),
        ),
    ),
    Section(
        N_("Company"),
        (
            Field("founded_year", N_("Year founded"), "number", minimum=1950),
            Field("team_size", N_("Team size"), "number", minimum=1),
            Field("funding_raised_usd", N_("Funding raised (USD)"), "number", minimum=0),
            Field(
                "first_time_founders",
                N_("First-time founders"),
                "select",
                help=N_("Yes if no founder has started a company before; empty: not said."),
                choices=YesNo,
            ),
            Field("qualifications", N_("Qualifications"), "checkboxes", choices=Qualification),
        ),
    ),
    Section(
        N_("Location and needs"),
        (
            Field("location.city", N_("City"), "text"),
            Field("location.region", N_("Region"), "select", required=True, choices=Region),
            Field(
                "location.country",
                N_("Country code"),
                "text",
                help=N_("Two letters, e.g. CN; another country only with region Abroad."),
            ),
            Field("needs", N_("What you need"), "checkboxes", choices=Need),
            Field(
                "languages",
                N_("Working languages"),
                "list",
                help=N_("Two-letter codes separated by commas, e.g. zh, en."),
            ),
            Field(
                "contact_email",
                N_("Contact email"),
                "email",
                help=N_("Private: shown only to a partner after both sides accept."),
            ),
        ),
    ),
)
STARTUP_FIELDS = {f.name: f for s in STARTUP_SECTIONS for f in s.fields}


@dataclass
class FormState:
    """What a form shows: the values as typed and the errors by field name."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    version: int | None = None

    def value(self, name: str) -> Any:
        return self.values.get(name, "")

    def chosen(self, name: str) -> list[str]:
        value = self.values.get(name, [])
        return [str(v) for v in value] if isinstance(value, list) else []


def from_form(form: FormData, undecodable: Iterable[str] = ()) -> FormState:
    """The posted values, keyed by field name; lists for checkbox groups. A field in
    ``undecodable`` (its text was not UTF-8) carries an error, so it is never saved."""
    values: dict[str, Any] = {}
    for spec in STARTUP_FIELDS.values():
        if spec.widget == "checkboxes":
            values[spec.name] = [str(v) for v in form.getlist(spec.name)]
        else:
            raw = form.get(spec.name)
            values[spec.name] = raw.strip() if isinstance(raw, str) else ""
    state = FormState(values)
    for name in undecodable:
        field_name = name if name in STARTUP_FIELDS else FORM_ERROR
        state.errors.setdefault(field_name, []).append(UNDECODABLE)
    return state


def from_profile(profile: Any) -> FormState:
    """A stored startup as form values (including its private contact email)."""
    data = StartupCreate.model_validate(profile).model_dump(mode="json")
    values: dict[str, Any] = {}
    for name, spec in STARTUP_FIELDS.items():
        value = _get_path(data, name)
        if spec.widget == "list":
            value = ", ".join(value or [])
        if isinstance(value, bool):  # a select's value: "true" or "false"
            value = str(value).lower()
        values[name] = "" if value is None else value
    return FormState(values, version=profile.version)


def to_body(state: FormState) -> dict[str, Any]:
    """The JSON body the API would get: lists split, fields left empty not sent."""
    body: dict[str, Any] = {}
    for name, spec in STARTUP_FIELDS.items():
        value = state.values.get(name)
        if spec.widget == "list":
            value = [part.strip() for part in str(value or "").split(",") if part.strip()]
        elif value is None or value == "":
            if name not in _EMPTY_TEXT:
                continue  # "not given": the schema's default, or its "field required"
            value = ""
        _set_path(body, name, value)
    return body


# Text that may be sent empty; any other empty field is left out of the body.
_EMPTY_TEXT = frozenset({"pitch", "description", "location.city"})
NEW_STARTUP_DEFAULTS = {"location.country": "CN", "languages": "zh"}


def validate(state: FormState, lang: str) -> tuple[StartupCreate | None, FormState]:
    """The API's schema applied to the form; errors placed on the field they concern, after
    those found when the form was read (``from_form``), which refuse it too."""
    read_errors = {name: [gettext(lang, m) for m in ms] for name, ms in state.errors.items()}
    try:
        body = to_body(state)
        startup = StartupCreate.model_validate(body, context={TEXT_INPUT: True})
        state.errors = read_errors
    except ValidationError as exc:
        state.errors = read_errors
        for name, messages in field_errors(exc.errors(), lang).items():
            state.errors.setdefault(name, []).extend(messages)
        return None, state
    return (None if state.errors else startup), state


def field_errors(errors: Iterable[Mapping[str, Any]], lang: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for error in errors:
        name = field_of(tuple(error.get("loc", ())))
        out.setdefault(name, []).append(error_message(lang, error))
    return out


def field_of(loc: tuple[Any, ...]) -> str:
    """The form field an error location names: ``("domains", 2)`` is the domains group."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            break
        parts.append(str(part))
        if ".".join(parts) in STARTUP_FIELDS:
            return ".".join(parts)
    return FORM_ERROR


def _get_path(data: Mapping[str, Any], dotted: str) -> Any:
    value: Any = data
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _set_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, leaf = dotted.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[leaf] = value
