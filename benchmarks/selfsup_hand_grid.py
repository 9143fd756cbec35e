"""The hand ranking's settings scored on the self-supervised queries of ``evals.selfsup_ranker`` (questions made from
the corpus's own articles), not on the dev questions: which recency, headline, digest and fusion settings the
corpus itself prefers, each row beside its score on the dev questions' fit half.

``python benchmarks/selfsup_hand_grid.py --data-dir DIR --collection techsec --data ../shared/data/realtimeqa-2022
--cache /tmp/selfsup.pkl --json OUT.json`` (the cache is ``evals.selfsup_ranker``'s, holding the candidates of the
same queries and of the fit half; rows rank the same candidates). Two halves of the self-supervised set (even / odd
query number) are scored separately, so a choice made on one can be read on the other.
"""

from __future__ import annotations

import argparse
import json
import pickle
from itertools import product
from pathlib import Path

from evals.fit_ranker import question_scores, summary
from evals.realtimeqa import GoldLookup, load_questions
from evals.rtqa_answers import half
from evals.selfsup_ranker import build_queries, selfsup_scores
from rag.config import Settings
from rag.index import open_index

GRID = {"recency_half_life_days": (0.0, 30.0, 60.0, 120.0), "title_weight": (0.0, 0.5, 1.0)}
FLOORS = (0.1, 0.4)
ONE_AT_A_TIME = {"digest_factor": (1.0,), "bm25_weight": (1.5,), "dense_weight": (1.5,), "event_day_factor": (1.0,)}


def rows() -> list[dict]:
    """The settings rows: the recency half-life × headline weight grid, then single changes from the defaults
    (the recency floor, digest factor, fusion weights, weekday rule)."""
    out = [{"recency_half_life_days": hl, "title_weight": title} for hl, title in product(*GRID.values())]
    out += [{"recency_floor": f} for f in FLOORS]
    out += [{k: v} for k, vals in ONE_AT_A_TIME.items() for v in vals]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", required=True, type=Path)
    ap.add_argument("--collection", default=None)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--queries", type=int, default=600)
    ap.add_argument("--cache", required=True, type=Path)
    ap.add_argument("--json", type=Path, required=True)
    ap.add_argument("--rows", default=None, help="JSON list of setting changes to score instead of rows() (the defaults row comes first)")
    args = ap.parse_args()
    settings = Settings(data_dir=args.data_dir)
    index = open_index(settings, collection=args.collection)
    golds = GoldLookup.of(index)
    saved = pickle.loads(args.cache.read_bytes())
    queries = build_queries(index, args.queries)
    fit = [q for q in load_questions(args.data, limit=None, gold_only=False) if half(q["id"]) == "fit"]
    parts = {"even": queries[0::2], "odd": queries[1::2]}
    out = []
    for change in [{}] + (json.loads(args.rows) if args.rows else rows()):
        base = settings.retrieval.model_copy(update={"ranker": "hand", **change})
        row = {"change": change, **{f"selfsup_{p}": selfsup_scores(index, base, None, qs, saved["cands"], golds) for p, qs in parts.items()},
               "dev_fit": summary(question_scores(index, base, None, fit, saved["dev"], golds))}
        out.append(row)
        print(json.dumps(row), flush=True)
    args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
