"""Reading an LLM server's reply defensively: bounded bodies and streams, chat-completion JSON checked by hand,
URLs kept out of messages.

Used by :mod:`rag.llm`; nothing here opens a connection (streams are read from what the SDK returns).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from rag.errors import LLMError
from rag.redact import redact

__all__ = [
    "BadReplyError", "CappedDeltas", "IncompleteReplyError", "ReplyTooLargeError", "byte_cap", "oversize_error",
    "parse_completion", "read_capped", "without_urls",
]


_DROPPED_URL = re.compile(r"(?:\bLLM endpoint )?<url>")


def without_urls(text: str) -> str:
    """``text`` with every URL left out (``LLM endpoint <url>`` → ``LLM endpoint``): messages for API clients and
    readers. URLs are found by :func:`rag.redact.redact`, the project's one URL scrubber."""
    return _DROPPED_URL.sub("LLM endpoint", redact(text, drop_urls=True))


class BadReplyError(ValueError):
    """An HTTP 200 whose body is not a usable chat completion (retried, then reported as :class:`LLMError`)."""


class IncompleteReplyError(BadReplyError):
    """A stream that ended without a finish chunk (the connection dropped)."""




def byte_cap(max_chars: int) -> int:
    # a JSON body escapes a character in at most 6 bytes (\uXXXX); 64 KiB for the envelope around it
    return max_chars * 6 + 65_536


def oversize_error(limit: int) -> LLMError:
    err = LLMError(
        f"LLM reply longer than llm.max_reply_chars={limit} characters (the server ignores max_tokens?)",
        help_message="lower llm.max_tokens, fix the server, or raise llm.max_reply_chars",
    )
    return err


def read_capped(chunks: Iterator[bytes], cap: int) -> bytes:
    """The body; raises ``ReplyTooLargeError`` as soon as it passes ``cap`` bytes (the rest is never read)."""
    buf = bytearray()
    for chunk in chunks:
        buf += chunk
        if len(buf) > cap:
            raise ReplyTooLargeError(len(buf))
    return bytes(buf)


class ReplyTooLargeError(Exception):
    """A body over the byte cap (not retried: a server that ignores max_tokens does it again)."""

    def __init__(self, size: int) -> None:
        super().__init__(f"body passed {size} bytes")


def parse_completion(raw: bytes) -> dict[str, Any]:
    """``{"content", "finish_reason", "refusal", "usage"}`` of a chat completion body; :class:`BadReplyError` if it is not one."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadReplyError("body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        snippet = raw[:60].decode("utf-8", "replace").replace("\n", " ")
        raise BadReplyError(f"body is not JSON ({exc.msg} at char {exc.pos}; starts {snippet!r})") from None
    choices = obj.get("choices") if isinstance(obj, dict) else None
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise BadReplyError("JSON body has no choices")
    message = choices[0].get("message")
    content = message.get("content") if isinstance(message, dict) else None
    if content is not None and not isinstance(content, str):
        raise BadReplyError("message content is not a string")
    return {
        "content": content or "",
        "finish_reason": choices[0].get("finish_reason"),
        "refusal": message.get("refusal") if isinstance(message, dict) else None,
        "usage": obj.get("usage"),
    }


class CappedDeltas:
    """The text deltas of one streamed chat completion (the SDK's chunks), at most ``limit`` characters in all.

    Iterating raises :class:`BadReplyError` for a data line that is not a chunk or a stream without any chunk,
    and :class:`IncompleteReplyError` for a stream that ends without a finish chunk; ``truncated`` turns True
    when the reply is cut at ``limit`` (a server ignoring max_tokens: the rest is not read).
    """

    def __init__(self, chunks: Iterable[Any], limit: int) -> None:
        self._chunks = chunks
        self.limit = limit
        self.truncated = False

    def __iter__(self) -> Iterator[str]:
        size = 0
        limit = self.limit
        chunks = 0
        finished = False
        try:
            for chunk in self._chunks:
                chunks += 1
                for choice in chunk.choices or ():
                    finished = finished or bool(choice.finish_reason)
                    delta = choice.delta.content if choice.delta is not None else None
                    if not delta:
                        continue
                    if size + len(delta) > limit:
                        delta = delta[: limit - size]
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
