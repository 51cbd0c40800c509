"""``matchmaker worker``: the background workers in a process of their own."""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

from prometheus_client import start_http_server

from matchmaker.config import Settings
from matchmaker.observability import logs
from matchmaker.platform import setup as platform
from matchmaker.runtime import open_runtime

log = logging.getLogger("matchmaker.worker")


def run_worker(settings: Settings, metrics_host: str = "127.0.0.1", metrics_port: int = 0) -> None:
    """Load the model and indexes (match.found events rank with them), run the import,
    webhook and index-refresh workers until SIGTERM or SIGINT, then stop them cleanly."""
    logs.configure(settings.log_format, settings.log_level)
    # This process exists to run them, whatever the API replicas' setting says.
    settings = settings.model_copy(update={"workers_enabled": True})
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        log.info("worker stopping", extra={"signal": signal.Signals(signum).name})
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    runtime = open_runtime(settings)
    try:
        workers = platform.start(runtime, settings)
        if metrics_port:
            start_http_server(metrics_port, metrics_host, registry=runtime.metrics.registry)
        log.info(
            "worker started",
            extra={"indexes_loaded": runtime.indexes_loaded, "metrics_port": metrics_port},
        )
        try:
            stop.wait()
        finally:
            workers.stop()
    finally:
        runtime.close()
    log.info("worker stopped")
