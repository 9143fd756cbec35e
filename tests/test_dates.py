"""The one date reader (rag.text.dates): metadata values, dates in text, relative dates, datelines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rag.text.normalize import normalize_text
from rag.text.dates import (
    DateMention,
    day_month_readings,
    derive_date,
    find_dates,
    month_number,
    most_specific_date,
    parse_date,
)

# --- metadata values ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sat Jul 20 20:39:33 +0800 2019", "2019-07-20"),  # Weibo/Twitter created_at: the publisher's local date
        ("Mon Dec 31 23:59:59 -0500 2018", "2018-12-31"),
        ("Thu, 04 Jul 19 16:13:00 +0900", "2019-07-04"),  # RFC 822 two-digit year (dateparser alone says 1919)
        ("Thu, 4 Jul 2019 10:00:00 GMT", "2019-07-04"),
        ("4 Jul 2019 10:00 +0000", "2019-07-04"),
        ("2019년 7월 4일", "2019-07-04"),
        ("2019. 7. 4. 오후 3:12", "2019-07-04"),
        ("2019.07.04", "2019-07-04"),
        ("令和元年7月4日", "2019-07-04"),  # era year 1 is 元年
        ("令和5年12月7日", "2023-12-07"),
        ("平成31年4月30日", "2019-04-30"),
        ("昭和64年1月7日", "1989-01-07"),
        ("民國108年7月4日", "2019-07-04"),  # the Minguo calendar of Taiwan's government and press: year 1 = 1912
        ("中華民國112年3月1日", "2023-03-01"),
        ("中华民国112年3月1日", "2023-03-01"),
        ("民国元年1月1日", "1912-01-01"),
        ("民國 112 年 12 月 7 日", "2023-12-07"),
        ("２０１９年７月４日", "2019-07-04"),  # full-width digits
        ("2019年7月4日 15:30", "2019-07-04"),
        ("1562198400000", "2019-07-04"),  # epoch milliseconds
        (1562198400000, "2019-07-04"),
        (1562198400, "2019-07-04"),  # epoch seconds
        ("2019-07-04T01:30:00Z", "2019-07-04"),
        ("2023-12-07 10:30:00", "2023-12-07"),
        ("July 4, 2019", "2019-07-04"),
        ("4 July 2019", "2019-07-04"),
        ("31/12/2019", "2019-12-31"),  # one side cannot be a month: not ambiguous
        ("12/31/2019", "2019-12-31"),
        ("Updated: Thursday, July 4, 2019 at 9:00 AM ET", "2019-07-04"),
        ("Tuesday, June 30, 2026 at 09:42 PM", "2026-06-30"),
        ("2022/02/07", "2022-02-07"),
        ("2026-06-30", "2026-06-30"),
        ("  2024-02-29  ", "2024-02-29"),
        ("20220207", "2022-02-07"),  # compact, not an epoch
        (20220207, "2022-02-07"),
        ("Mar. 31, 2020", "2020-03-31"),
        ("Sept. 5, 2019", "2019-09-05"),
        ("31 March 2020", "2020-03-31"),
        ("Tue, 30 Jun 2026 12:00:00 GMT", "2026-06-30"),
        ("2020年3月31日", "2020-03-31"),
    ],
)
def test_parse_date_reads_the_notations_of_feeds_and_east_asian_outlets(value: str | int, expected: str) -> None:
    assert parse_date(value) == expected


def test_year_first_numeric_dates_are_year_month_day_with_any_separator_and_padding() -> None:
    day = date(2019, 12, 28)
    while day <= date(2022, 3, 3):
        for sep in "-/.":
            assert parse_date(f"{day.year}{sep}{day.month:02d}{sep}{day.day:02d}") == day.isoformat()
            assert parse_date(f"{day.year}{sep}{day.month}{sep}{day.day}") == day.isoformat()
        day = date.fromordinal(day.toordinal() + 1)


@pytest.mark.parametrize("value", ["2022/13/01", "2022.31.12", "2022-02-30", "2026-13-01", "2026/13/01", "2026-00-10",
                                   "2026-01-00", "2026-00-00", "2026-13-45", "20261301", "2026-04-31"])
def test_year_first_dates_that_are_impossible_are_refused_not_read_year_day_month(value: str) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize("text", ["Filed 2026-00-10 by the desk.", "Dated 2026/13/01.", "on 2026-01-00"])
def test_a_date_written_with_a_zero_or_impossible_month_is_no_mention_at_all(text: str) -> None:
    # a zero month is not an absent one: "2026-00-10" does not mention the year 2026 as a day
    assert not [m for m in find_dates(text) if m.precision == "day"]


@pytest.mark.parametrize(
    "value",
    [
        "07/04/2019",  # July 4 in the US, 7 April elsewhere
        "03.04.2019",
        "yesterday",  # relative, and no reference date given
        "last Monday",
        "July 4",  # no year: never filled in from today's date
        "July 2019",  # no day
        "2019년 7월",
        "令和元年",
        "Monday",
        "not a date",
        "令和元年2月30日",  # impossible
        "108年7月4日",  # a three-digit year without its era is no year
        "民國112年",  # no day
        "2021-02-30",
        "2023-02-29",  # not a leap year
        "June 31, 2026",
        "20221340",
        "2020",
        "garbage",
        "",
        "   ",
        None,
        "0",
        True,
    ],
)
def test_parse_date_refuses_ambiguous_partial_relative_or_impossible_values(value: object) -> None:
    assert parse_date(value) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "readings"), [
    ("07/04/2019", ("2019-07-04", "2019-04-07")),  # month first, then day first
    ("03.04.2019", ("2019-03-04", "2019-04-03")),
    ("1-2-2020", ("2020-01-02", "2020-02-01")),
    ("12/11/19", ("2019-12-11", "2019-11-12")),  # a two-digit year, as parse_date reads it
    ("０７/０４/２０１９", ("2019-07-04", "2019-04-07")),  # full-width digits
    ("07/04/2019 10:30", ("2019-07-04", "2019-04-07")),
])
def test_a_numeric_date_whose_order_cannot_be_known_has_both_readings(value: str, readings: tuple[str, str]) -> None:
    assert parse_date(value) is None and day_month_readings(value) == readings


@pytest.mark.parametrize("value", ["13/04/2019", "04/13/2019", "04/04/2019", "2019-04-07", "4 July 2019", "July 2019",
                                   "yesterday", "31/02/2019", "02/31/2019", ""])
def test_a_date_read_one_way_or_not_numeric_has_no_two_readings(value: str) -> None:
    assert day_month_readings(value) is None


def test_parse_date_reads_relative_values_only_against_an_explicit_reference() -> None:
    assert parse_date("yesterday", relative_to=date(2019, 7, 4)) == "2019-07-03"
    assert parse_date("어제", relative_to=date(2019, 7, 4)) == "2019-07-03"
    assert parse_date("昨日", relative_to=date(2019, 7, 4)) == "2019-07-03"


# --- dates in text -----------------------------------------------------------------------------------------------


def _by_text(mentions: list[DateMention]) -> dict[str, tuple[str, str, bool]]:
    return {m.text: (m.value, m.precision, m.relative) for m in mentions}


def test_relative_dates_are_resolved_against_the_publication_date() -> None:
    text = (
        "The ministry said yesterday that the rule, first floated on Monday, takes effect on July 10. "
        "Officials met last week, three days ago, and again earlier this week; a review is due next month."
    )
    found = _by_text(find_dates(text, published="2019-07-04"))  # a Thursday
    assert found == {
        "yesterday": ("2019-07-03", "day", True),
        "on Monday": ("2019-07-01", "day", True),
        "July 10": ("2019-07-10", "day", True),
        "last week": ("2019-06-27", "week", True),
        "three days ago": ("2019-07-01", "day", True),
        "earlier this week": ("2019-07-04", "week", True),
        "next month": ("2019-08", "month", True),
    }


def test_a_month_of_last_or_this_year_counts_from_the_publication_year() -> None:
    text = "The media reported in November of last year that shipments stopped; talks resume in March this year."
    assert _by_text(find_dates(text, published="2020-03-31")) == {
        "November of last year": ("2019-11", "month", True),
        "March this year": ("2020-03", "month", True),
    }


def test_today_is_not_read_as_a_date_because_it_often_means_nowadays() -> None:
    assert find_dates("The United States cannot adopt a containment policy toward China today.", published="2020-03-31") == []


def test_relative_dates_in_japanese_chinese_and_korean() -> None:
    found = _by_text(find_dates("経産省は昨日発表した。商务部昨天公告。산업부는 어제 밝혔다. 先週も。", published="2023-12-08"))
    assert found["昨日"] == ("2023-12-07", "day", True)
    assert found["昨天"] == ("2023-12-07", "day", True)
    assert found["어제"] == ("2023-12-07", "day", True)
    assert found["先週"][1:] == ("week", True)


def test_without_a_publication_date_only_explicit_dates_are_found() -> None:
    text = "Yesterday the ministry said the rule of July 4, 2019 stays; on Monday it met."
    assert _by_text(find_dates(text)) == {"July 4, 2019": ("2019-07-04", "day", False)}


def test_explicit_dates_keep_their_precision_and_exact_spans() -> None:
    text = "令和元年7月に始まり、2019年7月4日に強化。2019년 7월 4일 발표. In March 2020 and since 2021, per 2020-03-31."
    mentions = find_dates(text)
    assert [(m.value, m.precision) for m in mentions] == [
        ("2019-07", "month"), ("2019-07-04", "day"), ("2019-07-04", "day"), ("2020-03", "month"), ("2021", "year"),
        ("2020-03-31", "day"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert [m.text for m in mentions][-2:] == ["2021", "2020-03-31"]  # the year alone, not "since"


def test_full_width_digits_are_read_and_spans_point_into_the_original() -> None:
    text = "発表は２０１９年７月４日。"
    (mention,) = find_dates(text)
    assert (mention.text, mention.value) == ("２０１９年７月４日", "2019-07-04")


def test_words_that_are_not_dates_are_not_dates() -> None:
    text = "Exports may fall 10% from 2021 levels, and the second phase will march on. 23 types of equipment."
    assert [m.value for m in find_dates(text, published="2023-05-23")] == ["2021"]


def test_most_specific_date_prefers_a_day_over_a_month_or_year() -> None:
    assert most_specific_date("In 2019 the rules, announced in July 2019, took effect on July 4, 2019.") == "2019-07-04"
    assert most_specific_date("The list was revised in March 2020.") == "2020-03"
    assert most_specific_date("No date here.") is None


def test_most_specific_date_resolves_relative_days_but_not_weeks() -> None:
    assert most_specific_date("The ministry said yesterday that it would act.", published="2019-07-04") == "2019-07-03"
    assert most_specific_date("Officials met last week.", published="2019-07-04") is None
    assert most_specific_date("The ministry said yesterday that it would act.") is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The rule takes effect on Jan. 5.", "2019-12-28", "2020-01-05"),
        ("The rule took effect on Dec. 20.", "2020-01-03", "2019-12-20"),
        ("発表は7月4日。", "2019-07-10", "2019-07-04"),
    ],
)
def test_a_day_without_a_year_is_the_one_nearest_the_publication_date(text: str, published: str, expected: str) -> None:
    assert most_specific_date(text, published=published) == expected


def test_month_number() -> None:
    assert [month_number(t) for t in ("Sept.", "july", "Dec", "Mayday")] == [9, 7, 12, 0]


# --- datelines ---------------------------------------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("000", "2026-06-30"), ("001", None), ("002", None), ("003", "2026-02-25"), ("004", "2020-03-31")],
)
def test_derive_date_on_corpus(prefix: str, expected: str | None) -> None:
    text = normalize_text(next(CORPUS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8"))
    assert derive_date(text) == expected


def test_derive_date_needs_an_explicit_date_near_the_top() -> None:
    assert derive_date("Headline\n\nPublished: March 3, 2021\n\nBody.") == "2021-03-03"
    assert derive_date("Headline\nPosted on 2021/03/03\nBody.") == "2021-03-03"
    body = "The ministry said on 2021-03-03 that it would tighten the rules for exporters of chips and materials."
    assert derive_date("Headline\n" + body) is None  # a date inside a body sentence is not a dateline
    assert derive_date("Headline\n" + "x " * 400 + "\nPublished: 2021-03-03") is None  # too far down
    assert derive_date("Headline\nMarch 2021\nBody.") is None



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline here\n2019년 7월 4일 오후 3:12\nBody text follows.", "2019-07-04"),
        ("見出し\n令和元年7月4日\n本文。", "2019-07-04"),
        ("Headline\nPublished: Sat Jul 20 20:39:33 +0800 2019\nBody.", "2019-07-20"),
        ("Headline\nThe minister said on 2021-03-03 that the rules would be tightened for exporters.", None),
    ],
)
def test_derive_date_reads_datelines_in_any_supported_notation(text: str, expected: str | None) -> None:
    assert derive_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "見出し\n経済産業省は2019年7月1日、韓国向けの輸出管理を厳格化すると発表した。\n本文。",
        "标题\n中国商务部2023年7月3日宣布，对镓、锗相关物项实施出口管制。\n",
        "標題\n經濟部2024年1月5日表示，將擴大出口管制清單！\n",
        "見出し\n「2019年7月1日に発動する」と述べた。」\n",
        "Headline\nThe minister said on March 3, 2021 that the rules would change.”\n",
    ],
)
def test_a_body_sentence_in_any_script_is_no_dateline(text: str) -> None:
    """A short head line that ends as a sentence ends (。！？ as well as .!?, before closing quotes) tells an event."""
    assert derive_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("見出し\n発行日：2019年7月1日\n本文。", "2019-07-01"),
        ("見出し\n公開日 2019/07/01 10:00\n本文。", "2019-07-01"),
        ("标题\n发布时间：2023-07-03 08:15\n正文。", "2023-07-03"),
        ("標題\n發佈時間：2024年1月5日\n內文。", "2024-01-05"),
        ("제목\n입력 2019.08.12 14:30\n본문.", "2019-08-12"),
        ("제목\n기사입력 2019.08.12. 오후 2:30\n본문입니다.", "2019-08-12"),
        ("Headline\nDate: 2021-03-03\nBody.", "2021-03-03"),
    ],
)
def test_a_publication_label_in_any_supported_language_dates_the_report(text: str, expected: str) -> None:
    assert derive_date(text) == expected


def test_an_updated_label_dates_a_revision_not_the_report() -> None:
    assert derive_date("見出し\n更新日：2019年7月2日\n本文です。") is None
    assert derive_date("Headline\nUpdated: 2019-07-02 at 10:00 GMT.\nBody.") is None


def test_minguo_dates_in_text_are_read_at_their_precision() -> None:
    """Taiwan's official and press texts date events in the Minguo calendar (民國 year + 1911)."""
    found = lambda t: [(m.value, m.precision) for m in find_dates(t)]  # noqa: E731
    assert found("行政院於民國112年3月1日通過修正草案。") == [("2023-03-01", "day")]
    assert found("民國112年3月，經濟部公布新規定。") == [("2023-03", "month")]
    assert found("中華民國111年，出口創新高。") == [("2022", "year")]
    assert derive_date("標題\n中華民國112年3月1日\n內文。") == "2023-03-01"
