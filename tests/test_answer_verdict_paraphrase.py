"""A yes/no question is answered in the source's own words: "No." when the source negates the asked act in other
words, "Yes." when a negator sits in another clause than the asked act.

* Kind (s32 fresh user, finding 4): "Did Japan agree to withdraw its export curbs on South Korea?" was "The sources do
  not say whether …" while the source says Japan "does not plan to retract … its stricter controls". The checker
  read the negated predicate; the verdict then asked that the window hold three quarters of the claim's key terms
  *as written*, and "retract" / "controls" are not "withdraw" / "curbs". A window the checker reads as stating the
  contrary predicate now holds a word by its paraphrase too (the checker's synonym groups).
* The paraphrase is not enough for "Yes": a window holding the claim's names and object but not its act ("The export
  restrictions cover …" for "Did Tokyo scrap its curbs …?") stays undecided (it was "Yes." in a first try).
* A negator inside another clause ("… to protest Abe's suggestion *that it could not be trusted* …") does not make
  the sentence deny the act it tells: "Did South Korea summon a Japanese embassy official?" is "Yes.".
"""

from __future__ import annotations

import pytest

from evals.rtqa_answers import answer_text
from rag.writers.answer_verdict import _clauses, judge

RETRACT = ("Japan yesterday said that it does not plan to retract or renegotiate its stricter controls on high-tech "
           "exports to South Korea, a day after South Korean President Moon Jae-in urged that the issue be resolved "
           "through diplomacy.")
RICE = "The agriculture ministry said on Monday it has no intention of scrapping the ban on rice imports from Thailand."
TARIFF = "Washington does not plan to withdraw the tariffs on Chinese steel, the trade representative said on Friday."
SUMMON = ("South Korea has summoned a Japanese embassy official to protest Abe’s suggestion that it could not be trusted "
          "to faithfully implement sanctions against the North, South Korean Ministry of Foreign Affairs spokesman Kim "
          "In-chul said.")
RECALL = "Samsung recalled the Galaxy Note 7 phones worldwide after reports that their batteries could not withstand charging."
FINE = "The regulator fined the bank $2 million for failures that it did not report to the authorities."


@pytest.mark.parametrize("claim, passage", [
    ("Japan agreed to withdraw its export curbs on South Korea", RETRACT),  # agree/plan, withdraw/retract, curbs/controls
    ("Japan withdrew its export curbs on South Korea", RETRACT),
    ("Japan has scrapped its export restrictions on South Korea", RETRACT),
    ("Japan will revoke its export restrictions on South Korea", RETRACT),
    ("The agriculture ministry agreed to lift the ban on rice imports from Thailand", RICE),  # "no intention of"
    ("The agriculture ministry will repeal the ban on rice imports from Thailand", RICE),
    ("Washington agreed to scrap the tariffs on Chinese steel", TARIFF),
    ("Washington will retract the tariffs on Chinese steel", TARIFF),
])
def test_a_negated_paraphrase_of_the_asked_act_is_its_contrary(checker, claim, passage):
    verdict = judge(claim, [passage], checker)
    assert verdict.outcome == "contradicted", verdict


@pytest.mark.parametrize("claim, passage", [
    ("South Korea summoned a Japanese embassy official", SUMMON),
    ("Samsung recalled the Galaxy Note 7 phones worldwide", RECALL),
    ("The regulator fined the bank $2 million", FINE),
])
def test_a_negator_in_another_clause_does_not_deny_the_act(checker, claim, passage):
    assert judge(claim, [passage], checker).outcome == "supported"


@pytest.mark.parametrize("sentence, first", [
    (SUMMON, "South Korea has summoned a Japanese embassy official to protest Abe’s suggestion "),
    (RECALL, "Samsung recalled the Galaxy Note 7 phones worldwide "),
    ("Samsung has not shipped memory chips to the Chinese buyer since October.", "Samsung has not shipped memory chips to the Chinese buyer "),
    ("Seoul filed a complaint.", "Seoul filed a complaint."),  # no clause inside: the sentence itself
])
def test_a_sentence_is_cut_before_each_clause_inside_it(sentence, first):
    assert _clauses(sentence)[0] == first


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question", [
    "Did Japan agree to withdraw its export curbs on South Korea?",  # the fresh user's question
    "Has Japan withdrawn its export restrictions on South Korea?",
    "Will Japan revoke its export restrictions on South Korea?",
    "Did Tokyo scrap its curbs on exports to South Korea?",  # a first try's paraphrase "Yes." from a list sentence
])
def test_ask_answers_no_from_the_sources_negated_paraphrase(sample_engine, question):
    brief = sample_engine.write(question, template="answer")
    text = answer_text(brief)
    assert not brief.abstained and text.startswith("No. Japan yesterday said that it does not plan to retract"), (
        text or brief.message)


def test_ask_answers_yes_over_a_negator_in_another_clause(sample_engine):
    brief = sample_engine.write("Did South Korea summon a Japanese embassy official?", template="answer")
    text = answer_text(brief)
    assert text.startswith("Yes. South Korea has summoned a Japanese embassy official"), text or brief.message
