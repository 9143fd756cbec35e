"""Does the hand ranking's fit carry over? Question-grouped cross-validation of the ranking settings on the fit half.

    python benchmarks/rtqa_cv.py --data-dir DIR --collection techsec --cache C.pkl [--json OUT]

The hand ranking's settings (recency half-life, headline match, digest factor, weekday rule, asked-period rule,
RRF constant, live-blog factor) were
chosen on RealTime QA's fit half (``evals.rtqa_answers.half``) by reading its in-sample figures, so those figures
(hit@1 0.870) overstate what the same choice does on questions not looked at. This script measures by how much:
every setting combination of ``GRID`` ranks the fit half's cached candidates once (``HybridRetriever.rank``, the
code ``brief search`` runs, top ``TOP_K``, as of each quiz date); then, for each of ``FOLDS`` question folds, the
combination best on the other folds (by MRR@10, then hit@1, then the combination nearest to no mechanism) is
scored on that fold. The mean over folds is the expected figure of "choose the settings on these questions" for
new ones (Hastie, Tibshirani and Friedman, *The Elements of Statistical Learning*, 2nd ed., section 7.10); the
shipped defaults' in-sample figure, the grid's best in-sample figure and the unfitted RRF fusion (no setting
chosen, so in-sample is honest) are printed beside it, with each mechanism switched off in turn (``ABLATIONS``:
in sample, the fit questions whose hit@1 it decides, and the others chosen by 5-fold CV over seeds 0-4 and by
leave-one-question-out). A mechanism generalises when the CV figure without it is lower than with it; one whose
removal leaves CV equal is a candidate for removal (a simplification that costs nothing measurable on these questions).

Only fit-half questions are ranked. ``--halves`` also prints aggregate statistics of both halves that say how hard
they are without exposing an item: questions, with a gold article, quiz-date span, and how many gold articles have
another report of the same outlet within ``SIBLING_DAYS`` days (``sibling_reports``).
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import itertools
import json
import pickle
import re
from datetime import date
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from benchlib import DEFAULT_DATA, machine
from evals import metrics
from evals.realtimeqa import GoldLookup, load_questions, question_date, retrieval_scores
from evals.rtqa_answers import half
from evals.rtqa_systems import TOP_K, retrieved_from_hits
from rag.config import RetrievalSettings, Settings
from rag.index import open_index
from rag.retrieve import HybridRetriever
from rag.types import SearchFilters

#: the hand ranking's chosen settings and the values tried around each (the defaults are in every list)
GRID = {
    "recency_half_life_days": (0.0, 30.0, 60.0),
    "title_weight": (0.0, 0.5, 1.0),
    "digest_factor": (0.7, 1.0),
    "event_day_factor": (0.5, 1.0),
    "period_factor": (0.3, 1.0),
    "rrf_k": (30, 60),
    "live_blog_factor": (0.7, 1.0),
}
#: each mechanism's "off" value (the no-mechanism end a tie is broken towards)
#: (``rrf_k`` has no "off": 60, the constant before any choice on these questions, stands in for it)
OFF = {"recency_half_life_days": 0.0, "title_weight": 0.0, "digest_factor": 1.0, "event_day_factor": 1.0,
       "period_factor": 1.0, "rrf_k": 60, "live_blog_factor": 1.0}
ABLATIONS = tuple(OFF)
#: simpler rankings to weigh against the full grid: settings held fixed, the rest chosen by CV as in the grid
SIMPLER = {
    "recency and headline only (the other five off, RRF k 60)":
        {"digest_factor": 1.0, "event_day_factor": 1.0, "period_factor": 1.0, "live_blog_factor": 1.0, "rrf_k": 60},
    "recency, headline and RRF k (the four factors off)":
        {"digest_factor": 1.0, "event_day_factor": 1.0, "period_factor": 1.0, "live_blog_factor": 1.0},
    "recency, headline and the weekday rule (the other four off, RRF k 60)":
        {"digest_factor": 1.0, "period_factor": 1.0, "live_blog_factor": 1.0, "rrf_k": 60},
}
FOLDS = 5
SEED = 0
METRICS = ("hit@1", "mrr@10", "hit@10")
#: two reports of one outlet this many days apart or less count as siblings (updates of one story, or one beat)
SIBLING_DAYS = 3
#: ... and, for the stricter count, headlines sharing at least this Jaccard share of their words (one story's reports)
SIBLING_HEADLINE_JACCARD = 0.3


def combos(grid: dict[str, Sequence[float]]) -> list[dict[str, float]]:
    """Every combination of the grid's values, as settings updates."""
    keys = list(grid)
    return [dict(zip(keys, vals)) for vals in itertools.product(*(grid[k] for k in keys))]


def distance_from_off(combo: dict[str, float]) -> int:
    """How many mechanisms a combination switches on (ties go to the simpler combination)."""
    return sum(1 for k, v in combo.items() if v != OFF.get(k, v))


def folds_of(ids: Sequence[str], n: int = FOLDS, seed: int = SEED) -> list[list[int]]:
    """``n`` question folds: indices of ``ids`` shuffled with ``seed`` and dealt round-robin."""
    order = np.random.default_rng(seed).permutation(len(ids))
    return [sorted(int(i) for i in order[f::n]) for f in range(n)]


def loqo_folds(n: int) -> list[list[int]]:
    """Leave-one-question-out: ``n`` folds of one question each (every question scored by settings chosen on the
    other ``n - 1``)."""
    return [[i] for i in range(n)]


def flips(on: np.ndarray, off: np.ndarray) -> dict[str, int]:
    """Questions whose hit@1 a mechanism decides: ``on`` and ``off`` are (questions, METRICS) tables of the
    ranking with and without it; "won" = gold first only with it, "lost" = gold first only without it."""
    keep = ~np.isnan(on[:, 0]) & ~np.isnan(off[:, 0])
    return {"won": int(((on[:, 0] > off[:, 0]) & keep).sum()), "lost": int(((on[:, 0] < off[:, 0]) & keep).sum())}


def restricted(grid: Sequence[dict], fixed: dict[str, float]) -> list[int]:
    """Indices of the grid's combinations that hold every setting of ``fixed`` at its value."""
    return [i for i, c in enumerate(grid) if all(c[k] == v for k, v in fixed.items())]


def cv_summary(table: np.ndarray, candidates: Sequence[dict], ids: Sequence[str]) -> dict[str, Any]:
    """Choosing among ``candidates`` by CV: 5-fold means of seeds 0-4, leave-one-question-out means, and the best
    in-sample figure (by MRR@10, then hit@1)."""
    ins = np.nanmean(table, axis=1)
    best = max(range(len(candidates)), key=lambda c: (ins[c, 1], ins[c, 0]))
    return {"combinations": len(candidates),
            "cv_by_seed": [cross_validate(table, candidates, folds_of(ids, seed=s))["means"] for s in range(5)],
            "cv_loqo": cross_validate(table, candidates, loqo_folds(len(ids)))["means"],
            "best_in_sample": {"settings": candidates[best], **dict(zip(METRICS, ins[best].round(4).tolist()))}}


def mean_scores(rows: Sequence[dict]) -> dict[str, float | None]:
    tot = metrics.summarize(list(rows))
    return {m: tot.get(m) for m in METRICS}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def choose(table: np.ndarray, train: Sequence[int], candidates: Sequence[dict]) -> int:
    """Index of the combination best on the ``train`` questions: MRR@10, then hit@1, then fewest mechanisms.
    ``table``: (combinations, questions, metrics) with NaN for a question without a gold article."""
    sub = np.nanmean(table[:, train, :], axis=1)
    key = [(sub[c, 1], sub[c, 0], -distance_from_off(candidates[c])) for c in range(len(candidates))]
    return max(range(len(candidates)), key=lambda c: key[c])


def cross_validate(table: np.ndarray, candidates: Sequence[dict], folds: Sequence[Sequence[int]]) -> dict[str, Any]:
    """Per fold: the combination chosen on the other folds and its scores on this fold; the means over the pooled
    validation questions (each question scored once, by the combination chosen without it)."""
    pooled, chosen = np.full(table.shape[1:], np.nan), []
    for f, va in enumerate(folds):
        tr = [i for g, fold in enumerate(folds) if g != f for i in fold]
        c = choose(table, tr, candidates)
        chosen.append(candidates[c])
        pooled[va] = table[c, va]
    return {"means": dict(zip(METRICS, np.nanmean(pooled, axis=0).round(4).tolist())), "chosen": chosen}


def per_question(retriever: HybridRetriever, questions: Sequence[dict], cands: dict, golds: GoldLookup) -> np.ndarray:
    """(questions, METRICS) gold scores of one ranking; NaN rows for questions without a gold article."""
    out = np.full((len(questions), len(METRICS)), np.nan)
    for i, q in enumerate(questions):
        c = cands.get(q["id"])
        hits = retriever.rank(c, k=TOP_K, filters=SearchFilters(until=question_date(q))) if c else []
        s = retrieval_scores(retrieved_from_hits(hits, 0.0), golds.gold_docs(q), golds.story, q)
        if s.get("hit@1") is not None:
            out[i] = [s[m] for m in METRICS]
    return out


def sibling_reports(index, golds: GoldLookup, questions: Sequence[dict], days: int = SIBLING_DAYS) -> dict[str, Any]:
    """Aggregate difficulty of a set of questions (no item exposed): how many, how many with a gold article, their
    quiz-date span, and how many gold articles have another indexed report by the same publisher published
    within ``days`` days of it (another story id: an update or another report of the same beat), and how many have
    one whose headline also shares ``SIBLING_HEADLINE_JACCARD`` of its words (another report of the same story)."""
    docs, _ = index.catalog.list_documents(limit=10**9)
    by_pub: dict[str, list[tuple[date, str]]] = {}
    meta = {}
    for d in docs:
        meta[d["doc_id"]] = d
        if d.get("publisher") and d.get("published"):
            by_pub.setdefault(d["publisher"], []).append((date.fromisoformat(d["published"][:10]), d["doc_id"]))
    dates = sorted(question_date(q) for q in questions)
    gold_qs = [q for q in questions if golds.gold_docs(q)]
    with_sibling = with_story_sibling = 0

    def heads(doc_id: str) -> set[str]:
        return set(re.findall(r"[a-z0-9]+", (meta[doc_id].get("title") or "").lower()))

    for q in gold_qs:
        found = story = False
        for g in golds.gold_docs(q):
            d = meta.get(g) or {}
            if not (d.get("publisher") and d.get("published")):
                continue
            day = date.fromisoformat(d["published"][:10])
            near = [o for od, o in by_pub[d["publisher"]] if o != g and golds.story(o) != golds.story(g) and abs((od - day).days) <= days]
            found |= bool(near)
            story |= any(jaccard(heads(g), heads(o)) >= SIBLING_HEADLINE_JACCARD for o in near)
        with_sibling += found
        with_story_sibling += story
    return {"questions": len(questions), "with_gold": len(gold_qs), "first_quiz_date": dates[0] if dates else None,
            "last_quiz_date": dates[-1] if dates else None, f"gold_with_same_outlet_report_within_{days}d": with_sibling,
            f"gold_with_same_outlet_report_within_{days}d_headline_jaccard_{SIBLING_HEADLINE_JACCARD}": with_story_sibling}


def open_with_candidates(data_dir: Path, collection: str | None, cache: Path) -> tuple[Settings, Any, dict]:
    """(settings, index, question id → candidates) from ``cache``, ``benchmarks/rtqa_ablation.py``'s pickle;
    SystemExit when it was fetched from another corpus snapshot than the index's."""
    settings = Settings(data_dir=data_dir)
    index = open_index(settings, collection=collection)
    saved = pickle.loads(cache.read_bytes())
    if saved["key"][0] != index.snapshot_id():
        raise SystemExit(f"{cache}: candidates of another corpus snapshot")
    return settings, index, saved["cands"]


def index_arguments(doc: str | None) -> argparse.ArgumentParser:
    """A parser with the arguments every script over the ablation's candidate cache takes (index, questions, cache)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", required=True, type=Path, help="data dir holding the ingested corpus (read only)")
    ap.add_argument("--collection", default=None)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with questions-dev.jsonl")
    ap.add_argument("--cache", required=True, type=Path, help="candidates pickle of benchmarks/rtqa_ablation.py (same index)")
    return ap


def main(argv: Sequence[str] | None = None) -> None:
    ap = index_arguments(__doc__)
    ap.add_argument("--halves", action="store_true", help="also print both halves' aggregate statistics")
    ap.add_argument("--halves-only", action="store_true", help="print only the halves' aggregate statistics (no ranking)")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--table", type=Path, default=None,
                    help="an .npz of the grid's per-question scores: read when it exists (same grid and questions), else written")
    args = ap.parse_args(argv)

    settings, index, cands = open_with_candidates(args.data_dir, args.collection, args.cache)
    golds = GoldLookup.of(index)
    questions = load_questions(args.data, limit=None, gold_only=False)
    fit = [q for q in questions if half(q["id"]) == "fit" and golds.gold_docs(q)]
    if args.halves_only:
        print(json.dumps({h: sibling_reports(index, golds, [q for q in questions if half(q["id"]) == h]) for h in ("fit", "held_out")},
                         indent=1, default=str))
        return
    base: RetrievalSettings = settings.retrieval.model_copy(update={"ranker": "hand", "context_chunks": 0})
    index.lexical()

    def rank_with(update: dict) -> np.ndarray:
        return per_question(HybridRetriever(index, base.model_copy(update=update)), fit, cands, golds)

    grid = combos(GRID)
    if args.table and args.table.is_file():  # the grid's rankings of an earlier run over the same cache and grid
        saved = np.load(args.table, allow_pickle=False)
        if json.loads(str(saved["grid"])) != grid or list(saved["ids"]) != [q["id"] for q in fit]:
            raise SystemExit(f"{args.table}: another grid or other questions")
        table = saved["table"]
    else:
        table = np.stack([rank_with(c) for c in grid])
        if args.table:
            np.savez(args.table, table=table, grid=json.dumps(grid), ids=np.array([q["id"] for q in fit]))
    folds = folds_of([q["id"] for q in fit])
    loqo = loqo_folds(len(fit))
    defaults = {k: getattr(base, k) for k in GRID}
    shipped = rank_with(defaults)
    in_sample = table.mean(axis=1)
    best = choose(table, list(range(len(fit))), grid)
    report: dict[str, Any] = {
        "machine": machine(), "corpus_counts": index.catalog.counts(), "fit_questions_with_gold": len(fit),
        "grid": GRID, "folds": FOLDS, "seed": SEED,
        "defaults_in_sample": dict(zip(METRICS, shipped.mean(axis=0).round(4).tolist())),
        "grid_best_in_sample": {"settings": grid[best], **dict(zip(METRICS, in_sample[best].round(4).tolist()))},
        "rrf_only": dict(zip(METRICS, rank_with(OFF).mean(axis=0).round(4).tolist())),
        "cv": cross_validate(table, grid, folds),
        "cv_loqo": cross_validate(table, grid, loqo)["means"],
        "cv_by_seed": [cross_validate(table, grid, folds_of([q["id"] for q in fit], seed=s))["means"] for s in range(5)],
        "ablations": {},
    }
    for name in ABLATIONS:  # one mechanism off, the rest at their defaults (in sample) and chosen by CV
        off = {**defaults, name: OFF[name]}
        sub = [i for i, c in enumerate(grid) if c[name] == OFF[name]]
        without = rank_with(off)
        kept = [grid[i] for i in sub]
        report["ablations"][name] = {"defaults_without_it_in_sample": dict(zip(METRICS, without.mean(axis=0).round(4).tolist())),
                                     "hit1_decided_in_sample": flips(shipped, without),
                                     "cv_without_it": cross_validate(table[sub], kept, folds)["means"],
                                     "cv_by_seed_without_it": [cross_validate(table[sub], kept, folds_of([q["id"] for q in fit], seed=s))["means"]
                                                               for s in range(5)],
                                     "cv_loqo_without_it": cross_validate(table[sub], kept, loqo)["means"]}
    report["simpler"] = {name: cv_summary(table[sub], [grid[i] for i in sub], [q["id"] for q in fit])
                         for name, fixed in SIMPLER.items() if (sub := restricted(grid, fixed))}
    if args.halves:
        report["halves"] = {h: sibling_reports(index, golds, [q for q in questions if half(q["id"]) == h]) for h in ("fit", "held_out")}
    print(json.dumps({k: v for k, v in report.items() if k != "machine"}, indent=1, default=str))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()
