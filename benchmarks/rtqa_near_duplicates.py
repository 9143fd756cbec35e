"""Is the top 1 that misses the gold article the same outlet's other report of it, and would collapsing near-duplicate
reports help? Fit half of RealTime QA only.

    python benchmarks/rtqa_near_duplicates.py --data-dir DIR --collection techsec --cache C.pkl

For each fit-half question with a gold article (``evals.rtqa_answers.half``), its cached candidates
(``benchmarks/rtqa_ablation.py``'s pickle) are ranked by the shipped ranking (``HybridRetriever.rank``, one passage
per article, the first ``DEPTH`` articles, as of the quiz date). For a question whose top 1 is not the gold story it
prints whether the top article has the gold article's publisher and a date within ``DAYS`` days, and the Jaccard
overlap of their word 5-shingles (the text) and headline words. Then it simulates a collapse of near-duplicate
reports — two articles of one publisher within ``DAYS`` days whose overlap (text or headline) reaches a threshold
are one, kept as the newest at the group's best place — and prints gold hit@1, MRR@10, hit@10 per threshold and on
how many questions the top 10 changed. The ingest already joins near-duplicates (MinHash Jaccard ≥
``dedup.near_dup_threshold``, one copy per story; ``newest_versions_first`` per thread), so a threshold at or above
that changes nothing by construction.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import re
from datetime import date
from typing import Callable, Sequence

import numpy as np

from evals.realtimeqa import GoldLookup, load_questions, question_date
from evals.rtqa_answers import half
from rag.retrieve import HybridRetriever
from rag.types import SearchFilters
from rtqa_cv import index_arguments, jaccard, open_with_candidates

DEPTH = 40
DAYS = 3
THRESHOLDS = (("text", 0.5), ("text", 0.3), ("text", 0.1), ("title", 0.5), ("title", 0.3))
_WORD = re.compile(r"[a-z0-9]+")


def shingles(text: str | None, n: int = 5) -> set[tuple[str, ...]]:
    """The text's word n-grams (lower-cased alphanumeric words)."""
    w = _WORD.findall((text or "").lower())
    return {tuple(w[i:i + n]) for i in range(max(0, len(w) - n + 1))}


class Articles:
    """Publisher, date, headline words and text shingles of indexed articles, read once each."""

    def __init__(self, index) -> None:
        self.index, self._seen = index, {}

    def __getitem__(self, doc_id: str) -> dict:
        if doc_id not in self._seen:
            m = dict(self.index.catalog.get_document(doc_id))
            m["shingles"] = shingles(" ".join(c["text"] for c in self.index.catalog.chunks_for(doc_id)))
            m["title_words"] = set(_WORD.findall((m.get("title") or "").lower()))
            m["day"] = date.fromisoformat(m["published"][:10]) if m.get("published") else None
            self._seen[doc_id] = m
        return self._seen[doc_id]

    def same_outlet_near(self, a: str, b: str, days: int = DAYS) -> bool:
        x, y = self[a], self[b]
        return bool(x["publisher"] == y["publisher"] and x["day"] and y["day"] and abs((x["day"] - y["day"]).days) <= days)

    def overlap(self, a: str, b: str, kind: str) -> float:
        key = "shingles" if kind == "text" else "title_words"
        return jaccard(self[a][key], self[b][key])


def collapse(order: Sequence[str], arts: Articles, kind: str, threshold: float) -> list[str]:
    """``order`` (doc ids, best first) with same-outlet near-duplicates (within ``DAYS`` days, overlap ≥ threshold)
    merged into one entry at the group's best place, the newest of the group."""
    out: list[str] = []
    for d in order:
        j = next((i for i, o in enumerate(out) if arts.same_outlet_near(o, d) and arts.overlap(o, d, kind) >= threshold), None)
        if j is None:
            out.append(d)
        elif (arts[d].get("published") or "") > (arts[out[j]].get("published") or ""):
            out[j] = d
    return out


def gold_metrics(ranked: dict[str, list[str]], questions: Sequence[dict], golds: GoldLookup,
                 reorder: Callable[[list[str]], list[str]]) -> tuple[float, float, float, int]:
    """(hit@1, MRR@10, hit@10, questions whose top 10 changed) of ``reorder`` applied to each question's article order."""
    h1, rr, h10, changed = [], [], [], 0
    for q in questions:
        order = ranked[q["id"]]
        new = reorder(order)[:10]
        changed += new != order[:10]
        gold = {golds.story(d) for d in golds.gold_docs(q)}
        rank = next((i + 1 for i, d in enumerate(new) if golds.story(d) in gold), None)
        h1.append(rank == 1)
        rr.append(1 / rank if rank else 0.0)
        h10.append(rank is not None)
    return float(np.mean(h1)), float(np.mean(rr)), float(np.mean(h10)), changed


def main(argv: Sequence[str] | None = None) -> None:
    ap = index_arguments(__doc__)
    args = ap.parse_args(argv)

    settings, index, cands = open_with_candidates(args.data_dir, args.collection, args.cache)
    golds = GoldLookup.of(index)
    questions = [q for q in load_questions(args.data, limit=None, gold_only=False) if half(q["id"]) == "fit" and golds.gold_docs(q)]
    retriever = HybridRetriever(index, settings.retrieval)
    arts = Articles(index)
    ranked = {}
    for q in questions:
        hits = retriever.rank(cands[q["id"]], k=DEPTH, filters=SearchFilters(until=question_date(q)), max_per_doc=1)
        ranked[q["id"]] = list(dict.fromkeys(h.chunk.metadata["doc_id"] for h in hits))
    print(f"fit half, {len(questions)} questions with a gold article")
    for q in questions:
        top, gold = ranked[q["id"]][0], golds.gold_docs(q)
        if golds.story(top) in {golds.story(d) for d in gold}:
            continue
        same = any(arts.same_outlet_near(top, g) for g in gold)
        print(f"miss at 1: same outlet within {DAYS} d: {same}; text 5-shingle Jaccard "
              f"{max(arts.overlap(top, g, 'text') for g in gold):.2f}, headline words {max(arts.overlap(top, g, 'title') for g in gold):.2f}")
    print("shipped ranking: hit@1 %.3f MRR@10 %.3f hit@10 %.3f (top 10 changed on %d)" % gold_metrics(ranked, questions, golds, list))
    for kind, t in THRESHOLDS:
        m = gold_metrics(ranked, questions, golds, lambda o, kind=kind, t=t: collapse(o, arts, kind, t))
        print(f"collapse, {kind} overlap >= {t}: hit@1 %.3f MRR@10 %.3f hit@10 %.3f (top 10 changed on %d)" % m)


if __name__ == "__main__":
    main()
