"""A live blog's entry stamp ("09:15 - …", "11:40 GMT — …", "[10:02] …") is furniture: never quoted, never what makes
an entry read as furniture.

The kind (s57's fresh user, own articles): a brief on China's rare earth controls, drawn from a live page, opened its
bottom line with "09:15 - China's commerce ministry has published new export controls …" and credited its
explanation as "Asia Markets Daily reports the explanation: “13:20 - A ministry spokesperson said …”" (the stamp
hid the speaker); the role model read stamped entries as page furniture. A time that opens prose ("10:30 is when
the vote opens."), a time inside a sentence and a figure ("10.5% of …") are no stamp.

Unit specs of ``rag.text.entry_stamps`` over lines written for this test, then end to end through the real Engine
over a short live page and a report written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.text.entry_stamps import entry_stamp_end, without_entry_stamp


@pytest.mark.parametrize("text, rest", [
    ("09:15 - Seoul's trade ministry has published a revised strategic goods list.",
     "Seoul's trade ministry has published a revised strategic goods list."),
    ("11:40 GMT — Chipmakers' shares fell in Seoul.", "Chipmakers' shares fell in Seoul."),
    ("3:20 p.m. ET: The Commerce Department confirmed the listing.", "The Commerce Department confirmed the listing."),
    ("[10:02] The list adds four lithography subsystems.", "The list adds four lithography subsystems."),
    ("Updated 14:05 | Samsung said it was studying the rules.", "Samsung said it was studying the rules."),
    ("(13:20) A ministry official said the list was final.", "A ministry official said the list was final."),
    ("16.45 – “We were not consulted,” a broker said.", "“We were not consulted,” a broker said."),
])
def test_an_entry_stamp_is_cut(text, rest):
    assert without_entry_stamp(text) == rest
    assert text[entry_stamp_end(text):] == rest


@pytest.mark.parametrize("text", [
    "10:30 is when the vote opens.",
    "10.5% of memory exports were affected.",
    "The 09:15 flight to Busan was cancelled.",
    "2:1 - the vote went against the bill.",
    "09:15 -",
])
def test_prose_and_a_bare_stamp_are_kept(text):
    assert entry_stamp_end(text) == 0


ARTICLES = {
    "01_live.md": (
        "# Live updates: Seoul revises its strategic goods list\n\n"
        "Published: 2026-10-14 · Publisher: Han River Tech\n\n"
        "09:05 - South Korea's trade ministry has published a revised strategic goods list that adds high-bandwidth "
        "memory stacks and hybrid bonding tools.\n\n"
        "10:20 - The list adds four items: HBM3E stacks, HBM4 stacks, hybrid bonders and through-silicon-via etchers.\n\n"
        "11:45 - Chipmakers' shares fell in Seoul after the announcement.\n\n"
        "14:10 - A ministry official said the items were added because brokers had shipped memory stacks to China "
        "through Hong Kong.\n"),
    "02_report.md": (
        "# Tokyo weighs curbs on photoresist exports\n\n"
        "Published: 2026-09-02 · Publisher: Harbour Wire\n\n"
        "Japan's trade ministry is weighing licence rules for advanced photoresist exports, officials said on "
        "Tuesday. No decision is expected before December.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("entry_stamps"), ARTICLES)


def _texts(brief) -> list[str]:
    return [c.text for s in brief.sections for c in s.claims]


def test_a_brief_from_a_live_page_quotes_no_stamp(engine):
    brief = engine.write("South Korea strategic goods list for HBM", template="assessment", history=[])
    texts = _texts(brief)
    assert any("revised strategic goods list" in t for t in texts), texts
    assert not any(t.lstrip("“\"").startswith(("09:05", "10:20", "11:45", "14:10")) or "“14:10" in t or "“09:05" in t
                   for t in texts), texts


@pytest.mark.parametrize("question, answer", [
    ("Which items does Seoul's revised strategic goods list add?", "The list adds four items: HBM3E stacks"),
    ("Why did the ministry add the items to the strategic goods list?",
     "A ministry official said the items were added because brokers"),
])
def test_an_answer_from_a_live_page_quotes_the_entry_without_its_stamp(engine, question, answer):
    brief = engine.write(question, template="answer", history=[])
    assert not brief.abstained, brief.message
    text = " ".join(_texts(brief))
    assert answer in text, text
    assert not any(stamp in text for stamp in ("09:05 -", "10:20 -", "11:45 -", "14:10 -")), text


def test_a_timeline_entry_from_a_live_page_starts_after_its_stamp(engine):
    # s57's second fresh user: the timeline, which reads its own sentences (``timeline._entry``), quoted
    # "— 09:40 - The statement says …"
    brief = engine.write("South Korea's revised strategic goods list", template="situation", history=[])
    entries = [c.text for c in brief.timeline]
    assert entries, brief.message
    assert not any(t.lstrip("“\"").startswith(("09:05", "10:20", "11:45", "14:10")) for t in entries), entries
