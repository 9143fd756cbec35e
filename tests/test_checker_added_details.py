"""A claim that adds a detail its passage does not hold (XSum's main error kind) is read where the detail sits.

Inputs are written for these tests (not rows of the claims set): each kind of added detail, and faithful
compressions of the same passages that add nothing.
"""

from __future__ import annotations

import pytest

from rag.support.added_details import added_detail_signal, added_details
from rag.support.facts import index_text
from rag.support.features import FEATURES, window_signals

PASSAGE = ("The Osaka Bears fired manager Ken Sato on Monday after a 61-81 season, the club said. "
           "Sato had led the team since 2019. Fans gathered outside the stadium on Tuesday to protest the decision, "
           "which owner Aiko Mori defended in a statement.")


def kinds(claim: str, passage: str = PASSAGE) -> list[str]:
    return [d.kind for d in added_details(claim, passage, index_text(passage))]


@pytest.mark.parametrize("claim, kind", [
    ("The Osaka Bears fired Ken Sato on Monday after a miserable 61-81 season.", "modifier"),  # evaluative
    ("The club fired the 58-year-old Ken Sato on Monday.", "title"),  # age before the name
    ("Former pitching coach Ken Sato had led the team since 2019.", "title"),  # role before the name
    ("Owner Aiko Mori, a former shipping executive, defended the decision in a statement.", "apposition"),
    ("After the worst season in club history, the Osaka Bears fired Ken Sato.", "superlative"),
])
def test_each_kind_of_added_detail_is_read(claim, kind):
    assert kind in kinds(claim)


@pytest.mark.parametrize("claim", [
    "The Osaka Bears dismissed Ken Sato on Monday after a 61-81 season.",
    "Sato, who had managed the team since 2019, was fired on Monday.",
    "Owner Aiko Mori defended the decision in a statement after fans protested outside the stadium.",
    "The club said it had fired its manager, Ken Sato, on Monday.",
])
def test_a_faithful_compression_adds_nothing(claim):
    assert kinds(claim) == []


def test_a_word_from_another_sentence_of_the_passage_is_not_added():
    # "stadium" is not in the first sentence but the passage holds it: not an addition
    assert kinds("The Osaka Bears fired Ken Sato on Monday, fans at the stadium said.") == []


def test_numbers_count_as_new_only_when_the_passage_lacks_them():
    assert kinds("Sato had led the team for 2019 and 2020.", "Sato had led the team since 2019 and 2020.") == []
    assert "title" in kinds("The club fired the 58-year-old Ken Sato.")
    assert kinds("Sato, 61, was fired.", "Sato was fired after a 61-81 season.") == []


def test_a_superlative_the_passage_uses_is_not_added():
    passage = "It was the largest pilot scheme of its kind, organisers said."
    assert kinds("Organisers called it the largest scheme of its kind.", passage) == []
    assert "superlative" in kinds("Organisers called it the largest scheme of its kind.", "Organisers described the scheme.")


def test_the_signal_counts_the_details_with_a_reason():
    count, reason = added_detail_signal(
        "The club fired the 58-year-old Ken Sato after a miserable 61-81 season.", PASSAGE, index_text(PASSAGE))
    assert count == 2.0
    assert reason == "added detail the passage does not give: modifier 'miserable'; title '58 year old'"
    assert added_detail_signal("The Osaka Bears dismissed Ken Sato on Monday.", PASSAGE, index_text(PASSAGE)) == (0.0, None)


def test_a_new_phrase_of_ordinary_words_is_not_counted():
    # measured and dropped (evals/README.md, h/checker-s29): paraphrases add such phrases too
    assert kinds("The Osaka Bears fired Ken Sato in front of the television cameras.") == []
    assert kinds("The Osaka Bears fired Ken Sato at their training ground.") == []


def test_a_new_cause_clause_is_counted():
    # the ``clause`` reading (h/checker-s65): a cause of two or more new words, most of the clause's words
    assert kinds("The Osaka Bears fired Ken Sato because of a dressing-room revolt.") == ["cause"]


def test_the_feature_is_a_model_input_read_against_the_whole_passage():
    assert FEATURES[-1] == "added_modifier"
    window = "The Osaka Bears fired manager Ken Sato on Monday after a 61-81 season, the club said."
    out = window_signals("The Osaka Bears fired Ken Sato on Monday after a miserable 61-81 season.", window,
                         index_text(window), index_text(PASSAGE), (window,), frozenset(), PASSAGE)
    assert out.values["added_modifier"] == 1.0
    assert "modifier 'miserable'" in out.reasons["added_modifier"]


def test_at_most_and_at_least_bound_a_figure_and_are_no_superlative():
    passage = "Analysts expect the curbs to cost chipmakers up to $5 billion a year."
    assert kinds("Analysts expect the curbs to cost chipmakers $5 billion a year at most.", passage) == []
    assert kinds("The curbs will cost chipmakers at least $1 billion a year.", passage) == []
