"""The ``matchmaker`` command line. Every command honours the MATCHMAKER_ settings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from matchmaker.access.cli import keys_cli, print_demo_keys
from matchmaker.camps.cli import camps_cli
from matchmaker.config import Settings
from matchmaker.webhooks.cli import webhooks_cli

cli = typer.Typer(
    help="Matchmaker: match hard-tech startups with incubators, partners and scenarios.",
    no_args_is_help=True,
    add_completion=False,
)


cli.add_typer(keys_cli, name="keys")
cli.add_typer(camps_cli, name="camps")


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
    """Re-embed every profile with the configured model (MATCHMAKER_MODEL).

    A server still on the old model keeps serving meanwhile; restart it with the new
    MATCHMAKER_MODEL when this is done.
    """
    from matchmaker.matching.reindex import reindex as run_reindex
    from matchmaker.runtime import open_runtime

    runtime = open_runtime(_settings())
    try:
        counts = run_reindex(runtime.store, runtime.sessions)
    finally:
        runtime.close()
    typer.echo("re-embedded: " + ", ".join(f"{n} {k}" for k, n in counts.items()))


@cli.command("export-onnx")
def export_onnx(
    int8: Annotated[bool, typer.Option(help="also write the int8 (dynamic) version")] = False,
) -> None:
    """Export the packaged all-MiniLM-L6-v2 to ONNX into MATCHMAKER_MODEL_CACHE: the default
    model then encodes single texts on it, ~2x faster (MATCHMAKER_ONE_TEXT_ONNX), and
    MATCHMAKER_MODEL=all-MiniLM-L6-v2-onnx finds it (otherwise exported at its first start).
    Does nothing when the graph is there already."""
    from matchmaker.matching.onnx_encoder import graph_path

    cache = Settings().model_cache
    typer.echo(str(graph_path(cache, quantize=False)))
    if int8:
        typer.echo(str(graph_path(cache, quantize=True)))


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """What ``serve`` tells uvicorn besides the app and the address."""
    if os.environ.get("FORWARDED_ALLOW_IPS") and "forwarded_allow_ips" not in (
        settings.model_fields_set
    ):
        # The README once pointed at uvicorn's own variable, which the value passed below
        # overrides: refuse rather than silently stop trusting the proxy it lists.
        typer.echo(
            "FORWARDED_ALLOW_IPS is set, but `matchmaker serve` reads "
            "MATCHMAKER_FORWARDED_ALLOW_IPS: rename it (the proxies it lists would be ignored)",
            err=True,
        )
        raise typer.Exit(2)
    return {
        # Keep the logging set up by ``serve`` (one JSON line per request, written by
        # matchmaker.observability.middleware) instead of uvicorn's own and its access log.
        "log_config": None,
        "access_log": False,
        # X-Forwarded-Proto (the cookie's Secure flag) and X-Forwarded-For (the address an
        # anonymous page is limited by) are believed from these proxies only.
        "proxy_headers": True,
        "forwarded_allow_ips": settings.forwarded_allow_ips,
    }


@cli.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
) -> None:
    """Serve the API (docs at /docs)."""
    import uvicorn

    from matchmaker.app import create_app
    from matchmaker.observability import logs

    settings = _settings()
    options = uvicorn_options(settings)
    logs.configure(settings.log_format, settings.log_level)
    uvicorn.run(create_app(settings), host=host, port=port, **options)


@cli.command()
def worker(
    metrics_port: Annotated[
        int, typer.Option(min=0, max=65535, help="serve /metrics on this port; 0: none")
    ] = 0,
    metrics_host: Annotated[str, typer.Option(help="interface for /metrics")] = "127.0.0.1",
) -> None:
    """Run the import and webhook workers in this process, until SIGTERM or Ctrl-C.

    For deployments whose API replicas run with MATCHMAKER_WORKERS_ENABLED=false; any number
    of these may run on one PostgreSQL database (each job and delivery is claimed once).
    """
    from matchmaker.worker import run_worker

    run_worker(_settings(), metrics_host, metrics_port)


# -- partner platforms: bulk import and webhook delivery -----------------------------------
@cli.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV, JSON or JSONL")],
    kind: Annotated[str, typer.Option(help="startups, incubators, partners or scenarios")],
    mapping: Annotated[
        Path | None, typer.Option(exists=True, dir_okay=False, help="column mapping (JSON)")
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="where the ids come from; default: the file's name")
    ] = None,
    format: Annotated[str | None, typer.Option(help="csv, json or jsonl; default: suffix")] = None,
    progress: Annotated[bool, typer.Option(help="show a progress bar")] = True,
) -> None:
    """Import profiles from a file; running it again updates instead of duplicating."""
    from matchmaker.imports.cli import run_import, summary

    job, errors = run_import(_settings(), file, kind, mapping, source, format, progress)
    typer.echo(summary(job, errors))
    if job.status != "finished":
        raise typer.Exit(1)


cli.add_typer(webhooks_cli, name="webhooks")


@cli.command()
def tune(
    write: Annotated[bool, typer.Option(help="save the fitted weights in data_dir")] = False,
    holdout: Annotated[
        float, typer.Option(min=0.05, max=0.95, help="share of the latest decisions held out")
    ] = 0.3,
    min_decisions: Annotated[int, typer.Option(min=4, help="fewer: nothing is fitted")] = 30,
    url: Annotated[str | None, typer.Option(help="a running server; default: in process")] = None,
    key: Annotated[
        str | None, typer.Option(envvar="MATCHMAKER_API_KEY", help="admin key for --url")
    ] = None,
) -> None:
    """Fit the ranking weights to recorded accept/decline decisions (time split)."""
    from matchmaker.tuning.cli import local_client, remote_client, run_tune

    settings = _settings()
    if url and not key:
        raise typer.BadParameter("--url needs an admin key (--key or MATCHMAKER_API_KEY)")
    opened = remote_client(url, key or "") if url else local_client(settings)
    with opened as client:
        result, text = run_tune(client, settings.data_dir, holdout, min_decisions, write)
    typer.echo(text)
    if result is None:
        raise typer.Exit(1)


def main() -> None:
    cli()
