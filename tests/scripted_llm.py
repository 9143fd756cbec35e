"""A real OpenAI-compatible HTTP server with scripted replies, for tests.

Runs a small FastAPI app under uvicorn in a background thread on 127.0.0.1 (free port)::

    with ScriptedLLMServer() as llm:
        llm.enqueue("hello")                                    # content of the next completion
        llm.enqueue({"status": 400, "error": "response_format not supported"})
        llm.enqueue({"delay": 5.0, "content": "late"})          # answer after 5 s (client timeouts)
        llm.default = lambda request: "computed from " + request["messages"][-1]["content"]
        OpenAI(base_url=llm.base_url, api_key="x").chat.completions.create(...)
        assert llm.requests[0]["model"] == ...

A reply is a ``str`` (the assistant content), a callable ``(request_json) -> reply`` or a dict with
any of these keys:

``content``        assistant content (default ``""``)
``status``/``error`` answer with that HTTP status and an OpenAI-style error body (``error`` = message)
``headers``        extra response headers (e.g. ``{"retry-after": "0"}``)
``delay``          seconds to wait before answering (aborted promptly when the server stops)
``chunks``         explicit list of content deltas for ``stream: true`` (default: split on words)
``usage``          ``{"prompt_tokens": .., "completion_tokens": ..}`` to report, or ``None`` to omit
``finish_reason``  default ``"stop"``
``body``           raw HTTP 200 body sent as is (non-JSON, truncated JSON, a broken SSE stream), with
                   ``content_type`` (default ``application/json``)
``repeat``         send ``content`` this many times (an enormous reply from a server ignoring ``max_tokens``)
``stall_after``    streaming: after this many deltas stop sending (for ``stall`` seconds, default 30) and
                   then end the response without a finish chunk or ``[DONE]``

Replies are taken from the queue in order; when it is empty ``default`` answers (if ``default`` is
None the server answers HTTP 418 so a missing script fails loudly and is never retried).
Endpoints: ``POST /v1/chat/completions`` (JSON or SSE stream in the OpenAI chunk format ending in
``data: [DONE]``) and ``GET /v1/models``.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

Reply = str | dict[str, Any] | Callable[[dict[str, Any]], Any]

MODELS = ["scripted-model"]


EMBED_DIM = 64


def _bow_vector(text: str) -> list[float]:
    import hashlib
    import math

    vec = [0.0] * EMBED_DIM
    for word in re.findall(r"\w+", text.lower()):
        vec[int(hashlib.md5(word.encode()).hexdigest(), 16) % EMBED_DIM] += 1.0
    norm = math.sqrt(sum(v * v for v in vec)) or 1.0
    return [v / norm for v in vec]


def _word_count(text: str) -> int:
    return len(text.split())


def _prompt_words(body: dict[str, Any]) -> int:
    total = 0
    for m in body.get("messages") or []:
        content = m.get("content")
        if isinstance(content, str):
            total += _word_count(content)
        elif isinstance(content, list):
            total += sum(_word_count(p.get("text", "")) for p in content if isinstance(p, dict))
    return total


class ScriptedLLMServer:
    """OpenAI-compatible chat server answering from a script. Use as a context manager or start()/stop()."""

    def __init__(self, *, default: Reply | None = None, host: str = "127.0.0.1") -> None:
        self.host = host
        self.default: Reply | None = default
        self.requests: list[dict[str, Any]] = []  # JSON bodies of chat completion requests, in order
        self.headers: list[dict[str, str]] = []  # their HTTP headers (lower-case names)
        self.models_requests = 0
        self.embedding_requests: list[dict[str, Any]] = []  # JSON bodies of /v1/embeddings requests
        self._queue: deque[Reply] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None
        self.app = self._build_app()

    # ------------------------------------------------------------------ script

    def enqueue(self, *replies: Reply) -> ScriptedLLMServer:
        with self._lock:
            self._queue.extend(replies)
        return self

    @property
    def pending(self) -> int:
        """Replies still queued."""
        with self._lock:
            return len(self._queue)

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self.requests.clear()
            self.headers.clear()
            self.embedding_requests.clear()
            self.models_requests = 0

    def _next_reply(self, body: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            reply: Any = self._queue.popleft() if self._queue else self.default
        if reply is None:
            return {"status": 418, "error": "ScriptedLLMServer: reply queue is empty and no default is set"}
        while callable(reply):
            reply = reply(body)
        if isinstance(reply, str):
            return {"content": reply}
        if isinstance(reply, dict):
            return reply
        raise TypeError(f"unsupported scripted reply: {reply!r}")

    # ------------------------------------------------------------------ app

    def _build_app(self) -> FastAPI:
        app = FastAPI(title="scripted-llm")

        @app.get("/v1/models")
        async def models() -> dict[str, Any]:
            self.models_requests += 1
            return {
                "object": "list",
                "data": [{"id": m, "object": "model", "created": 0, "owned_by": "tests"} for m in MODELS],
            }

        @app.post("/v1/embeddings")
        async def embeddings(request: Request) -> dict[str, Any]:
            """Deterministic bag-of-words vectors (hashed words, 64-d): similar texts get similar vectors."""
            body = await request.json()
            inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
            with self._lock:
                self.embedding_requests.append(body)
            data = [{"object": "embedding", "index": i, "embedding": _bow_vector(t)} for i, t in enumerate(inputs)]
            return {"object": "list", "data": data, "model": body.get("model", "scripted-embed"),
                    "usage": {"prompt_tokens": 0, "total_tokens": 0}}

        @app.post("/v1/chat/completions")
        async def chat(request: Request):
            body = await request.json()
            with self._lock:
                self.requests.append(body)
                self.headers.append({k.lower(): v for k, v in request.headers.items()})
            reply = self._next_reply(body)
            delay = float(reply.get("delay") or 0)
            if delay:
                await self._sleep(delay)
            headers = {str(k): str(v) for k, v in (reply.get("headers") or {}).items()}
            if "status" in reply and int(reply["status"]) >= 400:
                status = int(reply["status"])
                kind = "invalid_request_error" if status < 500 else "server_error"
                return JSONResponse(
                    {"error": {"message": str(reply.get("error", "error")), "type": kind, "param": None, "code": None}},
                    status_code=status,
                    headers=headers,
                )
            if "body" in reply:
                return Response(
                    str(reply["body"]).encode(), media_type=reply.get("content_type", "application/json"), headers=headers
                )
            if body.get("stream"):
                return StreamingResponse(
                    self._sse(body, reply), media_type="text/event-stream", headers=headers
                )
            return JSONResponse(self._completion(body, reply), headers=headers)

        return app

    async def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self._stopping.is_set() and time.monotonic() < deadline:
            await asyncio.sleep(min(0.02, max(0.0, deadline - time.monotonic())))

    @staticmethod
    def _usage(body: dict[str, Any], reply: dict[str, Any], content: str) -> dict[str, int] | None:
        if "usage" in reply:
            usage = reply["usage"]
            if usage is None:
                return None
        else:
            usage = {"prompt_tokens": _prompt_words(body), "completion_tokens": _word_count(content)}
        usage = dict(usage)
        usage.setdefault("total_tokens", usage["prompt_tokens"] + usage["completion_tokens"])
        return usage

    def _completion(self, body: dict[str, Any], reply: dict[str, Any]) -> dict[str, Any]:
        content = str(reply.get("content", "")) * int(reply.get("repeat", 1))
        out: dict[str, Any] = {
            "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", MODELS[0]),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": reply.get("finish_reason", "stop"),
                }
            ],
        }
        usage = self._usage(body, reply, content)
        if usage is not None:
            out["usage"] = usage
        return out

    async def _sse(self, body: dict[str, Any], reply: dict[str, Any]) -> AsyncIterator[str]:
        content = str(reply.get("content", ""))
        chunks = reply.get("chunks")
        if chunks is None:
            chunks = re.findall(r"\S+\s*|\s+", content)  # word-sized deltas; "".join(chunks) == content
        chunks = list(chunks) * int(reply.get("repeat", 1))
        stall_after = reply.get("stall_after")
        cid = f"chatcmpl-{uuid.uuid4().hex[:12]}"
        created = int(time.time())
        model = body.get("model", MODELS[0])

        def chunk(delta: dict[str, Any], finish: str | None, **extra: Any) -> str:
            payload = {
                "id": cid,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                **extra,
            }
            return f"data: {json.dumps(payload)}\n\n"

        yield chunk({"role": "assistant", "content": ""}, None)
        for n, piece in enumerate(chunks):
            if stall_after is not None and n >= int(stall_after):
                await self._sleep(float(reply.get("stall", 30.0)))
                return
            yield chunk({"content": piece}, None)
            if n % 256 == 255:
                await asyncio.sleep(0)  # let a huge stream be interleaved with the client's reads and disconnects
        yield chunk({}, reply.get("finish_reason", "stop"))
        if (body.get("stream_options") or {}).get("include_usage"):
            usage = self._usage(body, reply, "".join(chunks))
            if usage is not None:
                payload = {
                    "id": cid,
                    "object": "chat.completion.chunk",
                    "created": created,
                    "model": model,
                    "choices": [],
                    "usage": usage,
                }
                yield f"data: {json.dumps(payload)}\n\n"
        yield "data: [DONE]\n\n"

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise RuntimeError("server not started")
        return f"http://{self.host}:{self.port}/v1"

    def start(self, timeout: float = 10.0) -> ScriptedLLMServer:
        if self._thread is not None:
            raise RuntimeError("already started")
        self._stopping.clear()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, 0))
        self._socket = sock
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            log_config=None,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name=f"scripted-llm-{self.port}", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("scripted LLM server failed to start")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("scripted LLM server did not start in time")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive() and self._server is not None:
                self._server.force_exit = True
                self._thread.join(timeout)
        if self._socket is not None:
            self._socket.close()
        self._thread = None
        self._server = None
        self._socket = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def __enter__(self) -> ScriptedLLMServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
