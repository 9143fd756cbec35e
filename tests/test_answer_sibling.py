"""A sentence giving a sibling of the asked thing in its place is no answer: "Germanium metal prices in Europe rose 9%
to $2,900 per kilogram" does not tell "What is the price of gallium metal in Europe?", though it holds every other
word of it; "SK Hynix's operating profit rose …" does not tell Samsung's. Siblings are read from the text (the
passage or title coordinates them: "gallium and germanium", "Samsung and SK Hynix"); the sibling must stand in the
asked word's frame (before the same head noun, or after the same noun and "of"). Such a sentence does not give the
kind of answer asked (``asked_sibling.gives_sibling``, read into the answer's typing): the answer abstains or says
that no source gives the value, and when a sentence about the asked thing exists, it leads.

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters
from rag.writers.asked_sibling import gives_sibling

GALLIUM = "What is the price of gallium metal in Europe?"
SAMSUNG = "What was Samsung's operating profit in the third quarter?"
JAPAN = "How much did Japan's exports of chip equipment to China rise in October?"
METALS = "China's gallium and germanium export licences fell in November."
MEMORY = "Samsung and SK Hynix reported results this week."
TOOLS = "Chip equipment makers in Japan and Korea face new curbs."


@pytest.mark.parametrize("question, text, context", [
    (GALLIUM, "Germanium metal prices in Europe rose 9% in November to $2,900 per kilogram.", METALS),
    (GALLIUM, "The price of germanium in Europe rose to $2,900 per kilogram.", METALS),
    (SAMSUNG, "SK Hynix's operating profit rose to 5.8 trillion won in the third quarter.", MEMORY),
    (JAPAN, "Korea's exports of chip equipment to China rose 18% in October.", TOOLS),
])
def test_a_sibling_in_the_asked_place_is_a_substitution(question, text, context):
    assert gives_sibling(question, text, context)


@pytest.mark.parametrize("question, text, context", [
    (GALLIUM, "Gallium and germanium metal prices in Europe rose in November.", METALS),  # names the asked one too
    (GALLIUM, "Gallium metal prices in Europe fell 3% to $540 per kilogram.", METALS),  # the asked one
    (GALLIUM, "Germanium metal prices in Europe rose 9% to $2,900 per kilogram.", "Germanium rose."),  # no siblings
    (SAMSUNG, "SK Hynix said demand for memory chips was strong.", MEMORY),  # not in the frame
    (JAPAN, "Exports of chip equipment to China rose 18% in October.", TOOLS),  # no sibling
])
def test_no_substitution_without_a_sibling_in_the_frame(question, text, context):
    assert not gives_sibling(question, text, context)


ARTICLES = [
    ("01_metals.md", "2026-11-20", "China's gallium and germanium export licences fall in November",
     "China approved export licences for 12 tonnes of gallium and germanium in November, the lowest since curbs "
     "began, customs data showed.\n\n"
     "Germanium metal prices in Europe rose 9% in November to $2,900 per kilogram, traders said.\n\n"
     "Buyers in Europe said supplies remained tight."),
    ("02_memory.md", "2026-10-30", "Samsung and SK Hynix report third-quarter results",
     "Samsung and SK Hynix reported third-quarter results on Thursday as memory prices climbed.\n\n"
     "SK Hynix's operating profit rose to 5.8 trillion won in the third quarter, a record.\n\n"
     "Samsung's operating profit rose to 9.1 trillion won in the third quarter, the company said."),
    ("03_other.md", "2026-11-01", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade. Organisers expect 20,000 visitors."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("sibling"), ARTICLES)


def test_the_siblings_value_is_not_given_as_the_answer(engine):
    brief = engine.write(GALLIUM, template="answer", filters=SearchFilters(until="2026-11-21"))
    if not brief.abstained:
        lead = first_sentence(answer_text(brief))
        assert not lead.startswith("Germanium metal prices"), lead


def test_the_sentence_about_the_asked_thing_leads(engine):
    brief = engine.write(SAMSUNG, template="answer", filters=SearchFilters(until="2026-10-31"))
    assert not brief.abstained, brief.message
    assert "9.1 trillion" in first_sentence(answer_text(brief))
