"""A Chinese, Japanese or Korean count question ("几项", "多少家", "何件", "몇 건") asks a number, and the sentence
counting what its classifier counts ("共涉及7项技术条目", "52건") answers it, not the lede restating the question's
premise: the question word before a classifier is read as a number question (``answer_kinds.toml`` [kinds.number]),
the classifier as the counted noun (``answer_value.asked_value``, ``answer_values.toml`` [count].cjk_asking /
cjk_classifiers), and a number right before it as its count (``answer_value.counts_noun``), which leads
(``answer_slot.fills_count`` / ``count_lead``).

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters
from rag.writers.answer_kind import answer_type
from rag.writers.answer_value import asked_value, counts_noun


@pytest.mark.parametrize("question", [
    "工信部这次公布了几项新标准？",
    "海关查获了多少家违规企业？",
    "経済産業省は何件の違反を摘発したか？",
    "산업부는 국가핵심기술을 몇 개 추가했나?",
    "세관이 적발한 불법 수출은 몇 건인가?",
])
def test_a_question_word_before_a_classifier_asks_a_number(question):
    assert answer_type(question) == "number"


@pytest.mark.parametrize("question, text", [
    ("工信部这次公布了几项新标准？", "此次共发布12项行业标准，其中强制性标准3项。"),
    ("海关查获了多少家违规企业？", "今年以来共查处违规企业27家，涉案金额4.5亿元。"),
    ("経済産業省は何件の違反を摘発したか？", "同省は今年、輸出管理違反を14件摘発した。"),
    ("세관이 적발한 불법 수출은 몇 건인가?", "세관은 올해 불법 수출 38건을 적발했다고 밝혔다."),
])
def test_a_number_before_the_classifier_counts_it(question, text):
    assert counts_noun(asked_value(question), text)


@pytest.mark.parametrize("question, text", [
    ("工信部这次公布了几项新标准？", "工信部10月20日发布公告，新标准自2027年1月1日起施行。"),  # dates count nothing
    ("海关查获了多少家违规企业？", "今年以来共查处违规案件27起。"),  # another classifier
    ("세관이 적발한 불법 수출은 몇 건인가?", "세관은 24일 인천공항에 전담팀을 두겠다고 밝혔다."),
])
def test_no_count_without_the_classifier(question, text):
    assert not counts_noun(asked_value(question), text)


ARTICLES = [
    ("01_miit.md", "2026-10-21", "工信部发布半导体材料行业新标准 高纯氟化氢纳入强制性标准",
     "本报北京10月20日电 工业和信息化部20日发布公告，对半导体材料行业标准体系作出调整，将高纯氟化氢、光刻胶用树脂等"
     "材料的纯度要求纳入强制性标准，自2027年1月1日起施行。\n\n"
     "企业生产列入强制性标准的材料，须向省级工业和信息化主管部门备案，经检测合格后方可出厂销售。\n\n"
     "公告称，此次共发布12项行业标准，其中强制性标准3项，推荐性标准9项。\n\n"
     "业内人士表示，新标准将推动国内材料企业提升产品质量。"),
    ("02_other.md", "2026-10-01", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade. Organisers expect 20,000 visitors."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("cjk_count"), ARTICLES)


def test_the_sentence_counting_the_classifier_leads(engine):
    brief = engine.write("工信部这次发布了几项半导体材料行业标准？", template="answer",
                         filters=SearchFilters(until="2026-10-31"))
    assert not brief.abstained, brief.message
    lead = first_sentence(answer_text(brief))
    assert "12项" in lead, lead
