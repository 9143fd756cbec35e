""""Who is X?" is answered by a sentence describing X with a copula (issue 10, answers that answer; s60).

Kind: **a copular description of the asked person is not read as a title.** "Who is Kenji Arakawa?" abstained
("The corpus has no evidence on who … is") although the column it retrieved ends "<name> is a former director of
METI's … Division." — a piece's note on its author says who the author is this way. ``answer_who.titled_mentions``
read a title before the name or an appositive after a comma; "<name> is / was (a|an|the|Capitalised) …" with a
title word now reads as that appositive. A copula with no title after it ("is expected to …", "is a long way
from …") is no description.

The sentences were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts
from rag.writers.answer_who import titled_mentions


@pytest.mark.parametrize("name, text, title", [
    ("Mori Takeshi", "Mori Takeshi is a former director of the trade ministry's export control bureau.",
     "a former director of the trade ministry's export control bureau"),
    ("Park Ji-min", "Park Ji-min was South Korea's ambassador to Japan until 2024.",
     "South Korea's ambassador to Japan until 2024"),
    ("Chen Yu-ting", "Chen Yu-ting is now the chief executive of a Hsinchu chip design firm.",
     "the chief executive of a Hsinchu chip design firm"),
])
def test_a_copular_description_names_the_persons_title(name, text, title):
    assert [m.title for m in titled_mentions(name, text)] == [title]


@pytest.mark.parametrize("name, text", [
    ("Lee Soo-jin", "Lee Soo-jin is expected to attend the hearing."),
    ("Kim Dae-ho", "Kim Dae-ho is a long way from the capital."),
])
def test_a_copula_without_a_title_is_no_description(name, text):
    assert titled_mentions(name, text) == []


COLUMN = (
    "---\ntitle: Seoul needs a chip export police\npublisher: Han River Review (Opinion)\ndate: 2026-10-02\n"
    "author: Mori Takeshi\n---\n\n"
    "Every seizure of smuggled processors at Incheon is announced as a victory. I believe it is a warning.\n\n"
    "The customs service should be given its own strategic-goods investigators.\n\n"
    "Mori Takeshi is a former director of the trade ministry's export control bureau.\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("who_copula"), {"column.md": COLUMN})


def test_who_is_the_columnist_is_answered_by_the_author_note(engine):
    answer = engine.write("Who is Mori Takeshi?", template="answer")
    assert not answer.abstained, answer.message
    assert "former director of the trade ministry's export control bureau" in answer.sections[0].claims[0].text
