"""A short sentence that is a whole report ("The men did not appeal.", "KISA declined to comment.") is evidence like
any sentence, and a yes/no answer quotes the sentence that decides it.

The kind (s57's fresh user, own articles): "Did the men in the Singapore case appeal?" was answered "The sources do
not say whether the men … appealed", and "Did the men appeal?" abstained, beside the article's "The men did not
appeal." Every sentence under six words was dropped as "short" before any answer could read it, so a story's
shortest facts — a denial, a "declined to comment", "No charges were filed." — could never answer. Once read, the
checker's window for "No." spanned the lede and that sentence, and the answer quoted the longer lede after its "No.",
which says nothing about an appeal. Fragments stay out: an imperative ("Read more."), a pronoun's or pointing word's
sentence ("This is huge.", "He was 82."), a credit line, a question, a line without a full stop.

Unit specs of ``sentence_cues.junk_reason`` / ``is_short_report`` and ``Verdict.sentence`` over text written for
this test, then end to end through the real Engine over three short articles written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.writers.answer_verdict import Verdict, names_act
from rag.writers.sentence_cues import is_short_report, junk_reason


@pytest.mark.parametrize("text", [
    "The men did not appeal.",
    "KISA declined to comment.",
    "No charges were filed.",
    "The dealer pleaded guilty.",
    "Hynix has denied wrongdoing.",
    "The broker was released.",
])
def test_a_short_whole_report_is_quotable(text):
    assert is_short_report(text), text
    assert junk_reason(text) is None, text


@pytest.mark.parametrize("text", [
    "Read more.",
    "Sign up for our alerts.",
    "This is huge.",
    "He was 82.",
    "All rights reserved.",
    "Photo: Reuters.",
    "Was the fine paid?",
    "Chip Stocks Slide Again",
    "Officials declined.",  # two words: too short to stand alone
])
def test_a_fragment_stays_short(text):
    assert not is_short_report(text), text
    assert junk_reason(text) is not None, text


def test_of_the_sentences_a_verdict_window_covers_the_one_naming_the_act_is_quoted():
    lede = "A Busan court on Friday fined a broker 40 million won for shipping memory modules without a licence."
    short = "The broker did not appeal."
    offsets = [(0, len(lede)), (len(lede) + 1, len(lede) + 1 + len(short))]
    verdict = Verdict("contradicted", 0, (0, offsets[1][1]))
    acts = [names_act("appealed", lede), names_act("appealed", short)]
    assert acts == [False, True]
    assert verdict.sentence(offsets) == 0  # by overlap alone, the lede
    assert verdict.sentence(offsets, acts) == 1


ARTICLES = {
    "01_osaka.md": (
        "# Osaka court fines parts dealer over unlicensed controller exports\n\n"
        "Published: 2026-05-12 · Publisher: Harbour Wire\n\n"
        "The Osaka District Court on Monday fined a machine-parts dealer 30 million yen for shipping numerical "
        "controllers to a buyer in Shenzhen without an export licence. The dealer did not contest the charges. "
        "Prosecutors had sought a fine of 50 million yen.\n"),
    "02_busan.md": (
        "# Busan court grants bail to memory-chip broker\n\n"
        "Published: 2026-06-03 · Publisher: Han River Tech\n\n"
        "A Busan court released a memory-chip broker on bail on Friday ahead of his trial on charges of smuggling "
        "HBM modules to Hong Kong. Customs officials declined to comment. The broker has denied the charges.\n"),
    "03_probe.md": (
        "# Taipei closes probe into lithography parts shipment\n\n"
        "Published: 2026-07-21 · Publisher: Formosa Policy Desk\n\n"
        "Taiwan's investigation bureau on Tuesday closed its inquiry into a shipment of lithography spare parts to "
        "a Shenzhen toolmaker. No charges were filed. The exporter said it had followed every licensing rule.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("short_reports"), ARTICLES)


def _text(brief) -> str:
    return " ".join(c.text for s in brief.sections for c in s.claims)


@pytest.mark.parametrize("question, lead, quote", [
    ("Did the Osaka dealer contest the charges?", "No.", "The dealer did not contest the charges."),
    ("Did the dealer contest the export charges?", "No.", "The dealer did not contest the charges."),
])
def test_a_yes_no_question_decided_by_a_short_sentence_quotes_it(engine, question, lead, quote):
    brief = engine.write(question, template="answer", history=[])
    assert not brief.abstained, brief.message
    text = _text(brief)
    assert text.startswith(f"{lead} {quote}"), text


def test_a_speaker_who_declined_to_comment_in_a_short_sentence_is_the_answer(engine):
    brief = engine.write("What did customs officials say about the broker's bail?", template="answer", history=[])
    assert not brief.abstained, brief.message
    assert _text(brief).startswith("Customs officials declined to comment."), _text(brief)


def test_a_short_sentence_answering_a_question_is_quoted(engine):
    brief = engine.write("Were any charges filed over the lithography parts shipment?", template="answer", history=[])
    assert not brief.abstained, brief.message
    assert "No charges were filed." in _text(brief), _text(brief)
