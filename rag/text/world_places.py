"""Words that name a country of the world, a part of it or its people, beyond the curated ``places.toml``.

``places.toml`` holds the places the writer and the checker reason about (East Asia first, about forty); news names
every other country too, and its people: "Qatari", "Britons", "Sri Lankan", "Pakistanis", "Asian". Such a word says
where or whose, not which one: a question's "Asian destination" is answered by a report of Hong Kong that never says
"Asian". The countries, their alternative spellings and demonyms come from ``countryinfo`` (MIT; about 250 countries
and territories, read once, lazily); the parts of the world are ``regions.toml``'s region words. A single word also
reads as its place's when it is such a name or region word with a demonym's ending ("Asia" → "Asian", "Europe" →
"Europeans", "Iceland" → "Icelandic", "Qatar" → "Qataris").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from rag.text.places import place_words, region_words

__all__ = ["world_place_flags"]

#: endings that make a place's word its people's or its adjective ("Asian", "Icelanders", "Qataris", "Icelandic")
_DEMONYM_ENDINGS = ("n", "ns", "an", "ans", "ian", "ians", "ean", "eans", "er", "ers", "i", "is", "ic", "s")
#: a base shorter than this ("Chad", "Oman", "Peru") is a place word only as written, never with an ending
_MIN_BASE_CHARS = 4
#: the longest country name or demonym in words ("Saint Vincent and the Grenadines")
_MAX_NAME_WORDS = 8
_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _forms(text: str) -> list[str]:
    """Lower-cased forms of one name or demonym field: comma-separated parts, a leading "the" dropped, each with its
    plural ("Qatari" → "qatari", "qataris")."""
    out = []
    for part in text.split(","):
        part = " ".join(_THE.sub("", part.strip()).lower().split())
        if part:
            out += [part, part + "s"]
    return out


@cache
def _names() -> frozenset[str]:
    """Every country's name, alternative spelling (codes of three letters or fewer aside) and demonym, and every
    region word, lower-cased, with plurals."""
    from countryinfo import CountryInfo

    out: set[str] = set()
    for info in CountryInfo.all().values():
        fields = [info.get("name") or "", info.get("demonym") or ""]
        fields += [s for s in info.get("altSpellings") or () if len(s) > 3]
        for text in fields:
            out.update(_forms(text))
    return frozenset(out | region_words() | place_words())


@cache
def _bases() -> frozenset[str]:
    """The single words a demonym's ending may follow: every one-word name and region word of ``_MIN_BASE_CHARS``
    letters or more, whole and without a final vowel ("asia", "asi"; "europe", "europ")."""
    words = {w for w in _names() if " " not in w and len(w) >= _MIN_BASE_CHARS}
    return frozenset(words | {w[:-1] for w in words if w[-1] in "aeiouy"})


def _demonym_form(word: str) -> bool:
    return any(word.endswith(end) and word[: -len(end)] in _bases() for end in _DEMONYM_ENDINGS)


def world_place_flags(words: Sequence[str]) -> list[bool]:
    """For a run of adjacent words as written ("Sri", "Lankan", "Gotabaya", "Rajapaksa"), whether each is part of a
    name of a country, a part of the world or its people: a stretch of the run that is a country's name, spelling or
    demonym ("Puerto Rico", "Sri Lankan", "Qataris"), a region word ("Asia", "Latin", "Balkans"), or one word that is
    one of those with a demonym's ending ("Asian", "Europeans", "Icelandic"). Possessives are the caller's to drop."""
    lower = [w.lower() for w in words]
    flags = [False] * len(words)
    names = _names()
    for i in range(len(lower)):
        for j in range(min(len(lower), i + _MAX_NAME_WORDS), i, -1):
            if " ".join(lower[i:j]) in names:
                flags[i:j] = [True] * (j - i)
                break
        if not flags[i] and _demonym_form(lower[i]):
            flags[i] = True
    return flags
