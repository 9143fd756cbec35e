"""A digest ("5 things to know for June 13") or a live page tells each of its items under a headline of its own: a
line without a full stop, which the text layer reads as a heading. The item's headline is often the only line that
names what the item is about ("'Squid Game' season 2 is coming to Netflix", then "Green light! The wildly popular
series is making a highly anticipated return"), so an answer quotes it as evidence, with its blurb when the blurb is
no sentence alone; a section's name ("BREAKFAST BROWSE"), a related-story link ("More:…"), a question and a list
of headlines without blurbs are not item headlines.

Seen on RealTime QA (fit half): "Which wildly popular show was recently green lit for a new season?" abstained, the
digest's item headline dropped as a heading. Invented articles (tests/data/digests/news.jsonl): two digests and a
live page, each item's subject named only in its headline, and a roundup that shares the question's words but not
its answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import answer_lead, answer_of, engine_over

from rag.text.sentences import split_sentences
from rag.writers.item_headlines import item_blurb, item_headline

DATA = Path(__file__).resolve().parent / "data" / "digests"

DIGEST = (
    "to consider.\n\nBREAKFAST BROWSE\n\n'Harbour Lights' season 3 is coming to Streamly\n\n"
    "Green light! The wildly popular drama is making a long-awaited return\n\nTony Awards\n\n"
    "Folk singer Mara Lind announces she has been treated for throat cancer\n\n"
    "Lind said she plans to return to the stage after a summer of rest.\n\n"
    "More:Ferry operators promise refunds for cancelled trips\n\nThe operators said so on Friday.\n\n"
    "Why did the lighthouse go dark?\n\nKeepers are still looking for the cause of last week's outage.\n\n"
    "Pellmart recalls 40,000 space heaters over fire risk\n\nOsterby port suspends all sailings until Sunday\n\n"
    "1. Osterby port suspends all sailings until Sunday\n\n2. BLUF (Bottom Line Up Front)\n\n"
    "Airline Skylark cancels 120 flights from Vellmar airport\n\n1. BLUF (Bottom Line Up Front)"
)


def _line(text: str, line: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(line, start + 1)
    return start, start + len(line)


@pytest.mark.parametrize("line", [
    "'Harbour Lights' season 3 is coming to Streamly",  # a quoted title opens it; the blurb has no full stop
    "Folk singer Mara Lind announces she has been treated for throat cancer",  # the blurb is a sentence
])
def test_an_item_headline_is_its_own_paragraph_with_a_verb_and_a_prose_blurb(line):
    assert item_headline(DIGEST, *_line(DIGEST, line))


@pytest.mark.parametrize("line, nth", [
    ("BREAKFAST BROWSE", 0),  # a section's name: short, no verb
    ("Tony Awards", 0),
    ("Green light! The wildly popular drama is making a long-awaited return", 0),  # a blurb, not a headline
    ("More:Ferry operators promise refunds for cancelled trips", 0),  # a related-story link
    ("Why did the lighthouse go dark?", 0),  # a question
    ("Pellmart recalls 40,000 space heaters over fire risk", 0),  # another headline follows it, no blurb
    ("Osterby port suspends all sailings until Sunday", 0),  # its next paragraph is a list item
    ("Airline Skylark cancels 120 flights from Vellmar airport", 0),  # a list's label after it is no blurb
    ("Lind said she plans to return to the stage after a summer of rest.", 0),  # a sentence
])
def test_section_names_links_questions_and_lines_without_a_blurb_are_not_item_headlines(line, nth):
    assert not item_headline(DIGEST, *_line(DIGEST, line, nth))


def test_a_line_inside_a_paragraph_is_no_item_headline():
    text = "The report opened with a line.\nOsterby port suspends all sailings until Sunday\n\nThe port said so today."
    assert not item_headline(text, *_line(text, "Osterby port suspends all sailings until Sunday"))


def test_a_blurb_that_is_no_sentence_is_quoted_with_its_headline_and_a_sentence_is_not():
    sents = split_sentences(DIGEST)
    head = _line(DIGEST, "'Harbour Lights' season 3 is coming to Streamly")
    blurb = item_blurb(DIGEST, head[1], [s for s in sents if s.start >= head[1]])
    assert blurb is not None
    assert DIGEST[blurb[0]:blurb[1]] == "Green light! The wildly popular drama is making a long-awaited return"
    lind = _line(DIGEST, "Folk singer Mara Lind announces she has been treated for throat cancer")
    assert item_blurb(DIGEST, lind[1], [s for s in sents if s.start >= lind[1]]) is None


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory.mktemp("digests") / "data", DATA)


@pytest.mark.parametrize("question, until, value", [
    ("Which wildly popular show was recently green lit for a new season?", "2026-06-16", "Harbour Lights"),
    ("Which retailer recalled space heaters over a fire risk?", "2026-09-05", "Pellmart"),
    ("How many flights did Skylark cancel because of Storm Kella?", "2026-10-03", "120"),
    ("Which port suspended all sailings during the storm?", "2026-10-03", "Osterby"),
    ("Which folk singer announced she has been treated for cancer?", "2026-06-16", "Mara Lind"),
])
def test_an_item_named_only_in_its_digest_headline_is_answered_from_the_headline(engine, question, until, value):
    assert value in answer_lead(engine, question, until), answer_of(engine, question, until)


def test_a_related_story_link_is_not_quoted(engine):
    from evals.rtqa_answers import answer_text
    from rag.types import SearchFilters

    brief = engine.write("Which ferry operators promised refunds?", template="answer",
                         filters=SearchFilters(until="2026-10-03"))
    assert "Ferry operators promise refunds" not in answer_text(brief)
