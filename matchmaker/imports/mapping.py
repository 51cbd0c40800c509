"""Column mappings: how one record of a file becomes the fields of one profile.

A mapping is JSON::

    {
      "external_id": "slug",
      "encoding": "utf-8",
      "fields": {
        "name": "name",
        "pitch": {"column": "one_liner", "truncate": 280},
        "domains": {"column": "industry_slug", "split": "|", "map": {"ai-ml": "ai"}},
        "location.country": [
          {"column": "location", "split": ",", "pick": -1, "map": {"United States": "US"}},
          {"value": "US"}
        ],
        "stage": {"value": "early_revenue"}
      }
    }

A field is a column name, a rule, or a list of rules of which the first that yields a value
wins. A rule takes its input from ``column`` (a dotted path into JSON records), ``value`` (a
constant) or ``template`` (``"{col} and {other}"``), then applies, in this order: ``split``
(a separator; parts are stripped, empties dropped), ``pick`` (one part by index), ``map``
(value -> value, list or null; values not in the map are dropped, or kept if ``keep_unmapped``
is true), ``keywords`` (vocabulary value -> words; every value whose words occur in the text),
``truncate`` and ``default`` (when nothing is left). Dotted field names build nested objects
(``location.city``). List fields always receive lists, duplicates removed; a single-valued
field given a list takes its first item. Keys other than ``fields``, ``external_id`` and
``encoding`` (e.g. ``"description"``) are ignored, so a mapping can explain itself.

Without a mapping, columns named like fields are used as they are (``city``, ``region`` and
``country`` fill ``location``; CSV cells of list fields are split on ``|``); other columns are
ignored. Each JSON record is read by its own keys, so records need not all carry the same.

Every rule's values are checked before the import starts: ``column`` a non-empty name,
``split`` a non-empty separator, ``pick`` and ``truncate`` (at least 1) whole numbers,
``map`` an object, ``keywords`` an object of word lists, ``keep_unmapped`` true or false, and
a ``template`` only plain ``{column}`` names (no ``!r``, ``:fmt``, ``.attr`` or ``[i]``; write
``{{`` for a brace). ``encoding`` must be a codec that writes a newline as the byte ``\n``
(utf-8, gb18030, latin-1...; not utf-16 or utf-32); a utf-8 file may start with a BOM.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from string import Formatter
from typing import Any

from pydantic import BaseModel

LOCATION_PARTS = ("city", "region", "country")
DEFAULT_SPLIT = "|"
_RULE_KEYS = {
    "column",
    "value",
    "template",
    "split",
    "pick",
    "map",
    "keep_unmapped",
    "keywords",
    "truncate",
    "default",
}


class MappingError(ValueError):
    """The mapping itself is wrong (not one row): the import cannot start. ``path`` names
    the mapping's key at fault (``fields.domains.split``), when there is one."""

    def __init__(self, reason: str, path: str | None = None) -> None:
        super().__init__(f"{path}: {reason}" if path else reason)
        self.reason, self.path = reason, path


@dataclass(frozen=True)
class ColumnMapping:
    fields: dict[str, list[dict[str, Any]]]
    external_id: list[dict[str, Any]]
    list_fields: frozenset[str]
    encoding: str = "utf-8-sig"
    raw: dict[str, Any] = field(default_factory=dict)


class RowInvalid(Exception):
    """One record cannot become a profile; ``errors`` are ``(field, reason)`` pairs."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{f}: {r}" for f, r in errors))
        self.errors = errors


def list_fields(schema: type[BaseModel]) -> frozenset[str]:
    props = schema.model_json_schema().get("properties", {})
    out = set()
    for name, prop in props.items():
        options = prop.get("anyOf", [prop])
        if any(o.get("type") == "array" for o in options):
            out.add(name)
    return frozenset(out)


def _rules(path: str, spec: Any) -> list[dict[str, Any]]:
    if isinstance(spec, str):
        spec = {"column": spec}
    specs = spec if isinstance(spec, list) else [spec]
    if not specs:
        raise MappingError("give at least one rule", path)
    out = []
    for i, rule in enumerate(specs):
        at = f"{path}.{i}" if isinstance(spec, list) else path
        if isinstance(rule, str):
            rule = {"column": rule}
        if not isinstance(rule, dict):
            raise MappingError("a rule is a column name or an object", at)
        unknown = set(rule) - _RULE_KEYS
        if unknown:
            raise MappingError(f"unknown rule keys {sorted(unknown)}", at)
        if sum(k in rule for k in ("column", "value", "template")) != 1:
            raise MappingError("a rule needs exactly one of column, value, template", at)
        for key, value in rule.items():
            reason = _CHECKS[key](value) if key in _CHECKS else None
            if reason:
                raise MappingError(reason, f"{at}.{key}")
        out.append(rule)
    return out


# Each rule key's value is checked when the mapping is read: a wrong one would otherwise
# fail every row of the job (or crash it) long after the upload was accepted.
def _check_column(value: Any) -> str | None:
    ok = isinstance(value, str) and value.strip()
    return None if ok else "a column name (a non-empty string)"


def _check_template(value: Any) -> str | None:
    if not isinstance(value, str):
        return "a string with {column} names in it"
    try:
        parts = list(Formatter().parse(value))
    except ValueError as exc:
        return f"not a valid template: {exc} (write {{{{ and }}}} for a literal brace)"
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.strip() or conversion or spec or any(c in name for c in ".[]"):
            # format() would call into the cell's Python object for these (``{name.upper}``
            # printed a method); a template only ever means "this column's text".
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            return (
                f"{{{shown}}} is not a plain {{column}} name "
                "(no conversions, formats, attributes or indexes)"
            )
    return None


def _check_split(value: Any) -> str | None:
    return None if isinstance(value, str) and value else "a separator (a non-empty string)"


def _check_int(value: Any, least: int | None = None) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return "a whole number"
    if least is not None and value < least:
        return f"a whole number of at least {least}"
    return None


def _check_map(value: Any) -> str | None:
    return None if isinstance(value, dict) else "an object: value -> value, list or null"


def _check_keywords(value: Any) -> str | None:
    if not isinstance(value, dict):
        return 'an object: value -> list of words, e.g. {"ai": ["machine learning"]}'
    for target, words in value.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            return f"{target}: a list of words (non-empty strings)"
    return None


_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "column": _check_column,
    "template": _check_template,
    "split": _check_split,
    "pick": _check_int,
    "map": _check_map,
    "keep_unmapped": lambda v: None if isinstance(v, bool) else "true or false",
    "keywords": _check_keywords,
    "truncate": lambda v: _check_int(v, least=1),
}


def _encoding(value: Any) -> str:
    """The codec to read the file with; refused if the line-by-line reader cannot use it."""
    if not isinstance(value, str) or not value.strip():
        raise MappingError("the name of a text encoding, e.g. utf-8 or gb18030", "encoding")
    try:
        name = codecs.lookup(value).name
        # Lines are split on the byte \n before they are decoded (one bad line costs one row),
        # so a codec that writes a newline otherwise (utf-16, utf-32, EBCDIC) cannot be read.
        single_byte_newline = "a\n".encode(name) == "a".encode(name) + b"\n"
    except LookupError:
        raise MappingError(f"{value!r} is not a text encoding Python knows", "encoding") from None
    except (UnicodeError, ValueError):
        single_byte_newline = False
    if not single_byte_newline:
        raise MappingError(
            f"{value!r} is not supported: a file is read line by line, so its encoding must "
            "write a newline as the single byte \\n (utf-8, gb18030, latin-1 do; utf-16 "
            "does not: convert such a file to utf-8)",
            "encoding",
        )
    # A byte-order mark opens many utf-8 files; read as text it would rename the first column.
    return "utf-8-sig" if name == "utf-8" else name


def parse(raw: Mapping[str, Any] | None, schema: type[BaseModel]) -> ColumnMapping:
    """A checked mapping for ``schema``; with none, every field read from its own column."""
    lists = list_fields(schema)
    known = set(schema.model_fields) | {f"location.{p}" for p in LOCATION_PARTS}
    if raw is None:
        # Every field the schema knows, not the columns of one record: JSON records need not
        # share their keys, and an unreadable first CSV row has none. A column a record
        # lacks maps to nothing, as an unknown column does.
        fields = {}
        for target in sorted(known - {"external_id"}, key=lambda t: (t.startswith("location."), t)):
            rule: dict[str, Any] = {"column": target.removeprefix("location.")}
            if target in lists:
                rule["split"] = DEFAULT_SPLIT
            # A part is read from its own name (``city``) or its field's (``location.city``).
            fields[target] = [rule, {"column": target}] if "." in target else [rule]
        return ColumnMapping(fields, [{"column": "external_id"}], lists, raw={})
    if not isinstance(raw, Mapping) or not isinstance(raw.get("fields"), Mapping):
        raise MappingError('a mapping is an object with "fields": {field: rule}')
    _refuse_controls("", raw)
    unknown = [name for name in raw["fields"] if name not in known]
    if unknown:
        raise MappingError(f"not fields of this kind: {', '.join(sorted(unknown))}")
    fields = {name: _rules(f"fields.{name}", spec) for name, spec in raw["fields"].items()}
    external = _rules("external_id", raw.get("external_id", "external_id"))
    encoding = _encoding(raw.get("encoding", "utf-8-sig"))
    return ColumnMapping(fields, external, lists, encoding, dict(raw))


def _refuse_controls(path: str, value: Any) -> None:
    """No control characters but tab and line breaks, in any key or text of the mapping: it
    is stored with the job, and PostgreSQL cannot store a NUL."""
    if isinstance(value, Mapping):
        items = [(str(k), v) for k, v in value.items()]
        for key, _ in items:
            _refuse_control_in(path, key)
    elif isinstance(value, list):
        items = [(str(n), v) for n, v in enumerate(value)]
    else:
        if isinstance(value, str):
            _refuse_control_in(path, value)
        return
    for key, inner in items:
        _refuse_controls(f"{path}.{key}" if path else key, inner)


def _refuse_control_in(path: str, text: str) -> None:
    bad = next((c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n\r"), None)
    if bad is not None:
        reason = f"must not contain control characters (U+{ord(bad):04X})"
        raise MappingError(reason, path or None)


def _lookup(record: Mapping[str, Any], path: str) -> Any:
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _apply(rule: dict[str, Any], record: Mapping[str, Any]) -> Any:
    if "value" in rule:
        value: Any = rule["value"]
    elif "template" in rule:
        # Filled in by hand, not with format(): a cell never meets Python's format syntax.
        text = "".join(
            literal + ("" if name is None else _text(_lookup(record, name)))
            for literal, name, _, _ in Formatter().parse(rule["template"])
        )
        value = re.sub(r"\s+", " ", text).strip()
    else:
        value = _lookup(record, rule["column"])
    if isinstance(value, str):
        value = value.strip()
    if "split" in rule and isinstance(value, str):
        value = [p.strip() for p in value.split(rule["split"]) if p.strip()]
    if "pick" in rule and isinstance(value, list):
        try:
            value = value[int(rule["pick"])]
        except IndexError:
            value = None
    if "map" in rule:
        value = _map(value, rule["map"], bool(rule.get("keep_unmapped", False)))
    if "keywords" in rule and value is not None:
        text = " ".join(_text(v) for v in (value if isinstance(value, list) else [value]))
        value = [
            target
            for target, words in rule["keywords"].items()
            if any(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in words)
        ]
    if "truncate" in rule and isinstance(value, str):
        value = value[: int(rule["truncate"])].rstrip()
    if _empty(value) and "default" in rule:
        value = rule["default"]
    return value


def _map(value: Any, table: Mapping[str, Any], keep: bool) -> Any:
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            mapped = _map(item, table, keep)
            if isinstance(mapped, list):
                out.extend(mapped)
            elif mapped is not None:
                out.append(mapped)
        return out
    if value is None:
        return None
    key = _text(value)
    if key in table:
        return table[key]
    return value if keep else None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _dedupe(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


def apply(mapping: ColumnMapping, record: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    """The profile fields and the external id of one record; RowInvalid if unusable."""
    data: dict[str, Any] = {}
    for name, rules in mapping.fields.items():
        value = None
        for rule in rules:
            value = _apply(rule, record)
            if not _empty(value):
                break
        if _empty(value):
            continue
        top = name.split(".")[0]
        if top in mapping.list_fields:
            value = _dedupe(value if isinstance(value, list) else [value])
        elif isinstance(value, list):
            value = value[0]  # a single-valued field takes the first of several candidates
        if "." in name:
            whole = data.get(top, {})
            if not isinstance(whole, dict):
                raise RowInvalid([(name, f"{top} is given whole and by part; give one")])
            # A copy: the whole may be the record's own object, which must stay as read.
            data[top] = {**whole, name.split(".", 1)[1]: value}
        else:
            data[name] = value
    external = None
    for rule in mapping.external_id:
        external = _apply(rule, record)
        if not _empty(external):
            break
    if _empty(external) or isinstance(external, list | dict):
        raise RowInvalid([("external_id", "missing: every row needs its source id")])
    external = _text(external)
    if len(external) > 200:
        raise RowInvalid([("external_id", "longer than 200 characters")])
    return data, external
