"""A mapping's values are checked when it is read, so a wrong one is refused before a job
exists instead of crashing every row of it (no database)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from matchmaker.imports import readers
from matchmaker.imports.mapping import MappingError, apply, parse
from matchmaker.startups.schemas import StartupCreate

BAD_RULES: list[tuple[Any, str, str]] = [
    ({"column": "domains", "split": ""}, "fields.domains.split", "a separator"),
    ({"column": "domains", "split": 1}, "fields.domains.split", "a separator"),
    ({"column": "domains", "pick": "first"}, "fields.domains.pick", "a whole number"),
    ({"column": "domains", "pick": True}, "fields.domains.pick", "a whole number"),
    ({"column": "domains", "truncate": "ten"}, "fields.domains.truncate", "a whole number"),
    ({"column": "domains", "truncate": 0}, "fields.domains.truncate", "at least 1"),
    ({"column": "domains", "keywords": {"ai": 5}}, "fields.domains.keywords", "ai: a list"),
    ({"column": "domains", "keywords": ["ai"]}, "fields.domains.keywords", "an object"),
    ({"column": "domains", "keywords": {"ai": [""]}}, "fields.domains.keywords", "non-empty"),
    ({"column": "domains", "map": ["ai"]}, "fields.domains.map", "an object"),
    ({"column": "domains", "keep_unmapped": "yes"}, "fields.domains.keep_unmapped", "true or"),
    ({"column": 5}, "fields.domains.column", "a column name"),
    ({"column": ["a"]}, "fields.domains.column", "a column name"),
    ({"column": " "}, "fields.domains.column", "a column name"),
    ([], "fields.domains", "at least one rule"),
    (["tags", {"column": "d", "pick": "x"}], "fields.domains.1.pick", "a whole number"),
    ({"template": "{name"}, "fields.domains.template", "expected '}'"),
    ({"template": "}"}, "fields.domains.template", "Single '}'"),
    ({"template": "{}"}, "fields.domains.template", "{} is not a plain {column} name"),
    ({"template": "{name!x}"}, "fields.domains.template", "{name!x} is not a plain"),
    ({"template": "{name:d}"}, "fields.domains.template", "{name:d} is not a plain"),
    ({"template": "{name[0]}"}, "fields.domains.template", "{name[0]} is not a plain"),
    ({"template": "{name.upper}"}, "fields.domains.template", "{name.upper} is not a plain"),
    ({"template": 3}, "fields.domains.template", "a string"),
    # Stored with the job: PostgreSQL cannot store a NUL, and no column is named with one.
    ("dom\x00ains", "fields.domains", "control characters (U+0000)"),
    ({"column": "domains", "map": {"a\x00i": "ai"}}, "fields.domains.map", "(U+0000)"),
    ({"column": "domains", "split": "\x07"}, "fields.domains.split", "(U+0007)"),
]


@pytest.mark.parametrize(("rule", "path", "reason"), BAD_RULES)
def test_every_rule_value_is_checked(rule: Any, path: str, reason: str) -> None:
    with pytest.raises(MappingError) as err:
        parse({"fields": {"domains": rule}}, StartupCreate)
    assert err.value.path == path
    assert reason in err.value.reason
    assert str(err.value) == f"{path}: {err.value.reason}"


def test_the_external_id_rules_are_checked_too() -> None:
    with pytest.raises(MappingError) as err:
        parse({"external_id": {"column": "id", "split": ""}, "fields": {}}, StartupCreate)
    assert err.value.path == "external_id.split"


@pytest.mark.parametrize(
    ("encoding", "reason"),
    [
        ("nonsense-enc", "'nonsense-enc' is not a text encoding Python knows"),
        ("rot13", "'rot13' is not a text encoding Python knows"),
        (5, "the name of a text encoding"),
        ("utf-16", "'utf-16' is not supported: a file is read line by line"),
        ("utf-32-le", "'utf-32-le' is not supported"),
    ],
)
def test_an_encoding_the_reader_cannot_use_is_refused(encoding: Any, reason: str) -> None:
    with pytest.raises(MappingError) as err:
        parse({"encoding": encoding, "fields": {}}, StartupCreate)
    assert err.value.path == "encoding"
    assert err.value.reason.startswith(reason)


def test_usable_encodings_are_kept_and_utf8_reads_a_bom(tmp_path: Path) -> None:
    assert parse({"encoding": "gb18030", "fields": {}}, StartupCreate).encoding == "gb18030"
    mapping = parse({"encoding": "UTF8", "fields": {"name": "name"}}, StartupCreate)
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffexternal_id,name\nz1,天津\n".encode())
    (record,) = readers.Reader(path, "csv", mapping.encoding)
    assert record.data is not None
    assert apply(mapping, record.data) == ({"name": "天津"}, "z1")


def test_a_template_fills_in_cells_as_text_and_braces_can_be_written() -> None:
    mapping = parse(
        {"external_id": {"template": "{id}"}, "fields": {"name": {"template": "{{{n}}} {x}"}}},
        StartupCreate,
    )
    assert apply(mapping, {"id": 7, "n": "{y}"}) == ({"name": "{{y}}"}, "7")
