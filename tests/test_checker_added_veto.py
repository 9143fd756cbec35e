"""A detail the passage never gives, set into a restatement: vetoed (issue 9, kind ``addition``; evals/README.md,
h/checker-s63).

``added_details`` reads four places where a claim adds a detail (a superlative the passage uses none of, a modifier
set between two words the passage has side by side, a title before a name, an apposition after one); their count is
the model input ``added_modifier``. The model weighed it, so a restatement that otherwise keeps close to its passage
was accepted with an added "the most under any minister" or ", a lawyer and ...". On the fit rows (own claims and
FactCC) the reading fires on 25 unsupported own rows and on no supported row of either source once two misreadings
are mended ("most of the members" is a quantifier, not a superlative; "Twitter, the UN and outlets" lists names, it
does not describe Twitter), so it qualifies as a veto by the fit's own rule (``evals/fit_checker.py``,
``VETO_PRECISION``), and both shipped models veto it. An apposition after a hyphened name ("Choi Soo-yeon, a lawyer
and ...") is read too. Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.added_details import _tokens, appositions, superlatives
from rag.support.encoders import STATIC_MODEL_PATH
from rag.support.facts import index_text
from rag.support.model import MODEL_PATH, load_model

LICENCES = ("By the end of June, more than 300 of the 1,200 listed chip firms had seen their export licences revoked "
            "under the new rules.")
NAVER = ("\u201cWe will be examining how the rules affect search and maps, payments, cloud, webtoons and many other "
         "parts of our business,\u201d said Choi Soo-yeon, Naver chief executive and the head of the review, the "
         "company said.")
HANWHA = ("\u201cWe will be studying how the deal affects shipbuilding and defence, solar, space, finance and many other "
          "parts of the group,\u201d said Kim Dong-kwan, Hanwha vice chairman and the head of the bid, the company said.")
SAMSUNG = ("\u201cWe will be studying how the curbs affect memory and foundry, displays, phones, appliances and many other"
           " parts of our business,\u201d said Lee Jae-yong, Samsung chairman and the head of the overhaul, Yonhap "
           "reported.")
KEPT = "Of the 1,200 listed chip firms, most kept their export licences, the ministry said."
BADGE = ("The badge appeared on the accounts of Samsung, the World Health Organization and news outlets such as NHK on "
         "Tuesday.")
TOOLMAKERS = ("Shares of the largest Japanese toolmakers, Tokyo Electron, Advantest and Lasertec, fell on Friday after "
              "the announcement.")

# all accepted on f2db44e (0.30, 0.30, 0.83, 0.82)
ADDED = [
    (LICENCES, "By the end of June over 300 of the 1,200 listed chip firms had had export licences revoked under the "
               "new rules, the most in any year."),
    (LICENCES, "By the end of June over 300 of the 1,200 listed chip firms had had export licences revoked under the "
               "new rules, the most of any year."),
    (NAVER, "Choi Soo-yeon, a lawyer and the Naver chief executive leading the review, said it would examine how the "
            "rules affect search, maps, payments and cloud."),
    (HANWHA, "Kim Dong-kwan, a veteran and the Hanwha vice chairman leading the bid, said it would study how the deal "
             "affects shipbuilding, defence, solar and space."),
]

# supported on f2db44e and still
FAITHFUL = [
    (SAMSUNG, "Lee Jae-yong, Samsung chairman and the head of the overhaul, said it would study how the curbs affect "
              "memory, foundry, displays and phones."),
    (KEPT, "Most of the 1,200 listed chip firms kept their licences."),
    (BADGE, "The badge appeared on the accounts of Samsung, the WHO and outlets such as NHK."),
    (TOOLMAKERS, "Shares of Tokyo Electron, Advantest and Lasertec, the biggest toolmakers, fell on Friday."),
]


@pytest.mark.parametrize("passage,claim", ADDED)
def test_an_added_detail_is_rejected(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert not res.supported, (claim, res.score)
    assert any(r.startswith("added detail the passage does not give: ") for r in res.reasons), res.reasons


@pytest.mark.parametrize("passage,claim", FAITHFUL)
def test_a_restatement_without_one_is_supported(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert res.supported, (claim, res.score, res.reasons)


def test_the_shipped_models_veto_it():
    for path in (MODEL_PATH, STATIC_MODEL_PATH):
        assert "added_modifier" in load_model(path).veto


@pytest.mark.parametrize("claim,found", [
    ("Most of the 130 members voted for it.", []),  # a quantifier
    ("Most members voted for it.", []),
    ("It was the most advanced system yet.", [("most", "advanced")]),
    ("Revocations were the most under any minister.", [("most",)]),
    ("It is the largest plant.", [("largest",)]),
])
def test_what_is_a_superlative(claim, found):
    full = index_text("The members voted for the plant's new system on Friday.")
    assert [d.words for d in superlatives(_tokens(claim), full)] == found


@pytest.mark.parametrize("claim,found", [
    ("Accounts of Twitter, the UN and outlets such as CNN got the badge.", []),  # a list's next item
    ("Gov. Kathy Hochul, a Democrat, called the storm historic.", [("Democrat",)]),  # "a": a description
    ("Choi Soo-yeon, a lawyer and the chief executive, said so.", [("lawyer",)]),  # after a hyphened name
])
def test_what_is_an_apposition(claim, found):
    full = index_text("Accounts of Twitter and outlets got the badge. Kathy Hochul called the storm historic. Choi "
                      "Soo-yeon, the chief executive, said so.")
    assert [d.words for d in appositions(_tokens(claim), full)] == found
