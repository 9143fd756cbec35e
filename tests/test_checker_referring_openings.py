"""A sentence that opens by referring back ("The cards had been declared ...", "He must serve ...") continues the
thing or person the sentence before named, so a claim that names it there ("Nvidia's H20 chips had been declared
...") joins the two sentences as a reader does, not as a cut (``cuts.join_reason``, ``referring_nouns.toml``; s70
brief, kind (d)). A referring noun of another kind ("the men" after "... chips") or a sentence that names its own
subject joins nothing. Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.cuts import join_reason
from rag.text.sentences import sentence_texts

SINGAPORE = ("Singapore police charged three men over the shipment of Nvidia's H20 chips to Malaysia. The cards had been "
             "declared as computer parts, the police said.")
DAEWON = ("Korean police raided the offices of Daewon Precision over its export of semiconductor cleaning robots. The "
          "machines had been shipped to a buyer in Wuxi.")
TAICHUNG = ("Taiwan's High Court upheld the verdict against the former TSMC engineer on Wednesday. He must serve four "
            "years in prison and pay a fine of NT$5 million.")
GALLIUM = ("Beijing said on Monday it would restrict exports of gallium and germanium from August. The metals are used "
           "in chips and solar cells.")
BUSAN = ("Busan customs found 40 drone engines in a container declared as farm pumps. The parts were bound for a trading "
         "company in Vladivostok.")
MEN = ("Singapore police charged three men over the shipment of Nvidia's H20 chips to Malaysia. The men had been "
       "released on bail, the police said.")

JOINED = [  # the referring opening's thing or person named by the claim
    ("Nvidia's H20 chips had been declared as computer parts.", SINGAPORE),
    ("Daewon Precision's semiconductor cleaning robots had been shipped to a buyer in Wuxi.", DAEWON),
    ("The former TSMC engineer must serve four years in prison.", TAICHUNG),
    ("Gallium and germanium are used in chips and solar cells.", GALLIUM),
    ("The 40 drone engines were bound for a trading company in Vladivostok.", BUSAN),
]

OTHER = [  # another thing in the referring sentence's place, or a referring noun of another kind
    ("Nvidia's H100 chips had been declared as computer parts.", SINGAPORE),
    ("Daewon Precision's semiconductor cleaning robots had been shipped to a buyer in Suzhou.", DAEWON),
    ("The former TSMC engineer must serve six years in prison.", TAICHUNG),
    ("Gallium and germanium are used in batteries and solar cells.", GALLIUM),
    ("Nvidia's H20 chips had been released on bail.", MEN),
]


@pytest.mark.parametrize("claim, passage", JOINED)
def test_a_referring_opening_joins_its_antecedent(claim, passage):
    assert join_reason(claim, sentence_texts(passage)) is None


def test_a_referring_noun_of_another_kind_stays_a_join():
    assert join_reason("Nvidia's H20 chips had been released on bail.", sentence_texts(MEN))


def test_a_pronoun_refers_only_to_a_person():
    passage = ("Taiwan's High Court upheld the ban on the Hsinchu fab on Wednesday. He must serve four years in "
               "prison.")
    assert join_reason("The Hsinchu fab must serve four years in prison.", sentence_texts(passage))


def test_the_checker_keeps_joined_referents_and_rejects_other_things(checker):
    rows = [(c, p, True) for c, p in JOINED] + [(c, p, False) for c, p in OTHER]
    assert not misjudged(checker, rows)
