"""Generic lines: sentences that name nothing of any story, which a long analysis supplies by the dozen.

"This underscores the growing importance of critical minerals.", "Companies should review their exposure to export
controls.", "Investors should expect more volatility." — an analysis or opinion piece pads its argument with
sentences that hold no name, no place, no number and no date: they read the same under any topic that
shares a word with them, so they tell a brief's reader nothing about its story (issue 10, item 1: "Every claim is
about the topic: its actors and its action, not just its vocabulary"; "a short section beats a padded one").

A brief does not quote such a sentence of an analysis or opinion piece, nor join one to the sentence before it ("X.
This underscores …" is X alone). A news report's sentences are the story's facts, named or not ("Licence reviews will
take up to 90 days."), and a generated brief is written on its topic's stories: both are left to the on-topic
judgement (the caller says which sources argue: ``adds_nothing(news=...)``).
"""

from __future__ import annotations

import re

from rag.text.lexicon import word_list
from rag.text.numbers import find_quantities, is_number_word
from rag.text.places import place_mentions
from rag.text.sentences import sentence_texts
from rag.writers.key_terms import names_in

__all__ = ["names_something", "own_part", "adds_nothing"]

_DIGIT = re.compile(r"\d")
#: a definite reference back to the story's act or actors ("the measure", "these curbs", "the three firms"):
#: ``anaphora_nouns.txt``; "such measures" and "companies" refer to no one in particular
_STORY_REFERENCE = re.compile(r"\b(?:the|this|these|those)\s+(?:[\w-]+\s+)?(?:"
                              + "|".join(word_list("anaphora_nouns")) + r")\b", re.I)


def names_something(text: str) -> bool:
    """Whether ``text`` names anything particular: a place or its people ("Japan", "Chinese", ``place_mentions``), a
    capitalized name ("Hua Xin Semiconductor", "EUV": ``key_terms.names_in``; a sentence's first word alone
    only when it is a place or an acronym), a number or date (a digit, a number word: "three Chinese chipmakers"),
    or a definite reference back to the story's act or actors ("The measure is likely to delay …")."""
    if _DIGIT.search(text) or place_mentions(text) or _STORY_REFERENCE.search(text):
        return True
    if any(is_number_word(w) for w in re.findall(r"[a-z]+", text.lower())):
        return True
    if any(not initial or len(name.split()) > 1 or name.isupper() for name, initial in names_in(text)):
        return True  # a sentence's first word alone may be any word ("Such", "Companies"); a run of two is a name
    return bool(find_quantities(text))


def own_part(text: str, joined: bool) -> str:
    """The part of a quote that is its own sentence: the last sentence of a quote joined to the sentence it depends
    on (``Candidate.with_context``: "X. This underscores …" -> "This underscores …"), else the whole quote."""
    if not joined:
        return text
    parts = sentence_texts(text)
    return parts[-1] if parts else text


def adds_nothing(text: str, *, joined: bool, news: bool) -> bool:
    """Whether a brief's candidate quote (``text``; ``joined``: a dependent sentence quoted with the one before it;
    ``news``: from a source that reports rather than argues — a news report, an official statement, a generated
    brief) pads rather than informs: from an analysis or opinion piece, its own sentence names nothing
    (``names_something``)."""
    return not news and not names_something(own_part(text, joined))
