"""What every `brief` command shares: the Typer apps, the consoles, settings loading and error exit."""

from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError  # Typer ≥ 0.26 vendors Click
from typer.core import TyperGroup
from rich.console import Console
from rich.markup import escape

from rag.errors import BriefError

if TYPE_CHECKING:  # pydantic settings take ~0.5 s to import: `brief --help` must not pay for them
    from rag.config import Settings

def clause(message: str) -> str:
    """A sentence-case message as a clause after "error: … :": "No such option" → "no such option", "Permission
    denied" → "permission denied"; a first word in capitals ("JSON", "PATH") stays."""
    return message[:1].lower() + message[1:] if message[1:2].islower() else message


def usage_lines(exc: UsageError) -> list[str]:
    """A usage error as a well-kept CLI reports it (GNU tools' "Try 'ls --help' for more information."): the error,
    then one line saying where the help is; not Click's usage synopsis, blank line and "Error:" (4 lines)."""
    # Typer ≥ 0.26 converts values with pydantic, whose ValueError messages open with "Value error, "
    lines = [f"error: {clause(exc.format_message().replace(': Value error, ', ': '))}"]
    if exc.ctx is not None and exc.ctx.command.get_help_option(exc.ctx) is not None:
        lines.append(f"try: {exc.ctx.command_path} {exc.ctx.help_option_names[0]}")
    return lines


class BriefGroup(TyperGroup):
    """The `brief` command group: Typer's, with usage errors reported in two lines (``usage_lines``), exit code 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[override]
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            # Typer's main without standalone mode raises Click's errors instead of printing them, and returns an
            # exit code (typer.Exit) or the command's result (None)
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as exc:  # `brief` alone: the help, as Click prints it
            exc.show()
            sys.exit(exc.exit_code)
        except UsageError as exc:
            for line in usage_lines(exc):
                err.print(line, markup=False, highlight=False)
            sys.exit(exc.exit_code)
        except ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except typer.Abort:
            err.print("aborted", markup=False, highlight=False)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(cls=BriefGroup, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Cited briefs on East Asian technology security.")


def _show_version(wanted: bool) -> None:
    if wanted:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("techsec-brief")
        except PackageNotFoundError:  # run from a source tree that was never installed
            number = "unknown (not installed)"
        typer.echo(f"brief (techsec-brief) {number}")
        raise typer.Exit()


@app.callback()
def _brief(
    show_version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Cited briefs on East Asian technology security."""


config_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Show configuration.")
app.add_typer(config_app, name="config")
eval_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None, help="Evaluate the pipeline: run suites, compare reports, gate regressions.")
app.add_typer(eval_app, name="eval")

class OutputFormat(str, Enum):
    """What `-f/--format` accepts: a closed choice, so a typo is a usage error listing these."""

    md = "md"
    json = "json"


class WriterBackend(str, Enum):
    """What `--backend` accepts; mirrors ``LLMSettings.backend`` (rag.config is not imported here: `--help` stays fast)."""

    extractive = "extractive"
    openai = "openai"


def backend_name(backend: WriterBackend | None) -> str | None:
    """The settings' name of a `--backend` choice; None (the settings' default) when not given."""
    return backend.value if backend is not None else None


#: Exit code of a run that did its work on the inputs it could read but failed or skipped others (`brief ingest`,
#: `brief verify`): the good ones are done and reported, the bad ones listed. 2 is a usage or input error that
#: stopped the run (Typer's usage errors use it too).
PARTIAL_EXIT = 1

console = Console()
# Errors, warnings and "skipped" lines are one line each, whatever the terminal width: rich would otherwise wrap a long
# one at 80 columns when stderr is not a terminal, and a script reading stderr line by line would get halves.
err = Console(stderr=True, soft_wrap=True)


def load_settings() -> Settings:
    """The process settings, with the process environment (offline hub, telemetry) configured. A settings file that is
    not TOML or a value a setting does not take (``BRIEF_LLM__BACKEND=nosuch``) is one error line, exit 2."""
    import os
    import tomllib

    from pydantic import ValidationError

    from rag.config import DEFAULT_CONFIG_FILE, get_settings
    from rag.errors import ConfigError
    from rag.redact import install_log_redaction
    from rag.runtime import configure_process

    install_log_redaction()
    config_file = os.environ.get("BRIEF_CONFIG_FILE", str(DEFAULT_CONFIG_FILE))  # as Settings reads it
    try:
        settings = get_settings()
    except tomllib.TOMLDecodeError as exc:
        fail(ConfigError(f"the settings file {config_file} is not TOML: {exc}"))
    except ValidationError as exc:
        wrong = "; ".join(f"{'.'.join(str(part) for part in e['loc'])}: {e['msg']} (got {str(e.get('input'))[:60]!r})"
                          for e in exc.errors())
        fail(ConfigError(f"invalid settings: {wrong}",
                         help_message=f"settings come from the BRIEF_* environment variables and {config_file}"))

    configure_process(hf_offline=settings.hf_offline)
    return settings


# C0 and C1 controls (ESC starts ANSI sequences, which can recolour, retitle or clear a terminal) and the
# bidi embedding/override/isolate controls (they reorder what a reader sees, e.g. "txt.exe" as "exe.txt").
# Left-to-right/right-to-left marks stay: Arabic and Hebrew text uses them legitimately. One-line fields
# (titles, file names) also show zero-width characters, which can make two names look the same; stored
# passages never hold them (rag.text.normalize drops them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200d\u2060\u202a-\u202e\u2066-\u2069\ufeff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object, *, markup: bool = True, newlines: bool = True) -> str:
    """Corpus text or a file name made safe to print: control and bidi characters shown as ``\\xNN``/``\\uNNNN``.

    ``markup=True`` also escapes rich markup (for ``console.print``); ``newlines=False`` escapes line breaks
    and tabs too (titles, file names: one line each).
    """
    cleaned = (_UNSAFE if newlines else _UNSAFE_LINE).sub(_visible, str(text))
    return escape(cleaned) if markup else cleaned


def fail(exc: BriefError) -> None:
    """Print a rag error as a clean CLI message and exit with code 2."""
    from rag.redact import redact

    err.print(f"[bold red]error:[/] {safe(redact(exc))}")
    raise typer.Exit(code=2)


def fail_write(path: object, exc: OSError) -> None:
    """Print "error: cannot write PATH: reason" (a missing folder, no permission, a full disk) and exit with code 2."""
    err.print(f"[bold red]error:[/] cannot write {safe(path, newlines=False)}: {safe(clause(exc.strerror or str(exc)))}", soft_wrap=True)
    raise typer.Exit(code=2)


def check_output(path: Path | None) -> None:
    """Before the work, that ``-o PATH`` can be written: its folder exists and it is not a folder itself; otherwise
    "error: cannot write PATH: why" and exit 2, so a brief or a verification is not computed and then lost."""
    import errno
    import os

    if path is None:
        return
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        fail_write(path, OSError(errno.EISDIR, os.strerror(errno.EISDIR)))
    if not folder.is_dir():
        code = errno.ENOTDIR if folder.exists() else errno.ENOENT
        fail_write(path, OSError(code, f"{os.strerror(code)} ({folder})"))
    if not os.access(folder, os.W_OK):
        fail_write(path, OSError(errno.EACCES, f"{os.strerror(errno.EACCES)} ({folder})"))


def fail_file(exc: OSError) -> None:
    """Print a file system error as one line, "error: /tmp: is a directory", and exit with code 2."""
    where = exc.filename if exc.filename is not None else ""
    reason = clause(exc.strerror or str(exc))
    err.print(f"[bold red]error:[/] {safe(where, newlines=False)}{': ' if where != '' else ''}{safe(reason)}", soft_wrap=True)
    raise typer.Exit(code=2)
