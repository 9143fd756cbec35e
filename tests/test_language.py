"""Language detection (rag.text.language, py3langid restricted to news languages)."""

from __future__ import annotations

import pytest

from rag.text.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government said that it was tightening the rules for exports of chips.", "en"),
        ("日本政府は半導体製造装置の輸出規制を強化したと発表した。", "ja"),
        ("中国商务部宣布对日本二十家企业实施出口管制措施。", "zh"),
        ("한국 정부는 반도체 수출 규제에 대응하기 위한 새로운 정책을 발표했다.", "ko"),
        ("Die Regierung hat die Exportkontrollen für Halbleiter verschärft.", "de"),
        ("Le gouvernement a renforcé les contrôles des exportations de puces.", "fr"),
        ("", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_english_article_quoting_a_few_han_characters_is_english() -> None:
    text = "The company, known as Huawei (华为), said that it was not affected by the new rules from the ministry."
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["SMIC", "", "  12 345 ", "—"])
def test_too_little_text_has_no_language(text: str) -> None:
    assert detect_language(text) is None


def test_a_kanji_heavy_japanese_headline_with_a_little_kana_is_japanese() -> None:
    assert detect_language("経産省、半導体製造装置の輸出管理を強化") == "ja"
    assert detect_language("商务部公布镓锗相关物项出口管制") == "zh"
    assert detect_language("經濟部擴大對俄白高科技出口管制清單") == "zh"
