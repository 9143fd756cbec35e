"""A chronology's dated list items are the story's events, each on its own day.

* Kind (s67's new user, F18): a timeline explainer lists a case's events as dated items ("- **May 22, 2025** — Police
  raid the homes of four suspects …", nine of them); the brief's timeline showed one entry, the verdict from the news
  report, and quoted one item under "Background". Three rules dropped the items: the chronology's present tense
  read as a photo caption's ("Protesters march … on November 27."), an item that names the case only through the
  explainer's title ("Police raid the homes of four suspects") named none of the topic's actors, and a day one source
  gives once was not shown (a day needs two documents, or to be the main event's).
* ``timeline.dated_item`` reads an item that opens with a full date (day, month and year) and a dash or colon before
  its words; its source states it as an event of the story on that day. An item of a document whose title names the
  topic's actors names them as the title does; it is not a caption; and its day is shown as the day its source
  states, as a report's own news is. The relevance floor still applies, and so does the limit of entries.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from rag.writers.timeline import dated_item


@pytest.mark.parametrize("sentence, day", [
    ("March 4, 2024 — Senior designer Kim resigns from Daesan Heavy Industries.", "2024-03-04"),
    ("12 June 2025 – Customs officers in Kaohsiung seize 40 servers bound for Shenzhen.", "2025-06-12"),
    ("Oct. 2, 2025: Prosecutors indict the broker and two engineers.", "2025-10-02"),
    ("2025-11-18 - The court hears the closing arguments.", "2025-11-18"),
])
def test_an_item_that_opens_with_a_full_date_and_a_dash_is_a_dated_item(sentence, day):
    mention = dated_item(sentence)
    assert mention is not None and mention.value == day


@pytest.mark.parametrize("sentence", [
    "April 2024 — Kim joins a shipyard in Jiangsu.",  # a month: no day to place it on
    "On March 4, 2024, Kim resigned from Daesan Heavy Industries.",  # a date inside a sentence's clause
    "March 4 — Kim resigns.",  # no year: a relative day, read against the article's date as any sentence's
    "WASHINGTON, Feb 12, 2026 - The US added 27 companies to its entity list on Wednesday.",  # a dateline
    "By June 30, 2027 — the deadline for removing the cameras.",  # a bound, not an event
])
def test_other_openings_are_not_dated_items(sentence):
    assert dated_item(sentence) is None


# -- end to end -------------------------------------------------------------------------------------------------

ARTICLES = [
    ("01_verdict.md", "2026-10-15", "Busan court jails two Daesan Heavy engineers for leaking hull designs",
     "BUSAN, Oct. 15 — The Busan District Court on Wednesday sentenced two former engineers of Daesan Heavy Industries "
     "to prison for leaking hull designs for ammonia carriers to a Chinese shipyard.\n\n"
     "Kim Tae-ho received three years and his colleague Park Ji-min 18 months; the court acquitted a broker.\n\n"
     "Kim's lawyers said they would appeal."),
    ("02_timeline.md", "2026-10-17", "Timeline: the Daesan Heavy hull design leak case",
     "- **March 4, 2024** — Senior designer Kim Tae-ho resigns from Daesan Heavy Industries.\n"
     "- **February 12, 2025** — Daesan Heavy reports a suspected leak of hull designs to the police.\n"
     "- **May 20, 2025** — Police raid the homes of three suspects in Ulsan and seize two laptops.\n"
     "- **August 7, 2025** — Kim is arrested at Incheon airport on his return from Dalian.\n"
     "- **September 29, 2025** — Busan prosecutors indict Kim, Park and a broker.\n"
     "- **October 15, 2026** — The Busan District Court sentences Kim to three years and acquits the broker.\n"),
    ("03_smuggling.md", "2026-09-03", "Timeline: how the Kaohsiung GPU smuggling ring worked",
     "- 12 June 2025 – Customs officers in Kaohsiung seize 40 servers with Nvidia processors bound for Shenzhen.\n"
     "- 3 July 2025 – Investigators trace the servers to a Taichung trading company, Hengyu Logistics.\n"
     "- 21 January 2026 – Kaohsiung prosecutors charge Hengyu's owner and four employees with smuggling.\n"
     "- 2 September 2026 – The Kaohsiung District Court convicts the owner of Hengyu Logistics of smuggling.\n"),
    ("04_smuggling_news.md", "2026-09-02", "Kaohsiung court convicts trading company owner over GPU smuggling",
     "KAOHSIUNG, Sept. 2 — The Kaohsiung District Court on Wednesday convicted the owner of Hengyu Logistics of "
     "smuggling servers with Nvidia processors to mainland China and sentenced him to two years in prison."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("timeline_dated_items"), ARTICLES)


@pytest.mark.parametrize("topic, days", [
    ("Daesan Heavy hull design leak case",
     ["2024-03-04", "2025-02-12", "2025-05-20", "2025-08-07", "2025-09-29"]),
    ("Kaohsiung GPU smuggling case", ["2025-06-12", "2025-07-03", "2026-01-21"]),
])
def test_a_chronologys_dated_items_are_timeline_entries_on_their_days(engine, topic, days):
    brief = engine.write(topic, template="situation")
    shown = [entry.date for entry in brief.timeline]
    missing = [d for d in days if d not in shown]
    assert len(missing) <= 1, (missing, [(e.date, e.date_basis, e.text[:80]) for e in brief.timeline])
