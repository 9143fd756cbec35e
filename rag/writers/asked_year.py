"""The year a question asks about: "Which team won the 2022 NHL Stanley Cup Finals?" is not answered by "The Lightning
won the last two Stanley Cups in 2020 and 2021", a sentence telling other years' events only. Such a sentence does not
lead an answer while a sentence telling the asked year, or no year, can (``QuestionAnswering._pick_answer``).

Event years are four-digit years (1900–2099; both years of "2022-23") not after a comparison word of
``rag/text/data/year_comparisons.txt`` ("its first title since 2001", "higher than in 2019"). A question's asked
years are those of its asked sentence only (``answer_kind.asked_sentence``): "Chris Evans was voted Sexiest Man Alive
for 2022. What role did he play in a Pixar movie?" asks about no year.

A relative year ("this year's US Open", "last year", 今年; the text layer's ``find_dates``) is a year too, read
against the answer's "as of" day for the question and against the report's publication day for a sentence: for
"Which tennis star won't play at this year's US Open?" asked in 2022, "… will all miss this year's tournament" in a
2020 report tells 2020, and "… spent 67 million pounds on the monarchy during 2018-19" does not tell "last year"
asked in 2022. Without the day (an undated report, no "as of") a relative year tells nothing. A sentence telling no
year tells the year of its report at the latest: one from a report published before the asked year began tells
another. A relative year after a comparison word, a number between them or not ("pass grades have fallen from 79%
last year to how much?"), is no event year.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.dates import find_dates
from rag.text.lexicon import word_list
from rag.writers.answer_kind import asked_sentence

__all__ = ["asked_years", "event_years", "tells_other_years"]

#: (a comma or full stop after the year ends its clause, "in 2025, after …"; before a digit it is a thousands mark)
_YEAR_RE = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?:\s*[-–/]\s*(\d\d(?:\d\d)?))?(?!\d|[,.]\d)")


@cache
def _comparison_re() -> re.Pattern[str]:
    words = sorted(word_list("year_comparisons"), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?:{alt})\s+(?:in\s+|the\s+)?$", re.I)


#: a quantity between a comparison word and a relative year: "from 79% last year"
_QUANTITY_TAIL_RE = re.compile(r"\S*\d\S*\s+$")


def _relative_years(text: str, day: str | None) -> set[int]:
    """The relative years of ``text`` ("this year", "last year's", 今年) read against ``day`` (ISO), those after a
    comparison word left out; empty without ``day``."""
    if not day:
        return set()
    out: set[int] = set()
    for m in find_dates(text, published=day[:10]):
        if not m.relative or m.precision != "year":
            continue
        if _comparison_re().search(_QUANTITY_TAIL_RE.sub("", text[: m.start])):  # (without a quantity, unchanged)
            continue
        out.add(int(m.value[:4]))
    return out


def event_years(text: str, day: str | None = None) -> frozenset[int]:
    """The years ``text`` tells events of (see the module docstring); its relative years read against ``day`` (ISO,
    the report's publication day or the answer's "as of"), none without it."""
    out: set[int] = _relative_years(text, day)
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


def asked_years(question: str, as_of: str | None = None) -> frozenset[int]:
    """The event years of ``question``'s asked sentence, its relative ones ("this year's") read against ``as_of``."""
    return event_years(asked_sentence(question)[0], as_of)


def tells_other_years(text: str, years: frozenset[int], published: str | None = None) -> bool:
    """Whether ``text`` tells events of years, none of them one of ``years`` (False when ``years`` is empty); its
    relative years read against ``published`` (the report's ISO day). A text telling no year tells another when its
    report was published before every asked year began ("the monarchy cost taxpayers 69.4 million pounds in the year
    to the end of March", published in 2020, for "… last year?" asked in 2022); undated, it tells none."""
    if not years:
        return False
    told = event_years(text, published)
    if told:
        return not (told & years)
    return bool(published) and published[:4].isdigit() and int(published[:4]) < min(years)
