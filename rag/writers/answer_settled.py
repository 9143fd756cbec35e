"""Yes/no claims a source settles in other words than the claim's, where the support checker reads no match.

Two kinds (word lists in ``rag/text/data/settled_in_other_words.toml``):

* **A denial told by another verb** — the claim "X denied that P" (any denial verb: deny, reject, dismiss, refute …)
  is *supported* by a sentence in which the same party (named, or a pronoun in a passage naming it) rejects, dismisses
  or refutes ("suggestions", "claims" …) "that P'", where P' tells P: every key term of P's predicate (from its verb
  on) is held, in the checker's paraphrase lexicon, and P's subject is held or P' refers back to it with a definite
  description ("the move" for "the export curbs"). "Has Japan denied that the export curbs were driven by historical
  issues?" over "Japanese officials … They have rejected suggestions that the move was driven by worsening ties …
  related to historical issues" → Yes. A negated denial ("did not deny") settles nothing.
* **A search that found nothing** — the claim "X found Y" (find, discover, detect, uncover …) is *contradicted* by a
  sentence naming X (or a pronoun subject, in a passage naming X) in which a search "found no sign / no evidence /
  no trace of Y'", or did not find Y', where Y' shares a word (not a name) of Y's: "Did South Korea find illegal
  transfers of sensitive materials to North Korea?" over "South Korean Minister … Sung Yun-mo said that an
  'emergency inspection' found no sign of illegal transactions" → No.

A denied clause in the active voice is also told by the source's passive one ("Did Japan deny that historical
issues drove the export curbs?" over "… rejected suggestions that the move was driven by … historical issues"), and a
denial's contrary must tell what was denied (``bears_on_denial``: the verdict reads it before taking the checker's
contrary).

``settled(claim, passage)`` returns (outcome, (start, end)) — "supported" or "contradicted" and the deciding
sentence's character span in ``passage`` — or None. English only.
"""

from __future__ import annotations

import re
from functools import cache

from rag.support.polarity import polarity
from rag.text.lexicon import table, word_set
from rag.text.sentences import split_sentences
from rag.writers.key_terms import key_terms, stems

__all__ = ["settled", "denied", "bears_on_denial", "verb_lemma", "denial_verbs"]

_WORD = re.compile(r"[\w'’-]+")
#: the words that open a clause's verb group: what splits "the export curbs | were driven by historical issues"
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
                          "can", "may", "might", "should", "did", "does", "do"})
#: determiners opening a definite description that refers back ("the move", "this decision")
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})


@cache
def _data() -> dict:
    return table("settled_in_other_words")


@cache
def denial_verbs() -> frozenset[str]:
    """The lemmas of the verbs that tell a denial ("deny", "reject", "refute" …: ``[denial] verbs``)."""
    return frozenset(_data()["denial"]["verbs"])


def verb_lemma(word: str) -> str | None:
    """The base form of ``word`` read as a verb ("imposed" → "impose"), or None when no verb can be that word
    (lemminflect's tables)."""
    from lemminflect import getAllLemmas

    return (getAllLemmas(word.lower()).get("VERB") or (None,))[0]


def _verb_at(words: list[re.Match[str]], verbs: frozenset[str]) -> int | None:
    """The index of the first word whose verb reading is one of ``verbs``."""
    return next((i for i, m in enumerate(words) if verb_lemma(m.group(0)) in verbs), None)


def _word_stems(text: str) -> set[str]:
    """The stems of ``text``'s content words that are not names (what a thing is, not who)."""
    return {t.stem for t in key_terms(text) if t.kind == "word"}


def _held_share(claim: str, window: str) -> float:
    from rag.writers.answer_verdict import _held  # the verdict module imports this one

    return _held(claim, window, "", paraphrase=True)


def _entity_stems(text: str) -> set[str]:
    return {t.stem for t in key_terms(text) if t.kind == "entity"}


def _names_party(party: str, text: str) -> bool:
    """Whether ``text`` names the claim's ``party`` (a name stem or place key in common: "Japanese officials" names
    Japan)."""
    mine = _entity_stems(party) or stems(party)
    return bool(mine & stems(text))


def _pronoun_only(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text)]
    return bool(words) and all(w in word_set("pronouns") or w in word_set("stopwords") for w in words)


def _passive_reading(proposition: str) -> str | None:
    """An active clause in the past tense told in the passive ("historical issues drove the export curbs" -> "the
    export curbs were driven by historical issues"), the shape a source's "that" clause often has; None when no verb
    in the past tense follows its subject, or nothing follows the verb. English only (lemminflect's tables)."""
    from lemminflect import getInflection

    words = _WORD.findall(proposition)
    for i in range(1, len(words) - 1):
        word = words[i]
        lemma = verb_lemma(word)
        if (word[:1].isupper() or word.lower() in _AUXILIARIES or lemma is None
                or word.lower() not in getInflection(lemma, "VBD") or words[i - 1].lower() in _DEFINITE):
            continue
        participle = (getInflection(lemma, "VBN") or (word,))[0]
        obj = words[i + 1:]
        be = "were" if obj[-1].lower().endswith("s") and not obj[-1].lower().endswith("ss") else "was"
        return " ".join([*obj, be, participle, "by", *words[:i]])
    return None


def _tells(proposition: str, told: str, party: str = "", passage: str = "") -> bool:
    """Whether ``told`` (a "that" clause of the source) tells ``proposition`` (the claim's, of ``party``'s denial):
    its predicate held whole, its subject held or referred back to by a definite description ("the move" for "the
    export curbs") that names no one the claim does not ("the Chinese move" is not Japan's curbs), for a subject
    naming no one ``passage`` (the clause's whole passage) does not name ("the move" in a passage naming only Japan
    and South Korea is not "China's export curbs"). An active clause is also read in the passive
    (``_passive_reading``: "historical issues drove the curbs" is told by "the move was driven by … historical
    issues")."""
    words = _WORD.findall(proposition)
    at = next((i for i, w in enumerate(words) if w.lower() in _AUXILIARIES), None)
    if at is None or at == 0:
        if _held_share(proposition, told) >= 1.0:
            return True
        passive = _passive_reading(proposition)
        return passive is not None and _tells(passive, told, party, passage)
    subject, predicate = " ".join(words[:at]), " ".join(words[at:])
    if _held_share(predicate, told) < 1.0:
        return False
    told_words = _WORD.findall(told)
    told_at = next((i for i, w in enumerate(told_words) if w.lower() in _AUXILIARIES), None)
    refers_back = (bool(told_words) and told_words[0].lower() in _DEFINITE and told_at is not None and told_at <= 3
                   and _entity_stems(" ".join(told_words[:told_at])) <= _entity_stems(f"{party} {proposition}")
                   and _entity_stems(subject) <= stems(passage or told))
    return not _word_stems(subject) or _held_share(subject, told) >= 1.0 or refers_back


def denied(claim: str) -> tuple[str, str] | None:
    """(party, proposition) of a claim that someone denied a "that" clause ("Japan denied that its curbs were
    retaliation" -> ("Japan ", " its curbs were retaliation")); None for any other claim."""
    words = list(_WORD.finditer(claim))
    at = _verb_at(words, frozenset(_data()["denial"]["verbs"]))
    if at is None or at + 1 >= len(words) or words[at + 1].group(0).lower() != "that":
        return None
    return claim[:words[at].start()], claim[words[at + 1].end():]


def bears_on_denial(claim: str, window: str) -> bool:
    """Whether ``window`` can state the contrary of a denial claim: it tells the denied proposition (``_tells``:
    "Japan admitted that the curbs were retaliation", "did not deny that …"). A negation of another act ("Japan
    does not plan to retract its controls") is no contrary of "Japan denied that its curbs were retaliation". True
    for a claim that is no denial."""
    found = denied(claim)
    return found is None or _tells(found[1], window, found[0], window)


def _denial(claim: str, passage: str) -> tuple[int, int] | None:
    data = _data()["denial"]
    verbs = frozenset(data["verbs"])
    found = denied(claim)
    if found is None:
        return None
    party, proposition = found
    nouns = {n for n in data["nouns"]}
    for s in split_sentences(passage):
        found = list(_WORD.finditer(s.text))
        k = _verb_at(found, verbs)
        if k is None:
            continue
        head = s.text[:found[k].end()]
        if polarity(head).has_negator:  # "did not deny", "never rejected"
            continue
        j = k + 1
        if j < len(found) and verb_lemma(found[k].group(0)) == "rule":
            if found[j].group(0).lower() not in data["particles"]:
                continue
            j += 1
        while j < len(found) and found[j].group(0).lower() not in ("that",) and j - k <= 3:
            word = found[j].group(0).lower().rstrip("s")
            if word not in nouns and word not in _DEFINITE and found[j].group(0).lower() not in ("the", "any", "all"):
                break
            j += 1
        if j >= len(found) or found[j].group(0).lower() != "that":
            continue
        denier = s.text[:found[k].start()]
        if not (_names_party(party, denier) or (_pronoun_only(denier) and _names_party(party, passage))):
            continue
        if _tells(proposition, s.text[found[j].end():], party, passage):
            return s.start, s.end
    return None


@cache
def _none_re() -> re.Pattern[str]:
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_data()["finding"]["none"], key=len,
                                                                               reverse=True))
    return re.compile(rf"\b(?:{phrases})\s+(?:of\s+|that\s+)?(?P<what>[^.;,]+)", re.I)


def _found_nothing(claim: str, passage: str) -> tuple[int, int] | None:
    verbs = frozenset(_data()["finding"]["verbs"])
    words = list(_WORD.finditer(claim))
    at = _verb_at(words, verbs)
    if at is None or at == 0:
        return None
    party, thing = claim[:words[at].start()], claim[words[at].end():]
    wanted = _word_stems(thing)
    if not wanted or not party.strip():
        return None
    for s in split_sentences(passage):
        found = list(_WORD.finditer(s.text))
        k = _verb_at(found, verbs)
        if k is None:
            continue
        after = s.text[found[k].end():]
        m = _none_re().match(after.lstrip())
        negated = polarity(s.text[:found[k].end()]).has_negator  # "did not find illegal transfers"
        what = m.group("what") if m else after if negated else None
        if what is None or not (_word_stems(what) & wanted):
            continue
        # the searcher named in the sentence, or by a pronoun in a passage naming it ("South Korea ordered an
        # inspection. It found no sign of illegal transfers.")
        finder = s.text[:found[k].start()]
        if not (_names_party(party, s.text) or (_pronoun_only(finder) and _names_party(party, passage))):
            continue
        return s.start, s.end
    return None


def settled(claim: str, passage: str) -> tuple[str, tuple[int, int]] | None:
    """("supported" | "contradicted", the deciding sentence's span in ``passage``) when ``passage`` settles the
    affirmative ``claim`` in other words (a denial told by another verb; a search that found nothing), else None.
    A negated claim ("Japan did not deny …") is not read here."""
    if polarity(claim).has_negator:
        return None
    span = _denial(claim, passage)
    if span is not None:
        return "supported", span
    span = _found_nothing(claim, passage)
    if span is not None:
        return "contradicted", span
    return None
