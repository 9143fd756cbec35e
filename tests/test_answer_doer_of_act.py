"""A "who <did> <object>?" question is answered by the sentence naming the doer of that act, not by the story's lede
about the same topic that names other actors (s69's user, F11, the lead sentence not the asked slot): the doer as
the act's subject with an apposition between ("Vantor Systems, a Taichung trading firm, arranged the freight"), in
a "by" phrase a few words after the participle ("was founded in 1974 by Park Jin-soo"), and with the act's object
referred back to ("The company was founded …" in a report about the company: ``[agent].referents``)
(``agent_phrase.names_agent``; ``answer_slots.toml`` v10 ``[agent].adjunct`` / ``referents``).

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, engine_over_articles

from rag.writers.agent_phrase import names_agent

REPORT = ("Lumora Optics will open a lens-coating line in Penang next year, the company said on Monday. "
          "The company was founded in 1998 by Teo Wen-hui, a former physics lecturer.")


@pytest.mark.parametrize("question, text, passage, names", [
    ("Who founded Lumora Optics?", "The company was founded in 1998 by Teo Wen-hui, a former physics lecturer.", REPORT, True),
    # the same sentence in a passage about another company does not tie the act to the asked one
    ("Who founded Lumora Optics?", "The company was founded in 1998 by Teo Wen-hui, a former physics lecturer.",
     "Harbour Glass will close its Ipoh plant. The company was founded in 1998 by Teo Wen-hui.", False),
    ("Who chartered the vessel carrying the drones?", "Orsen Marine, a Busan shipping agent, chartered the vessel.", "", True),
    ("Who chartered the vessel carrying the drones?", "Customs officers in Busan seized the drones from the vessel.", "", False),
    ("Who chartered the vessel carrying the drones?", "After the seizure, police chartered the vessel.", "", False),
    ("Who drafted the cable landing rules?", "The cable landing rules were drafted last spring by Deputy Minister Ana Ruiz.", "", True),
    ("Who drafted the cable landing rules?", "The budget was drafted by Ana Ruiz.", "", False),  # another object
])
def test_a_sentence_naming_the_doer_of_the_asked_act(question, text, passage, names):
    assert names_agent(question, text, passage) is names


ARTICLES = [
    ("01_drones.md", "2026-06-03", "Busan customs seizes drone parts bound for Vladivostok",
     "Customs officers in Busan seized 240 crates of drone motors and flight controllers bound for Vladivostok, the "
     "Korea Customs Service said on Tuesday.\n\n"
     "The crates were listed as agricultural sprayer parts on the shipping documents.\n\n"
     "Orsen Marine, a Busan shipping agent, chartered the vessel. Investigators are questioning two of its managers."),
    ("02_optics.md", "2026-06-05", "Lumora Optics to open Penang lens line",
     "Lumora Optics will open a lens-coating line in Penang next year, the company said on Monday.\n\n"
     "The line will supply lenses for industrial lasers and satellite cameras.\n\n"
     "The company was founded in 1998 by Teo Wen-hui, a former physics lecturer."),
    ("03_other.md", "2026-06-04", "Rail union agrees pay deal",
     "The rail union agreed a two-year pay deal with operators on Wednesday, ending a month of talks."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("doer_of_act"), ARTICLES)


def test_the_subject_doing_the_asked_act_leads(engine):
    lead = answer_lead(engine, "Who chartered the vessel carrying the seized drone motors bound for Vladivostok?", "2026-06-30")
    assert lead.startswith("Orsen Marine"), lead


def test_the_doer_in_a_by_phrase_about_the_company_referred_back_leads(engine):
    lead = answer_lead(engine, "Who founded Lumora Optics?", "2026-06-30")
    assert "Teo Wen-hui" in lead, lead
