"""Headlines as evidence for answers (issue 10, items 4 and 8).

An answer's sentences are prose; a report's headline is a line without a full stop, so answers drop it as a heading
("Intelligence Report: Tokyo protests as China blocks dual-use exports to 20 Japanese companies", the only trace in
the sample corpus of Japan's response). A headline that states the asked act may answer, cited as the headline; one
that only names the topic ("Japan and China: the export dispute") may not.

A document's headlines are read from its opening passage: its title (the catalog's) where the text repeats it, and
the title-like lines near the top (4 to ``MAX_WORDS`` words, capitalised, read as a headline by the text layer's
``normalize.looks_like_headline``, at most ``LABEL_WORDS`` words of label before a colon dropped: "Intelligence
Report: …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.followup import asks_response
from rag.text.markdown import heading_marks
from rag.text.normalize import looks_like_headline
from rag.text.transcript_turns import turns
from rag.text.places import place_mentions
from rag.types import Chunk
from rag.writers.answer_actor import led_by_another_place

__all__ = ["Headline", "headlines", "states_response", "OPENING_LINES", "MAX_WORDS", "LABEL_WORDS"]

#: headlines are read from this many non-empty lines at the top of a document's opening passage
OPENING_LINES = 8
#: a headline holds at least 4 and at most this many words
MAX_WORDS = 24
#: a label before a headline's colon ("Intelligence Report:") has at most this many words
LABEL_WORDS = 3

_LABEL = re.compile(rf"^(?:[A-Z][\w’'-]*\s+){{0,{LABEL_WORDS - 1}}}[A-Z][\w’'-]*:\s+")


@dataclass(frozen=True)
class Headline:
    """A headline line of a passage: its text and its span in the document (``chunk.start`` + offsets)."""

    text: str
    start: int
    end: int
    chunk_id: str


def headlines(chunk: Chunk) -> list[Headline]:
    """The headline lines of a document's opening passage (``chunk.index == 0``; [] for any other passage): the
    title-like lines among its first ``OPENING_LINES`` non-empty lines, a leading label ("Intelligence Report:")
    left out of the headline's span."""
    if chunk.index != 0:
        return []
    out: list[Headline] = []
    seen = 0
    spoken = turns(chunk.text)  # a transcript's turn is someone's words ("AFP: Will Beijing …?"), never a headline
    for m in re.finditer(r"[^\n]+", chunk.text):
        line = m.group(0).strip()
        if not line:
            continue
        if any(t.start <= m.start() < t.end for t in spoken):
            seen += 1
            continue
        seen += 1
        if seen > OPENING_LINES:
            break
        lead = len(m.group(0)) - len(m.group(0).lstrip())
        marks = heading_marks(line)  # a Markdown heading's marks are not the headline's words
        lead, line = lead + marks, line[marks:]
        label = _LABEL.match(line)
        body = line[label.end():] if label else line
        words = body.split()
        if 4 <= len(words) <= MAX_WORDS and body[:1].isupper() and looks_like_headline(body):
            start = m.start() + lead + (label.end() if label else 0)
            out.append(Headline(body, chunk.start + start, chunk.start + start + len(body), chunk.chunk_id))
    return out


def states_response(headline: str, responder: str) -> bool:
    """Whether a headline states how ``responder`` (a place key: "japan") responded: it holds a response cue
    (``response_cues.txt``: "protests", "retaliates", "responds", …), the first place it names is the responder
    ("Tokyo protests as China blocks …"), and no other country leads it ("China Imposes Export Restrictions on 20
    Japanese Firms, Sparking Diplomatic Tensions with Tokyo" names Japan only as the object)."""
    mentions = place_mentions(headline)
    return (asks_response(headline) and bool(mentions) and mentions[0].key == responder
            and not led_by_another_place(headline, {responder}))
