"""A question asking for the newest news with no topic of its own ("What happened this week?", "What is the
latest?") is answered by the leads of the newest dated reports within the filters, newest first, not abstained
for want of a sentence resembling it (``rag.writers.latest_news``, ``Catalog.newest_documents``,
``rag/text/data/latest_questions.toml``; s69's user, F16). A question naming a topic is not read so.

Short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters
from rag.writers.latest_news import asks_latest, newest_leads


@pytest.mark.parametrize("question, asks", [
    ("What happened this week?", True),
    ("What's the latest?", True),
    ("What is the latest news today?", True),
    ("Any news this week?", True),
    ("What has been happening lately?", True),
    ("What are the latest developments?", True),
    ("Latest headlines?", True),
    ("What happened to the port strike this week?", False),  # a topic of its own
    ("What is the latest on the lithium tariff?", False),
    ("What is the latest figure for rice exports?", False),
    ("What did the ministry announce this week?", False),
])
def test_a_question_asking_for_the_latest_news(question, asks):
    assert asks_latest(question) is asks


def test_the_newest_documents_lead_one_lead_each():
    docs = [("a", "2026-03-02", 0), ("a", "2026-03-02", 1), ("b", "2026-03-05", 2), ("c", "", 3), ("d", "2026-03-04", 4)]
    assert newest_leads(docs) == [2, 4, 0, 3]  # b, d, a, then the undated c
    assert newest_leads(docs, limit=2) == [2, 4]


ARTICLES = [
    ("01_port.md", "2026-05-04", "Dockworkers end strike at Busan",
     "Dockworkers at Busan's container terminals ended a five-day strike on Monday after a pay deal with operators.\n\n"
     "Cargo backlogs are expected to clear within a week, the port authority said."),
    ("02_tariff.md", "2026-05-06", "Canberra lifts lithium tariff",
     "Australia scrapped its tariff on refined lithium imports from Chile on Wednesday, the trade minister said.\n\n"
     "The tariff had stood at 4% since 2023."),
    ("03_rice.md", "2026-05-07", "Vietnam rice exports climb",
     "Vietnam exported 1.1 million tonnes of rice in April, up 9% from a year earlier, customs data showed on Thursday."),
    ("04_old.md", "2026-04-20", "Old report on shipyards",
     "A shipyard in Ulsan launched the first of four ammonia-fuelled carriers on Monday."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("latest_news"), ARTICLES)


def test_what_happened_this_week_gives_the_weeks_reports_newest_first(engine):
    brief = engine.write("What happened this week?", template="answer", filters=SearchFilters(until="2026-05-08"))
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text).startswith("Vietnam exported 1.1 million tonnes"), text
    assert text.index("Australia scrapped") < text.index("Dockworkers at Busan"), text
    assert "ammonia-fuelled" not in text, text  # published before the week
    assert [s.published[:10] for s in brief.sources][:3] == ["2026-05-07", "2026-05-06", "2026-05-04"]


def test_the_latest_is_the_newest_report_as_of_the_day_asked(engine):
    brief = engine.write("What's the latest?", template="answer", filters=SearchFilters(until="2026-05-06"))
    assert not brief.abstained, brief.message
    assert first_sentence(answer_text(brief)).startswith("Australia scrapped its tariff"), answer_text(brief)


def test_a_question_with_a_topic_is_answered_from_its_topic(engine):
    brief = engine.write("What happened to the Busan dockworkers' strike?", template="answer",
                         filters=SearchFilters(until="2026-05-08"))
    assert not brief.abstained, brief.message
    assert first_sentence(answer_text(brief)).startswith("Dockworkers at Busan"), answer_text(brief)


def test_what_happened_after_an_answer_asks_about_that_answers_story(engine):
    from rag.types import Turn

    first = engine.write("Why did the Busan dockworkers strike end?", template="answer",
                         filters=SearchFilters(until="2026-05-08"))
    history = [Turn("user", "Why did the Busan dockworkers strike end?"), Turn("assistant", answer_text(first))]
    brief = engine.write("What happened?", template="answer", filters=SearchFilters(until="2026-05-08"),
                         history=history)
    assert "Vietnam exported" not in answer_text(brief), answer_text(brief)
