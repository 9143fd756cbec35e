"""Specs: an organisation asked about ("What did the foreign ministry say about the drone ban?") speaks through its
officers ("the foreign ministry's spokesperson Guo Ming said …"), and the words after "about" are the topic of what was
said, not a list the question asks for ("… about the drone ban?", "… about being added to the Entity List?")."""

import pytest
from conftest import engine_over_articles

from rag.writers.answer_kind import answer_type
from rag.writers.asked_speaker import says


@pytest.mark.parametrize("speaker, text", [
    ("China's foreign ministry", "China's foreign ministry spokesperson Guo Ming said the move was discriminatory."),
    ("MOFCOM", '"The measures are lawful," MOFCOM spokesperson He Yadong told a regular briefing.'),
    ("Daesan Materials", "Daesan Materials' chief executive, Kwon Tae-il, said the plant would stay open."),
    ("trade ministry", "The trade ministry's director general said on Friday the review would take a month."),
    ("Kestrel Robotics", "Kestrel Robotics spokeswoman Ana Ruiz said the drones store data locally."),
])
def test_an_organisation_speaks_through_its_officer(speaker, text):
    assert says(speaker, text)


@pytest.mark.parametrize("speaker, text", [
    ("Kestrel Robotics", "Japan's defence minister said Kestrel Robotics drones would be replaced by 2028."),
    ("MOFCOM", "The spokesperson He Yadong said MOFCOM would respond."),
])
def test_an_organisation_spoken_of_does_not_speak(speaker, text):
    assert not says(speaker, text)


@pytest.mark.parametrize("question", [
    "What did China's foreign ministry say about the drone ban?",
    "What did Kestrel Robotics say about the procurement ban?",
    "What did the commerce ministry say about the export ban on gallium?",
    "What did Zhonghe Optics say about being added to the Entity List?",
    "What has Seoul said regarding the chips it restricted?",
])
def test_words_after_about_are_the_topic_not_a_list_question(question):
    assert answer_type(question) != "list"


@pytest.mark.parametrize("question", [
    "What did Taiwan ban?",
    "What does the list include?",
    "What did the sanctions target?",
    "What did the ministry say the ban covers?",
])
def test_a_contents_verb_outside_the_topic_still_asks_a_list(question):
    assert answer_type(question) == "list"


ARTICLES = [
    ("01_drones.md", "2026-04-07", "Manila bars Kestrel drones from coast guard purchases",
     "The Philippines on Tuesday barred its coast guard and navy from buying drones made by Kestrel Robotics, a "
     "Chinese manufacturer, citing the risk that flight data could be sent abroad.\n\n"
     "The procurement ban covers 600 drones already in service, which must be replaced by 2028.\n\n"
     "China's foreign ministry spokesperson Guo Ming said Manila should stop politicising the purchase of drones "
     "and that the ban treats Chinese firms unfairly.\n\n"
     "Kestrel Robotics spokeswoman Ana Ruiz said the company's drones store all flight data on the device."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("asked_officers"), ARTICLES)


@pytest.mark.parametrize("question, said", [
    ("What did China's foreign ministry say about the drone ban?", "Guo Ming said Manila should stop"),
    ("What did Kestrel Robotics say about the procurement ban?", "Ana Ruiz said the company's drones"),
])
def test_the_organisations_officer_leads_the_answer(engine, question, said):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    lead = brief.sections[0].claims[0].text
    assert said in lead, lead
