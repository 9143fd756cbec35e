"""Page furniture is one list for every section and the timeline (``rag/text/data/boilerplate_patterns.txt``).

Photo captions date a picture, not the story, and credit lines name a photographer, not an actor: no section
quotes them and no timeline shows them. The patterns were the timeline's alone; the timeline now reads them
through the shared ``sentence_cues.is_boilerplate``. Inputs here are written for this file (not the topics' own).
"""

from __future__ import annotations

import pytest

from rag.writers.sentence_cues import is_boilerplate, junk_reason
from rag.writers.timeline import is_caption

CAPTIONS = [
    # a credit line run into the caption: agencies joined by slashes, then a capitalised scene
    "Kim Hong-Ji/Reuters Rescue workers carry a stretcher through the alley after the crush.",
    "Yuichi Yamazaki/AFP/Getty Images Voters queue outside a polling station in Nara.",
    "Ahn Young-joon/AP Students hold candles during a vigil near the station.",
    "STR/AFP/Getty Images Smoke rises from the volcano as ash falls on nearby towns.",
    # "<photographer> for <outlet>" before the caption
    "Lam Yik Fei for The New York Times Police officers stand guard near the bridge in Beijing.",
    "Tomohiro Ohsumi for NHK Workers leave the plant at the end of a shift.",
    # a gallery's counter and a caption's "From left," / "Left to right:"
    "Hide Caption 7 of 21 Demonstrators hold blank sheets of paper at a protest in Shanghai.",
    "From left to right, the finance ministers of Japan, South Korea and China pose before the meeting.",
    "Left to right: the three candidates debate on the broadcaster's stage before the vote.",
    "From left are former prime ministers Aso, Kishida and Suga, speaker Nukaga and the chief cabinet secretary.",
    "Pictured from left are the chief executives of the three chipmakers at the signing in Hsinchu.",
    "Standing from left are the trade ministers of the seven countries before the summit dinner.",
]

PROSE = [
    "The US/Japan alliance was strengthened by the new defence agreement signed on Tuesday.",
    "Calls for North Korea to return to talks were rejected by Pyongyang on Friday.",
    "Support for the ruling party rose after the assassination, a Kyodo poll found.",
    "From right-wing lawmakers to business groups, critics attacked the new rules on Monday.",
    "Reuters/Ipsos polling showed that most voters backed the measure.",
    "Police in Seoul said 156 people died in the crowd crush in Itaewon on Saturday night.",
    # a title or an organisation "for" a field, not a photographer for an outlet
    "Japan's Minister for Economic Security Sanae Takaichi said the rules would take effect in May.",
    "The Institute for Security Studies Director warned that the pact could change the region.",
    "Campaigning For Democracy Network organisers said 3,000 people attended the rally.",
]


@pytest.mark.parametrize("text", CAPTIONS)
def test_photo_captions_and_credit_lines_are_furniture_for_every_section(text):
    assert is_boilerplate(text)
    assert junk_reason(text) == "boilerplate"  # the writer drops it before any section sees it
    assert is_caption(text)  # and the timeline reads the same list


@pytest.mark.parametrize("text", PROSE)
def test_news_prose_with_slashes_names_or_directions_is_not_furniture(text):
    assert not is_boilerplate(text)
    assert junk_reason(text) is None


EDITORS_NOTES = [
    "This story and headline have been updated with additional developments.",
    "This article was updated to correct the spelling of the minister's name.",
    "This report has been revised to include comment from the trade ministry.",
    "Kyodo's Aiko Tanaka contributed to this report.",
    "(Reuters' Jane Doe and John Roe contributed reporting to this story.)",
    "Editor’s Note: A version of this story first appeared in a weekly newsletter on East Asian trade.",
    "EDITOR'S NOTE: Our reporters are on the ground in Hualien after the earthquake.",
]

NEWS_ABOUT_UPDATES = [
    "This update to the export rules has been criticised by chipmakers in Taiwan and South Korea.",
    "The ministry said the list of restricted items would be updated to include lithography tools.",
    "Japan contributed $3 billion to the fund, the finance ministry said on Monday.",
    "Samsung said its chip business contributed the most to the quarter's operating profit.",
]


@pytest.mark.parametrize("text", EDITORS_NOTES)
def test_editors_notes_and_contributor_lines_are_furniture(text):
    assert junk_reason(text) == "boilerplate"  # never quoted, nor joined to the sentence before as its context


@pytest.mark.parametrize("text", NEWS_ABOUT_UPDATES)
def test_news_about_updates_or_contributions_is_not_furniture(text):
    assert junk_reason(text) is None
