"""Accounts, their API keys (hashes only) and the profiles a key acts for."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from matchmaker.db import Base, UTCDateTime, utcnow


class Role(StrEnum):
    """What an account is: it decides what its keys may create and change."""

    founder = "founder"  # owns the startups it creates
    manager = "manager"  # manages the incubators it is bound to (or creates)
    partner = "partner"  # a partner platform: owns what it submits, acts for its partners
    admin = "admin"  # everything


class Account(Base):
    """A person or platform that holds keys; profiles point at it as their owner."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200), default="")
    # A stable handle for accounts that tools look up again, e.g. the demo accounts.
    slug: Mapped[str | None] = mapped_column(String(60), unique=True, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = {"sqlite_autoincrement": True}


class ApiKey(Base):
    """One key: ``mm_<prefix>_<secret>``; only the secret's sha256 is stored."""

    __tablename__ = "api_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = {"sqlite_autoincrement": True}

    def usable_at(self, now: datetime) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or now < self.expires_at


class AccountIncubator(Base):
    """A manager account manages this incubator."""

    __tablename__ = "account_incubator"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    )
    incubator_id: Mapped[int] = mapped_column(
        ForeignKey("incubator.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class AccountPartner(Base):
    """A partner-platform account acts for this partner (and the scenarios it publishes)."""

    __tablename__ = "account_partner"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class BrowserSession(Base):
    """A signed-in web session. The cookie holds a random token; only its sha256 is stored,
    so the table cannot be replayed as cookies. Sign-out deletes the row; revoking or rotating
    the key behind it revokes it."""

    __tablename__ = "web_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    key_id: Mapped[int] = mapped_column(ForeignKey("api_key.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = {"sqlite_autoincrement": True}
