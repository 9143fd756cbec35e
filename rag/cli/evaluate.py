"""`brief eval ...`: run suites, compare reports against a baseline, accept a baseline, RealTime QA."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from rag.cli.common import WriterBackend, backend_name, console, err, eval_app, fail, fail_file, load_settings, safe
from rag.cli.params import Collection, nonempty_path, nonempty_text, read_collection
from rag.errors import BriefError


@eval_app.command("run")
def eval_run(
    out: Path = typer.Option(..., "--out", "-o", parser=nonempty_path, metavar="FILE", help="Report JSON to write (a Markdown summary goes next to it)."),
    suite: str = typer.Option("seed", "--suite", help="seed | topics | claims | all (= the three) | claims-news | roles | topics-news | followups"),
    backend: Optional[WriterBackend] = typer.Option(None, help="extractive | openai (default from settings)."),
    prompts: Optional[Path] = typer.Option(None, "--prompts", parser=nonempty_path, metavar="DIR", help="Prompt template directory to evaluate."),
    repeats: int = typer.Option(1, "--repeats", min=1, help="Run each suite N times; totals become mean (std)."),
    collection: Collection = None,
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N items of each suite."),
    ids: Optional[str] = typer.Option(None, "--ids", parser=nonempty_text, metavar="IDS", help="Only these item ids (comma-separated; list them with `brief eval items --suite NAME`)."),
    claims_news: Optional[Path] = typer.Option(None, "--claims-news", parser=nonempty_path, metavar="FILE", help="claims-news JSONL (default ../shared/data/claims-news/dev.jsonl or $BRIEF_CLAIMS_NEWS)."),
    distractors: Optional[int] = typer.Option(None, "--distractors", min=0, help="topics-news: other RealTime QA articles ingested beside the gold ones (default 150)."),
    topics: Optional[Path] = typer.Option(None, "--topics", parser=nonempty_path, metavar="FILE", help="topics-news: the topics file (default evals/datasets/topics_news.jsonl; the held-out topics: evals/datasets/topics_news_heldout.jsonl)."),
) -> None:
    """Run eval suites against the current index and write a JSON report + Markdown summary."""
    from evals.run import run_command

    try:
        settings = load_settings()
        run_command(settings, out=out, suite=suite, backend=backend_name(backend), prompts=prompts, repeats=repeats,
                    collection=read_collection(settings, collection), limit=limit, ids=ids, claims_news_path=claims_news, distractors=distractors,
                    topics_path=topics, console=console, err=err)
    except BriefError as exc:
        fail(exc)
        return
    except OSError as exc:  # an --out that is a folder, a --md in a missing one
        fail_file(exc)


@eval_app.command("items")
def eval_items(
    suite: str = typer.Option("seed", "--suite", help="seed | topics | claims | all (= the three) | claims-news | roles | topics-news | followups"),
    claims_news: Optional[Path] = typer.Option(None, "--claims-news", parser=nonempty_path, metavar="FILE", help="claims-news JSONL (default ../shared/data/claims-news/dev.jsonl or $BRIEF_CLAIMS_NEWS)."),
) -> None:
    """List the item ids `eval run --ids` accepts: SUITE<TAB>ID<TAB>question or topic, one a line."""
    from evals.run import item_lines

    warnings: list[str] = []
    try:
        lines = item_lines(suite, claims_news_path=claims_news, warnings=warnings)
    except BriefError as exc:
        fail(exc)
        return
    for line in lines:  # plain text, tabs kept: for cut/grep
        typer.echo(safe(line, markup=False))
    for w in warnings:
        err.print(f"[yellow]warning:[/] {safe(w)}")


@eval_app.command("compare")
def eval_compare(
    baseline: Path = typer.Argument(..., parser=nonempty_path, metavar="BASELINE", help="Baseline report JSON (e.g. evals/baselines/seed.json)."),
    candidate: Path = typer.Argument(..., parser=nonempty_path, metavar="CANDIDATE", help="Candidate report JSON."),
    max_drop: list[str] = typer.Option([], "--max-drop", help="METRIC=VALUE or SUITE.METRIC=VALUE (repeatable)."),
    config: Optional[Path] = typer.Option(None, "--config", parser=nonempty_path, metavar="FILE", help="Gate config (default evals/gate.toml)."),
    md: Optional[Path] = typer.Option(None, "--md", parser=nonempty_path, metavar="FILE", help="Also write the comparison as Markdown here."),
) -> None:
    """Compare two reports; exit 1 when a gated metric dropped by more than allowed."""
    from evals.compare import compare_command

    try:
        code = compare_command(baseline, candidate, max_drop=max_drop, config=config, md=md, console=console, err=err)
    except BriefError as exc:
        fail(exc)
        return
    except OSError as exc:  # an --out that is a folder, a --md in a missing one
        fail_file(exc)
        return
    raise typer.Exit(code=code)


@eval_app.command("accept")
def eval_accept(
    report: Path = typer.Argument(..., parser=nonempty_path, metavar="REPORT", help="Report JSON to promote."),
    to: Path = typer.Option(Path("evals/baselines/seed.json"), "--to", parser=nonempty_path, metavar="FILE", help="Baseline path (a .md is written next to it)."),
) -> None:
    """Promote a report to the committed baseline (copy the JSON, regenerate the Markdown)."""
    from evals.run import accept_command

    try:
        accept_command(report, to, console=console)
    except BriefError as exc:
        fail(exc)
        return
    except OSError as exc:  # an --out that is a folder, a --md in a missing one
        fail_file(exc)


@eval_app.command("realtimeqa")
def eval_realtimeqa(
    data: Path = typer.Option(Path("../shared/data/realtimeqa-2022"), "--data", parser=nonempty_path, metavar="DIR", help="RealTime QA directory (corpus.jsonl, questions-dev.jsonl)."),
    questions: Optional[Path] = typer.Option(None, "--questions", parser=nonempty_path, metavar="FILE", help="Questions file in the dev schema (default DATA/questions-dev.jsonl)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most N questions."),
    max_articles: Optional[int] = typer.Option(None, "--max-articles", min=0, help="Subset: gold articles of the questions + the first M others."),
    gold_only: bool = typer.Option(False, "--gold-only", help="Only questions with gold URLs."),
    collection: Optional[str] = typer.Option(None, parser=nonempty_text, metavar="NAME", help="Collection (default realtimeqa; subsets get their own)."),
    out: Path = typer.Option(Path("reports/realtimeqa.json"), "--out", "-o", parser=nonempty_path, metavar="FILE", help="Report JSON (Markdown next to it)."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also measure a plain llama-index VectorStoreIndex."),
    backend: Optional[WriterBackend] = typer.Option(None, help="extractive (offline retrieval-based reader) | openai (LLM reader)."),
    reader_k: int = typer.Option(5, "--reader-k", min=1, max=10, help="Passages the reader sees."),
    answers: bool = typer.Option(False, "--answers", help="Also answer every question through the pipeline (`ask`): answer and first-sentence accuracy."),
) -> None:
    """RealTime QA 2022: gold-article retrieval, answer recall and multiple-choice accuracy (+ llama-index baseline)."""
    from evals.realtimeqa import realtimeqa_command

    try:
        realtimeqa_command(load_settings(), data=data, limit=limit, max_articles=max_articles, gold_only=gold_only,
                           collection=collection, out=out, baseline=baseline, backend=backend_name(backend), reader_k=reader_k,
                           questions=questions, console=console, err=err, answers=answers)
    except BriefError as exc:
        fail(exc)
        return
    except OSError as exc:  # an --out that is a folder, a --md in a missing one
        fail_file(exc)
