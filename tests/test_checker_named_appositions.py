"""A name restated with its description in apposition is supported: "Lee, a broker, was acquitted" over "a broker
surnamed Lee, was acquitted", "Jens Müller, a 61-year-old customs broker, was charged" over "charged a 61-year-old
customs broker identified as Jens Müller" (``rag/support/named_appositions.py``, read by ``edits._title_moved``;
s67 fresh user F4). A description the passage gives another name is a role swap ("Jo, a broker," where the broker
is Lee: ``named_appositions.described_other``). A title written before a name is restated after it ("Lee Jae-yong
is the chairman of Samsung Electronics", "Rene Haas, the chief executive of Arm, said" over "Samsung Electronics
chairman Lee Jae-yong", "Arm chief executive Rene Haas said": ``restated_holdings``; the speaker before an apposition
is read by ``roles.speakers``); a title the passage writes nowhere for a name it titles otherwise is a role swap
(``other_title``). Uses the bundled offline MiniLM."""

from __future__ import annotations

import pytest

from checker_pairs import misjudged
from rag.support.named_appositions import described_other, other_title, restated_holdings, restated_names
from rag.support.roles import speakers, tokens
from rag.text.tokens import stem

SEOUL = ("The court gave the lead defendant, a 52-year-old former senior designer surnamed Jo, four years in prison "
         "and fined him 300 million won. A fourth defendant, a broker surnamed Lee, was acquitted for lack of evidence.")
TAIPEI = ("Taiwanese prosecutors said a 29-year-old engineer surnamed Chen was arrested at the airport on Friday while "
          "carrying design files for 3-nanometre chips. He was released on bail of NT$500,000.")
HAMBURG = ("Prosecutors in Hamburg charged a 61-year-old customs broker identified as Jens Müller with forging export "
           "licences for dual-use pumps. He denies the charges.")
CHITTAGONG = ("Police in Chittagong detained a shipping agent named Rahman on Saturday over falsified cargo manifests "
              "for a consignment of drone motors.")
CHITTAGONG2 = ("Police in Chittagong detained a shipping agent named Rahman on Saturday and questioned a customs officer "
               "named Karim over falsified cargo manifests.")
AMSTERDAM = ("An Amsterdam court on Thursday fined a Dutch trader named Pieter de Vries 40,000 euros for shipping "
             "lithography parts to Russia without a licence. Two other defendants were cleared.")
MADRID = ("Shares of Valtera Energy fell 6% in Madrid. The company's finance chief, a former banker named Carla Ruiz, "
          "resigned on Tuesday after auditors questioned its hedging accounts.")

RESTATED = [
    ("Lee, a broker, was acquitted.", SEOUL),
    ("Chen, a 29-year-old engineer, was arrested at the airport.", TAIPEI),
    ("Jens Müller, a 61-year-old customs broker, was charged with forging export licences.", HAMBURG),
    ("Rahman, a shipping agent, was detained on Saturday.", CHITTAGONG),
    ("Pieter de Vries, a Dutch trader, was fined 40,000 euros.", AMSTERDAM),
    ("Carla Ruiz, the finance chief, resigned on Tuesday.", MADRID),
]

SWAPPED = [
    ("Lee, a designer, was acquitted.", SEOUL),
    ("Jo, a broker, was sentenced to four years in prison.", SEOUL),
    ("Rahman, a customs officer, was detained on Saturday.", CHITTAGONG2),
]

OTHER = [  # a description the passage gives nobody, or another word in it: not restated (other signals judge it)
    ("Chen, a 29-year-old lawyer, was arrested at the airport.", TAIPEI),
    ("Pieter de Vries, a Belgian trader, was fined 40,000 euros.", AMSTERDAM),
]


@pytest.mark.parametrize("claim, passage", RESTATED)
def test_a_restated_apposition_gives_the_name_and_its_description(claim, passage):
    name = claim.split(",")[0].lower().split()
    assert set(name) <= restated_names(claim, passage)


@pytest.mark.parametrize("claim, passage", SWAPPED + OTHER)
def test_a_description_of_another_name_or_of_none_is_not_restated(claim, passage):
    assert restated_names(claim, passage) == frozenset()


@pytest.mark.parametrize("claim, passage", SWAPPED)
def test_a_description_the_passage_gives_another_name_is_a_role_swap(claim, passage):
    assert (described_other(claim, passage) or "").startswith("role:")


@pytest.mark.parametrize("claim, passage", RESTATED + OTHER)
def test_the_name_own_description_or_none_is_no_role_swap(claim, passage):
    assert described_other(claim, passage) is None


def test_the_checker_keeps_restated_appositions_and_rejects_swapped_ones(checker):
    rows = [(c, p, True) for c, p in RESTATED] + [(c, p, False) for c, p in SWAPPED + OTHER]
    assert not misjudged(checker, rows)


SAMSUNG = ("Samsung Electronics chairman Lee Jae-yong was cleared of all charges by the Supreme Court on Thursday, ending "
           "a nine-year legal fight over the 2015 merger of two Samsung affiliates.")
ARM = ("Arm chief executive Rene Haas said on Wednesday that royalties from its newest chip designs would rise as phone "
       "makers adopt them.")
VALE = ("Vale Base Metals chief executive Maria Silva said on Monday that nickel output would fall 8% this year as the "
        "Sudbury mine is refitted.")

TITLES_RESTATED = [
    ("Lee Jae-yong is the chairman of Samsung Electronics.", SAMSUNG),
    ("Rene Haas, the chief executive of Arm, said royalties would rise.", ARM),
    ("Maria Silva, the chief executive of Vale Base Metals, said nickel output would fall.", VALE),
]

TITLES_OTHER = [
    ("Lee Jae-yong is the chairman of Hyundai Motor.", SAMSUNG),
    ("Rene Haas, the chief financial officer of Arm, said royalties would rise.", ARM),
    ("Maria Silva, the finance director of Vale Base Metals, said nickel output would fall.", VALE),
    ("Maria Silva, the chief executive of Vale Base Metals, said nickel output would rise.", VALE),
]


@pytest.mark.parametrize("claim, passage", TITLES_RESTATED)
def test_a_title_written_before_the_name_is_restated_after_it(claim, passage):
    assert {w.lower() for w in claim.split(",")[0].split()[:2]} <= restated_holdings(claim, passage)


@pytest.mark.parametrize("claim, passage", TITLES_OTHER[:3])
def test_a_title_of_another_owner_or_head_is_not_restated(claim, passage):
    assert restated_holdings(claim, passage) == frozenset()


def test_a_title_the_passage_writes_nowhere_for_a_name_it_titles_otherwise_is_a_role_swap():
    assert (other_title(TITLES_OTHER[2][0], VALE) or "").startswith("role:")
    assert all(other_title(c, p) is None for c, p in TITLES_RESTATED)


@pytest.mark.parametrize("claim, who", [
    ("Rene Haas, the chief executive of Arm, said royalties would rise.", {"rene", "haas"}),
    ("Ilse de Groot, a spokeswoman for the ministry, said the talks would resume.", {"groot", "ilse"}),
    ("Exports fell 5%, the trade ministry said.", {"trade", "ministry"}),
    ('"We will grow, and fast," said Haas.', {"haas"}),
])
def test_a_speaker_before_an_apposition_is_the_speaker(claim, who):
    assert [w for w, _ in speakers(tokens(claim))][0] >= {stem(w) for w in who}


def test_the_checker_keeps_restated_titles_and_rejects_other_ones(checker):
    rows = [(c, p, True) for c, p in TITLES_RESTATED] + [(c, p, False) for c, p in TITLES_OTHER]
    assert not misjudged(checker, rows)
