"""A person asked by full name ("What did Lin Mei-hua say?") is answered by that person's words, with no detail
from a report that never names her but names another person of her family name ("Judge … ordered Lin to pay …",
about "Lin Cheng-yu"):
that report is about a namesake (``asked_namesake.names_namesake``, in ``answering._pick_details``). A report naming
her in full stays, whoever else it names; titles are no name words.

From s61's fresh user (F7: "What did Chen Shu-fen say?" also quoted the trial of "Chen Wei-lun"); the reports below
are written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_of, engine_over_articles

from rag.writers.asked_namesake import asked_people, names_namesake

ARTICLES = [
    ("01_list.md", "2026-11-02", "Taiwan tightens chip-tool export checks",
     "Taiwan's economics ministry on Monday said exporters of chip-making tools must now file end-user "
     "certificates for every shipment to Kestria. "
     "\"No Taiwanese tool should end up in a weapons plant,\" Deputy Minister Lin Mei-hua said at a briefing in "
     "Taipei. "
     "The rule takes effect in January."),
    ("02_trial.md", "2026-10-20", "Taichung court jails trader for chip-tool smuggling",
     "A court in Taichung on Friday sentenced Lin Cheng-yu, a 52-year-old trader, to three years in prison for "
     "smuggling chip-making tools to Kestria. "
     "Lin admitted in August that he had shipped the tools through a shell company. "
     "Judge Wu Pei-chi also ordered Lin to pay a fine of 2 million dollars. "
     "The tools' maker was not charged."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("namesake"), ARTICLES)


def test_the_deputy_ministers_words_without_the_traders_trial(engine):
    text = answer_of(engine, "What did Lin Mei-hua say?", "2026-11-05")
    assert "weapons plant" in text
    assert "Cheng-yu" not in text and "Wu Pei-chi" not in text and "shell company" not in text


@pytest.mark.parametrize("question, document", [
    ("What did Lin Mei-hua say?", "Lin Cheng-yu pleaded guilty. Lin said in court that he had not known."),
    ("What did Deputy Minister Lin Mei-hua say about the rule?", "The court heard Lin Cheng-yu on Tuesday."),
])
def test_a_report_of_another_person_of_the_name_is_a_namesakes(question, document):
    assert names_namesake(question, document)


@pytest.mark.parametrize("question, document", [
    ("What did Lin Mei-hua say?", "Deputy Minister Lin Mei-hua said the rule is fair. Lin Cheng-yu was jailed."),
    ("What did Lin Mei-hua say?", "Deputy Minister Lin said the rule is fair."),  # a title and her family name
    ("What did Lin say?", "Lin Cheng-yu pleaded guilty."),  # no full name asked
    ("What did the Velmar Port Authority say?", "The Kestria Port Authority said nothing."),  # an organisation
])
def test_otherwise_no_namesake(question, document):
    assert not names_namesake(question, document)


def test_the_asked_person_is_read_without_titles():
    assert asked_people("What did Deputy Minister Lin Mei-hua say?") == [frozenset({"lin", "mei-hua"})]


@pytest.mark.parametrize("question", [
    "What does South Korea's trade ministry say Seoul plans to do?",  # an office of a place, no person
    "What did the Orlan Trade Ministry say?",  # an organisation's word
])
def test_no_person_is_asked(question):
    assert asked_people(question) == []
