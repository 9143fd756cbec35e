"""A copy whose only edit is one swapped noun, and a reworded claim that puts another noun of the replaced one's
field (issue 9, kind ``topic``; evals/README.md, h/checker-s61).

"Traders said barley prices rose for a third straight week …" copies its sentence word for word but for the noun
"wheat": the frame is the passage's, the crop is not. ``copied_swap`` vetoed such an edited copy only when its swap
weighs ``noun_synonyms.OTHER_THING`` or more, and the embedder puts many different things near each other ("barley"
by "wheat", "smartphones" by "laptops", "diesel" by "petrol"), so the copy's overlap carried the claim. When the
swap is the copy's one edit (``noun_synonyms.copy_kind`` is ``Copy.SOLE``: every other token aligned, in order),
every swap counts: a faithful writer who copies a sentence whole and changes one noun puts a synonym, which the
lexicon covers (no swap is read), while an edited copy with other edits beside a light swap stays weighed.

A reworded claim's swap stays weighed too, but not when the lexicon's fields say the two nouns are different kinds
of one thing ("masks" for "ventilators", "trucks" for "buses": ``noun_synonyms.field_swaps``): no rewording makes
them the same. Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.features import FEATURES
from rag.support.noun_synonyms import OTHER_THING, Copy, copied_swaps, copy_kind, field_swaps

WHEAT = ("Traders said wheat prices rose for a third straight week on Friday as fears of a poor harvest in the Black "
         "Sea region spread through the market.")
PETROL = ("The government said it would cut the tax on petrol by a third from next month to ease the pressure on "
          "households hit by rising living costs.")
LAPTOPS = ("Police said the suspects had stolen the laptops from a warehouse near the airport before selling them "
           "online at a fraction of their price.")
ALUMINIUM = ("The factory, which makes aluminium parts for carmakers in Europe and Asia, will stay closed until at "
             "least the end of the month while engineers check the damaged furnaces.")
PROBE = ("The regulator opened a probe into the bank's handling of client deposits on Friday, weeks after a "
         "whistleblower raised concerns about missing funds.")
WARDS = ("The ministry said hospitals in the north were running short of ventilators after a sudden surge in "
         "admissions last month.")
BUSES = "The company recalled thousands of its electric buses after engineers found faults in their batteries."
TANKER = "The port authority said the damaged tanker would be towed to a shipyard in Busan for repairs next week."
STORM = ("Officials said the storm damaged roughly 400 homes along the southern coast and left about 30,000 "
         "households without power overnight.")

# the first three were accepted on c02fb77 (0.32-0.37: each swap weighed under OTHER_THING by the embedder)
SOLE_SWAPS = [
    (WHEAT, WHEAT.replace("wheat prices", "barley prices"), "barley"),
    (PETROL, PETROL.replace("on petrol", "on diesel"), "diesel"),
    (LAPTOPS, LAPTOPS.replace("the laptops", "the smartphones"), "smartphones"),
    (ALUMINIUM, ALUMINIUM.replace("aluminium parts", "plastic parts"), "plastic"),
]


@pytest.mark.parametrize("passage, claim, said", SOLE_SWAPS)
def test_a_copy_whose_only_edit_is_a_swapped_noun_is_rejected(checker, passage, claim, said):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert res.features[FEATURES.index("copied_swap")] >= 1, res.reasons
    assert any(r.startswith(f"topic: claim says '{said}'") for r in res.reasons), res.reasons


@pytest.mark.parametrize("passage, claim", [
    (PROBE, PROBE.replace("a probe", "an inquiry")),  # a synonym the lexicon pairs: no swap is read
    (STORM, STORM.replace("400 homes", "400 houses")),
])
def test_a_copy_whose_only_edit_is_a_synonym_is_supported(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)
    assert res.features[FEATURES.index("copied_swap")] == 0


@pytest.mark.parametrize("claim, sentence, kind", [
    (WHEAT.replace("wheat", "barley"), WHEAT, Copy.SOLE),
    # a second edit beside the swap ("jumped" for "rose"): an edited copy, its light swaps weighed
    (WHEAT.replace("wheat", "barley").replace("rose", "jumped"), WHEAT, Copy.EDITED),
    # a word dropped beside the swap is a second edit too
    (WHEAT.replace("wheat", "barley").replace(" straight", ""), WHEAT, Copy.EDITED),
    ("Barley has become dearer for three weeks running, dealers say, on worries about the Black Sea crop.", WHEAT,
     Copy.REWORDED),
])
def test_copy_kind(claim, sentence, kind):
    assert copy_kind(claim, sentence) == kind


@pytest.mark.parametrize("weights, edited, count", [
    ([0.3], Copy.SOLE, 1.0),  # a light swap in an otherwise word-for-word copy names another thing
    ([0.0], Copy.SOLE, 1.0),  # even one the embedder puts at a synonym's cosine
    ([0.3], Copy.EDITED, 0.0),  # beside other edits it is weighed
    ([OTHER_THING], Copy.EDITED, 1.0),
    ([1.0], Copy.REWORDED, 0.0),
])
def test_copied_swaps_counts_every_swap_of_a_sole_edit(weights, edited, count):
    assert copied_swaps(weights, edited) == count


# both accepted on c02fb77 (0.35 / 0.62): reworded, so the swap was weighed
FIELD_SWAPS = [
    (WARDS, "Hospitals in the north ran short of masks last month when admissions suddenly surged, according to the "
            "ministry.", "masks"),
    (BUSES, "After engineers found battery faults, thousands of the company's electric trucks were recalled.", "trucks"),
]


@pytest.mark.parametrize("passage, claim, said", FIELD_SWAPS)
def test_a_reworded_claim_putting_another_noun_of_the_field_is_rejected(checker, passage, claim, said):
    assert copy_kind(claim, passage) == Copy.REWORDED
    assert field_swaps(claim, passage, [passage], passage) == 1
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert res.features[FEATURES.index("copied_swap")] >= 1, res.reasons
    assert any(r.startswith(f"topic: claim says '{said}'") for r in res.reasons), res.reasons


@pytest.mark.parametrize("passage, claim", [
    (WARDS, "Hospitals in the north ran short of ventilators last month when admissions suddenly surged, according "
            "to the ministry."),
    # a broader word is no other kind of the thing ("vessel" holds "tanker"; "vessel" is in no field)
    (TANKER, "Next week the damaged vessel will be towed to a Busan shipyard for repairs, the port authority said."),
])
def test_a_reworded_claim_keeping_the_thing_is_supported(checker, passage, claim):
    assert field_swaps(claim, passage, [passage], passage) == 0
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)
    assert res.features[FEATURES.index("copied_swap")] == 0


@pytest.mark.parametrize("of_field, count", [(1, 1.0), (0, 0.0)])
def test_copied_swaps_counts_a_reworded_claims_field_swaps(of_field, count):
    assert copied_swaps([1.0], Copy.REWORDED, of_field) == count
