"""A news report often names its story's main actor, figure or term only in its headline, and its text refers to it
by a description ("the world's biggest package courier", "the sportswear maker", "the dictionary's word of the
year"). Titles and ledes are evidence: when the answer's first quote does not hold the asked value and its own
document's headline does (and holds the question's key terms at least as fully), the answer leads with the headline
("Headline: “…”. "); the checker reads the quote after it.

Seen on RealTime QA (fit half): "One of the biggest strikes in US history is brewing at which major company?" quoted
"… a looming high-stakes clash between one of America's oldest unions and the world's biggest package courier" under
the headline "UPS: One of the biggest strikes in American history is brewing - CNN"; "The Oxford English Dictionary
has named which word or phrase as its “word of the year”?" quoted "The OUP word of the year … was chosen by the public
for the first time" under "'Goblin mode' is Oxford University Press' 2022 word of the year". Invented articles
(tests/data/headlines/news.jsonl, titles as JSONL metadata, not in the text): a company only in the headline, one
described as "the sportswear maker", a word of the year; near misses: the quote already names the winner; the
headline is a question; the quote answers by its own words while its headline names other values besides (seen in
CI: "Ottawa protested the move …" led by "Vietnam Imposes Export Restrictions on 12 Canadian Firms, Sparking Tensions
with Ottawa"; here a capital protesting, and a winner named in both beside the loser in the headline).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_of, engine_over

from evals.rtqa_answers import first_sentence
from rag.writers.answer_headline import headline, headline_lead, without_headline
from rag.writers.stated_reason import without_lead

DATA = Path(__file__).resolve().parent / "data" / "headlines"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("headlines") / "data", DATA)


@pytest.mark.parametrize("question, until, value", [
    ("One of the biggest walkouts in Norvian history is looming at which company?", "2026-05-06", "Kestrel Freight"),
    ("Which company recently cut ties with sprinter Tomas Krell?", "2026-06-12", "Brightline Apparel"),
    ("The Halden Dictionary has named which word as its word of the year?", "2026-11-30", "Doomscroll"),
    # the quote gives other figures ("305 million kroner ($302 million)"): a scale word alone is no shared value
    ("How much was Pixgram fined this week for failing to protect children's data?", "2026-09-11", "$300 million"),
])
def test_the_headline_leads_when_only_it_names_the_asked_value(engine, question, until, value):
    answer = answer_of(engine, question, until)
    assert answer.startswith("Headline: “") and value in first_sentence(answer), answer


@pytest.mark.parametrize("question, until", [
    ("Which company won the Vellmar ferry contract?", "2026-03-14"),  # the quote names Orla Shipping itself
    ("Which company will run Vellmar's buses?", "2026-04-22"),  # the headline is a question
])
def test_no_headline_when_the_quote_names_the_value_or_the_headline_asks(engine, question, until):
    assert "Headline:" not in answer_of(engine, question, until)


@pytest.mark.parametrize("question, until, lead", [
    # the quote's subject is the doer of the asked act; the headline names other places besides
    ("Who protested Chile's halt of lithium shipments?", "2026-07-12", "Seoul protested"),
    # the quote names the winner the headline names too, beside the loser
    ("Which company got the Tarrow rail contract?", "2026-08-20", "Ferrovia Nord will run"),
])
def test_no_headline_before_a_quote_that_answers_by_its_own_words(engine, question, until, lead):
    answer = answer_of(engine, question, until)
    assert answer.startswith(lead), answer


def test_the_checker_reads_the_quote_and_the_headline_is_the_cited_documents_title(engine):
    from rag.types import SearchFilters

    brief = engine.write("One of the biggest walkouts in Norvian history is looming at which company?",
                         template="answer", filters=SearchFilters(until="2026-05-06"))
    claim = next(c for s in brief.sections if s.kind == "claims" for c in s.claims)
    quote = without_lead(claim.text)
    assert claim.verified and quote != claim.text
    cited = claim.citations[0]
    assert " ".join(quote.split()) in " ".join(cited.quote.split())
    source = brief.sources[cited.source - 1]
    assert claim.text.startswith(headline_lead(headline(source.title, "harbourledger.com")))


@pytest.mark.parametrize("title, publisher, shown", [
    ("UPS: One of the biggest strikes in American history is brewing - CNN", "cnn.com",
     "UPS: One of the biggest strikes in American history is brewing"),
    ("Instagram fined $400 million over children's data | CNN Business", "CNN",
     "Instagram fined $400 million over children's data"),
    ("Wasps go into administration - BBC News", "bbc.co.uk", "Wasps go into administration"),
    ("Covid cases rise in Ohio again | USA TODAY", "usatoday.com", "Covid cases rise in Ohio again"),
    # a dash inside the headline is the headline's own; a feed's cut is kept as published
    ("Stocks fall as Fed - Powell speaks", "cnn.com", "Stocks fall as Fed - Powell speaks"),
    ("Loss couldn't spoil Sue Bird's final Seattle Storm regular-season ...", "usatoday.com",
     "Loss couldn't spoil Sue Bird's final Seattle Storm regular-season ..."),
    # a question, a title with its own double quotation marks, a label, no title: no headline
    ("What does goblin mode mean? Dictionaries name it the word of 2022", "usatoday.com", None),
    ('Kanye West wears "White Lives Matter" shirt in Paris', "cnn.com", None),
    ("Live updates - CNN", "cnn.com", None),
    (None, "cnn.com", None),
])
def test_a_headline_is_the_title_without_its_outlet(title, publisher, shown):
    assert headline(title, publisher) == shown


def test_the_lead_is_taken_off_whole_and_only_the_lead():
    text = headline_lead("UPS: One of the biggest strikes in American history is brewing") + "Over the past year, …"
    assert without_headline(text) == "Over the past year, …"
    assert without_headline("Headline writers met on Monday. They said …") == "Headline writers met on Monday. They said …"
