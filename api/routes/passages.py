"""One passage by chunk id, with its document's metadata (what a citation opens on the page)."""

from __future__ import annotations

from fastapi import APIRouter, Path

from api.deps import AuthDep, IndexDep, PathsDep
from api.errors import not_found
from api.schemas import ErrorBody, PassageOut

router = APIRouter(prefix="/v1", tags=["documents"], dependencies=[AuthDep])


@router.get(
    "/passages/{chunk_id}",
    response_model=PassageOut,
    summary="A passage (chunk) with its document's title, publisher, date, URL and source path",
    description="Citations carry `chunk_id` and a `start`/`end` span in the document's text; the span lies within "
    "the passage's `start`..`end`, so `text[c.start - start : c.end - start]` is the cited quote.",
    responses={401: {"model": ErrorBody}, 404: {"model": ErrorBody}},
)
def get_passage(index: IndexDep, paths: PathsDep, chunk_id: str = Path(min_length=1, max_length=160)):
    row = index.catalog.get_chunks([chunk_id]).get(chunk_id)
    if row is None:
        raise not_found("passage", chunk_id)
    return PassageOut(**{**{k: row.get(k) for k in PassageOut.model_fields}, "source_path": paths.path(row.get("source_path") or "")})
