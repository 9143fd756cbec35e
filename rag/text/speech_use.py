"""Whether a verb of saying found after a name is used as one.

The writers' speaker readers (``rag.writers.hypothesis_stance.speaker``, ``rag.writers.asked_speaker.says``,
``rag.writers.answer_value.speaks``) find a speaker as the words before (or after) a verb of saying, matched without
regard to case. Two readings of such a match say nothing (s57, issue 10): a capitalised word of a name that spells a
verb ("held by the United *States* since 1946", "the Harbour Board *Notes* …": "States" is no "states"), and a
verb of saying that also tells an act on an object, used with a quantity for its object ("Keating *added 12*
patrol boats to the fleet", "the party *claimed three* seats": ``speech_use.toml`` ``acts_with_object``): that is
the act, not speech ("Police *said 12* people were hurt" is speech). ``used_as_speech`` rejects both; a verb of
saying is written in lower case, and the object of one of those verbs is no quantity (``rag.text.numbers``: a
figure, an amount, a spelled whole number).
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table
from rag.text.numbers import find_quantities, is_number_word

__all__ = ["asks_speech", "used_as_speech"]

_NEXT_WORD = re.compile(r"\s*([\w'’$€£¥-]+)")


@cache
def _acts() -> frozenset[str]:
    return frozenset(table("speech_use")["acts_with_object"])


def used_as_speech(text: str, start: int, end: int) -> bool:
    """Whether the verb of saying at ``text[start:end]`` is used as one: written in lower case (a capitalised one in
    mid-text is a word of a name: "the United States"), and, for a verb that also tells an act on an object
    (``acts_with_object``), not followed by a quantity, its object ("added 12 patrol boats", "claimed three seats",
    "cited $40 million")."""
    verb = text[start:end]
    if start >= end or not verb[:1].islower():
        return False
    if verb.split()[-1] not in _acts():
        return True
    after = text[end:]
    m = _NEXT_WORD.match(after)
    if m is None:
        return True
    if is_number_word(m.group(1)):
        return False
    head = after[m.start(1):m.start(1) + 40]
    return not any(q.start == 0 for q in find_quantities(head))


#: what follows a verb of saying in a question that asks who said something: a clause ("that …", a quote), a
#: pause, or the question's end ("Who added that …?", "Who claimed, …", "Who called it “…”?")
_SAID_NEXT = re.compile(r"\s*(?:$|[?,:;.“\"‘']|that\b|it\b|this\b)", re.I)


def asks_speech(question: str, start: int, end: int) -> bool:
    """Whether the verb of saying at ``question[start:end]`` asks who said something: any verb of saying, but one
    that also tells an act on an object (``acts_with_object``) only before a clause, a pause or the question's end
    ("Who added that the boats …?"), not before its object ("Who added patrol boats to the fleet?", "Who claimed the
    seats?" ask for the actor of that act)."""
    verb = question[start:end].lower()
    if not verb or verb.split()[-1] not in _acts():
        return bool(verb)
    return _SAID_NEXT.match(question, end) is not None
