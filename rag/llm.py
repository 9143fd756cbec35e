"""OpenAI-compatible chat client (api.openai.com, Ollama, vLLM, llama.cpp server) via the ``openai`` package.

- One request = one HTTP call with ``settings.timeout``; the SDK's own retries are off and this module
  retries connection errors, timeouts, 429 and 5xx up to ``settings.retries`` times with exponential
  backoff (:mod:`rag.llm_failures` says what is worth retrying and words the error). Errors surface as
  :class:`LLMTimeoutError`, :class:`LLMUnavailableError` or :class:`LLMError`.
- Replies are read with a size cap and checked by hand (:mod:`rag.llm_replies`).
- The API key comes from the env var named by ``settings.api_key_env`` (or the ``api_key`` argument). It
  is handed to the SDK client only: never stored on this object, logged, or put in an error message.
- :meth:`OpenAIChatBackend.complete_structured` asks for JSON-schema output, falls back to a schema
  instruction for servers without ``response_format`` support, and feeds validation errors back to the
  model for at most ``settings.repair_attempts`` re-asks (:mod:`rag.llm_structured`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import httpx
import openai
from pydantic import BaseModel

from rag.config import LLMSettings
from rag.errors import ConfigError, LLMError, LLMTimeoutError
from rag.llm_failures import backoff_delay, describe, is_transient, llm_error, rejects_response_format
from rag.llm_messages import ChatMessage, Usage, count_message_tokens, to_wire
from rag.llm_replies import (
    BadReplyError,
    CappedDeltas,
    ReplyTooLargeError,
    byte_cap,
    oversize_error,
    parse_completion,
    read_capped,
)
from rag.llm_structured import REPAIR_TEMPLATE, parse_structured, with_schema_instruction
from rag.packing import count_tokens

__all__ = ["OpenAIChatBackend"]

log = logging.getLogger(__name__)

PLACEHOLDER_KEY = "not-needed"

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


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
        wire = to_wire(messages)
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
        wire = to_wire(messages)
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            self.truncated = False
            parts: list[str] = []
            try:
                for delta in self._stream_once(wire):
                    parts.append(delta)
                    yield delta
            except Exception as exc:  # noqa: BLE001 - classified below, re-raised as LLMError
                if parts or attempt == attempts or not is_transient(exc):
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
        deltas = CappedDeltas(stream, self.settings.max_reply_chars)
        with stream:
            for delta in deltas:
                self.truncated = deltas.truncated
                yield delta
        if deltas.truncated:  # the server ignores max_tokens: the rest was not read
            self.truncated = True
            log.warning("LLM reply cut at llm.max_reply_chars=%d characters", deltas.limit)

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
                if not rejects_response_format(exc):
                    raise
                log.info("%s rejected response_format; falling back to a schema instruction", self.endpoint)
                self._response_format_ok = False
            else:
                self._response_format_ok = True
                return out
        return self.complete(with_schema_instruction(convo, schema))

    def _with_retries(self, call: Callable[[], T]) -> T:
        attempts = self.settings.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return call()
            except (openai.OpenAIError, httpx.HTTPError, BadReplyError) as exc:
                failure: Exception = exc
                if isinstance(exc, httpx.TimeoutException):  # while reading a body (after the headers)
                    failure = openai.APITimeoutError(request=exc.request)
                if not is_transient(failure):
                    raise self._map_error(failure, attempts=attempt) from None
            if attempt == attempts:
                raise self._map_error(failure, attempts=attempt) from None
            self._wait_to_retry("request to", failure, attempt, attempts)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_to_retry(self, what: str, exc: Exception, attempt: int, attempts: int) -> None:
        """Log the failed attempt and sleep the backoff before the next one (``what``: "request to", "stream from")."""
        delay = backoff_delay(attempt, exc, base=self._backoff_base, cap=self._backoff_cap)
        log.warning("LLM %s %s failed (%s); retry %d/%d in %.2fs", what, self.endpoint, describe(exc), attempt, attempts - 1, delay)
        self._sleep(delay)

    def _map_error(self, exc: Exception, *, attempts: int) -> LLMError:
        return llm_error(exc, endpoint=self.endpoint, settings=self.settings, attempts=attempts, scrub=self._scrub)

    def _scrub(self, text: str) -> str:
        """Remove the key from server-provided text (some servers echo request headers in errors)."""
        secret = self._client.api_key
        if secret and secret != PLACEHOLDER_KEY and len(secret) >= 6:
            text = text.replace(secret, "***")
        return text
