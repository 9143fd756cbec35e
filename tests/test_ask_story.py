"""`ask` and `chat` as an analyst uses them (issue 10, fresh-user findings of s26):

- a filter that removes the only answering documents is said, and the answer does not fall back to an off-topic
  passage: a date bound cannot judge an undated document (a publisher filter one naming no publisher), so when the
  unfiltered answer leads with such a document the message says how many were left out and that they answer;
- a sentence sharing only the question's places ("South Korea's move—Lee making a chip hub pitch …" for "which
  materials did Japan restrict for export to South Korea?") does not answer it;
- a follow-up asking how an actor of the previous turn responded ("What did Japan say in response?") stays with the
  previous story, is answered by that actor's reported act or words, and says so when the corpus holds none;
- the report sentence that states the asked fact leads before a source's judgement giving the same value.

End to end through the real Engine over six short articles written for this test (tests/data/ask_story/: an undated
report of France's curbs on Brazil, a dated digest whose every line shares only places with a question, and four
dated reports with a response or none), and over the sample corpus for the cases the fresh user met.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.followup import asks_response, resolve_follow_up
from rag.pipeline import Engine
from rag.types import SearchFilters, Turn
from rag.writers.abstention_text import left_out_message, no_evidence_within

DATA = Path(__file__).resolve().parent / "data" / "ask_story"


# -- the message: one wording for the CLI, the API and chat (``Brief.message``) --------------------------------------

def test_a_date_bound_that_left_out_answering_documents_says_so_and_how_to_include_them():
    filters = SearchFilters(since="2019-07-04")
    assert left_out_message(filters, undated=2, answering=2) == (
        "The date bound (published on or after 2019-07-04) leaves out the corpus's 2 undated documents, and 2 of "
        "them answer the question: search without the date bound to include them.")
    assert left_out_message(filters, undated=2, answering=1).endswith(
        "and 1 of them answers the question: search without the date bound to include it.")


def test_without_answering_documents_only_what_was_left_out_is_said():
    assert left_out_message(SearchFilters(until="2026-01-01"), undated=1) == (
        "A date bound leaves out the corpus's 1 undated document.")
    assert left_out_message(SearchFilters(), undated=3) == ""  # no date bound: nothing was left out for its date


def test_a_publisher_filter_names_the_documents_naming_no_publisher():
    filters = SearchFilters(since="2026-01-01", publishers=("Mekong Wire",))
    assert left_out_message(filters, unnamed=4, answering=1) == (
        "The publisher filter (publisher Mekong Wire) leaves out the corpus's 4 documents naming no publisher, and 1 "
        "of them answers the question: search without the publisher filter to include it.")
    both = left_out_message(filters, undated=1, unnamed=4, answering=2)
    assert both.startswith("The date bound and the publisher filter (published on or after 2026-01-01; publisher "
                           "Mekong Wire) leave out the corpus's 1 undated document and the corpus's 4 documents")


def test_the_abstention_carries_the_left_out_sentence_in_place_of_the_undated_count():
    filters = SearchFilters(since="2025-01-01")
    note = left_out_message(filters, undated=1, answering=1)
    message = no_evidence_within("Which materials did France restrict?", filters, matched=True, undated=1, left_out=note)
    assert message.endswith(note) and "A date bound leaves out" not in message


# -- end to end over the written articles ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("ask_story") / "data", DATA)


def ask(engine, question, *, since=None, history=()):
    return engine.write(question, template="answer", filters=SearchFilters(since=since), history=list(history))


def test_a_date_bound_that_removes_the_only_answering_report_declines_and_says_why(engine):
    brief = ask(engine, "Which materials did France restrict for export to Brazil?", since="2025-01-01")
    assert brief.abstained, answer_text(brief)  # not the digest's lithium-hub line, which shares only the places
    assert "leaves out the corpus's 1 undated document, and 1 of them answers the question" in brief.message
    assert "Lula" not in brief.message


def test_the_same_question_without_the_bound_is_answered_from_the_undated_report(engine):
    brief = ask(engine, "Which materials did France restrict for export to Brazil?")
    assert not brief.abstained
    assert answer_text(brief).startswith("France restricted exports of titanium sponge, vanadium foil and boron fibre")
    assert not brief.message  # nothing was filtered, nothing left out


@pytest.mark.parametrize("question", [
    "Which minerals did India ban for export to Germany?",  # "India's coffee auction drew … roasters in Germany"
    "Which weapons did Italy sell to Mexico?",  # a museum statue returned from Mexico
    "Why did Canada expel diplomats from Australia?",  # a winter festival
    "Which fishing boats did Singapore detain from Malaysia?",  # rail carriages built in Malaysia
    "What tariffs did the Philippines impose on Indonesia?",  # a basketball match
    "Which chip shipments did Taiwan restrict to Japan?",  # an ash cloud
    "Which materials did France restrict for export to Brazil? Name them.",  # without its report: see the bound above
])
def test_a_sentence_sharing_only_the_questions_places_does_not_answer(engine, question):
    since = "2025-01-01" if "France" in question else None
    brief = ask(engine, question, since=since)
    assert brief.abstained, answer_text(brief)
    assert "Meridian Watch" not in (brief.message or "")  # no partial answer quoting the digest either


def test_a_question_about_the_digests_own_story_is_answered_by_it(engine):
    brief = ask(engine, "What did India's coffee auction draw?")
    assert not brief.abstained and answer_text(brief).startswith("India's coffee auction drew record bids")


@pytest.mark.parametrize("first, follow_up, expected", [
    ("Which materials did France restrict for export to Brazil?", "How did Brazil respond?",
     "Brazil's trade minister said Brasília would file a complaint at the World Trade Organization"),
    ("Which country banned imports of sugar from Thailand?", "What did Thailand say in response?",
     "Thailand's commerce ministry summoned India's envoy"),
    ("What did Vietnam suspend?", "How did the Philippines respond?",
     "The Philippines' agriculture department protested the suspension"),
    ("Which country halted gas deliveries to Mongolia?", "What did Mongolia say in response?",
     "Mongolia's energy minister said Ulaanbaatar would run its coal-fired plants"),
])
def test_a_response_follow_up_is_answered_by_the_responders_act_in_the_same_story(engine, first, follow_up, expected):
    reply = answer_text(ask(engine, first))
    brief = ask(engine, follow_up, history=[Turn("user", first), Turn("assistant", reply)])
    assert not brief.abstained, brief.message
    assert answer_text(brief).startswith(expected)


def test_a_response_follow_up_the_corpus_does_not_answer_says_so(engine):
    first = "Which border crossing did Indonesia close?"
    reply = answer_text(ask(engine, first))
    brief = ask(engine, "How did Malaysia react?", history=[Turn("user", first), Turn("assistant", reply)])
    assert brief.abstained
    assert brief.message.endswith("gives what Malaysia said or did in response.")  # "none gives" or "none of the sources gives"
    assert "Entikong" in brief.message or "300 trucks" in brief.message  # what the sources say: the same story


# -- how a response follow-up is resolved ----------------------------------------------------------------------------

_PREVIOUS = [Turn("user", "Which country restricted dual-use exports to 20 Japanese companies?"),
             Turn("assistant", "WorldWideWatchers (AI-generated brief, 2026) reports: “China Imposes Export "
                               "Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo” [1]")]


@pytest.mark.parametrize("question", [
    "What did Japan say in response?", "How did Tokyo react?", "What was the reaction in Japan?",
    "Did Tokyo protest?", "How did Japan retaliate?",
])
def test_a_response_question_naming_only_the_previous_turns_actors_follows_up(question):
    resolved = resolve_follow_up(question, _PREVIOUS)
    assert resolved.is_follow_up and "dual-use" in resolved.standalone


@pytest.mark.parametrize("question", [
    "What was Seoul's response to the chip hub plan?",  # names what the response was to
    "Did China respond to the US tariffs?",
    "What did Japan say about battery makers from China?",  # no response asked for
])
def test_a_response_question_naming_its_own_story_stands_alone(question):
    assert not resolve_follow_up(question, _PREVIOUS).is_follow_up


def test_response_cues_are_read_from_the_data_file():
    assert asks_response("How did Seoul react?") and asks_response("Did Beijing hit back?")
    assert not asks_response("What did Seoul say?")


# -- the sample corpus: the fresh user's three cases -----------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_the_sample_materials_question_under_since_declines_and_names_the_undated_reports(sample_engine):
    brief = ask(sample_engine, "Which materials did Japan restrict for export to South Korea?", since="2019-07-04")
    assert brief.abstained, answer_text(brief)  # main: Intelrift's chip-hub sentence
    assert "leaves out the corpus's 2 undated documents, and 1 of them answers the question" in brief.message


def test_the_report_of_the_asked_fact_leads_before_the_judgement(sample_engine):
    brief = sample_engine.write("Which country restricted dual-use exports to 20 Japanese companies this week?",
                                template="answer", filters=SearchFilters(until="2026-03-01"))
    text = answer_text(brief)
    # the report's own headline leads: its page title or, since s35, its labelled report headline ("Intelligence
    # Report: Tokyo protests as China blocks …"), both stating the asked fact with China as the doer
    assert text.startswith(("China Imposes Export Restrictions on 20 Japanese Firms",
                            "Tokyo protests as China blocks dual-use exports to 20 Japanese companies")), text
    assert text.index("strategic move likely aimed at") > 0  # the judgement follows, attributed when rendered


def test_the_sample_chat_response_follow_up_stays_with_the_story(sample_engine):
    first = "Which country restricted dual-use exports to 20 Japanese companies?"
    reply = answer_text(ask(sample_engine, first))
    brief = ask(sample_engine, "What did Japan say in response?", history=[Turn("user", first), Turn("assistant", reply)])
    # main: the 2020 essay's "Japan must comprehensively examine the variety of responses"; s27: a partial answer
    # ("none of the sources gives what Japan said or did in response"); s28: the report's headline tells it
    # (tests/test_headlines.py)
    text = answer_text(brief)
    assert not brief.abstained and "Hosokawa" not in text and "2020" not in text
    assert text.startswith("Tokyo protests as China blocks dual-use exports to 20 Japanese companies")


def test_a_follow_up_carrying_in_response_from_the_first_question_is_no_response_question(sample_engine):
    first = "What immediate actions are recommended in response to China's export restrictions on Japanese companies?"
    reply = answer_text(ask(sample_engine, first))
    brief = ask(sample_engine, "And in the medium term?", history=[Turn("user", first), Turn("assistant", reply)])
    assert not brief.abstained, brief.message  # the carried "in response" does not make China the responder
    assert answer_text(brief).startswith("Medium-Term Posture")
