"""The turns of a question-and-answer transcript: whose line is this, the asker's or the answerer's, and who answers.

A foreign ministry's regular press conference, a press briefing or an interview printed as Q&A labels each turn at
its line's start: "Q:" / "Reporter:" / "问：" / "記者：" ask, "A:" / "答：" answer, "Spokesperson Lin Hao:" /
"报道官：" / "대변인:" answer and name who speaks (``data/transcript_turns.toml``). A line with no label continues the
turn before it. ``turn_at(text, offset)`` is the turn a character of ``text`` belongs to; a bare answer label's
speaker is the last named answerer before it, so "A: We oppose …" is Spokesperson Lin Hao's. A text is read as a
transcript only when it has an asker's label and an answerer's label: one "Q:" in a report is not a turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.text.lexicon import alternation, table

__all__ = ["Turn", "turns", "turn_at", "is_asked"]


@dataclass(frozen=True)
class Turn:
    """One labelled turn: ``role`` "question" or "answer", its ``speaker`` ("Spokesperson Lin Hao"; "" when no label
    before it names one), the label's span ``start``–``body`` (``body``: where the turn's words begin) and ``end``
    (the next label's line start, or the text's end)."""

    role: str
    speaker: str
    start: int
    body: int
    end: int


_COLON = r"\s*[:：]\s*"
_OUTLET = r"(?:\s*[(（\[][^)）\]\n]{1,40}[)）\]])?"


@cache
def _label_re() -> re.Pattern[str]:
    data = table("transcript_turns")
    titles = alternation(data["answerer_titles"])
    named = (rf"(?P<title>{titles})(?:\s+(?P<name>(?:[A-Z][\w'’.-]*\s*){{1,4}}?))?"  # "Spokesperson Lin Hao"
             rf"|(?P<cjkname>[\u3400-\u9fff]{{2,4}}?)(?P<cjktitle>{titles})")  # "林浩发言人"
    return re.compile(
        rf"^[ \t]*(?:(?P<ask>{alternation(data['askers'])}){_OUTLET}"
        rf"|(?P<bare>{alternation(data['answerers'])})"
        rf"|{named}){_COLON}(?=\S)",
        re.I | re.M,
    )


def turns(text: str) -> list[Turn]:
    """The labelled turns of ``text`` in order; [] when it is no transcript (no asker's and answerer's labels both)."""
    found: list[tuple[str, str, int, int]] = []
    speaker = ""
    for m in _label_re().finditer(text):
        if m.group("ask"):
            found.append(("question", "", m.start(), m.end()))
            continue
        if m.group("title"):
            speaker = " ".join(f"{m.group('title')} {m.group('name') or ''}".split())
        elif m.group("cjktitle"):
            speaker = m.group("cjkname") + m.group("cjktitle")
        found.append(("answer", speaker, m.start(), m.end()))
    if not any(r == "question" for r, *_ in found) or not any(r == "answer" for r, *_ in found):
        return []
    ends = [s for _, _, s, _ in found[1:]] + [len(text)]
    return [Turn(r, sp, s, b, e) for (r, sp, s, b), e in zip(found, ends)]


def turn_at(text: str, offset: int) -> Turn | None:
    """The turn of ``text`` that the character at ``offset`` belongs to (a label's own words belong to its turn); None
    before the first label or when ``text`` is no transcript."""
    return next((t for t in turns(text) if t.start <= offset < t.end), None)


def is_asked(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` of ``text`` is a reporter's question (asked, never the source's statement)."""
    turn = turn_at(text, start)
    return turn is not None and turn.role == "question"
