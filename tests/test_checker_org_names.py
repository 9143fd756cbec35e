"""Another agency or ministry in the actor role, and the same one in other words (issue 9, a new user's F12; kind
``entity``; evals/README.md, h/checker-s63).

"The Ministry of Finance announced the rules" against a passage where the Ministry of Economy, Trade and Industry
announced them was supported: every word of the name is a generic organisation word (``org_words.txt``), which the
entity checks treat as soft, so the swapped body was never checked. ``org_names`` reads such names (a run of
organisation words with a head word: ``rag/support/data/org_names.toml``) and the hard checks reject a claim whose
body the cited text never names (entity_fail, vetoed). Its twins: "the trade ministry" or "Seoul's foreign ministry"
for the full name the passage gives were rejected as a swapped name, and "the World Trade Organization" for the
passage's "WTO" next to "the trade ministry" as a repeated word, and "Seoul's trade ministry said" as another speaker
than the passage's "Ministry of Trade, Industry and Energy said" (read by its last word, "Energy"). Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.features import FEATURES
from rag.support.org_names import org_names, reworded_name, unnamed_bodies

METI = ("Japan's Ministry of Economy, Trade and Industry announced new export controls on chipmaking equipment on "
        "Friday, adding 23 items to its list.")
MOTIE = "South Korea's Ministry of Trade, Industry and Energy said chip exports fell 10% in May from a year earlier."
MOFA = "South Korea's Ministry of Foreign Affairs summoned the Japanese ambassador over the textbook on Tuesday."
INVEST = "Taiwan's Investment Commission approved TSMC's investment in the Kumamoto plant on Monday."
COMMERCE = ("The Commerce Department charged two Chinese nationals with stealing trade secrets from a US chip firm, "
            "court papers show.")
COURT = "The High Court upheld the ban on Huawei equipment in the state's 5G network on Monday."
SUZUKI = "Finance Minister Shunichi Suzuki said the government would tighten screening of foreign investment in chip firms."
MOFCOM = "China's Ministry of Commerce (MOFCOM) added 12 US firms to its unreliable entity list on Thursday."

# all accepted on f2db44e (0.29-0.64)
SWAPPED = [
    (METI, "The Ministry of Finance announced new export controls on chipmaking equipment on Friday.",
     "Ministry of Finance"),
    (INVEST, "Taiwan's Ministry of Economic Affairs approved TSMC's investment in the Kumamoto plant.",
     "Ministry of Economic Affairs"),
    (COMMERCE, "The Justice Department charged two Chinese nationals with stealing trade secrets from a US chip firm.",
     "Justice Department"),
    (COURT, "The Supreme Court upheld the ban on Huawei equipment in the state's 5G network.", "Supreme Court"),
    (MOTIE, "South Korea's Ministry of Finance said chip exports fell 10% in May from a year earlier.",
     "Ministry of Finance"),
]

# all rejected on f2db44e (0.10-0.28): a shorter name of the same body read as a swapped name, a repeated word or
# another speaker
REWORDED = [
    (METI, "The trade ministry announced new export controls on chipmaking equipment on Friday."),
    (METI, "Japan's Trade Ministry announced new export controls on chipmaking equipment on Friday."),
    ("Japan's Ministry of Economy, Trade and Industry said Tokyo would take the dispute to the WTO.",
     "According to Japan's trade ministry, Tokyo will take the dispute to the World Trade Organization."),
    (MOFA, "Seoul's foreign ministry summoned the Japanese ambassador over the textbook."),
    (MOTIE, "Seoul's trade ministry said chip exports fell 10% in May from a year earlier."),
]

# supported on f2db44e and still
SAME_BODY = [
    (SUZUKI, "The Finance Ministry said it would tighten screening of foreign investment in chip firms."),
    (MOFCOM, "The commerce ministry in Beijing added 12 US firms to its unreliable entity list."),
    ("The ministry's Investment Commission approved TSMC's plan to build a plant in Arizona, Taiwan's Ministry of "
     "Economic Affairs said.", "Taiwan's Investment Commission approved TSMC's plan to build a plant in Arizona."),
]


@pytest.mark.parametrize("passage,claim,body", SWAPPED)
def test_another_body_in_the_actor_role_is_rejected(checker, passage, claim, body):
    assert unnamed_bodies(claim, passage.lower(), set()) == [body]
    res = checker.check(claim, [passage])
    assert not res.supported, (claim, res.score)  # a vetoed fact: decided before the embedder, no feature vector
    assert f"entity '{body}' not in cited text" in res.reasons, res.reasons


@pytest.mark.parametrize("passage,claim", REWORDED)
def test_the_same_body_in_a_shorter_name_is_supported(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert res.supported, (claim, res.score, res.reasons)
    assert res.features[FEATURES.index("name_swap")] == 0
    assert res.features[FEATURES.index("repeat")] == 0
    assert res.features[FEATURES.index("other_speaker")] == 0


@pytest.mark.parametrize("passage,claim", SAME_BODY)
def test_the_same_body_named_otherwise_stays_supported(checker, passage, claim):
    assert unnamed_bodies(claim, passage.lower(), set()) == []
    res = checker.check(claim, [passage])
    assert res.supported, (claim, res.score, res.reasons)


@pytest.mark.parametrize("claim,phrases", [
    ("The Ministry of Finance announced the rules.", ["Ministry of Finance"]),
    ("Taiwan's Ministry of Economic Affairs approved it.", ["Ministry of Economic Affairs"]),
    ("The Ministry of Economy, Trade and Industry (METI) said so.", ["Ministry of Economy, Trade and Industry"]),
    ("The finance ministry and the Justice Department agreed.", ["finance ministry", "Justice Department"]),
    # not names of generic words only: a rare word is the entity checks' ("Financial Services Agency", "Bank of
    # Japan"), a filler says no more than the head ("State Department"), a title is no body ("finance minister"),
    # a lower-case company is a description ("a technology company")
    ("The Financial Services Agency said so.", []),
    ("The Bank of Japan held rates.", []),
    ("The State Department said so.", []),
    ("The finance minister said so.", []),
    ("A technology company said so.", []),
])
def test_which_names_are_read(claim, phrases):
    assert [n.phrase for n in org_names(claim)] == phrases


def test_initials_the_text_uses_name_the_body():
    assert unnamed_bodies("The Ministry of Finance said so.", "the mof said so.", {"mof"}) == []
    assert unnamed_bodies("The Ministry of Finance said so.", "the meti said so.", {"meti"}) == ["Ministry of Finance"]


@pytest.mark.parametrize("said,around,same", [
    (["ministry"], ["japan", "ministry", "of", "economy", "trade", "and", "industry"], True),
    (["meti"], ["japan", "ministry", "of", "economy", "trade", "and", "industry", "announced"], True),
    (["finance"], ["japan", "ministry", "of", "economy", "trade", "and", "industry"], False),  # another body
    (["department"], ["japan", "ministry", "of", "economy", "trade", "and", "industry"], False),
    (["sony"], ["japan", "ministry", "of", "economy", "trade", "and", "industry"], False),
])
def test_a_reworded_name_is_no_swap(said, around, same):
    assert reworded_name(said, around) is same


def test_the_new_users_case_stays_rejected(checker):
    # F12: another body's initials for the one that acted (rejected on f2db44e too: no 'METI' in the cited text)
    passage = ("Japan's Ministry of Finance announced new export controls on chipmaking equipment on Friday, adding 23 "
               "items to its list.")
    res = checker.check("METI announced new export controls on chipmaking equipment on Friday.", [passage])
    assert not res.supported and "entity 'METI' not in cited text" in res.reasons, (res.score, res.reasons)
