"""The three error kinds left after the 380-claim refit, and the boosted model the checker decides with.

1. A value bound to the wrong slot with every word cited ("eight missile tests in 2020 and four in 2021" against
   the reverse): ``rag.support.bindings.slot_swap``.
2. An antonym where the cited sentence goes both ways ("tightened" against "eased ..., bucking a global tightening
   trend"): antonym-axis words compared in their context (``rag.support.polarity``).
3. Faithful rewordings read as edits of a copied sentence ("declined to comment" for "said it had no comment"):
   ``rag.support.edits.rewording``.

Each kind has several inputs besides the issue's example, and inputs of the same shape that must not fire.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from rag.support.bindings import figure_year, slot_swap
from rag.support.edits import alignment, copy_edits, edited_copy, rewording
from rag.support.facts import index_text
from rag.support.features import FEATURES, passage_names
from rag.support.model import MODEL_PATH, Blend, Boosted, Logistic, Tree, load_model, scorer_from_dict
from rag.support.polarity import polarity, polarity_conflict

# --- 1. a value bound to the wrong slot ------------------------------------------------------------------------

SWAPPED_SLOTS = [
    ("North Korea conducted eight missile tests in 2020 and four in 2021.",
     "By comparison, Pyongyang conducted four tests in 2020 and eight in 2021.", "four"),
    ("Exports rose 3% in 2021.", "Exports rose 3% in 2020 and 5% in 2021.", "5%"),
    ("The company hired 300 engineers in 2019 and 200 in 2020.",
     "The company hired 200 engineers in 2019 and 300 in 2020, its annual report says.", "200"),
    ("Revenue reached $4.2 billion in 2022, up from $3.1 billion in 2021.",
     "Revenue reached $3.1 billion in 2022, up from $4.2 billion in 2021.", "3.1"),
    ("Police arrested John Smith, 52, and Mary Jones, 45, on Friday.",
     "Officers said police arrested John Smith, 45, and Mary Jones, 52, on Friday.", "52"),
    ("The survey found that 61 percent backed the plan in 2018 and 48 percent in 2022.",
     "The survey found that 48 percent backed the plan in 2018 and 61 percent in 2022.", "48"),
]


@pytest.mark.parametrize("claim,window,given", SWAPPED_SLOTS)
def test_a_figure_moved_to_another_year_or_name_is_named(claim, window, given):
    reason = slot_swap(claim, window, passage_names(window))
    assert reason is not None and reason.startswith("binding:") and given in reason, reason


@pytest.mark.parametrize("claim,window", [
    ("North Korea conducted four missile tests in 2020 and eight in 2021.",
     "This marks North Korea's 23rd launch this year. Pyongyang conducted four tests in 2020 and eight in 2021."),
    ("In 2021 North Korea conducted eight tests, after four in 2020.",
     "Pyongyang conducted four tests in 2020 and eight in 2021."),
    ("Exports rose 5% in 2021 after 3% in 2020.", "Exports rose 3% in 2020 and 5% in 2021."),
    ("Mary Jones, 52, and John Smith, 45, were arrested.", "Police arrested John Smith, 45, and Mary Jones, 52."),
    ("The company hired 500 engineers over 2019 and 2020.", "The company hired 200 engineers in 2019 and 300 in 2020."),
])
def test_figures_kept_with_their_years_and_names_are_not_a_swap(claim, window):
    assert slot_swap(claim, window, passage_names(window)) is None


@pytest.mark.parametrize("text,surface,year", [
    ("It held its 14th launch -- up from just four tests in 2020 and eight in 2021.", "four", "2020"),
    ("It held its 14th launch -- up from just four tests in 2020 and eight in 2021.", "eight", "2021"),
    ("Revenue reached $3.1 billion in 2022, up from $4.2 billion in 2021.", "$3.1 billion", "2022"),
    ("Only 11% of large newspapers had layoffs in 2021, down from 33% in 2020.", "33%", "2020"),
    ("Exports rose 3% after a 2% rise the year before.", "3%", None),
    ("Pew finds that's down from 33% in 2020.", "3%", None),  # "3%" is not the tail of "33%"
])
def test_a_figure_is_dated_by_the_year_it_is_bound_to(text, surface, year):
    assert figure_year(text, surface) == year


# --- 2. antonyms where the cited sentence goes both ways ---------------------------------------------------------

BOTH_WAYS = [
    ("China has tightened its monetary policy this year, in line with the global trend.",
     "China has eased its monetary policy this year, bucking a global tightening trend, to shore up its economy."),
    ("The regulator tightened the rules on short selling.",
     "The regulator eased the rules on short selling, even as rivals abroad tightened theirs."),
    ("Seoul lifted the curbs on chip exports to Beijing.",
     "Seoul imposed curbs on chip exports to Beijing after it had lifted a ban on memory imports."),
    ("Copper output rose at the Chilean mine.",
     "Copper output fell at the Chilean mine while zinc prices rose sharply."),
]


@pytest.mark.parametrize("claim,window", BOTH_WAYS)
def test_an_antonym_is_caught_when_the_sentence_also_has_the_claims_word_elsewhere(claim, window):
    reason = polarity_conflict(polarity(claim), polarity(window))
    assert reason is not None and reason.startswith("negation mismatch"), reason


@pytest.mark.parametrize("claim,window", [
    ("China has eased its monetary policy this year, against the global trend.", BOTH_WAYS[0][1]),
    ("Rivals abroad tightened their rules on short selling.", BOTH_WAYS[1][1]),
    ("Seoul imposed curbs on chip exports to Beijing.", BOTH_WAYS[2][1]),
    ("Zinc prices rose sharply.", BOTH_WAYS[3][1]),
])
def test_the_word_the_sentence_says_of_the_same_thing_is_no_conflict(claim, window):
    assert polarity_conflict(polarity(claim), polarity(window)) is None


@pytest.mark.parametrize("claim,window", [
    ("Pyongyang declared victory without having rolled out any known vaccine program.",
     "Pyongyang's declaration of victory comes despite rolling out no known vaccine program."),
    ("Inspectors did not find any signs of damage at the plant.", "Inspectors found no signs of damage at the plant."),
    ("The ministry has not set up a task force.", "The ministry set up no task force, officials said."),
])
def test_a_verb_with_a_negated_object_is_a_negated_verb(claim, window):
    assert polarity_conflict(polarity(claim), polarity(window)) is None
    undone = claim.replace("without having rolled", "after it rolled").replace("did not find any", "found").replace(
        "has not set", "has set")
    assert polarity_conflict(polarity(undone), polarity(window)) is not None, undone


# --- 3. faithful rewordings of a copied sentence ----------------------------------------------------------------

REWORDED = [
    ("The US Indo-Pacific Command declined to comment on the reports of Wednesday's test.",
     "The US Indo-Pacific Command said it had no comment on the reports of Wednesday's test."),
    ("The ministry declined to comment on the new export rules.",
     "The ministry would not comment on the new export rules."),
    ("The European Commission has not yet approved the merger of the two chipmakers.",
     "The European Commission has yet to approve the merger of the two chipmakers."),
    ("Samsung refused to comment on the talks with the union.",
     "Samsung did not comment on the talks with the union."),
    ("The agency authorised the sale of the drones to the navy.",
     "The agency approved the sale of the drones to the navy."),
    ("Officials halted the shipments of rare earths last week.",
     "Officials suspended the shipments of rare earths last week."),
]


@pytest.mark.parametrize("claim,window", REWORDED)
def test_a_negation_or_synonym_said_another_way_is_not_an_edit(claim, window):
    assert edited_copy(claim, window) == []
    assert copy_edits(claim, window, index_text(window))[1] == []
    assert alignment(claim, window)[1] == 0


@pytest.mark.parametrize("claim,window", [
    ("The ministry commented on the new export rules.", "The ministry declined to comment on the new export rules."),
    ("The agency rejected the sale of the drones to the navy.", "The agency approved the sale of the drones to the navy."),
    ("Officials resumed the shipments of rare earths last week.", "Officials suspended the shipments of rare earths last week."),
    ("Karen Langhart was looking forward to the trip.", "Erika Langhart was looking forward to the trip, Karen said."),
])
def test_a_changed_meaning_stays_an_edit(claim, window):
    assert edited_copy(claim, window), (claim, window)


def test_rewording_needs_both_spans_to_negate():
    assert rewording(["declined", "to"], ["said", "it", "had", "no"])
    assert not rewording(["said", "it", "had"], ["declined", "to"])
    assert not rewording(["commented"], ["declined", "to", "comment"])


# --- the boosted model: plain trees applied with numpy ----------------------------------------------------------

def test_boosted_trees_add_their_leaves_on_the_logit_scale():
    stump = Tree(feature=(0, -1, -1), threshold=(0.5, 0.0, 0.0), left=(1, -1, -1), right=(2, -1, -1), value=(0.0, -1.0, 2.0))
    model = Boosted(baseline=0.5, trees=(stump, stump))
    assert model.logit([0.2]) == pytest.approx(0.5 - 2.0)
    assert model.logit([0.9]) == pytest.approx(0.5 + 4.0)
    assert model.probability([0.9]) == pytest.approx(1 / (1 + np.exp(-4.5)))
    assert scorer_from_dict({"baseline": 0.5, "trees": [{"feature": [0, -1, -1], "threshold": [0.5, 0, 0],
                                                          "left": [1, -1, -1], "right": [2, -1, -1],
                                                          "value": [0, -1, 2]}]}, "boosted").logit([0.9]) == 2.5
    with pytest.raises(ValueError):
        scorer_from_dict({"baseline": 0.0, "trees": [{"feature": [0], "threshold": [], "left": [-1], "right": [-1],
                                                      "value": [0.0]}]}, "boosted")
    with pytest.raises(ValueError):
        scorer_from_dict({}, "forest")


def test_a_blend_adds_its_parts_log_odds_by_weight():
    stump = Tree(feature=(0, -1, -1), threshold=(0.5, 0.0, 0.0), left=(1, -1, -1), right=(2, -1, -1), value=(0.0, -1.0, 2.0))
    linear = Logistic(np.zeros(1), np.ones(1), np.array([3.0]), -1.0)
    blend = Blend((Boosted(0.0, (stump,)), linear), (0.3, 0.7))
    assert blend.logit([0.9]) == pytest.approx(0.3 * 2.0 + 0.7 * (3.0 * 0.9 - 1.0))
    with pytest.raises(ValueError):
        scorer_from_dict({"parts": [{"kind": "logistic", "mean": [0], "scale": [1], "coef": [1], "intercept": 0}],
                          "weights": [0.5, 0.5]}, "blend")


def test_the_shipped_model_is_read_as_its_kind_with_one_model_per_fold():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model = load_model()
    kinds = {"boosted": Boosted, "logistic": Logistic, "blend": Blend}
    assert isinstance(model.main, kinds[data.get("kind", "logistic")])
    assert len(model.folds) == data["folds"]["k"]
    p = model.main.probability([0.0] * len(FEATURES))
    assert 0.0 <= p <= 1.0


def test_the_exported_trees_reproduce_scikit_learn():
    pytest.importorskip("sklearn")
    from evals.fit_checker import _fit_boosted, _predict

    rng = np.random.default_rng(0)
    x = rng.random((300, len(FEATURES)))
    y = (x[:, 0] + 0.3 * rng.random(300) > 0.6).astype(int)
    model = _fit_boosted(x, y, {"max_iter": 30, "learning_rate": 0.1, "max_leaf_nodes": 4, "min_samples_leaf": 10})
    p = _predict(model, x)
    assert ((p >= 0.5) == y.astype(bool)).mean() > 0.8  # it learnt the first signal (the export check is inside)


# --- the checker end to end on the three kinds ------------------------------------------------------------------


MISSILES = ("This marks North Korea's 23rd missile launch this year, including the most ballistic missiles fired in a "
            "single year since leader Kim Jong Un took power in 2012. By comparison, Pyongyang conducted four tests in "
            "2020 and eight in 2021.")


def test_the_checker_rejects_a_swapped_slot_and_names_the_binding(checker):
    bad = checker.check("North Korea conducted eight missile tests in 2020 and four in 2021.", [MISSILES])
    assert not bad.supported and any(r.startswith("binding:") for r in bad.reasons), bad.reasons
    good = checker.check("Pyongyang conducted eight tests in 2021, after four in 2020.", [MISSILES])
    assert good.supported, good.reasons


def test_the_checker_rejects_an_antonym_and_accepts_a_reworded_negation(checker):
    policy = ("It could also complicate policymakers' efforts to boost the economy by lowering interest rates. China "
              "has eased its monetary policy this year, bucking a global tightening trend, to shore up its economy.")
    r = checker.check("China has tightened its monetary policy this year, in line with the global trend.", [policy])
    assert not r.supported and "negation" in " ".join(r.reasons), r.reasons
    r = checker.check(REWORDED[0][0], [REWORDED[0][1]])
    assert r.supported, r.reasons


# --- amounts moved the other way: "expand" against "cut" ---------------------------------------------------------


@pytest.mark.parametrize("claim,passage", [
    ("The government must cut its subsidies for memory makers.",
     "The government must expand its subsidies for memory makers before the next election, Park wrote."),
    ("Seoul slashed the chip research budget for next year.",
     "Seoul boosted the chip research budget for next year by 12 percent."),
    ("Tokyo expanded its support for the Hokkaido fab.",
     "Tokyo trimmed its support for the Hokkaido fab after costs rose."),
])
def test_expanding_and_cutting_an_amount_disagree(claim, passage):
    reason = polarity_conflict(polarity(claim), polarity(passage))
    assert reason is not None and reason.startswith("negation mismatch"), reason
