"""`brief eval run`: score the pipeline on the seed suites and write a JSON report (+ a Markdown summary).

Suites (datasets in ``evals/datasets``, see its README):

* ``seed``   — ``seed_qa.jsonl`` through the ``answer`` template: retrieval, ALCE citation quality,
  groundedness, fact coverage, abstention, latency and tokens per question.
* ``topics`` — ``seed_topics.jsonl`` through each topic's brief template: section completeness,
  sources, gold-document recall, expected-term coverage, citation quality, groundedness.
* ``claims`` — ``claims.jsonl``: the support checker alone, as a classifier of unsupported claims.
* ``claims-news`` — external human-labelled news claims (``../shared/data/claims-news/dev.jsonl``, see
  ``evals/claims_news.py``); not part of ``all`` because the data lives outside the repository.
* ``roles`` — the sentence-role classifier on the held-out split of ``roles.jsonl`` (``evals/roles_suite.py``);
  not part of ``all`` because its RealTime QA sentences are resolved from ``../shared``.
* ``topics-news`` — briefs on 33 hand-labelled 2022 news stories over a slice of the RealTime QA corpus in
  ``../shared`` (``evals/topics_news.py``, metrics in ``evals/news_metrics.py``); not part of ``all`` either.
* ``followups`` — multi-turn conversations and partial answers over the sample corpus through ``ask`` with
  history (``evals/followups.py``): follow-up accuracy, first-sentence accuracy, abstention; not in ``all``.

Every item keeps its inputs, outputs, citations and scores; ``scores`` hold rates in [0, 1] (None
when undefined), ``stats`` hold counts and seconds. Totals are ``metrics.summarize`` per suite (and,
with ``repeats > 1``, the mean and std over repeats of each total).
"""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Sequence

from evals import claims_data, claims_news, followups, metrics, roles_suite, topics_news
from evals.brief_items import SuiteContext, doc_stems, rounded, run_seed_item, run_topic_item, stem_to_doc
from evals.jsonl import read_jsonl
from rag.config import PROJECT_ROOT, Settings
from rag.errors import BriefError
from rag.roles import model_hash as role_model_hash
from rag.support.model import model_hash
from rag.text.lexicon import lexicon_hash

SCHEMA = "techsec-brief-eval/1"
DATASETS = Path(__file__).resolve().parent / "datasets"
ALL_SUITES = ("seed", "topics", "claims")
SUITES = ALL_SUITES + (claims_news.SUITE, roles_suite.SUITE, topics_news.SUITE, followups.SUITE)
SUITE_FILES = {"seed": "seed_qa.jsonl", "topics": "seed_topics.jsonl", "claims": "claims.jsonl",
               followups.SUITE: "followups.jsonl"}
RETRIEVAL_KS = {"hit@1": 1, "hit@5": 5}

Progress = Callable[[str, int, int, str], None]  # (suite, done, total, item id)


class EvalError(BriefError):
    """The evaluation cannot run as asked (empty index, unknown suite, unreadable dataset)."""


# --------------------------------------------------------------------------------------------- datasets


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a .jsonl file (blank lines skipped); EvalError naming ``path:line`` on bad JSON."""
    try:
        return read_jsonl(path)
    except ValueError as exc:
        raise EvalError(str(exc)) from exc


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def expand_suites(suite: str | Sequence[str]) -> list[str]:
    names = [suite] if isinstance(suite, str) else list(suite)
    out: list[str] = []
    for name in names:
        for n in (ALL_SUITES if name == "all" else [name]):
            if n not in SUITES:
                raise EvalError(f"Unknown suite {n!r}.", help_message=f"use one of {', '.join(SUITES)} or all")
            if n not in out:
                out.append(n)
    return out


def _select(rows: list[dict], ids: Sequence[str] | None, limit: int | None) -> list[dict]:
    if ids:
        wanted = set(ids)
        rows = [r for r in rows if r.get("id") in wanted]
    return rows[:limit] if limit else rows


def _id_span(rows: list[dict]) -> str:
    """"qa-001 … qa-062 (62 items)": what a suite's ids look like, for an error message."""
    ids = [str(r.get("id")) for r in rows]
    if len(ids) <= 3:
        return ", ".join(ids)
    return f"{ids[0]} … {ids[-1]} ({len(ids)} items)"


def _home_suite(item_id: str) -> str | None:
    """The in-repository suite whose dataset has this id (a raw read: no passages resolved), or None."""
    files = {**SUITE_FILES, roles_suite.SUITE: "roles.jsonl", topics_news.SUITE: topics_news.DATASET.name}
    for suite, name in files.items():
        try:
            if any(r.get("id") == item_id for r in read_jsonl(DATASETS / name)):
                return suite
        except (OSError, ValueError):
            continue
    return None


def select_items(all_rows: dict[str, list[dict]], ids: Sequence[str] | None, limit: int | None,
                 warnings: list[str]) -> dict[str, list[dict]]:
    """The rows each suite runs, by ``--ids``/``--limit``; EvalError when an id is in none of the suites or a suite selects nothing.

    With ids spanning several suites (``--suite all --ids qa-001,cl-001``) a suite none of the ids belong to is
    left out of the run (with a warning), never run on zero items: a suite of zero items has no score to report.
    """
    if ids is not None:
        ids = [i for i in ids if i]
        if not ids:
            raise EvalError("--ids names no item id.", help_message="give comma-separated ids, e.g. --ids qa-001,qa-002")
        known = {str(r.get("id")) for rows in all_rows.values() for r in rows}
        unknown = [i for i in dict.fromkeys(ids) if i not in known]
        if unknown:
            spans = "; ".join(f"{n}: {_id_span(rows)}" for n, rows in all_rows.items())
            which = next(iter(all_rows)) if len(all_rows) == 1 else "NAME"
            elsewhere = [f"{i!r} is in the {home} dataset but not among the items that suite runs (e.g. its training split)"
                         if home in all_rows else f"{i!r} is in suite {home}" for i in unknown if (home := _home_suite(i))]
            raise EvalError(
                f"Unknown item id{'s' if len(unknown) > 1 else ''} {', '.join(repr(i) for i in unknown)}: "
                f"not in {'suite ' if len(all_rows) == 1 else 'suites '}{', '.join(all_rows)}"
                + (f" ({'; '.join(elsewhere)})" if elsewhere else "") + ".",
                help_message=f"ids there: {spans}; list them all with `brief eval items --suite {which}`")
    selected: dict[str, list[dict]] = {}
    for name, rows in all_rows.items():
        chosen = _select(rows, ids, limit)
        if chosen:
            selected[name] = chosen
        elif ids is not None:
            warnings.append(f"{name}: none of the --ids is in this suite; it was not run")
        else:
            raise EvalError(f"The {name} suite has no items to run.",
                            help_message="check its dataset (and ../shared for suites that read from it)")
    return selected



def _load_suite_rows(suite: str, path: Path, warnings: list[str]) -> list[dict]:
    """A suite's rows; claims rows get their passages resolved (RealTime QA rows from ../shared, skipped with a warning if absent)."""
    if suite == claims_news.SUITE:
        return claims_news.interleave(load_jsonl(path))
    if suite == roles_suite.SUITE:
        rows, skipped = roles_suite.dataset_rows()
        if skipped:
            warnings.append(f"roles: {len(skipped)} row(s) skipped, e.g. {skipped[0][0]}: {skipped[0][1]}")
        return rows
    if suite == "claims":
        try:
            rows, skipped = claims_data.load_claims(path)
        except ValueError as exc:
            raise EvalError(str(exc)) from exc
        if skipped:
            reasons = sorted({reason for _, reason in skipped})
            warnings.append(f"claims: {len(skipped)} row(s) skipped: {'; '.join(reasons)}")
        return rows
    return load_jsonl(path)


def suite_paths(names: Sequence[str], claims_news_path: Path | str | None = None,
                topics_path: Path | str | None = None) -> dict[str, Path]:
    """The dataset file of each suite (``topics_path``: another topics-news file, e.g. the held-out topics);
    EvalError when a suite's data outside the repository, or a named topics file, is missing."""
    paths = {n: DATASETS / SUITE_FILES[n] for n in names if n in SUITE_FILES}
    if claims_news.SUITE in names:
        paths[claims_news.SUITE] = claims_news.dataset_path(claims_news_path)
        if not paths[claims_news.SUITE].is_file():
            raise EvalError(
                f"The claims-news data is not at {paths[claims_news.SUITE]}.",
                help_message=f"put the shared data beside the repository (../shared) or pass --claims-news PATH (or set ${claims_news.ENV_VAR})",
            )
    if roles_suite.SUITE in names:
        paths[roles_suite.SUITE] = DATASETS / "roles.jsonl"
    if topics_news.SUITE in names:
        paths[topics_news.SUITE] = Path(topics_path) if topics_path is not None else topics_news.DATASET
        if not paths[topics_news.SUITE].is_file():
            raise EvalError(f"The topics file {paths[topics_news.SUITE]} does not exist.",
                            help_message=f"give a JSONL file of topics-news rows, e.g. {topics_news.HELDOUT}")
        reason = topics_news.missing_reason(topics_news.data_dir())
        if reason:
            raise EvalError(f"The topics-news suite cannot run: {reason}.")
    return paths


def suite_rows(names: Sequence[str], claims_news_path: Path | str | None = None,
               warnings: list[str] | None = None, topics_path: Path | str | None = None) -> tuple[dict[str, Path], dict[str, list[dict]]]:
    """(dataset path, all rows) of each suite, before any --ids/--limit selection."""
    paths = suite_paths(names, claims_news_path, topics_path)
    warnings = [] if warnings is None else warnings
    return paths, {n: _load_suite_rows(n, paths[n], warnings) for n in names}


def item_label(row: dict) -> str:
    """A one-line label of a dataset row for listings: its question, topic or claim ("" when it has none)."""
    turns = row.get("turns") or [{}]
    text = row.get("question") or row.get("topic") or row.get("claim") or turns[0].get("question") or ""
    return " ".join(str(text).split())


def run_claims_suite(checker, items: list[dict]) -> list[dict]:
    t0 = time.perf_counter()
    # a RealTime QA row carries its article's date (claims_data.resolve_passages): "last year" is read by it
    results = checker.check_many([(it["claim"], [it["passage"]]) for it in items], published=[it.get("published") for it in items])
    per = (time.perf_counter() - t0) / max(1, len(items))
    out = []
    for it, res in zip(items, results):
        # the checker's model is fitted on these rows: score each with the fold model that did not see its article
        held = checker.held_out(res, [it["passage"]]) if hasattr(checker, "held_out") else res
        out.append({
            "suite": "claims", "id": it["id"],
            "input": claims_data.report_input(it),
            "output": {"supported": bool(held.supported), "score": round(float(held.score), 4), "reasons": list(held.reasons),
                       "held_out": held is not res},
            "scores": {"correct": 1.0 if bool(held.supported) == bool(it["supported"]) else 0.0},
            "stats": {"latency_s": round(per, 4)},
        })
    return out


# --------------------------------------------------------------------------------------------- totals


def suite_totals(suite: str, items: list[dict]) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """(rates, stats) for one suite's items of one repeat."""
    rates = metrics.summarize([it["scores"] for it in items])
    stat_keys = list(dict.fromkeys(k for it in items for k in it["stats"]))
    stats: dict[str, float | None] = {}
    for k in stat_keys:
        vals = [it["stats"].get(k) for it in items]
        stats[f"mean_{k}"] = metrics.mean(vals)
        if k == "latency_s":
            stats["p50_latency_s"] = metrics.percentile(vals, 50)
            stats["p95_latency_s"] = metrics.percentile(vals, 95)
    stats["items"] = len(items)
    if suite == "seed":
        pairs = [(it["output"]["abstained"], it["input"]["answerable"]) for it in items]
        rates["abstention_accuracy"] = metrics.abstention_accuracy(pairs)
        prf = metrics.abstention_prf(pairs)
        rates.update({f"abstention_{k}": v for k, v in prf.items()})
        rates.pop("abstention_correct", None)
        stats["answerable"] = sum(1 for it in items if it["input"]["answerable"])
        stats["abstained"] = sum(1 for it in items if it["output"]["abstained"])
    if suite == "topics":
        stats["abstained"] = sum(1 for it in items if it["output"]["abstained"])
    if suite == roles_suite.SUITE:
        rates, stats = roles_suite.suite_totals(items)
    if suite == topics_news.SUITE:
        rates, stats = topics_news.suite_totals(items)
        return {k: rounded(v) for k, v in rates.items()}, {k: rounded(v) for k, v in stats.items()}
    if suite == followups.SUITE:
        return followups.suite_totals(items)
    if suite == claims_news.SUITE:
        rates, stats = claims_news.suite_totals(items)
        return {k: rounded(v) for k, v in rates.items()}, {k: rounded(v) for k, v in stats.items()}
    if suite == "claims":
        y_true = [it["input"]["supported"] for it in items]
        y_pred = [it["output"]["supported"] for it in items]
        bc = metrics.binary_classification(y_true, y_pred)
        rates.pop("correct", None)
        for k in ("precision", "recall", "f1", "accuracy", "balanced_accuracy"):
            rates[f"unsupported_{k}" if k in ("precision", "recall", "f1") else k] = bc[k]
        for k in ("tp", "fp", "fn", "tn"):
            stats[k] = bc[k]
        rates["ece"] = metrics.expected_calibration_error(y_true, [it["output"]["score"] for it in items])
        kinds = sorted({it["input"]["kind"] or "?" for it in items})
        for kind in kinds:
            rates[f"accuracy_{kind}"] = metrics.mean(it["scores"]["correct"] for it in items if (it["input"]["kind"] or "?") == kind)
    return {k: rounded(v) for k, v in rates.items()}, {k: rounded(v) for k, v in stats.items()}


def _aggregate_repeats(per_repeat: list[dict[str, dict[str, float | None]]]) -> tuple[dict, dict]:
    mean_out: dict[str, dict] = {}
    std_out: dict[str, dict] = {}
    suites = list(dict.fromkeys(s for rep in per_repeat for s in rep))
    for s in suites:
        keys = list(dict.fromkeys(k for rep in per_repeat for k in rep.get(s, {})))
        mean_out[s], std_out[s] = {}, {}
        for k in keys:
            m, sd = metrics.mean_std([rep.get(s, {}).get(k) for rep in per_repeat])
            mean_out[s][k], std_out[s][k] = rounded(m), rounded(sd)
    return mean_out, std_out


# --------------------------------------------------------------------------------------------- provenance


def _git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=5)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def _display_path(path: Path) -> str:
    path = Path(path).resolve()
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def provenance(engine, settings: Settings, suites: list[str], paths: dict[str, Path] | None = None) -> dict[str, Any]:
    lib = engine.library
    names = lib.names()
    index = engine.index
    s = settings
    return {
        "backend": engine.writer.name,
        "model": engine.writer.model,
        "writer_label": engine.writer.label,
        "fallback": engine.fallback.name if engine.fallback else None,
        "templates": lib.hashes(),
        "template_versions": {n: lib.get(n).version for n in names},
        "prompts_dir": _display_path(s.prompts_dir),
        "corpus_snapshot": index.snapshot_id(),
        "collection": index.collection,
        "corpus_counts": index.catalog.counts(),
        "embedding_model": index.embedder.model_id,
        "retrieval": {**engine.retriever.describe(), "evidence_k": s.generation.evidence_k},
        "settings_hash": engine.settings_hash(),
        "lexicon_hash": lexicon_hash(),
        "role_model_hash": role_model_hash(),
        "checker_model_hash": model_hash(),
        "retrieval_fingerprint": s.retrieval_fingerprint(),
        "settings": {
            "embedding": s.embedding.model_dump(mode="json"), "chunking": s.chunking.model_dump(mode="json"),
            "retrieval": s.retrieval.model_dump(mode="json"), "generation": s.generation.model_dump(mode="json"),
            "llm": {k: v for k, v in s.llm.model_dump(mode="json").items() if k != "api_key_env"},
        },
        "datasets": {n: file_digest((paths or {}).get(n) or DATASETS / SUITE_FILES[n]) for n in suites},
        **(roles_suite.provenance() if roles_suite.SUITE in suites else {}),
        "git_commit": _git_commit(),
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}",
    }


def own_corpus(names: list[str], suite_info: dict[str, dict]) -> dict[str, Any]:
    """The corpus fields of a report whose only suite ingests its own collection (topics-news writes its briefs over
    a slice of the RealTime QA corpus in a collection of its own, ``suite_info``): that collection's name, snapshot
    and counts, not the default collection's (empty in a fresh data directory, so a report recorded the empty
    corpus's snapshot and ``eval compare`` warned of a corpus change that was not). {} for any other run: a run of
    several suites records the default collection, each suite's own in its ``suite_info``."""
    if len(names) != 1 or names[0] not in suite_info:
        return {}
    info = suite_info[names[0]]
    return {k: info[k] for k in ("collection", "corpus_snapshot", "corpus_counts") if k in info}


# --------------------------------------------------------------------------------------------- run


def run_eval(
    settings: Settings,
    *,
    suites: str | Sequence[str] = "seed",
    backend: str | None = None,
    prompts_dir: Path | str | None = None,
    repeats: int = 1,
    collection: str | None = None,
    limit: int | None = None,
    ids: Sequence[str] | None = None,
    name: str | None = None,
    progress: Progress | None = None,
    claims_news_path: Path | str | None = None,
    distractors: int | None = None,
    topics_path: Path | str | None = None,
) -> dict[str, Any]:
    """Run the suites and return the report dict (see the module docstring). ``limit``/``ids`` select items (tests)."""
    from rag.pipeline import Engine

    names = expand_suites(suites)
    if repeats < 1:
        raise EvalError("--repeats must be at least 1.")
    if prompts_dir is not None:
        pdir = Path(prompts_dir).resolve()
        if not pdir.is_dir():
            raise EvalError(f"Prompt directory {pdir} does not exist.")
        settings = settings.model_copy(update={"prompts_dir": pdir})
    # The selection is checked before the index is opened: a wrong --ids is a usage error, whatever the index holds.
    warnings: list[str] = []
    paths, rows = suite_rows(names, claims_news_path, warnings, topics_path)
    datasets = select_items(rows, ids, limit, warnings)
    names = list(datasets)
    engine = Engine.from_settings(settings, collection=collection, backend=backend)
    index = engine.index
    needs_index = any(n in ("seed", "topics", followups.SUITE) for n in names)
    if needs_index and index.catalog.counts()["documents"] == 0:
        raise EvalError(
            f"The index (collection '{index.collection}' in {settings.data_dir}) is empty.",
            help_message="run `brief ingest corpus` first, with the same BRIEF_DATA_DIR",
        )
    stems = doc_stems(index)
    ctx = SuiteContext(engine, stems, stem_to_doc(stems), warnings)
    started = time.perf_counter()
    items: list[dict] = []
    per_repeat_rates: list[dict] = []
    per_repeat_stats: list[dict] = []
    for rep in range(repeats):
        rates_r: dict[str, dict] = {}
        stats_r: dict[str, dict] = {}
        for suite in names:
            rows = datasets[suite]
            if suite == "claims":
                done = run_claims_suite(engine.checker, rows)
                if progress:
                    progress(suite, len(rows), len(rows), "")
            elif suite == roles_suite.SUITE:
                done = roles_suite.run_suite(
                    rows, (lambda i, n: progress(roles_suite.SUITE, i, n, str(i))) if progress else None)
            elif suite == topics_news.SUITE:
                done, info = topics_news.run_suite(
                    settings, rows, backend=backend,
                    distractors=topics_news.DEFAULT_DISTRACTORS if distractors is None else distractors,
                    progress=(lambda i, n, item: progress(topics_news.SUITE, i, n, item)) if progress else None)
                ctx.suite_info[topics_news.SUITE] = info
            elif suite == followups.SUITE:
                done = followups.run_suite(
                    engine, rows, (lambda i, n, cid: progress(followups.SUITE, i, n, cid)) if progress else None)
            elif suite == claims_news.SUITE:
                done = claims_news.run_suite(
                    engine.checker, rows, (lambda i, n: progress(claims_news.SUITE, i, n, str(i))) if progress else None)
            else:
                fn = run_seed_item if suite == "seed" else run_topic_item
                done = []
                for i, row in enumerate(rows):
                    if progress:
                        progress(suite, i, len(rows), row["id"])
                    done.append(fn(ctx, row))
                if progress:
                    progress(suite, len(rows), len(rows), "")
            for it in done:
                it["repeat"] = rep
            items.extend(done)
            rates_r[suite], stats_r[suite] = suite_totals(suite, done)
        per_repeat_rates.append(rates_r)
        per_repeat_stats.append(stats_r)
    fell_back = [it["id"] for it in items if it["output"].get("backend") not in (None, engine.writer.name)]
    if fell_back:
        ctx.warnings.append(f"{len(fell_back)} item(s) were written by the fallback writer, not {engine.writer.name} "
                            f"(LLM unavailable?): {', '.join(dict.fromkeys(fell_back))}")
    totals, totals_std = _aggregate_repeats(per_repeat_rates)
    stats, _ = _aggregate_repeats(per_repeat_stats)
    report: dict[str, Any] = {
        "schema": SCHEMA,
        "name": name,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "suites": names,
        "repeats": repeats,
        "selection": {"limit": limit, "ids": list(ids) if ids else None,
                      "items": {n: len(datasets[n]) for n in names}},
        "provenance": {**provenance(engine, settings, names, paths), **own_corpus(names, ctx.suite_info)},
        "totals": totals,
        "stats": stats,
        "items": items,
        "warnings": ctx.warnings,
        **({"suite_info": ctx.suite_info} if ctx.suite_info else {}),
        "seconds": round(time.perf_counter() - started, 2),
    }
    if repeats > 1:
        report["totals_std"] = totals_std
        report["repeat_totals"] = per_repeat_rates
    return report


def write_report(report: dict[str, Any], out: Path) -> tuple[Path, Path]:
    """Write ``out`` (JSON) and the Markdown summary next to it (same name, .md)."""
    from evals.report import render_report

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    md = out.with_suffix(".md")
    md.write_text(render_report(report), encoding="utf-8")
    return out, md


def read_report(path: Path) -> dict[str, Any]:
    path = Path(path)
    if not path.is_file():
        raise EvalError(f"No report at {path}.", help_message="produce one with `brief eval run --out PATH`")
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise EvalError(f"{path} is not valid JSON: {exc}") from exc
    if not isinstance(report, dict) or "totals" not in report:
        raise EvalError(f"{path} is not an eval report (no 'totals').")
    return report


def accept(report_path: Path, to: Path) -> tuple[Path, Path]:
    """Promote a report to a baseline: copy the JSON and regenerate its Markdown summary."""
    report = read_report(report_path)
    report = dict(report)
    report["accepted_from"] = report.get("name") or Path(report_path).stem
    report["name"] = Path(to).stem
    return write_report(report, to)


# --------------------------------------------------------------------------------------------- CLI glue


def print_totals(report: dict[str, Any], console) -> None:
    from rich.markup import escape
    from rich.table import Table

    std = report.get("totals_std") or {}
    for suite, totals in report["totals"].items():
        t = Table(title=f"{suite} ({report['selection']['items'].get(suite)} items"
                  + (f", {report['repeats']} repeats" if report.get("repeats", 1) > 1 else "") + ")")
        t.add_column("metric")
        t.add_column("value", justify="right")
        if suite in std:
            t.add_column("std", justify="right")
        for k, v in totals.items():
            row = [escape(k), "—" if v is None else f"{v:.3f}"]
            if suite in std:
                sd = std[suite].get(k)
                row.append("—" if sd is None else f"{sd:.3f}")
            t.add_row(*row)
        console.print(t)


def run_command(settings: Settings, *, out: Path, suite: str, backend: str | None, prompts: Path | None, repeats: int,
                collection: str | None, limit: int | None, ids: str | None = None, claims_news_path: Path | None = None,
                distractors: int | None = None, topics_path: Path | None = None, console, err) -> dict[str, Any]:
    """`brief eval run`: run, write JSON + Markdown, print the totals."""
    def progress(suite_name: str, done: int, total: int, item_id: str) -> None:
        if err.is_terminal and item_id:
            err.print(f"[dim]{suite_name} {done + 1}/{total} {item_id}[/]", end="\r")

    report = run_eval(settings, suites=suite, backend=backend, prompts_dir=prompts, repeats=repeats,
                      collection=collection, limit=limit, name=Path(out).stem, progress=progress,
                      ids=[i.strip() for i in ids.split(",")] if ids is not None else None,
                      claims_news_path=claims_news_path, distractors=distractors, topics_path=topics_path)
    json_path, md_path = write_report(report, out)
    print_totals(report, console)
    for w in report["warnings"]:
        err.print(f"[yellow]warning:[/] {w}")
    err.print(f"wrote {json_path} and {md_path} ({report['seconds']:.0f}s)")
    return report


def accept_command(report_path: Path, to: Path, *, console) -> None:
    """`brief eval accept`: promote a report to the baseline."""
    json_path, md_path = accept(report_path, to)
    console.print(f"baseline updated: {json_path} (+ {md_path.name}); commit both files.")


def item_lines(suite: str, *, claims_news_path: Path | None = None, warnings: list[str] | None = None) -> list[str]:
    """`brief eval items`: "SUITE<TAB>ID<TAB>question, topic or claim" for each item the suites hold."""
    names = expand_suites(suite)
    _, rows = suite_rows(names, claims_news_path, warnings)
    out = []
    for name, suite_items in rows.items():
        for row in suite_items:
            label = item_label(row)
            out.append(f"{name}\t{row.get('id')}" + (f"\t{label}" if label else ""))
    return out
