"""Kinds of wrong timeline dates read on the topics-news suite (issue 10, item 7), each specified on new sentences.

- A report's date is not the event's: "Kim declared victory ..., state media said on Thursday" dates the report,
  and the declaration came earlier on a day the sentence does not give. A news outlet's reporting verb governs
  such a date ("<outlet> said/reported <date>", "<outlet> on <date> reported", "according to <outlet> on <date>");
  what an official or a ministry says on a day is a statement, an event of its own.
- A date that no past-tense verb precedes belongs to the first verb after it: "The summit on Friday will ...",
  "On Monday, the minister intends to ..." are plans, resolved backwards they would be a week off. A possessive
  date names an event whose consequences the modal is about ("Tuesday's launch could herald ...").
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.timeline import dated_clause, event_date, is_report_date, timeline
from timeline_doubles import all_supported, overlap_embed


@pytest.mark.parametrize("text, published", [
    ("The regime executed two officials for corruption, state media said on Friday.", "2023-03-10"),
    ("Pyongyang test-fired two cruise missiles, KCNA reported Tuesday.", "2023-03-14"),
    ("Yonhap reported on Monday that the suspect had been arrested in Incheon.", "2023-03-14"),
    ("The ruling party expelled the former mayor, according to Xinhua on Sunday.", "2023-03-13"),
    ("State broadcaster CCTV on Wednesday reported that the dam had burst.", "2023-03-16"),
    ("The floods killed 30 people in Henan, the official Xinhua news agency said late Saturday.", "2023-03-12"),
    ("Reuters reported on Thursday that the carmaker had laid off 300 workers at the plant.", "2023-03-17"),
    ("Police detained the pastor at his home, local media reported on Wednesday.", "2023-03-16"),
])
def test_a_news_outlets_report_date_is_not_the_events_date(text, published):
    assert event_date(text, published) == (None, None)


@pytest.mark.parametrize("text, published, day", [
    ("The health ministry said on Friday that 30 people had died in the floods.", "2023-03-10", "2023-03-10"),
    ("Kim Jong Un told a party meeting on Monday that the country would expand its arsenal.", "2023-03-14", "2023-03-13"),
    ("Taiwan's defence ministry said it detected 21 aircraft near the island on Sunday.", "2023-03-13", "2023-03-12"),
    ("The spokesman of the foreign ministry said Tuesday that the talks had failed.", "2023-03-15", "2023-03-14"),
])
def test_an_officials_statement_on_a_day_is_still_an_event_on_that_day(text, published, day):
    mention, _ = event_date(text, published)
    assert mention is not None and mention.value == day
    assert not is_report_date(text, mention)


@pytest.mark.parametrize("text, published", [
    ("The summit on Friday will bring the two leaders together for the first time.", "2023-03-15"),
    ("On Monday, the minister intends to fly to Canberra for talks on the submarine deal.", "2023-03-18"),
    ("The court hearing on Thursday is expected to last two days.", "2023-03-14"),
    ("The envoy leaves for Seoul on Tuesday and will meet the president there.", "2023-03-18"),
    ("The vote on Sunday could hand the opposition its first win in a decade.", "2023-03-15"),
    ("Parliament on Wednesday is due to debate the budget.", "2023-03-13"),
])
def test_a_date_whose_first_verb_is_a_future_or_modal_one_is_a_plan(text, published):
    assert event_date(text, published) == (None, None)


@pytest.mark.parametrize("text, published, day", [
    ("Tuesday's launch could herald more tests this spring, analysts said.", "2023-03-15", "2023-03-14"),
    ("The storm that flooded the port city on Monday is expected to weaken.", "2023-03-14", "2023-03-13"),
    ("On Friday, officials said the bridge would reopen next month.", "2023-03-11", "2023-03-10"),
    ("The firm posted a notice on Thursday that flights may be delayed.", "2023-03-17", "2023-03-16"),
    ("The blast on Saturday destroyed three homes and may have been caused by a gas leak.", "2023-03-13", "2023-03-11"),
])
def test_a_future_word_after_a_past_verb_a_possessive_date_or_another_clause_leaves_the_event(text, published, day):
    mention, _ = event_date(text, published)
    assert mention is not None and mention.value == day


@pytest.mark.parametrize("text, published", [
    ("Turnout was lower than on March 3, the election commission said.", "2023-03-10"),
    ("The won closed weaker than on Friday against the dollar.", "2023-03-14"),
    ("Arrivals were down a third compared with on May 1.", "2023-05-09"),
])
def test_a_day_compared_with_is_not_the_events_day(text, published):
    assert event_date(text, published) == (None, None)


def test_a_quantity_with_more_than_keeps_its_day():
    mention, _ = event_date("Daily infections peaked at more than 80,000 on April 2.", "2023-04-20")
    assert mention is not None and mention.value == "2023-04-02"


# --- an event with a caveat attached is still an event -----------------------------------------------------------


@pytest.mark.parametrize("text, published, clause", [
    ("The incumbent president conceded defeat on Sunday, though it remained unclear whether his party would keep "
     "its majority.", "2023-04-03", "The incumbent president conceded defeat on Sunday."),
    ("Rescuers reached the collapsed mine on Tuesday, although it is not known how many miners are still trapped.",
     "2023-04-05", "Rescuers reached the collapsed mine on Tuesday."),
    ("The central bank raised its key rate on Wednesday, but it gave no indication of how far rates would rise.",
     "2023-04-06", "The central bank raised its key rate on Wednesday."),
    ("Although talks had stalled for weeks, the two sides signed a truce on Monday.", "2023-04-04",
     "Although talks had stalled for weeks, the two sides signed a truce on Monday."),  # the caveat comes first
])
def test_the_clause_that_holds_the_date_is_what_the_role_classifier_types(text, published, clause):
    mention, _ = event_date(text, published)
    assert dated_clause(text, mention) == clause


def test_an_event_sentence_with_a_concession_after_its_date_is_an_entry():
    topic = "mine collapse rescuers trapped miners"
    evidence = [
        _passage("a", "Rescuers reached the collapsed mine on Tuesday, although it is not known how many miners are "
                      "still trapped.", "2023-04-05"),
        _passage("b", "Rescuers reached the collapsed mine on Tuesday, though it was unclear whether any trapped "
                      "miners had survived.", "2023-04-04"),
    ]
    entries = timeline(topic, evidence, {"a", "b"}, overlap_embed, all_supported)
    assert [e.date for e in entries] == ["2023-04-04"]
    assert entries[0].text.startswith("Rescuers reached")  # the quote is the whole sentence, caveat and all


# --- "as of": the latest on-topic evidence date -----------------------------------------------------------------


def _passage(doc: str, text: str, published: str) -> EvidencePassage:
    chunk = Chunk(f"{doc}-0001", doc, text, 0, len(text), 1, {"title": "", "published": published})
    return EvidencePassage(f"S-{doc}", chunk, 1.0)


def test_as_of_is_the_newest_source_that_reports_the_storys_days_not_a_later_one_recalling_the_actors():
    from rag.writers.timeline import as_of_date, story_sources

    evidence = [
        _passage("a", "A magnitude 6.8 quake struck the coast on Wednesday, killing four.", "2023-03-09"),
        _passage("b", "Aftershocks rattled the coast on Friday, two days after the March 8 quake.", "2023-03-11"),
        _passage("c", "Officials in the prefecture said rebuilding would take two years.", "2023-03-20"),
        _passage("d", "The prefecture's governor resigned on Monday over a budget scandal.", "2023-06-13"),
    ]
    published = {"a": "2023-03-09", "b": "2023-03-11", "c": "2023-03-20", "d": "2023-06-13"}
    story = story_sources(evidence, ["2023-03-08"])
    assert story == {"a", "b"}  # "on Wednesday" in a Thursday article and "the March 8 quake"
    assert as_of_date([published[d] for d in sorted(story)], ["2023-03-08"], None) == "2023-03-11"
    assert story_sources(evidence, []) == set()  # no timeline: the caller keeps every cited source
    assert as_of_date([published[d] for d in sorted(story)], ["2023-03-08"], "2023-03-10") == "2023-03-10"




# --- the cited stories' ledes ---------------------------------------------------------------------------------


def test_the_lede_of_a_cited_story_the_search_did_not_return_is_read_for_the_timeline():
    from rag.writers.timeline import lede_passages

    lede = "The defence minister on Sunday accused the neighbour of bullying the region in a speech at the forum."
    rows = {"d1-0000": {"chunk_id": "d1-0000", "doc_id": "d1", "idx": 0, "start": 0, "end": len(lede), "text": lede,
                        "published": "2023-06-04", "title": "Forum speech"}}
    asked = []

    def get_chunks(ids):
        asked.append(list(ids))
        return {i: rows[i] for i in ids if i in rows}

    later = _passage("d1", "The minister repeated the warning to reporters.", "2023-06-04")  # a later passage of d1
    ledes = lede_passages(get_chunks, {"d1", "d2"}, [later])
    assert asked == [["d1-0000", "d2-0000"]]  # d2's lede is not in the catalog: left out
    assert [p.chunk.chunk_id for p in ledes] == ["d1-0000"] and ledes[0].chunk.published == "2023-06-04"
    entries = timeline("defence minister speech at the forum", [later, *ledes], {"d1"}, overlap_embed, all_supported)
    assert [(e.date, e.citations[0].chunk_id) for e in entries] == [("2023-06-04", "d1-0000")]
    assert lede_passages(get_chunks, {"d1"}, ledes) == []  # already in the evidence: not read again
