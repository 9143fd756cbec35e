"""A news report before a column giving the same value (issue 10, facts first and judgements attributed; s59).

Kind: **an opinion's passing mention of a fact leads the answer over the news report stating it.** "How many graphics
processors did Korean customs seize at Incheon?" was answered "Lee Soo-jin (2026 analysis) writes: “Last week's
seizure of 1,240 graphics processors at Incheon airport was a success …”" though the news report says "… it had seized
1,240 high-end graphics processing units …": a columnist restates the news in the words readers (and questions) use.
A reporting sentence giving the same asked figure now leads (``QuestionAnswering._reporting_source_first``); the
column may follow, attributed. A name is not enough: a report naming the same country in another sentence tells
another fact (seed follow-ups fu-054: "Which country restricted …?"). Found by s59's fresh-user helper; the articles here were written for this spec.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

NEWS = (
    "---\n"
    "title: Taiwan prosecutors indict five over smuggling of AI servers to China\n"
    "publisher: Formosa Wire\n"
    "date: 2026-04-08\n"
    "---\n"
    "\n"
    "TAIPEI — Prosecutors in Taichung said on Tuesday they had indicted five people, including "
    "the owner of a freight forwarder, Lai Chun-hsien, for shipping 312 high-performance "
    "computing servers to mainland China through Malaysia without export permits.\n"
    "\n"
    "The servers contained restricted accelerator chips and were worth about NT$900 million, prosecutors said.\n"
    "\n"
    "The trial is set to begin on June 15 at the Taichung District Court.\n")
COLUMN = (
    "---\n"
    'title: "Opinion: Taiwan\'s export rules need teeth"\n'
    "publisher: Island Review (Opinion)\n"
    "date: 2026-04-20\n"
    "author: Hsu Mei-ling\n"
    "---\n"
    "\n"
    "Last week's indictment of five people for smuggling 312 AI servers to China through "
    "Malaysia was a success for Taichung prosecutors. But I believe it shows how weak Taiwan's rules still are.\n"
    "\n"
    "Lai Chun-hsien, the freight forwarder's owner, now faces trial.\n"
    "\n"
    "Taiwan should raise the maximum fine tenfold and give customs the power to inspect "
    "freight forwarders without notice.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("reporting_first"), {"news.md": NEWS, "column.md": COLUMN})


@pytest.mark.parametrize("question, value", [
    ("How many AI servers were smuggled to China through Malaysia?", "312"),
    ("How many people were indicted for smuggling AI servers to China?", "five"),
])
def test_the_news_report_giving_the_value_leads_the_column(engine, question, value):
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    first = brief.sections[0].claims[0]
    assert value in first.text, first.text
    titles = {s.doc_id: s.title for s in brief.sources}
    assert "smuggling of AI servers" in titles[first.citations[0].doc_id], titles


def test_a_report_giving_another_of_the_columns_numbers_does_not_lead(engine):
    # the column's "312 AI servers worth NT$900 million" gives the money asked; the report's lede gives 312 only, its
    # second sentence the worth
    brief = engine.write("How much were the smuggled AI servers worth?", template="answer")
    assert not brief.abstained, brief.message
    assert "NT$900 million" in brief.sections[0].claims[0].text


def test_a_value_only_the_column_gives_is_still_answered_from_it(engine):
    brief = engine.write("What does Hsu Mei-ling recommend Taiwan do?", template="answer")
    assert not brief.abstained, brief.message
    assert "tenfold" in brief.sections[0].claims[0].text
