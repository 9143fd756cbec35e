"""`brief eval run --suite roles`: the sentence-role classifier (``rag.roles``) on the held-out ``test`` split.

The data is ``evals/datasets/roles.jsonl`` (hand-labelled sentences; RealTime QA rows are resolved from
``../shared/data/realtimeqa-2022/``, see ``evals/roles_data.py``). Totals: ``macro_f1``, ``accuracy`` and per-role
``precision.<role>`` / ``recall.<role>``; the model file's hash is in the item stats' provenance. Only the
``test`` split is scored by default (the model was fitted on ``fit``); ``split="all"`` scores every row.
Not part of ``all`` because part of the data lives outside the repository.

``brief_section_role_precision(claims, template)`` is the brief-level measure: the share of a brief's quoted
sentences whose predicted role the quoting section accepts (the templates' ``roles`` front matter). The role of a
quote is the classifier's reading with the inputs it was fitted with (``cited_roles``: the document's type and the
sentence's position, read from the index when the brief is written, and recorded on each citation of the report as
``role``); a report without recorded roles (older reports) is typed from the quote text alone.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Iterable, Mapping, Sequence

from evals import roles_data
from evals.roles_metrics import classification_report, section_role_precision
from rag.roles import ROLES, RolePrediction, accepted_roles, classify, model_hash

SUITE = "roles"


def dataset_rows(split: str = "test") -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """(rows of the split, or all rows for ``split="all"``; skipped (id, reason)) of the roles set."""
    data = roles_data.load()
    rows = data.rows if split == "all" else data.split(split)
    return rows, data.skipped


def run_suite(rows: Sequence[dict[str, Any]], progress: Callable[[int, int], None] | None = None) -> list[dict]:
    """One report item per row: gold and predicted role (no sentence text: RealTime QA text may not be copied)."""
    if progress:
        progress(0, len(rows))
    t0 = time.perf_counter()
    preds = classify([r["text"] for r in rows], positions=[r["position"] for r in rows],
                     doc_type=[r["doc_type"] for r in rows])
    per = (time.perf_counter() - t0) / max(1, len(rows))
    if progress:
        progress(len(rows), len(rows))
    return [{
        "suite": SUITE, "id": r["id"],
        "input": {"doc": r["doc"], "source": r["source"], "start": r["start"], "end": r["end"],
                  "doc_type": r["doc_type"], "split": r["split"], "role": r["role"]},
        "output": {"role": p.role, "prob": round(p.prob, 4)},
        "scores": {"correct": 1.0 if p.role == r["role"] else 0.0},
        "stats": {"latency_s": round(per, 5)},
    } for r, p in zip(rows, preds)]


def suite_totals(items: list[dict]) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """(rates, stats): macro-F1, accuracy, per-role precision and recall; per-role support and counts in stats."""
    rep = classification_report([it["input"]["role"] for it in items], [it["output"]["role"] for it in items])
    rates: dict[str, float | None] = {"macro_f1": rep["macro_f1"], "accuracy": rep["accuracy"]}
    stats: dict[str, float | None] = {"items": len(items), "articles": len({it["input"]["doc"] for it in items})}
    for role in ROLES:
        m = rep["per_role"][role]
        rates[f"precision.{role}"] = m["precision"]
        rates[f"recall.{role}"] = m["recall"]
        stats[f"support.{role}"] = m["support"]
    return rates, stats


def provenance() -> dict[str, Any]:
    """What the roles suite measured: the role model file's sha256."""
    return {"role_model_sha256": model_hash()}


def cited_roles(citations: Iterable[Any], catalog) -> dict[tuple[str, int, int], RolePrediction]:
    """(doc id, start, end) -> the role classifier's reading of each cited span, given what the writer's typing gives
    it (``rag.writers.role_typing``): the document's type (its metadata, a first chunk's opening text) and, in a
    document's first chunk, the sentence's position among that chunk's sentences (``rag.text.sentences``). One batched
    classifier call. ``citations`` have ``chunk_id``, ``doc_id``, ``start``, ``end`` and ``quote`` (``rag.brief.Citation``);
    ``catalog`` is the index's (``get_chunks``). A span in a language the model cannot read (``role_typing.typable``),
    or whose chunk the catalog no longer holds, is left out: no section is judged on it."""
    from rag.catalog import chunk_from_row
    from rag.text.sentences import split_sentences
    from rag.writers.role_typing import doc_type, position, typable

    cits = list({(x.doc_id, x.start, x.end): x for x in citations if x.quote}.values())
    rows = catalog.get_chunks({x.chunk_id for x in cits})
    keys, texts, positions, types = [], [], [], []
    chunks: dict[str, Any] = {}
    for x in cits:
        if x.chunk_id not in rows:
            continue
        chunk = chunks.setdefault(x.chunk_id, chunk_from_row(rows[x.chunk_id]))
        if not typable(chunk):
            continue
        sents = split_sentences(chunk.text)
        at = x.start - chunk.start
        k = next((n for n, t in enumerate(sents) if t.start <= at < max(t.end, t.start + 1)), None)
        keys.append((x.doc_id, x.start, x.end))
        texts.append(x.quote)
        positions.append(None if k is None else position(chunk, k, len(sents)))
        types.append(doc_type(chunk))
    preds = classify(texts, positions=positions, doc_type=types) if texts else []
    return dict(zip(keys, preds))


def brief_section_role_precision(claims: Iterable[Mapping[str, Any]], template: str,
                                 role_of: Callable[[str], str | None] | None = None) -> dict[str, Any]:
    """Section-role precision of one brief: ``claims`` are the eval report's claim dicts (``section`` and
    ``citations[]`` with ``role`` recorded, else ``quote``); a citation's role is its recorded ``role``, else
    ``role_of(quote)`` (default: the classifier on the quote alone), and must be accepted by its section
    (``rag.roles.accepted_roles``: the templates' ``roles`` front matter). A citation recorded with ``role`` None
    (not typable) is not counted. Returns ``section_role_precision``'s dict (quotes shown as ``key``: the quote, or
    ``doc@start-end`` when the report holds no text)."""
    sections: dict[str, list[str]] = {}
    recorded: dict[str, str | None] = {}
    for c in claims:
        for x in c.get("citations") or []:
            if "role" in x:
                key = x.get("quote") or f"{x.get('doc') or x.get('doc_id')}@{x.get('start')}-{x.get('end')}"
                recorded[key] = x["role"]
                if x["role"] is not None:
                    sections.setdefault(c["section"], []).append(key)
            elif x.get("quote"):
                sections.setdefault(c["section"], []).append(x["quote"])
    if recorded:
        fallback = role_of
        role_of = (lambda q: recorded[q] if q in recorded else (fallback(q) if fallback else None))
    if role_of is None:
        quotes = list(dict.fromkeys(q for qs in sections.values() for q in qs))
        roles = {q: p.role for q, p in zip(quotes, classify(quotes))} if quotes else {}
        role_of = roles.get
    return section_role_precision(sections, lambda s: accepted_roles(template, s), role_of)


def report_section_role_precision(report: Mapping[str, Any]) -> dict[str, Any]:
    """Section-role precision of every brief in an eval report (``topics``/``seed`` items), with predicted roles.

    Returns {pooled precision, counted, accepted, per_item: {id: precision}, rejected: [(id, section, role, quote)]}.
    """
    items = [it for it in report.get("items", []) if it.get("suite") in ("topics", "seed", "topics-news")
             and it["output"].get("claims")]
    quotes = list(dict.fromkeys(x["quote"] for it in items for c in it["output"]["claims"]
                                for x in c.get("citations") or [] if x.get("quote") and "role" not in x))
    roles = {q: p.role for q, p in zip(quotes, classify(quotes))} if quotes else {}
    per_item: dict[str, float | None] = {}
    rejected: list[tuple[str, str, str, str]] = []
    counted = accepted = 0
    for it in items:
        default = "situation" if it.get("suite") == "topics-news" else "answer"
        res = brief_section_role_precision(it["output"]["claims"], it["input"].get("template") or default, roles.get)
        per_item[it["id"]] = res["precision"]
        counted += res["counted"]
        accepted += res["accepted"]
        rejected += [(it["id"], s, r, q) for s, q, r in res["rejected"]]
    return {"precision": round(accepted / counted, 4) if counted else None, "counted": counted, "accepted": accepted,
            "per_item": per_item, "rejected": rejected}


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m evals.roles_suite REPORT.json``: section-role precision of the briefs in an eval report."""
    import argparse
    import json
    from pathlib import Path

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("report", type=Path)
    ap.add_argument("--show", type=int, default=10, help="rejected quotes to print")
    args = ap.parse_args(argv)
    res = report_section_role_precision(json.loads(args.report.read_text(encoding="utf-8")))
    print(f"section-role precision {res['precision']} ({res['accepted']}/{res['counted']} quoted sentences)")
    for item, p in res["per_item"].items():
        print(f"  {item}: {p}")
    for item, section, role, quote in res["rejected"][: args.show]:
        print(f"  rejected {item} {section} <- {role}: {' '.join(quote.split())[:120]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
