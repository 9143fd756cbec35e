"""Hybrid retrieval: dense (Chroma) + BM25 (bm25s), reciprocal rank fusion, per-article and per-story grouping."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from rag.catalog import chunk_from_row
from rag.config import RetrievalSettings
from rag.errors import QueryError
from rag.facts import differing_facts
from rag.index import CorpusIndex
from rag.text.align import locate
from rag.text.dates import parse_date
from rag.text.normalize import embed_form
from rag.types import SearchFilters, SearchHit


def validate_query(query: str, *, max_chars: int) -> str:
    """Strip the query; empty or over-long queries are refused with a clear message."""
    q = (query or "").strip()
    if not q:
        raise QueryError("The query is empty.", help_message="ask a question or give a topic")
    if len(q) > max_chars:
        raise QueryError(
            f"The query is {len(q)} characters long; the limit is {max_chars}.",
            help_message="shorten it or raise BRIEF_RETRIEVAL__MAX_QUERY_CHARS",
        )
    return q


def make_filters(since: str | None = None, until: str | None = None, publishers: Sequence[str] = ()) -> SearchFilters:
    """Parse user date bounds (any common format) into inclusive ISO filters."""
    s = parse_date(since) if since else None
    u = parse_date(until) if until else None
    if since and s is None:
        raise QueryError(f"Cannot read the date {since!r}.", help_message="use YYYY-MM-DD")
    if until and u is None:
        raise QueryError(f"Cannot read the date {until!r}.", help_message="use YYYY-MM-DD")
    if s and u and s > u:
        raise QueryError(f"--since {s} is after --until {u}.")
    return SearchFilters(since=s, until=u, publishers=tuple(p for p in publishers if p))


def _thread(row: dict) -> str:
    return row.get("thread_id") or row.get("story_id") or row["doc_id"]


def _recency(row: dict) -> tuple[str, float]:
    return (row.get("published") or "", float(row.get("added_at") or 0.0))


def newest_versions_first(order: list[str], rows: dict[str, dict]) -> list[str]:
    """Chunk ids with each thread (versions of one story) shown by its newest document only, at the thread's best rank.

    An update or correction and the version it replaces share a thread; when both are found, the older one's
    passages give way, and the newest document's best passage takes the thread's highest position. A version
    outside the filters is not in ``order`` and so does not displace anything.
    """
    newest: dict[str, dict] = {}
    first_pos: dict[str, int] = {}
    for pos, cid in enumerate(order):
        row = rows.get(cid)
        if row is None:
            continue
        thread = _thread(row)
        first_pos.setdefault(thread, pos)
        if thread not in newest or _recency(row) > _recency(newest[thread]):
            newest[thread] = row
    placed: set[str] = set()
    keyed: list[tuple[float, str]] = []
    for pos, cid in enumerate(order):
        row = rows.get(cid)
        if row is None:
            continue
        thread = _thread(row)
        if row["doc_id"] != newest[thread]["doc_id"]:
            continue
        if thread not in placed:  # the newest document's best passage moves up to where its thread first appeared
            placed.add(thread)
            keyed.append((first_pos[thread] - 0.5 if first_pos[thread] < pos else pos, cid))
        else:
            keyed.append((pos, cid))
    return [cid for _, cid in sorted(keyed)]


def version_notes(doc_id: str, thread_docs: list[dict]) -> list[dict]:
    """For a hit's document: the other versions of its story (other stories of its thread) and what each says."""
    me = next((d for d in thread_docs if d["doc_id"] == doc_id), None)
    if me is None:
        return []
    notes = []
    for d in thread_docs:
        if d["story_id"] == me["story_id"]:
            continue  # same facts: an outlet of this story, listed in also_reported_by
        relation = "earlier" if _recency(d) < _recency(me) else "later"
        says = differing_facts(d["facts"], me["facts"])
        who = ", ".join(x for x in (d.get("publisher") or d.get("title") or d["doc_id"], d.get("published")) if x)
        notes.append({
            "doc_id": d["doc_id"], "relation": relation, "publisher": d.get("publisher") or "", "published": d.get("published"),
            "says": says, "note": f"{relation} version: {who}" + (f", says {', '.join(says[:3])}" if says else ""),
        })
    return notes


def rrf(rankings: Sequence[Sequence[str]], *, k: int = 60) -> dict[str, float]:
    """Reciprocal rank fusion: sum of 1 / (k + rank) over the rankings an item appears in."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores


#: Dense candidates fetched per wanted candidate when only dates are filtered (see ``dense_date_filtered``).
DATE_OVERFETCH = 4


def dense_date_filtered(store, lexical, vec, *, k: int, filters: SearchFilters, overfetch: int) -> list:
    """The k nearest chunks meeting date bounds: over-fetch ``k * overfetch`` unfiltered, keep those in bounds.

    Chroma's metadata-filtered query was the slowest part of a dated search; the nearest neighbours in bounds
    are the first in-bounds ones of the unfiltered ranking, and the BM25 index already holds every chunk's
    date. When fewer than k survive (a narrow date range), the filtered Chroma query runs instead, so the
    result is never shorter than with the filter alone. ``overfetch`` < 2 means always the filtered query.
    """
    if overfetch < 2:
        return store.query(vec, k=k, filters=filters)
    got = store.query(vec, k=k * overfetch)
    kept = [d for d, ok in zip(got, lexical.passes([d.chunk_id for d in got], filters)) if ok]
    if len(kept) >= k or len(got) < k * overfetch:  # enough, or the whole collection was read
        return kept[:k]
    return store.query(vec, k=k, filters=filters)


class HybridRetriever:
    """Dense + BM25 over one CorpusIndex, fused with RRF, then grouped so one article or story cannot fill the list."""

    def __init__(self, index: CorpusIndex, settings: RetrievalSettings | None = None, *, date_overfetch: int = DATE_OVERFETCH) -> None:
        self.index = index
        self.settings = settings or index.settings.retrieval
        #: dense candidates per wanted one for date-only filters; < 2 sends the date filter to Chroma instead
        self.date_overfetch = date_overfetch

    def describe(self) -> dict:
        s = self.settings
        return {
            "mode": "hybrid-rrf", "candidates": s.candidates, "rrf_k": s.rrf_k, "max_per_doc": s.max_per_doc,
            "embedding_model": self.index.embedder.model_id, "collection": self.index.collection,
        }

    def search(
        self,
        query: str,
        *,
        k: int | None = None,
        filters: SearchFilters | None = None,
        max_per_doc: int | None = None,
    ) -> list[SearchHit]:
        """The top-k passages for the query: fused, filtered in the stores, at most ``max_per_doc`` per article."""
        s = self.settings
        q = validate_query(query, max_chars=s.max_query_chars)
        k = k or s.top_k
        if k < 1 or k > 200:
            raise QueryError(f"k must be between 1 and 200, got {k}.")
        filters = filters or SearchFilters()
        per_doc = max_per_doc or s.max_per_doc
        n_cand = max(s.candidates, k * 4)

        vec = self.index.query_vectors.get(embed_form(q))  # as passages are embedded (embedding_text)
        dense_filters = filters
        if filters.publishers and not self.index.store.keyed:  # a v1 collection: its chunks carry names, not keys
            dense_filters = replace(filters, publishers=tuple(self.index.catalog.publisher_names(filters.publishers)))
            if not dense_filters.publishers:
                return []
        lexical_index = self.index.lexical()
        if filters.publishers or filters.is_empty():
            dense = self.index.store.query(vec, k=n_cand, filters=dense_filters)
        else:
            dense = dense_date_filtered(self.index.store, lexical_index, vec, k=n_cand, filters=filters, overfetch=self.date_overfetch)
        lexical = lexical_index.query(q, k=n_cand, filters=filters)
        dense_ids = [d.chunk_id for d in dense]
        lex_ids = [r.chunk_id for r in lexical]
        fused = rrf([dense_ids, lex_ids], k=s.rrf_k)
        dense_rank = {cid: i + 1 for i, cid in enumerate(dense_ids)}
        dense_sim = {d.chunk_id: d.similarity for d in dense}
        lex_rank = {cid: i + 1 for i, cid in enumerate(lex_ids)}
        order = sorted(fused, key=lambda cid: (-fused[cid], cid))
        rows = self.index.catalog.get_chunks(order)
        order = newest_versions_first(order, rows)

        hits: list[SearchHit] = []
        per_doc_count: dict[str, int] = {}
        story_of_first_doc: dict[str, str] = {}
        for cid in order:
            row = rows.get(cid)
            if row is None:  # deleted since the vectors were read
                continue
            story = row.get("story_id") or row["doc_id"]
            lead_doc = story_of_first_doc.setdefault(story, row["doc_id"])
            if lead_doc != row["doc_id"]:
                continue  # a republished copy of a story already in the list
            if per_doc_count.get(row["doc_id"], 0) >= per_doc:
                continue
            per_doc_count[row["doc_id"]] = per_doc_count.get(row["doc_id"], 0) + 1
            hits.append(
                SearchHit(
                    chunk=chunk_from_row(row), score=fused[cid], rank=len(hits) + 1,
                    dense_rank=dense_rank.get(cid), bm25_rank=lex_rank.get(cid), dense_score=dense_sim.get(cid),
                    source=locate(row.get("source_map"), row["start"], row["end"]), source_map=row.get("source_map"),
                )
            )
            if len(hits) >= k:
                break
        self._attach_outlets(hits)
        self._attach_versions(hits)
        return hits

    def _attach_versions(self, hits: list[SearchHit]) -> None:
        keys = [h.chunk.metadata.get("thread_id") or h.chunk.doc_id for h in hits]
        threads = self.index.catalog.thread_versions(set(keys))
        for h, key in zip(hits, keys):
            docs = threads.get(key)
            if docs:
                h.other_versions = version_notes(h.chunk.doc_id, docs)

    def _attach_outlets(self, hits: list[SearchHit]) -> None:
        stories = {h.chunk.metadata.get("story_id") for h in hits}
        outlets = self.index.catalog.story_outlets([s for s in stories if s])
        for h in hits:
            docs = outlets.get(h.chunk.metadata.get("story_id"), [])
            h.also_reported_by = [
                d.get("publisher") or d.get("title") or d["doc_id"] for d in docs if d["doc_id"] != h.chunk.doc_id
            ]
