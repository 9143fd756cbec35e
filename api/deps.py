"""FastAPI dependencies: settings, the per-app services (engines, index, brief store, jobs), auth.

Settings come from :func:`rag.config.get_settings` through ``SettingsDep``; ``create_app(settings)``
overrides that dependency, and tests may override it too (services are built per settings object).

Auth: API keys are configured as sha256 hex digests (``api.api_keys_sha256`` and/or one digest per
line in ``api.keys_file``). A request must send ``Authorization: Bearer <key>``; the key is hashed and
compared with every configured digest using ``hmac.compare_digest``. Keys are required when the
server binds to a non-loopback address (``create_app`` refuses to start without them) and enforced
whenever any are configured. As a second line of defence, a keyless server refuses requests that
arrive on a non-loopback local address (e.g. ``uvicorn --host 0.0.0.0`` run by hand).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import re
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request

from rag.config import Settings, get_settings
from rag.errors import BriefError, ConfigError, TemplateError
from rag.redact import redact

from api.errors import ApiError
from api.jobs import JobManager
from api.store import BriefStore

if TYPE_CHECKING:  # imported lazily at runtime: heavy (Chroma, onnxruntime)
    from rag.index import CorpusIndex
    from rag.pipeline import Engine
    from rag.templates import TemplateLibrary

    from api.public_paths import PublicPaths

log = logging.getLogger("api")

SettingsDep = Annotated[Settings, Depends(get_settings)]

_DIGEST = re.compile(r"^[0-9a-f]{64}$")
BACKEND_ALIASES = {"techsec-brief": None, "extractive": "extractive", "openai": "openai"}


# --------------------------------------------------------------------------- keys


def is_loopback(host: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'; anything else (0.0.0.0, ::, names, LAN IPs) is not."""
    if not host:
        return False
    h = host.strip().strip("[]").lower()
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class KeyRing:
    """The accepted key digests: settings list + keys file (re-read when the file changes)."""

    def __init__(self, api_keys_sha256: list[str], keys_file: Path | None) -> None:
        self._static = [self._check(d, "api.api_keys_sha256") for d in api_keys_sha256 if d.strip()]
        self.keys_file = Path(keys_file) if keys_file else None
        self._file_state: tuple[float, int] | None = None
        self._file_digests: list[str] = []
        self._lock = threading.Lock()
        self.digests()  # fail fast on a missing or malformed file

    @staticmethod
    def _check(digest: str, where: str) -> str:
        d = digest.strip().lower()
        if not _DIGEST.match(d):
            raise ConfigError(
                f"{where} contains an entry that is not a sha256 hex digest.",
                help_message="store sha256(key) as 64 hex characters, e.g. `printf %s KEY | sha256sum`",
            )
        return d

    def digests(self) -> list[str]:
        if self.keys_file is None:
            return self._static
        with self._lock:
            try:
                st = self.keys_file.stat()
            except OSError as exc:
                raise ConfigError(f"API keys file {self.keys_file} cannot be read: {exc.strerror}.") from None
            state = (st.st_mtime, st.st_size)
            if state != self._file_state:
                lines = self.keys_file.read_text(encoding="utf-8").splitlines()
                self._file_digests = [
                    self._check(line, f"keys file {self.keys_file}")
                    for line in (raw.split("#", 1)[0].strip() for raw in lines) if line
                ]
                self._file_state = state
            return self._static + self._file_digests

    def configured(self) -> bool:
        return bool(self.digests())

    def accepts(self, key: str) -> bool:
        presented = hash_key(key)
        ok = False
        for digest in self.digests():  # no early exit: time does not depend on which digest matched
            ok |= hmac.compare_digest(presented, digest)
        return ok


# --------------------------------------------------------------------------- services


class Services:
    """Everything the routes share for one Settings object. Heavy parts are built on first use."""

    def __init__(self, settings: Settings, *, bind_host: str | None = None, job_workers: int = 2) -> None:
        self.settings = settings
        self.bind_host = bind_host
        self.keys = KeyRing(settings.api.api_keys_sha256, settings.api.keys_file)
        self._job_workers = job_workers
        self.store = BriefStore.for_data_dir(settings.data_dir)
        self.jobs = JobManager(self.store, max_workers=job_workers)
        self._closed = False
        self.upload_dir = settings.data_dir / "uploads"
        self._engines: dict[str, Engine] = {}
        self._library: TemplateLibrary | None = None
        self._public_paths: tuple[str, PublicPaths] | None = None
        self._lock = threading.Lock()
        self._warm_lock = threading.Lock()
        self.warm_state: dict[str, Any] = {"status": "not_started"}

    # -- core objects -------------------------------------------------------------------
    def index(self) -> "CorpusIndex":
        from rag.index import open_index

        return open_index(self.settings)

    def public_paths(self) -> "PublicPaths":
        """How the API shows the corpus's source paths (corpus-relative, never the server's layout); rebuilt when the
        corpus changes."""
        from api.public_paths import PublicPaths

        catalog = self.index().catalog
        snapshot = catalog.snapshot_id()
        cached = self._public_paths
        if cached is None or cached[0] != snapshot:
            cached = (snapshot, PublicPaths(catalog.source_files(), self.upload_dir))
            self._public_paths = cached
        return cached[1]

    def library(self) -> "TemplateLibrary":
        from rag.templates import TemplateLibrary

        if self._library is None:
            self._library = TemplateLibrary(self.settings.prompts_dir)
        return self._library

    def engine(self, backend: str | None = None) -> "Engine":
        """The Engine for a backend (None = the configured one), built once (blocking: call from a thread)."""
        from rag.pipeline import Engine

        key = backend or self.settings.llm.backend
        with self._lock:
            engine = self._engines.get(key)
            if engine is None:
                engine = Engine.from_settings(self.settings, backend=key)
                self._engines[key] = engine
            return engine

    def warm_up(self) -> dict[str, Any]:
        """Open the index, load the embedder and build the default engine (idempotent, blocking)."""
        with self._warm_lock:
            if self.warm_state.get("status") == "ok":
                return self.warm_state
            self.warm_state = {"status": "loading"}
            started = time.perf_counter()
            try:
                index = self.index()
                index.embedder.embed(["warm-up"])
                self.engine()
                self.warm_state = {"status": "ok", "seconds": round(time.perf_counter() - started, 3),
                                   "embedder": getattr(index.embedder, "model_id", type(index.embedder).__name__)}
            except BriefError as exc:
                self.warm_state = {"status": "failed", "error": redact(exc)}
            except Exception as exc:  # noqa: BLE001 - reported by /readyz
                log.exception("warm-up failed")
                self.warm_state = {"status": "failed", "error": redact(f"{type(exc).__name__}: {exc}")}
            return self.warm_state

    def open(self) -> None:
        """Reopen after close() (an app whose lifespan runs more than once, e.g. per test client)."""
        with self._lock:
            if self._closed:
                self.store = BriefStore.for_data_dir(self.settings.data_dir)
                self.jobs = JobManager(self.store, max_workers=self._job_workers)
                self._closed = False

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self.jobs.shutdown()
                self.store.close()


def _services_for(request: Request, settings: Settings) -> Services:
    state = request.app.state
    default: Services = state.services
    if settings is default.settings:
        return default
    # get_settings was overridden after create_app: services for that settings object, built once.
    with state.services_lock:
        extra: dict[int, Services] = state.extra_services
        services = extra.get(id(settings))
        if services is None or services.settings is not settings:
            services = Services(settings, bind_host=default.bind_host)
            extra[id(settings)] = services
        return services


def get_services(request: Request, settings: SettingsDep) -> Services:
    return _services_for(request, settings)


ServicesDep = Annotated[Services, Depends(get_services)]


def get_index(services: ServicesDep) -> "CorpusIndex":
    """The corpus index (opened, with its embedder, on first use; sync so FastAPI runs it in a thread)."""
    return services.index()


def get_engine(services: ServicesDep) -> "Engine":
    """The Engine of the configured backend (built once; sync so FastAPI runs it in a thread)."""
    return services.engine()


def get_public_paths(services: ServicesDep) -> "PublicPaths":
    """The corpus-relative form of source paths for responses (``api.public_paths``)."""
    return services.public_paths()


# typed Any: the rag classes are imported lazily (heavy), and FastAPI only needs the Depends
IndexDep = Annotated[Any, Depends(get_index)]
EngineDep = Annotated[Any, Depends(get_engine)]
PathsDep = Annotated[Any, Depends(get_public_paths)]


# --------------------------------------------------------------------------- auth


#: What a client without a working key does.
KEY_HELP = "send 'Authorization: Bearer <key>' with a key the server's operator gave you"


def _unauthorized(message: str, *, error: str | None = None, help: str = KEY_HELP) -> ApiError:
    challenge = 'Bearer realm="techsec-brief"' + (f', error="{error}"' if error else "")
    return ApiError(401, message, help=help, headers={"WWW-Authenticate": challenge})



def require_api_key(request: Request, services: ServicesDep) -> None:
    """Dependency of every route except /healthz (and the OpenAPI docs)."""
    if not services.keys.configured():
        server = request.scope.get("server") or (None, None)
        host = server[0] if server else None
        try:
            remote_facing = host is not None and not ipaddress.ip_address(host).is_loopback
        except ValueError:
            remote_facing = False  # a name such as 'testserver' (in-process clients)
        if remote_facing:
            raise _unauthorized(
                "API keys are required on non-loopback interfaces and none are configured on this server.",
                help="no key can work until the server's operator configures API keys (api.api_keys_sha256 or api.keys_file)",
            )
        return
    header = request.headers.get("authorization")
    if not header:
        raise _unauthorized("Missing API key: send 'Authorization: Bearer <key>'.")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise _unauthorized("Malformed Authorization header: expected 'Bearer <key>'.", error="invalid_request")
    if not services.keys.accepts(token):
        raise _unauthorized("Invalid API key.", error="invalid_token")


AuthDep = Depends(require_api_key)


# --------------------------------------------------------------------------- request helpers


def check_query(services: Services, text: str) -> str:
    """The configured query-length limit (422 via QueryError when exceeded)."""
    from rag.retrieve import validate_query

    return validate_query(text, max_chars=services.settings.retrieval.max_query_chars)


def query_filters(since: str | None, until: str | None, publishers: list[str]):
    """The filters of a GET request's query string checked as a JSON body's are (``FilterFields``: the same date
    reader, the same messages, since after until refused); a refusal is the same 422 ``validation_error``, located in
    the query ("query.since")."""
    from fastapi.exceptions import RequestValidationError
    from pydantic import ValidationError

    from api.schemas import FilterFields

    try:
        return FilterFields(since=since, until=until, publishers=publishers)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in exc.errors()]) from None


def filters_from(since: str | None, until: str | None, publishers: list[str] | tuple[str, ...] = (), *, catalog):
    """The request's ``SearchFilters``; 422 (``QueryError``) for an unreadable date, and (``UnknownPublisherError``)
    for a publisher ``catalog`` has no document of, naming the closest ones."""
    from rag.retrieve import make_filters

    return catalog.resolve_filters(make_filters(since, until, list(publishers)))


def resolve_template(services: Services, name: str) -> str:
    """A brief or answer template's name (``TemplateLibrary.output_names``); otherwise 422 listing them."""
    library = services.library()
    try:
        available = library.output_names()
    except TemplateError:
        available = []
    if name not in available:
        raise ApiError(422, f"Unknown template {name!r}; available: {', '.join(available) or '(none)'}.",
                       help=f"send \"template\" as one of {', '.join(available)} (GET /v1/models lists them)" if available
                       else "the server has no brief templates: tell its operator")
    return name


def history_turns(turns) -> list:
    from rag.types import Turn

    return [Turn(t.role, t.content) for t in turns]
