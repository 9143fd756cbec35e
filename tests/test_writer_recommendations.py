"""What a named writer recommends is answered with the writer's recommendations, all of them, in the writer's order
(issue 10; s57's kind, found on columns written for the stop).

Kinds, each failing on the code before this stop:

* **numbered steps ranked by noise**: "What does Mori Haruka recommend?" over "First, … should …. Second, … should
  …. Third, … should …" quoted "Second" and "Third" and never the first step: the question repeats none of the
  column's words, so the writer's sentences were ranked by their cosine to a name and cut where it fell;
* **"It should also …" lost**: the quote carrying the writer's second recommendation (the dependent sentence with the
  one it continues) shares text with the first and was set aside as the same quote;
* **the writer cited, not asked**: "What should Japan do, according to Mori Haruka?" and "What steps does Mori
  Haruka propose?" were not read as recommendation questions (the first lost its writer with the cut source phrase)
  and were answered with the column's note on its author, the one sentence naming her;
* **a writer named by its publisher or in lower case**: "What does the <paper> editorial urge?" and "…, according to
  the editorial board?" abstained ("best relevance 0.19", "key terms missing").

A note on the author is still the answer to "Who is …?" (``author_notes.asks_about_writer``).
"""

from __future__ import annotations

import json

import pytest

from conftest import answer_lead, answer_of, engine_over_texts
from rag.writers.answer_kind import answer_type, recommender
from rag.writers.author_notes import asks_about_writer

UNTIL = "2026-08-01"

WRITTEN = {
    "01_column.md": (
        "# Opinion: Seoul's battery supply chain needs three repairs\n\nPublished: 2026-06-03\n\nBy Park Seo-yeon\n\n"
        "*Park Seo-yeon is a research director at the Hanbit Energy Forum. The views expressed are her own.*\n\n"
        "South Korea still buys most of its graphite anodes from a handful of Chinese refiners. A single licensing "
        "pause in Beijing last winter idled two cathode lines in Ulsan for a month.\n\n"
        "Three repairs would make the chain sturdier. First, the industry ministry should fund a strategic graphite "
        "stockpile worth sixty days of demand. Second, battery makers should sign long-term offtake contracts with "
        "refiners in Mozambique and Tanzania. Third, the customs service should publish monthly import data by "
        "supplier, so that exposure is visible.\n\n"
        "None of this will be quick. Waiting would cost more.\n"),
    "02_editorial.md": (
        "# Editorial: Taipei must guard its chip engineers\n\nPublished: 2026-07-09\n\n"
        "Recruiters for mainland chipmakers have been hiring Taiwanese process engineers through shell companies in "
        "Hsinchu, prosecutors say.\n\n"
        "The labour ministry must require recruitment agencies to disclose who their clients are. It must also "
        "raise the fines for agencies that hide a mainland client. Legislators should then review the trade-secrets "
        "law every three years.\n\n"
        "Some employers warn that the rules would slow hiring. We are not persuaded.\n"),
    "03_report.md": (
        "# Korea opens graphite talks with Mozambique\n\nPublished: 2026-06-20\n\n"
        "South Korea's industry ministry said on Friday it had opened talks with Mozambique on graphite supply, "
        "weeks after a licensing pause in China idled two cathode lines. A ministry official said a deal could be "
        "signed by the end of the year.\n"),
    "04_column.md": (
        "# Opinion: Tokyo needs a smarter chip-export regime\n\nPublished: 2026-03-10\n\nBy Mori Haruka\n\n"
        "*Mori Haruka is a senior fellow at the Kanto Institute. The views expressed are her own.*\n\n"
        "Japan's export rules for chipmaking tools were written for a slower world. Brokers in third countries now "
        "reroute Japanese lithography parts to Chinese fabs within weeks.\n\n"
        "Three steps would close most of the gap. First, the trade ministry should require end-use certificates for "
        "every shipment of lithography spare parts, not only for whole machines. Second, Tokyo should share its "
        "licensing data with Seoul and Taipei every month. Third, customs should be given the power to hold "
        "suspicious cargo for 30 days without a court order.\n\n"
        "None of this is cheap. But the cost of doing nothing is higher.\n"),
    "05_unsigned.md": (
        "# Editorial: Osaka's port cranes need an audit\n\nPublished: 2026-05-11\n\n"
        "Most of the gantry cranes at Osaka's container terminals run remote diagnostics through servers abroad.\n\n"
        "We urge the transport ministry to audit the control software of every foreign-built crane by March. "
        "Terminal operators should also log every remote session.\n"),
    "manifest.json": json.dumps({"articles": [
        {"file": "01_column.md", "author": "Park Seo-yeon", "kind": "opinion column", "publisher": "Hanbit Review"},
        {"file": "04_column.md", "author": "Mori Haruka", "kind": "opinion column", "publisher": "Kanto Policy Review"},
        {"file": "02_editorial.md", "author": "Editorial Board", "kind": "editorial", "publisher": "Formosa Ledger"},
        {"file": "03_report.md", "publisher": "Seoul Wire"},
        {"file": "05_unsigned.md", "publisher": "Naniwa Harbour Press"},  # unsigned, typed by its title's label
    ]}),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("writer_recommendations"), WRITTEN)


@pytest.mark.parametrize(("question", "kind"), [
    ("What should South Korea do, according to Park Seo-yeon?", "recommendation"),
    ("What steps does Park Seo-yeon propose?", "recommendation"),
    ("What measures has the editorial board recommended?", "recommendation"),
    ("What must Taipei do about engineer poaching?", "recommendation"),
    ("What does Park think Seoul should do?", "recommendation"),
    # not a writer's recommendations
    ("What should we watch for next?", None),
    ("What did Japan say it would do?", "intent"),
    ("What did Japan do after Seoul urged restraint?", "action"),
])
def test_what_someone_should_do_asks_for_a_recommendation(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize(("question", "who"), [
    ("What should South Korea do, according to Park Seo-yeon?", "Park Seo-yeon"),
    ("What does Park think Seoul should do?", "Park"),
    ("What steps does Park Seo-yeon propose?", "Park Seo-yeon"),
    ("What must Taipei do about poaching, according to the editorial board?", "the editorial board"),
    ("What should the labour ministry do?", None),  # the ministry is who is advised, not who advises
    ("When did Korea open graphite talks, according to Seoul Wire?", None),  # no recommendation asked
])
def test_the_recommender_is_the_writer_the_question_cites_or_asks(question, who):
    assert recommender(question) == who


@pytest.mark.parametrize(("question", "about"), [
    ("Who is Park Seo-yeon?", True),
    ("What is Park Seo-yeon's background?", True),
    ("What does Park Seo-yeon recommend?", False),
    ("What should South Korea do, according to Park Seo-yeon?", False),
])
def test_an_answer_quotes_a_note_on_the_author_only_when_asked_about_the_writer(question, about):
    assert asks_about_writer(question) is about


@pytest.mark.parametrize(("writer", "steps"), [
    ("Park Seo-yeon", ("First, the industry ministry", "Second, battery makers", "Third, the customs service")),
    ("Mori Haruka", ("First, the trade ministry", "Second, Tokyo should", "Third, customs should")),
])
def test_a_writers_numbered_steps_are_all_quoted_in_the_writers_order(engine, writer, steps):
    question = f"What does {writer} recommend?"
    answer = answer_of(engine, question, UNTIL)
    first, second, third = (answer.find(s) for s in steps)
    assert -1 < first < second < third, answer
    assert answer_lead(engine, question, UNTIL).startswith(steps[0])


def test_a_recommendation_continued_with_it_must_also_is_quoted_with_it(engine):
    answer = answer_of(engine, "What does the Formosa Ledger editorial urge?", UNTIL)
    assert "disclose who their clients are" in answer and "raise the fines" in answer, answer


@pytest.mark.parametrize("question", [
    "What should South Korea do, according to Park Seo-yeon?",
    "What steps does Park Seo-yeon propose?",
])
def test_the_cited_writers_recommendations_answer_not_the_note_on_her(engine, question):
    answer = answer_of(engine, question, UNTIL)
    assert "research director" not in answer, answer
    assert "graphite stockpile" in answer and "offtake contracts" in answer, answer


def test_the_recommendation_the_question_is_about_leads_the_others_follow(engine):
    question = "What does Park Seo-yeon recommend the customs service do?"
    assert "customs service should publish" in answer_lead(engine, question, UNTIL)
    assert "graphite stockpile" in answer_of(engine, question, UNTIL)


@pytest.mark.parametrize("question", [
    "What does the Formosa Ledger editorial urge?",  # the writer named by its publisher
    "What must Taipei do about engineer poaching, according to the editorial board?",  # in lower case
])
def test_an_editorial_named_by_its_paper_or_its_board_answers(engine, question):
    answer = answer_of(engine, question, UNTIL)
    assert "recruitment agencies" in answer, answer
    assert "graphite" not in answer, answer  # not another writer's recommendations


def test_who_the_writer_is_is_still_answered_by_the_note(engine):
    assert "research director" in answer_of(engine, "Who is Park Seo-yeon?", UNTIL)


def test_the_country_advised_picks_none_of_its_recommendations_to_lead(engine):
    # every step of Mori's is Japan's to take; the one naming Tokyo is no answer to "what should Japan do" over
    # the others: the writer's order stands
    lead = answer_lead(engine, "What should Japan do, according to Mori Haruka?", UNTIL)
    assert lead.startswith("First, the trade ministry"), lead


def test_an_unsigned_editorial_named_by_its_paper_answers(engine):
    # s57's second fresh user: "What does the Tokyo Courier editorial urge?" abstained over "We urge the government
    # to order a full inspection …": the editorial had no byline, and only signed pieces were read as the paper's
    answer = answer_of(engine, "What does the Naniwa Harbour Press editorial urge?", UNTIL)
    assert "audit the control software" in answer and "log every remote session" in answer, answer
