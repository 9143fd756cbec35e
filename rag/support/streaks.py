"""Streak lengths a text states, for the checker's number checks: "the third straight monthly fall" is a streak of
3 months, "for three consecutive years" one of 3 years, "the fourth quarter in a row" one of 4 quarters.

``other_streaks(claim, cited)`` gives a reason for each streak of the claim whose unit the cited text counts with
another length and never with the claim's ("fell for the second straight month" against "the third straight
monthly fall"; s67 fresh user F6). Ordinals: ``rag.text.numbers.ordinal_values``; spelled counts:
``rag.text.numbers.spelled_numbers``; streak words: the text layer's ``streak_words.txt``; units:
``data/streaks.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.support.data_files import data_table
from rag.text.lexicon import alternation, word_list
from rag.text.numbers import ordinal_values, spelled_numbers

__all__ = ["Streak", "counted_streak", "other_streaks", "streaks"]


@dataclass(frozen=True)
class Streak:
    unit: str  # "month", "year", ... (streaks.toml [units])
    length: int  # 3 for "third straight" and for "three straight"
    surface: str  # the words read ("third straight monthly")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, int], dict[str, str]]:
    data = data_table("streaks")
    counts = {w: int(v) for w, v in spelled_numbers().items() if v == int(v) and v > 1}
    values = {**ordinal_values(), **{w: n for w, n in counts.items()}}
    number = rf"(?P<n>{alternation(values)}|\d{{1,3}}(?:st|nd|rd|th)?)"
    unit = rf"(?P<unit>{alternation(data['units'])})"
    before = re.compile(rf"\b{number}[\s-]+(?:{alternation(word_list('streak_words'))})[\s-]+{unit}\b", re.IGNORECASE)
    after = re.compile(rf"\b{number}[\s-]+{unit}\s+(?:{alternation(data['after_unit'])})\b", re.IGNORECASE)
    return before, after, values, {k.lower(): v for k, v in data["units"].items()}


def _length(raw: str, values: dict[str, int]) -> int | None:
    raw = raw.lower()
    if raw in values:
        return values[raw]
    digits = re.match(r"\d+", raw)
    return int(digits.group(0)) if digits else None


def streaks(text: str) -> list[Streak]:
    """The streaks ``text`` counts, in order of appearance (a count of one, "one straight month", is none)."""
    before, after, values, units = _patterns()
    found: list[tuple[int, Streak]] = []
    for pattern in (before, after):
        for m in pattern.finditer(text):
            n = _length(m.group("n"), values)
            if n and n > 1 or (n == 1 and m.group("n").lower() in ordinal_values()):
                found.append((m.start(), Streak(units[m.group("unit").lower()], n, m.group(0))))
    return [s for _, s in sorted(found, key=lambda f: f[0])]


def other_streaks(claim: str, cited: str) -> list[str]:
    """Reasons (``"number '<claim's streak>' not in cited text (it says '<text's streak>')"``) for each streak of the
    claim whose unit the cited text counts only with other lengths; [] when there is none."""
    said = streaks(cited)
    if not said:
        return []
    reasons: list[str] = []
    for streak in streaks(claim):
        same = [s for s in said if s.unit == streak.unit]
        if same and not any(s.length == streak.length for s in same):
            reasons.append(f"number '{streak.surface}' not in cited text (it says '{same[0].surface}')")
    return reasons


def counted_streak(value: float, claim: str, cited: str) -> bool:
    """True when ``value`` is the length of a claim's streak that the cited text counts with the same unit and length
    by another word ("six straight quarters" for "a sixth consecutive quarter"): that number is then stated."""
    said = {(s.unit, s.length) for s in streaks(cited)}
    return any(s.length == value and (s.unit, s.length) in said for s in streaks(claim))
