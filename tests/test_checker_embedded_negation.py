"""A negation inside an embedded clause does not negate the main clause (h/checker-s67, issue 9; XSum-style
one-sentence summaries fold a detail into a relative or gerund clause: "A man who broke a taxi driver's jaw after
refusing to pay his fare has been jailed", rejected as "opposite custody predicate": the scope of "refusing" ran on
over "has been" to "jailed").

``polarity.embedded_cue``: a cue that is a gerund, "without", or follows a relative pronoun in its clause
(``negation.toml`` relative_pronouns) has a scope that ends at the main clause's finite auxiliary once it has its
head. Specs on new news-like pairs; guards: a negation of the main clause itself, an embedded negation restated
against a passage that says the opposite of its own clause, and a negation that is not embedded.
"""

import pytest

from rag.support.polarity import polarity, polarity_conflict

EMBEDDED = [
    ("A driver who refused to pay has been fined £1,200 by magistrates in Leeds.",
     "A driver has been fined £1,200 by magistrates in Leeds. He had refused to pay the congestion charge on 14 "
     "occasions, the court heard."),
    ("A Dutch airline that failed to refund fares has been ordered to pay its passengers compensation.",
     "A Dutch airline has been ordered to pay compensation to its passengers. The carrier failed to refund fares "
     "for flights it cancelled during the pandemic, the regulator found."),
    ("A teenager caught without a licence after refusing to stop for police was arrested in Perth.",
     "A teenager was arrested in Perth after refusing to stop for police. Officers found he was driving without a "
     "licence."),
    ("A councillor who declined to declare shares was suspended by his party.",
     "A councillor has been suspended by his party. He declined to declare shares he held in a building firm that "
     "bid for council contracts."),
    ("A Brazilian footballer who did not turn up for training was dropped from the squad for Sunday's match.",
     "The footballer was dropped from the squad for Sunday's match, his club said. He did not turn up for training "
     "on Thursday or Friday."),
    ("A man who broke a bus driver's nose after refusing to pay his fare has been jailed for four years.",
     "A man has been jailed for four years for attacking a bus driver in Cardiff. He broke the driver's nose after "
     "refusing to pay his fare."),
    ("A Kenyan runner who failed a drugs test has been banned for four years.",
     "The Kenyan runner has been banned for four years by the Athletics Integrity Unit. She failed a drugs test "
     "in March."),
]


@pytest.mark.parametrize("claim, passage", EMBEDDED)
def test_an_embedded_negation_leaves_the_main_clause_alone(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) is None


@pytest.mark.parametrize("claim, passage", EMBEDDED[:3])
def test_the_checker_keeps_the_summary(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not any(r.startswith("negation") for r in res.reasons), res.reasons


OPPOSITE = [
    # the main clause negated: the claim says the opposite of the passage
    ("A driver who refused to pay a congestion charge has not been fined.", EMBEDDED[0][1]),
    # the main clause's act reversed on its own axis
    ("A man who refused to pay his fare has been released.",
     "A man has been jailed for six years. He refused to pay his fare and attacked the driver."),
    # a negation that is no embedded clause still reaches its verb
    ("The minister did not say the plant will close.", "The minister said the plant will close next year."),
    # an embedded cue whose own clause is what the passage denies
    ("A councillor who refused to resign has been suspended.",
     "A councillor who resigned last week has been suspended by his party."),
]


@pytest.mark.parametrize("claim, passage", OPPOSITE)
def test_a_negation_of_the_main_clause_or_of_its_own_clause_still_conflicts(claim, passage):
    assert polarity_conflict(polarity(claim), polarity(passage)) is not None
