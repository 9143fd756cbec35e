"""A list question whose story counts the members and names none is answered with what the story says and what it
does not.

s30's fresh user: "Which companies were affected by China's export restrictions?" quoted "China Imposes Export
Restrictions on 20 Japanese Firms …" and the strategic-move sentence, and never said that no firm is named. The
kind: the sources give a count of the asked class ("20 Japanese firms"), not its members; the answer is partial:
"<source> reports: “…” [1]; none of the sources gives the names of the companies." A sentence that lists the
members, or names one after "including", answers; a count of another class ("20 materials" for "which companies")
is not read as this kind.

Unit level: ``list_members.counts_without_naming`` and ``class_noun``. End to end: the sample corpus and two short
articles written for this test, through ``Engine.write``.
"""

from __future__ import annotations

import re

import pytest

from conftest import engine_over_texts

from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.writers.answer_value import asked_value
from rag.writers.list_members import asks_source_list, class_noun, counts_without_naming


def _member(question: str) -> frozenset[str]:
    return asked_value(question).member


COMPANIES = "Which companies were affected by China's export restrictions?"


@pytest.mark.parametrize("question, sentence, counts", [
    # a count of the class (or of a noun of its group: "firms" for "companies"), no member named
    (COMPANIES, "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo", True),
    (COMPANIES, "The Chinese government’s restriction on dual-use exports to 20 Japanese companies is a strategic move.",
     True),
    ("Which firms did Washington add to the Entity List?",
     "Washington added 36 Chinese firms to its Entity List on Thursday, the Commerce Department said.", True),
    ("Which companies were fined?", "The regulator fined 12 chip makers a total of $40 million.", True),
    ("Which individuals were sanctioned?", "The EU sanctioned 11 individuals over the attack.", True),
    # the members named: a list of names, or one after "including"
    (COMPANIES, "China restricted exports to 20 Japanese companies, including Subaru and JAXA.", False),
    (COMPANIES, "China restricted exports to three companies: Mitsubishi Heavy Industries, Subaru and ENEOS.", False),
    ("Which firms did Washington add to the Entity List?",
     "Washington added 36 Chinese firms to its Entity List, including YMTC and Hikvision.", False),
    # no count of the class: another class counted, or none
    (COMPANIES, "Japan restricted exports of 3 materials to South Korea.", False),
    (COMPANIES, "China restricted dual-use exports to Japanese companies.", False),
    ("Which materials did Japan restrict?", "China restricted exports to 20 Japanese companies.", False),
    # a class of no named members: a count of it is the measure asked for, not a list left out (seed qa-024)
    ("What semiconductor self-sufficiency targets does Made in China 2025 set?",
     "The plan targets 40 percent of semiconductors made at home by 2020 and 70 percent by 2025.", False),
    ("Which materials did Japan restrict?", "Japan restricted exports of 3 materials to South Korea.", False),
])
def test_a_count_of_the_asked_class_names_no_member(question, sentence, counts):
    assert counts_without_naming(sentence, _member(question)) is counts


@pytest.mark.parametrize("question, noun", [
    (COMPANIES, "companies"),
    ("Which Japanese companies did China restrict?", "companies"),
    ("Which firms did Washington add to the Entity List?", "firms"),
    ("Which materials did Japan restrict?", None),  # materials are no class of named members
    ("What semiconductor self-sufficiency targets does Made in China 2025 set?", None),
])
def test_the_class_is_named_as_the_question_names_it(question, noun):
    assert class_noun(question, _member(question)) == noun


@pytest.mark.parametrize("question, lists", [
    ("Which companies are named as key entities in the brief?", True),
    ("Which firms does the report list?", True),
    ("Which companies were mentioned?", True),
    (COMPANIES, False),
    ("Which Japanese companies did China restrict?", False),
    ("Which firms did Washington add to the Entity List?", False),  # a name, not a listing word
])
def test_a_question_may_ask_for_the_sources_own_list(question, lists):
    assert asks_source_list(question) is lists


# -- end to end ---------------------------------------------------------------------------------------------------


def _shown(engine: Engine, question: str) -> str:
    return answer_with_sources(engine.write(question, template="answer"))


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question", [
    # the source's own list is asked for: it may stand in a passage the evidence did not read (followups fu-019#1)
    "Which companies are named as key entities in the brief on China's export restrictions on Japanese firms?",
    "Which companies does the brief list?",
])
def test_a_question_asking_for_the_sources_own_list_is_not_answered_with_its_absence(sample_engine, question):
    assert "names of the" not in _shown(sample_engine, question)


@pytest.mark.parametrize("question", [
    COMPANIES,
    "Which Japanese companies did China restrict?",
    "Which Japanese firms did China restrict dual-use exports to?",
])
def test_the_sample_corpus_counts_the_firms_and_its_own_list_of_key_entities_names_them(sample_engine, question):
    """s34: the count is no longer the whole answer: the same article lists its key entities (six companies) under
    its own caption (``tests/test_list_answers.py``); s30-s33 said "none … gives the names". s35: the caption does
    not say the listed companies are the restricted ones, so the list comes with that caveat and the answer stays
    partial: the count, what none of the sources gives, the list under its caption, what none of them says. s45: the
    names none gives are those of the companies the question asks about, with its act ("… of the companies China
    restricted"), not those the list then gives."""
    brief = sample_engine.write(question, template="answer")
    shown = _shown(sample_engine, question)
    assert brief.abstained and "20 Japanese" in shown, shown
    assert re.search(r"gives the names of the (companies|firms) (China restricted|that were affected)", shown), shown
    assert "lists Mitsubishi Heavy Industries," in shown and "under “Key Individuals and Entities” [1]" in shown, shown
    assert "none of the sources says which of them" in shown, shown


WRITTEN = {
    "01_entity_list.md": (
        "# Washington adds 36 Chinese firms to Entity List\n\nPublished: 2022-12-16\n\n"
        "Washington added 36 Chinese firms to its Entity List on Thursday, the Commerce Department said. The move "
        "bars American suppliers from shipping technology to the firms without a licence.\n"),
    "02_seoul_suppliers.md": (
        "# Seoul names chip suppliers for new hub\n\nPublished: 2022-11-02\n\n"
        "Seoul named 12 companies, including Hanwha and Doosan, as suppliers for its new chip hub on Tuesday. The "
        "industry ministry said the suppliers would receive tax credits.\n"),
}


@pytest.fixture(scope="module")
def written_engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("count-only"), WRITTEN)


def test_a_written_count_is_a_partial_answer(written_engine):
    shown = _shown(written_engine, "Which Chinese firms did Washington add to the Entity List?")
    first = shown.split("\n\n")[0]
    assert "36 Chinese firms" in first, shown
    assert first.endswith("none gives the names of the firms."), shown  # an unnamed publisher: "The sources report"


def test_a_written_count_with_its_members_named_is_answered(written_engine):
    shown = _shown(written_engine, "Which companies did Seoul name as suppliers for its chip hub?")
    assert "Hanwha and Doosan" in shown.split("\n\n")[0], shown
    assert "names of the" not in shown, shown
