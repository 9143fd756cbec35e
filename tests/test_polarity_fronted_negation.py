"""A fronted negative adverbial with inversion negates the clause after it, not the adverbial's own words.

"Not since the Cold War has NATO made such enhancements" says NATO has *not made* such enhancements since the Cold
War. Read as an ordinary "not" whose scope runs over the next words, it negated "the Cold War" instead, so the plain
restatement "NATO has not made such enhancements since the Cold War" was vetoed as a flip on "cold"
(``rag/support/polarity.py``, ``rag/support/data/inversion.toml``; evals/README.md, h/checker-s33).
"""

from __future__ import annotations

import pytest

from rag.support.polarity import polarity, polarity_conflict


def conflict(claim: str, passage: str) -> str | None:
    return polarity_conflict(polarity(claim), polarity(passage))


NATO = "Not since the Cold War has NATO made such significant enhancements to its posture."
FILM = "Not since 2015's “Mad Max: Fury Road” has a studio film felt this epic and tactile."
YANKEE = "Not since Jeter has there been a Yankee so popular with their youngest fans."
FUNERAL = "Not since 1965, for former Prime Minister Winston Churchill, has Britain mounted a state funeral."
TARIFF = "Not until last week had the ministry published its tariff schedule."
RATES = "Not since 2008 have central banks raised interest rates so quickly."


@pytest.mark.parametrize("passage, claim", [
    (NATO, "NATO has not made such significant enhancements to its posture since the Cold War."),
    (FILM, "No studio film had felt this epic and tactile since 2015's “Mad Max: Fury Road”."),
    (YANKEE, "No Yankee since Jeter has been this popular with the team's youngest fans."),
    (FUNERAL, "Britain has not held a state funeral since 1965."),
    (TARIFF, "The ministry had not published its tariff schedule until last week."),
    (RATES, "Central banks have not raised interest rates so quickly since 2008."),
])
def test_the_plain_restatement_keeps_the_negation_of_the_inverted_clause(passage, claim):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("passage, claim", [
    (NATO, "NATO has made such significant enhancements to its posture several times since the Cold War."),
    (FILM, "A studio film felt this epic and tactile in 2015."),
    (YANKEE, "Several Yankees since Jeter have been this popular with the team's youngest fans."),
    (FUNERAL, "Britain has mounted several state funerals since 1965."),
    (RATES, "Central banks have raised interest rates this quickly several times since 2008."),
])
def test_a_claim_that_drops_the_negation_is_still_a_flip(passage, claim):
    assert conflict(claim, passage) is not None


@pytest.mark.parametrize("passage, claim", [
    # "not" inside a clause, not fronted: an ordinary negator
    ("The company said it would not since resume exports.", "The company would resume exports."),
    # a fronted "not" with no inverted auxiliary after it is no inversion either
    ("Not since the merger, the chief executive said, with a shrug.", "The chief executive shrugged since the merger."),
])
def test_a_not_that_opens_no_inversion_is_read_as_before(passage, claim):
    assert conflict(claim, passage) == conflict(claim, passage.replace("Not since", "not since"))
