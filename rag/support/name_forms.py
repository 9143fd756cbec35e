"""Two forms of one name: a place and its adjective, and a name with its owner's possessive.

* ``place_form``: a claim's "Qatari hosts" names the "Qatar" of its passage, and "lawmakers in Peru" the passage's
  "Peruvian lawmakers" (endings and irregular pairs: ``data/name_forms.toml``). ``rag/text/data/places.toml`` reads
  36 countries with their demonyms; this covers the rest by their form.
* ``owner_near``: a claim that writes a name with its owner's possessive ("Whistleblower Aid's John Tye", "HBO's
  House of the Dragon") joins two names its passage may give apart ("John Tye, founder of Whistleblower Aid",
  "House of the Dragon will premiere on HBO"): the passage supports the pair when one of its sentences holds both
  within ``OWNER_REACH`` words. An owner named only far off in a sentence or in another one ("Twitter's John Tye"
  where the sentence mentions Twitter thirty words on) is not read as his.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

from rag.support.data_files import data_table
from rag.text.sentences import split_sentences
from rag.text.tokens import strip_possessive, words

_DATA = data_table("name_forms")
_ADJ_ENDINGS = tuple(sorted(_DATA["adjective_endings"], key=len, reverse=True))
_NAME_ENDINGS = frozenset(_DATA["name_endings"])
_MIN_STEM = int(_DATA["min_stem"])
_IRREGULAR = {adj: name for name, adjs in _DATA["irregular"].items() for adj in adjs}
#: Most words between an owner and the name it owns in one passage sentence ("John Tye, founder of Whistleblower
#: Aid": 3; "Penn Wharton Budget Model from the University of Pennsylvania": 4).
OWNER_REACH = 8


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _adjective_of(adjective: str, name: str) -> bool:
    """Is lower-case ``adjective`` the adjective or people noun of the place ``name`` ("qatari", "qatar")?"""
    if _IRREGULAR.get(adjective) == name:
        return True
    if name.startswith(adjective) and name[len(adjective):] == "istan" and len(adjective) >= _MIN_STEM:
        return True  # "afghan" / "afghanistan"
    for ending in _ADJ_ENDINGS:
        if not adjective.endswith(ending):
            continue
        stem = adjective[: -len(ending)]
        if len(stem) >= _MIN_STEM and (name == stem or name.startswith(stem) and name[len(stem):] in _NAME_ENDINGS):
            return True
    return False


@lru_cache(maxsize=8192)
def same_place(a: str, b: str) -> bool:
    """Do two different words name one place, one as the adjective or people noun of the other ("Qatari" /
    "Qatar", "Peru" / "Peruvian", "Afghans" / "Afghanistan")? Case-insensitive; a plural "-s" is read off."""
    x, y = _singular(a.lower()), _singular(b.lower())
    return x != y and (_adjective_of(x, y) or _adjective_of(y, x))


def place_form(word: str, tokens: Iterable[str]) -> bool:
    """Whether one of ``tokens`` (a text's lower-case words) names the place ``word`` names, in the other form."""
    return any(same_place(word, t) for t in tokens if t[:1] == word[:1].lower() and len(t) >= _MIN_STEM)


def place_adjective(word: str) -> bool:
    """Whether ``word`` is a place's adjective or people noun of the irregular table ("Welsh", "Scots", "Dutch"):
    a name, though the lemma tables read some as common words ("to welsh", "to polish")."""
    return _singular(word.lower()) in _IRREGULAR or word.lower() in _IRREGULAR


def _matches(word: str, target: str) -> bool:
    return word == target or _singular(word) == _singular(target) or same_place(word, target)


@lru_cache(maxsize=256)
def _sentences(text: str) -> tuple:
    return tuple(split_sentences(text))


def _owners_run(i: int, raw: Sequence[str], at_owner: Sequence[int]) -> bool:
    """Whether the possessive word at ``i`` ends a run of capitalised words holding an owner word ("Oklahoma
    State's" for the owner "Oklahoma": the possessive is the owner's own, not another name's)."""
    j = i
    while j >= 0 and raw[j][:1].isupper():
        if j in at_owner:
            return True
        j -= 1
    return False


def owner_near(owner: Sequence[str], owned: Sequence[str], text: str, reach: int = OWNER_REACH) -> bool:
    """Whether a sentence of ``text`` holds a word of each of the name words ``owner`` and ``owned`` (lower case; a
    plural or place form counts) at most ``reach`` words apart. An owned word right after another possessive
    ("Arsenal's John Terry" for a claim's "Chelsea's John Terry") is that owner's, not this one's."""
    for sentence in _sentences(text):
        raw = words(sentence.text)
        ws = [strip_possessive(w).lower() for w in raw]
        at_owner = [i for i, w in enumerate(ws) if any(_matches(w, o) for o in owner)]
        if not at_owner:
            continue
        at_owned, others = [], False  # others: the words run on from another name's possessive
        for i, w in enumerate(ws):
            if any(_matches(w, o) for o in owned):
                if not others:
                    at_owned.append(i)
            else:
                others = False
            if strip_possessive(raw[i]) != raw[i] and raw[i][:1].isupper() and not _owners_run(i, raw, at_owner):
                others = True
        if any(abs(i - j) <= reach + 1 for i in at_owner for j in at_owned):
            return True
    return False
