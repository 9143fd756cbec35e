"""The one place rag errors become HTTP: status code and error type per BriefError subclass, and the error body.

The core raises :class:`rag.errors.BriefError` subclasses that know nothing about HTTP; routes, the app's
exception handlers and background jobs all convert them here.
"""

from __future__ import annotations

import re
from typing import Any

from rag.redact import redact

from rag.errors import (
    BriefError,
    ConfigError,
    DependencyError,
    DocumentError,
    IndexMismatchError,
    LimitError,
    LLMError,
    LLMTimeoutError,
    LLMUnavailableError,
    NotFoundError,
    QueryError,
    TemplateError,
    UnknownPublisherError,
)

#: (class, HTTP status, error type), most specific first: the first isinstance match wins.
ERROR_STATUS: tuple[tuple[type[BriefError], int, str], ...] = (
    (UnknownPublisherError, 422, "unknown_publisher"),
    (QueryError, 422, "invalid_query"),
    (DependencyError, 500, "dependency_missing"),
    (LimitError, 413, "payload_too_large"),
    (DocumentError, 415, "unsupported_document"),
    (NotFoundError, 404, "not_found"),
    (IndexMismatchError, 409, "index_mismatch"),
    (LLMTimeoutError, 504, "llm_timeout"),
    (LLMUnavailableError, 503, "llm_unavailable"),
    (LLMError, 502, "llm_error"),
    (TemplateError, 400, "template_error"),
    (ConfigError, 400, "config_error"),
)

HTTP_ERROR_TYPES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_error",
    429: "rate_limited", 500: "internal_error", 502: "bad_gateway", 503: "unavailable", 504: "timeout",
}


def error_body(type_: str, message: str, help_: str | None = None, **extra: Any) -> dict[str, Any]:
    """The API's error shape: ``{"error": {"type", "message", "help", **extra}}`` (None extras left out)."""
    info: dict[str, Any] = {"type": type_, "message": message, "help": help_}
    info.update({k: v for k, v in extra.items() if v is not None})
    return {"error": info}


def brief_error(exc: BriefError) -> tuple[int, dict[str, Any]]:
    """(HTTP status, error body) for a rag error; a subclass not in ERROR_STATUS is a 400 named after its class."""
    match = next(((status, kind) for cls, status, kind in ERROR_STATUS if isinstance(exc, cls)), None)
    if match is None:
        kind = re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__).lower().removesuffix("_error") or "error"
        match = (400, kind)
    message = exc.args[0] if exc.args else str(exc)
    # a server-side failure (LLM 502/503/504, a missing package) must not reveal internal hosts; others mask credentials
    drop = match[0] >= 500
    help_ = redact(exc.help_message, drop_urls=drop) if exc.help_message else None
    return match[0], error_body(match[1], redact(message, drop_urls=drop), help_)


def not_found(what: str, ident: str) -> NotFoundError:
    """The error a route raises for an unknown id (404 through :func:`brief_error`)."""
    return NotFoundError(f"No {what} with id {ident!r}.", help_message=None)
