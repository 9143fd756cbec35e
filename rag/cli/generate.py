"""`brief write`, `ask`, `chat` and `verify`: cited briefs and answers, and the offline support checker."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from rag.cli.common import OutputFormat, WriterBackend, app, backend_name, console, err, fail, load_settings, safe
from rag.inert import inert_json_text
from rag.errors import BriefError
from rag.text.sentences import flatten

if TYPE_CHECKING:
    from rag.config import Settings


def _engine(settings: Settings, collection: str | None, backend: WriterBackend | None):
    from rag.pipeline import Engine

    return Engine.from_settings(settings, collection=collection, backend=backend_name(backend))


DRAFT_HEADER = "── draft (unverified: not yet checked against the sources) ──"
ANSWER_HEADER = "── checked answer ──"


def _show_stream(items, out) -> object:
    """Print draft deltas dim under an 'unverified' header on ``out`` and return the final Brief.

    A draft the LLM abandoned is marked discarded; the caller prints the checked answer under ANSWER_HEADER.
    """
    from rag.pipeline import DraftDiscarded

    brief = None
    drafting = False
    shown = False
    for item in items:
        if isinstance(item, DraftDiscarded):
            if drafting:
                out.print()
            out.print(f"── draft discarded: {safe(item.reason, newlines=False)} ──", style="yellow", markup=False)
            drafting = False
        elif isinstance(item, str):
            if not item:
                continue
            if not drafting:
                out.print(DRAFT_HEADER, style="dim", markup=False)
                drafting = shown = True
            out.print(safe(item, markup=False), end="", style="dim", markup=False)
        else:
            brief = item
    if drafting:
        out.print()
    if shown:
        out.print(ANSWER_HEADER, style="bold", markup=False)
    return brief


def _last_brief(items):
    from rag.brief import Brief

    return [i for i in items if isinstance(i, Brief)][-1]


def _emit_brief(brief, fmt: str, output: Optional[Path]) -> None:
    from rag.render import brief_markdown

    text = inert_json_text(brief.model_dump_json(indent=2)) + "\n" if fmt == "json" else brief_markdown(brief)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {safe(output, newlines=False)}")
    elif fmt == "json":
        sys.stdout.write(text)
    else:
        from rich.markdown import Markdown

        text = safe(text, markup=False)
        console.print(Markdown(text)) if console.is_terminal else sys.stdout.write(text)


@app.command()
def write(
    topic: str = typer.Argument(..., help="Topic of the brief."),
    template: str = typer.Option("situation", "--template", "-t", help="situation | assessment (any brief template in prompts/)."),
    since: Optional[str] = typer.Option(None, help="Only evidence published on/after this date."),
    until: Optional[str] = typer.Option(None, help="Only evidence published on/before this date (sets 'as of')."),
    publisher: list[str] = typer.Option([], "--publisher", help="Only these publishers (repeatable)."),
    fmt: OutputFormat = typer.Option(OutputFormat.md, "--format", "-f", help="md | json"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file."),
    backend: Optional[WriterBackend] = typer.Option(None, help="extractive | openai (default from settings)."),
    collection: Optional[str] = typer.Option(None, help="Collection name."),
) -> None:
    """Write a cited, citation-checked brief on a topic."""
    from rag.retrieve import make_filters

    try:
        engine = _engine(load_settings(), collection, backend)
        brief = engine.write(topic, template=template, filters=make_filters(since, until, publisher))
    except BriefError as exc:
        fail(exc)
        return
    _emit_brief(brief, fmt.value, output)


@app.command()
def ask(
    question: str = typer.Argument(..., help="Question about the corpus."),
    since: Optional[str] = typer.Option(None),
    until: Optional[str] = typer.Option(None),
    publisher: list[str] = typer.Option([], "--publisher"),
    fmt: OutputFormat = typer.Option(OutputFormat.md, "--format", "-f", help="md | json"),
    backend: Optional[WriterBackend] = typer.Option(None, help="extractive | openai (default from settings)."),
    collection: Optional[str] = typer.Option(None),
) -> None:
    """Answer a question from the corpus, every sentence cited; abstains when the corpus has no answer."""
    from rag.render import answer_with_sources
    from rag.retrieve import make_filters

    try:
        engine = _engine(load_settings(), collection, backend)
        if fmt is OutputFormat.json:
            _emit_brief(engine.write(question, template="answer", filters=make_filters(since, until, publisher)), "json", None)
            return
        items = engine.stream(question, template="answer", filters=make_filters(since, until, publisher))
        if engine.writer.name == "extractive":  # its draft is the answer's own sentences: nothing to preview
            brief = _last_brief(items)
        else:
            brief = _show_stream(items, err)
    except BriefError as exc:
        fail(exc)
        return
    sys.stdout.write(safe(answer_with_sources(brief), markup=False) + "\n")


@app.command()
def chat(
    backend: Optional[WriterBackend] = typer.Option(None, help="extractive | openai (default from settings)."),
    collection: Optional[str] = typer.Option(None),
) -> None:
    """Interactive Q&A: history is kept for follow-ups; /sources shows the last answer's passages; /quit exits."""
    from rag.render import answer_with_sources
    from rag.types import Turn

    try:
        engine = _engine(load_settings(), collection, backend)
    except BriefError as exc:
        fail(exc)
        return
    history: list[Turn] = []
    last = None
    while True:
        try:
            line = console.input("[bold cyan]you>[/] ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not line:
            continue
        if line in ("/quit", "/exit"):
            break
        if line == "/sources":
            if last is None or not (last.sources or last.closest_sources):
                console.print("No sources yet.")
            for s in (last.sources or last.closest_sources) if last else []:
                console.print(f"[bold]\\[{s.index}] {safe(s.title or s.doc_id, newlines=False)}[/] — "
                              f"{safe(s.publisher, newlines=False)} — {safe(s.published or 'undated', newlines=False)}")
                quotes = [c.quote for sec in last.sections for cl in sec.claims for c in cl.citations if c.source == s.index]
                for q in dict.fromkeys(quotes):
                    console.print(f"    “{safe(q)}”")
            continue
        try:
            items = engine.stream(line, template="answer", history=history)
            if engine.writer.name == "extractive":
                last = _last_brief(items)
            else:  # show the model's draft as it streams, marked unverified, then the checked answer
                last = _show_stream(items, console)
        except BriefError as exc:
            err.print(f"[red]error:[/] {safe(exc)}")
            continue
        reply = answer_with_sources(last)
        console.print(safe(reply, markup=False), markup=False)
        history += [Turn("user", line), Turn("assistant", reply.split("\n\nSources:")[0])]


def _read_pairs(path: Path, max_bytes: int) -> tuple[list[dict], int]:
    """The claim/passage rows of a JSONL file and the number of lines skipped (each reported on stderr).

    Decoded as ``brief ingest`` decodes files (``rag.decoding``); raises ``DocumentError`` when the file cannot be
    read, is larger than ``max_bytes``, or holds no usable pair.
    """
    from rag.decoding import decode_lines, valid_text
    from rag.errors import DocumentError
    from rag.limits import read_bounded

    shown = safe(path, newlines=False)
    try:
        data = read_bounded(path, max_bytes)
    except OSError as exc:
        raise DocumentError(f"cannot read {shown}: {exc.strerror or exc}", help_message="give a JSONL file of claim/passage pairs") from exc
    rows, bad = [], 0
    for n, line, problem in decode_lines(data):
        if problem is None and not line.strip():
            continue
        try:
            if problem is not None:
                raise ValueError(problem)
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("claim"), str) or not isinstance(row.get("passage"), str):
                raise ValueError("needs string fields 'claim' and 'passage'")
            # JSON may escape lone surrogates ("\\ud800"): the checker's tokenizer takes valid text only
            rows.append({**row, "claim": valid_text(row["claim"]), "passage": valid_text(row["passage"])})
        except ValueError as exc:
            bad += 1
            err.print(f"[yellow]line {n} skipped:[/] {safe(exc)}")
    if not rows:
        raise DocumentError(f"no claim/passage pairs in {shown}" + (f" ({bad} lines skipped)" if bad else " (it is empty)"),
                            help_message='one JSON object per line: {"claim": "...", "passage": "..."}')
    return rows, bad


@app.command()
def verify(
    pairs: Path = typer.Argument(..., help='JSONL with {"claim": ..., "passage": ...} per line.'),
    output: Optional[Path] = typer.Option(None, "-o", help="Write results here instead of stdout."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per pair (the input row plus the verdict)."),
) -> None:
    """Score each claim against its passage with the offline support checker: supported, score (probability),
    the supporting span(s) and, when unsupported, the failing signal."""
    from rag.embed_cache import data_dir_embed
    from rag.embeddings import get_embedder
    from rag.support import SupportChecker

    settings = load_settings()
    try:
        rows, bad = _read_pairs(pairs, settings.limits.max_file_bytes)
    except BriefError as exc:
        fail(exc)
        return
    # through the data dir's embedding cache: checking the same passages again reads their vectors back
    embed = data_dir_embed(get_embedder(settings.embedding), settings.data_dir)
    checker = SupportChecker(embed, min_support=settings.generation.min_support)
    results = checker.check_many([(r["claim"], [r["passage"]]) for r in rows])
    lines = []
    for k, (row, res) in enumerate(zip(rows, results), 1):
        spans = [{"start": sp.start, "end": sp.end, "text": row["passage"][sp.start : sp.end]} for sp in res.spans]
        if as_json:
            lines.append(json.dumps({**row, "supported": res.supported, "score": round(res.score, 4), "reasons": list(res.reasons),
                                     "spans": spans}, ensure_ascii=False))
            continue
        verdict = "supported" if res.supported else "unsupported"
        lines.append(f"[{k}] {verdict}  score {res.score:.2f}  {flatten(row['claim'])}")
        lines += [f"    span {sp['start']}-{sp['end']}: {flatten(sp['text'])}" for sp in spans]
        lines += [f"    reason: {r}" for r in res.reasons]
    text = "\n".join(lines) + ("\n" if lines else "")
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(safe(text, markup=False) if not as_json else text)
    n_sup = sum(r.supported for r in results)
    err.print(f"{len(results)} pairs: {n_sup} supported, {len(results) - n_sup} unsupported" + (f", {bad} lines skipped" if bad else ""))
