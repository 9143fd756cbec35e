"""A "who <past tense> <object> …?" question is answered by a sentence naming the act's doer in an agent phrase:
"The raid, led by senior investigator Han Ji-woo, …" or "A Samsung-led consortium won …" for "Who led …?". The doer
is no subject there, and the doer reader (``answer_actor.names_doer``) reads only a place opening the sentence, so
the answer abstained ("none gives the name the question asks for") or led with the report's headline
(``agent_phrase.names_agent``, read in ``QuestionAnswering._read_typed`` / ``_place_doers`` and
``answer_headline.answers_by_its_words``; data ``[agent]`` of rag/text/data/answer_slots.toml).

From s62's new user (F1: "Who led the raid / the delegation / the consortium?"); the reports are written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, engine_over_articles

from rag.writers.agent_phrase import asked_participle, names_agent

ARTICLES = [
    ("01_raid.md", "2026-04-03", "Customs raid uncovers smuggled GPUs in Busan",
     "Korean customs officers seized 300 high-end graphics processors in a raid on a Busan warehouse on Tuesday. "
     "The raid, led by senior investigator Han Ji-woo, followed a tip from US authorities. "
     "Officials said the chips were bound for a buyer in Shenzhen. The warehouse operator declined to comment."),
    ("02_delegation.md", "2026-05-12", "Japanese delegation visits Taipei for chip talks",
     "A Japanese trade delegation arrived in Taipei on Monday for three days of talks on semiconductor supply chains. "
     "The delegation was led by Vice Minister Sato Kenji of the economy ministry. "
     "Taiwanese officials said they hoped to agree on joint export-control guidance."),
    ("03_consortium.md", "2026-06-20", "Consortium wins bid for Vietnamese chip plant",
     "A Samsung-led consortium won a bid on Friday to build a $4 billion chip packaging plant near Hanoi. "
     "Vietnam's planning ministry said construction would begin in 2027. "
     "Rival bidders included groups from Singapore and Malaysia."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("agent_phrase"), ARTICLES)


@pytest.mark.parametrize("question, until, doer", [
    ("Who led the raid on the Busan warehouse?", "2026-04-04", "Han Ji-woo"),  # led a headline before
    ("Who led the Japanese trade delegation to Taipei?", "2026-05-13", "Sato Kenji"),  # abstained
    ("Who led the consortium that won the Vietnamese chip plant bid?", "2026-06-21", "Samsung"),  # abstained
])
def test_the_sentence_naming_the_doer_in_an_agent_phrase_leads(engine, question, until, doer):
    assert doer in lead(engine, question, until)


@pytest.mark.parametrize("sentence", [
    "The raid, led by senior investigator Han Ji-woo, followed a tip.",  # a title in lower case
    "The raid was led by Chief Inspector Oh Min-su.",  # capitalised titles
    "A Samsung-led raid on the warehouse found nothing.",  # a hyphen before the object's noun
])
def test_an_agent_phrase_of_the_asked_object_names_the_doer(sentence):
    assert names_agent("Who led the raid on the Busan warehouse?", sentence)


@pytest.mark.parametrize("sentence", [
    "The talks were led by Vice Minister Sato Kenji.",  # another object
    "Customs officers seized 300 processors in a raid on a Busan warehouse.",  # no agent phrase
    "The raid was led by the customs service's Busan office.",  # no name right after "by"
    "The raid, which followed a tip, was led by",  # nothing after "by"
])
def test_otherwise_no_agent_is_named(sentence):
    assert not names_agent("Who led the raid on the Busan warehouse?", sentence)


@pytest.mark.parametrize("question, verb", [
    ("Who led the raid?", "led"),
    ("Who backed the coup?", "backed"),
    ("Who was led away?", None),  # a passive question: answer_slot's passive subject
    ("Who said the raid was legal?", None),  # speech: answer_who
    ("Who did Japan restrict?", None),  # the object asked
    ("Who will lead the delegation?", None),
])
def test_the_asked_participle(question, verb):
    assert asked_participle(question) == verb
