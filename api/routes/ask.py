"""Questions answered from the corpus: every sentence cited; optional server-sent-event streaming."""

from __future__ import annotations

import json
import logging
from typing import Any, AsyncIterator

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from sse_starlette import EventSourceResponse

from rag.brief import Brief
from rag.pipeline import DraftDiscarded
from rag.errors import BriefError
from rag.inert import inert_dumps, inert_json_text
from rag.render import answer_with_sources

from api.deps import AuthDep, EngineDep, Services, ServicesDep, check_query, filters_from, history_turns
from api.errors import brief_error, internal_error_body
from api.logging import request_id_var
from api.schemas import AskRequest, AskResponse, ErrorBody

router = APIRouter(prefix="/v1", tags=["ask"], dependencies=[AuthDep])
log = logging.getLogger("api.ask")

_END = object()

SSE_DOC = (
    "With `stream: true` the response is `text/event-stream` with events: `delta` — `{\"text\", \"verified\": false}` "
    "draft text as the writer produces it (NOT citation-checked: show it as an unverified draft); `discard` — "
    "`{\"reason\"}` the draft so far is void (the LLM failed; a labelled offline draft may follow as new `delta`s); "
    "`final` — the verified answer that replaces the draft, same body as the non-streaming response; `done` — "
    "`{\"id\"}`. A failure after the stream started is sent as an `error` event with the usual error body (plus "
    "`status` and `request_id`)."
)


def answer_payload(brief: Brief) -> AskResponse:
    """The response to a question: ``brief`` (with the paths the API shows, ``Services.public_paths``) rendered."""
    citations = [
        {
            "section": s.name,
            "text": c.text,
            "sources": sorted({cit.source for cit in c.citations if cit.source}),
            "verified": c.verified,
        }
        for s in brief.sections
        for c in s.claims
    ]
    sources = [s.model_dump() for s in (brief.sources or brief.closest_sources)]
    return AskResponse(id=brief.id, answer=answer_with_sources(brief), citations=citations, sources=sources, brief=brief)


@router.post(
    "/ask",
    response_model=AskResponse,
    summary="Answer a question from the corpus",
    description="Abstains (\"The corpus has no evidence on ...\") when the evidence does not answer. " + SSE_DOC,
    responses={
        200: {"content": {"text/event-stream": {"schema": {"type": "string"}}}},
        401: {"model": ErrorBody}, 422: {"model": ErrorBody}, 503: {"model": ErrorBody}, 504: {"model": ErrorBody},
    },
)
async def ask(body: AskRequest, services: ServicesDep, engine: EngineDep):
    question = check_query(services, body.question)
    filters = filters_from(body.since, body.until, body.publishers, catalog=engine.index.catalog)
    history = history_turns(body.history)
    if not body.stream:
        brief = await run_in_threadpool(engine.write, question, template="answer", filters=filters, history=history)
        await run_in_threadpool(services.store.save, brief)
        return answer_payload(await run_in_threadpool(lambda: services.public_paths().brief(brief)))
    stream = engine.stream(question, template="answer", filters=filters, history=history)
    return EventSourceResponse(_events(stream, services), ping=15)


async def _events(stream, services: Services) -> AsyncIterator[dict[str, Any]]:
    brief: Brief | None = None
    try:
        while True:
            item = await run_in_threadpool(next, stream, _END)
            if item is _END:
                break
            if isinstance(item, Brief):
                brief = item
            elif isinstance(item, DraftDiscarded):
                yield {"event": "discard", "data": inert_dumps({"reason": item.reason})}
            elif item:
                yield {"event": "delta", "data": inert_dumps({"text": item, "verified": False})}
        if brief is None:
            raise RuntimeError("the engine stream ended without a brief")
        await run_in_threadpool(services.store.save, brief)
        shown = await run_in_threadpool(lambda: services.public_paths().brief(brief))
        yield {"event": "final", "data": inert_json_text(answer_payload(shown).model_dump_json())}
        yield {"event": "done", "data": json.dumps({"id": brief.id})}
    except BriefError as exc:
        status, err = brief_error(exc)
        err["error"]["status"] = status
        err["error"]["request_id"] = request_id_var.get()
        yield {"event": "error", "data": inert_dumps(err)}
    except Exception as exc:  # noqa: BLE001 - the client gets an error event, the log gets the trace
        log.exception("ask stream failed")
        rid = request_id_var.get()
        err = internal_error_body(rid, f"internal error ({type(exc).__name__}; request id {rid})", status=500)
        yield {"event": "error", "data": json.dumps(err)}
    finally:
        try:
            stream.close()
        except ValueError:  # still running in a worker thread after a client disconnect; it finishes on its own
            pass
