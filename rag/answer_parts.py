"""The answers to a compound question's parts (``question_parts``) joined into one answer: each answered part's
sections in order, its sources renumbered into one list (a source two parts cite is listed once), and every part the
corpus does not answer said with the part's own abstention, never dropped."""

from __future__ import annotations

import re
from typing import Callable, Sequence

from rag.brief import Brief, Claim, Section, Source
from rag.question_parts import QuestionPart
from rag.render import claim_text

__all__ = ["joined_answer", "joined_partials", "part_note", "tells_story", "unasked_part_message"]

_MARK = re.compile(r"\[(\d+)\]")


def part_note(parts: Sequence[QuestionPart]) -> str:
    """The provenance note naming the parts a question was answered in."""
    return f"compound question answered in {len(parts)} parts: " + "; ".join(f"“{p.standalone}”" for p in parts)


def unasked_part_message(part: str, before: str) -> str:
    """What a compound question's elided part says when the part it leans on found nothing: "The corpus has no
    evidence on the question “When did South Korea ban?”: nothing answers “Which rare earths did South Korea ban?”,
    which it asks about." """
    return f"The corpus has no evidence on the question “{part}”: nothing answers “{before}”, which it asks about."


def tells_story(brief: Brief) -> bool:
    """Whether an answer tells a story a later part can be asked of: it answered, or it is a partial answer, which
    quotes the story it found ("… reports: “China Imposes Export Restrictions on 20 Japanese Firms …”; none of the
    sources gives the names of the companies": ``abstention_text.partial_parts``). Not an abstention with nothing
    quoted, nor a partial answer that says no source reports what the question presupposes (its quote is the closest
    story, not the one asked of)."""
    from rag.writers.abstention_text import denies_premise, partial_parts

    if not brief.abstained:
        return True
    partial = partial_parts(brief.message or "")
    return partial is not None and not denies_premise(partial[2])


def _renumbered(text: str | None, numbers: dict[int, int]) -> str | None:
    """``text`` with its "[n]" marks read through ``numbers`` (a mark not in it is kept)."""
    if not text:
        return text
    return _MARK.sub(lambda m: f"[{numbers.get(int(m.group(1)), int(m.group(1)))}]", text)


def _said_abstention(brief: Brief, number_of: Callable[[Source], int]) -> str:
    """An abstaining part's message with the "[n]" marks of the closest sources it quotes (a partial answer quotes
    its closest source [1]) read as ``number_of`` numbers each in the joined answer ("" without a message)."""
    numbers = {src.index: number_of(src) for src in brief.closest_sources if f"[{src.index}]" in (brief.message or "")}
    return _renumbered(brief.message, numbers) or ""


def _weighed(claim: Claim) -> list[Claim]:
    return claim.evidence_for + claim.evidence_against + claim.verdict


def _cite(sources: dict[str, Source], src: Source, span: tuple[int, int] | None = None, source_span=None,
          source_ref: str = "", chunk_id: str | None = None) -> int:
    """The joined number of ``src`` (a part's source) in ``sources`` (doc id -> Source, numbered by first citation),
    listing it on first use, with the cited ``span`` (and where it is in the original) and chunk added."""
    have = sources.get(src.doc_id)
    if have is None:
        have = src.model_copy(deep=True, update={"index": len(sources) + 1, "spans": [], "source_spans": [],
                                                 "source_refs": [], "chunk_ids": []})
        sources[src.doc_id] = have
    if span is not None and span not in have.spans:
        have.spans.append(span)
        have.source_spans.append(source_span)
        have.source_refs.append(source_ref)
    if chunk_id and chunk_id not in have.chunk_ids:
        have.chunk_ids.append(chunk_id)
    return have.index


def _renumber(claim: Claim, by_index: dict[int, Source], sources: dict[str, Source], numbers: dict[int, int]) -> None:
    """``claim`` (a copy) and the claims weighed under it cite the joined numbers (``numbers``: the part's number ->
    the joined one, filled as sources are first cited); its attribution's "[n]" marks too."""
    for cit in claim.citations:
        src = by_index.get(cit.source)
        if src is not None:
            numbers[cit.source] = _cite(sources, src, (cit.start, cit.end), cit.source_span, cit.source_ref, cit.chunk_id)
            cit.source = numbers[src.index]
    for inner in _weighed(claim):
        _renumber(inner, by_index, sources, numbers)
    claim.attribution = _renumbered(claim.attribution, numbers)


def _told(claim: Claim) -> str:
    """A claim as the reader reads it: its quote with its attribution frame."""
    return " ".join(claim_text(claim).split())


def joined_answer(topic: str, answers: Sequence[tuple[QuestionPart, Brief]]) -> Brief:
    """One answer to ``topic`` from its parts' answers (``(part, its Brief)``, in the order asked; at least one not
    abstained). The first answered part's sections keep their names; a later part's are suffixed with its number
    ("answer_2", "details_2"), its answer section titled with the part's question. A part that abstained is said
    with its own abstention ("The corpus has no evidence on the question “How did South Korea respond?”"), a partial
    answer's quote marked with the joined number of the source it quotes (listed without a cited span when no claim
    cites it), where it was asked: before the first answered part in the answer's message, after it as a note
    section ("answer_3", kind "note") read in its place (``render.shown_answer``, the web page's answer). The provenance lists every
    part's evidence, repairs, notes and timings."""
    answered = [(k, part, brief) for k, (part, brief) in enumerate(answers, 1) if not brief.abstained]
    assert answered, "joined_answer needs an answered part"
    sources: dict[str, Source] = {}
    sections: list[Section] = []
    said: list[str] = []
    told: set[str] = set()
    repeated: list[int] = []  # the parts every claim of whose answer an earlier part's answer quoted
    dropped = verified_dropped = 0
    unanswered: list[str] = []  # the abstentions asked before the first answered part: the answer's message
    for k, (part, brief) in enumerate(answers, 1):
        if brief.abstained:
            # the document a partial answer quotes is listed under its joined number, without a cited span
            text = (_said_abstention(brief, lambda src: _cite(sources, src, chunk_id=src.chunk_ids[0] if src.chunk_ids else None))
                    or f"The corpus has no evidence on the question “{part.standalone}”.")
            if k < answered[0][0]:
                unanswered.append(text)
            else:
                sections.append(Section(name=f"answer_{k}", title=part.standalone, kind="note", text=text))
            continue
        by_index, numbers = {src.index: src for src in brief.sources}, {}
        for section in brief.sections:
            copy = section.model_copy(deep=True)
            # a sentence an earlier part's answer already quoted, framed the same, is not quoted again ("Which port
            # raised its fees, and by how much?": one sentence gives both); framed otherwise ("The sources give no
            # stated reason; …" for "why?") it is this part's answer
            # ... nor a sentence inside a quote an earlier part gave with its context ("Tokyo last week tightened …" after
            # "Tokyo last week tightened … Such materials can only be exported …")
            kept = [c for c in copy.claims if not any(_told(c) in earlier for earlier in told)]
            dropped += len(copy.claims) - len(kept)
            verified_dropped += sum(c.verified for c in copy.claims if c not in kept)
            copy.claims = kept
            if section.name == "answer" and section.claims and not kept:
                copy.text = "The passages quoted above answer this part too."
            for claim in copy.claims:
                _renumber(claim, by_index, sources, numbers)
                told.add(_told(claim))
            if k != answered[0][0]:
                copy.name = f"{section.name}_{k}"
                copy.title = part.standalone if section.name == "answer" else section.title
            sections.append(copy)
        if not any(s.claims for s in sections[len(sections) - len(brief.sections):]):
            repeated.append(k)
        if brief.message and brief.message not in said:
            said.append(brief.message)  # a note shown with the part's answer (the filters, a stand-in writer)
    first = answered[0][2]
    prov = first.provenance.model_copy(deep=True)
    prov.query = topic
    prov.notes, prov.repairs, prov.evidence, prov.timings, prov.usage = [part_note([p for p, _ in answers])], [], [], {}, {}
    for k, (part, brief) in enumerate(answers, 1):
        p = brief.provenance
        prov.notes += [f"part {k}: {note}" for note in p.notes]
        if k in repeated:
            prov.notes.append(f"part {k}: answered by the passages quoted for an earlier part")
        prov.repairs += [r.model_copy(update={"section": r.section if k == answered[0][0] else f"{r.section}_{k}"})
                         for r in p.repairs]
        prov.evidence += [c for c in p.evidence if c not in prov.evidence]
        for key, value in p.timings.items():
            prov.timings[key] = round(prov.timings.get(key, 0.0) + value, 4)
        for key, value in p.usage.items():
            prov.usage[key] = prov.usage.get(key, 0) + value
    dates = [b.as_of for _, _, b in answered if b.as_of]
    brief = Brief(
        kind="answer", template=first.template, topic=topic, headline=first.headline, as_of=max(dates) if dates else None,
        message=" ".join(unanswered + said) or None, label=first.label, sections=sections,
        sources=sorted(sources.values(), key=lambda s: s.index),
        claims_total=sum(b.claims_total for _, _, b in answered) - dropped,
        claims_verified=sum(b.claims_verified for _, _, b in answered) - verified_dropped, provenance=prov,
    )
    brief.id = brief.compute_id()
    return brief


def joined_partials(topic: str, answers: Sequence[tuple[QuestionPart, Brief]]) -> Brief:
    """One abstaining answer to ``topic`` from its parts' answers when no part is answered in full: each part's
    partial answer or abstention in the order asked, the quoted sources renumbered into one list of closest sources
    (a source two parts quote is listed once). "Which Japanese companies did China restrict, and when?" says both
    what the sources leave out of the first part and the date its story was reported, which the second part's partial
    answer gives. The provenance lists every part's evidence and notes."""
    sources: dict[str, Source] = {}  # doc id -> the closest source as its part listed it, renumbered
    said: list[str] = []

    def listed(src: Source) -> int:
        if src.doc_id not in sources:
            sources[src.doc_id] = src.model_copy(deep=True, update={"index": len(sources) + 1})
        return sources[src.doc_id].index

    for _part, brief in answers:
        message = _said_abstention(brief, listed)
        if message and message not in said:
            said.append(message)
    for _part, brief in answers:  # then the closest sources no part quotes, as one part's abstention lists them
        for src in brief.closest_sources:
            if len(sources) >= 3:
                break
            listed(src)
    first = answers[0][1]
    prov = first.provenance.model_copy(deep=True)
    prov.query = topic
    prov.notes, prov.evidence = [part_note([p for p, _ in answers]) + ", none answered in full"], []
    for k, (_part, brief) in enumerate(answers, 1):
        prov.notes += [f"part {k}: {note}" for note in brief.provenance.notes]
        prov.evidence += [c for c in brief.provenance.evidence if c not in prov.evidence]
    brief = Brief(kind="answer", template=first.template, topic=topic, abstained=True, message=" ".join(said),
                  label=first.label, closest_sources=sorted(sources.values(), key=lambda s: s.index),
                  as_of=first.as_of, provenance=prov)
    brief.id = brief.compute_id()
    return brief
