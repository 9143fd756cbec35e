"""Datelines in all their forms stay out of an answer's quote, and the span cited still slices the stored text.

A dateline whose place ends with an abbreviation ("SAN JOSE, Calif. — A federal …") is one sentence with its
story, not a sentence "SAN JOSE, Calif." and a sentence "— A federal …" (which would be quoted dash first); and a
CJK report's bracketed dateline ("【北京】", "【ソウル共同】", "[서울=연합뉴스]") is furniture like "BEIJING (Reuters) -"."""

import pytest

from rag.text.datelines import dateline_end
from rag.text.sentences import split_sentences


def _quoted(text: str) -> list[str]:
    """Each sentence of ``text`` as an answer quotes it: from the words after its dateline, sliced from the text."""
    out = []
    for s in split_sentences(text):
        cut = dateline_end(s.text)
        out.append(text[s.start + cut:s.end])
    return out


@pytest.mark.parametrize("text, first", [
    ("SAN JOSE, Calif. — A federal grand jury has indicted three people on charges of shipping AI accelerators to "
     "Shenzhen. The defendants pleaded not guilty.", "A federal grand jury"),
    ("LOUISVILLE, Ky. -- A freight forwarder admitted on Tuesday that it relabelled server boards bound for Hong "
     "Kong. Sentencing is set for March.", "A freight forwarder"),
    ("PORTLAND, Ore. – Prosecutors said the lithography parts were routed through Taiwan. Two men were charged.",
     "Prosecutors said"),
    ("WASHINGTON, D.C. — The Commerce Department added 12 Chinese firms to the Entity List on Friday. The rule "
     "takes effect at once.", "The Commerce Department"),
])
def test_a_dateline_ending_in_an_abbreviation_is_not_quoted_dash_first(text, first):
    quotes = _quoted(text)
    assert quotes[0].startswith(first), quotes
    assert len(quotes) == 2


@pytest.mark.parametrize("text, first", [
    ("【北京】商务部12日宣布，自2027年1月1日起对3类锑相关物项实施出口管制。", "商务部"),
    ("【ソウル共同】韓国政府は10日、半導体製造装置の対中輸出審査を強化すると発表した。", "韓国政府は"),
    ("[서울=연합뉴스] 산업통상자원부는 11일 반도체 장비 수출 심사를 강화한다고 밝혔다.", "산업통상자원부는"),
    ("［台北＝共同］台湾経済部は中国製ドローン部品の調達を制限した。", "台湾経済部は"),
])
def test_a_bracketed_cjk_dateline_is_furniture(text, first):
    assert _quoted(text)[0].startswith(first)


@pytest.mark.parametrize("text", [
    "[1] The rule adds 23 entities to the Entity List.",
    "[Update] BIS extended the comment period.",
    "【北京】",
])
def test_a_bracket_that_is_no_dateline_keeps_the_sentence_whole(text):
    assert dateline_end(text) == 0


def test_a_sentence_ending_before_a_dash_list_still_ends():
    # a full stop after an ordinary word before a dash is still a sentence end ("rose." is no abbreviation)
    assert [s.text for s in split_sentences("Prices rose. - Exports fell.")][0] == "Prices rose."
