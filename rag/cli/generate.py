"""`brief write`, `ask` and `chat`: cited briefs and answers."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from rag.cli.common import (OutputFormat, WriterBackend, app, backend_name, check_output, console, err, fail, fail_write,
                            load_settings, safe)
from rag.cli.params import Collection, Publishers, Since, Until, filters, nonempty_path, read_collection
from rag.inert import inert_json_text
from rag.errors import BriefError

if TYPE_CHECKING:
    from rag.config import Settings


def _engine(settings: Settings, collection: str | None, backend: WriterBackend | None):
    from rag.pipeline import Engine

    return Engine.from_settings(settings, collection=read_collection(settings, collection), backend=backend_name(backend))


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
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail_write(output, exc)
        err.print(f"wrote {safe(output, newlines=False)}")
    elif fmt == "json":
        sys.stdout.write(text)
    else:
        from rich.markdown import Markdown

        text = safe(text, markup=False)
        console.print(Markdown(text)) if console.is_terminal else sys.stdout.write(text)


@app.command()
def write(
    topic: str = typer.Argument(..., metavar="TOPIC", help="Topic of the brief."),
    template: str = typer.Option("situation", "--template", "-t", metavar="NAME",
                                 help="situation | assessment | answer: a brief or answer template in prompts/."),
    since: Since = None,
    until: Until = None,
    publisher: Publishers = [],
    fmt: OutputFormat = typer.Option(OutputFormat.md, "--format", "-f", help="md | json"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", parser=nonempty_path, metavar="FILE", help="Write to this file."),
    backend: Optional[WriterBackend] = typer.Option(None, help="extractive | openai (default from settings)."),
    collection: Collection = None,
) -> None:
    """Write a cited, citation-checked brief on a topic."""
    from rag.templates import TemplateLibrary

    check_output(output)
    try:
        search_filters = filters(since, until, publisher)
        settings = load_settings()
        TemplateLibrary(settings.prompts_dir).output_template(template)  # before the engine loads: a typo fails fast
        engine = _engine(settings, collection, backend)
        search_filters = engine.index.catalog.resolve_filters(search_filters)
        brief = engine.write(topic, template=template, filters=search_filters)
    except BriefError as exc:
        fail(exc)
        return
    _emit_brief(brief, fmt.value, output)


@app.command()
def ask(
    question: str = typer.Argument(..., metavar="QUESTION", help="Question about the corpus."),
    since: Since = None,
    until: Until = None,
    publisher: Publishers = [],
    fmt: OutputFormat = typer.Option(OutputFormat.md, "--format", "-f", help="md | json"),
    backend: Optional[WriterBackend] = typer.Option(None, help="extractive | openai (default from settings)."),
    collection: Collection = None,
) -> None:
    """Answer a question from the corpus, every sentence cited; abstains when the corpus has no answer."""
    from rag.render import answer_with_sources

    try:
        search_filters = filters(since, until, publisher)
        engine = _engine(load_settings(), collection, backend)
        search_filters = engine.index.catalog.resolve_filters(search_filters)
        if fmt is OutputFormat.json:
            _emit_brief(engine.write(question, template="answer", filters=search_filters), "json", None)
            return
        items = engine.stream(question, template="answer", filters=search_filters)
        if engine.writer.name == "extractive":  # its draft is the answer's own sentences: nothing to preview
            brief = _last_brief(items)
        else:
            brief = _show_stream(items, err)
    except BriefError as exc:
        fail(exc)
        return
    sys.stdout.write(safe(answer_with_sources(brief), markup=False) + "\n")


#: What `brief chat` does with a line that is a command rather than a question.
CHAT_COMMANDS = {"/sources": "the last answer's sources and the passages quoted", "/quit": "leave (also /exit, Ctrl-D)",
                 "/help": "this list"}


#: The line a piped `brief chat` prints before each turn's output (no "you> " prompt when stdin is not a terminal).
PIPED_TURN_HEADER = "── you: {line} ──"


def _chat_lines(interactive: bool):
    """The user's lines, stripped, blank ones skipped, until end of input or Ctrl-C: after a "you> " prompt on a
    terminal; read silently from a pipe or file (``printf 'q1\\nq2\\n' | brief chat``), where a prompt would run into
    the answers."""
    while True:
        try:
            line = console.input("[bold cyan]you>[/] ") if interactive else sys.stdin.readline()
        except (EOFError, KeyboardInterrupt):
            return
        if not interactive and not line:
            return
        if line.strip():
            yield line.strip()


@app.command()
def chat(
    backend: Optional[WriterBackend] = typer.Option(None, help="extractive | openai (default from settings)."),
    collection: Collection = None,
) -> None:
    """Interactive Q&A: history is kept for follow-ups; /sources shows the last answer's passages; /help lists the
    commands; /quit exits."""
    from rag.followup import read_as
    from rag.render import answer_with_sources, quoted, shown_answer, source_facts, source_title
    from rag.types import Turn

    try:
        engine = _engine(load_settings(), collection, backend)
    except BriefError as exc:
        fail(exc)
        return
    history: list[Turn] = []
    last = None
    interactive = sys.stdin.isatty()
    for turn, line in enumerate(_chat_lines(interactive)):
        if line in ("/quit", "/exit"):
            break
        if not interactive:  # piped: each turn under a header naming its line, so answers read apart
            if turn:
                sys.stdout.write("\n")
            sys.stdout.write(f"{PIPED_TURN_HEADER.format(line=safe(line, markup=False, newlines=False))}\n")
        if line == "/help" or (line.startswith("/") and line != "/sources" and " " not in line):
            # a command it does not know is not a question ("The corpus has no evidence on /hlep.")
            known = "; ".join(f"{name}: {what}" for name, what in CHAT_COMMANDS.items())
            said = "" if line == "/help" else f"unknown command {safe(line, newlines=False)}; "
            (console if line == "/help" else err).print(f"{said}{known}", markup=False, highlight=False, soft_wrap=True)
            continue
        if line == "/sources":
            if last is None or not (last.sources or last.closest_sources):
                console.print("No sources yet.", soft_wrap=not interactive)
            for s in (last.sources or last.closest_sources) if last else []:
                facts = " — ".join(safe(f, newlines=False) for f in source_facts(s))
                console.print(f"[bold]\\[{s.index}] {safe(source_title(s), newlines=False)}[/] — {facts}",
                              soft_wrap=not interactive)
                quotes = [c.quote for sec in last.sections for cl in sec.claims for c in cl.citations if c.source == s.index]
                for q in dict.fromkeys(quotes):
                    console.print(f"    {quoted(safe(q))}", soft_wrap=not interactive)
            continue
        try:
            items = engine.stream(line, template="answer", history=history)
            if engine.writer.name == "extractive":
                last = _last_brief(items)
            else:  # show the model's draft as it streams, marked unverified, then the checked answer (piped: on stderr,
                last = _show_stream(items, console if interactive else err)  # as `brief ask` does: stdout gets answers)
        except BriefError as exc:
            err.print(f"[red]error:[/] {safe(exc)}")
            continue
        reply = answer_with_sources(last)
        asked = read_as(line, last.provenance.notes) if last is not None and last.provenance else None
        if asked is not None:  # a follow-up rewritten as a question of its own: what was answered
            reply = f"(read as: {asked})\n{reply}"
        if interactive:
            console.print(safe(reply, markup=False), markup=False)
        else:  # a reader of the pipe gets the answer's own lines, not lines wrapped at 80 columns
            sys.stdout.write(safe(reply, markup=False) + "\n")
        history += [Turn("user", line), Turn("assistant", shown_answer(last))]
