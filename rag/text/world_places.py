"""Names of the world's countries, its parts and its peoples, beyond the curated ``places.toml``.

``places.toml`` holds the places the writer and the checker reason about (East Asia first, about forty); news names
every other country too, and its people: "Qatari", "Britons", "Sri Lankan", "Pakistanis", "Asian". A people's or a
region's word says whose or where, not which one: a question's "Asian destination" is answered by a report of Hong
Kong that never says "Asian". A country's name does say which one, and a text mentions it in any of its forms:
"Iceland" by "Icelandic", "Qatar" by "Qataris".

The countries, their alternative spellings and demonyms come from ``countryinfo`` (MIT; about 250 countries and
territories, read once, lazily); the parts of the world are ``regions.toml``'s region words. A single word also reads
as a people's or a region's when it is a one-word name or region word with a demonym's ending ("Asia" → "Asian",
"Europe" → "Europeans", "Iceland" → "Icelandic", "Qatar" → "Qataris").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from rag.text.places import place_words, region_words

__all__ = ["PlaceStretch", "country_forms", "world_place_stretches"]

#: endings that make a place's word its people's or its adjective ("Asian", "Icelanders", "Qataris", "Icelandic")
_DEMONYM_ENDINGS = ("n", "ns", "an", "ans", "ian", "ians", "ean", "eans", "er", "ers", "i", "is", "ic", "s")
#: a base shorter than this ("Chad", "Oman", "Peru") is a place word only as written, never with an ending
_MIN_BASE_CHARS = 4
#: the longest country name or demonym in words ("Saint Vincent and the Grenadines")
_MAX_NAME_WORDS = 8
_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PlaceStretch:
    """Words ``start:end`` of a run: a country's name (``country`` its key, ``countryinfo``'s lower-cased name) or a
    people's, a region's or a region's people's word (``country`` None)."""

    start: int
    end: int
    country: str | None


def _parts(text: str) -> list[str]:
    """Lower-cased forms of one name or demonym field: its comma-separated parts, a leading "the" dropped."""
    parts = (" ".join(_THE.sub("", p.strip()).lower().split()) for p in text.split(","))
    return [p for p in parts if p]


@cache
def _tables() -> tuple[dict[str, str], frozenset[str], dict[str, frozenset[str]]]:
    """(country name or spelling → country key, peoples' and regions' words, country key → every form a text may
    mention it by: name, spellings, demonyms, each with its plural), all lower-cased."""
    from countryinfo import CountryInfo

    names: dict[str, str] = {}
    peoples: set[str] = set(region_words()) | {w + "s" for w in region_words()}
    forms: dict[str, frozenset[str]] = {}
    for key, info in CountryInfo.all().items():
        own = _parts(info.get("name") or "")
        own += [p for s in info.get("altSpellings") or () if len(s) > 3 for p in _parts(s)]
        demonyms = _parts(info.get("demonym") or "")
        for name in own:
            names.setdefault(name, key)
        peoples.update(demonyms + [d + "s" for d in demonyms])
        forms[key] = frozenset(own + [n + "s" for n in own] + demonyms + [d + "s" for d in demonyms])
    return names, frozenset(peoples - set(names)), forms


@cache
def _bases() -> frozenset[str]:
    """The single words a demonym's ending may follow: every one-word country name, region word and ``places.toml``
    word of ``_MIN_BASE_CHARS`` letters or more, whole and without a final vowel ("asia", "asi"; "europe", "europ")."""
    names, _, _ = _tables()
    words = {w for w in set(names) | region_words() | place_words() if " " not in w and len(w) >= _MIN_BASE_CHARS}
    return frozenset(words | {w[:-1] for w in words if w[-1] in "aeiouy"})


def _peoples_word(word: str) -> bool:
    _, peoples, _ = _tables()
    return word in peoples or any(word.endswith(e) and word[: -len(e)] in _bases() for e in _DEMONYM_ENDINGS)


def world_place_stretches(words: Sequence[str]) -> list[PlaceStretch]:
    """The stretches of a run of adjacent words as written ("Sri", "Lankan", "Gotabaya", "Rajapaksa") that name a
    country ("Puerto Rico", "Iceland"), or a people, a part of the world or its people ("Sri Lankan", "Qataris",
    "Latin", "Asian", "Europeans"), longest first from each word, in order. Possessives are the caller's to drop."""
    names, peoples, _ = _tables()
    lower = [w.lower() for w in words]
    out: list[PlaceStretch] = []
    i = 0
    while i < len(lower):
        for j in range(min(len(lower), i + _MAX_NAME_WORDS), i, -1):
            text = " ".join(lower[i:j])
            if text in names or text in peoples:
                out.append(PlaceStretch(i, j, names.get(text)))
                i = j
                break
        else:
            if _peoples_word(lower[i]):
                out.append(PlaceStretch(i, i + 1, None))
            i += 1
    return out


def country_forms(key: str) -> frozenset[str]:
    """Every lower-cased form a text may mention country ``key`` by: its name, spellings and demonyms, each with its
    plural ("qatar", "state of qatar", "qatari", "qataris"). Unknown key: empty."""
    return _tables()[2].get(key, frozenset())
