"""An acronym a report defines in parentheses, in either order, is read as its definition.

"the amended Foreign Exchange and Foreign Trade Act (FEFTA)", "shipments of ammonium paratungstate (APT)", "METI (the
Ministry of Economy, Trade and Industry)": ``rag.text.initials.defined_acronyms`` reads the definition (the fewest last
words holding the acronym's letters in order, Schwartz and Hearst 2003), and ``acronym_form`` gives the form a text
writes an acronym in: its definition, the name its initials spell, or a field expansion of
``data/field_acronyms.toml`` the text writes where it writes no acronym ("APT" for "ammonium paratungstate"). The
answer writer and the checker read a question's or a claim's acronym through it alike
(``rag.support.name_readings.acronym_reading``), so "What is FEFTA?" meets the text that defines it. Texts written for
this file (s67 user's F12 is one example of the kind).
"""

from __future__ import annotations

import pytest

from rag.support.name_readings import acronym_reading
from rag.text.initials import acronym_form, defined_acronyms
from tests.conftest import answer_of, engine_over_articles


@pytest.mark.parametrize("text, acronym, definition", [
    ("Seoul tightened the Industrial Technology Protection Act (ITPA) in March.", "ITPA",
     "Industrial Technology Protection Act"),
    ("Shipments of ammonium paratungstate (APT) rose.", "APT", "ammonium paratungstate"),
    ("It buys high-bandwidth memory (HBM) from two suppliers.", "HBM", "high-bandwidth memory"),
    ("The listing came from the Bureau of Industry and Security (BIS) on Friday.", "BIS",
     "Bureau of Industry and Security"),
    ("KOTRA (the Korea Trade-Investment Promotion Agency) said orders rose.", "KOTRA",
     "the Korea Trade-Investment Promotion Agency"),
    ("Taiwan's Investment Commission (MOEAIC) rejected the bid.", "MOEAIC", None),  # letters not in its words
    ("Prices of rare earth elements (REEs) rose 12% in May.", "REEs", "rare earth elements"),
    ("Shipments under HS code 8486 (SME) fell.", "SME", None),
])
def test_a_parenthesised_definition_is_read_in_either_order(text, acronym, definition):
    assert defined_acronyms(text).get(acronym) == definition


@pytest.mark.parametrize("text", [
    "SEOUL (Reuters) - Samsung said on Monday that output rose.",
    "Exports of the tools (HS 8486) fell 9% in June, customs said.",
    "The ministry (which regulates exports) said nothing.",
])
def test_a_parenthesis_that_defines_nothing_gives_no_acronym(text):
    assert defined_acronyms(text) == {}


def test_the_form_a_text_gives_an_acronym():
    assert acronym_form("ITPA", "under the Industrial Technology Protection Act (ITPA), leaks") == (
        "Industrial Technology Protection Act (ITPA)")
    assert acronym_form("TAO", "China's Taiwan Affairs Office said on Monday.") == "Taiwan Affairs Office"
    # a field acronym the text writes only in full ("data/field_acronyms.toml")
    assert acronym_form("APT", "Shipments of ammonium paratungstate rose to 310 tonnes.") == "ammonium paratungstate"
    assert acronym_form("EUV", "Its extreme ultraviolet tools ship in May.") == "extreme ultraviolet"
    # the text writes the acronym and defines it nowhere, or goes on writing it after its definition: the acronym
    # is the text's own form, nothing to read in
    assert acronym_form("EUV", "EUV tools ship in May.") is None
    assert acronym_form("ITPA", "the Industrial Technology Protection Act (ITPA) was amended. The ITPA now …") is None


@pytest.mark.parametrize("question, passage, read", [
    ("What is the ITPA?", "Seoul tightened the Industrial Technology Protection Act (ITPA) in March.",
     "What is the Industrial Technology Protection Act (ITPA)?"),
    ("How many tonnes of LFP did Hunan export?", "Hunan exported 84 tonnes of lithium iron phosphate in May.",
     "How many tonnes of lithium iron phosphate did Hunan export?"),
    # a question that writes the definition itself is left as it is
    ("What is the Industrial Technology Protection Act (ITPA)?",
     "Seoul tightened the Industrial Technology Protection Act (ITPA) in March.",
     "What is the Industrial Technology Protection Act (ITPA)?"),
])
def test_the_writer_and_checker_read_a_defined_acronym_as_the_passage_gives_it(question, passage, read):
    assert acronym_reading(question, passage) == read


ARTICLES = [
    ("01_kr.md", "2026-06-03", "Seoul widens technology leak penalties",
     "South Korea's parliament passed amendments to the Industrial Technology Protection Act (ITPA) on Tuesday, "
     "raising the maximum fine for leaking national core technology to 6.5 billion won. The amendments take effect "
     "in December."),
    ("02_cn.md", "2026-06-04", "Hunan cathode exports slip",
     "Hunan exported 84 tonnes of lithium iron phosphate cathode material in May, down from 97 tonnes in April, "
     "customs data showed. Exports of graphite anodes rose to 1,200 tonnes."),
    ("03_tw.md", "2026-06-05", "Taipei reviews chip-tool listing",
     "Taiwan's economics ministry said on Thursday it was reviewing a request to list two Chinese toolmakers. A "
     "decision is due in July."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("acronym_definitions"), ARTICLES)


def test_what_is_a_defined_acronym_is_answered_from_its_definition(engine):
    assert "Industrial Technology Protection Act (ITPA)" in answer_of(engine, "What is the ITPA?", "2026-06-10")


def test_a_field_acronym_finds_the_report_writing_it_in_full(engine):
    assert "84 tonnes of lithium iron phosphate" in answer_of(
        engine, "How many tonnes of LFP did Hunan export in May?", "2026-06-10")
