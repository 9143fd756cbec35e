"""Places named in text (countries, their demonyms and capitals), from ``data/places.toml``.

One lexicon for the whole system: the support checker asks which places a claim and its cited text name,
the extractive writer treats a place and its demonyms and capitals as one key term. Both use the rule of
:func:`covers`: a mention of a specific place ("North Korea", "Pyongyang") is also a mention of the ambiguous
place it belongs to ("Korea"), but "Korea" or "Korean" alone names neither North nor South Korea.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.text.lexicon import table

__all__ = ["Place", "PlaceMention", "city_names", "city_places", "covers", "names_a_region", "place", "same_place", "place_mentions", "place_of_word",
           "place_words", "places", "region_words", "widen"]

_ALIAS_KINDS = ("names", "demonyms", "capitals", "governments")


@dataclass(frozen=True)
class Place:
    """A canonical place: ``key`` (``"north_korea"``), display ``name`` and the aliases text uses for it."""

    key: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    governments: tuple[str, ...]
    broader: tuple[str, ...]


@dataclass(frozen=True)
class PlaceMention:
    """One place named in a text: ``text[start:end] == surface``; ``kind`` is "names", "demonyms", "capitals" or
    "governments"."""

    key: str
    start: int
    end: int
    surface: str
    kind: str


@cache
def places() -> dict[str, Place]:
    """Every place by key, in file order. Raises ``ValueError`` when a ``broader`` key is not a place."""
    out = {
        key: Place(key, row["name"], *(tuple(row.get(k, ())) for k in _ALIAS_KINDS), tuple(row.get("broader", ())))
        for key, row in table("places").items()
    }
    for p in out.values():
        for b in p.broader:
            if b not in out:
                raise ValueError(f"places.toml: {p.key}.broader names unknown place {b!r}")
    return out


def place(key: str) -> Place:
    """The place with ``key``; ``KeyError`` when there is none."""
    return places()[key]


def _exact_case(alias: str) -> bool:
    """Acronyms (no lower-case letter: US, PRC, U.S.) match only as written; "us" is a pronoun."""
    return not any(ch.islower() for ch in alias)


@cache
def _aliases() -> list[tuple[str, str, str]]:
    """(alias, key, kind), longest alias first so "South Korean" wins over "Korean"."""
    rows = [(a, p.key, kind) for p in places().values() for kind in _ALIAS_KINDS for a in getattr(p, kind)]
    return sorted(rows, key=lambda r: (-len(r[0]), r[0]))


@cache
def _mention_re() -> re.Pattern[str]:
    parts = []
    for i, (alias, _, _) in enumerate(_aliases()):
        body = re.escape(alias) if _exact_case(alias) else f"(?i:{re.escape(alias)})"
        parts.append(f"(?P<a{i}>{body}" + (r"(?!\w)" if alias[-1].isalnum() else "") + ")")
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + ")")


@cache
def _alias_heads() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased first two and first three characters of every alias (superset filters for where a mention can
    start: two characters first, the cheap test most word starts fail; then three, or two for a two-letter alias)."""
    return frozenset(a[:2].lower() for a, _, _ in _aliases()), frozenset(a[:3].lower() for a, _, _ in _aliases())


_WORD_START_RE = re.compile(r"(?<![\w.])\w")


def place_mentions(text: str) -> list[PlaceMention]:
    """Places named in ``text``, left to right, longest alias at each position (non-overlapping)."""
    # The same matches as ``finditer``, but the several-hundred-way alternation is only tried at word starts
    # whose first three letters begin some alias (a whole article took ~8 ms per call, now well under 1 ms).
    aliases, pattern, (heads2, heads3) = _aliases(), _mention_re(), _alias_heads()
    out = []
    end = 0
    for w in _WORD_START_RE.finditer(text):
        pos = w.start()
        if pos < end or text[pos : pos + 2].lower() not in heads2:
            continue
        head = text[pos : pos + 3].lower()
        if head not in heads3 and head[:2] not in heads3:
            continue
        m = pattern.match(text, pos)
        if m is None:
            continue
        _, key, kind = aliases[int(m.lastgroup[1:])]  # type: ignore[index]
        out.append(PlaceMention(key, m.start(), m.end(), m.group(0), kind))
        end = m.end()
    return out


@cache
def _single_words() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for alias, key, kind in reversed(_aliases()):  # shortest first; the first alias given for a word wins
        if " " not in alias:
            out.setdefault(alias if _exact_case(alias) else alias.lower(), (key, kind))
    return out


def place_of_word(word: str) -> tuple[str, str] | None:
    """``(key, kind)`` when one word is a place alias ("Seoul" → ("south_korea", "capitals")), else None."""
    words = _single_words()
    return words.get(word) if _exact_case(word) and word in words else words.get(word.lower())


@cache
def place_words() -> frozenset[str]:
    """Lower-cased words of every alias ("north", "korea", "korean", ...), a government's named by its head aside:
    "administration" is no place word."""
    return frozenset(w.lower() for alias, _, kind in _aliases() if kind != "governments" for w in alias.split())


def widen(key: str) -> frozenset[str]:
    """``key`` and every ambiguous place it is a case of (``north_korea`` → {north_korea, korea})."""
    out, todo = {key}, [key]
    while todo:
        for b in places()[todo.pop()].broader:
            if b not in out:
                out.add(b)
                todo.append(b)
    return frozenset(out)


def covers(found: str, wanted: str) -> bool:
    """Whether a text that names place ``found`` names place ``wanted``: the same place, or ``wanted`` is an
    ambiguous place ``found`` is a case of ("South Korea" covers "Korea"; "Korea" does not cover "South Korea")."""
    return wanted in widen(found)


def same_place(a: str, b: str) -> bool:
    """Whether place keys ``a`` and ``b`` name one place, either within the other (``covers`` either way: "south_korea"
    and "korea")."""
    return covers(a, b) or covers(b, a)


@cache
def region_words() -> frozenset[str]:
    """Lower-cased words a region's name is made of ("east", "asia", "indo-pacific"; ``data/regions.toml``)."""
    return frozenset(table("regions")["region_words"])


_THE_RE = re.compile(r"^the\s+|[’']s$", re.IGNORECASE)


def names_a_region(name: str) -> bool:
    """Whether a capitalised ``name`` names a part of the world, not an actor (``data/regions.toml``): its words are
    all region words ("East Asia", "the Indo-Pacific", "Southeast Asia", "the Middle East", "Horn of Africa", "the
    West"), or it has two or more words and the last is a sea's, ocean's or landform's ("the South China Sea", "the
    Korean Peninsula", "the Taiwan Strait"). A country is no region: a name that is wholly a place alias of
    ``places.toml`` ("America", "Europe" for the EU) or one of ``countries`` ("South Africa") is not one. Empty: False."""
    text = _THE_RE.sub("", name.strip()).strip()
    words = [w.lower().strip(".,;:") for w in text.split()]
    data = table("regions")
    if not words or text.lower() in data["countries"] or all(w in ("of", "the") for w in words):
        return False
    if len(words) > 1 and words[-1] in data["feature_heads"]:
        return True
    if any(m.start == 0 and m.end == len(text) for m in place_mentions(text)):
        return False
    return all(w in region_words() for w in words)


@cache
def city_names() -> dict[str, str]:
    """Each city of ``cities.toml`` (not capitals: those are ``places.toml``'s) -> its group's key, as written
    ("Hsinchu" -> "taiwan", "Busan" -> "south_korea", "Milan" -> "europe": a group may be a region, no place key)."""
    return {c: group for group, names in table("cities")["cities"].items() for c in names}


@cache
def _city_re() -> re.Pattern[str]:
    names = sorted({f for n in city_names() for f in (n, n.upper())}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def city_places(text: str) -> frozenset[str]:
    """The place keys of the countries whose cities ``text`` names (``cities.toml``; a group that is a region names
    no place of its own beyond it), widened as ``widen`` does: "HSINCHU, Oct. 14 — The Hsinchu District Prosecutors
    Office …" -> {"taiwan"}; "Busan port" -> {"south_korea", "korea"}. As written or in capitals (a dateline's
    "HSINCHU"), also before a hyphen ("Taoyuan-based"); a capital is ``place_mentions``' own."""
    upper = {n.upper(): g for n, g in city_names().items()}
    keys = {city_names().get(m.group(1)) or upper[m.group(1)] for m in _city_re().finditer(text)}
    return frozenset().union(*(widen(k) for k in keys if k in places())) if keys else frozenset()
