"""Explanations are built without validation (matching/wording.py, for speed): every one the
API shows on the demo data, in English and Chinese, equals the same explanation validated, and
its Chinese text is what the validated codes and parameters render to."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from fastapi.testclient import TestClient

from matchmaker.config import Settings
from matchmaker.demo import seed
from matchmaker.matching.messages import Message, render
from matchmaker.matching.schemas import Explanation
from matchmaker.web import i18n


def _explanations(match: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for component in match["components"].values():
        if component["explanation"] is not None:
            yield component["explanation"]
    yield from match["reason_parts"]
    yield from match["improve_parts"]


def test_every_shown_explanation_equals_its_validated_twin(
    client: TestClient, settings: Settings
) -> None:
    seed.load(settings, client.app.state.runtime)  # type: ignore[attr-defined]
    paths = [
        f"/v1/startups/{i}/matches?target={t}"
        for i in (1, 2, 3)
        for t in ("incubators", "partners", "scenarios")
    ]
    paths += ["/v1/incubators/1/matches", "/v1/scenarios/1/matches"]
    seen = 0
    for lang in ("en", "zh"):
        translate = functools.partial(i18n.gettext, lang)
        for path in paths:
            r = client.get(path, params={"limit": 100}, headers={"Accept-Language": lang})
            assert r.status_code == 200, r.text
            for match in r.json()["matches"]:
                for shown in _explanations(match):
                    twin = Explanation.model_validate(shown)
                    assert twin.model_dump(mode="json") == shown
                    message = Message(twin.code, twin.params)
                    assert render(message, lang, translate) == shown["text"]
                    seen += 1
    assert seen > 500  # the demo data gives every kind of sentence many times
