"""A possessive title before a name restating an apposition (h/checker-s66, issue 9, the new user's F8).

"Haneul Tech's chief executive Kim Dong-hyun was jailed" over "Kim Dong-hyun, 52, the chief executive of the
trading company Haneul Tech, was sentenced" was rejected as a role swap: the owner and the person stand in the
other order around the role words ("chief executive"), which ``roles.order_swap`` read as an agent and a patient
exchanged. The two texts give the same person the same role of the same owner: the order is the apposition's, not
a swap. Specs, each on new news-like pairs:
* a possessive title ("<owner>'s <role> <name>") restating a passage's apposition ("<name>, <age>, the <role> of
  <the ... owner>,") is supported and is no role swap;
* guards: the role given to another owner, or a person's role given to the other person, stays unsupported.
"""

import pytest

from rag.support.roles import order_swap

RESTATED = [
    ("Harbor Capital's managing director Ngozi Eze was charged with fraud on Friday.",
     "Ngozi Eze, 47, the managing director of the Lagos-based lender Harbor Capital, was charged with fraud on "
     "Friday. Prosecutors said the bank lost 3.2 billion naira."),
    ("Nordtel's chief financial officer Tomas Berg will leave the company in March.",
     "Tomas Berg, the chief financial officer of the Swedish telecoms group Nordtel, will leave the company in "
     "March, the group said in a statement."),
    ("Sorami Corp's president Aiko Tanaka apologised for the data leak.",
     "Aiko Tanaka, 58, the president of the Osaka-based electronics maker Sorami Corp, apologised for the data "
     "leak at a news conference on Tuesday."),
    ("Brazil's finance minister Rafael Duarte said the fuel tax cut would expire in December.",
     "Rafael Duarte, the finance minister of Brazil, said the fuel tax cut would expire in December. Diesel "
     "prices rose 4% in October."),
    ("Andes Copper's chairman Felipe Rojas was fined 40 million pesos.",
     "Felipe Rojas, 66, the chairman of the Chilean mining company Andes Copper, was fined 40 million pesos by "
     "the market regulator on Wednesday."),
    ("Kestrel Air's chief executive Hana Novak resigned after the crash inquiry.",
     "Hana Novak, 51, the chief executive of the Czech charter airline Kestrel Air, resigned after the crash "
     "inquiry published its findings."),
]


@pytest.mark.parametrize("claim, passage", RESTATED)
def test_a_possessive_title_restating_an_apposition_is_supported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)
    assert not any(r.startswith("role:") for r in res.reasons), res.reasons


@pytest.mark.parametrize("claim, passage", RESTATED)
def test_a_possessive_title_restating_an_apposition_is_no_order_swap(claim, passage):
    assert order_swap(claim, passage) is None


SWAPPED = [
    # the role given to another owner the passage names
    ("Harbor Capital's managing director Tomas Berg was charged with fraud on Friday.",
     "Tomas Berg, 47, the managing director of the Lagos-based lender Union Trust, was charged with fraud on "
     "Friday. Harbor Capital, its rival, was not charged."),
    # a person's deputy claimed the other way round
    ("Choi Soo-young's deputy Park Min-jae was acquitted on Monday.",
     "Park Min-jae's deputy, Choi Soo-young, was acquitted on Monday. Park was sentenced to two years."),
    ("Elena Markovic's lawyer Ivan Petrov said she would appeal.",
     "Ivan Petrov's lawyer, Elena Markovic, said he would appeal the ruling."),
]


@pytest.mark.parametrize("claim, passage", SWAPPED)
def test_a_role_of_another_owner_or_person_stays_unsupported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
