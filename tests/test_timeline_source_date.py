"""A dated source's headline event is on the timeline at the source's date, when nothing dates it otherwise
(issue 10, s35).

Seen on the sample corpus (the fresh user of s34, finding 7): both China briefs had no timeline, although seed 003
is dated 2026-02-25 and leads with its event ("China Imposes Export Restrictions on 20 Japanese Firms, …"): no
sentence of it gives a day, neither the event's nor a report's. News style states the main event first and a report
is written the day of its news or just after, so the kind is: when no cited sentence dates an event or its report,
the event a dated source's headline or lede states (``timeline.LEDE_SENTENCES``) is one entry, dated the source's
date, its basis saying so (``timeline.SOURCE_DATE_BASIS``: the event came that day or before). Specified beyond the
China story on wires, a digest and analysis pieces; an undated source's lede, a lede of another story, a lede
that is an assessment, and an event deep in the article give no entry, and a day of the text's own wins.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.timeline import LEDE_SENTENCES, SOURCE_DATE_BASIS, timeline
from timeline_doubles import all_supported, overlap_embed


def _passage(doc: str, text: str, published: str | None) -> EvidencePassage:
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, {"title": "", "published": published})
    return EvidencePassage(f"S-{doc}", chunk, 1.0)


#: (topic, the article's opening, its date, the entry's text)
LEDES = [
    ("China's export restrictions on Japanese firms",
     "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo\n\n"
     "The Chinese government’s restriction on dual-use exports to 20 Japanese companies is a strategic move likely "
     "aimed at countering Japan’s military alignment with Taiwan.", "2026-02-25",
     "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo"),
    ("South Korea's boycott of Japanese beer",
     "South Korea has suspended imports of Japanese beer, the trade ministry in Seoul said. "
     "Retailers had already pulled the brands from their shelves.", "2019-08-02",
     "South Korea has suspended imports of Japanese beer, the trade ministry in Seoul said."),
    ("US sanctions on Russian banks",
     "The United States has imposed sanctions on Russia's largest banks, cutting them off from the dollar system. "
     "Analysts expect the measures to deepen the recession.", "2022-02-26",
     "The United States has imposed sanctions on Russia's largest banks, cutting them off from the dollar system."),
]


@pytest.mark.parametrize("topic, text, published, entry", LEDES)
def test_a_dated_sources_lede_event_is_an_entry_at_the_sources_date(topic, text, published, entry):
    entries = timeline(topic, [_passage("a", text, published)], {"a"}, overlap_embed, all_supported)
    assert [(e.text.strip(), e.date) for e in entries] == [(entry, published)]
    assert entries[0].date_basis == SOURCE_DATE_BASIS


def test_an_undated_sources_lede_is_never_placed():
    text = "South Korea has suspended imports of Japanese beer, the trade ministry in Seoul said."
    assert timeline("South Korea's boycott of Japanese beer", [_passage("a", text, None)], {"a"},
                    overlap_embed, all_supported) == []


def test_a_day_the_text_gives_wins_over_the_sources_date():
    text = "South Korea suspended imports of Japanese beer on Tuesday, the trade ministry in Seoul said."
    entries = timeline("South Korea's boycott of Japanese beer", [_passage("a", text, "2019-08-02")], {"a"},
                       overlap_embed, all_supported)
    assert [e.date for e in entries] == ["2019-07-30"] and entries[0].date_basis != SOURCE_DATE_BASIS


def test_a_lede_of_another_story_sharing_one_actor_gives_no_entry():
    digest = "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers."
    assert timeline("Japan export controls on South Korea", [_passage("a", digest, "2026-06-30")], {"a"},
                    overlap_embed, all_supported) == []


def test_an_event_past_the_lede_is_not_dated_by_the_source():
    opening = " ".join(f"Analysts in Tokyo see point number {n} as central to the export debate." for n in range(LEDE_SENTENCES))
    text = f"{opening} China has imposed export restrictions on 20 Japanese firms."
    assert timeline("China's export restrictions on Japanese firms", [_passage("a", text, "2026-02-25")], {"a"},
                    overlap_embed, all_supported) == []


def test_a_source_not_cited_gives_no_entry():
    text = "South Korea has suspended imports of Japanese beer, the trade ministry in Seoul said."
    assert timeline("South Korea's boycott of Japanese beer", [_passage("a", text, "2019-08-02")], {"b"},
                    overlap_embed, all_supported) == []


@pytest.mark.parametrize("headline", [
    "Why Japan and China keep fighting over export controls",
    "How Japan should avoid becoming a loophole for technology leaks to China",
])
def test_a_headline_that_reports_no_event_gives_no_entry(headline):
    text = f"{headline}\n\nTokyo and Beijing have argued about technology for a decade, and Japan's firms pay the price."
    assert timeline("Japan China export controls", [_passage("a", text, "2026-02-25")], {"a"},
                    overlap_embed, all_supported) == []


def test_an_opinion_pieces_lede_is_not_dated_by_the_piece():
    text = "China has imposed export restrictions on 20 Japanese firms. Tokyo should answer in kind, I argue."
    chunk = Chunk("a-0000", "a", text, 0, len(text), 0,
                  {"title": "", "published": "2026-03-02", "kind": "opinion column"})
    assert timeline("China's export restrictions on Japanese firms", [EvidencePassage("S-a", chunk, 1.0)], {"a"},
                    overlap_embed, all_supported) == []


def test_a_generated_briefs_headline_is_read_as_a_headline():
    # seed 003: its headline typed with the brief's own doc type read as a judgement, and the China briefs had none
    text = ("China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo\n\n"
            "The restriction is a strategic move likely aimed at countering Japan’s military alignment.")
    chunk = Chunk("a-0000", "a", text, 0, len(text), 0,
                  {"title": "", "published": "2026-02-25", "kind": "generated brief"})
    entries = timeline("China's export restrictions on Japanese firms", [EvidencePassage("S-a", chunk, 1.0)], {"a"},
                       overlap_embed, all_supported)
    assert [(e.date, e.date_basis) for e in entries] == [("2026-02-25", SOURCE_DATE_BASIS)]
