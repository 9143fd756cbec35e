"""A yes/no verdict's sentence tells the asked act of the asked party; the act's undergoer told not to be one is "No".

Kind (s64's fresh user, F6; new texts written for s65): "Has <company> been charged?" was "Yes." from a sentence
naming the company only as a person's employer in an apposition ("Prosecutors said the ringleader, <name>, the
former manager of <company>, arranged …"), while another sentence said the company "had not been named as a
defendant". Three readings:

* an agent noun ("prosecutors", "regulators", "exporters") names who acts, not the act done: the paraphrase lexicon
  groups "prosecutor" with "charge", but "Prosecutors said …" tells no charge (``answer_verdict._agent_noun``);
* a party named only inside an apposition as another's employer or owner ("…, a former engineer at <company>,")
  is not the party the sentence's act is told of (``answer_verdict.apposition_only``);
* a sentence telling that the party is not the act's undergoer by the noun for one ("was not named as a defendant"
  for "charged", ``polar_questions.toml`` [undergoer]) is the "No" (``answer_verdict.act_undone``).
"""

from __future__ import annotations

import pytest

from rag.writers.answer_verdict import apposition_only, judge, polar_question

BRENNER = ("Federal prosecutors in Hamburg on Friday charged the organiser, Jonas Weil, a former sales director of "
           "Brenner Werkzeug, with shipping machine tools to Iran. Brenner Werkzeug said it had not been named as a "
           "defendant and was cooperating with the authorities.")
ORIVEX = ("A grand jury indicted Marc Tessier, the former export manager at Orivex Aerospace, over sales of drone "
          "engines to Russia. Orivex Aerospace has not been listed as a defendant, a spokeswoman said.")
KALMAR = ("Prosecutors in Busan said the freight agent, Yoon Ji-ho, an employee of Kalmar Logistics, re-labelled 40 "
          "containers of controlled chemicals. The company said it was not named as a defendant in the case.")


@pytest.mark.parametrize("question, passage", [
    ("Has Brenner Werkzeug been charged?", BRENNER),
    ("Was Orivex Aerospace indicted?", ORIVEX),
    ("Has Kalmar Logistics been charged?", KALMAR),
    ("Was Tiberon Shipping sanctioned?",
     "The Treasury sanctioned the captain, Ivo Markov, an officer of Tiberon Shipping, for carrying Iranian oil."),
])
def test_an_employer_named_in_an_apposition_is_no_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome != "supported"


@pytest.mark.parametrize("question, passage", [
    ("Has Brenner Werkzeug been charged?", BRENNER),
    ("Was Orivex Aerospace indicted?", ORIVEX),
    ("Has Kalmar Logistics been charged?", KALMAR),
])
def test_not_named_as_a_defendant_answers_no(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome == "contradicted"


@pytest.mark.parametrize("question, passage", [
    ("Has Brenner Werkzeug been charged?",
     "Federal prosecutors in Hamburg charged Brenner Werkzeug on Friday with shipping machine tools to Iran."),
    ("Was Orivex Aerospace indicted?",
     "A federal grand jury indicted Orivex Aerospace and its former export manager on Wednesday over sales of "
     "drone engines to Russia."),
    ("Has Kalmar Logistics been charged?",  # the company named as a defendant: the act told of it
     "Kalmar Logistics was named as a defendant and charged with re-labelling 40 containers of controlled "
     "chemicals, prosecutors in Busan said."),
])
def test_the_act_told_of_the_asked_party_is_still_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome == "supported"


def test_apposition_only_reads_the_party_as_an_employer():
    claim = "Brenner Werkzeug has been charged"
    assert apposition_only(claim, "Investigators said the organiser, Jonas Weil, 52, a former sales director of "
                                  "Brenner Werkzeug, arranged 14 shipments.")
    assert not apposition_only(claim, "Prosecutors charged Brenner Werkzeug, a toolmaker based in Hamburg, on Friday.")
    assert not apposition_only(claim, "Prosecutors charged two managers and Brenner Werkzeug itself.")
