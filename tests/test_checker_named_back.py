"""A claim that names what a passage's later sentence calls "the changes", "the rules" or "the measure" restates it
(rag/support/edits.py ``named_before``, rag/support/cuts.py ``_named_back``; h/checker-s65, issue 9, a new user's F13:
"The amendment takes effect on November 1" over "... published an amendment ... The changes take effect on November
1" was rejected as an edit and a join).

Specs written as new news-like pairs: a measure named in one sentence and referred back to by "the <anaphora noun>"
(``rag/text/data/anaphora_nouns.txt``) in the next, claimed under its own name. Main rejected the first four (a
join of two sentences, or the claim's noun read as an edit); the rest were supported on main too and guard the
reading. A claim that changes the measure, the thing or the figure stays unsupported.
"""

import pytest

NAMED_BACK = [
    ("Brazil's new fuel tax takes effect on March 1, 2027.",
     "Brazil's Finance Ministry on Monday published a decree that creates a new fuel tax on imported "
     "diesel and petrol. The changes take effect on March 1, 2027."),
    ("Kenya's digital services tax is expected to raise 5 billion shillings a year.",
     "Kenya's parliament passed a digital services tax on Thursday covering ride-hailing and streaming "
     "platforms. The measure is expected to raise 5 billion shillings a year."),
    ("Vietnam's new data law covers foreign cloud providers.",
     "Vietnam's National Assembly passed a new data law on Wednesday that sets out how personal "
     "information may be stored. The rules cover foreign cloud providers and local telecom operators."),
    ("Chile's lithium royalty will be charged from 2026.",
     "Chile's government sent Congress a bill on Monday setting a new royalty on lithium producers' sales."
     " The measure will be charged from 2026, the mining minister said."),
    # supported on main too
    ("India's rice export ban will be reviewed in December.",
     "India imposed a ban on exports of non-basmati white rice in July to keep domestic prices in check. "
     "The ban will be reviewed in December, a food ministry official said."),
    ("The Australian visa overhaul will cut processing times by half.",
     "Australia announced an overhaul of its visa system on Tuesday, merging 12 work visa classes into "
     "four. The changes will cut processing times by half, the home affairs minister said."),
    ("The Philippine rice tariff cut lowers the duty to 15%.",
     "The Philippines approved a cut in tariffs on imported rice on Thursday to ease food prices. The "
     "changes lower the duty to 15% from 35% until 2028."),
    ("Turkey's new import levy applies to 40 product groups.",
     "Turkey introduced a new levy on imports from outside the customs union, the trade ministry said on "
     "Saturday. The rules apply to 40 product groups, including cars and steel."),
]


@pytest.mark.parametrize("claim, passage", NAMED_BACK)
def test_a_claim_naming_what_the_changes_refer_back_to_is_supported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)


OTHER_THING = [
    ("Brazil's new fuel subsidy takes effect on March 1, 2027.",
     "Brazil's Finance Ministry on Monday published a decree that creates a new fuel tax on imported "
     "diesel and petrol. The changes take effect on March 1, 2027."),
    ("India's wheat export ban will be reviewed in December.",
     "India imposed a ban on exports of non-basmati white rice in July to keep domestic prices in check. "
     "The ban will be reviewed in December, a food ministry official said."),
    ("Kenya's digital services tax is expected to raise 8 billion shillings a year.",
     "Kenya's parliament passed a digital services tax on Thursday covering ride-hailing and streaming "
     "platforms. The measure is expected to raise 5 billion shillings a year."),
    ("The Australian visa overhaul will double processing times.",
     "Australia announced an overhaul of its visa system on Tuesday, merging 12 work visa classes into "
     "four. The changes will cut processing times by half, the home affairs minister said."),
]


@pytest.mark.parametrize("claim, passage", OTHER_THING)
def test_another_measure_thing_or_figure_stays_unsupported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)
