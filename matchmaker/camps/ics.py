"""iCalendar (RFC 5545) text for one participant's meetings, written by hand.

Lines end in CRLF and are folded at 75 octets (never inside a UTF-8 character); text values
escape backslash, semicolon, comma and newline; times are UTC (``...Z``). UIDs are stable per
camp and pair, so re-importing an updated schedule moves events instead of duplicating them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from matchmaker.camps.schedule import Meeting

PRODID = "-//Matchmaker//Accelerator camps//EN"


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces joined by CRLF and one space."""
    pieces: list[str] = []
    current, size, limit = "", 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            pieces.append(current)
            current, size, limit = "", 0, 74  # a continuation starts with a space
        current += ch
        size += n
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(
    meetings: Sequence[Meeting],
    *,
    camp_id: int,
    camp_name: str,
    location: str,
    title: Callable[[Meeting], str],
    description: Callable[[Meeting], str] = lambda m: "",
    stamp: datetime | None = None,
) -> str:
    """A VCALENDAR with one VEVENT per meeting; ``title`` names the other side."""
    stamp = stamp or datetime.now(UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(camp_name)}",
    ]
    for m in meetings:
        lines += [
            "BEGIN:VEVENT",
            f"UID:camp-{camp_id}-startup-{m.startup_id}-host-{m.host_id}@matchmaker",
            f"DTSTAMP:{utc(stamp)}",
            f"DTSTART:{utc(m.slot.starts_at)}",
            f"DTEND:{utc(m.slot.ends_at)}",
            f"SUMMARY:{escape(title(m))}",
            f"LOCATION:{escape(location)}",
        ]
        if text := description(m):
            lines.append(f"DESCRIPTION:{escape(text)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
