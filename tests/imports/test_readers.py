"""Streaming readers and column mappings, on files written by the test (no database)."""

from __future__ import annotations

import csv
import json
import tracemalloc
from pathlib import Path

import pytest

from matchmaker.imports import readers
from matchmaker.imports.mapping import MappingError, RowInvalid, apply, parse
from matchmaker.incubators.schemas import IncubatorCreate
from matchmaker.startups.schemas import StartupCreate

ROWS = 100_000


def _peak_while_reading(path: Path, fmt: str) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for r in readers.Reader(path, fmt) if r.data is not None)
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_100k_rows_stream_in_bounded_memory(tmp_path: Path) -> None:
    row = {"external_id": "", "name": "", "pitch": "Solid-state lidar for mining trucks " * 3}
    path_csv, path_json = tmp_path / "big.csv", tmp_path / "big.json"
    with open(path_csv, "w", newline="") as f, open(path_json, "w") as j:
        writer = csv.DictWriter(f, fieldnames=list(row))
        writer.writeheader()
        j.write("[\n")
        for i in range(ROWS):
            record = {**row, "external_id": f"s{i}", "name": f"Startup {i}"}
            writer.writerow(record)
            j.write(("," if i else "") + json.dumps(record) + "\n")
        j.write("]\n")
    for path, fmt in ((path_csv, "csv"), (path_json, "json")):
        count, peak = _peak_while_reading(path, fmt)
        assert count == ROWS
        # The files are 12-14 MB; the reader never holds more than a sliver of them.
        assert path.stat().st_size > 10_000_000
        assert peak < 2_000_000, (fmt, peak)


def test_json_elements_across_buffer_boundaries(tmp_path: Path) -> None:
    records = [
        {"n": i, "text": "x" * (i * 37 % 5000), "nested": {"a": [i, "]"]}} for i in range(400)
    ]
    path = tmp_path / "a.json"
    path.write_text(json.dumps(records, indent=1))
    got = list(readers.Reader(path, "json"))
    assert [r.data for r in got] == records
    assert [r.row for r in got] == list(range(1, 401))


def test_broken_json_array_reports_where_it_broke(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text('[{"a": 1}, {"a": 2} {"a": 3}]')
    got = list(readers.Reader(path, "json"))
    assert [r.data for r in got[:2]] == [{"a": 1}, {"a": 2}]
    assert got[2].row == 3
    assert got[2].error == "expected ',' or ']' between elements"
    path.write_text('{"a": 1}')
    (only,) = readers.Reader(path, "json")
    assert only.error == "a JSON import is one array of objects: [{...}, ...]"


def test_an_undecodable_line_costs_one_row(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"name,pitch\nOk,fine\nBad,\xff\xfe\nAlso ok,\xe5\x8c\x97\xe4\xba\xac\n")
    got = list(readers.Reader(path, "csv"))
    assert [r.data for r in got] == [
        {"name": "Ok", "pitch": "fine"},
        None,
        {"name": "Also ok", "pitch": "北京"},
    ]
    assert got[1].row == 2
    assert got[1].error is not None
    assert got[1].error.startswith("not utf-8-sig text")


def test_mapping_rules() -> None:
    mapping = parse(
        {
            "external_id": ["id", {"template": "{name}-{city}"}],
            "fields": {
                "name": {"column": "name", "truncate": 5},
                "description": {"template": "{name} in {city}. {missing}"},
                "domains": [
                    {
                        "column": "tags",
                        "split": "|",
                        "map": {"AI": "ai", "bots": ["robotics", "ai"]},
                    },
                    {"value": ["quantum"]},
                ],
                "kind": {
                    "column": "type",
                    "keywords": {"maker_space": ["maker"], "corporate_incubator": ["corp"]},
                },
                "location.country": {"column": "place", "split": ",", "pick": -1},
                "location.region": {"column": "place", "map": {}, "default": "abroad"},
                "capacity": {"column": "seats", "default": 3},
            },
        },
        IncubatorCreate,
    )
    data, external = apply(
        mapping,
        {
            "name": "Robotics Hub",
            "city": "Oslo",
            "tags": "bots | AI",
            "type": "Corp maker lab",
            "place": "Oslo, NO",
            "seats": "",
        },
    )
    assert external == "Robotics Hub-Oslo"
    assert data == {
        "name": "Robot",
        "description": "Robotics Hub in Oslo.",
        "domains": ["robotics", "ai"],
        "kind": "maker_space",
        "location": {"country": "NO", "region": "abroad"},
        "capacity": 3,
    }
    data, _ = apply(mapping, {"id": 7, "name": "X", "tags": "fintech", "place": "Oslo, NO"})
    assert data["domains"] == ["quantum"]
    with pytest.raises(RowInvalid) as err:
        apply(parse({"fields": {"name": "n"}}, StartupCreate), {"n": "x"})
    assert err.value.errors == [("external_id", "missing: every row needs its source id")]


def test_mapping_mistakes_are_caught_before_any_row() -> None:
    for raw, message in (
        ({"fields": {"colour": "c"}}, "not fields of this kind: colour"),
        ({"fields": {"name": {"column": "a", "value": "b"}}}, "exactly one of"),
        ({"fields": {"name": {"column": "a", "shout": True}}}, "unknown rule keys"),
        ({"columns": {}}, '"fields"'),
    ):
        with pytest.raises(MappingError, match=message):
            parse(raw, StartupCreate)


def test_without_a_mapping_columns_named_like_fields_are_used() -> None:
    mapping = parse(None, StartupCreate)
    data, external = apply(
        mapping,
        {
            "external_id": "e1",
            "name": "N",
            "domains": "ai|quantum",
            "city": "Tianjin",
            "colour": "red",
        },
    )
    assert external == "e1"
    assert data == {"name": "N", "domains": ["ai", "quantum"], "location": {"city": "Tianjin"}}
    data, _ = apply(mapping, {"external_id": "e2", "location.region": "tianjin", "city": "T"})
    assert data == {"location": {"city": "T", "region": "tianjin"}}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_row_that_gives_a_key_twice_is_an_error_and_the_others_are_read(
    tmp_path: Path, fmt: str
) -> None:
    """A request body that repeats a key is refused; a file's row is too, rather than
    keeping its last value. Rows around it are read as usual."""
    rows = [
        '{"external_id": "a", "name": "First"}',
        '{"external_id": "b", "name": "Second", "name": "Other",'
        ' "location": {"region": "beijing", "region": "tianjin"}}',
        '{"external_id": "c", "name": "Third"}',
    ]
    path = tmp_path / f"rows.{fmt}"
    path.write_text("[" + ",\n".join(rows) + "]" if fmt == "json" else "\n".join(rows))
    records = list(readers.Reader(path, fmt))
    assert [r.row for r in records] == [1, 2, 3]
    assert [r.data["name"] if r.data else None for r in records] == ["First", None, "Third"]
    assert records[1].error == "'name', 'location.region' given more than once; give each key once"


def test_without_a_mapping_each_json_record_is_read_by_its_own_keys() -> None:
    mapping = parse(None, StartupCreate)
    first = {"external_id": "j1", "name": "One", "location": {"city": "Beijing"}}
    later = {**first, "external_id": "j2", "description": "More", "tags": ["x"], "team_size": 12}
    assert apply(mapping, first)[0] == {"name": "One", "location": {"city": "Beijing"}}
    assert apply(mapping, later)[0] == {
        "name": "One",
        "description": "More",
        "tags": ["x"],
        "team_size": 12,
        "location": {"city": "Beijing"},
    }
    # A part beside the whole joins it, and the record read stays as it was.
    both = {"external_id": "j3", "location": {"city": "Beijing"}, "region": "beijing"}
    assert apply(mapping, both)[0] == {"location": {"city": "Beijing", "region": "beijing"}}
    assert both["location"] == {"city": "Beijing"}
    with pytest.raises(RowInvalid) as err:
        apply(mapping, {"external_id": "c1", "location": "Beijing", "city": "Beijing"})
    assert err.value.errors == [("location.city", "location is given whole and by part; give one")]


def test_a_header_that_names_a_column_twice_refuses_the_file(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("external_id,name,trl,Name,trl,name,,\ns3,Gamma,4,G,7,g,,\n")
    (only,) = readers.Reader(path, "csv")
    assert only.row == 0
    assert only.error == "the header names 'name', 'trl' more than once; name each once"
    # Empty names (trailing commas of a spreadsheet) are not columns, so not repeats.
    path.write_text("external_id,name,,\ns3,Gamma,,\n")
    (record,) = readers.Reader(path, "csv")
    assert record.data == {"external_id": "s3", "name": "Gamma", "": ""}


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
@pytest.mark.parametrize("content", [b"", b"\n \n", b"\xef\xbb\xbf"])
def test_an_empty_file_is_one_whole_file_error_in_every_format(
    tmp_path: Path, fmt: str, content: bytes
) -> None:
    path = tmp_path / f"empty.{fmt}"
    path.write_bytes(content)
    assert list(readers.Reader(path, fmt)) == [readers.Record(0, None, readers.EMPTY)]


def test_a_cell_over_the_size_limit_is_named(tmp_path: Path) -> None:
    limit = csv.field_size_limit()
    path = tmp_path / "big.csv"
    huge = "x" * (limit + 1)
    quoted = '"a ""quoted"", cell,\n' + "y" * limit + '"'
    path.write_text(
        "external_id,name,description\n"
        f"h1,Huge,{huge}\n"
        f"h2,{quoted},short\n"
        f"h3,Fine,{huge},extra\n"
        "h4,Fine,short\n"
    )
    got = list(readers.Reader(path, "csv"))
    errors = {r.row: r.error for r in got if r.error}
    assert errors[1] == (
        f"not valid CSV: the cell of column 'description' (3) is longer than {limit} characters"
    )
    assert errors[2] == (
        f"not valid CSV: the cell of column 'name' (2) is longer than {limit} characters"
    )
    assert errors[3] == (
        f"not valid CSV: the cell of column 'description' (3) is longer than {limit} characters"
    )
    assert got[-1].data == {"external_id": "h4", "name": "Fine", "description": "short"}
