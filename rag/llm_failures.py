"""What a failed LLM request means: whether trying again may help, how long to wait first, and the
:class:`LLMError` the user sees (endpoint masked, key scrubbed, a hint how to fix it)."""

from __future__ import annotations

import random
from collections.abc import Callable

import httpx
import openai

from rag.config import LLMSettings
from rag.errors import LLMError, LLMTimeoutError, LLMUnavailableError
from rag.llm_replies import BadReplyError, IncompleteReplyError

__all__ = ["backoff_delay", "describe", "is_transient", "llm_error", "rejects_response_format"]

# how servers word "response_format / json_schema is not supported" in their error messages
_RF_WORDS = ("response_format", "response format", "json_schema", "json schema")


def is_transient(exc: BaseException) -> bool:
    """Whether trying the same request again may help: connection errors, timeouts, 429, 5xx, bad bodies."""
    if isinstance(exc, openai.APIStatusError):
        # llama.cpp's server answers an unsupported response_format with a 500: not transient.
        return (exc.status_code == 429 or exc.status_code >= 500) and not _mentions_response_format(exc)
    return isinstance(exc, (openai.APIConnectionError, httpx.HTTPError, BadReplyError))


def backoff_delay(attempt: int, exc: Exception, *, base: float, cap: float) -> float:
    """Seconds to wait before retry ``attempt`` (1-based): exponential from ``base``, at least the server's
    ``Retry-After``, at most ``cap``, plus up to 10 % jitter."""
    delay = base * (2 ** (attempt - 1))
    if isinstance(exc, openai.APIStatusError):
        retry_after = exc.response.headers.get("retry-after")
        try:
            delay = max(delay, float(retry_after)) if retry_after is not None else delay
        except ValueError:
            pass
    delay = min(delay, cap)
    return delay * (1 + random.uniform(0, 0.1))


def describe(exc: BaseException) -> str:
    """A short name for a failure, fit for logs: ``HTTP 503`` or the class of its cause (``ConnectError``)."""
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    cause = exc.__cause__ or exc.__context__
    return type(cause).__name__ if cause is not None else type(exc).__name__


def llm_error(exc: Exception, *, endpoint: str, settings: LLMSettings, attempts: int,
              scrub: Callable[[str], str]) -> LLMError:
    """The :class:`LLMError` (or subclass) for a request to ``endpoint`` that failed with ``exc`` after
    ``attempts`` attempts; ``scrub`` removes the API key from text the server sent."""
    tries = f" after {attempts} attempt{'s' if attempts != 1 else ''}"
    if isinstance(exc, IncompleteReplyError):
        err: LLMError = LLMUnavailableError(f"LLM endpoint {endpoint} failed{tries}: {exc}")
    elif isinstance(exc, BadReplyError):
        err = LLMError(
            f"LLM endpoint {endpoint} returned an invalid reply{tries}: {exc}",
            help_message="is llm.base_url an OpenAI-compatible /v1 endpoint?",
        )
    elif isinstance(exc, httpx.HTTPError):
        err = LLMUnavailableError(f"connection to LLM endpoint {endpoint} broke{tries} ({type(exc).__name__})")
    elif isinstance(exc, openai.APITimeoutError):
        err = LLMTimeoutError(
            f"LLM endpoint {endpoint} did not answer within {settings.timeout:g}s{tries}",
            help_message="raise llm.timeout or use a smaller/faster model",
        )
    elif isinstance(exc, openai.APIConnectionError):
        err = LLMUnavailableError(
            f"cannot reach LLM endpoint {endpoint}{tries} ({describe(exc)})",
            help_message="is the server running? check llm.base_url (BRIEF_LLM__BASE_URL)",
        )
    elif isinstance(exc, openai.APIStatusError):
        help_message = None
        if exc.status_code in (401, 403):
            help_message = f"check the API key in {settings.api_key_env}"
        elif exc.status_code == 404:
            help_message = f"check llm.model ({settings.model!r}) and llm.base_url"
        err = LLMError(
            scrub(f"LLM endpoint {endpoint} returned HTTP {exc.status_code}: {_api_message(exc)}"),
            help_message=help_message,
        )
        err.http_status = exc.status_code  # type: ignore[attr-defined]
        if exc.status_code != 429 and exc.status_code < 500:
            err.retryable = False
    else:
        err = LLMError(scrub(f"LLM request to {endpoint} failed: {describe(exc)}"))
    return err


def rejects_response_format(exc: LLMError) -> bool:
    """Whether the server refused the request because it does not support ``response_format`` (JSON schema)."""
    status = getattr(exc, "http_status", None)
    if status not in (400, 404, 415, 422, 500, 501):
        return False
    text = str(exc).lower()
    return any(word in text for word in _RF_WORDS)


def _api_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])[:500]
        if isinstance(inner, str):
            return inner[:500]
    return str(exc.message)[:500]


def _mentions_response_format(exc: openai.APIStatusError) -> bool:
    text = f"{exc.message} {getattr(exc, 'body', '')}".lower()
    return any(word in text for word in _RF_WORDS)
