"""Imports through the API: bad rows reported and skipped, re-runs update, three formats."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from matchmaker.app import create_app
from matchmaker.config import Settings
from matchmaker.matching.encoder import Encoder
from tests.conftest import KeyFactory, as_admin
from tests.imports.helpers import finished, run, upload

MAPPING = {
    "external_id": "crm_id",
    "fields": {
        "name": "company",
        "pitch": {"column": "about", "truncate": 280},
        "domains": {"column": "sectors", "split": ";", "map": {"AI": "ai", "Robots": "robotics"}},
        "stage": {"value": "prototype"},
        "trl": "trl",
        "location.city": "city",
        "location.region": {"column": "city", "map": {"Beijing": "beijing", "Tianjin": "tianjin"}},
        "needs": {"column": "needs", "split": ";"},
    },
}
CSV = "\n".join(
    [
        "crm_id,company,about,sectors,trl,city,needs",
        "c1,Arm Lab,Dexterous robot hands,Robots;AI,4,Beijing,lab_equipment",
        "c2,Weld Vision,AI weld inspection,AI,12,Tianjin,",
        "c3,No Sector,Something else,Fintech,5,Beijing,",
        "c4,Far Away,Robots abroad,Robots,5,Paris,",
        ",Anonymous,No id,AI,5,Beijing,",
        'c6,"Quote ""Bots""",Robots with quotes,Robots,6,Tianjin,pilot_line;funding',
        "c7,Too,many,cells,5,Beijing,x,extra",
        "c8,Bad Need,Robots,Robots,5,Beijing,spaceships",
        "",
    ]
)


def _errors(job: dict[str, object]) -> set[tuple[int, str]]:
    return {(e["row"], e["field"]) for e in job["errors"]}  # type: ignore[attr-defined]


def test_bad_rows_are_reported_and_good_rows_imported(client: TestClient) -> None:
    job = run(client, CSV, "crm.csv", mapping=MAPPING, source="crm")
    assert job["status"] == "finished"
    assert (job["rows_read"], job["created"], job["failed"]) == (8, 2, 6)
    assert _errors(job) == {
        (2, "trl"),
        (3, "domains"),
        (4, "location.region"),
        (5, "external_id"),
        (7, "row"),
        (8, "needs.0"),
    }
    reasons = {e["row"]: e["reason"] for e in job["errors"]}
    assert "less than or equal to 9" in reasons[2]
    assert "7 cells" in reasons[7] or "8 cells" in reasons[7]
    names = {s["name"] for s in client.get("/v1/startups").json()["items"]}
    assert names == {"Arm Lab", 'Quote "Bots"'}
    arm = next(s for s in client.get("/v1/startups").json()["items"] if s["name"] == "Arm Lab")
    assert arm["domains"] == ["robotics", "ai"]
    assert arm["location"] == {"city": "Beijing", "region": "beijing", "country": "CN"}


def test_running_the_same_file_again_updates_instead_of_duplicating(client: TestClient) -> None:
    first = run(client, CSV, "crm.csv", mapping=MAPPING, source="crm")
    again = run(client, CSV, "crm.csv", mapping=MAPPING, source="crm")
    assert (again["created"], again["unchanged"], again["failed"]) == (0, 2, 6)
    changed = CSV.replace("Dexterous robot hands", "Dexterous robot hands with touch")
    third = run(client, changed, "crm.csv", mapping=MAPPING, source="crm")
    assert (third["created"], third["updated"], third["unchanged"]) == (0, 1, 1)
    items = client.get("/v1/startups").json()["items"]
    assert len(items) == first["created"] == 2
    arm = next(s for s in items if s["name"] == "Arm Lab")
    assert arm["pitch"] == "Dexterous robot hands with touch"
    assert arm["version"] == 2


def test_jsonl_and_json_arrays_import_the_same_way(client: TestClient) -> None:
    records = [
        {
            "external_id": "j1",
            "name": "Qubit Sense",
            "domains": ["quantum"],
            "stage": "idea",
            "trl": 3,
            "location": {"region": "beijing"},
        },
        {
            "external_id": "j2",
            "name": "Bad TRL",
            "domains": ["quantum"],
            "stage": "idea",
            "trl": "high",
            "location": {"region": "beijing"},
        },
        [1, 2],
        {
            "external_id": "j4",
            "name": "Photon Fab",
            "domains": ["photonics"],
            "stage": "pilot",
            "trl": 6,
            "location": {"region": "hebei", "city": "Langfang"},
        },
    ]
    jsonl = "\n".join(json.dumps(r) for r in records) + "\n{not json}\n"
    job = run(client, jsonl, "batch.jsonl", source="feed")
    assert (job["rows_read"], job["created"], job["failed"]) == (5, 2, 3)
    assert _errors(job) == {(2, "trl"), (3, "row"), (5, "row")}
    # The same records as one JSON array (another source, so new profiles are refused as
    # duplicates of the first import's, by name).
    array = json.dumps(records[:2] + records[3:], indent=2)
    job = run(client, array, "batch.json", source="feed")
    assert (job["rows_read"], job["created"], job["unchanged"], job["failed"]) == (3, 0, 2, 1)


def test_a_platform_imports_into_its_own_namespace(client: TestClient, auth: KeyFactory) -> None:
    one, two, founder = auth("partner"), auth("partner"), auth("founder")
    row = "external_id,name,domains,stage,trl,region\nx1,{name},robotics,pilot,5,tianjin\n"
    job = run(client, row.format(name="One Robotics"), "a.csv", source="crm", headers=one)
    assert job["created"] == 1
    # The same source and id from another platform is another profile, not an update.
    job = run(client, row.format(name="Two Robotics"), "a.csv", source="crm", headers=two)
    assert job["created"] == 1
    mine = client.get(f"/v1/imports/{job['id']}", headers=one)
    assert mine.status_code == 404
    assert [j["id"] for j in client.get("/v1/imports", headers=two).json()] == [job["id"]]
    # A founder may not create incubators, so may not import them either.
    r = upload(client, row, "a.csv", kind="incubators", headers=founder)
    assert r.status_code == 403


def test_a_broken_mapping_or_format_is_refused_before_the_job(client: TestClient) -> None:
    r = upload(client, "a,b\n1,2\n", "x.csv", mapping={"fields": {"colour": "a"}})
    assert r.status_code == 422
    assert r.json()["detail"] == [{"field": "mapping", "reason": "not fields of this kind: colour"}]
    r = upload(client, "a,b\n1,2\n", "x.txt")
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "format"


def test_a_file_name_with_a_nul_is_refused_on_file(client: TestClient) -> None:
    # By hand: httpx would write the NUL as %00 in the part's header.
    body = (
        b"--b\r\n"
        b'Content-Disposition: form-data; name="kind"\r\n\r\nstartups\r\n'
        b"--b\r\n"
        b'Content-Disposition: form-data; name="file"; filename="x\x00.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\na,b\n1,2\n\r\n"
        b"--b--\r\n"
    )
    headers = {"Content-Type": "multipart/form-data; boundary=b"}
    r = client.post("/v1/imports", content=body, headers=headers)
    assert r.status_code == 422, r.text
    assert r.json()["detail"] == [
        {"field": "file", "reason": "the file name must not contain control characters (U+0000)"}
    ]
    assert client.get("/v1/imports").json() == []


def test_a_mapping_that_is_not_a_json_object_is_refused_for_every_role_that_imports(
    client: TestClient, auth: KeyFactory
) -> None:
    kinds = {"founder": "startups", "manager": "incubators", "partner": "scenarios"}
    headers = {role: auth(role) for role in kinds} | {"admin": {}}
    not_objects: tuple[object, ...] = (None, [], 5, "fields")
    for role, kind in (kinds | {"admin": "partners"}).items():
        for mapping in not_objects:
            r = upload(client, "a,b\n1,2\n", "x.csv", kind, headers[role], mapping=mapping)
            assert r.status_code == 422, (role, mapping, r.text)
            assert r.json()["detail"] == [
                {
                    "field": "mapping",
                    "reason": 'must be a JSON object with "fields" (leave it out to map by '
                    "column name)",
                }
            ], (role, mapping)
    assert client.get("/v1/imports").json() == []  # no job was queued


def test_a_queued_upload_is_imported_by_the_next_process(
    settings: Settings, encoder: Encoder
) -> None:
    rows = "external_id,name,domains,stage,trl,region\nr1,Resumed Robotics,robotics,pilot,5,hebei\n"
    stopped = settings.model_copy(update={"workers_enabled": False})
    with TestClient(create_app(stopped, encoder)) as first:
        as_admin(first)
        r = upload(first, rows, "later.csv", source="crm")
        assert r.status_code == 202, r.text
        job_id = r.json()["id"]
        assert first.get(f"/v1/imports/{job_id}").json()["status"] == "queued"
    # The process died with the job queued; the next one picks it up.
    with TestClient(create_app(settings, encoder)) as second:
        as_admin(second)
        job = finished(second, job_id)
        assert (job["status"], job["created"]) == ("finished", 1)
        assert [s["name"] for s in second.get("/v1/startups").json()["items"]] == [
            "Resumed Robotics"
        ]
    assert list((settings.data_dir / "imports").iterdir()) == []  # the upload is removed


def test_a_file_that_cannot_be_read_at_all_fails_the_job(client: TestClient) -> None:
    job = run(client, '{"not": "an array"}', "x.json")
    assert job["status"] == "failed"
    assert job["message"] == "a JSON import is one array of objects: [{...}, ...]"
    assert job["rows_read"] == 0


def test_a_body_that_is_not_multipart_is_called_that(client: TestClient) -> None:
    headers = {"Content-Type": "multipart/form-data; boundary=b"}
    r = client.post("/v1/imports", content=b"--b\r\nnot a part header\r\n--b--", headers=headers)
    assert r.status_code == 422, r.text
    [detail] = r.json()["detail"]
    assert detail["field"] == "body"
    assert detail["reason"].startswith("is not valid multipart form data"), detail
