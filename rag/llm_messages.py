"""Chat messages and token usage: the vocabulary of every LLM call (the client, the writer, the evals)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rag.packing import count_tokens

__all__ = ["ChatMessage", "Usage", "count_message_tokens", "to_wire"]


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


def to_wire(messages: Sequence[ChatMessage | dict[str, str]]) -> list[dict[str, str]]:
    """Messages as the chat-completions API takes them: ``[{"role": ..., "content": ...}]``."""
    out = []
    for m in messages:
        if isinstance(m, ChatMessage):
            out.append({"role": m.role, "content": m.content})
        else:
            out.append({"role": m["role"], "content": m["content"]})
    return out
