"""The LLM writer: an OpenAI-compatible chat model writes the draft from delimited evidence blocks.

- The evidence reaches the model only inside ``<evidence id="S…">`` blocks rendered by
  :func:`rag.packing.render_evidence` (delimiter look-alikes in article text are neutralized); it is
  never concatenated into instructions. The system prompt says the evidence is untrusted data.
- Evidence is packed into ``context_tokens - max_tokens - (rest of the prompt)`` tokens; the draft's
  notes say how many passages were packed out of how many were given.
- Brief templates (``output = "json"``) use :meth:`OpenAIChatBackend.complete_structured` with
  :class:`LLMBriefOut`; answer templates (``output = "text"``) are plain text whose sentences end
  with ``[S1]``-style markers (streamed token by token by :meth:`LLMWriter.stream`).
- Every claim cites whole passages (``CitedSpan`` = the chunk's document span); the pipeline's verifier
  narrows, re-cites or removes claims. Claims without a valid citation are kept with empty cites.
- Backend errors (``LLMError`` and subclasses) propagate unchanged; the pipeline decides on fallback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, Field, field_validator

from rag.brief import NO_EVIDENCE
from rag.config import LLMSettings
from rag.errors import LLMError, TemplateError
from rag.llm import OpenAIChatBackend
from rag.llm_messages import ChatMessage, Usage, count_message_tokens
from rag.llm_structured import SCHEMA_INSTRUCTION
from rag.packing import (
    EvidenceBlock,
    count_tokens,
    neutralize,
    pack_evidence,
    render_evidence,
)
from rag.text.language import detect_language
from rag.text.sentences import split_sentences
from rag.templates import PromptTemplate, SectionSpec, TemplateLibrary
from rag.types import ResolvedQuestion, Turn
from rag.writers.base import (
    CitedSpan,
    Draft,
    DraftClaim,
    DraftSection,
    EvidencePassage,
    StreamItem,
)

__all__ = ["LLMBriefOut", "LLMClaimOut", "LLMSectionOut", "LLMWriter", "parse_cited_text"]

HISTORY_TURNS = 6  # turns of conversation shown to the model for follow-up questions
HISTORY_CHARS = 600  # each turn truncated to this many characters
SAFETY_TOKENS = 16  # slack for chat-template tokens the count does not see
_REASK = "Your previous reply could not be used: {problem}. Answer again in the language of the question, citing the evidence ids."


# --------------------------------------------------------------------------- structured output


class LLMClaimOut(BaseModel):
    text: str = Field(description="One sentence.")
    sources: list[str] = Field(description='Ids of the evidence passages that support the sentence, e.g. ["S1", "S3"].')

    @field_validator("sources", mode="before")
    @classmethod
    def _coerce_sources(cls, value: Any) -> Any:
        if value is None:
            return []
        if isinstance(value, (str, int)):
            return [str(value)]
        if isinstance(value, list):
            return [str(v) if isinstance(v, int) else v for v in value]
        return value


class LLMSectionOut(BaseModel):
    name: str
    claims: list[LLMClaimOut] = Field(default_factory=list)
    terms: list[str] = Field(default_factory=list)

    @field_validator("claims", mode="before")
    @classmethod
    def _coerce_claims(cls, value: Any) -> Any:
        if isinstance(value, list):  # bare strings: a claim whose citations are inline markers (or none)
            return [{"text": v, "sources": []} if isinstance(v, str) else v for v in value]
        return value


class LLMBriefOut(BaseModel):
    abstain: bool = False
    sections: list[LLMSectionOut]


# --------------------------------------------------------------------------- citation markers

_ID_RE = re.compile(r"(?:S|SOURCE|SRC)?#?0*(\d+)")
_MARK_ID = r"[Ss]?\s*\d+"
_MARK_SEP = r"\s*(?:,|;|&|and)\s*"
# [S1]  [S1, S3]  [1]  (S2)  (S1; S4) — parentheses need the S so "(3)" list numbers are left alone.
_MARKER_RE = re.compile(
    rf"\[\s*{_MARK_ID}(?:{_MARK_SEP}{_MARK_ID})*\s*\]"
    rf"|\(\s*[Ss]\s*\d+(?:{_MARK_SEP}{_MARK_ID})*\s*\)"
)
_LEADING_MARKERS_RE = re.compile(rf"^(?:\s*(?:{_MARKER_RE.pattern}))+\s*")
_DOES_NOT_ANSWER_RE = re.compile(
    r"\b(?:evidence|passages?|sources?|corpus|documents?)\b[^.]{0,60}?"
    r"\b(?:does not|doesn't|do not|don't|did not|cannot|can't)\b[^.]{0,30}?"
    r"\b(?:answer|address|mention|contain|say|cover|include|provide|discuss)"
    r"|^(?:there is |there's )?no (?:relevant |direct )?(?:evidence|information)\b",
    re.IGNORECASE,
)


def _norm_id(raw: str) -> str | None:
    """'S3', '[S3]', 's3', '3', 'S 03', '(S3)' → 'S3'; None when it is not a single id."""
    s = re.sub(r"\s+", "", str(raw)).strip("[]()【】<>\"'").upper()
    m = _ID_RE.fullmatch(s)
    return f"S{m.group(1)}" if m else None


def _split_ids(raw: str) -> list[str]:
    """Ids in one ``sources`` entry: usually one, sometimes 'S1, S3' or '[S1][S3]'."""
    one = _norm_id(raw)
    if one is not None:
        return [one]
    out = []
    for piece in re.split(r"[\s,;\[\]()]+|\band\b", str(raw)):
        if piece and (n := _norm_id(piece)) is not None:
            out.append(n)
    return out if out else [str(raw).strip()]  # unparseable: kept raw so it is reported as unknown


def _marker_ids(marker: str) -> list[str]:
    return [f"S{int(d)}" for d in re.findall(r"\d+", marker)]


def _clean(text: str) -> str:
    text = _MARKER_RE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([.,;:!?…])", r"\1", text)
    return text


def parse_cited_text(text: str) -> list[tuple[str, list[str]]]:
    """Sentences of ``text`` with their citation markers: ``[(sentence without markers, ['S1', ...])]``.

    Markers at the start of a sentence (``"... in May. [S1] Next ..."``) belong to the sentence before.
    """
    out: list[tuple[str, list[str]]] = []
    for sent in split_sentences(text):
        body = sent.text
        lead = _LEADING_MARKERS_RE.match(body)
        if lead and out:
            out[-1][1].extend(i for i in _marker_ids(lead.group(0)) if i not in out[-1][1])
            body = body[lead.end():]
        ids: list[str] = []
        for m in _MARKER_RE.finditer(body):
            ids.extend(i for i in _marker_ids(m.group(0)) if i not in ids)
        clean = _clean(body)
        if re.search(r"\w", clean):
            out.append((clean, ids))
        elif ids and out:  # a sentence made only of markers
            out[-1][1].extend(i for i in ids if i not in out[-1][1])
    return out


def _is_no_evidence(text: str) -> bool:
    return text.lstrip(" \t\n\"'“‘*>-").casefold().startswith(NO_EVIDENCE.casefold())


def _header(passage: EvidencePassage) -> str:
    c = passage.chunk
    parts = [p for p in (c.title, c.publisher, c.published) if p]
    return " — ".join(parts) if parts else c.doc_id


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


# --------------------------------------------------------------------------- writer


class _Prepared:
    """Messages plus what the parser needs: the packed passages by id and the notes so far."""

    def __init__(self, messages: list[ChatMessage], packed: list[EvidencePassage], notes: list[str]) -> None:
        self.messages = messages
        self.packed = packed
        self.by_id = {(_norm_id(p.sid) or p.sid.upper()): p for p in packed}
        self.notes = notes

    def resolve(self, raw_ids: Sequence[str], where: str) -> list[CitedSpan]:
        cites: list[CitedSpan] = []
        for raw in raw_ids:
            for sid in _split_ids(raw):
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
            draft = self._from_json(result, template, prep)
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
            draft = self._from_text(text, template, prep)
        draft.usage = _usage_dict(usage)
        return draft

    def _reply_problem(self, text: str, topic: str) -> str | None:
        """Why a text reply cannot be used (empty, or not in the question's language), or None."""
        if not text.strip():
            return "the model returned an empty reply"
        expected = detect_language(topic) or "en"
        got = detect_language(_MARKER_RE.sub(" ", text))
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
        draft = self._from_text(text, template, prep)
        draft.usage = {
            "prompt_tokens": count_message_tokens(prep.messages, self.model),
            "completion_tokens": count_tokens(text, self.model),
        }
        yield draft

    # ------------------------------------------------------------------ prompt

    @staticmethod
    def _output(template: PromptTemplate) -> str:
        if template.output not in ("json", "text"):
            raise TemplateError(f"Template '{template.name}' (output={template.output!r}) cannot be used to write a draft.")
        return template.output

    def _empty_draft(self, template: PromptTemplate) -> Draft:
        return Draft(sections=[], abstain=True, backend=self.name, model=self.model,
                     notes=["evidence: packed 0 of 0 passages; nothing to write from"])

    def _prepare(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn],
    ) -> _Prepared:
        system = ChatMessage("system", self.library.get("system").render(no_evidence=NO_EVIDENCE))
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

        model = self.model
        rest = count_message_tokens([system, user("")], model) + SAFETY_TOKENS
        if template.output == "json":  # servers without response_format get the schema in the system prompt
            rest += count_tokens(SCHEMA_INSTRUCTION.format(schema=json.dumps(LLMBriefOut.model_json_schema())), model)
        budget = self.settings.context_tokens - self.settings.max_tokens - rest
        blocks = [EvidenceBlock(source_id=p.sid, text=p.chunk.text, header=_header(p)) for p in evidence]
        packed_blocks = pack_evidence(blocks, budget_tokens=budget, model=model) if budget > 0 else []
        if not packed_blocks:
            err = LLMError(
                f"no room for evidence: context_tokens={self.settings.context_tokens}, max_tokens="
                f"{self.settings.max_tokens}, prompt without evidence {rest} tokens",
                help_message="raise llm.context_tokens or lower llm.max_tokens",
            )
            err.retryable = False
            raise err
        packed = list(evidence[: len(packed_blocks)])
        notes = [f"evidence: packed {len(packed)} of {len(evidence)} passages into {budget} tokens"]
        if packed_blocks[-1].text != packed[-1].chunk.text:
            notes.append(f"evidence: {packed[-1].sid} truncated to fit")
        prompt = user(render_evidence(packed_blocks))
        return _Prepared([system, prompt], packed, notes)

    # ------------------------------------------------------------------ JSON briefs

    def _from_json(self, out: LLMBriefOut, template: PromptTemplate, prep: _Prepared) -> Draft:
        notes = prep.notes
        if out.abstain:
            notes.append("model abstained: the evidence does not cover the topic")
            return Draft(sections=[], abstain=True, backend=self.name, model=self.model, notes=notes)
        specs = {s.name: s for s in template.sections}
        by_key = {s.name.casefold(): s.name for s in template.sections}
        by_key.update({s.title.casefold(): s.name for s in template.sections})
        grouped: dict[str, list[LLMSectionOut]] = {}
        for sec in out.sections:
            name = by_key.get(sec.name.strip().casefold()) or by_key.get(sec.name.strip().casefold().replace(" ", "_"))
            if name is None:
                notes.append(f"ignored section {sec.name!r}: not in template '{template.name}'")
                continue
            if specs[name].kind == "stat":
                notes.append(f"ignored section {name!r}: computed, not written")
                continue
            grouped.setdefault(name, []).append(sec)

        saw_no_evidence = False
        sections: list[DraftSection] = []
        for spec in template.sections:
            if spec.kind == "stat":  # computed by the pipeline: an empty placeholder, as the extractive writer
                sections.append(DraftSection(spec.name))
                continue
            outs = grouped.get(spec.name, [])
            if spec.kind == "terms":
                sections.append(DraftSection(spec.name, terms=self._terms(spec, outs, prep)))
                continue
            claims: list[DraftClaim] = []
            seen: set[str] = set()
            for sec in outs:
                for c in sec.claims:
                    base = prep.resolve(c.sources, spec.name)
                    for text, ids in parse_cited_text(c.text):
                        if _is_no_evidence(text):
                            saw_no_evidence = True
                            continue
                        if _squash(text) in seen:
                            continue
                        seen.add(_squash(text))
                        cites = list(base)
                        cites += [s for s in prep.resolve(ids, spec.name) if s not in cites]
                        claims.append(DraftClaim(text, cites))
            if len(claims) > spec.max_items:
                notes.append(f"section {spec.name!r}: kept {spec.max_items} of {len(claims)} claims")
                claims = claims[: spec.max_items]
            sections.append(DraftSection(spec.name, claims=claims))
        if saw_no_evidence:
            notes.append(f"dropped claims starting {NO_EVIDENCE!r}")
            if not any(s.claims for s in sections):
                return Draft(sections=[], abstain=True, backend=self.name, model=self.model, notes=notes)
        uncited = sum(1 for s in sections for c in s.claims if not c.cites)
        if uncited:
            notes.append(f"{uncited} claim(s) without a valid citation kept for the verifier")
        return Draft(sections=sections, backend=self.name, model=self.model, notes=notes)

    @staticmethod
    def _terms(spec: SectionSpec, outs: list[LLMSectionOut], prep: _Prepared) -> list[str]:
        haystacks = [_squash(p.chunk.text) for p in prep.packed]
        raw = [t for sec in outs for t in sec.terms] + [c.text for sec in outs for c in sec.claims]
        kept: list[str] = []
        dropped: list[str] = []
        seen: set[str] = set()
        for term in raw:
            term = " ".join(str(term).split()).strip("\"'`#.,;:“”‘’ ")
            key = term.casefold()
            if not term or key in seen:
                continue
            seen.add(key)
            if any(key in h for h in haystacks):
                kept.append(term)
            else:
                dropped.append(term)
        if dropped:
            prep.notes.append(f"section {spec.name!r}: dropped terms not in the evidence: {', '.join(map(repr, dropped))}")
        if len(kept) > spec.max_items:
            prep.notes.append(f"section {spec.name!r}: kept {spec.max_items} of {len(kept)} terms")
        return kept[: spec.max_items]

    # ------------------------------------------------------------------ text answers

    def _from_text(self, text: str, template: PromptTemplate, prep: _Prepared) -> Draft:
        notes = prep.notes
        sentences = parse_cited_text(text)
        if not sentences or _is_no_evidence(text):
            notes.append("model abstained: " + (sentences[0][0] if sentences else "empty reply"))
            return Draft(sections=[], abstain=True, backend=self.name, model=self.model, notes=notes)
        if _DOES_NOT_ANSWER_RE.search(sentences[0][0]) and not any(
            prep.resolve(ids, "answer") for _, ids in sentences
        ):
            notes.append("model abstained: " + sentences[0][0])
            return Draft(sections=[], abstain=True, backend=self.name, model=self.model, notes=notes)

        specs = [s for s in template.sections if s.kind == "claims"] or [
            SectionSpec("answer", "Answer", "", max_items=1),
            SectionSpec("details", "Supporting detail", "", max_items=3, required=False),
        ]
        sections = [DraftSection(s.name) for s in specs]
        by_name = {s.name: s for s in sections}
        i = 0
        dropped = 0
        for sentence, ids in sentences:
            if _is_no_evidence(sentence):
                notes.append(f"dropped sentence starting {NO_EVIDENCE!r}")
                continue
            while i < len(specs) and len(sections[i].claims) >= specs[i].max_items:
                i += 1
            if i >= len(specs):
                dropped += 1
                continue
            sections[i].claims.append(DraftClaim(sentence, prep.resolve(ids, specs[i].name)))
        if dropped:
            notes.append(f"dropped {dropped} sentence(s) beyond the template's limits")
        uncited = sum(1 for s in sections for c in s.claims if not c.cites)
        if uncited:
            notes.append(f"{uncited} claim(s) without a valid citation kept for the verifier")
        if template.sections:  # all of the template's sections, in its order (non-claims ones empty)
            sections = [by_name.get(s.name) or DraftSection(s.name) for s in template.sections]
        return Draft(sections=sections, backend=self.name, model=self.model, notes=notes)


# --------------------------------------------------------------------------- helpers


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


def _usage_dict(usage: Usage) -> dict[str, int]:
    return {"prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens}
