"""A part's count from an "including N" phrase, restated with what qualifies the part, is no cut: "Bluecrest hired 17
engineers from Lingyun Semiconductor" over "... hired 61 engineers, including 17 from memory chipmaker Lingyun
Semiconductor" is supported; the bare part's count given to the verb ("Bluecrest hired 17 engineers": the total was
61) stays unsupported (``cuts._sub_count``, ``cut_words.toml`` inclusions; s67 fresh user F7). Uses the bundled
offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.cuts import cut_reason

BLUECREST = ("Prosecutors said the front company, Bluecrest Technology, opened an office in Taoyuan in 2023 and hired "
             "61 engineers, including 17 from memory chipmaker Lingyun Semiconductor, without the approval required.")
PENANG = ("Malaysian police arrested 40 people, including 12 in Penang, in raids on a chip smuggling ring, the "
          "inspector-general said.")
SGX = "The regulator fined 22 brokers, among them 6 based in Singapore, for failing to screen clients."

PARTS = [
    ("Bluecrest hired 17 engineers from Lingyun Semiconductor.", BLUECREST),
    ("Police arrested 12 people in Penang.", PENANG),
    ("The regulator fined 6 brokers based in Singapore.", SGX),
]

BARE = [
    ("Bluecrest hired 17 engineers.", BLUECREST),
    ("Police arrested 12 people.", PENANG),
    ("The regulator fined 6 brokers.", SGX),
]


@pytest.mark.parametrize("claim, passage", PARTS)
def test_the_part_with_its_qualifier_is_no_cut(claim, passage):
    assert cut_reason(claim, passage) is None


@pytest.mark.parametrize("claim, passage", BARE[:2])
def test_the_bare_part_given_to_the_verb_is_a_cut(claim, passage):
    assert cut_reason(claim, passage)


def test_the_checker_supports_the_qualified_part_and_rejects_the_bare_one(checker):
    rows = [(c, p, True) for c, p in PARTS] + [(c, p, False) for c, p in BARE]
    assert not misjudged(checker, rows)
