"""Each implications sub-section of an assessment holds judgements of its own dimension, or says there is none (issue
10, item 2), on stories written for this file.

The tn-004 brief (China's drills after the Pelosi visit) listed under "Implications: economic" that "any move that
appears to lend Taiwan a sense of international legitimacy is strongly opposed by China": the economic slot took
the best remaining judgement whatever it was about. A dimension's section now quotes only a sentence that says so in
its words (the section's ``require_cues``: the political, security, cyber or economic cue family); when no
judgement does, the section is empty and the brief says "No evidence in the corpus for implications: economic."
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.sentence_cues import CUES

DIMENSIONS = {"implications_political": "political", "implications_security": "security",
              "implications_cyber": "cyber", "implications_economic": "economic"}


def passage(text: str, *, doc: str, n: int = 0, published: str = "2023-05-10") -> EvidencePassage:
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, {"title": "", "published": published, "publisher": doc})
    return EvidencePassage(f"S{n + 1}", chunk, 1.0)


# Each story: its topic, its passages, and whether one of its judgements is economic. The judgements that are of no
# dimension ("is strongly opposed by", "could be an unpleasant surprise") are the kind that filled the slots.
STORIES = [
    ("China's naval drills near the Philippines after the base deal", [
        passage("China's navy held drills near the Philippines on Monday, days after Manila gave US forces access to four "
                "more bases. The drills involved two destroyers and a supply ship, the Philippine coast guard said. "
                "Any move that appears to expand the US presence in the region is strongly opposed by China. "
                "Analysts said the drills could strain diplomatic relations between Manila and Beijing.", doc="ph1"),
        passage("The Philippine defence ministry said it was monitoring the Chinese ships. "
                "The drills may raise the risk of a military confrontation in the South China Sea, experts warned. "
                "Making assumptions about how Beijing will respond might mean Manila is in for an unpleasant surprise.",
                doc="ph2", n=1),
    ], False),
    ("North Korea's satellite launch failure", [
        passage("North Korea's attempt to put a spy satellite into orbit failed on Wednesday when the rocket crashed into "
                "the sea, state media said. South Korea's military recovered debris from the rocket. "
                "The failure is likely to be a setback for Kim Jong Un, who has called the satellite a priority. "
                "The launch could deepen tensions with Seoul and Tokyo and complicate diplomatic efforts.", doc="nk1"),
        passage("Japan briefly issued an emergency alert for Okinawa. "
                "A working spy satellite would improve North Korea's ability to target missile strikes, analysts said. "
                "What Pyongyang does next is anyone's guess.", doc="nk2", n=1),
    ], False),
    ("Japan's curbs on chip equipment exports to China", [
        passage("Japan said on Friday it would restrict exports of 23 types of chipmaking equipment to China. "
                "The trade ministry said the curbs on chip equipment exports take effect in July. "
                "Analysts said Japan's curbs on chip equipment exports to China are likely to hurt Japanese companies "
                "and the chip equipment market. "
                "The move is likely to anger Beijing and could strain relations between the two governments.", doc="jp1"),
        passage("China's commerce ministry said it firmly opposed Japan's curbs on chip equipment exports. "
                "Such a decision is always a difficult one for any country.", doc="jp2", n=1),
    ], True),
    ("Hackers steal Medibank customer data", [
        passage("Medibank said on Monday that hackers had stolen data on 9.7 million customers. "
                "The company refused to pay a ransom, and the hackers began publishing records. "
                "The breach may expose millions of people to identity fraud and further cyber attacks, analysts said. "
                "It is a moment many will remember for a long time.", doc="au1"),
        passage("Australia's government said it would toughen penalties for companies that fail to protect data. "
                "The attack could strain diplomatic relations with Russia if officials confirm the hackers are based there.",
                doc="au2", n=1),
    ], False),
    ("Protests in Mongolia over coal corruption", [
        passage("Thousands of protesters rallied in Ulaanbaatar on Monday over allegations that officials stole coal "
                "bound for China. Police detained dozens of people near the government palace. "
                "The scandal could weigh on Mongolia's exports and deter foreign investment in its mining industry. "
                "The protests may put pressure on the government to resign, analysts said.", doc="mn1"),
        passage("Prime Minister Oyun-Erdene promised to name the officials involved. "
                "Nobody can say what will come of it.", doc="mn2", n=1),
    ], True),
]


@pytest.mark.parametrize("topic, evidence, economic", STORIES, ids=[s[0][:30] for s in STORIES])
def test_an_implications_sub_section_quotes_only_sentences_of_its_dimension(writer, library, topic, evidence, economic):
    draft = writer.write(topic, library.get("assessment"), evidence, as_of=None)
    assert not draft.abstain
    claims = {s.name: [c.text for c in s.claims] for s in draft.sections}
    implications = [(name, t) for name in DIMENSIONS for t in claims.get(name, [])]
    for name, text in implications:
        assert CUES[DIMENSIONS[name]].search(text), (name, text)
        assert not text.startswith(("Any move", "Making assumptions", "What Pyongyang", "Such a decision",
                                    "It is a moment", "Nobody can say")), (name, text)
    if not economic:  # no judgement of the story speaks of trade, markets, companies or investment
        assert claims["implications_economic"] == [], claims["implications_economic"]


@pytest.mark.parametrize("text, dimension", [
    ("Analysts said the curbs are likely to hurt Japanese companies and the chip equipment market.", "economic"),
    ("The scandal could deter foreign investment in Mongolia's mining industry.", "economic"),
    ("The launch could deepen tensions with Seoul and complicate diplomatic efforts.", "political"),
    ("The drills may raise the risk of a military confrontation in the South China Sea.", "security"),
    ("The breach may expose millions of people to further cyber attacks.", "cyber"),
    # a currency's or a budget's consequences are economic too, not only trade's (the pound's crash, tn-035)
    ("What some fear is that the tax cuts and borrowing to fund public spending are a disastrous combination.", "economic"),
    ("A weaker currency could push inflation higher and tip the country into recession.", "economic"),
    ("The result could weaken the opposition's hold on parliament before the next election.", "political"),
    ("The drills could be followed by a blockade of the island's ports.", "security"),
    ("Any move that appears to lend the island international legitimacy is strongly opposed by Beijing.", "political"),
    ("The visit was a test of how far the speaker was willing to go.", None),
    ("Making assumptions about how Beijing will respond might mean Manila is in for an unpleasant surprise.", None),
])
def test_a_judgement_is_taken_by_the_sub_section_of_its_dimension_only(library, text, dimension):
    from rag.writers.candidates import candidates
    from rag.writers.section_picks import SectionPicking

    cands, _ = candidates([passage(text, doc="x")])
    (cand,) = cands
    cand.role = "judgement"
    taken = {DIMENSIONS[s.name] for s in library.get("assessment").sections
             if s.name in DIMENSIONS and SectionPicking._accepts(s, cand)}
    assert taken == ({dimension} if dimension else set())


def test_the_assessment_template_names_each_dimensions_cue_family_as_required(library):
    spec = library.get("assessment")
    for name, family in DIMENSIONS.items():
        assert spec.section(name).require_cues == (family,)
    economic = spec.section("implications_economic")
    assert economic.required and economic.empty_text() == "No evidence in the corpus for implications: economic."
