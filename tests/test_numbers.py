"""The one reader of quantities in text (rag/text/numbers.py): value with scale, currency, unit, approximation."""

from __future__ import annotations

import pytest

from rag.text.numbers import describe, find_quantities, glued_suffix, same_kind


def one(text: str):
    (q,) = find_quantities(text)
    return q


@pytest.mark.parametrize(
    "text, value, currency",
    [
        ("USD 890,000,000", 890e6, "USD"),
        ("$890M", 890e6, "USD"),
        ("$890 million", 890e6, "USD"),
        ("US$35.1bn", 35.1e9, "USD"),
        ("1.2 trillion yen", 1.2e12, "JPY"),
        ("¥1.2tn", 1.2e12, "JPY"),
        ("4,760億円", 476e9, "JPY"),
        ("１２億円", 1.2e9, "JPY"),  # full-width digits
        ("1兆2000億円", 1.2e12, "JPY"),  # compound myriads
        ("1.2亿美元", 120e6, "USD"),
        ("人民币12亿元", 1.2e9, "CNY"),
        ("RMB 1.2bn", 1.2e9, "CNY"),
        ("344 billion renminbi", 344e9, "CNY"),
        ("300 trillion won", 300e12, "KRW"),
        ("300조 원", 300e12, "KRW"),
        ("1,200억원", 120e9, "KRW"),
        # a small unit (천/千 10^3, 백/百 10^2) counts within the myriad after it, as CJK numerals are read
        ("3천500억원", 350e9, "KRW"),
        ("5천억 원", 500e9, "KRW"),
        ("1천만 원", 10e6, "KRW"),
        ("2백억 달러", 20e9, "USD"),
        ("3千億円", 300e9, "JPY"),
        ("5千万ドル", 50e6, "USD"),
        ("3百万円", 3e6, "JPY"),
        ("1万2千円", 12e3, "JPY"),
        ("1억2000만 달러", 120e6, "USD"),
        ("1.2万亿元", 1.2e12, "CNY"),  # a larger myriad right after a smaller one multiplies it
        ("2.5万億円", 2.5e12, "JPY"),
        ("1亿5千万元", 150e6, "CNY"),
        ("NT$15bn", 15e9, "TWD"),
        ("HK$ 3.2 billion", 3.2e9, "HKD"),
        ("€45mn", 45e6, "EUR"),
        ("£3.4bn", 3.4e9, "GBP"),
        ("Rs 500 crore", 5e9, "INR"),
        ("1\u00a0000\u00a0000 euros", 1e6, "EUR"),  # non-breaking-space grouping
    ],
)
def test_amounts_are_absolute_values_with_their_currency(text, value, currency):
    q = one(text)
    assert q.value == pytest.approx(value, rel=1e-12)
    assert q.currency == currency
    assert q.text == text


def test_spans_index_the_original_text_even_with_full_width_digits():
    text = "補助金は１２億円。"
    (q,) = find_quantities(text)
    assert text[q.start : q.end] == "１２億円"


def test_bare_yen_sign_reads_as_yen_unless_the_text_is_about_yuan():
    assert one("The government earmarked ¥1.2tn.").currency == "JPY"
    assert one("The fund holds ¥5bn, paid in yuan.").currency == "CNY"
    assert one("Paid in yuan and yen: ¥5bn.").currency == "JPY"  # both named: the English-news default
    assert one("CN¥5bn").currency == "CNY"


def test_bare_m_and_b_are_scales_only_after_a_currency_sign_or_on_a_decimal():
    assert one("$5m").value == 5e6
    assert one("2.63m").value == 2.63e6
    assert one("a 5 m wall").value == 5


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("up 5%", 5, "%"),
        ("a 40 per cent stake", 40, "%"),
        ("rose 5 percentage points", 5, "pp"),
        ("by 25 basis points", 0.25, "pp"),
        ("50bp", 0.5, "pp"),
        ("7nm chips", 7, "nm"),
        ("3 million tonnes", 3e6, "t"),
    ],
)
def test_units_are_canonical_and_basis_points_are_hundredths_of_a_point(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_ranges_give_both_ends_with_the_shared_scale_currency_and_unit():
    assert [(q.value, q.currency) for q in find_quantities("$3-5bn a year")] == [(3e9, "USD"), (5e9, "USD")]
    assert [(q.value, q.unit) for q in find_quantities("10 to 15 percent")] == [(10, "%"), (15, "%")]
    assert [q.value for q in find_quantities("3〜5億円")] == [3e8, 5e8]


def test_approximations_are_marked_before_and_after_the_number():
    assert one("about $1bn").approx and one("roughly 1 billion dollars").approx
    assert one("約1兆円").approx and one("1億円余り").approx
    assert not one("$1.02bn").approx


def test_codes_and_words_are_not_quantities():
    assert find_quantities("COVID-19, F-35 and 5G") == []
    assert find_quantities("the A320 fleet") == []


def test_descriptions_name_scale_and_currency_for_reasons():
    assert describe(one("¥1.2tn")) == "1.2 trillion yen"
    assert describe(one("$1.2 trillion")) == "1.2 trillion dollars"
    assert describe(one("4,760億円")) == "476 billion yen"
    assert describe(one("NT$15bn")) == "15 billion Taiwan dollars"
    assert describe(one("rose 5 percentage points")) == "5 percentage points"
    assert describe(one("up 5%")) == "5%"


def test_same_kind_requires_agreeing_currency_and_unit_when_both_are_stated():
    assert not same_kind(one("$1.2tn"), one("¥1.2tn"))
    assert same_kind(one("1.2 trillion"), one("¥1.2tn"))
    assert not same_kind(one("5%"), one("5 percentage points"))


def test_glued_suffixes_the_reader_handles():
    assert all(glued_suffix(s) for s in ("bn", "tn", "m", "nm", "pp", "bps", "th"))
    assert not any(glued_suffix(s) for s in ("G", "x", "mm"))


def test_currency_and_unit_words_after_a_number_read_elsewhere():
    from rag.text.numbers import read_suffix

    text = "five million dollars, ten percent and fifty basis points"
    assert read_suffix(text, len("five million")) == ("USD", None, 1.0, len("five million dollars"))
    assert read_suffix(text, text.index(" percent"))[:3] == (None, "%", 1.0)
    assert read_suffix(text, text.index(" basis"))[:3] == (None, "pp", 0.01)
    assert read_suffix(text, 4) == (None, None, 1.0, 4)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("两千万美元", 20e6, "USD"),
        ("三千亿元", 300e9, "CNY"),
        ("十亿美元", 1e9, "USD"),
        ("二十五亿元", 2.5e9, "CNY"),
        ("一百万円", 1e6, "JPY"),
        ("一万二千円", 12e3, "JPY"),
    ],
)
def test_amounts_in_cjk_numerals_with_a_myriad_are_read(text, value, currency):
    q = one(text)
    assert q.value == pytest.approx(value, rel=1e-12) and q.currency == currency and q.text == text


@pytest.mark.parametrize("text", ["三星电子表示反对", "一些企业", "十分重要", "千万不要", "万一出事", "第一", "三菱重工"])
def test_numeral_characters_in_words_are_no_quantities(text):
    """Alone, or before no myriad, CJK numeral characters are words (三星 is Samsung, 十分 is "very")."""
    assert find_quantities(text) == []
