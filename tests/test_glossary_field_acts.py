"""The cross-lingual glossary holds the field's core acts, not only its goods and bodies (issue 10, s66's new user,
F22: "How many suspected technology leak cases were reported to METI?" abstained, the fact being only in a Japanese
report's "技術流出の疑い事例は37件"; the same gap dropped the METI report from a brief on technology leaks).

Kind: **glossary coverage of the field's core terms** (``cross_lingual.toml`` v5, audited against the reports' own
words): technology leak, trade secret, industrial espionage, poaching, transshipment, re-export, end use, end user,
indictment, investment screening, national core technology, each in English, Japanese, Chinese and Korean where the
language has the term. A question in one language then finds its words in a report written in another (the
new user's F22 question now quotes the Japanese sentence; an English answer from a Korean or Chinese report of
these terms still depends on the answer writers, left to their owners).
"""

from __future__ import annotations

import pytest

from rag.text.cross_lingual import english_concepts, cjk_concepts


@pytest.mark.parametrize("english, cjk", [
    ("technology leak", "技術流出"), ("technology leaks", "기술유출"), ("technology leakage", "技术泄露"),
    ("trade secrets", "営業秘密"), ("trade secret", "영업비밀"), ("industrial espionage", "工业间谍"),
    ("poaching", "引き抜き"), ("transshipment", "우회수출"), ("transshipment", "转运"), ("re-export", "再輸出"),
    ("end use", "最終用途"), ("end users", "최종사용자"), ("indicted", "起訴"), ("indictment", "기소"),
    ("investment screening", "投资审查"), ("national core technology", "국가핵심기술"),
])
def test_a_core_term_has_its_equivalents(english, cjk):
    found = set(english_concepts(english))
    assert found, english
    assert found & set(cjk_concepts(cjk)), (english, cjk)
