"""A Chinese, Japanese or Korean sentence that refers back is quoted with the sentence before it (issue 10, quotes
with their context; s60).

Kind: **a CJK sentence opening with a reference back is quoted alone.** A Japanese brief's headline (shown as its
title) was "これにより政府の支援総額は約2兆円に達する。" ("As a result of this, the government's total support
reaches about ¥2tn"): the dependent openers (``rag/text/data/dependent_openers.txt``) listed English words only.
They now list Japanese, Chinese and Korean demonstratives, "the same (company, ministry)", pronouns and connectives,
without matching a name (the Korean surname 이, "このほど" = recently).

The sentences were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from rag.writers.candidates import is_dependent


@pytest.mark.parametrize("text", [
    "これにより輸出許可の対象は34品目になる。",
    "同社はコメントを控えた。",
    "その後、経済産業省は説明会を開いた。",
    "また、同省は罰則の強化も検討している。",
    "此外，海关还查获了三百块显卡。",
    "该公司否认了这一指控。",
    "他们将于下周出庭。",
    "이에 따라 정부는 수출 심사를 강화한다.",
    "그는 혐의를 부인했다.",
    "하지만 업계는 반발했다.",
])
def test_a_cjk_sentence_referring_back_is_dependent(text):
    assert is_dependent(text)


@pytest.mark.parametrize("text", [
    "経済産業省は11月5日、追加の輸出規制を発表した。",
    "このほど経済産業省は新たな規制を公表した。",
    "海关总署10月15日表示，查获一批走私芯片。",
    "이재명 대통령은 반도체 지원을 약속했다.",
    "산업통상자원부는 6일 수출 통제를 발표했다.",
])
def test_a_cjk_sentence_that_stands_alone_is_not(text):
    assert not is_dependent(text)
