"""``matchmaker tune``: fit, compare on later decisions, and save only when asked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx

from matchmaker.config import Settings
from matchmaker.tuning.decisions import Api, collect
from matchmaker.tuning.fit import Result, tune
from matchmaker.tuning.weights import write_weights


@contextmanager
def local_client(settings: Settings) -> Iterator[Api]:
    """This installation's API in process, with an admin key revoked when done."""
    from fastapi.testclient import TestClient

    from matchmaker.access import service as access
    from matchmaker.access.models import Role
    from matchmaker.app import create_app

    app = create_app(settings.model_copy(update={"workers_enabled": False}))
    with TestClient(app) as client:
        with app.state.sessions() as session, session.begin():
            issued = access.create_key(session, Role.admin, "matchmaker tune", [], [], None)
        client.headers["Authorization"] = f"Bearer {issued.plaintext}"
        try:
            yield client
        finally:
            client.delete(f"/v1/keys/{issued.key.id}")


@contextmanager
def remote_client(url: str, key: str) -> Iterator[Api]:
    headers = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=url, headers=headers, timeout=60) as client:
        yield client


def _fmt(x: float | int | None) -> str:
    return "n/a" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)


def report(result: Result, unscored: int) -> str:
    lines = [
        f"decisions: {result.train} to fit (earlier), {result.test} held out (later)"
        + (f"; {unscored} pairs no longer scored were left out" if unscored else ""),
        "",
        f"{'component':<14}{'current':>10}{'fitted':>10}",
    ]
    for name in result.names:
        current, fitted = result.current.get(name), result.fitted.get(name)
        lines.append(f"{name:<14}{_fmt(current):>10}{_fmt(fitted):>10}")
    lines += ["", f"{'held out':<14}{'current':>10}{'fitted':>10}"]
    for metric in ("auc", "mrr", "groups"):
        current, fitted = result.metrics["current"][metric], result.metrics["fitted"][metric]
        lines.append(f"{metric:<14}{_fmt(current):>10}{_fmt(fitted):>10}")
    return "\n".join(lines)


def env_lines(weights: dict[str, float]) -> str:
    return "\n".join(f"MATCHMAKER_WEIGHT_{n.upper()}={w}" for n, w in weights.items())


def run_tune(
    client: Api, data_dir: Path, holdout: float, min_decisions: int, write: bool
) -> tuple[Result | None, str]:
    """(result, text to print); writes data_dir/weights.json only with ``write``."""
    collected = collect(client)
    decisions = collected.decisions
    labels = {d.accepted for d in decisions}
    if len(decisions) < min_decisions or labels != {True, False}:
        return None, (
            f"not enough decisions to tune: {len(decisions)} scored "
            f"({sum(d.accepted for d in decisions)} accepted), need {min_decisions} with both "
            "accepts and declines; the current weights stay"
        )
    result = tune(decisions, collected.current_weights(), holdout)
    text = report(result, collected.unscored)
    if not result.fitted:
        return result, text + "\n\nno component predicts acceptance; nothing to write"
    text += "\n\nas settings:\n" + env_lines(result.fitted)
    if write:
        about = {
            "fitted_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "decisions": {"train": result.train, "test": result.test},
            "held_out": result.metrics,
        }
        path = write_weights(data_dir, result.fitted, about)
        text += f"\n\nwritten to {path}; servers use them from their next start"
    else:
        text += "\n\n(nothing written; --write saves them for the service)"
    return result, text
