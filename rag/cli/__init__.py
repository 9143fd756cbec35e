"""The `brief` command: a thin typer + rich layer over the rag library, one module per command group."""

from rag.cli import corpus, doctor, evaluate, generate, serve, verify  # noqa: F401 - importing registers the commands
from rag.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    """The `brief` entry point: the Typer app, ended quietly with exit 141 when a reader closes its output early."""
    from rag.cli.closed_output import run_until_output_closes

    run_until_output_closes(app)
