"""A title whose ministry is a list names its holder; a ministry named by a list is one entity (issue 10, s36 fresh user).

The Korea assessment's entities listed Kim In-chul but not "South Korean Minister of Trade, Industry and Energy Sung
Yun-mo" nor "The South Korean Ministry of Trade, Industry and Energy": the list of a ministry's words ended the name
run, and the holder after it was skipped with the list's last word ("Energy Sung Yun-mo"); and a ministry of eight
words was dropped as "too long" though only six are capitalised. Specified beyond the one case: titles of other
governments, other list-named ministries, and what must not change (a ministry without a holder, a weekday after one).
"""

from __future__ import annotations

import pytest

from rag.writers.key_terms import names_in
from rag.writers.terms_section import entity_terms, holder

HOLDERS = [
    ("South Korean Minister of Trade, Industry and Energy Sung Yun-mo said no illegal transactions were found.", "Sung Yun-mo"),
    ("Japanese Minister of Economy, Trade and Industry Yasutoshi Nishimura met the envoy.", "Yasutoshi Nishimura"),
    ("Taiwanese Minister of Economy, Science and Technology Chang Wen-lin visited the fab.", "Chang Wen-lin"),
    ("Deputy Minister of Trade, Industry and Energy Park Il-jun told reporters.", "Park Il-jun"),
]
MINISTRIES = [
    ("The South Korean Ministry of Trade, Industry and Energy said Seoul plans to file a complaint.",
     "South Korean Ministry of Trade, Industry and Energy"),
    ("The Ministry of Economy, Trade and Industry on Monday said it would not back down.", "Ministry of Economy, Trade and Industry"),
]


@pytest.mark.parametrize(("text", "who"), HOLDERS)
def test_the_holder_after_a_titles_listed_ministry_is_named(text, who):
    assert [holder(n) for n, _ in names_in(text)] == [who]
    assert who in entity_terms([text], [], [text], 5)


@pytest.mark.parametrize(("text", "ministry"), MINISTRIES)
def test_a_ministry_named_by_a_list_is_one_entity(text, ministry):
    assert names_in(text)[0][0] == ministry
    assert ministry in entity_terms([text], [], [text], 5)


def test_a_long_run_of_capitals_is_still_no_name():
    text = "Leaders Said The Plan Would Fail Badly In Tokyo And Seoul, the headline read."
    assert not any(len(n.split()) > 6 for n in entity_terms([text], [], [text], 5))
