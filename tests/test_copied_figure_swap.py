"""A claim that copies a sentence but puts in another of the passage's figures is unsupported (issue 9, numbers;
s60).

Kind: **a figure moved from another sentence of the same passage.** Against "… will require licences for 11
additional types … The measure brings the number of … categories … to 34.", the claims "… licences for 34
additional types …" and "… brings the number … to 11" were supported (0.52 and 0.40): the window held both
sentences, so every figure of the claim was "in the cited text". A claim that copies one sentence (``EDITED_COPY``
of its tokens in order) with one amount replaced by another is now a slot swap (``bindings.copied_figure_swap``,
a veto of both shipped models), with the reason naming both figures. The same amount written another way ("$3bn"
for "3 billion dollars"), a spelled-out number, a figure replaced together with a hedge and a range's end ("$5bn … at most" for "$3-5bn") are
not read as swaps.

The passages were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from rag.support.bindings import copied_figure_swap

PASSAGE = ("Seoul said on Tuesday that it will require licences for exports of 7 types of memory packaging tools from "
           "April 1. The step brings the number of controlled tool types to 19, up from 12 in 2024.")


@pytest.mark.parametrize("claim, sentence", [
    ("Seoul said it will require licences for exports of 19 types of memory packaging tools from April 1.",
     PASSAGE.split(". ")[0] + "."),
    ("The step brings the number of controlled tool types to 7, up from 12 in 2024.", PASSAGE.split(". ")[1]),
    ("Customs seized 840 graphics processors at Busan port on Friday.",
     "Customs seized 1,240 graphics processors at Busan port on Friday, after 840 in March."),
])
def test_a_copied_sentence_with_another_figure_is_a_swap(claim, sentence):
    assert copied_figure_swap(claim, sentence) is not None


@pytest.mark.parametrize("claim, sentence", [
    ("Seoul will require licences for exports of 7 types of memory packaging tools from April 1.",
     PASSAGE.split(". ")[0] + "."),
    ("The deal is worth $3bn, the company said.", "The deal is worth 3 billion dollars, the company said."),
    ("Customs seized eight shipments at Busan port.", "Customs seized 8 shipments at Busan port."),
    ("Customs seized more than 1,200 processors at Busan port.", "Customs seized 1,240 processors at Busan port."),
    ("The curbs will cost chipmakers $5bn a year at most.", "The curbs will cost chipmakers $3-5bn a year."),
])
def test_the_same_figure_or_a_hedged_one_is_no_swap(claim, sentence):
    assert copied_figure_swap(claim, sentence) is None


def test_the_checker_rejects_the_moved_figure_and_says_why(checker):
    moved, faithful = checker.check_many([
        ("Seoul will require licences for exports of 19 types of memory packaging tools from April 1.", [PASSAGE]),
        ("Seoul will require licences for exports of 7 types of memory packaging tools from April 1.", [PASSAGE]),
    ])
    assert not moved.supported and "figure 19" in moved.reasons[0]
    assert faithful.supported
