"""A place said another way is the same place: a capital or seat of government for its country, a demonym for it.

"South Korea plans to file a complaint" against "Seoul plans to file a complaint" is a copy, not an edit; a
DIFFERENT country ("North Korea", "Pyongyang", "Japan" for "Seoul") stays a changed word and is rejected. Both
directions (country in the claim, capital in the passage, and the reverse), several countries, demonyms.
The places come from ``rag/text/data/places.toml`` through ``rag.text.places`` (``rag.support.metonymy``).
"""

from __future__ import annotations

import pytest

from rag.support.edits import alignment, copy_edits, edited_copy
from rag.support.facts import index_text
from rag.support.features import names_outside, overlap, word_reasons
from rag.support.metonymy import keyed, keyed_pair, place_key, shown

# (claim, window): the same statement with a place named another way, each country in both directions
SAME_PLACE = [
    ("South Korea plans to file a complaint with the WTO.", "Seoul plans to file a complaint with the WTO."),
    ("Seoul plans to file a complaint with the WTO.", "South Korea plans to file a complaint with the WTO."),
    ("Tokyo tightened controls on exports of three chemicals.", "Japan tightened controls on exports of three chemicals."),
    ("Japan tightened controls on exports of three chemicals.", "Tokyo tightened controls on exports of three chemicals."),
    ("Beijing halted imports of seafood from the region.", "China halted imports of seafood from the region."),
    ("China halted imports of seafood from the region.", "Beijing halted imports of seafood from the region."),
    ("Washington added the two firms to its entity list.", "The United States added the two firms to its entity list."),
    ("The United States added the two firms to its entity list.", "Washington added the two firms to its entity list."),
    ("Pyongyang fired two ballistic missiles on Sunday.", "North Korea fired two ballistic missiles on Sunday."),
    ("North Korea fired two ballistic missiles on Sunday.", "Pyongyang fired two ballistic missiles on Sunday."),
    ("Japanese officials approved the plan on Monday.", "Japan's officials approved the plan on Monday."),
    ("Chinese regulators opened an inquiry into the chipmaker.", "Beijing's regulators opened an inquiry into the chipmaker."),
    # an ambiguous place in the claim is named by a narrower one in the window
    ("Korea will restrict exports of the gas.", "Seoul will restrict exports of the gas."),
]

# (claim, window, the claim's place as the reason shows it): another country put in the window's place
OTHER_PLACE = [
    ("North Korea plans to file a complaint with the WTO.", "Seoul plans to file a complaint with the WTO.", "north korea"),
    ("Pyongyang plans to file a complaint with the WTO.", "South Korea plans to file a complaint with the WTO.", "pyongyang"),
    ("Japan plans to file a complaint with the WTO.", "Seoul plans to file a complaint with the WTO.", "japan"),
    ("Beijing tightened controls on exports of three chemicals.", "Tokyo tightened controls on exports of three chemicals.",
     "beijing"),
    ("Taiwan halted imports of seafood from the region.", "Beijing halted imports of seafood from the region.", "taiwan"),
    ("Moscow added the two firms to its entity list.", "Washington added the two firms to its entity list.", "moscow"),
    ("South Korean officials approved the plan on Monday.", "Japanese officials approved the plan on Monday.", "south korean"),
    # a specific place is not named by the ambiguous one
    ("South Korea will restrict exports of the gas.", "Korea will restrict exports of the gas.", "south korea"),
]


@pytest.mark.parametrize("claim, window", SAME_PLACE)
def test_a_place_named_another_way_is_a_copy_not_an_edit(claim, window):
    assert alignment(claim, window).share == 1.0
    assert copy_edits(claim, window, index_text(window))[1] == []
    assert edited_copy(claim, window) == []


@pytest.mark.parametrize("claim, window", SAME_PLACE)
def test_a_place_named_another_way_is_not_a_missing_or_moved_word(claim, window):
    passage = "Officials in Seoul, Tokyo, Beijing, Pyongyang and Washington spoke. " + window
    values = overlap(claim, window, passage)
    assert values["window_missing"] == 0 and values["unigram_recall"] == 1.0, values
    assert names_outside(claim, window, passage) == []
    assert not any(r.startswith("words from") for r in word_reasons(claim, window, passage))


@pytest.mark.parametrize("claim, window, said", OTHER_PLACE)
def test_another_country_in_the_place_is_an_edit_that_names_it(claim, window, said):
    assert alignment(claim, window).share < 1.0
    _, edits = copy_edits(claim, window, index_text(window))
    assert edits and said in " ".join(" ".join(e.claim) for e in edits), edits
    assert edited_copy(claim, window), "a near-copy with the place changed is an edited copy"


@pytest.mark.parametrize("claim, window, said", OTHER_PLACE[:6])
def test_another_country_from_elsewhere_in_the_passage_is_named_as_moved(claim, window, said):
    # the passage names the claim's country in another sentence: a place swapped in from elsewhere
    passage = window + " Officials in North Korea, Japan, China, Taiwan and Russia said nothing."
    assert overlap(claim, window, passage)["outside_words"] >= 1
    assert names_outside(claim, window, passage), "the swapped-in country is a name outside the window"


def test_place_tokens_read_back_as_place_names():
    text = keyed("Seoul said the South Korean won fell, and Japanese exports rose.")
    words = [w.strip(",.").lower() for w in text.split()]
    keys = [place_key(w) for w in words if place_key(w)]
    assert keys == ["south_korea", "south_korea", "japan"]
    assert [shown(w) for w in words if place_key(w)] == ["South Korea", "South Korea", "Japan"]
    assert place_key("placement") is None and shown("placement") == "placement"
    claim, _ = keyed_pair("Korea and Japan met.", "Seoul and Tokyo met.")
    assert claim == keyed("Seoul and Japan met.")


# --- the checker end to end --------------------------------------------------------------------------------------


WTO = "The South Korean Ministry of Trade, Industry and Energy said that Seoul plans to file a complaint with the WTO."
CHEMICALS = ("Tokyo said on Friday it would tighten controls on exports to South Korea of three materials used to "
             "make chips and displays, citing a loss of trust.")
SEAFOOD = ("Beijing halted all imports of Japanese seafood on Thursday after the release of treated water from the "
           "Fukushima plant began, the Chinese customs agency said.")
ALLIES = "Washington has asked Tokyo and The Hague to align their export controls on chipmaking tools with its own."

ENDS = [
    (WTO, "South Korea plans to file a complaint with the WTO.", True),
    (WTO, "North Korea plans to file a complaint with the WTO.", False),
    (WTO, "Japan plans to file a complaint with the WTO.", False),
    (CHEMICALS, "Japan said it would tighten controls on exports of three chip materials to Seoul.", True),
    (CHEMICALS, "China said it would tighten controls on exports of three chip materials to Seoul.", False),
    (CHEMICALS, "Japan said it would tighten controls on exports of three chip materials to North Korea.", False),
    (SEAFOOD, "China halted all imports of seafood from Japan on Thursday.", True),
    (SEAFOOD, "Taiwan halted all imports of seafood from Japan on Thursday.", False),
    (ALLIES, "The United States has asked Japan to align its export controls on chipmaking tools.", True),
    (ALLIES, "China has asked Japan to align its export controls on chipmaking tools.", False),
]


@pytest.mark.parametrize("passage, claim, supported", ENDS)
def test_the_checker_accepts_a_capital_for_its_country_and_rejects_another_country(checker, passage, claim, supported):
    r = checker.check(claim, [passage])
    assert r.supported is supported, (r.score, r.reasons)
