"""A share told in words answers a share question: "What share of LNG carrier orders will Chinese yards take?" is
answered by "maybe a third of the global market", "What proportion of its sales …?" by "about half of its sales",
"What share of chips …?" by "one in five chips"; the answer quotes it and does not add that no source gives the
share (``answer_value.share_in_words``, ``answer_values.toml`` [share].in_words, read by the number typing of
``answer_kind.has_answer_kind``). A fraction word that is no share ("a third time", "the first half") does not.

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.types import SearchFilters
from rag.writers.answer_value import asked_value, share_in_words


@pytest.mark.parametrize("question, text", [
    ("What share of global wafer capacity could India hold by 2030?",
     "Analysts said India could hold roughly a fifth of global wafer capacity by 2030."),
    ("What proportion of Kioxia's sales came from data centres?",
     "Data-centre customers made up about half of its sales in the quarter."),
    ("What share of smuggled chips passed through Singapore?",
     "Investigators believe one in five smuggled chips passed through Singapore."),
    ("What percentage of the fleet is Chinese-built?", "Two-thirds of the fleet was built in Chinese yards."),
])
def test_a_share_in_words_answers_a_share_question(question, text):
    assert share_in_words(asked_value(question), text)


@pytest.mark.parametrize("question, text", [
    ("What share of global wafer capacity could India hold by 2030?",
     "India's chip output rose for a third time in a row."),  # an ordinal, no share
    ("What share of global wafer capacity could India hold by 2030?",
     "Output rose in the first half of the year."),  # a period
    ("How many fabs will India build?", "Analysts said India could hold a fifth of global capacity."),  # no share asked
])
def test_no_share_in_words(question, text):
    assert not share_in_words(asked_value(question), text)


ARTICLES = [
    ("01_interview.md", "2026-11-12", "Interview: will India's fabs catch up?",
     "Our guest this week is an analyst of chip manufacturing in South Asia.\n\n"
     "ANALYST: India could hold perhaps a fifth of global wafer capacity for mature chips by 2030, up from almost "
     "nothing today, if the subsidies keep flowing.\n\n"
     "ANALYST: The harder problem is engineers, not money."),
    ("02_other.md", "2026-11-01", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade. Organisers expect 20,000 visitors."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("share_words"), ARTICLES)


def test_the_share_in_words_is_given_as_the_answer(engine):
    brief = engine.write("What share of global wafer capacity for mature chips could India hold by 2030?",
                         template="answer", filters=SearchFilters(until="2026-11-30"))
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert "a fifth of global wafer capacity" in text, text
    assert "none" not in text.lower(), text
