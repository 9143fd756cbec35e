"""Whose action a sentence reports: a question about what a country did, or why, is answered by sentences whose
actor is that country, not by another country's action that names it ("Hypothesis A: Canada is using export
restrictions as a direct response to Vietnam's naval posture" does not say why Vietnam restricted its exports).

The actor is read as the first place a sentence names (``rag.text.places``: countries, their demonyms and capitals)
when it stands among the sentence's first three words (after a label such as "Hypothesis A:"), where an English
sentence's subject stands: "Canada's restriction …", "The Chinese government's …", "Officials in Washington …"; not
"Another important point for the United States …", whose subject is the point."""

from __future__ import annotations

import re
from typing import Iterable

from rag.text.places import place_mentions, same_place

#: The first place named among this many words of a sentence's start is its actor ("The Chinese government's
#: restriction …", "Hypothesis A: Canada is using …"); one named later is what the sentence is about, not who acts.
ACTOR_WORDS = 3
#: A label before the sentence proper ("Hypothesis A:", "Key judgment:"): up to four words and a colon.
LABEL_RE = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}[\w'’-]+:\s+")
_WORD_RE = re.compile(r"\S+")
#: Kinds of answer for which the actor matters: what was done, why, what will be done.
ACTOR_KINDS = frozenset({"action", "reason", "intent"})

__all__ = ["ACTOR_KINDS", "ACTOR_WORDS", "LABEL_RE", "led_by_another_place"]


def led_by_another_place(text: str, asked: Iterable[str]) -> bool:
    """Whether the sentence's actor is a place none of ``asked`` (the question's place keys) is: its first place
    mention, starting among its first ``ACTOR_WORDS`` words (after a label), neither covers nor is covered by an
    asked place ("South Korean" covers "Korea"). False when the question names no place or the sentence opens with
    none."""
    asked = set(asked)
    if not asked:
        return False
    stripped = text.lstrip(" \"'“‘-•*")
    label = LABEL_RE.match(stripped)
    stripped = stripped[label.end():] if label else stripped
    words = list(_WORD_RE.finditer(stripped))[:ACTOR_WORDS]
    first = next(iter(place_mentions(stripped)), None)
    if first is None or not words or first.start > words[-1].start():
        return False
    return not any(same_place(first.key, p) for p in asked)
