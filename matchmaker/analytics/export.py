"""The reports as CSV: one header line, one line per group, plain values a spreadsheet reads."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from starlette.responses import Response

from matchmaker.analytics.schemas import ExposureReport, FunnelReport, FunnelRow
from matchmaker.analytics.window import Window
from matchmaker.vocab import DeclineReason

MEDIA_TYPE = "text/csv"
FUNNEL_COLUMNS = (
    "group",
    "recommended",
    "shortlisted",
    "accepted",
    "connected",
    "declined",
    "withdrawn",
    "decisions",
    "median_hours_to_decision",
    *(f"declined_{r.value}" for r in DeclineReason),
)
EXPOSURE_COLUMNS = (
    "dimension",
    "group",
    "pool",
    "pool_share",
    "exposures",
    "exposure_share",
    "startups_shown",
    "ratio",
)


def filename(report: str, window: Window) -> str:
    """The download's name says the window it covers: ``funnel_2026-09-09_2026-12-07.csv``."""
    return f"{report}_{window.since.isoformat()}_{window.until.isoformat()}.csv"


def _text(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: "" if row.get(c) is None else row[c] for c in columns})
    return out.getvalue()


def _funnel_line(row: FunnelRow) -> dict[str, Any]:
    line = row.model_dump(exclude={"declined_reasons"})
    line.update({f"declined_{r}": n for r, n in row.declined_reasons.items()})
    return line


def funnel_csv(report: FunnelReport, filename: str) -> Response:
    """The groups' rows, then the total as group ``total``."""
    total = _funnel_line(report.total) | {"group": "total"}
    lines = [_funnel_line(r) for r in report.rows] + [total]
    return _response(_text(FUNNEL_COLUMNS, lines), filename)


def exposure_csv(report: ExposureReport, filename: str) -> Response:
    lines = [r.model_dump(mode="json") for r in report.rows]
    return _response(_text(EXPOSURE_COLUMNS, lines), filename)


def _response(text: str, filename: str) -> Response:
    return Response(
        text,
        media_type=f"{MEDIA_TYPE}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
