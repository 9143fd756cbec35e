"""A copied sentence whose hedge or plan the claim drops (issue 9, kind ``modality``; evals/README.md, h/checker-s56).

"Tokyo Electron began shipping the tools in March" copies "Tokyo Electron said it could begin shipping the tools
as early as March" and drops the "could": the passage allows what the claim says happened. The same edit drops a
plan ("plans to tighten" -> "has tightened"), an intention ("intends to ban" -> "banned"), an expectation
("is expected to announce" -> "announced"), a consideration ("is considering extending" -> "extended"), an
epistemic hedge ("may have exposed" -> "exposed"), a road not taken ("could have walked off" -> "walked off") or a
plain future ("will begin" -> "has begun"). ``modality_mismatch`` read these all along, but only as a weighed
feature the other signals of a near-copy outweighed (every unsupported pair below was accepted before);
``modality.hedge_dropped`` makes the edit a hardened hedge, a veto, when the claim is an edited copy of the
sentence (``edits.EDITED_COPY``) and the sentence never says the verb without its cue. A free restatement is
left to the fitted model (a news summary that states as fact what its article hedges is sometimes judged
faithful). Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.modality import hedge_dropped

TEL = ("Tokyo Electron said it could begin shipping the new etching tools to customers in Taiwan as early as March, "
       "pending an export licence.")
KOREA = ("South Korea's trade ministry plans to tighten screening of chip equipment sales to China from next year, "
         "officials said on Tuesday.")
DUTCH = ("The Dutch government is considering extending its curbs to older deep-ultraviolet lithography machines, "
         "according to people familiar with the matter.")
OSAKA = "Investigators said the breach at the Osaka hospital may have exposed the medical records of about 80,000 patients."
CABLES = "Taiwan's coast guard will begin inspecting cargo ships suspected of cutting undersea cables from next month."
PORT = ("Without a last-minute deal, dockworkers at the port could have walked off the job on Monday, halting "
        "container traffic for days.")
DRONES = "The city council intends to ban the sale of the drones near airports once the new ordinance is approved."
SAMSUNG = "Samsung is expected to announce a $15 billion packaging plant in Texas at its investor meeting on Thursday."
CLOUD = "Analysts warned that the new rules could force Chinese cloud providers to store user data inside the country."
QUAKE = "The chipmaker said the earthquake might have damaged some of the wafers in production at its Hsinchu plant."
AIRLINE = "The airline could resume flights between Seoul and Vladivostok in the autumn, a spokesperson said."
POLICE = "Police believe the suspects planned to sell the stolen semiconductor designs to a rival firm in Shenzhen."
HITACHI = "Hitachi cut 2,000 jobs last year and may cut more as orders for its rail systems slow."
LICENCES = "The ministry approved three of the licences in May and is considering approving the rest."
EXCHANGE = "The exchange halted trading in the shares on Friday, and regulators may open an inquiry next week."
RULES = "Officials expect the new screening rules to take effect in April."
ENVOY = "Marovia, which had threatened to recall its envoy during the fishing row, recalled him from Kestland on Friday."
OBJECT = "Marovia, which had threatened to expel the envoy during the fishing row, recalled its own envoy on Friday."

DROPPED = [
    (TEL, "Tokyo Electron began shipping the new etching tools to customers in Taiwan in March, pending an export licence."),
    (KOREA, "South Korea's trade ministry has tightened screening of chip equipment sales to China, officials said on Tuesday."),
    (DUTCH, "The Dutch government extended its curbs to older deep-ultraviolet lithography machines, according to people "
            "familiar with the matter."),
    (OSAKA, "The breach at the Osaka hospital exposed the medical records of about 80,000 patients, investigators said."),
    (CABLES, "Taiwan's coast guard has begun inspecting cargo ships suspected of cutting undersea cables."),
    (PORT, "Dockworkers at the port walked off the job on Monday, halting container traffic for days."),
    (DRONES, "The city council banned the sale of the drones near airports once the new ordinance was approved."),
    (SAMSUNG, "Samsung announced a $15 billion packaging plant in Texas at its investor meeting on Thursday."),
    (CLOUD, "The new rules forced Chinese cloud providers to store user data inside the country, analysts warned."),
    (QUAKE, "The earthquake damaged some of the wafers in production at the chipmaker's Hsinchu plant."),
    (AIRLINE, "The airline resumed flights between Seoul and Vladivostok in the autumn, a spokesperson said."),
    (POLICE, "Police believe the suspects sold the stolen semiconductor designs to a rival firm in Shenzhen."),
]

KEPT = [
    (TEL, "Tokyo Electron said it could begin shipping the new etching tools to Taiwan as early as March."),
    (KOREA, "South Korea's trade ministry plans to tighten screening of chip equipment sales to China from next year."),
    (DUTCH, "The Dutch government is considering extending its curbs to older lithography machines, according to people "
            "familiar with the matter."),
    (OSAKA, "Investigators said the breach at the Osaka hospital may have exposed about 80,000 patients' medical records."),
    (CABLES, "Taiwan's coast guard begins inspecting cargo ships suspected of cutting undersea cables next month."),  # a plain future
    (SAMSUNG, "Samsung is expected to announce a $15 billion packaging plant in Texas on Thursday."),
    (QUAKE, "The chipmaker said some wafers in production at its Hsinchu plant might have been damaged by the earthquake."),
    (POLICE, "Police believe the suspects planned to sell stolen semiconductor designs to a rival firm."),
    (RULES, "The new screening rules are expected to take effect in April."),
]

# the sentence says the verb without a cue too, or the claim keeps only its plain clause
PLAIN_CLAUSE = [
    (HITACHI, "Hitachi cut 2,000 jobs last year."),
    (LICENCES, "The ministry approved three of the licences in May."),
    (EXCHANGE, "The exchange halted trading in the shares on Friday."),
    (ENVOY, "Marovia recalled its envoy during the fishing row."),  # the act told as done after the threat
]


@pytest.mark.parametrize("passage, claim", DROPPED)
def test_a_copy_without_the_sentences_hedge_or_plan_is_rejected(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
    # one reason, naming the cue and the edit, first (not the weighed signal's shorter words again after it)
    assert res.reasons and res.reasons[0].startswith("modality: passage says '"), res.reasons
    assert res.reasons[0].endswith("the claim copies it without the hedge"), res.reasons
    assert sum(r.startswith("modality:") for r in res.reasons) == 1, res.reasons


@pytest.mark.parametrize("passage, claim", KEPT + PLAIN_CLAUSE)
def test_a_copy_that_keeps_the_hedge_or_only_the_plain_clause_is_supported(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)


@pytest.mark.parametrize("passage, claim", DROPPED)
def test_hedge_dropped_names_the_cue_and_its_verb(passage, claim):
    reason = hedge_dropped(claim, passage)
    assert reason is not None and reason.startswith("modality: passage says '"), reason
    assert reason.endswith("the claim copies it without the hedge"), reason


@pytest.mark.parametrize("passage, claim", KEPT + PLAIN_CLAUSE)
def test_hedge_dropped_leaves_a_kept_hedge_and_a_plain_clause(passage, claim):
    assert hedge_dropped(claim, passage) is None


@pytest.mark.parametrize("passage, claim", [
    (TEL, "Deliveries of Tokyo Electron's etching equipment to Taiwanese clients started in March."),
    (KOREA, "Seoul has made it harder to sell chipmaking gear to Chinese buyers."),
    (QUAKE, "Wafers at a Hsinchu fab were ruined by the quake."),
])
def test_a_free_restatement_is_left_to_the_weighed_modality_signal(passage, claim):
    # not an edited copy: the fitted model weighs ``modality`` (and the other signals) for these
    assert hedge_dropped(claim, passage) is None


def test_the_second_word_a_cue_reaches_after_its_own_verb_is_that_verbs_object():
    # "threatened to expel the envoy": the threat is to expel; a claim that copies "the envoy" with another verb
    # the sentence tells as done drops no hedge (whether it is the same envoy is the other signals' question)
    assert hedge_dropped("Marovia recalled the envoy during the fishing row.", OBJECT) is None
    assert hedge_dropped("Marovia expelled the envoy during the fishing row.", OBJECT) is not None
