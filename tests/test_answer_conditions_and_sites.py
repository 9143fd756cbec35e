""""What conditions did X impose?" and "Which fabs/factories …?" are answered by the sentence that names the asked
class's members, though it uses another verb or another noun of the class than the question (s65's new user F3).

- Conditions: a regulator's decision is told by the lede ("… approved the takeover, ending a ten-month review"); the
  conditions by a later sentence in which the regulator *required* or *obliged* the company to do things. An active
  verb of obliging with its object ("required Solvane to sell …") states an obligation as "must" and "is required to"
  do (``answer_kind.imposes_asked_obligation``, ``answer_kinds.toml`` [obligation] v11), and for a plural class
  ("conditions") it answers the list question, as it answered "what condition" (a "thing").
- Sites: "fabs", "plants", "factories", "facilities" count the same members (``member_classes.toml`` v2); a sentence
  saying the class and naming members after a contents opener, the class noun before them ("including plants of
  CXMT in Hefei and of Nexchip in Hefei"), names the members the lede only refers to ("at Chinese chip plants").

Unit checks on sentences written here, and end to end through the real Engine over short reports written for this
test (no corpus text).
"""

from __future__ import annotations

import pytest

from conftest import answer_lead as lead, engine_over_articles

from rag.writers.answer_kind import imposes_asked_obligation
from rag.writers.answer_value import asked_value
from rag.writers.list_members import names_class_members, says_class


def _member(question: str) -> frozenset[str]:
    return asked_value(question).member


@pytest.mark.parametrize("question, sentence", [
    ("What conditions did CADE impose on Solvane?",
     "CADE said the deal raised no serious concerns but required Solvane to sell its Manaus bottling plant."),
    ("What conditions were attached to the licence?",
     "The authority obliged Telvora to host subscriber data inside Kenya and to open its core network to audits."),
    ("What requirements did the ministry set for the buyer?",
     "The ministry requires the new owner to keep all 900 jobs for five years."),
    ("What conditions did the court set?",
     "The court compelled the two lenders to repay the fees within 60 days."),
])
def test_an_actor_obliging_another_to_act_imposes_the_asked_conditions(question, sentence):
    assert imposes_asked_obligation(_member(question), sentence)


@pytest.mark.parametrize("question, sentence", [
    # no obligation told: the decision itself
    ("What conditions did CADE impose on Solvane?", "CADE approved Solvane's takeover of Rialto Foods on Monday."),
    # "requires it to be …": the thing undergoes, no party is obliged
    ("What conditions did CADE impose on Solvane?", "The merger requires it to be reviewed again next year."),
    # the question asks for no obligation
    ("Which plants did Solvane buy?", "CADE required Solvane to sell its Manaus bottling plant."),
])
def test_otherwise_no_asked_condition_is_imposed(question, sentence):
    assert not imposes_asked_obligation(_member(question), sentence)


@pytest.mark.parametrize("question, sentence", [
    ("Which fabs are covered by Japan's servicing rules?",
     "The ministry said the rules cover tools at 6 fabs listed in an annex, including plants of CXMT in Hefei and of "
     "Nexchip in Hefei."),
    ("Which factories does the Vietnamese order cover?",
     "The order applies to five plants, including sites of Vinfast in Haiphong and of Thaco in Quang Nam."),
    ("Which refineries were hit by the strike?",
     "Workers walked out at three facilities, including the Abadan refinery and the Bandar Abbas plant."),
])
def test_a_sentence_naming_members_of_the_asked_sites_class(question, sentence):
    assert names_class_members(sentence, _member(question))


def test_a_site_noun_of_the_class_says_the_class():
    assert says_class("rules requiring a licence before servicing tools installed at Chinese chip plants",
                      _member("Which fabs are covered by the rules?"))
    # ... and a class of no named sites does not
    assert not says_class("rules requiring a licence before servicing tools", _member("Which fabs are covered?"))


ARTICLES = [
    ("01_cade.md", "2026-05-12", "Brazil's CADE clears Solvane takeover of Rialto Foods, with conditions",
     "Brazil's competition regulator CADE on Monday approved Solvane's $2.1 billion takeover of Rialto Foods, ending a "
     "ten-month review of the deal. CADE said the merger raised no serious competition concerns but required Solvane to "
     "sell its Manaus bottling plant and to freeze Rialto's wholesale prices for two years. Solvane shares rose 3%."),
    ("02_kenya.md", "2026-08-21", "Kenya renews Telvora licence after security review",
     "The Communications Authority of Kenya on Thursday renewed Telvora's operating licence for ten years after a "
     "security review of its network. The authority obliged Telvora to host all subscriber data inside Kenya and to "
     "open its core network to annual audits by the National Computer Incident Response Team. Telvora has 11 million "
     "subscribers."),
    ("03_japan_servicing.md", "2026-10-07", "Japan tightens servicing rules for chip tools in China",
     "Japan's trade ministry on Tuesday published servicing rules requiring Tokyo Electron to obtain a licence before "
     "servicing, repairing or supplying parts for its etching tools installed at Chinese chip plants. The ministry said "
     "the measures apply to tools at 6 fabs named in an annex, including plants of CXMT in Hefei and of Nexchip in "
     "Wuhan. The rules take effect on December 1."),
    ("04_vietnam_order.md", "2026-09-15", "Vietnam orders emissions checks at car factories",
     "Vietnam's environment ministry on Monday issued an order covering emissions checks at car factories in the "
     "north, requiring carmakers to fit filters, replace paint lines or close ovens by March. The order applies to five "
     "plants, including sites of Vinfast in Haiphong and of Thaco in Quang Nam. Inspections begin next month."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("conditions_sites"), ARTICLES)


@pytest.mark.parametrize("question, until, expected", [
    ("What conditions did CADE impose on Solvane's takeover of Rialto Foods?", "2026-05-14", "Manaus bottling plant"),
    ("What conditions did the Communications Authority of Kenya set for renewing Telvora's licence?", "2026-08-23",
     "subscriber data inside Kenya"),
])
def test_the_sentence_imposing_the_conditions_leads(engine, question, until, expected):
    assert expected in lead(engine, question, until)


@pytest.mark.parametrize("question, until, expected", [
    ("Which fabs are covered by Japan's servicing rules for chip tools?", "2026-10-09", "CXMT"),
    ("Which car factories does Vietnam's emissions check order cover?", "2026-09-17", "Vinfast"),
])
def test_the_sentence_naming_the_asked_sites_leads(engine, question, until, expected):
    assert expected in lead(engine, question, until)
