"""Structured logs: one JSON object a line, each with the id of the request it belongs to.

The request id lives in a context variable set by ``RequestMiddleware``; context variables
follow a request into the thread pool (``run_in_threadpool`` copies them), so the lines a sync
route or a service logs carry the id too.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

REQUEST_ID_HEADER = "X-Request-ID"
# What a caller's X-Request-ID may be to be kept (a load balancer's or a client's trace id);
# anything else is replaced, so a log line can never be forged or bloated through it.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:/+=@-]{1,128}")

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)

# The attributes every LogRecord has; anything else passed with ``extra=`` goes into the line.
# (uvicorn adds "color_message": the same text with terminal colours.)
_STANDARD = set(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "taskName",
    "color_message",
}


def accept_request_id(value: str | None) -> str:
    """The caller's id if it is sane, else a new one."""
    if value is not None and _SANE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "message", ...extra}`` on one line (extra includes the
    request id of records made during a request)."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name not in _STANDARD and not name.startswith("_"):
                line[name] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class RequestIdFilter(logging.Filter):
    """Stamps the current request's id on records that do not carry one. Handlers run their
    filters within the logging call, so the id is the one of the request that logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = request_id.get()
        if current is not None and not hasattr(record, "request_id"):
            record.request_id = current
        return True


def handler(fmt: str = "json") -> logging.Handler:
    """The stderr handler ``configure`` installs: JSON lines or plain text, request ids on."""
    out = logging.StreamHandler(sys.stderr)
    if fmt == "json":
        out.setFormatter(JsonFormatter())
    else:
        out.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    out.addFilter(RequestIdFilter())
    return out


def configure(fmt: str = "json", level: str = "INFO") -> None:
    """Send every logger's records to stderr, as JSON lines or as plain text."""
    root = logging.getLogger()
    root.handlers[:] = [handler(fmt)]
    root.setLevel(level.upper())
    # uvicorn's own loggers keep their handlers otherwise (and its access log would be a
    # second, unstructured line per request: RequestMiddleware writes the one line).
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True
