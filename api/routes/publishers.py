"""The corpus's publishers: the names a publisher filter can take, for clients to offer (the page's publisher list), and
the documents that name none."""

from __future__ import annotations

from fastapi import APIRouter

from rag.catalog import NO_PUBLISHER, NO_PUBLISHER_FILTER

from api.deps import AuthDep, IndexDep
from api.schemas import ErrorBody, PublisherList, PublisherOut, WithoutPublisher

router = APIRouter(prefix="/v1", tags=["documents"], dependencies=[AuthDep])


@router.get("/publishers", response_model=PublisherList, summary="Every publisher of the indexed documents, most documents first",
            description="`items` are the names a publisher filter takes; `without_publisher` counts the documents that "
                        "name none (no publisher filter selects them: send none to include them).",
            responses={401: {"model": ErrorBody}})
def list_publishers(index: IndexDep):
    catalog = index.catalog
    counts = catalog.publishers()
    unnamed = catalog.documents_without_publisher()
    without = WithoutPublisher(name=NO_PUBLISHER, documents=unnamed, filter=NO_PUBLISHER_FILTER) if unnamed else None
    return PublisherList(items=[PublisherOut(name=name, documents=n) for name, n in counts.items()], total=len(counts),
                         without_publisher=without, documents=sum(counts.values()) + unnamed)
