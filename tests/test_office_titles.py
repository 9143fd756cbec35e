"""A person's office as the claim titles it must be the office the passage gives that person: "Zolboo Tserendorj,
Mongolia's finance minister" over "Minister of Mining and Heavy Industry Zolboo Tserendorj" gives him another
ministry, whether either text writes the title before the name, in apposition or as "X's minister"
(``rag/support/office_titles.py``). The same office reworded ("the mining minister" for "Minister of Mining and Heavy
Industry"), a title without a portfolio ("Mongolia's minister") or a nationality ("the Mongolian minister") is
the office the passage gives. Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.office_titles import office_mismatch

OTHER_OFFICE = [
    ("Rafael Ortega, Chile's finance minister, announced the royalty.",
     "Chile's Minister of Mines and Energy Rafael Ortega announced the royalty at a briefing in Santiago.", "finance"),
    ("Health Minister Amara Diallo opened the new clinic.",
     "Senegal's education minister, Amara Diallo, opened the new clinic in Thies on Friday.", "health"),
    ("Agnieszka Wrona, the defence minister, signed the contract.",
     "The contract was signed by Agnieszka Wrona, Poland's minister of digital affairs, in Warsaw.", "defence"),
    ("Daniel Hughes, the interior secretary, met the governors.",
     "US Energy Secretary Daniel Hughes met the governors of three western states on Tuesday.", "interior"),
    ("Kenji Mori is Japan's foreign minister.",
     "Japan's agriculture minister, Kenji Mori, said rice stocks would be released.", "foreign"),
]

SAME_OFFICE = [
    ("Rafael Ortega, Chile's energy minister, announced the royalty.", OTHER_OFFICE[0][1]),
    ("Amara Diallo, Senegal's minister of education, opened the new clinic.", OTHER_OFFICE[1][1]),
    ("Agnieszka Wrona, the Polish minister, signed the contract.", OTHER_OFFICE[2][1]),
    ("Daniel Hughes, the US energy secretary, met the governors.", OTHER_OFFICE[3][1]),
    ("Kenji Mori, Japan's minister, said rice stocks would be released.", OTHER_OFFICE[4][1]),
    ("Ken Saito, Japan's trade minister, met the delegation.",
     "Japan's Minister of Economy, Trade and Industry Ken Saito met the delegation on Tuesday."),
    ("The request was passed to Malaysia's trade minister, Ahmad Rahman.",
     "The request reached Ahmad Rahman, Malaysia's Minister of Investment, Trade and Industry, on Friday."),
    ("Maria Costa, the new mayor of Porto, opened the bridge.",
     "Maria Costa, who will officially become mayor of Porto on Monday, opened the bridge."),
    ("Leeds City Council, the new leader of the bid, backed it.",
     "Leeds City Council will officially become leader of the regional bid, its chief executive said."),
    ("Finance Minister Lars Berg presented the budget.",
     "Lars Berg, Sweden's minister for finance, presented the budget to parliament on Monday."),
]


@pytest.mark.parametrize("claim, passage, office", OTHER_OFFICE)
def test_a_title_of_another_office_for_the_named_person_is_a_role_the_passage_does_not_give(claim, passage, office):
    reason = office_mismatch(claim, passage)
    assert reason is not None and reason.startswith("role:") and office in reason.lower()


@pytest.mark.parametrize("claim, passage", SAME_OFFICE)
def test_the_same_office_reworded_a_bare_title_or_a_nationality_is_kept(claim, passage):
    assert office_mismatch(claim, passage) is None


def test_the_checker_rejects_another_office_and_keeps_the_office_reworded(checker):
    rows = [(c, p, False) for c, p, _ in OTHER_OFFICE] + [(c, p, True) for c, p in SAME_OFFICE]
    assert not misjudged(checker, rows)
