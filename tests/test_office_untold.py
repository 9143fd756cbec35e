"""A "who holds the office?" question over sources that never name the office is not answered as if they did.

Kind (s70, fresh user F8): ``brief ask "Who is the CEO of Huaxin Advanced Packaging?"`` over a corpus that names
Huaxin only as added to the Entity List was answered (not abstained, no "none of the sources gives …") with two
sentences about the listing, which name other organisations but no CEO. A question asking who holds an office
(``answer_office.asked_office``: "Who is the CEO of X?", "Who is X's chairman?") needs a sentence that names the
office's title at all (``answer_office.names_office``: its head noun, "chief executive" read as "CEO"); when none of
the evidence does, what the sources say is quoted and the answer says that none gives the holder's name (or it
abstains). A sentence that names the title, with or without a holder beside it, is answered as before (s39: "… including
the company's CEO Parag Agrawal" answers "Who is the CEO of Twitter?"); an office asked by its body ("Who heads …?")
may be answered by an act and is left alone.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed

from evals.rtqa_answers import answer_text
from rag.writers.answer_office import asked_office, names_office

ARTICLES = {
    "01_listing.txt": (
        "Commerce adds three Chinese packaging firms to Entity List", "Trade Ledger", "2026-10-02",
        "The Commerce Department added Dongrui Advanced Packaging and two affiliates to the Entity List on Tuesday, "
        "citing hybrid bonding services supplied to a military end user.\n\n"
        "Officials said Meridian Substrate, a supplier in Penang, had shipped bonding tools to Dongrui through a "
        "distributor in Hong Kong.\n\n"
        "The rule takes effect on October 9 and requires a license for all items subject to the regulations."),
    "02_fab.txt": (
        "Qinling Photonics opens wafer plant in Xi'an", "Chip Desk", "2026-09-14",
        "Qinling Photonics opened a compound semiconductor wafer plant in Xi'an on Monday, the company said.\n\n"
        "Provincial officials attended the ceremony, and analyst Wen Jiaqi of Harbour Research said the plant would "
        "supply laser chips to telecom equipment makers.\n\n"
        "The company did not disclose the cost of the plant."),
    "03_ceo.txt": (
        "Kestrel Memory names new leadership", "Chip Desk", "2026-09-20",
        "Kestrel Memory said on Friday that its chief executive, Ha Min-seo, will lead a review of its export "
        "compliance after a customs inquiry in Incheon.\n\n"
        "The inquiry concerns shipments of memory testing equipment to a distributor in Shenzhen."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("office_untold"), ARTICLES)


@pytest.mark.parametrize("question, sentence, names", [
    ("Who is the CEO of Dongrui Advanced Packaging?",
     "The Commerce Department added Dongrui Advanced Packaging to the Entity List.", False),
    ("Who is the CEO of Kestrel Memory?", "Kestrel Memory said its chief executive, Ha Min-seo, will lead a review.",
     True),  # "chief executive" is "CEO"
    ("Who is the chairman of Qinling Photonics?", "The company's chairman declined to comment.", True),  # no holder
    ("Who is Qinling Photonics' chairman?", "Analyst Wen Jiaqi said the plant would supply laser chips.", False),
])
def test_a_sentence_names_the_office_by_its_title(question, sentence, names):
    """Whether a sentence names the asked office's title at all, holder or not."""
    assert names_office(asked_office(question), sentence) is names


@pytest.mark.parametrize("question", [
    "Who is the CEO of Dongrui Advanced Packaging?",
    "Who is the chief executive of Meridian Substrate?",
    "Who is the chairman of Qinling Photonics?",
    "Who is Qinling Photonics' CEO?",
])
def test_an_office_no_source_names_is_not_answered_as_told(engine, question):
    """The sources name the organisation and other people but never the office: the answer is no answer, it abstains
    or says that none of the sources gives the name."""
    brief = engine.write(question, template="answer")
    if brief.abstained:
        return
    text = answer_text(brief)
    assert "none gives the name" in text, text


def test_an_office_a_source_names_is_answered(engine):
    """A source naming the title beside a name answers it as before."""
    brief = engine.write("Who is the CEO of Kestrel Memory?", template="answer")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert "Ha Min-seo" in text and "none gives" not in text, text
