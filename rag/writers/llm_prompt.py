"""The LLM writer's chat prompt: the system message, the template's user message, and the evidence packed into
what the context window leaves (``context_tokens - max_tokens - rest of the prompt``).

The evidence reaches the model only inside ``<evidence id="S…">`` blocks rendered by
:func:`rag.packing.render_evidence` (delimiter look-alikes in article text are neutralized), never concatenated
into instructions; conversation history is shortened and neutralized the same way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rag.brief import NO_EVIDENCE
from rag.config import LLMSettings
from rag.errors import LLMError, TemplateError
from rag.llm_messages import ChatMessage, count_message_tokens
from rag.llm_structured import SCHEMA_INSTRUCTION
from rag.packing import EvidenceBlock, count_tokens, neutralize, pack_evidence, render_evidence
from rag.templates import PromptTemplate, TemplateLibrary
from rag.types import Turn
from rag.writers.base import CitedSpan, EvidencePassage
from rag.writers.llm_brief_schema import LLMBriefOut
from rag.writers.llm_citations import source_id, source_ids

__all__ = ["HISTORY_CHARS", "HISTORY_TURNS", "SAFETY_TOKENS", "PreparedPrompt", "prepare_prompt"]

HISTORY_TURNS = 6  # turns of conversation shown to the model for follow-up questions
HISTORY_CHARS = 600  # each turn truncated to this many characters
SAFETY_TOKENS = 16  # slack for chat-template tokens the count does not see


class PreparedPrompt:
    """Messages plus what the reply parser needs: the packed passages by id and the notes so far."""

    def __init__(self, messages: list[ChatMessage], packed: list[EvidencePassage], notes: list[str]) -> None:
        self.messages = messages
        self.packed = packed
        self.by_id = {(source_id(p.sid) or p.sid.upper()): p for p in packed}
        self.notes = notes

    def resolve(self, raw_ids: Sequence[str], where: str) -> list[CitedSpan]:
        """The spans of the packed passages ``raw_ids`` name (unknown ids dropped with a note naming ``where``)."""
        cites: list[CitedSpan] = []
        for raw in raw_ids:
            for sid in source_ids(raw):
                p = self.by_id.get(sid)
                if p is None:
                    note = f"dropped unknown source id {raw!r} ({where})"
                    if note not in self.notes:
                        self.notes.append(note)
                    continue
                span = CitedSpan(p.chunk.chunk_id, p.chunk.start, p.chunk.end)
                if span not in cites:
                    cites.append(span)
        return cites


def prepare_prompt(
    topic: str,
    template: PromptTemplate,
    evidence: Sequence[EvidencePassage],
    *,
    as_of: str | None,
    history: Sequence[Turn],
    library: TemplateLibrary,
    settings: LLMSettings,
    model: str,
) -> PreparedPrompt:
    """System + user messages for ``template`` with as much ``evidence`` as fits (in order; the last may be cut).

    Raises :class:`TemplateError` for a template variable the writer cannot fill and a non-retryable
    :class:`LLMError` when not even one passage fits.
    """
    system = ChatMessage("system", library.get("system").render(no_evidence=NO_EVIDENCE))
    values: dict[str, Any] = {
        "topic": neutralize(topic.strip()),
        "sections": [s.as_prompt_dict() for s in template.sections],
        "as_of": as_of or "unknown",
        "no_evidence": NO_EVIDENCE,
        "history": _history(history),
    }
    values = {k: v for k, v in values.items() if k in template.variables}
    missing = set(template.variables) - set(values) - {"evidence"}
    if missing:  # render() would say the same; say it before spending tokens on packing
        raise TemplateError(f"Template '{template.name}' declares variables the LLM writer does not supply: {sorted(missing)}.")

    def user(evidence_text: str) -> ChatMessage:
        vals = dict(values)
        if "evidence" in template.variables:
            vals["evidence"] = evidence_text
        return ChatMessage("user", template.render(**vals))

    rest = count_message_tokens([system, user("")], model) + SAFETY_TOKENS
    if template.output == "json":  # servers without response_format get the schema in the system prompt
        rest += count_tokens(SCHEMA_INSTRUCTION.format(schema=json.dumps(LLMBriefOut.model_json_schema())), model)
    budget = settings.context_tokens - settings.max_tokens - rest
    blocks = [EvidenceBlock(source_id=p.sid, text=p.chunk.text, header=_header(p)) for p in evidence]
    packed_blocks = pack_evidence(blocks, budget_tokens=budget, model=model) if budget > 0 else []
    if not packed_blocks:
        err = LLMError(
            f"no room for evidence: context_tokens={settings.context_tokens}, max_tokens="
            f"{settings.max_tokens}, prompt without evidence {rest} tokens",
            help_message="raise llm.context_tokens or lower llm.max_tokens",
        )
        err.retryable = False
        raise err
    packed = list(evidence[: len(packed_blocks)])
    notes = [f"evidence: packed {len(packed)} of {len(evidence)} passages into {budget} tokens"]
    if packed_blocks[-1].text != packed[-1].chunk.text:
        notes.append(f"evidence: {packed[-1].sid} truncated to fit")
    prompt = user(render_evidence(packed_blocks))
    return PreparedPrompt([system, prompt], packed, notes)


def _header(passage: EvidencePassage) -> str:
    c = passage.chunk
    parts = [p for p in (c.title, c.publisher, c.published) if p]
    return " — ".join(parts) if parts else c.doc_id


def _history(history: Sequence[Turn]) -> list[dict[str, str]]:
    out = []
    for turn in list(history)[-HISTORY_TURNS:]:
        role = turn.role if isinstance(turn, Turn) else str(turn["role"])  # type: ignore[index]
        content = turn.content if isinstance(turn, Turn) else str(turn["content"])  # type: ignore[index]
        if role not in ("user", "assistant"):
            continue
        content = " ".join(content.split())
        if len(content) > HISTORY_CHARS:
            content = content[: HISTORY_CHARS - 1].rstrip() + "…"
        out.append({"role": role, "content": neutralize(content)})
    return out
