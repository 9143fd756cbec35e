"""A question ending on its verb and a preposition asks for what follows them in a sentence (s69's user, F6).

"What were the GPUs declared as?" is answered by "… the shipment was declared as network servers …": the value is
lower case and no name, the sentence repeats few of the question's words (the shipment, not the GPUs), and the
story's lede about the same smuggling case was more like the question, so it led ("Prosecutors … charged three
people with smuggling high-end graphics processors …"). ``stranded_frame`` reads the verb's stem and the preposition
a question strands at its end; ``fills_frame`` finds that verb (any form of the same stem) right before the
preposition in a sentence, followed by a word the question lacks. Word lists: ``[stranded]`` of
``rag/text/data/answer_slots.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.text.lexicon import alternation, table
from rag.writers.answer_kind import asked_sentence, without_carried_context
from rag.writers.key_terms import stem as stem_word
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import STOPWORDS

__all__ = ["StrandedFrame", "fills_frame", "stranded_frame"]

_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")


@dataclass(frozen=True)
class StrandedFrame:
    """The verb's stem (``verb``: "declar") and the preposition (``prep``: "as") a question ends on, with the stems of
    the question's own words (``asked``): a value is a word past them."""

    verb: str
    prep: str
    asked: frozenset[str]


@cache
def _question_re() -> re.Pattern[str]:
    data = table("answer_slots")["stranded"]
    return re.compile(rf"\s*what\s+(?:{alternation(data['auxiliaries'])})\s+.*?\b([a-z][a-z-]+)\s+"
                      rf"({alternation(data['preps'])})\s*\?\s*$", re.I)


def stranded_frame(question: str) -> StrandedFrame | None:
    """The frame a "what <auxiliary> … <verb> <preposition>?" question strands ("What were the GPUs declared as?" →
    ("declar", "as")); None for another question, or when the word before the preposition is a stop word ("What is
    it for?")."""
    asked = asked_sentence(without_carried_context(question))[0]
    m = _question_re().match(asked)
    if m is None or m.group(1).lower() in STOPWORDS:
        return None
    return StrandedFrame(stem_word(m.group(1).lower()), m.group(2).lower(), frozenset(text_stems(asked)))


def fills_frame(frame: StrandedFrame | None, text: str) -> bool:
    """Whether ``text`` has the frame's verb (a word of the same stem) right before its preposition, and after them,
    past a determiner, a content word the question lacks: "was declared as network servers" for "What were the
    GPUs declared as?"; not "declared as GPUs" (the question's own word) nor "declared the shipment as …"."""
    if frame is None:
        return False
    words = list(_WORD_RE.finditer(text))
    for k in range(len(words) - 2):
        if stem_word(words[k].group(0).lower()) != frame.verb or words[k + 1].group(0).lower() != frame.prep:
            continue
        if re.search(r"[,;:.()]", text[words[k].end():words[k + 1].start()]):
            continue
        for j in range(k + 2, min(len(words), k + 5)):
            w = words[j].group(0).lower()
            if w in STOPWORDS:
                continue
            if stem_word(w) not in frame.asked:
                return True
            break
    return False
