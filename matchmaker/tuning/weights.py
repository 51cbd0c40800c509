"""The learned-weights file: written by ``matchmaker tune --write``, read by the settings."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

WEIGHTS_FILE = "weights.json"


def weights_path(data_dir: Path) -> Path:
    return data_dir / WEIGHTS_FILE


def read_weights(data_dir: Path) -> dict[str, float]:
    """Component name -> weight from the data dir's file; empty when there is none.

    A file that is there but wrong is an error, not a silent fallback to the defaults.
    """
    path = weights_path(data_dir)
    if not path.exists():
        return {}
    try:
        weights = json.loads(path.read_text(encoding="utf-8"))["weights"]
        if not isinstance(weights, dict):
            raise TypeError("'weights' is not an object")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path} is not a weights file of `matchmaker tune`: {exc}") from exc
    out: dict[str, float] = {}
    for name, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{path}: weight {name!r} is not a number")
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"{path}: weight {name!r} must be a finite number >= 0")
        out[str(name)] = float(value)
    return out


def write_weights(data_dir: Path, weights: dict[str, float], about: dict[str, Any]) -> Path:
    """Replace the file in one step, so a server starting meanwhile never reads half of it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = weights_path(data_dir)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({"weights": weights, **about}, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
