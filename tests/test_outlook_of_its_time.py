"""An outlook is of the story's time (issue 10, s36; the s35 fresh user: the quick-start assessment's Outlook came
from the 2020 essay in a brief as of 2026-02-25).

Kind: a section of only forward roles (an outlook's forecasts, signals to watch: ``section_picks.FORWARD``) takes no
sentence of a document published more than ``hypotheses.MAX_AGE_DAYS`` before the newest on-topic one, as what
happened takes no such event: a forecast made six years earlier ("… the looming possibility of a new international
trade control scheme …") is another time's outlook. Undated documents cannot be placed and stay.
"""

from __future__ import annotations

from datetime import date

import pytest

from rag.writers.hypotheses import MAX_AGE_DAYS

TOPICS = ["Japan and China export controls", "export controls", "China's export restrictions on Japanese firms",
          "Japan's cybersecurity approval denial for Chinese battery makers", "technology leaks to China"]


@pytest.mark.parametrize("topic", TOPICS)
def test_no_forecast_of_another_time_is_the_outlook(sample_index, topic):
    from rag.pipeline import Engine

    brief = Engine.from_settings(sample_index[0]).write(topic, template="assessment")
    published = {s.index: s.published for s in brief.sources}
    dated = [date.fromisoformat(p) for p in published.values() if p]
    if not dated:
        return
    newest = max(dated)
    for name in ("outlook",):
        section = brief.section(name)
        for claim in section.claims if section else []:
            for cite in claim.citations:
                if published.get(cite.source):
                    age = (newest - date.fromisoformat(published[cite.source])).days
                    assert age <= MAX_AGE_DAYS, (topic, claim.text)


def test_the_quick_start_outlook_is_the_2026_reports(sample_index):
    from rag.pipeline import Engine

    brief = Engine.from_settings(sample_index[0]).write("Japan and China export controls", template="assessment")
    outlook = brief.section("outlook").claims
    assert outlook and all("2020 essay" not in (c.attribution or "") for c in outlook)
    assert not any("looming possibility of a new international trade control scheme" in c.text for c in outlook)
