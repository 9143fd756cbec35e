"""A count the sources do not give, of a thing they do report, is said as a partial answer (issue 10, abstention;
h/abstain-s63, F4 of s62's new user).

The kind: "How many fibre pairs does the cable have?" over a report of the cable that gives its length, its speed and
its repeaters but no fibre pairs. No sentence holds the counted words, so the key-term coverage of the most relevant
sentences is low and the answer abstained with a bare "The corpus has no evidence on the question …", as if the
corpus knew nothing of the cable. The sources do tell the thing counted: the question without its counted words
("does the cable have?") is covered, so the abstention says what they report and names the missing count ("…; none
gives the number of fibre pairs the question asks for": ``QuestionAnswering._subject_told``). A question whose
thing counted no source tells stays a bare abstention, and a count a sentence gives still answers.

End to end through the real Engine over short reports written for this test.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.brief import NO_EVIDENCE
from rag.types import SearchFilters

ARTICLES = [
    ("01_cable.md", "2026-05-04", "FCC approves Kestrel Pacific subsea cable linking Taiwan and the US",
     "The US Federal Communications Commission (FCC) on Monday approved a licence for the Kestrel Pacific subsea "
     "cable, which will link Taiwan's Toucheng landing station with Grover Beach in California. The FCC said the "
     "operator had agreed to security conditions set by Team Telecom. The 13,000-kilometre cable will carry up to "
     "240 terabits per second. The cable is due to enter service in 2027. Each of its 16 repeaters is spaced about "
     "80 kilometres apart."),
    ("02_agency.md", "2026-05-06", "Seoul sets up an export screening agency",
     "South Korea's cabinet on Tuesday created an export screening agency to review shipments of chip equipment. "
     "The agency will report to the trade ministry and open in July. Its first chief will be deputy minister Han "
     "Seo-yeon, the ministry said."),
    ("03_fab.md", "2026-05-08", "Hokkaido fab starts test runs",
     "Rapidus began test runs at its Chitose fab in Hokkaido on Friday. The plant will make 2-nanometre logic chips "
     "and is backed by 920 billion yen in government subsidies."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("abstain_count_partial"), ARTICLES)


def ask(engine, question):
    return engine.write(question, template="answer", filters=SearchFilters(until="2026-05-20"))


@pytest.mark.parametrize("question, missing", [
    ("How many fibre pairs does the cable have?", "the number of fibre pairs"),
    ("How many inspectors will the export screening agency employ?", "the number of inspectors"),
    ("How many engineers work at the Chitose fab?", "the number of engineers"),
    ("How many staff will the agency have?", "the number of staff"),
    ("How many landing stations does the cable have?", "the number of landing stations"),
])
def test_a_count_of_a_reported_thing_that_no_source_gives_is_a_partial_answer(engine, question, missing):
    brief = ask(engine, question)
    assert brief.abstained, answer_text(brief)
    message = brief.message or ""
    assert not message.startswith(NO_EVIDENCE), message  # the sources do report the thing counted
    assert missing in message, message
    assert "[1]" in message, message  # what they report of it, cited


def test_a_count_of_a_thing_no_source_tells_stays_a_bare_abstention(engine):
    brief = ask(engine, "How many satellites did the space agency launch?")
    assert brief.abstained, answer_text(brief)
    assert (brief.message or "").startswith(NO_EVIDENCE), brief.message


def test_a_count_a_sentence_gives_still_answers(engine):
    brief = ask(engine, "How many repeaters does the Kestrel Pacific cable have?")
    assert not brief.abstained, brief.message
    assert "16" in answer_text(brief)
