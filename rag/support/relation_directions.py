"""A relation between two named companies turned round: "Nanshu Electric, a subsidiary of Kirishima Power Devices"
over "Kirishima Power Devices, a joint venture of Nanshu Electric and Hoshino Materials" makes the owner the owned.

Relations are read, without a parser, in the forms news writes them (relation nouns by direction in
``data/corporate_relations.toml``):

* apposition or copula with a child noun: "A, a unit of B (and C)", "A is a subsidiary of B" (A owned by B);
* apposition or copula with a parent noun: "A, the parent of B", "A is the parent company of B" (A owns B);
* possessive: "B's subsidiary, A" (A owned by B), "A's parent, B" (B owns A);
* a verb: "A owns B", "A is owned by B", "A, owned by B,".

A company name is a run of capitalised words; two names are one company when they share a word that is no
common company word ("Kirishima" in "Kirishima Power Devices" and "Kirishima"; not "Power"). ``inverted_relation``:
the claim makes X the owner of Y where the passage makes Y an owner of X (whatever the relation noun: a joint venture,
a unit and a subsidiary are all owned).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.support.data_files import data_table
from rag.text.lexicon import word_set

_CO = r"[A-Z][\w&.'’-]*(?<!['’]s)(?:\s+(?:[A-Z][\w&.'’-]*(?<!['’]s)|&|of|de|and(?=\s+[A-Z]\w*\s+[A-Z]))){0,4}"


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], bool]]:
    """(pattern, owner first) pairs: groups ``a`` and ``b``; ``owner first`` when ``a`` owns ``b``."""
    data = data_table("corporate_relations")
    alt = lambda words: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    child, parent, owns = alt(data["child"]), alt(data["parent"]), alt(data["owns"])
    det = r"(?:a|an|the|one\s+of\s+the|its)\s+(?:[a-z-]+\s+)?"
    link = r"(?:,\s+|\s+(?:is|was|has\s+been|became|remains)\s+)"
    many = rf"{_CO}(?:(?:,\s+|,?\s+and\s+){_CO})*"
    return [
        (re.compile(rf"(?P<a>{_CO}){link}{det}(?:{child})s?\s+of\s+(?P<b>{many})"), False),
        (re.compile(rf"(?P<a>{_CO}){link}{det}(?:{parent})s?\s+of\s+(?P<b>{many})"), True),
        (re.compile(rf"(?P<b>{_CO})['’]s?\s+(?:[a-z-]+\s+)?(?:{child}),?\s+(?P<a>{_CO})"), False),
        (re.compile(rf"(?P<a>{_CO})['’]s?\s+(?:{parent}),?\s+(?P<b>{_CO})"), False),
        (re.compile(rf"(?P<a>{_CO})\s+(?:{owns})\s+(?P<b>{_CO})"), True),
        (re.compile(rf"(?P<a>{_CO})(?:,|\s+(?:is|was|are|were))\s+(?:wholly\s+|majority[\s-]+|partly\s+)?(?:{owns})\s+"
                    rf"by\s+(?P<b>{many})"), False),
    ]


def _names(group: str) -> list[str]:
    return [n for n in re.split(r",\s+|,?\s+and\s+(?=[A-Z])", group) if n]


def relations(text: str) -> list[tuple[str, str]]:
    """(owner, owned) company names of every relation ``text`` states between two names."""
    out: list[tuple[str, str]] = []
    for pattern, owner_first in _patterns():
        for m in pattern.finditer(text):
            for b in _names(m.group("b")):
                out.append((m.group("a"), b) if owner_first else (b, m.group("a")))
    return out


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return word_set("org_words") | {"the", "of", "and", "&", "de"}


def _same(a: str, b: str) -> bool:
    """Do two names share a word that is no common company word ("Kirishima")?"""
    key = lambda n: {w.lower().strip(".,") for w in n.split()} - _common()
    return bool(key(a) & key(b))


def inverted_relation(claim: str, passage: str) -> str | None:
    """A reason when ``claim`` makes X an owner of Y where ``passage`` makes Y an owner of X and never X of Y
    ("role: passage makes Kirishima Power Devices owned by Nanshu Electric, not Nanshu Electric by Kirishima Power
    Devices"); None otherwise."""
    theirs = relations(passage)
    if not theirs:
        return None
    for owner, owned in relations(claim):
        if any(_same(owner, o) and _same(owned, d) for o, d in theirs):
            continue
        back = next(((o, d) for o, d in theirs if _same(owner, d) and _same(owned, o)), None)
        if back:
            return f"role: passage makes {back[1]} owned by {back[0]}, not {owned} by {owner}"
    return None
