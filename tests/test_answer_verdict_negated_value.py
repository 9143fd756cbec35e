"""A "No." is cited to the sentence that tells the asked thing and its negation together.

The kind (s66's fresh user, F17): "Did China grant any dysprosium licences for shipments to the United States in
October?" was answered "No." citing "China approved export licences for 41 tonnes of dysprosium oxide in October …"
(the checker's contrary: the United States is not in it) while the same article says "No licences for shipments to
the United States were granted in October". Two gaps: a negative determiner opening a long passive subject ("*No*
licences for shipments to the United States *were granted*") was not read as negating the act (the negator stands
more than ``NEGATION_REACH`` words before it), and a sentence telling the act as not done was read only after the
checker's contrary, never in its place. Now the sentence that negates the act and holds the very value the
contrary window lacks decides the "No" (the rest of the claim, which it elides, held by the two together).

Unit specs of ``answer_verdict.act_undone`` over sentences written for this test, then end to end through the real
Engine over three short articles written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.writers.answer_verdict import act_undone


@pytest.mark.parametrize("act, sentence", [
    ("granted", "No licences for shipments to the United States were granted in October, the data show."),
    ("approved", "None of the 14 requests filed by Dutch exporters in the first half was approved."),
    ("issued", "No permits for exports of the controllers to Belarus were issued in 2025."),
    ("imposed", "No penalties on agencies missing the deadline have been imposed so far."),
])
def test_a_negative_determiner_opening_a_passive_subject_negates_the_act(act, sentence):
    assert act_undone(act, sentence) == "negated", sentence


@pytest.mark.parametrize("act, sentence", [
    ("granted", "Licences for shipments to the United States were granted in October."),
    ("approved", "The ministry approved 14 requests filed by Dutch exporters, though none came from Eindhoven."),
])
def test_a_passive_act_without_a_negative_subject_is_not_negated(act, sentence):
    assert act_undone(act, sentence) is None, sentence


ARTICLES = {
    "01_nickel.md": (
        "# Indonesia's nickel ore export quotas shrink again\n\n"
        "Published: 2026-04-09 · Publisher: Jakarta Resources Wire\n\n"
        "Indonesia's energy ministry approved nickel ore export quotas for 2.1 million tonnes in March, down from 3.4 "
        "million tonnes in February, according to figures released on Wednesday. The Philippines-bound cargoes "
        "accounted for most of the total. No quotas for shipments to Chinese smelters were approved in March, the "
        "figures show. Smelter operators said they would draw on stockpiles.\n"),
    "02_permits.md": (
        "# Seoul's strategic-item permits rise in second quarter\n\n"
        "Published: 2026-07-15 · Publisher: Han River Trade Daily\n\n"
        "South Korea's trade ministry issued 312 strategic-item export permits in the second quarter, up from 280 in "
        "the first, the ministry said on Tuesday. Most covered machine tools bound for Vietnam and Mexico. No permits "
        "for shipments to Kazakhstan were issued in the second quarter, the ministry's data show.\n"),
    "03_bafa.md": (
        "# German export office publishes dual-use licence figures\n\n"
        "Published: 2026-03-02 · Publisher: Rhine Policy Review\n\n"
        "Germany's Federal Office for Economic Affairs and Export Control (BAFA) granted 1,204 dual-use export "
        "licences in 2025, its annual report shows. Licences for exports to Turkey rose by a third. No licences for "
        "exports to Iran were granted in 2025, the report says.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("negated_value"), ARTICLES)


@pytest.mark.parametrize("question, deciding", [
    ("Did Indonesia approve any nickel ore export quotas for shipments to Chinese smelters in March?",
     "No quotas for shipments to Chinese smelters were approved"),
    ("Did South Korea issue any strategic-item export permits for shipments to Kazakhstan in the second quarter?",
     "No permits for shipments to Kazakhstan were issued"),
    ("Did BAFA grant any dual-use export licences for exports to Iran in 2025?",
     "No licences for exports to Iran were granted"),
])
def test_the_no_is_cited_to_the_sentence_negating_the_asked_thing(engine, question, deciding):
    brief = engine.write(question, template="answer", history=[])
    assert not brief.abstained, brief.message
    text = " ".join(c.text for s in brief.sections for c in s.claims)
    assert text.startswith("No. "), text
    first = brief.sections[0].claims[0].text
    assert deciding in first, text
