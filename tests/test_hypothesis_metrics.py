"""The topics-news report's hypothesis measures (``evals.hypothesis_metrics``) on hand-made sections: each can fail."""

from __future__ import annotations

from rag.brief import Claim
from evals.hypothesis_metrics import both_ways, held, hypothesis_scores, hypothesis_view


def _c(text="q", **kw) -> Claim:
    return Claim(text=text, **kw)


def test_a_named_holder_or_a_source_offering_its_own_hypothesis_holds_it():
    assert held(_c(statement="the curbs were based on a lack of trust", held_by="Japanese officials"))
    assert held(_c(role="hypothesis", attribution="DeskWatch offers"))  # "Hypothesis B: …", labelled by its source


def test_an_outlet_reporting_it_or_an_unnamed_suggestion_someone_denies_holds_nothing():
    assert not held(_c(statement="the move was driven by worsening ties", denied_by="Japanese officials",
                       attribution="Taipei Times reports the explanation"))
    assert not held(_c(statement="the tariffs were raised because imports doubled",
                       attribution="Taipei Times reports the explanation"))


def test_evidence_both_ways_needs_one_sentence_for_and_one_against():
    assert both_ways(_c(evidence_for=[_c("a")], evidence_against=[_c("b")]))
    assert not both_ways(_c(evidence_for=[_c("a")]))
    assert not both_ways(_c(evidence_against=[_c("b")]))


def test_the_scores_are_shares_of_the_listed_explanations_and_undefined_without_any():
    full = _c(held_by="analysts", statement="s", evidence_for=[_c("a")], evidence_against=[_c("b")])
    bare = _c(statement="s2", denied_by="Beijing")
    assert hypothesis_scores([full, bare]) == {"hypotheses_held": 0.5, "hypotheses_both_ways": 0.5, "hypotheses_weighed": 0.5}
    assert hypothesis_scores([bare]) == {"hypotheses_held": 0.0, "hypotheses_both_ways": 0.0, "hypotheses_weighed": 0.0}
    assert hypothesis_scores([]) == {"hypotheses_held": None, "hypotheses_both_ways": None, "hypotheses_weighed": None}


def test_a_change_of_the_scores_is_a_change_of_the_recorded_view():
    # tn-004 (s33): the one piece of evidence against re-read as a party's own statement moved both_ways 1 -> 0;
    # the item's recorded output must change with it, or the report says "output same" for a changed score
    drills = "China's military will start exercises around Taiwan in response to Pelosi's visit"
    before = _c(statement=drills, held_by="Eastern Theater Command", evidence_for=[_c("a", role="statement")],
                evidence_against=[_c("b", role="event")])
    after = before.model_copy(update={"evidence_against": [_c("b", role="party_statement")]})
    assert both_ways(before) and not both_ways(after)
    assert hypothesis_view([before]) != hypothesis_view([after])
    assert hypothesis_view([after]) == [{"held": True, "held_by": "Eastern Theater Command", "for": ["statement"],
                                         "against": ["party_statement"]}]
    assert hypothesis_view([]) == []
