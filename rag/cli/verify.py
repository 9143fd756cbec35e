"""`brief verify`: the offline support checker over a JSONL file of claim/passage pairs.

A line that cannot be checked (not JSON, not an object, a missing or non-string field, undecodable bytes) is
skipped, listed with its line number and the reason, and the pairs on the other lines are still checked; the run
then exits with ``PARTIAL_EXIT`` so a script does not take a partial run for a complete one.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import typer

from rag.cli.common import PARTIAL_EXIT, app, check_output, clause, err, fail, fail_write, load_settings, safe
from rag.cli.params import nonempty_path
from rag.errors import BriefError

__all__ = ["PairsFile", "read_pairs", "verify"]

# The checker's time grows with the passage (a 10 MB one takes minutes): a claim is a sentence or two, a passage
# at most a long article (the retrieved chunks it usually scores are ~1,500 characters).
MAX_CLAIM_CHARS = 5_000
MAX_PASSAGE_CHARS = 50_000
_LINES_SHOWN = 10  # line numbers listed in the closing summary (each skipped line is also reported as it is read)


@dataclass
class PairsFile:
    """What a pairs file holds: the usable rows with their 1-based input line numbers, and the skipped lines."""

    rows: list[dict] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line number, why)


_ISO_DAY = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def _problem(row: object) -> str | None:
    """Why a parsed JSON line is not a claim/passage pair, or None when it is one."""
    if not isinstance(row, dict):
        return f"a JSON {type(row).__name__}, not an object with 'claim' and 'passage'"
    missing = [k for k in ("claim", "passage") if k not in row]
    if missing:
        return "no " + " and no ".join(f"'{k}' field" for k in missing)
    wrong = [k for k in ("claim", "passage") if not isinstance(row[k], str)]
    if wrong:
        return " and ".join(f"'{k}' is not a string" for k in wrong)
    for key, limit in (("claim", MAX_CLAIM_CHARS), ("passage", MAX_PASSAGE_CHARS)):
        if len(row[key]) > limit:
            return f"'{key}' of {len(row[key]):,} characters is longer than {limit:,} (the checker scores a claim against a passage, not a document)"
    day = row.get("published")
    from rag.text.dates import iso_day  # only when a pair is read: the CLI's start-up imports this module

    # the shape, then a day of the calendar ("2022-02-30" and "0000-01-01" are not: iso_day reads them as None)
    if day is not None and not (isinstance(day, str) and _ISO_DAY.fullmatch(day) and iso_day(day) is not None):
        return f"'published' is {json.dumps(day)[:40]}, not a date written YYYY-MM-DD"
    return None


def read_pairs(path: Path, max_bytes: int) -> PairsFile:
    """The claim/passage pairs of a JSONL file, each skipped line reported on stderr as it is read.

    Decoded as ``brief ingest`` decodes files (``rag.decoding``); blank lines are not pairs and not skipped.
    Raises ``DocumentError`` when the file cannot be read or is larger than ``max_bytes``, and when it holds no
    usable pair.
    """
    from rag.decoding import decode_lines, valid_text
    from rag.errors import DocumentError
    from rag.limits import read_bounded

    shown = safe(path, newlines=False)
    try:
        data = read_bounded(path, max_bytes)
    except OSError as exc:
        raise DocumentError(f"cannot read {shown}: {clause(exc.strerror or str(exc))}",
                            help_message="give a JSONL file of claim/passage pairs") from exc
    out = PairsFile()
    try:
        lines = list(decode_lines(data))
    except DocumentError as exc:  # a binary file: say which file, as every other reading error does
        raise DocumentError(f"cannot read {shown}: {exc.args[0]}", help_message="give a JSONL file of claim/passage pairs") from exc
    unreadable = [problem for _, line, problem in lines if problem is not None]
    text_lines = sum(1 for _, line, problem in lines if problem is None and line.strip())
    if unreadable and len(unreadable) >= 9 * text_lines:
        # (nearly) no line is text: a binary file is one error, not one "skipped" line per line of it
        raise DocumentError(f"no claim/passage pairs in {shown}: it is not text ({unreadable[0].removesuffix(' on this line')}"
                            f"{f' and {len(unreadable) - 1:,} more unreadable lines' if len(unreadable) > 1 else ''})",
                            help_message='one JSON object per line: {"claim": "...", "passage": "..."}')
    for n, line, problem in lines:
        if problem is None and not line.strip():
            continue
        if problem is None:
            try:
                row = json.loads(line)
            except ValueError as exc:
                problem = f"not JSON ({exc})"
            except RecursionError:  # "[[[[…": this line is skipped, the others are still checked
                problem = "not JSON (nested deeper than the JSON parser follows)"
            else:
                problem = _problem(row)
        if problem is not None:
            out.skipped.append((n, problem))
            err.print(f"[yellow]line {n} skipped:[/] {safe(problem)}")
            continue
        # JSON may escape lone surrogates ("\\ud800"): the checker's tokenizer takes valid text only
        out.rows.append({**row, "claim": valid_text(row["claim"]), "passage": valid_text(row["passage"])})
        out.lines.append(n)
    if not out.rows:
        bad = len(out.skipped)
        raise DocumentError(f"no claim/passage pairs in {shown}" + (f" ({bad} lines skipped)" if bad else " (it is empty)"),
                            help_message='one JSON object per line: {"claim": "...", "passage": "..."}')
    return out


def skipped_summary(skipped: list[tuple[int, str]]) -> str:
    """"3 lines skipped (lines 2, 5, 9)" — at most ``_LINES_SHOWN`` numbers, then how many more; "" when none."""
    if not skipped:
        return ""
    numbers = [str(n) for n, _ in skipped[:_LINES_SHOWN]]
    more = f" and {len(skipped) - _LINES_SHOWN} more" if len(skipped) > _LINES_SHOWN else ""
    return (f"{len(skipped)} line{'s' if len(skipped) != 1 else ''} skipped "
            f"(line{'s' if len(skipped) != 1 else ''} {', '.join(numbers)}{more})")


def checker_note(encoder: str, checker) -> str:
    """Which checker decided, for the summary line: "minilm vectors, model V, threshold T", or for the cascade
    "cascade — static decided N of M pairs (model V, threshold T), MiniLM the rest (model V, threshold T)": each
    stage names the model that scored its pairs."""
    def model(c) -> str:
        return f"model {c.model.version}, threshold {c.min_support:.2f}"

    decided = getattr(checker, "decided", None)
    if decided is None:
        return f"{encoder} vectors, {model(checker)}"
    return (f"cascade — static decided {decided['static']} of {decided['static'] + decided['minilm']} pairs "
            f"({model(checker.fast)}), MiniLM the rest ({model(checker.exact)})")


@app.command()
def verify(
    pairs: Path = typer.Argument(..., parser=nonempty_path, metavar="PAIRS", help='JSONL with {"claim": ..., "passage": ...} per line; an optional "published": "YYYY-MM-DD" dates the passage.'),
    output: Optional[Path] = typer.Option(None, "-o", parser=nonempty_path, metavar="FILE", help="Write results here instead of stdout."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per pair: its input line number (\"line\", 1-based), the input row and the verdict."),
) -> None:
    """Score each claim against its passage with the offline support checker: supported, score (probability),
    the supporting span(s) and, when unsupported, the failing signal. Each result carries its 1-based input line
    number ("[N]" in text, "line" in JSON), as the skipped-line messages do. Exit 0 when every line was checked, 1 when some lines were skipped (listed, with why; the other pairs
    are still checked and reported), 2 when nothing could be checked."""
    from rag.embed_cache import data_dir_embed
    from rag.embeddings import get_embedder
    from rag.support.encoders import support_checker
    from rag.text.sentences import flatten

    check_output(output)
    settings = load_settings()
    try:
        read = read_pairs(pairs, settings.limits.max_file_bytes)
    except BriefError as exc:
        fail(exc)
        return
    rows = read.rows
    # through the data dir's embedding cache: checking the same passages again reads their vectors back
    embed = data_dir_embed(get_embedder(settings.embedding), settings.data_dir)
    checker = support_checker(settings.support.encoder, embed, min_support=settings.generation.min_support)
    # an optional "published" date reads the passage's "last year" as a year and its "yesterday" as a day (the
    # checker never guesses them)
    results = checker.check_many([(r["claim"], [r["passage"]]) for r in rows], published=[r.get("published") for r in rows])
    lines = []
    for n, row, res in zip(read.lines, rows, results):
        spans = [{"start": sp.start, "end": sp.end, "text": row["passage"][sp.start : sp.end]} for sp in res.spans]
        if as_json:
            # "line" first: the 1-based input line (blank and skipped lines counted), as the text output and the
            # skipped-line messages number them; like the verdict's keys it replaces an input field of that name
            lines.append(json.dumps({"line": n, **{k: v for k, v in row.items() if k != "line"}, "supported": res.supported,
                                     "score": round(res.score, 4), "reasons": list(res.reasons), "spans": spans},
                                    ensure_ascii=False))
            continue
        verdict = "supported" if res.supported else "unsupported"
        lines.append(f"[{n}] {verdict}  score {res.score:.2f}  {flatten(row['claim'])}")
        lines += [f"    span {sp['start']}-{sp['end']}: {flatten(sp['text'])}" for sp in spans]
        lines += [f"    reason: {r}" for r in res.reasons]
    text = "\n".join(lines) + ("\n" if lines else "")
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            fail_write(output, exc)
    else:
        sys.stdout.write(safe(text, markup=False) if not as_json else text)
    n_sup = sum(r.supported for r in results)
    skipped = skipped_summary(read.skipped)
    err.print(f"{len(results)} pairs: {n_sup} supported, {len(results) - n_sup} unsupported" + (f"; {skipped}" if skipped else "")
              + f" (checker: {checker_note(settings.support.encoder, checker)})")
    if read.skipped:  # a partial run must not look like a complete one to a script
        err.print(f"[red]error:[/] {skipped}, each listed above with why; the {len(results)} pair"
                  f"{'s' if len(results) != 1 else ''} on the other lines {'were' if len(results) != 1 else 'was'} checked",
                  soft_wrap=True)
        raise typer.Exit(code=PARTIAL_EXIT)
