"""An elliptical follow-up stays on the story its previous answer was about.

s30's fresh user: ``printf 'Which Japanese companies did China restrict?\\nWhen?\\n' | brief chat`` answered "When?"
with Japan's battery decision (another story, its actor reversed), because "When? (Japanese companies China
restrict)" is nearer a dated sentence of another story than to the restriction's own undated one. The kind: a
follow-up that names nothing new ("When?", "Why?", "How many?", "Who else?", "Who said that?", "And the best case?")
asks more about what was just answered, so its evidence is kept to the stories of the passages that answer quoted
or stated (``answered_passages``, ``stay_on_story``); a follow-up naming something new ("And Korea?") is not.

Unit level over written answers and hits; end to end over the sample corpus through ``Engine.write`` with history.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from rag.followup import answered_passages, resolve_follow_up, stay_on_story
from rag.pipeline import Engine
from rag.render import answer_with_sources
from rag.types import Turn

RESTRICT = "Which Japanese companies did China restrict?"
RESTRICT_ANSWER = ("WorldWideWatchers (AI-generated brief, 2026) reports: “China Imposes Export Restrictions on 20 "
                   "Japanese Firms, Sparking Diplomatic Tensions with Tokyo” [1] Hosokawa Masahiko (2020 essay) argues: "
                   "“Furthermore, China is in the process of creating its own entity list to hit back.” [2]")


def conversation(*turns: str) -> list[Turn]:
    return [Turn("user" if i % 2 == 0 else "assistant", text) for i, text in enumerate(turns)]


# -- what an answer said ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reply, said", [
    # quoted with an attribution frame: the quotes, not the frames or citation marks
    (RESTRICT_ANSWER, ("China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo",
                       "Furthermore, China is in the process of creating its own entity list to hit back.")),
    # stated as fact (a news report's sentences are not quoted): each sentence
    ("The export restrictions cover fluorinated polyimides and photoresist. Tokyo last week tightened the approval "
     "process for Japanese shipments.",
     ("The export restrictions cover fluorinated polyimides and photoresist.",
      "Tokyo last week tightened the approval process for Japanese shipments.")),
    # a verdict word is no passage; a quote inside a quote is part of it
    ("Yes. Hosokawa Masahiko (2020 essay) argues: “The Japanese government must improve its ‘catch-all’ controls.” [1]",
     ("The Japanese government must improve its ‘catch-all’ controls.",)),
    # a partial answer: what it quoted, and its own undecided wording (found in no passage, so harmless), in order
    ("The sources do not settle whether China's move is purely retaliatory. WorldWideWatchers (AI-generated brief, "
     "2026) assesses: “The Chinese government’s restriction is a strategic move.” [1] — an AI-generated brief’s "
     "assessment, not news or official reporting.",
     ("The sources do not settle whether China's move is purely retaliatory.",
      "The Chinese government’s restriction is a strategic move.",
      "an AI-generated brief’s assessment, not news or official reporting.")),
    # a stated lead, then a quoted essay: the lead first (a when-question carries the first passage alone: s46, it
    # carried the essay's quote and "When?" after "What did Japan restrict?" left the restriction's story); the date
    # note after a quote is the product's words, not a passage
    ("Tokyo last week tightened the approval process for Japanese shipments of photoresists. [1] *(undated source: "
     "‘last week’ cannot be placed)* The export restrictions cover fluorinated polyimides. [1] Hosokawa Masahiko "
     "(2020 essay) writes: “With this legislation, Japan is finally equipped with investment controls.” [2]",
     ("Tokyo last week tightened the approval process for Japanese shipments of photoresists.",
      "The export restrictions cover fluorinated polyimides.",
      "With this legislation, Japan is finally equipped with investment controls.")),
    ("", ()),
])
def test_what_an_answer_said_is_its_quotes_and_its_stated_sentences(reply, said):
    assert answered_passages(reply) == said


# -- which follow-ups stay on the story -----------------------------------------------------------------------------


# ("Why?" and "How many?" after "Which Japanese companies did China restrict?" are asked as their standalone questions
# since s37, "Why did China restrict?", "How many Japanese companies did China restrict?": followup.asked_of_act)
@pytest.mark.parametrize("question", ["When?", "Who else?", "Who said that?", "By whom?",
                                      "When was that reported?", "Why those?", "Which ones are named?", "Who reported it?"])
def test_a_follow_up_with_only_asking_words_carries_what_was_answered(question):
    resolved = resolve_follow_up(question, conversation(RESTRICT, RESTRICT_ANSWER))
    # a when-question asks of the event the answer led with: its first passage alone (test_followup_when_lead.py)
    said = answered_passages(RESTRICT_ANSWER)
    assert resolved.said == (said[:1] if question.startswith("When") else said)


@pytest.mark.parametrize("question", [
    "And Korea?", "What about Taiwan?", "And for South Korea?", "Huawei and SMIC?",  # something new named
    # words of its own, which another report of the event may hold (followups fu-009: the port cities are in the
    # think tank's report, not in the article the first answer quoted; a response is a later event)
    "Which port cities did they simulate blocking?", "And what did they do in response?", "And the best case?",
    "When will it open?",
])
def test_a_follow_up_with_words_of_its_own_may_leave_the_story(question):
    assert resolve_follow_up(question, conversation(RESTRICT, RESTRICT_ANSWER)).said == ()


@pytest.mark.parametrize("question", ["Which Japanese companies did China restrict?", "Why did Japan deny approval?"])
def test_a_question_standing_alone_carries_nothing(question):
    assert resolve_follow_up(question, conversation(RESTRICT, RESTRICT_ANSWER)).said == ()


# -- keeping the evidence to the story ------------------------------------------------------------------------------


@dataclass
class _Chunk:
    text: str


@dataclass
class _Hit:
    chunk: _Chunk
    story: str


def _hits(*pairs: tuple[str, str]) -> list[_Hit]:
    return [_Hit(_Chunk(text), story) for story, text in pairs]


HITS = _hits(
    ("battery", "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers. The decision, "
                "reported on 2026-06-30 by Nikkei Asia, signals that Tokyo is treating batteries as security."),
    ("twenty", "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo\n\n"
               "Published on: 2026-02-25"),
    ("essay", "Furthermore, China is in the process of creating its own entity list to hit back."),
    ("twenty", "Supporting evidence includes the timing of the restrictions following Japan’s statements on Taiwan."),
    ("roundup", "The US is worried that existing restrictions could be undermined."),
)


def test_the_evidence_keeps_the_stories_the_answer_quoted_in_order():
    kept = stay_on_story(HITS, answered_passages(RESTRICT_ANSWER), lambda h: h.story)
    assert [h.story for h in kept] == ["twenty", "essay", "twenty"]


def test_a_quote_is_found_again_across_line_breaks_and_quotation_marks():
    said = ["China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo Published on"]
    assert [h.story for h in stay_on_story(HITS, said, lambda h: h.story)] == ["twenty", "twenty"]
    said = ["Supporting evidence includes the timing of the restrictions following Japan's statements on Taiwan."]
    assert [h.story for h in stay_on_story(HITS, said, lambda h: h.story)] == ["twenty", "twenty"]


@pytest.mark.parametrize("said", [(), ("A sentence no passage of the evidence holds, about something else.",)])
def test_nothing_found_again_leaves_the_evidence_as_it_was(said):
    assert stay_on_story(HITS, said, lambda h: h.story) == HITS


# -- end to end over the sample corpus ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_engine(sample_index):
    return Engine.from_settings(sample_index[0])


def _ask(engine: Engine, question: str, history: list[Turn]) -> tuple[str, str]:
    brief = engine.write(question, template="answer", history=history)
    shown = answer_with_sources(brief)
    return shown.split("\n\nSources:")[0].split("\n\nClosest sources found:")[0], shown


@pytest.mark.parametrize("follow_up", ["When?", "How many?", "Who else?", "Why?", "Who said that?"])
def test_the_users_follow_up_is_answered_from_the_restrictions_story(sample_engine, follow_up):
    first, _ = _ask(sample_engine, RESTRICT, [])
    assert "20 Japanese" in first
    history = conversation(RESTRICT, first)
    text, shown = _ask(sample_engine, follow_up, history)
    # the battery story (Japan acting on Chinese firms) is another story: neither quoted nor listed as a source
    assert "battery" not in shown.lower(), shown
    assert "20 Japanese" in text or "Japanese compan" in text, text
