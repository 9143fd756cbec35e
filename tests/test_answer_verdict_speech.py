"""Whether someone said something: the question's own verb, an essay's author as its speaker, a source's "[sic]".

* "Did X say Y?" asks about "X said Y", whatever verb Y holds ("Did Hosokawa say Japan must improve …?" was read as
  "Hosokawa say Japan must improved …": the first word the tables read only as a verb, inside the reported clause).
* An essay's or opinion piece's author speaks its sentences that report no one else's words
  (``answer_verdict.spoken_claim``; the catalog's author, ``Engine.doc_author``): "Did Hosokawa say …?" is read
  against his essay (what the claim says he said, against his sentence), which is no news report and so never
  decided a verdict before; another speaker's words never contradict what he said.
* An editorial "[sic]" marks the word before it as the source's own spelling (``rag.text.editorial.sic_reading``):
  the mark is no content, and the marked word may be read as the claim's word it misspells ("most [sic]" for
  "must"); an unmarked word is read as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.text.editorial import sic_reading
from rag.writers.abstention_text import partial_parts
from rag.writers.answer_verdict import judge, polar_question, reported_speech, spoken_claim

DATA = Path(__file__).resolve().parent / "data" / "speech"


# -- the question's own verb ----------------------------------------------------------------------------------


@pytest.mark.parametrize("question, claim", [
    ("Did Hosokawa say Japan must improve its technology controls?", "Hosokawa said Japan must improve its technology controls"),
    ("Did Kishida say that Japan will keep the curbs?", "Kishida said that Japan will keep the curbs"),
    ("Did Moon say Seoul would file a complaint with the WTO?", "Moon said Seoul would file a complaint with the WTO"),
    ("Did the ministry claim the chemicals could be diverted?", "the ministry claimed the chemicals could be diverted"),
    ("Did Raimondo say the rules were meant to protect national security?",
     "Raimondo said the rules were meant to protect national security"),
    ("Does the minister argue Taiwan should diversify its fabs?", "the minister argues Taiwan should diversify its fabs"),
    ("Did Xi warn that outsiders must not interfere?", "Xi warned that outsiders must not interfere"),
    ("Did the company say it has halted shipments?", "the company said it has halted shipments"),
    # the verb before no inner clause is read as before
    ("Did the police detain the activist?", "the police detained the activist"),
    ("Do Chinese firms need licences to buy Nvidia chips?", "Chinese firms need licences to buy Nvidia chips"),
])
def test_a_question_about_what_someone_said_asks_about_the_saying(question, claim):
    assert polar_question(question).claim == claim


# -- "[sic]" --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, meant, reading", [
    ("The Japanese government most [sic] improve its technology controls.", "Japan must improve its controls",
     "The Japanese government must improve its technology controls."),
    ("The firm would “loose [sic] its licence” soon.", "the firm would lose its licence", "The firm would “lose its licence” soon."),
    ("The goverment (sic) banned the sale.", "the government banned the sale", "The government banned the sale."),
    ("Seoul will retaliate against there [sic] measures.", "Seoul will retaliate against their measures",
     "Seoul will retaliate against their measures."),
    ("The rule effects [sic!] every exporter.", "the rule affects every exporter", "The rule affects every exporter."),
    ("Its [SIC] board approved the deal.", "it's board approved the deal", "Its board approved the deal."),  # no one-edit word
    # no word of the claim is near: the mark goes, the word stays as written
    ("The goverment [sic] banned the sale.", "Tokyo banned the sale", "The goverment banned the sale."),
    # two words equally near: no guess
    ("The minister sad [sic] no.", "the minister said and sat", "The minister sad no."),
    # an unmarked slip is read as written: only the mark says the spelling is the source's
    ("The Japanese government most improve its technology controls.", "Japan must improve its controls",
     "The Japanese government most improve its technology controls."),
    ("Most firms agree.", "must", "Most firms agree."),
])
def test_a_marked_word_reads_as_the_word_meant_and_the_mark_is_no_content(text, meant, reading):
    assert sic_reading(text, meant.split()).text == reading


def test_a_span_of_the_reading_is_a_span_of_the_text_as_written():
    text = "Officials said the goverment [sic] would most (sic) likely ban the sale on Friday."
    read = sic_reading(text, ["government", "must"])
    assert read.text == "Officials said the government would must likely ban the sale on Friday."
    for word in ("government", "ban the sale", "Friday", "Officials"):
        start = read.text.index(word)
        a, b = read.source_span(start, start + len(word))
        assert text[a:b] == {"government": "goverment"}.get(word, word)


# -- an author speaks their own piece -------------------------------------------------------------------------


@pytest.mark.parametrize("claim, sentence, author, said", [
    ("Hosokawa said Japan must improve its technology controls",
     "The Japanese government most improve its technology controls, including investment and export controls.",
     "Hosokawa Masahiko", "Japan must improve its technology controls"),
    ("Park Ji-won said South Korea should join a chips alliance", "South Korea should join a chips alliance.",
     "Park Ji-won", "South Korea should join a chips alliance"),
    ("Ortiz argued that Taiwan must diversify", "Taiwan must diversify its chip production.", "Lena Ortiz",
     "Taiwan must diversify"),
    ("Prof. Hosokawa said the loophole must close", "A loophole must close.", "Hosokawa Masahiko", "the loophole must close"),
    # not the author's, or not a claim about speech, or another speaker's words in the piece: not read
    ("Kishida said Japan must improve its controls", "Japan must improve its controls.", "Hosokawa Masahiko", None),
    ("Japan must improve its technology controls", "Japan must improve its controls.", "Hosokawa Masahiko", None),
    ("Hosokawa said Washington welcomes Tokyo's help", "Officials in Washington have said they welcome Tokyo's help.",
     "Hosokawa Masahiko", None),
    ("Hosokawa said Japan must improve its controls", "Japan must improve its controls.", None, None),  # no author
])
def test_an_authors_own_sentence_is_read_against_what_the_claim_says_they_said(claim, sentence, author, said):
    assert spoken_claim(claim, sentence, author) == said


def test_a_reported_claim_names_its_speaker_first():
    assert reported_speech("Hosokawa said Japan must improve its controls") == ("Hosokawa", "Japan must improve its controls")
    assert reported_speech("Japan tightened its controls, officials said") is None  # the claim is the act, not the saying
    assert reported_speech("Japan tightened its controls") is None


@pytest.mark.parametrize("claim, passage", [
    ("Japan must improve its technology controls",
     "The Japanese government most [sic] improve its technology controls, including investment and export controls."),
    ("the firm will lose its licence", "The regulator said the firm will loose [sic] its licence next month."),
    ("The government banned the sale of the drones", "The goverment (sic) banned the sale of the drones on Friday."),
])
def test_a_marked_slip_does_not_keep_the_sentence_from_deciding(checker, claim, passage):
    verdict = judge(claim, [passage], checker)
    assert verdict.outcome == "supported"
    a, b = verdict.span
    assert passage[a:b].rstrip(".").endswith(passage.rstrip(".").split()[-1])  # the span is in the text as written


@pytest.mark.parametrize("claim, passage", [
    # another speaker's words, read with the claim's speaker's own (a reading never contradicts), or a report's
    ("Hosokawa said Japan should abandon export controls", "Japan yesterday said that it does not plan to retract or "
     "renegotiate its stricter controls on high-tech exports to South Korea."),
    ("Park Ji-won said Seoul would cut subsidies for memory makers", "Trade minister Ahn Duk-geun said on Friday that "
     "Seoul would expand subsidies for memory makers this year."),
    ("Ortiz said TSMC will not build a second plant in Arizona", "TSMC said on Tuesday it will build a second plant "
     "in Arizona."),
])
def test_what_someone_said_is_not_contradicted_by_anothers_words(checker, claim, passage):
    assert judge(claim, [passage], checker).outcome != "contradicted"


def test_what_someone_said_is_decided_by_their_own_words_not_a_frame(checker):
    claim = "Hosokawa said Japan should abandon export controls"
    essay = "The Japanese government most improve its technology controls, including investment and export controls."
    said = spoken_claim(claim, essay, "Hosokawa Masahiko")
    # read against what he said, the essay does not say so (framed "Hosokawa Masahiko said …" the name carried it)
    assert judge(claim, [essay], checker, readings=[True], claims=[said]).outcome == "unknown"
    assert judge("Hosokawa said Japan must improve its technology controls", [essay], checker, readings=[True],
                 claims=["Japan must improve its technology controls"]).outcome == "supported"


@pytest.mark.parametrize("claim, passage", [
    ("Japan must improve its technology controls", "The Japanese government must improve its technology controls."),
    ("South Korea will file a complaint with the WTO", "The South Korean government will file a complaint with the WTO."),
    ("China banned exports of gallium", "The Chinese government banned exports of gallium on Monday."),
    ("Germany approved the sale of the chip plant", "The German government approved the sale of the chip plant."),
    ("The Netherlands restricted sales of DUV scanners", "The Dutch government restricted sales of DUV scanners to China."),
])
def test_a_nationality_adjective_names_its_countrys_government(checker, claim, passage):
    # the country and "the <nationality> government" are one actor (``key_terms`` reads both as the country)
    assert judge(claim, [passage], checker).outcome == "supported"


# -- end to end ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("speech") / "data", DATA)


@pytest.mark.parametrize("question, says", [
    ("Did Park say the government must expand its subsidies for memory makers?", "most [sic] expand"),  # column + [sic]
    ("Did Lena Ortiz say Taiwan must diversify its chip production?", "Taiwan must diversify"),  # essay
    ("Did Ortiz say the government should fund training for engineers abroad?", "goverment (sic)"),  # essay + (sic)
    ("Did Ortiz say Beijing's pressure on the strait makes the concentration of advanced fabs a risk?",
     "concentration of advanced fabs a risk"),
    ("Did Ahn Duk-geun say Seoul would expand subsidies for memory makers?", "Ahn Duk-geun said"),  # a report's frame
])
def test_ask_reads_what_someone_said_in_their_own_piece(engine, question, says):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    lead = brief.sections[0].claims[0]
    assert lead.text.startswith("Yes. ") and says in lead.citations[0].quote
    assert says in answer_text(brief)


@pytest.mark.parametrize("question", [
    "Did Lena Ortiz say South Korea should join a chips alliance?",  # Park wrote that, not Ortiz
    "Did Park Ji-won say Washington welcomes Seoul's interest?",  # officials said so, in his column
    "Did Park say the government must cut its subsidies for memory makers?",  # he urged more, not less
])
def test_ask_does_not_credit_one_speaker_with_anothers_words(engine, question):
    brief = engine.write(question, template="answer")
    assert brief.abstained or not answer_text(brief).startswith("Yes.")


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


def test_the_fresh_users_question_on_the_sample_essay(sample_engine):
    # "Did Hosokawa say Japan should abandon export controls?" was "No. Japan yesterday said that it does not plan to
    # retract …": another speaker's words read as a contrary
    # (then "no evidence"): undecided, it quotes what he did write on it
    other = sample_engine.write("Did Hosokawa say Japan should abandon export controls?", template="answer")
    assert other.abstained
    assert other.message.startswith("The sources do not settle whether Hosokawa said Japan should abandon export controls.")
    assert partial_parts(other.message)[1].startswith("The Japanese government most improve its technology controls")
    assert other.message.endswith("— Hosokawa Masahiko’s own words, which do not say so.")
    brief = sample_engine.write("Did Hosokawa say Japan must improve its technology controls?", template="answer")
    assert not brief.abstained, brief.message
    lead = brief.sections[0].claims[0]
    assert lead.text.startswith("Yes. ") and "most improve its technology controls" in lead.citations[0].quote
    assert sample_engine.doc_author(lead.citations[0].doc_id) == "Hosokawa Masahiko"
