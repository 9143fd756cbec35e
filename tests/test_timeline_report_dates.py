"""A story whose sources date only the report of its event still has a timeline (issue 10, item 7), on stories
beyond the one a user saw.

Seen on the sample corpus (``brief write "battery cybersecurity approval"``): the timeline was empty though the
source dates the Nikkei report: "Japan has reportedly denied cybersecurity approval for Chinese storage battery
makers, … The decision, reported on 2026-06-30 by Nikkei Asia, signals that Tokyo is treating …". Two reasons: the
passive "reported on <date> by <outlet>" was read as the event's own date (``is_report_date`` knew only "<outlet>
reported on <date>"), and the sentence holding it is a judgement ("signals that …"), so the role check left it out.
A report's day is still not an event's day; when no event of the story has a day of its own, the event a report is
dated by (its own sentence, or the sentence before when its subject is that event: "The decision, reported …")
makes one entry, dated the day of the report, its basis saying so (``timeline.report_dates``).
"""

from __future__ import annotations

import pytest

from rag.text.dates import find_dates
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.timeline import is_report_date, report_dates, timeline
from timeline_doubles import all_supported, overlap_embed


def _passage(doc: str, text: str, published: str | None) -> EvidencePassage:
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, {"title": "", "published": published})
    return EvidencePassage(f"S-{doc}", chunk, 1.0)


@pytest.mark.parametrize("text, expected", [
    ("The decision, reported on 2026-06-30 by Nikkei Asia, signals that Tokyo is treating batteries as security.", True),
    ("The ban, first disclosed on Friday by Reuters, covers Nvidia's A100 chips.", True),
    ("The freeze, reported Monday by Yonhap, covers 57 items.", True),
    ("The attack, reported on Monday by police, killed two.", False),  # what officials say on a day is an event
    ("The ministry reported on Monday that exports fell.", False),
])
def test_a_date_in_the_passive_report_of_an_outlet_dates_the_report(text, expected):
    mention = next(m for m in find_dates(text, published="2026-06-30") if m.precision == "day")
    assert is_report_date(text, mention) is expected


#: (topic, the article, its date, the entry's text, its date)
REPORTED = [
    ("Japan battery cybersecurity approval", "Japan has reportedly denied cybersecurity approval for Chinese storage "
     "battery makers. The decision, reported on 2026-06-30 by Nikkei Asia, signals that Tokyo is treating battery "
     "supply chains as a security domain.", "2026-06-30",
     "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers.", "2026-06-30"),
    ("US ban on Nvidia chip sales to China", "Washington barred Nvidia from selling its A100 chips to China. "
     "The ban, first disclosed on Wednesday by Reuters, shows how far the US will go to slow China's chipmakers.",
     "2022-09-01", "Washington barred Nvidia from selling its A100 chips to China.", "2022-08-31"),
    ("North Korea missile launch", "North Korea fired a ballistic missile into the sea, Yonhap reported on Sunday, "
     "in what analysts see as a signal to Washington.", "2022-05-09",
     "North Korea fired a ballistic missile into the sea, Yonhap reported on Sunday, in what analysts see as a signal "
     "to Washington.", "2022-05-08"),
    ("China tariffs on Australian barley", "Beijing has lifted its tariffs on Australian barley. The move, reported "
     "on August 4 by Xinhua, is likely to revive a trade worth a billion dollars a year.", "2023-08-05",
     "Beijing has lifted its tariffs on Australian barley.", "2023-08-04"),
]


@pytest.mark.parametrize("topic, text, published, entry, day", REPORTED)
def test_an_event_dated_only_by_its_report_makes_one_entry_dated_the_report(topic, text, published, entry, day):
    entries = timeline(topic, [_passage("a", text, published)], {"a"}, overlap_embed, all_supported)
    assert [(e.text, e.date) for e in entries] == [(entry, day)]
    assert "the day it was reported" in entries[0].date_basis and "or before" in entries[0].date_basis


def test_an_event_with_a_day_of_its_own_is_dated_by_it_not_by_the_report():
    text = ("Washington barred Nvidia from selling its A100 chips to China on Tuesday. "
            "The ban, first disclosed on Wednesday by Reuters, shows how far the US will go.")
    entries = timeline("US ban on Nvidia chip sales to China", [_passage("a", text, "2022-09-01")], {"a"},
                       overlap_embed, all_supported)
    assert [e.date for e in entries] == ["2022-08-30"]


def test_a_report_dated_after_the_article_or_of_an_undated_article_gives_no_entry():
    later = ("Beijing has lifted its tariffs on Australian barley. The move, reported on August 9 by Xinhua, is "
             "likely to revive a trade.")
    # the report's later day is no date; the lede's event is placed by the source's own date at most
    # (test_timeline_source_date)
    entries = timeline("China tariffs on Australian barley", [_passage("a", later, "2023-08-05")], {"a"},
                       overlap_embed, all_supported)
    assert [e.date for e in entries] in ([], ["2023-08-05"]) and all("reported" not in e.date_basis for e in entries)
    undated = "Beijing has lifted its tariffs on Australian barley. The move, reported on Friday by Xinhua, helps."
    assert timeline("China tariffs on Australian barley", [_passage("a", undated, None)], {"a"},
                    overlap_embed, all_supported) == []


def test_the_report_is_of_the_sentence_before_only_when_its_subject_refers_back():
    class S:
        def __init__(self, text):
            self.text, self.chunk_id, self.doc_id = text, "a-0000", "a"
    sentences = [S("Washington has barred Nvidia from selling A100 chips to China."),
                 S("Reuters reported on Wednesday that Nvidia shares fell."),
                 S("The ban, first disclosed on Wednesday by Reuters, covers A100 chips.")]
    assert [(e, r) for e, r, _ in report_dates(sentences, {"a": "2022-09-01"})] == [(1, 1), (1, 2)]


def test_a_reported_event_of_another_story_sharing_one_actor_gives_no_entry():
    # the 2026 digest, cited in a brief on Japan's 2019 curbs on South Korea, names Japan but not South Korea
    digest = ("Japan has reportedly denied cybersecurity approval for Chinese storage battery makers. The decision, "
              "reported on 2026-06-30 by Nikkei Asia, signals that Tokyo is treating batteries as a security domain.")
    assert timeline("Japan export controls on South Korea", [_passage("a", digest, "2026-06-30")], {"a"},
                    overlap_embed, all_supported) == []
