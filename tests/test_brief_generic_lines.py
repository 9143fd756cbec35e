"""A brief is not padded from a long analysis piece (issue 10, F13: a new user's brief on a topic with one news report
and one 1,400-word analysis quoted the analysis's generic lines — "This underscores …", "Companies should …" — that
add nothing on the topic; a short section beats a padded one).

A sentence of an analysis or a generated brief that names nothing (no name, place, number or reference back to the
story's act or actors) is not quoted, alone or joined to the sentence before it; the analysis's sentences about the
story still are, and a news report's sentences are the story's facts, named or not. Unit checks of the test, then end
to end through the offline writer (MiniLM) over articles written for this test: each topic has one news report and
one analysis padded with generic lines that share the topic's words ("export controls", "chip", "supply chains").
"""

from __future__ import annotations

import pytest

from conftest import article_evidence

from rag.writers.generic_lines import adds_nothing, names_something, own_part

GENERIC = [
    "This underscores the growing importance of critical minerals in the strategic calculus of governments.",
    "Companies should review their exposure to export controls across their chip supply chains.",
    "Governments must weigh the costs of export restrictions against their security benefits.",
    "Investors should expect more volatility in chip stocks as export controls spread.",
    "Such measures could accelerate efforts to build domestic supply chains for chip materials.",
    "It is essential that allies coordinate their export controls to avoid loopholes.",
    "The lesson for businesses is clear: supply chain resilience is now a strategic priority.",
]
SPECIFIC = [
    "Tokyo has until now avoided naming Chinese companies in its export rules.",  # a place, its people
    "The 90-day licence reviews give officials leverage over production schedules.",  # a number
    "The measure is likely to delay production at the three firms.",  # a reference back to the story's act
    "Samhwa Precision will struggle to win back its customers after the fine.",  # a name inside the sentence
    "Licence reviews will take up to ten weeks.",  # a number word
]


@pytest.mark.parametrize("text", GENERIC)
def test_a_generic_line_names_nothing(text):
    assert not names_something(text)


@pytest.mark.parametrize("text", SPECIFIC)
def test_a_line_about_the_story_names_something(text):
    assert names_something(text)


def test_a_joined_quote_is_judged_by_its_own_sentence():
    joined = ("Vietnam's decision to suspend the licences marks a turning point for Hanoi. This underscores the growing "
              "importance of critical minerals in the strategic calculus of governments.")
    assert own_part(joined, True) == GENERIC[0]
    assert adds_nothing(joined, joined=True, news=False)
    assert not adds_nothing(joined, joined=False, news=False)  # quoted as one sentence: it names Vietnam


def test_a_news_reports_sentences_are_never_padding():
    assert not adds_nothing(GENERIC[1], joined=False, news=True)


# --- end to end ---------------------------------------------------------------------------------------------------------

PAD = [
    "Export controls are a blunt instrument, and their effects are rarely confined to their targets.",
    "Companies should review their exposure to export controls across their chip supply chains.",
    "This underscores how semiconductor supply chains have become a theatre of strategic competition.",
    "Chip materials are an often overlooked chokepoint in the global economy.",
    "Governments must weigh the costs of export restrictions against their security benefits.",
    "Firms that depend on a single supplier of critical materials are especially vulnerable.",
    "It is essential that allies coordinate their export controls to avoid loopholes.",
    "The episode highlights the growing use of trade tools for security purposes.",
    "Investors should expect more volatility in chip stocks as export controls spread.",
    "Such measures could accelerate efforts to build domestic supply chains for critical materials.",
    "In the long run, export controls may encourage the very self-sufficiency they seek to prevent.",
    "This raises difficult questions for companies that sell to both sides.",
    "Policymakers should consult industry before imposing new export restrictions.",
    "The lesson for businesses is clear: supply chain resilience is now a strategic priority.",
    "Export restrictions on critical materials are likely to become more common in the years ahead.",
    "This underscores the need for transparency and predictability in trade rules.",
    "Stakeholders should engage in dialogue to reduce the risk of miscalculation.",
    "Such dynamics are likely to shape the strategic landscape for years to come.",
]


def _analysis(title: str, own: list[str]) -> tuple[str, str]:
    """An analysis of a few sentences on its story, each followed by generic lines (its paragraphs)."""
    paras = []
    for k, sentence in enumerate(own):
        paras.append(" ".join([sentence, *PAD[6 * k: 6 * k + 6]]))
    return (f"Analysis: {title}", "\n\n".join(paras))


PHOTORESIST = (
    "Japan requires licences for photoresist exports to three Chinese chipmakers",
    "TOKYO, Nov 5 (Tokyo Business Wire) - Japan's Ministry of Economy, Trade and Industry said on Thursday it would "
    "require individual export licences for shipments of EUV photoresist to three Chinese chipmakers from December 1.\n\n"
    "The three companies are Hua Xin Semiconductor, Jiangnan Memory and Pearl River Logic, the ministry said. Licence "
    "reviews will take up to 90 days.\n\nJSR and Tokyo Ohka Kogyo said they were studying the impact.\n\n"
    "China's commerce ministry said it firmly opposed the measure and would take necessary steps to protect its companies.",
)
PHOTORESIST_ANALYSIS = _analysis("Japan's photoresist licences and the chip materials chokepoint", [
    "Japan's decision to require licences for EUV photoresist shipments to three Chinese chipmakers is its most "
    "targeted move yet.",
    "Tokyo has until now avoided naming Chinese companies in its export rules.",
    "The 90-day licence reviews give Japanese officials leverage over Chinese production schedules.",
])
RARE_EARTHS = (
    "Vietnam suspends rare earth oxide exports to two Chinese refiners",
    "HANOI, Oct 14 (Mekong Wire) - Vietnam's Ministry of Industry and Trade on Tuesday suspended export licences for "
    "rare earth oxides held by two Chinese refiners, Ganzhou Lanthan Materials and Baotou North Oxide.\n\n"
    "The suspension covers neodymium, praseodymium and dysprosium oxides, the ministry said. Shipments already at the "
    "port of Hai Phong will be held for inspection.\n\n"
    "China's Ministry of Commerce said it had lodged a protest with Vietnam's embassy in Beijing.",
)
RARE_EARTHS_ANALYSIS = _analysis("What Vietnam's rare earth gamble means for Asia", [
    "Vietnam's decision to suspend rare earth export licences for two Chinese refiners marks a turning point for "
    "Hanoi's resource diplomacy.",
    "Vietnam holds the world's second-largest rare earth reserves, but its processing industry remains small.",
    "Beijing's response to the suspension will be closely watched in other mineral-producing countries.",
])


@pytest.fixture(scope="module")
def writer(minilm):
    from rag.writers.extractive import ExtractiveWriter

    return ExtractiveWriter(minilm)


@pytest.mark.parametrize("template", ["situation", "assessment"])
@pytest.mark.parametrize("topic, report, analysis", [
    ("Japan photoresist export licences for Chinese chipmakers", PHOTORESIST, PHOTORESIST_ANALYSIS),
    ("Vietnam rare earth export suspension to Chinese refiners", RARE_EARTHS, RARE_EARTHS_ANALYSIS),
])
def test_no_generic_line_of_a_long_analysis_pads_the_brief(writer, library, template, topic, report, analysis):
    draft = writer.write(topic, library.get(template), article_evidence(report, analysis), as_of="2022-09-10")
    quoted = [c.text for s in draft.sections for c in s.claims]
    assert quoted, "the brief quotes the story"
    assert not [q for q in quoted if any(p in q for p in PAD)]
    assert any(q in report[1] for q in quoted)  # the report's facts are there
