"""The part of speech of a word in its sentence (noun, verb, adjective, adverb), read from a lexicon.

Each word form's possible readings come from lemminflect's English lemma tables (``getAllLemmas``: every
universal part-of-speech tag a form can have, with its lemma; offline data inside the wheel, MIT licence;
B. Jascob, https://github.com/bjascob/LemmInflect), already a dependency of the project. No tagger model is
loaded and nothing is downloaded. A form the tables give one reading has that reading ("flights" NOUN,
"removes" VERB). A form with a noun and a verb reading ("tours", "banks", "strips") is read by the word before
it, the cue a tagger's first feature is:

* after a determiner or possessive (``determiners``: "the", "its"; a possessive "'s": "Russia's banks"), a
  number, or a word that has only an adjective or only a noun reading ("critical energy", "cargo shipments"):
  a noun;
* after a preposition (``data/word_class.toml``: "of", "for", "with"), unless it ends in "-ing" or "-ed": a noun
  ("20% of guards"); after "to", a plural "-s" form is a noun ("emails to guards": an infinitive takes the
  base form, "to guard");
* after an infinitive, modal or negating marker (``verb_markers``: "to", "will", "did not"), a subject pronoun
  (``pronouns`` and ``data/word_class.toml``: "it strips", "which removes") or an adverb in "-ly": a verb;
* a sentence's first word in plural "-s" ("Prices of existing homes fell"), or a base form after a singular noun
  read as one by these rules ("its benchmark mortgage rate": ``_compound_head``): a noun (h/checker-s28);
* otherwise an "-ed" or "-ing" form is a verb and any other form a noun.

A form the tables lack is a noun ("ads", "timelines": most words outside a lexicon are names and nouns), unless
it ends in "-ed", "-ing" or "-ly" or is not a word (None). Lower-case input; read content words only (the tables
give function words odd readings: "will" NOUN).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from rag.support.data_files import data_table
from rag.text.lexicon import word_set

NOUN, VERB, ADJ, ADV = "NOUN", "VERB", "ADJ", "ADV"
_DETERMINERS = word_set("determiners")
_VERB_MARKERS = word_set("verb_markers")
_DATA = data_table("word_class")
_SUBJECTS = word_set("pronouns") | frozenset(_DATA["verb_before"]["words"])
_PREPOSITIONS = frozenset(_DATA["noun_before"]["words"])
_PAST_BASE = frozenset(_DATA["past_base"]["words"])
_PLURAL_NOUNS = word_set("collective_nouns")
_GRADING = frozenset(_DATA["grading_modifiers"]["words"])


@lru_cache(maxsize=8192)
def readings(word: str) -> frozenset[str]:
    """Every part of speech the lemma tables give the lower-case form ``word`` (NOUN, VERB, ADJ, ADV, PROPN,
    AUX, ...); a plural in "-s" the tables lack is read by its singular ("ads" -> "ad"); empty when unknown."""
    from lemminflect import getAllLemmas  # the tables load once (~0.3 s), on the first call

    found = getAllLemmas(word)
    if not found and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        found = {tag: lemmas for tag, lemmas in getAllLemmas(word[:-1]).items() if tag == NOUN}
    return frozenset(found)


def _opens_noun(before: str) -> bool:
    """Whether ``before`` (the previous token) makes a noun-or-verb form a noun: a determiner, a possessive,
    a number, or a word with only an adjective or only a noun reading."""
    if before in _DETERMINERS or before.endswith(("'s", "’s", "s'")) or before[:1].isdigit():
        return True
    r = readings(before)
    return r in (frozenset({ADJ}), frozenset({NOUN}))


def _plural(word: str) -> bool:
    """Whether ``word`` ends in a plural "-s" (not "-ss")."""
    return word.endswith("s") and not word.endswith("ss")


def _compound_head(words: Sequence[str], at: int) -> bool:
    """Whether the noun-or-verb form ``words[at]`` continues a noun-noun compound: a base form (no "-s", "-ed",
    "-ing", not a past tense too: ``data/word_class.toml`` [past_base], "cut", "set") after a singular noun that
    is not a plural collective ("its benchmark mortgage rate": a finite verb after a singular subject takes "-s";
    "the people vote", "the bank cut" are verbs)."""
    word, before = words[at], words[at - 1]
    if _plural(word) or word.endswith(("ed", "ing")) or word in _PAST_BASE:
        return False
    if _plural(before) or before in _PLURAL_NOUNS or before in _PAST_BASE:
        return False
    return word_class(words, at - 1, guess=False) == NOUN


def _opens_verb(before: str) -> bool:
    """Whether ``before`` makes a noun-or-verb form a verb: a verb marker, a pronoun or an "-ly" adverb."""
    return before in _VERB_MARKERS or before in _SUBJECTS or (before.endswith("ly") and ADV in readings(before))


def _object_of_past(word: str, before: str) -> bool:
    """Whether the noun-or-verb form ``word`` is the object of the "-ed" verb ``before`` ("reopened schools",
    "closed plants"): a plural "-s" form right after a past form with no noun reading, where no finite verb stands
    (a finite verb follows its subject, not another verb)."""
    if not _plural(word) or word.endswith(("ed", "ing")) or not before.endswith("ed"):
        return False
    r = readings(before)
    return VERB in r and NOUN not in r


def word_class(words: Sequence[str], at: int, *, guess: bool = True) -> str | None:
    """The part of speech of ``words[at]`` (lower-case tokens of one sentence) by the rules of the module:
    NOUN, VERB, ADJ, ADV, another tag of the tables when that is the form's only one, or None when unknown.
    ``guess=False``: a noun-or-verb form no word before it decides is None (not the "-ed"/"-ing" guess)."""
    word = words[at]
    r = readings(word)
    if not r:  # a form the tables lack: a noun unless its ending says otherwise ("timelines", "jynneos")
        return None if not word[:1].isalpha() or word.endswith(("ed", "ing", "ly")) else NOUN
    if len(r) == 1:
        return next(iter(r))
    if NOUN in r and VERB in r:
        before = words[at - 1] if at > 0 else ""
        if before in _DETERMINERS:  # "its", "their": possessives before pronouns
            return NOUN
        if not word.endswith(("ing", "ed")) and (before in _PREPOSITIONS
                                                  or (before == "to" and word.endswith("s") and not word.endswith("ss"))):
            return NOUN
        if before and _opens_verb(before):
            return VERB
        if before and _opens_noun(before):
            return NOUN
        if at == 0 and _plural(word):  # "Prices of existing homes ...": a finite verb follows its subject
            return NOUN
        if before and _compound_head(words, at):
            return NOUN
        if before and _object_of_past(word, before):
            return NOUN
        if not guess:
            return None
        return VERB if word.endswith(("ed", "ing")) else NOUN
    for tag in (NOUN, VERB, ADJ, ADV):
        if tag in r:
            return tag
    return sorted(r)[0]


def is_noun(words: Sequence[str], at: int, *, guess: bool = True) -> bool:
    """Whether ``words[at]`` reads as a noun in its sentence (``word_class``; ``guess`` as there)."""
    return word_class(words, at, guess=guess) == NOUN


def grades(words: Sequence[str], at: int) -> bool:
    """Whether ``words[at]`` grades or ranks the word after it ("key", "main", "benchmark": ``data/word_class.toml``'s
    ``grading_modifiers``) rather than naming a thing: "its key lending rate" says which rate no more than "its
    benchmark lending rate" does."""
    return words[at] in _GRADING and at + 1 < len(words) and word_class(words, at + 1) in (NOUN, ADJ)


def classifies(words: Sequence[str], at: int) -> bool:
    """Whether ``words[at]`` is a modifier that says which kind of the noun after it is meant: an adjective or a
    noun form ("electric buses", "memory chips", "offshore wind") right before a word read as a noun, and no
    grading word (``grades``)."""
    if at + 1 >= len(words) or grades(words, at) or not is_noun(words, at + 1):
        return False
    r = readings(words[at])
    return not r or bool(r & {NOUN, ADJ})
