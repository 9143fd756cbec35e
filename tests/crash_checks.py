"""What the crash tests check after a rerun, computed in a fresh process (``tests/crash_runner.py``, ``kind: call``).

``state(query)`` opens the index of ``BRIEF_DATA_DIR`` and returns plain data: the doctor's problems, the catalog's
documents and chunks, Chroma's vectors (chunk id → the doc_id in its metadata), the BM25 index on disk and a search.
"""

from __future__ import annotations

from collections import Counter


def state(query: str) -> dict:
    """Everything the crash tests compare, as JSON-ready data."""
    from rag.config import get_settings
    from rag.doctor import check
    from rag.index import open_index
    from rag.lexical import LexicalIndex
    from rag.retrieve import HybridRetriever

    index = open_index(get_settings())
    report = check(index)
    docs, total = index.catalog.list_documents(limit=1_000_000, status=None)
    chunks = {row["chunk_id"]: row["doc_id"] for row in index.catalog.all_chunks()}
    vectors = index.store.chunk_documents()
    bm25_dir = index.bm25_path()
    bm25_ids = LexicalIndex.load(bm25_dir).chunk_ids if (bm25_dir / "rows.json").is_file() else None
    leftovers = sorted(p.name for p in (index.root / "bm25").iterdir() if p != bm25_dir)
    hits = HybridRetriever(index).search(query, k=5)
    return {
        "problems": [p.kind for p in report.problems],
        "documents": sorted(d["doc_id"] for d in docs),
        "statuses": sorted({d["status"] for d in docs}),
        "documents_total": total,
        "n_chunks": {d["doc_id"]: d["n_chunks"] for d in docs},
        "chunks": sorted(chunks),
        "chunks_per_doc": dict(Counter(chunks.values())),
        "vectors": sorted(vectors),
        "vector_count": index.store.count(),
        "vectors_per_doc": dict(Counter(vectors.values())),
        "bm25": bm25_ids,
        "bm25_leftovers": leftovers,
        "hits": [h.chunk.doc_id for h in hits],
    }


def problems() -> dict:
    """The doctor's findings (kind → count) and counts, without searching (a search would build BM25)."""
    from rag.config import get_settings
    from rag.doctor import check
    from rag.index import open_index

    report = check(open_index(get_settings()))
    return {"problems": {p.kind: p.count for p in report.problems}, "counts": report.counts}
