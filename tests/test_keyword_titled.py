"""A keyword query whose words meet only in a report's title is covered by that report (issue 10, false abstentions).

An answer reads no title as a sentence, and a bare keyword's cosine sits under the relevance floor, so "chip
smuggling" over a report headlined "… over chip smuggling networks" whose body names "chips" and "smuggling" in
different sentences said "The corpus has no evidence on chip smuggling." while listing that report as the closest
source (s60's fresh user, F6). ``keyword_query.titled_by_terms`` reads the evidence's titles: one holding every
keyword covers the query, and that report's own sentences lead the answer (``keyword_leads``' ``titled``). Every
report below was written for this test; in each, no body sentence (with its neighbour) holds both keywords.
"""

from __future__ import annotations

import numpy as np
import pytest

from conftest import engine_over_articles
from evals.rtqa_answers import answer_text, first_sentence
from rag.types import SearchFilters
from rag.writers.keyword_query import keyword_leads, title_holds_terms, titled_by_terms

ARTICLES = [
    ("01_busan_drones.md", "2026-03-10", "Busan customs breaks up drone smuggling ring",
     "Customs officers in Busan arrested three men on Monday who had shipped 400 unregistered quadcopters to "
     "Vladivostok. The aircraft were hidden in crates declared as irrigation pumps, the agency said.\n\n"
     "Investigators said the network had used two trading shells in Incheon since 2024. A fourth suspect is "
     "believed to be abroad. Officials said the seizure was the largest of its kind this year and that the "
     "smuggling ring paid freight agents in cash."),
    ("02_chile_lithium.md", "2026-03-11", "Chile unveils lithium subsidies for domestic refiners",
     "Chile's mining ministry said on Tuesday it will pay refiners up to 2 billion pesos a year to process brine "
     "at home rather than ship it abroad. The scheme runs for five years.\n\n"
     "Producers in the Atacama welcomed the plan. Economists warned that the new subsidies could strain a budget "
     "already stretched by copper's fall, and the finance ministry has not said where the money will come from."),
    ("03_gps_jamming.md", "2026-03-12", "Seoul accuses Pyongyang of satellite jamming near border islands",
     "South Korea's defence ministry said on Wednesday that GPS signals around Yeonpyeong were disrupted for six "
     "hours, forcing fishing boats back to port.\n\n"
     "The ministry said the interference came from transmitters near Haeju. It was the third such jamming episode "
     "this year, officials said, and civilian flights were warned to rely on ground navigation."),
    ("05_magnet_quotas.md", "2026-03-10", "Beijing tightens rare earth quotas for magnet makers",
     "China's industry ministry cut this year's mining allocation for neodymium and dysprosium by 12 percent, "
     "according to a notice posted on Tuesday.\n\nMagnet producers in Ningbo said the smaller quotas would raise "
     "their costs. Analysts expect European motor makers to feel the squeeze by summer."),
    ("06_tokyo_entry.md", "2026-03-11", "Tokyo imposes visa bans on five hacking suspects",
     "Japan's foreign ministry said on Wednesday it would refuse entry to five men it accuses of breaking into the "
     "networks of two defence contractors.\n\nThe men are believed to work for a contractor in Dalian. The "
     "ministry did not say how long the bans would last."),
    ("04_port_volumes.md", "2026-03-09", "Busan port volumes rise as exporters rush shipments",
     "Container traffic through Busan rose 8 percent in February as exporters moved goods ahead of new tariffs, "
     "the port authority said. Shipments of electronics led the rise."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("keyword_titled"), ARTICLES)


def ask(engine, query):
    return engine.write(query, template="answer", filters=SearchFilters(until="2026-03-13"))


# (keyword query, a word of the titled report's own sentences the answer's first sentence must hold)
TITLED = [("drone smuggling", ["quadcopter", "smuggling ring", "Vladivostok", "Incheon"]),
          ("lithium subsidies", ["refiners", "brine", "subsidies"]),
          ("satellite jamming", ["GPS", "jamming", "Haeju"]),
          ("rare earth quotas", ["neodymium", "quotas", "Ningbo"]),
          # a sentence of another report naming one of the words ("A fourth suspect is believed to be abroad.") led
          ("hacking suspects", ["refuse entry", "Dalian", "bans"])]


@pytest.mark.parametrize("query, own_words", TITLED)
def test_a_keyword_query_whose_words_meet_only_in_a_title_is_answered_from_that_report(engine, query, own_words):
    brief = ask(engine, query)
    assert not brief.abstained, brief.message
    first = first_sentence(answer_text(brief))
    assert any(w.lower() in first.lower() for w in own_words), first


@pytest.mark.parametrize("query", ["drone subsidies",  # "drone" in one title, "subsidies" in another: no report
                                   "lithium jamming", "quantum radar"])
def test_keywords_no_single_title_or_sentence_holds_still_abstain(engine, query):
    brief = ask(engine, query)
    assert brief.abstained, answer_text(brief)


def test_a_title_holds_a_keyword_query_only_with_every_word_and_only_for_a_keyword_query():
    assert title_holds_terms("drone smuggling", "Busan customs breaks up drone smuggling ring")
    assert title_holds_terms("What about drone smuggling?", "Busan customs breaks up drone smuggling ring")
    assert title_holds_terms("drones", "Busan customs breaks up drone smuggling ring")  # a plural reads as its stem
    assert not title_holds_terms("drone subsidies", "Busan customs breaks up drone smuggling ring")
    # a question is no keyword query: its words in a headline do not stand for a sentence answering it
    assert not title_holds_terms("Who broke up the drone smuggling ring?", "Busan customs breaks up drone smuggling ring")
    assert not title_holds_terms("the", "The ring")  # no key term
    assert not title_holds_terms("drone smuggling", "")
    assert titled_by_terms("lithium subsidies", ["Busan port volumes rise", "Chile unveils lithium subsidies"])
    assert not titled_by_terms("lithium subsidies", ["Chile unveils lithium plan", "New subsidies for farmers"])


def test_a_titled_reports_sentences_lead_only_when_no_sentence_holds_every_keyword():
    texts = ["Officials said the ring paid agents in cash.", "Other news: drones are popular.",
             "Signals to watch: arrests, seizures.", "A drone smuggling case opened."]
    above = np.array([True, True, True, True])
    titled = [True, False, True, False]
    # no sentence holds every keyword: the titled report's prose leads (not its labelled item)
    assert keyword_leads(texts[:3], np.array([0.5, 0.5, 0.5]), [1], above[:3], titled[:3]) == [0]
    # a sentence holding every keyword leads as before, titled or not
    assert keyword_leads(texts, np.array([0.5, 0.5, 0.5, 1.0]), [1], above, titled) == [3]
    # ... under the floor too: the title holds every keyword, no other sentence does
    assert keyword_leads(texts[:3], np.array([0.5, 0.5, 0.5]), [1], np.array([False, True, False]), titled[:3]) == [0]
    # without titles (or none titled): the pool, as before
    assert keyword_leads(texts[:3], np.array([0.5, 0.5, 0.5]), [1], above[:3]) == [1]
    assert keyword_leads(texts[:3], np.array([0.5, 0.5, 0.5]), [1], above[:3], [False] * 3) == [1]
