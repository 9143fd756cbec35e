"""A sentence that opens by referring back: "The cards had been declared ..." after "... Nvidia's H20 chips", "He
must serve ..." after "... the former TSMC engineer". The opening ("the cards", "these machines", "he") stands for
a thing or person the sentence before named, when that noun is of the opening noun's kind
(``data/referring_nouns.toml``: "cards" may stand for "chips", "machines" for "robots", "he" for "engineer"; "the
men" never for "chips"). Read by ``cuts.join_reason`` (a claim that names the antecedent and gives the referring
sentence's predicate is no join) and ``edits.edited_copy`` (a claim that puts the antecedent in the opening's place is
no edit).
"""

from __future__ import annotations

from functools import cache
from typing import Sequence

from rag.support.data_files import data_table
from rag.text.tokens import stem


@cache
def _groups() -> dict[str, frozenset[str]]:
    """Stem -> the stems of its ``referring_nouns.toml`` groups (every noun refers to itself too)."""
    out: dict[str, set[str]] = {}
    for group in data_table("referring_nouns")["groups"].values():
        stems = {stem(w) for w in group}
        for s in stems:
            out.setdefault(s, set()).update(stems)
    return {k: frozenset(v) for k, v in out.items()}


def referring_opening(words: Sequence[str]) -> bool:
    """Whether lower-case ``words`` are a sentence's referring opening as a whole: "he", "she", or a determiner of
    the data file, at most ``modifiers`` words and a noun ("the cards", "the two men")."""
    table = data_table("referring_nouns")
    if len(words) == 1:
        return words[0] in table["person_pronouns"]
    return 2 <= len(words) <= 2 + int(table["modifiers"]) and words[0] in table["determiners"]


def refers_to(opening: Sequence[str], antecedent: str) -> bool:
    """Whether a referring opening (``referring_opening``) may stand for a noun ``antecedent`` (lower case) the
    sentence before named: its noun's group holds the antecedent, or a pronoun's group (people) does."""
    table = data_table("referring_nouns")
    if not referring_opening(opening):
        return False
    named = stem(antecedent)
    if len(opening) == 1:
        return named in {stem(w) for w in table["groups"][table["person_group"]]}
    noun = stem(opening[-1])
    return noun == named or named in _groups().get(noun, frozenset())
