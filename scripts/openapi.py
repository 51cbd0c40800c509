"""Print the app's OpenAPI document as stable JSON (``make client`` and the baseline use it).

Building the app connects to nothing, so no database or model is needed.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from matchmaker.app import create_app
from matchmaker.config import Settings


def document() -> dict[str, Any]:
    schema: dict[str, Any] = create_app(Settings()).openapi()
    return schema


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(dumps(document()))
