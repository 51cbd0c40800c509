"""Geometry of the analytics page's SVG plots, computed here so the template only draws.

Every plot is a list of plain shapes with the number each one stands for; the template adds
``<title>`` elements and a table with the same numbers, so the plots are readable without
sight and without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchmaker.analytics.schemas import ExposureReport, FunnelRow

WIDTH = 360  # pixels of the bar area; labels sit left of it
ROW = 26
COLUMN_HEIGHT = 160
FUNNEL_STEPS = ("recommended", "shortlisted", "accepted", "connected", "declined")
MONTH_SERIES = ("recommended", "accepted", "declined")


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: what it counts, where it sits, how long it is."""

    key: str
    value: float
    y: int
    width: float


@dataclass(frozen=True)
class Column:
    """One vertical bar of a month's group."""

    series: str
    value: int
    x: int
    height: float


@dataclass(frozen=True)
class Month:
    month: str
    x: int
    columns: list[Column]


@dataclass(frozen=True)
class SharePair:
    """A group's share of the pool and of the exposures, as two bars."""

    group: str
    y: int
    pool_share: float
    exposure_share: float
    pool_width: float
    exposure_width: float
    ratio: float | None


def funnel_bars(row: FunnelRow) -> list[Bar]:
    """The funnel's steps, scaled to the recommended pairs."""
    values = {step: int(getattr(row, step)) for step in FUNNEL_STEPS}
    top = max(values.values()) or 1
    return [
        Bar(step, n, i * ROW, round(WIDTH * n / top, 1))
        for i, (step, n) in enumerate(values.items())
    ]


def month_columns(rows: list[FunnelRow]) -> list[Month]:
    """Per month, a column for each of recommended, accepted and declined pairs."""
    top = max((int(getattr(r, s)) for r in rows for s in MONTH_SERIES), default=0) or 1
    step = 18 * len(MONTH_SERIES) + 24
    months = []
    for i, row in enumerate(rows):
        columns = [
            Column(s, int(getattr(row, s)), j * 18, round(COLUMN_HEIGHT * getattr(row, s) / top, 1))
            for j, s in enumerate(MONTH_SERIES)
        ]
        months.append(Month(row.group, i * step, columns))
    return months


def share_pairs(report: ExposureReport, dimension: str) -> list[SharePair]:
    """One dimension's groups: pool share and exposure share on one scale (0 to the largest)."""
    rows = [r for r in report.rows if r.dimension.value == dimension]
    top = max((max(r.pool_share, r.exposure_share) for r in rows), default=0.0) or 1.0
    return [
        SharePair(
            r.group,
            i * ROW * 2,
            r.pool_share,
            r.exposure_share,
            round(WIDTH * r.pool_share / top, 1),
            round(WIDTH * r.exposure_share / top, 1),
            r.ratio,
        )
        for i, r in enumerate(rows)
    ]
