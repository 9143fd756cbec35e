"""Briefs: generate (sync or as a job), list, fetch (JSON or Markdown), diff two briefs; job status."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse

from rag.brief import Brief
from rag.diff import diff_briefs
from rag.inert import visible_controls
from rag.render import brief_markdown

from api.deps import AuthDep, EngineDep, ServicesDep, check_query, filters_from, resolve_template
from api.errors import not_found
from api.responses import InertJSONResponse as JSONResponse
from api.schemas import (
    TEMPLATE_PATTERN,
    BriefDiffOut,
    BriefMarkdown,
    BriefRequest,
    BriefSummary,
    ErrorBody,
    JobAccepted,
    JobOut,
    Page,
)

router = APIRouter(prefix="/v1", tags=["briefs"], dependencies=[AuthDep])

ERRORS = {401: {"model": ErrorBody, "description": "Missing or invalid API key."}, 422: {"model": ErrorBody, "description": "Invalid request."}}


def IdPath():  # a fresh Path() per parameter (FastAPI binds the FieldInfo to one parameter name)
    return Path(min_length=1, max_length=128, description="Brief id (16 hex characters).")


@router.post(
    "/briefs",
    response_model=Brief | BriefMarkdown,
    summary="Write a cited, citation-checked brief",
    description=(
        "Retrieves evidence, writes a draft and verifies every citation. The brief is stored "
        "(GET /v1/briefs/{id}). `format=json` returns the Brief; `format=markdown` returns "
        "`{\"id\", \"markdown\"}`. With `\"async\": true` the answer is **202** with a job id; poll "
        "GET /v1/jobs/{job_id} and fetch the brief when it is done."
    ),
    responses={
        **ERRORS,
        202: {"model": JobAccepted, "description": "Queued (async=true)."},
        503: {"model": ErrorBody, "description": "LLM backend unavailable and no fallback."},
        504: {"model": ErrorBody, "description": "LLM backend timed out."},
    },
)
async def create_brief(body: BriefRequest, services: ServicesDep, engine: EngineDep):
    topic = check_query(services, body.topic)
    template = resolve_template(services, body.template)
    filters = filters_from(body.since, body.until, body.publishers, catalog=engine.index.catalog)

    def make() -> Brief:
        return engine.write(topic, template=template, filters=filters)

    if body.async_:
        job = services.jobs.submit(body.model_dump(by_alias=True), make)
        accepted = JobAccepted(job_id=job.id, status="queued", location=f"/v1/jobs/{job.id}")
        return JSONResponse(accepted.model_dump(), status_code=202, headers={"Location": accepted.location})
    brief = await run_in_threadpool(make)
    await run_in_threadpool(services.store.save, brief)
    brief = await run_in_threadpool(lambda: services.public_paths().brief(brief))  # stored as written, shown corpus-relative
    if body.format == "markdown":
        return BriefMarkdown(id=brief.id, markdown=brief_markdown(brief))
    return brief


@router.get("/briefs", response_model=Page[BriefSummary], summary="List stored briefs and answers, newest first", responses=ERRORS)
def list_briefs(
    services: ServicesDep,
    offset: int = Query(0, ge=0, le=1_000_000),
    limit: int = Query(20, ge=1, le=100),
    template: str | None = Query(None, pattern=TEMPLATE_PATTERN, description="Only this template."),
    topic: str | None = Query(None, max_length=500, description="Only topics containing this text (case-insensitive)."),
    kind: Literal["brief", "answer"] | None = Query(None, description="Only briefs or only answers."),
):
    items, total = services.store.list(offset=offset, limit=limit, template=template, topic=topic, kind=kind)
    return Page[BriefSummary](items=[BriefSummary(**i) for i in items], total=total, offset=offset, limit=limit)


@router.get(
    "/briefs/{brief_id}",
    response_model=Brief,
    summary="Fetch a stored brief",
    description="`?format=markdown` returns `text/markdown` (the brief id is in the `X-Brief-Id` header).",
    responses={**ERRORS, 404: {"model": ErrorBody}, 200: {"content": {"text/markdown": {"schema": {"type": "string"}}}}},
)
def get_brief(
    services: ServicesDep,
    brief_id: str = IdPath(),
    format: Literal["json", "markdown"] = Query("json"),
):
    brief = services.store.get(brief_id)
    if brief is None:
        raise not_found("brief", brief_id)
    brief = services.public_paths().brief(brief)
    if format == "markdown":
        return PlainTextResponse(visible_controls(brief_markdown(brief)), media_type="text/markdown; charset=utf-8", headers={"X-Brief-Id": brief.id})
    return brief


@router.get(
    "/briefs/{brief_id}/diff/{other_id}",
    response_model=BriefDiffOut,
    summary="Claims added, dropped and changed from one brief to another",
    description="Claims are matched on text: identical = unchanged; difflib ratio >= threshold = changed.",
    responses={**ERRORS, 404: {"model": ErrorBody}},
)
def diff(
    services: ServicesDep,
    brief_id: str = IdPath(),
    other_id: str = IdPath(),
    threshold: float = Query(0.6, ge=0.1, le=1.0, description="Similarity at which a reworded claim counts as changed."),
):
    base = services.store.get(brief_id)
    if base is None:
        raise not_found("brief", brief_id)
    other = services.store.get(other_id)
    if other is None:
        raise not_found("brief", other_id)
    return diff_briefs(base, other, threshold=threshold).to_dict()


@router.get("/jobs/{job_id}", response_model=JobOut, summary="Status of an async brief job", responses={**ERRORS, 404: {"model": ErrorBody}})
def get_job(services: ServicesDep, job_id: str = Path(min_length=1, max_length=128)):
    job = services.jobs.get(job_id)
    if job is None:
        raise not_found("job", job_id)
    return JobOut(id=job.id, status=job.status, created_at=job.created_at, updated_at=job.updated_at, brief_id=job.brief_id,
                  error=job.error)
