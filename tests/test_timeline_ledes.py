"""A news report's lede dates its event when no other sentence reads as one (issue 10, a real event timeline; s60).

Kind: **a one-report brief has no timeline because its lede announces a plan.** A brief over one report ("METI
said on Monday that it will require licences … from November 1") had no timeline at all: the role classifier read
the lede's "will require" as a signal, and no other dated sentence was an event. When no dated sentence reads as an
event, a news report's lede (its first sentence after the headline) is one: it states the report's main event and
its day (as ``section_picks`` reads a lede for "What happened"). Not beside other dated events: as a rule for every
brief, a competing report's lede became the main event of two topics-news briefs (as-of accuracy 0.892 -> 0.838),
so a second report's lede day is still shown only as the timeline's other days are (two sources, or two sentences).

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


@pytest.mark.parametrize("topic, day", [
    ("Taiwan quantum component export controls", "2026-04-15"),
    ("Seoul HBM packaging tool export licences", "2026-03-03"),
])
def test_a_single_reports_lede_stating_a_plan_is_its_event(engine, topic, day):
    brief = engine.write(topic, template="situation")
    days = [c.date for c in brief.timeline]
    assert days == [day], days
