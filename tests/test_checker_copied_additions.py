"""An edited copy that adds a detail its sentence does not give (issue 9, kind ``addition``; evals/README.md,
h/checker-s59).

"Regulators in Busan fined the shipyard 2 billion won for falsifying weld inspections on its tankers built for
Oman" copies "Regulators in Busan fined the shipyard 2 billion won for falsifying weld inspections on its tankers"
and inserts a recipient the passage never names. ``copy_insert`` counted such words all along, but as a weighed
feature the copy's overlap outweighed it (the copied sentence's words are all there). ``copied_additions`` reads the
runs an edited copy (``edits.EDITED_COPY`` aligned) inserts that hold at least ``edits.ADDED_WORDS`` content words the
whole passage has in no form, and the model vetoes ``copied_addition``. Not additions: the same copy compressed, a
detail moved in from another sentence of the passage, a single new word, a name (the entity checks'), a replaced span
(``noun_swap``'s). Passages and claims are written for these specs.
"""

from __future__ import annotations

import pytest

from rag.support.edits import ADDED_WORDS, copied_additions
from rag.support.facts import index_text
from rag.support.features import FEATURES, passage_names
from rag.support.encoders import STATIC_MODEL_PATH
from rag.support.model import MODEL_PATH, load_model

FERRY = "The coastguard towed the disabled ferry back to Yeosu harbour on Sunday, the agency said."
SHIPYARD = "Regulators in Busan fined the shipyard 2 billion won for falsifying weld inspections on its tankers."
RULES = "The trade ministry said it would publish the revised licensing rules for drone exports next month."
ENGINEERS = "Police detained three former engineers of the battery maker at Gimpo airport on Friday night."
COUNCIL = "The city council approved a budget of 80 million dollars for new bicycle lanes on Wednesday."
AIRLINE = "The airline cancelled 120 flights out of Narita on Monday as the typhoon approached."
TERMINAL = "The port authority reopened the northern terminal on Monday, despite warnings that its cranes were unsafe."
CABLE = ("The operator said the undersea cable linking the island to the mainland was cut on Tuesday. "
         "A fishing trawler dragging its anchor had damaged it, investigators later found.")

# the first three and the fifth were accepted on 437b4ad (0.30-0.69): the copy's overlap outweighed the inserted
# words; the others were rejected there already, by the weighed novelty
ADDED = [
    (FERRY, "The coastguard towed the disabled ferry back to Yeosu harbour on Sunday after its rudder jammed, "
            "the agency said."),
    (SHIPYARD, "Regulators in Busan fined the shipyard 2 billion won for falsifying weld inspections on its tankers "
               "delivered to foreign navies."),
    (RULES, "The trade ministry said it would publish the revised licensing rules for drone exports next month "
            "to calm worried manufacturers."),
    (ENGINEERS, "Police detained three former engineers of the battery maker at Gimpo airport on Friday night "
                "carrying copied cell designs."),
    # a long addition: the claim but its added run is the copy
    (COUNCIL, "The city council approved a budget of 80 million dollars for new bicycle lanes on Wednesday despite "
              "fierce opposition from shopkeepers."),
    (AIRLINE, "The airline cancelled 120 flights out of Narita on Monday as the typhoon approached, stranding "
              "thousands of tourists."),
]

FAITHFUL = [
    (FERRY, "The coastguard towed the disabled ferry back to Yeosu harbour on Sunday."),  # a compression
    (SHIPYARD, "Regulators fined the shipyard 2 billion won for falsifying weld inspections on its tankers."),
    # the added words are the passage's own, from its other sentence
    (CABLE, "The operator said the undersea cable linking the island to the mainland was cut on Tuesday by a "
            "fishing trawler."),
    (RULES, "The trade ministry said it would publish the revised licensing rules for drone exports next month."),
    (AIRLINE + " Thousands of tourists were stranded.",
     "The airline cancelled 120 flights out of Narita on Monday as the typhoon approached, stranding thousands of "
     "tourists."),
]


@pytest.mark.parametrize("passage,claim", ADDED)
def test_an_edited_copy_with_an_added_detail_is_rejected(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert not res.supported, (claim, res.score)
    assert res.features[FEATURES.index("copied_addition")] >= 1
    assert any(r.startswith("added detail the passage does not give: '") and "unsupported" in r
               for r in res.reasons), res.reasons


@pytest.mark.parametrize("passage,claim", FAITHFUL)
def test_a_copy_that_adds_nothing_new_is_supported(checker, passage, claim):
    res = checker.check(claim, [passage])
    assert res.supported, (claim, res.score, res.reasons)
    assert res.features[FEATURES.index("copied_addition")] == 0


@pytest.mark.parametrize("passage,claim", ADDED)
def test_the_inserted_run_is_read_with_its_new_words(passage, claim):
    added = copied_additions(claim, passage.split(". ")[0], index_text(passage))
    assert len(added) == 1
    assert not added[0].window and len(added[0].new) >= ADDED_WORDS


@pytest.mark.parametrize("passage,claim", [
    # one new word is no added detail
    (SHIPYARD, "Regulators in Busan fined the shipyard 2 billion won for falsifying weld inspections on its oil "
               "tankers."),
    # a name is the entity checks'
    (ENGINEERS, "Police detained three former engineers of the battery maker at Gimpo airport on Friday night "
                "near Seoul."),
    # a replaced span is a swap, not an insertion
    (FERRY, "The coastguard towed the disabled ferry back to Yeosu marina on Sunday, the agency said."),
    # a phrase moved to the front, reworded: it opens the claim and keeps a passage word
    (TERMINAL, "Despite safety warnings about its cranes, the port authority reopened the northern terminal on "
               "Monday."),
    # words the passage has elsewhere
    (CABLE, "The operator said the undersea cable linking the island to the mainland was cut on Tuesday by a "
            "fishing trawler."),
])
def test_what_is_no_copied_addition(passage, claim):
    window = max(passage.split(". "), key=len)
    assert copied_additions(claim, window, index_text(passage), passage_names(claim)) == []


def test_a_verbatim_copy_or_a_restatement_is_not_read():
    passage = SHIPYARD
    assert copied_additions(passage, passage, index_text(passage)) == []
    restated = "A Busan regulator penalised the yard after inspectors found it faked welding checks on ships it built for Oman."
    assert copied_additions(restated, passage, index_text(passage)) == []


def test_the_shipped_models_veto_it():
    for path in (MODEL_PATH, STATIC_MODEL_PATH):
        assert "copied_addition" in load_model(path).veto
