""""Which Chinese company received …?" is answered by the sentence that names the company, not by the one that
describes it generically ("… leaking the company's battery technology to a Chinese competitor"; s64's user F10).

An indefinite description carrying the question's capitalised qualifier and no name ("a Chinese competitor", "an
Indian operator") refers to the asked member without naming it (``answer_class.describes_generically``), as a
definite reference by class does ("the show, which …": ``refers_by_class``): it gives no answer of the kind, and the
sentence after it, which may name the member ("Prosecutors said Kim handed over … to Anhui-based Qingfeng Energy
Materials"), continues it (``link_named_continuations``). Unit checks on sentences written here, and end to end
through the real Engine over short reports written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, engine_over_articles

from rag.writers.answer_class import asked_class, describes_generically

CHINESE = asked_class("Which Chinese company received Hanbit Cells' battery technology?")
INDIAN = asked_class("Which Indian firm won the contract to run the Hambantota terminal?")


@pytest.mark.parametrize("members, sentence", [
    (CHINESE, "A Seoul court sentenced an engineer for leaking the company's battery technology to a Chinese competitor."),
    (CHINESE, "The designs were sold to a Chinese rival for $2 million, prosecutors said."),
    (INDIAN, "Sri Lanka awarded the contract to run the Hambantota terminal to an Indian operator on Monday."),
    (INDIAN, "The port went to an Indian consortium that outbid two others."),
])
def test_a_description_with_the_questions_qualifier_and_no_name_describes_generically(members, sentence):
    assert describes_generically(sentence, members)


@pytest.mark.parametrize("members, sentence", [
    (CHINESE, "The designs went to a Chinese rival, Qingfeng Energy Materials, in 2024."),  # the name follows
    (CHINESE, "A Seoul court on Friday sentenced a former engineer to three years in prison."),  # "a Seoul court": no qualifier
    (CHINESE, "Qingfeng Energy Materials is a new battery maker based in Anhui."),  # no qualifier of the question
    (frozenset(), "The designs were sold to a Chinese rival."),  # no class asked
])
def test_otherwise_no_generic_description(members, sentence):
    assert not describes_generically(sentence, members)


ARTICLES = [
    ("01_hanbit.md", "2026-05-22", "Court jails former Hanbit Cells engineer for leaking battery technology",
     "A Seoul court on Friday sentenced a former Hanbit Cells engineer to three years in prison for leaking the "
     "company's battery technology to a Chinese competitor. Prosecutors said Kim Do-yun handed over 800 pages of "
     "cathode designs to Anhui-based Qingfeng Energy Materials in 2024 in exchange for a job offer. Hanbit Cells "
     "said it had tightened access to its design files."),
    ("02_port.md", "2026-08-04", "Hambantota container terminal gets an operator after long tender",
     "Sri Lanka's cabinet on Monday awarded the contract to run the Hambantota container terminal to an Indian "
     "operator, ending an 18-month tender. Ports minister Nimal Perera said Adani Ports would run the terminal for 35 "
     "years and invest $700 million in new cranes. Two Chinese bidders lost."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("generic_description"), ARTICLES)


@pytest.mark.parametrize("question, until, expected", [
    ("Which Chinese company received Hanbit Cells' battery technology?", "2026-05-24", "Qingfeng Energy Materials"),
    ("Which Indian company won the contract to run the Hambantota container terminal?", "2026-08-06", "Adani Ports"),
])
def test_the_sentence_naming_the_member_leads(engine, question, until, expected):
    assert expected in lead(engine, question, until)
