"""A yes/no question on a completed act is no "Yes." on a sentence that tells the act only as intended.

* Kind (s33 "Seen and left alone", h/polar-s33): "Did Seoul file a complaint with the WTO?" was "Yes." on "… said that
  Seoul plans to file a complaint with the WTO": the checker supported the claim over its modality signal. A plan, an
  announcement, a vow, a threat, a "will" or an "is considering" tells what someone means to do, not that it was done.
* ``intent_only`` reads a sentence whose intent cue (the checker's modality cues, read as they are, and
  ``polar_questions.toml`` [intent]) governs the claim's done verb; the verdict is then "planned": neither supported nor
  contradicted, and the answer says "The sources do not say whether … They report it only as intended or announced,
  not as done: “…”".
* Not intent: a sentence that also tells the act done ("…, which had threatened to recall …, recalled him …"), a
  refusal ("will not file": the contrary), a claim that itself plans or hedges ("Will Seoul file …?").
* End to end over three short news articles written for this test (tests/data/intent/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.abstention_text import partial_message, partial_parts
from rag.writers.answer_verdict import INTENDED, intent_only, judge

DATA = Path(__file__).resolve().parent / "data" / "intent"
FILED = "Seoul filed a complaint with the WTO"


@pytest.mark.parametrize("sentence", [
    "The South Korean Ministry of Trade, Industry and Energy said that Seoul plans to file a complaint with the WTO.",
    "Seoul vowed to file a complaint with the WTO.",
    "Seoul will file a complaint with the WTO next week, officials said.",
    "Seoul is considering filing a complaint with the WTO.",
    "Moon said Seoul would file a complaint with the WTO.",
    "Seoul threatened to file a complaint with the WTO.",
    "Seoul is weighing filing a complaint with the WTO.",
    "Seoul pledged to file a complaint with the WTO within a month.",
    "Seoul is set to file a complaint with the WTO.",
    "Seoul announced plans to file a complaint with the WTO.",
])
def test_a_sentence_of_intent_tells_the_done_act_only_as_intended(sentence):
    assert intent_only(FILED, sentence)


@pytest.mark.parametrize("claim, sentence", [
    ("the police detained the activist", "Police plan to detain the activist on his return."),
    ("Japan retaliated against the tariffs", "Tokyo threatened to retaliate against the tariffs."),
    ("Japan lifted the ban on rice imports", "Japan is expected to lift the ban on rice imports next month."),
    ("the activist was detained", "Police said they intend to have the activist detained."),
    ("Vesper recalled its ambassador", "Vesper may recall its ambassador."),
    ("Tokyo has scrapped the curbs", "Tokyo wants to scrap the curbs by June."),
])
def test_the_kind_holds_for_other_acts_and_cues(claim, sentence):
    assert intent_only(claim, sentence)


@pytest.mark.parametrize("claim, sentence", [
    (FILED, "Seoul filed a complaint with the WTO on Monday."),  # done
    (FILED, "Seoul, which had vowed to file a complaint, filed it with the WTO on Monday."),  # intent, then done
    (FILED, "Seoul will not file a complaint with the WTO."),  # a refusal: the contrary, for the checker
    (FILED, "Seoul does not plan to file a complaint with the WTO."),
    (FILED, "Seoul has no plans to file a complaint with the WTO."),
    ("Seoul will file a complaint with the WTO", "Seoul plans to file a complaint with the WTO."),  # a planned claim
    ("Seoul plans to file a complaint with the WTO", "Seoul plans to file a complaint with the WTO."),
    ("the rule covers memory chips", "The rule will cover memory chips."),  # no done act asked about
    (FILED, "Seoul plans to raise tariffs after it filed a complaint with the WTO."),  # the cue governs another act
    ("The United States banned the exports", "The United States will review the exports."),  # a name is no verb
])
def test_no_intent_where_the_act_is_told_done_refused_or_not_asked_as_done(claim, sentence):
    assert not intent_only(claim, sentence)


PLANS = "The trade ministry said that Seoul plans to file a complaint with the WTO."
DONE = "Seoul filed a complaint with the WTO on Monday, the trade ministry said."


@pytest.mark.parametrize("claim, passages, outcome", [
    (FILED, [PLANS], "planned"),
    ("Seoul has filed a complaint with the WTO", [PLANS], "planned"),
    (FILED, ["Seoul vowed to file a complaint with the WTO."], "planned"),
    (FILED, ["Seoul will file a complaint with the WTO."], "planned"),
    (FILED, [PLANS, DONE], "supported"),  # another source says it was done
    (FILED, [DONE], "supported"),
])
def test_intent_is_no_yes_and_a_report_of_the_act_still_is(checker, claim, passages, outcome):
    verdict = judge(claim, passages, checker)
    assert verdict.outcome == outcome, verdict
    if outcome == "supported":
        assert passages[verdict.passage] == DONE


def test_the_undecided_answer_says_the_act_is_reported_only_as_intended():
    message = partial_message(PLANS, f"whether {FILED}{INTENDED}")
    assert message == (f"The sources do not say whether {FILED}. They report it only as intended or announced, not "
                       f"as done: “{PLANS}” [1]")
    assert partial_parts(message)[1:] == (PLANS, f"whether {FILED}")


def test_over_an_attributed_quote_the_answer_says_it_tells_only_the_intent():
    said_by = "Coastline Courier (report, 2023) reports"
    message = partial_message(PLANS, f"whether {FILED}{INTENDED}", said_by)
    assert message == (f"The sources do not say whether {FILED}. {said_by}: “{PLANS}” [1] — told only as intended or "
                       f"announced, not as done.")
    assert partial_parts(message) == (said_by, PLANS, f"whether {FILED}")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("intent") / "data", DATA)


@pytest.mark.parametrize("question, whether, says", [
    ("Did Norland file a complaint with the World Trade Organization?",
     "whether Norland filed a complaint with the World Trade Organization", "plans to file a complaint"),
    ("Did Ilse Brandvold impose retaliatory duties on Vesper's wine?",
     "whether Ilse Brandvold imposed retaliatory duties on Vesper's wine", "vowed to impose"),
    ("Did the Lindholm maritime agency close the port to container ships?",
     "whether the Lindholm maritime agency closed the port to container ships", "is considering closing"),
])
def test_ask_says_the_sources_report_only_the_intent(engine, question, whether, says):
    brief = engine.write(question, template="answer")
    assert brief.abstained, answer_text(brief)
    # said as reported (a news sentence judged for the verdict) or after the quote's attribution (a view)
    assert brief.message.startswith(f"The sources do not say {whether}. "), brief.message
    assert (brief.message.startswith(f"The sources do not say {whether}. They report it only as intended or announced, "
                                     f"not as done: “")
            or brief.message.endswith("[1] — told only as intended or announced, not as done.")), brief.message
    assert says in partial_parts(brief.message)[1]


@pytest.mark.parametrize("question, says", [
    ("Did Vesper recall its ambassador from Norland?", "recalled him from Norland on Sunday"),
    ("Did the agency fine the shipping firm Kestrel Lines?", "fined the shipping firm Kestrel Lines"),
])
def test_ask_still_says_yes_when_the_act_is_reported_done(engine, question, says):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text) == "Yes." and says in text
