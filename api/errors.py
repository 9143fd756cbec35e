"""The one place rag errors become HTTP: status code and error type per BriefError subclass, and the error body.

The core raises :class:`rag.errors.BriefError` subclasses that know nothing about HTTP; routes, the app's
exception handlers and background jobs all convert them here.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.exceptions import HTTPException

from rag.redact import redact

from rag.errors import (
    BriefError,
    ConfigError,
    DependencyError,
    DocumentError,
    NoArticleError,
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

#: (class, HTTP status, error type, help when the error brings none), most specific first: the first isinstance match
#: wins. The help says what the client can do; a fault of the server says so and who can fix it.
ERROR_STATUS: tuple[tuple[type[BriefError], int, str, str], ...] = (
    (UnknownPublisherError, 422, "unknown_publisher", "GET /v1/publishers lists the names a publisher filter takes"),
    (QueryError, 422, "invalid_query", "change the value the message names; every field's form is in the OpenAPI schema at /docs"),
    (DependencyError, 500, "dependency_missing", "the server is missing a package: tell its operator"),
    (LimitError, 413, "payload_too_large", "send a smaller document: the server's limits.* settings cap its size"),
    (NoArticleError, 422, "no_article_text", "send the article's own text: this one holds only a consent notice, a "
     "paywall, an ad-feedback form, a bot check or an error page"),
    (DocumentError, 415, "unsupported_document", "send a text document: .txt, .md, .html, a PDF with a text layer, .jsonl, .json or an RSS/Atom feed"),
    (NotFoundError, 404, "not_found", "check the id: list what exists with GET /v1/briefs or GET /v1/documents"),
    (IndexMismatchError, 409, "index_mismatch", "the server's data directory was built by another version or model: tell its operator"),
    (LLMTimeoutError, 504, "llm_timeout", "retry; if it persists, the server's operator can raise llm.timeout or use a faster model"),
    (LLMUnavailableError, 503, "llm_unavailable", "retry later; if it persists, tell the server's operator the LLM backend is down"),
    (LLMError, 502, "llm_error", "retry; if it persists, tell the server's operator (with the request id)"),
    (TemplateError, 400, "template_error", "GET /v1/models lists the templates; a broken one is for the server's operator to fix"),
    (ConfigError, 400, "config_error", "the server's settings are inconsistent: tell its operator"),
)

HTTP_ERROR_TYPES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_error",
    429: "rate_limited", 500: "internal_error", 502: "bad_gateway", 503: "unavailable", 504: "timeout",
}

#: The help of an HTTP error raised without one (a route FastAPI does not have, a method it does not take, …).
HTTP_ERROR_HELP = {
    400: "the request could not be read: the OpenAPI schema at /docs gives each route's form",
    401: "send 'Authorization: Bearer <key>' with a key the server's operator gave you",
    403: "this key may not do that: ask the server's operator",
    404: "no such route: the routes are listed at /docs (GET /openapi.json for the schema)",
    409: "the request conflicts with the server's state: retry after reading it again",
    413: "send a smaller body",
    415: "send application/json, or multipart/form-data for a document upload",
    422: "the OpenAPI schema at /docs gives each field's form",
    429: "wait and retry",
}
INTERNAL_HELP = "retry; if it persists, report the request id to the server's operator"
SERVER_HELP = "retry later; if it persists, tell the server's operator"


class ApiError(HTTPException):
    """An HTTP error a route raises that knows what the client should send instead (``help``)."""

    def __init__(self, status_code: int, detail: str, *, help: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status_code, detail=detail, headers=headers)
        self.help = help


def error_body(type_: str, message: str, help_: str | None = None, **extra: Any) -> dict[str, Any]:
    """The API's error shape: ``{"error": {"type", "message", "help", **extra}}`` (None extras left out)."""
    info: dict[str, Any] = {"type": type_, "message": message, "help": help_}
    info.update({k: v for k, v in extra.items() if v is not None})
    return {"error": info}


def internal_error_body(request_id: str, message: str | None = None, **extra: Any) -> dict[str, Any]:
    """The body of a failure the server did not expect (500): the request id its log line carries, never the trace."""
    return error_body("internal_error", message or f"internal error (request id {request_id})", INTERNAL_HELP,
                      request_id=request_id, **extra)


def http_error_help(exc: HTTPException, method: str, path: str) -> str:
    """The help of an HTTP error: its own (``ApiError``), else what the status means the client can do; a 405 names
    the methods the path takes (its ``Allow`` header)."""
    own = getattr(exc, "help", None)
    if own:
        return own
    if exc.status_code == 405:
        allowed = (getattr(exc, "headers", None) or {}).get("Allow") or (getattr(exc, "headers", None) or {}).get("allow")
        return f"{path} takes {allowed}, not {method}" if allowed else f"{path} does not take {method}: see /docs"
    return HTTP_ERROR_HELP.get(exc.status_code, SERVER_HELP if exc.status_code >= 500 else HTTP_ERROR_HELP[400])


def brief_error(exc: BriefError) -> tuple[int, dict[str, Any]]:
    """(HTTP status, error body) for a rag error; a subclass not in ERROR_STATUS is a 400 named after its class. The
    help is the error's own (``help_message``), else its kind's (``ERROR_STATUS``)."""
    match = next(((status, kind, help_) for cls, status, kind, help_ in ERROR_STATUS if isinstance(exc, cls)), None)
    if match is None:
        kind = re.sub(r"(?<!^)(?=[A-Z])", "_", type(exc).__name__).lower().removesuffix("_error") or "error"
        match = (400, kind, HTTP_ERROR_HELP[400])
    message = exc.args[0] if exc.args else str(exc)
    # a server-side failure (LLM 502/503/504, a missing package) must not reveal internal hosts; others mask credentials
    drop = match[0] >= 500
    help_ = redact(exc.help_message, drop_urls=drop) if exc.help_message else match[2]
    return match[0], error_body(match[1], redact(message, drop_urls=drop), help_)


#: Where a client finds the ids of each kind of thing a route looks up.
_LISTED_BY = {
    "brief": "GET /v1/briefs lists the stored briefs and answers",
    "job": "a job id comes from POST /v1/briefs with \"async\": true (its Location header)",
    "document": "GET /v1/documents lists the documents",
    "passage": "a passage id is a citation's chunk_id; GET /v1/documents/{doc_id} lists a document's passages",
}


def not_found(what: str, ident: str) -> NotFoundError:
    """The error a route raises for an unknown id (404 through :func:`brief_error`), saying where the ids are listed."""
    return NotFoundError(f"No {what} with id {ident!r}.", help_message=_LISTED_BY.get(what))
