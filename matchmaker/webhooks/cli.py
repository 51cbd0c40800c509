"""``matchmaker webhooks deliver``: run the delivery worker outside the API process."""

from __future__ import annotations

from typing import Annotated

import typer

webhooks_cli = typer.Typer(help="Webhook deliveries.", no_args_is_help=True)


@webhooks_cli.command()
def deliver(
    once: Annotated[
        bool, typer.Option("--once", help="one pass over the outbox and due deliveries, then exit")
    ] = False,
) -> None:
    """Fan out the outbox and send due deliveries (until Ctrl-C, or once)."""
    from matchmaker.analytics import log as exposures
    from matchmaker.config import Settings
    from matchmaker.runtime import open_runtime
    from matchmaker.webhooks.worker import DeliveryWorker

    settings = Settings()
    runtime = open_runtime(settings)
    worker = DeliveryWorker(
        runtime.sessions,
        runtime.matcher,
        settings,
        housekeeping=exposures.housekeeping(runtime.sessions, settings.analytics_retention_days),
    )
    try:
        if once:
            sent = worker.run_once()
            typer.echo(f"sent {sent} deliveries")
        else:
            typer.echo("delivering webhooks; Ctrl-C to stop")
            worker.run_forever()
    except KeyboardInterrupt:
        pass
    finally:
        worker.stop()
        runtime.close()
