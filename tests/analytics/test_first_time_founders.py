"""Startups' optional first_time_founders: JSON booleans in the API, yes/no text in files and
forms, unknown when left out."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from matchmaker.kinds import STARTUP
from matchmaker.profiles.schemas import TEXT_INPUT
from matchmaker.startups.schemas import StartupCreate
from matchmaker.web import forms
from tests.conftest import bearer, mint_key
from tests.factories import startup_body
from tests.imports.helpers import run
from tests.web.test_session import _browser, _sign_in


def test_the_api_stores_reads_and_clears_the_flag(client: TestClient) -> None:
    r = client.post("/v1/startups", json=startup_body(first_time_founders=True))
    assert r.status_code == 201, r.text
    startup = r.json()
    assert startup["first_time_founders"] is True
    unsaid = client.post("/v1/startups", json=startup_body()).json()
    assert unsaid["first_time_founders"] is None
    patched = client.patch(f"/v1/startups/{startup['id']}", json={"first_time_founders": None})
    assert patched.status_code == 200, patched.text
    assert patched.json()["first_time_founders"] is None
    wrong = client.post("/v1/startups", json=startup_body(first_time_founders="yes"))
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["field"] == "first_time_founders"


@pytest.mark.parametrize(
    ("cell", "expected"), [("yes", True), ("TRUE", True), ("0", False), ("no", False)]
)
def test_text_input_says_yes_or_no_in_words(cell: str, expected: bool) -> None:
    body = startup_body(first_time_founders=cell)
    assert StartupCreate.model_validate(body, context={TEXT_INPUT: True}).first_time_founders is (
        expected
    )
    with pytest.raises(ValidationError):
        StartupCreate.model_validate(body)  # JSON must send true or false
    with pytest.raises(ValidationError):
        StartupCreate.model_validate(
            startup_body(first_time_founders="maybe"), context={TEXT_INPUT: True}
        )


def test_a_csv_column_named_like_the_field_is_imported(client: TestClient) -> None:
    rows = [
        "external_id,name,domains,stage,trl,region,first_time_founders",
        "s1,First Spark,ai,idea,2,beijing,yes",
        "s2,Second Act,ai,pilot,6,hebei,no",
        "s3,Quiet One,ai,pilot,6,tianjin,",
    ]
    job = run(client, "\n".join(rows) + "\n", "startups.csv")
    assert job["status"] == "finished", job
    assert job["created"] == 3, job["errors"]
    found = {
        s["name"]: s["first_time_founders"]
        for s in client.get("/v1/startups", params={"limit": 10}).json()["items"]
    }
    assert found == {"First Spark": True, "Second Act": False, "Quiet One": None}


@pytest.mark.parametrize("answer", [True, False, None])
def test_the_startup_form_shows_the_answer_and_keeps_it_through_an_edit(
    client: TestClient, answer: bool | None
) -> None:
    key = mint_key(client, "founder")
    created = client.post(
        "/v1/startups", json=startup_body(first_time_founders=answer), headers=bearer(key)
    )
    startup = created.json()["id"]
    browser = _browser(client.app)  # type: ignore[arg-type]
    _sign_in(browser, key)
    page = browser.get(f"/startups/{startup}/edit").text
    select = page[page.index('name="first_time_founders"') :].split("</select>")[0]
    chosen = re.findall(r'<option value="(\w*)" selected', select)
    assert chosen == ([] if answer is None else [str(answer).lower()])
    with client.app.state.sessions() as session:  # type: ignore[attr-defined]
        row = session.get(STARTUP.model, startup)
        body, _ = forms.validate(forms.from_profile(row), "en")
    assert body is not None
    assert body.first_time_founders is answer  # the form posts back what it showed
