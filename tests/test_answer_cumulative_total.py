"""A later report's running total revises an earlier report's count (issue 10, s65; F17 of fresh65).

Kind: **the older count leads the newer total.** Asked "How many photoresist licence applications has METI approved
since August 18?", the answer quoted the October report's "approved only 9 of the 50 applications" first, though a
November report says "... approved 12 more ..., bringing the total approved since August 18 to 21". A running total
does not name the figure it replaces, as "up from 14" does (``test_answer_revised_figure``), so it was not read as a
revision. A sentence stating a cumulative total ("bringing the total ... to N", "raising the number ... to N",
"taking the tally to N", "for a total of N so far": ``answer_values.toml`` [revision] ``cumulative_totals``) in a
report published later, of the same measure (``SHARED_TERMS_MIN`` content stems), revises an earlier sentence's count
that differs from N: the total leads. An earlier report is not revised by a total of another measure.

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed
from rag.writers.answer_revised import _cumulative_figures

ARTICLES = {
    "n1.txt": ("Dutch ministry slows DUV scanner licences for China", "Lowlands Tech Post", "2026-05-06",
               "THE HAGUE — The Dutch trade ministry has so far granted 14 export licences for DUV immersion scanners "
               "to Chinese buyers this year, officials told parliament on Tuesday.\n\n"
               "Exporters say each application takes about four months.\n\n"
               "The ministry declined to name the buyers."),
    "n2.txt": ("More DUV scanner licences approved", "Rotterdam Business Wire", "2026-07-17",
               "THE HAGUE — The Dutch trade ministry granted six more export licences for DUV immersion scanners to "
               "Chinese buyers on Thursday, bringing the total granted this year to 20.\n\n"
               "An industry group welcomed the pace of decisions."),
    "m1.txt": ("Mumbai customs seize smuggled GPU cards", "Arabian Sea Herald", "2026-03-11",
               "MUMBAI — Customs officers at Nhava Sheva port have seized 340 smuggled GPU cards since January, the "
               "customs commissioner said on Tuesday.\n\n"
               "Most of the cards were declared as gaming accessories."),
    "m2.txt": ("Another GPU haul at Nhava Sheva", "Western India Times", "2026-04-02",
               "MUMBAI — Customs officers at Nhava Sheva port seized another 95 smuggled GPU cards on Wednesday, raising "
               "the number of cards seized since January to 435.\n\n"
               "Two freight forwarders were questioned."),
    "e1.txt": ("EU lists Chinese drone component suppliers", "Brussels Ledger", "2026-02-24",
               "BRUSSELS — The European Union has placed 28 Chinese companies on its sanctions list for supplying "
               "drone components to Russia, diplomats said on Monday.\n\n"
               "The listed firms face asset freezes in the bloc."),
    "e2.txt": ("EU widens drone component sanctions", "Continental Courier", "2026-06-10",
               "BRUSSELS — The European Union added 11 Chinese companies to its sanctions list for supplying drone "
               "components to Russia on Tuesday, taking the tally of Chinese companies on the list to 39.\n\n"
               "Beijing lodged a protest with the EU delegation."),
    "v1.txt": ("Vietnam awards rare-earth permits", "Hanoi Resource Review", "2026-01-20",
               "HANOI — Vietnam's natural resources ministry has issued 7 rare-earth mining permits to foreign companies "
               "under the new minerals law.\n\n"
               "Japanese and Korean firms hold most of them."),
    "v2.txt": ("Two more rare-earth permits for foreign miners", "Mekong Markets", "2026-04-28",
               "HANOI — Vietnam's natural resources ministry issued two more rare-earth mining permits to foreign "
               "companies on Monday, for a total of 9 so far under the new minerals law.\n\n"
               "Local groups have protested against the Dong Pao project."),
    # a later total of another measure revises nothing
    "v3.txt": ("Vietnam rare-earth exports climb", "Mekong Markets", "2026-05-30",
               "HANOI — Vietnam shipped 1,200 tonnes of rare-earth oxides in May, bringing the total exported this "
               "year to 4,800 tonnes.\n\n"
               "Prices rose on strong demand from magnet makers."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("answer_cumulative"), ARTICLES)


# the GPU and EU items fail on main (the older count led); the DUV and Vietnam items are controls that already passed
@pytest.mark.parametrize("question, new", [
    ("How many export licences for DUV immersion scanners has the Dutch trade ministry granted to Chinese buyers "
     "this year?", "20"),
    ("How many smuggled GPU cards have customs officers at Nhava Sheva port seized since January?", "435"),
    ("How many Chinese companies are on the EU sanctions list for supplying drone components to Russia?", "39"),
    ("How many rare-earth mining permits has Vietnam issued to foreign companies under the new minerals law?", "9 so far"),
])
def test_the_later_running_total_leads_the_answer(engine, question, new):
    brief = engine.write(question, template="answer")
    first = brief.sections[0].claims[0].text
    assert new in first, first


@pytest.mark.parametrize("text, figures", [
    ("approved 12 more licences on Tuesday, bringing the total approved since August 18 to 21", {"21"}),
    ("seized another 95 cards, raising the number of cards seized since January to 435", {"435"}),
    ("taking the tally of Chinese companies on the list to 39", {"39"}),
    ("issued two more permits on Monday, for a total of 9 so far", {"9"}),
    ("In all, 1,250 drones have been intercepted so far", {"1250"}),
    ("raised the fine to 3 billion won, up from 1.5 billion won", set()),
    ("bringing the total to 2027 levels", set()),
])
def test_a_running_total_names_its_figure(text, figures):
    assert _cumulative_figures(text) == figures
