"""The event a "when" question asks the time of, and which sentences tell that event.

"When will SMIC's Shanghai expansion be completed?" asks the time of the completion; an article's lede "SMIC
announced the expansion plan for its Shanghai plant on Thursday" gives a time too, of the announcement, and repeats
more of the question's words than "The company said the expansion would be completed in March 2025". The same in
Chinese ("宁德时代的新电池什么时候量产？": the lede's 周四 is the launch, 明年 the mass production), Japanese and
Korean. The asked event is the predicate the question puts its time on: in English the asked sentence's last key
term (the subject comes before the verb: "take effect", "be completed") and, when a phrase opened by a preposition
ends the question, the last one before it ("begin" of "… begin at the new line?"); in Chinese, Japanese and Korean the
key terms after the asking word (什么时候量产, いつから適用されますか, 언제 가동되나), or before it when it ends the
question (量产是什么时候). Among the sentences giving a time, those naming most of the event's head, then most of the
question's other words, lead (``AskedEvent.fit``; ``QuestionAnswering._pick_answer``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.text.lexicon import table
from rag.text.scripts import cjk_count
from rag.writers.answer_act import tells_act_otherwise
from rag.writers.answer_kind import asked_sentence, without_carried_context
from rag.writers.key_terms import key_terms
from rag.writers.sentence_cues import WANTS

__all__ = ["AskedEvent", "asked_event"]

#: the kinds whose questions ask the time of an event
TIME_KINDS = ("when", "date")


@dataclass(frozen=True)
class AskedEvent:
    """The event a time question asks about: ``head``, the stems that may name its predicate, and ``words``, the
    stems of the question's other content words (not names or numbers: they name the story, not which of its
    events)."""

    head: frozenset[str]
    words: frozenset[str]

    def fit(self, stems: set[str] | frozenset[str]) -> tuple[int, int]:
        """How well a sentence whose stems are ``stems`` tells the event: how many head stems it names (itself or by
        a word of its act family: "tighten" for "restrict", ``answer_act.tells_act_otherwise``), then how many of the
        other words it repeats ("to start mass production in 2027" over a headline naming "chip" only, under "When
        will RAPIDUS start mass production of 2nm chips?"). A sentence naming no head stem does not tell it."""
        head = sum(1 for h in self.head if h in stems or tells_act_otherwise(stems, h))
        return head, len(self.words & stems)


def asked_event(question: str, kind: str | None) -> AskedEvent | None:
    """The event a ``kind`` "when" / "date" question asks the time of; None for another kind or when the question
    names none. English: the asked sentence's last content word and, when a phrase opened by a preposition ends it,
    the last content word before that phrase ("begin", "line" for "When will mass production begin at the new
    line?"); Chinese, Japanese, Korean: the terms after the asking word, or the last one before it when the asking
    word ends the question (any one of a Korean verb's bigrams "가동", "동되", "되나")."""
    if kind not in TIME_KINDS:
        return None
    asked, _ = asked_sentence(without_carried_context(question))
    terms = key_terms(asked)
    words = frozenset(t.stem for t in terms if t.kind == "word")
    if cjk_count(asked):
        m = WANTS[kind].search(asked)
        if m is None:
            return None
        after = [t.stem for t in key_terms(asked[m.end():])]
        head = frozenset(after or [t.stem for t in key_terms(asked[:m.start()])][-1:])
    else:
        last = [t.stem for t in terms[-1:] if t.kind == "word"]
        phrase = _last_phrase().search(asked)
        before = [t.stem for t in key_terms(asked[:phrase.start()])[-1:] if t.kind == "word"] if phrase else []
        head = frozenset(last + before)
    return AskedEvent(head, words - head) if head else None


@cache
def _last_phrase() -> re.Pattern[str]:
    """The last phrase opened by a preposition (``[vocab].event_prepositions`` of answer_kinds.toml) in a sentence."""
    preps = "|".join(table("answer_kinds")["vocab"]["event_prepositions"])
    return re.compile(rf"\b(?:{preps})\s+(?:(?!\b(?:{preps})\b)[^?.])*[?.]?\s*$", re.I)
