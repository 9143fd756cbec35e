"""The timeline of a brief (issue 10, item 7), specified on sentences written for these tests.

- A weekday is the latest such day on or before the article's publication ("landed on Tuesday" in a Tuesday
  article is that Tuesday, not the one before), or the day after it (a story from East Asia stamped with the
  outlet's earlier date); "last Friday" is strictly before, "next Friday" after.
- A weekday written next to its date ("Monday, April 18") is that date; "Black Friday" is no date.
- A date in a clause about the future or a possibility ("will be held on July 11") is not an event date, nor
  is the start of a period ("since September 25").
- Only a day makes an entry: years, months and weeks are left out; one entry per day; every entry says how
  its date was read. The days shown are the main event's (the day most sources report) and every day at
  least two sources report.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from rag.text.dates import find_dates
from rag.text.weekdays import resolve_weekday, weekday_mentions
from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.timeline import event_date, is_caption, is_event, timeline
from timeline_doubles import all_supported, overlap_embed


def _dates(text: str, published: str) -> dict[str, str]:
    return {m.text: m.value for m in find_dates(text, published=published)}


# --- weekdays --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, published, day", [
    ("The envoy landed in the capital on Tuesday.", "2023-05-16", "2023-05-16"),  # a Tuesday article
    ("Rescuers reached the village on Saturday evening.", "2021-03-13", "2021-03-13"),  # a Saturday
    ("The central bank cut its rate on Wednesday.", "2020-09-16", "2020-09-16"),  # a Wednesday
    ("The central bank cut its rate on Wednesday.", "2020-09-18", "2020-09-16"),  # two days later
    ("On Sunday, the ferry sank off the coast.", "2019-02-04", "2019-02-03"),
    ("The court in Seoul jailed the former minister Thursday.", "2021-06-01", "2021-05-27"),  # five days back
])
def test_on_a_weekday_is_the_latest_such_day_on_or_before_publication(text, published, day):
    mention, basis = event_date(text, published)
    assert mention is not None and mention.value == day and mention.precision == "day"
    assert published in basis  # the basis names the article date it was resolved against


@pytest.mark.parametrize("text, published, day", [
    ("Tokyo (Wire) The quake struck off the coast on Wednesday night.", "2022-03-15", "2022-03-16"),
    ("Seoul said Pyongyang fired a missile over Japan early Tuesday.", "2022-10-03", "2022-10-04"),
    ("The central bank cut its rate on Wednesday.", "2020-09-15", "2020-09-16"),
])
def test_the_weekday_after_publication_is_the_next_day_a_story_from_asia_stamped_a_day_early(text, published, day):
    mention, _ = event_date(text, published)  # an event still: one day of grace after the date stamp
    assert mention is not None and mention.value == day


@pytest.mark.parametrize("text, published, day", [
    ("The minister resigned last Friday.", "2024-01-12", "2024-01-05"),  # a Friday article: the one before
    ("The minister resigned last Friday.", "2024-01-15", "2024-01-12"),
    ("Exports slumped over the past Monday and Tuesday.", "2024-01-17", "2024-01-15"),
])
def test_last_weekday_is_strictly_before_publication(text, published, day):
    assert event_date(text, published)[0].value == day


def test_next_and_this_weekday_count_forward_and_within_the_publications_week():
    assert resolve_weekday(4, "next", date(2024, 1, 12)) == date(2024, 1, 19)  # next Friday from a Friday
    assert resolve_weekday(0, "next", date(2024, 1, 12)) == date(2024, 1, 15)
    assert resolve_weekday(0, "this", date(2024, 1, 11)) == date(2024, 1, 8)  # this Monday, said on Thursday
    assert resolve_weekday(4, "this", date(2024, 1, 8)) == date(2024, 1, 12)  # this Friday, said on Monday


@pytest.mark.parametrize("text, published, day", [
    ("The port suspends all sailings until Sunday.", "2026-10-02", "2026-10-04"),  # a Friday article
    ("Schools stay closed through Wednesday, the city said.", "2026-10-02", "2026-10-07"),
    ("The curfew runs till Friday.", "2026-10-02", "2026-10-02"),  # that very day
    ("Flights resume starting Monday.", "2026-10-02", "2026-10-05"),
    ("Trading will halt beginning Tuesday.", "2022-06-10", "2022-06-14"),
])
def test_a_weekday_after_a_forward_preposition_is_the_coming_one(text, published, day):
    assert [m.day for m in weekday_mentions(text, date.fromisoformat(published))] == [day]


@pytest.mark.parametrize("text, published, day", [
    ("The regulator fined the carrier Thursday, its filing showed.", "2022-06-10", "2022-06-09"),
    ("Friday's launch was the third this month.", "2022-06-10", "2022-06-10"),
    ("Police said late Monday that two suspects were held.", "2022-06-10", "2022-06-06"),
])
def test_a_bare_weekday_is_a_date_in_wire_style(text, published, day):
    assert event_date(text, published)[0].value == day


@pytest.mark.parametrize("text", [
    "Retailers reported record Black Friday sales.",
    "Voters in 14 states cast ballots on Super Tuesday.",
    "Churches were full on Easter Sunday.",
    "The Sunday Times first reported the deal.",
    "Pilgrims filled the square on Good Friday.",
    "Online sales jumped on Cyber Monday.",
    "Small Business Saturday drew crowds to the high street.",
])
def test_named_days_are_not_dates(text):
    assert weekday_mentions(text, date(2022, 6, 10)) == []
    assert find_dates(text, published="2022-06-10") == []


@pytest.mark.parametrize("text, published, day", [
    ("A rare protest against the leader was swiftly ended in Beijing Thursday, days before the congress.", "2022-10-13", "2022-10-13"),
    ("The foreign ministry told CNN Monday that the talks had failed.", "2022-10-12", "2022-10-10"),
    ("Photos posted on Twitter Thursday afternoon showed the banners.", "2022-10-14", "2022-10-13"),
    ("Troops crossed into Ukraine Thursday, the Pentagon said.", "2022-02-25", "2022-02-24"),
    ("The typhoon made landfall in Okinawa Sunday and weakened.", "2022-09-05", "2022-09-04"),
    ("Police arrested a man Tuesday near the bridge.", "2022-10-13", "2022-10-11"),  # a lower-case word before it
])
def test_a_bare_weekday_after_a_place_or_an_outlet_is_a_date_in_wire_style(text, published, day):
    assert event_date(text, published)[0].value == day


@pytest.mark.parametrize("text, published, written", [
    ("Residents queue for tests during a lockdown on Monday, April 18.", "2022-04-19", {"April 18": "2022-04-18"}),
    ("Crowds gathered on Saturday, Nov. 26, 2022, in the square.", "2022-11-28", {"Nov. 26, 2022": "2022-11-26"}),
    ("The probe lifted off Sunday, July 24, from the coast.", "2022-07-26", {"July 24": "2022-07-24"}),
    ("The pact was signed on Wednesday, 3 March 2021.", "2021-03-05", {"3 March 2021": "2021-03-03"}),
])
def test_a_weekday_written_with_its_date_is_that_date_once(text, published, written):
    assert _dates(text, published) == written


# --- what is not an event date ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, published", [
    ("The memorial service will be held at the temple on July 11.", "2022-07-11"),
    ("The suspect is expected to be charged with assault Monday.", "2022-10-29"),
    ("Officials said talks could resume on Friday in Geneva.", "2022-10-29"),
    ("The two leaders are scheduled to meet on Tuesday.", "2022-11-15"),
    ("The company said it plans to reopen the plant on Wednesday.", "2022-11-03"),
    ("Lawmakers are set to vote on the bill on Thursday, aides said.", "2022-03-10"),
])
def test_a_date_in_a_clause_about_the_future_is_not_an_event(text, published):
    assert event_date(text, published) == (None, None)


@pytest.mark.parametrize("text, published", [
    ("The army has tested seven missiles since September 25.", "2022-10-07"),
    ("Prices have risen every week since early March 2021.", "2021-06-01"),
    ("Shops have stayed shut since Monday.", "2022-04-20"),
    ("Since the regulator banned the app on March 3, downloads have collapsed.", "2022-04-20"),
    ("The suspect was seized two days before the vote on Sunday.", "2022-04-20"),
    ("Until the court ruled on Friday, the plant stayed open.", "2022-04-20"),
])
def test_the_start_or_end_of_a_period_or_another_events_date_is_not_an_event_date(text, published):
    assert event_date(text, published) == (None, None)


@pytest.mark.parametrize("text, published, day", [
    ("Pyongyang fired the missile on Tuesday after Seoul said it would hold drills.", "2022-10-04", "2022-10-04"),
    ("On Monday, the president said the navy would defend the strait.", "2022-05-23", "2022-05-23"),
    ("The May 5 decision ended the talks.", "2022-05-17", "2022-05-05"),  # May the month, not the modal
])
def test_a_future_word_in_another_clause_or_the_month_may_does_not_hide_an_event(text, published, day):
    assert event_date(text, published)[0].value == day


# --- the timeline -----------------------------------------------------------------------------------------------


def _passage(doc: str, text: str, published: str) -> EvidencePassage:
    chunk = Chunk(f"{doc}-0001", doc, text, 1000, 1000 + len(text), 1, {"title": "", "published": published})
    return EvidencePassage(f"S-{doc}", chunk, 1.0)




def test_timeline_entries_are_days_one_per_day_each_with_its_basis():
    topic = "ferry sank off the coast rescuers"
    evidence = [
        _passage("a", "The ferry sank off the coast on Sunday, the coast guard said. "
                      "Rescuers pulled 40 people from the sea on Monday. "
                      "The ferry had sunk off the coast in 2014 as well. "
                      "Rescuers were still searching the coast last week.", "2019-02-05"),
        _passage("b", "The coast guard said the ferry sank off the coast on Sunday, February 3. "
                      "An inquiry into the ferry will open on Friday.", "2019-02-06"),
        _passage("c", "Rescuers found the last survivors off the coast on Monday. "
                      "The ferry sank off the coast in rough seas yesterday.", "2019-02-05"),
    ]
    entries = timeline(topic, evidence, {"a", "b", "c"}, overlap_embed, all_supported)
    # no year (2014), no week, no plan (the inquiry); one entry per day, each reported by two of the sources
    assert [e.date for e in entries] == ["2019-02-03", "2019-02-04"]
    assert all(e.date_basis and e.citations and e.verified for e in entries)
    assert "in an article of 2019-02-05" in entries[1].date_basis


def test_the_main_events_day_is_shown_days_one_source_gives_are_not():
    topic = "missile launch over the sea"
    evidence = [
        _passage("a", "The army fired a missile launch over the sea on Tuesday. "
                      "A separate missile launch over the sea followed on Friday, the army said.", "2022-03-09"),
        _passage("b", "A missile launch over the sea on Tuesday alarmed neighbours.", "2022-03-10"),
    ]
    entries = timeline(topic, evidence, {"a", "b"}, overlap_embed, all_supported)
    assert [e.date for e in entries] == ["2022-03-08"]
    single = timeline(topic, evidence[:1], {"a"}, overlap_embed, all_supported)
    assert len(single) == 1  # one source: its most on-topic day only


def test_a_document_the_brief_does_not_cite_gives_no_entry():
    evidence = [_passage("x", "The ferry sank off the coast on Sunday, the coast guard said.", "2019-02-05")]
    assert timeline("ferry sank", evidence, {"y"}, overlap_embed, all_supported) == []


def test_an_entry_is_an_event_or_statement_by_the_role_classifier():
    assert is_event({"event": 0.35, "statement": 0.2, "background": 0.45})  # together more probable than not
    assert is_event({"event": 0.4, "statement": 0.05, "signal": 0.18, "background": 0.14, "furniture": 0.23})
    assert not is_event({"event": 0.2, "statement": 0.1, "furniture": 0.7})
    assert not is_event({"event": 0.25, "statement": 0.1, "judgement": 0.3, "forecast": 0.35})
    assert is_event(None)  # a language the classifier cannot read is not filtered by role


def test_the_main_event_is_the_day_the_sources_report_as_news_not_an_earlier_one_they_recall():
    topic = "missile launch over the sea by the army"
    evidence = [
        _passage("a", "The army carried out a missile launch over the sea on February 26 by the army. "
                      "Neighbours condemned the missile launch on Thursday.", "2022-03-24"),
        _passage("b", "An earlier missile launch over the sea by the army came on January 30. "
                      "The missile flew over the sea on Thursday.", "2022-03-25"),
    ]
    entries = timeline(topic, evidence, {"a", "b"}, overlap_embed, all_supported)
    assert [e.date for e in entries] == ["2022-03-24"]


@pytest.mark.parametrize("text", [
    "Mika Sato/Reuters Mourners lay flowers outside the station on July 9.",
    "Lee Jin-man/AP/Getty Images Soldiers stand guard at the border on Monday.",
    "STR/AFP The flag flies at half-staff on Saturday.",
    "Ana Ruiz for CNN A woman prays at the memorial on Sunday.",
    "Hide Caption 4 of 12 Photos: Rescue workers search the rubble on March 3.",
    "Photos: Firefighters at the scene on Friday.",
])
def test_photo_captions_are_no_entries(text):
    assert is_caption(text)


@pytest.mark.parametrize("text, published, caption", [
    ("Commuters queue for buses in Jakarta on March 14.", "2022-03-15", True),
    ("Workers repair the bridge near the port on Monday, June 6.", "2022-06-07", True),
    ("From left, the two ministers and their aides at the talks on May 2.", "2022-05-04", True),
    ("Rescuers pulled two survivors from the rubble on March 14.", "2022-03-15", False),
    ("The storm was the strongest to hit the island on June 6, officials said.", "2022-06-07", False),
    ("Talks broke down on May 2 after a dispute over the agenda.", "2022-05-04", False),
    ("Troops fire shells near the border on Monday.", "2022-05-04", False),  # a weekday: not a caption's date
])
def test_a_present_tense_scene_on_a_written_date_is_a_caption_prose_is_past_tense(text, published, caption):
    mention, _ = event_date(text, published)
    assert mention is not None and is_caption(text, mention) is caption


@pytest.mark.parametrize("text", [
    "The US/China talks ended on Monday without a deal.",
    "Kim Jong Un on Thursday declared victory over the virus.",
    "Prime Minister Ardern said on Sunday that no deaths had been reported.",
])
def test_a_news_sentence_with_a_slash_or_names_is_not_a_caption(text):
    assert not is_caption(text)


def test_an_entry_names_one_of_the_topics_actors():
    topic = "Earthquake off Fukushima in Japan"
    evidence = [
        _passage("a", "A strong earthquake struck off Fukushima on Wednesday night, Japan's agency said. "
                      "A theatre in Mariupol was reduced to rubble on Tuesday, the city council said.", "2022-03-17"),
        _passage("b", "In Mariupol a theatre collapsed on Tuesday under shelling, officials said.", "2022-03-17"),
    ]
    # the Mariupol day has two sources, the quake's one: only the sentence naming the topic's actors is shown
    entries = timeline(topic, evidence, {"a", "b"}, overlap_embed, all_supported)
    assert [(e.date, e.citations[0].doc_id) for e in entries] == [("2022-03-16", "a")]


def test_a_sentence_in_another_language_is_not_dropped_for_not_naming_the_actors_in_english():
    topic = "Japan export controls on South Korea"
    evidence = [_passage("j", "日本政府は2019年7月4日、韓国向け半導体材料の輸出規制を強化した。", "2019-07-05")]
    same_meaning = lambda texts: np.ones((len(texts), 2)) / np.sqrt(2)  # a multilingual embedder: on-topic
    entries = timeline(topic, evidence, {"j"}, same_meaning, all_supported)
    assert [e.date for e in entries] == ["2019-07-04"]
