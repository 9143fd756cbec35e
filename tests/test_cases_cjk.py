"""CJK and full-width text end to end: keyword and dense search, titles, cited answers, the support checker.

Shared cases 01 (Japanese, no spaces between words) and 02 (full-width letters and digits) run with the
right results their READMEs give (skipped when ../shared is absent); the same kinds of input written for
this repository (``tests/data/cjk``: Chinese and Korean articles, full-width forms, ligatures) run always.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.config import Settings
from rag.embeddings import get_embedder
from rag.index import CorpusIndex
from rag.ingest import Ingestor
from rag.pipeline import Engine
from rag.retrieve import HybridRetriever
from rag.support import SupportChecker

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CASES = SHARED / "cases"
OWN = Path(__file__).resolve().parent / "data" / "cjk"

needs_shared = pytest.mark.skipif(not CASES.is_dir(), reason=f"shared cases not found at {CASES}")


class Corpus:
    """One ingested folder: search by query, answer questions, name hits by file."""

    def __init__(self, data_dir: Path, files: list[Path]) -> None:
        self.settings = Settings(data_dir=data_dir)
        self.index = CorpusIndex(self.settings)
        report = Ingestor(self.index).ingest_paths(files)
        assert report.added == len(files) and not report.failed, report.to_dict()
        self.retriever = HybridRetriever(self.index)
        self._engine: Engine | None = None

    def search(self, query: str, k: int = 5) -> list[tuple[str, int | None]]:
        """(file name, bm25 rank) of each hit, best first."""
        return [(self.file_of(h.chunk.doc_id), h.bm25_rank) for h in self.retriever.search(query, k=k)]

    def file_of(self, doc_id: str) -> str:
        return Path(self.index.catalog.get_document(doc_id)["source_path"]).name

    def titles(self) -> dict[str, str | None]:
        docs, _ = self.index.catalog.list_documents(limit=100)
        return {Path(d["source_path"]).name: d["title"] for d in docs}

    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = Engine.from_settings(self.settings)
        return self._engine

    def ask(self, question: str):
        return self.engine().write(question, template="answer")

    def close(self) -> None:
        self.index.close()


def first_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0].strip()


def assert_answers_from(brief, file_name: str, corpus: Corpus, *must_contain: str) -> None:
    """Not an abstention; the first claim quotes ``file_name`` and contains each of ``must_contain``."""
    assert not brief.abstained, brief.message
    first = brief.all_claims()[0]
    assert first.citations, first
    assert corpus.file_of(first.citations[0].doc_id) == file_name
    for piece in must_contain:
        assert piece in first.text, (piece, first.text)


# --- case 01: Japanese ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def case01(tmp_path_factory):
    docs = CASES / "01-cjk-bm25-japanese" / "docs"
    corpus = Corpus(tmp_path_factory.mktemp("case01"), sorted(docs.iterdir()))
    yield corpus
    corpus.close()


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(
    "query, first",
    [("フッ化水素", "meti_ja.txt"), ("韓国向け輸出の管理", "meti_ja.txt"), ("半導体技術者 転職", "taiwan_ja.txt")],
)
def test_case01_a_japanese_query_ranks_the_article_with_its_words_first_in_both_legs(case01, query, first):
    hits = case01.search(query)
    assert hits[0][0] == first, hits
    assert hits[0][1] is not None, "the keyword (BM25) leg matched the Japanese article"


@needs_shared
@pytest.mark.shared
def test_case01_each_japanese_article_is_titled_by_its_headline(case01):
    titles = case01.titles()
    for name in ("meti_ja.txt", "taiwan_ja.txt", "battery_ja.txt"):
        assert titles[name] == first_line(CASES / "01-cjk-bm25-japanese" / "docs" / name)


@needs_shared
@pytest.mark.shared
def test_case01_a_japanese_question_gets_the_cited_sentence_naming_the_three_materials(case01):
    brief = case01.ask("韓国向けに輸出管理が厳格化された3品目は何か")
    assert_answers_from(brief, "meti_ja.txt", case01, "フッ化ポリイミド", "レジスト", "フッ化水素")


# --- case 02: full-width letters and digits ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def case02(tmp_path_factory):
    docs = CASES / "02-fullwidth-nfkc" / "docs"
    corpus = Corpus(tmp_path_factory.mktemp("case02"), sorted(docs.iterdir()))
    yield corpus
    corpus.close()


@needs_shared
@pytest.mark.shared
def test_case02_an_ascii_query_finds_the_full_width_article_first(case02):
    hits = case02.search("SMIC 7nm Huawei processors", k=4)
    assert hits[0] == ("smic_fw.txt", 1), hits


@needs_shared
@pytest.mark.shared
def test_case02_the_question_is_answered_from_the_full_width_sentence(case02):
    brief = case02.ask("Which company shipped 7nm processors for Huawei?")
    assert_answers_from(brief, "smic_fw.txt", case02, "Shanghai-based ＳＭＩＣ has begun volume shipments of ７ｎｍ")
    assert brief.all_claims()[0].text.rstrip().endswith("firm.")


@needs_shared
@pytest.mark.shared
def test_case02_the_checker_supports_exactly_the_expected_pairs():
    rows = [json.loads(line) for line in (CASES / "02-fullwidth-nfkc" / "pairs.jsonl").read_text().splitlines() if line.strip()]
    checker = SupportChecker(get_embedder(Settings().embedding).embed)
    results = checker.check_many([(r["claim"], [r["passage"]]) for r in rows])
    assert [r.supported for r in results] == [r["expected_supported"] for r in rows]


# --- the same kinds, written for this repository: Chinese, Korean, full-width, ligatures ---------------------------


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    corpus = Corpus(tmp_path_factory.mktemp("cjk-own"), sorted(OWN.glob("*.txt")))
    yield corpus
    corpus.close()


@pytest.mark.parametrize(
    "query, first",
    [
        ("镓和锗出口管制", "zh_gallium.txt"),
        ("台积电亚利桑那工厂投资", "zh_tsmc.txt"),
        ("稀土集团成立", "zh_rare_earth.txt"),
        ("고대역폭 메모리 양산", "ko_hbm.txt"),
        ("반도체 소재 수출 규제 해제", "ko_materials.txt"),
        ("배터리 공장 투자", "ko_battery.txt"),
        ("ＳＫ하이닉스", "ko_hbm.txt"),  # full-width Latin inside a Korean query
        ("Rapidus 2nm pilot line", "fw_rapidus.txt"),  # ASCII query, full-width article
        ("ＩＢＭ quarterly revenue", "ibm_revenue.txt"),  # full-width query, ASCII article
        ("firms flock to Arizona office", "lig_fabs.txt"),  # plain query, article with ligatures
    ],
)
def test_cjk_and_compatibility_form_queries_rank_their_article_first_in_both_legs(own, query, first):
    hits = own.search(query)
    assert hits[0][0] == first, hits
    assert hits[0][1] is not None, "the keyword (BM25) leg matched"


def test_chinese_and_korean_headlines_become_titles(own):
    titles = own.titles()
    for path in sorted(OWN.glob("*.txt")):
        assert titles[path.name] == first_line(path), path.name


@pytest.mark.parametrize(
    "question, file_name, pieces",
    [
        ("中国从哪天起对镓和锗实施出口管制？", "zh_gallium.txt", ["8月1日"]),
        # a how-much question leads with the amount (answer_kinds v16, h/text-s69), which was led by the Arizona sentence
        ("台积电在亚利桑那州的两座工厂总投资多少？", "zh_tsmc.txt", ["400亿美元"]),
        ("SK하이닉스가 세계 최초로 양산한 메모리는 무엇인가?", "ko_hbm.txt", ["HBM3E"]),
        ("일본이 수출 규제를 해제한 반도체 소재는 무엇인가?", "ko_materials.txt", ["불화수소", "포토레지스트"]),
        ("When will RAPIDUS start mass production of 2nm chips?", "fw_rapidus.txt", ["２０２７"]),
        ("How many jobs would the projects in Arizona create, according to the governor's office?", "lig_fabs.txt", ["10,000"]),
    ],
)
def test_questions_in_chinese_korean_and_ascii_get_cited_answers_from_their_article(own, question, file_name, pieces):
    assert_answers_from(own.ask(question), file_name, own, *pieces)


@pytest.mark.parametrize(
    "question, file_name, pieces",
    [
        ("谁宣布了对镓和锗的出口管制？", "zh_gallium.txt", ["商务部"]),
        ("台积电的两座工厂总投资是多少？", "zh_tsmc.txt", ["400亿美元"]),
        ("中国稀土集团在哪里成立？", "zh_rare_earth.txt", ["江西赣州"]),
        ("中国稀土集团是由什么合并而成的？", "zh_rare_earth.txt", ["三家央企"]),
        ("한국 정부는 무엇을 철회하기로 했나?", "ko_materials.txt", ["세계무역기구"]),
    ],
)
def test_a_questions_asking_words_and_particles_are_no_terms_its_answer_must_repeat(own, question, file_name, pieces):
    """"谁", "多少", "在哪里", "什么", "무엇을" and the function characters around them ("的", "了", "是") are not
    key terms: the sentence that answers never repeats them (``data/cjk_function_words.toml``)."""
    assert_answers_from(own.ask(question), file_name, own, *pieces)


@pytest.mark.parametrize("question", ["韓国政府はどう反応したか？", "镓和锗的出口管制何时开始实施？", "무엇을 발표했나?"])
def test_an_unanswered_cjk_question_is_quoted_as_a_question(question):
    from rag.writers.abstention_text import no_evidence_message

    assert no_evidence_message(question) == f"The corpus has no evidence on the question “{question}”"


def test_a_cjk_bigram_across_a_word_boundary_is_no_missing_term():
    """"輸出管理厳格化" cut into overlapping bigrams gives 出管 and 理厳, which a text writing the words apart ("輸出の管理を
    厳格化") never has: where the bigrams on both sides are in the evidence, such a bigram weighs nothing."""
    from rag.text.han import fold_han
    from rag.writers.key_terms import coverage, key_terms, stems, term_weights

    terms = key_terms("対韓輸出管理厳格化")
    sentence = stems("経済産業省は韓国向け輸出の管理を厳格化すると発表した。")
    weights = term_weights(terms, [sentence, stems("対韓関係は冷え込んだ。")])
    key = fold_han  # terms are in the keyword search form: Han characters in Simplified Chinese (rag.text.han)
    assert weights[key("出管")] == 0 and weights[key("理厳")] == 0 and weights[key("韓輸")] == 0
    assert weights[key("輸出")] > 0 and weights[key("対韓")] > 0
    assert coverage(terms, sentence, weights) > 0.5
    # a bigram the evidence lacks with no evidence on one side of it is still a missing term
    assert term_weights(key_terms("対韓輸出管理"), [stems("輸出の規制")])[key("出管")] > 0


@needs_shared
def test_case01_a_japanese_topic_worded_as_its_headline_gets_a_brief(case01):
    brief = case01.engine().write("経産省の対韓輸出管理厳格化", template="situation")
    assert not brief.abstained, brief.provenance.notes
    assert "韓国向け輸出の管理を厳格化" in brief.all_claims()[0].text


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("分析人士认为，这是对美国及其盟友限制芯片技术出口的回应。", "judgement"),
        ("業界では、規制は報復措置とみられる。", "judgement"),
        ("전문가들은 이번 조치가 공급망 재편을 의미한다고 평가했다.", "judgement"),
        ("许可审查预计需要90天左右。", "forecast"),
        ("許可の審査には90日程度かかる見通しだ。", "forecast"),
        ("업계는 내년 수출이 늘어날 것으로 전망된다.", "forecast"),
        ("中国商务部和海关总署3日宣布，自8月1日起对镓、锗相关物项实施出口管制。", None),
        ("Analysts believe the curbs are retaliation.", None),  # English is the fitted classifier's
    ],
)
def test_a_cjk_sentence_is_typed_as_judgement_or_forecast_by_its_cue(sentence, role):
    from rag.writers.cjk_roles import cjk_role

    assert cjk_role(sentence) == role


def test_a_chinese_analysts_view_is_attributed_not_reported_as_what_happened(own):
    brief = own.engine().write("中国对镓和锗的出口管制", template="situation")
    view = [(s.name, c) for s in brief.sections for c in s.claims if "分析人士认为" in c.text]
    assert view, [c.text for c in brief.all_claims()]
    for section, claim in view:
        assert claim.role == "judgement" and section != "What happened", (section, claim.role)
