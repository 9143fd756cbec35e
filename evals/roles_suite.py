"""`brief eval run --suite roles`: the sentence-role classifier (``rag.roles``) on the held-out ``test`` split.

The data is ``evals/datasets/roles.jsonl`` (hand-labelled sentences; RealTime QA rows are resolved from
``../shared/data/realtimeqa-2022/``, see ``evals/roles_data.py``). Totals: ``macro_f1``, ``accuracy`` and per-role
``precision.<role>`` / ``recall.<role>``; the model file's hash is in the item stats' provenance. Only the
``test`` split is scored by default (the model was fitted on ``fit``); ``split="all"`` scores every row.
Not part of ``all`` because part of the data lives outside the repository.

``brief_section_role_precision(claims, template)`` is the brief-level measure: the share of a brief's quoted
sentences whose predicted role the quoting section accepts (``prompts/section_roles.toml``).
"""

from __future__ import annotations

import time
from typing import Any, Callable, Iterable, Mapping, Sequence

from evals import roles_data
from evals.roles_metrics import classification_report, section_role_precision
from rag.roles import ROLES, accepted_roles, classify, model_hash

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


def brief_section_role_precision(claims: Iterable[Mapping[str, Any]], template: str,
                                 role_of: Callable[[str], str | None] | None = None) -> dict[str, Any]:
    """Section-role precision of one brief: ``claims`` are the eval report's claim dicts (``section`` and
    ``citations[].quote``); each quote's role comes from ``role_of`` (default: the classifier) and must be accepted
    by its section in ``prompts/section_roles.toml``. Returns ``section_role_precision``'s dict."""
    sections: dict[str, list[str]] = {}
    for c in claims:
        sections.setdefault(c["section"], []).extend(x["quote"] for x in c.get("citations") or [] if x.get("quote"))
    if role_of is None:
        quotes = list(dict.fromkeys(q for qs in sections.values() for q in qs))
        roles = {q: p.role for q, p in zip(quotes, classify(quotes))} if quotes else {}
        role_of = roles.get
    return section_role_precision(sections, lambda s: accepted_roles(template, s), role_of)
