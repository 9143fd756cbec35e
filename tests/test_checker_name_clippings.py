"""A name written with its words clipped (h/checker-s67, issue 9): "the Welsh Lib Dems" for "the Welsh Liberal
Democrats" was "entity 'Lib Dems' not in cited text". ``name_clippings.clipped_words``: claim name words that each
begin a longer word of one capitalised run of the passage (three letters kept, two dropped at least), the name's
other words in that run too; a one-word name is never read as clipped. Specs on new news-like pairs; guards: a clipping of another name's word, a word that
only begins the passage's word by chance in another run, a name the passage lacks.
"""

import pytest

from rag.support.name_clippings import clipped_words

CLIPPED = [
    ("The Scottish Lib Dems have chosen a new leader.",
     "The Scottish Liberal Democrats have chosen a new leader after a vote of members."),
    ("Man City have signed the Brazilian defender Caio Lemos.",
     "Manchester City have signed the Brazilian defender Caio Lemos from Santos for £30m."),
    ("The Lib Dem candidate won the Bath by-election.",
     "The Liberal Democrat candidate won the by-election in Bath with a majority of 4,000."),
    ("Sen. Okafor voted against the bill.", "Senator Okafor voted against the bill on Tuesday."),
]


@pytest.mark.parametrize("claim, passage", CLIPPED)
def test_a_clipped_name_is_the_passage_name(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not any(r.startswith("entity") for r in res.reasons), res.reasons


def test_the_clipping_reading():
    runs = [frozenset({"welsh", "liberal", "democrats"}), frozenset({"cardiff"})]
    assert clipped_words(["Lib", "Dems"], ["Welsh"], runs) == ["Lib", "Dems"]


NOT_CLIPPED = [
    # the other name word is not in the clipped word's run
    (["Dems"], ["Welsh"], [frozenset({"scottish", "democrats"}), frozenset({"welsh", "assembly"})]),
    # too short a clipping, or no letters dropped
    (["Li", "De"], [], [frozenset({"liberal", "democrats"})]),
    (["Labour"], [], [frozenset({"labour", "party"})]),
    # no passage word begins so
    (["Con", "Dems"], [], [frozenset({"liberal", "democrats"})]),
    # a one-word name: a lone word that begins a passage word is more often another name
    (["Ken"], [], [frozenset({"kensington", "palace"})]),
    (["Dems"], [], [frozenset({"democrats"})]),
]


@pytest.mark.parametrize("missing, present, runs", NOT_CLIPPED)
def test_no_clipping(missing, present, runs):
    assert clipped_words(missing, present, runs) == []


def test_a_name_the_passage_lacks_is_still_an_entity_problem(checker):
    res = checker.check("The Green Party candidate won the Bath by-election.",
                        ["The Liberal Democrat candidate won the by-election in Bath with a majority of 4,000."])
    assert not res.supported
