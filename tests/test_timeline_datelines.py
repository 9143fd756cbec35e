"""A wire dateline's date is the day the report was filed, not the day of the event it reports.

* Kind (s55, a new analyst's briefs over articles written for the session): "WASHINGTON, Feb 12 - The US Commerce
  Department's Bureau of Industry and Security (BIS) added 27 Chinese companies to its entity list on Wednesday, …"
  (an article of Thursday 2026-02-12) was on the timeline at **2026-02-12**, "date from “Feb 12”"; the event was on
  Wednesday, 2026-02-11. "BEIJING, April 7 - China's Ministry of Commerce said on Friday that exporters … must apply
  for a licence …" was at 2025-04-07, not Friday 2025-04-04. ``event_date`` took the earliest day-precise mention,
  and a dateline always comes first; the text layer did not read "PLACE, Month Day - " (no outlet in parentheses) as
  a dateline at all.
* ``rag.text.datelines.dateline_end`` reads a place in capitals with a filing date before a dash ("WASHINGTON, Feb 12
  - …", "TAIPEI, Dec 9 — …"); ``timeline.event_date`` reads no date inside a sentence's opening dateline: the
  weekday or date after it dates the event, and a sentence with no other date is dated as its report is.
* End to end: a situation brief over three short news articles written for this test puts each event on its day.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from rag.text.datelines import dateline_end
from rag.writers.timeline import event_date


@pytest.mark.parametrize("sentence, body", [
    ("WASHINGTON, Feb 12 - The US added 27 companies to its entity list on Wednesday.",
     "The US added 27 companies to its entity list on Wednesday."),
    ("TAIPEI, Dec 9 — Prosecutors on Monday indicted five people.", "Prosecutors on Monday indicted five people."),
    ("BEIJING, April 7 - China's commerce ministry said on Friday that exporters need a licence.",
     "China's commerce ministry said on Friday that exporters need a licence."),
    ("HANOI, 3 March – Vietnam's customs office seized 40 GPUs on Sunday.",
     "Vietnam's customs office seized 40 GPUs on Sunday."),
    ("KUALA LUMPUR, Sept. 30, 2025 — Malaysia tightened permits for AI chips on Monday.",
     "Malaysia tightened permits for AI chips on Monday."),
])
def test_a_place_in_capitals_with_a_filing_date_before_a_dash_is_a_dateline(sentence, body):
    assert sentence[dateline_end(sentence):] == body


@pytest.mark.parametrize("sentence", [
    "NATO — The alliance said on Tuesday it would meet.",  # an acronym, the sentence's subject
    "Feb 12 - a day after the ban - was the busiest day at customs.",  # a date, no place
    "Seoul, Feb 12 — the city said on Monday it would inspect cameras.",  # a place not in capitals, no outlet
])
def test_sentences_that_only_look_like_dated_datelines_keep_their_start(sentence):
    assert dateline_end(sentence) == 0


@pytest.mark.parametrize("sentence, published, day, phrase", [
    ("WASHINGTON, Feb 12 - The US Commerce Department added 27 Chinese companies to its entity list on Wednesday.",
     "2026-02-12", "2026-02-11", "on Wednesday"),
    ("BEIJING, April 7 - China's Ministry of Commerce said on Friday that exporters must apply for a licence.",
     "2025-04-07", "2025-04-04", "on Friday"),
    ("TAIPEI, Dec 9 — Prosecutors in Hsinchu on Monday indicted five people over chip smuggling.",
     "2025-12-09", "2025-12-08", "on Monday"),
    ("SEOUL, March 3 - KISA postponed its decision on the cloud certification on Friday, officials said.",
     "2026-03-03", "2026-02-27", "on Friday"),
    ("TOKYO, Nov. 5 — METI added 23 items to its export control list on Nov. 4.",
     "2025-11-05", "2025-11-04", "Nov. 4"),
])
def test_the_event_is_dated_by_its_own_day_not_the_datelines(sentence, published, day, phrase):
    mention, basis = event_date(sentence, published)
    assert mention is not None and mention.value == day and phrase in basis


@pytest.mark.parametrize("sentence, published", [
    ("WASHINGTON, Feb 12 - The US Commerce Department added 27 Chinese companies to its entity list.", "2026-02-12"),
    ("TAIPEI, Dec 9 — Prosecutors indicted five people over chip smuggling.", "2025-12-09"),
])
def test_a_dateline_alone_gives_the_event_no_day(sentence, published):
    assert event_date(sentence, published) == (None, None)


@pytest.mark.parametrize("sentence, published, day", [
    ("SEOUL — Officials said on March 3 that the review was postponed.", "2026-03-05", "2026-03-03"),
    ("The ministers met in Seoul on Feb 12 to discuss the camera ban.", "2026-02-14", "2026-02-12"),
])
def test_a_date_after_the_dateline_or_without_one_still_dates_the_event(sentence, published, day):
    mention, _ = event_date(sentence, published)
    assert mention is not None and mention.value == day


# -- end to end -------------------------------------------------------------------------------------------------

ARTICLES = [
    ("01_entity.md", "2026-02-12", "US adds 27 Chinese firms to entity list over AI chips",
     "WASHINGTON, Feb 12 - The US Commerce Department's Bureau of Industry and Security (BIS) added 27 Chinese "
     "companies to its entity list on Wednesday, accusing them of helping the Chinese military obtain AI chips.\n\n"
     "China's foreign ministry said it would resolutely defend its companies."),
    ("02_magnets.md", "2025-04-07", "China launches licence regime for rare-earth magnet exports",
     "BEIJING, April 7 - China's Ministry of Commerce said on Friday that exporters of seven rare earths and magnets "
     "that contain them must apply for a licence for every shipment.\n\nLicence applications will be decided within "
     "45 working days, the ministry said."),
    ("03_smuggling.md", "2025-12-09", "Taiwan prosecutors indict five over chip smuggling",
     "TAIPEI, Dec 9 - Prosecutors in Taiwan's Hsinchu district on Monday indicted five people on charges of "
     "smuggling servers with Nvidia processors to China.\n\nThe group shipped 312 servers worth NT$1.9 billion."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("timeline_datelines"), ARTICLES)


@pytest.mark.parametrize("topic, day, wrong", [
    ("US entity list additions of Chinese firms", "2026-02-11", "2026-02-12"),
    ("China rare-earth magnet export licences", "2025-04-04", "2025-04-07"),
    ("Taiwan chip smuggling indictment", "2025-12-08", "2025-12-09"),
])
def test_a_briefs_timeline_puts_the_event_on_its_day(engine, topic, day, wrong):
    brief = engine.write(topic, template="situation")
    days = [entry.date for entry in brief.timeline]
    assert day in days and wrong not in days, [(e.date, e.date_basis, e.text[:80]) for e in brief.timeline]
