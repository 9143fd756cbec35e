"""Before/after equality of search results over the dev questions: same hits, same order, same fields.

    # with the old code (e.g. PYTHONPATH=/path/to/old/checkout), record its hits and Chroma's answers:
    python benchmarks/search_equality.py record --data-dir /tmp/full --out /tmp/before
    # with the new code, replay Chroma's answers and compare (its hits: /tmp/before/hits.replay.jsonl):
    python benchmarks/search_equality.py replay --data-dir /tmp/full --out /tmp/before

Chroma's HNSW index answers a query the same way every time within a process, but not always across
processes (on the full corpus 2 of 760 searches got a different 38th/49th neighbour in a second process with
the same code). So ``record`` stores every nearest-neighbour answer Chroma gave (keyed by query vector,
number of results, ``where`` clause) and ``replay`` serves them back: everything this project does with
them — BM25, fusion, catalog reads, grouping, versions, source spans — is compared exactly, and a query
the new code asks Chroma that the old code did not ask is reported, not answered.

Each question is searched twice (no filter; ``until`` = its quiz date), k = 8. Exit status 1 when any
hit list differs.

``--store-search`` sets ``chroma.search`` for the run. Code that answers undated dense queries exactly (from the
snapshot's saved matrix, ``rag.exact_dense``) asks Chroma nothing for them; ``replay`` then also compares, for
each undated search, the dense candidates HNSW gave the recorded code (on the tape) with the exact ones:
``hnsw_missed`` counts the exact top-n passages HNSW's top n lacked (n = the search's candidate count).
"""

from __future__ import annotations

import rag  # noqa: F401  (process environment first)

import argparse
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

from benchlib import DEFAULT_DATA


def hit_record(hit) -> dict:
    """Everything a hit shows, floats included."""
    return {
        "chunk_id": hit.chunk.chunk_id, "score": hit.score, "rank": hit.rank, "dense_rank": hit.dense_rank,
        "bm25_rank": hit.bm25_rank, "dense_score": hit.dense_score, "also_reported_by": hit.also_reported_by,
        "other_versions": hit.other_versions, "source": hit.source, "text": hit.chunk.text, "metadata": hit.chunk.metadata,
    }


class ChromaTape:
    """Records (or replays) ``Collection.query`` answers; ``missing`` counts replayed queries never recorded."""

    def __init__(self, path: Path, mode: str) -> None:
        from chromadb.api.models.Collection import Collection

        self.path, self.mode, self.missing = path, mode, 0
        #: the collection's size, set once the index is open: answers are keyed by n clipped to it, since older
        #: code asked Chroma for min(k, count) results and newer code for k
        self.count = 10**9
        self.answers: dict = pickle.loads(path.read_bytes()) if mode == "replay" else {}
        original = Collection.query
        tape = self

        def query(collection, *args, **kwargs):
            key = tape.key(kwargs, min(int(kwargs["n_results"]), tape.count))
            if tape.mode == "replay":
                if key not in tape.answers:
                    tape.missing += 1
                    return {"ids": [[]], "distances": [[]]}
                return tape.answers[key]
            res = original(collection, *args, **kwargs)
            tape.answers[key] = {"ids": res["ids"], "distances": res["distances"]}
            return res

        Collection.query = query

    def key(self, kwargs: dict, n: int) -> tuple:
        vec = np.asarray(kwargs["query_embeddings"][0], dtype=np.float32)
        return hashlib.sha1(vec.tobytes()).hexdigest(), n, json.dumps(kwargs.get("where"), sort_keys=True)

    def save(self) -> None:
        self.path.write_bytes(pickle.dumps(self.answers))


def hnsw_against_exact(index, retriever, questions: list[dict], tape: ChromaTape) -> dict | None:
    """For each question's undated search: the exact dense top n (this code's, ``index.exact_searcher``) against the
    HNSW top n on the tape (what the recorded code got); None when this code has no exact searcher."""
    from rag.ranking import question_core
    from rag.retrieve import validate_query
    from rag.text.normalize import embed_form

    exact = index.exact_searcher() if hasattr(index, "exact_searcher") else None
    if exact is None:
        return None
    s = retriever.settings
    missed, compared = [], 0
    for q in questions:
        text = validate_query(q["question"], max_chars=s.max_query_chars)
        text = question_core(text) if s.strip_scaffolding else text
        vec = index.query_vectors.get(embed_form(text))
        n = max(s.candidates, 8 * 4)
        taped = tape.answers.get(tape.key({"query_embeddings": [vec], "where": None}, min(n, tape.count)))
        if taped is None:
            continue
        compared += 1
        want = {d.chunk_id for d in exact.query(vec, k=n)}
        missed.append(len(want - set(taped["ids"][0])))
    return {"searches": compared, "n": max(s.candidates, 32), "hnsw_missed": sum(missed),
            "searches_with_a_miss": sum(1 for m in missed if m), "max_missed": max(missed, default=0)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["record", "replay"])
    parser.add_argument("--data-dir", required=True, help="an index built by benchmarks/ingest.py (only read)")
    parser.add_argument("--out", required=True, help="directory for hits.jsonl and chroma.tape (record) / read from (replay)")
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="directory with questions-dev.jsonl")
    parser.add_argument("--limit-questions", type=int, default=None)
    parser.add_argument("--store-search", choices=["exact", "hnsw"], default=None,
                        help="chroma.search for this run (default: the settings'); old code without it ignores it")
    args = parser.parse_args(argv)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tape = ChromaTape(out / "chroma.tape", args.mode)

    from rag.config import Settings
    from rag.index import CorpusIndex
    from rag.retrieve import HybridRetriever, make_filters

    questions = [json.loads(line) for line in (Path(args.data) / "questions-dev.jsonl").open(encoding="utf-8") if line.strip()]
    questions = questions[: args.limit_questions] if args.limit_questions else questions
    settings = Settings(data_dir=Path(args.data_dir))
    if args.store_search and "search" in type(settings.chroma).model_fields:
        settings = settings.model_copy(update={"chroma": settings.chroma.model_copy(update={"search": args.store_search})})
    index = CorpusIndex(settings)
    tape.count = index.store.count()
    retriever = HybridRetriever(index)
    lines = []
    cpu = time.process_time()
    for q in questions:
        for filters in (None, make_filters(until=q["date"])):
            hits = retriever.search(q["question"], k=8, filters=filters)
            lines.append(json.dumps([hit_record(h) for h in hits], sort_keys=True, default=str))
    cpu = time.process_time() - cpu
    dense = hnsw_against_exact(index, retriever, questions, tape) if args.mode == "replay" else None
    index.close()

    if args.mode == "record":
        tape.save()
        (out / "hits.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"recorded {len(lines)} searches ({cpu:.1f} s CPU) in {out}")
        return 0
    (out / "hits.replay.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")  # to read what differs
    before = (out / "hits.jsonl").read_text(encoding="utf-8").splitlines()
    differ = [i for i, (a, b) in enumerate(zip(before, lines)) if a != b]
    order_differs = [
        i for i in differ if [h["chunk_id"] for h in json.loads(before[i])] != [h["chunk_id"] for h in json.loads(lines[i])]
    ]
    print(json.dumps({
        "searches": len(lines), "recorded": len(before), "identical": len(lines) - len(differ) if len(before) == len(lines) else 0,
        "differ": differ, "hit_lists_differ": order_differs, "chroma_queries_not_recorded": tape.missing, "cpu_s": round(cpu, 1),
        "undated_dense_hnsw_against_exact": dense,
    }))
    return 0 if len(before) == len(lines) and not differ and not tape.missing else 1


if __name__ == "__main__":
    sys.exit(main())
