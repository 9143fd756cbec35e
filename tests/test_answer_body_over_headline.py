"""A document's headline does not lead an answer when a sentence of the same report states the asked value itself
(s69's user, F13): "Which company did Seoul fine?" led with “Headline: Seoul fines Hanbit Trading …” and the lede
that calls the company "a Busan trading house", though the report's next sentence says "The ministry fined Hanbit
Trading 2.4 billion won …". Titles are evidence and still lead when no body sentence gives the value
(tests/test_answer_headline.py) or when the body sentence holding it states less of the question's key terms than
the headline (measured: RealTime QA's five headline-led fit answers keep their headline); here the body sentence leads
(``answering._body_over_headline``).

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
    ("02_strike.md", "2026-08-06", "Parcelo: the biggest strike in the courier trade's history is brewing",
     "A strike that could be the largest in the courier trade's history is brewing at one of the country's biggest "
     "parcel companies, union leaders warned on Wednesday.\n\n"
     "Contract talks between Parcelo and the drivers' union begin in March.\n\n"
     "About 90,000 drivers would walk out if the talks fail."),
    ("03_other.md", "2026-08-02", "Rail union agrees pay deal",
     "The rail union agreed a two-year pay deal with operators on Wednesday, ending a month of talks."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("body_over_headline"), ARTICLES)


def test_the_body_sentence_naming_the_value_leads_not_the_headline(engine):
    text = answer_of(engine, "Which company did Seoul fine?", "2026-08-31")
    assert first_sentence(text).startswith("The ministry fined Hanbit Trading"), text
    assert not text.startswith("Headline:"), text

