"""What every `brief` command shares: the Typer apps, the consoles, settings loading and error exit."""

from __future__ import annotations

import typer
from rich.console import Console

from rag.config import Settings, get_settings
from rag.errors import BriefError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Cited briefs on East Asian technology security.")
config_app = typer.Typer(no_args_is_help=True, help="Show configuration.")
app.add_typer(config_app, name="config")
eval_app = typer.Typer(no_args_is_help=True, help="Evaluate the pipeline: run suites, compare reports, gate regressions.")
app.add_typer(eval_app, name="eval")

console = Console()
err = Console(stderr=True)


def load_settings() -> Settings:
    """The process settings, with the process environment (offline hub, telemetry) configured."""
    settings = get_settings()
    from rag.runtime import configure_process

    configure_process(hf_offline=settings.hf_offline)
    return settings


def fail(exc: BriefError) -> None:
    """Print a rag error as a clean CLI message and exit with code 2."""
    err.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(code=2)
