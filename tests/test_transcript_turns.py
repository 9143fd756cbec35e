"""Specs: a question-and-answer transcript (a foreign ministry's regular press conference, a press briefing) is read
by its turns (``rag.text.transcript_turns``, ``data/transcript_turns.toml``). A reporter's question ("Q: …",
"Reporter: …", "问：…", "記者：…", "기자: …") is asked, not stated: no answer or brief quotes it as the source's
statement. An answer line ("A: …", "答：…", "Spokesperson Lin Hao: …") is its answerer's, named by its own label or,
under a bare "A:", by the last named answerer; its sentences count the question's words among their key terms (what
the answer is about)."""

from __future__ import annotations

import pytest

from rag.text.transcript_turns import is_asked, turn_at, turns
from tests.conftest import answer_of, engine_over_texts

EN_BRIEFING = (
    "Foreign Ministry Spokesperson Wen Jiaqi's Regular Press Conference on October 14, 2026\n\n"
    "Deputy Spokesperson Wen Jiaqi: Good afternoon. Let me start with an announcement on the Premier's visit.\n\n"
    "Reporter: Several Japanese lawmakers say the new licensing rules on rare-earth magnets are aimed at Japan. "
    "Is that the purpose of the rules?\n"
    "Deputy Spokesperson Wen Jiaqi: The licensing rules apply equally to all countries and regions. They follow "
    "international practice on dual-use items.\n\n"
    "Q: A Korean battery maker has reportedly halted cathode shipments to Hungary. Has the ministry been informed?\n"
    "A: I am not aware of the specifics. I would refer you to the competent authorities.\n"
)
ZH_BRIEFING = (
    "问：有报道称，某国将限制对华出口高纯氟化氢。中方对此有何回应？\n"
    "答：中方坚决反对将经贸问题政治化。\n"
    "温嘉祺发言人：我们将采取必要措施维护企业的合法权益。\n"
)
JA_BRIEFING = (
    "記者（東邦通信）：中国の輸出規制について、日本政府としての見解を伺います。\n"
    "報道官：日本政府としては、引き続き中国側に撤回を求めていく考えです。\n"
)
KO_BRIEFING = (
    "기자: 일본의 수출 규제 강화에 대해 정부 입장은 무엇입니까?\n"
    "대변인: 정부는 관련 업계와 긴밀히 협의해 대응하겠습니다.\n"
    "답: 추가 조치는 검토 중입니다.\n"
)


def test_each_turn_has_its_role_and_its_speaker():
    found = [(t.role, t.speaker) for t in turns(EN_BRIEFING)]
    assert found == [("answer", "Deputy Spokesperson Wen Jiaqi"), ("question", ""),
                     ("answer", "Deputy Spokesperson Wen Jiaqi"), ("question", ""),
                     ("answer", "Deputy Spokesperson Wen Jiaqi")]  # the bare "A:" is the last named answerer's


@pytest.mark.parametrize("text, asked, answered, speaker", [
    (ZH_BRIEFING, "某国将限制", "中方坚决反对", ""),
    (ZH_BRIEFING, "某国将限制", "我们将采取", "温嘉祺发言人"),
    (JA_BRIEFING, "中国の輸出規制", "引き続き", "報道官"),
    (KO_BRIEFING, "일본의 수출", "추가 조치는", "대변인"),
], ids=["zh-bare", "zh-named", "ja", "ko-bare-after-named"])
def test_cjk_labels_are_read(text, asked, answered, speaker):
    assert is_asked(text, text.index(asked))
    turn = turn_at(text, text.index(answered))
    assert turn is not None and turn.role == "answer" and turn.speaker == speaker


def test_a_report_with_one_q_line_is_no_transcript():
    report = ("Q: What changes on Monday?\nThe ministry's licences for gallium exports take effect, the notice "
              "said, and exporters must name their end users.")
    assert turns(report) == []
    assert not is_asked(report, report.index("The ministry"))


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("transcript_turns"), {
        "01_briefing.txt": "Title: Regular press conference, October 14, 2026\nPublisher: Ministry of Foreign Affairs\n"
                           "Date: 2026-10-14\n\n" + EN_BRIEFING,
    })


def test_a_reporters_claim_is_never_quoted_as_the_ministrys(engine):
    text = answer_of(engine, "What did the spokesperson say about the licensing rules on rare-earth magnets?",
                     "2026-10-20")
    assert "aimed at Japan" not in text
    assert "apply equally to all countries" in text

