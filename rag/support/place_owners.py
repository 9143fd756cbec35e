"""A place written as a name's owner: "Belfast's Antrim Road", "Glasgow's Buchanan Street", "Ireland's Taoiseach".

A one-sentence news summary folds the place its story opens with into the possessive of a thing the next sentence
names ("A woman has died after being hit by a bus in Belfast. The collision happened on the Antrim Road ..." ->
"... killed by a bus on Belfast's Antrim Road"). ``name_forms.owner_near`` asks for owner and owned within a few
words of one sentence, which is right for a company or a person ("Twitter's John Tye"), but rejects such a
faithful summary. A place owns what is in it, so ``place_owner_near`` accepts the pair when the owner is a place
(a country of ``world_places``, a place of ``places.toml``, a city of ``cities.toml``, or any name when the owned
name ends in a place feature of ``place_features.txt``: "Street", "Road", "Square") and a sentence that names the
owned thing, or the sentence before it, names the owner (in any of its forms: "Irish" for "Ireland",
``world_places.country_forms``, ``name_forms.same_place``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from rag.support.name_forms import same_place
from rag.text.lexicon import word_set
from rag.text.places import city_names, place_of_word
from rag.text.world_places import country_forms, world_place_stretches
from rag.text.sentences import split_sentences
from rag.text.tokens import strip_possessive, words

PLACE_FEATURES = word_set("place_features")


def _country(owner: Sequence[str]) -> str | None:
    """The country key when the owner words are one country's name ("Ireland", "South Africa"), else None."""
    stretches = world_place_stretches(list(owner))
    if len(stretches) == 1 and stretches[0].start == 0 and stretches[0].end == len(owner):
        return stretches[0].country
    return None


def is_place_owner(owner: Sequence[str], owned: Sequence[str]) -> bool:
    """Whether the owner words (as written, "Belfast") name a place that owns the ``owned`` name's words: the
    owner is a country, a listed place or city, or the owned name ends in a place feature ("Antrim Road")."""
    name = " ".join(owner)
    if _country(owner) or place_of_word(name) or name in city_names():
        return True
    return bool(owned) and owned[-1].lower() in PLACE_FEATURES


@lru_cache(maxsize=256)
def _sentence_words(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(strip_possessive(w).lower() for w in words(s.text)) for s in split_sentences(text))


def _names(word: str, target: str) -> bool:
    return word == target or same_place(word, target)


def place_owner_near(owner: Sequence[str], owned: Sequence[str], text: str) -> bool:
    """Whether ``text`` supports the place ``owner`` (words as written) owning the ``owned`` name (words as
    written): the owner is a place (``is_place_owner``) and a sentence holding every owned word has an owner word
    in it or in the sentence before. False for any other owner (``name_forms.owner_near`` reads those)."""
    if not owner or not owned or not is_place_owner(owner, owned):
        return False
    low_owner = [w.lower() for w in owner]
    key = _country(owner)
    forms = country_forms(key) if key else frozenset()
    low_owned = [w.lower() for w in owned]
    sentences = _sentence_words(text)
    for k, ws in enumerate(sentences):
        if not all(any(_names(w, o) for w in ws) for o in low_owned):
            continue
        near = ws + (sentences[k - 1] if k else ())
        if any(w in forms or _names(w, o) for w in near for o in low_owner):
            return True
    return False
