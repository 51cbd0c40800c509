"""The ``matchmaker`` command line. Every command honours the MATCHMAKER_ settings."""

from __future__ import annotations

from typing import Annotated

import typer

from matchmaker.access.cli import keys_cli, print_demo_keys
from matchmaker.config import Settings

cli = typer.Typer(
    help="Matchmaker: match hard-tech startups with incubators, partners and scenarios.",
    no_args_is_help=True,
    add_completion=False,
)


cli.add_typer(keys_cli, name="keys")


def _settings() -> Settings:
    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return settings


@cli.command()
def migrate() -> None:
    """Bring the database schema to the latest migration."""
    from matchmaker import migrations_state

    settings = _settings()
    migrations_state.upgrade(settings.resolved_database_url())
    typer.echo("database at head")


@cli.command("seed-demo")
def seed_demo() -> None:
    """Load the demo profiles (Beijing–Tianjin–Hebei hard tech); safe to run twice."""
    from matchmaker.demo import seed

    counts = seed.load(_settings())
    typer.echo("demo data: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    print_demo_keys()


@cli.command()
def reindex() -> None:
    """Re-embed every profile with the configured model (stop the server first)."""
    from matchmaker.matching.reindex import reindex as run_reindex
    from matchmaker.runtime import open_runtime

    runtime = open_runtime(_settings())
    try:
        counts = run_reindex(runtime.store, runtime.sessions)
    finally:
        runtime.close()
    typer.echo("re-embedded: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
) -> None:
    """Serve the API (docs at /docs)."""
    import uvicorn

    from matchmaker.app import create_app

    uvicorn.run(create_app(_settings()), host=host, port=port)


def main() -> None:
    cli()
