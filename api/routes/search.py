"""Hybrid search (dense + BM25, fused) over the corpus."""

from __future__ import annotations

from fastapi import APIRouter, Query

from api.deps import AuthDep, IndexDep, PathsDep, ServicesDep, check_query, filters_from, query_filters
from api.schemas import MAX_PUBLISHERS, MAX_TEXT_CHARS, SINCE_DOC, UNTIL_DOC, ErrorBody, SearchResponse
from rag.date_bounds import MAX_DATE_CHARS

router = APIRouter(prefix="/v1", tags=["search"], dependencies=[AuthDep])


@router.get(
    "/search",
    response_model=SearchResponse,
    summary="Hybrid search with date and publisher filters",
    responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody}},
)
def search(
    services: ServicesDep,
    index: IndexDep,
    paths: PathsDep,
    q: str = Query(..., min_length=1, max_length=MAX_TEXT_CHARS, description="What to look for.", examples=["battery makers cybersecurity approval"]),
    k: int = Query(8, ge=1, le=50, description="Number of passages."),
    since: str | None = Query(None, max_length=MAX_DATE_CHARS, description=SINCE_DOC + ".", examples=["2026-01-01"]),
    until: str | None = Query(None, max_length=MAX_DATE_CHARS, description=UNTIL_DOC + "."),
    publisher: list[str] = Query([], max_length=MAX_PUBLISHERS, description="Only these publishers (repeatable; matched as in POST /v1/ask)."),
):
    from rag.retrieve import HybridRetriever

    query = check_query(services, q)
    bounds = query_filters(since, until, [p.strip() for p in publisher if p.strip()])
    filters = filters_from(bounds.since, bounds.until, bounds.publishers, catalog=index.catalog)
    hits = HybridRetriever(index).search(query, k=k, filters=filters)
    return SearchResponse(query=query, k=k, hits=[paths.hit(h.to_dict()) for h in hits])
