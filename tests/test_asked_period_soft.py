"""A question that asks about a time relative to its "as of" day without naming a week, month or day bounds its
evidence softly: a span ("the last 12 months", "the past six months", "over the past year") and recency words ("according to a new survey", "the latest figures", "who most recently …", "has been
making headlines") mean a dated source older than that time cannot answer, while an undated one still can.

A year ("last year", "this year's") sets no window: the writer reads it (rag.writers.asked_year). "Which album won the prize for the best album of the last 12 months?" is not answered
from a 2018 article; "… according to a new report?" asked in December is not answered from a July report. When only
such older sources hold the answer, the answer abstains and names the window it searched (no form of the product
answers "the latest report, of 2019, says …"). Unit checks of ``rag.text.asked_period`` and end to end through the
real Engine over short articles written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles, engine_over_texts

from evals.rtqa_answers import answer_text
from rag.text.asked_period import AskedPeriod, asked_period, bounded
from rag.types import SearchFilters
from rag.writers.abstention_text import filters_described

AS_OF = "2024-05-10"


@pytest.mark.parametrize("question, phrase, since", [
    # a span reaching back from the as-of day
    ("Which band won the Lantern Prize for the best album of the last 12 months?", "last 12 months", "2023-05-11"),
    ("How much did Ostravan rents rise over the past six months?", "past six months", "2023-11-09"),
    ("How many ferries has Norvia retired over the past year?", "over the past year", "2023-05-11"),
    ("What did tolls bring in over the previous three months?", "previous three months", "2024-02-08"),
    # recency words: six weeks back
    ("What share of nurses plan to leave the service, according to a new survey?", "new survey", "2024-03-29"),
    ("What do the latest figures show about Ostravan salt exports?", "latest figures", "2024-03-29"),
    ("Who most recently joined the Kestria shipping coalition?", "most recently", "2024-03-29"),
    ("Which minister has been making headlines over calls to cap rail fares?", "has been making headlines",
     "2024-03-29"),
    ("What have Lindholm officials said in recent weeks about the bridge?", "recent weeks", "2024-03-29"),
    ("How many jobs did the mill cut, according to the new census?", "new census", "2024-03-29"),
])
def test_a_time_relative_to_the_as_of_day_sets_a_soft_window(question, phrase, since):
    assert asked_period(question, AS_OF) == AskedPeriod(phrase, since, AS_OF, soft=True)


@pytest.mark.parametrize("question", [
    # a year: the writer reads it (rag.writers.asked_year); a window from its 1 January lost answers
    "What did the Harbour Authority's dredging programme cost last year?",
    "Which vineyard took this year's Golden Cask award?",
    "What was the last year the Verrin Hawks won the cup?",  # "the last year" is no span
    "What is the latest the Lorrish election can be held?",  # "latest" of a deadline, not of the news
    "Which show was recently renewed for a second season?",  # bare "recently": the sources' own loose word
    "Which firms did Kestria restrict in 2023?",  # a year by its number dates the event, not the news
])
def test_no_soft_window(question):
    assert asked_period(question, AS_OF) is None


def test_a_hard_window_of_the_same_question_comes_first():
    period = asked_period("This week's exam results: pass rates fell from 79% last year to what?", AS_OF)
    assert (period.phrase, period.soft) == ("This week", False)


def test_of_several_soft_times_the_widest_counts():
    period = asked_period("According to a new report, how much did the mill earn over the last 12 months?", AS_OF)
    assert (period.phrase, period.since) == ("last 12 months", "2023-05-11")


def test_a_soft_window_bounds_dated_sources_only():
    period = AskedPeriod("last year", "2023-01-01", AS_OF, soft=True)
    assert bounded(SearchFilters(until=AS_OF), period) == SearchFilters(until=AS_OF, dated_since="2023-01-01")
    assert bounded(SearchFilters(), period) == SearchFilters(dated_since="2023-01-01")
    later = SearchFilters(since="2024-02-01", until=AS_OF)
    assert bounded(later, period) == later  # a user's narrower bound stays


def test_the_soft_window_is_described_with_its_undated_sources():
    period = AskedPeriod("last year", "2023-01-01", AS_OF, soft=True)
    assert filters_described(SearchFilters(until=AS_OF, dated_since="2023-01-01"), period) == (
        f"published 2023-01-01 to {AS_OF}, the question's “last year” as of {AS_OF}")
    assert filters_described(SearchFilters(dated_since="2023-01-01")) == "published on or after 2023-01-01, or undated"


ARTICLES = [
    ("01_upkeep_2019.md", "2019-06-24", "Royal household upkeep cost Lorrish taxpayers £51.8 million",
     "The Lorrish royal household cost taxpayers £51.8 million last year, its annual accounts showed.\n"
     "Spending on palace repairs made up most of the rise."),
    ("02_upkeep_2024.md", "2024-06-27", "Royal household upkeep rose to £86.3 million",
     "The Lorrish royal household cost taxpayers £86.3 million last year, its annual accounts showed.\n"
     "Travel by the royal family was the largest single cost."),
    ("03_lantern_2018.md", "2018-03-20", "Looking back at the 2012 Lantern Prize",
     "The Lantern Prize for the best album of the year went to the Ferrow Quartet for Salt Roads in 2012.\n"
     "The judges praised the album's restraint."),
    ("04_pay_july.md", "2024-07-15", "Norvian translators earn 11,200 pounds a year, report finds",
     "The average yearly pay for a translator in Norvia is £11,200, according to a report by the Guild of "
     "Letters.\nThe guild called for a minimum rate per page."),
    ("05_pay_december.md", "2024-12-02", "Translator pay falls to 9,400 pounds a year",
     "The average yearly pay for a translator in Norvia has fallen to £9,400, a report by the Writers' Fund "
     "found.\nThe fund blamed automated translation."),
    ("06_pilots_may.md", "2024-05-02", "Trainee pilots want shorter weeks",
     "Forty-one per cent of trainee pilots in Verrin plan to work part-time after they qualify, a study by the "
     "Aviators' College found.\nThe college warned of staff shortages."),
    ("07_inquiry_june.md", "2024-06-08", "Harbour inquiry: Osk Berand agrees to testify",
     "Osk Berand, the former harbour master, agreed to testify before the Kestria harbour inquiry.\n"
     "The inquiry is examining the collapse of the east pier."),
    ("08_inquiry_september.md", "2024-09-19", "Lina Marr agrees to appear before harbour inquiry",
     "Lina Marr, the former port treasurer, agreed to testify before the Kestria harbour inquiry.\n"
     "She will appear in October."),
    ("09_roswell_march.md", "2024-03-14", "Tam Roswell calls for the railways to be nationalised",
     "Tam Roswell of the Verrin Workers' Party called for the government to nationalise the railways.\n"
     "Party leaders distanced themselves from the proposal."),
    ("10_pup_2019.md", "2019-06-22", "Bramble wins the Ugliest Pup contest in Verrin",
     "A shaggy terrier called Bramble won the Ugliest Pup contest in Verrin.\nHis owner said he loved biscuits."),
    ("11_pup_2024.md", "2024-06-25", "Scooter crowned in the Ugliest Pup contest in Verrin",
     "A hairless whippet called Scooter won the Ugliest Pup contest in Verrin.\nThe crowd cheered the winner."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("asked_period_soft"), ARTICLES)


def ask(engine, question, until=None):
    return engine.write(question, template="answer", filters=SearchFilters(until=until))


@pytest.mark.parametrize("question, until, right, wrong", [
    ("How much did the Lorrish royal household cost taxpayers over the past year?", "2024-07-01", "86.3 million",
     "51.8"),
    ("What is the average yearly pay for a translator in Norvia, according to a new report?", "2024-12-09",
     "9,400", "11,200"),
    ("Who most recently agreed to testify before the Kestria harbour inquiry?", "2024-09-23", "Lina Marr",
     "Osk Berand"),
])
def test_evidence_of_the_asked_time_answers_not_an_older_report(engine, question, until, right, wrong):
    brief = ask(engine, question, until)
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert right in text and wrong not in text, text
    assert "(the question's “" in brief.message  # the answer says which window it searched


@pytest.mark.parametrize("question, until, phrase, old", [
    ("Which album won the Lantern Prize for the best album of the last 12 months?", "2024-10-20", "last 12 months",
     "2018-03-20"),
    ("What share of trainee pilots in Verrin plan to work part-time, according to a new study?", "2024-09-20",
     "new study", "2024-05-02"),
    ("Which Verrin Workers' Party figure has been making headlines over calls to nationalise the railways?",
     "2024-08-12", "has been making headlines", "2024-03-14"),
    ("Which dog has been making headlines after winning the Ugliest Pup contest in Verrin?", "2021-03-01",
     "has been making headlines", "2019-06-22"),
])
def test_only_older_evidence_abstains_and_names_the_window(engine, question, until, phrase, old):
    brief = ask(engine, question, until)
    assert brief.abstained, answer_text(brief)
    assert f"the question's “{phrase}” as of {until}" in brief.message
    assert all(s.published != old for s in brief.sources)


def test_asked_as_of_today_recency_words_set_no_window(engine):
    """An analyst asking about "a new study" with no as-of day over a corpus of last year's news wants its newest
    study, not an abstention for the six weeks before today; a span ("the last 12 months") still bounds."""
    assert asked_period("What share of pilots plan to work part-time, according to a new study?", None) is None
    assert asked_period("Who has been making headlines over the railways?", None) is None
    assert asked_period("Who won the prize for the best album of the last 12 months?", None) is not None
    brief = ask(engine, "What share of trainee pilots in Verrin plan to work part-time, according to a new study?")
    assert not brief.abstained and "Forty-one per cent" in answer_text(brief), brief.message


def test_without_the_soft_window_the_older_report_still_answers(engine):
    brief = ask(engine, "What share of trainee pilots in Verrin plan to work part-time?", "2024-09-20")
    assert not brief.abstained and "Forty-one per cent" in answer_text(brief)


GRID = {
    "01_grid_undated.md": "# Grid operator counts intrusion attempts\n\nPublisher: Verrin Grid\n\n"
                          "Last year the Verrin grid operator counted 3.4 million intrusion attempts a day on its "
                          "substations.\nThe operator said most came from rented servers.\n",
    "02_grid_2015.md": "# Grid attacks double\n\nPublished: 2015-03-01 · Publisher: Wire\n\n"
                       "Last year the Verrin grid operator counted 1.1 million intrusion attempts a day on its "
                       "substations.\nThe figure had doubled in a year.\n",
}


def test_an_undated_report_still_answers_a_span_question_a_dated_older_one_does_not(tmp_path):
    engine = engine_over_texts(tmp_path, GRID)
    brief = ask(engine, "How many intrusion attempts a day has the Verrin grid operator counted over the past year?")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert "3.4 million" in text and "1.1 million" not in text, text
    assert "and undated ones" in brief.message


def test_the_soft_bound_is_in_the_provenance_and_in_an_abstentions_header(engine):
    """Every brief records the filters its evidence was searched with: the soft bound (``dated_since``) too, and the
    header of an abstained brief names it (it said "no evidence in the corpus" for a search bounded by the question's
    "last 12 months")."""
    from rag.render import dating

    question = "Which album won the Lantern Prize for the best album of the last 12 months?"
    brief = ask(engine, question, "2024-10-20")
    assert brief.abstained
    assert brief.provenance.filters["dated_since"] == "2023-10-21"
    assert dating(brief) == "no evidence within the filters (published 2023-10-21 to 2024-10-20)"
