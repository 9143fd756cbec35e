"""A "how many times / months / years" question is answered by an ordinal of repetition: "Interest rates are expected
to rise for a seventh time in a row" says how many times in a row the bank has raised them, "exports fell for the
third straight month" for how many months. Such a sentence gives the number asked for (``answer_kind.has_answer_kind``
"number", ``answer_value.ordinal_counts``) and counts the asked noun (``answer_slot.fills_count``), so it may lead over
sentences restating the question's premise with another number ("by half a percentage point"). "For the first time"
counts nothing: it says something is new. The ordinals are data (``quantities.toml`` [ordinals] from
``[count].ordinal_from`` of answer_values.toml).

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, engine_over_articles

from rag.writers.answer_slot import fills_count
from rag.writers.answer_value import asked_value, ordinal_counts

RATES = "How many times in a row has the Bank of Osterland now raised interest rates?"
EXPORTS = "Osterland's exports fell again in June. For how many months in a row have they fallen?"
TITLES = "The Velden Hawks won the national league again this season. How many years in a row have they won it?"


@pytest.mark.parametrize("question, text", [
    (RATES, "Interest rates are expected to rise for a seventh time in a row today."),
    (RATES, "The bank lifted its key rate for the 7th consecutive time on Thursday."),
    (EXPORTS, "Exports fell for a third straight month in June, customs data showed."),
    (EXPORTS, "Shipments abroad dropped for the fifth successive month."),
    (TITLES, "The Hawks claimed the title for the fourth consecutive year on Sunday."),
])
def test_an_ordinal_of_repetition_counts_the_asked_noun(question, text):
    assert ordinal_counts(asked_value(question), text)
    assert fills_count(question, text)


@pytest.mark.parametrize("question, text", [
    (RATES, "The bank has raised interest rates for the first time in a decade."),  # new, not a count
    (RATES, "The second half of the year will see more rate rises."),  # another noun
    (EXPORTS, "Exports fell for the third time this year."),  # times, not months
    (TITLES, "The Hawks finished second in the league."),  # no determiner: a rank, not a repetition
    ("Who won the national league this season?", "The Hawks won the title for the fourth consecutive year."),
])
def test_an_ordinal_of_another_noun_or_of_a_first_time_counts_nothing_asked(question, text):
    assert not ordinal_counts(asked_value(question), text)


ARTICLES = [
    ("01_bank.md", "2022-09-22", "Bank of Osterland lifts rates again",
     "The Bank of Osterland is widely expected to increase rates by half a percentage point, or possibly more, "
     "when its committee meets on Thursday.\n\n"
     "Interest rates are expected to rise for a seventh time in a row today, squeezing millions of homeowners.\n\n"
     "The bank's governor said inflation would stay high into next year."),
    ("02_exports.md", "2022-07-10", "Osterland exports slide",
     "Osterland's exports fell 4.2% in June from a year earlier as demand for machinery weakened.\n\n"
     "Exports fell for a third straight month, the customs agency said on Sunday.\n\n"
     "Imports rose 1.1%, driven by energy purchases."),
    ("03_league.md", "2022-06-01", "Hawks retain league crown",
     "The Velden Hawks won the national league on Sunday, beating Orla United 3-1 in front of 40,000 fans.\n\n"
     "The Hawks claimed the title for the fourth consecutive year, a club record.\n\n"
     "Their coach said the squad would stay together next season."),
    ("04_other.md", "2022-07-01", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade. Organisers expect 20,000 visitors."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("ordinal_count"), ARTICLES)


@pytest.mark.parametrize("question, until, answer", [
    (RATES, "2022-09-23", "seventh time in a row"),
    (EXPORTS, "2022-07-11", "third straight month"),
    (TITLES, "2022-06-02", "fourth consecutive year"),
])
def test_the_answer_opens_with_the_ordinal_that_counts_the_asked_noun(engine, question, until, answer):
    assert answer in answer_lead(engine, question, until)
