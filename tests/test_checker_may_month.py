""""May" after a word of time is the month ("approved in May", "since May", "by late May", "the end of May"), so a
claim's "in May" is checked against the passage's month as "in June" is; "may" the modal verb and "Theresa May" are
no month (``rag/support/facts.py``, ``dates.toml`` [may_month]; a date swap seen while checking the s70 passive
pairs). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.facts import extract_facts

MARCH = "The ministry approved the battery plant's cybersecurity plan in March, two months after the audit."
MAY = "Japan has curbed exports of 23 types of chipmaking equipment since May, the trade ministry said."
LATE_MAY = "Samsung expects the Pyeongtaek line to start mass production by late May, a company official said."
END_MAY = "Taiwan's cabinet will decide on the Kumamoto subsidy by the end of May, the economy minister said."

WRONG = [
    ("The battery plant's cybersecurity plan was approved in May.", MARCH),
    ("The ministry approved the battery plant's cybersecurity plan in May.", MARCH),
    ("Japan has curbed exports of 23 types of chipmaking equipment since March.", MAY),
    ("Samsung expects the Pyeongtaek line to start mass production by late June.", LATE_MAY),
]
RIGHT = [
    ("Japan has curbed exports of 23 types of chipmaking equipment since May.", MAY),
    ("Samsung expects the Pyeongtaek line to start mass production by late May.", LATE_MAY),
    ("Taiwan's cabinet will decide on the Kumamoto subsidy by the end of May.", END_MAY),
    ("The battery plant's cybersecurity plan was approved in March.", MARCH),
]


@pytest.mark.parametrize("text", ["approved in May", "since May", "by late May", "by the end of May",
                                  "In May, Japan tightened the rules"])
def test_may_after_a_word_of_time_is_the_month(text):
    assert 5 in extract_facts(text, claim=True).months


@pytest.mark.parametrize("text", ["Regulators may approve the plan", "May the rules hold", "Theresa May said",
                                  "the ruling May Chen welcomed"])
def test_may_as_a_verb_or_a_name_is_no_month(text):
    assert 5 not in extract_facts(text, claim=True).months


def test_the_checker_compares_a_may_claim_with_the_passage_month(checker):
    rows = [(c, p, False) for c, p in WRONG] + [(c, p, True) for c, p in RIGHT]
    assert not misjudged(checker, rows)
