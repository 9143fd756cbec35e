"""The model's reply as a :class:`Draft`: a JSON brief (:class:`LLMBriefOut`) or a text answer whose sentences
end with ``[S1]``-style markers.

Every claim cites whole passages (``CitedSpan`` = the chunk's document span); the pipeline's verifier narrows,
re-cites or removes claims. Claims without a valid citation are kept with empty cites; sections not in the
template, computed (``stat``) sections and claims past a section's ``max_items`` are dropped with a note.
"""

from __future__ import annotations

from rag.brief import NO_EVIDENCE
from rag.templates import PromptTemplate, SectionSpec
from rag.writers.base import Draft, DraftClaim, DraftSection
from rag.writers.llm_brief_schema import LLMBriefOut, LLMSectionOut
from rag.writers.llm_citations import is_no_evidence, parse_cited_text, says_evidence_does_not_answer
from rag.writers.llm_prompt import PreparedPrompt

__all__ = ["draft_from_json", "draft_from_text"]


def draft_from_json(out: LLMBriefOut, template: PromptTemplate, prep: PreparedPrompt, *, backend: str, model: str) -> Draft:
    """The Draft of a validated JSON brief, its sections in the template's order (notes added to ``prep.notes``)."""
    notes = prep.notes
    if out.abstain:
        notes.append("model abstained: the evidence does not cover the topic")
        return Draft(sections=[], abstain=True, backend=backend, model=model, notes=notes)
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
            sections.append(DraftSection(spec.name, terms=_terms(spec, outs, prep)))
            continue
        claims: list[DraftClaim] = []
        seen: set[str] = set()
        for sec in outs:
            for c in sec.claims:
                base = prep.resolve(c.sources, spec.name)
                for text, ids in parse_cited_text(c.text):
                    if is_no_evidence(text):
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
            return Draft(sections=[], abstain=True, backend=backend, model=model, notes=notes)
    uncited = sum(1 for s in sections for c in s.claims if not c.cites)
    if uncited:
        notes.append(f"{uncited} claim(s) without a valid citation kept for the verifier")
    return Draft(sections=sections, backend=backend, model=model, notes=notes)


def draft_from_text(text: str, template: PromptTemplate, prep: PreparedPrompt, *, backend: str, model: str) -> Draft:
    """The Draft of a text answer: its sentences fill the template's claims sections in order, up to their limits."""
    notes = prep.notes
    sentences = parse_cited_text(text)
    if not sentences or is_no_evidence(text):
        notes.append("model abstained: " + (sentences[0][0] if sentences else "empty reply"))
        return Draft(sections=[], abstain=True, backend=backend, model=model, notes=notes)
    if says_evidence_does_not_answer(sentences[0][0]) and not any(
        prep.resolve(ids, "answer") for _, ids in sentences
    ):
        notes.append("model abstained: " + sentences[0][0])
        return Draft(sections=[], abstain=True, backend=backend, model=model, notes=notes)

    specs = [s for s in template.sections if s.kind == "claims"] or [
        SectionSpec("answer", "Answer", "", max_items=1),
        SectionSpec("details", "Supporting detail", "", max_items=3, required=False),
    ]
    sections = [DraftSection(s.name) for s in specs]
    by_name = {s.name: s for s in sections}
    i = 0
    dropped = 0
    for sentence, ids in sentences:
        if is_no_evidence(sentence):
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
    return Draft(sections=sections, backend=backend, model=model, notes=notes)


def _terms(spec: SectionSpec, outs: list[LLMSectionOut], prep: PreparedPrompt) -> list[str]:
    """A terms section: the model's terms (and claim texts) that occur in the packed evidence, deduplicated."""
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


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()
