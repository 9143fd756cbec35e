"""A brief on a Japanese topic reads like one on an English topic (issue 10, briefs an analyst signs after light
edits; s62).

Kinds (s61's fresh user, F16):
- **A Japanese lede taken for a headline.** The brief's title line (``render.title_text``) is its lead passage's words
  when they read as a headline, at most ``TITLE_WORDS`` words; a Japanese sentence has no spaces, so a 60-character
  lede counted as one word, became the H1, and the brief had no "## Headline" section. Words are now counted as a
  title counts them (``normalize.title_word_count``: a Han, kana or Hangul character is one): the topic is the H1 and
  the lede its Headline, as for an English topic.
- **A Japanese sentence whose subject is the sentence before's, quoted alone.** "2027年3月1日から施行する。" ("(It)
  takes effect from …") was a What-happened bullet of its own. A Japanese sentence with none of the subject or topic
  particles is now dependent (``candidates.lacks_subject``, ``zero_subject.toml``): quoted with the sentence before
  it, or not at all.

The articles and sentences were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import json

import pytest

from conftest import engine_over_texts
from rag.render import brief_markdown
from rag.writers.candidates import is_dependent, lacks_subject

ARTICLES = {
    "j1.txt": ("半導体洗浄装置を輸出管理の対象に　経産省", "北海経済新聞", "2026-10-05",
               "経済産業省は4日、半導体向けの枚葉式洗浄装置など3品目を外為法に基づく輸出管理の対象に加えると発表した。"
               "2027年6月1日から適用する。\n\n"
               "対象は枚葉式洗浄装置、超臨界乾燥装置、薬液供給装置で、欧米の規制と歩調を合わせる。\n\n"
               "無許可で輸出した企業には最大5億円の罰金が科される。同省によると、国内の対象メーカーは約20社ある。"),
    "j2.txt": ("洗浄装置の輸出規制、業界団体が猶予求める", "北海経済新聞", "2026-10-19",
               "半導体製造装置の業界団体は18日、経済産業省が発表した洗浄装置の輸出管理について、既存契約への"
               "6カ月の猶予を求める要望書を提出した。\n\n"
               "経産省は要望を検討するとしているが、適用開始日は変えない方針だ。"),
}
ZERO_SUBJECT = "2027年6月1日から適用する。"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    texts = {name: f"{title}\n\n{body}\n" for name, (title, _, _, body) in ARTICLES.items()}
    texts["manifest.json"] = json.dumps({"articles": [{"file": name, "publisher": publisher, "published": day}
                                                      for name, (_, publisher, day, _) in ARTICLES.items()]},
                                        ensure_ascii=False)
    return engine_over_texts(tmp_path_factory.mktemp("cjk_title"), texts)


@pytest.mark.parametrize("topic", ["半導体洗浄装置 輸出管理", "洗浄装置の輸出規制"])
@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_japanese_topic_gets_its_topic_as_title_and_its_lede_as_headline(engine, topic, template):
    brief = engine.write(topic, template=template)
    assert not brief.abstained, brief.message
    md = brief_markdown(brief)
    assert md.splitlines()[0] == f"# {topic}", md
    assert brief.headline == topic
    lead = next(s for s in brief.sections if s.kind == "claims" and s.claims)
    assert f"## {lead.title}" in md, md
    ledes = [body.split("\n\n")[0] for _, _, _, body in ARTICLES.values()]
    assert any(lead.claims[0].text in lede for lede in ledes), lead.claims[0].text


@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_japanese_sentence_without_its_subject_is_not_quoted_alone(engine, template):
    brief = engine.write("半導体洗浄装置 輸出管理", template=template)
    quoted = [" ".join(c.text.split()) for s in brief.sections for c in s.claims]
    assert ZERO_SUBJECT not in quoted, quoted


@pytest.mark.parametrize("text", [
    ZERO_SUBJECT,
    "来年4月から段階的に導入する予定だ。",
    "2028年までに全国の港で運用を始める。",
    "今月中に説明会を開く。",
])
def test_a_japanese_sentence_naming_no_subject_depends_on_the_one_before(text):
    assert lacks_subject(text)
    assert is_dependent(text)


@pytest.mark.parametrize("text", [
    "経済産業省は4日、新たな輸出規制を発表した。",
    "違反した企業には罰金が科される。",
    "政府も対応を急ぐ。",
    "半導体洗浄装置を輸出管理の対象に　経産省",  # a headline: no full stop
    "海关总署10月15日表示，查获一批走私芯片。",  # Chinese: no hiragana, no particles to read
    "The rule takes effect on June 1.",
])
def test_a_sentence_with_its_subject_or_of_another_language_is_not(text):
    assert not lacks_subject(text)
