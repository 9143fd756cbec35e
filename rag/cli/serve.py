"""`brief serve` and `brief config show`."""

from __future__ import annotations

import json
from enum import Enum

import typer

from rag.cli.common import app, config_app, console, fail, load_settings
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

    os.environ[BIND_HOST_ENV] = host
    try:
        probe = create_app(load_settings(), bind_host=host, warm_up=False)  # fail fast: keys, data dir
        probe.state.services.close()
    except BriefError as exc:
        fail(exc)
        return
    uvicorn.run("api.main:create_app", factory=True, host=host, port=port, workers=workers,
                log_level=log_level.value, access_log=False, log_config=UVICORN_LOG_CONFIG)
