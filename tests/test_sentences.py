"""The sentence splitter (rag.text.sentences): exact spans, wrapped lines, list markers, abbreviations, CJK."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rag.text import sentences as sentences_module
from rag.text.normalize import normalize_text
from rag.text.sentences import Sentence, flatten, sentence_pieces, sentence_texts, split_sentences

REPO_ROOT = Path(__file__).resolve().parent.parent


def flat(text: str) -> list[str]:
    return [s.flat for s in split_sentences(text)]


# --- spans -----------------------------------------------------------------------------------------------------------

HOSTILE = st.lists(
    st.sampled_from(
        list("ab Z.!?\n\n\t  \"'()“”‘’,:;-•*1234。！？．「」日本語한국어")
        + ["U.S. ", "Mr. ", "No. ", "e.g. ", "\r\n", "\u2028", "1. ", "(a) ", "  - ", "\u00a0", "Ｆ", "2019. 7. 4."]
    ),
    max_size=200,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_every_sentence_is_an_exact_slice_in_order_without_outer_space(text):
    sents = split_sentences(text)
    prev_end = 0
    for s in sents:
        assert text[s.start : s.end] == s.text
        assert s.start >= prev_end and s.end > s.start
        assert s.text == s.text.strip() and any(c.isalnum() or c == "_" for c in s.text)
        prev_end = s.end
    assert "".join(sentence_pieces(text)) == text


@settings(max_examples=100, deadline=None)
@given(HOSTILE)
def test_the_flat_form_of_every_sentence_is_one_line(text):
    for s in split_sentences(text):
        assert "\n" not in s.flat and "\r" not in s.flat


def test_sentence_is_a_frozen_value_with_its_text():
    s = split_sentences("Japan restricts exports. China objects.")[1]
    assert s == Sentence(25, 39, "China objects.")
    assert sentence_texts("Japan restricts exports. China objects.") == ["Japan restricts exports.", "China objects."]


# --- abbreviations and quotes ----------------------------------------------------------------------------------------


def test_abbreviations_titles_initials_and_dates_do_not_end_sentences():
    text = (
        "The U.S. Commerce Dept. said on Mar. 31 that Prof. Lee had left. He said no. "
        "China\u2019s 2.63 million attempts rose 10-fold, e.g. in Jan. 2020. "
        "\u201cWe will not,\u201d he said. Under Secretary Alan F. Estevez spoke at 10 a.m. on Friday."
    )
    assert sentence_texts(text) == [
        "The U.S. Commerce Dept. said on Mar. 31 that Prof. Lee had left.",
        "He said no.",
        "China\u2019s 2.63 million attempts rose 10-fold, e.g. in Jan. 2020.",
        "\u201cWe will not,\u201d he said.",
        "Under Secretary Alan F. Estevez spoke at 10 a.m. on Friday.",
    ]


def test_a_word_that_is_an_abbreviation_only_before_a_number_ends_a_sentence_otherwise():
    assert sentence_texts("See No. 3 of the list. The vote was held in Sept. The bill passed.") == [
        "See No. 3 of the list.",
        "The vote was held in Sept.",
        "The bill passed.",
    ]


def test_a_quoted_question_followed_by_its_attribution_is_one_sentence():
    assert sentence_texts("\u201cWill it work?\u201d she asked. \u201cWe will see.\u201d") == [
        "\u201cWill it work?\u201d she asked.",
        "\u201cWe will see.\u201d",
    ]


# --- layout: wrapped lines, headlines, bullets -------------------------------------------------------------------------

PRESS_RELEASE = """\
Ministry announces licence rule for rare metals
Published: 2023-07-03

The Ministry of Commerce and the General Administration of Customs said
that exports of eight gallium-related items will require a licence from
August 1, 2023. Exporters must report end users and end uses, the
ministry said. No.
23 of 2023 lists the items.
"""


def test_a_hard_wrapped_paragraph_is_read_as_one_line_and_each_span_keeps_its_line_breaks():
    sents = split_sentences(PRESS_RELEASE)
    assert [s.flat for s in sents] == [
        "Ministry announces licence rule for rare metals",
        "Published: 2023-07-03",
        "The Ministry of Commerce and the General Administration of Customs said that exports of eight "
        "gallium-related items will require a licence from August 1, 2023.",
        "Exporters must report end users and end uses, the ministry said.",
        "No. 23 of 2023 lists the items.",
    ]
    assert sents[2].text.count("\n") == 2  # one span over the original three lines


PDF_PAGE = """\
Japan tightens controls on semiconductor equipment
Published: 2023-03-31
Japanese officials confirmed that 23 types of chipmaking equipment will require
an export licence. The ministry said the list was finalized after public comment.
Affected firms include makers of deposition, etching and lithography tools.
"""


def test_pdf_layout_lines_keep_headline_and_date_line_apart_from_the_body():
    assert flat(PDF_PAGE) == [
        "Japan tightens controls on semiconductor equipment",
        "Published: 2023-03-31",
        "Japanese officials confirmed that 23 types of chipmaking equipment will require an export licence.",
        "The ministry said the list was finalized after public comment.",
        "Affected firms include makers of deposition, etching and lithography tools.",
    ]


def test_a_short_line_whose_next_word_would_have_fitted_ends_a_unit_even_without_punctuation():
    text = (
        "Section heading\n"
        "The first line of a paragraph is wrapped at seventy-two columns so the\n"
        "Next line may start with a capital letter and still continue it.\n"
    )
    assert flat(text) == [
        "Section heading",
        "The first line of a paragraph is wrapped at seventy-two columns so the Next line may start with a "
        "capital letter and still continue it.",
    ]


# A web page's related-story snippets come one per line, each cut off mid-sentence: the next snippet or headline is
# not the rest of the cut one, however its width compares with the page's "wrap".
SNIPPET_A = ("Conflict with Taiwan could leave China with massive economic disruption and catastrophic military losses, "
             "a US think tank said in a report released on Monday. The report details the costs to China in the event "
             "of a minor conflict or a major war with Taiwan, estimating losses of more than half of its active-duty "
             "ground forces. Understanding Chinese")
SNIPPET_B = ("The Ministry of Foreign Affairs yesterday said it is closely monitoring developments in Venezuela, and "
             "would continue to cooperate with democratic allies for regional security, stability and prosperity. The "
             "ministry said that it is closely monitoring the political and economic situation")
SNIPPET_C = ("\u2018SLICING METHOD\u2019: In the event of a blockade, the coast guard would intercept ships while the "
             "navy would deter foreign intervention, a think tank report said on Wednesday after the drills ended. "
             "Taiwan would be highly vulnerable under such a blockade, because it")


def test_a_cut_off_snippet_line_does_not_run_into_the_next_snippet_line():
    text = "\n".join([SNIPPET_A, SNIPPET_B, SNIPPET_C]) + "\n"
    sents = split_sentences(text)
    assert not any("\n" in s.text for s in sents), [s.text for s in sents if "\n" in s.text]
    assert "Understanding Chinese" in [s.text for s in sents]
    assert "The Ministry of Foreign Affairs yesterday said" in sents[sents.index(next(s for s in sents if s.text == "Understanding Chinese")) + 1].text


def test_a_pasted_paragraph_line_in_hard_wrapped_text_ends_at_its_line_break():
    wrapped = ("The ministry said that exports of eight gallium-related items will need\n"
               "a licence from August 1, and that exporters must report their end users\n"
               "and end uses to the commerce department before each shipment.\n")
    text = wrapped + SNIPPET_A + "\n" + "Beijing said the rules protect national security.\n" + wrapped
    sents = split_sentences(text)
    assert "Understanding Chinese" in [s.text for s in sents]
    assert "Beijing said the rules protect national security." in [s.text for s in sents]
    assert sum("\n" in s.text for s in sents) == 2  # each wrapped paragraph is still one sentence over three lines


@pytest.mark.parametrize("title", [
    "Japan Tightens Controls on Chipmaking Equipment Exports",
    "If China Attacks Taiwan: The Consequences for China of Minor Conflict",
    "Seoul Files WTO Complaint Over Japanese Export Curbs",
])
def test_a_full_width_line_cut_off_before_a_headline_line_ends_there(title):
    text = ("Officials in Seoul said the curbs on photoresist and hydrogen fluoride would\n"
            "hit memory chip makers hardest, and that the trade ministry would study\n"
            "the effects of the measures on its suppliers and on the wider economy by\n"
            f"{title}\n"
            "Tokyo tightened the approval process for shipments to South Korea last week.\n")
    texts = [s.flat for s in split_sentences(text)]
    assert title in texts
    assert texts[-1] == "Tokyo tightened the approval process for shipments to South Korea last week."


def test_a_headline_wrapped_over_two_lines_stays_one_unit():
    text = ("Japan Tightens Controls on Chipmaking Equipment Exports to South Korea and\n"
            "China After Months of Talks With Washington\n"
            "Tokyo said on Monday that the new rules take effect in July.\n")
    assert flat(text) == ["Japan Tightens Controls on Chipmaking Equipment Exports to South Korea and China After "
                          "Months of Talks With Washington", "Tokyo said on Monday that the new rules take effect in July."]


@pytest.mark.parametrize("continuation", [
    "Taiwan Semiconductor Manufacturing Co said on Monday that its orders rose.",
    "Japan, which controls most of the world supply of the chemicals, said no.",
    "Samsung Electronics Co and SK Hynix Inc were named in the complaint filed.",
])
def test_a_wrapped_line_that_starts_with_a_name_still_continues_its_sentence(continuation):
    text = ("Exports of photoresist and hydrogen fluoride to South Korea now require a\n"
            f"{continuation}\n")
    assert len(split_sentences(text)) == 1


def test_the_sample_corpus_has_no_sentence_glued_across_a_line_break_of_its_snippet_page():
    article = normalize_text((REPO_ROOT / "corpus" / "001_19717e54740cd5a9.txt").read_text(encoding="utf-8"))
    glued = [s.text for s in split_sentences(article) if "\n" in s.text]
    assert glued == []


def test_list_markers_are_left_out_and_each_item_is_a_unit():
    text = (
        "Exporters must:\n"
        "(a) apply for a licence before shipment;\n"
        "(b) keep records for five years\n"
        "  - report any diversion, including diversion through\n"
        "    third countries.\n"
        "\u2022 Penalties of up to 5 million yuan\n"
        "1. Advanced chips need a licence.\n"
        "2. Tools are controlled.\n"
        "Failure to comply is an offence.\n"
    )
    assert flat(text) == [
        "Exporters must:",
        "apply for a licence before shipment;",
        "keep records for five years",
        "report any diversion, including diversion through third countries.",
        "Penalties of up to 5 million yuan",
        "Advanced chips need a licence.",
        "Tools are controlled.",
        "Failure to comply is an offence.",
    ]
    assert all(not s.text.startswith(("(", "-", "\u2022", "1", "2")) for s in split_sentences(text))


def test_a_number_that_starts_a_wrapped_line_is_not_a_list_marker():
    text = "Shipments fell sharply in the first half of the year, to a total of\n12. The ministry blamed weak demand.\n"
    assert flat(text) == [
        "Shipments fell sharply in the first half of the year, to a total of 12.",
        "The ministry blamed weak demand.",
    ]


# --- CJK -----------------------------------------------------------------------------------------------------------------


def test_japanese_and_chinese_terminators_end_sentences_with_their_closing_quotes():
    # a quotation the quoting particle と follows is part of its sentence (s67; see test_sentences_quoted.py)
    assert sentence_texts("西村経産相は「特定の国を念頭に置いたものではない。」と述べた。7月から施行する！本当か？") == [
        "西村経産相は「特定の国を念頭に置いたものではない。」と述べた。",
        "7月から施行する！",
        "本当か？",
    ]
    assert sentence_texts("外交部发言人说：“中方坚决反对。”他呼吁美方停止。") == ["外交部发言人说：“中方坚决反对。”", "他呼吁美方停止。"]


def test_full_width_period_ends_a_sentence_but_not_a_full_width_decimal():
    assert sentence_texts("成長率は１．５％だった．次の文。") == ["成長率は１．５％だった．", "次の文。"]


def test_wrapped_cjk_lines_join_without_a_space():
    text = "経済産業省は半導体製造装置23品目を\n輸出管理の対象に加えた。7月から施行する。\n"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["経済産業省は半導体製造装置23品目を\n輸出管理の対象に加えた。", "7月から施行する。"]
    assert sents[0].flat == "経済産業省は半導体製造装置23品目を輸出管理の対象に加えた。"


def test_korean_sentences_and_dates_written_with_periods():
    assert sentence_texts("정부는 2023. 7. 3. 새 대책을 발표했다. 공제율은 최대 25%다.") == [
        "정부는 2023. 7. 3. 새 대책을 발표했다.",
        "공제율은 최대 25%다.",
    ]


def test_mixed_japanese_and_english_in_one_paragraph():
    assert sentence_texts("TSMCは熊本工場で量産を開始した。The plant makes 28nm chips. 日本政府は補助する。Sony Group Corp. is a shareholder.") == [
        "TSMCは熊本工場で量産を開始した。",
        "The plant makes 28nm chips.",
        "日本政府は補助する。",
        "Sony Group Corp. is a shareholder.",
    ]


def test_flatten_joins_lines_with_one_space_and_cjk_lines_with_none():
    assert flatten("end users and\n    end uses") == "end users and end uses"
    assert flatten("半導体\n製造") == "半導体製造"
    assert flatten("no break here") == "no break here"


@pytest.mark.parametrize(
    ("wrapped", "flat_text"),
    [
        ("add 23 types of semi-\nconductor tools", "add 23 types of semi-conductor tools"),
        ("the ability to make ad-\n   vanced chips", "the ability to make ad-vanced chips"),
        ("export-con-\ntrol rules", "export-con-trol rules"),
        ("the U.S.-\nJapan pact", "the U.S.- Japan pact"),  # a capital after the break: two words
        ("2019-\n2020 season", "2019- 2020 season"),
        ("items:\n- one\n- two", "items: - one - two"),  # list dashes are not hyphens
    ],
)
def test_a_word_hyphenated_at_a_wrap_stays_one_word(wrapped, flat_text):
    assert flatten(wrapped) == flat_text


# --- long inputs -----------------------------------------------------------------------------------------------------------


def test_a_paragraph_longer_than_the_segmenter_window_is_split_as_if_whole(monkeypatch):
    monkeypatch.setattr(sentences_module, "MAX_UNIT", 200)
    text = " ".join(f"Sentence number {i} ends here, said Mr. Smith of the U.S. Treasury." for i in range(60))
    assert flat(text) == [f"Sentence number {i} ends here, said Mr. Smith of the U.S. Treasury." for i in range(60)]
    no_punct = " ".join(f"word{i}" for i in range(500))
    assert sentence_texts(no_punct) == [no_punct]
    assert sentence_texts("x" * 1000) == ["x" * 1000]


# --- the labelled set and the corpus -----------------------------------------------------------------------------------------


def test_the_labelled_boundary_set_is_well_formed_and_the_splitter_scores_high_on_it():
    from evals.sentence_split import DATA, gold_spans, load, score

    items = load(DATA)
    assert sum(len(it["sentences"]) - 1 for it in items) >= 200
    assert {"news", "wrapped", "pdf", "bullets", "quotes", "ja", "zh", "ko"} <= {it["kind"] for it in items}
    for it in items:
        assert len(gold_spans(it)) == len(it["sentences"])
    result = score(items, lambda t: [(s.start, s.end) for s in split_sentences(t)])
    assert result["all"]["f1"] >= 0.97, json.dumps(result["all"])


def test_corpus_header_lines_stay_separate_sentences():
    article = (REPO_ROOT / "corpus" / "004_03d580ab561174f4.txt").read_text(encoding="utf-8")
    texts = [s.flat for s in split_sentences(article)]
    assert "No.57, Economy\u00a0\u00a0Mar. 31, 2020" in texts
    assert "Prof. Hosokawa Masahiko" in texts
    assert "President Trump signed an initial trade deal with China." in texts


@pytest.mark.parametrize("text, second", [
    ("What is it?: The Respect for Marriage Act guarantees recognition.", "The Respect for Marriage Act guarantees recognition."),
    ("Who pays?; The city will, officials said.", "The city will, officials said."),
    ("Why now?, critics asked. The vote was moved.", None),  # a comma after a question continues its sentence
])
def test_no_sentence_opens_with_the_separator_left_after_a_question(text, second):
    texts = sentence_texts(text)
    assert not any(t[:1] in ":;," for t in texts), texts
    if second is not None:
        assert texts[1] == second
