"""A yes/no question on a rule that obliges only under a condition, or limits without banning, is answered with what
the rule says, cited to the sentence that says it.

* Kind (issue 10; the s69 new user's yes/no questions on rule texts): "Must operators stop using Chinese-made
  equipment?" over "… operators must verify or replace equipment from vendors designated high-risk" was "No."; an
  obligation stated with its condition ("unless", "only if", "except") or as one of two acts ("verify or replace") is
  neither a plain Yes nor a plain No. "Is it a ban?" over "None of the measures is an outright ban; exporters need a
  licence …" was "Yes." from the lede (the act family reads "added … to its export control list" as "banned"); a
  "No." was quoted from a context sentence that negates nothing ("Smaller tenders remain open …. The measure does not
  apply …").
* Mechanism (``rag.writers.answer_verdict``, ``polar_questions.toml`` v8): ``conditional_obligation`` (the
  ``[condition]`` table: obligation cues, condition words, alternatives; the answer leads with its ``verdict``, "Only
  under conditions"); ``own_word_undone`` with ``[negative_subject]`` ``predicate_articles`` ("None of … is an
  outright ban"), which outweighs a "Yes" told only by a word of the act's family; ``predicate_noun`` for a copular
  question's noun ("Is the rule … a ban?"); ``deciding_sentence`` and ``Verdict.sentence(negates=…)`` quote the
  sentence that carries the negation.
* End to end through ``Engine.write(…, template="answer")`` (the ``ask`` path) over short rule reports written for
  this test: Taiwan, Japan, South Korea, China, the US and the EU.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_verdict import (act_undone, conditional_obligation, outright_obligation, polar_question,
                                        predicate_noun, without_verdict)

ARTICLES = [
    ("01_taiwan.md", "2026-10-14", "Taiwan sets rule on high-risk base-station gear",
     "Taiwan's National Communications Commission on Tuesday issued a rule on base-station equipment used by the "
     "island's mobile operators.\n\n"
     "Under the rule, operators must verify or replace equipment from vendors designated high-risk by the commission "
     "before the end of 2028.\n\n"
     "Industry officials said operators still run thousands of base stations with Chinese-made components."),
    ("02_japan.md", "2026-09-02", "Japan widens controls on wafer cleaning tools",
     "Japan's trade ministry on Friday added 12 types of wafer cleaning and inspection tools to its export control "
     "list.\n\n"
     "None of the measures is an outright ban; exporters need a licence from the ministry for each shipment.\n\n"
     "The ministry said licence applications would be reviewed within 90 days."),
    ("03_korea.md", "2026-08-19", "South Korea tightens rule on location data",
     "South Korea's Personal Information Protection Commission on Wednesday adopted a rule that requires app "
     "operators to store Korean users' location data on servers inside the country.\n\n"
     "The rule would not affect contracts signed before March 1, 2026, the commission said.\n\n"
     "Operators that breach it face fines of up to 3 percent of revenue."),
    ("04_eu.md", "2026-11-05", "EU limits Chinese medical devices in public tenders",
     "The European Commission on Thursday barred Chinese suppliers from EU public tenders for medical devices worth "
     "more than 5 million euros.\n\n"
     "Smaller tenders remain open to Chinese bidders. The measure does not apply to devices already in use in "
     "hospitals.\n\n"
     "China's commerce ministry said it would respond."),
    ("05_china.md", "2026-06-10", "China adds graphite anodes to export licence list",
     "China's commerce ministry on Sunday added synthetic graphite anode materials to its export licence list.\n\n"
     "Exporters must apply for a licence unless the shipment is below 100 kilograms.\n\n"
     "The ministry said the rule is not aimed at any country."),
    ("06_us.md", "2026-07-22", "US orders cloud providers to check foreign AI customers",
     "The US Commerce Department on Monday issued a rule on foreign customers of American cloud computing firms.\n\n"
     "Cloud providers must verify the identity of foreign customers only if they rent more than 1,000 AI chips.\n\n"
     "Providers must report each verified customer to the department within 30 days."),
    ("07_korea_battery.md", "2026-04-08", "Seoul requires approval for battery technology sales",
     "South Korea's industry ministry on Wednesday designated cathode coating processes as national core "
     "technology.\n\n"
     "Battery makers must obtain government approval before selling the technology abroad, except to joint ventures "
     "in which they hold a majority stake.\n\n"
     "LG Energy Solution and Samsung SDI said they would comply."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("verdict_conditional"), ARTICLES)


def ask(engine, question: str) -> str:
    brief = engine.write(question, template="answer")
    return brief.message if brief.abstained else answer_text(brief)


def quote_of(text: str) -> str:
    """The answer's first quote: after its verdict, before the next sentence of another source."""
    return without_verdict(text)


# -- the readers --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("claim, sentence", [
    ("operators must stop using Chinese-made equipment",
     "Under the rule, operators must verify or replace equipment from vendors designated high-risk."),
    ("Chinese exporters must get a licence for every graphite anode shipment",
     "Exporters must apply for a licence unless the shipment is below 100 kilograms."),
    ("cloud providers have to verify the identity of all foreign customers",
     "Cloud providers must verify the identity of foreign customers only if they rent more than 1,000 AI chips."),
    ("battery makers have to obtain approval to sell the technology abroad",
     "Battery makers must obtain government approval before selling the technology abroad, except to joint "
     "ventures in which they hold a majority stake."),
])
def test_an_obligation_under_a_condition_is_read(claim, sentence):
    assert conditional_obligation(claim, sentence) == (0, len(sentence))


@pytest.mark.parametrize("claim, sentence", [
    # stated outright: no condition, no alternative act
    ("providers must report each verified customer", "Providers must report each verified customer to the "
                                                     "department within 30 days."),
    # the claim asks no obligation
    ("operators replaced Chinese-made equipment", "Operators must verify or replace equipment from listed vendors."),
    # another party's obligation
    ("operators must stop using Chinese-made equipment", "Vendors must disclose or remove the components if asked."),
    # an alternative of objects, not of acts
    ("exporters must report shipments", "Exporters must report Chinese or Russian buyers to the ministry."),
])
def test_other_sentences_are_no_conditional_obligation(claim, sentence):
    assert conditional_obligation(claim, sentence) is None


def test_an_obligation_stated_outright_by_its_own_verb_outweighs_another_acts_condition():
    claim = "cloud providers must report each verified customer to the department"
    assert outright_obligation(claim, "Providers must report each verified customer to the department within 30 days.")
    assert not outright_obligation(claim, "Providers must report or delete each verified customer record.")
    assert not outright_obligation(claim, "Cloud providers must verify each customer only if they rent 1,000 chips.")


@pytest.mark.parametrize("sentence", [
    "None of the measures is an outright ban; exporters need a licence from the ministry.",
    "No part of the order is a ban on sales.",
    "Neither rule is a full ban.",
])
def test_a_negative_subject_denies_a_copulas_predicate_noun(sentence):
    assert act_undone("banned", sentence) == "negated"


@pytest.mark.parametrize("sentence", ["The measures are an outright ban on sales.",
                                      "Officials said the order is a ban in all but name."])
def test_a_predicate_noun_told_is_not_denied(sentence):
    assert act_undone("banned", sentence) is None


@pytest.mark.parametrize("question, claim, noun", [
    ("Is Japan's new rule on wafer cleaning tools a ban?", "Japan's new rule on wafer cleaning tools is a ban", "ban"),
    ("Is the plant in Kumamoto a joint venture?", "the plant in Kumamoto is a joint venture", "venture"),
    ("Is the measure an outright ban on exports?", "the measure is an outright ban on exports", "ban"),
    ("Is Taiwan in a dispute with China?", "Taiwan is in a dispute with China", ""),
    ("Is the new rule in force?", "the new rule is in force", ""),
])
def test_a_copular_questions_noun_predicate(question, claim, noun):
    polar = polar_question(question)
    assert (polar.claim, predicate_noun(polar.claim)) == (claim, noun)


# -- end to end ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, quote", [
    ("Must operators stop using Chinese-made equipment?", "operators must verify or replace equipment"),
    ("Do Taiwanese operators have to replace Chinese-made equipment?", "operators must verify or replace equipment"),
    ("Must Chinese exporters get a licence for every graphite anode shipment?",
     "Exporters must apply for a licence unless the shipment is below 100 kilograms."),
    ("Do exporters have to apply for a licence for graphite anode shipments?",
     "Exporters must apply for a licence unless the shipment is below 100 kilograms."),
    ("Must US cloud providers verify the identity of all foreign customers?",
     "only if they rent more than 1,000 AI chips"),
    ("Do Korean battery makers have to get government approval to sell the technology abroad?",
     "except to joint ventures in which they hold a majority stake"),
])
def test_a_conditional_obligation_is_answered_with_its_condition(engine, question, quote):
    text = ask(engine, question)
    assert text.startswith("Only under conditions. ") and quote in quote_of(text).split("\n")[0], text


@pytest.mark.parametrize("question", [
    "Is Japan's new rule on wafer cleaning tools a ban?",
    "Did Japan ban exports of wafer cleaning tools?",
    "Is Japan's export rule an outright ban?",
])
def test_a_class_negation_of_the_ban_is_the_no(engine, question):
    text = ask(engine, question)
    assert text.startswith("No. None of the measures is an outright ban"), text


@pytest.mark.parametrize("question, quote", [
    ("Will South Korea's location data rule affect existing contracts?",
     "The rule would not affect contracts signed before March 1, 2026"),
    ("Does the EU measure apply to devices already in use in hospitals?",
     "The measure does not apply to devices already in use in hospitals."),
])
def test_a_no_is_quoted_from_the_sentence_that_negates(engine, question, quote):
    text = ask(engine, question)
    assert text.startswith(f"No. {quote}"), text


@pytest.mark.parametrize("question, quote", [
    ("Did Japan add 12 types of wafer cleaning and inspection tools to its export control list?",
     "added 12 types of wafer cleaning"),
    # stated outright by its own verb: another act's condition in the same report does not make it conditional
    ("Must cloud providers report each verified customer to the department?",
     "Providers must report each verified customer"),
])
def test_a_plain_act_or_obligation_is_still_the_yes(engine, question, quote):
    text = ask(engine, question)
    assert text.startswith("Yes. ") and quote in text, text
