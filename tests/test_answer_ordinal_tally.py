"""An ordinal of the asked noun says how many there are so far: "It is the 13th technology field designated under the
act" answers "How many technology fields have been designated?" (13), "the company's fifth overseas plant" "how many
overseas plants does it have?". The ordinal may stand before modifiers of the asked noun ("the 13th *technology*
field"), not before a superlative ("the third largest chipmaker" is a rank, not a count of chipmakers).
(``answer_value.ordinal_counts``.)

The count made of items a sentence names (``list_count.named_count``) counts only items: clauses joined by "and"
("making makers eligible for state subsidies and subjecting the technology to tighter controls") name no items of
any class, so "how many fields?" is not answered "The sources name two: state subsidies and subjecting the
technology".

Sentences for the unit checks and short reports for the end-to-end checks through the real Engine are written here.
"""

from __future__ import annotations

import pytest

from conftest import answer_lead, engine_over_articles

from rag.writers.answer_value import asked_value, ordinal_counts
from rag.writers.list_count import named_count

FIELDS = "How many technology fields have been designated under South Korea's Economic Security Act?"
PLANTS = "How many overseas plants does Korvat Motors now operate?"
SANCTIONS = "How many sanctions packages has the union adopted against Osterland?"
CHIPMAKERS = "How many chipmakers are based in Norland?"


@pytest.mark.parametrize("question, text", [
    (FIELDS, "It is the 13th technology field designated under the act since 2022."),
    (FIELDS, "Quantum sensing became the ninth critical technology field under the law."),
    (PLANTS, "The Pune factory is the company's fifth overseas plant."),
    (SANCTIONS, "Ministers approved the union's 14th sanctions package on Friday."),
    (SANCTIONS, "It is the eleventh package of sanctions since the invasion."),
])
def test_an_ordinal_of_the_asked_noun_counts_it_so_far(question, text):
    assert ordinal_counts(asked_value(question), text)


@pytest.mark.parametrize("question, text", [
    (CHIPMAKERS, "Norland Semi is the third largest chipmaker in Asia."),  # a rank, not a count
    (FIELDS, "It is the 13th technology company to win a subsidy."),  # another noun
    (PLANTS, "The plant opened on the fifth floor of the old mill."),  # floors, not plants
    (SANCTIONS, "The second sanctions debate is due in March."),  # the noun after "sanctions" is another
])
def test_an_ordinal_of_another_noun_or_a_rank_counts_nothing_asked(question, text):
    assert not ordinal_counts(asked_value(question), text)


@pytest.mark.parametrize("question, text", [
    (FIELDS, "Seoul's trade ministry on Monday designated gallium nitride chips as a critical technology under the "
             "act, making makers eligible for state subsidies and subjecting the technology to export controls."),
    ("How many measures did the ministry adopt?",
     "The ministry adopted the rules on Tuesday, requiring permits for each shipment and barring the resale of chips."),
    ("How many sectors does the plan cover?",
     "The plan covers shipbuilding, easing port fees for yards and raising the cap on foreign workers."),
])
def test_clauses_joined_by_and_are_no_items_to_count(question, text):
    assert named_count(question, text) is None


@pytest.mark.parametrize("question, text, n", [
    ("How many materials did Osterland restrict?",
     "The restrictions cover gallium, germanium and graphite, the ministry said.", 3),
    ("How many sectors does the plan cover?",
     "The plan covers shipbuilding, mining equipment and steel.", 3),
])
def test_named_items_are_still_counted(question, text, n):
    named = named_count(question, text)
    assert named is not None and named.count == n


ARTICLES = [
    ("01_fields.md", "2026-08-04", "South Korea designates gallium nitride chips as critical technology",
     "South Korea's trade ministry on Monday designated gallium nitride chips as a specified critical technology under "
     "the Economic Security Act, making makers eligible for state subsidies and subjecting the technology to tighter "
     "information controls.\n\n"
     "Gallium nitride is the 13th technology field designated under the act since 2022, the ministry said.\n\n"
     "The ministry also pledged 40 billion crowns for a plant in the south."),
    ("02_plants.md", "2026-05-02", "Korvat Motors opens plant in Pune",
     "Korvat Motors opened a car factory in Pune on Friday with capacity for 200,000 vehicles a year.\n\n"
     "The Pune factory is the company's fifth overseas plant, after sites in Brazil, Mexico, Turkey and Thailand.\n\n"
     "Its chairman said exports would rise."),
    ("03_other.md", "2026-07-01", "Harbour festival opens",
     "The harbour festival opened on Friday with 40 stalls and a parade. Organisers expect 20,000 visitors."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("ordinal_tally"), ARTICLES)


@pytest.mark.parametrize("question, until, answer", [
    (FIELDS, "2026-08-05", "13th technology field"),
    (PLANTS, "2026-05-03", "fifth overseas plant"),
])
def test_the_answer_opens_with_the_ordinal_of_the_asked_noun(engine, question, until, answer):
    assert answer in answer_lead(engine, question, until)


def test_no_count_is_made_of_clauses(engine):
    assert "The sources name two" not in answer_lead(engine, FIELDS, "2026-08-05")
