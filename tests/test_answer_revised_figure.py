"""A figure a later report revises does not lead an answer; the revision does (issue 10, answers an analyst can
sign; s61).

Kind: **the out-of-date figure answers.** Asked "How many types of … will need a Japanese export licence?", the
answer quoted the first report's "… a licence for 14 additional types of …", though a report two weeks later says
the ministry "raised the number of … types that will need an export licence to 16, up from the 14 it announced":
the first report repeats more of the question's words. A sentence whose figure a later report names after a
revision word ("up from", "from", "down from", "instead of": ``answer_values.toml`` [revision]) in a sentence of the
same measure (three content stems shared) gives way to the revising sentence, which states both figures. A year
after "from" is a date, not a revised value, and a later report that does not name the old figure revises nothing.

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed
from rag.writers.answer_revised import _revised_figures

ARTICLES = {
    "k1.txt": ("Korea sets fines for battery technology leaks", "Han River Times", "2026-08-04",
               "SEOUL — South Korea's industry ministry on Monday set a maximum fine of 1.5 billion won for companies "
               "that transfer core battery technology abroad without approval.\n\n"
               "The rule covers cathode and solid-state electrolyte processes.\n\n"
               "Battery makers said the rule was clear and workable."),
    "k2.txt": ("Korea doubles battery technology leak fines", "Seoul Tech Daily", "2026-09-15",
               "SEOUL — South Korea's industry ministry on Tuesday raised the maximum fine for companies that transfer "
               "core battery technology abroad without approval to 3 billion won, up from 1.5 billion won.\n\n"
               "Officials cited two cases this year in which process data reached overseas rivals."),
    "j1.txt": ("Japan adds chip inspection tools to licence list", "Tokyo Tech Wire", "2026-11-11",
               "TOKYO — Japan's trade ministry said on Tuesday that exporters will need a licence for 14 types of "
               "semiconductor inspection equipment from January 15, 2027.\n\n"
               "Shipments to 42 partner countries can continue under general licences."),
    "j2.txt": ("Japan widens chip inspection tool rule", "Tokyo Tech Wire", "2026-11-23",
               "TOKYO — Japan's trade ministry on Monday raised the number of semiconductor inspection equipment types "
               "that will need an export licence to 16, up from the 14 it announced earlier this month.\n\n"
               "Industry groups had asked for a grace period for existing contracts."),
    "c1.txt": ("China sets rare-earth export quota", "Asia Metals Report", "2026-03-02",
               "BEIJING — China's commerce ministry on Monday set this year's export quota for rare-earth oxides at "
               "45,000 tonnes.\n\n"
               "The quota covers light and heavy rare earths.\n\n"
               "Exporters must apply for licences by April."),
    "c2.txt": ("China cuts rare-earth export quota", "Pacific Courier", "2026-06-09",
               "BEIJING — China's commerce ministry on Tuesday cut this year's export quota for rare-earth oxides to "
               "40,000 tonnes, down from 45,000 tonnes.\n\n"
               "Traders said prices of neodymium oxide rose after the announcement."),
    "t1.txt": ("Taiwan adds firms to strategic export entity list", "Formosa Ledger", "2026-05-12",
               "TAIPEI — Taiwan's economy ministry on Monday added eight companies to its strategic high-tech "
               "commodities entity list, which now contains 609 entities.\n\n"
               "Exporters need a permit to ship controlled goods to listed entities."),
    "t2.txt": ("Taiwan widens export entity list again", "Island Wire", "2026-06-23",
               "TAIPEI — Taiwan's economy ministry on Tuesday added 11 more companies to its strategic high-tech "
               "commodities entity list, bringing the total to 620 entities from 609.\n\n"
               "Most of the new entries are trading firms in Hong Kong."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("answer_revised"), ARTICLES)


@pytest.mark.parametrize("question, new, old", [
    ("What is the maximum fine for transferring core battery technology abroad without approval in South Korea?",
     "3 billion won", "1.5 billion won"),
    ("How many tonnes of rare-earth oxides can China export under this year's quota?", "40,000 tonnes", "45,000"),
    ("How many entities are on Taiwan's strategic high-tech commodities entity list?", "620", "609"),
    ("How many types of semiconductor inspection equipment will need a Japanese export licence?", "16", "14"),
])
def test_the_revising_report_leads_the_answer(engine, question, new, old):
    brief = engine.write(question, template="answer")
    first = brief.sections[0].claims[0].text
    assert new in first, first


def test_a_time_question_is_still_answered_by_the_dated_first_report(engine):
    # the revision changed the count, not the start date: "when?" is answered by the sentence giving the date
    brief = engine.write("When will Japan's licence requirement for semiconductor inspection equipment take effect?",
                         template="answer")
    first = brief.sections[0].claims[0].text
    assert "January 15, 2027" in first, first


@pytest.mark.parametrize("text, figures", [
    ("raised the fine to 3 billion won, up from 1.5 billion won", {"1.5"}),
    ("bringing the total to 620 entities from 609", {"609"}),
    ("cut the quota to 40,000 tonnes, down from 45,000 tonnes", {"45000"}),
    ("a rate of 12% instead of an earlier 10%", {"10"}),
    ("the rule applies from 2027 to all exporters", set()),
    ("exports rose 20% from a year earlier", set()),
])
def test_a_revision_word_names_the_replaced_figure_and_a_year_is_no_figure(text, figures):
    assert _revised_figures(text) == figures
