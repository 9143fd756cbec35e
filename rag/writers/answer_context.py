"""A dependent sentence in a conversation: quoted alone when the conversation already gave its context, and linked
to the sentence it continues."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from rag.text.sentences import flatten, split_sentences
from rag.writers.candidates import Candidate, is_dependent
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import CUES

__all__ = ["alone_in_conversation", "link_dependents"]


def link_dependents(cands: Sequence[Candidate], neighbours: list[list[int]]) -> None:
    """Record in ``neighbours`` (in place) that a dependent sentence quoted alone (``alone_in_conversation``) continues
    the sentence right before it in the same passage, as a sentence opening with "The decision" does."""
    for b, cb in enumerate(cands):
        if cb.with_context or not is_dependent(cb.text):
            continue
        for a, ca in enumerate(cands):
            if (a != b and ca.chunk_id == cb.chunk_id and ca.local_end <= cb.local_start
                    and not ca.passage.chunk.text[ca.local_end : cb.local_start].strip() and b not in neighbours[a]):
                neighbours[a].append(b)


def alone_in_conversation(cands: list[Candidate], said: Sequence[str]) -> list[Candidate]:
    """The candidates with each dependent sentence quoted with its context ("Japan has denied approval ... The
    decision, reported on 2026-06-30 by Nikkei Asia, ...") replaced by the dependent sentence alone when the
    conversation already gave that context (``said``: the earlier replies, whitespace-collapsed): in a follow-up the
    reader has it, and the sentence that answers ("when was that reported?") can come first."""
    if not said:
        return cands
    out: list[Candidate] = []
    for c in cands:
        if c.with_context:
            chunk = c.passage.chunk
            dep = next((x for x in split_sentences(chunk.text) if x.end == c.local_end and x.start > c.local_start), None)
            context = flatten(chunk.text[c.local_start : dep.start]) if dep else ""
            if dep and context and any(context in turn for turn in said):
                text = flatten(dep.text)
                c = replace(c, local_start=dep.start, text=text, stems=text_stems(text), with_context=False,
                            cues=frozenset(name for name, rx in CUES.items() if rx.search(dep.text)), role=None,
                            role_probs={}, is_lede=False)
        out.append(c)
    return out
