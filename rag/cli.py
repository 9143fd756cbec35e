"""The `brief` command: a thin typer + rich layer over the rag library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from rag.config import Settings, get_settings
from rag.errors import BriefError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Cited briefs on East Asian technology security.")
config_app = typer.Typer(no_args_is_help=True, help="Show configuration.")
app.add_typer(config_app, name="config")

console = Console()
err = Console(stderr=True)


def _settings() -> Settings:
    settings = get_settings()
    from rag.runtime import configure_process

    configure_process(hf_offline=settings.hf_offline)
    return settings


def _fail(exc: BriefError) -> None:
    err.print(f"[bold red]error:[/] {exc}")
    raise typer.Exit(code=2)


@config_app.command("show")
def config_show() -> None:
    """Print the effective settings (secrets masked)."""
    console.print_json(json.dumps(_settings().masked(), default=str))


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or directories (.txt .md .html .pdf .jsonl)."),
    prune: bool = typer.Option(False, "--prune", help="Remove documents whose files are gone."),
    collection: Optional[str] = typer.Option(None, help="Collection name (default from settings)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Ingest articles into the index (incremental: unchanged files are skipped)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from rag.index import open_index
    from rag.ingest import Ingestor

    try:
        settings = _settings()
        index = open_index(settings, collection=collection)
        ingestor = Ingestor(index)
        with Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=err, transient=True, disable=as_json or not err.is_terminal,
        ) as bar:
            task = bar.add_task("", total=None)

            def progress(done: int, total: int, name: str) -> None:
                bar.update(task, completed=done, total=total, description=Path(name).name if name else "")

            report = ingestor.ingest_paths(paths, prune=prune, progress=progress)
    except BriefError as exc:
        _fail(exc)
        return
    if as_json:
        console.print_json(json.dumps(report.to_dict()))
        return
    for f in report.failed:
        err.print(f"[yellow]skipped[/] {f.path}: {f.reason}")
    counts = index.catalog.counts()
    console.print(
        f"documents: {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.duplicates} duplicate, {report.near_duplicates} near-duplicate, {report.removed} removed, "
        f"{len(report.failed)} failed · chunks: {report.chunks_added} written, {report.chunks_embedded} embedded · "
        f"{report.seconds:.1f}s"
    )
    console.print(f"index: {counts['documents']} documents, {counts['stories']} stories, {counts['chunks']} chunks")


@app.command()
def search(
    query: str = typer.Argument(..., help="What to look for."),
    k: int = typer.Option(None, "-k", help="Number of passages."),
    since: Optional[str] = typer.Option(None, help="Only articles published on/after this date."),
    until: Optional[str] = typer.Option(None, help="Only articles published on/before this date."),
    publisher: list[str] = typer.Option([], "--publisher", help="Only these publishers (repeatable)."),
    collection: Optional[str] = typer.Option(None, help="Collection name."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Hybrid search (dense + BM25, fused) with date and publisher filters."""
    from rag.index import open_index
    from rag.retrieve import HybridRetriever, make_filters

    try:
        settings = _settings()
        retriever = HybridRetriever(open_index(settings, collection=collection))
        hits = retriever.search(query, k=k, filters=make_filters(since, until, publisher))
    except BriefError as exc:
        _fail(exc)
        return
    if as_json:
        sys.stdout.write(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        console.print("No passages matched.")
        return
    table = Table(show_lines=True)
    for col in ("#", "score", "article", "passage", "span"):
        table.add_column(col)
    for h in hits:
        c = h.chunk
        src = f"[bold]{c.title or Path(c.metadata.get('source_path', '')).name}[/]\n{c.publisher or '—'}\n{c.published or 'undated'}"
        if h.also_reported_by:
            src += f"\nalso: {', '.join(h.also_reported_by)}"
        text = c.text if len(c.text) < 400 else c.text[:400] + "…"
        table.add_row(str(h.rank), f"{h.score:.4f}", src, text, f"{c.start}-{c.end}")
    console.print(table)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
