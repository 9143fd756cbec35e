"""Why the correct choice's text is not in a question's top 10: each RealTime QA answer-recall miss by kind.

    python benchmarks/rtqa_answer_misses.py --data-dir DIR --collection techsec --questions FIT.jsonl --cache C.pkl [--json OUT]

For every question whose correct choice (``evals.realtimeqa.contains``) is in none of the top ``TOP_K`` hits' texts
(the shipped ranking, ``HybridRetriever.rank`` over ``benchmarks/rtqa_ablation.py``'s cached candidates, as of the
quiz date, each hit with its ±``context_chunks`` window), ``miss_kind`` names where the text is instead, first match
wins:

* ``candidate_ranked_out`` — some passage among the dense and BM25 candidates holds it: the ranking put it below the
  top 10 (or dropped it: the per-article cap, the date bound);
* ``outside_window`` — an article of the top 10 holds it, outside the passage's window (a chunk-boundary or window
  miss);
* ``gold_not_candidate`` — the gold article holds it, but none of its passages is a candidate;
* ``elsewhere_only`` — only passages of other articles published by the quiz date hold it (other stories' words);
* ``in_no_passage`` — no passage published by the quiz date holds it (the value is worded otherwise, or the report
  is not in the corpus).

It also counts the gold hit@1 misses (questions with a gold article in the index whose top hit is another story)
whose top article holds the correct choice anyway (``hit1_misses``: another report of the same event that answers the
question; the gold label names one report of it). Only the first two kinds are within reach of query-time ranking or windows. Reading the fit half only (choices are made
there); the per-question rows are written with ``--json``.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import collections
import json
import re
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from benchlib import machine
from rtqa_cv import index_arguments, open_with_candidates
from evals.realtimeqa import GoldLookup, choice_text, contains, question_date
from evals.rtqa_systems import TOP_K
from rag.types import SearchFilters
from rag.retrieve import HybridRetriever

KINDS = ("candidate_ranked_out", "outside_window", "gold_not_candidate", "elsewhere_only", "in_no_passage")


def miss_kind(holds: Callable[[str], bool], *, candidates: Iterable[str], top_articles: Iterable[str],
              gold_articles: Iterable[str], dated_texts: Iterable[str]) -> str:
    """The kind of one answer-recall miss (one of ``KINDS``): ``holds(text)`` says whether a text holds the correct
    choice; ``candidates`` are the candidate passages' texts, ``top_articles`` the full texts of the top 10's
    articles, ``gold_articles`` the gold articles' full texts, ``dated_texts`` every passage published by the quiz
    date. Checked in ``KINDS`` order, so a text in a candidate counts there even when it is also elsewhere."""
    for kind, texts in zip(KINDS[:4], (candidates, top_articles, gold_articles, dated_texts)):
        if any(holds(t) for t in texts):
            return kind
    return KINDS[4]


def _keys(choices: Sequence[str]) -> list[str]:
    """Each choice's longest lower-case word: a cheap substring screen before ``contains``."""
    return [max(re.findall(r"[a-z0-9]+", choice_text(c).lower()) or [""], key=len) for c in choices]


def main(argv: Sequence[str] | None = None) -> None:
    ap = index_arguments(__doc__)
    ap.add_argument("--questions", required=True, type=Path, help="question file (the fit half) in the dev schema")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    settings, index, cands = open_with_candidates(args.data_dir, args.collection, args.cache)
    golds = GoldLookup.of(index)
    questions = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
    retriever = HybridRetriever(index, settings.retrieval)
    index.lexical()
    chunks = index.catalog.all_chunks()
    by_doc: dict[str, list[dict]] = collections.defaultdict(list)
    for c in chunks:
        by_doc[c["doc_id"]].append(c)
    article = {d: " ".join(c["text"] for c in sorted(cs, key=lambda c: c["idx"])) for d, cs in by_doc.items()}
    rows: list[dict[str, Any]] = []
    hit1 = {"with_gold_article": 0, "misses": 0, "top_article_holds_answer": 0, "gold_article_holds_answer": 0}
    for q in questions:
        right = [q["choices"][i] for i in q.get("answer") or []]
        c = cands.get(q["id"])
        if not right or c is None:
            continue
        until = question_date(q)
        hits = retriever.rank(c, k=TOP_K, filters=SearchFilters(until=until), context=True)
        gold = [g for g in golds.gold_docs(q) if g in article]
        if gold and hits:
            hit1["with_gold_article"] += 1
            if golds.story(hits[0].chunk.doc_id) not in {golds.story(g) for g in gold}:
                hit1["misses"] += 1
                hit1["top_article_holds_answer"] += any(contains(article[hits[0].chunk.doc_id], a) for a in right)
                hit1["gold_article_holds_answer"] += any(contains(" ".join(article[g] for g in gold), a) for a in right)
        if any(contains(" ".join(h.context[0] if h.context else h.chunk.text for h in hits), a) for a in right):
            continue
        keys = [k for k in _keys(right) if k]

        def holds(text: str) -> bool:
            low = text.lower()
            return any(k in low for k in keys) and any(contains(text, a) for a in right)

        cand_texts = [ch["text"] for ch in index.catalog.get_chunks(set(c.dense) | set(c.lexical)).values()]
        dated = (ch["text"] for ch in chunks if (ch["published"] or "")[:10] <= str(until))
        kind = miss_kind(holds, candidates=cand_texts, top_articles=[article[h.chunk.doc_id] for h in hits],
                         gold_articles=[article[g] for g in gold], dated_texts=dated)
        rows.append({"id": q["id"], "kind": kind, "gold_in_index": bool(gold)})
    counts = collections.Counter(r["kind"] for r in rows)
    report = {"questions": len(questions), "misses": len(rows), "kinds": {k: counts.get(k, 0) for k in KINDS},
              "with_gold_article": {k: sum(1 for r in rows if r["kind"] == k and r["gold_in_index"]) for k in KINDS},
              "hit1_misses": hit1}
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), **report, "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
