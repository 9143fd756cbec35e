"""Watch-list items: what a source says to watch ("Key Signals", "Indicators to monitor:", a sentence the role
classifier types "signal") is neither what happened nor what the source judges. An answer quotes one only when the
question asks what to watch, and then as what the source says to watch (role "signal"), never as its assessment.

Headings and the questions that ask what to watch are data: ``rag/text/data/watch_list.toml``.
"""

from __future__ import annotations

import re
from functools import cache

from typing import Sequence

import numpy as np

from rag.text.lexicon import table
from rag.writers.candidates import Candidate
from rag.writers.sentence_cues import is_label
from rag.writers.source_structure import segments

__all__ = ["ADVICE", "LABELLED_MIN", "SIGNAL_MARGIN", "asks_to_watch", "heading_role", "is_watch_item", "labelled_sections", "list_caption",
           "list_heading", "looks_like_heading", "section_roles", "under_watch_heading", "watch_items"]

#: When a list's heading is out of view (the passage starts inside the list), a labelled item ("The scope of X: a, b,
#: and c") is a watch item when the role classifier finds "signal" within this much of its most likely role: such
#: items are unlike the prose it was fitted on, and it spreads them over event, judgement and signal (0.21-0.22 each).
SIGNAL_MARGIN = 0.05

#: a source labels its own sections when at least this many of its heading lines name a kind of a brief's section
#: (``heading_role``): one "Background" line is a page's furniture, two labelled kinds are an analytic brief's layout
LABELLED_MIN = 2

#: what ``heading_role`` gives an item under a source's recommendations ("5. Recommendations and Outlook":
#: "Immediate Actions (0–30 days): Monitor …"): advice, no role a brief's section quotes (``section_roles.toml``
#: [advice]); the classifier's role stays, ``Candidate.own_section`` says it
ADVICE = "advice"

#: a heading is a short line of its own: at most this many words and no sentence-closing punctuation
_HEADING_MAX_WORDS = 8
_BULLET = re.compile(r"^\s*(?:[•·▪◦*\-–—]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")


@cache
def _data() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    data = table("watch_list")
    return (frozenset(h.lower() for h in data["headings"]),
            tuple(re.compile(p, re.IGNORECASE) for p in data["asks"]))


def _heading_key(line: str) -> str:
    """A heading line as the data lists it: lower case, without markdown marks, numbering and closing colon."""
    line = re.sub(r"^[#*_\s\d.)]+|[*_\s]+$", "", line.strip()).rstrip(":").strip(" *_").lower()
    return " ".join(line.split())


def _is_watch_heading(line: str) -> bool:
    key = _heading_key(line)
    return bool(key) and len(key.split()) <= _HEADING_MAX_WORDS and key in _data()[0]


def _caption(line: str) -> bool:
    """Whether a list line is itself a heading: a sub-list's caption ("• Scenario Outlook:") or a numbered section
    title ("5. Recommendations and Outlook": short, title case, no closing punctuation), not an item."""
    body = _BULLET.sub("", line).strip(" *_#")
    if body.endswith(":"):
        return True
    words = body.split()
    return (bool(re.match(r"^\s*\d", line)) and 0 < len(words) <= _HEADING_MAX_WORDS and body[-1] not in ".!?;,"
            and all(w[0].isupper() for w in words if len(w) > 3))


def looks_like_heading(line: str) -> bool:
    """Whether a line is a section heading rather than prose: a caption (``_caption``) or a short line without closing
    punctuation ("Key Judgments", "## Outlook", "What to watch:")."""
    body = line.strip().strip("*_#").strip()
    return bool(body) and (_caption(line) or (len(body.split()) <= _HEADING_MAX_WORDS and body[-1] not in ".!?;,"))


def list_heading(text: str, start: int) -> str:
    """The heading the sentence at offset ``start`` of ``text`` stands under: its own line's label when that line
    reads "Label: ..." and the label is a watch heading ("Indicators to monitor: a, b and c"), else the nearest line
    above it that is neither blank nor a list item ("Key Signals"); "" when only list items lie above it (the
    heading is out of view, or nothing lies above it: a passage may start right after the heading), counting as one
    the text's first line above a list item when it is prose, not a heading (a chunk that starts inside a list loses
    its first item's bullet: "The scope of X: a, b.\n• Y's follow-through: c" is read under no heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    own = text[line_start:].split("\n", 1)[0]
    label, sep, _ = _BULLET.sub("", own).partition(":")
    if sep and _is_watch_heading(label):
        return label
    above = text[:line_start].split("\n")
    for n, line in reversed(list(enumerate(above))):
        if line.strip() and (not _BULLET.match(line) or _caption(line)):
            if n == 0 and _BULLET.match(own) and not looks_like_heading(line):
                return ""  # the passage starts inside the list: a chunk boundary cut its first item's bullet
            return line
    return ""


def under_watch_heading(text: str, start: int) -> bool:
    """Whether the sentence at offset ``start`` of ``text`` is an item of a watch list: ``list_heading`` is a watch
    heading ("Key Signals", "What to watch:", "Indicators to monitor:")."""
    heading = list_heading(text, start)
    return bool(heading) and _is_watch_heading(heading)


def is_watch_item(cand: Candidate, text: str | None = None, start: int | None = None) -> bool:
    """Whether a candidate sentence is what its source says to watch: it stands under a watch-list heading
    (``list_heading`` in ``text`` at ``start``: the document's text around it, by default its passage), not under
    another section's heading; a labelled item whose heading is out of view, when the classifier finds it about as
    likely a signal as anything else (``SIGNAL_MARGIN``); other prose, when the classifier types it "signal"."""
    text, start = (cand.passage.chunk.text, cand.local_start) if text is None or start is None else (text, start)
    heading = list_heading(text, start)
    if heading and _is_watch_heading(heading):
        return True
    if heading and looks_like_heading(heading):
        return False  # another section's item ("Recommendations and Outlook": "Immediate Actions: Monitor ...")
    if is_label(cand.text):  # a labelled item's role is its section's; its heading out of view, the classifier's
        return heading == "" and bool(cand.role_probs) and (
            cand.role_probs.get("signal", 0.0) >= max(cand.role_probs.values()) - SIGNAL_MARGIN)
    return cand.role == "signal" and cand.role_probs.get("signal", 1.0) >= 0.5


def watch_items(cands: Sequence[Candidate]) -> np.ndarray:
    """Per candidate (bool), ``is_watch_item`` read in the document's text the evidence holds around it: its passage
    joined with the adjacent evidence passages of its document (``source_structure.segments``), so a list whose
    heading ends the previous passage is still seen under it."""
    passages = list({c.passage.chunk.chunk_id: c.passage for c in cands}.values())
    segs = segments(passages)
    out = np.zeros(len(cands), dtype=bool)
    for i, c in enumerate(cands):
        at = c.passage.chunk.start + c.local_start
        seg = next((s for s in segs if s.doc_id == c.doc_id and s.start <= at <= s.start + len(s.text)), None)
        out[i] = is_watch_item(c, seg.text, at - seg.start) if seg else is_watch_item(c)
    return out


@cache
def _section_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((role, re.compile(p, re.IGNORECASE)) for role, pats in table("section_roles").items() for p in pats)


def heading_role(text: str, start: int) -> str | None:
    """The role a source's own section gives the sentence at offset ``start`` of ``text``: the nearest heading line
    above it (``looks_like_heading``: a short unpunctuated line or a list caption; prose paragraphs and list items of
    the same section are passed over) read as ``section_roles.toml`` lists it in full ("4. Implications and Strategic
    Risks" -> "judgement", "• Scenario Outlook:" -> "forecast", "Information Gaps:" -> "gap", "Background" ->
    "background") or as a watch-list heading ("Key Signals" -> "signal"); None when that heading is of no listed kind
    ("Recommendations and Outlook", "Bias & Deception Risks") or no heading lies above it in ``text``."""
    line_start = text.rfind("\n", 0, start) + 1
    for line in reversed(text[:line_start].split("\n")):
        if not line.strip() or (_BULLET.match(line) and not _caption(line)) or not looks_like_heading(line):
            continue
        if _is_watch_heading(line):
            return "signal"
        key = " ".join(_heading_key(_BULLET.sub("", line)).split())
        return next((role for role, p in _section_patterns() if p.fullmatch(key)), None)
    return None


def list_caption(text: str, start: int) -> int | None:
    """The offset in ``text`` of the caption line ("• Scenario Outlook:", "Assumptions:", "Key Signals") of the list
    whose item the sentence at offset ``start`` opens or continues: its own line is a bulleted item and the nearest
    line above it that is neither blank nor another item of the list is a heading (``looks_like_heading``); None for
    prose, or when the caption is out of ``text`` (the passage starts inside the list)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not _BULLET.match(text[line_start:].split("\n", 1)[0]):
        return None
    at = line_start
    for line in reversed(text[:line_start].split("\n")[:-1]):
        at -= len(line) + 1
        if not line.strip() or (_BULLET.match(line) and not _caption(line)):
            continue
        return at if looks_like_heading(line) else None
    return None


def labelled_sections(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text`` (a document's stored text) labels its own sections, with at least LABELLED_MIN heading lines
    of kinds ``heading_role`` reads ("4. Implications and Strategic Risks", "• Scenario Outlook:", "Key Signals"),
    and, when a range [``start``, ``end``) of it is given (a passage's offsets), whether a line of that range that is
    no heading stands under one of them. False for a text of prose without such headings (a news report)."""
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, line))
        at += len(line) + 1
    # a heading's own kind: the role it gives the line right below it
    heads = [a for a, line in lines if line.strip() and looks_like_heading(line)
             and heading_role(line + "\n", len(line) + 1) not in (None, ADVICE)]
    if len(heads) < LABELLED_MIN:
        return False
    if end is None:
        return True
    return any(a < end and a + len(line) > start and line.strip() and not looks_like_heading(line)
               and heading_role(text, a) not in (None, ADVICE) for a, line in lines)


def section_roles(cands: Sequence[Candidate]) -> int:
    """Set ``role`` on each candidate that stands under a source's own labelled section (``heading_role``, read in
    its document's text the evidence holds around it, as ``watch_items`` reads it): the source's section decides the
    role of its items over the sentence classifier (its probabilities stay in ``role_probs``). A title and a
    sentence of a source's labelled hypotheses (``structure``) keep theirs (its structure decides where it goes), but
    an item of such a structure's list ("Assumptions:") is still marked with its list (``own_list``), so a section
    quotes the list whole. Returns how many roles changed."""
    passages = list({c.passage.chunk.chunk_id: c.passage for c in cands}.values())
    segs = segments(passages)
    changed = 0
    for c in cands:
        if c.is_title:
            continue
        at = c.passage.chunk.start + c.local_start
        seg = next((s for s in segs if s.doc_id == c.doc_id and s.start <= at <= s.start + len(s.text)), None)
        text, base = (seg.text, seg.start) if seg else (c.passage.chunk.text, c.passage.chunk.start)
        role = heading_role(text, at - base)
        c.own_section = role
        caption = list_caption(text, at - base)
        c.own_list = (c.doc_id, base + caption) if caption is not None else None
        if role is not None and role != ADVICE and role != c.role and c.structure is None:
            c.role, changed = role, changed + 1
    return changed


def asks_to_watch(question: str) -> bool:
    """Whether ``question`` asks what to watch ("What should we watch ...?", "Which signals ...?", "indicators to
    monitor?"): only then may an answer quote a watch-list item."""
    return any(p.search(question) for p in _data()[1])
