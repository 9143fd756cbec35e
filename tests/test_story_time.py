"""A story is also a time (issue 10, item 1): a brief on a dated story keeps the sentences whose event time fits it.

The story's time is the years the topic names ("Japan's 2019 export curbs on South Korea"), else the years of its
dated on-topic reports. A sentence's event time is the years its paragraph names (not later than its publication:
"by 2030" is a forecast), else its document's publication year. A sentence of a later era (a 2026 digest paragraph
quoted in a brief on the 2019 curbs) is another story; an earlier year is the story's background; a document of the
story's time may recall any year; a broad topic with no dated reports ("Japan and China export controls") has no
time to keep to.
"""

from __future__ import annotations

from datetime import date

import pytest

from rag.writers.on_topic import fits_story_time, named_years, story_years


@pytest.mark.parametrize("text, years", [
    ("Japan's 2019 export curbs on South Korea", {2019}),
    ("China's 2010 rare earth embargo on Japan", {2010}),
    ("In July 2019, Tokyo tightened the approval process.", {2019}),
    ("the Huawei entity listing of May 2019 and its 2020 extension", {2019, 2020}),
    # a year that is part of a name, a decade, a model number: no time
    ("US-China technology rivalry and Made in China 2025", set()),
    ("Saudi Vision 2030 and the Gulf's chip ambitions", set()),
    ("export controls in the 1990s", set()),
    ("Lockheed's F-2019 prototype", set()),
    # a point of comparison: the story is of another year
    ("North Korea's first ICBM launch since 2017", set()),
    ("the yen's weakest level against the dollar since 1998", set()),
    ("China aims to refine 90% of rare earths at home by 2030.", set()),
])
def test_the_years_a_text_names_as_times(text, years):
    assert named_years(text) == years


def test_the_story_time_is_the_topics_year_else_its_reports_run_else_none():
    run = (date(2022, 8, 2), date(2022, 9, 20))
    assert story_years("Japan's 2019 export curbs on South Korea", run) == (2019, 2019)
    assert story_years("Pelosi's visit to Taiwan", run) == (2022, 2022)
    # a broad regional topic whose reports are undated keeps no time
    assert story_years("Japan and China export controls", None) is None


STORY_2019 = (2019, 2019)
STORY_2010 = (2010, 2010)


@pytest.mark.parametrize("paragraph, published, years, fits", [
    # a 2026 digest's paragraph on another story (the Korea chip hub) in a brief on the 2019 curbs
    ("South Korea's hub strategy reflects a bid to capture investment and talent.", "2026-06-30", STORY_2019, False),
    # ... and a paragraph of that digest that recalls the story's own year is of the story
    ("Relations have not recovered since Japan's 2019 curbs on photoresist exports to Korea.", "2026-06-30", STORY_2019, True),
    # a 2023 digest on gallium export controls in a brief on China's 2010 rare-earth embargo on Japan
    ("Beijing's gallium and germanium licensing could squeeze chipmakers.", "2023-07-05", STORY_2010, False),
    ("In 2010, China halted rare earth shipments to Japan after a boat collision.", "2023-07-05", STORY_2010, True),
    # a year after the publication is no event time: "in 2030" in a 2024 report is a plan, not of the 2010 story
    ("China aims to refine 90% of rare earths at home in 2030.", "2024-01-10", STORY_2010, False),
    # a follow-up report of the next year, an essay of the story's time recalling older history: both fit
    ("Japan diversified its rare earth supply after the embargo.", "2011-03-01", STORY_2010, True),
    ("During the Cold War, CoCom restricted exports to the Soviet bloc in 1949.", "2020-03-31", (2019, 2019), True),
    # an undated page: its related-story snippet of a later year is another story; a sentence naming no year stays
    ("In March 2025, Taiwan reported 2.63 million cyberattack attempts a day.", None, STORY_2019, False),
    ("Seoul plans to file a complaint with the WTO.", None, STORY_2019, True),
    # no story time (a broad topic, undated reports): everything fits
    ("South Korea's hub strategy reflects a bid to capture investment and talent.", "2026-06-30", None, True),
])
def test_a_sentence_fits_the_story_time_by_its_paragraph_or_its_publication(paragraph, published, years, fits):
    assert fits_story_time(paragraph, published, years) is fits


def test_a_brief_on_a_dated_story_quotes_no_other_era(sample_index):
    """The sample corpus: the 2026 Intelrift digest is about battery makers, China's smuggling cases and Korea's chip
    hub; none of it is quoted in a brief on Japan's 2019 curbs on South Korea, while a broad regional topic with
    undated reports still quotes the 2026 briefs."""
    from rag.pipeline import Engine

    engine = Engine.from_settings(sample_index[0])
    dated = engine.write("Japan's 2019 export curbs on South Korea", template="assessment")
    cited = {s.publisher for s in dated.sources}
    assert "Intelrift Intelligence Desk" not in cited and dated.sections
    broad = engine.write("Japan and China export controls", template="assessment")
    assert any(s.published and s.published.startswith("2026") for s in broad.sources)
