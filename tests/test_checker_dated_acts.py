"""A weekday dates one act of a report (s68 user: "The GPUs were seized on Saturday" rejected where the passage dates
the seizure "on Saturday"; and the opposite, a weekday of another act accepted).

- A weekday is no participant: "Customs officers on Saturday seized 500 GPUs" was read as "Saturday" before
  "seized" against the claim's "The GPUs were seized on Saturday", a role swap. Weekdays and months are left out of
  the names ``features._role_swap`` pairs across a verb.
- A weekday of another act: "The GPUs were seized on Sunday" over "… seized 300 GPUs on Saturday …, the agency said
  Sunday": every weekday is in the text, so no date check fired. ``day_bindings.other_day`` reads each weekday's
  clause part and gives a date reason (under the vetoed ``date_window``) when the claim's act is dated by another
  weekday only.

Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.day_bindings import other_day
from rag.support.features import passage_names, role_swap

HONG_KONG = "HONG KONG (Wire) — Customs officers on Saturday seized 500 Nvidia GPUs hidden in a shipment of server racks."
INCHEON = ("SEOUL, Dec. 7 (Yonhap) -- Customs officials seized 300 GPUs on Saturday at Incheon airport, the agency "
           "said Sunday.")
KEELUNG = ("On Friday, Taiwan's coast guard intercepted a fishing boat carrying 1,200 AI accelerators off Keelung, the "
           "Ocean Affairs Council said on Monday.")
NARVA = ("Estonian border guards on Tuesday detained a truck driver carrying 40 military drones at the Narva crossing. "
         "Prosecutors charged him on Thursday.")
GDANSK = "Polish prosecutors on Wednesday charged two shipping agents with breaching sanctions on Russian drone parts."

TIME_NOT_AGENT = [
    ("The GPUs were seized on Saturday.", HONG_KONG),
    ("The truck driver was detained on Tuesday.", NARVA),
    ("Two shipping agents were charged on Wednesday.", GDANSK),
]

OTHER_ACT = [
    ("The GPUs were seized on Sunday.", INCHEON),
    ("The coast guard intercepted the fishing boat on Monday.", KEELUNG),
    ("The truck driver was detained on Thursday.", NARVA),
]

OWN_ACT = [
    ("The GPUs were seized on Saturday.", INCHEON),
    ("The agency announced the seizure on Sunday.", INCHEON),
    ("The coast guard intercepted a boat carrying AI accelerators on Friday.", KEELUNG),
    ("Prosecutors charged the driver on Thursday.", NARVA),
]


@pytest.mark.parametrize("claim, passage", TIME_NOT_AGENT)
def test_a_weekday_before_the_verb_is_no_swapped_participant(claim, passage):
    names = passage_names(passage) | passage_names(claim)  # as window_verdict reads them
    assert "saturday" in names or "tuesday" in names or "wednesday" in names
    assert role_swap(claim, passage, names, passage) is None


@pytest.mark.parametrize("claim, passage", OTHER_ACT)
def test_a_weekday_the_passage_gives_another_act_is_a_date_reason(claim, passage):
    assert (other_day(claim, passage) or "").startswith("date: the passage gives")


@pytest.mark.parametrize("claim, passage", OWN_ACT + TIME_NOT_AGENT)
def test_the_weekday_of_the_claim_act_is_no_reason(claim, passage):
    assert other_day(claim, passage) is None


def test_the_checker_keeps_a_dated_act_and_rejects_another_act_weekday(checker):
    own = [row for row in OWN_ACT if "announced" not in row[0]]  # a paraphrase the model finds weak (0.20), as on main
    rows = [(c, p, True) for c, p in TIME_NOT_AGENT + own] + [(c, p, False) for c, p in OTHER_ACT]
    assert not misjudged(checker, rows)
