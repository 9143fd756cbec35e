""""What about Japan?" keeps the previous answer's story when that answer already told of Japan.

The kind (s65's fresh user, F9): "Which fabs are covered by the Dutch lithography servicing rules?" was answered with
the rules and "Japan's METI announced a parallel measure on the same day covering Nikon and Canon immersion scanners";
"What about Japan?" then led with that sentence but went on to the 2019 photoresist story and an analysis of another
Japanese measure. An elliptical follow-up that only swaps in a party asks the previous turn's act of that party; when
the answer's own passages name the party, its evidence stays on their story (``followup.swapped_party_said``, then
``stay_on_story``). A party the answer never named ("And Korea?") may still be found in any report.

Unit specs of ``resolve_follow_up`` over answers written here, then end to end through the real Engine over three
short articles written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.followup import resolve_follow_up
from rag.render import answer_with_sources
from rag.types import Turn


def conversation(*turns: str) -> list[Turn]:
    return [Turn("user" if i % 2 == 0 else "assistant", text) for i, text in enumerate(turns)]


US_Q = "Which firms did the Commerce Department add to the Entity List on Tuesday?"
US_A = ("The Commerce Department on Tuesday added nine Chinese optics firms to the Entity List. [1] Japan's trade "
        "ministry said it would add the same nine firms to its end-user list in March. [1]")
EU_Q = "What did France decide about Chinese wind turbines?"
EU_A = ("France barred Chinese wind turbines from offshore tenders from 2027. [1] Germany is weighing a similar rule "
        "for its North Sea auctions, officials in Berlin said. [1]")


@pytest.mark.parametrize("history, question, said", [
    (conversation(US_Q, US_A), "What about Japan?",
     ("Japan's trade ministry said it would add the same nine firms to its end-user list in March.",)),
    (conversation(US_Q, US_A), "And Japan?",
     ("Japan's trade ministry said it would add the same nine firms to its end-user list in March.",)),
    (conversation(EU_Q, EU_A), "What about Germany?",
     ("Germany is weighing a similar rule for its North Sea auctions, officials in Berlin said.",)),
])
def test_a_swapped_in_party_the_answer_told_of_keeps_its_story(history, question, said):
    assert resolve_follow_up(question, history).said == said


@pytest.mark.parametrize("history, question", [
    (conversation(US_Q, US_A), "What about Korea?"),  # never named in the answer
    (conversation(EU_Q, EU_A), "What about Spain?"),
    (conversation(EU_Q, EU_A), "What about Germany's solar panels?"),  # words of its own besides the party
])
def test_a_party_the_answer_never_told_of_may_leave_the_story(history, question):
    assert resolve_follow_up(question, history).said == ()


ARTICLES = {
    "01_listing.md": (
        "# US adds nine Chinese optics firms to Entity List; Tokyo to follow\n\n"
        "Published: 2026-10-14 · Publisher: Capitol Trade Wire\n\n"
        "The Commerce Department on Tuesday added nine Chinese optics firms to the Entity List, citing their supply "
        "of lenses for military drones. Japan's trade ministry said it would add the same nine firms to its end-user "
        "list in March. Tokyo's list takes effect on March 1, 2027, the ministry said.\n"),
    "02_old_japan.md": (
        "# Japan tightens photoresist exports\n\n"
        "Published: 2019-07-02 · Publisher: Harbour Wire\n\n"
        "Japan on Monday tightened exports of photoresist and hydrogen fluoride to South Korea, requiring a licence "
        "for each shipment. Japanese chemical makers said the change would slow deliveries.\n"),
    "03_japan_batteries.md": (
        "# Japan weighs curbs on Chinese battery makers\n\n"
        "Published: 2026-09-30 · Publisher: Osaka Policy Review\n\n"
        "Japan is weighing a rule that would bar Chinese battery makers from grid storage tenders, officials said. "
        "The trade ministry plans to publish a draft in December.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("swapped_party"), ARTICLES)


def test_what_about_the_party_is_answered_from_the_previous_story(engine):
    first = engine.write(US_Q, template="answer", history=[])
    shown_first = answer_with_sources(first).split("\n\nSources:")[0]
    assert "nine Chinese optics firms" in shown_first, shown_first
    brief = engine.write("What about Japan?", template="answer", history=conversation(US_Q, shown_first))
    shown = answer_with_sources(brief)
    text = shown.split("\n\nSources:")[0]
    assert "end-user list" in text, text
    assert "photoresist" not in shown and "battery" not in shown, shown
