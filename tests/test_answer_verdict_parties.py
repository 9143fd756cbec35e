"""A yes/no verdict is read of the asked party, and a denial over a whole class answers for each of its members.

* Kind 1 (s60's fresh user, F3; new texts written for s61): "Has <agency> approved <company A>'s …?" was "Yes." on
  the agency's approval of company B, in a report that tells company A's case apart (a postponed decision). The
  checker scores a sentence by the claim's terms it holds; the agency, the act and the certification outweigh the
  one name it lacks. ``judge(..., act=...)`` now reads no "Yes" from a sentence that tells the act of another party
  in the place of a claim name the passage names elsewhere (``another_party``); a sentence naming the asked party, or
  naming it by its class ("the company"), still does.
* Kind 2 (same user): "the rule does not name any country" was not read against "Did <country> name <country B> in
  the rule?" ("Yes." from a sentence naming B beside the rule) nor against "Does the rule name any country?"
  (undecided: the denying sentence holds the rule, not the rest of the question's words, which its story's other
  sentences give). A sentence that tells the claim's act as not done for any member of a class ("does not name any
  country", "named no company") is the "No" to the act done to a member of that class (a place for countries, a
  name for the others, ``member_classes.toml``) or to any of it, when the passage holds the rest of the claim
  (``denied_for_class``).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.writers.answer_verdict import another_party, denied_for_class, judge, polar_question

SHIPYARDS = ("The Maritime Safety Board on Thursday certified the hull design of Orinoco Shipyards, the first foreign "
             "yard to pass the review. The board deferred its ruling on Castellan Marine's application until next "
             "spring.")
LICENCES = ("The commerce ministry granted an export licence to Halden Optics on Friday. Brevik Photonics is still "
            "waiting for an answer, its chief executive said.")


@pytest.mark.parametrize("question, passage", [
    ("Has the Maritime Safety Board certified Castellan Marine's hull design?", SHIPYARDS),
    ("Has the commerce ministry granted Brevik Photonics an export licence?", LICENCES),
    ("Did the port authority fine Meridian Tankers?",
     "The port authority fined Solvay Barges 40,000 euros for a fuel spill. Meridian Tankers, whose ship was moored "
     "beside it, was cleared."),
])
def test_an_act_told_of_another_party_is_no_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome != "supported"


@pytest.mark.parametrize("question, passage", [
    ("Has the Maritime Safety Board certified Orinoco Shipyards' hull design?", SHIPYARDS),
    ("Has the commerce ministry granted Halden Optics an export licence?", LICENCES),
    ("Did the port authority fine Meridian Tankers?",  # the party by its class: "the company"
     "Meridian Tankers reported a fuel spill at the pier on Monday. The port authority fined the company 40,000 "
     "euros on Wednesday."),
])
def test_an_act_told_of_the_asked_party_is_still_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome == "supported"


def test_another_party_needs_the_asked_one_named_apart():
    claim = "the port authority fined Meridian Tankers"
    one = "The port authority fined Solvay Barges 40,000 euros for a fuel spill."
    assert not another_party(claim, "fined", one, one)  # Meridian named nowhere: nothing tells it apart
    both = one + " Meridian Tankers was cleared."
    assert another_party(claim, "fined", one, both)


TARIFF = ("The finance ministry published its new tariff order on Tuesday. Officials said the order does not name "
          "any country and applies to steel imports from every origin.")


@pytest.mark.parametrize("question, passage", [
    ("Did the finance ministry name Vietnam in its new tariff order?", TARIFF),
    ("Does the new tariff order name any country?", TARIFF),
    ("Did the council's statement mention Russia?",
     "The council's statement on the border clashes did not mention any country by name, diplomats noted."),
    ("Did the watchdog's report name Harlow Freight?",
     "The watchdog's report on the customs fraud named no company, though it described three forwarders."),
])
def test_a_denial_for_a_whole_class_is_a_no(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome == "contradicted"


@pytest.mark.parametrize("claim, act, passage", [
    # a member of another class: a company is no country
    ("the council's statement mentioned Harlow Freight", "mentioned",
     "The council's statement on the border clashes did not mention any country by name."),
    # the act affirmed: no denial
    ("the finance ministry named Vietnam in its tariff order", "named",
     "The finance ministry's tariff order names every country that exports steel to it."),
    # the denial of another act
    ("the finance ministry named Vietnam in its tariff order", "named",
     "The finance ministry did not consult any country before its tariff order."),
])
def test_no_class_denial_without_the_act_or_the_class(claim, act, passage):
    assert denied_for_class(claim, act, passage) is None


def test_a_denial_leaning_on_the_sentence_before_it_is_read_with_the_story():
    # "She said the cap …" is judged with the quote it leans on, which holds none of the claim's other words; the
    # other passages read for the claim (its story's lede) give them
    claim, act = "Chile named China in its copper concentrate export cap", "named"
    passage = ("\"We want more of our copper smelted at home,\" Mining Minister Rosa Ibanez told reporters. She said "
               "the cap does not name any country and applies to every buyer.")
    lede = "Chile's mining ministry on Thursday capped exports of copper concentrate at 4 million tonnes a year."
    assert denied_for_class(claim, act, passage) is None
    assert denied_for_class(claim, act, passage, lede) is not None


# -- end to end ---------------------------------------------------------------------------------------------------

ARTICLES = [
    ("01_permits.md", "2026-05-12", "Rail regulator licenses Vantor Rail, delays Kestrel Freight decision",
     "LISBON, May 12 - The national rail regulator on Monday granted an operating permit to Vantor Rail, the first "
     "private operator to receive one for the coastal line.\n\nThe regulator postponed its decision on Kestrel "
     "Freight's permit application, saying it needed more time to review the company's braking records. A decision is expected "
     "in September."),
    ("02_tariff.md", "2026-06-03", "Finance ministry widens steel tariff order",
     "OSLO, June 3 - Norway's finance ministry on Tuesday widened its steel tariff order to cover 40 more product "
     "lines, including coated coils and rebar.\n\nOfficials said the order does not name any country and applies to "
     "imports from every origin except members of the European Economic Area.\n\nSteel importers brought in about "
     "2.1 million tonnes from Vietnam last year, according to industry figures."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("verdict_parties"), ARTICLES)


def test_ask_does_not_say_yes_or_no_on_another_partys_permit(engine):
    brief = engine.write("Has the rail regulator granted Kestrel Freight an operating permit?", template="answer")
    answer = answer_text(brief) or (brief.message or "")
    assert not answer.startswith(("Yes.", "No.")), answer  # the permit of Vantor Rail says neither
    assert "postponed its decision on Kestrel Freight" in answer, answer


def test_ask_still_says_yes_on_the_asked_partys_permit(engine):
    answer = answer_text(engine.write("Has the rail regulator granted Vantor Rail an operating permit?",
                                      template="answer"))
    assert answer.startswith("Yes."), answer


@pytest.mark.parametrize("question", [
    "Did Norway name Vietnam in its steel tariff order?",
    "Does Norway's steel tariff order name any country?",
])
def test_ask_reads_a_denial_for_every_country_as_no(engine, question):
    answer = answer_text(engine.write(question, template="answer"))
    assert answer.startswith("No.") and "does not name any country" in answer, answer  # the denial is quoted
