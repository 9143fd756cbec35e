"""A yes/no question in the passive with a perfect or progressive auxiliary asks about the participle's act.

Kind (s58, a fresh user of the merged tree): "Has <X> been fined?" was read with the act "been", the passive's own
auxiliary, so no sentence "told the act" and the answer said the sources do not say whether X was fined, though a
report said the regulator fined X. The act of "Has X been <participle>?", "Is X being <participle>?" and "Will X be
<participle>?" is the participle (``polar_questions.toml`` [auxiliary] ``passive``); a copular "Has X been a
supplier?" keeps "been".

Left (the nominal act): "Has anyone been arrested?" over "No arrests have been made", and "Has X been fined?" over "upheld
a fine of … against X", still abstain: the act is told by its noun.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_verdict import polar_question


@pytest.mark.parametrize("question, act", [
    ("Has Corvane Metals been fined?", "fined"),
    ("Have the three brokers been charged over the scheme?", "charged"),
    ("Had the export ban been lifted by June?", "lifted"),
    ("Is the new fab being built in Kumamoto?", "built"),
    ("Will the shipping agent be prosecuted?", "prosecuted"),
    ("Has anyone been arrested over the seizure?", "arrested"),
    ("Has Japan lifted the ban?", "lifted"),  # no passive: as before
])
def test_the_act_of_a_passive_question_is_its_participle(question, act):
    assert polar_question(question).act == act


def test_a_copular_been_stays_the_act():
    assert polar_question("Has the company been a supplier to the navy?").act == "been"


ARTICLES = [
    ("01_fine.md", "2026-05-07", "Regulator fines Corvane Metals",
     "The Ardel competition authority fined Corvane Metals 3 million euros on Tuesday for hiding exports of "
     "gallium to a sanctioned buyer.\nCorvane Metals said it would study the decision."),
    ("02_brokers.md", "2026-06-18", "Prosecutors charge brokers in chip smuggling case",
     "Prosecutors in Velm charged three brokers on Monday with smuggling graphics processors through a shell "
     "company.\nThe brokers deny wrongdoing."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("polar_passive"), ARTICLES)


@pytest.mark.parametrize("question, quoted", [
    ("Has Corvane Metals been fined?", "fined Corvane Metals"),
    ("Have the brokers in Velm been charged?", "charged three brokers"),
])
def test_a_passive_question_over_the_reported_act_is_answered_yes(engine, question, quoted):
    said = answer_text(engine.write(question, template="answer"))
    assert said.startswith("Yes."), said
    assert quoted in said, said

