""""Which show/treat/product …?" is answered by a name or a title. A quoted title is one (“Squid Game”, "Don't Worry
Darling"), and so is a term a naming verb introduces ("a humanoid robot dubbed Optimus"); a speaker's words or scare
quotes in lower case are not ("a “fresh take” on a similar pastry", "reheat it “steaming hot”"), and the sentence
holding them names nothing.

Seen on RealTime QA (fit half): "Which new treat did McDonald's add to its menu for the fall?" was led by "McDonald's
said the limited-time offering is a “fresh take” on a similar pastry it briefly served in the 1980s", typed as naming
the treat by its quote.
"""

from __future__ import annotations

import pytest

from rag.writers.answer_kind import names_title


@pytest.mark.parametrize("text", [
    "The hit series “Squid Game” is coming back for a second season.",
    "“Don't Worry Darling” premiered at the festival on Monday.",
    "The company unveiled a prototype of a humanoid robot dubbed Optimus.",
    "The singer's new album, “Midnights”, broke streaming records.",
    "Its latest drink, known as the Pumpkin Cream Cold Brew, returns in August.",
])
def test_a_quoted_title_or_a_named_term_names_the_thing(text):
    assert names_title(text)


@pytest.mark.parametrize("text", [
    "McDonald's said the limited-time offering is a \"fresh take\" on a similar pastry it briefly served in the 1980s.",
    "People at high risk should reheat deli meat until it is “steaming hot,” the CDC said.",
    "The chain called the decision “a difficult one” for its franchisees.",  # "called" names no title here
    "Critics said the ‘90s revival shows had run their course.",  # an elision's mark, not a quote
    "Harry’s memoir sold 1.4 million copies on its first day.",  # apostrophes
])
def test_a_lower_case_quote_or_an_apostrophe_names_nothing(text):
    assert not names_title(text)
