"""A count of one place's things where the passage counts a wider set that includes that place (issue 9; evals/README.md,
h/checker-s62).

A new user's claim counted one member country's companies where its passage counted foreign companies, including
makers of that country and others ("Thirty Taiwanese suppliers were added" for "Thirty foreign suppliers were added
…, including firms from Taiwan and Malaysia"): a set's member stated as the whole, the count kept. The name checks
find the place in the sentence and the count checks the figure, so the edited copy passed on its overlap.
``counted_nouns.narrowed_counts`` reads a claim count whose counted phrase puts a place before its noun; when the
passage sentences giving that figure of that noun name the place but never put it in the counted phrase (before the
noun, or right after it: "14 cloud providers from South Korea"), the claim narrows the set. Counted into the vetoed
``counted_swap``, with a "scope:" reason. Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.counted_nouns import narrowed_counts
from rag.support.features import FEATURES
from rag.support.text_cache import sentences_of

# all four accepted on main b76febb (0.34-0.41)
NARROWED = [
    ("Thirty foreign suppliers were added to the list, including firms from Taiwan and Malaysia.",
     "Thirty Taiwanese suppliers were added to the list.", ("thirty", "taiwanese suppliers", "foreign suppliers")),
    ("Regulators approved 14 overseas cloud providers for government work, among them companies from South Korea and "
     "Singapore.",
     "Regulators approved 14 Korean cloud providers for government work.",
     ("14", "korean cloud providers", "overseas cloud providers")),
    ("Eight regional factories lost their export licences in April, including plants in Vietnam, Thailand and "
     "Cambodia.",
     "Eight Vietnamese factories lost their export licences in April.",
     ("eight", "vietnamese factories", "regional factories")),
    ("Twenty international students were awarded the research grant this year, including students from India, Kenya "
     "and Brazil.",
     "Twenty Indian students were awarded the research grant this year.",
     ("twenty", "indian students", "international students")),
]

FAITHFUL = [
    # the member named as a member
    ("Thirty foreign suppliers were added to the list, including firms from Taiwan and Malaysia.",
     "Thirty suppliers, including firms from Taiwan, were added to the list."),
    # the place right after the counted noun
    ("Regulators approved 14 cloud providers from South Korea for government work, the ministry said.",
     "Regulators approved 14 Korean cloud providers for government work."),
    ("Eight factories in Vietnam lost their export licences in April, the trade ministry in Hanoi said.",
     "Eight Vietnamese factories lost their export licences in April."),
    # the place before the noun on both sides
    ("The agency fined six Dutch shipping firms for false declarations, the first such penalties in Rotterdam.",
     "The agency fined six Dutch shipping firms for false declarations."),
]


def _sentences(passage: str) -> list[str]:
    return [s.text for s in sentences_of(passage)]


@pytest.mark.parametrize("passage, claim, narrowed", NARROWED)
def test_a_member_place_stated_as_the_counted_whole_is_rejected(checker, passage, claim, narrowed):
    assert narrowed_counts(claim, _sentences(passage)) == [narrowed]
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert res.features[FEATURES.index("counted_swap")] >= 1, res.reasons
    assert any(r.startswith("scope: claim says") and "wider set" in r for r in res.reasons), res.reasons


@pytest.mark.parametrize("passage, claim", FAITHFUL)
def test_a_count_of_the_place_s_own_things_is_supported(checker, passage, claim):
    assert narrowed_counts(claim, _sentences(passage)) == []
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)


def test_a_passage_not_naming_the_place_leaves_it_to_the_entity_check():
    assert narrowed_counts("Thirty Taiwanese suppliers were added to the list.",
                           ["Thirty foreign suppliers were added to the list on Friday."]) == []


def test_no_count_no_narrowing():
    assert narrowed_counts("Taiwanese suppliers were added to the list.",
                           ["Foreign suppliers were added to the list, including firms from Taiwan."]) == []


def test_a_place_in_the_counted_phrase_of_any_sentence_counts_the_place():
    sentences = ["Thirty foreign suppliers were added to the list, including firms from Taiwan.",
                 "All thirty suppliers from Taiwan make chip packaging."]
    assert narrowed_counts("Thirty Taiwanese suppliers were added to the list.", sentences) == []
