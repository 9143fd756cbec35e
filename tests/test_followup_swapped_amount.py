""""What about <thing>?" after a question asking how much of another thing is answered by the swapped thing's figure
first, not the previous thing's.

* Kind (s68 left open, the s67 user's F9; issue 10 follow-ups): after "How much indium did China export in October?",
  "What about tungsten?" is read as "How much tungsten did China export in October?" (``followup.swapped_thing``),
  but the answer led with "China exported 11.5 tonnes of indium in October …": that sentence holds every word of the
  question but the asked thing, and the tungsten sentence ("Tungsten exports fell to 640 tonnes …") does not say
  "China". The sibling reader (``asked_sibling.gives_sibling``) saw no frame for a thing asked after "how much".
* ``asked_sibling.asked_frames`` gives a thing asked after "how much/many" an amount frame; a sentence gives a
  sibling in it when it tells a figure "of" the sibling ("11.5 tonnes of indium", "40% of zinc"), siblings read as
  before from the passage and title ("China's indium and tungsten exports …").
* Texts written for this test (Chinese, Bolivian and Congolese exports; figures of my own).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles
from test_followup import conversation

from evals.rtqa_answers import answer_text
from rag.render import answer_with_sources
from rag.writers.asked_sibling import gives_sibling

MINERALS = ("China's indium and tungsten exports fall in October\n"
            "China exported 11.5 tonnes of indium in October, down 31% from a year earlier, customs data showed. "
            "Tungsten exports fell to 640 tonnes in October, the lowest since 2020, the data showed.")
BOLIVIA = ("Bolivia's antimony and zinc shipments diverge\n"
           "Bolivia exported 3,100 tonnes of zinc in May. Antimony shipments rose to 420 tonnes, the mining ministry "
           "said.")


@pytest.mark.parametrize("question, sentence, context, gives", [
    ("How much tungsten did China export in October?",
     "China exported 11.5 tonnes of indium in October, down 31% from a year earlier, customs data showed.", MINERALS,
     True),
    ("How much tungsten did China export in October?", "Tungsten exports fell to 640 tonnes in October.", MINERALS,
     False),
    ("How much indium did China export in October?", "China exported 11.5 tonnes of indium in October.", MINERALS,
     False),
    ("How much antimony did Bolivia export?", "Bolivia exported 3,100 tonnes of zinc in May.", BOLIVIA, True),
    ("How much antimony did Bolivia export?", "Antimony shipments rose to 420 tonnes, the mining ministry said.",
     BOLIVIA, False),
    # a figure of a word the context does not coordinate with the asked one is no sibling
    ("How much antimony did Bolivia export?", "Bolivia exported 3,100 tonnes of ore in May.", BOLIVIA, False),
])
def test_a_figure_of_a_sibling_is_no_figure_of_the_asked_thing(question, sentence, context, gives):
    assert gives_sibling(question, sentence, context) is gives


#: left open (s69): the asked thing's own sentence tells the act by another word and names no actor ("Antimony
#: shipments rose to 420 tonnes in May" for "How much antimony did Bolivia export …?"); the sibling's sentence is no
#: longer the lead, but the answer says none gives the number
OTHER_ACT_WORD = "the asked thing's figure told as 'shipments' without its actor is not taken (left open)"

ARTICLES = [
    ("01_minerals.md", "2026-11-20", "China's indium and tungsten exports fall in October",
     "China exported 11.5 tonnes of indium in October, down 31% from a year earlier, customs data showed.\n\n"
     "Tungsten exports fell to 640 tonnes in October, the lowest since 2020, the data showed."),
    ("02_bolivia.md", "2026-06-18", "Bolivia's antimony and zinc shipments diverge",
     "Bolivia exported 3,100 tonnes of zinc in May, the mining ministry said.\n\n"
     "Antimony shipments rose to 420 tonnes in May, the highest this year, the ministry said."),
    ("03_congo.md", "2026-09-09", "Congo's cobalt and copper exports to Finland",
     "Congo shipped 8,200 tonnes of cobalt to Finland last year, port records show.\n\n"
     "Copper shipments to Finland reached 15,000 tonnes last year."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("swapped_amount"), ARTICLES)


def first_sentence(text: str) -> str:
    return text.split("[")[0]


@pytest.mark.parametrize("previous, follow_up, figure", [
    ("How much indium did China export in October?", "What about tungsten?", "640 tonnes"),
    pytest.param("How much zinc did Bolivia export in May?", "What about antimony?", "420 tonnes",
                 marks=pytest.mark.xfail(strict=True, reason=OTHER_ACT_WORD)),
    ("How much cobalt did Congo ship to Finland last year?", "How about copper?", "15,000 tonnes"),
])
def test_what_about_a_thing_leads_with_its_own_figure(engine, previous, follow_up, figure):
    first = engine.write(previous, template="answer", history=[])
    shown = answer_with_sources(first).split("\n\nSources:")[0]
    brief = engine.write(follow_up, template="answer", history=conversation(previous, shown))
    text = answer_with_sources(brief).split("\n\nSources:")[0]
    assert figure in first_sentence(text), text


@pytest.mark.parametrize("question, figure", [
    ("How much tungsten did China export in October?", "640 tonnes"),
    pytest.param("How much antimony did Bolivia export in May?", "420 tonnes",
                 marks=pytest.mark.xfail(strict=True, reason=OTHER_ACT_WORD)),
])
def test_the_asked_things_figure_leads_a_standalone_question(engine, question, figure):
    brief = engine.write(question, template="answer")
    text = brief.message if brief.abstained else answer_text(brief)
    assert figure in first_sentence(text), text
