"""Roles inside an apposition or a relative clause: "Apple, one of Foxconn's largest suppliers" names Apple the
supplier; "Foxconn, one of Apple's largest suppliers" names Foxconn. Both sentences hold the same words, so
overlap and verb-role checks pass; what changed is which name the description is attached to.

A description is read as (head, owner, words): a name, then ", one of / a / an / the / among" (or "is"/"was" and
the same) and a phrase with a possessive name ("X's largest suppliers"), up to the next comma or sentence end; or
a name, then ", which / who" and a clause that names another ("Apple, which supplies Foxconn"). The claim swaps
the roles when the passage attaches a description with a shared word to the claim's owner, owned by the claim's
head. Names are words the passage or the claim writes capitalised (``names``), or any word when both texts are
lower-case.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rag.support.lexicon import LIGHT_WORDS, STOPWORDS
from rag.support.role_holders import holdings
from rag.text.tokens import stem

_NAME = r"[^\W\d_][\w.&-]*"
_APPOSITIVE_RE = re.compile(
    rf"(?P<head>{_NAME})(?:,|\s+(?:is|was|are|were|remains))\s+(?:one\s+of\s+|among\s+|a\s+|an\s+|the\s+)?"
    rf"(?P<pre>[^,.;:!?]{{0,60}}?)(?P<owner>{_NAME})(?:['’]s|(?<=s)['’])\s+(?P<what>[^,.;:!?]{{1,80}})")
_RELATIVE_RE = re.compile(rf"(?P<head>{_NAME}),\s+(?:which|who)\s+(?P<what>[^,.;:!?]{{1,80}})")
_WORD_RE = re.compile(r"[^\W_]+")


# "Haneul Tech's chief executive Kim Dong-hyun": an owner's possessive, a lower-case title, a capitalised name
_CAP = r"[A-Z][\w.&-]*"
_POSSESSIVE_TITLE_RE = re.compile(
    rf"(?P<owner>{_CAP}(?:\s+{_CAP}){{0,3}})(?:['’]s|(?<=s)['’])\s+(?P<role>(?:[a-z][\w-]*\s+){{1,3}})"
    rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})")


class Description(NamedTuple):
    """A description attached to a name: the name it describes, the name it is owned by, its content stems."""

    head: str
    owner: str
    words: frozenset[str]


def _stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in _WORD_RE.findall(text.lower()) if w not in STOPWORDS and w not in LIGHT_WORDS)


def descriptions(text: str, names: frozenset[str]) -> list[Description]:
    """The appositive and relative descriptions of ``text`` whose head and owner are names (lower-case words in
    ``names``; any word when ``names`` is empty)."""
    def named(w: str) -> bool:
        return w.lower() not in STOPWORDS and (not names or w.lower() in names)

    out = []
    for m in _APPOSITIVE_RE.finditer(text):
        head, owner = m.group("head").rstrip("."), m.group("owner")
        if named(head) and named(owner) and head.lower() != owner.lower():
            out.append(Description(head.lower(), owner.lower(), _stems(m.group("pre") + " " + m.group("what"))))
    for m in _RELATIVE_RE.finditer(text):
        head = m.group("head").rstrip(".")
        inner = [w for w in _WORD_RE.findall(m.group("what")) if named(w) and w.lower() != head.lower()]
        if named(head) and inner:
            out.append(Description(head.lower(), inner[-1].lower(), _stems(m.group("what")) - {stem(inner[-1].lower())}))
    return out


def apposition_swap(claim: str, window: str, names: frozenset[str] = frozenset()) -> str | None:
    """A reason when the claim attaches a description to the name the window gives as its owner, owned by the
    name the window describes ("Foxconn, one of Apple's largest suppliers" against "Apple, one of Foxconn's
    largest suppliers"), sharing at least one content word; else None. ``names``: lower-case name words."""
    lowered = claim == claim.lower() and window == window.lower()
    use = frozenset() if lowered else names
    theirs = descriptions(window, use)
    if not theirs:
        return None
    for c in descriptions(claim, use):
        for w in theirs:
            if c.head == w.owner and c.owner == w.head and c.words & w.words:
                return f"role: passage describes {w.head} as {w.owner}'s ({' '.join(sorted(c.words & w.words))})"
    return None


def restated_titles(claim: str, window: str) -> frozenset[str]:
    """Lower-case words (owner, title, name) of each title the claim writes before a name with its owner's
    possessive ("Haneul Tech's chief executive Kim Dong-hyun") that the window gives the same name in its own form
    with the owner in the role phrase ("Kim Dong-hyun, 52, the chief executive of the trading company Haneul Tech":
    ``role_holders.holdings``, the same head noun); empty when none. The claim's order of owner, title and name is
    then the title's form: no edit, no swapped name, no swapped roles. A title of another owner ("Harbor Capital's
    managing director Tomas Berg" over "Tomas Berg, the managing director of Union Trust") is not restated."""
    theirs = holdings(window)
    out: set[str] = set()
    if not theirs:
        return frozenset()
    for m in _POSSESSIVE_TITLE_RE.finditer(claim):
        owner = _WORD_RE.findall(m.group("owner").lower())
        if owner and owner[0] in STOPWORDS:
            owner = owner[1:]  # a sentence's capitalised first word ("The Nordtel ...")
        for c in holdings(m.group("role") + m.group("name")):
            for w in theirs:
                if w.head == c.head and w.name & c.name and owner and {stem(o) for o in owner} <= w.rest | {w.head}:
                    out |= set(owner) | set(_WORD_RE.findall(m.group("role").lower())) \
                        | set(_WORD_RE.findall(m.group("name").lower()))
    return frozenset(out)
