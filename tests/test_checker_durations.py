"""A duration restated in other units states the cited number: "jailed for three and a half years" for "sentenced to
three years and six months", "18 months" for "a year and a half", "42 months" for "three and a half years" (new user
s65 F8: "number three and a half not in cited text"). A cited duration is read in years and months
(``rag/support/durations.py``, ``data/durations.toml``); another duration is still another number."""

from __future__ import annotations

import pytest

from rag.support.facts import extract_facts, index_text
from rag.support.figures import num_match


def unmatched(claim: str, passage: str) -> list[str]:
    cited = index_text(passage).facts.numbers
    return [n.surface for n in extract_facts(claim, claim=True).numbers if not num_match(n, cited)]


@pytest.mark.parametrize("passage, claim", [
    ("The Seoul Central District Court sentenced Kim to three years and six months in prison.",
     "Kim was jailed for three and a half years."),
    ("Judge Okafor gave Adeyemi a year and a half in prison for the Lagos port fraud.",
     "Adeyemi was sentenced to 18 months in prison."),
    ("The Federal Court in Sydney banned the director for 18 months.",
     "The director was banned for one and a half years."),
    ("The Paris court handed the lobbyist a sentence of three and a half years.",
     "The lobbyist was sentenced to 42 months."),
    ("Brazil extended the moratorium by two years and six months.",
     "Brazil extended the moratorium by two and a half years."),
])
def test_the_same_duration_in_other_units_is_the_cited_number(passage, claim):
    assert unmatched(claim, passage) == []


@pytest.mark.parametrize("passage, claim", [
    ("The Seoul Central District Court sentenced Kim to three years and six months in prison.",
     "Kim was jailed for four and a half years."),
    ("Judge Okafor gave Adeyemi a year and a half in prison.", "Adeyemi was sentenced to 20 months in prison."),
    ("The Federal Court in Sydney banned the director for 18 months.", "The director was banned for 2.5 years."),
])
def test_another_duration_is_still_another_number(passage, claim):
    assert unmatched(claim, passage) != []
