"""A register form's section labels ("SUMMARY:", "DATES:", "ACTION:", "AGENCY:") are furniture: an answer quotes the
sentence after the label, and the span cited slices the stored text from the sentence's own first word (s70's fresh
user, F15: "SUMMARY: In this final rule, … by adding 23 entities to the Entity List.")."""

from __future__ import annotations

import pytest

from conftest import engine_over_headed

from rag.text.form_labels import form_label_end


@pytest.mark.parametrize("text, rest", [
    ("SUMMARY: In this final rule, the Bureau adds 14 entities to the Entity List.", "In this final rule"),
    ("DATES: This rule is effective January 5, 2027.", "This rule is effective"),
    ("ACTION: Interim final rule.", "Interim final rule."),
    ("AGENCY: Bureau of Industry and Security, Commerce.", "Bureau of Industry"),
    ("FOR FURTHER INFORMATION CONTACT: Office of Exporter Services, (202) 482-4811.", "Office of Exporter"),
    ("EFFECTIVE DATE: The amendments take effect on March 1, 2027.", "The amendments"),
])
def test_a_form_label_is_cut(text, rest):
    assert text[form_label_end(text):].startswith(rest)


@pytest.mark.parametrize("text", [
    "Summary: the ministry said it would review the rule.",  # prose in sentence case keeps its words
    "SUPPLEMENTARY INFORMATION:",  # a bare label: nothing follows
    "SUMMARYWISE: nothing",
    "The ACTION: plan was approved.",
])
def test_prose_and_a_bare_label_are_kept(text):
    assert form_label_end(text) == 0


ARTICLES = {
    "01_rule.txt": (
        "Entity List Additions for Memory Packaging", "Federal Register", "2026-11-20",
        "AGENCY: Bureau of Industry and Security, Commerce.\n\n"
        "ACTION: Final rule.\n\n"
        "SUMMARY: In this final rule, the Bureau of Industry and Security amends the Export Administration "
        "Regulations by adding 14 entities to the Entity List. Of the 14 entities, 9 are located in China and 5 in "
        "Hong Kong.\n\n"
        "DATES: Comments on this rule must be received by the Bureau no later than January 19, 2027.\n"),
    "02_report.txt": (
        "Tokyo weighs curbs on photoresist exports", "Harbour Wire", "2026-09-02",
        "Japan's trade ministry is weighing licence rules for advanced photoresist exports, officials said on "
        "Tuesday. No decision is expected before December.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("form_labels"), ARTICLES)


@pytest.mark.parametrize("question, answer", [
    ("How many entities did the Bureau of Industry and Security add to the Entity List in November 2026?",
     "In this final rule, the Bureau of Industry and Security amends"),
    ("By when must comments on the Entity List rule be received?", "Comments on this rule must be received by the Bureau"),
])
def test_an_answer_quotes_the_sentence_without_its_form_label(engine, question, answer):
    brief = engine.write(question, template="answer", history=[])
    assert not brief.abstained, brief.message
    claims = [c for s in brief.sections for c in s.claims]
    text = " ".join(c.text for c in claims)
    assert answer in text, text
    assert not any(label in text for label in ("SUMMARY:", "DATES:", "ACTION:", "AGENCY:")), text
