"""A news report's lede dates the story's events on the timeline (issue 10, a real event timeline; s60).

Kind: **the timeline keeps one dated event of several.** A brief over two reports of one story (Japan's chip-tool
controls of Monday, China's ban of Thursday) showed only Thursday: a day besides the main event's needed two
documents, or two sentences of one report, to give it, and the report of Tuesday gives Monday once, in its lede.
A brief over one report ("METI said on Monday that it will require licences … from November 1") had no timeline
at all: the role classifier read the lede's "will require" as a signal. A news report's lede (its first sentence
after the headline) states its main event and its day: it is an event for the timeline whatever the classifier
reads (as ``section_picks`` reads a lede for "What happened"), and its day counts as the report's own news
(``timeline._days``).

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

SEOUL_TOOLS = (
    "---\ntitle: Seoul to require licences for HBM packaging tool exports\npublisher: Han River Daily\n"
    "date: 2026-03-04\n---\n\n"
    "SEOUL — South Korea's trade ministry said on Tuesday that it will require licences for exports of seven types "
    "of high-bandwidth memory packaging tools from April 1.\n\n"
    "The ministry said the tools could help rivals build memory for AI accelerators.\n\n"
    "Korean toolmakers shipped about $2.1 billion of such equipment abroad last year, industry data show.\n")
BEIJING_PROBE = (
    "---\ntitle: China opens probe into Korean polysilicon after Seoul's tool curbs\npublisher: Asia Supply Monitor\n"
    "date: 2026-03-06\n---\n\n"
    "BEIJING — China's commerce ministry on Thursday opened an anti-dumping investigation into polysilicon "
    "imports from South Korea, two days after Seoul announced licences for memory packaging tool exports.\n\n"
    "A ministry spokesperson said the probe was a normal trade remedy and denied any link to Seoul's export "
    "licences.\n\n"
    "South Korea's trade ministry said it regretted the decision and would respond through the WTO if needed.\n")
TAIPEI_RULE = (
    "---\ntitle: Taiwan adds quantum components to export-control list\npublisher: Formosa Tech Wire\n"
    "date: 2026-04-16\n---\n\n"
    "TAIPEI — Taiwan's economy ministry said on Wednesday that it will require permits for exports of dilution "
    "refrigerators and cryogenic amplifiers to 14 countries from June 1.\n\n"
    "The ministry said the items could be used in quantum computers for military code-breaking.\n\n"
    "Taiwanese firms exported about NT$800 million of such parts last year.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("timeline_ledes"),
                             {"seoul.md": SEOUL_TOOLS, "beijing.md": BEIJING_PROBE, "taipei.md": TAIPEI_RULE})


def test_each_reports_lede_day_is_on_the_timeline(engine):
    brief = engine.write("South Korea memory tool export licences and China's polysilicon probe", template="situation")
    days = [c.date for c in brief.timeline]
    assert "2026-03-03" in days and "2026-03-05" in days, days


def test_a_single_reports_lede_stating_a_plan_is_its_event(engine):
    brief = engine.write("Taiwan quantum component export controls", template="situation")
    days = [c.date for c in brief.timeline]
    assert days == ["2026-04-15"], days
