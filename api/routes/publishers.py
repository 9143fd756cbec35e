"""The corpus's publishers: the names a publisher filter can take, for clients to offer (the page's publisher list)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import AuthDep, IndexDep
from api.schemas import ErrorBody, PublisherList, PublisherOut

router = APIRouter(prefix="/v1", tags=["documents"], dependencies=[AuthDep])


@router.get("/publishers", response_model=PublisherList, summary="Every publisher of the indexed documents, most documents first",
            responses={401: {"model": ErrorBody}})
def list_publishers(index: IndexDep):
    counts = index.catalog.publishers()
    return PublisherList(items=[PublisherOut(name=name, documents=n) for name, n in counts.items()], total=len(counts))
