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


def _engine(settings: Settings, collection: str | None, backend: str | None):
    from rag.pipeline import Engine

    return Engine.from_settings(settings, collection=collection, backend=backend)


def _emit_brief(brief, fmt: str, output: Optional[Path]) -> None:
    from rag.render import brief_markdown

    text = brief.model_dump_json(indent=2) + "\n" if fmt == "json" else brief_markdown(brief)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")
    elif fmt == "json":
        sys.stdout.write(text)
    else:
        from rich.markdown import Markdown

        console.print(Markdown(text)) if console.is_terminal else sys.stdout.write(text)


@app.command()
def write(
    topic: str = typer.Argument(..., help="Topic of the brief."),
    template: str = typer.Option("situation", "--template", "-t", help="situation | assessment (any brief template in prompts/)."),
    since: Optional[str] = typer.Option(None, help="Only evidence published on/after this date."),
    until: Optional[str] = typer.Option(None, help="Only evidence published on/before this date (sets 'as of')."),
    publisher: list[str] = typer.Option([], "--publisher", help="Only these publishers (repeatable)."),
    fmt: str = typer.Option("md", "--format", "-f", help="md | json"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file."),
    backend: Optional[str] = typer.Option(None, help="extractive | openai (default from settings)."),
    collection: Optional[str] = typer.Option(None, help="Collection name."),
) -> None:
    """Write a cited, citation-checked brief on a topic."""
    from rag.retrieve import make_filters

    try:
        engine = _engine(_settings(), collection, backend)
        brief = engine.write(topic, template=template, filters=make_filters(since, until, publisher))
    except BriefError as exc:
        _fail(exc)
        return
    _emit_brief(brief, "json" if fmt == "json" else "md", output)


@app.command()
def ask(
    question: str = typer.Argument(..., help="Question about the corpus."),
    since: Optional[str] = typer.Option(None),
    until: Optional[str] = typer.Option(None),
    publisher: list[str] = typer.Option([], "--publisher"),
    fmt: str = typer.Option("md", "--format", "-f", help="md | json"),
    backend: Optional[str] = typer.Option(None, help="extractive | openai"),
    collection: Optional[str] = typer.Option(None),
) -> None:
    """Answer a question from the corpus, every sentence cited; abstains when the corpus has no answer."""
    from rag.render import answer_with_sources
    from rag.retrieve import make_filters

    try:
        engine = _engine(_settings(), collection, backend)
        if fmt == "json":
            _emit_brief(engine.write(question, template="answer", filters=make_filters(since, until, publisher)), "json", None)
            return
        brief = None
        streamed = False
        for item in engine.stream(question, template="answer", filters=make_filters(since, until, publisher)):
            if isinstance(item, str):
                if engine.writer.name != "extractive":
                    err.print(item, end="", style="dim")
                    streamed = True
            else:
                brief = item
        if streamed:
            err.print()
    except BriefError as exc:
        _fail(exc)
        return
    sys.stdout.write(answer_with_sources(brief) + "\n")


@app.command()
def chat(
    backend: Optional[str] = typer.Option(None, help="extractive | openai"),
    collection: Optional[str] = typer.Option(None),
) -> None:
    """Interactive Q&A: history is kept for follow-ups; /sources shows the last answer's passages; /quit exits."""
    from rag.render import answer_with_sources
    from rag.writers.base import Turn

    try:
        engine = _engine(_settings(), collection, backend)
    except BriefError as exc:
        _fail(exc)
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
                console.print(f"[bold][{s.index}] {s.title or s.doc_id}[/] — {s.publisher} — {s.published or 'undated'}")
                quotes = [c.quote for sec in last.sections for cl in sec.claims for c in cl.citations if c.source == s.index]
                for q in dict.fromkeys(quotes):
                    console.print(f"    “{q}”")
            continue
        try:
            streamed = False
            for item in engine.stream(line, template="answer", history=history):
                if isinstance(item, str):
                    if engine.writer.name != "extractive":  # show the model's draft as it streams, then the checked answer
                        console.print(item, end="", style="dim", markup=False)
                        streamed = True
                    continue
                last = item
            if streamed:
                console.print()
        except BriefError as exc:
            err.print(f"[red]error:[/] {exc}")
            continue
        reply = answer_with_sources(last)
        console.print(reply)
        history += [Turn("user", line), Turn("assistant", reply.split("\n\nSources:")[0])]


@app.command()
def verify(
    pairs: Path = typer.Argument(..., help='JSONL with {"claim": ..., "passage": ...} per line.'),
    output: Optional[Path] = typer.Option(None, "-o", help="Write results here instead of stdout."),
) -> None:
    """Score each claim against its passage with the offline support checker."""
    from rag.embeddings import get_embedder
    from rag.support import SupportChecker

    settings = _settings()
    rows, bad = [], 0
    for n, line in enumerate(pairs.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row.get("claim"), str) or not isinstance(row.get("passage"), str):
                raise ValueError("needs string fields 'claim' and 'passage'")
            rows.append(row)
        except (ValueError, AttributeError) as exc:
            bad += 1
            err.print(f"[yellow]line {n} skipped:[/] {exc}")
    checker = SupportChecker(get_embedder(settings.embedding).embed, min_support=settings.generation.min_support)
    results = checker.check_many([(r["claim"], [r["passage"]]) for r in rows])
    lines = []
    for row, res in zip(rows, results):
        lines.append(json.dumps({**row, "supported": res.supported, "score": round(res.score, 4), "reasons": list(res.reasons)}, ensure_ascii=False))
    text = "\n".join(lines) + ("\n" if lines else "")
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    n_sup = sum(r.supported for r in results)
    err.print(f"{len(results)} pairs: {n_sup} supported, {len(results) - n_sup} unsupported" + (f", {bad} lines skipped" if bad else ""))


eval_app = typer.Typer(no_args_is_help=True, help="Evaluate the pipeline: run suites, compare reports, gate regressions.")
app.add_typer(eval_app, name="eval")


@eval_app.command("run")
def eval_run(
    out: Path = typer.Option(..., "--out", "-o", help="Report JSON to write (a Markdown summary goes next to it)."),
    suite: str = typer.Option("seed", "--suite", help="seed | topics | claims | all (= the three) | claims-news"),
    backend: Optional[str] = typer.Option(None, help="extractive | openai (default from settings)."),
    prompts: Optional[Path] = typer.Option(None, "--prompts", help="Prompt template directory to evaluate."),
    repeats: int = typer.Option(1, "--repeats", min=1, help="Run each suite N times; totals become mean (std)."),
    collection: Optional[str] = typer.Option(None, help="Collection name."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N items of each suite."),
    ids: Optional[str] = typer.Option(None, "--ids", help="Only these item ids (comma-separated)."),
    claims_news: Optional[Path] = typer.Option(None, "--claims-news", help="claims-news JSONL (default ../shared/data/claims-news/dev.jsonl or $BRIEF_CLAIMS_NEWS)."),
) -> None:
    """Run eval suites against the current index and write a JSON report + Markdown summary."""
    from evals.run import run_command

    try:
        run_command(_settings(), out=out, suite=suite, backend=backend, prompts=prompts, repeats=repeats,
                    collection=collection, limit=limit, ids=ids, claims_news_path=claims_news, console=console, err=err)
    except BriefError as exc:
        _fail(exc)


@eval_app.command("compare")
def eval_compare(
    baseline: Path = typer.Argument(..., help="Baseline report JSON (e.g. evals/baselines/seed.json)."),
    candidate: Path = typer.Argument(..., help="Candidate report JSON."),
    max_drop: list[str] = typer.Option([], "--max-drop", help="METRIC=VALUE or SUITE.METRIC=VALUE (repeatable)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Gate config (default evals/gate.toml)."),
    md: Optional[Path] = typer.Option(None, "--md", help="Also write the comparison as Markdown here."),
) -> None:
    """Compare two reports; exit 1 when a gated metric dropped by more than allowed."""
    from evals.compare import compare_command

    try:
        code = compare_command(baseline, candidate, max_drop=max_drop, config=config, md=md, console=console, err=err)
    except BriefError as exc:
        _fail(exc)
        return
    raise typer.Exit(code=code)


@eval_app.command("accept")
def eval_accept(
    report: Path = typer.Argument(..., help="Report JSON to promote."),
    to: Path = typer.Option(Path("evals/baselines/seed.json"), "--to", help="Baseline path (a .md is written next to it)."),
) -> None:
    """Promote a report to the committed baseline (copy the JSON, regenerate the Markdown)."""
    from evals.run import accept_command

    try:
        accept_command(report, to, console=console)
    except BriefError as exc:
        _fail(exc)


@eval_app.command("realtimeqa")
def eval_realtimeqa(
    data: Path = typer.Option(Path("../shared/data/realtimeqa-2022"), "--data", help="RealTime QA directory (corpus.jsonl, questions-dev.jsonl)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most N questions."),
    max_articles: Optional[int] = typer.Option(None, "--max-articles", min=0, help="Subset: gold articles of the questions + the first M others."),
    gold_only: bool = typer.Option(False, "--gold-only", help="Only questions with gold URLs."),
    collection: Optional[str] = typer.Option(None, help="Collection (default realtimeqa; subsets get their own)."),
    out: Path = typer.Option(Path("reports/realtimeqa.json"), "--out", "-o", help="Report JSON (Markdown next to it)."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also measure a plain llama-index VectorStoreIndex."),
    backend: Optional[str] = typer.Option(None, help="extractive (offline retrieval-based reader) | openai (LLM reader)."),
    reader_k: int = typer.Option(5, "--reader-k", min=1, max=10, help="Passages the reader sees."),
) -> None:
    """RealTime QA 2022: gold-article retrieval, answer recall and multiple-choice accuracy (+ llama-index baseline)."""
    from evals.realtimeqa import realtimeqa_command

    try:
        realtimeqa_command(_settings(), data=data, limit=limit, max_articles=max_articles, gold_only=gold_only,
                           collection=collection, out=out, baseline=baseline, backend=backend, reader_k=reader_k,
                           console=console, err=err)
    except BriefError as exc:
        _fail(exc)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Bind address. Anything but loopback requires API keys."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port."),
    workers: int = typer.Option(1, "--workers", min=1, max=16, help="Worker processes."),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn log level."),
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs; OpenAI-compatible /v1/chat/completions)."""
    import os

    import uvicorn

    from api.logging import UVICORN_LOG_CONFIG
    from api.main import BIND_HOST_ENV, create_app

    os.environ[BIND_HOST_ENV] = host
    try:
        probe = create_app(_settings(), bind_host=host, warm_up=False)  # fail fast: keys, data dir
        probe.state.services.close()
    except BriefError as exc:
        _fail(exc)
        return
    uvicorn.run("api.main:create_app", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=False, log_config=UVICORN_LOG_CONFIG)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
