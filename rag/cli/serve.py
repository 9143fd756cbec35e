"""`brief serve` and `brief config show`."""

from __future__ import annotations

import json
from enum import Enum

import typer

from rag.cli.common import app, clause, config_app, console, err, fail, load_settings, safe
from rag.cli.params import nonempty_text
from rag.errors import BriefError



class LogLevel(str, Enum):
    """What `--log-level` accepts (uvicorn's levels): a closed choice, so a typo is a usage error listing them."""

    critical = "critical"
    error = "error"
    warning = "warning"
    info = "info"
    debug = "debug"
    trace = "trace"


@config_app.command("show")
def config_show() -> None:
    """Print the effective settings (secrets masked)."""
    console.print_json(json.dumps(load_settings().masked(), default=str))


def listen_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host:port`` ("address already in use", "cannot assign requested address",
    "name or service not known"), or None when it can: bound and released here as uvicorn binds it (AF_INET6 for an
    address with a colon, SO_REUSEADDR), so a busy port is one line before start-up, not uvicorn's log and a crash."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as exc:  # socket.gaierror too
        return clause(exc.strerror or str(exc))
    return None


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", parser=nonempty_text, metavar="HOST", help="Bind address. Anything but loopback requires API keys."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port."),
    workers: int = typer.Option(1, "--workers", min=1, max=16, help="Worker processes."),
    log_level: LogLevel = typer.Option(LogLevel.info, "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs; OpenAI-compatible /v1/chat/completions)."""
    import os

    import uvicorn

    from api.logging import UVICORN_LOG_CONFIG
    from api.main import BIND_HOST_ENV, create_app

    problem = listen_problem(host, port)
    if problem is not None:
        where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        busy = " (another server uses it: stop it or choose another --port)" if "in use" in problem else ""
        err.print(f"[bold red]error:[/] cannot listen on {safe(where, newlines=False)}: {safe(problem)}{busy}")
        raise typer.Exit(code=2)
    os.environ[BIND_HOST_ENV] = host
    try:
        probe = create_app(load_settings(), bind_host=host, warm_up=False)  # fail fast: keys, data dir
        probe.state.services.close()
    except BriefError as exc:
        fail(exc)
        return
    uvicorn.run("api.main:create_app", factory=True, host=host, port=port, workers=workers,
                log_level=log_level.value, access_log=False, log_config=UVICORN_LOG_CONFIG)
