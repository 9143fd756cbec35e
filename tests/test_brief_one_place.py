"""A brief an analyst could sign says each thing once (issue 10, s30).

Kinds, each specified beyond the case a user saw on the sample corpus (sanctions, chip bans, tariffs, cyber
attributions, general 2022 news):

- one passage, one place: the title line is the lead passage only when no section quotes that passage too (the
  battery brief quoted it as its title and as "What happened"; the assessment's title repeated its first BLUF item);
- one punctuation rule for a citation after a quote: a quote ending with its own full stop ends the sentence, and
  the marks follow without another ("… WTO.” (Key developments) [1]", never "… [1].");
"""

from __future__ import annotations

import pytest

from rag.brief import Brief, Citation, Claim, Provenance, Section
from rag.render import brief_markdown, claim_text, end_sentence, title_text
from rag.writers.dimensions import implication_note
from rag.render import quoted

PROV = Provenance(template="situation", template_version="1", template_hash="h", backend="extractive", model="m",
                  retrieval={}, corpus_snapshot="c", query="q")


def _claim(text: str, n: int, role: str = "event", attribution: str | None = None) -> Claim:
    cite = Citation(source=n, chunk_id=f"d{n}-0000", doc_id=f"d{n}", start=0, end=10, quote="x")
    return Claim(text=text, citations=[cite], role=role, attribution=attribution, verified=True)


def _brief(sections, headline, topic="t", sources=()) -> Brief:
    return Brief(template="situation", topic=topic, headline=headline, provenance=PROV, sections=sections,
                 sources=list(sources))


# ------------------------------------------------------------------ one passage, one place

LEADS = [  # (topic, the lead passage, its attribution)
    ("battery cybersecurity approval", "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.",
     "Intelrift Intelligence Desk (AI-generated brief, 2026) reports"),
    ("US sanctions on Bank Rossiya", "The Treasury froze the assets of Bank Rossiya on Thursday.", None),
    ("Nvidia chip export ban", "Washington told Nvidia to stop selling its A100 chips to China.", None),
    ("Ronin bridge hack attribution", "The FBI said the Lazarus Group stole $620 million from the Ronin bridge.", None),
]


@pytest.mark.parametrize(("topic", "text", "attribution"), LEADS)
def test_a_headline_a_section_quotes_too_is_not_the_title(topic, text, attribution):
    lead = _claim(text, 1, attribution=attribution)
    headline = Section(name="headline", title="Headline", claims=[lead])
    happened = Section(name="what_happened", title="What happened", claims=[_claim(text, 1, attribution=attribution)])
    brief = _brief([headline, happened], claim_text(lead), topic)
    assert title_text(brief) == topic[0].upper() + topic[1:]
    md = brief_markdown(brief)
    assert md.count(text) == 1 and md.startswith(f"# {topic[0].upper() + topic[1:]}\n"), md


@pytest.mark.parametrize(("topic", "text", "attribution"), LEADS)
def test_the_first_bluf_item_is_not_repeated_as_the_title(topic, text, attribution):
    lead = _claim(text, 1, attribution=attribution)
    bluf = Section(name="bluf", title="Bottom line up front", claims=[lead, _claim("Markets fell on the news.", 1)])
    md = brief_markdown(_brief([bluf], claim_text(lead), topic))
    assert md.count(text) == 1, md


def test_a_headline_no_section_quotes_is_the_title():
    lead = _claim("Seoul tightened controls on exports of hydrogen fluoride to Japan.", 1)
    headline = Section(name="headline", title="Headline", claims=[lead])
    happened = Section(name="what_happened", title="What happened", claims=[_claim("The rules take effect in May.", 1)])
    brief = _brief([headline, happened], claim_text(lead), "Korea fluoride curbs")
    assert title_text(brief) == "Seoul tightened controls on exports of hydrogen fluoride to Japan"  # a headline's form
    assert brief_markdown(brief).startswith("# Seoul tightened controls on exports of hydrogen fluoride to Japan\n")


@pytest.mark.parametrize("lede", [
    # too long for a title, and an unplaceable "yesterday" (the s36 Korea situation brief showed its lede nowhere)
    "Japan yesterday said that it does not plan to retract or renegotiate its stricter controls on high-tech exports "
    "to South Korea, a day after South Korean President Moon Jae-in urged that the issue be resolved through diplomacy.",
    "Seoul said on Monday it would file a complaint with the WTO.",  # a relative day a title cannot carry
    "“We will not back down,” the minister told reporters after Beijing barred exports of gallium to the US.",  # a quotation
    "Pyongyang fired a ballistic missile over Japan. Tokyo issued an alert to residents in the north.",  # two sentences
])
def test_a_lede_that_cannot_be_the_title_is_shown_under_its_own_section(lede):
    lead = _claim(lede, 1)
    headline = Section(name="headline", title="Headline", claims=[lead])
    happened = Section(name="summary", title="What happened", claims=[_claim("The rules take effect in May.", 1)])
    md = brief_markdown(_brief([headline, happened], claim_text(lead), "Export curbs"))
    assert md.startswith("# Export curbs\n")
    assert "## Headline" in md and md.count(lede) == 1, md


def test_a_lede_shown_as_the_title_or_quoted_below_is_not_repeated():
    lead = _claim("Seoul tightened controls on exports of hydrogen fluoride to Japan.", 1)
    md = brief_markdown(_brief([Section(name="headline", title="Headline", claims=[lead]),
                                Section(name="summary", title="What happened", claims=[_claim("The rules take effect in May.", 1)])],
                               claim_text(lead), "Korea fluoride curbs"))
    assert "## Headline" not in md
    long = _claim("Japan yesterday said that it does not plan to retract its controls, a day after Moon urged talks.", 1)
    md = brief_markdown(_brief([Section(name="headline", title="Headline", claims=[long]),
                                Section(name="summary", title="What happened", claims=[long])], claim_text(long), "Export curbs"))
    assert "## Headline" not in md and md.count("does not plan to retract") == 1, md


# ------------------------------------------------------------------ a citation after a quote

@pytest.mark.parametrize(("text", "ended"), [
    ("Reported above: “Seoul plans to file a complaint with the WTO.” (Key developments) [1]",
     "Reported above: “Seoul plans to file a complaint with the WTO.” (Key developments) [1]"),
    ("“Did the Treasury name the bank?” [2]", "“Did the Treasury name the bank?” [2]"),
    ("“Stop the sales now!” [1][3]", "“Stop the sales now!” [1][3]"),
    ("Reported above: “Moon said that Seoul would be forced to take …” (Key developments) [1]",
     "Reported above: “Moon said that Seoul would be forced to take …” (Key developments) [1]."),
    ("The sources name no buyer of the chips [1]", "The sources name no buyer of the chips [1]."),
    ("Already ended.", "Already ended."),
    # a quote's date note follows its citation marks and belongs to the ended sentence (the fresh user of s31:
    # "… a day after …” [1] *(undated source: ‘yesterday’ cannot be placed)*." with a stray full stop)
    ("They report: “Japan yesterday said that it does not plan to retract its controls.” [1] *(undated source: ‘yesterday’ cannot be placed)*",
     "They report: “Japan yesterday said that it does not plan to retract its controls.” [1] *(undated source: ‘yesterday’ cannot be placed)*"),
    ("They report: “Seoul protested on Monday.” [2] *(‘Monday’: 2019-07-08 — by the source's date, 2019-07-10)*",
     "They report: “Seoul protested on Monday.” [2] *(‘Monday’: 2019-07-08 — by the source's date, 2019-07-10)*"),
    ("They report: “Seoul said it would respond to the …” [1] *(‘recently’: before 2020-03-31 — by the source's date, 2020-03-31)*",
     "They report: “Seoul said it would respond to the …” [1] *(‘recently’: before 2020-03-31 — by the source's date, 2020-03-31)*."),
])
def test_one_punctuation_rule_for_a_citation_after_a_quote(text, ended):
    assert end_sentence(text) == ended


def test_the_implications_note_ends_once_after_a_quote_with_its_own_full_stop():
    cite = Citation(source=1, chunk_id="d1-0000", doc_id="d1", start=0, end=10, quote="x")
    claim = Claim(text="Beijing said it would file a complaint with the WTO.", citations=[cite], verified=True)
    note = implication_note([("Key developments", claim)], "No evidence.", quoted)
    assert note.endswith("“Beijing said it would file a complaint with the WTO.” (Key developments) [1]"), note
