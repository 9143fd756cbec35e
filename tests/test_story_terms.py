"""A story's salient terms (``rag.writers.story_terms``, issue 10: key facts), on sentences written for this file.

A key fact of a story is what several of its reports state and the topic does not say: the suspect's name, the
region a missile flew over, what protesters held up. Its weight comes from the on-topic reports only; the topic's
own words, function words and reporting verbs never count; once the brief has said a term, saying it again adds
nothing.
"""

from __future__ import annotations

from rag.writers.key_terms import stems
from rag.writers.story_terms import MIN_DOCS, novelty, salience

TOPIC = "Attack on a lawmaker's husband at their home"


def _rows(sentences: list[tuple[str, str, bool]]):
    return [stems(t) for t, _, _ in sentences], [d for _, d, _ in sentences], [ok for _, _, ok in sentences]


ATTACK = [
    ("Police identified the suspect as Dale Morrow, 44, of Oakland.", "a1", True),
    ("Morrow broke in through a back door and carried a hammer.", "a1", True),
    ("Morrow was charged with attempted murder on Monday, prosecutors said.", "a2", True),
    ("Prosecutors said Morrow, who used a hammer, faces attempted murder and burglary charges.", "a3", True),
    ("A neighbour said the street is usually quiet and lined with old trees.", "a2", True),
    ("Markets fell on Monday as investors weighed new tariffs on steel.", "x9", False),
    ("Steel tariffs and burglary rates were debated in the state senate.", "x8", False),
]


def test_a_name_several_reports_share_is_a_story_term_and_one_reports_aside_is_not():
    w = salience(*_rows(ATTACK), said=stems(TOPIC))
    assert w.get("morrow", 0) > 0 and w.get("murder", 0) > 0
    assert "neighbour" not in w and "tree" not in w  # one report's colour
    assert "oakland" not in w  # named by one report only


def test_terms_of_off_topic_documents_do_not_count():
    w = salience(*_rows(ATTACK), said=stems(TOPIC))
    assert "steel" not in w and "tariff" not in w and "market" not in w


def test_the_topics_own_words_function_words_and_reporting_verbs_weigh_nothing():
    sentences = [
        ("The husband of the lawmaker was attacked at home, police said on Friday.", "b1", True),
        ("Police said the husband was attacked at home by an intruder with a hammer.", "b2", True),
        ("The intruder used a hammer, police said.", "b3", True),
    ]
    w = salience(*_rows(sentences), said=stems(TOPIC))
    assert "hammer" in w and "intrud" in w
    for word in ("husband", "attack", "home", "said", "the", "by"):
        assert all(s not in w for s in stems(word)), word


def test_a_term_the_reports_repeat_outweighs_one_they_mention_once_each():
    sentences = [
        ("The missile flew over the Tohoku region, the government said.", "m1", True),
        ("Residents of Tohoku were told to take shelter; the missile reached Mach 17.", "m1", True),
        ("It flew over Tohoku before landing in the Pacific, reaching Mach 17.", "m2", True),
        ("Trains in Tohoku were halted for an hour.", "m2", True),
    ]
    w = salience(*_rows(sentences), said=stems("North Korea fires a missile over Japan"))
    assert w[stems("Tohoku").pop()] > w["mach"] > 0


def test_a_story_of_one_report_has_no_story_terms():
    one = [(t, "solo", True) for t in ("Morrow carried a hammer.", "Morrow was charged with attempted murder.")]
    assert MIN_DOCS == 2 and salience(*_rows(one)) == {}
    assert salience([], [], []) == {}


def test_novelty_counts_each_story_term_once_per_brief():
    w = salience(*_rows(ATTACK), said=stems(TOPIC))
    first = stems("Prosecutors charged Morrow with attempted murder.")
    assert novelty(first, w, set()) > 0
    said = set(first)
    assert novelty(stems("Morrow faces attempted murder charges."), w, said) == 0.0  # nothing new
    assert novelty(stems("Morrow broke in with a hammer through a back door."), w, said) > 0  # hammer: new


def test_a_sentence_restating_the_topic_adds_no_story_term():
    w = salience(*_rows(ATTACK), said=stems(TOPIC))
    assert novelty(stems("The lawmaker's husband was attacked at their home."), w, set(stems(TOPIC))) == 0.0
