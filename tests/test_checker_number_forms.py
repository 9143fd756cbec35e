"""Faithful figures the number reader reads alike, and forms it keeps apart (rag/text/numbers.py, facts.py)."""

import pytest

from rag.support.checker import _num_match  # noqa: PLC2701 - the number check the checker applies
from rag.support.facts import extract_facts
from rag.text.numbers import find_quantities


def _failed(claim: str, passage: str) -> list[str]:
    cited = extract_facts(passage, claim=False).numbers
    return [n.name for n in extract_facts(claim, claim=True).numbers if not _num_match(n, cited)]


@pytest.mark.parametrize("text, value", [
    ("held the post for 2 1/2 years", 2.5),
    ("a round trip of 25½ days", 25.5),
    ("nearly 21⁄2 million Americans", 2_500_000),  # a ½ whose superscript was lost, fraction slash kept
    ("sentenced to 121/2 years in prison", 12.5),  # the same with an ASCII slash, before a word
    ("a 91/2-game lead", 9.5),
    ("an asteroid 6 1/2 feet wide", 6.5),
])
def test_mixed_numbers_are_read_whole(text, value):
    assert [q.value for q in find_quantities(text)][:1] == [pytest.approx(value)]


@pytest.mark.parametrize("text", ["11/2: The Struts at the Palladium", "11/28: Fleetwood Mac", "a 2/3 majority"])
def test_dates_and_plain_fractions_are_not_mixed_numbers(text):
    assert not any(q.value in (1.5, 11.5, 12.5) for q in find_quantities(text))


@pytest.mark.parametrize("claim, passage", [
    ("The yuan recovered to 6.78 yuan per US$1.", "The currency recovered to stand around 6.78 per US dollar."),
    ("The ruble fell to 38.80 per $1.", "The ruble fell to 38.80 rubles against the U.S. dollar."),
    ("The rupee slid to 82.1 to the US$1.", "The rupee slid to 82.1 against the dollar."),
    ("She was a public defender for two and a half years.", "She held the post for 2 1/2 years."),
    ("He served 12 1/2 years.", "He served 121/2 years in prison."),
    ("About 3 in 10 adults agreed.", "Some 30% of adults agreed."),
    ("One in five children lives in poverty.", "20 percent of children live in poverty."),
    ("Some 30% of adults agreed.", "About 3 in 10 adults agreed."),
    ("Nearly 2 1/2 million Americans are in prison.", "Nearly 21⁄2 million Americans are in prison."),
])
def test_the_same_figure_written_another_way_passes(claim, passage):
    assert _failed(claim, passage) == []


@pytest.mark.parametrize("claim, passage", [
    ("The game was developed in Japan in 1970.", "The game was developed in Japan in the late 1970's."),
    ("The band formed in 1990.", "The band formed in the 1990s."),
    ("One in four children lives in poverty.", "20 percent of children live in poverty."),
    ("The yuan stood at 6.78 per US$2.", "The yuan stood at 6.78 per US dollar."),
])
def test_another_figure_fails(claim, passage):
    assert _failed(claim, passage)
