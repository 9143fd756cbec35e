"""A brief's JSON header and its Markdown count the same quotes: each passage once (s44 fresh user, finding 2).

Seen: ``brief write "<topic>" -f json`` counted 5 claims verified where the Markdown header said 5 and showed 4: the
headline section and "What happened" quoted one sentence, and the timeline quoted it a third time. The JSON counted
every claim of every section and the timeline (``pipeline``), the Markdown every section's claim, shown or not
(``render.checks_line``). One count now, from one place: ``quoted_once.distinct_quotes`` (sections, then timeline;
a claim whose every cited span an earlier one quotes with its words is a repeat), which sets the JSON's
``claims_total``/``claims_verified`` and the Markdown's "N quotes … quoted verbatim"; the API serves the same Brief.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from rag.brief import Brief, Citation, Claim, Provenance, Section, Source
from rag.pipeline import Engine
from rag.quoted_once import distinct_quotes
from rag.render import brief_markdown, checks_line


def _claim(text: str, start: int, end: int, doc: str = "d1") -> Claim:
    return Claim(text=text, verified=True, citations=[Citation(source=1, chunk_id=f"{doc}-0", doc_id=doc, start=start,
                                                               end=end, quote=text)])


HEADLINE = _claim("Japan denies cybersecurity approval for Chinese battery makers.", 0, 63)
FORECAST = _claim("Delays are likely. Procurement may shift.", 100, 141)


@pytest.mark.parametrize("claims, kept", [
    # a headline "What happened" repeats, and the timeline a third time: one quote
    ([HEADLINE, HEADLINE.model_copy(), HEADLINE.model_copy()], 1),
    # one sentence of a passage quoted before, cited inside its span: a repeat
    ([FORECAST, _claim("Delays are likely.", 100, 118)], 1),
    # another passage of the same document, or the same words in another document: two quotes
    ([HEADLINE, FORECAST], 2),
    ([HEADLINE, _claim(HEADLINE.text, 0, 63, doc="d2")], 2),
    # a claim without a citation is never a repeat
    ([Claim(text="No citation."), Claim(text="No citation.")], 2),
])
def test_each_passage_is_counted_once(claims, kept):
    assert len(distinct_quotes(claims)) == kept


def _brief(sections: list[Section], timeline: list[Claim]) -> Brief:
    quoted = distinct_quotes([c for s in sections for c in s.claims] + timeline)
    return Brief(template="situation", topic="battery approval", sections=sections, timeline=timeline,
                 sources=[Source(index=1, doc_id="d1", publisher="Desk", type_label="generated brief")],
                 claims_total=len(quoted), claims_verified=len(quoted),
                 provenance=Provenance(template="situation", template_version="1", template_hash="h",
                                       backend="extractive", model="", query="battery approval", retrieval={},
                                       corpus_snapshot="s"))


def test_the_markdown_header_counts_a_repeated_headline_once():
    brief = _brief([Section(name="headline", title="Headline", claims=[HEADLINE]),
                    Section(name="summary", title="What happened", claims=[HEADLINE.model_copy()]),
                    Section(name="implications", title="Implications", claims=[FORECAST])],
                   [HEADLINE.model_copy(update={"date": "2026-06-30"})])
    assert checks_line(brief).startswith("2 quotes (3 sentences) quoted verbatim from 1 source"), checks_line(brief)
    assert brief.claims_verified == 2


def _header_quotes(markdown: str) -> int:
    """The number of quotes the Markdown header states ("6 quotes (7 sentences)" or "4 sentences")."""
    m = re.search(r"(\d+) (?:quotes? \(\d+ sentences?\)|sentences?) quoted verbatim", markdown)
    assert m, markdown
    return int(m.group(1))


def _shown_quotes(brief: Brief, markdown: str) -> int:
    """The distinct passages the Markdown shows (sections, title and timeline; a pointer, "See the passage quoted
    under …", shows none): the brief's claims whose words stand in its body, each text once."""
    body = " ".join(markdown.split("\n## Sources")[0].split())
    texts = {" ".join(c.text.split()) for c in brief.all_claims()}
    return sum(1 for t in texts if t[:80] in body)


TOPICS = ["China export restrictions on Japanese companies", "battery cybersecurity approval",
          "Japan export controls on South Korea", "Taiwan semiconductor"]


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("topic", TOPICS)
def test_json_and_markdown_count_the_same_quotes(sample_engine, topic):
    brief = sample_engine.write(topic, template="situation")
    assert not brief.abstained, brief.message
    markdown = brief_markdown(brief)
    removed = sum(1 for r in brief.provenance.repairs if r.action == "removed")
    assert brief.claims_verified == _header_quotes(markdown) == brief.claims_total - removed, markdown
    # what the header counts is what a reader sees quoted
    assert _shown_quotes(brief, markdown) == brief.claims_verified, markdown


def test_a_headline_what_happened_repeats_is_counted_once(sample_engine):
    # the sample's battery brief: its headline, "What happened" and its timeline quote one sentence (before: JSON 6,
    # Markdown header 5, shown 4)
    brief = sample_engine.write("battery cybersecurity approval", template="situation")
    lead = brief.section("headline").claims[0].text
    assert any(c.text == lead for c in brief.section("summary").claims)
    assert brief.claims_verified == 4 and _header_quotes(brief_markdown(brief)) == 4


def test_the_api_serves_the_same_count_in_json_and_markdown(sample_index):
    with TestClient(create_app(sample_index[0], warm_up=False)) as client:
        made = client.post("/v1/briefs", json={"topic": TOPICS[1], "template": "situation"})
        assert made.status_code == 200, made.text
        body = made.json()
        shown = client.get(f"/v1/briefs/{body['id']}", params={"format": "markdown"})
        assert shown.status_code == 200, shown.text
        assert body["claims_verified"] == _header_quotes(shown.text) == 4, shown.text
