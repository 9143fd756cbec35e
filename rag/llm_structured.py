"""Structured (JSON) replies: the JSON object in a model reply, validated against a pydantic model, and the two
messages that ask for one (the schema instruction for servers without ``response_format``, the repair re-ask)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from rag.llm_messages import ChatMessage

__all__ = ["REPAIR_TEMPLATE", "SCHEMA_INSTRUCTION", "extract_json", "parse_structured", "with_schema_instruction"]

REPAIR_TEMPLATE = "Your previous reply was not valid: {error}. Reply with JSON only, matching the schema."
SCHEMA_INSTRUCTION = (
    "Reply with a single JSON object only (no prose, no markdown fences) that matches this JSON schema:\n{schema}"
)

M = TypeVar("M", bound=BaseModel)

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


def with_schema_instruction(messages: Sequence[ChatMessage], schema: dict[str, Any]) -> list[ChatMessage]:
    """Put the schema instruction in the (first) system message; many chat templates allow only one."""
    instruction = SCHEMA_INSTRUCTION.format(schema=json.dumps(schema, ensure_ascii=False))
    msgs = list(messages)
    if msgs and msgs[0].role == "system":
        return [ChatMessage("system", f"{msgs[0].content}\n\n{instruction}"), *msgs[1:]]
    return [ChatMessage("system", instruction), *msgs]
