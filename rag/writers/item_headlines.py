"""Item headlines inside a document: a digest's ("5 things to know for June 13": "'Squid Game' season 2 is coming
to Netflix", then its blurb) or a live page's. The line has no full stop, so the text layer reads it as a heading,
yet it states the item's event as a title does, and is often the only line that names it ("Green light! The wildly
popular series is making a highly anticipated return" does not). An answer quotes it as evidence
(``candidates.candidates``); a related-story link ("More:Venice Film Festival will return …") and a section's name
("BREAKFAST BROWSE", "Tony Awards") are not one.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from rag.text.lexicon import table, word_set
from rag.text.normalize import looks_like_headline
from rag.text.sentences import Sentence
from rag.writers.sentence_cues import PARAGRAPH_BREAK, is_boilerplate

__all__ = ["item_blurb", "item_headline", "states_act", "MIN_WORDS", "MAX_WORDS"]

#: an item headline holds at least this many words, and its blurb at least as many
MIN_WORDS = 5
#: and at most this many (``rag.headlines.MAX_WORDS``, a document's own headlines)
MAX_WORDS = 24

#: a label glued to a linked headline ("More:Venice Film Festival …", "Background:BTS won't …")
_GLUED_LABEL = re.compile(r"^[^:]{1,40}:\S")
#: a sentence's closing mark after a word (not a list's "1."), closing quotes around it, then a space or the end
_SENTENCE_END = re.compile(r"[^\W\d_][\"'’”)]*[.!?…][\"'’”)]*(?:\s|$)")
_BLANK_LINE_END = re.compile(r"\n[ \t]*\n[ \t]*$")
_BLANK_LINE_START = re.compile(r"^[ \t]*\n[ \t]*\n")


@cache
def _finite_words() -> frozenset[str]:
    """The auxiliaries (``answer_kinds.toml`` [vocab] aux) and the irregular past forms (``irregular_past.txt``)."""
    return frozenset(table("answer_kinds")["vocab"]["aux"]) | word_set("irregular_past")


def states_act(line: str) -> bool:
    """Whether a headline holds a finite verb, read in its lower-case words after the first (capitals name: "United
    States", "Key Entities"): an auxiliary (``answer_kinds.toml`` [vocab] aux), an irregular past
    (``irregular_past.txt``), or a form lemminflect's tables read as a verb's past ("-ed") or present of the third
    person ("-s"), as headlines are worded ("Pellmart recalls 40,000 space heaters …", "Osterby port suspends …",
    "Hikers spotted a rare white moose"). A noun phrase states none ("Japanese companies with weak security
    awareness", "Exploring open innovation opportunities")."""
    from lemminflect import getAllLemmas

    for w in (w for w in re.findall(r"[A-Za-z]+", line)[1:] if w.islower()):
        if w in _finite_words():
            return True
        if w.endswith(("s", "ed")) and (getAllLemmas(w).get("VERB") or ("",))[0] not in ("", w):
            return True
    return False


def item_headline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a line of a passage's ``text``) is an item's headline.

    The line is a paragraph of its own (a blank line, or the passage's start, before it; a blank line after it), of
    ``MIN_WORDS`` to ``MAX_WORDS`` words, its first letter a capital, read as a headline (``looks_like_headline``: no
    full stop) with a verb form (``states_act``: it states an act, not a section's name), not a question, not page
    furniture (``is_boilerplate``), not a related-story link (a label glued to the headline by its colon), and the
    next paragraph is prose (at least ``MIN_WORDS`` words with a sentence's closing mark among them: "Green light! The
    wildly popular series is making …"): the item's blurb, not another headline of a list."""
    line = text[start:end].strip()
    words = line.split()
    letter = next((ch for ch in line if ch.isalpha()), "")
    if not (MIN_WORDS <= len(words) <= MAX_WORDS and letter.isupper() and looks_like_headline(line)):
        return False
    if line.endswith("?") or _GLUED_LABEL.search(line) or is_boilerplate(line) or not states_act(line):
        return False
    before, after = text[:start], text[end:]
    if before.strip() and not _BLANK_LINE_END.search(before):
        return False
    if not _BLANK_LINE_START.match(after):
        return False
    blurb = after.strip().split("\n", 1)[0].strip()
    return len(blurb.split()) >= MIN_WORDS and bool(_SENTENCE_END.search(blurb))


def item_blurb(text: str, end: int, after: Sequence[Sentence]) -> tuple[int, int] | None:
    """The span of an item headline's blurb when an answer quotes it with the headline, or None.

    ``end``: where the headline ends in ``text``; ``after``: the sentences of ``text`` after it (the text layer's
    ``split_sentences``). The blurb is the paragraph after the headline; it is quoted with the headline when its
    first sentence is not one an answer quotes alone (``junk_reason``: "Green light!" is short, "The wildly popular
    series is making a highly anticipated return" has no full stop) and it holds at most ``MAX_WORDS`` * 2 words;
    a blurb that opens with a sentence ("Keith said he plans to return …") is quoted on its own, beside the
    headline."""
    from rag.writers.sentence_cues import junk_reason

    m = _BLANK_LINE_START.match(text[end:])
    if m is None or not after:
        return None
    start = end + m.end()
    brk = PARAGRAPH_BREAK.search(text, start)
    stop = brk.start() if brk else len(text)
    blurb = text[start:stop].rstrip()
    first = next((s for s in after if s.start >= start and s.text.strip()), None)
    if (not blurb or first is None or first.start >= start + len(blurb) or junk_reason(first.text) is None
            or len(blurb.split()) > 2 * MAX_WORDS):
        return None
    return start, start + len(blurb)
