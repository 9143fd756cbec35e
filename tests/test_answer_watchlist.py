"""A watch-list item is not an answer: what a source says to watch ("Key Signals", "What to watch", "Indicators to
monitor: a, b and c") never leads an answer, never stands as a partial answer's sentence, and is quoted only when
the question asks what to watch, then as what the source flags (role "signal"), never as its assessment.

End to end through the real Engine (Chroma, MiniLM, extractive writer) over four short documents written for this
test (tests/data/watchlist/): two generated briefs with signals sections, an analysis with an "Indicators to
monitor:" line and a news report; plus unit checks of the heading reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import engine_over

DATA = Path(__file__).resolve().parent / "data" / "watchlist"

#: the watch-list items of the documents (a distinctive part of each)
WATCH_ITEMS = (
    "Whether Norland names further companies",
    "The scope of Norland's lithium smuggling case",
    "Ostmark's follow-through on the port factories",
    "Indicators to monitor",
    "Licence decisions: how many exemptions",
    "Whether neighbouring states adopt matching bans",
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("watchlist") / "data", DATA)


def ask(engine, question: str):
    return engine.write(question, template="answer", history=[])


def claims(brief) -> list:
    return [c for s in brief.sections for c in s.claims]


def is_watch_text(text: str) -> bool:
    return any(item in text for item in WATCH_ITEMS)


# --- questions that do not ask what to watch: no watch item leads, none is quoted ---------------------------------


@pytest.mark.parametrize("question", [
    "Which executives were detained in Norland's lithium smuggling case?",
    "What happened in Norland's lithium smuggling case?",
    "lithium smuggling",
    "Norland lithium",
    "What did insurers do after the Varna terminal closed?",
    "Why did the Varna grain terminal close?",
    "What did the Kestrel Republic ban?",
    "drone engines",
])
def test_a_question_not_asking_what_to_watch_quotes_no_watch_item(engine, question):
    brief = ask(engine, question)
    quoted = [c.text for c in claims(brief)]
    if brief.abstained and getattr(brief, "partial", None) is not None:
        quoted.append(brief.partial.text)
    assert not any(is_watch_text(t) for t in quoted), quoted
    assert brief.abstained or quoted  # the question is answered from the other sentences, or honestly not


@pytest.mark.parametrize("question", [
    "Exactly which buyers of Norland's smuggled lithium are being prosecuted?",
    "Which cancelled grain contracts did Egyptian buyers sign?",
])
def test_a_partial_answer_never_reports_a_watch_item(engine, question):
    brief = ask(engine, question)
    message = brief.message or ""
    assert not is_watch_text(message), message
    assert not any(is_watch_text(c.text) for c in claims(brief))


# --- questions asking what to watch: the watch items answer, flagged as such -----------------------------------------


@pytest.mark.parametrize("question, item", [
    ("What signals should we watch in Norland's lithium smuggling case?", "The scope of Norland's lithium smuggling case"),
    ("Which indicators should we monitor for Black Sea grain shipping?", "Indicators to monitor"),
    ("What should we watch after the Kestrel Republic's drone engine ban?", "Whether neighbouring states adopt matching bans"),
])
def test_a_question_asking_what_to_watch_quotes_the_watch_items_as_signals(engine, question, item):
    brief = ask(engine, question)
    assert not brief.abstained, brief.message
    watch = [c for c in claims(brief) if is_watch_text(c.text)]
    assert any(item in c.text for c in watch), [c.text for c in claims(brief)]
    for c in watch:
        assert c.role == "signal"
        assert c.attribution and "assesses" not in c.attribution


# --- the heading reader -------------------------------------------------------------------------------------------------


BULLETS = "Key Judgments\n\nThe ban will hold.\n\nKey Signals\n\n  • Whether X expands the list.\n  • The scope of Y: a, b, and c.\n\nOutlook\n\nTalks resume in May.\n"


RECOMMENDATIONS = (
    "4. Implications\n\n  • Economic: supply chains are disrupted.\n\n5. Recommendations and Outlook\n\n"
    "  • Immediate Actions (0–30 days): Monitor government communications for changes in policy.\n"
    "  • Scenario Outlook:\n    • Best Case: Diplomatic resolution and lifting of restrictions.\n"
    "    • Most Likely: Prolonged diplomatic standoff.\n\n6. What to Watch\n\n  • Whether talks resume in May.\n"
)


@pytest.mark.parametrize("text, sentence, watched", [
    (BULLETS, "The scope of Y", True),
    (BULLETS, "Whether X", True),
    (BULLETS, "The ban will hold", False),
    (BULLETS, "Talks resume", False),  # a new heading ends the list
    ("## What to watch\n\n1. Licence decisions: exemptions granted.\n2. Matching bans.\n", "Matching bans", True),
    ("**Indicators to monitor:**\n- port inspections\n- contract cancellations\n", "contract cancellations", True),
    ("Prose first. Indicators to monitor: port inspections, cancelled contracts, and premiums.\n",
     "Indicators to monitor", False),  # mid-line: the line's label is "Prose first. Indicators to monitor"
    ("Indicators to monitor: port inspections, cancelled contracts, and premiums.\n", "Indicators to monitor", True),
    ("What happened\n\n  • Customs detained two traders.\n", "Customs detained", False),
    ("Key Signals\n\nThe customs office said the investigation is continuing. A court hears the case in May.\n",
     "A court hears", True),  # prose under the heading is still what to watch
    ("Key Signals\n\nOne line.\nCustoms detained two traders later.\n", "Customs detained", False),  # prose line ends it
    # another section's items, though they say "monitor" or sit in a list of lists: recommendations and scenarios
    (RECOMMENDATIONS, "Immediate Actions", False),
    (RECOMMENDATIONS, "Best Case", False),
    (RECOMMENDATIONS, "Most Likely", False),
    (RECOMMENDATIONS, "Whether talks resume", True),
])
def test_the_heading_a_sentence_stands_under_decides_whether_it_is_watched(text, sentence, watched):
    from rag.writers.watch_items import under_watch_heading

    assert under_watch_heading(text, text.index(sentence)) is watched


@pytest.mark.parametrize("question, asks", [
    ("What should we watch next in the smuggling case?", True),
    ("Which signals would show escalation?", True),
    ("What indicators should analysts monitor?", True),
    ("What are the warning signs?", True),
    ("Who was detained in the smuggling case?", False),
    ("chips", False),
    ("What did the ministry ban?", False),
])
def test_only_a_question_about_what_to_watch_asks_for_watch_items(question, asks):
    from rag.writers.watch_items import asks_to_watch

    assert asks_to_watch(question) is asks
