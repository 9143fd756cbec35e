"""A reworded claim that states as done what the passage only allows, plans or expects (issue 9, kind ``modality``;
evals/README.md, h/checker-s62).

``hedge_dropped`` vetoes a near-copy that drops the passage's "could"/"would"/"may"; a freely reworded claim was left
to the weighed ``modality`` feature, and the own ``modality`` misses were all rewordings ("refunded" for "said it
might refund", "has raised" for "may raise"). ``modality.stated_as_done`` reads the same conflicts
(``modality_mismatch``) but only where the passage's governed word can be a verb and the claim says that verb as
done or in the present (a past form, a present "-s" form, a base form after no "to" or auxiliary:
``modality_scope.toml`` ``unstated_before``), not where the two share a noun or a name under the cue. It counts for
the vetoed ``hardened``. A claim that keeps a hedge of its own ("fears", ``claim_hedges``) is no conflict. Passages
and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.features import FEATURES
from rag.support.modality import stated_as_done

# both accepted on main b76febb (0.54 / 0.47)
STATED = [
    ("After the court ruling, the city said it might refund parking fines to residents who file a claim by June.",
     "The city refunded parking fines to residents after the court ruling.", "refunded"),
    ("Consumer groups say the merger may raise fares on domestic routes by as much as a fifth.",
     "The merger has raised fares on domestic routes, consumer groups say.", "raised"),
]

# the reading alone (the window is the passage's one sentence)
STATED_READINGS = [
    ("The new coating could double the working life of rooftop solar panels, the researchers said on Tuesday.",
     "The new coating doubles the life of rooftop panels.", "doubles"),
    ("Under the proposal, customs officers would inspect each container that arrives from the free-trade zone.",
     "Customs officers inspected every container arriving from the free-trade zone.", "inspected"),
    ("Analysts said chip exports may begin to recover in the spring as stockpiles run down.",
     "Chip exports recovered in the spring, analysts said.", "recovered"),
    # an "-s" form after a noun ("a day lowers"), which the word-class reading takes for a plural noun
    ("Two cans of energy drink a day may begin to damage the arteries of teenagers, a new study has found.",
     "A new study found that two cans of energy drink a day damages the arteries of teenagers.", "damages"),
]

FAITHFUL = [
    ("The new coating could double the working life of rooftop solar panels, the researchers said on Tuesday.",
     "Researchers say the new coating could double the life of solar panels."),
    ("Under the proposal, customs officers would inspect each container that arrives from the free-trade zone.",
     "Customs officers are to inspect every container from the free-trade zone under the proposal."),
    # a hedge of the claim's own (was rejected on main: hedge_dropped read "pushes" as the copy without "could")
    ("Trade groups warned that the ministry's new rule could push small exporters out of the market within a year.",
     "Trade groups fear the ministry's new rule pushes small exporters out of the market."),
    # a plain future said in the present
    ("The minister said the bridge will reopen on Monday after repairs.",
     "The minister said the bridge reopens on Monday."),
    # the act told without the cue in another sentence of the passage
    ("Fuel prices rose for a third month, and the airline cancelled its Osaka route, which it could no longer fill.",
     "The airline cancelled its Osaka route after fuel prices rose."),
]


@pytest.mark.parametrize("passage, claim, form", STATED)
def test_a_reworded_claim_stating_an_allowed_act_as_done_is_rejected(checker, passage, claim, form):
    assert (stated_as_done(claim, passage) or "").endswith(f"the claim '{form}'")
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert res.features[FEATURES.index("hardened")] >= 1, res.reasons
    assert any(r.startswith("modality: passage says") for r in res.reasons), res.reasons


@pytest.mark.parametrize("passage, claim, form", STATED_READINGS)
def test_the_act_stated_as_done_is_read(passage, claim, form):
    assert (stated_as_done(claim, passage) or "").endswith(f"the claim '{form}'")


@pytest.mark.parametrize("passage, claim", FAITHFUL)
def test_a_claim_keeping_the_hedge_or_told_plainly_is_supported(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)


@pytest.mark.parametrize("claim", [
    "Shares fell on fears of US sanctions over the deal.",  # a noun under the cue, not an act stated
    "The ministry wants to raise fares on domestic routes.",  # "to raise": no present tense
    "The merger did not raise fares on domestic routes.",  # negated: the polarity check's
])
def test_no_act_stated_as_done(claim):
    passage = "The merger may raise fares on domestic routes and could face US sanctions, analysts said."
    assert stated_as_done(claim, passage) is None


def test_the_object_of_the_cue_s_verb_is_no_act():
    # "may raise fares": "fares" is what is raised; a claim saying "fares" in the present is no conflict on it
    passage = "The merger may raise fares on domestic routes, analysts said."
    assert stated_as_done("Higher fares on domestic routes worry analysts.", passage) is None
    assert stated_as_done("The merger has raised fares on domestic routes.", passage).endswith("the claim 'raised'")
