"""A later report by another publisher that revises a spelled count leads the older count (issue 10, s69; F5 of
fresh69).

Kind: **revision ordering across publishers.** Two publishers report the same story in their own words; the later
one updates a count it spells out ("… charged two more, bringing the number of suspects to seven" after "…
charged five people …"). The README promises that a later report revising a figure leads the older one, but the
revision reader (``rag.writers.answer_revised``) read only figures written in digits, so a count written as a word
("five", "seven") was neither a figure of the earlier sentence nor the total or replaced figure of the later one:
the earlier report, which repeats more of the question's words, led. A figure is now digits or a spelled number
from two up (``quantities.toml`` [spelled_numbers]), compared by value ("seven" = "7"). "One" and "zero" are not
figures ("one of the suspects"), and a later total of another measure still revises nothing.

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed
from rag.writers.answer_revised import _cumulative_figures, _figures, _revised_figures

ARTICLES = {
    "p1.txt": ("Busan prosecutors charge five over OLED mask leak", "Harbour City Daily", "2026-02-10",
               "BUSAN — Busan District Prosecutors' Office on Tuesday charged five people with leaking fine metal mask "
               "designs for OLED panels from Daemyung Display to a rival in Chongqing.\n\n"
               "The designs are listed as national core technology.\n\n"
               "Daemyung said it had tightened access controls."),
    "p2.txt": ("Two more charged in Daemyung mask case", "Korea Industry Ledger", "2026-03-19",
               "Prosecutors in Busan charged two more former engineers on Thursday in the Daemyung Display fine metal "
               "mask case, bringing the number of suspects to seven.\n\n"
               "Both had joined the Chongqing company in 2024."),
    "s1.txt": ("Coast guard holds crew of sand dredger", "Straits Maritime Post", "2026-05-04",
               "The Philippine Coast Guard detained four crew members of a Chinese-flagged sand dredger near "
               "Scarborough Shoal on Sunday.\n\n"
               "The vessel was escorted to Subic Bay."),
    "s2.txt": ("More dredger crew held at Subic Bay", "Manila Harbour Wire", "2026-05-12",
               "Philippine authorities held five more sailors from the Chinese-flagged dredger taken near Scarborough "
               "Shoal, raising the number of crew members detained to nine.\n\n"
               "Beijing demanded their release."),
    "t1.txt": ("Taipei lists mainland chip design firms", "Formosa Business Review", "2026-06-02",
               "TAIPEI — Taiwan's economics ministry has barred local foundries from taking orders from 12 mainland "
               "chip design houses linked to military suppliers.\n\n"
               "The list takes effect on July 1."),
    "t2.txt": ("Taiwan widens foundry order ban", "Island Tech Courier", "2026-07-21",
               "TAIPEI — Taiwan's economics ministry now bars local foundries from taking orders from fifteen mainland "
               "chip design houses linked to military suppliers, up from twelve in June.\n\n"
               "Foundries said the change affects few orders."),
    # a later total of another measure (tonnes of sand, not detained sailors) revises nothing
    "s3.txt": ("Dredging off Luzon", "Manila Harbour Wire", "2026-05-20",
               "The Chinese-flagged dredger removed about 3,000 tonnes of sand near Scarborough Shoal, bringing the "
               "total dredged this year to forty thousand tonnes, the coast guard said.\n\n"
               "Fishermen have complained for months."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("answer_revised_spelled"), ARTICLES)


# on main the older count led all three
@pytest.mark.parametrize("question, new, old", [
    ("How many people have been charged in the Daemyung Display fine metal mask leak case?", "seven", "five people"),
    ("How many crew members of the Chinese-flagged sand dredger has the Philippine Coast Guard detained near "
     "Scarborough Shoal?", "nine", "four crew"),
    ("How many mainland chip design houses are Taiwan's foundries barred from taking orders from?", "fifteen", "12 "),
])
def test_the_later_spelled_count_leads_the_answer(engine, question, new, old):
    brief = engine.write(question, template="answer")
    first = brief.sections[0].claims[0].text
    assert new in first and old not in first, first


@pytest.mark.parametrize("text, figures", [
    ("charged two more, bringing the number of suspects to seven", {"7"}),
    ("raising the number of crew members detained to Nine", {"9"}),
    ("bringing the number of suspects to 7", {"7"}),
    ("bringing the number of suspects to seventeen", {"17"}),
])
def test_a_spelled_running_total_is_read(text, figures):
    assert _cumulative_figures(text) == figures


@pytest.mark.parametrize("text, figures", [
    ("fifteen houses, up from twelve in June", {"12"}),
    ("15 houses, up from 12 in June", {"12"}),
    ("a two-thirds majority, up from one", set()),
])
def test_a_spelled_replaced_figure_is_read(text, figures):
    assert _revised_figures(text) == figures


@pytest.mark.parametrize("text, figures", [
    ("charged five people", {"5"}),
    ("one of the five suspects", {"5"}),
    ("a six-month probe of 1,200 pages", {"1200"}),
    ("eighteen engineers in 2025", {"18"}),
])
def test_a_sentence_figures_are_digits_or_spelled_numbers(text, figures):
    assert _figures(text) == figures
