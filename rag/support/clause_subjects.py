"""A predicate of one clause said of the subject of another, and a count the passage gives as an enumeration.

"Of the five defendants, Kang and one engineer, Jeon Yu-na, 41, were indicted under detention; the other three were
indicted without detention": the sentence says "indicted without detention" of the other three, not of Jeon.
``other_clause``: the claim opens with a name and says of it what some clause of a passage sentence says in full
(every content word of the claim's predicate, by stem; the data file's ``kept`` function words count: "under" and
"without" detention) while that clause's subject leaves the name out (its first three words hold "other", "rest",
"remaining", ...: ``data/clause_subjects.toml``; or it opens with another name), and the clause that names the
person lacks a word of the claim's predicate. Clauses are cut at the separators of the data file (";", ", while", ",
but", ...).

``other_clause_figure``: a figure the claim gives its name that a clause of the passage gives another subject while
the name's own clause of that sentence gives it another figure of the same unit or currency ("Kiso would hold a 51%
stake" over "Kiso would put ¥18 billion into the venture for a 49% stake, and Wuxi Huaxin would hold 51%").

``enumerated_count``: a claim count the passage gives as the members of a clause's coordinated subject ("one of two
defendants indicted under detention" over "Kang and one engineer, Jeon Yu-na, were indicted under detention": Kang
and the engineer are two). Members are those before "and", comma-separated, plus the one after it (an apposition
after that one, ", Jeon Yu-na, 41,", names it again).

A table row as stored ("Port: Incheon; Cases: 38; Items seized: 7,450.": ``rag.text.tables.is_table_row``) is no
sentence of clauses: every cell is said of the row's subject, so "Incheon had 38 cases" is the row's own figure, not
the predicate of a clause "Cases: 38" that leaves Incheon out (s68 user: a true count in a table rejected).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.support.data_files import data_table
from rag.support.lexicon import STOPWORDS
from rag.text.numbers import Quantity, find_quantities, measure
from rag.text.sentences import sentence_texts
from rag.text.tables import is_table_row
from rag.text.tokens import stem

_CLAIM = re.compile(r"^(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?P<pred>(?:is|was|were|are|has|had|have|"
                    r"will|would)\b.+)$")
_WORD = re.compile(r"[a-z][\w-]*")
_COPULA = re.compile(r"\s+(?:is|was|were|are|has|had|have|will|would)\s+")
_NAME_START = re.compile(r"^[A-Z][\w'’-]*")


@lru_cache(maxsize=1)
def _data() -> tuple[re.Pattern[str], tuple[str, ...], re.Pattern[str]]:
    data = data_table("clause_subjects")
    openers = "|".join(data["openers"])
    return (re.compile("|".join(data["separators"]), re.IGNORECASE), tuple(data["others"]),
            re.compile(rf"^(?:{openers})\s+[^,]+,\s+", re.IGNORECASE))


def _stems(text: str) -> set[str]:
    kept = frozenset(data_table("clause_subjects")["kept"])
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS or w in kept}


def _clauses(sentence: str) -> list[str]:
    """The clauses of a passage sentence; a table row is one (its cells are all said of its subject)."""
    if is_table_row(sentence):
        return [sentence.strip()]
    separators, _, opener = _data()
    return [opener.sub("", c.strip()) for c in separators.split(sentence) if c and c.strip()]


def _names(clause: str, name: str) -> bool:
    return any(re.search(rf"\b{re.escape(w)}\b", clause) for w in name.split() if len(w) > 2)


def _leaves_out(clause: str, name: str) -> bool:
    """Does the clause's subject leave the named person out: "the other three", another name?"""
    if set(_WORD.findall(clause.lower())[:3]) & set(_data()[1]):
        return True
    first = _NAME_START.match(clause)
    return bool(first) and first.group(0).lower() not in STOPWORDS and not _names(first.group(0), name)


def other_clause(claim: str, passage: str) -> str | None:
    """A reason when ``claim`` says of the name it opens with what a passage clause says of a subject that leaves
    the name out, and the name's own clause lacks a word of it ("role: passage says 'were indicted without
    detention' of 'the other three', not of Jeon Yu-na"); None otherwise."""
    m = _CLAIM.match(claim.strip().rstrip("."))
    if not m:
        return None
    name, pred = m.group("name"), _stems(m.group("pred"))
    if not pred:
        return None
    for sentence in sentence_texts(passage):
        clauses = _clauses(sentence)
        own = [c for c in clauses if _names(c, name)]
        if len(clauses) < 2 or not own:
            continue
        if any(pred <= _stems(c) for c in own):
            return None  # the name's own clause says it
        for c in clauses:
            if c not in own and pred <= _stems(c) and _leaves_out(c, name):
                said = _COPULA.split(" " + c, maxsplit=1)
                subject = said[0].strip() if len(said) > 1 else c
                return f"role: passage says '{c}' of '{subject}', not of {name}"
    return None


def enumerated_count(value: float, claim: str, passage: str) -> bool:
    """Does a passage clause that names the claim's subject (the name it opens with) have a coordinated subject of
    ``value`` members ("Kang and one engineer, Jeon Yu-na," are two)?"""
    m = _CLAIM.match(claim.strip().rstrip("."))
    if not m or value != int(value) or not 2 <= value <= 12:
        return False
    name = m.group("name")
    for sentence in sentence_texts(passage):
        for c in _clauses(sentence):
            subject = _COPULA.split(" " + c, maxsplit=1)
            if len(subject) < 2 or not _names(subject[0], name) or " and " not in subject[0]:
                continue
            before = subject[0].split(" and ", 1)[0]
            if len([x for x in before.split(",") if x.strip()]) + 1 == value:
                return True
    return False


def other_clause_figure(claim: str, passage: str) -> str | None:
    """A reason when the claim's figure (a unit or currency amount) is held by a passage clause that opens with
    another name, while a clause of the same sentence that names the claim's subject (the name it opens with) holds
    another figure of that unit or currency and not the claim's ("role: passage gives 51% to 'Wuxi Huaxin would hold
    51%', not to Kiso (its 49%)"); None otherwise."""
    m = _CLAIM.match(claim.strip().rstrip("."))
    if not m:
        return None
    name = m.group("name")
    figures = [q for q in find_quantities(m.group("pred")) if q.unit or q.currency]
    if not figures:
        return None
    for sentence in sentence_texts(passage):
        clauses = _clauses(sentence)
        if len(clauses) < 2:
            continue
        held = {c: find_quantities(c) for c in clauses}
        for q in figures:
            def has(c: str, kind=measure(q), value=q.value) -> list[Quantity]:
                return [x for x in held[c] if measure(x) == kind and abs(x.value - value) < 1e-9]
            other = [c for c in clauses if has(c) and not _names(c, name) and _leaves_out(c, name)]
            own = [c for c in clauses if _names(c, name) and not has(c)
                   and any(measure(x) == measure(q) for x in held[c])]
            if other and own:
                mine = next(x.text for x in held[own[0]] if measure(x) == measure(q))
                return f"role: passage gives {q.text} to '{other[0]}', not to {name} (its {mine})"
    return None
