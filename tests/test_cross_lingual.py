"""English questions over Japanese, Chinese and Korean articles, and CJK questions over English ones: the bilingual
glossary (``rag/text/data/cross_lingual.toml``, ``rag.text.cross_lingual``) as a keyword leg of its own in the
fusion, a CJK sentence's English readings in its key-term stems, and its English gloss for the writer's embedder.

Kind: a question in one language never reached an article in another (the embedder is English MiniLM, keyword
search matches words): an English question abstained though a Japanese article gave the asked fine, a topic had "no
evidence" though a Chinese article covered it, and search ranked such an article last. The articles below are
written for these specs."""

from __future__ import annotations

import pytest

from rag.retrieve import HybridRetriever
from rag.text.cross_lingual import bridge_query, concept_share, english_gloss, english_readings, translated_share
from rag.writers.key_terms import stem, stems
from rag.writers.sentence_cues import NUMBER_RE

from conftest import engine_over_headed

ARTICLES = {
    "ja_equipment.txt": ("半導体製造装置12品目を輸出管理に追加　経産省", "西都ニュース", "2026-10-02",
                         "経済産業省は1日、洗浄装置や検査装置など半導体製造装置12品目を輸出管理の対象に加えると発表した。"
                         "来年1月から適用される。\n\n無許可で輸出した企業には最大5億円の罰金が科される。"),
    "ja_weather.txt": ("台風14号、週末に九州接近", "西都ニュース", "2026-09-12",
                       "気象庁によると、台風14号は週末にかけて九州に接近する見込みだ。交通機関への影響に注意が必要だ。"),
    "zh_magnets.txt": ("商务部限制稀土磁体技术出口", "南方商讯", "2026-10-20",
                       "商务部19日宣布，将稀土磁体制造技术列入限制出口技术目录，相关出口须申请许可。\n\n"
                       "商务部表示，这一措施自明年3月起实施。"),
    "ko_gallium.txt": ("정부, 갈륨 수출 허가 절차 강화", "동해일보", "2026-10-25",
                       "산업통상자원부는 갈륨 수출 허가 심사 기간을 30일에서 60일로 늘린다고 24일 밝혔다."),
    "en_tariffs.txt": ("Washington raises tariffs on imported steel", "Mainland Wire", "2026-10-11",
                       "The United States raised tariffs on imported steel to 30 percent on Friday, citing overcapacity abroad."),
    "en_football.txt": ("Osaka club wins the league title", "Mainland Wire", "2026-10-30",
                        "An Osaka football club won the league title on Sunday after a 2-1 victory over its closest rival."),
    "en_entity_list.txt": ("Taiwan puts nine firms on its entity list", "Mainland Wire", "2026-11-02",
                           "Taiwan's economics ministry added nine overseas firms to its entity list, requiring licences "
                           "for any exports to them."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("cross_lingual"), ARTICLES)


def files(hits) -> list[str]:
    return [h.chunk.metadata["source_path"].rsplit("/", 1)[-1] for h in hits]


def retriever(engine, **changes) -> HybridRetriever:
    index = engine.retriever.index
    return HybridRetriever(index, index.settings.retrieval.model_copy(update={"ranker": "hand", **changes}))


# -- the glossary -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, wanted", [
    ("gallium export licence", {"ガリウム", "镓", "갈륨", "輸出許可", "出口许可"}),
    ("Which chips were smuggled?", {"半導体", "芯片", "密輸", "走私", "밀수"}),
    ("rare earth magnets", {"レアアース", "稀土", "희토류", "磁体"}),
    ("What did the Ministry of Commerce announce?", {"商务部"}),
])
def test_an_english_query_names_its_terms_in_the_other_languages(query, wanted):
    assert wanted <= set(bridge_query(query).split())


@pytest.mark.parametrize("query, wanted", [
    ("稀土出口限制", ["rare earth", "export restriction"]),
    ("經濟部實體清單", ["entity list", "Ministry of Economic Affairs"]),  # Traditional characters, folded
    ("반도체 수출 통제", ["semiconductor", "export control"]),  # Korean written with a space
    ("量子コンピューターの罰金", ["quantum computer", "fine"]),
])
def test_a_cjk_query_names_its_terms_in_english(query, wanted):
    bridge = bridge_query(query)
    assert all(w in bridge for w in wanted)


def test_a_query_naming_no_glossary_term_has_no_bridge():
    assert bridge_query("Who won the football match on Sunday?") == ""
    assert bridge_query("台風が九州に接近") == ""


def test_overlapping_forms_name_one_concept_the_longest():
    # "export controls" is the concept export control, not also export; 輸出管理 likewise
    assert "輸出" not in bridge_query("export controls on drones").split()
    assert "export control" in bridge_query("輸出管理")
    assert "exports" not in bridge_query("輸出管理").split()


def test_a_query_is_carried_as_far_as_the_glossary_translates_it():
    assert translated_share("quantum computer export controls") == 1.0
    assert translated_share("輸出管理 台風") == pytest.approx(4 / 6)  # 台風 (a typhoon) is no glossary term
    assert translated_share("Who won the football match?") == 0.0


def test_a_passage_holding_one_generic_term_of_the_query_is_a_weak_bridged_match():
    query = "quantum computer export controls"
    assert concept_share(query, "量子计算机纳入出口管制。") == 1.0
    assert concept_share(query, "稀土出口量下降。") == 0.0  # 出口 (export) alone: neither asked term
    assert concept_share(query, "量子计算机研究。") == 0.5


def test_a_cjk_sentence_holds_the_english_stems_of_its_terms():
    assert {stem("fine"), stem("maximum")} <= stems("違反した場合は最大5億円の罰金が科される。")
    # a national body stands for its country, as "Japan's trade ministry" does
    assert {"japan", stem("ministry")} <= stems("経済産業省は輸出管理を強化した。")
    assert {stem("entity"), stem("list"), "taiwan"} <= stems("經濟部將三家企業列入實體清單。")


def test_an_english_sentence_gains_no_readings():
    assert english_readings("Japan tightened export controls on gallium.") == ()
    assert not any(ord(c) > 0x2E80 for s in stems("Japan tightened export controls on gallium.") for c in s)


def test_the_gloss_reads_a_cjk_sentence_and_its_headline_in_english():
    gloss = english_gloss("無許可で輸出した企業には罰金が科される。", "半導体製造装置を輸出管理に追加")
    own, around = gloss.split(". ")
    assert set(own.split()) == {"licence", "export", "fine"}  # the sentence's own terms, then its headline's
    assert "chipmaking equipment" in around and "export control" in around
    assert english_gloss("Exports fell in May.", "輸出管理") == ""  # an English sentence is embedded as it is


@pytest.mark.parametrize("text, numbers", [
    ("最大5億円の罰金", ["5"]), ("12品目を追加", ["12"]), ("심사 기간을 30일에서 60일로", ["30", "60"]),
    ("up to 10.5 billion yen, 3%", ["10.5", "billion", "3", "%"]), ("model ab1.c", []),
])
def test_a_number_written_against_cjk_characters_is_a_number(text, numbers):
    assert [m.group(0) for m in NUMBER_RE.finditer(text)] == numbers


# -- retrieval --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, gold", [
    ("chipmaking equipment export controls", "ja_equipment.txt"),
    ("rare earth magnets", "zh_magnets.txt"),
    ("gallium export licence", "ko_gallium.txt"),
])
def test_an_english_query_finds_the_article_in_another_language_first(engine, query, gold):
    assert files(retriever(engine).search(query, k=3))[0] == gold
    assert files(retriever(engine, bridge_weight=0.0).search(query, k=3))[0] != gold  # the ranking before


@pytest.mark.parametrize("query, gold", [("實體清單", "en_entity_list.txt"), ("钢铁关税", "en_tariffs.txt")])
def test_a_cjk_query_finds_the_english_article_first(engine, query, gold):
    assert files(retriever(engine).search(query, k=3))[0] == gold


def test_a_query_naming_no_glossary_term_ranks_as_before(engine):
    query = "football league title"
    assert files(retriever(engine).search(query, k=7)) == files(retriever(engine, bridge_weight=0.0).search(query, k=7))


# -- answers and briefs -----------------------------------------------------------------------------------------------

def test_an_english_question_is_answered_by_quoting_the_japanese_sentence(engine):
    brief = engine.write("What is the maximum fine for exporting chipmaking equipment from Japan without a licence?",
                         template="answer")
    assert not brief.abstained
    quoted = " ".join(c.text for s in brief.sections for c in s.claims)
    assert "最大5億円の罰金" in quoted
    assert {s.source_path.rsplit("/", 1)[-1] for s in brief.sources} == {"ja_equipment.txt"}


def test_an_english_topic_is_briefed_from_the_chinese_article(engine):
    brief = engine.write("rare earth magnet technology export restrictions", template="situation")
    assert not brief.abstained
    assert "zh_magnets.txt" in {s.source_path.rsplit("/", 1)[-1] for s in brief.sources}
