"""The direction of a transfer or a communication: who sent, conveyed, handed, wrote or asked, and who received or was
asked. A claim that tells it the wrong way round ("Gene Raymond received a request from Yasutoshi Nishimura" for "the
request was conveyed through channels involving Gene Raymond ... to Yasutoshi Nishimura") is a role error even with a
verb and prepositions the passage does not have; the same transfer told from its other end is not (evals/README.md,
h/checker-s36; verb classes in ``rag/support/data/transfers.toml``, ``[direction]``)."""

from __future__ import annotations

import pytest

from rag.support.features import role_swap
from rag.support.transfer_directions import reversed_transfer, transfer_way, transfers

CHANNEL = ("The request was reportedly conveyed through channels involving Gene Raymond, the US Secretary of Commerce, "
           "to Yasutoshi Nishimura, Japan's Minister of Economy, Trade and Industry.")
MEMO = "In March the Treasury sent a memo to the Federal Reserve warning that the rule could not stand."
PLEA = "On Friday morning, Macron received a request from Scholz and Draghi: the time was right to call Erdogan."
AID = "Peru has also requested help from Chile and Brazil, with Brasilia already issuing a credit line of $2 billion."
KEYS = "Rivera then handed the keys to Okafor and left the building with Lindqvist, Okafor told the inquiry."
COFFIN = "After the service, the casket will be carried from the cathedral to Victoria Station before leaving for York."
SUBPOENA = ("The SEC is reviewing trading practices in the crypto industry and requested records last month from "
            "Coinbase and others on the causes of the outages.")
REFUSED = ("In Chicago, Mayor Lori Lightfoot said schools must stay open and rejected a request from the teachers "
           "union to switch to remote learning.")
FORWARDED = "Alvarez said she has forwarded the two complaints to the Office of Inspector General and other agencies."
LETTER = "Ortega, who early in the strike wrote a letter to Lula, has exchanged messages with him since, aides say."


@pytest.mark.parametrize("passage, claim", [
    (CHANNEL, "Gene Raymond received a request from Yasutoshi Nishimura."),
    (CHANNEL, "The US received a request from Japan."),
    (CHANNEL, "Yasutoshi Nishimura conveyed a request to Gene Raymond."),
    (CHANNEL, "A request from Japan was passed to the US Secretary of Commerce, Gene Raymond, by Yasutoshi Nishimura."),
    (MEMO, "In March the Federal Reserve sent a memo to the Treasury warning that the rule could not stand."),
    (MEMO, "In March the Treasury received a memo from the Federal Reserve."),
    (PLEA, "On Friday morning, Scholz and Draghi received a request from Macron to call Erdogan."),
    (PLEA, "On Friday morning, Macron sent a request to Scholz and Draghi."),
    (AID, "Chile and Brazil have requested help from Peru."),
    (KEYS, "Okafor then handed the keys to Rivera, Okafor told the inquiry."),
    (KEYS, "Rivera received the keys from Okafor before leaving with Lindqvist."),
    (COFFIN, "After the service, the casket will be carried from Victoria Station to the cathedral."),
    (SUBPOENA, "Last month Coinbase requested records from the SEC on the causes of the outages."),
    (REFUSED, "In Chicago, the teachers union rejected a request from Mayor Lori Lightfoot to switch to remote learning."),
    (FORWARDED, "Alvarez said the Office of Inspector General has forwarded two complaints to her."),
    (LETTER, "Early in the strike, Lula wrote a letter to Ortega."),
])
def test_a_transfer_told_the_wrong_way_round_is_a_role_error(passage, claim):
    assert reversed_transfer(claim, passage) is not None
    assert (role_swap(claim, passage, frozenset()) or "").startswith("role:")


@pytest.mark.parametrize("passage, claim", [
    (CHANNEL, "Yasutoshi Nishimura received a request from Gene Raymond."),
    (CHANNEL, "Japan's Yasutoshi Nishimura received the US request through channels involving Gene Raymond."),
    (CHANNEL, "The US request was passed to Japan's trade minister, Yasutoshi Nishimura, via Gene Raymond."),
    (MEMO, "In March the Federal Reserve received a memo from the Treasury warning that the rule could not stand."),
    (PLEA, "On Friday morning, Scholz and Draghi sent Macron a request: it was time to call Erdogan."),
    (AID, "Peru has also asked Chile and Brazil for help."),
    (KEYS, "Okafor received the keys from Rivera, Okafor told the inquiry."),
    (COFFIN, "After the service, the casket will be taken from the cathedral to Victoria Station."),
    (SUBPOENA, "Last month Coinbase and others were asked by the SEC for records on the causes of the outages."),
    (REFUSED, "In Chicago, the teachers union asked Mayor Lori Lightfoot to switch to remote learning, and she refused."),
    (FORWARDED, "Alvarez said the Office of Inspector General has received the two complaints from her."),
    (LETTER, "Early in the strike, Lula received a letter from Ortega, aides say."),
])
def test_the_same_transfer_told_from_either_end_is_no_role_error(passage, claim):
    assert reversed_transfer(claim, passage) is None
    assert role_swap(claim, passage, frozenset()) is None


def test_told_the_passages_way_with_the_converse_verb_clears_a_name_order_swap():
    # the names stand in the other order around "letter": read alone as one verb, a role swap
    reason, agreed = transfer_way("In March the Federal Reserve received a memo from the Treasury.", MEMO)
    assert reason is None and agreed


@pytest.mark.parametrize("text, giver, receiver", [
    ("Kraft received a letter from the FDA.", {"fda"}, {"kraft"}),
    ("The FDA sent Kraft a letter.", {"fda"}, {"kraft"}),
    ("The White House had been told of the decision by Mexican officials.", {"place:mexico"}, {"white"}),
    ("Zelenska, who early on in the invasion sent a letter to Biden, wrote again.", {"zelenska"}, {"biden"}),
    ("The cargo moved from Rotterdam to Hamburg.", {"rotterdam"}, {"hamburg"}),
])
def test_the_giver_and_the_receiver_are_read_from_the_verb_class_and_its_prepositions(text, giver, receiver):
    assert any(giver <= t.giver and receiver <= t.receiver for t in transfers(text))


@pytest.mark.parametrize("text", [
    "The union rejected a request to begin the month with remote learning.",  # no giver named
    "Officials sent troops to fight in the east.",  # "to fight": an infinitive, no receiver
    "She said the budget passed the Senate on Friday.",  # "passed" with no "to": no transfer read
])
def test_no_transfer_is_read_without_both_ends(text):
    assert not transfers(text)
