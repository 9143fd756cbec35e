"""A yes/no verdict rests on a sentence that tells the ASKED predicate of the ASKED subject: not on a negation of
another verb, and also when the report tells the asked state in other words.

* Kind 1 (s69 brief, issue 10: a "No." decided by an unrelated negative): "Will the three former managers appeal?"
  was answered "No." from "Berg's lawyer said he had not decided whether to appeal." — the negator is the deciding's,
  the appeal is left open inside an embedded question, and Berg's lawyer's "he" is not the three managers. The
  checker's "negation mismatch on 'appeal'" decided it. ``act_undone`` no longer counts a mention inside an embedded
  question (``rag.support.embedded_questions.open_question_spans``), and the checker's negation mismatch is the "No"
  only when a sentence of the claim's story negates the asked act (``answer_verdict.negates_act``).
* Kind 2 (restated predicate, "Did METI know in advance?" over "METI had been informed before the announcement"):
  the verdict was "The sources do not say whether …". ``answer_verdict.restated_act`` reads the asked state in other
  words of the asked subject (``polar_questions.toml`` v6 [restated]: know ≈ informed, notified, told, briefed,
  aware …, after a form of "be"; an asked time before the event, "in advance", needs a time word in the sentence).
* Kind 3 (s67 F8, a follow-up after an undecided turn): "When was he arrested?" after "Who was sentenced …?" and
  "Will they appeal?" quoted the sentence of turn 2's wrong "No." instead of the timeline line telling the arrest.
* Texts written for this test (Dutch, Korean, Czech, Swedish firms; not the users' articles).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles
from test_followup import conversation

from evals.rtqa_answers import answer_text
from rag.render import answer_with_sources
from rag.writers.answer_verdict import act_undone, negates_act, restated_act

LENS = ("Veldhoven Optics on Wednesday announced the sale of its lithography lens unit to a Singapore investment fund "
        "for 410 million euros. The Dutch economy ministry had been informed of the sale before the announcement, a "
        "spokesperson said. The ministry will review the deal under the investment screening law.")
TAKEOVER = ("A Shenzhen fund on Tuesday completed its takeover of Gwangju Sensor Works, a maker of infrared sensors. "
            "South Korea's trade ministry was notified two weeks earlier and raised no objection, officials said.")
MANAGERS = "three former managers of Kestrel Turbines will appeal"


@pytest.mark.parametrize("sentence, kind", [
    ("Berg's lawyer said he had not decided whether to appeal.", None),
    ("The firm has not determined whether it will appeal the fine.", None),
    ("Regulators have not decided whether to appeal; the firm did not appeal last year.", "negated"),
    ("The bank did not appeal.", "negated"),
])
def test_an_act_inside_an_embedded_question_is_not_negated(sentence, kind):
    assert act_undone("appeal", sentence) == kind


@pytest.mark.parametrize("claim, act, window, negated", [
    (MANAGERS, "appeal", "Berg's lawyer said he had not decided whether to appeal.", False),
    (MANAGERS, "appeal", "The three managers have not decided whether to appeal.", False),
    (MANAGERS, "appeal", "The three managers declined to appeal the ruling.", True),
    (MANAGERS, "appeal", "The managers did not appeal.", True),
    ("the ministry approved the export", "approved",
     "Finland's economy ministry on Monday approved the export of two laser systems, though the company did not "
     "comment on the price.", False),
    ("the ministry approved the export", "approved", "The ministry has not approved the export.", True),
])
def test_a_negation_decides_only_when_it_negates_the_asked_act(claim, act, window, negated):
    assert negates_act(claim, act, window) is negated


@pytest.mark.parametrize("claim, passage, outcome", [
    ("the Dutch economy ministry knew in advance", LENS, "supported"),
    ("the Dutch economy ministry knew about the sale in advance", LENS, "supported"),
    ("South Korea's trade ministry knew about the takeover beforehand", TAKEOVER, "supported"),
    ("South Korea's trade ministry knew about the takeover beforehand",
     TAKEOVER.replace("was notified two weeks earlier", "was not notified before the deal closed"), "contradicted"),
    ("the Czech interior ministry knew about the plan", "The Czech interior ministry was aware of the plan.",
     "supported"),
    # told after the event: no answer to "in advance"
    ("the Dutch economy ministry knew in advance",
     "The Dutch economy ministry was informed of the sale on Thursday, a day after the announcement.", None),
    # the ministry informed others: not told of its own knowing in other words
    ("the Dutch economy ministry knew in advance",
     "The Dutch economy ministry informed parliament of the sale before the announcement.", None),
    # another subject told
    ("the Dutch economy ministry knew in advance",
     "Veldhoven Optics sold its lens unit. Parliament had been informed before the announcement.", None),
])
def test_a_state_told_in_other_words_of_the_asked_subject(claim, passage, outcome):
    found = restated_act(claim, "knew", passage)
    assert (found[0] if found else None) == outcome


ARTICLES = [
    ("01_lens.md", "2026-06-10", "Veldhoven Optics sells lens unit to Singapore fund",
     "Veldhoven Optics on Wednesday announced the sale of its lithography lens unit to a Singapore investment fund for "
     "410 million euros.\n\nThe Dutch economy ministry had been informed of the sale before the announcement, a "
     "spokesperson said. The ministry will review the deal under the investment screening law."),
    ("02_takeover.md", "2026-07-22", "Chinese buyer takes over Gwangju sensor maker",
     "A Shenzhen fund on Tuesday completed its takeover of Gwangju Sensor Works, a maker of infrared sensors.\n\n"
     "South Korea's trade ministry was notified two weeks earlier and raised no objection, officials said."),
    ("03_brno.md", "2026-09-02", "Brno drone maker sold to Hong Kong investor",
     "Moravia Drones of Brno was sold on Monday to a Hong Kong investor for 60 million euros.\n\n"
     "The Czech defence ministry was not told of the sale before it closed, a ministry spokesman said."),
    ("04_kestrel.md", "2026-11-05", "Three former managers sentenced in Kestrel turbine case",
     "A Stockholm court on Wednesday sentenced three former managers of Kestrel Turbines to prison for selling "
     "turbine blade designs to a Chinese firm.\n\n"
     "How the case unfolded:\n\n"
     "- January 9, 2025 — Kestrel Turbines reports missing design files to the security police.\n"
     "- March 14, 2025 — Nils Berg is arrested at Arlanda airport.\n"
     "- April 2, 2025 — prosecutors charge Berg and two other former managers.\n\n"
     "Berg's lawyer said he had not decided whether to appeal."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("asked_predicate"), ARTICLES)


def ask(engine, question: str) -> str:
    brief = engine.write(question, template="answer")
    return brief.message if brief.abstained else answer_text(brief)


@pytest.mark.parametrize("question, verdict, quote", [
    ("Did the Dutch economy ministry know in advance?", "Yes. ", "had been informed of the sale before"),
    ("Did the Dutch economy ministry know about the lens unit sale in advance?", "Yes. ", "had been informed"),
    ("Did South Korea's trade ministry know about the takeover beforehand?", "Yes. ", "was notified two weeks earlier"),
    ("Did the Czech defence ministry know about the Moravia Drones sale in advance?", "No. ", "was not told of the sale"),
])
def test_a_restated_predicate_decides_the_verdict(engine, question, verdict, quote):
    text = ask(engine, question)
    assert text.startswith(verdict) and quote in text, text


def test_a_negation_of_another_verb_is_no_no(engine):
    text = ask(engine, "Will the three former managers of Kestrel Turbines appeal?")
    assert not text.startswith("No."), text


def test_a_when_follow_up_after_an_undecided_turn_finds_the_asked_act(engine):
    turns = ["Who was sentenced in the Kestrel turbine case?", "Will they appeal?"]
    history: list[str] = []
    for question in turns:
        brief = engine.write(question, template="answer", history=conversation(*history) if history else [])
        history += [question, answer_with_sources(brief).split("\n\nSources:")[0]]
    assert not history[-1].startswith("No."), history[-1]
    brief = engine.write("When was he arrested?", template="answer", history=conversation(*history))
    text = answer_with_sources(brief).split("\n\nSources:")[0]
    assert "March 14, 2025 — Nils Berg is arrested" in text.split("[")[0], text
    assert "had not decided" not in text, text
