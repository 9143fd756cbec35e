"""The FastAPI application: ``create_app(settings)``; ``api.main:app`` is built lazily on first access.

Run it with ``brief serve`` (sets the bind host so a non-loopback bind without API keys is refused) or
``uvicorn api.main:create_app --factory``.
"""

from __future__ import annotations

import logging
import os
import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

import rag  # noqa: F401  (process environment: offline hub, tiktoken cache, no Chroma telemetry)
from rag.config import Settings, get_settings
from rag.errors import BriefError, ConfigError

from api.deps import Services, is_loopback
from api.errors import HTTP_ERROR_TYPES, brief_error, error_body, http_error_help, internal_error_body
from api.field_help import problems_help
from api.logging import RequestContextMiddleware, configure_logging, request_id_var
from api.responses import InertJSONResponse as JSONResponse

#: Set by ``brief serve`` to the address uvicorn binds; read by create_app() when no bind_host is given.
BIND_HOST_ENV = "BRIEF_SERVE_HOST"
#: JSON request bodies (except document uploads, limited by api.max_upload_bytes) are capped at this size.
MAX_JSON_BODY = 1_000_000

log = logging.getLogger("api")

DESCRIPTION = """
Cited, citation-checked briefs and answers on East Asian technology security, over a local corpus.

* **Auth**: `Authorization: Bearer <key>` on every route except `/healthz` when API keys are configured
  (`api.api_keys_sha256` / `api.keys_file` hold sha256 digests); required on non-loopback binds.
* **Errors** always have the shape `{"error": {"type", "message", "help"}}`.
* Every response carries `X-Request-ID` (yours if you sent a well-formed one).
"""


class BodyLimitMiddleware:
    """413 for JSON bodies over ``max_bytes`` (declared or streamed); uploads enforce their own limit. A JSON body
    that is not text in a JSON encoding (UTF-8, or UTF-16/32 as ``json.loads`` detects them) is a 422
    ``validation_error`` saying so, not FastAPI's bare 400 "There was an error parsing the body"."""

    def __init__(self, app, *, max_bytes: int, exempt: tuple[str, ...] = ("/v1/documents",)) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.exempt = exempt

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "DELETE", "OPTIONS") or scope.get("path") in self.exempt:
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers") or ():
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await _send_json(send, 413, _too_large(self.max_bytes))
                return
        # Read the body here, bounded, then replay it: an exception raised from inside the app's own body read
        # would be turned into a 400 by FastAPI, and a chunked body has no Content-Length to check up front.
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":  # client went away
                return
            body.extend(message.get("body", b""))
            if len(body) > self.max_bytes:
                await _send_json(send, 413, _too_large(self.max_bytes))
                return
            if not message.get("more_body", False):
                break
        problem = _undecodable_json(bytes(body), _header(scope, b"content-type"))
        if problem:
            await _send_json(send, 422, error_body("validation_error", f"body: {problem}", "send the JSON encoded as UTF-8",
                                                   details=[{"loc": ["body"], "msg": problem, "type": "unicode_decode"}]))
            return
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()  # after the body: disconnect notices for streaming responses

        await self.app(scope, replay, send)


def _too_large(max_bytes: int) -> dict:
    return error_body("payload_too_large", f"Request body exceeds {max_bytes:,} bytes.",
                      f"send a JSON body of at most {max_bytes:,} bytes; a larger document goes to POST /v1/documents as a "
                      "multipart/form-data upload (its limit is api.max_upload_bytes)")


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key == name:
            return value.decode("latin-1")
    return None


def _undecodable_json(body: bytes, content_type: str | None) -> str | None:
    """Why a body FastAPI would read as JSON (no content type, ``application/json`` or ``…+json``) is not text
    ("not UTF-8: byte 0xff at position 14"); None when it decodes or is not read as JSON."""
    import json

    media = (content_type or "").split(";", 1)[0].strip().lower()
    if not body or (media and media != "application/json" and not (media.startswith("application/") and media.endswith("+json"))):
        return None
    encoding = json.detect_encoding(body)
    try:
        body.decode(encoding, "surrogatepass")
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        return f"not {name} text: byte 0x{body[exc.start]:02x} at position {exc.start} cannot be decoded"
    return None


async def _send_json(send, status: int, body: dict) -> None:
    import json

    raw = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]})
    await send({"type": "http.response.body", "body": raw})


#: what pydantic puts before the message of a ValueError raised by a validator: the message is ours, the prefix noise
_VALUE_ERROR_PREFIX = "Value error, "


def _validation_message(errors: list[dict]) -> tuple[str, list[dict]]:
    """One line for every problem ("since: the day/month order of '07/04/2019' is ambiguous: …") and the details.

    A problem with the whole body or query ("since … is after until …") is its message alone; a body that is not
    JSON says where it stopped reading ("body: not JSON: Expecting value at character 0")."""
    details, parts = [], []
    for e in errors:
        loc = list(e.get("loc", ()))
        msg = str(e.get("msg", "invalid")).removeprefix(_VALUE_ERROR_PREFIX)
        if e.get("type") == "json_invalid":
            at = f" at character {loc[1]}" if len(loc) > 1 and isinstance(loc[1], int) else ""
            msg, loc = f"not JSON: {(e.get('ctx') or {}).get('error', 'cannot be parsed')}{at}", ["body"]
        details.append({"loc": loc, "msg": msg, "type": e.get("type")})
        whole = len(loc) == 1 and loc[0] in ("body", "query")
        if whole and e.get("type") == "value_error":  # a check across fields: its message names them
            parts.append(msg)
            continue
        where = ".".join(str(p) for p in (loc[1:] if loc[:1] == ["body"] and not whole else loc))
        parts.append(f"{where or 'request'}: {msg}")
    return "; ".join(parts[:5]) + (f" (+{len(parts) - 5} more)" if len(parts) > 5 else ""), details


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(BriefError)
    async def _brief_error(request: Request, exc: BriefError):
        status, body = brief_error(exc)
        if status >= 500:  # a server fault: the body names the request id the log line carries
            rid = request_id_var.get() or getattr(request.state, "request_id", None) or ""
            body["error"]["request_id"] = rid
            log.error("request failed: %s", exc, extra={"error_type": body["error"]["type"], "status": status, "request_id": rid})
        return JSONResponse(body, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        problems = list(exc.errors())
        message, details = _validation_message(problems)
        # what the route takes where each problem is, as declared (the OpenAPI schema's own words and bounds)
        route = request.scope.get("route")
        helps = problems_help(route, problems)
        help_ = "; ".join(helps[:3]) + (f" (+{len(helps) - 3} more problems: see details)" if len(helps) > 3 else "")
        return JSONResponse(error_body("validation_error", message, help_, details=details), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        kind = HTTP_ERROR_TYPES.get(exc.status_code, "http_error")
        if exc.status_code == 404 and "model" in str(exc.detail) and request.url.path.endswith("/chat/completions"):
            kind = "model_not_found"
        return JSONResponse(error_body(kind, str(exc.detail), http_error_help(exc, request.method, request.url.path)),
                            status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unhandled(request: Request, exc: Exception):
        # Runs outside RequestContextMiddleware (Starlette's outermost error middleware), after the request's
        # context is reset: the id comes from the scope state the middleware left.
        rid = request_id_var.get() or request.scope.get("state", {}).get("request_id") or ""
        log.error("unhandled error: %s", type(exc).__name__, exc_info=(type(exc), exc, exc.__traceback__),
                  extra={"request_id": rid, "path": request.url.path, "status": 500})
        return JSONResponse(
            internal_error_body(rid, f"Internal error (request id {rid})."),
            status_code=500, headers={"X-Request-ID": rid} if rid else None,
        )


def create_app(settings: Settings | None = None, *, bind_host: str | None = None, warm_up: bool = True) -> FastAPI:
    """Build the API for these settings (default: ``get_settings()``).

    ``bind_host`` is the address the server listens on (default: ``$BRIEF_SERVE_HOST`` or 127.0.0.1).
    A non-loopback bind without configured API keys raises ConfigError: the server refuses to start.
    ``warm_up`` loads the index and embedder in a background thread at startup (``/readyz`` waits for it).
    """
    settings = settings or get_settings()
    bind_host = bind_host or os.environ.get(BIND_HOST_ENV) or "127.0.0.1"
    services = Services(settings, bind_host=bind_host)
    if not is_loopback(bind_host) and not services.keys.configured():
        services.close()
        raise ConfigError(
            f"Refusing to serve on {bind_host}: API keys are required on non-loopback addresses and none are configured.",
            help_message="set BRIEF_API__API_KEYS_SHA256='[\"<sha256 hex of a key>\"]' or BRIEF_API__KEYS_FILE, or bind to 127.0.0.1",
        )
    configure_logging(os.environ.get("BRIEF_LOG_LEVEL", "INFO"))
    from rag.redact import install_log_redaction

    install_log_redaction()  # rag.* records reach stderr through the root/last-resort handlers, not the JSON one

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        services.open()
        for extra in list(app.state.extra_services.values()):
            extra.open()
        if warm_up:
            threading.Thread(target=services.warm_up, name="api-warm-up", daemon=True).start()
        log.info("api started", extra={"bind_host": bind_host, "data_dir": str(settings.data_dir),
                                       "auth": "api-keys" if services.keys.configured() else "none (loopback)"})
        try:
            yield
        finally:
            services.close()
            for extra in list(app.state.extra_services.values()):
                extra.close()

    from api.routes import ask, briefs, chat, documents, health, passages, publishers, search
    from api.web import install_web

    app = FastAPI(
        default_response_class=JSONResponse,
        title="techsec-brief API",
        version=rag.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served by api.web from local files (no CDN), under the page's CSP
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        openapi_tags=[
            {"name": "briefs", "description": "Generate, store, list and compare briefs."},
            {"name": "ask", "description": "Cited answers (JSON or server-sent events)."},
            {"name": "openai-compatible", "description": "Chat completions and models for OpenAI clients."},
            {"name": "documents", "description": "Add, inspect and remove corpus documents."},
            {"name": "search", "description": "Hybrid passage search."},
            {"name": "health", "description": "Liveness and readiness."},
        ],
    )
    app.state.services = services
    app.state.services_lock = threading.Lock()
    app.state.extra_services = {}
    app.state.bind_host = bind_host
    app.dependency_overrides[get_settings] = lambda: settings
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_JSON_BODY)
    app.add_middleware(RequestContextMiddleware)
    for module in (health, briefs, ask, chat, documents, publishers, passages, search):
        app.include_router(module.router)
    install_web(app)
    return app


_app: FastAPI | None = None
_app_lock = threading.Lock()


def __getattr__(name: str):
    """``api.main:app`` for ``uvicorn api.main:app``: built on first access, not at import."""
    global _app
    if name == "app":
        with _app_lock:
            if _app is None:
                _app = create_app()
        return _app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
