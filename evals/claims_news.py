"""`brief eval run --suite claims-news`: the support checker on external, human-labelled news claims.

The data is ``../shared/data/claims-news/dev.jsonl`` (next to the repository; read it there, never copy it
in): 861 (claim, whole article, label) pairs from FactCC (CNN) and AggreFact-XSum SOTA (BBC). Every row is
checked as ``checker.check_many([(claim, [passage])])`` — the whole article is the cited passage. Rows the
checker's model was fitted on (FactCC) are re-scored by the cross-validation fold model that did not see their
article (``checker.held_out``), so their figures are out-of-fold, never in-sample. ``ece`` is the expected
calibration error of ``score`` as the probability of *supported*.
"Unsupported" is the positive class. Totals are pooled and per ``source_dataset``
(``<source>.balanced_accuracy``, ``<source>.unsupported_f1``, ...), plus ``pairs_per_s`` in the stats.

Rules of use (the data's README): only ``factcc_cnndm`` rows may be used to fit or calibrate anything
(:func:`fittable`); ``aggrefact_xsum_sota`` rows are evaluation-only (CC BY-ND 4.0, benchmark use).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, Callable, Sequence

from evals import metrics
from rag.config import PROJECT_ROOT

SUITE = "claims-news"
ENV_VAR = "BRIEF_CLAIMS_NEWS"
DEFAULT_PATH = PROJECT_ROOT.parent / "shared" / "data" / "claims-news" / "dev.jsonl"
FITTABLE_SOURCES = frozenset({"factcc_cnndm"})
BATCH = 32  # pairs per check_many call (one embedding call each; keeps memory flat and progress visible)


def dataset_path(override: Path | str | None = None) -> Path:
    """The claims-news file: ``override``, else ``$BRIEF_CLAIMS_NEWS``, else ``../shared/data/claims-news/dev.jsonl``."""
    if override:
        return Path(override)
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else DEFAULT_PATH


def fittable(row: dict[str, Any]) -> bool:
    """True for rows a model or threshold may be fitted on (FactCC); AggreFact rows are evaluation-only."""
    return row.get("source_dataset") in FITTABLE_SOURCES


def interleave(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows reordered round-robin over (source_dataset, label), so that ``--limit N`` keeps every part in proportion."""
    groups: dict[tuple[str, bool], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault((r.get("source_dataset") or "?", bool(r.get("supported"))), []).append(r)
    total = len(rows)
    # each group's k-th row gets position (k + 0.5) / len(group): the groups are spread evenly over the order
    keyed = [((k + 0.5) / len(g), key, k) for key, g in groups.items() for k in range(len(g))]
    return [groups[key][k] for _, key, k in sorted(keyed)] if total else []


def run_suite(checker, rows: Sequence[dict[str, Any]], progress: Callable[[int, int], None] | None = None) -> list[dict]:
    """One report item per row: the checker's verdict on (claim, whole passage) against the human label."""
    out: list[dict] = []
    for b in range(0, len(rows), BATCH):
        batch = rows[b : b + BATCH]
        if progress:
            progress(b, len(rows))
        t0 = time.perf_counter()
        results = checker.check_many([(r["claim"], [r["passage"]]) for r in batch])
        per = (time.perf_counter() - t0) / max(1, len(batch))
        for r, res in zip(batch, results):
            # a row the checker's model was fitted on is scored by the fold model that did not see its article
            held = checker.held_out(res, [r["passage"]]) if fittable(r) and hasattr(checker, "held_out") else res
            out.append({
                "suite": SUITE, "id": r["id"],
                # no claim or article text in the report: the data may not be copied (a report can become a
                # committed baseline); the row id joins it back to dev.jsonl for error analysis
                "input": {"passage_words": len(r["passage"].split()), "supported": bool(r["supported"]),
                          "source_dataset": r.get("source_dataset") or "?", "source_id": r.get("source_id")},
                "output": {"supported": bool(held.supported), "score": round(float(held.score), 4),
                           "reasons": list(held.reasons), "held_out": held is not res,
                           "spans": [[sp.passage, sp.start, sp.end] for sp in getattr(held, "spans", ())]},
                "scores": {"correct": 1.0 if bool(held.supported) == bool(r["supported"]) else 0.0},
                "stats": {"latency_s": round(per, 4)},
            })
    if progress:
        progress(len(rows), len(rows))
    return out


def _classification(items: list[dict]) -> dict[str, float | int | None]:
    bc = metrics.binary_classification([it["input"]["supported"] for it in items], [it["output"]["supported"] for it in items])
    return {
        "balanced_accuracy": bc["balanced_accuracy"], "accuracy": bc["accuracy"],
        "unsupported_precision": bc["precision"], "unsupported_recall": bc["recall"], "unsupported_f1": bc["f1"],
        "tp": bc["tp"], "fp": bc["fp"], "fn": bc["fn"], "tn": bc["tn"],
    }


def suite_totals(items: list[dict]) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """(rates, stats): pooled and per-source classification rates; confusion counts and pairs/s in stats."""
    rates: dict[str, float | None] = {}
    stats: dict[str, float | None] = {"items": len(items)}
    groups = [("", items)] + [
        (f"{src}.", [it for it in items if it["input"]["source_dataset"] == src])
        for src in sorted({it["input"]["source_dataset"] for it in items})
    ]
    for prefix, group in groups:
        c = _classification(group)
        c["ece"] = metrics.expected_calibration_error([it["input"]["supported"] for it in group],
                                                      [it["output"]["score"] for it in group])
        for k, v in c.items():
            (stats if k in ("tp", "fp", "fn", "tn") else rates)[prefix + k] = v
        if prefix:
            stats[prefix + "items"] = len(group)
    secs = sum(it["stats"]["latency_s"] for it in items)
    stats["seconds"] = round(secs, 2)
    stats["pairs_per_s"] = round(len(items) / secs, 2) if secs else None
    lat = [it["stats"]["latency_s"] for it in items]
    stats["mean_latency_s"] = metrics.mean(lat)
    return rates, stats
