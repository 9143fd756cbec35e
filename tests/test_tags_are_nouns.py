"""A brief's keyword tags name things: never a lone adjective ("major", "important"), a comparative or superlative
("longer", "broader", "biggest"), an adverb or connective ("already", "furthermore"), a bare verb ("reduce"), a
phrase led by a verb ("prevent leaks"), a reduced participle clause ("Companies exporting", "system checking the
statuses"), a word the evidence uses as a modifier or a verb, nor a noun that only lives inside "the X of" ("in the
wake of"). Compound nouns whose head is an -ing form stay tags ("chip manufacturing", "drug trafficking").

Seen on sample-corpus briefs: tags "longer", "Companies exporting", "major" (`brief write "export controls" -t
assessment`), "wake" (`-t situation`) and both "semiconductor" and "semiconductors".
"""

from __future__ import annotations

import pytest

from rag.writers.key_terms import can_be_noun, ngrams
from rag.writers.terms_section import keyword_terms, names_a_theme


def _grams(text: str) -> set[str]:
    return {g.lower() for g in ngrams(text)}


# --------------------------------------------------------------------------------------------- one-word tags

@pytest.mark.parametrize("word", [
    # comparatives and superlatives
    "longer", "broader", "greater", "larger", "wider", "stronger", "biggest", "latest", "toughest",
    # plain adjectives, with or without a telling suffix
    "important", "significant", "global", "foreign", "abundant", "regulatory", "new", "rare", "difficult", "likely",
    # adverbs and connectives
    "already", "meanwhile", "furthermore", "however", "moreover", "nevertheless", "recently",
    # verbs that are never nouns
    "reduce", "prevent", "avoid", "realize", "analyze", "impose", "restrict",
    # reflexive pronouns
    "themselves", "itself", "ourselves", "himself",
])
def test_a_word_that_cannot_be_a_noun_is_never_a_one_word_tag(word):
    text = f"Officials said the {word} policy mattered; analysts called it {word}. Exports, {word}, rose."
    assert word not in _grams(text)


@pytest.mark.parametrize("word", ["security", "technology", "restrictions", "semiconductors", "sanctions",
                                  "manufacturers", "cybersecurity", "Huawei", "cyber", "dual-use"])
def test_nouns_and_words_the_lexicon_does_not_know_stay_one_word_tags(word):
    assert can_be_noun(word)
    assert word.lower() in _grams(f"Officials discussed {word}. The talks on {word} went on.")


# --------------------------------------------------------------------------------------------- phrases

@pytest.mark.parametrize(("text", "cut"), [
    # an -ing form after a plural: a reduced relative clause, at the end of the phrase or inside it
    ("Foreign enterprises halting shipments were named.", "enterprises halting shipments"),
    ("Chinese firms seeking approval applied.", "firms seeking approval"),
    ("Companies exporting to China must apply.", "companies exporting"),
    ("Firms seeking licences wait for months.", "firms seeking"),
    ("Officials warning of risks spoke on Monday.", "officials warning"),
    ("Manufacturers relying on Chinese parts were hit.", "manufacturers relying"),
    # after a name
    ("The rules leave Japan exporting less to Korea.", "japan exporting"),
    ("They saw Samsung building a plant there.", "samsung building"),
    # after a singular noun, when the verb goes on to its object
    ("It funded a research project creating an invisibility cloak.", "project creating"),
    ("A clearance system checking the statuses of staff is planned.", "system checking"),
    ("They see it as a business risk affecting their companies.", "risk affecting"),
    ("A law targeting foreign suppliers passed.", "law targeting"),
    # after an adjective: a fragment of a longer name ("organic light-emitting diodes")
    ("Samsung makes organic light-emitting diodes and chips.", "organic light-emitting"),
    # led by a word that can only be a verb
    ("Tokyo wants to reduce reliance on China.", "reduce reliance"),
    ("Steps to prevent leaks were announced.", "prevent leaks"),
    ("Both sides seek to avoid escalation now.", "avoid escalation"),
    # ending in a finite verb
    ("The Chinese government seeks more control.", "chinese government seeks"),
    ("Beijing says the rules apply.", "beijing says"),
    # ending in an adjective or an adverb
    ("The export policy important to Seoul was kept.", "policy important"),
    ("He found the rules no longer effective.", "rules"),  # "longer" is no tag, "rules" is
])
def test_a_clause_fragment_is_no_tag(text, cut):
    grams = _grams(text)
    if cut == "rules":
        assert "rules" in grams and "longer" not in grams and "longer effective" not in grams
    else:
        assert cut not in grams


@pytest.mark.parametrize(("text", "kept"), [
    ("Cases of chip smuggling rose.", "chip smuggling"),
    ("He pointed to semiconductor manufacturing, not design.", "semiconductor manufacturing"),
    ("Rules on export licensing were tightened.", "export licensing"),
    ("The drug trafficking case went to court.", "drug trafficking"),
    ("Chinese research funding for universities grew.", "research funding"),
    ("Cloud computing and storage were named.", "cloud computing"),
    ("The export control system began in 1949.", "export control"),
    ("China's rare earth exports fell.", "rare earth exports"),
    ("Semiconductor manufacturing equipment was listed.", "semiconductor manufacturing equipment"),
    ("A Chinese hacking group was blamed.", "chinese hacking group"),
    ("It was recent shocking news to Tokyo.", "recent shocking news"),
    ("They banned chip packaging tools in May.", "chip packaging tools"),
])
def test_compound_nouns_stay_tags(text, kept):
    assert kept in _grams(text)


# --------------------------------------------------------------------------------------------- how the evidence uses a word

@pytest.mark.parametrize(("word", "evidence"), [
    # can be a noun, but the evidence uses it as a modifier
    ("major", "major companies left. a major step was taken. the major exporters agreed."),
    ("joint", "a joint statement was issued. the joint venture closed. joint exercises began."),
    ("chief", "the chief executive said so. its chief negotiator left. the chief risk is cost."),
    ("free", "a free trade deal. free access to markets. the free flow of data."),
    # can be a noun, but the evidence uses it as a verb
    ("take", "japan will take steps. tokyo is expected to take action. seoul did not take part."),
    ("stay", "firms should stay neutral. they will stay on the sidelines. it may stay."),
    # a noun only inside "the X of"
    ("wake", "in the wake of china's rise, rules changed. in the wake of the ban, firms left."),
])
def test_a_word_the_evidence_uses_as_a_modifier_a_verb_or_only_in_the_x_of_names_no_theme(word, evidence):
    assert not names_a_theme(word, evidence)


@pytest.mark.parametrize(("word", "evidence"), [
    ("security", "national security matters. security concerns grew. they cited security."),
    ("control", "export control is strict. they want control. the control of chips."),
    ("major", "he was a major in the army. the major said so. she met a major."),
    ("take", "his take on the rules. the take was large. a cautious take."),
    ("rise", "china's rise on the global stage. the rise of huawei. a rise in exports."),
])
def test_a_word_the_evidence_uses_as_a_noun_names_a_theme(word, evidence):
    assert names_a_theme(word, evidence)


# --------------------------------------------------------------------------------------------- the tags section

def test_keyword_tags_of_the_export_controls_kinds_hold_no_fragment_and_one_form_of_a_word():
    passages = [
        "Companies exporting chips to China face major export controls. Major firms said the controls were no longer "
        "effective. Semiconductors are the focus.",
        "The major export controls cover semiconductors. Companies exporting equipment need licences. The rules are no "
        "longer enough, and a semiconductor is a dual-use item.",
        "In the wake of the ban, major suppliers cut semiconductor exports. Export controls tightened. Companies "
        "exporting tools were named. In the wake of the rules, semiconductors moved.",
        "Officials will take steps on semiconductor exports. They said the export controls would take effect. Tokyo "
        "did not take part; semiconductors were listed.",
    ]
    tags = [t.lower() for t in keyword_terms(passages[:2], passages, passages, 10)]
    assert any("export controls" in t for t in tags)
    for fragment in ("longer", "major", "companies exporting", "wake", "take"):
        assert fragment not in tags
    assert not {"semiconductor", "semiconductors"} <= set(tags)


# --------------------------------------------------------------------------------------------- the lexicon, read once

@pytest.mark.parametrize(("word", "plural"), [("companies", True), ("Firms", True), ("enterprises", True),
                                              ("news", False), ("chip", False), ("Huawei", False)])
def test_a_plural_noun_is_told_from_the_lexicon(word, plural):
    from rag.writers.key_terms import is_plural_noun

    assert is_plural_noun(word) is plural


def test_word_classes_and_plurals_read_the_lexicon_once_per_word(monkeypatch):
    """Tagging asks a word's classes and whether it is a plural many times per brief: one lexicon read per word."""
    import lemminflect

    from rag.writers import key_terms

    reads: list[str] = []
    real = lemminflect.getAllLemmas
    monkeypatch.setattr(lemminflect, "getAllLemmas", lambda w, *a, **k: reads.append(w) or real(w, *a, **k))
    key_terms.lemmas.cache_clear()
    words = ["exporters", "Exporters", "shipments", "suppliers"]
    for _ in range(3):
        for w in words:
            key_terms.is_plural_noun(w)
            key_terms.word_classes(w)
            key_terms.can_be_noun(w)
    assert sorted(reads) == ["exporters", "shipments", "suppliers"]
    key_terms.lemmas.cache_clear()
