"""What a reader needs to place and weigh a quote travels with it (issue 10, s31).

Kinds, each specified beyond the case the fresh user saw on the sample corpus:

- **a relative time word in a dated source is placed or marked**: "recently" in Hosokawa's essay dated 2020-03-31
  was neither placed nor marked (only undated sources got a marker), so a 2026 reader read "recently" as 2026. A word
  that names no day ("recently", "currently", "in the coming weeks": ``timeline.vague_times``) is placed against the
  source's date, before, at or after it, or marked in an undated source;
- **a relayed outlet stays with every mention of a quote**: the battery brief's timeline entry pointed back to
  "What happened" and dropped "citing Nikkei Asia" (``render._once``, ``attribution.relayed_outlets``);
- **the JSON confidence says what it did not count**: ``source_types`` lists the counted reports' types, and the
  battery brief's was ``[]`` beside a cited generated brief, which nothing in the JSON named
  (``Confidence.cited_not_counted``).
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim, Source
from rag.quoted_once import QuoteLedger
from rag.render import _once, placed_dates
from rag.writers.attribution import relayed_outlets
from rag.writers.confidence import assess_confidence
from rag.writers.timeline import vague_times

DATED = [
    # (the quote, its source's date, what the note must say)
    ("Nearly 200 Chinese suppliers have been added to the Entity List recently, including Huawei.", "2020-03-31",
     "‘recently’: before 2020-03-31"),
    ("Lately the ministry has tightened its reviews of chemical shipments.", "2019-07-10", "‘Lately’: before 2019-07-10"),
    ("The company currently supplies 90% of the world's fluorinated polyimide.", "2019-07-04",
     "‘currently’: as of 2019-07-04"),
    ("Seoul is expected to file a complaint with the WTO in the coming weeks.", "2019-07-12",
     "‘in the coming weeks’: after 2019-07-12"),
    ("In recent months, Beijing has detained several executives over chip smuggling.", "2026-06-30",
     "‘In recent months’: before 2026-06-30"),
    ("Japan yesterday said it has so far found no illegal transfers.", "2019-07-10", "‘so far’: as of 2019-07-10"),
]


@pytest.mark.parametrize(("text", "published", "said"), DATED)
def test_a_vague_time_in_a_dated_source_is_placed_against_its_date(text, published, said):
    note = placed_dates(text, published)
    assert said in note and f"by the source's date, {published}" in note, note


@pytest.mark.parametrize(("text", "published", "said"), DATED)
def test_a_vague_time_in_an_undated_source_is_marked(text, published, said):
    phrase = said.split("’")[0] + "’"
    note = placed_dates(text, None)
    assert note.startswith(" *(undated source:") and phrase in note and "cannot be placed" in note, note


@pytest.mark.parametrize("text", [
    "It was added earlier this year.",  # resolved by rag.text.dates: placed as a year, not listed twice
    "The Diet passed the law in 2019.",
    "Japan blocks Chinese battery makers over cybersecurity.",
    "The soonest flights leave from Narita.",  # a word containing a listed one is not it
])
def test_a_resolved_date_or_no_time_word_is_not_listed_as_vague(text):
    assert vague_times(text) == []


def test_earlier_this_year_is_placed_once_as_a_year():
    note = placed_dates("It was added earlier this year and recently extended.", "2020-03-31")
    assert note.count("earlier this year") == 1 and "‘earlier this year’: 2020" in note and "‘recently’: before" in note


# -- a relayed outlet stays in every mention ---------------------------------------------------------------------

RELAYS = [
    ("Intelrift Intelligence Desk (AI-generated brief, 2026), citing Nikkei Asia, reports", "Nikkei Asia"),
    ("WorldWideWatchers (AI-generated brief, 2026), citing Kyodo News and Reuters, reports", "Kyodo News and Reuters"),
    ("According to an unnamed report, citing Yonhap", "Yonhap"),
    ("According to an unnamed roundup citing Kyodo News, Taiwan International Radio and Financial Times", ""),
    ("Hosokawa Masahiko (2020 essay) argues", ""),
    (None, ""),
]


@pytest.mark.parametrize(("attribution", "outlets"), RELAYS)
def test_the_outlets_an_attribution_relays(attribution, outlets):
    assert relayed_outlets(attribution) == outlets


def _claim(text: str, attribution: str | None) -> Claim:
    return Claim(text=text, citations=[Citation(source=1, chunk_id="d-0000", doc_id="d", start=0, end=len(text), quote="x")],
                 role="event", attribution=attribution, verified=True)


@pytest.mark.parametrize(("attribution", "outlets"), [r for r in RELAYS if r[1]])
def test_a_pointer_back_to_a_relayed_quote_keeps_its_outlet(attribution, outlets):
    text = "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers."
    ledger = QuoteLedger()
    first = _once(_claim(text, attribution), ledger, "What happened")
    again = _once(_claim(text, attribution), ledger, "Timeline")
    assert first.startswith(attribution) and again.startswith("See the passage quoted under “What happened”")
    assert f"which its source credits to {outlets} [1]" in again, again


def test_a_pointer_to_an_unrelayed_quote_adds_nothing():
    ledger = QuoteLedger()
    _once(_claim("Tokyo tightened the approval process.", None), ledger, "Key developments")
    again = _once(_claim("Tokyo tightened the approval process.", None), ledger, "Timeline")
    assert "credits" not in again and again.endswith("[1]")


# -- the JSON confidence names what it did not count -------------------------------------------------------------

def src(n: int, kind: str, publisher: str, published: str | None = None) -> Source:
    return Source(index=n, doc_id=f"d{n}", publisher=publisher, published=published, source_type=kind)


@pytest.mark.parametrize(("sources", "counted", "uncounted"), [
    ([src(1, "generated", "Intelrift", "2026-06-30")], [], ["generated"]),
    ([src(1, "generated", "Intelrift", "2026-06-30"), src(2, "analysis", "Discuss Japan", "2020-03-31")], [],
     ["analysis", "generated"]),
    ([src(1, "news", "Kyodo"), src(2, "generated", "WorldWideWatchers", "2026-02-25")], ["news"], ["generated"]),
    ([src(1, "news", "Kyodo"), src(2, "official", "METI")], ["official", "news"], []),
    ([src(1, "analysis", "CSIS"), src(2, "analysis", "CSIS")], [], ["analysis"]),  # one publisher counts once
])
def test_the_confidence_lists_what_it_counted_and_what_it_did_not(sources, counted, uncounted):
    c = assess_confidence(sources)
    assert sorted(c.source_types) == sorted(counted) and c.independent_sources == len(counted)
    assert c.cited_not_counted == uncounted
