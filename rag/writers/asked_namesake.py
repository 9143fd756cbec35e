"""Another person of the asked person's name: a report naming "Chen Wei-lun" is not about "Chen Shu-fen".

s61's fresh user: ``brief ask "What did Chen Shu-fen say?"`` quoted the deputy minister's statement, then two
sentences of a smuggling trial's report ("Chen pleaded guilty in July …", "… sentenced Chen Wei-lun …"), another
person of the same family name. A question naming a person by a full name (two words or more) is about that person;
a document that never writes that name but names another person sharing one of its words, with a word of their own
("Chen Wei-lun": "Chen" shared, "Wei-lun" not the asked person's), is about a namesake, and its sentences are no
detail of the answer. A document naming the asked person in full may name a namesake too, and stays. Titles are no
name words ("Deputy Minister Chen" is no other person: ``titles.txt``, ``entity_titles.txt``).
"""

from __future__ import annotations

import re

from rag.text.lexicon import word_set
from rag.text.places import place_mentions
from rag.writers.answer_kind import without_carried_context
from rag.writers.key_terms import entities

__all__ = ["asked_people", "names_namesake"]

_NAME_WORD = re.compile(r"[A-Z][\w’'-]*")


def _title_words() -> frozenset[str]:
    return frozenset(w.rstrip(".").lower() for w in word_set("titles") | word_set("entity_titles"))


def _name_words(name: str) -> frozenset[str]:
    """The capitalised words of ``name`` that are no title, lower case ("Judge Maria Ortega" → maria, ortega)."""
    titles = _title_words()
    return frozenset(w.lower() for w in _NAME_WORD.findall(name) if w.rstrip(".").lower() not in titles)


def asked_people(question: str) -> list[frozenset[str]]:
    """The name words of the person ``question`` asks the words of (``asked_speaker.asked_speaker``: "What did Chen
    Shu-fen say?" → [{"chen", "shu-fen"}]) when the name has two words or more and none is an organisation's word
    (``org_words.txt``) nor a place (``place_mentions``: "South Korea's trade ministry"); [] otherwise."""
    from rag.writers.asked_speaker import asked_speaker

    who = asked_speaker(without_carried_context(question))
    words = _name_words(who or "")
    if len(words) < 2 or words & word_set("org_words") or place_mentions(who or ""):
        return []  # "What does South Korea's trade ministry say …?" asks no person
    return [words]


def names_namesake(question: str, document: str) -> bool:
    """Whether ``document`` (a report's text) is about another person of a name ``question`` asks about: it never
    writes an asked full name (``asked_people``; its words in order, case aside) and names a person sharing one of
    its words with another name word of their own ("Chen Wei-lun" for "Chen Shu-fen"; a name holding a place is no
    person's). False for a question naming no full name."""
    low = " ".join(document.split()).lower()
    for asked in asked_people(question):
        own = [w for w in _NAME_WORD.findall(without_carried_context(question)) if w.lower() in asked]
        if re.search(r"\b" + r"\s+".join(re.escape(w.lower()) for w in own) + r"\b", low):
            continue
        for name, _ in entities(document):
            words = _name_words(name)
            if len(words) >= 2 and words & asked and words - asked and not place_mentions(name):
                return True
    return False
