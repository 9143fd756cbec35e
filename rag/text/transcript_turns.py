"""The turns of a question-and-answer transcript: whose line is this, the asker's or the answerer's, and who answers.

A foreign ministry's regular press conference, a press briefing or an interview printed as Q&A labels each turn at
its line's start: "Q:" / "Reporter:" / "问：" / "記者：" ask, "A:" / "答：" answer, "Spokesperson Lin Hao:" /
"报道官：" / "대변인:" answer and name who speaks (``data/transcript_turns.toml``). A line with no label continues the
turn before it. ``turn_at(text, offset)`` is the turn a character of ``text`` belongs to; a bare answer label's
speaker is the last named answerer before it, so "A: We oppose …" is Spokesperson Lin Hao's. A text is read as a
transcript only when it has an asker's label and an answerer's label: one "Q:" in a report is not a turn.

A transcript may label its turns by who speaks instead: the outlet that asks ("Kyodo News:", "AFP:", "共同社记者：")
and the spokesperson who answers by name ("He Yuntao:", "贺云涛："). Such a label's side is read from what its turns
do (an outlet asks, and so does a label whose every turn is a question; a label that answers a question answers,
naming its speaker), and only when questions are answered that way at least twice (``min_pairs``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from rag.text.lexicon import alternation, table

__all__ = ["Turn", "turns", "passage_turns", "turn_at", "is_asked", "labelled", "lead_before"]


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
    # any other label: an outlet's or a person's name, read by what its turns do (``_read_labels``): capitalised
    # words (with "of", "the", "and" between them: "Ministry of Trade", "The Korea Herald"), or a CJK run
    word = r"[A-Z][\w'’.&-]*"
    label = (rf"(?-i:(?:The\s+)?{word}(?:[ \t]+(?:{word}|of|the|and|for|on|de|van|von)){{0,5}})"
             r"|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,10}")
    return re.compile(
        rf"^[ \t]*(?:(?P<ask>{alternation(data['askers'])}){_OUTLET}"
        rf"|(?P<bare>{alternation(data['answerers'])})"
        rf"|{named}"
        rf"|(?P<label>{label}){_OUTLET}){_COLON}(?=\S)",
        re.I | re.M,
    )


@cache
def _outlets() -> tuple[frozenset[str], tuple[str, ...]]:
    data = table("transcript_turns")["outlets"]
    return frozenset(data["words"]), tuple(data["cjk_ends"])


def _is_outlet(label: str) -> bool:
    """Whether a label names a news outlet ("Kyodo News", "Phoenix TV", "共同社记者", "연합뉴스"): the asking side."""
    words, ends = _outlets()
    return bool(set(re.findall(r"[a-z]+", label.lower())) & words) or label.endswith(ends)


def _asks(turn_text: str) -> bool:
    """Whether a turn's words end on a question ("… What is China's response?", "…有何回应？")."""
    return turn_text.rstrip().rstrip("”\"’'）)").endswith(("?", "？"))


def _short(turn_text: str) -> bool:
    """Whether a turn is a question's length: at most ``max_question_paragraphs`` paragraphs."""
    paras = [p for p in re.split(r"\n\s*\n", turn_text.strip()) if p.strip()]
    return len(paras) <= table("transcript_turns")["max_question_paragraphs"]


def _read_labels(text: str, found: list[list]) -> list[list]:
    """``found`` (per label: [role, speaker, start, body, label]; role None for an outlet's or a name's label) with
    each such label given its role by what its turns do: an outlet's label, or one whose every turn ends on a
    question, asks; another that answers an asker's turn answers, and names its speaker ("He Yuntao", or the fuller
    label that ends with it elsewhere: "Vice Minister Park Ji-hoon" for "Park Ji-hoon"). The other labels are no
    turn ("Note:", "Title:"). Such labels are read only when an asker of them is answered ``min_pairs`` times: a
    report's one "Name: text" quote or a headline with a colon is no transcript."""
    if not any(f[0] is None for f in found):
        return found
    ends = [f[2] for f in found[1:]] + [len(text)]
    said: dict[str, list[str]] = {}
    for f, end in zip(found, ends):
        if f[0] is None:
            said.setdefault(f[4], []).append(text[f[3]:end])
    # an outlet asks when it asks at all ("Kyodo News: … Could you comment?" then "… Please comment."); a section's
    # or a dateline's name of a news page ("News:", "TV:", "Herald:") that never asks is none
    askers = {lab for lab, turns_ in said.items()
              if all(_asks(t) for t in turns_) or (_is_outlet(lab) and any(_asks(t) for t in turns_))}
    answerers: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for (before, end), f in zip(zip(found, ends), found[1:]):
        asked = before[0] == "question" or (before[0] is None and before[4] in askers)
        if asked and f[0] is None and f[4] not in askers:
            answerers.add(f[4])
        # a pair: a question of such a label, asked in a paragraph or a few (not a live page's section that happens
        # to end on one), then answered
        if (asked and before[0] is None and _asks(text[before[3]:end]) and _short(text[before[3]:end])
                and (f[0] == "answer" or f[4] not in askers)):
            pairs.append((before[4], f[1] if f[0] == "answer" else f[4]))
    # ... at least ``min_pairs`` times, one side speaking more than once (the spokesperson answering the outlets, the
    # interviewer asking the guest): a page of one-off sections ("New England Patriots: …?", "New York Jets: …") is none
    sides = Counter(a for a, _ in pairs) + Counter(b for _, b in pairs)
    if len(pairs) < table("transcript_turns")["min_pairs"] or max(sides.values(), default=0) < 2:
        return [f for f in found if f[0] is not None]
    named = [f[1] for f in found if f[0] == "answer" and f[1]]
    out = []
    for f in found:
        if f[0] is None and f[4] in askers:
            f = ["question", "", *f[2:]]
        elif f[0] is None and f[4] in answerers:
            fuller = next((n for n in named if n != f[4] and n.endswith(" " + f[4])), f[4])
            f = ["answer", fuller, *f[2:]]
        if f[0] is not None:
            out.append(f)
    return out


def turns(text: str) -> list[Turn]:
    """The labelled turns of ``text`` in order; [] when it is no transcript (no asker's and answerer's labels both)."""
    found: list[list] = []
    for m in _label_re().finditer(text):
        if m.group("ask"):
            found.append(["question", "", m.start(), m.end(), ""])
        elif m.group("bare"):
            found.append(["answer", None, m.start(), m.end(), ""])  # the last named answerer's (below)
        elif m.group("title"):
            found.append(["answer", " ".join(f"{m.group('title')} {m.group('name') or ''}".split()), m.start(), m.end(), ""])
        elif m.group("cjktitle"):
            found.append(["answer", m.group("cjkname") + m.group("cjktitle"), m.start(), m.end(), ""])
        else:
            found.append([None, "", m.start(), m.end(), " ".join(m.group("label").split())])
    found = _read_labels(text, found)
    speaker = ""
    for f in found:  # a bare "A:" is the last named answerer's
        if f[0] == "answer":
            speaker = f[1] = f[1] if f[1] is not None else speaker
    if not any(f[0] == "question" for f in found) or not any(f[0] == "answer" for f in found):
        return []
    ends = [f[2] for f in found[1:]] + [len(text)]
    return [Turn(r, sp, s, b, e) for (r, sp, s, b, _), e in zip(found, ends)]


def passage_turns(text: str, lead: str = "") -> list[Turn]:
    """The turns of a passage ``text`` read with the document's text right before it (``lead``, ``lead_before``): a
    passage cut from a transcript may open inside a reporter's question, or hold too few labels alone to be read as
    one. Offsets are ``text``'s: a turn begun in ``lead`` starts below 0, one wholly in it (the question a passage's
    first answer replies to) ends at or below 0."""
    n = len(lead)
    return [replace(t, start=t.start - n, body=t.body - n, end=t.end - n) for t in turns(lead + text)]


def turn_at(text: str, offset: int, lead: str = "") -> Turn | None:
    """The turn of ``text`` (read with ``lead``, as ``passage_turns``) that the character at ``offset`` belongs to (a
    label's own words belong to its turn); None before the first label or when ``text`` is no transcript."""
    return next((t for t in passage_turns(text, lead) if t.start <= offset < t.end), None)


#: how much of a document's text before a passage is read with it for its turns (``lead_before``): a few turns
LEAD_CHARS = 6000


def labelled(text: str) -> bool:
    """Whether ``text`` has a line opening with a turn's label of any kind ("Kyodo News: …", "Q: …", "贺云涛：…"): a
    passage worth reading with the text before it (``lead_before``)."""
    return _label_re().search(text) is not None


def lead_before(text: str, start: int) -> str:
    """The document ``text`` before offset ``start`` that a passage starting there is read with (``passage_turns``):
    at most ``LEAD_CHARS``, from a line's start."""
    at = max(0, start - LEAD_CHARS)
    if at:
        line = text.find("\n", at, start)
        at = line + 1 if line >= 0 else start
    return text[at:start]


def is_asked(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` of ``text`` is a reporter's question (asked, never the source's statement)."""
    turn = turn_at(text, start)
    return turn is not None and turn.role == "question"
