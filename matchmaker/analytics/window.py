"""The date window a report covers: whole UTC days, ``since`` to ``until``, both included.

Every report reads only the exposure log and review events inside its window, so its cost
follows the window's length rather than the log's age, and an old burst of lists does not
weigh on today's figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import Depends, Query, Request

from matchmaker.analytics.schemas import ReportWindow
from matchmaker.db import utcnow
from matchmaker.errors import InvalidInput
from matchmaker.params import IsoDate

MAX_DAYS = 366  # a year, leap day included: the longest window one report reads
EARLIEST = date(2000, 1, 1)  # before any list was served; earlier is a typo, not a question


@dataclass(frozen=True)
class Window:
    """UTC days ``since`` through ``until``."""

    since: date
    until: date

    @property
    def start(self) -> datetime:
        """The first instant counted (midnight UTC opening ``since``)."""
        return datetime.combine(self.since, time.min, UTC)

    @property
    def end(self) -> datetime:
        """The first instant not counted (midnight UTC closing ``until``)."""
        return datetime.combine(self.until + timedelta(days=1), time.min, UTC)

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def read(self) -> ReportWindow:
        return ReportWindow(since=self.since, until=self.until, days=self.days)


def resolve(since: date | None, until: date | None, default_days: int, today: date) -> Window:
    """The window asked for: ``until`` defaults to ``today`` (UTC), ``since`` to
    ``default_days`` days ending on ``until``; a 422 naming the field for a window that ends
    before it starts, spans more than ``MAX_DAYS`` or lies outside 2000-01-01..tomorrow."""
    # Tomorrow, not today: a reader east of UTC may already be living in it.
    latest = today + timedelta(days=1)
    for field, value in (("since", since), ("until", until)):
        if value is not None and not EARLIEST <= value <= latest:
            raise InvalidInput(
                field, f"must be between {EARLIEST.isoformat()} and {latest.isoformat()}"
            )
    end = until or today
    start = since or max(EARLIEST, end - timedelta(days=default_days - 1))
    if end < start:
        defaulted = "" if until is not None else f" (left out, it is today, {today.isoformat()})"
        raise InvalidInput("until", f"must be on or after since, {start.isoformat()}{defaulted}")
    window = Window(start, end)
    if window.days > MAX_DAYS:
        raise InvalidInput(
            "since", f"a window spans at most {MAX_DAYS} days; this one spans {window.days}"
        )
    return window


def parse_day(field: str, text: str | None) -> date | None:
    """A form's date field: empty is left out, anything but a YYYY-MM-DD day a 422 on it."""
    if not text:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(field, "a date as YYYY-MM-DD, e.g. 2026-12-07") from None


def of_request(request: Request, since: date | None, until: date | None) -> Window:
    """The window asked for, with the app's default length (``analytics_window_days``)."""
    days: int = request.app.state.settings.analytics_window_days
    return resolve(since, until, days, utcnow().date())


def _api_window(
    request: Request,
    since: Annotated[
        IsoDate | None,
        Query(
            description="first UTC day counted (YYYY-MM-DD, included); left out, the window is "
            "MATCHMAKER_ANALYTICS_WINDOW_DAYS days (default 90) ending on until"
        ),
    ] = None,
    until: Annotated[
        IsoDate | None,
        Query(
            description="last UTC day counted (YYYY-MM-DD, included, so the window ends at "
            f"midnight after it); left out, today. At most {MAX_DAYS} days from since"
        ),
    ] = None,
) -> Window:
    return of_request(request, since, until)


WindowDep = Annotated[Window, Depends(_api_window)]
