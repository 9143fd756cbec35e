"""A date's reading follows what its own document says about time (issue 10, s67; F14 and F15 of fresh66).

Kinds:

* **A yearless deadline dated in the past.** "... to remove the cameras by June 30" in a report of 2026-09-14 is the
  coming June 30, not the one 76 days before: a deadline ("by", "no later than", "until"; までに, 前, 까지) in a clause
  that is not past lies on or after publication.
* **The same document's written year is ignored.** A headline's "by June 30" whose body says "by June 30, 2027" is
  2027-06-30: a month-day the document (``context``: its other text) writes with its year takes that year.
* **A past weekday resolved to the day after publication.** "said on Thursday" in a Wednesday report that dates its
  own news to that Wednesday (a dateline "Nov 18", "released on Wednesday") is the Thursday before: the day of grace
  after the stamp (a story from East Asia stamped a day early) holds only for a document that does not name its
  stamp's own day.

The texts were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from rag.render import placed_dates
from rag.text.dates import find_dates


def _value(text: str, phrase: str, published: str, context: str = "") -> str:
    [m] = [m for m in find_dates(text, published=published, context=context) if m.text == phrase]
    return m.value


@pytest.mark.parametrize(("text", "phrase", "published", "expected"), [
    ("Vietnam tells telecom carriers to replace Huawei core equipment by March 31", "March 31", "2026-10-05",
     "2027-03-31"),
    ("Exporters must file the new end-use forms no later than Feb. 15.", "Feb. 15", "2026-08-20", "2027-02-15"),
    ("Brussels gives video platforms until April 30 to label synthetic images", "April 30", "2026-09-01",
     "2027-04-30"),
    ("政府は各省庁に6月30日までに中国製ドローンの使用をやめるよう求めている。", "6月30日", "2026-09-14", "2027-06-30"),
    ("交通部要求各港口须在5月31日前完成起重机软件审查。", "5月31日", "2026-10-20", "2027-05-31"),
    ("정부는 공공기관에 4월 30일까지 중국산 드론을 교체하라고 지시했다.", "4월 30일", "2026-09-25", "2027-04-30"),
])
def test_a_yearless_deadline_lies_on_or_after_publication(text, phrase, published, expected):
    assert _value(text, phrase, published) == expected


@pytest.mark.parametrize(("text", "phrase", "published", "expected"), [
    # a past clause keeps its deadline in the past
    ("The supplier had shipped all the modules by March 31, the audit found.", "March 31", "2026-10-05",
     "2026-03-31"),
    # no deadline word, no tense: the nearest day, as before
    ("Deadline: Jan. 5", "Jan. 5", "2019-12-28", "2020-01-05"),
])
def test_a_past_or_plain_month_day_is_read_as_before(text, phrase, published, expected):
    assert _value(text, phrase, published) == expected


@pytest.mark.parametrize(("text", "phrase", "published", "context", "expected"), [
    ("Taiwan orders agencies to remove Chinese-made cameras by June 30", "June 30", "2026-09-14",
     "The ministry on Monday ordered agencies to remove the cameras by June 30, 2027, citing data risks.",
     "2027-06-30"),
    ("Hanoi talks of Jan. 10 left the tariff dispute open", "Jan. 10", "2026-12-28",
     "Trade ministers met in Hanoi on Jan. 10, 2026, and agreed only to keep talking.", "2026-01-10"),
    ("The Oct. 2 filing named four brokers.", "Oct. 2", "2026-03-20",
     "Prosecutors filed the case in Osaka on 2 October 2025 after a year-long probe.", "2025-10-02"),
])
def test_the_documents_written_year_for_a_month_day_wins(text, phrase, published, context, expected):
    assert _value(text, phrase, published, context) == expected


def test_the_written_year_wins_inside_one_text_too():
    text = ("Chile gives miners until Aug. 1 to report lithium sales\n"
            "The ministry said miners must report their sales by Aug. 1, 2028, under the new decree.")
    assert _value(text, "Aug. 1", "2026-11-02") == "2028-08-01"


@pytest.mark.parametrize(("text", "phrase", "published", "context", "expected"), [
    # a Wednesday report whose dateline is its stamp's day
    ("BEIJING, Nov 18 - Licence figures released on Wednesday showed a drop.\n"
     "A ministry spokesman said on Thursday that licences were granted lawfully.", "on Thursday", "2026-11-18", "",
     "2026-11-12"),
    # a Friday report that names that Friday for its own news
    ("A spokeswoman for Korea's trade ministry said on Saturday the review was routine.", "on Saturday",
     "2026-03-13", "The ministry published the export figures on Friday.", "2026-03-07"),
    ("経産省の報道官は木曜日、審査は通常通りだと述べた。", "木曜日", "2026-11-18",
     "税関統計は水曜日に公表された。", "2026-11-12"),
])
def test_a_document_that_names_its_own_day_gets_no_day_of_grace(text, phrase, published, context, expected):
    assert _value(text, phrase, published, context) == expected


@pytest.mark.parametrize(("text", "phrase", "published", "expected"), [
    ("Seoul said Pyongyang fired a missile over Japan early Tuesday.", "early Tuesday", "2022-10-03", "2022-10-04"),
    ("The central bank in Jakarta cut its rate on Wednesday.", "on Wednesday", "2020-09-15", "2020-09-16"),
])
def test_without_such_a_day_the_day_after_the_stamp_stays(text, phrase, published, expected):
    assert _value(text, phrase, published) == expected


def test_a_quote_is_placed_with_its_documents_other_passages():
    note = placed_dates("Taiwan orders agencies to remove Chinese-made cameras by June 30", "2026-09-14",
                        context="Agencies must remove the cameras by June 30, 2027.")
    assert "2027-06-30" in note and "2026-06-30" not in note
