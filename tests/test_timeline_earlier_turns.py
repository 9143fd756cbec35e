"""An earlier turn of a story, told by its own report's lede, is on the timeline of the later turn's brief (issue 10,
a real event timeline; s61).

Kind: **a story told by one report per turn shows only its main day.** A brief on a trade-secret case had two
reports: the sentencing ("The court on Tuesday sentenced …", written the next day) and, five weeks later, the appeal
("The appellate division on Friday rejected the appeal …"). Both ledes read as events and both are dated, yet the
timeline showed the appeal alone: a day besides the main one needed two sources, or two sentences of one report
within a week of the main day. A news report's lede states its own news, so the day it gives as the day it was
written (or the day before) is the story's turn when it comes before the main day. Not after it: a report whose lede
tells a later, other story (a visit after a phone call) moved the as-of day of two topics-news briefs (as-of 0.892 ->
0.838 when later ledes were shown too). A day a report recalls past its lede still needs the usual two sources.

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed

ARTICLES = [
    ("01_sentence.md", "Formosa Ledger", "2026-10-14", "Taiwan court jails engineer over 2nm process leak",
     "TAIPEI — Taiwan's Intellectual Property and Commercial Court on Tuesday sentenced a former Hsinchu Foundry "
     "engineer to nine years in prison for leaking 2-nanometre process data to a supplier's subsidiary.\n\n"
     "Two co-defendants received terms of two and three years, and the court fined the subsidiary NT$80 million.\n\n"
     "Prosecutors had sought a 14-year term for the engineer."),
    ("02_appeal.md", "Island Wire", "2026-11-20", "Taiwan appeals court upholds 2nm leak sentence",
     "TAIPEI — Taiwan's Intellectual Property and Commercial Court on Friday rejected a Japanese supplier's appeal "
     "in the 2-nanometre leak case, upholding the NT$80 million fine imposed on its subsidiary.\n\n"
     "The court also upheld the former Hsinchu Foundry engineer's nine-year term.\n\n"
     "The ruling can be appealed to the Supreme Court within 20 days."),
    ("03_postponed.md", "Han River Times", "2026-06-11", "Seoul postpones cloud security certification for Chinese provider",
     "SEOUL — South Korea's internet security agency on Wednesday postponed its decision on a cloud security "
     "certification for the Korean unit of a Chinese cloud provider, asking for more data on its key management.\n\n"
     "The agency said the review would resume once the documents were filed.\n\n"
     "The provider said it would cooperate fully."),
    ("04_granted.md", "Seoul Tech Daily", "2026-07-10", "Seoul grants cloud security certification to Chinese provider's unit",
     "SEOUL — South Korea's internet security agency on Thursday granted a cloud security certification to the "
     "Korean unit of a Chinese cloud provider after a two-month review of its key management.\n\n"
     "The certification lets the unit bid for contracts with local governments.\n\n"
     "Opposition lawmakers said the agency should publish its findings."),
    ("05_curbs.md", "Nikko Trade Journal", "2026-03-04", "Tokyo tightens export controls on gallium wafers",
     "TOKYO — Japan's trade ministry on Tuesday added gallium nitride wafers to the list of items that need an "
     "export licence, citing their use in military radar.\n\n"
     "The ministry said the rule would apply from April 1.\n\n"
     "Japanese wafer makers shipped about 40 billion yen of such wafers last year."),
    ("06_licences.md", "Asia Supply Monitor", "2026-04-02", "Japan issues first gallium wafer export licences under new rule",
     "TOKYO — Japan's trade ministry on Wednesday issued the first export licences for gallium nitride wafers under "
     "the rule that took effect on April 1, approving shipments to three European buyers.\n\n"
     "Applications for shipments to two Asian buyers remain under review.\n\n"
     "The ministry did not name the buyers."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("timeline_earlier_turns"),
                              {name: (title, publisher, day, body) for name, publisher, day, title, body in ARTICLES})


@pytest.mark.parametrize("topic, earlier, main", [
    ("Taiwan 2-nanometre leak court case", "2026-10-13", "2026-11-20"),
    ("South Korea grants cloud security certification to Chinese provider", "2026-06-10", "2026-07-09"),
    ("Japan issues gallium nitride wafer export licences", "2026-03-03", "2026-04-01"),
])
def test_an_earlier_reports_lede_day_is_on_the_later_turns_timeline(engine, topic, earlier, main):
    brief = engine.write(topic, template="situation")
    days = [c.date for c in brief.timeline]
    assert earlier in days, days
    assert days == sorted(days) and days[-1] >= main, days
