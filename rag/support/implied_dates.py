"""Dates a dated news text implies without writing their year: "in April", "the first quarter", "a year ago".

A report published on 2022-05-19 that says "The median price of a home in April was a record $391,200, rising
14.8% from a year ago" dates the price April 2022 and its comparison April 2021, though neither year is written.
``rag.text.dates.find_dates`` resolves the phrases it knows ("last year", "one month ago"); this module adds, for the
support checker (``facts.relative_years``):

* "a year ago" / "a month ago" read as "1 year ago" (the date reader knows the numeral); a year ago is also the
  publication month a year back ("$3.08 a year ago" in a June 2022 article: June 2021);
* a month named without day or year, as the most recent such month within ``month_reach`` months of the
  publication month (``data/implied_dates.toml``);
* "the first/second/third/fourth quarter" without a year, as the most recent such quarter begun by publication;
* a bare month whose sentence also dates something to the year before ("in April compared with last year", "in
  April ... from a year ago") is that month of the year before as well (the comparison's base), as a month only.

Without a publication date nothing is implied (a year is never guessed).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from rag.support.data_files import data_table
from rag.text.sentences import split_sentences
from rag.text.dates import MONTH_NAMES

_DATA = data_table("implied_dates")
MONTH_REACH: int = _DATA["month_reach"]
QUARTERS: dict[str, int] = dict(_DATA["quarters"])
PERIOD_ORDINALS = frozenset(_DATA["period_ordinals"]["words"])
#: Words before a year that make it a comparison's base ("compared with last year": ``bindings.own_years``).
COMPARISON_BASES = frozenset(_DATA["comparison_bases"]["words"])
_A_FOR_ONE_RE = re.compile(r"\b([Aa]) (?=(?:" + "|".join(_DATA["a_for_one"]["units"]) + r") ago\b)")
# full month names ("May" is a verb as often: left out), with no day or year next to them
_BARE_MONTH_RE = re.compile(r"(?<![\d,] )(?<!\d)\b(" + "|".join(n for n in MONTH_NAMES[1:] if n != "May")
                            + r")\b(?!\.?\s*,?\s*\d)")
_QUARTER_RE = re.compile(r"\b(" + "|".join(QUARTERS) + r")[\s-]quarter\b(?!\s+of\s+(?:19|20)\d\d)(?!\s+\d)", re.IGNORECASE)


def a_for_one(text: str) -> str:
    """``text`` with "a"/"A" before "year ago" (and month, week, day) written "1", same length and offsets."""
    return _A_FOR_ONE_RE.sub("1 ", text)


def implied_dates(text: str, published: str | None, year_back: frozenset[int] = frozenset()) -> list[tuple[int, int | None, str, bool]]:
    """(year, month or None, phrase, stated) of each month or quarter ``text`` names without a year, read against
    its publication date ``published`` (ISO); ``stated`` False for a comparison base (the month of the year
    before, in a sentence that dates something to that year: ``year_back`` holds the character offsets of such
    mentions). Empty without ``published``."""
    if not published:
        return []
    return list(_implied(text, published[:10], year_back))


@lru_cache(maxsize=1024)
def _implied(text: str, published: str, year_back: frozenset[int]) -> tuple[tuple[int, int | None, str, bool], ...]:
    base = date.fromisoformat(published)
    out: list[tuple[int, int | None, str, bool]] = []
    # the text layer's sentences (one splitter in the project), read only when some mention dates the year before
    starts = [s.start for s in split_sentences(text)[1:]] if year_back else []

    def sentence(at: int) -> int:
        return sum(1 for st in starts if st <= at)

    back_sentences = {sentence(at) for at in year_back}
    for m in _BARE_MONTH_RE.finditer(text):
        month = MONTH_NAMES.index(m.group(1))
        offset = (base.month - month) % 12  # months back to the most recent such month
        if offset <= MONTH_REACH:
            year = base.year if month <= base.month else base.year - 1
        elif 12 - offset <= MONTH_REACH:  # a coming month ("the vote in July", a May article)
            year = base.year if month > base.month else base.year + 1
        else:
            continue
        out.append((year, month, m.group(0), True))
        if sentence(m.start()) in back_sentences:
            out.append((year - 1, month, m.group(0), False))
    for m in _QUARTER_RE.finditer(text):
        first_month = 3 * QUARTERS[m.group(1).lower()] - 2
        out.append((base.year if first_month <= base.month else base.year - 1, None, m.group(0), True))
    return tuple(out)
