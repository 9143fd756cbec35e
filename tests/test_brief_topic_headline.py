"""A brief's topic worded as an article's headline is covered by the sentences under that headline.

"Korea strategic items controls" abstained ("the topic's key terms are missing from the most relevant sentences",
coverage 0.35) over the article headlined "Korea lists new strategic items", whose sentences say "a list of
technologies that now need an export licence": the headline's words did not count. A topic whose names the evidence
never mentions still abstains.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cases_cjk import Corpus

DOCS = Path(__file__).resolve().parent / "data" / "topic_headline"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    c = Corpus(tmp_path_factory.mktemp("topic-headline"), sorted(p for p in DOCS.iterdir() if p.suffix != ".md"))
    yield c
    c.close()


@pytest.mark.parametrize(
    "topic, file_name",
    [
        ("Korea strategic items controls", "korea_items.html"),
        ("Japan lithography cleaners export controls", "japan_cleaners.txt"),
    ],
)
def test_a_topic_in_the_headlines_words_gets_a_brief_citing_that_article(corpus, topic, file_name):
    brief = corpus.engine().write(topic, template="situation")
    assert not brief.abstained, brief.message
    cited = {corpus.file_of(c.doc_id) for claim in brief.all_claims() for c in claim.citations}
    assert file_name in cited


@pytest.mark.parametrize("topic", ["Vietnam strategic items controls", "Korea power grid upgrade"])
def test_a_topic_whose_place_or_story_the_evidence_lacks_still_abstains(corpus, topic):
    brief = corpus.engine().write(topic, template="situation")
    assert brief.abstained, [c.text for c in brief.all_claims()]
