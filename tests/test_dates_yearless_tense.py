"""A month-day without a year is dated by its clause's tense, not only by nearness (issue 10, s65; F5 of fresh65).

Kind: **a past yearless day dated in the following year.** A report of 2026-09-30 says "The review, launched on
February 24, ... ending a seven-month investigation": the nearest February 24 is 2027-02-24 (147 days ahead, against
218 back), but a launched review lies before the report. A yearless month-day in a past-tense clause is the latest
such day on or before publication (or up to a week after it: an updated article keeps its first stamp); in a future
clause ("will take effect on March 1", "is scheduled for November 5") the next one on or after it; a clause with no
tense keeps the nearest day.

The texts were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from rag.text.clause_tense import clause_tense
from rag.text.dates import find_dates, most_specific_date


@pytest.mark.parametrize(("text", "published", "expected"), [
    # past clauses whose nearest month-day lies ahead of the report
    ("Brazil's competition authority opened its inquiry on January 12 and fined the cartel this week.", "2026-08-03",
     "2026-01-12"),
    ("The review, launched on February 24, closed with conditions, ending a seven-month investigation.", "2026-09-30",
     "2026-02-24"),
    ("Poland's regulator first suspended the licence on March 30, the company said.", "2026-10-14", "2026-03-30"),
    ("Since the blockade began, on April 2 when coast guard vessels surrounded the shoal, supplies have run short.",
     "2026-11-20", "2026-04-02"),
    ("Samsung filed the complaint Feb. 9 and withdrew it a month later.", "2025-08-28", "2025-02-09"),
    # future clauses whose nearest month-day lies before the report
    ("The export ban will take effect on July 1, the Indonesian ministry said.", "2026-12-18", "2027-07-01"),
    ("Ministers from the two countries are scheduled to meet again on June 15.", "2026-11-30", "2027-06-15"),
    ("The new screening rules are expected to apply from May 20.", "2025-11-02", "2026-05-20"),
])
def test_a_yearless_day_lies_on_the_side_of_publication_its_tense_puts_it(text, published, expected):
    assert most_specific_date(text, published=published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # no tense in the clause: the nearest day, as before
    ("Deadline: Jan. 5", "2019-12-28", "2020-01-05"),
    # a past event the day after the outlet's stamp (the story's local date runs ahead): that day, not a year back
    ("Seoul announced the measures on June 8.", "2026-06-07", "2026-06-08"),
    # a future plan on the publication's own day
    ("The tariff will take effect on October 1.", "2026-10-01", "2026-10-01"),
    # past and near: unchanged
    ("The ministry raided the offices on Dec. 20.", "2020-01-03", "2019-12-20"),
])
def test_the_nearest_day_stays_where_tense_allows_it(text, published, expected):
    assert most_specific_date(text, published=published) == expected


@pytest.mark.parametrize(("text", "phrase", "tense"), [
    ("The probe, launched on February 24, ended.", "February 24", "past"),
    ("The rule will take effect on March 1.", "March 1", "future"),
    ("The talks, scheduled for November 5, were called off.", "November 5", "future"),
    ("Officials said the rule, which takes effect on March 1, covers drones.", "March 1", None),
    ("Talks on July 9 could resume trade.", "July 9", "future"),
    ("東京で7月4日に発表した。", "7月4日", None),
])
def test_the_clause_tense_reads_the_words_around_the_span(text, phrase, tense):
    i = text.index(phrase)
    assert clause_tense(text, i, i + len(phrase)) == tense


def test_the_mention_says_it_was_resolved_against_the_publication_date():
    [m] = find_dates("The panel was formed on February 24.", published="2026-09-30")
    assert (m.value, m.relative) == ("2026-02-24", True)
