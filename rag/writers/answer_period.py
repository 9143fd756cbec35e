"""Whether a sentence gives a time limit: the answer of a "period" question ("How soon must investors notify
Treasury after …?", "Within what period …?": ``answer_kinds.toml`` [kinds.period]).

A time limit is a count of units of time after a number or "a"/"an" ("within 45 days", "no later than five working
days after", "within a month of"; the units of ``answer_values.toml`` [measure].duration_units, the words of
``answer_kinds.toml`` [period].unit_qualifiers allowed between) or, in Chinese, Japanese and Korean, a number and a
unit before a word of "within" (30日以内, 15个工作日内, 30일 이내: [period].cjk_units, cjk_within). A date is no
length of time ("on 30 May", 2027年1月1日): it answers the question as a deadline, after a word of [period].deadline_words
("by March 31, 2027", "no later than June 1", "from January 1": ``ends_deadline``), not as the day the report's event
came ("ordered chipmakers on Monday to submit …").
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import alternation, table
from rag.text.numbers import is_number_word
from rag.text.scripts import cjk_count

__all__ = ["ends_deadline", "gives_period"]


#: "two years ago", "a month earlier": a point in time, not a length
_NOT_AGO = r"(?!\s+(?:ago|earlier|later|before|after that)\b)"
_WORD_OR_NUMBER_RE = re.compile(r"\d[\d,.]*|[A-Za-z]+(?:-[A-Za-z]+)?")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _unit() -> str:
    """Optional qualifiers ("working", "business"), then a unit of time, not a point in time ("two years ago")."""
    units = table("answer_values")["measure"]["duration_units"]
    qualifiers = table("answer_kinds")["period"]["unit_qualifiers"]
    return rf"(?:(?:{alternation(qualifiers)})\s+)*(?:{alternation(units)})\b{_NOT_AGO}"


@cache
def _unit_re() -> re.Pattern[str]:
    """Right after a number: a unit of time (``_unit``)."""
    return re.compile(rf"(?:\s+|-){_unit()}", re.I)


@cache
def _article_re() -> re.Pattern[str]:
    """"a month", "an hour": one unit of time after an article."""
    return re.compile(rf"\b(?:a|an)\s+{_unit()}", re.I)


@cache
def _cjk_re() -> re.Pattern[str]:
    data = table("answer_kinds")["period"]
    return re.compile(rf"(?<![\d年月])[0-9０-９一二三四五六七八九十两兩]+\s*(?:{alternation(data['cjk_units'])})"
                      rf"\s*(?:{alternation(data['cjk_within'])})")


def gives_period(text: str) -> bool:
    """Whether ``text`` states a length of time (module docstring): a count of units of time, in English or, in a
    sentence written in Chinese, Japanese or Korean, before a word of "within"."""
    counts = (m for m in _WORD_OR_NUMBER_RE.finditer(text)  # a number or a number word, not a year ("in 2025 days")
              if (m.group(0)[0].isdigit() and not _YEAR_RE.fullmatch(m.group(0))) or is_number_word(m.group(0)))
    if any(_unit_re().match(text, m.end()) for m in counts) or _article_re().search(text):
        return True
    return bool(cjk_count(text)) and _cjk_re().search(text) is not None


@cache
def _deadline_re() -> re.Pattern[str]:
    words = table("answer_kinds")["period"]["deadline_words"]
    return re.compile(rf"\b(?:{alternation(words)})\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+"
                      rf"|(?:early|mid|late)[-\s]+)?$", re.I)


def ends_deadline(text: str, start: int) -> bool:
    """Whether the time starting at ``text[start:]`` ends a time limit: a word of ``answer_kinds.toml``
    [period].deadline_words right before it ("by March 31", "no later than the end of June", "from January 1"), or
    in a sentence written in Chinese, Japanese or Korean, before it (自2027年1月1日起, 2027年1月1日から, 까지)."""
    if _deadline_re().search(text[:start]):
        return True
    return bool(cjk_count(text)) and bool(_cjk_deadline_re().match(text, start))


@cache
def _cjk_deadline_re() -> re.Pattern[str]:
    words = table("answer_kinds")["period"]["cjk_deadline_after"]
    return re.compile(rf"[^。！？!?]{{1,16}}?(?:{alternation(words)})")
