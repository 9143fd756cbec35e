"""A brief's title is a short headline of its main event, never a quote and never a caveat (issue 10, s35).

The fresh user of s34 found two situation-brief titles that no analyst would sign: the source's headline wrapped in
its attribution frame and quotation marks ("# WorldWideWatchers (AI-generated brief, 2026) reports: “China Imposes
Export Restrictions …”"), and a 40-word lede with its date caveat ("# Japan yesterday said that it does not plan to
retract … *(undated source: ‘yesterday’ cannot be placed)*"). The kind, specified beyond those two on other stories
and structures:

- a lead that reads as a headline (one sentence, at most ``TITLE_WORDS`` words) is the title in its own words:
  no attribution frame, no quotation marks, no closing full stop;
- a lead that is a lede (long, several sentences), a quotation of someone's words, or one with a relative date
  the title could not place gives way to the topic;
- whichever it is, the title line carries no date note.
"""

from __future__ import annotations

import pytest

from rag.brief import Brief, Citation, Claim, Provenance, Section, Source
from rag.render import TITLE_WORDS, brief_markdown, claim_text, title_text

PROV = Provenance(template="situation", template_version="1", template_hash="h", backend="extractive", model="m",
                  retrieval={}, corpus_snapshot="c", query="q")


def _claim(text: str, attribution: str | None = None, role: str = "event") -> Claim:
    cite = Citation(source=1, chunk_id="d1-0000", doc_id="d1", start=0, end=len(text), quote=text)
    return Claim(text=text, citations=[cite], role=role, attribution=attribution, verified=True)


def _brief(lead: Claim, topic: str, published: str | None = "2026-02-25") -> Brief:
    other = _claim("Officials declined to comment on the details.")
    sections = [Section(name="headline", title="Headline", claims=[lead]),
                Section(name="what_happened", title="What happened", claims=[other])]
    return Brief(template="situation", topic=topic, headline=claim_text(lead), provenance=PROV, sections=sections,
                 sources=[Source(index=1, doc_id="d1", published=published)])


HEADLINES = [  # (topic, the lead passage, its attribution): a headline, shown bare
    ("China's export restrictions on Japanese firms",
     "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo",
     "WorldWideWatchers (AI-generated brief, 2026) reports"),
    ("US sanctions on Bank Rossiya", "Treasury freezes the assets of Bank Rossiya.", None),
    ("Lazarus and the Ronin bridge", "FBI ties North Korea's Lazarus Group to $620 million Ronin bridge theft",
     "An unnamed roundup citing Reuters reports"),
    ("Dutch chip export rules", "The Netherlands adds ASML's older DUV machines to its export licence list.", None),
]


@pytest.mark.parametrize(("topic", "text", "attribution"), HEADLINES)
def test_a_headline_lead_is_the_title_in_its_own_words(topic, text, attribution):
    brief = _brief(_claim(text, attribution), topic)
    title = title_text(brief)
    assert title == text.rstrip(".")
    assert "“" not in title and "reports" not in title.split(":")[0]
    assert brief_markdown(brief).startswith(f"# {title}\n")


LEDES = [  # (topic, the lead passage): not a headline, so the topic is the title
    # a 40-word lede with a relative date (the Korea 2019 brief)
    ("Japan's 2019 export curbs on South Korea",
     "Japan yesterday said that it does not plan to retract or renegotiate its stricter controls on high-tech exports "
     "to South Korea, a day after South Korean President Moon Jae-in urged that the issue be resolved through diplomacy."),
    # short, but with a relative day the title cannot place
    ("Seoul's WTO complaint", "Seoul filed a WTO complaint against Tokyo on Monday."),
    # a quotation of someone's words
    ("Dutch chip export rules", "“We will not follow Washington blindly,” the Dutch trade minister said."),
    ("Nvidia chip export ban", "Nvidia said it “does not expect” the rule to hurt sales."),
    # two sentences
    ("Ronin bridge hack", "Hackers stole $620 million. The FBI blamed Lazarus."),
    # one long sentence without a date
    ("Huawei 5G ban in Britain",
     "Britain ordered telecoms operators to strip Huawei equipment from their 5G networks by 2027, reversing a January "
     "decision that had let the Chinese company keep a limited role in the country's infrastructure."),
]


@pytest.mark.parametrize(("topic", "text"), LEDES)
def test_a_lede_a_quote_or_a_relative_date_gives_way_to_the_topic(topic, text):
    for published in ("2019-07-10", None):
        brief = _brief(_claim(text, "Taipei Times reports"), topic, published)
        assert title_text(brief) == topic[0].upper() + topic[1:]
        first = brief_markdown(brief).splitlines()[0]
        assert first == f"# {topic[0].upper() + topic[1:]}" and "*(" not in first


def test_the_length_bound_is_a_headline_length():
    assert 10 <= TITLE_WORDS <= 16
    words = " ".join(["word"] * (TITLE_WORDS + 1))
    assert title_text(_brief(_claim(f"Officials {words}."), "some topic")) == "Some topic"
