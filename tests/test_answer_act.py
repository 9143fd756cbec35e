"""The asked act as features of an answer sentence (rag/writers/answer_act.py): the question's verb, object and
clause, and how a candidate sentence tells them by lemma, by the paraphrase lexicon and by clause similarity."""

import numpy as np
import pytest

from rag.writers.answer_act import ACT_FEATURES, act_features, asked_act, clauses

COL = {name: i for i, name in enumerate(ACT_FEATURES)}


@pytest.mark.parametrize("question, verbs, clause", [
    ("Which automaker recalled 300,000 SUVs?", ("recal",), "recalled 300,000 SUVs"),
    ("What did Ford announce on Tuesday?", ("announc",), "Ford announce on Tuesday"),
    ("Which airline has agreed to buy Spirit Airlines?", ("agre", "buy"), "has agreed to buy Spirit Airlines"),
    ("Which new product did Tesla debut?", ("debut",), "Tesla debut"),
    ("Queen Elizabeth II died Thursday. When did she ascend to the throne?", ("ascend",), "she ascend to the throne"),
    ("How many people were killed in the attack?", ("kill",), "were killed in the attack"),
    ("Who won the Stanley Cup?", ("win",), "won the Stanley Cup"),
    ("Which country did Japan sanction?", ("sanction",), "Japan sanction"),
])
def test_the_asked_verb_and_clause(question, verbs, clause):
    act = asked_act(question)
    assert act is not None
    assert act.verbs == verbs
    assert act.clause == clause


def test_a_copula_question_has_no_verb_but_a_clause_and_objects():
    act = asked_act("Who was the designer of the garment?")
    assert act.verbs == ()
    assert act.clause == "the designer of the garment"
    assert {"design", "garment"} <= act.objects


def test_a_follow_ups_carried_context_is_not_the_act():
    assert asked_act("Who bought it? (reported JetBlue Spirit)").clause == "bought it"


@pytest.mark.parametrize("sentence, lemma, synonym", [
    ("Ford is recalling 300,000 SUVs over a fire risk.", 1.0, 0.0),  # another form of the same verb
    ("The recall covers 300,000 SUVs.", 1.0, 0.0),  # its noun
    ("Ford said the SUVs were sold in 2020.", 0.0, 0.0),  # another act
])
def test_the_verb_by_lemma(sentence, lemma, synonym):
    x = act_features("Which automaker recalled 300,000 SUVs?", [sentence])
    assert x[0, COL["act_lemma"]] == lemma
    assert x[0, COL["act_synonym"]] == synonym


@pytest.mark.parametrize("question, sentence", [
    ("Which airline announced it is suspending flights to Cuba?", "United Airlines is temporarily halting service."),
    ("Which company unveiled a humanoid robot?", "Tesla announced its Optimus robot on Friday."),
])
def test_the_verb_by_the_paraphrase_lexicon(question, sentence):
    x = act_features(question, [sentence])
    assert x[0, COL["act_synonym"]] == 1.0 or x[0, COL["act_lemma"]] == 1.0


def test_the_object_share():
    x = act_features("Which airline has agreed to buy Spirit Airlines?",
                     ["JetBlue will buy Spirit Airlines for $3.8 billion.", "JetBlue reported a loss."])
    assert x[0, COL["act_object"]] == 1.0
    assert x[1, COL["act_object"]] == 0.0


def test_no_embedder_no_clause_cosines():
    x = act_features("Who won the Stanley Cup?", ["The Avalanche won the Stanley Cup."])
    assert x[0, COL["act_cos"]] == 0.0 and x[0, COL["act_value"]] == 0.0


def _toy_embed(texts):
    """Bag-of-stems vectors (unit norm): a stand-in for the writer's embedder with the same contract."""
    from rag.text.tokens import stem, word_spans

    vocab: dict[str, int] = {}
    rows = []
    for t in texts:
        v: dict[int, float] = {}
        for m in word_spans(t):
            k = vocab.setdefault(stem(m.group(0)), len(vocab))
            v[k] = v.get(k, 0.0) + 1.0
        rows.append(v)
    mat = np.zeros((len(texts), max(len(vocab), 1)))
    for i, v in enumerate(rows):
        for k, c in v.items():
            mat[i, k] = c
    return mat / np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-9)


def test_the_best_clause_tells_the_act_and_gives_a_new_name():
    sents = ["In Denver, fans celebrated late into the night, police said.",
             "The title went to Colorado, and the Avalanche won the Stanley Cup in six games."]
    x = act_features("Who won the Stanley Cup?", sents, _toy_embed)
    assert x[1, COL["act_cos"]] > x[0, COL["act_cos"]]
    assert x[1, COL["act_cos_gap"]] == 0.0 and x[0, COL["act_cos_gap"]] < 0.0
    assert x[1, COL["act_value"]] == 1.0  # "Avalanche" stands in the clause that tells the win


def test_a_clause_without_a_new_value_is_not_the_acts_value():
    x = act_features("Who won the Stanley Cup?", ["The Stanley Cup was won in six games."], _toy_embed)
    assert x[0, COL["act_value"]] == 0.0


def test_clauses_join_short_pieces():
    assert clauses("JetBlue has agreed to buy Spirit, the companies said Thursday, ending a war.") == [
        "JetBlue has agreed to buy Spirit", "the companies said Thursday", "ending a war."]
    assert clauses("Ford, Michigan, recalled cars.") == []  # short pieces join: one clause
