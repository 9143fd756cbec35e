"""`brief ingest` and `brief search`: build the index and look things up in it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from rag.cli.common import PARTIAL_EXIT, app, clause, console, err, fail, load_settings, safe
from rag.cli.params import Collection, Publishers, Since, Until, filters, nonempty_path, read_collection
from rag.inert import inert_dumps
from rag.errors import BriefError


_UNDATED_SHOWN = 10
_NAMES_SHOWN = 5


def directory_contents(path: Path) -> tuple[int, list[str]]:
    """(files `brief ingest` reads, names of the other files) under directory ``path``, hidden entries and the
    manifest not counted: a folder of .docx or .csv files gives (0, [...]) and must not look like an empty success."""
    from rag.loaders import folder_files, is_ingestible

    readable, other = 0, []
    for file in folder_files(path):
        if is_ingestible(file):
            readable += 1
        else:
            other.append(str(file.relative_to(path)))
    return readable, other


def _listed(names: list[str]) -> str:
    shown = ", ".join(safe(n, newlines=False) for n in names[:_NAMES_SHOWN])
    return shown + (f" and {len(names) - _NAMES_SHOWN} more" if len(names) > _NAMES_SHOWN else "")


def _files(n: int) -> str:
    return f"file{'s' if n != 1 else ''}"


def check_input(path: Path) -> tuple[str | None, str | None]:
    """(why `brief ingest` cannot read the command-line input ``path``, a warning about it); each None when there is
    none. Cannot read: a path that does not exist, a file it cannot open or of a type it does not read, a folder it
    cannot list or whose files are all of types it does not read. A warning: a folder with no files (a script may
    ingest one to create the index), files of other types beside readable ones (left out)."""
    from rag.loaders import SUPPORTED_SUFFIXES, is_ingestible

    kinds = " ".join(sorted(SUPPORTED_SUFFIXES))
    try:
        path.stat()
    except OSError as exc:
        return ("a broken symbolic link" if path.is_symlink() else _reason(exc)), None
    if path.is_dir():
        try:
            with os.scandir(path):
                pass
        except OSError as exc:  # os.walk would skip it without a word: an "empty folder"
            return f"cannot list the folder: {_reason(exc)}", None
        readable, other = directory_contents(path)
        if not readable and other:
            return f"no file brief reads ({kinds}); {len(other)} other {_files(len(other))}: {_listed(other)}", None
        if not readable:
            return None, f"nothing to ingest: the folder has no files ({kinds} are read)"
        if other:
            return None, f"{len(other)} {_files(len(other))} of a type brief does not read ({kinds}) left out: {_listed(other)}"
        return None, None
    if not path.is_file():  # a FIFO would block the read, a socket or device cannot be an article
        return "not a file or a folder", None
    if not is_ingestible(path):
        return f"not a type of file brief reads ({kinds})", None
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        return _reason(exc), None
    return None, None


def _reason(exc: OSError) -> str:
    """The system's reason as a clause: "no such file or directory", "permission denied"."""
    return clause(exc.strerror or str(exc))


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., parser=nonempty_path, metavar="PATH", help="Files or directories (.txt .md .html .pdf .jsonl)."),
    prune: bool = typer.Option(False, "--prune", help="Remove documents whose files are gone."),
    collection: Collection = None,
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Ingest articles into the index (incremental: unchanged files are skipped)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from rag.cli.progress import RateColumn
    from rag.index import open_index
    from rag.ingest import Ingestor, IngestProgress

    # every input is checked before anything is opened or written: a mistyped path is an error at once, not after
    # the embedding model loads, and nothing is half-done (fix the path and run again)
    warnings: list[tuple[str, str]] = []
    unreadable = False
    for path in paths:
        problem, warning = check_input(path)
        if problem:
            err.print(f"[bold red]error:[/] cannot ingest {safe(path, newlines=False)}: {safe(problem)}")
            unreadable = True
        elif warning:
            warnings.append((str(path), warning))
    if unreadable:
        raise typer.Exit(code=2)
    try:
        settings = load_settings()
        index = open_index(settings, collection=collection)
        ingestor = Ingestor(index)
        with Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"), RateColumn(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.description}"),
            console=err, transient=True, disable=as_json or not err.is_terminal,
        ) as bar:
            task = bar.add_task("", total=None)

            def progress(p: IngestProgress) -> None:
                name = safe(Path(p.name).name, newlines=False) if p.name else ""
                bar.update(task, completed=p.done, total=p.total, description=f"{p.chunks:,} chunks embedded · {name}")

            report = ingestor.ingest_paths(paths, prune=prune, progress=progress)
            index.refresh_lexical()  # the BM25 index of what is now indexed, so the first search does not build it
    except BriefError as exc:
        fail(exc)
        return
    failed = len(report.failed)
    if as_json:
        data = report.to_dict()
        data["warnings"] = data["warnings"] + [{"path": p, "message": m} for p, m in warnings]
        console.print_json(json.dumps(data))
        if failed:
            raise typer.Exit(PARTIAL_EXIT)
        return
    for f in report.failed:
        err.print(f"[yellow]skipped[/] {safe(f.path, newlines=False)}: {safe(f.reason)}")
    for p, message in warnings:
        err.print(f"[yellow]warning[/] {safe(p, newlines=False)}: {message}")
    for w in report.warnings:
        err.print(f"[yellow]warning[/] {safe(w.path, newlines=False)}: {safe(w.message)}")
    if report.undated:
        shown = report.undated[:_UNDATED_SHOWN]
        more = f" (and {len(report.undated) - len(shown)} more: brief ingest --json lists all)" if len(report.undated) > len(shown) else ""
        n = len(report.undated)
        err.print(f"[yellow]no publication date[/] for {n} document{'s' if n != 1 else ''} (date filters and timelines skip them): "
                  + ", ".join(safe(Path(p).name, newlines=False) for p in shown) + more)
    counts = index.catalog.counts()
    console.print(
        f"documents: {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.duplicates} duplicate, {report.near_duplicates} near-duplicate, {report.versions} new version, {report.removed} removed, "
        f"{failed} failed · chunks: {report.chunks_added} written, {report.chunks_embedded} embedded · "
        f"{report.seconds:.1f}s",
        soft_wrap=True,  # one line a script can grep, whatever the terminal width
    )
    console.print(f"index: {counts['documents']} documents, {counts['stories']} stories, {counts['chunks']} chunks")
    if failed:  # a partial ingest must not look like success to a script
        done = report.added + report.updated + report.unchanged + report.duplicates + report.near_duplicates + report.versions
        err.print(f"[red]error:[/] {failed} input{'s' if failed != 1 else ''} failed (listed above); "
                  + ("the others were ingested" if done else "nothing was ingested"))
        raise typer.Exit(PARTIAL_EXIT)


@app.command()
def search(
    query: str = typer.Argument(..., metavar="QUERY", help="What to look for."),
    k: Optional[int] = typer.Option(None, "-k", min=1, max=200, help="Number of passages (1-200; default from settings)."),
    since: Since = None,
    until: Until = None,
    publisher: Publishers = [],
    collection: Collection = None,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Hybrid search (dense + BM25, fused) with date and publisher filters."""
    from rich.table import Table

    from rag.index import open_index
    from rag.retrieve import HybridRetriever
    from rag.source_names import source_name

    try:
        settings = load_settings()
        search_filters = filters(since, until, publisher)
        index = open_index(settings, collection=read_collection(settings, collection))
        search_filters = index.catalog.resolve_filters(search_filters)
        retriever = HybridRetriever(index)
        hits = retriever.search(query, k=k, filters=search_filters)
    except BriefError as exc:
        fail(exc)
        return
    if as_json:
        sys.stdout.write(inert_dumps([h.to_dict() for h in hits], indent=2) + "\n")
        return
    if not hits:
        # an empty collection (nothing ingested yet) is not "no match"; either is a message (stderr, one line), and
        # stdout, where the results go, stays empty
        from rag.writers.abstention_text import empty_collection_message  # the writers (jinja2): only when needed

        empty = index.store.count() == 0
        err.print(safe(empty_collection_message(index.collection)) if empty else "No passages matched.")
        return
    table = Table(show_lines=True)
    for col in ("#", "score", "article", "passage", "span"):
        # a run of Chinese or Japanese has no space to wrap at: fold it onto the next line, not cut it with "…"
        table.add_column(col, overflow="fold" if col in ("article", "passage") else "ellipsis")
    for h in hits:
        c = h.chunk
        title = source_name(c.title, c.metadata.get("source_path"), c.doc_id)
        src = "\n".join([f"[bold]{safe(title, newlines=False)}[/]", safe(c.publisher or "—", newlines=False),
                         safe(c.published or "undated", newlines=False)])
        if h.also_reported_by:
            src += f"\nalso: {safe(', '.join(h.also_reported_by), newlines=False)}"
        text = safe(c.text if len(c.text) < 400 else c.text[:400] + "…")
        # the offsets in the original file, as the JSON's source_span (the README's promise: open(path).read()[a:b] is
        # the passage); the stored text's offsets only when the passage could not be located in the original
        where = (h.source or {}).get("span")
        span = f"{where[0]}-{where[1]}" if where else f"{c.start}-{c.end} (stored text)"
        # a hit no query word matched (no BM25 rank) is only the nearest by meaning: say so, or filler reads as a match
        score = f"{h.score:.4f}" if h.bm25_rank is not None else f"{h.score:.4f}\nmeaning only"
        table.add_row(str(h.rank), score, src, text, span)
    console.print(table)
    if all(h.bm25_rank is None for h in hits):
        err.print("No passage holds a word of the query: these are only the nearest passages by meaning "
                  "(dense search), which may not be about it.")
