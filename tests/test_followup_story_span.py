"""A story is a passage span of a document, not the document: a follow-up stays on the previous answer's story.

s31's fresh user: ``printf 'What did Japan deny Chinese battery makers?\\n…\\nWhy?\\n' | brief chat`` answered
"Why?" with "In parallel, a separate report from Taipei Times the same day says tech executives are being held in
China …": the generated brief tells three stories (Japan's battery denial, China's chip-smuggling case, Korea's chip
hub) in one paragraph, and keeping the follow-up to the previous answer's file (``stay_on_story``) kept all three.
The kind: within a document holding what the previous answer said, a candidate sentence is on that story when it is
a said passage, shares a story word with the said passages (not a place, number or reporting word), or comes right
after a said passage without turning to another story ("In parallel, a separate report …", "Separately, …").

Unit level over hand-made digests (``followup.on_story``); end to end over the sample corpus.
"""

from __future__ import annotations

import pytest

from rag.followup import on_story, turns_story
from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.types import Turn

# the sample corpus's generated brief (000_580d63be879a1666.txt), its first paragraph's sentences in order
BATTERY = ("Japan has reportedly denied cybersecurity approval for Chinese storage battery makers, tightening scrutiny on "
           "cross-border hardware used in critical infrastructure and energy systems.")
DECISION = ("The decision, reported on 2026-06-30 by Nikkei Asia, signals that Tokyo is treating battery supply chains as "
            "a security domain rather than a purely industrial one.")
SMUGGLING = ("In parallel, a separate report from Taipei Times the same day says tech executives are being held in China "
             "in connection with a chip smuggling case.")
DETAILS = ("While details are not provided in the excerpt, the fact pattern points to enforcement pressure on "
           "semiconductor-related illicit trade and export-control circumvention.")
GATEKEEPING = ("Japan’s cybersecurity gatekeeping benefits domestic compliance ecosystems and can steer procurement toward "
               "vetted suppliers, potentially disadvantaging Chinese manufacturers seeking market access.")
POLICING = ("China’s chip-smuggling case, meanwhile, suggests Beijing is both policing leakage of advanced know-how and "
            "managing the political risk of external constraints on its semiconductor ambitions.")
DENIAL_MARKET = ("Japan’s denial of cybersecurity approval can raise near-term uncertainty for Chinese storage battery "
                 "makers and may support demand for alternative suppliers.")


def test_the_battery_story_of_the_sample_digest_leaves_out_its_chip_smuggling_story():
    sentences = [BATTERY, DECISION, SMUGGLING, DETAILS, GATEKEEPING, POLICING, DENIAL_MARKET]
    follows = [None, 0, 1, 2, 3, 4, 5]
    kept = on_story(sentences, ["000"] * len(sentences), [BATTERY, DECISION], follows)
    assert kept == [True, True, False, False, True, False, True]


# hand-made digests: several stories in one paragraph, the previous answer quoting one of them
TESLA = [
    "Tesla recalled 2,000 Model Y cars over faulty seat belts.",
    "Regulators said the seat belts may detach in a crash.",
    "Separately, Ford announced a new battery plant in Kentucky.",
    "The plant will employ 2,500 workers.",
    "Owners of the recalled cars will be offered free repairs.",
]
FOOTBALL = [
    "Real Madrid beat Barcelona 2-1 in the Clásico on Sunday.",
    "Vinícius scored the winner in the 89th minute.",
    "Meanwhile, Alcaraz won the Open final in straight sets.",
    "The tennis champion thanked his coach.",
]
CHIPS = [
    "The Dutch government widened its licence requirement for ASML's immersion lithography tools.",
    "In a separate case, prosecutors in Seoul indicted two engineers for leaking memory designs.",
    "The engineers allegedly took the designs to a rival in Shenzhen.",
    "ASML said the licence rule would not change its annual guidance.",
]


@pytest.mark.parametrize("sentences, said, expected", [
    # the sentence after the quoted one goes on with its story; the turn ("Separately, …") and what follows it do not
    (TESLA, [TESLA[0]], [True, True, False, False, True]),
    # the next sentence shares no word with the quoted one but goes on with it; "Meanwhile, …" turns away
    (FOOTBALL, [FOOTBALL[0]], [True, True, False, False]),
    # "In a separate case, …" turns to another story; the licence story comes back by its own words
    (CHIPS, [CHIPS[0]], [True, False, False, True]),
    # quoting the second story keeps it and its continuation, not the first story's sentences
    (CHIPS, [CHIPS[1]], [False, True, True, False]),
])
def test_a_digest_paragraph_is_cut_to_the_quoted_story(sentences, said, expected):
    follows = [None] + list(range(len(sentences) - 1))
    assert on_story(sentences, ["d"] * len(sentences), said, follows) == expected


def test_sentences_of_other_documents_are_not_judged():
    sentences = TESLA[:3] + ["Ford's plant is its third battery plant in the state."]
    docs = ["digest", "digest", "digest", "news"]
    assert on_story(sentences, docs, [TESLA[0]], [None, 0, 1, None]) == [True, True, False, True]


@pytest.mark.parametrize("said", [(), ("A sentence the evidence does not hold, about something else entirely.",)])
def test_nothing_said_found_again_keeps_every_sentence(said):
    assert on_story(TESLA, ["d"] * len(TESLA), said, [None, 0, 1, 2, 3]) == [True] * len(TESLA)


@pytest.mark.parametrize("sentence, turns", [
    (SMUGGLING, True), ("Separately, Ford announced a plant.", True), ("Meanwhile, Seoul protested.", True),
    ("In a separate case, prosecutors indicted two engineers.", True), ("Another report said the port was shut.", True),
    ("“Elsewhere, the market fell.”", True),
    # a report's own switch (story_switch_openers.txt) turns a digest too
    ("In related news, Tokyo tightened checks on chip tools.", True), ("In other news, the yen fell.", True),
    ("On a separate note, the ministry named a new envoy.", True),
    (DECISION, False), ("The separate approval process remains.", False), ("Regulators said the belts may detach.", False),
])
def test_what_turns_a_digest_to_another_story(sentence, turns):
    assert turns_story(sentence) is turns


# -- end to end over the sample corpus ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def _shown(engine: Engine, question: str, history: list[Turn]) -> str:
    return answer_with_sources(engine.write(question, template="answer", history=history)).split("\n\nSources:")[0]


@pytest.mark.parametrize("follow_up", ["Why?", "When?"])
def test_a_follow_up_on_the_battery_answer_stays_on_the_battery_story(sample_engine, follow_up):
    question = "What did Japan deny Chinese battery makers?"
    first = _shown(sample_engine, question, [])
    assert "battery" in first
    text = _shown(sample_engine, follow_up, [Turn("user", question), Turn("assistant", first)])
    assert "smuggling" not in text and "chip hub" not in text, text
    assert "battery" in text, text
