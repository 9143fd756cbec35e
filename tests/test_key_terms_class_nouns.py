"""A class noun says what kind of answer is wanted only in the question's asking phrase ("Which *firms* were
added?"); elsewhere ("What did the agency report about the Japanese *firms*?") it is part of what is asked about,
and is a key term (at ``CLASS_NOUN_WEIGHT``)."""

import pytest

from rag.writers.key_terms import CLASS_NOUN_WEIGHT, key_terms


def _terms(question):
    return {t.stem: t.weight for t in key_terms(question)}


@pytest.mark.parametrize("question, noun", [
    ("Which firms were added to the entity list?", "firm"),
    ("How many people were detained in the raid?", "peopl"),
    ("In what year did the plant open?", "year"),
    ("Which city will host the summit?", "citi"),
])
def test_a_class_noun_in_the_asking_phrase_is_no_key_term(question, noun):
    assert not any(s.startswith(noun[:4]) for s in _terms(question))


@pytest.mark.parametrize("question, noun", [
    ("What did the agency report about the Japanese firms?", "firm"),
    ("What did the ministry say about the companies it blacklisted?", "compani"),
    ("Why did the port city's richest man sue the newspaper?", "citi"),
])
def test_a_class_noun_outside_the_asking_phrase_is_a_light_key_term(question, noun):
    weights = _terms(question)
    assert weights.get(noun) == CLASS_NOUN_WEIGHT, weights


def test_a_class_noun_of_time_is_no_key_term_anywhere():
    # "this year's" bounds when; the date reader reads it (``asked_year``)
    assert "year" not in _terms("Which tennis player will not play at this year's Velden Open?")


def test_a_brief_topic_keeps_no_class_noun():
    assert "firm" not in _terms_topic("Chinese export controls on Japanese firms")


def _terms_topic(topic):
    return {t.stem for t in key_terms(topic, topic=True)}


def test_a_text_that_asks_nothing_keeps_no_class_noun():
    # a quote or a claim has no asking phrase to tell its class nouns by (``list_members`` reads their terms)
    terms = {t.stem for t in key_terms("Japanese business leaders must be careful when doing business with companies "
                                       "on the Entity List.")}
    assert "compani" not in terms and "entiti" not in terms


def test_the_time_classes_are_answer_classes():
    """``time_classes.txt`` names the answer classes of time that never weigh as key terms: each is an answer class."""
    from rag.text.lexicon import word_set

    assert word_set("time_classes") and word_set("time_classes") <= word_set("answer_classes")
