"""A yes/no answer tells an act reported only as *possible* apart from one reported as intended or announced.

* Kind (s39, h/possible-s39): "Did Japan confirm that sensitive materials were illegally transferred to North Korea?"
  answered "… They report it only as intended or announced, not as done" over "Abe and his aides have hinted that there
  might have been illegal transfers …". A hint, a suggestion, an allegation, a "may have", "might", "could have",
  "possibly", "likely", "raised the possibility", "did not rule out", "is suspected of" tell a possibility, not an
  intention or an announcement.
* ``intent_kind`` says how a sentence tells the claim's done act as not done: "possible" for those cues (the checker's
  possibility cues and hedging report verbs, and ``polar_questions.toml`` [intent] ``possibility``; a report verb or a
  possibility phrase governs the clause after it), "planned" for a plan, vow, "will", "would", "is considering" (the
  cue nearest the act decides: "hinted that Seoul plans to file" is planned); None when the act is told done.
  ``intent_only`` is ``intent_kind`` is not None.
* The verdict is "possible" (undecided, like "planned") and the answer says "They report it only as possible (hinted
  or suspected), not as confirmed"; a source that settles the question in other words still decides ("an emergency
  inspection found no sign of illegal transactions": "No."), and a report of the act done is still "Yes.".
* End to end over the sample corpus and two short news articles written for this test (tests/data/possible/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.writers.abstention_text import partial_message, partial_parts
from rag.writers.answer_verdict import (INTENDED, POSSIBLE, PolarAnswer, PolarQuestion, Verdict, intent_kind, intent_only,
                                        judge)

DATA = Path(__file__).resolve().parent / "data" / "possible"
HINT = ("Japanese Prime Minister Shinzo Abe and his aides have hinted that there might have been illegal transfers of "
        "sensitive materials from South Korea to North Korea.")
NO_SIGN = ("South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an “emergency inspection” found no "
           "sign of illegal transactions.")
CONFIRMED = "Japan confirmed that sensitive materials were illegally transferred to North Korea"
FILED = "Seoul filed a complaint with the WTO"


@pytest.mark.parametrize("claim, sentence", [
    (CONFIRMED, HINT),
    ("South Korea illegally transferred sensitive materials to North Korea", HINT),
    ("Seoul transferred the chemicals to Pyongyang", "Tokyo has suggested that Seoul transferred the chemicals to Pyongyang."),
    ("Seoul transferred the chemicals to Pyongyang",
     "Officials in Tokyo suggested that South Korean trading houses had transferred the chemicals to Pyongyang."),
    ("The smugglers shipped the chips to Shenzhen", "Investigators said the smugglers may have shipped the chips to Shenzhen."),
    ("The hackers stole the battery designs", "Officials said the hackers might have stolen the battery designs."),
    ("Huawei obtained the restricted chips",
     "Huawei could have obtained the restricted chips through a shell company, analysts said."),
    ("The firm leaked the wafer technology", "The firm possibly leaked the wafer technology to a rival."),
    ("The materials were diverted to North Korea", "The materials were likely diverted to North Korea, an official said."),
    ("Beijing retaliated against the export curbs",
     "Tokyo raised the possibility that Beijing had retaliated against the export curbs."),
    ("The ministry destroyed the records", "The ministry did not rule out that the records had been destroyed."),
    ("The trading house sold the equipment to Iran", "The trading house is suspected of selling the equipment to Iran."),
    ("South Korea illegally transferred sensitive materials to North Korea",
     "Abe implied that South Korea had illegally transferred sensitive materials to North Korea."),
    ("Samsung engineers passed the designs to a Chinese rival",
     "Prosecutors alleged that Samsung engineers passed the designs to a Chinese rival."),
])
def test_a_hint_or_a_possibility_tells_the_done_act_only_as_possible(claim, sentence):
    """A hinted, suggested, alleged or suspected act, or one a "may", "might", "could have", "possibly", "likely",
    "raised the possibility" or "did not rule out" allows, is told only as possible: not done, and not intended."""
    assert intent_kind(claim, sentence) == "possible"
    assert intent_only(claim, sentence)  # still no "Yes"


@pytest.mark.parametrize("claim, sentence", [
    (FILED, "The trade ministry said that Seoul plans to file a complaint with the WTO."),
    (FILED, "Seoul vowed to file a complaint with the WTO."),
    (FILED, "Seoul will file a complaint with the WTO next week, officials said."),
    (FILED, "Seoul is considering filing a complaint with the WTO."),
    (FILED, "Moon said Seoul would file a complaint with the WTO."),
    ("Tokyo retaliated against the tariffs", "Tokyo threatened to retaliate against the tariffs."),
    ("Japan lifted the ban on rice imports", "Japan is expected to lift the ban on rice imports next month."),
    # the cue nearest the act decides: a hint of a plan is a plan
    (FILED, "Abe hinted that Seoul plans to file a complaint with the WTO."),
])
def test_a_plan_a_vow_or_a_will_stays_planned(claim, sentence):
    """A plan, a vow, a threat, "will", "would", "is expected to" or "is considering" tells the act as intended or
    announced: "planned", not "possible"."""
    assert intent_kind(claim, sentence) == "planned"


@pytest.mark.parametrize("claim, sentence", [
    (CONFIRMED, "Japan confirmed that sensitive materials were illegally transferred to North Korea."),
    ("The smugglers shipped the chips to Shenzhen", "Investigators found that the smugglers shipped the chips to Shenzhen."),
    ("The hackers stole the battery designs", "Officials confirmed the hackers stole the battery designs."),
    # the act told done outside the hint's clause
    ("Seoul transferred the chemicals to Pyongyang",
     "Abe hinted at security risks after Seoul transferred the chemicals to Pyongyang."),
    ("Seoul transferred the chemicals to Pyongyang",
     "Tokyo had hinted it would happen, and Seoul transferred the chemicals to Pyongyang on Monday."),
    # a hint denied is no hint; a denied suggestion (a noun) is no frame either
    ("Seoul transferred the chemicals to Pyongyang", "Tokyo has not suggested that Seoul transferred the chemicals."),
    ("The move was driven by historical issues",
     "They have rejected suggestions that the move was driven by historical issues."),
    # a claim that hedges itself
    ("Abe hinted that Seoul transferred the chemicals", "Abe hinted that Seoul may have transferred the chemicals."),
])
def test_an_act_told_done_denied_or_hedged_in_the_claim_is_no_possibility(claim, sentence):
    """A sentence that tells the act done ("confirmed that", "found that", or outside the hint's clause), a denied
    hint, and a claim that itself hints are read as before: no possible (nor planned) act."""
    assert intent_kind(claim, sentence) is None


DONE = "Seoul transferred the chemicals to Pyongyang on Monday, the trade ministry said."


@pytest.mark.parametrize("claim, passages, outcome", [
    (CONFIRMED, [HINT], "possible"),
    ("South Korea illegally transferred sensitive materials to North Korea", [HINT], "possible"),
    ("Seoul transferred the chemicals to Pyongyang", ["Tokyo has suggested that Seoul transferred the chemicals to Pyongyang."],
     "possible"),
    ("Seoul transferred the chemicals to Pyongyang", ["Seoul may have transferred the chemicals to Pyongyang."], "possible"),
    (FILED, ["The trade ministry said that Seoul plans to file a complaint with the WTO."], "planned"),
    ("Seoul transferred the chemicals to Pyongyang", ["Tokyo has suggested that Seoul transferred the chemicals to Pyongyang.",
                                                      DONE], "supported"),
    # a source that settles the question still decides
    ("South Korea found illegal transfers of sensitive materials to North Korea", [HINT, NO_SIGN], "contradicted"),
])
def test_the_verdict_is_possible_and_a_deciding_source_still_decides(checker, claim, passages, outcome):
    """A passage telling the act only as possible makes the verdict "possible" (undecided) when nothing else decides;
    a report of the act done still makes it "supported", a search that found no sign still "contradicted"."""
    verdict = judge(claim, passages, checker)
    assert verdict.outcome == outcome, verdict


def test_the_missing_mark_follows_the_outcome():
    """An undecided answer's ``missing`` is marked ``POSSIBLE`` for a possible act, ``INTENDED`` for a planned one."""
    question = PolarQuestion(CONFIRMED, ("Yes", "No"))
    assert PolarAnswer(question, Verdict("possible", 0, (0, 10)), 0).missing == f"whether {CONFIRMED}{POSSIBLE}"
    assert PolarAnswer(question, Verdict("planned", 0, (0, 10)), 0).missing == f"whether {CONFIRMED}{INTENDED}"
    assert PolarAnswer(question, Verdict("unknown"), 0).missing == f"whether {CONFIRMED}"


def test_the_undecided_answer_says_the_act_is_reported_only_as_possible():
    """"The sources do not say whether … They report it only as possible (hinted or suspected), not as confirmed:
    “…” [1]", never "intended or announced"; the message still parses as a partial answer."""
    message = partial_message(HINT, f"whether {CONFIRMED}{POSSIBLE}")
    assert message == (f"The sources do not say whether {CONFIRMED}. They report it only as possible (hinted or "
                       f"suspected), not as confirmed: “{HINT}” [1]")
    assert partial_parts(message)[1:] == (HINT, f"whether {CONFIRMED}")


def test_over_an_attributed_quote_the_answer_says_it_tells_only_a_possibility():
    """After a view's attribution: "… [1] — told only as possible (hinted or suspected), not as confirmed."."""
    said_by = "Coastline Courier (report, 2024) reports"
    message = partial_message(HINT, f"whether {CONFIRMED}{POSSIBLE}", said_by)
    assert message == (f"The sources do not say whether {CONFIRMED}. {said_by}: “{HINT}” [1] — told only as possible "
                       f"(hinted or suspected), not as confirmed.")
    assert partial_parts(message) == (said_by, HINT, f"whether {CONFIRMED}")


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("possible") / "data", DATA)


POSSIBLE_SAID = "They report it only as possible (hinted or suspected), not as confirmed: “"


@pytest.mark.parametrize("question, whether, says", [
    ("Did Japan confirm that sensitive materials were illegally transferred to North Korea?",
     "whether Japan confirmed that sensitive materials were illegally transferred to North Korea", "have hinted that"),
    ("Did South Korea illegally transfer sensitive materials to North Korea?",
     "whether South Korea illegally transferred sensitive materials to North Korea", "have hinted that"),
])
def test_ask_over_the_sample_corpus_says_the_act_is_reported_only_as_possible(sample_engine, question, whether, says):
    """The s39 question and another wording of it: undecided, said as only possible, quoting Abe's hint."""
    brief = sample_engine.write(question, template="answer")
    assert brief.abstained, answer_text(brief)
    assert brief.message.startswith(f"The sources do not say {whether}. {POSSIBLE_SAID}"), brief.message
    assert says in partial_parts(brief.message)[1]


def test_ask_over_the_sample_corpus_still_says_no_where_a_search_found_no_sign(sample_engine):
    """Seoul's emergency inspection that found no sign of illegal transactions still answers "No."."""
    brief = sample_engine.write("Did South Korea find illegal transfers of sensitive materials to North Korea?",
                                template="answer")
    assert not brief.abstained, brief.message
    assert first_sentence(answer_text(brief)) == "No."


@pytest.mark.parametrize("question, whether, says", [
    ("Did Velden Works ship restricted lithography parts to Korvia?",
     "whether Velden Works shipped restricted lithography parts to Korvia", "may have shipped"),
    ("Did Velden Works sell more parts to Korvian buyers?",
     "whether Velden Works sold more parts to Korvian buyers", "did not rule out"),
    ("Did Korvian hackers sabotage the northern power grid?",
     "whether Korvian hackers sabotaged the northern power grid", "hinted that"),
    ("Did Nordvolt conceal the outage from regulators?",
     "whether Nordvolt concealed the outage from regulators", "is suspected of"),
])
def test_ask_says_the_sources_report_only_a_possibility(engine, question, whether, says):
    """Other actors and acts, other cues: "may have", "did not rule out", "hinted that", "is suspected of"."""
    brief = engine.write(question, template="answer")
    assert brief.abstained, answer_text(brief)
    assert brief.message.startswith(f"The sources do not say {whether}. "), brief.message
    assert (brief.message.startswith(f"The sources do not say {whether}. {POSSIBLE_SAID}")
            or brief.message.endswith("[1] — told only as possible (hinted or suspected), not as confirmed.")), brief.message
    assert says in partial_parts(brief.message)[1]


def test_ask_still_says_planned_for_a_plan(engine):
    """A plan beside them is still said as intended or announced."""
    brief = engine.write("Did the regulator audit Nordvolt's control systems?", template="answer")
    assert brief.abstained, answer_text(brief)
    assert "only as intended or announced, not as done" in brief.message, brief.message


def test_ask_still_says_yes_when_the_act_is_reported_done(engine):
    """"Investigators found that … had falsified …" is the act done: "Yes."."""
    brief = engine.write("Did Talby Cargo falsify the export papers?", template="answer")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text) == "Yes." and "falsified the export papers" in text
