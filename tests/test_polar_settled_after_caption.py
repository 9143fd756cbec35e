"""A yes/no answer reads the sentence that settles its claim, even across a caption, before the checker's contrary.

Kind (s37's fresh user, issue 10): "Has Japan denied that the export curbs were driven by historical issues?" got "The
sources do not settle …" though the source says "Japanese officials have said … Photo: AP They have rejected
suggestions that the move was driven by … historical issues": a yes/no answer's candidates dropped "They have
rejected …" (it leans on the sentence before, and a caption stood between), so the settling sentence was never read.
"Did Japan deny that its export curbs … were retaliation?" got "No." on "Japan … does not plan to retract … its
stricter controls": the checker's negation of another act read as the contrary of a denial.

* A yes/no answer's candidates skip furniture between two sentences (``candidates(captions=True)``): the dependent
  sentence after a caption is read, and quoted, with the sentence naming who "They" are, its two parts cited apart.
* A sentence that settles the claim in other words (``answer_settled.settled``) decides before the checker's reading
  of another sentence as the contrary; a denial's contrary must tell what was denied (``bears_on_denial``).
* A search whose subject is a pronoun ("It found no trace of …") settles "Did X find …?" in a passage naming X.
* End to end over three short news articles written for this test (tests/data/settled_after_caption/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import Chunk
from rag.writers.answer_settled import bears_on_denial, settled
from rag.writers.answer_verdict import judge, polar_question
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates

DATA = Path(__file__).resolve().parent / "data" / "settled_after_caption"


def _passage(text: str) -> EvidencePassage:
    return EvidencePassage("S1", Chunk("c1", "d1", text, 0, len(text), 0), 1.0)


CAPTIONED = ("Japanese officials have said the curbs on chemical exports protect national security.\n"
             "Photo: AP\n"
             "They have rejected suggestions that the move was driven by historical issues.\n")


def test_a_sentence_after_a_caption_is_read_with_the_sentence_it_leans_on():
    cands, _ = candidates([_passage(CAPTIONED)], captions=True)
    denial = [c for c in cands if "rejected suggestions" in c.text]
    assert len(denial) == 1 and denial[0].text.startswith("Japanese officials")
    assert "Photo" not in denial[0].text and len(denial[0].parts) == 2  # cited apart, the caption left out


def test_without_captions_the_dependent_sentence_after_a_caption_is_dropped():
    cands, dropped = candidates([_passage(CAPTIONED)])
    assert not any("rejected suggestions" in c.text for c in cands) and dropped["dependent"] >= 1


@pytest.mark.parametrize("claim, window", [
    ("Japan denied that its export curbs were retaliation",
     "Japan said that it does not plan to retract or renegotiate its stricter controls on exports."),
    ("Ottawa denied that the tariff was aimed at Chinese steel",
     "Ottawa will not lift the tariff on steel wire, officials said."),
    ("The ministry denied that the ban was driven by election politics",
     "The ministry has not withdrawn the ban."),
])
def test_a_negation_of_another_act_is_no_contrary_of_a_denial(claim, window):
    assert not bears_on_denial(claim, window)


@pytest.mark.parametrize("claim, window", [
    ("Japan denied that its export curbs were retaliation",
     "Japan did not deny that its export curbs were retaliation."),
    ("Ottawa denied that the tariff was aimed at Chinese steel",
     "Ottawa admitted that the tariff was aimed at Chinese steel."),
    ("Japan withdrew its export curbs", "Japan has no intention of withdrawing the curbs."),  # no denial: unchanged
])
def test_a_window_telling_the_denied_proposition_may_state_the_contrary(claim, window):
    assert bears_on_denial(claim, window)


@pytest.mark.parametrize("claim, passage", [
    ("Norland's customs agency found weapons on the ship",
     "Norland's customs agency boarded the ship. It found no trace of weapons in its containers."),
    ("South Korea found illegal transfers to North Korea",
     "South Korea ordered an emergency inspection. It found no sign of illegal transfers, officials said."),
])
def test_a_search_told_with_a_pronoun_subject_settles_no(claim, passage):
    found = settled(claim, passage)
    assert found is not None and found[0] == "contradicted"
    assert passage[found[1][0]:found[1][1]].startswith("It found")


@pytest.mark.parametrize("claim, passage", [
    # the passage names another searcher
    ("Norland's customs agency found weapons on the ship",
     "Vesper's coast guard boarded the ship. It found no trace of weapons in its containers."),
    # a noun subject that is not the claim's party
    ("Norland's customs agency found weapons on the ship",
     "Norland's customs agency boarded the ship. Vesper's inspectors found no trace of weapons."),
])
def test_a_search_by_another_party_settles_nothing(claim, passage):
    assert settled(claim, passage) is None


def test_a_settling_sentence_decides_before_the_checkers_contrary_on_another_act(checker):
    claim = "Vesper denied that the quota cut was retaliation for Norland's rice tariffs"
    other = "Vesper said that it does not plan to reverse or renegotiate its cut to Norland's fishing quota."
    settling = ("Vesper officials have said the cut is needed to let cod stocks recover. They have rejected "
                "suggestions that the cut was retaliation for Norland's rice tariffs.")
    verdict = judge(claim, [other, settling], checker)
    assert verdict.outcome == "supported" and verdict.passage == 1, verdict


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("settled_after_caption") / "data", DATA)


@pytest.mark.parametrize("question, first, says", [
    ("Did Canada deny that the tariff was aimed at Chinese steel producers?", "Yes.", "dismissed claims"),
    ("Did Vesper deny that the quota cut was retaliation for Norland's rice tariffs?", "Yes.", "rejected suggestions"),
    ("Did Norland's customs agency find weapons on the Marisol?", "No.", "found no trace of weapons"),
])
def test_ask_reads_the_settling_sentence_across_a_caption(engine, question, first, says):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text) == first and says in text, text
    assert "Photo:" not in text and "Credit:" not in text

