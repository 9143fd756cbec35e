"""A brief's "what happened" takes the story's facts, not only restatements of its topic (issue 10: key facts), on
reports written for this file.

Three reports of one story each restate the topic several ways and each also states facts the topic does not name
(the suspect's name, the charge, the river a missile fell in). A section with fewer slots than restatements must
still quote those facts: the writer prefers, among on-topic sentences of the section's roles, the one that adds the
story terms the reports share (``rag.writers.story_terms``) and the brief has not yet said.
"""

from __future__ import annotations

from rag.types import Chunk
from rag.writers.base import EvidencePassage


def passage(text: str, *, doc: str, n: int, title: str) -> EvidencePassage:
    meta = {"title": title, "published": "2022-10-29", "publisher": doc}
    return EvidencePassage(f"S{n + 1}", Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta), 1.0)


TOPIC = "Attack on the mayor's husband at the couple's home in Riverton"

ATTACK = [
    passage("The husband of Riverton's mayor was attacked at the couple's home early on Friday, police said. "
            "The mayor's husband was taken to hospital after the attack at the couple's home in Riverton, officials said. "
            "The attack at the mayor's home shocked residents of Riverton, the city council said. "
            "Police identified the suspect in the attack on the mayor's husband as Dale Morrow, 44, who broke in with a hammer.",
            doc="r1", n=0, title="Mayor's husband attacked at Riverton home"),
    passage("An intruder attacked the mayor's husband at their Riverton home on Friday, the police chief said. "
            "The mayor condemned the attack on her husband at their home, her office said. "
            "Riverton police said the attack on the mayor's husband was under investigation. "
            "Dale Morrow was charged with attempted murder over the attack on the mayor's husband, prosecutors said.",
            doc="r2", n=1, title="Riverton mayor's husband hurt in home attack"),
    passage("The mayor's husband remained in hospital on Saturday after the attack at the couple's Riverton home, police said. "
            "Officials in Riverton said the attack at the mayor's home was being treated seriously. "
            "Council members said the attack on the mayor's husband at home was an attack on the city. "
            "Morrow, who attacked the mayor's husband with a hammer, faces attempted murder charges, prosecutors said.",
            doc="r3", n=2, title="Suspect charged in attack on Riverton mayor's husband"),
]


def test_what_happened_quotes_the_suspect_and_the_charge_the_reports_share(writer, library):
    draft = writer.write(TOPIC, library.get("situation"), ATTACK, as_of=None)
    assert not draft.abstain
    happened = " ".join(c.text for s in draft.sections if s.name in ("headline", "summary") for c in s.claims)
    assert "Morrow" in happened, happened
    assert "attempted murder" in happened, happened


MISSILE_TOPIC = "Northland fires a missile over Southland"

MISSILE = [
    passage("Northland fired a missile over Southland on Tuesday, Southland's defence ministry said. "
            "The missile fired by Northland flew over Southland before falling into the sea, officials said. "
            "Southland condemned Northland's missile launch over its territory, the foreign ministry said. "
            "The missile flew about 3,900 kilometers over the Kestrel Peninsula, the defence ministry said.",
            doc="m1", n=0, title="Northland fires missile over Southland"),
    passage("Northland's missile launch over Southland drew condemnation from its neighbours on Tuesday, officials said. "
            "Southland's prime minister said the missile fired over Southland was a reckless act by Northland. "
            "Residents of the Kestrel Peninsula were told to take shelter as the missile flew over Southland, officials said. "
            "The launch of the missile over Southland was Northland's fifth this month, officials said.",
            doc="m2", n=1, title="Southland condemns Northland missile launch"),
    passage("The missile Northland fired over Southland landed in the sea, Southland's coast guard said on Tuesday. "
            "Northland's missile over Southland raised tension in the region, Southland officials said. "
            "Southland said the missile fired by Northland had flown over its territory without warning. "
            "Trains on the Kestrel Peninsula stopped after the missile flew over Southland, about 3,900 kilometers in all, officials said.",
            doc="m3", n=2, title="Northland missile lands in sea after flying over Southland"),
]


def test_key_developments_quote_the_region_and_distance_the_reports_share(writer, library):
    draft = writer.write(MISSILE_TOPIC, library.get("assessment"), MISSILE, as_of=None)
    assert not draft.abstain
    happened = " ".join(c.text for s in draft.sections if s.name in ("bluf", "developments") for c in s.claims)
    assert "Kestrel" in happened, happened
    assert "3,900" in happened, happened


def situation_text(writer, library, topic, evidence, sections=("headline", "summary", "background")) -> str:
    draft = writer.write(topic, library.get("situation"), evidence, as_of=None)
    assert not draft.abstain, draft.notes
    return " ".join(c.text for s in draft.sections if s.name in sections for c in s.claims)


PROTEST_TOPIC = "Protests in Lirden against the lockdown after the Oskar Street fire"

#: each report restates the protests and the fire in the topic's words; the fact the reports share (what the
#: protesters held up) uses none of them, so its cosine to the topic is far below the restatements' (0.12-0.14)
PROTEST = [
    passage("Protests against the lockdown spread across Lirden after the deadly Oskar Street fire, police said. "
            "The Oskar Street fire sparked protests against the lockdown in several districts of Lirden, officials said. "
            "Anger over the lockdown grew after the fire on Oskar Street, residents of Lirden said. "
            "Many held up blank sheets of white paper, a symbol of the words they cannot say, witnesses said. "
            "Some chanted \"Free speech now\" outside the city hall, witnesses said.",
            doc="p1", n=0, title="Lirden protests spread after Oskar Street fire"),
    passage("Lirden saw more protests against the lockdown on Sunday after the Oskar Street fire, police said. "
            "The lockdown protests in Lirden followed the fire on Oskar Street that killed ten people, officials said. "
            "Protesters in Lirden blamed the lockdown for the deaths in the Oskar Street fire, residents said. "
            "Students held blank sheets of paper in silence on the university's steps, a student said. "
            "Crowds chanted \"Free speech now\" as police watched, a witness said.",
            doc="p2", n=1, title="Lockdown protests grow in Lirden"),
]


def test_what_happened_quotes_the_blank_sheets_not_only_restatements(writer, library):
    happened = situation_text(writer, library, PROTEST_TOPIC, PROTEST)
    assert "blank sheets" in happened, happened


CHARGE_TOPIC = "Arrest of the man who attacked Senator Hale's office in Tarrow"

#: the charge and the sentence it carries are stated in a sentence that barely names the topic (its cosine to the
#: topic is far below the restatements'): an on-topic report's fact, not an aside
CHARGE = [
    passage("Police arrested a man who attacked Senator Hale's office in Tarrow on Friday, police said. "
            "The man who attacked the senator's office in Tarrow was arrested at the scene, officials said. "
            "Senator Hale said she was grateful to the police in Tarrow after the attack on her office. "
            "Brant Kessel, 39, faces 12 years to life in prison if convicted of charges including attempted murder and arson.",
            doc="c1", n=0, title="Man arrested after attack on Senator Hale's office"),
    passage("The attack on Senator Hale's office in Tarrow ended with an arrest on Friday, police said. "
            "Officers arrested the man who attacked the Tarrow office of Senator Hale within minutes, the police chief said. "
            "Kessel pleaded not guilty to attempted murder and arson at his first court hearing on Monday.",
            doc="c2", n=1, title="Arrest in attack on Senator Hale's office"),
]


def test_the_charge_an_on_topic_report_states_is_quoted_though_it_barely_names_the_topic(writer, library):
    happened = situation_text(writer, library, CHARGE_TOPIC, CHARGE)
    assert "Kessel" in happened, happened
    assert "attempted murder" in happened, happened
