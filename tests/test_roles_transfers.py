"""A transfer told from its receiver's end: "DC has received more than 7,900 migrants from Texas" restates "Texas has
sent more than 7,900 migrants to DC", the two names in the other order because the verb is the converse one. Read as
one verb, that was a role swap and a veto (cl-918; evals/README.md, h/checker-s35). Converse pairs:
``rag/support/data/transfers.toml``. The same verb with the names swapped, or the converse verb with the names in the
same order, is still the transfer the wrong way round."""

from __future__ import annotations

import pytest

from rag.support.roles import argument_swap, converse_transfer

MIGRANTS = "Texas has sent more than 7,900 migrants to DC and more than 2,200 migrants to New York City."
STAKE = "Gazprom sold a 40% stake in the pipeline to Shell for $2 billion."
GRAIN = "Ukraine exported 2 million tonnes of grain to Egypt last year."
LOAN = "The IMF lent Pakistan $3 billion in July under a new program."
ARMS = "Germany will deliver 50 Gepard anti-aircraft tanks to Ukraine this summer, the defense ministry said."
RICE = "Vietnam shipped 300,000 tonnes of rice to the Philippines in the first quarter."


@pytest.mark.parametrize("passage, claim", [
    (MIGRANTS, "DC has received more than 7,900 migrants from Texas, and New York City more than 2,200."),
    (STAKE, "Shell bought a 40% stake in the pipeline from Gazprom for $2 billion."),
    (STAKE, "Shell acquired a 40% stake in the pipeline from Gazprom."),
    (GRAIN, "Egypt imported 2 million tonnes of grain from Ukraine last year."),
    (LOAN, "Pakistan borrowed $3 billion from the IMF in July."),
    (ARMS, "Ukraine will receive 50 Gepard anti-aircraft tanks from Germany this summer."),
    (RICE, "The Philippines received 300,000 tonnes of rice from Vietnam in the first quarter."),
])
def test_a_transfer_told_from_the_receivers_end_is_no_role_swap(passage, claim):
    assert argument_swap(claim, passage) is None


@pytest.mark.parametrize("passage, claim", [
    (MIGRANTS, "DC has sent more than 7,900 migrants to Texas."),
    (MIGRANTS, "Texas has received more than 7,900 migrants from DC."),
    (STAKE, "Shell sold a 40% stake in the pipeline to Gazprom for $2 billion."),
    (STAKE, "Gazprom bought a 40% stake in the pipeline from Shell for $2 billion."),
    (GRAIN, "Ukraine imported 2 million tonnes of grain from Egypt last year."),
    (RICE, "Vietnam received 300,000 tonnes of rice from the Philippines in the first quarter."),
])
def test_the_transfer_the_wrong_way_round_is_still_a_role_swap(passage, claim):
    assert argument_swap(claim, passage) is not None


def test_the_receivers_side_names_its_giver_with_from():
    assert converse_transfer("has received more than migrants from".split(), "has sent more than migrants to".split())
    # "received" without "from" names no giver: "DC received praise as Texas sent migrants" is no converse telling
    assert not converse_transfer("received praise as".split(), "sent migrants to".split())
    # one verb on both sides is no converse pair
    assert not converse_transfer("sent migrants to".split(), "sent migrants to".split())
