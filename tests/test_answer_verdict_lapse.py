"""A yes/no verdict follows the negation or the lapse told in the evidence it quotes.

* Kind (s57, issue 10 "Answers"): "Did <firm> appeal the fine?" over "… the period for an appeal lapsed … The firm
  did not appeal." was "Yes. … The firm did not appeal.": the checker scored the sentence holding most of the claim
  (the lapse: "appeal", "fine") and ``_affirms`` read only that sentence's clause, which has no negator. A chance to
  act that lapsed ("the window to appeal … has closed", "the deadline to contest … passed") tells the act was not
  done, and a sentence of the same story saying it was not done ("The bank did not appeal.") is the answer's "No".
* ``act_undone`` reads how a sentence tells the claim's act as not done ("negated", "lapsed"; ``polar_questions.toml``
  [lapse]); ``judge`` gives no "Yes" over such a passage and says "No" when a sentence of it negates the act.
* Not undone: an act done before the deadline ran out; another actor's negated act; a mention of the act outside a
  chance ("The firm appealed, and the window to appeal closed").
* End to end over short news articles written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.answer_verdict import act_undone, judge, polar_question


@pytest.mark.parametrize("act, sentence, kind", [
    ("appealed", "The window to appeal the ruling has since closed.", "lapsed"),
    ("appealed", "The period for an appeal of the penalty lapsed in July.", "lapsed"),
    ("contested", "Halden Foods let the deadline to contest the fine pass.", "lapsed"),
    ("appealed", "Veska Air's time to appeal the ban ran out on Friday.", "lapsed"),
    ("appealed", "The bank did not appeal.", "negated"),
    ("appealed", "The window to appeal has closed, and Orlan Shipping never filed an appeal.", "negated"),
    ("accepted", "Norrin Port has not accepted the offer.", "negated"),
])
def test_a_sentence_tells_the_act_as_not_done(act, sentence, kind):
    assert act_undone(act, sentence) == kind


@pytest.mark.parametrize("act, sentence", [
    ("appealed", "Veska Air appealed the ban on Friday, days before the deadline expired."),
    ("appealed", "The firm appealed, and the window to appeal closed a week later."),
    ("appealed", "The company has until June to appeal the ruling."),  # a chance still open
    ("appealed", "The court fined the firm in May."),  # no mention of the act
])
def test_a_sentence_that_tells_the_act_otherwise_is_not_undone(act, sentence):
    assert act_undone(act, sentence) is None


@pytest.mark.parametrize("question, passage", [
    ("Did Orlan Shipping appeal the ruling?",
     "The window to appeal the ruling has since closed, and Orlan Shipping never filed an appeal."),
    ("Did Tarrow Bank appeal the penalty?",
     "The regulator fined Tarrow Bank 2 million dollars in May. The period for an appeal of the penalty lapsed in "
     "July. The bank did not appeal."),
    ("Did Veska Air appeal the ban?",
     "Veska Air's time to appeal the ban ran out on Friday. The airline did not appeal the ban."),
])
def test_a_negated_act_in_the_passage_is_the_no(checker, question, passage):
    polar = polar_question(question)
    verdict = judge(polar.claim, [passage], checker, act=polar.act)
    assert verdict.outcome == "contradicted"
    a, b = verdict.span
    assert act_undone(polar.act, passage[a:b]) == "negated"  # the "No" quotes the sentence that says so


@pytest.mark.parametrize("question, passage", [
    ("Did Halden Foods contest the fine?", "Halden Foods let the deadline to contest the fine pass."),
    ("Did Tarrow Bank appeal the penalty?", "The period for Tarrow Bank to appeal the penalty expired in July."),
])
def test_a_lapsed_chance_is_no_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome != "supported"


@pytest.mark.parametrize("question, passage", [
    ("Did Veska Air appeal the ban?", "Veska Air appealed the ban on Friday, days before the deadline expired."),
    ("Did Veska Air appeal the ban?", "Veska Air appealed the ban on Friday. Kestrel Trains did not appeal its own fine."),
])
def test_an_act_done_is_still_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome == "supported"


ARTICLES = [
    ("01_port.md", "2026-05-03", "Orlan Shipping loses port licence case",
     "A district court ruled in February that Orlan Shipping must surrender its licence at the port of Velka.\n"
     "The window to appeal the ruling has since closed, and Orlan Shipping never filed an appeal.\n"
     "Dock workers welcomed the decision, saying the company had ignored safety rules for years."),
    ("02_bank.md", "2026-08-20", "Tarrow Bank pays fine over loan records",
     "The Financial Conduct Board fined Tarrow Bank 2 million dollars in May over missing loan records.\n"
     "The period for an appeal of the penalty lapsed in July.\n"
     "The bank did not appeal.\n"
     "Its chief executive said new record-keeping software had been installed."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("verdict_lapse"), ARTICLES)


@pytest.mark.parametrize("question, quoted", [
    ("Did Orlan Shipping appeal the ruling?", "never filed an appeal"),
    ("Did Tarrow Bank appeal the penalty?", "did not appeal"),
])
def test_the_answer_says_no_and_quotes_the_negation(engine, question, quoted):
    brief = engine.write(question, template="answer")
    said = answer_text(brief)
    assert not said.startswith("Yes"), said
    assert first_sentence(said).startswith("No"), said
    assert quoted in said, said
