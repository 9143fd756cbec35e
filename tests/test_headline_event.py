"""A brief leads with the story's main event (issue 10, item 2), on reports written for this file.

The headline (situation) and the BLUF's first claim (assessment) are the main event as the story's news reports lead
with it, never a background sentence that shares the topic's words ("Vostok was heavily criticized last year for its
handling of space debris ..."), a reaction, or an aside with a reporting verb. Each story below has two or three news
reports whose ledes state the event with its day, and bodies that restate the topic around it, recall history, or
quote a reaction; a scene-setting opening ("Most weekends, the alleys ...") and the lede of a neighbouring story of the
same actors are not the main event either.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage


def report(text: str, *, doc: str, n: int, title: str, published: str = "2022-07-25") -> EvidencePassage:
    """A news report's opening passage (its first sentence is the lede)."""
    meta = {"title": title, "published": published, "publisher": doc, "kind": "news"}
    return EvidencePassage(f"S{n + 1}", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


ROCKET = ("Uncontrolled re-entry of a Vostok 7C rocket stage", [
    report("Vostok launched its 7C rocket from the Kestrel spaceport on Sunday, carrying a laboratory module to its station. "
           "Vostok was heavily criticized last year for its handling of rocket debris after another 7C rocket stage fell uncontrolled. "
           "The rocket's core stage is expected to re-enter the atmosphere uncontrolled within days, space trackers said. "
           "Rocket debris from uncontrolled re-entries of large stages has worried space agencies for years.",
           doc="k1", n=0, title="Vostok launches 7C rocket with lab module"),
    report("The Vostok 7C rocket that launched on Sunday left its 21-ton core stage in orbit, trackers said on Monday. "
           "Last year, the uncontrolled re-entry of a Vostok rocket stage drew criticism from space agencies around the world. "
           "Experts said the stage's re-entry point could not be predicted more than a few hours in advance.",
           doc="k2", n=1, title="Vostok rocket stage to fall back uncontrolled"),
], "launched", ("criticized", "criticism", "worried"))

VOTE = ("Ruling party wins Norland's upper house election", [
    report("Norland's ruling party won a majority in the upper house election on Sunday, official results showed. "
           "The ruling party has dominated Norland's upper house elections for decades, analysts said of the party's history. "
           "Upper house elections in Norland were long seen as a referendum on the ruling party, historians said. "
           "Turnout in the upper house election rose to 58 percent, the election commission said.",
           doc="v1", n=0, title="Ruling party wins Norland upper house vote", published="2022-07-11"),
    report("Norland's ruling party secured a clear majority in Sunday's upper house election, results published on Monday showed. "
           "The opposition leader said the ruling party's election win would not end the debate on the constitution. "
           "The ruling party has won every upper house election in Norland since 1990, records show.",
           doc="v2", n=1, title="Norland ruling party secures upper house majority", published="2022-07-11"),
], "won", ("dominated", "referendum", "every upper house election"))

QUAKE = ("The March earthquake off Eastshore", [
    report("A magnitude 7.3 earthquake struck off Eastshore late on Wednesday, killing three people and cutting power to two million homes. "
           "Eastshore was devastated by a powerful earthquake and tsunami eleven years ago, a disaster the region still remembers. "
           "The earthquake off Eastshore was felt in the capital, where buildings swayed, residents said. "
           "A tsunami advisory issued after the earthquake was lifted on Thursday morning, the weather agency said.",
           doc="q1", n=0, title="Earthquake off Eastshore kills three", published="2022-03-17"),
    report("A strong earthquake hit off the coast of Eastshore on Wednesday night, killing three people, officials said on Thursday. "
           "The earthquake off Eastshore struck in the same region as the devastating earthquake of eleven years ago, seismologists said. "
           "Railway services in Eastshore were suspended after the earthquake, the operator said.",
           doc="q2", n=1, title="Strong earthquake hits off Eastshore", published="2022-03-17"),
], "killing three", ("eleven years ago",))

AWARDS = ("Starfall's wins at the Lumen television awards", [
    report("The series Starfall won six awards at the Lumen television awards on Monday, including best drama and best lead actor for Mira Solenne. "
           "Starfall's creator said at the Lumen awards he hoped his award would not be his last. "
           "The Lumen awards have long favoured series from a handful of studios, critics of the awards said. "
           "Mira Solenne is the first actor from Veloria to win the Lumen award for best lead actor.",
           doc="a1", n=0, title="Starfall wins six Lumen awards", published="2022-09-13"),
    report("Starfall swept the Lumen television awards on Monday night, winning six awards, among them best drama. "
           "Starfall's win at the Lumen awards was celebrated in Veloria, where the president congratulated its cast. "
           "The creator of Starfall said on Tuesday that a second season of the series was in the works.",
           doc="a2", n=1, title="Starfall sweeps Lumen awards", published="2022-09-13"),
], "six awards", ("hoped", "long favoured"))

STORIES = [ROCKET, VOTE, QUAKE, AWARDS]


def first_claim(writer, library, topic, evidence, template):
    draft = writer.write(topic, library.get(template), evidence, as_of=None)
    assert not draft.abstain, draft.notes
    first = draft.sections[0]
    assert first.name in ("headline", "bluf") and first.claims, first
    return first.claims[0].text


@pytest.mark.parametrize("template", ["situation", "assessment"])
@pytest.mark.parametrize("topic,evidence,event,background", STORIES, ids=[s[0][:24] for s in STORIES])
def test_the_brief_leads_with_the_main_event_its_reports_lead_with(writer, library, template, topic, evidence, event, background):
    lead = first_claim(writer, library, topic, evidence, template)
    assert event in lead, lead
    assert not any(b in lead for b in background), lead


def test_a_scene_setting_opening_is_not_the_main_event(writer, library):
    topic = "The Halloween crowd crush in Marrow's Old Quarter"
    evidence = [
        report("Most weekends, the narrow alleys of the Old Quarter, Marrow's nightlife district, are busy with partygoers and tourists. "
               "At least 150 people were killed on Saturday night in a crowd crush in an alley of the Old Quarter during Halloween celebrations, officials said. "
               "The Old Quarter crush was the deadliest disaster in Marrow in years, the mayor said on Sunday.",
               doc="h1", n=0, title="Crowd crush in Marrow's Old Quarter", published="2022-10-30"),
        report("A crowd crush during Halloween celebrations in Marrow's Old Quarter killed at least 150 people on Saturday night, officials said on Sunday. "
               "The Old Quarter's alleys are popular with young people at Halloween, residents said. "
               "Police said an investigation into the crush in the Old Quarter had begun.",
               doc="h2", n=1, title="Halloween crush kills 150 in Marrow", published="2022-10-30"),
    ]
    lead = first_claim(writer, library, topic, evidence, "situation")
    assert "killed" in lead, lead
    assert not lead.startswith("Most weekends"), lead


def test_agreement_among_the_ledes_picks_the_event_over_a_report_of_the_plan(writer, library):
    topic = "Speaker Dalen's visit to the island of Varna"
    evidence = [
        report("Speaker Dalen is expected to visit Varna as part of her tour of the region, according to two officials.",
               doc="p0", n=0, title="Dalen expected to visit Varna", published="2022-08-01"),
        report("Speaker Dalen landed in Varna on Tuesday evening, a visit that drew warnings from Ostland. "
               "Ostland said Dalen's visit to Varna was a provocation, its foreign ministry said.",
               doc="p1", n=1, title="Dalen lands in Varna", published="2022-08-02"),
        report("Speaker Dalen landed in Varna on Tuesday, the highest-ranking visitor to the island in decades. "
               "Dalen met Varna's president on Wednesday morning at the presidential palace, the palace said.",
               doc="p2", n=2, title="Dalen arrives in Varna despite warnings", published="2022-08-02"),
    ]
    lead = first_claim(writer, library, topic, evidence, "situation")
    assert "landed" in lead, lead


def essay(text: str, *, doc: str, n: int, title: str, published: str = "2020-03-31") -> EvidencePassage:
    """An opinion essay's passage: written about the topic's very words, it reports no event of the story."""
    meta = {"title": title, "published": published, "publisher": doc, "kind": "opinion essay"}
    return EvidencePassage(f"S{n + 1}", Chunk(f"{doc}-0003", doc, text, 900, 900 + len(text), 3, meta), 1.0)


ESSAY_STORIES = [
    ("Ostland and Varna export controls", [
        essay("Ostland must step up its export controls on Varna extensively, and export controls on Varna should be "
              "coordinated among allies. Export controls against Varna need a new export control system.",
              doc="e1", n=0, title="How Ostland should reform its export controls"),
        report("Ostland asked its allies on Tuesday to join new curbs on chip equipment sales to Varna, officials said. "
               "The request was conveyed by Ostland's trade minister, according to two people familiar with it.",
               doc="r1", n=1, title="Ostland seeks allies' help on chip curbs", published="2022-10-11"),
    ], "asked its allies"),
    ("Drone exports and sanctions on Norland", [
        essay("Sanctions on Norland should target drone exports, and drone export sanctions on Norland must be "
              "tightened. Drone exports to Norland are the test of any sanctions policy.",
              doc="e2", n=0, title="Why drone sanctions on Norland must be tightened"),
        report("Three firms were fined on Friday for shipping drone parts to Norland in breach of sanctions, prosecutors said. "
               "The firms sent 400 drone engines through a third country, the prosecutors said.",
               doc="r2", n=1, title="Firms fined over drone parts for Norland", published="2022-05-20"),
    ], "were fined"),
]


@pytest.mark.parametrize("template", ["situation", "assessment"])
@pytest.mark.parametrize("topic,evidence,event", ESSAY_STORIES, ids=[s[0][:24] for s in ESSAY_STORIES])
def test_an_essay_written_about_the_topics_words_does_not_outrank_the_event_the_news_leads_with(
        writer, library, template, topic, evidence, event):
    lead = first_claim(writer, library, topic, evidence, template)
    assert event in lead, lead
