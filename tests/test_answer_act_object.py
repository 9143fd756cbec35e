"""A "which/what <class>" question whose class words end on an auxiliary asks for its act's object ("Which foods were
linked to the outbreak?", "What new dessert did the bakery unveil?"), and the answer may name that member in lower
case right after the act's verb: "… has been linked to raw alfalfa sprouts". Typing by kind read only capitalised
names, quoted titles and lower-case members in the class noun's place, so such a sentence gave no answer of the kind,
was cut from the answer pool, and a sentence with some other capitalised name led (``answer_slot.names_act_object``).

RealTime QA's fit half (full index, h/answers-s59): 20221111_9 led with a health advisory naming no food item linked
to the outbreak; the sentence saying what the outbreak was linked to now leads. Unit checks on sentences written
here, and end to end through the real Engine over short reports written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, engine_over_articles

from rag.writers.answer_slot import asked_object, names_act_object
from rag.writers.key_terms import stems

FOODS = "Health officials this week traced a salmonella outbreak across four provinces. Which foods were linked to the outbreak?"
DESSERT = "What new dessert did the Kettle Lane bakery unveil for the winter?"
FISH = "Which rare fish was caught by trawlers off the northern coast?"


@pytest.mark.parametrize("question, verb, joiner", [
    (FOODS, "link", "to"),
    (DESSERT, "unveil", None),
    (FISH, "catch", None),  # "by trawlers" is the agent
    ("Which new gadget did the start-up debut at the fair?", "debut", None),  # "at the fair" is no complement
])
def test_an_object_question_reads_its_act(question, verb, joiner):
    asked = asked_object(question)
    assert asked is not None and verb in asked.verbs and asked.joiner == joiner


@pytest.mark.parametrize("question", [
    "Which company recalled its scooters this week?",  # the member is the act's subject
    "What is it called?",
    "Which of these cities hosted the summit?",
])
def test_a_question_asking_no_object_reads_none(question):
    assert asked_object(question) is None


@pytest.mark.parametrize("question, sentence", [
    (FOODS, "The outbreak, which has sickened 41 people, has been linked to raw alfalfa sprouts and bean shoots."),
    (FOODS, "Investigators said the cases were linked to unpasteurised goat cheese sold at weekend markets."),
    (DESSERT, "The chain will unveil a spiced pear tart in all its shops on Monday."),
    (DESSERT, "This week the bakery unveiled the new cardamom bun, its first seasonal pastry in years."),
    (FISH, "Last month trawlers caught a rare oarfish, nearly four metres long."),
])
def test_a_member_named_in_lower_case_as_the_acts_object_answers(question, sentence):
    assert names_act_object(asked_object(question), sentence, stems(question))


@pytest.mark.parametrize("question, sentence", [
    # the class again, no member
    (DESSERT, "The chain will unveil a new menu item next week."),
    (FOODS, "Dozens of illnesses were linked to the foods, officials said."),
    # the class noun among the objects: the class named generically, beside something else, not a member
    (DESSERT, "The bakery will unveil desserts and hot drinks for the season."),
    ("Which specific ferries will the new transport board run?",
     "The council set up a transport board to run ferries and bus lanes."),
    # the act as a noun, not the verb
    (DESSERT, "Customers queued for hours before the unveiling of the winter menu."),
    # the passive's complement missing: "linked" with another preposition
    (FOODS, "Officials linked up with regional labs to trace the cases."),
    # a name there is read by fills_slot, not as a lower-case member
    (DESSERT, "The chain will unveil Frostbite, a chilled pudding."),
    # no act at all
    (FOODS, "People who are pregnant should avoid sprouts and soft cheese until the cases are traced."),
])
def test_otherwise_no_member_is_named(question, sentence):
    assert not names_act_object(asked_object(question), sentence, stems(question))


ARTICLES = [
    ("01_outbreak.md", "2026-03-12", "Salmonella cases climb in four provinces",
     "Health officials traced the salmonella outbreak across four provinces to the Orvell region, where the Brightwater "
     "Clinic first reported cases this week. Investigators said the outbreak has been linked to raw alfalfa sprouts "
     "sold in supermarkets. Forty-one people have been sickened so far and nine were taken to hospital."),
    ("02_bakery.md", "2026-11-20", "Kettle Lane bakery readies its winter menu",
     "Chief executive Ruth Ambler told investors in Dunmore that the Kettle Lane bakery expects strong winter sales of "
     "its new desserts. On Wednesday the Kettle Lane bakery unveiled a spiced pear tart for the winter, sold in its 140 "
     "shops. Sales rose 4% in the autumn."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("act_object"), ARTICLES)


def test_the_food_linked_to_the_outbreak_leads(engine):
    text = lead(engine, "Health officials this week traced a salmonella outbreak across four provinces. Which foods were "
                        "linked to the outbreak?", "2026-03-14")
    assert "alfalfa sprouts" in text


def test_the_dessert_the_chain_unveiled_leads(engine):
    text = lead(engine, "What new dessert did the Kettle Lane bakery unveil for the winter?", "2026-11-22")
    assert "pear tart" in text
