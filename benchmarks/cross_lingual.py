"""Cross-lingual retrieval and answering: English questions over Japanese, Chinese and Korean articles, and the reverse.

    python benchmarks/cross_lingual.py --data-dir /tmp/xl-bench [--json OUT]

Ingests ``evals/datasets/cross_lingual/articles`` (16 short articles written for this set: ten in Japanese, Chinese
(one in Traditional characters) and Korean, six in English, distractors of both kinds among them) into
``--data-dir`` (incremental: a second run reuses it), then asks each question of ``questions.jsonl`` (its ``gold``
article is in another language than the question) twice: with the cross-lingual keyword leg off
(``retrieval.bridge_weight`` 0: the ranking before ``rag/text/cross_lingual.py``) and on (the shipped weight). It
reports per direction and overall hit@1, MRR@10 and hit@10 of the gold article among ``search`` hits (k=10), and,
with ``--answers``, the share of questions whose ``ask`` answer (the offline extractive writer, bridge on) cites the
gold article without abstaining. The writer's side (stems and gloss of a CJK sentence) is on in both rows: only
retrieval is switched.
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from rag.config import Settings
from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever

DATA = Path(__file__).resolve().parent.parent / "evals" / "datasets" / "cross_lingual"


def questions() -> list[dict]:
    return [json.loads(line) for line in (DATA / "questions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_rank(hits, gold: str) -> int | None:
    """1-based rank of the first hit from the article file named ``gold``, or None."""
    for i, h in enumerate(hits, start=1):
        if Path(h.chunk.metadata.get("source_path") or "").name == gold:
            return i
    return None


def scores(ranks: list[int | None]) -> dict:
    n = len(ranks) or 1
    return {"n": len(ranks), "hit@1": round(sum(r == 1 for r in ranks) / n, 3),
            "mrr@10": round(sum(1.0 / r for r in ranks if r and r <= 10) / n, 3),
            "hit@10": round(sum(bool(r and r <= 10) for r in ranks) / n, 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", required=True, type=Path)
    ap.add_argument("--answers", action="store_true", help="also run ask on each question (the shipped settings)")
    ap.add_argument("--json", type=Path, help="write the report here")
    ap.add_argument("--weights", default="", help="comma-separated bridge weights to compare too (e.g. 1.5,2)")
    args = ap.parse_args()
    settings = Settings(data_dir=args.data_dir)
    index = CorpusIndex(settings)
    Ingestor(index).ingest_paths([DATA / "articles"])
    # a tree before rag/text/cross_lingual.py has no bridge weight: one row, its own ranking ("before")
    shipped = getattr(settings.retrieval, "bridge_weight", None)
    report: dict = {"rows": {}, "items": []}
    items = questions()
    extra = [(f"bridge {w}", float(w)) for w in args.weights.split(",") if w.strip()]
    rows = (("bridge off", 0.0), ("bridge on", shipped), *extra) if shipped is not None else (("before", None),)
    for label, weight in rows:
        update = {"bridge_weight": weight} if weight is not None else {}
        retriever = HybridRetriever(index, settings.retrieval.model_copy(update=update))
        by_dir: dict[str, list] = defaultdict(list)
        for q in items:
            rank = gold_rank(retriever.search(q["question"], k=10), q["gold"])
            by_dir["all"].append(rank)
            by_dir["to CJK" if q["direction"].startswith("en") else "to English"].append(rank)
            report["items"].append({"id": q["id"], "row": label, "rank": rank})
        report["rows"][label] = {d: scores(r) for d, r in by_dir.items()}
    index.close()
    if args.answers:
        from rag.pipeline import Engine

        engine = Engine.from_settings(settings)
        answered = defaultdict(list)
        for q in items:
            brief = engine.write(q["question"], template="answer")
            cited = {Path(s.source_path or "").name for s in brief.sources} if not brief.abstained else set()
            ok = q["gold"] in cited
            answered["all"].append(ok)
            answered["to CJK" if q["direction"].startswith("en") else "to English"].append(ok)
            report["items"].append({"id": q["id"], "row": "ask", "answered_from_gold": ok, "abstained": brief.abstained})
        report["answers"] = {d: round(sum(v) / len(v), 3) for d, v in answered.items()}
    for label, row in report["rows"].items():
        print(label, json.dumps(row))
    if "answers" in report:
        print("ask cites the gold article", json.dumps(report["answers"]))
    for item in report["items"]:
        print(json.dumps(item, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
