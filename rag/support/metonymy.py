"""Places said another way: a capital or seat of government for its country, a demonym for its country.

"Seoul plans to file a complaint" says what "South Korea plans to file a complaint" says, and "Japanese
officials" what "Tokyo's officials" say; "North Korea" or "Pyongyang" for "Seoul" is another country. The
alignment and overlap signals (``rag.support.edits``, ``rag.support.features``) compare a claim with its window
with every place mention (``rag.text.places``: names, demonyms, capitals, from ``rag/text/data/places.toml``)
written as one token for its place, so a country aligns with its capital or demonym and a different country
stays a changed word. A claim's ambiguous place ("Korea") takes the window's token when the window names a place
it covers ("Seoul"), by the rule of ``places.covers``; the reverse ("South Korea" for "Korea") stays a change.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Iterable

from rag.support.mentions import place_mentions
from rag.text.places import covers, places

__all__ = ["keyed", "keyed_pair", "place_key", "place_token", "shown", "token_covered_by"]

#: Place tokens are one word of letters (the signals' tokenisers split on anything else), capitalised so that
#: ``features.passage_names`` reads a place inside a sentence as a name, as it read the place's own words.
_PREFIX = "Placekey"


def place_token(key: str) -> str:
    """The one-word token standing for place ``key`` ("south_korea" -> "Placekeysouthkorea")."""
    return _PREFIX + "".join(ch for ch in key if ch.isalnum())


@cache
def _token_keys() -> dict[str, str]:
    return {place_token(k).lower(): k for k in places()}


def place_key(token: str) -> str | None:
    """The place key a (lower- or mixed-case) token stands for, or None for an ordinary word."""
    return _token_keys().get(token.lower()) if token[:8].lower() == _PREFIX.lower() else None


def shown(token: str) -> str:
    """A token as a reader should see it: a place token as its place's name ("placekeysouthkorea" -> "South Korea")."""
    key = place_key(token)
    return places()[key].name if key else token


def _replace(text: str, token_of: dict[str, str] | None = None) -> str:
    out, pos = [], 0
    for m in place_mentions(text):
        out.append(text[pos : m.start])
        out.append((token_of or {}).get(m.key) or place_token(m.key))
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


@lru_cache(maxsize=1024)
def keyed(text: str) -> str:
    """``text`` with every place mention replaced by its place token ("Seoul said" -> "Placekeysouthkorea said")."""
    return _replace(text)


def token_covered_by(key: str, found: Iterable[str]) -> bool:
    """Whether place ``key`` is named by one of the places ``found`` (the same place or a narrower case of it)."""
    return any(covers(f, key) for f in found)


@lru_cache(maxsize=1024)
def keyed_pair(claim: str, window: str) -> tuple[str, str]:
    """(claim, window) keyed; a claim place the window names only as a narrower place ("Korea" for "Seoul")
    is written as the window's place, so it aligns with it."""
    window_keys = list(dict.fromkeys(m.key for m in place_mentions(window)))
    token_of = {}
    for m in place_mentions(claim):
        if m.key not in window_keys:
            narrower = next((f for f in window_keys if covers(f, m.key)), None)
            if narrower:
                token_of[m.key] = place_token(narrower)
    return _replace(claim, token_of), keyed(window)
