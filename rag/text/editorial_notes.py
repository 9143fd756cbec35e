"""Editorial notes about an article (correction, clarification, update, editor's note; also in Japanese, Korean and
Chinese): recognised once, here, for the near-duplicate reader and the writers alike.

A note opens with its label or its own words (``data/correction_notes.toml``: "Correction:", "An earlier version of
this article …", "※記事の一部を訂正しました", "[정정]") and runs to the end of its paragraph: "Correction: An earlier
version of this article said the plant would have a capacity of 5,000 tonnes a year. The correct figure is 3,000
tonnes a year. It also misidentified the minister …" is one note of three sentences, none a fact of the story
(s66's new user, F21: the second and third were quoted in an answer). The corrected fact is told by the story's own
sentences, which stay quotable.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table

__all__ = ["note_pattern", "opens_note", "note_spans"]

#: a paragraph ends at a blank line
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*")


@cache
def note_pattern() -> str:
    """The note openings of ``correction_notes.toml`` as one regular-expression alternation (each anchored at the
    start of a line or sentence; matched case-insensitively)."""
    return "|".join(f"(?:{p})" for p in table("correction_notes")["notes"])


@cache
def _note_re() -> re.Pattern[str]:
    return re.compile(note_pattern(), re.I)


def opens_note(text: str) -> bool:
    """Whether a line or sentence opens an editorial note (leading spaces ignored)."""
    return bool(_note_re().search(text.strip()))


def note_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character offsets in ``text`` of its paragraphs (runs of lines between blank lines) that open
    with an editorial note: every sentence inside one is the note's, not the story's. Empty when there is none."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if opens_note(m.group())]
