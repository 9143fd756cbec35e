"""A place relation restated from its other end: "Chicago is 25 miles south of Highland Park" for "Highland Park
is located about 25 miles north of Chicago".

A relation is a compass word followed by "of" and a name ("north of Chicago", "southeast of Shreveport"), said of
the nearest name before it in the same sentence (its located end: "Highland Park ... north of Chicago"). A claim
relation whose two ends are the passage relation's two ends swapped states the same fact with the converse
direction (north <-> south, east <-> west, each part of a compound: "northwest" <-> "southeast") and the opposite
fact with the same direction. The direction check (``fact_checks``) reads the first as no missing direction and the
second as a wrong one. Names are matched by a shared capitalised word that is not a compass word ("DuPont's
Washington Works plant" and "its Washington Works plant"). Directions come from the text layer's compass words
(``rag/text/data/compass_words.txt``); the converse swaps each part of a compound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.text.lexicon import word_list
from rag.text.sentences import split_sentences

_COMPASS = word_list("compass_words")
_OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
_RELATION_RE = re.compile(r"\b(" + "|".join(sorted(_COMPASS, key=len, reverse=True)) + r")(?:ern)?\s+of\s+(?:(?:the|its|their|his|her)\s+|[a-z]+['’]s\s+){0,2}("
                          + _NAME + ")")
_NAME_RE = re.compile(_NAME)
# the located end is the sentence's subject and the relation its predicate ("Chicago is about 25 miles south of")
_STATED_RE = re.compile(r"\s+(?:is|are|was|were|lies|lay|sits|sat|stands)\b")


@dataclass(frozen=True)
class Relation:
    """``located`` lies ``direction`` of ``reference`` (each end as its set of lower-cased name words)."""

    located: frozenset[str]
    direction: str
    reference: frozenset[str]
    located_text: str
    reference_text: str
    stated: bool = False  # the sentence's statement: "<located> is/lies ... <direction> of", not an apposition


def converse(direction: str) -> str:
    """The direction seen from the other end: "north" -> "south", "northwest" -> "southeast"."""
    for part, other in _OPPOSITE.items():
        if direction.startswith(part):
            rest = direction[len(part):]
            return other + (_OPPOSITE[rest] if rest else "")
    return direction


def _shown(name: str) -> str:
    """A name as a reason shows it: no sentence-final period, no possessive ending."""
    return re.sub(r"['’]s$", "", name.rstrip("."))


def _name_words(name: str) -> frozenset[str]:
    words = {w.lower().rstrip(".").removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w'’.-]+", name)}
    return frozenset(w for w in words if w and w[0].isalpha() and w not in _COMPASS and w != "of")


@lru_cache(maxsize=512)
def relations(text: str) -> tuple[Relation, ...]:
    """Each "<name> ... <compass word> of <name>" of ``text`` (the located end the nearest name before the compass
    word in its sentence; sentence-initial words other than names are skipped only by being lower case)."""
    out = []
    starts = [0] + [s.start for s in split_sentences(text)]
    for m in _RELATION_RE.finditer(text):
        begin = max(s for s in starts if s <= m.start())
        before = list(_NAME_RE.finditer(text, begin, m.start()))
        # a sentence's first word is capitalised whatever it is: a name only if another word of it is one too
        names = [n for n in before if not (n.start() == begin and " " not in n.group(0) and len(before) > 1)]
        if not names:
            continue
        located, first = names[-1].group(0), names[-1].start()
        if len(names) > 1 and text[names[-2].end():names[-1].start()] == ", ":  # "Socorro, New Mexico"
            located, first = names[-2].group(0) + ", " + located, names[-2].start()
        ref = m.group(2)
        lw, rw = _name_words(located), _name_words(ref)
        if lw and rw and not lw & rw:
            stated = first == begin and bool(_STATED_RE.match(text, names[-1].end()))
            out.append(Relation(lw, m.group(1).lower(), rw, _shown(located), _shown(ref), stated))
    return tuple(out)


def _inverted(claim: Relation, passage: Relation) -> bool:
    """Whether the claim relation's ends are the passage relation's ends swapped."""
    return bool(claim.located & passage.reference) and bool(claim.reference & passage.located)


def converse_directions(claim: str, passage: str) -> set[str]:
    """Directions of ``claim`` that restate a relation of ``passage`` from its other end with the converse
    direction: the same fact, so no missing direction."""
    return {c.direction for c in relations(claim) for p in relations(passage)
            if _inverted(c, p) and c.direction == converse(p.direction)}


def restated_relation(claim: str, passage: str) -> bool:
    """Whether ``claim`` states (as its subject and predicate, "Chicago is 25 miles south of Highland Park") a
    relation of ``passage`` from its other end with the converse direction: its two ends swap by design, so no role
    or name swap. A relation said in passing ("Los Angeles, 25 miles north of Long Beach, has 470,000 residents")
    is not: what the claim says of its subject may belong to the other end."""
    return any(c.stated and _inverted(c, p) and c.direction == converse(p.direction)
               for c in relations(claim) for p in relations(passage))


def inverted_relations(claim: str, passage: str) -> list[str]:
    """Reasons for each relation of ``claim`` that swaps the two ends of a relation of ``passage`` and keeps its
    direction: "direction 'north': the passage puts Highland Park north of Chicago"."""
    return [f"direction '{c.direction}': the passage puts {p.located_text} {p.direction} of {p.reference_text}"
            for c in relations(claim) for p in relations(passage)
            if _inverted(c, p) and c.direction == p.direction]
