"""A reason the actor denied is not the actor's reason (issue 10, item 8; fresh user s27: "Why did Tokyo say it did
so?" added the report's court-rulings context, a link Japanese officials rejected).

An answer to "why did X say …?" gives X's stated reason first; another party's explanation follows only attributed
to that party and, where the source says X denies it, with that denial. End to end through the real Engine over six
short reports written for this test (tests/data/stated_reason/: each an act, the actor's stated reason, and another
explanation, denied by the actor in three, two of them across a photo caption), and over the sample corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

from evals.rtqa_answers import answer_text
from rag.pipeline import Engine
from rag.types import Turn
from rag.writers.stated_reason import denies, said_by, stated_reason_actor

DATA = Path(__file__).resolve().parent / "data" / "stated_reason"
JAPAN = frozenset({"japan"})


@pytest.mark.parametrize("question, actor", [
    ("Why did Tokyo say it did so?", JAPAN),
    ("Why, according to Japan, were the controls tightened?", JAPAN),
    ("What reason did Seoul give for the complaint?", None),  # no stating cue of the list: "give" alone is not one
    ("Why did Chile say it suspended copper shipments?", frozenset({"chile"})),
    ("Why did Nvidia say it halted sales?", frozenset({"nvidia"})),
    ("Why did Japan tighten controls?", None),  # asks why, not the reason Japan gave
    ("What did Tokyo say in response?", None),  # asks no reason
    ("Why did Tokyo say it did so? (Japan materials restrict export South Korea)", JAPAN),  # carried words aside
])
def test_the_actor_whose_stated_reason_is_asked(question, actor):
    assert stated_reason_actor(question) == actor


@pytest.mark.parametrize("text, actor, by, denied", [
    ("Japanese officials have said that the decision was based on a lack of trust.", JAPAN, True, False),
    ("Japan’s trade measures followed South Korean court rulings ordering Japanese firms to compensate plaintiffs.",
     JAPAN, False, False),
    ("Such materials can only be exported to trustworthy partners, Japanese officials have said. They have rejected "
     "suggestions that the move was driven by worsening ties.", JAPAN, True, True),
    ("Chile's mining minister has denied that the suspension was linked to the criticism of the tax.",
     frozenset({"chile"}), False, True),
    ("Analysts in Nairobi said the grounding was a response to the airline's refusal to pay new fees.",
     frozenset({"kenya"}), False, False),
    ("South Korean officials have rejected suggestions that the complaint was driven by the election.",
     JAPAN, False, False),  # someone else's denial is not the actor's
])
def test_who_gives_a_reason_and_who_denies_one(text, actor, by, denied):
    assert said_by(text, actor) is by
    assert denies(text, actor) is denied


# -- end to end -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("stated_reason") / "data", DATA)


def follow_up(engine, first: str, second: str):
    before = engine.write(first, template="answer")
    return engine.write(second, template="answer", history=[Turn("user", first), Turn("assistant", answer_text(before))])


STORIES = [
    ("What did Vietnam halt imports of from Thailand?", "Why did Vietnam say it did so?", "shrimp virus"),
    ("What did Chile suspend to the Korean smelter?", "Why did Chile say it did so?", "missed three payments"),
    ("Which airline did Kenya ground?", "Why did Kenya say it did so?", "lacked valid licences"),
    ("What did Norway tighten for Russian researchers?", "Why did Norway say it did so?", "sonar research"),
    ("What did Poland ban from Ukraine?", "Why did Poland say it did so?", "railway inspectors"),
    ("What did Indonesia raise on nickel ore?", "Why did Indonesia say it did so?", "steadier supply"),
]
OTHER_EXPLANATIONS = ("fishing rights", "criticised", "landing fees", "expelled", "protests by Polish farmers",
                      "fall in the world nickel price")


@pytest.mark.parametrize("first, second, stated", STORIES)
def test_the_actors_stated_reason_leads_and_no_other_explanation_stands_as_fact(engine, first, second, stated):
    brief = follow_up(engine, first, second)
    claims = [c for s in brief.sections for c in s.claims]
    assert stated in claims[0].text
    for c in claims[1:]:
        if any(o in c.text for o in OTHER_EXPLANATIONS) and not c.text.startswith(("They have", "Chile's mining")):
            assert c.attribution, c.text  # the report's own link is the report's, not the actor's or a fact


def test_an_explanation_the_actor_denies_is_followed_by_the_denial(engine):
    brief = follow_up(engine, "What did Chile suspend to the Korean smelter?", "Why did Chile say it did so?")
    texts = [c.text for s in brief.sections for c in s.claims]
    link = next(i for i, t in enumerate(texts) if "criticised Chile's new mining tax" in t)
    assert "missed three payments" in texts[0] and link > 0
    assert "has denied that the suspension was linked" in texts[link + 1]


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def test_tokyos_reason_then_the_court_rulings_attributed_then_japans_rejection_across_the_caption(sample_engine):
    brief = follow_up(sample_engine, "Which materials did Japan restrict for export to South Korea?",
                      "Why did Tokyo say it did so?")
    claims = [c for s in brief.sections for c in s.claims]
    assert "based on a lack of trust" in claims[0].text and claims[0].attribution is None  # reported as said
    link = next(i for i, c in enumerate(claims) if "court rulings" in c.text)
    assert claims[link].attribution and claims[link].attribution.startswith("Taipei Times")
    denial = claims[link + 1]
    assert "They have rejected suggestions that the move was driven by worsening ties" in denial.text
    assert "Japanese officials have said" in denial.text and "Photo: AP" not in denial.text
    assert len(denial.citations) == 2  # the frame and the denial cited apart, the caption between them skipped
