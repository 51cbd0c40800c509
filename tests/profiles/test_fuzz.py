"""Property-based fuzz of the whole API from its own OpenAPI schema: no input gets a 5xx.

Every operation gets schema-valid and schema-invalid requests; operations on one profile also
get them against a record that exists, so updates and deletes reach the database. Besides "no
5xx", schemathesis checks that status codes, headers and bodies match the documented schema.
Its check that every schema-valid request is accepted is left out: rules across fields (a
location's region and country, trl_min not above trl_max, a publisher id that exists) are not
expressible in the schema and rightly answer 422.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.core.result import Err
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.factories import BODIES

# Per operation and generation mode: about 60 operations, each positive and negative, on two
# databases, must stay within a minute or so of CPU on two cores.
MAX_EXAMPLES = 15


def _fuzz(
    operation: Any, mode: GenerationMode, seen: Counter[str], auth: dict[str, str], **fixed: Any
) -> None:
    @given(case=operation.as_strategy(generation_mode=mode, **fixed))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        # Send the key unless a negative case dropped the header on purpose (that gets 401).
        keep = mode is GenerationMode.POSITIVE or "Authorization" in (case.headers or {})
        response = case.call_and_validate(
            headers=auth if keep else None, excluded_checks=[positive_data_acceptance]
        )
        seen[f"{operation.label} {response.status_code}"] += 1

    run()


def _modes(negative_possible: bool) -> list[GenerationMode]:
    return [GenerationMode.POSITIVE] + ([GenerationMode.NEGATIVE] if negative_possible else [])


def test_no_generated_request_gets_a_server_error(client: TestClient) -> None:
    existing = {
        plural: client.post(f"/v1/{plural}", json=body()).json()["id"]
        for plural, body in BODIES.items()
    }
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    auth = {"Authorization": client.headers["Authorization"]}  # the client's admin key
    throwaway = client.post("/v1/keys", json={"role": "founder"}).json()["id"]
    seen: Counter[str] = Counter()
    for result in schema.get_all_operations():
        if isinstance(result, Err):
            raise result.err()  # the schema itself is broken for this operation
        operation = result.ok()
        params = [p.name for p in operation.iter_parameters()]
        if "key_id" in params:
            # Rotating or revoking a random id could cut the fuzzer's own key: aim elsewhere.
            for mode in _modes(bool(operation.body)):
                _fuzz(operation, mode, seen, auth, path_parameters={"key_id": throwaway})
            continue
        for mode in _modes(bool(params) or bool(operation.body)):
            _fuzz(operation, mode, seen, auth)
        if "profile_id" in params:
            # Negative cases need something left to break once the id is fixed.
            others = bool(operation.body)  # a string header cannot be made invalid
            pid = existing[operation.path.split("/")[2]]
            for mode in _modes(others):
                _fuzz(operation, mode, seen, auth, path_parameters={"profile_id": pid})
    assert any(label.startswith("POST") and label.endswith("201") for label in seen)
    assert any(label.startswith("PATCH") and label.endswith("200") for label in seen)
