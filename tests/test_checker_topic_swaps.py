"""A noun of the passage's frame replaced by another noun: the claim keeps the sentence and changes its subject.

``word_class`` reads a word's part of speech from lemminflect's lemma tables and the word before it;
``noun_swaps.noun_swaps`` finds the short spans where a near-copied claim puts a noun the sentence does not cover
in place of one of its nouns. A verb said another way ("scrapped" for "cancelled") and a noun the synonym lexicon
pairs with the sentence's are no swap; names and amounts are left to the name and number checks.
"""

from __future__ import annotations

import pytest

from rag.support.facts import index_text
from rag.support.features import FEATURES, passage_names
from rag.support.model import aligned, load_model, scorer_from_dict
from rag.support.noun_swaps import noun_swaps
from rag.support.noun_synonyms import weighed_noun_swaps
from rag.support.word_class import NOUN, VERB, word_class

FERRY = "The operator cancelled twelve ferry crossings to the island on Friday because of the storm, officials said."
MINE = "Inspectors closed the copper mine near the border after two workers were hurt in a tunnel collapse."
GRANT = "The foundation will give 400 scholarships to nursing students at the state university next year."


def _swaps(claim: str, passage: str) -> list[tuple[str, str]]:
    return noun_swaps(claim, passage, index_text(passage), passage_names(passage))


@pytest.mark.parametrize("sentence, word, tag", [
    ("it strips fees from accounts", "strips", VERB),  # after a subject pronoun
    ("the rocket carries three satellites", "satellites", NOUN),
    ("they will tour the plant", "tour", VERB),  # after a modal
    ("helicopter tours of the summit", "tours", NOUN),  # after a noun-only word
    ("russia's largest banks", "banks", NOUN),  # after an adjective-only word
    ("the timelines of users", "timelines", NOUN),  # a form the tables lack
])
def test_a_word_is_read_by_its_forms_and_the_word_before(sentence, word, tag):
    words = sentence.split()
    assert word_class(words, words.index(word)) == tag


@pytest.mark.parametrize("claim, passage, said, given", [
    ("The operator cancelled twelve cargo shipments to the island on Friday because of the storm.", FERRY,
     "cargo shipments", "ferry crossings"),
    ("Inspectors closed the gold refinery near the border after two workers were hurt in a tunnel collapse.", MINE,
     "gold refinery", "copper mine"),
    ("The foundation will give 400 laptops to nursing students at the state university next year.", GRANT,
     "laptops", "scholarships"),
])
def test_a_noun_put_in_place_of_the_sentences_noun_is_a_swap(claim, passage, said, given):
    assert (said, given) in _swaps(claim, passage)


@pytest.mark.parametrize("claim, passage", [
    ("Because of the storm the operator scrapped twelve ferry crossings to the island on Friday.", FERRY),  # a verb
    ("Inspectors shut the copper mine near the border after two workers were injured in a tunnel collapse.", MINE),
    ("The foundation is to award 400 scholarships to nursing students at the state university next year.", GRANT),
    ("Officials said the storm forced the operator to call off twelve crossings.", FERRY),  # a paraphrase: no copy
])
def test_a_verb_said_another_way_or_a_paraphrase_is_no_swap(claim, passage):
    assert _swaps(claim, passage) == []


def test_names_and_amounts_are_left_to_their_own_checks():
    passage = "The operator cancelled twelve ferry crossings to Skye on Friday because of the storm."
    assert _swaps("The operator cancelled twelve ferry crossings to Arran on Friday because of the storm.", passage) == []
    assert _swaps("The operator cancelled twenty ferry crossings to Skye on Friday because of the storm.", passage) == []


def test_a_model_fitted_without_a_signal_gives_it_no_weight():
    """A model file fitted before a feature existed reads vectors in ``FEATURES`` order with the new one at 0
    weight: adding the signal leaves its decisions as they were until the next fit."""
    blend = {"kind": "blend", "weights": [0.5, 0.5], "parts": [
        {"kind": "boosted", "baseline": 0.1, "trees": [
            {"feature": [1, 0, 0], "threshold": [0.5, 0.0, 0.0], "left": [1, -1, -1], "right": [2, -1, -1],
             "value": [0.0, 0.4, -0.9]}]},
        {"kind": "logistic", "mean": [0.2, 0.1], "scale": [1.0, 0.5], "coef": [1.5, -2.0], "intercept": 0.3}]}
    names = ("cos_window", "copy_replace")
    features = ("cos_window", "noun_swap", "copy_replace")
    old = scorer_from_dict(blend, "blend")
    new = scorer_from_dict(aligned(blend, "blend", names, features), "blend")
    for cos, swap, moved in ((0.9, 0.0, 0.0), (0.9, 2.0, 0.0), (0.3, 1.0, 1.0), (0.3, 0.0, 1.0)):
        assert new.probability([cos, swap, moved]) == pytest.approx(old.probability([cos, moved]))
    with pytest.raises(ValueError):
        aligned(blend, "blend", ("cos_window", "gone"), features)
    assert "noun_swap" in FEATURES and "noun_swap" in load_model().features


ARMS = "The ministry said the shipment held the weapons bound for the northern front, officials said on Monday."


@pytest.mark.parametrize("novelty, compared, value", [
    ({"munitions": 0.0}, ("munitions",), 0.0),  # the embedder puts it by a window word: a synonym the lexicon lacks
    ({"munitions": 0.3}, ("munitions",), 0.3),
    ({"munitions": 1.0}, ("munitions",), 1.0),  # no window word near it
    ({}, (), 1.0),  # a word of the passage brought in from elsewhere is no synonym, whatever its novelty
])
def test_a_swapped_noun_weighs_as_much_as_its_words_are_new(novelty, compared, value):
    claim = "The ministry said the shipment held the munitions bound for the northern front, officials said on Monday."
    assert _swaps(claim, ARMS) == [("munitions", "weapons")]
    assert weighed_noun_swaps(claim, ARMS, (ARMS,), ARMS, novelty, compared) == value


def test_a_claim_with_no_noun_swap_weighs_nothing():
    claim = "The ministry said the shipment held the weapons bound for the northern front, officials said Monday."
    assert weighed_noun_swaps(claim, ARMS, (ARMS,), ARMS, {}, ()) == 0.0


# h/checker-s35 (cl-960): a plural noun-or-verb form right after an "-ed" verb is its object, a noun ("reopened
# schools"); without a reading, "reopened hospitals" for "reopened schools" replaced a noun by nothing the reader knew.
@pytest.mark.parametrize("sentence, word", [
    ("desantis said he reopened schools against the objections of teacher unions", "schools"),
    ("the company closed plants in two states", "plants"),
    ("the agency shipped tests to the labs", "tests"),
    ("the city opened parks again", "parks"),
])
def test_a_plural_form_after_an_ed_verb_is_its_object(sentence, word):
    words = sentence.split()
    assert word_class(words, words.index(word), guess=False) == NOUN


@pytest.mark.parametrize("passage, claim", [
    ("DeSantis said he reopened schools against the objections of teacher unions, a key Crist ally.",
     "DeSantis said he reopened hospitals against the objections of teacher unions, a key Crist ally."),
    ("The company closed plants in Ohio and Michigan last year, the union said.",
     "The company closed stores in Ohio and Michigan last year, the union said."),
    ("The agency shipped tests to the state labs on Wednesday.",
     "The agency shipped masks to the state labs on Wednesday."),
])
def test_a_noun_swapped_after_an_ed_verb_is_a_swap(passage, claim):
    assert _swaps(claim, passage)


# A supplier is a company in a relation to another, not another word for one: the synonym lexicon's company group held
# "supplier", so "customers and suppliers" for "customers and employees" in a sentence naming "the company" was
# covered, no swap (cl-959). A company said with another word of the group is still no swap.
SHOP = ("After sending customers and employees home and locking the front door, the owner kept working in the office "
        "of the family company.")
PLANT = "The company moved most of its production to Vietnam last year, its chief executive said."


@pytest.mark.parametrize("claim, said", [
    ("After sending customers and suppliers home and locking the front door, the owner kept working in the office "
     "of the family company.", "suppliers"),
])
def test_a_supplier_is_no_synonym_of_the_sentences_company(claim, said):
    assert any(said in c for c, _ in _swaps(claim, SHOP))


@pytest.mark.parametrize("claim", [
    "The firm moved most of its production to Vietnam last year, its chief executive said.",
    "The manufacturer moved most of its production to Vietnam last year, its chief executive said.",
])
def test_a_company_said_with_another_word_of_its_group_is_no_swap(claim):
    assert _swaps(claim, PLANT) == []
