"""A planned or expected act is not a done one, whatever the verb's form: "plans to build" does not support "built".

The modality and polarity checks compare predicates by ``polarity.predicate_lemma``; an irregular past form
("built", "sought", "fled", "struck", "wrote") is read as its base word first (simplemma's English lexicon), so
the passage's "plans to build" governs the claim's "built". The same claim with the same cue is no mismatch.
"""

from __future__ import annotations

import pytest

from rag.support.modality import modality_mismatch
from rag.support.polarity import predicate_lemma

PLANNED = [
    ("Samsung built a chip plant in Texas.", "Samsung plans to build a chip plant in Texas, the company said."),
    ("The firm sought a licence for the exports.", "The firm intends to seek a licence for the exports."),
    ("Residents fled the town.", "Residents were expected to flee the town, officials said."),
    ("The unions struck a deal with the ministry.", "The unions hope to strike a deal with the ministry."),
    ("The minister wrote to the commission.", "The minister is set to write to the commission."),
    ("The court froze the company's assets.", "The court could freeze the company's assets."),
]


@pytest.mark.parametrize("claim, window", PLANNED)
def test_a_planned_act_does_not_support_the_act_done_in_an_irregular_form(claim, window):
    reason = modality_mismatch(claim, window)
    assert reason is not None and reason.startswith("modality:"), reason


@pytest.mark.parametrize("claim, window", [
    ("Samsung plans to build a chip plant in Texas.", PLANNED[0][1]),
    ("Residents were expected to flee the town.", PLANNED[2][1]),
    ("Samsung built a chip plant in Texas.", "Samsung built a chip plant in Texas last year, the company said."),
    ("The firm sought a licence.", "The firm has sought a licence for the exports."),
])
def test_the_same_cue_or_a_done_act_is_no_mismatch(claim, window):
    assert modality_mismatch(claim, window) is None


@pytest.mark.parametrize("form, base", [("built", "build"), ("sought", "seek"), ("fled", "flee"), ("struck", "strike"),
                                        ("wrote", "write"), ("rose", "rise"), ("approved", "approve")])
def test_an_irregular_form_has_its_base_words_predicate_lemma(form, base):
    assert predicate_lemma(form) == predicate_lemma(base)
