"""A reported future with a schedule is an announced measure, not a hedge: "India said on Friday it would curb
exports of rare earth magnets, with effect from March 1, 2027" is the reported speech of "India will curb exports
from March 1", so "India's export curbs take effect on March 1, 2027" neither drops a hedge nor cuts the sentence
inside a phrase. A claim that says the act already happened still conflicts, and a reported "would" with no start is
read as before (``modality_scope.toml``'s ``reported_future`` and ``schedules``)."""

from __future__ import annotations

import pytest

from rag.support.cuts import cut_reason
from rag.support.modality import hedge_dropped, modality_mismatch

SCHEDULED = [
    ("India's export curbs take effect on March 1, 2027.",
     "India said on Friday it would curb exports of rare earth magnets, with effect from March 1, 2027."),
    ("Indonesia bans nickel ore exports starting January 2027.",
     "Indonesia announced it would ban nickel ore exports starting January 2027, to support domestic smelters."),
    ("Canada imposes a 25% surtax on Chinese steel from October 15.",
     "Canada said it would impose a 25% surtax on Chinese steel from October 15, matching U.S. measures."),
    ("Beijing will require licences for graphite exports from December 1.",
     "Beijing said on Friday that it would require licences for graphite exports from December 1."),
    ("China bans exports of dual-use items to U.S. military end users with effect from December 1, 2026.",
     "China's Ministry of Commerce said on Sunday it would ban exports of dual-use items to U.S. military end users, "
     "with effect from December 1, 2026."),
]

STILL_HEDGED = [
    ("India curbed exports of rare earth magnets on March 1, 2027.", SCHEDULED[0][1]),  # said as already done
    ("China's ban on dual-use exports took effect in December 2024.", SCHEDULED[4][1]),  # the announced act as past
    ("Brazil bans soybean exports to China.",
     "Brazil said it would ban soybean exports to China if talks failed."),  # no start: the condition stands
    ("Mexico raises tariffs on Chinese cars.",
     "Mexico could raise tariffs on Chinese cars from January 1, officials said."),  # a possibility, not a report
]


@pytest.mark.parametrize("claim, passage", SCHEDULED)
def test_an_announced_measure_with_a_start_is_no_hedge_and_no_cut(claim, passage):
    assert modality_mismatch(claim, passage) is None
    assert hedge_dropped(claim, passage) is None
    assert cut_reason(claim, passage) is None


@pytest.mark.parametrize("claim, passage", STILL_HEDGED)
def test_a_done_act_an_unscheduled_report_or_a_possibility_still_conflicts(claim, passage):
    assert modality_mismatch(claim, passage) is not None
