"""A yes/no question that only a non-reporting source tells is settled by that source's statement of fact.

Only reporting (a news or official source's sentence that is no view) decides a verdict. When no reporting source
tells the story at all, the sources still settle the question where another source states the fact, its headline
included (its lead is attributed to it when shown): the sample corpus's only account of China's curbs on Japanese firms is an AI-generated brief
(WorldWideWatchers, "China Imposes Export Restrictions on 20 Japanese Firms …"). A number that differs from the asked
one settles "No", the same number "Yes". A view (an assessment, a forecast)
still decides nothing, and a question whose story has reporting is judged on that reporting alone.
"""

from __future__ import annotations

import pytest

from evals.rtqa_answers import answer_text, first_sentence


@pytest.fixture(scope="module")
def engine(sample_index):
    from rag.pipeline import Engine

    return Engine.from_settings(sample_index[0])


@pytest.mark.parametrize("question, verdict", [
    ("Did China restrict exports to 30 Japanese companies?", "No"),
    ("Has China restricted exports to 12 Japanese companies?", "No"),
    ("Did China block dual-use exports to 50 Japanese firms?", "No"),
    ("Did China restrict exports to 20 Japanese companies?", "Yes"),
])
def test_a_number_only_an_ai_brief_gives_settles_the_question(engine, question, verdict):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    text = answer_text(brief)
    assert first_sentence(text) == f"{verdict}."
    lead = brief.sections[0].claims[0]
    # the verdict rests on the brief's own words, cited
    assert "20 Japanese" in lead.text and lead.citations and "20 Japanese" in lead.citations[0].quote


def test_a_question_its_only_source_does_not_tell_stays_unsettled(engine):
    brief = engine.write("Did China ban exports of gallium to Japan?", template="answer")
    assert brief.abstained
    assert brief.message.startswith("The sources do not settle whether China banned exports of gallium to Japan.")


def test_a_story_with_reporting_is_judged_on_its_reporting(engine):
    # Japan's curbs are reported by news (Taipei Times): the AI brief's sentences are not read for them
    brief = engine.write("Did Japan ban exports of rice to South Korea?", template="answer")
    assert brief.abstained
    assert "WorldWideWatchers" not in (brief.message or "")
