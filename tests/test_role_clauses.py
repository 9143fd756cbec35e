"""A hedge or a future in a subordinate clause is not the sentence's own (issue 10, item 2: roles mistyped in
sections).

The topics suite rejected, among the quotes its sections took, "Officials in Washington are seeking Tokyo's
engagement on ways to restrict ... materials that could accelerate China's capabilities" (an event, typed forecast
for its "could") and "Abe and his aides have hinted that there might have been illegal transfers" (a statement,
typed judgement for its "might"). The role features now count the hedge, future, forecast and judgement cues of the
main clause apart (``role_features.main_clause``), and a reporting or attitude verb with its "that" clause
(``role_cues.toml`` ``reported_that``); the model was refitted on them.
"""

from __future__ import annotations

import pytest

from rag.role_features import feature_names, lexical_features, main_clause
from rag.roles import classify


@pytest.mark.parametrize("text, main", [
    ("Officials are seeking ways to restrict materials that could accelerate China's progress.",
     "Officials are seeking ways to restrict materials"),
    ("The US is worried that existing restrictions could be undermined.", "The US is worried"),
    ("Abe has hinted that there might have been illegal transfers.", "Abe has hinted"),
    ("If Beijing retaliates, Tokyo will likely respond in kind.", "Tokyo will likely respond in kind."),
    ("Although the ban is narrow, it may hurt exporters, analysts said.", "it may hurt exporters, analysts said."),
    ("Japan may lift the curbs next year.", "Japan may lift the curbs next year."),
    # a relative clause between commas is an aside: the main clause goes on after it
    ("The ministry, which oversees trade, said it would act.", "The ministry, said it would act."),
    ("Modi, who arrived in Samarkand after midnight Friday, is expected to meet Putin.",
     "Modi, is expected to meet Putin."),
])
def test_the_main_clause_is_what_the_sentence_itself_asserts(text, main):
    assert main_clause(text) == main


def _column(name: str) -> int:
    return feature_names().index(name)


@pytest.mark.parametrize("text, hedged", [
    ("Officials are drafting rules that could slow chip shipments to China.", 0),
    ("Rules on chip shipments could slow exports to China.", 1),
    ("The minister said that the curbs might be lifted.", 0),
    ("The curbs might be lifted next month.", 1),
])
def test_the_main_clause_hedge_counts_only_the_main_clauses_hedges(text, hedged):
    row = lexical_features([text])[0]
    assert (row[_column("main:hedge")] > 0) == bool(hedged)
    assert row[_column("cue:hedge")] > 0  # the sentence's own count still sees every hedge


# (the same content with its modal in a subordinate clause, and in the main clause)
PAIRS = [
    ("Officials in Seoul are drafting rules on chip exports that could slow shipments to China.",
     "Rules on chip exports could slow shipments to China."),
    ("Ministers in Tokyo have hinted that the curbs might be extended to more materials.",
     "The curbs might be extended to more materials."),
    ("The commerce ministry is worried that the sanctions could be undermined by transshipment.",
     "The sanctions could be undermined by transshipment."),
    ("Police arrested two engineers who would have shipped the tools to Shenzhen.",
     "Two engineers would ship the tools to Shenzhen."),
]


@pytest.mark.parametrize("subordinate, main", PAIRS)
def test_a_modal_in_a_subordinate_clause_makes_a_sentence_less_of_a_forecast_than_one_in_the_main_clause(subordinate, main):
    sub, own = classify([subordinate, main])
    speculative = ("forecast", "judgement")
    # the model, fitted on 631 sentences, still types two of these four subordinate versions "forecast" (0.32 and
    # 0.40 against statement 0.22 and 0.34): what it learned is that they are less of one
    assert sum(sub.probs[r] for r in speculative) < sum(own.probs[r] for r in speculative) - 0.1


def test_a_reported_hint_with_a_hedge_is_a_statement():
    (pred,) = classify(["Japanese officials have hinted that there might have been illegal transfers of "
                        "sensitive materials to a third country."])
    assert pred.role == "statement"
