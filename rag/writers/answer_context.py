"""A dependent sentence in an answer: quoted alone in a conversation that already gave its context, linked to the
sentence it continues, and never the answer's first sentence when it leans on a sentence the reader has not seen."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

import re

from rag.text.lexicon import word_list
from rag.text.sentences import flatten, split_sentences
from rag.writers.candidates import CONNECTIVE_RE, Candidate, is_dependent
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import CUES

__all__ = ["alone_in_conversation", "link_dependents", "standalone_leads", "without_opener", "with_sentence_before",
           "opening_on_its_own", "EXAMPLE_RE"]

#: A sentence presented as one more example of what came before ("Another symbolic example is TSMC, …":
#: ``example_markers.txt``)
EXAMPLE_RE = re.compile(r"^[\W_]*(?:" + "|".join(word_list("example_markers")) + ")", re.I)


def _requoted(c: Candidate, start: int, text: str, **changes) -> Candidate:
    """``c`` quoted from ``start`` (in its chunk) to its end as ``text``, its stems and cue families read again."""
    return replace(c, local_start=start, text=text, stems=text_stems(text),
                   cues=frozenset(name for name, rx in CUES.items() if rx.search(text)), **changes)


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
                c = _requoted(c, dep.start, text, with_context=False, role=None, role_probs={}, is_lede=False)
        out.append(c)
    return out


def standalone_leads(cands: Sequence[Candidate], pool: Sequence[int]) -> list[int]:
    """The indices of ``pool`` (into ``cands``) that may open an answer: not those quoted alone though they open
    with a discourse connective or an example marker (``candidates.CONNECTIVE_RE``, ``discourse_connectives.toml``:
    "For example, the media reported …", "In other words, …", "Accordingly, …"; ``EXAMPLE_RE``: "Another symbolic
    example is …"), whose first argument is a sentence the reader has not seen; ``pool`` itself when every one does
    (``opening_on_its_own`` then mends the lead). Such a sentence may still follow the lead: an answer quotes it
    alone (a brief joins it to its context, ``candidates(connectives=True)``; joining it in answers pushed a
    question's figure out of the answer's length, evals/README.md h/briefs-s24). What counts is how the quote
    opens: "For example, … This was obviously the result of …" (a sentence quoted with the one it depends on) does
    not stand alone either."""
    alone = [i for i in pool if not (CONNECTIVE_RE.match(cands[i].text) or EXAMPLE_RE.match(cands[i].text))]
    return alone or list(pool)


def without_opener(c: Candidate) -> Candidate | None:
    """The quote without its opening connective when a comma sets the connective off and a whole clause follows
    ("For example, customs officers in Tessport held 14 container ships …" -> "Customs officers in Tessport held 14
    container ships …"): the connective only ties the sentence to one before it, and what the clause states stays
    true without it. The span cited is the clause's, verbatim; its first letter is capitalized to open the answer, the
    one change a quotation's first word may take silently (The Chicago Manual of Style, 17th ed., 13.19). None when
    the quote opens with no connective, when none is set off by a comma ("Another notable example is …", "As such
    the …"), or for a quote made of parts or joined to its context."""
    if c.parts or c.with_context:
        return None
    raw = c.passage.chunk.text[c.local_start : c.local_end]
    m = CONNECTIVE_RE.match(raw) if raw[:1].isalpha() else None  # an opening quotation mark would lose its pair
    set_off = m is not None and raw[: m.end()].rstrip().endswith(",")  # a set_off connective holds its comma
    comma = re.match(r"\s*" if set_off else r"\s*,\s*", raw[m.end():]) if m else None
    if comma is None or "," not in raw[: m.end() + comma.end()]:
        return None
    start = c.local_start + m.end() + comma.end()
    rest = flatten(c.passage.chunk.text[start : c.local_end])
    if not rest or not rest[0].isalpha() or len(rest.split()) < 3:
        return None
    return _requoted(c, start, rest[0].upper() + rest[1:])


def with_sentence_before(c: Candidate) -> Candidate | None:
    """The quote joined to the sentence right before it in its passage ("Teshima's coast guard has seized foreign
    fishing boats … Another notable example is the Marovian trawler Seabird, …"), as a brief quotes a dependent
    sentence: its example marker now refers to what the reader has read. None when the quote already holds its
    context or parts, or when no sentence stands right before it (only blank space between) that stands alone."""
    if c.parts or c.with_context:
        return None
    text = c.passage.chunk.text
    before = [x for x in split_sentences(text[: c.local_start]) if not text[x.end : c.local_start].strip()]
    if not before or is_dependent(before[-1].text, connectives=True) or EXAMPLE_RE.match(before[-1].text):
        return None
    return _requoted(c, before[-1].start, flatten(text[before[-1].start : c.local_end]), with_context=True)


def opening_on_its_own(c: Candidate) -> Candidate | None:
    """How a lead that opens with a connective or example marker (``standalone_leads`` found no other) is quoted so
    that its text stays true: without a droppable connective (``without_opener``), else with the sentence it leans
    on (``with_sentence_before``); None when it needs neither or neither can be made."""
    if not (CONNECTIVE_RE.match(c.text) or EXAMPLE_RE.match(c.text)):
        return None
    return without_opener(c) or with_sentence_before(c)
