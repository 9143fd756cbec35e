"""A copied sentence whose hedge the claim drops by rewording its auxiliaries (issue 9, kind ``modality``;
evals/README.md, h/checker-s58).

"Seoul has been drawn into the trade dispute for hosting the summit" takes every content word, in order, from
"Diplomats have voiced concern that Seoul could be drawn into the trade dispute if it hosts the summit", and
says as done what the sentence only fears. Dropping the hedge is itself an edit of function words ("could be"
-> "has been", "are now expected to fall" -> "fell", a frame "fear that" left out), and a token-level share of
the copy counts those words against it: these claims align 0.67-0.69 of their tokens, below
``edits.EDITED_COPY``, so ``modality.hedge_dropped`` left them to the weighed ``modality`` signal, which the copy's
overlap outweighed (every one below was accepted before). The copy is now read with ``edits.alignment``, which
counts a reworded run of function words as aligned (the same share as the model's ``copy_share`` feature): the
claims align 0.77-1.0 and the dropped hedge is a veto. Faithful counterparts: a reworded copy that keeps the hedge
in other words, or copies only the sentence's plain clause. Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.edits import EDITED_COPY, alignment, copy_share
from rag.support.modality import hedge_dropped

SEOUL = "Diplomats have voiced concern that Seoul could be drawn into the trade dispute if it hosts the summit."
HYNIX = "\"Shipments of memory chips to Europe are now expected to fall sharply in 2024,\" SK Hynix said in a filing."
TAIPEI = ("Taipei is worried that its export controls could be weakened if suppliers in Malaysia keep selling certain "
          "tools to Chinese fabs.")
YEN = "Some economists fear that the weaker yen may be eroding the wages of part-time workers in Osaka."
RECALL = ("The carmaker recalled 40,000 hybrids in March and could recall more if the battery fault spreads, "
          "regulators said.")
LAUNCH = "Pyongyang launched two missiles on Sunday, and officials said a third launch may follow within days."

# every content word of the sentence, in order, with the hedge reworded away (token share < EDITED_COPY)
DROPPED = [
    (SEOUL, "Seoul has been drawn into the trade dispute for hosting the summit."),
    (HYNIX, "SK Hynix said shipments of memory chips to Europe fell sharply in 2024."),
    (TAIPEI, "Taipei says its export controls have been weakened by Malaysian suppliers selling tools to Chinese fabs."),
    (YEN, "The weaker yen has eroded the wages of part-time workers in Osaka, some economists say."),
]

# the hedge kept in other words, or only the sentence's plain clause copied
KEPT = [
    (SEOUL, "Seoul could get drawn into the trade dispute if it hosts the summit, diplomats have said."),
    (TAIPEI, "Taipei worries its export controls might be weakened by suppliers in Malaysia that keep selling tools "
             "to Chinese fabs."),
    (RECALL, "The carmaker has recalled 40,000 of its hybrids, regulators said."),
    (LAUNCH, "Pyongyang has launched two missiles, officials said on Sunday."),
]


@pytest.mark.parametrize("passage, claim", DROPPED)
def test_the_kind_is_a_copy_of_every_word_that_a_token_share_does_not_see(passage, claim):
    # the premise of the kind: below EDITED_COPY by tokens, an edited copy by its words
    assert copy_share(claim, passage) < EDITED_COPY <= alignment(claim, passage).share


@pytest.mark.parametrize("passage, claim", DROPPED)
def test_hedge_dropped_reads_a_copy_through_the_hedges_own_edit(passage, claim):
    reason = hedge_dropped(claim, passage)
    assert reason is not None and reason.startswith("modality: passage says '"), reason
    assert reason.endswith("the claim copies it without the hedge"), reason


@pytest.mark.parametrize("passage, claim", KEPT)
def test_hedge_dropped_leaves_a_reworded_hedge_and_a_plain_clause(passage, claim):
    assert hedge_dropped(claim, passage) is None


@pytest.mark.parametrize("passage, claim", DROPPED)
def test_a_reworded_copy_without_the_hedge_is_rejected(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert res.reasons and res.reasons[0].startswith("modality: passage says '"), res.reasons
    assert res.reasons[0].endswith("the claim copies it without the hedge"), res.reasons


@pytest.mark.parametrize("passage, claim", KEPT)
def test_a_reworded_copy_that_keeps_the_hedge_or_the_plain_clause_is_supported(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)
