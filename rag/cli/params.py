"""Options and arguments several `brief` commands share, defined once: the evidence filters (--since, --until,
--publisher), --collection, and paths and names that must not be empty.

Each is an ``Annotated`` type a command declares (``since: Since = None``), so every command that takes a filter
documents and checks it the same way. A bad value is a usage error (exit 2) naming the option, never a silent
reading: an empty ``--until ""`` is not "no bound", ``--since 2026-13-01`` is not 13 January, ``brief ingest ""``
is not the current directory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

__all__ = ["Collection", "Publishers", "Since", "Until", "filters", "nonempty_path", "nonempty_text", "read_collection", "user_date"]


def user_date(value: str) -> str:
    """A date given on the command line as an ISO day ("2019-07-04"); raises ``typer.BadParameter`` with
    ``rag.date_bounds.read_day``'s reason when it is empty, not a real day ("2026-13-01", "2026-02-30"), ambiguous in
    its day/month order ("07/04/2019": the message names both readings) or unreadable ("yesterday")."""
    from rag.date_bounds import read_day
    from rag.errors import QueryError

    try:
        return read_day(value)
    except QueryError as exc:
        raise typer.BadParameter(str(exc)) from None


def nonempty_text(value: str) -> str:
    """``value`` stripped; raises ``typer.BadParameter`` when nothing is left (``--publisher ""``)."""
    text = value.strip()
    if not text:
        raise typer.BadParameter("an empty value")
    return text


def nonempty_path(value: str) -> Path:
    """``value`` as a path; raises ``typer.BadParameter`` when it is empty ("" is not the current directory) or holds
    a NUL character."""
    if isinstance(value, Path):
        return value
    if not value.strip():
        raise typer.BadParameter("an empty path")
    if "\0" in value:  # no file system accepts it (Python raises ValueError on open)
        raise typer.BadParameter("a path with a NUL character")
    return Path(value)


SINCE_HELP = "Only evidence published on or after this day (YYYY-MM-DD); undated documents are left out."
UNTIL_HELP = ("Only evidence published on or before this day (YYYY-MM-DD); undated documents are left out, and a "
              "brief is written as of this day at the latest.")
PUBLISHER_HELP = "Only this publisher's documents (repeatable: any of them)."

Since = Annotated[Optional[str], typer.Option("--since", parser=user_date, metavar="DATE", help=SINCE_HELP)]
Until = Annotated[Optional[str], typer.Option("--until", parser=user_date, metavar="DATE", help=UNTIL_HELP)]
Publishers = Annotated[list[str], typer.Option("--publisher", parser=nonempty_text, metavar="NAME", help=PUBLISHER_HELP)]
Collection = Annotated[Optional[str], typer.Option("--collection", parser=nonempty_text, metavar="NAME",
                                                   help="Collection name (default from settings).")]


def filters(since: str | None, until: str | None, publishers: list[str]):
    """The ``SearchFilters`` of the shared options; raises ``QueryError`` when --since is after --until."""
    from rag.retrieve import make_filters

    return make_filters(since, until, publishers)


def read_collection(settings, name: str | None) -> str | None:
    """The collection a read command (search, ask, write, chat) opens: ``name`` when that collection exists in the
    data dir, None (the settings' default) when no name was given. Opening a collection creates it, so a mistyped
    ``--collection`` would leave an empty one behind and abstain; it is a usage error instead (exit 2), naming the
    collections there are."""
    if name is None:
        return None
    root = settings.data_dir / "collections"
    if (root / name).is_dir():
        return name
    known = sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    raise typer.BadParameter(f"no collection {name!r} in {settings.data_dir} (collections: {', '.join(known) or 'none'};"
                             f" `brief ingest PATH --collection {name}` creates it)", param_hint="'--collection'")
