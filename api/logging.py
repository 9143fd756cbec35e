"""Structured JSON logs: one line per request (request id, method, path, status, duration) + X-Request-ID.

The access line never contains the query string, the body or any header (so no Authorization
value can reach the log). The request id is taken from a well-formed incoming ``X-Request-ID``
header or generated, echoed on the response and available to other log records through
:data:`request_id_var` (the JSON formatter adds it to every line logged while the request runs).
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from contextvars import ContextVar
from datetime import datetime, timezone
from typing import Any

from rag.redact import redact

ACCESS_LOGGER = "api.access"
REQUEST_ID_HEADER = "x-request-id"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_STD_ATTRS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
#: Extras that are another rendering of the message, not data: uvicorn puts the message with ANSI colour codes in
#: ``color_message`` for its terminal formatter (a JSON line must not carry escape codes).
_RENDERINGS = {"color_message"}

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, request_id and any ``extra=`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": redact(record.getMessage()),
        }
        rid = getattr(record, "request_id", None) or request_id_var.get()
        if rid:
            payload["request_id"] = rid
        for key, value in vars(record).items():
            if key not in _STD_ATTRS and key not in _RENDERINGS and key not in payload and not key.startswith("_"):
                payload[key] = value
        if record.exc_info:
            payload["exc"] = redact(self.formatException(record.exc_info))
        return json.dumps(payload, ensure_ascii=False, default=str)


def configure_logging(level: int | str = "INFO") -> None:
    """Send the ``api`` loggers' records to stderr as JSON lines (idempotent)."""
    logger = logging.getLogger("api")
    if not any(getattr(h, "_techsec_json", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        handler._techsec_json = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(level)


class RequestContextMiddleware:
    """Pure ASGI middleware (works with streaming responses): request id + one access log line per request."""

    def __init__(self, app, *, logger_name: str = ACCESS_LOGGER) -> None:
        self.app = app
        self.log = logging.getLogger(logger_name)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = None
        for name, value in scope.get("headers") or ():
            if name == b"x-request-id":
                incoming = value.decode("latin-1").strip()
                break
        rid = incoming if incoming and _VALID_ID.match(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = rid
        token = request_id_var.set(rid)
        started = time.perf_counter()
        status = {"code": 500}

        async def send_wrapper(message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                headers.append((b"x-request-id", rid.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            duration = (time.perf_counter() - started) * 1000
            self.log.info(
                "%s %s %s", scope.get("method"), scope.get("path"), status["code"],
                extra={
                    "request_id": rid, "method": scope.get("method"), "path": scope.get("path"),
                    "status": status["code"], "duration_ms": round(duration, 1),
                },
            )
            request_id_var.reset(token)


#: logging config for uvicorn (``brief serve``): its own records as JSON too, its access log off (ours replaces it).
UVICORN_LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "api.logging.JsonFormatter"}},
    "handlers": {"json": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
    "loggers": {
        "uvicorn": {"handlers": ["json"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}
