"""A name cut out of a longer name names something else: "Virginia" is not "West Virginia".

Every word of such a claim is in the passage, so the entity and overlap checks pass; ``name_cuts.name_cut`` reads
the claim's names against the passage's and the checker rejects the cut (``name_swap``). A name's head kept alone
("Scripps", "Manchin"), a place said another way ("Korea" for "South Korea") and the dropped head said in the
claim's own words ("Japan's central bank") are no cut.
"""

from __future__ import annotations

import pytest

from rag.support.facts import claim_entities, extract_facts
from rag.support.name_cuts import name_cut

MANCHIN = ("Sen. Joe Manchin of West Virginia, who chairs the Senate Energy and Natural Resources Committee, told "
           "CNN's Manu Raju Tuesday evening that he's \"a little skeptical\" of the gas tax holiday.")
SHARKS = ("Hueter explained that great white sharks in the Atlantic Ocean make this migration each year, spending "
          "their summers in the northern waters near Canada and their winters as far south as the eastern Gulf of "
          "Mexico.")
PENN = ("The Penn Wharton Budget Model from the University of Pennsylvania estimated that a 10-month federal gas tax "
        "holiday would lower average per-capita gas spending by $16 to $47, depending on demand.")
SCRIPPS = ("The eruption has sent researchers at Scripps Institution of Oceanography at the University of California "
           "in San Diego scrambling to find an alternative location for the equipment.")
AIRPORT = ("The aircraft went down overnight Monday about 2 miles east of the Central Illinois Regional Airport in "
           "Bloomington.")


@pytest.mark.parametrize("claim, passage, kept", [
    ("Joe Manchin of Virginia told CNN he was a little skeptical of the gas tax holiday.", MANCHIN, "Virginia"),
    ("Hueter said Atlantic great white sharks spend their winters as far south as Mexico.", SHARKS, "Mexico"),
    ("A 10-month Pennsylvania gas tax holiday would cut gas spending by $16 to $47.", PENN, "Pennsylvania"),
    ("the aircraft went down overnight monday about 2 miles east of illinois.", AIRPORT, "Illinois"),  # as released
])
def test_the_tail_of_a_longer_name_is_a_cut(claim, passage, kept):
    reason = name_cut(claim, passage)
    assert reason and reason.startswith("name:") and f"the claim '{kept}'" in reason


def test_two_parts_of_one_name_joined_another_way_are_a_cut():
    reason = name_cut("Researchers at the University of San Diego are looking for a new site.", SCRIPPS)
    assert reason and "University of San Diego" in reason


@pytest.mark.parametrize("claim, passage", [
    ("Manchin told CNN he was a little skeptical of the gas tax holiday.", MANCHIN),  # a person's surname
    ("West Virginia Sen. Joe Manchin told CNN he was skeptical of the gas tax holiday.", MANCHIN),
    ("Researchers at Scripps are looking for a new site for the equipment.", SCRIPPS),  # the name's head
    ("Great whites winter as far south as the eastern Gulf of Mexico.", SHARKS),
    ("Japan's central bank raised its rates.", "The Bank of Japan raised its rates on Tuesday."),
    ("Korea fired a missile.", "South Korea fired a missile on Monday."),  # a place said another way
    ("The University of Pennsylvania's budget model estimated a cut of $16 to $47.", PENN),
])
def test_a_name_kept_whole_by_its_head_or_said_another_way_is_no_cut(claim, passage):
    assert name_cut(claim, passage) is None


def test_a_short_title_is_no_part_of_a_name():
    claim = "West Virginia Sen. Joe Manchin told CNN he was skeptical."
    masked = extract_facts(claim, claim=True).masked
    assert all("Sen" not in e.hard for e in claim_entities(claim, masked))


def test_the_checker_rejects_a_cut_name_with_its_reason(checker):
    result = checker.check("The walk-in follows teacher strikes in Oklahoma and Virginia.",
                           ["The \"walk-in\" comes on the heels of Oklahoma and West Virginia teacher strikes."])
    assert not result.supported and any("West Virginia" in r for r in result.reasons)
    assert checker.check("The walk-in comes right after teacher strikes in Oklahoma and West Virginia.",
                         ["The \"walk-in\" comes on the heels of Oklahoma and West Virginia teacher strikes."]).supported


def test_an_amount_across_scripts_is_supported_with_a_margin(checker):
    passage = "中国商务部表示，涉案金额达1.2亿美元。"
    right = checker.check("China's commerce ministry said the case involved $120 million.", [passage])
    wrong = checker.check("China's commerce ministry said the case involved $1.2 billion.", [passage])
    assert right.supported and right.score >= checker.min_support + 0.2
    assert not wrong.supported and wrong.score < checker.min_support
