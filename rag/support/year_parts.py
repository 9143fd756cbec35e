"""Parts of a year a text names by ordinal, for the checker's date checks: "the first half of 2027" is (half, 1,
2027), "the third quarter" (quarter, 3, None), "Q3 2027" (quarter, 3, 2027), "H2" (half, 2, None), "the first six
months of 2027" (half, 1, 2027), "the first three months" (quarter, 1, None). Words and sizes:
``rag/support/data/year_parts.toml``; ordinals: ``rag.text.numbers.ordinal_values``, up to the most parts a year has.

``other_parts`` gives the reasons a claim names a part of a year the cited text contradicts: it names a part of the
same kind (and year, when both give one) and never the claim's ("the second half of 2027" against "the first half of
2027"). A part the text does not name at all is no contradiction here (the claim's other words decide).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rag.support.data_files import data_table
from rag.text.lexicon import alternation
from rag.text.numbers import ordinal_values

__all__ = ["YearPart", "other_parts", "year_parts"]


class YearPart(NamedTuple):
    kind: str  # "half" | "quarter"
    ordinal: int  # 1-based
    year: int | None
    surface: str


_NUMBER_MONTHS = {"three": 3, "six": 6, "3": 3, "6": 6}
_OPENS_PERIOD = re.compile(r"\b(?:in|for|during|by|since|until|through)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, int], dict[str, str],
                         dict[int, str], dict[str, str]]:
    """(ordinal + part word, "first/last N months", letter code, ordinal values, part word -> kind, months -> kind,
    letter -> kind)."""
    data = data_table("year_parts")
    word_kind = {w.lower(): kind for kind, part in data["parts"].items() for w in part["words"]}
    letter_kind = {part["letter"].upper(): kind for kind, part in data["parts"].items()}
    months_kind = {int(part["months"]): kind for kind, part in data["parts"].items()}
    most = max(12 // size for size in months_kind)  # a year has four quarters: "fifth quarter" names no part
    ordinals = {w: n for w, n in ordinal_values().items() if n <= most}
    ordinal_alt = alternation(ordinals)
    word_alt = alternation(word_kind)
    year = r"(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+|financial\s+)?(?:year\s+)?)?(?P<year>(?:19|20)\d\d)|\s+(?P<year2>(?:19|20)\d\d))?"
    named = re.compile(rf"\b(?P<ord>{ordinal_alt})[\s-]+(?P<word>{word_alt})\b(?!-){year}", re.IGNORECASE)
    months = re.compile(rf"\b(?P<ord>first|last)\s+(?P<n>three|six|3|6)\s+months\b{year}", re.IGNORECASE)
    letters = "".join(letter_kind)
    coded = re.compile(rf"\b(?P<letter>[{letters}])(?P<n>[1-4])(?:\s*(?P<year>(?:19|20)\d\d)|[\s/-](?P<year2>(?:19|20)?\d\d)(?!\d))?\b")
    return named, months, coded, ordinals, word_kind, months_kind, letter_kind


def _year(m: re.Match[str]) -> int | None:
    raw = m.groupdict().get("year") or m.groupdict().get("year2")
    if not raw:
        return None
    return int(raw) if len(raw) == 4 else 2000 + int(raw)


def year_parts(text: str) -> list[YearPart]:
    """The parts of a year ``text`` names by ordinal, in order of appearance."""
    named, months, coded, ordinals, word_kind, months_kind, letter_kind = _patterns()
    found: list[tuple[int, YearPart]] = []
    for m in named.finditer(text):
        kind = word_kind[re.sub(r"\s+", " ", m.group("word").lower())]
        n = ordinals[m.group("ord").lower()]
        if kind == "half" and n > 2:
            continue  # "third half" names no part of a year
        found.append((m.start(), YearPart(kind, n, _year(m), m.group(0))))
    for m in months.finditer(text):
        size = _NUMBER_MONTHS[m.group("n").lower()]
        kind = months_kind.get(size)
        if kind:
            n = 1 if m.group("ord").lower() == "first" else 12 // size
            found.append((m.start(), YearPart(kind, n, _year(m), m.group(0))))
    for m in coded.finditer(text):
        kind = letter_kind[m.group("letter").upper()]
        n = int(m.group("n"))
        if kind == "half" and n > 2:
            continue
        # with no year, a code is a period only after a word that opens one ("in Q3"; "H2" alone may be hydrogen,
        # "Q5" or "the Q3" a model name)
        if _year(m) is None and (kind == "half" or not _OPENS_PERIOD.search(text[:m.start()])):
            continue
        found.append((m.start(), YearPart(kind, n, _year(m), m.group(0))))
    return [p for _, p in sorted(found)]


def other_parts(claim: str, cited: str) -> list[str]:
    """Reasons (``"date '<claim's part>' not in cited text (it says '<text's part>')"``) for each part of a year the
    claim names where the cited text names another part of the same kind and year (or no year) and never the
    claim's; [] when there is none."""
    said = year_parts(cited)
    if not said:
        return []
    reasons: list[str] = []
    for part in year_parts(claim):
        same = [p for p in said if p.kind == part.kind
                and (part.year is None or p.year is None or p.year == part.year)]
        if same and not any(p.ordinal == part.ordinal for p in same):
            reasons.append(f"date '{part.surface}' not in cited text (it says '{same[0].surface}')")
    return reasons
