"""A yes/no verdict quotes first the sentence that decides it, not a longer neighbour in the same window.

* Kind (s65's new user F10): "Did the Tokyo photoresist talks end with a joint statement?" answered "No." over a
  live blog, quoting the 11:45 entry ("A METI spokesperson said Japan 'explained its end-use review procedures' and
  did not offer a timeline for approvals.") and the 09:10 one, not the 17:05 entry that tells it ("The talks ended
  without a joint statement."). The checker read the contrary in a window of several entries; of the sentences the
  window covers that name the act (``names_act``: the act family also reads "did not offer"), the longest came first.
* ``Verdict.sentence(offsets, acts, shares)``: of the covered sentences naming the act, the one holding most of the
  claim (``held_share``) decides; the writer passes each sentence's share.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_verdict import Verdict, held_share, joined


def test_of_the_covered_sentences_naming_the_act_the_one_holding_the_claim_decides():
    claim = "the Hanoi talks ended with a signed memorandum"
    sentences = ["A Malaysian official said the delegation presented its licensing rules and did not offer a date "
                 "for a deal on shared refineries.",
                 "The Hanoi talks ended without a signed memorandum."]
    _, offsets = joined(sentences)
    verdict = Verdict("contradicted", 0, (0, offsets[-1][1]))
    assert verdict.sentence(offsets, [True, True], [held_share(claim, s) for s in sentences]) == 1
    assert verdict.sentence(offsets, [True, False], [held_share(claim, s) for s in sentences]) == 0


ARTICLES = [
    ("01_blog.md", "2026-04-09", "Live updates: Vietnam-Malaysia rare-earth talks in Hanoi",
     "08:30 ICT - Trade officials of Vietnam and Malaysia opened talks on rare-earth processing at the trade "
     "ministry in Hanoi. Malaysia's delegation is led by Aziz Rahman, its deputy secretary-general for trade.\n\n"
     "10:15 ICT - A Malaysian spokesperson said the delegation \"explained its refinery licensing rules\" and did "
     "not offer a timeline for joint processing plants.\n\n"
     "16:40 ICT - The talks ended without a joint statement. Both sides agreed to meet again in Kuala Lumpur in "
     "June.\n\n"
     "17:30 ICT - Shares of Lynas rose 3.1% in Sydney."),
    ("02_blog.md", "2026-06-02", "Live: Indonesia-Korea nickel talks in Jakarta",
     "09:00 WIB - Energy officials of Indonesia and South Korea began talks on nickel export quotas at the energy "
     "ministry in Jakarta. Korea's team is led by Choi Min-jae, a director at the industry ministry.\n\n"
     "12:20 WIB - An Indonesian spokesperson said Jakarta \"set out its smelter requirements\" and did not offer a "
     "timeline for new quotas.\n\n"
     "18:10 WIB - The nickel talks ended without an agreement on quotas. The teams will meet again in Seoul."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("verdict_deciding"), ARTICLES)


@pytest.mark.parametrize("question, first", [
    ("Did the Hanoi rare-earth talks end with a joint statement?", "The talks ended without a joint statement."),
])
def test_ask_quotes_the_deciding_sentence_right_after_the_verdict(engine, question, first):
    answer = answer_text(engine.write(question, template="answer"))
    # the first quote, after the verdict and an entry's time stamp ("16:40 ICT - ")
    assert answer.startswith("No. ") and first in answer[: len("No. 16:40 ICT - ") + len(first)], answer
