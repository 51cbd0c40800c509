"""The published contract (docs/openapi-baseline.json) is only broken when the changelog says so."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from scripts.openapi import document
from scripts.openapi_diff import breaking, unannounced

ROOT = Path(__file__).resolve().parents[2]


def _baseline() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((ROOT / "docs/openapi-baseline.json").read_text("utf-8"))
    return doc


def test_the_app_keeps_the_published_contract_or_the_changelog_announces_the_break() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert unannounced(_baseline(), document(), changelog) == []


def test_a_removed_field_a_narrowed_type_and_a_renamed_operation_are_breaking() -> None:
    old = document()
    new = copy.deepcopy(old)
    schemas = new["components"]["schemas"]
    del schemas["StartupRead"]["properties"]["pitch"]
    schemas["IncubatorRead"]["properties"]["capacity"] = {"type": "string"}
    schemas["Stage"]["enum"] = schemas["Stage"]["enum"][1:]
    new["paths"]["/v1/startups"]["post"]["operationId"] = "create_startup"
    found = breaking(old, new)
    keys = {line.split(":", 1)[0] for line in found}
    assert keys == {
        "StartupRead.pitch",
        "IncubatorRead.capacity",
        "Stage",
        "operation startups_create",
    }, found
    assert unannounced(old, new, "- Breaking: `StartupRead.pitch`, `Stage`") != []
    announced = "\n".join(f"- Breaking: `{key}` (see v2)" for key in keys)
    assert unannounced(old, new, announced) == []


def test_additions_are_not_breaking() -> None:
    old = document()
    new = copy.deepcopy(old)
    new["components"]["schemas"]["StartupRead"]["properties"]["extra"] = {"type": "string"}
    new["components"]["schemas"]["StartupRead"]["required"].append("extra")
    new["paths"]["/v1/extra"] = {"get": {"operationId": "extra_list", "responses": {}}}
    assert breaking(old, new) == []
