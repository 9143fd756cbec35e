"""A verb of prevention negates the act after its "from": "prohibit teams from bringing" says teams do not bring.

The same negation said with "not" ("may not bring", "were not allowed to enter") agrees with it; the act stated
as done ("teams can bring", "reporters entered") contradicts it. A "from" that names a place or source, not a
gerund ("banned imports from Japan"), prevents no act.
"""

from __future__ import annotations

import pytest

from rag.support.polarity import polarity, polarity_conflict

RULES = "FIFA rules prohibit teams from bringing their own armband designs to the World Cup."
ROOM = "Officials banned reporters from entering the room."
COURT = ("A coalition of mostly GOP-led states successfully sued to block the Department of Homeland Security from "
         "ending enforcement.")
CHIPS = "The rule stops companies from selling chips to Huawei."


def conflict(claim: str, passage: str) -> str | None:
    return polarity_conflict(polarity(claim), polarity(passage))


@pytest.mark.parametrize("claim, passage", [
    ("Under FIFA rules, teams may not bring their own armband designs to the World Cup.", RULES),
    ("Teams are not allowed to bring their own armband designs to the World Cup.", RULES),
    ("Reporters were not allowed to enter the room.", ROOM),
    ("Reporters could not enter the room.", ROOM),
    ("The states sued to block DHS from ending enforcement.", COURT),
    ("Under the rule, companies cannot sell chips to Huawei.", CHIPS),
    ("Officials barred reporters from entering the room.", "Reporters were not allowed to enter the room."),
])
def test_prevention_agrees_with_the_negation_said_another_way(claim, passage):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("claim, passage, lemma", [
    ("Teams can bring their own armband designs to the World Cup.", RULES, "bring"),
    ("Reporters entered the room.", ROOM, "enter"),
    ("The Department of Homeland Security ended enforcement.", COURT, "end"),
    ("Companies sold chips to Huawei.", CHIPS, "sell"),
])
def test_the_prevented_act_stated_as_done_is_a_negation_mismatch(claim, passage, lemma):
    assert conflict(claim, passage) == f"negation mismatch on '{lemma}'"


def test_a_from_that_names_a_source_prevents_no_act():
    passage = "The government banned imports from Japan last year."
    assert conflict("Japan imports goods.", passage) is None
    assert conflict("The government banned imports from Japan.", passage) is None
    assert polarity(passage).scoped == set()


def test_prevention_reaches_over_a_long_object_but_not_past_punctuation():
    assert "end" in polarity(COURT).scoped
    assert polarity("They stopped, and from then on, the talks kept going.").scoped == set()
