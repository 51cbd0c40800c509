"""Which organisation a profile belongs to, for "at most one profile per organisation".

- a scenario: its publishing partner, else its publisher's name (case and spaces folded);
- a startup, incubator or partner: its website's host (``www.`` dropped), else the account
  that owns it, else it is its own organisation.

One account that publishes for many organisations (a platform importing a directory) makes
them one organisation here when they have no website: give them websites to tell them apart.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.profiles.kinds import ProfileKind


def host(website: str | None) -> str | None:
    """The website's host, lower-case, without ``www.``; None when there is none."""
    text = (website or "").strip().lower()
    if not text:
        return None
    name = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    name = name.removeprefix("www.")
    return name or None


def organisation(kind: str, row: Any) -> str | None:
    """The organisation key of a profile row; None when it is its own organisation."""
    if kind == "scenario":
        if row.publisher_partner_id:
            return f"partner:{row.publisher_partner_id}"
        name = " ".join((row.publisher_name or "").lower().split())
        return f"publisher:{name}" if name else None
    website = host(row.website)
    if website:
        return f"host:{website}"
    return f"account:{row.owner_account_id}" if row.owner_account_id else None


_COLUMNS = {"scenario": ("publisher_partner_id", "publisher_name")}
_DEFAULT = ("website", "owner_account_id")


def organisations(
    session: Session, kind: ProfileKind, ids: Collection[int]
) -> dict[int, str | None]:
    """id -> organisation key of the ``kind`` profiles ``ids``, in one query."""
    if not ids:
        return {}
    table = kind.model.__table__
    names = _COLUMNS.get(kind.name, _DEFAULT)
    query = select(table.c.id, *(table.c[n] for n in names)).where(table.c.id.in_(list(ids)))
    return {row.id: organisation(kind.name, row) for row in session.execute(query)}
