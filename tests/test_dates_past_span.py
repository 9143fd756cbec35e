""""The past week / month / year" is a span reaching back from publication, not a calendar period (s59).

Kind: **a span read as a date.** "North Korean hackers had stolen design files … over the past year" in a report of
2026-11-12 was shown as "(‘past year’: 2025)": the date reader rewrote "past" as "last". Found by s59's fresh-user
helper; the sentences here were written for this spec.
"""

from __future__ import annotations

import pytest

from rag.text.dates import find_dates


@pytest.mark.parametrize("sentence", [
    "Hackers stole design files from two equipment makers over the past year.",
    "Customs opened 19 smuggling cases in the past month, the agency said.",
    "Prices of memory chips have risen 12 percent in the past week.",
    "The ministry said the past year had been the busiest on record.",
])
def test_a_span_back_from_publication_is_no_date(sentence):
    assert find_dates(sentence, published="2026-11-12") == []


@pytest.mark.parametrize("sentence, value", [
    ("Exports fell last year.", "2025"),
    ("The rule was tightened last month.", "2026-10"),
    ("The ministry will decide next year.", "2027"),
])
def test_a_calendar_period_counted_from_publication_is_still_a_date(sentence, value):
    assert [m.value for m in find_dates(sentence, published="2026-11-12")] == [value]
