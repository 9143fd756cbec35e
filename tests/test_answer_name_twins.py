"""A question that names a body by its acronym is answered from the report that names it in full, and a report's
own "could not verify reports that …" is answered as unconfirmed.

s64's fresh user (F14): "Has TSMC built a gallium stockpile?" over "We were unable to verify reports that Taiwan
Semiconductor Manufacturing Co. had built a stockpile of gallium." was answered "The corpus has no evidence": the
answer writer read "TSMC" as a word no sentence holds. The kind: an entity asked by its acronym (TSMC, SMIC, KISA,
BOJ) when the article names it in full. The answer reads the question's names in the evidence's forms (the checker's
known twins, ``rag.support.name_readings.twin_reading``, ``data/name_twins.toml``), and a source's own
non-confirmation of a report ("could not independently confirm reports that …") tells the act only as possible:
the sources do not say whether it was done (``polar_questions.toml`` [intent] ``reported``). An abbreviation's period
inside a sentence ("… Corp. had bought …") ends no clause (``rag.support.polarity.polarity_tokens``).

Articles written for this test; none is from the shared data.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed

from rag.render import answer_with_sources
from rag.support.polarity import polarity_tokens
from rag.writers.answer_verdict import intent_kind

ARTICLES = {
    "01_smic.txt": ("Singapore probes shell company over chip scanner purchases", "Straits Ledger", "2026-02-17",
                    "SINGAPORE - Singapore police are investigating a shell company over two lithography scanners "
                    "shipped to Shanghai last year.\n\nWe could not independently confirm reports "
                    "that Semiconductor Manufacturing International Corp. had bought the scanners through the shell "
                    "company. The company did not respond to questions."),
    "02_kisa.txt": ("Korean agency detects intrusion at chip designer", "Seoul Herald", "2026-04-08",
                    "SEOUL - The Korea Internet & Security Agency detected an intrusion into the network of a fabless "
                    "chip designer in Pangyo on Monday and alerted police, officials said.\n\nThe attackers copied "
                    "design files for a memory controller, the agency said."),
    "03_boj.txt": ("Bank of Japan raises policy rate to 0.75%", "Tokyo Ledger", "2026-01-23",
                   "TOKYO - The Bank of Japan raised its short-term policy rate to 0.75% on Friday, its first hike "
                   "in a year, citing steady wage gains.\n\nGovernor Kazuo Ueda said further hikes would depend on "
                   "prices."),
    "04_tsmc.txt": ("Dresden chip plant opens", "Rhine Wire", "2026-09-09",
                    "DRESDEN - Taiwan Semiconductor Manufacturing Company opened its first European plant in "
                    "Dresden on Tuesday, with Chancellor Friedrich Merz in attendance.\n\nThe plant will make chips "
                    "for car makers."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("name-twins"), ARTICLES)


@pytest.mark.parametrize("question, lead", [
    ("Did KISA detect an intrusion at a chip designer in Pangyo?", "Yes"),
    ("Has the BOJ raised its policy rate to 0.75%?", "Yes"),
    ("Did TSMC open a plant in Dresden?", "Yes"),
])
def test_a_body_asked_by_its_acronym_is_found_by_its_full_name(engine, question, lead):
    brief = engine.write(question, template="answer")
    shown = answer_with_sources(brief)
    assert not brief.abstained, shown
    assert shown.startswith(lead), shown


def test_a_report_the_source_could_not_confirm_is_no_yes(engine):
    brief = engine.write("Has SMIC bought lithography scanners through a Singapore shell company?", template="answer")
    shown = answer_with_sources(brief)
    assert not shown.startswith(("Yes", "No")), shown
    assert "could not independently confirm reports" in shown, shown


@pytest.mark.parametrize("claim, sentence", [
    ("the minister has resigned", "Police could not confirm reports that the minister had resigned."),
    ("Huawei bought the plant", "Reporters were unable to verify claims that Huawei had bought the plant."),
    ("the army fired the missile", "We cannot independently verify that the army fired the missile."),
])
def test_a_sources_non_confirmation_tells_the_act_only_as_possible(claim, sentence):
    assert intent_kind(claim, sentence) == "possible"


@pytest.mark.parametrize("text, tokens", [
    ("Samsung Electronics Co. had built it.", ["samsung", "electronics", "co", "had", "built", "it", "."]),
    ("It was sold to Acme Inc. Shares fell.", ["it", "was", "sold", "to", "acme", "inc", ".", "shares", "fell", "."]),
])
def test_an_abbreviations_period_inside_a_sentence_is_no_token(text, tokens):
    assert polarity_tokens(text) == tokens
