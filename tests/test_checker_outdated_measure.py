"""The revised-figure reason pairs figures of one measure only (issue 9, kind ``outdated``; evals/README.md,
claims s68; the user's F18 of fresh68).

``figures.outdated_figure`` names a claim figure the passage gives as the earlier value, and the figure that replaced
it. Three misreadings made it pair unrelated numbers: the "now" figure was any figure whose measure did not clash
(a share for a yen amount, a count for a clock time); a clock time ("15:40 KST") was read as two figures; a hedged
share ("about 14%") was taken as a rounding of a currency amount (¥13.5 billion); and a comparison cue ("against")
reached past a coordinated item ("61 against and 22 abstentions": 22 is no earlier figure). Passages and claims are
written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.facts import index_text
from rag.support.figures import outdated_figure


def _reason(claim: str, sentence: str) -> str | None:
    return outdated_figure(index_text(claim).facts.numbers, index_text(sentence).facts.numbers, sentence, claim)


# the now-figure is the one of the stale figure's measure, not a share or count beside it
@pytest.mark.parametrize("claim, sentence, stale, current", [
    ("Tokai Denki cut its net profit forecast to ¥40 billion.",
     "Exports made up 22% of Tokai Denki's sales. It cut its net profit forecast to ¥31 billion from ¥40 billion.",
     "40 billion yen", "31 billion yen"),
    ("Brenner Optik raised its revenue outlook to €1.9 billion.",
     "Brenner Optik, which employs 4,300 people, raised its revenue outlook to €2.2 billion from €1.9 billion.",
     "1.9 billion euros", "2.2 billion euros"),
    ("Unemployment in Chile stood at 8.9%.",
     "Some 950,000 people were out of work; unemployment fell to 8.1% from 8.9%.", "8.9%", "8.1%"),
    # a year beside the stale count is a date, not its current figure
    ("The coast guard counted 21 ships near the strait.",
     "The coast guard initially counted 21 ships near the strait in 2023, but revised the count to 14.", "21", "14"),
    ("The ministry counted 340 strikes across Peru.",
     "In 2022 the ministry initially counted 340 strikes across Peru in 1,870 towns; it later revised the count to 410.",
     "340", "410"),
])
def test_the_current_figure_is_of_the_stale_figures_measure(claim, sentence, stale, current):
    assert _reason(claim, sentence) == f"outdated: the passage gives {stale} as the earlier figure (now {current})"


# a clock time is no figure, and a comparison cue does not reach past "and" to the next coordinated item
@pytest.mark.parametrize("claim, sentence", [
    ("The motion passed with 22 votes against.", "15:40 KST — The motion passed with 188 votes in favour, 61 against "
                                                 "and 22 abstentions."),
    ("The senate approved the bill with 12 abstentions.", "09:15 — The senate approved the bill by 54 votes, 30 against "
                                                          "and 12 abstentions."),
    ("Nine delegates walked out.", "At 16:05 nine delegates walked out."),
])
def test_no_earlier_figure_is_read_from_a_clock_time_or_a_coordinated_count(claim, sentence):
    assert _reason(claim, sentence) is None


# a share is not the rounding of a currency amount: "about 14%" is not "¥13.5 billion"
@pytest.mark.parametrize("claim, sentence", [
    ("Sales to the two buyers were about 14% of the group's operating profit.",
     "Sales to the two buyers made up about 14% of its revenue of ¥96 billion. It cut its operating profit forecast "
     "to ¥11.2 billion from ¥13.5 billion."),
    ("About 40% of the budget goes to grants.",
     "Grants take 40% of the budget. The budget was cut to $52 million from $41 million."),
])
def test_a_share_is_not_read_as_a_rounded_currency_amount(claim, sentence):
    reason = _reason(claim, sentence)
    assert reason is None, reason
