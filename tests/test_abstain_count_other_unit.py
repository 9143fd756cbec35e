"""A money amount or a measure in a unit does not count the things a "how many <things>" question asks for (issue 10,
abstention; h/abstain-s63).

The kind (s62's fit-half reading: most unanswerable questions answered anyway quoted a figure of another thing; F4 of
s62's new user, "How many fibre pairs …?" answered with other counts): "How many wafers will the plant make?" was
answered by "The plant will make 2-nanometre logic chips and is backed by 920 billion yen in government subsidies":
the only numbers there are a currency amount and a number hyphen-joined to a unit, read as counts of nothing in
particular, so they passed for the count of wafers. A quantity with a currency or a unit of ``quantities.toml``, or a
number joined by a hyphen to a unit ("2-nanometre", "a 10-year plan"), counts the asked things only when the question's
counted words spell that unit ("how many percentage points", "how many days": ``answer_value.measures_another_unit``).
The answer then abstains, saying what the sources report and that none gives the count.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.types import SearchFilters
from rag.writers.answer_value import asked_value, measures_another_unit, number_fits


def fits(question: str, text: str, number: str) -> bool:
    at = text.index(number)
    return number_fits(asked_value(question), text, at, at + len(number))


@pytest.mark.parametrize("question, text, number, fit", [
    # a currency amount is no count of things
    ("How many drones did the ministry order?", "The ministry placed a 4.5 billion won order with two suppliers.",
     "4.5", False),
    ("How many scanners will Japan ship to Manila?", "Japan will lend Manila $300 million for port scanners.", "300",
     False),
    # a percentage is none either
    ("How many licences did the ministry refuse?", "Refusals rose 12% in the year to March.", "12", False),
    # a number joined to a unit measures the thing it modifies
    ("How many wafers will the fab process each month?", "The fab will make 3-nanometre chips for Nvidia.", "3",
     False),
    ("How many workers will the plant hire?", "The company unveiled a 10-year plan for the plant.", "10", False),
    ("How many repeaters does the link use?", "The 9,000-kilometre link opens next year.", "9,000", False),
    # the question's counted words spell the unit: it answers
    ("How many percentage points did the bank raise its rate?", "The bank raised its rate by 0.5 percentage points.",
     "0.5", True),
    ("How many days did the blockade last?", "The 45-day blockade ended on Friday.", "45", True),
    ("How many won did the ministry spend?", "The ministry spent 4.5 billion won on drones.", "4.5", True),
    # a hyphen-joined word that is no unit may count the asked things
    ("How many countries joined the pact?", "A 12-nation pact was signed in Seoul.", "12", True),
    # a plain count still answers
    ("How many drones did the ministry order?", "The ministry ordered 120 drones from two suppliers.", "120", True),
])
def test_a_money_amount_or_a_measure_does_not_count_the_asked_things(question, text, number, fit):
    assert fits(question, text, number) is fit


def test_a_question_asking_for_a_measure_is_not_read():
    # money, a percentage, an age: gives_measure reads those
    assert not measures_another_unit(asked_value("How much did the ministry spend?"), "It spent $4m.", 9, 10)
    assert not measures_another_unit(asked_value("What was the vote?"), "It spent $4m.", 9, 10)


# ------------------------------------------------------------------------------------------------------------------
# End to end through the real Engine over short reports written for this test

ARTICLES = [
    ("01_fab.md", "2026-05-08", "Hokkaido fab starts test runs",
     "Rapidus began test runs at its Chitose fab in Hokkaido on Friday. The plant will make 2-nanometre logic chips "
     "and is backed by 920 billion yen in government subsidies."),
    ("02_drones.md", "2026-05-09", "Taipei orders surveillance drones",
     "Taiwan's defence ministry signed a 4.2 billion Taiwan dollar contract for surveillance drones on Thursday. "
     "Deliveries of the drones will start next year, the ministry said."),
    ("03_cable.md", "2026-05-04", "Operators plan Luzon subsea link",
     "Three operators plan a 2,400-kilometre subsea link between Luzon and Taiwan. It is due to enter service in 2028. "
     "Each of its 14 repeaters was made in Japan."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("abstain_count_other_unit"), ARTICLES)


def ask(engine, question):
    return engine.write(question, template="answer", filters=SearchFilters(until="2026-05-20"))


@pytest.mark.parametrize("question, missing", [
    ("How many wafers will the plant make?", "the number of wafers"),
    ("How many drones did Taiwan's defence ministry order?", "the number of drones"),
    ("How many fibre pairs will the Luzon subsea link have?", "the number of fibre pairs"),
])
def test_a_figure_of_another_thing_is_no_count_and_the_missing_count_is_named(engine, question, missing):
    brief = ask(engine, question)
    assert brief.abstained, answer_text(brief)
    assert missing in (brief.message or ""), brief.message


def test_the_asked_count_still_answers(engine):
    brief = ask(engine, "How many repeaters does the Luzon subsea link have?")
    assert not brief.abstained, brief.message
    assert "14" in answer_text(brief)
