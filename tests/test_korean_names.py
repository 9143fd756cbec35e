"""Specs: a Korean name is found whatever particles follow it, and an English question naming a Korean company of the
field finds the Korean report that is the only one to answer it.

- Particles stack ("한미반도체로부터" = 로 + 부터, "한미반도체와의" = 와 + 의): the key terms of a Korean word are
  those of its stem, every particle removed (``cjk_function_words.toml`` v2, ``analyzer._without_particles``).
- The glossary (``cross_lingual.toml`` v7) names the field's Korean companies as English reports write them
  ("Hanmi Semiconductor" 한미반도체, "SK hynix" 하이닉스, "Korea Zinc" 고려아연)."""

from __future__ import annotations

import pytest

from rag.text.analyzer import cjk_content_terms
from rag.text.cross_lingual import bridge_query, english_readings
from tests.conftest import answer_of, engine_over_texts


@pytest.mark.parametrize("word", ["고려아연로부터", "고려아연와의", "고려아연에게서", "고려아연에서도", "고려아연이라는",
                                  "고려아연까지도", "고려아연이다", "고려아연에는", "고려아연만의"])
def test_a_korean_name_loses_every_particle(word):
    assert cjk_content_terms(word) == cjk_content_terms("고려아연")


@pytest.mark.parametrize("word", ["코로나", "정부", "사이", "수도"])
def test_a_word_ending_like_a_particle_keeps_its_two_syllables(word):
    assert "".join(cjk_content_terms(word))[:2] == word[:2]


@pytest.mark.parametrize("english, korean", [
    ("Hanmi Semiconductor", "한미반도체"), ("SK hynix", "하이닉스"), ("Korea Zinc", "고려아연"),
    ("Hanwha Aerospace", "한화에어로스페이스"), ("Samsung Electronics", "삼성전자"),
])
def test_a_korean_company_is_bridged_both_ways(english, korean):
    assert korean in bridge_query(f"What did {english} say about the export licence?").split()
    assert english in english_readings(f"{korean}가 수출 허가를 신청했다.")


TEXTS = {
    "01_ko.txt": ("제목: 한미반도체 본더 설계도 유출, 전 직원 2명 기소\n발행: 서해일보\n날짜: 2026년 9월 15일\n\n"
                  "수원지검은 15일 한미반도체의 열압착 본더 설계도를 해외 업체에 넘긴 혐의로 전 직원 2명을 기소했다. "
                  "검찰은 이들이 한미반도체로부터 빼낸 도면을 개인 클라우드에 올렸다고 밝혔다.\n"),
    "02_en.txt": ("Title: Bonder makers raise prices\nPublisher: Chip Wire\nDate: 2026-09-16\n\n"
                  "Makers of thermal compression bonders raised prices by 8 percent in September as memory makers "
                  "expanded HBM lines, brokers said.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("korean_names"), TEXTS)


def test_an_english_question_on_a_korean_company_is_answered_from_the_korean_report(engine):
    assert "2명" in answer_of(engine, "How many former Hanmi Semiconductor employees were indicted?", "2026-09-30")
