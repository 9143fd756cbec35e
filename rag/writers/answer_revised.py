"""A figure a later report revises does not lead an answer: the revising sentence does.

A follow-up report states the new figure and the one it replaces ("… raised the number of … tool types that will
need an export licence to 16, up from the 14 it announced earlier this month"); the earlier report's sentence ("…
will need a licence for 14 additional types of …") may repeat more of the question's words and rank first. Both
answer, but the earlier one is out of date: an analyst reads the revised figure first. A sentence is revised when a
report published after it gives one of its figures after a revision word (``revision_words`` in
``rag/text/data/answer_values.toml``: "from", "up from", "down from", "instead of", "previously") in a sentence
that shares ``SHARED_TERMS_MIN`` of its content stems (the same measure, not another figure of the same size).
A later report's running total revises too, though it names no replaced figure ("approved 12 more …, bringing the
total approved since August 18 to 21" after "approved only 9 of the 50 applications"): a sentence stating one
(``cumulative_totals`` of the same file) revises an earlier report's sentence of the same measure whose figures do
not include the total.
Applied to questions asking for a figure (``answering``: "how many …?", "how much …?"): the first report's date
still answers "when does it take effect?" when the revision changed only the count.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from rag.text.dates import iso_day
from rag.text.lexicon import alternation, table
from rag.text.numbers import spelled_numbers, word_value
from rag.writers.candidates import Candidate

__all__ = ["SHARED_TERMS_MIN", "revised", "without_revised"]

#: content stems a revising sentence shares with the one it revises (the measure's words: "types", "licenc", …)
SHARED_TERMS_MIN = 3
#: a figure: digits with thousands separators or a decimal part ("14", "1,200", "2.5")
_DIGITS = r"\d[\d,]*(?:\.\d+)?"
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
#: the smallest spelled number read as a figure: "one" and "zero" are too often no count ("one of the …")
_SPELLED_FROM = 2


@cache
def _figure() -> str:
    """A figure: digits (``_DIGITS``) or a spelled number of ``quantities.toml`` [spelled_numbers] from
    ``_SPELLED_FROM`` ("indicted six people", "bringing the number of defendants to eight"): a report in other words
    than the one it updates spells its counts as often as it writes them in digits."""
    words = [w for w, v in spelled_numbers().items() if v >= _SPELLED_FROM]
    return rf"(?:{_DIGITS}|(?i:{alternation(words)})(?![\w-]))"


def _value(raw: str) -> str:
    """A figure's value as one string, whether written in digits or spelled ("1,200" -> "1200", "eight" -> "8")."""
    v = word_value(raw.replace(",", ""))
    if v is None:
        return raw.replace(",", "")
    return str(int(v)) if v.is_integer() else str(v)


@cache
def _revision_re() -> re.Pattern[str]:
    words = table("answer_values")["revision"]["revision_words"]
    # "up from 14", "from the 14 it announced", "instead of an earlier 12"
    return re.compile(rf"\b(?:{alternation(words)})\s+(?:(?:the|an?|its|an\s+earlier|the\s+earlier|the\s+previous)\s+)?"
                      rf"({_figure()})\b", re.IGNORECASE)


@cache
def _cumulative_res() -> tuple[re.Pattern[str], ...]:
    patterns = table("answer_values")["revision"]["cumulative_totals"]
    return tuple(re.compile(p.replace("{figure}", rf"({_figure()})\b"), re.IGNORECASE) for p in patterns)


def _cumulative_figures(text: str) -> set[str]:
    """The running totals a sentence states ("bringing the total approved since August 18 to 21" -> {"21"})."""
    out = {_value(m.group(1)) for p in _cumulative_res() for m in p.finditer(text)}
    return {f for f in out if not _YEAR_RE.match(f)}


def _figures(text: str) -> set[str]:
    """The figures of a sentence, without separators, years left out (a year is a date, not a revised value)."""
    out = {_value(m) for m in re.findall(rf"(?<![\w.]){_figure()}(?![\w])", text)}
    return {f for f in out if not _YEAR_RE.match(f)}


def _revised_figures(text: str) -> set[str]:
    """The figures a sentence names as replaced ("to 16, up from the 14" -> {"14"})."""
    out = {_value(m.group(1)) for m in _revision_re().finditer(text)}
    return {f for f in out if f and not _YEAR_RE.match(f)}


def revised(cands: Sequence[Candidate], pool: Sequence[int]) -> dict[int, int]:
    """The indices of ``pool`` (into ``cands``) whose sentence gives a figure that a sentence of ``pool`` from a report
    published later names as replaced, or gives a count that a later running total other than it updates; the two
    sharing ``SHARED_TERMS_MIN`` content stems; each mapped to the revising sentence's index. Undated reports neither
    revise nor are revised (their order is unknown)."""
    out: dict[int, int] = {}
    revisers = [(j, replaced, totals, day) for j in pool
                if ((replaced := _revised_figures(cands[j].text)) | (totals := _cumulative_figures(cands[j].text)))
                and (day := iso_day(cands[j].passage.chunk.published)) is not None]
    if not revisers:
        return out
    for i in pool:
        day = iso_day(cands[i].passage.chunk.published)
        if day is None:
            continue
        own = _figures(cands[i].text)
        for j, replaced, totals, later in revisers:
            if j == i or later <= day or cands[j].doc_id == cands[i].doc_id:
                continue
            if not (own & replaced or (totals and own and not own & totals)):
                continue  # names none of its figures as replaced, and states no new total of a count it gives
            if len(cands[i].stems & cands[j].stems) >= SHARED_TERMS_MIN:
                out[i] = j
                break
    return out


def without_revised(cands: Sequence[Candidate], pool: Sequence[int]) -> list[int]:
    """``pool`` without its ``revised`` sentences, led by the sentences revising them: the revision states the figure
    that holds now and the one it replaces (unchanged when nothing is revised)."""
    gone = revised(cands, pool)
    if not gone:
        return list(pool)
    revising = [j for j in dict.fromkeys(gone.values()) if j not in gone]
    return revising or [i for i in pool if i not in gone] or list(pool)
