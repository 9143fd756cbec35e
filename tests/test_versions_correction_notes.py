"""A corrected story that carries its correction note is still a version of the story it corrects.

The kind (s54's fresh user, own articles): a wire story re-sent with a changed figure and the usual note
("Correction: An earlier version of this story misstated the number of component types …") was indexed as a new,
unrelated story, so answers and briefs quoted the superseded figure beside the corrected one as if two reports
disagreed, and the assessment's bottom line led with the wrong number. The note is about the article, not its story,
and it repeats the old and new figures, which pushes the two bodies below the near-duplicate threshold. A line that
is a correction or editor's note ("Correction:", "Clarification:", "Editor's note:", "This story has been
corrected …", "An earlier version of this article …", Reuters' "(Corrects … )", Japanese "※ … 訂正しました",
Korean "[바로잡습니다]", Chinese "【更正】") is now page furniture (``boilerplate.toml``), like a byline; story lines
that merely start with such a word stay.

Inputs written for this test, in English, Japanese and Korean.
"""

from __future__ import annotations

import pytest

from conftest import place_stories
from test_versions import STORY as DATED_STORY

from rag.dedup import story_body

STORY = DATED_STORY.replace("Published: 2024-03-11\n", "", 1)  # the same report, without its date line

CORRECTED = STORY.replace("17 trillion won", "19 trillion won")

NOTES = {
    "a Correction: paragraph": CORRECTED + "\n\nCorrection: An earlier version of this story misstated the size of the "
    "programme. The ministry said it would total 19 trillion won, not 17 trillion won, over five years.",
    "an editor's note": CORRECTED + "\n\nEditor's note: This article was updated on March 12 to correct the total value "
    "of the tax credits, which the ministry put at 19 trillion won.",
    "a 'this story has been corrected' line": CORRECTED + "\n\nThis story has been corrected to show that the "
    "programme totals 19 trillion won, not 17 trillion won as previously reported.",
    "an 'earlier version' line in italics": CORRECTED + "\n\n*An earlier version of this article gave the wrong total "
    "for the programme; it is 19 trillion won, not 17 trillion won, the ministry said on Tuesday.*",
    "a Clarification: paragraph and a wire's (Corrects …) line": "(Corrects total in paragraph 2 to 19 trillion won "
    "from 17 trillion won)\n" + CORRECTED + "\n\nClarification: The figure covers five years of tax credits, the "
    "ministry said in a second statement, not the first year alone as the earlier version said.",
}

KO = """검찰은 15일 산업기술보호법 위반 혐의로 전직 임원 A씨를 구속기소했다고 밝혔다. 검찰에 따르면 A씨는 2023년부터 2025년까지
중국 청두의 반도체 업체로 이직하면서 20나노급 D램 공정 자료 약 700건을 유출한 혐의를 받는다.
검찰은 이번 유출로 인한 피해액이 약 4조3000억원에 달한다고 추산했다. 해당 중국 업체는 지난해 시제품 생산에 성공한 것으로 알려졌다.
산업통상자원부는 올해 상반기에만 해외 기술유출 적발 건수가 12건이라고 밝혔다. 이 가운데 9건이 중국으로의 유출이었다."""
KO_CORRECTED = KO.replace("약 700건", "약 900건") + (
    "\n\n[바로잡습니다] 본문 중 유출 자료 건수를 '약 700건'에서 '약 900건'으로 바로잡습니다. 검찰의 공소장에 따른 것입니다.")

JA = """経済産業省は3日、ラピダスに対し、2026年度に最大8025億円を追加支援すると発表した。政府の支援額は累計で約2兆5000億円となる。
支援額のうち約6000億円は製造装置の導入に、残りは後工程の研究開発に充てる。"""
JA_CORRECTED = JA.replace("約6000億円", "約6500億円") + (
    "\n\n※本文中の製造装置向けの金額を訂正しました。当初「約6000億円」としていましたが、正しくは「約6500億円」です。")


place = place_stories  # placements of the texts in a fresh story index, in order


@pytest.mark.parametrize("what", list(NOTES))
def test_a_correction_with_its_note_is_a_version_of_the_story_it_corrects(what):
    first, second = place(STORY, NOTES[what])
    assert second.version_of == "doc0" and second.duplicate_of is None, story_body(NOTES[what])
    assert second.thread_id == first.thread_id == "doc0"


@pytest.mark.parametrize("original, corrected", [
    (KO, KO_CORRECTED),
    # the note is removed (``test_a_correction_or_editors_note_line_is_furniture``), but ``rag.facts`` reads no number
    # written against a CJK character ("約6000億円": its look-behind takes 約 for a word character), so the corrected
    # figure is no changed fact and the correction is taken for a duplicate. Not fixed here: the facts are stored per
    # document, and reading more of them would make every indexed Japanese or Chinese article differ from its own
    # republication until they are recomputed.
    pytest.param(JA, JA_CORRECTED, marks=pytest.mark.xfail(
        strict=True, reason="rag.facts reads no number written against a CJK character (s54, open)")),
], ids=["korean", "japanese"])
def test_a_cjk_correction_with_its_note_is_a_version_too(original, corrected):
    _, second = place(original, corrected)
    assert second.version_of == "doc0" and second.duplicate_of is None, story_body(corrected)


@pytest.mark.parametrize("note", [
    "Correction: An earlier version of this story misstated the number of component types.",
    "CORRECTION — The ministry said 31 types, not 23.",
    "Clarification: The figure covers five years.",
    "Editor’s note: This story was updated with comment from DJI.",
    "Editors' Note: This article has been amended.",
    "This article has been updated to correct the date of the ban.",
    "An earlier version of this report gave the wrong name for the agency.",
    "(Corrects spelling of minister's name in paragraph 4)",
    "(Corrects paragraph 2 to show ban starts in April, not March)",
    "※記事の一部を訂正しました。",
    "【訂正】本文中の金額を修正しました。",
    "[정정] 본문 중 금액을 바로잡습니다.",
    "바로잡습니다: 피해액은 4조3000억원입니다.",
    "【更正】本文中镓出口量应为18.7吨。",
])
def test_a_correction_or_editors_note_line_is_furniture(note):
    body = story_body("Japan said it would bar the parts from April.\n" + note)
    assert body == "Japan said it would bar the parts from April.", body


@pytest.mark.parametrize("line", [
    "Corrections officers at the detention centre said the two suspects were held separately.",
    "Clarification of the catch-all rules is expected next month, the ministry said.",
    "The editor's notes were seized by police, the newspaper said.",
    "This article of the trade law has been amended twice since 2019.",
    "修正案は来年の通常国会に提出される見通しだ。",
    "정정보도 청구 소송은 다음 달 열린다.",
])
def test_a_story_line_that_only_starts_with_such_a_word_is_kept(line):
    assert story_body(line) == line
