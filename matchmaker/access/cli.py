"""``matchmaker keys``: create, list and revoke API keys from the command line (as an admin)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from matchmaker.access import demo, service
from matchmaker.access.models import Role
from matchmaker.access.principal import Principal
from matchmaker.config import Settings
from matchmaker.db import make_engine, make_sessionmaker, utcnow
from matchmaker.errors import DomainError

keys_cli = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)

# Whoever runs the command line holds the database, so it acts as an admin.
OPERATOR = Principal(account_id=0, role=Role.admin, key_id=0)


@contextmanager
def _transaction() -> Iterator[Session]:
    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url())
    try:
        with make_sessionmaker(engine)() as session, session.begin():
            yield session
    except DomainError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from exc
    finally:
        engine.dispose()


@keys_cli.command("create")
def create(
    role: Annotated[Role, typer.Option(help="founder, manager, partner or admin")],
    incubator: Annotated[
        list[int] | None, typer.Option(help="incubator a manager key manages (repeatable)")
    ] = None,
    partner: Annotated[
        list[int] | None, typer.Option(help="partner a partner-platform key acts for (repeatable)")
    ] = None,
    name: Annotated[str, typer.Option(help="who holds the key")] = "",
    expires_days: Annotated[int | None, typer.Option(min=1, max=3650)] = None,
) -> None:
    """Create an account and its key; the key is printed once."""
    with _transaction() as session:
        issued = service.create_key(
            session, role, name, incubator or [], partner or [], expires_days
        )
        typer.echo(f"key id {issued.key.id}, account {issued.account.id}, role {role.value}")
        if issued.incubator_ids:
            typer.echo(f"manages incubators: {', '.join(map(str, issued.incubator_ids))}")
        if issued.partner_ids:
            typer.echo(f"acts for partners: {', '.join(map(str, issued.partner_ids))}")
        if issued.key.expires_at:
            typer.echo(f"expires at {issued.key.expires_at.isoformat()}")
        typer.echo("store this key now; it is not shown again:")
        typer.echo(issued.plaintext)


@keys_cli.command("revoke")
def revoke(
    key_id: Annotated[int, typer.Argument(min=1, max=2**31 - 1, help="see `keys list`")],
) -> None:
    """Revoke a key; requests with it fail from now on."""
    with _transaction() as session:
        key = service.revoke(session, OPERATOR, key_id)
        assert key.revoked_at is not None
        typer.echo(f"key {key_id} revoked at {key.revoked_at.isoformat()}")


@keys_cli.command("list")
def list_keys() -> None:
    """Every key: id, role, account, prefix and state (never the secret)."""
    with _transaction() as session:
        for key, account in service.list_keys(session, OPERATOR):
            state = "revoked" if key.revoked_at else "live"
            if key.expires_at and state == "live":
                expired = key.expires_at <= utcnow()
                state = "expired" if expired else f"live until {key.expires_at.date()}"
            typer.echo(
                f"{key.id}\t{account.role}\taccount {account.id} {account.name!r}"
                f"\tmm_{key.prefix}_…\t{state}"
            )


def print_demo_keys() -> None:
    """Issue fresh demo keys (revoking the previous ones) and print them."""
    with _transaction() as session:
        keys = demo.issue_demo_keys(session)
    typer.echo("demo API keys (shown once; `matchmaker seed-demo` issues new ones):")
    for k in keys:
        typer.echo(f"  {k.role.value:<8} {k.key}  # {k.name}: {k.scope}")
