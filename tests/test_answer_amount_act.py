"""A "how much <did X> <verb> …?" question ("How much did authorities seize from …?", "How much was seized …?") asks
the amount of that act: the sentence telling the act with a figure ("Authorities seized assets worth 12 billion won
…") leads, not the report's sentence giving another figure beside the question's other words ("Prosecutors … said
… that 5 executives of a machine-tool exporter had been indicted"), which repeats more of them
(``answer_slot.count_lead``'s ``_amount_lead``: the act rule of "how many …?" for a question counting no noun).

From s62's new user (F2: "How much did authorities seize?"); the reports are written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, answer_of, engine_over_articles

ARTICLES = [
    ("01_ring.md", "2026-03-03", "Police bust chip smuggling ring in Incheon",
     "Police arrested 14 people in Incheon on Tuesday and seized $2.5 million in cash from a ring that smuggled AI "
     "chips to China. The ring shipped more than 3,000 processors over two years, investigators said."),
    ("02_assets.md", "2026-05-21", "Prosecutors freeze assets of export violator",
     "Prosecutors in Seoul said on Thursday that 5 executives of a machine-tool exporter had been indicted. "
     "Authorities seized assets worth 12 billion won, including two buildings, the prosecutors said. "
     "The firm had revenue of 80 billion won in 2025."),
    ("03_port.md", "2026-04-11", "Hong Kong customs intercept GPU shipment",
     "Hong Kong customs officers inspected 37 containers at Kwai Chung terminal last week. "
     "They seized 1,800 graphics cards worth HK$46 million hidden in cargo declared as toys."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("amount_act"), ARTICLES)


@pytest.mark.parametrize("question, until, amount", [
    ("How much did authorities seize from the machine-tool exporter?", "2026-05-22", "12 billion won"),
    ("How much did police seize from the Incheon chip smuggling ring?", "2026-03-04", "$2.5 million"),
])
def test_the_sentence_telling_the_act_with_its_amount_leads(engine, question, until, amount):
    assert amount in lead(engine, question, until)


def test_a_seizure_told_after_its_context_is_quoted_with_it(engine):
    # "They seized …" leans on the sentence before it: the quote opens with that context
    assert "HK$46 million" in answer_of(engine, "How much was seized by Hong Kong customs at Kwai Chung?", "2026-04-12")
