"""A job that cannot run ends ``failed`` saying why, and never holds up the jobs behind it;
files the reviewer found mishandled (mixed JSON records, a bad first CSV row, a repeated
header, empty files) import as their users would expect."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from matchmaker.config import Settings
from matchmaker.imports import rows, service
from matchmaker.imports.readers import EMPTY
from matchmaker.imports.worker import upload_dir
from tests.imports.helpers import finished, operator_job, run, upload

HEADER = "external_id,name,domains,stage,trl,city,region\n"
GOOD = "s1,Alpha Robotics,robotics|ai,prototype,4,Beijing,beijing\n"


def _stored_job(client: TestClient, content: str, mapping: dict[str, Any]) -> int:
    """A queued upload whose mapping was never checked (queued by an older version)."""
    settings: Settings = client.app.state.settings  # type: ignore[attr-defined]
    folder = upload_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"stored-{len(list(folder.iterdir()))}.csv"
    path.write_text(content)
    return operator_job(client, path, "old", mapping)


def test_a_mapping_with_a_wrong_value_is_refused_at_upload(client: TestClient) -> None:
    for mapping, field, reason in (
        ({"fields": {"domains": {"column": "d", "split": ""}}}, "fields.domains.split", "a sep"),
        ({"encoding": "nonsense-enc", "fields": {}}, "encoding", "'nonsense-enc' is not"),
        ({"encoding": "utf-16", "fields": {}}, "encoding", "'utf-16' is not supported"),
        ({"fields": {"name": {"template": "{name.upper}"}}}, "fields.name.template", "{name."),
        ({"fields": {"name": "na\x00me"}}, "fields.name", "must not contain control"),
    ):
        r = upload(client, HEADER + GOOD, "a.csv", mapping=mapping)
        assert r.status_code == 422, r.text
        (detail,) = r.json()["detail"]
        assert detail["field"] == f"mapping.{field}"
        assert detail["reason"].startswith(reason), detail
    assert client.get("/v1/imports").json() == []


def test_a_job_that_cannot_start_fails_and_the_next_one_runs(client: TestClient) -> None:
    bad = _stored_job(client, HEADER + GOOD, {"fields": {"domains": {"column": "d", "split": ""}}})
    job = run(client, HEADER + GOOD, "a.csv", source="new")
    assert (job["status"], job["created"]) == ("finished", 1)
    old = finished(client, bad)
    assert old["status"] == "failed"
    assert old["message"] == "cannot start: fields.domains.split: a separator (a non-empty string)"


def test_an_unexpected_error_fails_the_job_with_a_message(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: Any) -> Any:
        raise KeyError("surprise")

    monkeypatch.setattr(service, "Target", broken)
    job = run(client, HEADER + GOOD, "a.csv")
    assert job["status"] == "failed"
    assert job["message"] == (
        "stopped by an unexpected error (KeyError: 'surprise'); "
        "the rows counted before it were imported"
    )
    monkeypatch.undo()
    job = run(client, HEADER + GOOD, "a.csv")  # the worker went on
    assert (job["status"], job["created"]) == ("finished", 1)


def test_a_row_that_raises_unexpectedly_is_a_row_error(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    validated, import_row = rows.validated, rows.import_row

    def validate_badly(target: Any, record: dict[str, Any]) -> Any:
        if record["external_id"] == "s2":
            raise ZeroDivisionError("division by zero")
        return validated(target, record)

    def write_badly(session: Any, target: Any, row: Any, refs: Any) -> Any:
        if row.external_id == "s3":
            raise AttributeError("no such thing")
        return import_row(session, target, row, refs)

    monkeypatch.setattr(rows, "validated", validate_badly)
    monkeypatch.setattr(service, "import_row", write_badly)
    content = HEADER + GOOD + GOOD.replace("s1,Alpha", "s2,Beta") + GOOD.replace("s1,A", "s3,G")
    job = run(client, content + GOOD.replace("s1,Alpha", "s4,Delta"), "a.csv")
    assert (job["status"], job["rows_read"], job["created"], job["failed"]) == (
        "finished",
        4,
        2,
        2,
    )
    assert [(e["row"], e["field"], e["reason"]) for e in job["errors"]] == [
        (2, "row", "could not be read: unexpected ZeroDivisionError: division by zero"),
        (3, "row", "could not be imported: unexpected AttributeError: no such thing"),
    ]


def test_each_json_record_brings_its_own_fields(client: TestClient) -> None:
    first = {
        "external_id": "j1",
        "name": "Jay One Robotics",
        "domains": ["robotics"],
        "stage": "prototype",
        "trl": 4,
        "location": {"city": "Beijing", "region": "beijing"},
    }
    second = {
        **first,
        "external_id": "j2",
        "name": "Jay Two Photonics",
        "description": "Silicon photonics transceivers for data centres",
        "tags": ["siph"],
        "team_size": 12,
    }
    job = run(client, f"{json.dumps(first)}\n{json.dumps(second)}\n", "mixed.jsonl")
    assert (job["status"], job["created"]) == ("finished", 2)
    items = {s["name"]: s for s in client.get("/v1/startups").json()["items"]}
    two = items["Jay Two Photonics"]
    assert (two["description"], two["tags"], two["team_size"]) == (
        "Silicon photonics transceivers for data centres",
        ["siph"],
        12,
    )


def test_an_unreadable_first_csv_row_costs_that_row_only(client: TestClient) -> None:
    content = HEADER + "r1,Short\n" + GOOD + GOOD.replace("s1,Alpha", "s2,Beta")
    job = run(client, content, "a.csv")
    assert (job["status"], job["created"], job["failed"]) == ("finished", 2, 1)
    assert [(e["row"], e["field"]) for e in job["errors"]] == [(1, "row")]


def test_a_repeated_header_column_fails_the_job(client: TestClient) -> None:
    content = "external_id,name,domains,stage,trl,trl,city,region\n"
    job = run(client, content + "s3,Gamma,quantum,prototype,4,7,Beijing,beijing\n", "d.csv")
    assert (job["status"], job["rows_read"]) == ("failed", 0)
    assert job["message"] == "the header names 'trl' more than once; name each once"
    assert client.get("/v1/startups").json()["items"] == []


@pytest.mark.parametrize("filename", ["e.csv", "e.json", "e.jsonl"])
def test_an_empty_file_fails_the_same_way_in_every_format(
    client: TestClient, filename: str
) -> None:
    job = run(client, "", filename)
    assert (job["status"], job["message"], job["rows_read"]) == ("failed", EMPTY, 0)


@pytest.mark.parametrize(("content", "filename"), [(HEADER, "h.csv"), ("[]", "a.json")])
def test_a_file_without_records_finishes_saying_so(
    client: TestClient, content: str, filename: str
) -> None:
    job = run(client, content, filename)
    assert (job["status"], job["rows_read"]) == ("finished", 0)
    assert job["message"] == "the file holds no records (a header alone, or an empty array)"


def test_a_utf8_mapping_reads_a_file_that_starts_with_a_bom(client: TestClient) -> None:
    fields = {"name": "name", "domains": {"column": "domains", "split": "|"}, "stage": "stage"}
    fields |= {"trl": "trl", "location.region": "region"}
    job = run(
        client, "\ufeff" + HEADER + GOOD, "bom.csv", mapping={"encoding": "utf-8", "fields": fields}
    )
    assert (job["status"], job["created"], job["failed"]) == ("finished", 1, 0), job["errors"]


def test_a_file_carrying_some_columns_updates_the_profiles_it_links_to(
    client: TestClient,
) -> None:
    first = "external_id,name,domains,stage,trl,city,region,country\n"
    first += "L1,Loc Test Abroad Co,robotics,prototype,4,Munich,abroad,DE\n"
    assert run(client, first, "loc.csv", source="loc")["created"] == 1
    # Only the city, and a team size written as digits; L2 links to nothing, so is refused.
    later = "external_id,city,team_size\nL1,Berlin,12\nL2,Paris,3\n"
    job = run(client, later, "loc2.csv", source="loc")
    assert (job["status"], job["updated"], job["failed"]) == ("finished", 1, 1)
    assert {(e["row"], e["field"]) for e in job["errors"]} >= {(2, "name")}
    (profile,) = client.get("/v1/startups").json()["items"]
    assert profile["location"] == {"city": "Berlin", "region": "abroad", "country": "DE"}
    assert (profile["name"], profile["trl"], profile["team_size"]) == ("Loc Test Abroad Co", 4, 12)
    # A value that is wrong is still refused, by the rules a profile's update follows.
    job = run(client, "external_id,trl\nL1,12\n", "loc3.csv", source="loc")
    assert (job["updated"], job["failed"]) == (0, 1)
    assert [(e["row"], e["field"]) for e in job["errors"]] == [(1, "trl")]
    assert client.get("/v1/startups").json()["items"][0]["trl"] == 4
