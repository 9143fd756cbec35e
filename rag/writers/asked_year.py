"""The year a question asks about: "Which team won the 2022 NHL Stanley Cup Finals?" is not answered by "The Lightning
won the last two Stanley Cups in 2020 and 2021", a sentence telling other years' events only. Such a sentence does not
lead an answer while a sentence telling the asked year, or no year, can (``QuestionAnswering._pick_answer``).

Event years are four-digit years (1900–2099; both years of "2022-23") not after a comparison word of
``rag/text/data/year_comparisons.txt`` ("its first title since 2001", "higher than in 2019"). A question's asked
years are those of its asked sentence only (``answer_kind.asked_sentence``): "Chris Evans was voted Sexiest Man Alive
for 2022. What role did he play in a Pixar movie?" asks about no year.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import word_list
from rag.writers.answer_kind import asked_sentence

__all__ = ["asked_years", "event_years", "tells_other_years"]

_YEAR_RE = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?:\s*[-–/]\s*(\d\d(?:\d\d)?))?(?![\d,])")


@cache
def _comparison_re() -> re.Pattern[str]:
    words = sorted(word_list("year_comparisons"), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alt})\s+(?:in\s+|the\s+)?$", re.I)


def event_years(text: str) -> frozenset[int]:
    """The years ``text`` tells events of (see the module docstring)."""
    out: set[int] = set()
    for m in _YEAR_RE.finditer(text):
        if _comparison_re().search(text[: m.start()]):
            continue
        first = int(m.group(1))
        out.add(first)
        if m.group(2):  # "2022-23", "2022–2023"
            tail = m.group(2)
            second = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
            if 0 < second - first <= 1:
                out.add(second)
    return frozenset(out)


def asked_years(question: str) -> frozenset[int]:
    """The event years of ``question``'s asked sentence."""
    return event_years(asked_sentence(question)[0])


def tells_other_years(text: str, years: frozenset[int]) -> bool:
    """Whether ``text`` tells events of years, none of them one of ``years`` (False when ``years`` is empty or the
    text tells no year)."""
    told = event_years(text)
    return bool(years) and bool(told) and not (told & years)
