"""A question asking for several countries ("Which countries received …?") is answered by the story's sentence
naming them ("Malaysia took 31% of the shipments, Vietnam 22% and India 9%"), though that sentence repeats less of
the question than the lede restating its premise; the answer neither says that no source gives the names nor leads
with the lede (``place_lists``, ``answering._country_lists``; ``answer_values.toml`` [name].country_plurals).

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters
from rag.writers.place_lists import asks_countries, names_countries


@pytest.mark.parametrize("question, asks", [
    ("Which countries bought Taiwan's chip-tool exports in September?", True),
    ("What other nations joined the export pact?", True),
    ("Which economies did the tariff exempt?", True),
    ("Which country took the most?", False),  # one country: a name question of its own
    ("Which companies bought the tools?", False),
])
def test_a_question_asking_several_countries(question, asks):
    assert asks_countries(question) is asks


@pytest.mark.parametrize("text, names", [
    ("Malaysia took 31% of the shipments, Vietnam 22% and India 9%.", True),
    ("Shipments to Malaysia rose 12%.", False),  # one country
    ("Taiwan's chip-tool exports fell 8% in September.", False),  # only the question's country
])
def test_a_sentence_naming_several_countries(text, names):
    assert names_countries(text, "Which countries bought Taiwan's chip-tool exports in September?") is names


ARTICLES = [
    ("01_tools.md", "2026-10-09", "Taiwan's chip-tool exports fall 8% in September",
     "Taiwan's exports of chip-making tools fell 8% in September from August to NT$41 billion, the finance ministry "
     "said on Thursday, the second monthly fall this year.\n\n"
     "Malaysia took 31% of the shipments, Vietnam 22% and India 9%.\n\n"
     "Officials said demand from back-end assembly plants would pick up in the fourth quarter."),
    ("03_pact.md", "2026-10-15", "Chip alliance invites two new members",
     "The Chip Security Alliance on Wednesday formally invited Chile and Kenya to join the group, its first "
     "expansion since it was founded.\n\n"
     "The United States has sent export-control advisers to Poland and Germany since the alliance began its work, "
     "officials said.\n\n"
     "Members will vote on the invitations in December."),
    ("02_other.md", "2026-10-01", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade. Organisers expect 20,000 visitors."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("country_list"), ARTICLES)


def test_the_sentence_naming_the_countries_leads(engine):
    brief = engine.write("Which countries bought Taiwan's chip-tool exports in September?", template="answer",
                         filters=SearchFilters(until="2026-10-31"))
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text).startswith("Malaysia took 31%"), text
    assert "none" not in text.lower(), text


def test_a_sentence_naming_the_asked_countries_is_not_displaced(engine):
    # the lede names the invited countries; another sentence of the story naming other countries does not lead
    brief = engine.write("Which two countries did the Chip Security Alliance invite to join this week?",
                         template="answer", filters=SearchFilters(until="2026-10-16"))
    assert not brief.abstained, brief.message
    assert "Chile and Kenya" in first_sentence(answer_text(brief)), answer_text(brief)
