"""A count answer's detail sentences are about the counted set, not a count of another list.

The kind (s64's fresh user, F15; new texts written for s65): "How many companies were added to the Entity List?"
was answered with the right count, then padded with "The Ministry of Economic Affairs said it added 12 overseas
entities … to its list of strategic high-tech commodity end users of concern": a count of another actor's own list.
A detail that gives a number and names a set by the head noun of the question's named set ("list") without the rest
of its name ("Entity") counts another set (``list_count.counts_another_set``), and is left out of a count's details.

Unit specs of ``counts_another_set``, then end to end through the real Engine over articles written here.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.list_count import counts_another_set


@pytest.mark.parametrize("question, detail, other", [
    ("How many companies were added to the Entity List?",
     "Singapore's trade ministry said it had put nine firms on its own watch list in May.", True),
    ("How many vessels did the EU add to the Shadow Fleet Register?",
     "Britain added 30 tankers to its register of sanctioned ships last week.", True),
    ("How many people were placed on the Magnitsky Sanctions List?",
     "Canada placed 14 officials on its list of sanctioned persons the same day.", True),
    # the same set: no other set named, or the set by its whole name
    ("How many companies were added to the Entity List?",
     "Eleven other Chinese firms, most of them traders in Hong Kong, were also added.", False),
    ("How many companies were added to the Entity List?",
     "The Entity List now holds more than 600 Chinese companies.", False),
    ("How many vessels did the EU add to the Shadow Fleet Register?",
     "The tankers carried 3 million barrels of Russian crude last year.", False),
    # a name's word, not a common noun: a question opening "A Dutch court …", a "Welsh Senedd" of the question
    ("A Dutch court extended the detention of Anna Berg this week. By how many months was it extended?",
     "Earlier, a Dutch court ruled her custody be extended by three months pending the trial.", False),
    ("His win gives Labour how many Welsh Senedd seats?",
     "Labour won both of the region's Senedd seats in 2021.", False),
])
def test_a_count_of_another_list_is_another_set(question, detail, other):
    assert counts_another_set(question, detail) is other


ARTICLES = [
    ("01_register.md", "2026-06-20", "EU bars 29 Gabon-flagged and 12 Cook Islands tankers",
     "BRUSSELS, June 20 - The European Union on Friday added 41 tankers to its Shadow Fleet Register, barring them "
     "from EU ports over shipments of Russian oil.\n\nThe vessels are mostly registered in Gabon and the Cook "
     "Islands, officials said. Ships on the register cannot take on fuel or pilots in EU waters."),
    ("02_uk.md", "2026-06-22", "Greek port seizes Gabon-flagged tanker",
     "PIRAEUS, June 22 - Greek coast guards detained a Gabon-flagged tanker carrying Russian crude on Sunday. The "
     "ship's captain was questioned for six hours.\n\nBritain's foreign office said it added 30 tankers to its own shadow fleet "
     "register last week."),
    ("03_entity.md", "2026-03-10", "U.S. adds 15 Chinese and seven Emirati firms to Entity List",
     "WASHINGTON, March 10 - The Commerce Department added 22 companies to the Entity List on Tuesday for helping "
     "divert drone parts to Iran.\n\nMost of the firms are trading houses in Shenzhen and Dubai, "
     "officials said. Companies on the list need a licence for any U.S. item."),
    ("04_raid.md", "2026-03-12", "Singapore raids drone parts broker",
     "SINGAPORE, March 12 - Singapore police raided the offices of a drone parts broker on Thursday and seized "
     "servers.\n\nThe trade ministry said it had added nine entities to its list of high-risk traders in February."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("count_same_set"), ARTICLES)


@pytest.mark.parametrize("question, count, other", [
    ("How many tankers were added to the Shadow Fleet Register?", "41", "30 tankers"),
    ("How many companies were added to the Entity List?", "22", "nine entities"),
])
def test_a_count_answer_is_not_padded_with_another_lists_count(engine, question, count, other):
    answer = answer_text(engine.write(question, template="answer", ))
    assert count in answer, answer
    assert other not in answer, answer
