"""A yes/no question's act told in another verb form, late in a long sentence, is still the "Yes".

* Kind (s65's new user F10): "Did METI deny imposing a restriction?" got no verdict over "METI said in a statement
  that the reviews were 'routine checks on end-use' prompted by a rise in re-exports of photoresist to third
  countries, and denied that any restriction had been imposed.": every word of the claim is in the sentence (the
  gerund "imposing" as the passive "had been imposed"), but the checker scores the whole long sentence below its
  threshold (weak similarity), or names the gerund as a word the claim changed.
* ``whole_claim_told``: a result left below the threshold only by probability (or by a "changed" reason naming only
  claim words the sentence holds in another form) is the "Yes" when its sentence holds every key term of the claim
  and tells the act outright: not as a request's infinitive ("asked the agency to deny …"), not under a denial the
  claim does not make ("denied that the shipment had been blocked" is no "Yes" to "… blocked the shipment").
* End to end through ``ask`` over articles written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_verdict import judge, polar_question

TOLD = [
    ("Did Hanwa deny selling wafers to Huawei?",
     "Hanwa said in a filing on Tuesday that its overseas revenue had grown by a third on demand from data-centre "
     "customers in Malaysia and Vietnam, and denied that any wafers had been sold to Huawei."),
    ("Did the Vietnamese ministry deny blocking the shipment?",
     "The Vietnamese ministry said on Friday that customs officers had held the cargo at Hai Phong for eleven days "
     "because its paperwork listed the wrong end user, and denied that the shipment had been blocked."),
    ("Did Nexa Lithium confirm halting exports to Japan?",
     "In a statement issued after markets closed in Santiago, Nexa Lithium said that a fire at its Antofagasta plant "
     "had cut output by a fifth for the quarter, and confirmed that exports to Japan had been halted."),
    ("Did the agency deny revoking the licence?",
     "The agency's spokeswoman told reporters in Taipei that the review was one of dozens carried out each year on "
     "firms that ship to more than twenty markets, and denied that the licence had been revoked."),
]


@pytest.mark.parametrize("question, passage", TOLD)
def test_the_act_told_in_another_form_late_in_a_long_sentence_is_the_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome == "supported"


@pytest.mark.parametrize("question, passage", [
    # the denied act is no "Yes" to the act itself
    ("Did the Vietnamese ministry block the shipment?", TOLD[1][1]),
    ("Did the agency revoke the licence?", TOLD[3][1]),
    # a request that someone deny is no denial
    ("Did the agency deny revoking the licence?",
     "Lawmakers in Taipei asked the agency on Tuesday, after a week of reports about firms that ship to more than "
     "twenty markets, to deny revoking the licence."),
])
def test_a_sentence_holding_the_words_around_another_act_is_no_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome != "supported"


ARTICLES = [
    ("01_probe.md", "2026-05-12", "Taiwan reviews export licence of server maker",
     "TAIPEI, May 12 - Taiwan's trade agency is reviewing the export licence of Kestrel Systems, a maker of AI "
     "servers, after reports that its machines reached a sanctioned buyer.\n\nThe agency's spokeswoman told "
     "reporters in Taipei that the review was one of dozens carried out each year on firms that ship to more than "
     "twenty markets, and denied that the licence had been revoked.\n\nKestrel Systems shares fell 4% on Tuesday."),
    ("02_wafers.md", "2026-02-03", "Hanwa says overseas sales rose by a third",
     "SEOUL, Feb 3 - Hanwa, a Korean maker of silicon wafers, reported record quarterly sales.\n\nHanwa said in a "
     "filing on Tuesday that its overseas revenue had grown by a third on demand from data-centre customers in "
     "Malaysia and Vietnam, and denied that any wafers had been sold to Huawei.\n\nThe company will pay a dividend "
     "of 400 won a share."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("verdict_act_forms"), ARTICLES)


@pytest.mark.parametrize("question, says", [
    ("Did the agency deny revoking the licence?", "denied that the licence had been revoked"),
    ("Did Hanwa deny selling wafers to Huawei?", "denied that any wafers had been sold"),
])
def test_ask_says_yes_when_the_sentence_tells_the_act_in_another_form(engine, question, says):
    answer = answer_text(engine.write(question, template="answer"))
    assert answer.startswith("Yes.") and says in answer, answer


def test_ask_says_no_yes_to_the_act_a_source_denies(engine):
    answer = answer_text(engine.write("Did the agency revoke the licence?", template="answer"))
    assert not answer.startswith("Yes."), answer
