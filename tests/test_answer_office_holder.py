"""Who holds an office: "Who is South Korea's trade minister?" is answered by the sentence naming the holder.

Kind (s37's fresh user, issue 10 answers 8): "Who is South Korea's trade minister?" got the ministry's WTO sentence
though the source names "South Korean Minister of Trade, Industry and Energy Sung Yun-mo": a question asking who holds
an office (``answer_who.asked_office``: "<owner>'s <office>", "the <office> of <owner>", a year after it) is answered
by the first sentence naming a holder beside the title (``office_mentions``): the title before the name, with a
department ("Minister of Trade, Industry and Energy") or not ("Trade Minister Ahn Duk-geun"), or an appositive after
it ("Yoo Myung-hee, South Korea's trade minister, …"). The title must hold the office's words, name the owner (in it or
its sentence) and no other place; a qualified title ("deputy", "former": ``title_qualifiers.txt``) is another office.
"""

from __future__ import annotations

import pytest

from rag.pipeline import Engine
from rag.writers.answer_who import asked_office, office_mentions


@pytest.mark.parametrize("question, owner, head, modifiers, qualifiers", [
    ("Who is South Korea's trade minister?", "South Korea", "minister", ("trade",), set()),
    ("Who was Japan's prime minister in 2019?", "Japan", "minister", ("prime",), set()),
    ("Who is the CEO of TSMC?", "TSMC", "ceo", (), set()),
    ("Who is the president of the United States?", "United States", "president", (), set()),
    ("Who is Japan's former trade minister?", "Japan", "minister", ("trade",), {"former"}),
    ("Who's Taiwan's defense minister?", "Taiwan", "minister", ("defense",), set()),
])
def test_the_office_asked_about(question, owner, head, modifiers, qualifiers):
    asked = asked_office(question)
    assert asked is not None
    assert (asked.owner, asked.head, asked.modifiers, set(asked.qualifiers)) == (owner, head, modifiers, qualifiers)


@pytest.mark.parametrize("question", [
    "Who is Sato Kei?",  # who a person is, not who holds an office
    "Who is the minister?",  # no owner
    "Who is South Korea's ally?",  # no title word
    "Who protested Japan's curbs?",
])
def test_no_office_asked(question):
    assert asked_office(question) is None


TRADE = "Who is South Korea's trade minister?"


@pytest.mark.parametrize("question, text, name", [
    (TRADE, "South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an inspection found no sign "
            "of illegal transactions.", "Sung Yun-mo"),
    (TRADE, "South Korea's trade minister Yoo Myung-hee met her counterpart on Monday.", "Yoo Myung-hee"),
    (TRADE, "Yoo Myung-hee, South Korea's trade minister, said Seoul would appeal.", "Yoo Myung-hee"),
    (TRADE, "Trade Minister Ahn Duk-geun of South Korea visited Washington.", "Ahn Duk-geun"),
    ("Who is Japan's chief cabinet secretary?", "“We have no intention of withdrawing it,” Japanese Chief Cabinet "
                                                "Secretary Yoshihide Suga told a news conference.", "Yoshihide Suga"),
    ("Who is Taiwan's defense minister?", "Taiwanese Minister of National Defense Wellington Koo told lawmakers "
                                          "the drills would go ahead.", "Wellington Koo"),
    ("Who is the president of the United States?", "US President Joe Biden met Xi Jinping in Bali.", "Joe Biden"),
])
def test_the_holder_named_beside_the_title(question, text, name):
    found = office_mentions(asked_office(question), text)
    assert [m.name for m in found] == [name]
    assert found[0].sentence == (0, len(text))


@pytest.mark.parametrize("question, text", [
    (TRADE, "Japan's trade minister Hiroshi Kajiyama said the curbs would stay."),  # another owner
    (TRADE, "South Korea's deputy trade minister Kim Jin-pyo said talks would resume."),  # a qualified title
    (TRADE, "Former trade minister Paik Un-gyu was questioned by prosecutors in Seoul."),
    (TRADE, "South Korea's vice trade minister Park Jin-kyu led the delegation."),
    (TRADE, "The South Korean Ministry of Trade, Industry and Energy said that Seoul plans to file a complaint."),
    (TRADE, "South Korean Ministry of Foreign Affairs spokesman Kim In-chul said Seoul had protested."),  # another office
    ("Who is South Korea's foreign minister?", "South Korean Ministry of Foreign Affairs spokesman Kim In-chul said."),
    ("Who is the CEO of TSMC?", "Samsung CEO Han Jong-hee said demand was strong."),
])
def test_another_office_or_owner_names_no_holder(question, text):
    assert office_mentions(asked_office(question), text) == []


def test_a_question_naming_the_qualifier_matches_the_qualified_title():
    asked = asked_office("Who is South Korea's former trade minister?")
    text = "South Korea's former trade minister Paik Un-gyu was questioned by prosecutors."
    assert [m.name for m in office_mentions(asked, text)] == ["Paik Un-gyu"]


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question, name", [
    ("Who is South Korea's trade minister?", "Sung Yun-mo"),
    ("Who is Japan's chief cabinet secretary?", "Yoshihide Suga"),
    ("Who is Japan's prime minister?", "Shinzo Abe"),
])
def test_ask_names_the_holder_over_the_sample_corpus(sample_engine, question, name):
    brief = sample_engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert name in brief.sections[0].claims[0].text
