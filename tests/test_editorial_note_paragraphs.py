"""An editorial note is one paragraph, none of whose sentences is a fact of the story (issue 10, s66's new user, F21:
after "Correction: An earlier version of this article said …", the note's "The correct figure is 3,000 tonnes a year."
and "It also misidentified the minister …" were quoted in an answer as the story's).

Kind: **editorial notes** (correction, clarification, update, editor's note; also in Japanese, Korean and Chinese) are
recognised once, in the text layer (``rag.text.editorial_notes``: the opening patterns of ``correction_notes.toml``,
read by the near-duplicate reader and the writers alike), and a note runs to the end of its paragraph: no answer and
no brief quotes any sentence of it. The story's own sentences stay quotable.

Articles written for this spec (Chilean, Polish, Japanese and Korean stories; none from any data set).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles
from evals.rtqa_answers import answer_text
from rag.text.editorial_notes import note_spans, opens_note

NOTE_CL = ("Correction: An earlier version of this article said the lithium plant would produce 90,000 tonnes a year. "
           "The correct figure is 60,000 tonnes a year. It also misstated the name of the mining minister, who is "
           "Aurora Williams.")
NOTE_PL = ("Editor's note: This story was updated on Nov. 4. The earlier version gave the wrong value of the "
           "contract. The contract is worth 1.9 billion zloty, not 2.9 billion.")
NOTE_JP = "【訂正】11月2日配信の記事で、罰金額を5億円としていましたが、正しくは3億円でした。お詫びして訂正します。"
NOTE_KR = "[정정] 이 기사의 최초 보도에서 장비 대수를 40대로 잘못 적었습니다. 실제 대수는 27대입니다."

ARTICLES = [
    ("cl.md", "2026-10-07", "Chile approves Codelco lithium plant in Atacama",
     f"{NOTE_CL}\n\n"
     "SANTIAGO — Chile's environmental agency on Tuesday approved Codelco's lithium carbonate plant in the Atacama "
     "salt flat. The plant will produce 60,000 tonnes of lithium carbonate a year from 2029, Codelco said. Mining "
     "Minister Aurora Williams said the approval would double Chile's refining capacity."),
    ("pl.md", "2026-11-03", "Poland signs radar contract with Hanwha",
     "WARSAW — Poland's armament agency on Monday signed a contract with South Korea's Hanwha Aerospace for 48 "
     "counter-battery radars. The contract is worth 1.9 billion zloty and deliveries start in 2028, the agency said."
     f"\n\n{NOTE_PL}"),
    ("jp.md", "2026-11-02", "経産省、半導体装置の無許可輸出で商社に罰金",
     "経済産業省は2日、半導体製造装置を無許可で中国に輸出したとして、大阪の商社に3億円の罰金を科したと発表した。"
     "同社は2024年から2025年にかけて、エッチング装置など12台を輸出していた。"
     f"\n\n{NOTE_JP}"),
    ("kr.md", "2026-11-05", "관세청, 반도체 장비 밀수출 적발",
     "관세청은 5일 반도체 식각 장비 27대를 중국에 밀수출한 업체 대표를 검찰에 송치했다고 밝혔다. "
     "관세청은 이 업체가 장비를 중고 부품으로 신고해 수출했다고 설명했다."
     f"\n\n{NOTE_KR}"),
]


@pytest.mark.parametrize("note", [NOTE_CL, NOTE_PL, NOTE_JP, NOTE_KR])
def test_a_note_runs_to_the_end_of_its_paragraph(note):
    text = f"The story's first paragraph says what happened.\n\n{note}\n\nThe story goes on."
    spans = note_spans(text)
    assert [text[a:b] for a, b in spans] == [note]
    assert opens_note(note)


def test_a_story_paragraph_is_no_note():
    text = ("The ministry corrected its export figures on Tuesday. The correct figure is 12,000 tonnes, it said.\n\n"
            "An earlier version of the law did not cover software, the court said.")
    assert note_spans(text) == []


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("editorial_notes"), ARTICLES)


def _note_sentences():
    return ["The correct figure is 60,000 tonnes a year", "It also misstated the name of the mining minister",
            "The earlier version gave the wrong value", "not 2.9 billion", "お詫びして訂正します", "正しくは3億円でした",
            "실제 대수는 27대입니다"]


@pytest.mark.parametrize("question", [
    "How much lithium carbonate will Codelco's Atacama plant produce?",
    "How much is Poland's radar contract with Hanwha worth?",
    "経産省は大阪の商社にいくらの罰金を科しましたか？",
    "관세청이 적발한 반도체 식각 장비는 몇 대입니까?",
])
def test_an_answer_never_quotes_a_note(engine, question):
    brief = engine.write(question, template="answer")
    text = answer_text(brief)
    assert text, brief.message
    assert not any(s in text for s in _note_sentences()), text


@pytest.mark.parametrize("topic", ["Chile lithium plant approval", "Poland radar contract with Hanwha"])
def test_a_brief_never_quotes_a_note(engine, topic):
    brief = engine.write(topic, template="situation")
    quoted = " ".join(c.text for s in brief.sections for c in s.claims)
    assert quoted, brief.message
    assert not any(s in quoted for s in _note_sentences()), quoted
