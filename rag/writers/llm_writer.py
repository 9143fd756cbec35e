"""The LLM writer: an OpenAI-compatible chat model writes the draft from delimited evidence blocks.

- The prompt (:mod:`rag.writers.llm_prompt`): evidence only inside ``<evidence id="S…">`` blocks, packed into
  ``context_tokens - max_tokens - (rest of the prompt)`` tokens; the draft's notes say how many passages were
  packed out of how many were given. The system prompt says the evidence is untrusted data.
- Brief templates (``output = "json"``) use :meth:`OpenAIChatBackend.complete_structured` with
  :class:`LLMBriefOut`; answer templates (``output = "text"``) are plain text whose sentences end
  with ``[S1]``-style markers (streamed token by token by :meth:`LLMWriter.stream`); a text reply that is
  empty or in another language is re-asked up to ``repair_attempts`` times.
- The reply becomes a Draft in :mod:`rag.writers.llm_drafts`; the pipeline's verifier checks every claim.
- Backend errors (``LLMError`` and subclasses) propagate unchanged; the pipeline decides on fallback.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rag.config import LLMSettings
from rag.errors import LLMError, TemplateError
from rag.llm import OpenAIChatBackend
from rag.llm_messages import ChatMessage, Usage, count_message_tokens
from rag.packing import count_tokens
from rag.templates import PromptTemplate, TemplateLibrary
from rag.text.language import detect_language
from rag.types import ResolvedQuestion, Turn
from rag.writers.base import Draft, EvidencePassage, StreamItem
from rag.writers.llm_brief_schema import LLMBriefOut
from rag.writers.llm_citations import without_markers
from rag.writers.llm_drafts import draft_from_json, draft_from_text
from rag.writers.llm_prompt import PreparedPrompt, prepare_prompt

__all__ = ["LLMWriter"]

_REASK = "Your previous reply could not be used: {problem}. Answer again in the language of the question, citing the evidence ids."


class LLMWriter:
    """Writer backed by an OpenAI-compatible chat endpoint (see the module docstring)."""

    name = "openai"
    label = "LLM-written; every sentence checked against the passages it cites."

    def __init__(self, backend: OpenAIChatBackend, library: TemplateLibrary, *, settings: LLMSettings) -> None:
        self.backend = backend
        self.library = library
        self.settings = settings

    @property
    def model(self) -> str:
        return self.backend.model

    def __repr__(self) -> str:
        return f"LLMWriter(model={self.model!r})"

    # ------------------------------------------------------------------ public API

    def write(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn] = (),
        resolved: ResolvedQuestion | None = None,  # the model reads the standalone topic and the history
    ) -> Draft:
        output = self._output(template)
        if not evidence:
            return self._empty_draft(template)
        prep = self._prepare(topic, template, evidence, as_of=as_of, history=history)
        if output == "json":
            result, usage, attempts = self.backend.complete_structured(prep.messages, LLMBriefOut, schema_name="brief")
            if attempts > 1:
                prep.notes.append(f"structured output repaired: valid on attempt {attempts}")
            draft = draft_from_json(result, template, prep, backend=self.name, model=self.model)
        else:
            messages = prep.messages
            usage = Usage()
            for attempt in range(1 + self.settings.repair_attempts):
                text, used = self.backend.complete(messages)
                usage = usage + used
                problem = self._reply_problem(text, topic)
                if problem is None:
                    break
                prep.notes.append(f"reply rejected on attempt {attempt + 1}: {problem}")
                messages = [*prep.messages, ChatMessage("assistant", text[:2000]), ChatMessage("user", _REASK.format(problem=problem))]
            else:
                raise LLMError(f"LLM reply unusable after {attempt + 1} attempt(s): {problem}")
            draft = draft_from_text(text, template, prep, backend=self.name, model=self.model)
        draft.usage = {"prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens}
        return draft

    def _reply_problem(self, text: str, topic: str) -> str | None:
        """Why a text reply cannot be used (empty, or not in the question's language), or None."""
        if not text.strip():
            return "the model returned an empty reply"
        expected = detect_language(topic) or "en"
        got = detect_language(without_markers(text))
        if got is not None and got not in (expected, "en"):  # briefs are written in English or the question's language
            return f"the model answered in {got!r}, the question is in {expected!r}"
        return None

    def stream(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn] = (),
        resolved: ResolvedQuestion | None = None,
    ) -> Iterator[StreamItem]:
        """Text templates: yield each delta as it arrives, then the Draft. JSON templates: only the Draft."""
        output = self._output(template)
        if output == "json" or not evidence:
            yield self.write(topic, template, evidence, as_of=as_of, history=history)
            return
        prep = self._prepare(topic, template, evidence, as_of=as_of, history=history)
        parts: list[str] = []
        for delta in self.backend.stream(prep.messages):
            parts.append(delta)
            yield delta
        text = "".join(parts)
        problem = self._reply_problem(text, topic)
        if problem is not None:  # the deltas are already shown: no re-ask, the pipeline falls back
            raise LLMError(f"LLM reply unusable: {problem}")
        if getattr(self.backend, "truncated", False):
            prep.notes.append(f"reply cut at llm.max_reply_chars={self.settings.max_reply_chars} characters")
        draft = draft_from_text(text, template, prep, backend=self.name, model=self.model)
        draft.usage = {
            "prompt_tokens": count_message_tokens(prep.messages, self.model),
            "completion_tokens": count_tokens(text, self.model),
        }
        yield draft

    # ------------------------------------------------------------------ internals

    @staticmethod
    def _output(template: PromptTemplate) -> str:
        if template.output not in ("json", "text"):
            raise TemplateError(f"Template '{template.name}' (output={template.output!r}) cannot be used to write a draft.")
        return template.output

    def _empty_draft(self, template: PromptTemplate) -> Draft:
        return Draft(sections=[], abstain=True, backend=self.name, model=self.model,
                     notes=["evidence: packed 0 of 0 passages; nothing to write from"])

    def _prepare(self, topic: str, template: PromptTemplate, evidence: Sequence[EvidencePassage], *,
                 as_of: str | None, history: Sequence[Turn]) -> PreparedPrompt:
        return prepare_prompt(topic, template, evidence, as_of=as_of, history=history, library=self.library,
                              settings=self.settings, model=self.model)
