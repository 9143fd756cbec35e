"""Traditional Chinese, Simplified Chinese and Japanese kanji are one script for keyword matching (``rag.text.han``):
a question typed in one finds, and is answered from, an article written in another, and the answer quotes the
article in its own script."""

from __future__ import annotations

from pathlib import Path

import pytest

import rag.text.han as han
from rag.text.analyzer import analyze, cjk_content_terms
from test_cases_cjk import Corpus, assert_answers_from

DOCS = Path(__file__).resolve().parent / "data" / "han_scripts"


@pytest.mark.parametrize(
    "written, typed",
    [
        ("經濟部", "经济部"),  # Traditional characters
        ("経済産業省", "经济产业省"),  # Japanese shinjitai
        ("臺灣", "台湾"),  # a variant character
        ("晶片", "芯片"),  # Taiwan's word for a chip
        ("軟體", "软件"),  # Taiwan's word for software
        ("檢獲走私", "检获走私"),
        ("出口管制", "出口管制"),  # the same in every script
    ],
)
def test_the_same_word_in_any_han_script_gives_the_same_keyword_tokens(written, typed):
    assert analyze(written) == analyze(typed)
    assert cjk_content_terms(written) == cjk_content_terms(typed)


def test_a_traditional_asking_word_is_no_topic_term_like_its_simplified_form():
    assert cjk_content_terms("經濟部何時宣布出口管制？") == cjk_content_terms("经济部何时宣布出口管制？")
    assert not {"何时", "何時"} & set(cjk_content_terms("經濟部何時宣布出口管制？"))


def test_text_without_han_characters_never_loads_the_converter(monkeypatch):
    def unavailable():
        raise AssertionError("the converter was loaded for text with no Han character")

    monkeypatch.setattr(han, "_converters", unavailable)
    assert analyze("SMIC ships 7nm chips; 한국 반도체 メモリー") == analyze("SMIC ships 7nm chips; 한국 반도체 メモリー")
    assert han.fold_han("Ｔokyo") == "Ｔokyo"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    c = Corpus(tmp_path_factory.mktemp("han"), sorted(DOCS.glob("*.txt")))
    yield c
    c.close()


@pytest.mark.parametrize(
    "query, first",
    [
        ("经济部 半导体设备 出口管制", "tw_equipment.txt"),  # Simplified query, Traditional article
        ("鎵鍺相關物項 出口管制", "cn_gallium.txt"),  # Traditional query, Simplified article
        ("海关 检获 走私芯片", "hk_smuggling.txt"),  # Simplified query, Hong Kong article and wording
    ],
)
def test_a_query_in_another_script_ranks_the_article_first_in_the_keyword_leg(corpus, query, first):
    hits = corpus.search(query)
    assert dict(hits).get(first) == 1, hits


def test_a_simplified_question_is_answered_from_the_traditional_article_in_its_own_words(corpus):
    brief = corpus.ask("经济部宣布对多少项半导体设备实施出口管制？")
    assert_answers_from(brief, "tw_equipment.txt", corpus, "23項", "半導體製造設備")


def test_a_traditional_question_is_answered_from_the_simplified_article(corpus):
    brief = corpus.ask("商務部何時起對鎵、鍺實施出口管制？")
    assert_answers_from(brief, "cn_gallium.txt", corpus, "8月1日", "镓")


def test_a_mainland_worded_question_finds_the_hong_kong_seizure(corpus):
    brief = corpus.ask("香港海关检获了多少片走私芯片？")
    assert_answers_from(brief, "hk_smuggling.txt", corpus, "2萬片", "晶片")
