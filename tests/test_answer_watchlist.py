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


# --- a passage that starts inside a watch list: the chunk boundary cut its first item's bullet ------------------------
# "What export controls has Japan placed on Korea?" ended with a generated brief's Key Signals item on Korea's chip
# hub: its passage began at the item before it, bulletless, and that line was read as the list's heading.

#: (passage text, the sentence, whether it is read under no heading: the list's heading out of view)
CUT_LISTS = [
    ("The scope of Norland's case: named end-users and links to export controls.\n• Ostmark's follow-through on the "
     "port factories: tax credits and land.\n", "Ostmark's follow-through", True),
    ("Whether Norland names further companies.\n  • Any reciprocal actions by utilities.\n", "Any reciprocal", True),
    ("Licence decisions: how many exemptions are granted.\n- Whether neighbouring states adopt matching bans.\n",
     "Whether neighbouring", True),
    ("tax credits and land support.\n  • 3. Commitments from major foundries.\n", "Commitments from", True),
    # a real heading, or prose that is not a list item's line, still decides
    ("Key Signals\n\n  • Ostmark's follow-through: tax credits.\n", "Ostmark's follow-through", False),
    ("Outlook\n  • Best Case: talks resume in May.\n", "Best Case", False),
    ("The ministry banned the exports. Talks resume in May.\nCustoms detained two traders.\n", "Customs detained", False),
    ("Scenario Outlook:\n  • Best Case: talks resume in May.\n", "Best Case", False),
]


@pytest.mark.parametrize("text, sentence, out_of_view", CUT_LISTS)
def test_a_passage_starting_inside_a_list_has_its_heading_out_of_view(text, sentence, out_of_view):
    from rag.writers.watch_items import list_heading

    assert (list_heading(text, text.index(sentence)) == "") is out_of_view


def _item(text: str, sentence: str, probs: dict[str, float]):
    from rag.types import Chunk
    from rag.writers.base import EvidencePassage
    from rag.writers.candidates import Candidate

    chunk = Chunk(chunk_id="brief:3", doc_id="brief", text=text, start=900, end=900 + len(text), index=3, metadata={})
    start = text.index(sentence)
    end = text.index("\n", start)
    return Candidate(EvidencePassage("S1", chunk, 0.9), 0, start, end, text[start:end], role=max(probs, key=probs.get),
                     role_probs=probs)


SIGNAL = {"signal": 0.72, "judgement": 0.10, "event": 0.07, "statement": 0.04}
EVENT = {"event": 0.58, "statement": 0.30, "judgement": 0.04, "signal": 0.02}


@pytest.mark.parametrize("text, sentence, probs, watched", [
    # the user's case, renamed: an item typed signal after a cut item is a watch item (it was not)
    (CUT_LISTS[0][0], "Ostmark's follow-through", SIGNAL, True),
    ("The scope of the smuggling case: targeted nodes.\n• Kestrel's licence decisions: how many exemptions.\n",
     "Kestrel's licence", SIGNAL, True),
    # the classifier decides for a labelled item whose heading is out of view: an event stays quotable
    ("The scope of the smuggling case: targeted nodes.\n• Customs figures: two traders detained in May.\n",
     "Customs figures", EVENT, False),
    # under another section's heading it is that section's item, whatever the classifier says
    ("Recommendations\n\n  • Immediate Actions: monitor the ministry.\n", "Immediate Actions", SIGNAL, False),
])
def test_a_labelled_item_of_a_cut_list_is_typed_by_the_classifier(text, sentence, probs, watched):
    from rag.writers.watch_items import is_watch_item

    assert is_watch_item(_item(text, sentence, probs)) is watched
