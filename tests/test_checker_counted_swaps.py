"""A figure the passage gives, said of another thing (issue 9, kind ``topic``; evals/README.md, h/checker-s60).

"The town received 45 electricians from three provinces" restates "three provinces sent 45 nurses to the town": the
figure is the passage's, so the number checks pass, and the restatement moves every other word, so no near-copy
reading pairs "electricians" with "nurses" and the model weighed the overlap. ``counted_nouns.counted_swaps`` reads
the noun each plain count counts (the head of the noun phrase after it) in the claim and in every passage sentence
that gives the same figure; the claim counts another thing when no such sentence counts its noun (or a synonym) and
the sentence's noun is nowhere in the claim. The model vetoes ``counted_swap``. Passages and claims are written for
these specs.
"""

from __future__ import annotations

import pytest

from rag.support.counted_nouns import counted_swaps
from rag.support.encoders import STATIC_MODEL_PATH
from rag.support.features import FEATURES, passage_names
from rag.support.model import MODEL_PATH, load_model
from rag.support.text_cache import sentences_of

NURSES = "Three neighbouring provinces sent 45 nurses to the flooded town of Kota Bharu on Saturday, state media said."
BLANKETS = "A Norwegian charity donated 8,000 blankets to the refugee camp near the border last winter."
PORT = "The port handled 320 container ships in March, up from 290 a year earlier, the harbour office said."
PLANT = "Investigators found that 12 inspectors at the plant had skipped safety checks over two years."
TROOPS = "The army deployed 300 troops to the border town after the clashes, officials said."
MINERS = "Rescuers pulled 14 miners from the flooded shaft, and all 14 survivors were taken to hospital."
CAMP = "The charity spent 40,000 dollars on blankets for the camp. It was founded in 2015 by 3 doctors."

# all four were accepted on 00c8a16 (0.39-0.70)
SWAPPED = [
    (NURSES, "The flooded town of Kota Bharu received 45 electricians from three neighbouring provinces on Saturday, "
             "state media said.", ("45", "electricians", "nurses")),
    (BLANKETS, "The refugee camp near the border got 8,000 tents as a gift from a Norwegian charity last winter.",
     ("8,000", "tents", "blankets")),
    (PORT, "In March the harbour office counted 320 cruise liners at the port, against 290 a year before.",
     ("320", "liners", "ships")),
    (PLANT, "Over two years, 12 engineers at the plant skipped safety checks, investigators found.",
     ("12", "engineers", "inspectors")),
]

FAITHFUL = [
    (NURSES, "The flooded town of Kota Bharu received 45 nurses from three neighbouring provinces on Saturday, state "
             "media said."),
    (TROOPS, "After the clashes, 300 soldiers were sent to the border town, officials said."),  # a synonym
    (TROOPS, "After the clashes, 300 people were sent to the border town by the army, officials said."),  # says less
    (PORT, "The harbour office said 320 container vessels called at the port in March."),
    # the claim's noun is in the sentence that gives the figure
    (MINERS, "All 14 survivors, miners pulled from the flooded shaft, were taken to hospital."),
]


def _sentences(passage: str) -> list[str]:
    return [s.text for s in sentences_of(passage)]


@pytest.mark.parametrize("passage,claim,swap", SWAPPED)
def test_a_figure_said_of_another_thing_is_rejected(checker, passage, claim, swap):
    assert counted_swaps(claim, _sentences(passage), passage_names(passage)) == [swap]
    res = checker.check(claim, [passage])
    assert not res.supported, (claim, res.score)
    assert res.features[FEATURES.index("counted_swap")] >= 1
    assert any(r.startswith("topic: ") for r in res.reasons), res.reasons


def test_the_reason_names_both_counts(checker):
    passage, claim, (figure, said, given) = SWAPPED[0]
    res = checker.check(claim, [passage])
    assert f"claim says '{figure} {said}', the passage '{figure} {given}'" in " ".join(res.reasons), res.reasons


@pytest.mark.parametrize("passage,claim", FAITHFUL)
def test_a_figure_said_of_the_same_thing_is_supported(checker, passage, claim):
    assert counted_swaps(claim, _sentences(passage), passage_names(passage)) == []
    res = checker.check(claim, [passage])
    assert res.supported, (claim, res.score, res.reasons)


@pytest.mark.parametrize("claim", [
    "The charity spent 40,000 euros on tents for the camp.",  # money: the number checks' and the units'
    "It was founded in 2015 by 3 nurses.",  # a year is no count; "3 nurses" for "3 doctors" is
    "The camp had no doctors.",  # no figure
])
def test_what_is_read_as_a_count(claim):
    swaps = counted_swaps(claim, _sentences(CAMP), passage_names(CAMP))
    assert swaps == ([("3", "nurses", "doctors")] if "3 nurses" in claim else [])


def test_the_shipped_models_veto_it():
    for path in (MODEL_PATH, STATIC_MODEL_PATH):
        assert "counted_swap" in load_model(path).veto


@pytest.mark.parametrize("passage,claim", [
    # both read as counts before _label: "11 astronauts" for "11 crew", "737 model" for "737 plane"
    ("The Apollo 11 crew landed on the Moon in July 1969.", "The Apollo 11 astronauts landed on the Moon in July 1969."),
    ("Airlines grounded every Boeing 737 plane in the fleet.", "Every Boeing 737 model in the fleet was grounded."),
    ("The Covid-19 pandemic closed 30 schools in the district.", "The Covid-19 outbreak closed 30 schools in the district."),
])
def test_a_figure_in_a_name_is_no_count(passage, claim):
    assert counted_swaps(claim, _sentences(passage), passage_names(passage)) == []
