"""Attribution of sources that name no publisher, and of the headline (issue 10, item 3), on inputs of the kind.

- A document with no publisher and no title that names the outlet it relays ("The update comes from Kyodo News",
  "..., Yonhap News Agency reported", a manifest kind "news roundup citing ...") is named by it: "an unnamed
  roundup citing Kyodo News", not "an unnamed report".
- A claim whose only source cannot be named is attributed, never stated as fact (the reader cannot weigh it).
- The headline is a claim like the others: quoted from a generated brief, it carries its attribution.
"""

from __future__ import annotations

import pytest

from rag.brief import Source
from rag.writers.attribution import attribution
from rag.writers.source_types import origins, source_name


@pytest.mark.parametrize("meta, text, named", [
    ({"kind": "news roundup citing Kyodo News, Taiwan International Radio, Financial Times"}, "",
     "an unnamed roundup citing Kyodo News, Taiwan International Radio and Financial Times"),
    ({}, "Seoul said on Monday it would respond in kind, Yonhap News Agency reported.",
     "an unnamed report citing Yonhap News Agency"),
    ({}, "Manila protested the incursion. The update comes from the Philippine News Agency and signals a harder line.",
     "an unnamed report citing Philippine News Agency"),
    ({"published": "2022-03-01"}, "Two ships collided off Busan, according to Korea Coast Guard officials.",
     "an unnamed report citing Korea Coast Guard (2022)"),
    # nothing names an outlet: a sentence starter or a pronoun is no name
    ({}, "The ministry said on Monday it would respond, the paper reported. They reported no casualties.",
     "an unnamed report"),
])
def test_an_unnamed_source_is_named_by_the_outlet_it_relays(meta, text, named):
    assert source_name(meta, "news", text) == named


def test_a_named_publisher_or_title_is_not_replaced_by_what_it_cites():
    assert source_name({"publisher": "Taipei Times"}, "news", "..., Kyodo News reported.") == "Taipei Times"
    assert origins({"kind": "news article"}, "Nothing relayed here.") == []


def _src(i: int, name: str, publisher: str = "") -> Source:
    return Source(index=i, doc_id=f"d{i}", publisher=publisher, source_type="news", attributed_as=name)


def test_a_claim_whose_only_source_is_unnamed_is_attributed_never_stated_as_fact():
    relay = _src(1, "an unnamed roundup citing Kyodo News")
    assert attribution("event", [relay]) == "According to an unnamed roundup citing Kyodo News"
    assert attribution("statement", [_src(2, "an unnamed report")]) == "According to an unnamed report"
    # a named report beside it corroborates the claim: it stands as reporting
    assert attribution("event", [relay, _src(3, "Yonhap", publisher="Yonhap")]) is None


def test_a_headline_quoted_from_a_generated_brief_carries_its_attribution(sample_index):
    from rag.pipeline import Engine

    brief = Engine.from_settings(sample_index[0]).write("battery cybersecurity approval", template="situation")
    lead = next(s for s in brief.sections if s.name == "headline").claims[0]
    assert lead.attribution and "AI-generated brief" in lead.attribution
    # the JSON headline is the title line, one with the Markdown's H1 (``render.title_text``), never the framed quote
    from rag.render import title_text

    assert brief.headline == title_text(brief) and "“" not in brief.headline
