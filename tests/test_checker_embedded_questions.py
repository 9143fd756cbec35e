"""An embedded question is no assertion: "The SEC is investigating whether Kestrel Capital misled investors" does not
say that Kestrel Capital misled investors. A claim that states the question's predicate as fact draws on a question
(the ``question`` signal, as for a passage that ends in "?"; new user s65 F6). Cues and openers:
``rag/support/data/embedded_questions.toml``."""

from __future__ import annotations

import pytest

from rag.support.embedded_questions import embedded_question

SEC = "The SEC is investigating whether Kestrel Capital misled investors about its crypto holdings."
TOKAI = "Japanese prosecutors examined whether the Tokai Shipping executives had bribed port officials in Kobe."
VANTOR = "The European Commission will decide if the Vantor acquisition breaches EU merger rules."
CAC = ("The review, launched on February 24 under China's Cybersecurity Review Measures, examined whether Arvenna's "
       "DRAM and NAND products posed \"serious network security risks\" to critical information infrastructure operators.")
OFCOM = "Ofcom is assessing whether the Zelta app exposed children to harmful content, the regulator said."
INDIA = "It remains unclear whether India's central bank will cut rates in June."


@pytest.mark.parametrize("passage, claim", [
    (SEC, "Kestrel Capital misled investors about its crypto holdings."),
    (TOKAI, "Tokai Shipping executives bribed port officials in Kobe."),
    (VANTOR, "The Vantor acquisition breaches EU merger rules."),
    (CAC, "Arvenna's DRAM and NAND products posed serious network security risks."),
    (OFCOM, "The Zelta app exposed children to harmful content."),
    (INDIA, "India's central bank will cut rates in June."),
])
def test_a_question_stated_as_fact_is_asked_not_stated(passage, claim):
    reason = embedded_question(claim, passage)
    assert reason is not None and reason.startswith("passage asks, does not state")


@pytest.mark.parametrize("passage, claim", [
    (SEC, "The SEC is investigating whether Kestrel Capital misled investors."),
    (SEC, "The SEC is investigating Kestrel Capital over its crypto holdings."),
    (TOKAI, "Prosecutors looked into whether Tokai Shipping executives bribed port officials."),
    (VANTOR, "The European Commission will rule on the Vantor acquisition."),
    (OFCOM, "Ofcom says the Zelta app may have exposed children to harmful content."),
    ("The Pentagon is weighing whether to deploy up to 5,000 troops to Romania, an official said.",
     "The Pentagon is considering deploying as many as 5,000 troops to Romania."),
    ("Regulators examined whether the bank breached the rules and found that it breached them twice.",
     "The bank breached the rules twice."),
    ("If the strike continues, the port will close.", "The port will close if the strike continues."),
])
def test_a_claim_that_keeps_the_question_or_a_statement_is_not_flagged(passage, claim):
    assert embedded_question(claim, passage) is None


def test_the_checker_rejects_a_question_stated_as_fact(checker):
    from tests.checker_pairs import misjudged

    rows = [(claim, passage, False) for passage, claim in [
        (SEC, "Kestrel Capital misled investors about its crypto holdings."),
        (TOKAI, "Tokai Shipping executives bribed port officials in Kobe."),
        (OFCOM, "The Zelta app exposed children to harmful content."),
    ]] + [(claim, passage, True) for passage, claim in [
        (SEC, "The SEC is investigating whether Kestrel Capital misled investors about its crypto holdings."),
        (TOKAI, "Japanese prosecutors examined whether Tokai Shipping executives had bribed port officials in Kobe."),
    ]]
    assert misjudged(checker, rows) == []
