"""An editorial correction is never a development (issue 10, s64's new user, F16: "An earlier version of this article
misstated …" was quoted in a brief as an event).

Kind: **a note about the article, not its story.** Correction and editor's notes were furniture to the near-duplicate
reader only (``boilerplate.toml``, s54); the writers quoted them as any sentence. They are now one list,
``correction_notes.toml``, read by both (``sentence_cues.is_boilerplate``): never quoted by a section or the timeline.
The corrected fact is told by the story's own sentences, which stay quotable; a report about a government's revised
report ("The report was revised to show …") is news, not a note.

Articles and notes written for this spec (Korean, Japanese and Taiwanese stories; none from any data set).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles
from rag.writers.sentence_cues import is_boilerplate, junk_reason

NOTES = [
    "An earlier version of this article misstated the number of defendants as three.",
    "A previous version of this story incorrectly said the fine was 3 billion won.",
    "Correction: The ministry's list covers 23 items, not 32 as first reported.",
    "Due to an editing error, this article incorrectly identified the plant's location as Osaka.",
    "This story has been corrected to show that the court sentenced the engineer to two years, not three.",
    "This article incorrectly stated that Tokyo Electron had been fined.",
    "The Busan Ledger regrets the error.",
    "Clarification — An earlier edition of this report gave the wrong date for the hearing.",
    "*The original version of this item misspelled the name of the Hsinchu company.*",
]

NOT_NOTES = [
    "The report was revised to show that exports of memory chips fell 12 percent in August.",
    "Prosecutors said an earlier version of the contract listed only three buyers.",
    "The ministry corrected its export figures on Tuesday, cutting the August total by 4 percent.",
    "The court said the earlier version of the law did not cover software.",
]


@pytest.mark.parametrize("note", NOTES)
def test_a_correction_note_is_furniture(note):
    assert is_boilerplate(note), note
    assert junk_reason(note) == "boilerplate"


@pytest.mark.parametrize("sentence", NOT_NOTES)
def test_news_about_a_revision_is_no_note(sentence):
    assert not is_boilerplate(sentence)


ARTICLES = [
    ("busan.md", "2026-09-14", "Four executives charged over chip-tool shipments to China",
     "South Korean prosecutors on Monday indicted four executives of Daehan Process Systems for shipping 37 "
     "wafer-cleaning machines to China without export permits. The four are accused of routing the machines through a "
     "front company in Hong Kong between 2023 and 2025, the Busan District Prosecutors' Office said. The shipments were "
     "worth about 41 billion won, prosecutors said.\n\n"
     "An earlier version of this article misstated the number of defendants as three."),
    ("osaka.md", "2026-10-03", "Japan fines chemical maker over photoresist exports to China",
     "Japan's trade ministry on Friday fined Kansai Fine Chemicals 180 million yen for exporting photoresist to a "
     "Chinese chipmaker without a licence. The ministry said the company shipped 14 consignments between January and "
     "June from its plant in Sakai. Kansai Fine Chemicals said it would strengthen its export compliance.\n\n"
     "Due to an editing error, this article incorrectly identified the plant's location as Osaka."),
    ("hsinchu.md", "2026-10-20", "Taiwan court jails engineer for leaking chip secrets to Chinese rival",
     "A Taiwanese court on Tuesday sentenced a former engineer of a Hsinchu chipmaker to two years in prison for "
     "passing 3-nanometre process data to a Chinese competitor. The Intellectual Property and Commercial Court also "
     "fined him NT$5 million. The engineer can appeal the ruling.\n\n"
     "This story has been corrected to show that the court sentenced the engineer to two years, not three."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("correction_notes"), ARTICLES)


@pytest.mark.parametrize("template", ["assessment", "situation"])
@pytest.mark.parametrize("topic, note", [
    ("South Korea indictment of executives over chip-tool shipments to China", ARTICLES[0][3].rsplit("\n\n", 1)[1]),
    ("Japan fine on chemical maker over photoresist exports to China", ARTICLES[1][3].rsplit("\n\n", 1)[1]),
    ("Taiwan court sentence for engineer who leaked chip secrets to China", ARTICLES[2][3].rsplit("\n\n", 1)[1]),
])
def test_a_brief_never_quotes_a_correction_note(engine, template, topic, note):
    brief = engine.write(topic, template=template)
    assert not brief.abstained, brief.message
    quoted = [" ".join(c.text.split()) for s in brief.sections for c in s.claims] + [c.text for c in brief.timeline]
    assert quoted, "the story is told"
    assert not any(note in q or q in note for q in quoted), quoted
