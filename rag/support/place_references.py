"""A thing moved into the place the passage names only as a reference point: a slot swap by place.

"KSBW reported that one gas station in San Francisco charged $7.59" against a station in Gorda, "about 140 miles
south of San Francisco": every word of the claim is in the passage, but the passage names San Francisco only to
say how far the station is from it. A place is a *reference* in a text when every mention of it there follows a
distance and compass word or a compass word ("25 miles northwest of Detroit", "north of Lisbon", "20 km from
Kyiv"), or "outside" ("outside Chicago"); word lists in ``data/place_references.toml`` and the text layer's
``compass_words``. The claim moves something into it when it says "in" or "at" that place and gives it no
reference of its own ("a city 20 miles south of Salt Lake City" is the passage's reading, not a move).

A place here is a run of capitalised words (the names the text layer's place lexicon knows are countries and
capitals; the reference points of news are towns, volcanoes and islands).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.support.data_files import data_table
from rag.text.lexicon import word_set

_DATA = data_table("place_references")
_NAME = r"((?:[A-Z][\w’'.-]*)(?:\s+(?:of\s+|de\s+)?[A-Z][\w’'-]*)*)"
_COMPASS = "|".join(sorted(word_set("compass_words"), key=len, reverse=True))
_UNITS = "|".join(sorted(_DATA["distance"]["units"], key=len, reverse=True))
_LINKS = "|".join(_DATA["distance"]["links"])
_REFERENCE_RE = re.compile(  # the cue in any case ("South of"), the name capitalised
    rf"(?i:\b(?:{_UNITS})\s+(?:(?:{_COMPASS})\s+)?(?:{_LINKS})|\b(?:{_COMPASS})\s+(?:{_LINKS})"
    rf"|\b(?:{'|'.join(_DATA['around']['words'])})(?:\s+of)?)\s+(?:the\s+)?{_NAME}")
_LOCATED_RE = re.compile(rf"\b(?:{'|'.join(_DATA['located']['words'])})\s+(?:the\s+)?{_NAME}")


def _name(m: re.Match[str]) -> str:
    """The matched name without a sentence's closing stop ("Detroit." -> "Detroit"; "St." stays)."""
    name = m.group(1)
    return name[:-1] if name.endswith(".") and len(name.rsplit(" ", 1)[-1]) > 3 else name


def _mentions(text: str, name: str) -> int:
    return len(re.findall(rf"(?<![\w]){re.escape(name)}(?![\w])", text))


@lru_cache(maxsize=256)
def reference_places(text: str) -> frozenset[str]:
    """The places ``text`` names only as reference points (every mention in a reference phrase; see the module)."""
    found: dict[str, int] = {}
    for m in _REFERENCE_RE.finditer(text):
        name = _name(m)
        found[name] = found.get(name, 0) + 1
    return frozenset(n for n, k in found.items() if _mentions(text, n) <= k)


def place_shift(claim: str, window: str) -> str | None:
    """A reason when the claim puts something "in" or "at" a place the window names only as a reference point
    and the claim gives that place no reference phrase of its own, else None."""
    refs = reference_places(window)
    if not refs:
        return None
    own = {_name(m) for m in _REFERENCE_RE.finditer(claim)}
    for m in _LOCATED_RE.finditer(claim):
        name = _name(m)
        hit = next((r for r in refs if name == r or name.startswith(r + " ") or r.startswith(name + " ")), None)
        if hit and not any(hit in o or o in hit for o in own):
            return f"place: the passage names {hit} only as a reference point, the claim puts it 'in' {hit}"
    return None
