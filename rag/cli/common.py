"""What every `brief` command shares: the Typer apps, the consoles, settings loading and error exit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer
from rich.console import Console

from rag.errors import BriefError

if TYPE_CHECKING:  # pydantic settings take ~0.5 s to import: `brief --help` must not pay for them
    from rag.config import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, help="Cited briefs on East Asian technology security.")
config_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Show configuration.")
app.add_typer(config_app, name="config")
eval_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Evaluate the pipeline: run suites, compare reports, gate regressions.")
app.add_typer(eval_app, name="eval")

console = Console()
err = Console(stderr=True)


def load_settings() -> Settings:
    """The process settings, with the process environment (offline hub, telemetry) configured."""
    from rag.config import get_settings
    from rag.runtime import configure_process

    settings = get_settings()

    configure_process(hf_offline=settings.hf_offline)
    return settings


def fail(exc: BriefError) -> None:
    """Print a rag error as a clean CLI message and exit with code 2."""
    err.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(code=2)
