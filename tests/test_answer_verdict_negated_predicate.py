"""A yes/no question is decided by the sentence that states its predicate negated, its asked thing denied, or its
member listed.

* Kind (s67 new user's F3; s66's F10): "Is the US-Korea critical minerals memorandum legally binding?" over a report
  saying "The memorandum is not legally binding." was "The sources do not say whether …"; "Are there fines for
  agencies that miss the deadline?" over "… the order does not set fines." got no "No." ("Is there" was read as
  no yes/no question at all); "Is Hikvision covered by the order?" was undecided though a bullet of "What the order
  covers:" names Hikvision. Three causes: the role model types a short status sentence in a report's own voice
  ("The memorandum is not legally binding.", "… the order does not set fines.") as a judgement or a signal, and the
  verdict read only reporting sentences; a copular question's adjective was no act ("Is the framework enforceable
  in court?" read "the framework enforceable is in court", its lede then a "Yes."); a block list is never judged.
* ``polar_question`` keeps a copular question's adjective as its act (``PolarQuestion.act``), placed before a
  preposition that follows it; ``existence_question`` reads "Is/Are there X …?" as the claim "there are X …" with
  X's head noun as its act, answered with a verdict only when the sources decide it; the answer reads the act's
  own-voice sentences (a watch-list item's too: "Exporters … must notify the ministry; the decree sets no penalties
  …") and the block lists of the reports it judges (``QuestionAnswering._act_sentences``).
* End to end over short news articles written for this test (other countries, agreements, numbers than the user's).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_verdict import existence_question, polar_question

ARTICLES = [
    ("01_hydrogen.md", "2026-05-12", "Canada and Germany sign hydrogen accord",
     "Canada and Germany on Monday signed a hydrogen supply accord in Ottawa covering shipments from 2028.\n\n"
     "The accord is not legally binding. Officials said it sets targets for port capacity and certification.\n\n"
     "Ministers will review progress in November."),
    ("02_lithium.md", "2026-10-02", "Chile and Japan agree lithium framework",
     "Chile and Japan on Thursday agreed a lithium supply framework in Santiago.\n\n"
     "The framework can be ended by either side with six months' notice.\n\n"
     "Japan's trade ministry said the framework was not enforceable in court."),
    ("03_servicing.md", "2026-11-03", "Austria tightens servicing rules for etching tools",
     "Austria on Tuesday required licences for servicing plasma etching tools installed in Chinese fabs.\n\n"
     "The servicing rules are not retroactive and leave contracts signed before November 1 untouched.\n\n"
     "Exporters that miss the filing deadline must notify the ministry; the decree sets no penalties for late "
     "filings."),
    ("04_cameras.md", "2026-09-14", "Lithuania orders ministries to remove Chinese-made drones",
     "Lithuania's defence ministry on Monday ordered state agencies to stop using drones made by Chinese "
     "manufacturers by March 31, 2027.\n\n"
     "What the order covers:\n\n"
     "- camera drones and their control software made by companies headquartered in China, including DJI and "
     "Autel;\n"
     "- drones used by the police and border guards.\n\n"
     "Agencies that miss the deadline must explain the delay to the ministry; the order does not set fines."),
    ("05_pact.md", "2026-07-20", "Vietnam and Korea sign rare earth pact",
     "Vietnam and South Korea on Sunday signed a rare earth processing pact in Hanoi.\n\n"
     "The pact is legally binding on both governments and runs for ten years."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("negated_predicate"), ARTICLES)


def ask(engine, question: str) -> str:
    brief = engine.write(question, template="answer")
    return brief.message if brief.abstained else answer_text(brief)


# -- the question's claim and act ----------------------------------------------------------------------------------


@pytest.mark.parametrize("question, claim, act", [
    ("Is the Chile-Japan lithium framework enforceable in court?",
     "the Chile-Japan lithium framework is enforceable in court", "enforceable"),
    ("Is the exporter liable for the losses?", "the exporter is liable for the losses", "liable"),
    ("Are the servicing rules retroactive?", "the servicing rules are retroactive", "retroactive"),
    ("Is the hydrogen accord legally binding?", "the hydrogen accord is legally binding", "binding"),
    ("Is the new rule in force?", "the new rule is in force", ""),  # "new" is in the subject; no adjective predicate
    ("Is Taiwan a member of the WHO?", "Taiwan is a member of the WHO", ""),
])
def test_a_copular_adjective_is_the_asked_act(question, claim, act):
    polar = polar_question(question)
    assert (polar.claim, polar.act) == (claim, act)


@pytest.mark.parametrize("question, claim, act", [
    ("Are there fines for agencies that miss the deadline?", "there are fines for agencies that miss the deadline",
     "fines"),
    ("Is there a compensation scheme for exporters?", "there is a compensation scheme for exporters", "scheme"),
    ("Were there arrests in the case?", "there were arrests in the case", "arrests"),
    ("Are there any criminal penalties?", "there are any criminal penalties", "penalties"),
])
def test_an_existence_question_asks_whether_its_thing_exists(question, claim, act):
    polar = existence_question(question)
    assert (polar.claim, polar.act, polar.existence) == (claim, act, True)


@pytest.mark.parametrize("question", ["Is there any word on who leaked it?", "Is Taiwan a member?",
                                      "Are there fines or prison terms?", "Did Japan add fines?"])
def test_other_questions_are_no_existence_questions(question):
    assert existence_question(question) is None


# -- end to end --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, quote", [
    ("Is the Canada-Germany hydrogen accord legally binding?", "The accord is not legally binding."),
    ("Is the Chile-Japan lithium framework enforceable in court?", "the framework was not enforceable in court"),
    ("Are Austria's new rules retroactive?", "The servicing rules are not retroactive"),
])
def test_a_negated_predicate_is_the_no(engine, question, quote):
    text = ask(engine, question)
    assert text.startswith("No. ") and quote in text.split(". ", 1)[1].split("[")[0], text


def test_a_predicate_told_is_still_the_yes(engine):
    text = ask(engine, "Is the Vietnam-Korea rare earth pact legally binding?")
    assert text.startswith("Yes. ") and "legally binding on both governments" in text, text


@pytest.mark.parametrize("question, quote", [
    ("Are there fines for agencies that miss Lithuania's drone deadline?", "the order does not set fines"),
    ("Are there penalties for late filings under Austria's servicing decree?", "sets no penalties for late filings"),
])
def test_a_denied_thing_is_the_no_to_is_there(engine, question, quote):
    text = ask(engine, question)
    assert text.startswith("No. ") and quote in text, text


@pytest.mark.parametrize("question", ["Is Autel covered by Lithuania's drone order?", "Is DJI covered by the order?"])
def test_a_member_of_a_bulleted_list_is_the_yes(engine, question):
    text = ask(engine, question)
    assert text.startswith("Yes. ") and "including DJI and Autel" in text, text
