"""A request question asks about one request: "Who asked Japan to investigate the shipments?" asks who requested an
investigation. A sentence telling another request ("US authorities have asked the Japanese government to join efforts
aimed at curbing China's progress …") holds the question's verb and addressee but names no one who asked for that;
nor does a sentence telling no request ("Tokyo last week tightened the approval process for … shipments"). Only a
sentence telling the asked request (its act by verb, verb class or act family, "and to <verb>" included) is typed as
naming the requester; otherwise the answer says what the sources report and that none gives the name.

Seen by s44's fresh user on the sample corpus: the question was answered with the US request to join chip curbs,
then Tokyo's tightened approvals. Articles written for these tests: a request of the asked act worded by a synonym,
another request to the same addressee, and a report with no request.
"""

from __future__ import annotations

import pytest

from conftest import answer_of, engine_over_texts

from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.types import SearchFilters
from rag.writers.asked_request import AskedRequest, asked_request, request_event, tells_asked_request


@pytest.mark.parametrize("question, verb, act", [
    ("Who asked Japan to investigate the shipments?", "ask", "investigate"),
    ("Which country urged Seoul to drop its WTO complaint?", "urge", "drop"),
    ("Who called on China to release the detained executives?", "call on", "release"),
    ("Which group pressed the ministry to publish the list?", "press", "publish"),
    ("Who told the company to halt exports?", "tell", "halt"),
])
def test_a_request_question_names_its_verb_and_the_asked_act(question, verb, act):
    assert asked_request(question) == AskedRequest(verb, act)


@pytest.mark.parametrize("question, event", [
    ("Who asked Japan to investigate the shipments?", "anyone asking Japan to investigate the shipments"),
    ("Who called on China to release the detained executives?",
     "anyone calling on China to release the detained executives"),
    ("Which country has urged Tokyo to withdraw the measure?", "anyone urging Tokyo to withdraw the measure"),
])
def test_the_request_no_source_reports_is_said_as_an_event(question, event):
    assert request_event(question) == event


@pytest.mark.parametrize("question", [
    "What did the US ask Japan to do?",  # asks what was requested
    "Who investigated the shipments?",  # no request
    "Why did Japan restrict exports to South Korea?",
    "Who asked about the shipments?",  # no act asked for
    # a request the question states, asking something else of it
    "Estonia and Latvia have asked the EU to stop issuing work permits to people from which nation?",
    "Who received Valdoria's request to curb drone exports?",  # "request" a noun
    "Why did Seoul urge Japan to retract the curbs?",
])
def test_no_request_is_read_where_none_is_asked_about(question):
    assert asked_request(question) is None


INVESTIGATE = AskedRequest("ask", "investigate")


@pytest.mark.parametrize("text, tells", [
    ("Seoul asked Japan to investigate the exports.", True),
    ("Seoul asked Japan to probe the exports.", True),  # a verb of the same class
    ("Washington urged Tokyo to look into the matter and to investigate the exporters.", True),  # the second act
    ("South Korea's trade ministry formally requested that Japan investigate the shipments.", False),  # no "to"
    ("US authorities have asked the Japanese government to join efforts aimed at curbing China's progress.", False),
    ("Tokyo last week tightened the approval process for Japanese shipments of photoresists.", False),
    ("Seoul investigated the shipments.", False),  # the act, but no request of it
])
def test_only_a_request_of_the_asked_act_tells_it(text, tells):
    assert tells_asked_request(text, INVESTIGATE) is tells


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_another_request_is_no_answer_and_is_said_for_what_it_is(sample_engine):
    brief = sample_engine.write("Who asked Japan to investigate the shipments?", template="answer")
    shown = answer_with_sources(brief)
    assert brief.abstained, shown
    first = shown.split("\n\n")[0]
    # said as a request no source reports, then what the sources do report (not "none gives the name" after a quote
    # naming another request's maker: s45's fresh user read that as a contradiction)
    assert first.startswith("No source reports anyone asking Japan to investigate the shipments; according to"), shown
    assert "asked the Japanese government to join efforts" in first and "none of the sources gives" not in first, shown
    assert "Tokyo last week tightened" not in first, shown


def test_the_request_the_question_names_is_still_answered(sample_engine):
    shown = answer_with_sources(sample_engine.write("Who asked Japan to join efforts to curb China's chip progress?",
                                                    template="answer"))
    assert shown.split("\n\n")[0].count("US authorities have asked the Japanese government") == 1, shown


WRITTEN = {
    "01_probe.md": (
        "# Seoul asks Tokyo to probe exporters\n\nPublished: 2026-03-10\n\n"
        "South Korea's trade ministry on Monday asked Japan to probe three chemical exporters over shipments to "
        "North Korea, the ministry said. Japan's trade ministry said it would study the request.\n\n"
        "The United States has urged Japan to tighten controls on chip equipment sold to China, officials said last "
        "month.\n"),
    "02_fair.md": (
        "# Chip fair opens in Osaka\n\nPublished: 2026-03-11\n\n"
        "The Osaka chip fair opened on Tuesday with 400 exhibitors. Organisers said shipments of display glass to the "
        "fair were delayed by a strike at the port.\n"),
}


@pytest.fixture(scope="module")
def written_engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("requests"), WRITTEN)


def test_a_request_worded_by_a_synonym_names_the_requester(written_engine):
    answer = answer_of(written_engine, "Who asked Japan to investigate the chemical exporters?", "2026-03-12")
    assert answer.startswith("South Korea's trade ministry on Monday asked Japan to probe"), answer


def test_a_request_of_another_act_to_the_same_addressee_does_not_lead(written_engine):
    # "urged Japan to tighten controls on chip equipment" shares the question's addressee and object, not its act
    brief = written_engine.write("Who asked Japan to investigate the chip equipment sales?", template="answer",
                                 filters=SearchFilters(until="2026-03-12"))
    shown = answer_with_sources(brief)
    assert not shown.startswith("The United States has urged Japan"), shown
