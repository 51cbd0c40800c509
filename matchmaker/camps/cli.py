"""``matchmaker camps``: allocate a camp and export its matchmaking-day schedule."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from matchmaker.camps import days, runs, service
from matchmaker.config import Settings
from matchmaker.db import make_engine, make_sessionmaker
from matchmaker.errors import DomainError
from matchmaker.matching.service import Matcher

camps_cli = typer.Typer(
    help="Allocate accelerator camps and export their schedules.", no_args_is_help=True
)


@contextmanager
def _transaction(with_engine: bool) -> Iterator[tuple[Session, Matcher | None, Settings]]:
    """A session (and the matcher, which loads the model) for one command, as the operator,
    with the settings."""
    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        if with_engine:
            from matchmaker.runtime import open_runtime

            runtime = open_runtime(settings)
            try:
                with runtime.sessions() as session, session.begin():
                    yield session, runtime.matcher, settings
            finally:
                runtime.close()
            return
        engine = make_engine(settings.resolved_database_url())
        try:
            with make_sessionmaker(engine)() as session, session.begin():
                yield session, None, settings
        finally:
            engine.dispose()
    except DomainError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from exc


@camps_cli.command("allocate")
def allocate(
    camp_id: Annotated[int, typer.Argument(help="the camp's id")],
    engine: Annotated[
        bool,
        typer.Option(
            "--engine/--no-engine",
            help="score pairs with the matching engine (loads the model) or facts only",
        ),
    ] = True,
) -> None:
    """Allocate the camp's places (locked assignments kept) and print why each startup landed."""
    with _transaction(engine) as (session, matcher, settings):
        camp = service.get_camp(session, camp_id)
        limit = settings.camp_max_applications
        record = runs.run(session, None, camp, matcher, max_applications=limit)
        view = runs.read(session, None, camp, record)
        typer.echo(
            f"run {record.id} ({record.score_source}): {len(view.assignments)} placed, "
            f"{len(view.unplaced)} not placed"
        )
        for a in view.assignments:
            lock = " [locked]" if a.locked else ""
            typer.echo(f"  {a.startup_name} -> {a.host_name}{lock}: {a.explanation}")
        for u in view.unplaced:
            typer.echo(f"  {u.startup_name}: {u.explanation}")
        for q in view.quota_report:
            state = "met" if q.met else "NOT MET"
            where = f" at host {q.host_id}" if q.host_id else ""
            typer.echo(
                f"quota {q.name} [{q.group}]{where}: required {q.required}, "
                f"achieved {q.achieved}, {state}" + (f" ({q.reason})" if q.reason else "")
            )


@camps_cli.command("schedule")
def schedule(
    camp_id: Annotated[int, typer.Argument(help="the camp's id")],
    ics_dir: Annotated[
        Path | None, typer.Option(help="write one .ics file per participant into this directory")
    ] = None,
) -> None:
    """Print the matchmaking-day schedule; optionally write iCalendar files per participant."""
    with _transaction(False) as (session, _, _settings):
        camp = service.get_camp(session, camp_id)
        view = days.read(session, None, camp)
        typer.echo(
            f"{len(view.meetings)} meetings in {view.slots} slots ({view.timezone}), "
            f"{len(view.unscheduled)} unscheduled"
        )
        for m in view.meetings:
            typer.echo(f"  {m.starts_at:%Y-%m-%d %H:%M}Z  {m.startup_name} meets {m.host_name}")
        for u in view.unscheduled:
            typer.echo(f"  not scheduled: startup {u.startup_id} with host {u.host_id}: {u.reason}")
        if ics_dir is None:
            return
        ics_dir.mkdir(parents=True, exist_ok=True)
        files = 0
        for side, ids in (
            ("startup", {m.startup_id for m in view.meetings}),
            ("host", {m.host_id for m in view.meetings}),
        ):
            for pid in sorted(ids):
                text = days.calendar(
                    session,
                    None,
                    camp,
                    startup_id=pid if side == "startup" else None,
                    host_id=pid if side == "host" else None,
                )
                # newline="" keeps the CRLF line ends RFC 5545 requires.
                with (ics_dir / f"camp-{camp.id}-{side}-{pid}.ics").open("w", newline="") as f:
                    f.write(text)
                files += 1
        typer.echo(f"wrote {files} iCalendar files to {ics_dir}")


@camps_cli.command("demo")
def demo() -> None:
    """Create the demo Beijing–Munich camp over the demo profiles (after seed-demo)."""
    from matchmaker.camps.demo import load_demo_camp

    with _transaction(False) as (session, _, settings):
        camp = load_demo_camp(session, settings.camp_max_applications)
        view = service.read_camp(session, camp)
        typer.echo(
            f"camp {camp.id}: {camp.name}, {len(view.hosts)} hosts, "
            f"{sum(h.places for h in view.hosts)} places, {view.applications} applicants"
        )
        typer.echo(f"next: matchmaker camps allocate {camp.id}")
