"""A second read of the lead article: its passages the evidence cap left out (issue 10, item 8: answers that answer).

The evidence for an answer takes at most ``generation.evidence_per_doc`` passages of one article, so the sentence
that gives the asked value may sit in a passage of the answer's own article that was never read ("Nearly 200
Chinese suppliers have been added to the Entity List recently" is the essay's 4th-ranked passage under a cap of 3).
Raising the cap for every question costs other questions (s27: RealTime QA fit half 0.411 → 0.406, follow-ups 0.895
→ 0.842); reading the rest of one article only when the answer lacks its value does not touch them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Sequence

from rag.catalog import chunk_from_row
from rag.chunking import chunk_id_for
from rag.types import SearchHit

__all__ = ["MAX_PASSAGES", "other_passages", "catalog_hit"]

#: at most this many passages of the lead article are read again (the article's first ones in order): a long
#: article's later passages past this are not (a RealTime QA story holds at most ~20 passages of 500 characters)
MAX_PASSAGES = 24


def other_passages(lead: SearchHit, read: Sequence[SearchHit], n_chunks: int,
                   get_chunks: Callable[[list[str]], dict[str, dict[str, Any]]], *,
                   limit: int = MAX_PASSAGES) -> list[SearchHit]:
    """The passages of ``lead``'s article that ``read`` lacks, in the article's order, as search hits (score 0.0,
    ranked after ``read``), each with ``lead``'s document metadata and source map (so a quote from one is located in
    the original file as the lead's are).

    ``n_chunks``: how many passages the article has (the catalog's ``n_chunks``); ``get_chunks``:
    ``Catalog.get_chunks`` (chunk id -> row; ids it lacks are left out); ``limit``: at most this many of the
    article's passages are looked at (``MAX_PASSAGES``). Returns [] when the article has no other passage."""
    have = {h.chunk.chunk_id for h in read}
    wanted = [cid for cid in (chunk_id_for(lead.chunk.doc_id, i) for i in range(min(n_chunks, limit))) if cid not in have]
    rows = get_chunks(wanted) if wanted else {}
    out: list[SearchHit] = []
    for cid in wanted:
        if cid in rows:
            out.append(catalog_hit(rows[cid], lead, len(read) + len(out) + 1))
    return out


def catalog_hit(row: dict[str, Any], lead: SearchHit, rank: int) -> SearchHit:
    """A passage read from the catalog (``Catalog.get_chunks`` row) as a search hit of ``lead``'s document: score
    0.0, ``rank``, with ``lead``'s document metadata and source map."""
    chunk = replace(chunk_from_row(row), metadata=dict(lead.chunk.metadata))
    return SearchHit(chunk=chunk, score=0.0, rank=rank, source_map=lead.source_map)
