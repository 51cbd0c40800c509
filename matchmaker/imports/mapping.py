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
``country`` fill ``location``; CSV cells of list fields are split on ``|``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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
    """The mapping itself is wrong (not one row): the import cannot start."""


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


def _rules(name: str, spec: Any) -> list[dict[str, Any]]:
    if isinstance(spec, str):
        return [{"column": spec}]
    specs = spec if isinstance(spec, list) else [spec]
    out = []
    for rule in specs:
        if isinstance(rule, str):
            rule = {"column": rule}
        if not isinstance(rule, dict):
            raise MappingError(f"{name}: a rule is a column name or an object")
        unknown = set(rule) - _RULE_KEYS
        if unknown:
            raise MappingError(f"{name}: unknown rule keys {sorted(unknown)}")
        if sum(k in rule for k in ("column", "value", "template")) != 1:
            raise MappingError(f"{name}: a rule needs exactly one of column, value, template")
        out.append(rule)
    return out


def parse(
    raw: Mapping[str, Any] | None, schema: type[BaseModel], columns: list[str] | None
) -> ColumnMapping:
    """A checked mapping for ``schema``; with none, one built from the column names."""
    lists = list_fields(schema)
    known = set(schema.model_fields) | {f"location.{p}" for p in LOCATION_PARTS}
    if raw is None:
        fields = {}
        for col in columns or []:
            target = f"location.{col}" if col in LOCATION_PARTS else col
            if target in known and target != "external_id":
                rule: dict[str, Any] = {"column": col}
                if target in lists:
                    rule["split"] = DEFAULT_SPLIT
                fields[target] = [rule]
        return ColumnMapping(fields, [{"column": "external_id"}], lists, raw={})
    if not isinstance(raw, Mapping) or not isinstance(raw.get("fields"), Mapping):
        raise MappingError('a mapping is an object with "fields": {field: rule}')
    unknown = [name for name in raw["fields"] if name not in known]
    if unknown:
        raise MappingError(f"not fields of this kind: {', '.join(sorted(unknown))}")
    fields = {name: _rules(name, spec) for name, spec in raw["fields"].items()}
    external = _rules("external_id", raw.get("external_id", "external_id"))
    encoding = str(raw.get("encoding", "utf-8-sig"))
    return ColumnMapping(fields, external, lists, encoding, dict(raw))


def _lookup(record: Mapping[str, Any], path: str) -> Any:
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


class _Cells(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def _apply(rule: dict[str, Any], record: Mapping[str, Any]) -> Any:
    if "value" in rule:
        value: Any = rule["value"]
    elif "template" in rule:
        names = [n for _, n, _, _ in Formatter().parse(rule["template"]) if n]
        cells = _Cells({n: _text(_lookup(record, n)) for n in names})
        value = re.sub(r"\s+", " ", rule["template"].format_map(cells)).strip()
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
            data.setdefault(top, {})[name.split(".", 1)[1]] = value
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
