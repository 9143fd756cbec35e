"""A document's headline does not lead an answer when a sentence of the same report states the asked value itself
(s69's user, F13): "Which company did Seoul fine?" led with “Headline: Seoul fines Hanbit Trading …” and the lede
that calls the company "a Busan trading house", though the report's next sentence says "The ministry fined Hanbit
Trading 2.4 billion won …". Titles are evidence and still lead when no body sentence gives the value
(tests/test_answer_headline.py); here the body sentence leads (``answering._body_over_headline``).

Short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import answer_of, engine_over_articles

from evals.rtqa_answers import first_sentence

ARTICLES = [
    ("01_fine.md", "2026-08-04", "Seoul fines Hanbit Trading 2.4 billion won over drone exports",
     "South Korea's trade ministry has penalised a Busan trading house for shipping drone components to Russia "
     "without a licence.\n\n"
     "The ministry fined Hanbit Trading 2.4 billion won on Monday and barred it from exporting strategic goods for "
     "two years.\n\n"
     "The company said it would appeal."),
    ("02_award.md", "2026-08-06", "Navy picks Daesan Heavy for frigate refit",
     "The navy has chosen a Geoje shipbuilder to refit four of its oldest frigates, officials said on Wednesday.\n\n"
     "Daesan Heavy Industries won the refit contract, worth 310 billion won, over two rival bids.\n\n"
     "Work on the first ship begins in January."),
    ("03_other.md", "2026-08-02", "Rail union agrees pay deal",
     "The rail union agreed a two-year pay deal with operators on Wednesday, ending a month of talks."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("body_over_headline"), ARTICLES)


@pytest.mark.parametrize("question, lead", [
    ("Which company did Seoul fine?", "The ministry fined Hanbit Trading"),
    ("Which shipbuilder did the navy pick for the frigate refit?", "Daesan Heavy Industries won the refit contract"),
])
def test_the_body_sentence_naming_the_value_leads_not_the_headline(engine, question, lead):
    text = answer_of(engine, question, "2026-08-31")
    assert first_sentence(text).startswith(lead), text
    assert not text.startswith("Headline:"), text
