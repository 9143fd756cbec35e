"""OpenAI-compatible chat client (api.openai.com, Ollama, vLLM, llama.cpp server) via the ``openai`` package.

- One request = one HTTP call with ``settings.timeout``; the SDK's own retries are off and this module
  retries connection errors, timeouts, 429 and 5xx up to ``settings.retries`` times with exponential
  backoff. Errors surface as :class:`LLMTimeoutError`, :class:`LLMUnavailableError` or :class:`LLMError`.
- The API key comes from the env var named by ``settings.api_key_env`` (or the ``api_key`` argument). It
  is handed to the SDK client only: never stored on this object, logged, or put in an error message.
- :meth:`OpenAIChatBackend.complete_structured` asks for JSON-schema output, falls back to a schema
  instruction for servers without ``response_format`` support, and feeds validation errors back to the
  model for at most ``settings.repair_attempts`` re-asks.
"""

from __future__ import annotations

import json
import logging
import random
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
import openai
from pydantic import BaseModel, ValidationError

from rag.config import LLMSettings
from rag.errors import ConfigError, LLMError, LLMTimeoutError, LLMUnavailableError
from rag.llm_replies import (
    BadReplyError,
    IncompleteReplyError,
    ReplyTooLargeError,
    byte_cap,
    oversize_error,
    parse_completion,
    read_capped,
    without_urls,
)
from rag.packing import count_tokens

__all__ = [
    "ChatMessage",
    "OpenAIChatBackend",
    "Usage",
    "count_tokens",
    "count_message_tokens",
    "extract_json",
    "parse_structured",
    "without_urls",
]

log = logging.getLogger(__name__)

PLACEHOLDER_KEY = "not-needed"
REPAIR_TEMPLATE = "Your previous reply was not valid: {error}. Reply with JSON only, matching the schema."
SCHEMA_INSTRUCTION = (
    "Reply with a single JSON object only (no prose, no markdown fences) that matches this JSON schema:\n{schema}"
)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass
class ChatMessage:
    role: str  # "system" | "user" | "assistant"
    content: str


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(self.prompt_tokens + other.prompt_tokens, self.completion_tokens + other.completion_tokens)


def count_message_tokens(messages: Sequence[ChatMessage], model: str) -> int:
    """Approximate prompt size of a chat (content tokens + a few per message for the template)."""
    return sum(count_tokens(m.content, model) + 4 for m in messages) + 2


# --------------------------------------------------------------------------- JSON parsing

_FENCE_RE = re.compile(r"```[ \t]*(?:json|JSON|json5)?[ \t]*\n?(.*?)```", re.DOTALL)
_THINK_RE = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)


def extract_json(text: str) -> dict[str, Any]:
    """The outermost JSON object in a model reply (``json`` fences, ``<think>`` blocks and prose around it ignored).

    Raises ``ValueError`` with a short reason when there is none.
    """
    body = _THINK_RE.sub("", text or "").strip()
    fence = _FENCE_RE.search(body)
    if fence:
        body = fence.group(1).strip()
    decoder = json.JSONDecoder()
    first_error: json.JSONDecodeError | None = None
    start = body.find("{")
    tries = 0
    while start != -1 and tries < 64:
        try:
            obj, _ = decoder.raw_decode(body, start)
        except json.JSONDecodeError as exc:
            first_error = first_error or exc
        else:
            if isinstance(obj, dict):
                return obj
        start = body.find("{", start + 1)
        tries += 1
    if first_error is not None:
        raise ValueError(f"invalid JSON: {first_error.msg} at line {first_error.lineno} column {first_error.colno}")
    raise ValueError("no JSON object found in the reply")


def _validation_summary(exc: ValidationError, limit: int = 600) -> str:
    parts = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err.get("loc", ())) or "(root)"
        parts.append(f"{loc}: {err.get('msg', 'invalid')}")
    text = "; ".join(parts) or str(exc)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_structured(text: str, model_cls: type[M]) -> M:
    """Parse and validate a reply; raises ``ValueError`` whose message is fit to show the model."""
    obj = extract_json(text)
    try:
        return model_cls.model_validate(obj)
    except ValidationError as exc:
        raise ValueError(f"schema validation failed: {_validation_summary(exc)}") from None


# --------------------------------------------------------------------------- backend


class OpenAIChatBackend:
    """Chat completions against any OpenAI-compatible endpoint."""

    name = "openai"

    def __init__(
        self,
        settings: LLMSettings,
        *,
        api_key: str | None = None,
        backoff_base: float = 0.5,
        backoff_cap: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.base_url = settings.base_url or None
        key = api_key or settings.api_key()
        if not key:
            if self.base_url is None:
                raise ConfigError(
                    "no API key for the OpenAI API",
                    help_message=(
                        f"set the {settings.api_key_env} environment variable, or set llm.base_url "
                        "(BRIEF_LLM__BASE_URL) to a local OpenAI-compatible server"
                    ),
                )
            key = PLACEHOLDER_KEY  # local servers ignore the key but the SDK requires one
        self._client = openai.OpenAI(
            api_key=key, base_url=self.base_url, timeout=settings.timeout, max_retries=0
        )
        self._backoff_base = backoff_base
        self._backoff_cap = backoff_cap
        self._sleep = sleep
        self._response_format_ok: bool | None = None  # learned from the server on first structured call
        self.last_usage: Usage | None = None
        self.truncated = False  # the last stream was cut at settings.max_reply_chars

    def __repr__(self) -> str:
        return f"OpenAIChatBackend(model={self.model!r}, base_url={self.endpoint!r})"

    @property
    def model(self) -> str:
        return self.settings.model

    @property
    def endpoint(self) -> str:
        from rag.redact import mask_url  # every message and log line names the endpoint through here

        return mask_url(self.base_url or "https://api.openai.com/v1")

    # ------------------------------------------------------------------ public API

    def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        json_schema: dict[str, Any] | None = None,
        schema_name: str = "output",
    ) -> tuple[str, Usage]:
        """One chat completion: (assistant text, usage). ``json_schema`` requests schema-constrained output."""
        kwargs: dict[str, Any] = {}
        if json_schema is not None:
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": schema_name, "schema": json_schema, "strict": False},
            }
        wire = _wire(messages)
        limit = self.settings.max_reply_chars

        def call() -> dict[str, Any]:
            # Read the raw body with a byte cap (a server ignoring max_tokens cannot make us read 30 MB) and
            # parse it here, so a 200 with a non-JSON or truncated body is a retryable bad reply, not a crash.
            with self._client.chat.completions.with_streaming_response.create(
                model=self.model,
                messages=wire,
                temperature=self.settings.temperature,
                max_tokens=self.settings.max_tokens,
                **kwargs,
            ) as response:
                raw = read_capped(response.iter_bytes(), byte_cap(limit))
            return parse_completion(raw)

        try:
            reply = self._with_retries(call)
        except ReplyTooLargeError:
            raise oversize_error(limit) from None
        text = reply["content"]
        if not text and reply.get("refusal"):
            raise LLMError(f"model refused: {reply['refusal']}")
        if len(text) > limit:
            raise oversize_error(limit)
        if reply.get("finish_reason") == "length":
            log.warning("LLM reply hit max_tokens=%d and is truncated", self.settings.max_tokens)
        usage_in = reply.get("usage") or {}
        if isinstance(usage_in, dict) and isinstance(usage_in.get("prompt_tokens"), int):
            usage = Usage(usage_in.get("prompt_tokens") or 0, int(usage_in.get("completion_tokens") or 0))
        else:
            usage = Usage(count_message_tokens(messages, self.model), count_tokens(text, self.model))
        self.last_usage = usage
        return text, usage

    def stream(self, messages: Sequence[ChatMessage]) -> Iterator[str]:
        """Yield text deltas as they arrive (at most ``max_reply_chars`` in all; ``truncated`` says if cut).

        Failures before the first delta (connection, 429/5xx, a body that is not a stream) are retried like
        :meth:`complete`; after it (a stall, a broken connection, a stream that ends without a finish chunk)
        they raise :class:`LLMError` subclasses at once (the deltas are shown: the caller decides on fallback).
        """
        wire = _wire(messages)
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            self.truncated = False
            parts: list[str] = []
            try:
                for delta in self._stream_once(wire):
                    parts.append(delta)
                    yield delta
            except Exception as exc:  # noqa: BLE001 - classified below, re-raised as LLMError
                if parts or attempt == attempts or not _transient(exc):
                    if parts and isinstance(exc, (httpx.TimeoutException, openai.APITimeoutError)):
                        raise LLMTimeoutError(
                            f"LLM endpoint {self.endpoint} stalled mid-stream (timeout {self.settings.timeout:g}s)",
                            help_message="raise llm.timeout or use a smaller/faster model",
                        ) from None
                    raise self._map_error(exc, attempts=attempt) from None
                self._wait_to_retry("stream from", exc, attempt, attempts)
                continue
            self.last_usage = Usage(count_message_tokens(messages, self.model), count_tokens("".join(parts), self.model))
            return

    def _stream_once(self, wire: list[dict[str, str]]) -> Iterator[str]:
        """One streamed request; raises the SDK/httpx error, :class:`BadReplyError` or :class:`IncompleteReplyError`."""
        stream = self._client.chat.completions.create(
            model=self.model,
            messages=wire,
            temperature=self.settings.temperature,
            max_tokens=self.settings.max_tokens,
            stream=True,
        )
        size = 0
        limit = self.settings.max_reply_chars
        chunks = 0
        finished = False
        with stream:
            try:
                for chunk in stream:
                    chunks += 1
                    for choice in chunk.choices or ():
                        finished = finished or bool(choice.finish_reason)
                        delta = choice.delta.content if choice.delta is not None else None
                        if not delta:
                            continue
                        if size + len(delta) > limit:  # the server ignores max_tokens: stop reading here
                            delta = delta[: limit - size]
                            log.warning("LLM reply cut at llm.max_reply_chars=%d characters", limit)
                            self.truncated = finished = True
                        size += len(delta)
                        if delta:
                            yield delta
                        if self.truncated:
                            return
            except (ValueError, TypeError, AttributeError, KeyError) as exc:  # a data line that is not a chunk
                raise BadReplyError(f"invalid stream chunk ({type(exc).__name__})") from None
        if not chunks:
            raise BadReplyError("the stream request was answered without any stream chunk")
        if not finished:
            raise IncompleteReplyError("the stream ended before the reply was complete")

    def complete_structured(
        self,
        messages: Sequence[ChatMessage],
        model_cls: type[M],
        *,
        schema_name: str = "output",
    ) -> tuple[M, Usage, int]:
        """(validated model, summed usage, attempts used). Raises :class:`LLMError` after the repair budget."""
        schema = model_cls.model_json_schema()
        convo = list(messages)
        total = Usage()
        max_attempts = 1 + self.settings.repair_attempts
        error = "no reply"
        for attempt in range(1, max_attempts + 1):
            text, usage = self._structured_call(convo, schema, schema_name)
            total = total + usage
            try:
                result = parse_structured(text, model_cls)
            except ValueError as exc:
                error = str(exc)
                log.info("structured output attempt %d/%d invalid: %s", attempt, max_attempts, error)
                convo = [
                    *convo,
                    ChatMessage("assistant", text),
                    ChatMessage("user", REPAIR_TEMPLATE.format(error=error)),
                ]
                continue
            self.last_usage = total
            return result, total, attempt
        self.last_usage = total
        raise LLMError(f"model returned invalid JSON after {max_attempts} attempts: {error}")

    def ping(self, timeout: float = 2.0) -> bool:
        """True when ``GET /models`` answers (short timeout, no retries); False on any failure."""
        try:
            self._client.with_options(timeout=min(timeout, self.settings.timeout), max_retries=0).models.list()
        except Exception as exc:  # noqa: BLE001 - a health check reports, never raises
            log.debug("LLM ping to %s failed: %s", self.endpoint, type(exc).__name__)
            return False
        return True

    # ------------------------------------------------------------------ internals

    def _structured_call(
        self, convo: list[ChatMessage], schema: dict[str, Any], schema_name: str
    ) -> tuple[str, Usage]:
        if self._response_format_ok is not False:
            try:
                out = self.complete(convo, json_schema=schema, schema_name=schema_name)
            except LLMError as exc:
                if not _rejects_response_format(exc):
                    raise
                log.info("%s rejected response_format; falling back to a schema instruction", self.endpoint)
                self._response_format_ok = False
            else:
                self._response_format_ok = True
                return out
        return self.complete(_with_schema_instruction(convo, schema))

    def _with_retries(self, call: Callable[[], T]) -> T:
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return call()
            except (openai.OpenAIError, httpx.HTTPError, BadReplyError) as exc:
                failure: Exception = exc
                if isinstance(exc, httpx.TimeoutException):  # while reading a body (after the headers)
                    failure = openai.APITimeoutError(request=exc.request)
                if not _transient(failure):
                    raise self._map_error(failure, attempts=attempt) from None
            if attempt == attempts:
                raise self._map_error(failure, attempts=attempt) from None
            self._wait_to_retry("request to", failure, attempt, attempts)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_to_retry(self, what: str, exc: Exception, attempt: int, attempts: int) -> None:
        """Log the failed attempt and sleep the backoff before the next one (``what``: "request to", "stream from")."""
        delay = self._backoff(attempt, exc)
        log.warning("LLM %s %s failed (%s); retry %d/%d in %.2fs", what, self.endpoint, _describe(exc), attempt, attempts - 1, delay)
        self._sleep(delay)

    def _backoff(self, attempt: int, exc: Exception) -> float:
        delay = self._backoff_base * (2 ** (attempt - 1))
        if isinstance(exc, openai.APIStatusError):
            retry_after = exc.response.headers.get("retry-after")
            try:
                delay = max(delay, float(retry_after)) if retry_after is not None else delay
            except ValueError:
                pass
        delay = min(delay, self._backoff_cap)
        return delay * (1 + random.uniform(0, 0.1))

    def _map_error(self, exc: Exception, *, attempts: int) -> LLMError:
        tries = f" after {attempts} attempt{'s' if attempts != 1 else ''}"
        if isinstance(exc, IncompleteReplyError):
            err: LLMError = LLMUnavailableError(f"LLM endpoint {self.endpoint} failed{tries}: {exc}")
        elif isinstance(exc, BadReplyError):
            err = LLMError(
                f"LLM endpoint {self.endpoint} returned an invalid reply{tries}: {exc}",
                help_message="is llm.base_url an OpenAI-compatible /v1 endpoint?",
            )
        elif isinstance(exc, httpx.HTTPError):
            err = LLMUnavailableError(f"connection to LLM endpoint {self.endpoint} broke{tries} ({type(exc).__name__})")
        elif isinstance(exc, openai.APITimeoutError):
            err = LLMTimeoutError(
                f"LLM endpoint {self.endpoint} did not answer within {self.settings.timeout:g}s{tries}",
                help_message="raise llm.timeout or use a smaller/faster model",
            )
        elif isinstance(exc, openai.APIConnectionError):
            err = LLMUnavailableError(
                f"cannot reach LLM endpoint {self.endpoint}{tries} ({_describe(exc)})",
                help_message="is the server running? check llm.base_url (BRIEF_LLM__BASE_URL)",
            )
        elif isinstance(exc, openai.APIStatusError):
            help_message = None
            if exc.status_code in (401, 403):
                help_message = f"check the API key in {self.settings.api_key_env}"
            elif exc.status_code == 404:
                help_message = f"check llm.model ({self.model!r}) and llm.base_url"
            err = LLMError(
                self._scrub(f"LLM endpoint {self.endpoint} returned HTTP {exc.status_code}: {_api_message(exc)}"),
                help_message=help_message,
            )
            err.http_status = exc.status_code  # type: ignore[attr-defined]
            if exc.status_code != 429 and exc.status_code < 500:
                err.retryable = False
        else:
            err = LLMError(self._scrub(f"LLM request to {self.endpoint} failed: {_describe(exc)}"))
        return err

    def _scrub(self, text: str) -> str:
        """Remove the key from server-provided text (some servers echo request headers in errors)."""
        secret = self._client.api_key
        if secret and secret != PLACEHOLDER_KEY and len(secret) >= 6:
            text = text.replace(secret, "***")
        return text


# --------------------------------------------------------------------------- helpers


def _transient(exc: BaseException) -> bool:
    """Whether trying the same request again may help: connection errors, timeouts, 429, 5xx, bad bodies."""
    if isinstance(exc, openai.APIStatusError):
        # llama.cpp's server answers an unsupported response_format with a 500: not transient.
        return (exc.status_code == 429 or exc.status_code >= 500) and not _mentions_response_format(exc)
    return isinstance(exc, (openai.APIConnectionError, httpx.HTTPError, BadReplyError))


def _wire(messages: Sequence[ChatMessage | dict[str, str]]) -> list[dict[str, str]]:
    out = []
    for m in messages:
        if isinstance(m, ChatMessage):
            out.append({"role": m.role, "content": m.content})
        else:
            out.append({"role": m["role"], "content": m["content"]})
    return out


def _with_schema_instruction(messages: Sequence[ChatMessage], schema: dict[str, Any]) -> list[ChatMessage]:
    """Put the schema instruction in the (first) system message; many chat templates allow only one."""
    instruction = SCHEMA_INSTRUCTION.format(schema=json.dumps(schema, ensure_ascii=False))
    msgs = list(messages)
    if msgs and msgs[0].role == "system":
        return [ChatMessage("system", f"{msgs[0].content}\n\n{instruction}"), *msgs[1:]]
    return [ChatMessage("system", instruction), *msgs]


def _api_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])[:500]
        if isinstance(inner, str):
            return inner[:500]
    return str(exc.message)[:500]


def _describe(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    cause = exc.__cause__ or exc.__context__
    return type(cause).__name__ if cause is not None else type(exc).__name__


_RF_WORDS = ("response_format", "response format", "json_schema", "json schema")


def _mentions_response_format(exc: openai.APIStatusError) -> bool:
    text = f"{exc.message} {getattr(exc, 'body', '')}".lower()
    return any(word in text for word in _RF_WORDS)


def _rejects_response_format(exc: LLMError) -> bool:
    status = getattr(exc, "http_status", None)
    if status not in (400, 404, 415, 422, 500, 501):
        return False
    text = str(exc).lower()
    return any(word in text for word in _RF_WORDS)
