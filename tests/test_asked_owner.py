"""A question about one country's measure ("Who protested Japan's export restrictions?") is not answered by a
sentence telling another country's measure against it ("China Imposes Export Restrictions on 20 Japanese Firms"):
the words are the question's, the roles are swapped."""

from __future__ import annotations

import pytest

from rag.writers.asked_owner import AskedOwner, asked_owner, tells_anothers_measure
from rag.writers.key_terms import stems
from tests.conftest import answer_of, engine_over_texts


@pytest.mark.parametrize("question, places, measure", [
    ("Who protested Japan's export restrictions?", {"japan"}, "restrict"),
    ("How did Seoul respond to Tokyo’s curbs?", {"japan"}, "curb"),
    ("Which companies were hit by China's export ban?", {"china"}, "ban"),
    ("Where did South Korea's trade ministry say Seoul would complain about Japan's export curbs?", {"japan"}, "curb"),
    ("What did Beijing say about Washington's chip controls?", {"united_states"}, "control"),
    ("Which countries joined the EU's embargo?", {"europe"}, "embargo"),
])
def test_the_owner_is_the_place_before_the_measure(question, places, measure):
    owner = asked_owner(question)
    assert owner is not None and set(owner.places) == places and owner.measure == measure


@pytest.mark.parametrize("question", [
    "What is Japan's economy doing?",                          # no act
    "Who is South Korea's trade minister?",                    # a person's office
    "How many attacks targeted Taiwan's critical infrastructure last year?",
    "Why did Japan tighten its export controls?",              # no possessive owner
    "Why did Japan tighten Japan's export controls on Korea?",  # the owner is the asked actor
    "Who protested the export restrictions?",                  # no owner named
])
def test_no_owner_without_a_place_owning_an_act(question):
    assert asked_owner(question) is None


JAPAN = AskedOwner(frozenset({"japan"}), "restrict")


@pytest.mark.parametrize("text", [
    "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo",
    "The Chinese government’s restriction on dual-use exports to 20 Japanese companies is a strategic move.",
    "Tokyo protests as China blocks dual-use exports to 20 Japanese companies",
    "Beijing's new curbs hit Japanese firms hard.",
    "Washington has tightened controls on chip tools bound for Japan.",
])
def test_another_places_measure_against_the_owner_is_told(text):
    assert tells_anothers_measure(text, stems(text), JAPAN)


@pytest.mark.parametrize("text", [
    "Tokyo last week tightened the approval process for shipments of photoresists to South Korean companies.",
    "Japan's export restrictions on South Korea took effect on July 4.",
    "South Korea summoned a Japanese embassy official to protest.",      # tells no restriction
    "The restrictions were imposed by Japan after the court rulings.",   # the owner is the doer after "by"
    "Exports of photoresists fell by half in August.",                   # names no owner
])
def test_the_owners_own_measure_or_another_act_is_not(text):
    assert not tells_anothers_measure(text, stems(text), JAPAN)


CHINA = AskedOwner(frozenset({"china"}), "restrict")


@pytest.mark.parametrize("text", [
    "Tokyo protests as China blocks dual-use exports to 20 Japanese companies",   # China does it, Tokyo opens
    "China Imposes Export Restrictions on 20 Japanese Firms",
])
def test_the_owner_doing_the_act_after_another_place_opens_is_its_own(text):
    assert not tells_anothers_measure(text, stems(text), CHINA)


ARTICLES = {
    "01_china.md": (
        "# China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo\n\n"
        "Published: 2026-02-25\n\n"
        "China's export restrictions on 20 Japanese firms took effect on Tuesday, the commerce ministry said.\n\n"
        "The restrictions cover dual-use items such as drones and their parts.\n"),
    "02_korea.md": (
        "# Seoul summons Tokyo's envoy\n\nPublished: 2019-07-10\n\n"
        "South Korea summoned a Japanese embassy official to protest the move on Monday.\n\n"
        "Japan tightened the approval process for shipments of photoresists and hydrogen fluoride to South Korean "
        "companies last week.\n"),
}


def test_the_answer_names_who_protested_the_owners_measure(tmp_path):
    engine = engine_over_texts(tmp_path, ARTICLES)
    answer = answer_of(engine, "Who protested Japan's export restrictions?", "2026-12-31")
    first = answer.split(". ")[0]
    assert "South Korea" in first and "China Imposes" not in first, answer
