"""A follow-up's pronoun or definite description is read as the thing or name the previous answer gave it.

* Kind (s65's new user F9): "When do they take effect?" after "What did Taiwan's Executive Yuan approve on June 16?"
  ("… approved rules requiring vessels …") abstained: "they" were the rules, but the follow-up carried only the
  previous question's words and the answer's names; "How much was the company fined?" after an answer naming "the
  trading company Haneul Tech" was read with the person the answer led with.
* ``followup.answered_subject``: a pronoun right after the auxiliary, followed by what a measure does ("take
  effect", "expire", "cover": ``elliptical_followups.toml`` v5 ``thing_predicates``), is the object the previous
  answer gave the asked act (``answered_object``): "When do the rules take effect?", asked in that answer's story.
* ``followup.described_name``: "the company" is the name the previous answer gives that noun ("the trading company
  Haneul Tech", "Kestrel Systems, a server firm"); the names earlier answers led with are not carried then.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.followup import answered_object, answered_subject, described_name, resolve_follow_up
from rag.render import shown_answer
from rag.types import Turn


@pytest.mark.parametrize("previous, reply, question, resolved", [
    ("What did Taiwan's Executive Yuan approve on June 16?",
     "Taiwan's Executive Yuan on Monday approved rules requiring vessels registered in 14 flag states to obtain a "
     "permit. [1]", "When do they take effect?", "When do the rules take effect?"),
    ("What did Malaysia's cabinet adopt on Tuesday?",
     "Malaysia's cabinet on Tuesday adopted guidelines requiring data-centre operators to report chip imports. [1]",
     "When will they expire?", "When will the guidelines expire?"),
    ("What did Vietnam's trade ministry issue?",
     "Vietnam's trade ministry issued a decree on rare-earth exports. [1]", "Which metals does it cover?",
     "Which metals does the decree cover?"),
])
def test_a_pronoun_asking_what_a_measure_does_is_the_answered_measure(previous, reply, question, resolved):
    assert answered_subject(question, previous, reply) == resolved


@pytest.mark.parametrize("previous, reply, question", [
    # the previous question named its own object: nothing was answered for the pronoun
    ("Did Taiwan approve the cable rules?", "Yes. Taiwan approved the cable rules on Monday. [1]",
     "When do they take effect?"),
    # a pronoun that does something an actor does, not a measure
    ("What did Japan restrict?", "Japan restricted exports of photoresist to South Korea. [1]",
     "Why did they say so?"),
    # a "who" question's answer is an actor
    ("Who approved the rules?", "Taiwan's Executive Yuan approved the rules on Monday. [1]",
     "When do they take effect?"),
])
def test_no_rewrite_when_the_answer_gave_no_thing_for_the_pronoun(previous, reply, question):
    assert answered_subject(question, previous, reply) is None


def test_the_answered_object_is_the_words_after_the_asked_verb():
    assert answered_object("What did Japan restrict?", "Japan restricted exports of photoresist. [1]") == "exports"
    assert answered_object("What did the regulator say?", "The regulator said that it would appeal. [1]") is None


@pytest.mark.parametrize("question, reply, resolved", [
    ("How much was the company fined?",
     "Kim Dong-hyun, 52, the chief executive of the trading company Haneul Tech, was sentenced to three years. [1]",
     "How much was Haneul Tech fined?"),
    ("Where is the firm based?", "Kestrel Systems, a server firm, said it would appeal the ruling. [1]",
     "Where is Kestrel Systems based?"),
    ("Did the broker appeal?", "Prosecutors charged the Kaohsiung broker Lin Wei-ting with forging end-user "
     "certificates. [1]", "Did Lin Wei-ting appeal?"),
])
def test_a_definite_description_is_the_name_the_answer_gave_it(question, reply, resolved):
    assert described_name(question, reply) == resolved


@pytest.mark.parametrize("question, reply", [
    ("What did the court decide?", "The Incheon District Court on Thursday sentenced three people. [1]"),
    ("How much was the company fined?", "The trading company Haneul Tech and the logistics company Seomun Cargo "
     "were named in the indictment. [1]"),  # two companies: no one name
])
def test_no_name_for_a_description_the_answer_names_no_one_by(question, reply):
    assert described_name(question, reply) is None


def test_the_described_name_is_asked_without_the_person_the_answer_led_with():
    history = [Turn("user", "Who was sentenced in the Incheon drone parts case?"),
               Turn("assistant", "Kim Dong-hyun, 52, the chief executive of the trading company Haneul Tech, was "
                                 "sentenced to three years. [1]")]
    resolved = resolve_follow_up("How much was the company fined?", history)
    assert resolved.asked == "How much was Haneul Tech fined?"
    assert "Kim" not in resolved.context, resolved


ARTICLES = [
    ("01_cables.md", "2026-06-16", "Korea orders cable ships from 'high-risk' registries to seek permits near cables",
     "SEOUL, June 16 - South Korea's cabinet on Tuesday approved rules requiring vessels registered in 11 flag "
     "states it deems \"high-risk\" to obtain a permit before entering a 2-nautical-mile protection zone around "
     "the country's 19 international and domestic subsea cables.\n\nThe decision follows three cable cuts since "
     "March 2025, including damage to the Busan-Jeju No. 2 cable in January 2026 that left Jeju with reduced "
     "internet capacity for 21 days. The coast guard boarded the Panama-flagged freighter Min Hai 12 after one "
     "incident in 2025; its captain was sentenced to two years in prison.\n\nUnder the rules, which take effect on "
     "September 1, a ship that drags its anchor inside a zone without a permit can be fined up to 500 million won "
     "and detained. Vessels that turn off their AIS transponders inside a zone face the same fine.\n\nThe science "
     "ministry will also fund a new cable to Ulleung Island, at a cost of 90 billion won. Prime Minister Han Seo-jin "
     "said the government \"cannot rule out\" deliberate sabotage but did not name any country."),
    ("02_guidelines.md", "2026-03-11", "Malaysia approves chip import reporting guidelines for data centres",
     "KUALA LUMPUR, March 11 - Malaysia's cabinet on Tuesday approved guidelines requiring data-centre operators to "
     "report imports of advanced AI chips and the customers they serve, after US pressure over diversion to "
     "China.\n\nThe investment ministry said 38 data centres in Johor and Selangor would be covered, and that "
     "operators who fail to report face fines of up to 1 million ringgit.\n\nThe guidelines will expire on December 31, "
     "2028, unless renewed by parliament. Industry groups said the reporting burden would fall on smaller "
     "operators."),
    ("03_other.md", "2026-05-02", "Philippines sets new rules for Chinese-made port cranes",
     "MANILA, May 2 - The Philippines set new rules for Chinese-made port cranes, which take effect on July 1, "
     "officials said. Port operators must replace remote-access modules by 2027."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("followup_referent"), ARTICLES)


@pytest.mark.parametrize("first, follow_up, says", [
    ("What did South Korea's cabinet approve on Tuesday?", "When do they take effect?", "September 1"),
    ("What did Malaysia's cabinet approve on Tuesday?", "How many data centres do they cover?", "38 data centres"),
])
def test_the_follow_up_is_answered_of_the_answered_measure(engine, first, follow_up, says):
    history: list[Turn] = []
    for question in (first, follow_up):
        brief = engine.write(question, template="answer", history=history)
        history += [Turn("user", question), Turn("assistant", shown_answer(brief))]
    answer = answer_text(brief)
    assert says in answer.split(" [")[0], answer
