"""The role a text attaches to a name, read without a parser: the one reader of names beside roles for the support
checker (``rag.support.role_holders``: whose role a claim and a passage give) and the writers (``rag.writers.answer_role``:
who holds an asked role; ``rag.writers.answer_who``: who an asked person is).

A name (``name_pattern``) is one to four capitalised words, with a particle between them ("Ilse de Groot"); a reader
that wants a full name asks for two words at least (``min_words``). A text puts a role beside a name in three shapes,
each a pattern built from a role fragment and a name fragment the caller gives (its own groups):

* role, then name (``role_then_name``): "the ringleader, Lai Cheng-hao," / "A MOFCOM spokesperson, He Yongqian, said";
* name, then role (``name_then_role``): "Lai Cheng-hao, 47, the alleged ringleader" (an age may stand between);
* title before the name (``title_then_name``): "ringleader Lai Cheng-hao", "logistics officer Huang Mei-ling".

``name_words`` reads a matched name's words, or None when it is no person's or body's name: a capitalised function
word opening it ("In Brasilia, ...", the pronoun "He" alone) or a day or month. A family name that is also an English
function word ("He Yongqian", "An Sung-min", "So Ji-hye"; ``function_word_surnames.txt``) is a name's first word
when another capitalised word follows it.

Errors: none; the patterns are strings for ``re.compile``.
"""

from __future__ import annotations

import re

from rag.text.dates import MONTH_NAMES, WEEKDAYS
from rag.text.lexicon import word_set

__all__ = ["AGE", "NAME_END", "OWNER", "name_pattern", "name_then_role", "name_words", "role_then_name",
           "title_then_name"]

#: a capitalised word, not a possessive ("Lai", "Cheng-hao", "O'Neill", "J.")
CAP = r"[A-Z][\w'’.-]*(?<!['’]s)"
#: a lower-case word between a name's parts: "Ilse de Groot", "Ahmed al Saleh"
PARTICLE = r"(?:de|da|van|von|der|den|al|bin|le|la|du|dos|del)"
#: the words that own a role in an apposition: a determiner or a possessive ("the", "Kuanhsin's", "our")
OWNER = r"(?:the|a|an|its|his|her|their|our|[A-Za-z][\w.-]*['’]s?)"
#: an age between a name and its role: "Lai Cheng-hao, 47, the ..."
AGE = r"(?:\d{1,3},\s+)?"
#: what may follow a name set off after its role: a comma or a stop, or the verb the sentence goes on with
NAME_END = r"(?=\s*[,.;)(]|\s+(?:who|said|says)\b)"

#: words that open no name, capitalised or not ("In Brasilia, ...", "But Kuanhsin ...")
_NOT_NAMES = word_set("stopwords") | frozenset("the a an he she it they we i this that these those his her its their "
                                               "in on at but and".split())
_CALENDAR = frozenset(m.lower() for m in MONTH_NAMES if m) | frozenset(d.lower() for d in WEEKDAYS)


def name_pattern(min_words: int = 1, *, particles: bool = True) -> str:
    """A name: ``min_words`` to four capitalised words (``CAP``), with a ``PARTICLE`` between two when ``particles``."""
    gap = rf"\s+(?:{PARTICLE}\s+)?" if particles else r"\s+"
    return rf"{CAP}(?:{gap}{CAP}){{{min_words - 1},3}}"


def role_then_name(role: str, name: str, owner: str = OWNER) -> str:
    """"<owner> <role>, <name>" then ``NAME_END``: "the ringleader, Lai Cheng-hao," ("Kuanhsin's chief executive, Wang
    Da-wei, said")."""
    return rf"\b{owner}\s+{role},\s+{name}{NAME_END}"


def name_then_role(name: str, role: str, owner: str = OWNER) -> str:
    """"<name>, [age,] <owner> <role>": "Lai Cheng-hao, 47, the alleged ringleader"."""
    return rf"{name},\s+{AGE}{owner}\s+{role}"


def title_then_name(role: str, name: str, before: str = r"(?<![\w'’-])") -> str:
    """"<role> <name>", the role a title right before the name: "logistics officer Huang Mei-ling"; ``before`` is
    what may stand before the role (by default: no word goes on into it)."""
    return rf"{before}{role}\s+{name}"


def name_words(name: str) -> frozenset[str] | None:
    """The lower-case words of a name (its hyphenated parts kept whole, a final period dropped); None for a
    capitalised function word opening it ("In Brasilia, the central bank ...": a place of the sentence, not a
    holder; the pronoun "He" alone) or a day or month ("On Tuesday, the ministry ..."). A family name that is also a
    function word opens a name when another capitalised word follows ("He Yongqian", "An Sung-min")."""
    words = [w.strip(".").lower() for w in name.split()]
    if not words or set(words) <= _CALENDAR:
        return None
    if words[0] in _NOT_NAMES and not (len(words) > 1 and words[0] in word_set("function_word_surnames")):
        return None
    return frozenset(w for w in words if w)
