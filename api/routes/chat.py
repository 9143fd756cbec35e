"""OpenAI-compatible chat completions over the answer pipeline, and the model list.

* The last user message is the question; earlier user/assistant messages are the history (the last
  20 turns, each cut to 4000 characters, an assistant turn without its appended source list). System
  messages and sampling options (temperature, max_tokens, ...) are ignored.
* ``model`` picks the writer or the template: ``techsec-brief`` (the configured backend), ``extractive``,
  ``openai``, or a template name (``answer`` — the default template — or a brief template).
* The reply is the verified answer with inline ``[n]`` markers followed by the numbered source list.
  When streaming, the content is sent only after citation checking (so no ``[n]`` in the stream points at
  an unchecked claim): a role chunk at once, keep-alive comments while the answer is written, then the
  text in chunks, a ``finish_reason`` chunk and ``data: [DONE]``.
* ``usage`` is the LLM's token count when an LLM wrote the answer, otherwise an estimate (tiktoken) of
  question + history and reply.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from typing import Any, AsyncIterator

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from rag.brief import Brief
from rag.errors import BriefError
from rag.inert import inert_dumps
from rag.render import answer_with_sources

from api.deps import BACKEND_ALIASES, AuthDep, Services, ServicesDep, check_query
from api.errors import ApiError, brief_error, internal_error_body
from api.logging import request_id_var
from api.schemas import MAX_HISTORY_TURNS, MAX_TURN_CHARS, ChatCompletionRequest, ErrorBody, ModelCard, ModelList

router = APIRouter(prefix="/v1", tags=["openai-compatible"], dependencies=[AuthDep])
log = logging.getLogger("api.chat")

KEEPALIVE_SECONDS = 10.0
_CHUNK = re.compile(r"\S+\s*|\s+")


def _resolve_model(services: Services, model: str) -> tuple[str | None, str]:
    """(backend or None for the configured one, template) for a model name; 404 for unknown names."""
    if model in BACKEND_ALIASES:
        return BACKEND_ALIASES[model], "answer"
    library = services.library()
    names = library.output_names()
    if model in names:
        return None, model
    known = ", ".join([*BACKEND_ALIASES, *names])
    raise ApiError(404, f"The model {model!r} does not exist; use one of: {known} (GET /v1/models).",
                   help=f"send \"model\" as one of {known}; GET /v1/models lists them")


def _conversation(body: ChatCompletionRequest) -> tuple[str, list]:
    from rag.types import Turn

    last = body.messages[-1]
    if last.role != "user" or not last.text().strip():
        raise ApiError(422, "The last message must be a non-empty user message (the question).",
                       help='end "messages" with {"role": "user", "content": "<your question>"}')
    turns = []
    for m in body.messages[:-1]:
        if m.role not in ("user", "assistant"):
            continue
        text = m.text()
        if m.role == "assistant":
            text = text.split("\n\nSources:", 1)[0]
        text = text.strip()
        if text:
            turns.append(Turn(m.role, text[:MAX_TURN_CHARS]))
    return last.text(), turns[-MAX_HISTORY_TURNS:]


def _usage(brief: Brief, question: str, history: list, content: str) -> dict[str, int]:
    u = brief.provenance.usage or {}
    if u.get("prompt_tokens") is not None and u.get("completion_tokens") is not None and (u["prompt_tokens"] or u["completion_tokens"]):
        prompt, completion = int(u["prompt_tokens"]), int(u["completion_tokens"])
    else:
        from rag.packing import count_tokens

        prompt = count_tokens(" ".join([question, *(t.content for t in history)]))
        completion = count_tokens(content)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


@router.post(
    "/chat/completions",
    summary="OpenAI-compatible chat completion (answers cited from the corpus)",
    description=__doc__,
    responses={
        200: {"content": {"application/json": {}, "text/event-stream": {"schema": {"type": "string"}}}},
        401: {"model": ErrorBody}, 404: {"model": ErrorBody}, 422: {"model": ErrorBody}, 503: {"model": ErrorBody},
        504: {"model": ErrorBody},
    },
)
async def chat_completions(body: ChatCompletionRequest, services: ServicesDep):
    backend, template = _resolve_model(services, body.model)
    question, history = _conversation(body)
    question = check_query(services, question)
    engine = await run_in_threadpool(services.engine, backend)
    cid = f"chatcmpl-{int(time.time() * 1000):x}"
    created = int(time.time())

    def write() -> Brief:
        brief = engine.write(question, template=template, history=history)
        services.store.save(brief)
        return services.public_paths().brief(brief)  # the reply names sources corpus-relative, not by server paths

    if not body.stream:
        brief = await run_in_threadpool(write)
        content = answer_with_sources(brief)
        return {
            "id": cid, "object": "chat.completion", "created": created, "model": body.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": _usage(brief, question, history, content),
            "brief_id": brief.id,
        }
    include_usage = bool((body.stream_options or {}).get("include_usage"))
    return StreamingResponse(
        _chunks(write, cid, created, body.model, question, history, include_usage),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _chunks(write, cid: str, created: int, model: str, question: str, history: list, include_usage: bool) -> AsyncIterator[str]:
    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        payload = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                   "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {inert_dumps(payload)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    task = asyncio.ensure_future(run_in_threadpool(write))
    try:
        while True:
            done, _ = await asyncio.wait({task}, timeout=KEEPALIVE_SECONDS)
            if done:
                break
            yield ": keep-alive\n\n"
        brief = task.result()
    except BriefError as exc:
        status, err = brief_error(exc)
        err["error"]["status"] = status
        err["error"]["request_id"] = request_id_var.get()
        yield f"data: {inert_dumps(err)}\n\n"
        return
    except Exception as exc:  # noqa: BLE001
        log.exception("chat stream failed")
        rid = request_id_var.get()
        err = internal_error_body(rid, f"internal error ({type(exc).__name__}; request id {rid})", status=500)
        yield f"data: {json.dumps(err)}\n\n"
        return
    content = answer_with_sources(brief)
    pieces = _CHUNK.findall(content)
    step = 8  # words per chunk
    for i in range(0, len(pieces), step):
        yield chunk({"content": "".join(pieces[i:i + step])})
    usage = _usage(brief, question, history, content)
    if include_usage:
        yield chunk({}, "stop")
        payload = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model, "choices": [], "usage": usage}
        yield f"data: {json.dumps(payload)}\n\n"
    else:
        yield chunk({}, "stop", usage=usage)
    yield "data: [DONE]\n\n"


@router.get("/models", response_model=ModelList, summary="Model names accepted by /v1/chat/completions", responses={401: {"model": ErrorBody}})
def list_models(services: ServicesDep):
    cards = [
        ModelCard(id="techsec-brief", description=f"configured writer ({services.settings.llm.backend}), answer template"),
        ModelCard(id="extractive", description="offline extractive writer, answer template"),
        ModelCard(id="openai", description=f"OpenAI-compatible LLM writer ({services.settings.llm.model}), answer template"),
    ]
    library = services.library()
    for name in library.output_names():
        tpl = library.get(name)
        cards.append(ModelCard(id=name, description=f"{tpl.kind} template: {tpl.description}".strip()))
    return ModelList(data=cards)
