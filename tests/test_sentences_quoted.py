"""A CJK sentence never ends at 。！？ (or a Korean ". ") inside 「」『』（）“”《》〈〉【】: a quoted sentence is part of the
sentence that quotes it (s66's new user, F20: "武藤経済産業相は記者会見で「技術は日本の経済安全保障の要だ。" was cut and
「官民で守りを固める」と述べた lost). A quotation closed after its terminator ("…ない。」") ends the sentence only when
no quoting particle follows ("」と述べた", "”라고 말했다"); a bracket never closed in the paragraph does not hold the
rest of it together. English quotations are left to the segmenter as before.
"""

from __future__ import annotations

import pytest

from rag.text.sentences import sentence_texts


@pytest.mark.parametrize(
    "text, expected",
    [
        # Japanese: a two-sentence quotation, the quoting verb after it
        ("高市経済安保相は会見で「供給網の点検を急ぐ。年内に結果を示したい」と語った。補正予算に計上する。",
         ["高市経済安保相は会見で「供給網の点検を急ぐ。年内に結果を示したい」と語った。", "補正予算に計上する。"]),
        # Japanese: the quotation ends with its own 。 before 」, then と
        ("東レの社長は「当面は増産しない。需要を見極める。」と語った。株価は３％下げた。",
         ["東レの社長は「当面は増産しない。需要を見極める。」と語った。", "株価は３％下げた。"]),
        # Japanese: ！ and ？ inside 『』, nested in 「」
        ("記者は「『本当に守れるのか？』と問われた！」と書いた。次の会見は来週だ。",
         ["記者は「『本当に守れるのか？』と問われた！」と書いた。", "次の会見は来週だ。"]),
        # Japanese: a bracketed aside （…。）
        ("経産省は指針を改定した（対象は１３分野。前回は１１分野）。施行は４月だ。",
         ["経産省は指針を改定した（対象は１３分野。前回は１１分野）。", "施行は４月だ。"]),
        # Chinese: “…” holding two sentences, then the speaker
        ("商务部发言人何亚东表示，“出口管制不针对特定国家。我们将依法审批许可申请。”他还说，审批需要四十五天。",
         ["商务部发言人何亚东表示，“出口管制不针对特定国家。我们将依法审批许可申请。”", "他还说，审批需要四十五天。"]),
        # Chinese: 「」 as in Taiwan and Hong Kong
        ("國家通訊傳播委員會指出：「業者未盡查核義務。罰款新台幣二百萬元。」業者可在三十日內提起訴願。",
         ["國家通訊傳播委員會指出：「業者未盡查核義務。罰款新台幣二百萬元。」", "業者可在三十日內提起訴願。"]),
        # Korean: ASCII periods inside “…”, then 라고
        ("산업통상자원부 장관은 “기술 유출은 안보 문제다. 끝까지 추적하겠다”라고 말했다. 다음 회의는 12월이다.",
         ["산업통상자원부 장관은 “기술 유출은 안보 문제다. 끝까지 추적하겠다”라고 말했다.", "다음 회의는 12월이다."]),
        # Korean: the quotation closed after its own period, then 고
        ("협회장은 “장비 수출이 줄었다. 대책이 필요하다.”고 밝혔다. 협회는 1월에 보고서를 낸다.",
         ["협회장은 “장비 수출이 줄었다. 대책이 필요하다.”고 밝혔다.", "협회는 1월에 보고서를 낸다."]),
    ],
)
def test_a_quoted_cjk_sentence_stays_inside_the_sentence_that_quotes_it(text, expected):
    assert sentence_texts(text) == expected


def test_a_closed_quotation_with_no_quoting_particle_after_it_still_ends_its_sentence():
    assert sentence_texts("外交部发言人说：“中方坚决反对。”他呼吁美方停止。") == ["外交部发言人说：“中方坚决反对。”", "他呼吁美方停止。"]


def test_a_bracket_never_closed_does_not_hold_the_paragraph_together():
    assert sentence_texts("社長は「増産しない。需要を見極める。来年度に再検討する。") == [
        "社長は「増産しない。", "需要を見極める。", "来年度に再検討する。"]


def test_english_quotations_are_split_as_before():
    text = "The minister said: “Controls are not aimed at any country. We will review them.” Shares fell."
    assert sentence_texts(text) == ["The minister said: “Controls are not aimed at any country.",
                                    "We will review them.”", "Shares fell."]
