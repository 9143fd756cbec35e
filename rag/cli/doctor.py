"""`brief doctor`: check (and with --repair fix) that catalog, Chroma, embedding cache and BM25 agree."""

from __future__ import annotations

import json
import typer

from rag.cli.common import app, console, err, fail, load_settings, safe
from rag.cli.params import Collection, read_collection
from rag.errors import BriefError


@app.command()
def doctor(
    repair: bool = typer.Option(False, "--repair", help="Fix what can be fixed, then check again."),
    collection: Collection = None,
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Check the index for half-written documents, missing or orphan vectors, a stale BM25 index and a corrupt
    embedding cache. Exit 0 when consistent (also after a successful --repair), 1 when problems remain."""
    from rag.doctor import diagnose

    try:
        settings = load_settings()
        # opening a collection creates it: a mistyped name must not leave an empty one behind and report it "ok"
        report = diagnose(settings, collection=read_collection(settings, collection), repair=repair)
    except BriefError as exc:
        fail(exc)
        return
    if as_json:
        console.print_json(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        c = report.counts
        console.print(
            f"collection {safe(report.collection, newlines=False)} in {safe(report.data_dir, newlines=False)}: "
            f"{c.get('documents', 0)} documents, {c.get('chunks', 0)} chunks, {c.get('vectors', 0)} vectors, "
            f"{c.get('cache_rows', 0)} cached embeddings, BM25 {report.bm25}",
            soft_wrap=True,
        )
        for kind, n in report.repaired.items():
            console.print(f"[green]repaired[/] {kind}: {n}")
        for p in report.problems:
            how = "" if p.repairable else " (not repairable)"
            err.print(f"[red]{p.kind}[/]: {p.count}{how} — {safe(p.description)}")
            for example in p.examples:
                err.print(f"  {safe(example, newlines=False)}")
        for note in report.notes:
            console.print(f"[dim]note:[/] {safe(note)}")
        if report.clean:
            console.print("[green]ok[/]: catalog, Chroma, embedding cache and BM25 agree")
        elif any(p.repairable for p in report.problems) and not repair:
            err.print("run `brief doctor --repair` to fix the repairable problems")
    if not report.clean:
        raise typer.Exit(1)
