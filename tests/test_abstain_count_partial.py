"""A count the sources do not give, of a thing they do report, is said as a partial answer (issue 10, abstention;
h/abstain-s63, F4 of s62's new user; at the relevance floor h/abstain-s64).

The kind: "How many fibre pairs does the cable have?" over a report of the cable that gives its length, its speed and
its repeaters but no fibre pairs. No sentence holds the counted words, so the key-term coverage of the most relevant
sentences is low and the answer abstained with a bare "The corpus has no evidence on the question …", as if the
corpus knew nothing of the cable. The sources do tell the thing counted: the question without its counted words
("does the cable have?") is covered, so the abstention says what they report and names the missing count ("…; none
gives the number of fibre pairs the question asks for": ``QuestionAnswering._subject_told``). A question whose
thing counted no source tells stays a bare abstention, and a count a sentence gives still answers.

At the floor: "How many wafers a month will the plant make?" over a report of the plant that gives its chips and its
subsidy but no output. The counted words ("wafers") and the period ("a month") are in no sentence, so the question's
vector sits just under the writer's relevance floor and the answer abstained bare before ``_subject_told`` could
read that the sources do tell the thing counted. At the floor the same reading now decides the message
(``QuestionAnswering.count_partial_at_floor``).

End to end through the real Engine over two sets of short reports written for these specs (one file since s65: the
two files had the same test bodies).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.brief import NO_EVIDENCE
from rag.types import SearchFilters

CABLE_AGENCY_FAB = [
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

PLANTS = [
    ("01_battery.md", "2026-03-11", "Korean battery maker opens Vietnam plant",
     "Seongjin Energy opened a battery cell plant in Bac Ninh province on Wednesday. The plant is the company's first "
     "in Vietnam and cost 1.1 billion dollars. Vietnam's deputy prime minister attended the opening."),
    ("02_terminal.md", "2026-03-14", "Kaohsiung opens a deep-water container terminal",
     "Kaohsiung port opened its seventh container terminal on Saturday after six years of construction. The terminal "
     "has 18 automated cranes and is run by a joint venture of two Taiwanese shipping lines."),
    ("03_shipyard.md", "2026-03-18", "Philippine shipyard reopens under new owner",
     "The former Hanjin shipyard in Subic Bay reopened on Monday under a US investment firm. The yard will build "
     "offshore patrol vessels for the Philippine navy, the firm said."),
    ("04_fab.md", "2026-03-20", "Hokkaido fab starts test runs",
     "Kitami Semiconductor began test runs at its Chitose fab in Hokkaido on Friday. The plant will make 2-nanometre "
     "logic chips and is backed by 920 billion yen in government subsidies."),
]

#: corpus name -> (articles, the --until of its questions)
CORPORA = {"cable": (CABLE_AGENCY_FAB, "2026-05-20"), "plants": (PLANTS, "2026-04-30")}


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    built = {}

    def get(name):
        if name not in built:
            articles, _ = CORPORA[name]
            built[name] = engine_over_articles(tmp_path_factory.mktemp(f"abstain_count_{name}"), articles)
        return built[name]
    return get


def ask(engines, corpus, question):
    return engines(corpus).write(question, template="answer", filters=SearchFilters(until=CORPORA[corpus][1]))


@pytest.mark.parametrize("corpus, question, missing", [
    ("cable", "How many fibre pairs does the cable have?", "the number of fibre pairs"),
    ("cable", "How many inspectors will the export screening agency employ?", "the number of inspectors"),
    ("cable", "How many engineers work at the Chitose fab?", "the number of engineers"),
    ("cable", "How many staff will the agency have?", "the number of staff"),
    ("cable", "How many landing stations does the cable have?", "the number of landing stations"),
    # a count per period, under the floor (cosine 0.31-0.34 with the offline embedder)
    ("plants", "How many wafers a month will the fab make?", "the number of wafers"),
    ("plants", "How many cells a day will the plant make?", "the number of cells"),
    ("plants", "How many hulls a year will the yard turn out?", "the number of hulls"),
    ("plants", "How many boats a year will the new owner build?", "the number of boats"),
    # over it: the same message as before
    ("plants", "How many battery cells a day will the Bac Ninh plant turn out?", "the number of battery cells"),
    ("plants", "How many patrol vessels a year will the yard deliver?", "the number of patrol vessels"),
])
def test_a_count_of_a_reported_thing_that_no_source_gives_is_a_partial_answer(engines, corpus, question, missing):
    brief = ask(engines, corpus, question)
    assert brief.abstained, answer_text(brief)
    message = brief.message or ""
    assert not message.startswith(NO_EVIDENCE), message  # the sources do report the thing counted
    assert missing in message, message
    assert "[1]" in message, message  # what they report of it, cited


@pytest.mark.parametrize("corpus, question", [
    ("cable", "How many satellites did the space agency launch?"),
    ("plants", "How many satellites a year will the space agency launch?"),
    ("plants", "How many tourists a month visit the Osaka casino?"),
])
def test_a_count_of_a_thing_no_source_tells_stays_a_bare_abstention(engines, corpus, question):
    brief = ask(engines, corpus, question)
    assert brief.abstained, answer_text(brief)
    assert (brief.message or "").startswith(NO_EVIDENCE), brief.message


@pytest.mark.parametrize("corpus, question, count", [
    ("cable", "How many repeaters does the Kestrel Pacific cable have?", "16"),
    ("plants", "How many automated cranes does the new Kaohsiung terminal have?", "18"),
])
def test_a_count_a_sentence_gives_still_answers(engines, corpus, question, count):
    brief = ask(engines, corpus, question)
    assert not brief.abstained, brief.message
    assert count in answer_text(brief)
