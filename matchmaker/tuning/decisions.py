"""Decided pairs and their component values, read through the service's public API.

Only HTTP routes are used (the match records, the profiles and the recommendations for an
unsaved profile), so tuning follows whatever components the engine reports. A declined
pair is never proposed again by the stored-profile match routes; asking as an unsaved
profile, filtered down to the target's kind, region and domains, still scores it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from matchmaker.matching.scoring import PENALTIES
from matchmaker.startups.schemas import StartupCreate
from matchmaker.tuning.fit import Decision

LABELS = {"accepted": True, "connected": True, "declined": False}
PLURAL = {"incubator": "incubators", "partner": "partners", "scenario": "scenarios"}
PAGE = 100


class Response(Protocol):
    @property
    def status_code(self) -> int: ...
    @property
    def text(self) -> str: ...
    def json(self) -> Any: ...


class Api(Protocol):
    """An HTTP client of the service with a key: httpx's, or a TestClient in process."""

    def get(self, url: str, *, params: Any = None) -> Response: ...
    def post(self, url: str, *, json: Any = None) -> Response: ...


class ApiError(RuntimeError):
    """The service answered a tuning request with an error."""


def _get(client: Api, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    if response.status_code != 200:
        raise ApiError(f"GET {path}: {response.status_code} {response.text[:300]}")
    return response.json()


def records(client: Api) -> Iterator[dict[str, Any]]:
    """Every accepted, connected or declined match record, page by page."""
    params: dict[str, Any] = {"state": list(LABELS), "limit": PAGE}
    while True:
        page = _get(client, "/v1/matches", **params)
        yield from page["items"]
        if not page["next_cursor"]:
            return
        params["cursor"] = page["next_cursor"]


@dataclass
class Collected:
    decisions: list[Decision] = field(default_factory=list)
    weights_seen: dict[str, list[float]] = field(default_factory=dict)
    unscored: int = 0  # decided pairs the engine no longer proposes (e.g. a full incubator)

    def current_weights(self) -> dict[str, float]:
        """The engine's weights as its matches report them (mean over the pairs seen)."""
        return {n: round(sum(w) / len(w), 4) for n, w in sorted(self.weights_seen.items())}


def _score_pair(client: Api, record: dict[str, Any]) -> dict[str, Any] | None:
    startup = _get(client, f"/v1/startups/{record['startup_id']}")
    kind, target_id = record["target_kind"], record["target_id"]
    target = _get(client, f"/v1/{PLURAL[kind]}/{target_id}")
    profile = {k: startup[k] for k in StartupCreate.model_fields if k in startup}
    filters: dict[str, Any] = {
        "limit": PAGE,
        "domains": target["domains"],
        "regions": [target["location"]["region"]],
    }
    if kind in ("incubator", "partner"):
        filters["kinds"] = [target["kind"]]
    body = {"kind": "startups", "profile": profile, "targets": [PLURAL[kind]], "filters": filters}
    response = client.post("/v1/recommendations", json=body)
    if response.status_code != 200:
        raise ApiError(f"POST /v1/recommendations: {response.status_code} {response.text[:300]}")
    for result in response.json()["results"]:
        for match in result["matches"]:
            if match["profile"]["id"] == target_id:
                return dict(match)
    return None


def collect(client: Api) -> Collected:
    """Each decided pair with its outcome, decision time and current component values."""
    out = Collected()
    for record in records(client):
        match = _score_pair(client, record)
        if match is None:
            out.unscored += 1
            continue
        components = match["components"]
        score = match["score"]
        if score is None:  # a thin profile: the same arithmetic, not shown as a score
            score = sum(float(c["contribution"]) for c in components.values())
        # Penalties are fixed costs, not weights a setting can change: they stay in the score
        # but are not fitted.
        components = {n: c for n, c in components.items() if n not in PENALTIES}
        for name, c in components.items():
            out.weights_seen.setdefault(name, []).append(float(c["weight"]))
        out.decisions.append(
            Decision(
                group=(record["target_kind"], record["target_id"]),
                decided_at=record["updated_at"],
                accepted=LABELS[record["state"]],
                values={n: float(c["value"]) for n, c in components.items()},
                current_score=float(score),
            )
        )
    return out
