"""A digest's title, cut into the stories it names (issue 10, item 4: "What happened" quotes this story's part).

A generated digest titles many stories in one line: "Japan blocks Chinese battery makers over cybersecurity—while
China prosecutes chip smugglers and Korea pitches a new chip hub". Quoted whole under "What happened" in a brief on
battery cybersecurity approval, two thirds of it is other stories. ``story_parts`` cuts such a title at the joints
between stories (``rag/text/data/digest_titles.toml``: "—while", "; ", " | ", and, once the title is a digest,
"… and Korea pitches …" before a new subject with its verb); ``split_digest_titles`` replaces each title candidate
by one candidate per part, each citing its own span, so the brief's on-topic and relevance tests pick the part that
is this story's. A title naming one story is left whole.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Sequence

from rag.text.lexicon import table
from rag.text.sentences import flatten
from rag.writers.candidates import Candidate
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import CUES

__all__ = ["story_parts", "split_digest_titles"]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    data = table("digest_titles")
    return (re.compile("|".join(data["joints"]), re.I), re.compile("|".join(data["subject_joints"])),
            int(data["min_words"]))


def story_parts(title: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the stories a title names, in order, trimmed of spaces and closing punctuation;
    ``[(0, len(title))]`` when it names one (no joint, or a part shorter than ``min_words`` words). A subject joint
    ("… and Korea pitches …") cuts only a title a joint has shown to be a digest: "Japan and Korea sign a chip pact"
    is one story."""
    joints, subject_joints, min_words = _patterns()
    cuts = [m.span() for m in joints.finditer(title)]
    if not cuts:
        return [(0, len(title))]
    cuts += [m.span() for m in subject_joints.finditer(title)]
    spans, at = [], 0
    for a, b in sorted(cuts):
        if a < at:
            continue
        spans.append((at, a))
        at = b
    spans.append((at, len(title)))
    out = []
    for a, b in spans:
        piece = title[a:b]
        b = a + len(piece.rstrip(" .,;:!?"))
        a = a + (len(piece) - len(piece.lstrip()))
        out.append((a, b))
    if any(len(title[a:b].split()) < min_words for a, b in out):
        return [(0, len(title))]
    return out


def split_digest_titles(cands: Sequence[Candidate]) -> list[Candidate]:
    """Each title candidate that names several stories (``story_parts``) replaced by one candidate per story, each
    with its own span, stems and cue families (still a title); other candidates unchanged, in order."""
    out: list[Candidate] = []
    for c in cands:
        raw = c.passage.chunk.text[c.local_start:c.local_end]
        parts = story_parts(raw) if c.is_title else [(0, len(raw))]
        if len(parts) < 2:
            out.append(c)
            continue
        for a, b in parts:
            text = flatten(raw[a:b])
            out.append(replace(c, local_start=c.local_start + a, local_end=c.local_start + b, text=text,
                               stems=text_stems(text), cues=frozenset(n for n, rx in CUES.items() if rx.search(text))))
    return out
