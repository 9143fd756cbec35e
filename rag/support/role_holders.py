"""Who holds a role: the role nouns a text attaches to the names it gives, read without a parser.

A news passage names people and bodies with their roles in four forms:

* role, then name: "the ringleader, Lai Cheng-hao," / "Kuanhsin's chief executive, Wang Da-wei," (a list of names
  after a plural role: "the two suspects, Ana Ruiz and Tomas Vidal," holds the role for each);
* name, then role: "Lai Cheng-hao, 47, the former procurement manager of Kuanhsin Technology," (an age may stand
  between);
* title before the name: "logistics officer Huang Mei-ling" (lower-case words, the last a noun, right before it);
* copula: "Lai Cheng-hao is the ringleader", "Huang was a logistics officer", "Arakawa is Japan's trade minister".

A name is one to four capitalised words, with a particle between them ("Ilse de Groot"); the name and the three
apposition shapes are ``rag.text.role_names``'s (the writers read them there too).

A ``Holding`` is (name words, head noun's stem, the role phrase's other content stems): the head noun is the
phrase's last noun before a preposition ("manager" of "the former procurement manager of Kuanhsin Technology").

``holder_swap``: the claim gives a role to a person the passage names, while the passage gives that role (same
head noun) only to other names ("Huang Mei-ling is the ringleader" over "the ringleader, Lai Cheng-hao, ... His
co-defendants are ... Huang Mei-ling"). ``appositive_copula``: the claim says with a copula ("Lai Cheng-hao was the
former procurement manager of Kuanhsin Technology") what the passage says in apposition, so the copula is no edit.
(``appositions.apposition_swap`` reads another swap: a description's head and owner exchanged, "Foxconn, one of
Apple's suppliers" for "Apple, one of Foxconn's suppliers".)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rag.support.lexicon import LIGHT_WORDS, STOPWORDS
from rag.support.word_class import VERB, is_noun, word_class
from rag.text.role_names import name_pattern, name_then_role, name_words, role_then_name, title_then_name
from rag.text.tokens import stem

_NAME = name_pattern()
_NAMES = rf"{_NAME}(?:,\s+{_NAME})*(?:,?\s+and\s+{_NAME})?"
_ROLE = r"(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*"  # up to four lower-case words
_COPULA = r"(?:is|was|are|were|has\s+been|had\s+been|remains|became)"
_PHRASE = r"(?P<role>[^,.;:()]{1,90}?)(?=[,.;:()]|$)"  # a role phrase up to the next punctuation
_ROLE_THEN_NAME = re.compile(role_then_name(rf"(?P<role>{_ROLE})", rf"(?P<names>{_NAMES})"))
_NAME_THEN_ROLE = re.compile(name_then_role(rf"(?P<names>{_NAME})", _PHRASE, owner=r"(?:the|a|an|its|one\s+of\s+the)"))
_COPULA_ROLE = re.compile(rf"(?P<names>{_NAME})\s+{_COPULA}\s+(?:the|a|an|one\s+of\s+the|[\w.-]+['’]s)\s+{_PHRASE}")
_TITLE_THEN_NAME = re.compile(title_then_name(r"(?P<role>(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", rf"(?P<names>{_NAME})"))
_SPLIT_NAMES = re.compile(r",\s+|,?\s+and\s+")
_WORD_RE = re.compile(r"[a-z][\w-]*")
# a role phrase ends before these: "manager of Kuanhsin", "the ringleader who arranged"
_PHRASE_END = frozenset("of at for in with from to on since until by who which that whose after before as".split())
_MAX_PHRASE = 8  # words of a role phrase up to its head, at most (a longer run is a clause, not a role)


class Holding(NamedTuple):
    """A role the text attaches to a name: the name's lower-case words, the head noun's stem, the other stems, the
    name and the head noun as written."""

    name: frozenset[str]
    head: str
    rest: frozenset[str]
    shown: str
    role: str


def _head(phrase: str) -> tuple[str, frozenset[str], str] | None:
    """(head noun's stem, the other content stems, the head noun) of a role phrase, or None when it holds no noun
    head or a verb before it."""
    words = _WORD_RE.findall(phrase.lower())
    cut = next((i for i, w in enumerate(words) if w in _PHRASE_END), len(words))
    if not 0 < cut <= _MAX_PHRASE:
        return None
    head = words[cut - 1]
    if head in STOPWORDS or head in LIGHT_WORDS or len(head) < 3 or not is_noun(words[:cut], cut - 1):
        return None
    if any(word_class(words[:cut], i) == VERB and not (i == cut - 2 and words[i].endswith("ing"))
           for i in range(cut - 1)):
        return None  # a clause ("the ministry announced new curbs"), not a role; "managing director" is a title
    rest = frozenset(stem(w) for w in words if w not in STOPWORDS and w not in LIGHT_WORDS and w != head)
    return stem(head), rest, head


def _holdings(names: str, phrase: str) -> list[Holding]:
    read = _head(phrase)
    if read is None:
        return []
    head, rest, role = read
    out = []
    for name in _SPLIT_NAMES.split(names):
        words = name_words(name)
        if words:
            out.append(Holding(words, head, rest, name, role))
    return out


@lru_cache(maxsize=512)
def holdings(text: str) -> tuple[Holding, ...]:
    """Every role ``text`` attaches to a name, in the four forms of the module docstring."""
    out: list[Holding] = []
    for pattern in (_ROLE_THEN_NAME, _NAME_THEN_ROLE, _COPULA_ROLE):
        for m in pattern.finditer(text):
            out += _holdings(m.group("names"), m.group("role"))
    for m in _TITLE_THEN_NAME.finditer(text):
        # only the lower-case run right before the name, each word no function word: "logistics officer"
        run: list[str] = []
        for w in reversed(m.group("role").split()):
            if w in STOPWORDS or w in LIGHT_WORDS:
                break
            run.insert(0, w)
        if run and len(run) <= 3:
            out += _holdings(m.group("names"), " ".join(run))
    return tuple(out)


def _claimed(claim: str) -> list[Holding]:
    """The roles a claim gives with a copula or an apposition (a title before a name is a claim's way of naming)."""
    out: list[Holding] = []
    for pattern in (_COPULA_ROLE, _ROLE_THEN_NAME, _NAME_THEN_ROLE):
        for m in pattern.finditer(claim):
            out += _holdings(m.group("names"), m.group("role"))
    return out


def _named_in(name: frozenset[str], text: str) -> bool:
    lowered = set(re.findall(r"[\w'’-]+", text.lower()))
    return bool(name & lowered)


def _other_role(a: Holding, b: Holding) -> bool:
    """Two phrases with one head noun that each hold a word the other lacks: roles of other things ("the largest
    buyer of copper", "the largest buyer of coal"); a phrase with fewer words ("the manager") is the same role."""
    return bool(a.rest - b.rest) and bool(b.rest - a.rest)


def holder_swap(claim: str, passage: str) -> str | None:
    """A reason when the claim gives a role to a person the passage names while the passage gives that role (the
    same head noun) only to other names; else None. A role of something else ("the largest buyer of copper" for
    "of coal": ``_other_role``) is another role."""
    theirs = holdings(passage)
    if not theirs:
        return None
    for c in _claimed(claim):
        holders = [h for h in theirs if h.head == c.head and not _other_role(c, h)]
        if not holders or any(h.name & c.name for h in theirs if h.head == c.head) or not _named_in(c.name, passage):
            continue
        other = max(holders, key=lambda h: len(h.name))
        return f"role: passage gives '{other.role}' to {other.shown}, not {c.shown}"
    return None


def appositive_copula(claim: str, window: str) -> bool:
    """True when the claim gives with a copula a role the window attaches to the same name in apposition or as a
    title ("Lai Cheng-hao was the former procurement manager of X" over "Lai Cheng-hao, 47, the former procurement
    manager of X,"): its copula restates the apposition's comma."""
    theirs = holdings(window)
    return any(m for m in _COPULA_ROLE.finditer(claim)
               for c in _holdings(m.group("names"), m.group("role"))
               if any(h.head == c.head and h.name & c.name for h in theirs))
