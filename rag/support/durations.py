"""A cited duration read in other units: "three years and six months" also as 3.5 (years) and 42 (months), "18
months" as 1.5 (years), "a year and a half" as 1.5 and 18, so a claim that restates a duration in other units
("jailed for three and a half years") states a number the cited text holds. Units and fractions:
``data/durations.toml``; spelled numbers: ``rag.text.numbers`` (``spelled_numbers``, ``word_value``)."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.support.data_files import data_table
from rag.support.facts import Num
from rag.text.numbers import spelled_numbers, word_value

__all__ = ["duration_readings"]

_T = data_table("durations")
_UNITS: dict[str, int] = {k: int(v) for k, v in _T["units"].items()}
_HALVES: dict[str, float] = {k: float(v) for k, v in _T["halves"].items()}
_NUM = r"(?:\d+(?:\.\d+)?|a|an|one|" + "|".join(sorted(spelled_numbers(), key=len, reverse=True)) + r")"
_UNIT = r"(" + "|".join(_UNITS) + r")s?"
_FRAC = r"(?:[\s\-]+(" + "|".join(r"[\s\-]+".join(h.split()) for h in _HALVES) + r"))?"
# N [and a half] UNIT [and M UNIT2] | N UNIT and a half
_DURATION = re.compile(
    rf"\b({_NUM}){_FRAC}[\s\-]+{_UNIT}(?:[\s\-]+(and[\s\-]+a[\s\-]+half)|\s+and\s+({_NUM})[\s\-]+{_UNIT})?\b", re.I)


def _value(word: str) -> float | None:
    """A duration's count: "a"/"an" (one year), else the number ``word`` writes (``numbers.word_value``)."""
    return 1.0 if word.lower() in ("a", "an") else word_value(word)


@lru_cache(maxsize=4096)
def _readings(text: str) -> tuple[Num, ...]:
    out: list[Num] = []
    for m in _DURATION.finditer(text):
        n = _value(m.group(1))
        if n is None:
            continue
        months = n * _UNITS[m.group(3).lower()]
        if m.group(2) or m.group(4):
            months += 0.5 * _UNITS[m.group(3).lower()]
        if m.group(5):
            rest = _value(m.group(5))
            if rest is None:
                continue
            months += rest * _UNITS[m.group(6).lower()]
        values = {months}
        if months >= 12 and months % 6 == 0:
            values.add(months / 12)  # in years: 3.5, 1.5
        if months > 12 and months % 12:
            values.update({float(months // 12), months % 12})  # "three years and six months"
        surface = m.group(0)
        out += [Num(v, surface, False) for v in sorted(values)]
    return tuple(out)


def duration_readings(text: str) -> list[Num]:
    """Each duration of ``text`` in years and months ("three years and six months" -> 3, 3.5, 6, 42), as numbers
    whose surface is the duration as written; the readings the text's own numbers already give are included."""
    return list(_readings(text))
