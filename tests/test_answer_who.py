"""A question asking who a named person is is answered by the sentence or line naming them with a title (issue 10).

Kind (s33 fresh user, finding 10): ``brief ask "Who is Sato Kei?"`` → "The corpus has no evidence on who Sato Kei is."
while the sample corpus's generated brief lists "Japanese Deputy Chief Cabinet Secretary Sato Kei" among its key
individuals: the line is too short for a candidate sentence and the question's cosine to any sentence is below the
abstention line. A source says who someone is with a title before the name ("Deputy Chief Cabinet Secretary Sato Kei",
"Japan's trade minister Hiroshi Kajiyama") or an appositive after it ("Gene Raymond, the US Secretary of Commerce,"),
in either name order (a CJK name is written family name first as often as not). ``answer_who`` reads the name and the
mention; the writer quotes the sentence or line that holds it, cited.

Hand-made inputs (tests/data/who/, and text below) beyond the sample corpus's case.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.pipeline import Engine
from rag.writers.answer_who import asked_person, name_forms, titled_mentions

DATA = Path(__file__).resolve().parent / "data" / "who"


@pytest.mark.parametrize("question, name", [
    ("Who is Sato Kei?", "Sato Kei"),
    ("Who's Gene Raymond?", "Gene Raymond"),
    ("who was Moon Jae-in?", "Moon Jae-in"),
    ("Who is Ilse Brandvold", "Ilse Brandvold"),
    ("Who is affected?", None),  # no name
    ("Who is the minister?", None),
    ("Who is behind the attack on Sato Kei?", None),  # asks another thing
    ("What did Sato Kei say?", None),
])
def test_the_question_names_the_person_it_asks_about(question, name):
    assert asked_person(question) == name


def test_a_two_part_name_is_looked_for_in_either_order():
    assert name_forms("Sato Kei") == ["Sato Kei", "Kei Sato"]
    assert name_forms("Moon Jae-in") == ["Moon Jae-in", "Jae-in Moon"]
    assert name_forms("Ilse Maria Brandvold") == ["Ilse Maria Brandvold"]


TEXT = """6. Key Individuals and Entities

  • Japanese Deputy Chief Cabinet Secretary Sato Kei
  • Mitsubishi Heavy Industries
The request was reportedly conveyed through channels involving Gene Raymond, the US Secretary of Commerce, to Yasutoshi Nishimura, Japan’s Minister of Economy, Trade and Industry. The aim is clear.
Japan's trade minister Hiroshi Kajiyama said on Friday the curbs stay. Kei Tanaka said nothing.
South Korean President Moon Jae-in urged talks. Prof. Hosokawa Masahiko wrote the essay.
Li Wei, a spokesman for the Chinese commerce ministry, declined to comment."""


@pytest.mark.parametrize("name, title, line", [
    ("Sato Kei", "Japanese Deputy Chief Cabinet Secretary", "Japanese Deputy Chief Cabinet Secretary Sato Kei"),
    ("Kei Sato", "Japanese Deputy Chief Cabinet Secretary", "Japanese Deputy Chief Cabinet Secretary Sato Kei"),
    ("Gene Raymond", "the US Secretary of Commerce", "The request was reportedly conveyed"),
    ("Yasutoshi Nishimura", "Japan’s Minister of Economy, Trade and Industry", "The request was reportedly conveyed"),
    ("Nishimura Yasutoshi", "Japan’s Minister of Economy, Trade and Industry", "The request was reportedly conveyed"),
    ("Hiroshi Kajiyama", "Japan's trade minister", "Japan's trade minister Hiroshi Kajiyama said"),
    ("Kajiyama", "Japan's trade minister", "Japan's trade minister Hiroshi Kajiyama said"),  # the family name alone
    ("Moon Jae-in", "South Korean President", "South Korean President Moon Jae-in urged talks."),
    ("Hosokawa Masahiko", "Prof.", "Prof. Hosokawa Masahiko wrote the essay."),
    ("Li Wei", "a spokesman for the Chinese commerce ministry", "Li Wei, a spokesman"),
])
def test_a_title_before_or_an_appositive_after_the_name_says_who_they_are(name, title, line):
    found = titled_mentions(name, TEXT)
    assert found, name
    a, b = found[0].sentence
    assert found[0].title == title and TEXT[a:b].strip().lstrip("• ").startswith(line)


@pytest.mark.parametrize("name", ["Kei Tanaka", "Mitsubishi Heavy Industries", "Maduro", "Kei Satoh"])
def test_a_name_without_a_title_or_not_in_the_text_is_not_a_mention(name):
    assert titled_mentions(name, TEXT) == []


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("who") / "data", DATA)


@pytest.mark.parametrize("question, says", [
    ("Who is Ilse Brandvold?", "Ilse Brandvold, Norland's Minister of Trade and Agriculture"),
    ("Who is Tanaka Hiroshi?", "Vesper's deputy trade minister Tanaka Hiroshi"),
    ("Who is Hiroshi Tanaka?", "Vesper's deputy trade minister Tanaka Hiroshi"),
    ("Who is Chen Lihua?", "Vesper Foreign Ministry spokeswoman Chen Lihua"),
])
def test_ask_quotes_the_sentence_that_says_who_the_person_is(engine, question, says):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    lead = brief.sections[0].claims[0]
    assert says in lead.text and lead.citations and says in lead.citations[0].quote


@pytest.mark.parametrize("question", ["Who is Anong Srisuk?", "Who is Kestrel Lines?"])
def test_ask_gives_no_title_the_sources_do_not_give(engine, question):
    brief = engine.write(question, template="answer")
    assert not any(n.startswith("who ") for n in brief.provenance.notes), brief.provenance.notes


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question, says", [
    ("Who is Sato Kei?", "Japanese Deputy Chief Cabinet Secretary Sato Kei"),
    ("Who is Kei Sato?", "Japanese Deputy Chief Cabinet Secretary Sato Kei"),
    ("Who is Gene Raymond?", "Gene Raymond, the US Secretary of Commerce"),
])
def test_the_fresh_users_question_on_the_sample_corpus(sample_engine, question, says):
    brief = sample_engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert says in answer_text(brief)
