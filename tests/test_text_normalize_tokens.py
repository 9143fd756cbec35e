"""Specification of the text layer's Unicode forms, tokenizer/stemmer and BM25 analyzer (rag.text)."""

from __future__ import annotations

import unicodedata

import pytest

from rag.dedup import shingles
from rag.lexical import INDEX_FORMAT, LexicalIndex, StaleIndexError
from rag.text.analyzer import analyze, cjk_bigrams, cjk_content_terms
from rag.text.han import fold_han
from rag.text.normalize import compat_form, derive_title, match_form, normalize_text, title_word_count
from rag.text.tokens import stem, words

# --- forms ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("ＳＭＩＣ", "smic"),
        ("７ｎｍ", "7nm"),
        ("ＵＳ＄７．５ｂｎ", "us$7.5bn"),
        ("ﬁrms ﬂock to the oﬃce", "firms flock to the office"),
        ("Japan\u2019s \u201cwhite list\u201d", "japan's \"white list\""),
        ("2019\u20132020", "2019-2020"),
        ("10\u00a0000\u202fyen", "10 000 yen"),
        ("ｶﾀｶﾅ", "カタカナ"),  # half-width katakana
        ("Straße", "strasse"),  # case folding, not just lower-casing
    ],
)
def test_match_form_folds_width_ligatures_case_quotes_dashes_and_spaces(raw, folded):
    assert match_form(raw) == folded


def test_compat_form_keeps_case_for_names_and_match_form_is_its_case_fold():
    assert compat_form("ＳＭＩＣ ships ７ｎｍ for ＨＵＡＷＥＩ") == "SMIC ships 7nm for HUAWEI"
    text = "ＨＵＡＷＥＩ’s ﬁrst ７ｎｍ chip"
    assert match_form(text) == compat_form(text).casefold()


def test_the_store_form_is_nfc_and_keeps_compatibility_characters_for_citations():
    stored = normalize_text("Ame\u0301lie met ＳＭＩＣ\u200b about ﬁrms")
    assert unicodedata.is_normalized("NFC", stored)
    assert "ＳＭＩＣ" in stored and "ﬁrms" in stored  # a citation slices the text as the reader sees it
    assert "\u200b" not in stored


# --- titles --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "経産省、半導体材料3品目の対韓輸出管理を厳格化",
        "中国对镓和锗实施出口管制",
        "SK하이닉스, 차세대 고대역폭 메모리 양산 시작",
        "台積電、熊本に新工場",
        "ＳＭＩＣ ramps up ７ｎｍ output",
    ],
)
def test_cjk_and_full_width_headlines_become_titles(headline):
    assert derive_title(f"{headline}\n2023年7月3日\n\n本文。") == headline


@pytest.mark.parametrize(
    "first_line",
    [
        "経済産業省は1日、3品目について輸出管理を厳格化すると発表した。",  # a sentence, not a headline
        "中国商务部宣布实施出口管制！",
        "円安",  # two characters: too short to be a headline
        "Chip curbs",
    ],
)
def test_sentences_and_very_short_lines_are_not_titles(first_line):
    assert derive_title(first_line + "\nbody") is None


def test_each_cjk_character_counts_as_a_word_for_the_title_length_rule():
    assert title_word_count("円安進む") == 4
    assert title_word_count("SK하이닉스 양산") == 1 + 4 + 2  # "SK", 4 Hangul syllables, 2 more
    assert title_word_count("Chips and Science Act") == 4


# --- one tokenizer, one stemmer --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "forms, shared",
    [
        (["rose", "rises", "rising", "risen"], "rise"),
        (["left", "leave", "leaves"], stem("leave")),
        (["chose", "chosen", "choose"], stem("choose")),
        (["men", "man"], "man"),
        (["countries", "country", "Country's"], stem("country")),
        (["added", "adding", "adds"], "add"),
    ],
)
def test_regular_and_irregular_forms_share_one_stem(forms, shared):
    assert {stem(f) for f in forms} == {shared}


def test_words_keep_inner_apostrophes_hyphens_and_ampersands_and_skip_digits():
    assert words("Japan's state-owned AT&T bought 7 chips") == ["Japan's", "state-owned", "AT&T", "bought", "chips"]


def test_the_checker_writer_and_analyzer_use_the_same_stemmer():
    from rag.support import facts, polarity
    from rag.writers import key_terms

    assert facts._stem is stem and polarity._stem is stem
    assert key_terms.stem("exporting") == stem("exporting") == analyze("exporting")[0]


# --- the BM25 analyzer -----------------------------------------------------------------------------------------------


def test_english_words_lose_stop_words_and_are_stemmed():
    assert analyze("The exports of the chips are rising") == ["export", "chip", "rise"]


def test_cjk_runs_become_overlapping_bigrams_and_a_lone_character_a_unigram():
    assert cjk_bigrams("輸出管理") == ["輸出", "出管", "管理"]
    assert analyze("台积电") == ["台积", "积电"]
    assert analyze("米 chips") == ["米", "chip"]
    assert analyze("삼성전자 반도체") == ["삼성", "성전", "전자", "반도", "도체"]


def test_mixed_text_gives_english_tokens_and_cjk_bigrams_in_order():
    assert analyze("SK하이닉스 HBM3E 양산") == ["sk", "하이", "이닉", "닉스", "hbm3e", "양산"]


def test_full_width_and_ordinary_forms_give_the_same_tokens():
    assert analyze("ＳＭＩＣ ships ７ｎｍ chips for ＨＵＡＷＥＩ") == analyze("SMIC ships 7nm chips for Huawei")
    assert analyze("ﬁrms") == analyze("firms")


def test_a_japanese_query_shares_tokens_with_the_sentence_that_contains_its_words():
    sentence = set(analyze("経済産業省は、フッ化水素の3品目について、韓国向け輸出の管理を厳格化すると発表した。"))
    assert {"フッ", "ッ化", "化水", "水素"} <= sentence
    # in the search form: Han characters in Simplified Chinese (rag.text.han), on both sides alike
    assert set(map(fold_han, {"韓国", "輸出", "管理"})) <= set(analyze("韓国向け輸出の管理")) & sentence


def test_content_terms_cut_japanese_runs_at_particles():
    terms = ["韓国", "国向", "輸出", "管理", "厳格", "格化"]
    assert cjk_content_terms("韓国向け輸出の管理を厳格化") == [fold_han(t) for t in terms]


@pytest.mark.parametrize(
    "text, terms",
    [
        ("镓和锗的出口管制何时开始实施？", ["出口", "口管", "管制", "开始", "始实", "实施"]),  # 和, 的, 何时
        ("台积电的两座工厂总投资是多少？", ["台积", "积电", "两座", "座工", "工厂", "厂总", "总投", "投资"]),
        ("誰が何人を逮捕したか", ["逮捕"]),  # kanji asking words; hiragana is cut by script
        ("한국 정부는 무엇을 철회하기로 했나?", ["한국", "정부", "철회", "했나"]),  # 는, 을; 하기로 a verb ending (cjk_function_words v3)
        ("누가 반대했나?", ["반대"]),  # an asking word is dropped whole; 했나 a verb ending on the stem 반대
        ("국가는", ["국가"]),  # a particle goes only when two syllables remain
    ],
)
def test_content_terms_leave_out_asking_words_function_characters_and_korean_particles(text, terms):
    assert cjk_content_terms(text) == terms


def test_a_bm25_index_built_by_another_analyzer_is_refused_and_rebuilt(tmp_path):
    rows = [{"chunk_id": "a-0000", "text": "フッ化水素の輸出管理", "title": "", "published_int": 0, "publisher": ""}]
    index = LexicalIndex.build(rows)
    assert [r.chunk_id for r in index.query("フッ化水素", k=1)] == ["a-0000"]
    index.save(tmp_path / "bm25")
    assert LexicalIndex.load(tmp_path / "bm25").chunk_ids == ["a-0000"]
    manifest = tmp_path / "bm25" / "rows.json"
    import json

    old = {k: v for k, v in json.loads(manifest.read_text()).items() if k not in INDEX_FORMAT}
    manifest.write_text(json.dumps(old))  # as saved before the analyzer was versioned
    with pytest.raises(StaleIndexError):
        LexicalIndex.load(tmp_path / "bm25")


def test_a_stale_persisted_index_is_rebuilt_by_the_corpus_index(fresh_index):
    import json

    from rag.ingest import Ingestor

    index = fresh_index()
    Ingestor(index).ingest_paths([__import__("pathlib").Path(__file__).parent / "data" / "cjk" / "zh_gallium.txt"])
    path = index.root / "bm25" / index.snapshot_id()
    index.lexical()
    rows = json.loads((path / "rows.json").read_text())
    (path / "rows.json").write_text(json.dumps({k: v for k, v in rows.items() if k not in INDEX_FORMAT}))
    index._lexical = None  # a new process: nothing cached in memory
    assert index.lexical().query("镓和锗", k=1)
    assert json.loads((path / "rows.json").read_text())["analyzer"] == INDEX_FORMAT["analyzer"]


# --- dedup -----------------------------------------------------------------------------------------------------------


def test_dedup_shingles_fold_width_and_case_and_shingle_cjk_by_character():
    assert shingles("ＳＭＩＣ ships ７ｎｍ chips for ＨＵＡＷＥＩ", 3) == shingles("smic ships 7nm chips for Huawei", 3)
    assert b"\xe5\x8f\xb0 \xe7\xa7\xaf \xe7\x94\xb5" in shingles("台积电在美国建厂", 3)  # "台 积 电"
    assert len(shingles("台积电在美国建厂", 3)) == 6


# --- the dense side ---------------------------------------------------------------------------------------------------


def test_the_embedder_sees_full_width_text_folded_but_the_stored_chunk_keeps_it():
    from rag.chunking import embedding_text
    from rag.text.normalize import embed_form
    from rag.types import Chunk

    chunk = Chunk(chunk_id="d-0000", doc_id="d", text="ＳＭＩＣ ships ７ｎｍ chips.", start=0, end=22, index=0,
                  metadata={"title": "ＳＭＩＣ ramps up"})
    assert embedding_text(chunk) == "SMIC ramps up\nSMIC ships 7nm chips."
    assert chunk.text == "ＳＭＩＣ ships ７ｎｍ chips."
    assert embed_form("Japan\u2019s \u201cwhite list\u201d \u2014 ＨＵＡＷＥＩ") == "Japan\u2019s \u201cwhite list\u201d \u2014 HUAWEI"
