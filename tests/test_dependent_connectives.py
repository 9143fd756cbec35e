"""A sentence that opens with a discourse connective depends on the sentence before it (issue 10, item 4).

The kind: a connective whose first argument is the previous sentence (the Penn Discourse Treebank's inter-sentential
adverbials: restatement "In other words", result "Accordingly", contrast "By contrast", instance "For instance",
temporal "Subsequently") or a prepositional phrase whose object refers back ("Because of this", "In response to
that", "Despite these warnings"). Such a sentence is quoted together with the sentence before it, or not at all.
The examples are openers the hand list did not hold; a time, a place, a subordinate clause complete in itself, or a
temporal opener that dates a new fact ("Meanwhile", "Later") does not make a sentence dependent. A brief's
candidates apply the connectives (``connectives=True``); an answer may still quote such a sentence alone.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates, is_dependent

DEPENDENT = [
    "In other words, the ban covers every shipment of the three chemicals.",
    "Accordingly, exporters must now apply for a licence for each shipment.",
    "By contrast, Seoul kept its own tariffs unchanged.",
    "Conversely, imports of the chemicals from Taiwan rose.",
    "For instance, drones and their engines were added to the list.",
    "That is, no licence will be granted without an end-user check.",
    "Because of this, spot prices of hydrogen fluoride doubled.",
    "In response to that, Seoul filed a complaint with the WTO.",
    "Despite these warnings, the survey ship stayed near the reef.",
    "To that end, Tokyo set up a task force on sensitive technologies.",
    "Subsequently, two executives were detained in Shenzhen.",
    "Indeed, the list grew to 27 items within a month.",
    "By doing so, Beijing signalled its anger at the visit.",
    "Rather, the curbs aim at leverage over the court cases.",
    "As such, the rule applies to every firm on the list.",
    "What's more, the ministry widened the list of end users.",
    "So much so that markets now expect an emergency rate hike.",
]
STANDS_ALONE = [
    "In 2019, Japan tightened controls on three chemicals.",
    "On Monday, Seoul filed a complaint with the WTO.",
    "For the first time, Tokyo listed three chemicals as sensitive.",
    "In Tokyo, officials declined to comment on the list.",
    "Despite heavy rain, thousands marched to the embassy.",
    "Given that the ban took effect, exporters waited for licences.",
    "Rather than retaliate, Seoul went to the WTO.",
    "Then-president Moon urged talks with Tokyo.",
    "So far, no shipment has been approved.",
    "So much money went to the fab that the budget ran dry.",
    "After this week's talks, Seoul softened its tone.",
    "Under this year's budget, chip subsidies rise by a third.",
    "Meanwhile, China launched drills around the island.",
    "Later, police arrested the suspect at his home.",
]


@pytest.mark.parametrize("text", DEPENDENT)
def test_a_sentence_opening_with_a_connective_or_a_reference_back_depends_on_the_one_before(text):
    assert is_dependent(text, connectives=True)


@pytest.mark.parametrize("text", STANDS_ALONE)
def test_a_time_place_or_complete_clause_at_the_start_does_not_make_a_sentence_dependent(text):
    assert not is_dependent(text, connectives=True)


def passage(text: str) -> EvidencePassage:
    return EvidencePassage("S1", Chunk("d1-0000", "d1", text, 0, len(text), 0, {"title": "", "publisher": "d1"}), 1.0)


def test_a_restatement_is_quoted_with_what_it_restates_or_not_at_all():
    text = ("Vietnam required import licences for all Chinese steel coils from March 1. "
            "In other words, no coil can clear customs without a ministry permit.\n\n"
            "Steel imports\n\n"
            "Accordingly, traders have stopped booking cargoes for April.")
    cands, dropped = candidates([passage(text)], connectives=True)
    texts = [c.text for c in cands]
    assert any(t.startswith("Vietnam required") and t.endswith("ministry permit.") for t in texts), texts
    assert not any(t.startswith(("In other words", "Accordingly")) for t in texts), texts  # never on its own
    assert dropped["dependent"] == 1  # after a heading there is nothing to depend on


@pytest.mark.parametrize("text", [
    "‘So much so that markets now expect an emergency rate hike.’",
    "“However, the list grew to 27 items within a month.”",
    "\"In other words, no licence will be granted.\"",
])
def test_a_sentence_that_is_only_a_quotation_is_read_by_the_words_inside_it(text):
    assert is_dependent(text, connectives=True)


@pytest.mark.parametrize("text", [
    "“However, the list grew to 27 items within a month,” Nishimura said.",
    "“So much so that markets now expect a hike,” said Clifford Bennett, an economist.",
])
def test_a_quotation_with_its_speaker_in_the_sentence_stands_alone(text):
    assert not is_dependent(text, connectives=True)
