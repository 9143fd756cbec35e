"""What a sentence's own words settle about its role, over the role classifier (issue 10, item 2: sections take only
their roles).

The kinds (tn-008's "What happened" held the first two, its only key signal was the third): a sentence framed in the
past by its opening is background ("In the past, US planes have been grounded ..."); a reported prediction or
speculation about what is under way or ahead is a forecast ("Easley added that North Korea could be waiting until
after ..."); a signpost that announces what else there is without saying it is furniture ("There are also other
missile tests to watch."). The classifier spread each over its neighbours. The examples were written for the kinds;
``role_overrides.toml`` holds the words.
"""

from __future__ import annotations

import pytest

from rag.roles import RolePrediction
from rag.writers.role_typing import _settle, settled_role

SETTLED = [
    ("In the past, US planes have been grounded as a precaution following North Korean missile launches.", "background"),
    ("Historically, Japan has supplied most of the fluorinated polyimide used by Korean chipmakers.", "background"),
    ("Previously, Beijing had tolerated the banners as isolated acts.", "background"),
    ("In the 1990s, the Netherlands and Japan dominated the lithography market.", "background"),
    ("Decades ago, Taiwan's air force flew regular patrols over the strait.", "background"),
    ("Leif-Eric Easley added that North Korea could be waiting until after China's Party Congress to conduct a test.",
     "forecast"),
    ("Analysts said the sanctions might push Pyongyang closer to Beijing.", "forecast"),
    ("A trade official warned that Seoul may retaliate with its own export list.", "forecast"),
    ("“Pyongyang is likely waiting until after the Congress to conduct a more significant test,” said Easley.", "forecast"),
    ("Beijing is expected to announce further drills around the island next week.", "forecast"),
    ("There are also other missile tests to watch.", "furniture"),
    ("There are several more decisions to watch.", "furniture"),
    ("Here's what we know so far.", "furniture"),
    ("Here is why it matters.", "furniture"),
]
UNSETTLED = [
    "Japanese officials have said that those chemicals are sensitive materials that could be used in fighter jets.",
    "Japan said it would tighten controls on exports of three chemicals to South Korea.",
    "North Korea fired a ballistic missile over Japan on Tuesday, the first such launch since 2017.",
    "The last time North Korea fired a ballistic missile over Japan was in 2017.",
    "Watch whether Tokyo adds more items to the list before the August review.",
    "Here, protesters hung two banners from the Sitong bridge.",
    "In the past week, China sent 21 aircraft into Taiwan's air defense zone.",
]


@pytest.mark.parametrize("text,role", SETTLED)
def test_a_sentences_own_words_settle_its_role(text, role):
    assert settled_role(text) == role


@pytest.mark.parametrize("text", UNSETTLED)
def test_a_report_a_statement_of_intent_or_a_capability_settles_nothing(text):
    assert settled_role(text) is None


def test_the_settled_role_takes_the_probability_of_the_classifiers_choice():
    probs = {"event": 0.22, "statement": 0.29, "judgement": 0.13, "forecast": 0.0, "signal": 0.0, "gap": 0.0,
             "background": 0.20, "furniture": 0.16}
    pred = _settle(SETTLED[0][0], RolePrediction("statement", 0.29, probs))
    assert (pred.role, pred.prob) == ("background", 0.29)
    assert pred.probs["statement"] == 0.20 and sum(pred.probs.values()) == pytest.approx(sum(probs.values()))
    unchanged = RolePrediction("event", 0.5, probs)
    assert _settle(UNSETTLED[2], unchanged) is unchanged
