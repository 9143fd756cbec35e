"""A sentence that sums up several before it is not quoted (issue 10, items 2 and 4; the s36 fresh user's battery brief).

The battery brief's second BLUF item was a digest's "Together, the two developments frame a coordinated tightening of
technology security across East Asia, with different jurisdictions applying different tools—regulatory denial in
Japan and criminal detention in China": a joint judgement over the brief's story and another one, whose subject ("the
two developments") is what the sentences before it named. The kind: a sentence that opens by summing up ("Together,",
"Combined,", "Taken together", "Both measures", "The two developments", "the cluster"; ``discourse_connectives.toml``
[summary]). Its first argument is not the one sentence before it, so a brief neither quotes it alone nor joins it to
that sentence (``candidates.sums_up``). A report naming its own parties ("The two countries", "Both sides") and an
ordinary "Together with Japan, ..." stand alone.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates, sums_up

SUMS_UP = [
    "Together, the two developments frame a coordinated tightening of technology security across East Asia.",
    "Taken together, the rulings mark a shift in Seoul's stance.",
    "Combined, the steps amount to the broadest curbs since 2019.",
    "Collectively, the sanctions cut Moscow off from Western chips.",
    "Both measures signal a hardening of Beijing's line on Taiwan.",
    "Both of these moves were announced without consultation.",
    "The two developments point to a coordinated squeeze on suppliers.",
    "The three cases show how enforcement has widened.",
    "The twin announcements rattled chip stocks across the region.",
    "Strategically, the cluster highlights how semiconductors and batteries converge.",
    "Seen from Tokyo, the two decisions look like retaliation.",
]
STANDS_ALONE = [
    "The two countries have been at odds over wartime labour for decades.",
    "Both sides agreed to resume talks in August.",
    "Together with Japan, the US imposed curbs on 12 Chinese firms.",
    "Japan and China both imposed measures on Tuesday.",
    "The two-day summit opened in Seoul on Monday.",
    "Overall, exports to South Korea fell 5% in June.",
    "The ministry listed two measures: licence checks and end-user audits.",
]


@pytest.mark.parametrize("text", SUMS_UP)
def test_a_sentence_summing_up_what_came_before_is_recognised(text):
    assert sums_up(text)


@pytest.mark.parametrize("text", STANDS_ALONE)
def test_a_report_naming_its_own_parties_or_items_stands_alone(text):
    assert not sums_up(text)


def passage(text: str) -> EvidencePassage:
    return EvidencePassage("S1", Chunk("d1-0000", "d1", text, 0, len(text), 0, {"title": "", "publisher": "d1"}), 1.0)


DIGEST = ("Japan has reportedly denied cybersecurity approval for Chinese storage battery makers. "
          "In parallel, a separate report says tech executives are being held in China in a chip smuggling case. "
          "Together, the two developments frame a coordinated tightening of technology security across East Asia. "
          "Strategically, the cluster highlights how semiconductors and energy storage converge. "
          "Japan's gatekeeping can steer procurement toward vetted suppliers.")


def test_a_brief_neither_quotes_a_summing_sentence_alone_nor_with_the_sentence_before():
    cands, dropped = candidates([passage(DIGEST)], connectives=True)
    texts = [c.text for c in cands]
    assert not any("the two developments" in t or "the cluster" in t for t in texts), texts
    assert any(t.startswith("Japan has reportedly denied") for t in texts)
    assert any(t.startswith("Japan's gatekeeping") for t in texts), "the sentence after a summing one is still quoted"
    assert dropped["dependent"] >= 2


def test_an_answer_still_reads_every_sentence():
    texts = [c.text for c in candidates([passage(DIGEST)], connectives=False)[0]]
    assert any("the two developments" in t for t in texts)
