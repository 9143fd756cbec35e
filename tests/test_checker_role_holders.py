"""Who holds a role (rag/support/role_holders.py; h/checker-s65, issue 9, a new user's F1 and F13).

Specs of two kinds, each written as new news-like pairs beyond the user's rows:
* a role the passage gives one named person ("the ringleader, Lai Cheng-hao," / "Ortiz, the club's captain," /
  "finance director Ruth Okafor") claimed of another person the passage names is unsupported (role swap);
  the role claimed of its own holder, or of a person the passage gives it too, stays supported;
* a role the passage gives a person in apposition ("Samir Qureshi, 46, the head of procurement at the state-owned
  operator Orbis Rail,") restated with a copula ("Samir Qureshi is the head of procurement at Orbis Rail") is
  supported, and its copula is no edit of the copied sentence (``edits.edited_copy``; main read "is" as a change
  and supported these pairs only at 0.31-0.44 against the threshold 0.29).
"""

import pytest

from rag.support.edits import edited_copy
from rag.support.role_holders import appositive_copula, holder_swap, holdings

SMUGGLING = ("Prosecutors in Rotterdam said the organiser, Pieter Maas, 51, recruited drivers through a haulage firm. "
             "The other defendants are warehouse manager Ilse de Groot, 44, and driver Karim Benali, 29.")
FOOTBALL = ("Marcos Ortiz, the club's captain, missed the final with a knee injury. Goalkeeper Tomas Lindqvist led the "
            "side out in his absence, and defender Yusuf Kaya scored the only goal.")
FRAUD = ("The scheme was run by the company's former finance director, Ruth Okafor, investigators said. Her assistant, "
         "Daniel Mensah, told the court he had only followed instructions.")
MINISTRY = ("Japan's trade minister, Kenji Arakawa, met his Korean counterpart Park Soo-min in Seoul on Thursday. "
            "Arakawa said the two sides agreed to resume talks on export controls.")
HACK = ("The group's leader, Andrei Popescu, a Romanian national, was arrested in Bucharest. Police said his "
        "deputy, Viktor Hale, 33, handled the ransom payments and fled to Moldova.")
SWAPPED_ROLES = [
    ("Ilse de Groot was the organiser of the smuggling operation.", SMUGGLING),
    ("Karim Benali is the organiser.", SMUGGLING),
    ("Tomas Lindqvist is the club's captain.", FOOTBALL),
    ("Yusuf Kaya was the captain of the club.", FOOTBALL),
    ("Daniel Mensah was the company's former finance director.", FRAUD),
    ("Park Soo-min is Japan's trade minister.", MINISTRY),
    ("Viktor Hale is the group's leader.", HACK),
]


@pytest.mark.parametrize("claim, passage", SWAPPED_ROLES)
def test_a_role_of_one_named_person_claimed_of_another_is_unsupported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    assert any(r.startswith("role:") for r in res.reasons), res.reasons


@pytest.mark.parametrize("claim, passage", SWAPPED_ROLES)
def test_the_swap_names_the_passage_holder(claim, passage):
    reason = holder_swap(claim, passage)
    assert reason is not None and reason.startswith("role: passage gives")


OWN_ROLES = [
    ("Pieter Maas was the organiser.", SMUGGLING),
    ("Marcos Ortiz is the club's captain.", FOOTBALL),
    ("Ruth Okafor was the company's former finance director.", FRAUD),
    ("Kenji Arakawa is Japan's trade minister.", MINISTRY),
    ("Viktor Hale is the deputy of the group's leader.", HACK),
    ("Ilse de Groot is a warehouse manager.", SMUGGLING),
]


@pytest.mark.parametrize("claim, passage", OWN_ROLES)
def test_a_role_claimed_of_its_holder_is_no_swap(claim, passage):
    assert holder_swap(claim, passage) is None


SHARED_OR_OTHER = [
    # two holders of one role: either may be claimed to hold it
    ("Lucia Ferrer is a lawyer for the family.",
     "The family's lawyers, Lucia Ferrer and Omar Haddad, said they would appeal. Ferrer told reporters the ruling "
     "ignored the evidence."),
    # a role of something else ("the largest buyer of coal" is not "of copper")
    ("India is the largest buyer of Russian coal.",
     "China, the largest buyer of Russian copper, cut its orders in May. India bought 4 million tonnes of Russian "
     "coal in the same month."),
    # the claimed person is not in the passage: the entity checks judge it, not the role reading
    ("Maria Lopez is the club's captain.", FOOTBALL),
    # an opening place or day and a clause are no name and role ("In Brasilia, the central bank raised rates")
    ("On Tuesday, the central bank raised rates.",
     "In Brasilia, the central bank raised rates on Tuesday. Chile, the neighbouring country, kept rates."),
    ("On Monday, the ministry announced new curbs on chip exports.",
     "In Tokyo, the ministry announced new curbs on chip exports on Monday."),
    ("In March, the regulator fined the bank.", "In Frankfurt, the regulator fined the bank in March."),
]


@pytest.mark.parametrize("claim, passage", SHARED_OR_OTHER)
def test_a_shared_role_or_a_role_of_something_else_is_no_swap(claim, passage):
    assert holder_swap(claim, passage) is None


def test_the_passage_forms_are_read():
    held = {(" ".join(sorted(h.name)), h.role) for h in holdings(SMUGGLING + " " + FOOTBALL + " " + FRAUD)}
    assert ("maas pieter", "organiser") in held  # the role, then the name
    assert ("marcos ortiz", "captain") in held  # the name, then the role
    assert ("de groot ilse", "manager") in held  # a title before the name
    assert ("okafor ruth", "director") in held


APPOSITION_AS_COPULA = [
    ("Lena Vogt was the former logistics director of Halden Freight.",
     "Police said the suspect, Lena Vogt, 58, the former logistics director of Rotterdam-based shipping "
     "group Halden Freight, moved 12 containers through the port between May and August."),
    ("Samir Qureshi is the head of procurement at Orbis Rail.",
     "Investigators questioned Samir Qureshi, 46, the head of procurement at the state-owned operator "
     "Orbis Rail, on Tuesday about three contracts awarded in 2024."),
    ("Akira Mori is the chief currency strategist at Nomura Securities.",
     "The yen is likely to weaken further, said Akira Mori, 39, the chief currency strategist at Tokyo-"
     "based broker Nomura Securities, citing the wide rate gap with the United States."),
    ("Grace Achieng was the deputy governor of the Central Bank of Kenya.",
     "The auditor's report named Grace Achieng, 61, the deputy governor of the Nairobi-based Central Bank "
     "of Kenya, who resigned on Friday."),
    ("Tomasz Nowak was the chairman of PolChem.",
     "Prosecutors charged Tomasz Nowak, 63, the former chairman of Gdansk-based fertiliser maker PolChem, "
     "with bribery on Monday."),
    ("Rui Almeida is the mayor of Porto.",
     "The plan was announced by Rui Almeida, 55, the mayor of Porto, at a news conference on Wednesday."),
]


@pytest.mark.parametrize("claim, passage", APPOSITION_AS_COPULA)
def test_the_copula_restating_an_apposition_is_no_edit(claim, passage):
    assert appositive_copula(claim, passage)
    assert edited_copy(claim, passage) == []


@pytest.mark.parametrize("claim, passage", APPOSITION_AS_COPULA)
def test_an_apposition_restated_with_a_copula_is_supported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)


COPULA_OF_ANOTHER = [
    ("Lena Vogt was the former logistics director of Orbis Rail.", APPOSITION_AS_COPULA[0][1]),
    ("Samir Qureshi is the head of procurement at Halden Freight.", APPOSITION_AS_COPULA[1][1]),
    ("Rui Almeida is the mayor of Lisbon.", APPOSITION_AS_COPULA[5][1]),
]


@pytest.mark.parametrize("claim, passage", COPULA_OF_ANOTHER)
def test_a_copula_giving_a_role_of_another_body_stays_unsupported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
