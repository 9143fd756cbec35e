"""A running story's later day, told first by one report (issue 10, item 7), on stories written for this file.

The timeline shows the story's main day and every other day two sources report. A running story's newest day is
told first by one report, though: the drills' missiles of "August 4" in the report of August 4, while the other
sources still tell of the visit two days before. Such a day is shown when that one report gives it in two of its
sentences as its own news (the day it was written, or the day before or after), and it lies within a week of the
main day. A day one report mentions once, a day it recalls as background, and the days of another story weeks
away stay off.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.timeline import NEWS_DAYS, OWN_NEWS_DAYS, timeline
from timeline_doubles import all_supported, overlap_embed


def _passage(doc: str, text: str, published: str) -> EvidencePassage:
    chunk = Chunk(f"{doc}-0001", doc, text, 0, len(text), 1, {"title": "", "published": published})
    return EvidencePassage(f"S-{doc}", chunk, 1.0)


def _days(topic: str, evidence: list[EvidencePassage]) -> list[str]:
    cited = {p.chunk.doc_id for p in evidence}
    return [e.date for e in timeline(topic, evidence, cited, overlap_embed, all_supported)]


# (topic, the main day's two reports, the later report's two sentences of its own day, its date, the main day, that day)
STORIES = [
    ("China military drills around Taiwan after the speaker visit",
     [("a", "The speaker landed in Taiwan on August 2 and China announced military drills around Taiwan.", "2023-08-02"),
      ("b", "China announced military drills around Taiwan on August 2 after the speaker landed.", "2023-08-03")],
     ["China fired missiles into waters around Taiwan on August 4 as the military drills began.",
      "Chinese warplanes crossed the median line near Taiwan on August 4 during the military drills, the defence ministry said."],
     "2023-08-04", "2023-08-02", "2023-08-04"),
    ("Floods in Henan province after record rain",
     [("a", "Record rain flooded Henan province on July 20, trapping commuters in Zhengzhou.", "2023-07-21"),
      ("b", "Floods hit Henan province on July 20 after record rain, officials said.", "2023-07-20")],
     ["Henan province ordered the evacuation of 100,000 people on July 22 as the floods spread.",
      "Officials said on July 22 that 25 people had died in the Henan province floods after the record rain."],
     "2023-07-22", "2023-07-20", "2023-07-22"),
    ("Strike at the Busan port by truck drivers",
     [("a", "Truck drivers began a strike at the Busan port on November 24, halting container traffic.", "2023-11-24"),
      ("b", "The strike by truck drivers at the Busan port started on November 24.", "2023-11-25")],
     ["The government ordered the striking truck drivers at the Busan port back to work on November 29.",
      "Police arrested five truck drivers at the Busan port on November 29 during the strike."],
     "2023-11-29", "2023-11-24", "2023-11-29"),
    ("Wildfire near Uljin forces evacuations",
     [("a", "Officials ordered thousands of residents near Uljin to evacuate on March 4 as a wildfire spread.", "2023-03-05"),
      ("b", "Authorities ordered 4,000 people near Uljin to leave their homes on March 4 as the wildfire spread.", "2023-03-04")],
     ["Firefighters contained the wildfire near Uljin on March 8 after four days of evacuations.",
      "Residents returned to villages near Uljin on March 8 as the wildfire died down."],
     "2023-03-09", "2023-03-04", "2023-03-08"),
]


@pytest.mark.parametrize("topic, main, later, written, main_day, later_day", STORIES)
def test_a_day_one_report_gives_twice_as_its_own_news_is_shown_with_the_main_day(topic, main, later, written, main_day,
                                                                                 later_day):
    evidence = [_passage(d, t, p) for d, t, p in main] + [_passage("c", " ".join(later), written)]
    assert _days(topic, evidence) == [main_day, later_day]


@pytest.mark.parametrize("topic, main, later, written, main_day, later_day", STORIES)
def test_a_day_one_report_gives_once_is_not_shown(topic, main, later, written, main_day, later_day):
    evidence = [_passage(d, t, p) for d, t, p in main] + [_passage("c", later[0], written)]
    assert _days(topic, evidence) == [main_day]


def test_a_day_one_report_recalls_as_background_is_not_its_own_news():
    topic = "Floods in Henan province after record rain"
    evidence = [
        _passage("a", "Record rain flooded Henan province on July 20, trapping commuters in Zhengzhou.", "2023-07-21"),
        _passage("b", "Floods hit Henan province on July 20 after record rain, officials said.", "2023-07-20"),
        # written on July 27, five days after the day it tells twice: a recollection, not its news
        _passage("c", "Henan province ordered the evacuation of 100,000 people on July 22 as the floods spread. "
                      "Officials said on July 22 that 25 people had died in the Henan province floods after the record rain.", "2023-07-27"),
    ]
    assert _days(topic, evidence) == ["2023-07-20"]


def test_another_storys_days_weeks_away_are_not_the_running_storys():
    topic = "China military drills around Taiwan after the speaker visit"
    evidence = [
        _passage("a", "The speaker landed in Taiwan on August 2 and China announced military drills around Taiwan.", "2023-08-02"),
        _passage("b", "China announced military drills around Taiwan on August 2 after the speaker landed.", "2023-08-03"),
        # a cited report of another round of drills, six weeks later, telling its own day twice
        _passage("c", "China sent warships around Taiwan on September 18 in new military drills. "
                      "Taiwan reported 20 Chinese aircraft near Taiwan on September 18 during the military drills.", "2023-09-18"),
    ]
    assert _days(topic, evidence) == ["2023-08-02"]
    assert OWN_NEWS_DAYS <= 1 < NEWS_DAYS <= 10  # a report's own news is its day; the running story's is a week
