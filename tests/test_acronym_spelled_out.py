"""A question's or a claim's acronym ("TAO") is read as the full name a report writes instead ("Taiwan Affairs
Office"; s65's new user F11: "What did the TAO say …?" got "No source reports a statement by TAO").

One reader (``rag.text.initials.spelled_name``) finds the capitalised run whose initials are the acronym's letters;
the answer writer reads the question with it (``extractive``: the question in the evidence's form, as for the known
twins of ``name_twins.toml``) and the support checker reads a claim with it (``name_readings.acronym_reading``), so
writer and checker read an acronym alike. Unit checks on texts written here, and end to end through the real Engine
over short reports written for this test.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, engine_over_articles

from rag.support.name_readings import acronym_reading, passage_reading
from rag.text.initials import spelled_name


@pytest.mark.parametrize("acronym, text, name", [
    ("TAO", "China's Taiwan Affairs Office said the rules were hype.", "Taiwan Affairs Office"),
    ("KFTC", "The Korea Fair Trade Commission said the fees squeezed developers.", "Korea Fair Trade Commission"),
    ("FMC", "On Friday the Federal Maritime Commission opened an inquiry.", "Federal Maritime Commission"),
    ("BOJ", "The Bank of Japan kept its rate at 0.5%.", "Bank of Japan"),  # a joining word gives a letter
    ("CMA", "Britain's Competition and Markets Authority blocked the deal.", "Competition and Markets Authority"),
])
def test_an_acronym_is_read_as_the_name_its_initials_spell(acronym, text, name):
    assert spelled_name(acronym, text) == name


@pytest.mark.parametrize("acronym, text", [
    ("TAO", "The TAO, or Taiwan Affairs Office, said the rules were hype."),  # the text writes the acronym itself
    ("TAO", "Tokyo officials said the rules were hype."),  # no run spells it
    ("US", "The United States said the rules were hype."),  # two letters are spelled by chance too often
    ("Tao", "Taiwan Affairs Office"),  # not written as an acronym
])
def test_otherwise_no_name_is_read(acronym, text):
    assert spelled_name(acronym, text) is None


def test_the_checker_reads_a_claims_acronym_in_the_passages_full_form():
    passage = "China's Taiwan Affairs Office said the rules were hype aimed at smearing the mainland."
    assert acronym_reading("The TAO called the rules hype.", passage) == "The Taiwan Affairs Office called the rules hype."
    assert "Taiwan Affairs Office" in passage_reading("The TAO called the rules hype.", passage)
    # a passage writing the acronym keeps the claim as written
    assert acronym_reading("The TAO called the rules hype.", "The TAO said so.") == "The TAO called the rules hype."


ARTICLES = [
    ("01_kftc.md", "2026-04-08", "South Korea fines Appleton Digital over app store fees",
     "Appleton Digital's app store fees drew a 42 billion won fine from South Korea's competition regulator on "
     "Tuesday, the largest penalty the country has imposed over app store fees. "
     "The Korea Fair Trade Commission said the fees had squeezed smaller developers out of the market and ordered the "
     "company to allow outside payment systems. Appleton said it would appeal."),
    ("02_fmc.md", "2026-06-20", "US regulator opens inquiry into container surcharges",
     "Three of the largest container lines raised their peak-season surcharges on Asia-to-US routes by up to $1,200 "
     "per box this month. The Federal Maritime Commission said the surcharges appeared to breach the carriers' own "
     "tariff rules and opened an inquiry on Friday. The carriers declined to comment."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("acronyms"), ARTICLES)


@pytest.mark.parametrize("question, until, expected", [
    ("What did the KFTC say about Appleton Digital's app store fees?", "2026-04-10", "squeezed smaller developers"),
    ("What did the FMC say about the container surcharges?", "2026-06-22", "breach the carriers"),
])
def test_the_speaker_asked_by_its_acronym_answers_by_its_full_name(engine, question, until, expected):
    assert expected in lead(engine, question, until)
