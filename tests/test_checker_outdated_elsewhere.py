"""A superseded figure the chosen window does not hold (issue 9, kind ``outdated``; evals/README.md, h/checker-s58).

"Hyundai is recalling about 12,000 electric SUVs over a fault in the charging unit" is closest in wording to the
passage's first sentence ("Hyundai is recalling electric SUVs ... over a fault in the charging unit ..."), and the
checker chooses it as the window; the figure is in the next sentence, which gives it as the earlier count ("initially
said about 12,000 ..., but later raised the number to 31,000"). The outdated-figure check (``figures.outdated_figure``,
the vetoed ``stale`` feature) read the window alone, so the stale figure passed as a figure from elsewhere in the
passage (weighed, ``number_outside``). It now reads too the passage sentences that hold a claim figure the window
lacks (``features.figure_sentences``, the sentences ``outside_slot_swap`` already reads). Faithful counterparts: the
same claims with the current figure. And the reason names the current figure, not the stale one read another way
("2.1%" also read as 0.021; "$1.1 billion" as "1.1 billion dollars"). Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.facts import index_text
from rag.support.figures import outdated_figure

TAIWAN = ("Taiwan's statistics office published its quarterly growth estimate for the island's economy on Friday. "
          "It had initially estimated growth of 2.1%, but revised the figure to 3.4% after new export data.")
QUAKE = ("A strong earthquake struck off the coast of Hokkaido early on Sunday, shaking buildings in Sapporo and halting "
         "trains. The agency first measured its magnitude at 6.2, then upgraded it to 6.8 an hour later.")
RECALL = ("Hyundai is recalling electric SUVs in South Korea over a fault in the charging unit that can cut power while "
          "driving. The company initially said about 12,000 vehicles were affected, but it later raised the number to 31,000.")
HACK = ("A cyberattack on the Osaka hospital's servers exposed the personal data of patients, the hospital said on Monday. "
        "It had initially put the number of patients affected at 80,000, but later corrected it to 113,000.")
BRIDGE = ("Work on the new bridge linking Busan and Geoje island resumed after a strike by crane operators ended. "
          "The cost of the bridge, once put at $1.1 billion, has since been revised to $1.6 billion.")
DRILL = ("China's navy held live-fire drills in the waters east of Taiwan over the weekend, the defence ministry in Taipei "
         "said. The ministry initially counted 21 Chinese warships near the island, but it revised the count to 14 on Monday.")

# the stale figure, in a sentence the window (the claim's closest in wording) does not hold
STALE = [
    (TAIWAN, "Taiwan's statistics office estimated quarterly growth for the island's economy at 2.1%.", "2.1%", "3.4%"),
    (RECALL, "Hyundai is recalling about 12,000 electric SUVs in South Korea over a fault in the charging unit.",
     "12,000", "31,000"),
    (HACK, "A cyberattack on the Osaka hospital's servers exposed the personal data of 80,000 patients.", "80,000", "113,000"),
    (DRILL, "China's navy held live-fire drills with 21 warships in the waters east of Taiwan, the defence ministry in "
            "Taipei said.", "21", "14"),
]

CURRENT = [
    (TAIWAN, "Taiwan's statistics office estimated quarterly growth for the island's economy at 3.4%."),
    (QUAKE, "The earthquake that struck off the coast of Hokkaido on Sunday, shaking buildings in Sapporo, had a "
            "magnitude of 6.8."),
    (RECALL, "Hyundai is recalling 31,000 electric SUVs in South Korea over a fault in the charging unit."),
    (HACK, "A cyberattack on the Osaka hospital's servers exposed the personal data of 113,000 patients."),
    (BRIDGE, "The new bridge linking Busan and Geoje island will cost $1.6 billion."),
    (DRILL, "China's navy held live-fire drills with 14 warships in the waters east of Taiwan, the defence ministry in "
            "Taipei said."),
]


@pytest.mark.parametrize("passage, claim, stale, current", STALE)
def test_a_stale_figure_outside_the_chosen_window_is_rejected(checker, passage, claim, stale, current):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert res.reasons and res.reasons[0] == f"outdated: the passage gives {stale} as the earlier figure (now {current})", \
        res.reasons


@pytest.mark.parametrize("passage, claim", CURRENT)
def test_the_current_figure_is_supported(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)


@pytest.mark.parametrize("claim, sentence, stale, current", [
    ("Growth was 2.1%.", "It had initially estimated growth of 2.1%, but revised the figure to 3.4%.", "2.1%", "3.4%"),
    ("The bridge will cost $1.1 billion.", "The cost, once put at $1.1 billion, has since been revised to $1.6 billion.",
     "1.1 billion dollars", "1.6 billion dollars"),
])
def test_the_reason_names_the_current_figure_not_another_reading_of_the_stale_one(claim, sentence, stale, current):
    reason = outdated_figure(index_text(claim).facts.numbers, index_text(sentence).facts.numbers, sentence, claim)
    assert reason == f"outdated: the passage gives {stale} as the earlier figure (now {current})", reason


def test_a_window_without_another_figure_gives_no_stale_reason():
    # "initially estimated 2.1%" with no current figure: nothing says 2.1% is out of date (its fraction reading,
    # 0.021, is the same figure, not a current one)
    sentence = "It had initially estimated growth of 2.1% for the quarter."
    assert outdated_figure(index_text("Growth was 2.1%.").facts.numbers, index_text(sentence).facts.numbers, sentence,
                           "Growth was 2.1%.") is None
