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
