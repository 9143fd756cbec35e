"""An actor named after "of" at the head of its sentence is the actor, not what the act is done to.

* Kind (s58, found on the list questions of issue 10 "Answers"): "Which companies did Ostrava add to its sanctions
  list?" over "The trade ministry of Ostrava added two shipping firms, … to its sanctions list" answered "No source
  reports Ostrava adding companies …": the premise reader (``answer_premise._read``) took every name after a
  preposition of ``premise_words.toml`` [object_prepositions] ("of" among them) as acted on. An institution opening the
  sentence and naming its place or body after "of" ("The telecom regulator of Velmora", "the government of Ardesia")
  is that actor (``institutions``).
* Still acted on: a name after "of" that no institution heads ("Exports of Ostrava …"), or deep in the sentence.
* End to end over short news articles written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_premise import premise, reads_premise


@pytest.mark.parametrize("question, sentence", [
    ("Which companies did Ostrava add to its sanctions list?",
     "The trade ministry of Ostrava added two shipping firms, Carrow Lines and Mendel Freight, to its sanctions list."),
    ("Which apps did Velmora ban?", "The telecom regulator of Velmora banned the apps Chatterly and Quillo on Tuesday."),
    ("Which banks did Ardesia fine?", "The government of Ardesia fined two banks, Pelloc and Umber Trust, in June."),
])
def test_an_institution_of_the_actor_names_the_actor(question, sentence):
    read = reads_premise(premise(question), sentence)
    assert read.named and read.leads == "actor"


@pytest.mark.parametrize("question, sentence", [
    ("Which companies did Ostrava add to its sanctions list?",
     "Exports of Ostrava fell after Brenmark added two shipping firms to its sanctions list."),
    ("Which apps did Velmora ban?", "Brenmark banned the apps Chatterly and Quillo, citing the example of Velmora."),
])
def test_a_name_after_of_elsewhere_is_still_acted_on(question, sentence):
    read = reads_premise(premise(question), sentence)
    assert not read.named


ARTICLES = [
    ("01_sanctions.md", "2026-06-02", "Ostrava widens its sanctions list",
     "The trade ministry of Ostrava added two shipping firms, Carrow Lines and Mendel Freight, to its sanctions list "
     "on Monday.\nCarrow Lines operates tankers in the Baltic.\nOfficials expect more names in the autumn."),
    ("02_banks.md", "2026-07-09", "Ardesia fines banks over money transfers",
     "The government of Ardesia fined two banks, Pelloc and Umber Trust, in June for failing to check transfers.\n"
     "Both banks said they had hired new compliance staff."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("premise_institution"), ARTICLES)


@pytest.mark.parametrize("question, names", [
    ("Which companies did Ostrava add to its sanctions list?", ["Carrow Lines", "Mendel Freight"]),
    ("Which banks did Ardesia fine?", ["Pelloc", "Umber Trust"]),
])
def test_the_list_is_answered_not_denied(engine, question, names):
    brief = engine.write(question, template="answer")
    said = answer_text(brief)
    assert not said.startswith("No source reports"), said
    assert all(n in said for n in names), said
