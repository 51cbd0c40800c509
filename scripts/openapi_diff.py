"""Breaking changes between two OpenAPI documents of this API (the published baseline and now).

A change breaks a generated client when an operation disappears or is renamed, a parameter
or request field is removed or becomes required, a value a request could send is no longer
accepted (an enum loses a member), or a response field disappears, changes type or may now be
missing. Each change is named by a key (``operation startups_read``, ``StartupRead.name``)
that CHANGELOG.md must mention on a line starting with ``- Breaking`` for it to pass.

    python -m scripts.openapi_diff docs/openapi-baseline.json   # against the app as it is now
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from matchmaker.platform.contract import schema_roles

ROOT = Path(__file__).resolve().parents[1]


def _operations(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        op["operationId"]: {**op, "_path": path, "_method": method}
        for path, ops in doc.get("paths", {}).items()
        for method, op in ops.items()
        if isinstance(op, dict) and "operationId" in op
    }


def _kind(prop: dict[str, Any]) -> Any:
    """What a property is, ignoring descriptions, titles, examples and limits."""
    if "$ref" in prop:
        return prop["$ref"]
    if "anyOf" in prop:
        return sorted(json.dumps(_kind(p), sort_keys=True) for p in prop["anyOf"])
    if prop.get("type") == "array":
        return ["array", _kind(prop.get("items", {}))]
    return prop.get("type")


def breaking(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Every breaking change from ``old`` to ``new``, one line each, starting with its key."""
    found: list[str] = []
    old_ops, new_ops = _operations(old), _operations(new)
    for op_id, op in old_ops.items():
        if op_id not in new_ops:
            found.append(f"operation {op_id}: removed or renamed ({op['_method']} {op['_path']})")
            continue
        before = {p["name"]: p for p in op.get("parameters", [])}
        after = {p["name"]: p for p in new_ops[op_id].get("parameters", [])}
        for name in before.keys() - after.keys():
            found.append(f"operation {op_id}.{name}: parameter removed")
        for name, param in after.items():
            if param.get("required") and not before.get(name, {}).get("required"):
                found.append(f"operation {op_id}.{name}: parameter now required")
    old_schemas = old.get("components", {}).get("schemas", {})
    new_schemas = new.get("components", {}).get("schemas", {})
    inputs, _ = schema_roles(new)
    for name, schema in old_schemas.items():
        if name not in new_schemas:
            found.append(f"{name}: schema removed or renamed")
            continue
        now = new_schemas[name]
        lost = set(schema.get("enum", [])) - set(now.get("enum", []))
        if lost:
            found.append(f"{name}: enum values removed {sorted(lost)}")
        props, now_props = schema.get("properties", {}), now.get("properties", {})
        for field, prop in props.items():
            key = f"{name}.{field}"
            if field not in now_props:
                found.append(f"{key}: field removed")
            elif _kind(prop) != _kind(now_props[field]):
                found.append(f"{key}: type changed")
        was, is_now = set(schema.get("required", [])), set(now.get("required", []))
        if name in inputs:
            found += [f"{name}.{f}: now required in requests" for f in sorted(is_now - was)]
        else:
            found += [f"{name}.{f}: may now be missing" for f in sorted(was - is_now)]
    return found


def announced(changelog: str) -> set[str]:
    """Keys that CHANGELOG.md announces as breaking (``- Breaking ...`` lines)."""
    return {
        key
        for line in changelog.splitlines()
        if line.startswith("- Breaking")
        for key in re.findall(r"`([^`]+)`", line)
    }


def unannounced(old: dict[str, Any], new: dict[str, Any], changelog: str) -> list[str]:
    keys = announced(changelog)
    return [c for c in breaking(old, new) if c.split(":", 1)[0] not in keys]


if __name__ == "__main__":
    from scripts.openapi import document

    baseline = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    changes = unannounced(baseline, document(), (ROOT / "CHANGELOG.md").read_text("utf-8"))
    print("\n".join(changes) or "no breaking change")
    sys.exit(1 if changes else 0)
