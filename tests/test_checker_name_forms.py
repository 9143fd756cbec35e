"""A name in another form is the same name; a name given an owner it does not have is not (rag/support/name_forms.py).

Specs of two kinds (h/checker-s31), written beyond the rows that showed them:
* a place said by its adjective or people noun, or the other way round ("the Qatari hosts" for "host nation
  Qatar", "lawmakers in Peru" for "Peruvian lawmakers") names the passage's place; another place's adjective
  ("the Kuwaiti hosts") does not;
* a possessive ends a name: "HBO's House of the Dragon" is two names, each of which the passage must give, and
  near each other in one of its sentences ("... will premiere on HBO"); an owner the passage never puts by the
  name, or one whose name it gives another owner ("Arsenal's John Terry"), is a name the passage does not give.
"""

import pytest

from rag.support.fact_checks import fact_checks
from rag.support.facts import extract_facts, index_text
from rag.support.name_forms import owner_near, same_place


def entity_reasons(claim: str, passage: str) -> list[str]:
    full = index_text(passage)
    reasons, _ = fact_checks(claim, extract_facts(claim, claim=True), full, full)
    return [r for r in reasons if r.startswith("entity")]


PLACE_FORMS = [
    ("The Qatari hosts will play Ecuador in the opening match.", "Host nation Qatar will play Ecuador in the opening match."),
    ("Kenyan runners won both marathons.", "Runners from Kenya won both marathons."),
    ("Iraqi forces retook the town on Monday.", "Forces from Iraq retook the town on Monday."),
    ("An Afghan earthquake killed at least 1,000 people.", "An earthquake in Afghanistan killed at least 1,000 people."),
    ("Lawmakers in Peru called the move a coup.", "Peruvian lawmakers called the move a coup."),
    ("Officials in Turkey raised objections.", "Turkish officials raised objections."),
    ("Mexican growers expect a smaller avocado harvest.", "Growers in Mexico expect a smaller avocado harvest."),
    ("Sweden's Greta Thunberg criticised the vote.", "Greta Thunberg, the Swedish climate activist, criticised the vote."),
    ("Cuba's health ministry says 35 people died.", "The Cuban health ministry says 35 people died."),
    ("Nigerians queued for hours to vote.", "Voters in Nigeria queued for hours."),
]


@pytest.mark.parametrize("claim, passage", PLACE_FORMS)
def test_a_place_in_its_other_form_is_the_passage_place(claim, passage):
    assert entity_reasons(claim, passage) == []


OTHER_PLACES = [
    ("The Kuwaiti hosts will play Ecuador in the opening match.", "Host nation Qatar will play Ecuador in the opening match."),
    ("Ugandan runners won both marathons.", "Runners from Kenya won both marathons."),
    ("Syrian forces retook the town on Monday.", "Forces from Iraq retook the town on Monday."),
    ("Lawmakers in Bolivia called the move a coup.", "Peruvian lawmakers called the move a coup."),
    ("Chilean growers expect a smaller avocado harvest.", "Growers in Mexico expect a smaller avocado harvest."),
]


@pytest.mark.parametrize("claim, passage", OTHER_PLACES)
def test_another_places_adjective_is_not_in_the_passage(claim, passage):
    assert entity_reasons(claim, passage)


def test_place_forms_are_read_both_ways_and_not_across_places():
    assert same_place("Qatari", "Qatar") and same_place("Qatar", "Qatari") and same_place("Afghans", "Afghanistan")
    assert same_place("Colombian", "Colombia") and same_place("Londoner", "London")
    assert not same_place("Qatar", "Qatar") and not same_place("Kuwaiti", "Qatar") and not same_place("Iran", "Iraqi")


OWNED_NAMES = [
    ("HBO's Game of Thrones spinoff House of the Dragon premieres on August 21.",
     'On August 21, "Game of Thrones" spinoff "House of the Dragon" will premiere on HBO.'),
    ("Two banners protested Xi's zero-Covid policy.", "Two banners protested against Xi's unrelenting zero-Covid policy."),
    ("The estimate came from the University of Pennsylvania's Penn Wharton Budget Model.",
     "The estimate came from the Penn Wharton Budget Model at the University of Pennsylvania."),
    ("Zscaler's Jay Chaudhry founded the company.", "Jay Chaudhry is founder and CEO of Zscaler, a cybersecurity company."),
    ("Microsoft's Brad Smith testified on Tuesday.", "Brad Smith, the president of Microsoft, testified on Tuesday."),
    ("Boeing's Dave Calhoun said deliveries would resume.", "Deliveries will resume, said Dave Calhoun, chief executive of Boeing."),
]


@pytest.mark.parametrize("claim, passage", OWNED_NAMES)
def test_a_name_with_its_owners_possessive_is_two_names_the_passage_gives_together(claim, passage):
    assert entity_reasons(claim, passage) == []


WRONG_OWNERS = [
    ("Twitter's John Tye told CNN that Zatko had not spoken to Musk.",
     "John Tye, founder of Whistleblower Aid and Zatko's lawyer, told CNN that Zatko has not been in contact with "
     "Musk, and said Zatko began the process before there was any indication of Musk's involvement with Twitter."),
    ("Chelsea's John Terry scored twice.", "Arsenal's John Terry scored twice, Chelsea said."),
    ("Google's Brad Smith testified on Tuesday.",
     "Brad Smith, the president of Microsoft, testified on Tuesday. Google declined to comment."),
    ("Airbus's Dave Calhoun said deliveries would resume.",
     "Deliveries will resume, said Dave Calhoun, chief executive of Boeing. Airbus made no comment on the plan."),
]


@pytest.mark.parametrize("claim, passage", WRONG_OWNERS)
def test_an_owner_the_passage_never_gives_the_name_is_a_missing_entity(claim, passage):
    assert any("'s" in r for r in entity_reasons(claim, passage))


def test_owner_near_counts_words_within_one_sentence():
    text = "John Tye, founder of Whistleblower Aid, spoke. Whistleblower Aid later said nothing."
    assert owner_near(["aid"], ["john", "tye"], text)
    assert not owner_near(["aid"], ["john", "tye"], "John Tye spoke on Monday. Whistleblower Aid said nothing.")


# --------------------------------------------------------------- an owner of several words, quoted verbatim

@pytest.mark.parametrize("sentence", [
    "💪 Oklahoma State's Rob Glass is the first football strength coach at a public school to make $1 million a year.",
    "Ohio State's Ryan Day said the team would travel on Friday.",
    "New York City's Eric Adams announced the budget on Monday.",
    "Manchester United's Erik ten Hag praised the defence after the match.",
    "Texas A&M's Jimbo Fisher kept his job after the season.",
])
def test_a_verbatim_quote_whose_owner_has_several_words_keeps_its_owned_name(sentence):
    """The possessive on a name's last word ("Oklahoma State's") is the owner's own, not another name's: a sentence
    quoted from its passage keeps its owned name (RealTime QA 20221209_14 was rejected "entity 'Oklahoma's Rob Glass'
    not in cited text", and its right answer lost)."""
    passage = "Happy Thursday! It's Julius with today's news.\n\n" + sentence + "\n\nThe Short List is a news roundup."
    assert entity_reasons(sentence, passage) == []


def test_another_names_possessive_before_the_owned_name_still_takes_it():
    """The run-back stops at the owner's run: "Arsenal's John Terry" is not "Chelsea's John Terry", even with "Chelsea"
    earlier in the sentence."""
    passage = "Chelsea fans booed as Arsenal's John Terry scored the winner."
    assert entity_reasons("Chelsea's John Terry scored the winner.", passage)
