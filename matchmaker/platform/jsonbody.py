"""JSON with a key given twice in one object is refused, naming the key, instead of read.

``json.loads`` keeps the last of two values silently: ``{"trl": 3, "trl": 4}`` is stored as
TRL 4, and a client with such a bug loses data without knowing. The check is an
``object_pairs_hook``, so it costs only while a body is parsed, and the paths of the keys
are looked for only when one was repeated.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from fastapi import HTTPException
from starlette.requests import Request

Path = tuple[str | int, ...]
REASON = "given more than once; send each key once"


class DuplicateKeys(HTTPException):
    """Raised by ``loads``. An HTTPException because FastAPI's body reading lets those through
    as they are, while it turns any other error into a bare 400."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(422, REASON)
        self.paths = paths

    def errors(self, prefix: Path = ("body",)) -> list[dict[str, Any]]:
        """As pydantic's errors, which the API renders as ``[{field, reason}]``."""
        return [
            {"type": "duplicate_key", "loc": (*prefix, *path), "msg": REASON, "input": None}
            for path in self.paths
        ]


class _Twice(dict[str, Any]):
    """A parsed object in which the keys ``twice`` were given more than once."""

    __slots__ = ("twice",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        counts = Counter(key for key, _ in pairs)
        self.twice = [key for key in counts if counts[key] > 1]


def _paths(value: Any) -> list[Path]:
    """Where the repeated keys are, in document order; a loop, as bodies may nest deeply."""
    found: list[Path] = []
    stack: list[tuple[Path, Any]] = [((), value)]
    while stack:
        at, item = stack.pop()
        children: list[tuple[Path, Any]] = []
        if isinstance(item, _Twice):
            found.extend((*at, key) for key in item.twice)
        if isinstance(item, dict):
            children = [((*at, key), child) for key, child in item.items()]
        elif isinstance(item, list):
            children = [((*at, i), child) for i, child in enumerate(item)]
        stack.extend(reversed(children))
    return found


class KeyCheck:
    """An ``object_pairs_hook`` that notes objects that repeat a key; ``repeated`` then says
    where, for the last value decoded (an import file decodes one row at a time)."""

    def __init__(self) -> None:
        self._seen = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        value = dict(pairs)
        if len(value) == len(pairs):
            return value
        self._seen = True
        return _Twice(pairs)

    def repeated(self, value: Any) -> list[Path]:
        """The paths of the keys ``value`` repeats (none, at no cost, when it repeats none)."""
        if not self._seen:
            return []
        self._seen = False
        return _paths(value)


def loads(text: str | bytes) -> Any:
    """``json.loads``, but a key given twice in one object raises ``DuplicateKeys``."""
    check = KeyCheck()
    value = json.loads(text, object_pairs_hook=check)
    if paths := check.repeated(value):
        raise DuplicateKeys(paths)
    return value


def said(path: Path) -> str:
    """A key's path as the API names fields: ``location.region``, ``profiles.1.trl``."""
    return ".".join(str(part) for part in path)


class UniqueKeysRequest(Request):
    """The request the API's routes read: its JSON body refuses repeated keys."""

    async def json(self) -> Any:
        if not hasattr(self, "_unique_json"):
            self._unique_json = loads(await self.body())
        return self._unique_json
