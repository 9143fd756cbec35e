"""The asked act as features of an answer sentence: how well a sentence tells the act a question asks about, by
lemma, by the project's paraphrase lexicon and by the embedding similarity of the two clauses.

RealTime QA's answers tell the asked act in other words than the question ("Ford ... is recalling" for "recalled";
"JetBlue has agreed to buy Spirit" for "announced a deal"; "United Airlines is temporarily halting service" for
"announced it is suspending"): a word match is too strict to be a gate (h/answers-s26 tried it: 6 of 68 answers
lost), so the match is measured, not required, and a fitted selector weighs it (``answer_model``).

``asked_act`` reads the question's asked sentence (``answer_kind.asked_sentence``, without a follow-up's carried
context): its verbs (the first past / "-ing" form after the wh-phrase or, after "did" / "does" / "has" …, the first
word after the subject that can be the verb form the auxiliary asks for, ``verb_after_subject``: "ban", not
"administration", in "What did the Trump administration ban?"; plus a "to <verb>" after it or the next verb form of
a reported act: "announced it is suspending") and the clause they stand in ("recalled 300,000 SUVs", "Ford announce
on Tuesday"). ``act_features`` gives, per candidate sentence, the columns of ``ACT_FEATURES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

import numpy as np

from rag.support.tokens import _syn_groups  # the paraphrase lexicon's synonym groups (stem -> group ids)
from rag.text.lexicon import table, word_set
from rag.text.tokens import irregular_forms, stem, word_spans
from rag.writers.answer_kind import asked_sentence, without_carried_context
from rag.writers.answer_settled import verb_lemma

__all__ = ["ACT_FEATURES", "AskedAct", "act_features", "asked_act", "asked_subject", "clauses", "family_stems",
           "fits_auxiliary", "in_act_family", "reports_speech", "tells_act", "tells_act_itself", "tells_act_otherwise",
           "verb_after_subject", "verb_form"]

#: the feature columns, in order: the act's verb by stem; only by a synonym group of the paraphrase lexicon; share
#: of the act's object words present; the best clause's cosine to the asked clause, raw and minus the question's
#: best; a new name or number in that best clause (the act's doer, undergoer or time, by position in the clause)
ACT_FEATURES = ("act_lemma", "act_synonym", "act_object", "act_cos", "act_cos_gap", "act_value")

_WH = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how"})
#: auxiliaries after which the subject comes before the verb ("did Ford announce", "has the company agreed")
_AUX = frozenset({"did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                  "could", "should", "may", "might", "must", "shall"})
#: auxiliaries of the passive voice ("was … held"): their subject undergoes the act
_BE = frozenset({"is", "are", "was", "were"})
#: auxiliaries whose verb is a participle or "-ing" form ("has banned", "is banning"), not a base form ("did ban")
_PARTICIPLE_AUX = _BE | {"has", "have", "had", "be", "been"}
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those"})
#: a sentence's clauses: split at these marks; pieces of fewer than MIN_CLAUSE_WORDS words join the one before
_CLAUSE_SPLIT = re.compile(r"\s*(?:[;:,]|\s[–—-]\s|\(|\))\s*")
MIN_CLAUSE_WORDS = 3
MAX_CLAUSES = 4  # per sentence, besides the whole sentence
#: a "which <class>" subject has at most this many words before its auxiliary or verb
SUBJECT_WORDS = 5
_NAME = re.compile(r"\b[A-Z][\w’'&.-]*")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")


@dataclass(frozen=True)
class AskedAct:
    """The act a question asks about: ``verbs`` (stems, "recal"), ``objects`` (stems of the content words after
    the verb) and ``clause`` (the asked sentence from its subject or verb on, as written, without its "?")."""

    verbs: tuple[str, ...]
    objects: frozenset[str]
    clause: str


def verb_form(word: str) -> bool:
    """A past, participle or "-ing" form ("recalled", "won", "halting"): a verb wherever it stands."""
    w = word.lower()
    return (len(w) > 4 and (w.endswith("ed") or w.endswith("ing"))) or w in word_set("irregular_past") \
        or w in irregular_forms()


def asked_act(question: str) -> AskedAct | None:
    """The asked act of ``question`` (see the module docstring); None when the asked sentence has no content word
    after its wh-phrase ("Who is she?")."""
    asked, _ = asked_sentence(without_carried_context(question))
    spans = word_spans(asked)
    words = [m.group(0) for m in spans]
    low = [w.lower() for w in words]
    stop = word_set("stopwords")
    i = next((k for k, w in enumerate(low) if w in _WH), -1) + 1
    verbs: list[int] = []
    if i < len(low) and low[i] not in _AUX:  # "which new product did Tesla debut": the class noun, then "did"
        j = next((k for k in range(i, min(len(low), i + SUBJECT_WORDS + 1)) if low[k] in _AUX or verb_form(words[k])),
                 None)
        if j is not None and low[j] in _AUX and not (j + 1 < len(low) and verb_form(words[j + 1])):
            i = j
    start = i
    if i < len(low) and low[i] in _AUX:
        start = i + 1  # "did Ford announce ...": the clause keeps the subject
        k = verb_after_subject(words, i)
        if k is not None:
            verbs.append(k)
    else:  # "which automaker recalled ...", "who won ...": the first verb form after the class noun
        k = i
        while k < len(low) and not verbs:
            if low[k] in _AUX and k + 1 < len(low) and verb_form(words[k + 1]):
                verbs.append(k + 1)
            elif verb_form(words[k]) and words[k][:1].islower():
                verbs.append(k)
            k += 1
        if verbs:
            start = verbs[0]
            while start > i and low[start - 1] in _AUX:
                start -= 1
    if (verbs and verbs[0] + 2 < len(low) and low[verbs[0] + 1] == "to" and low[verbs[0] + 2] not in stop
            and words[verbs[0] + 2][:1].islower()):  # not "respond to China's halt"
        verbs.append(verbs[0] + 2)  # "has agreed to buy"
    elif verbs:  # "announced it is suspending flights": the reported act too
        verbs += [k for k in range(verbs[0] + 1, len(low)) if verb_form(words[k]) and words[k][:1].islower()][:1]
    rest = [w for w in low[(verbs[-1] + 1 if verbs else start):] if w not in stop and w not in _WH]
    if not rest and not verbs:
        return None
    clause = asked[spans[start].start():].strip().rstrip("?？ ").strip() if start < len(spans) else ""
    return AskedAct(tuple(dict.fromkeys(stem(words[v]) for v in verbs)), frozenset(stem(w) for w in rest), clause)


def fits_auxiliary(word: str, aux: str) -> bool:
    """Whether ``word`` can be the verb form the auxiliary ``aux`` asks for: a past participle or "-ing" form after
    "has", "had", "is", "was" … ("banned", "banning", ``verb_form``; "given", "known": a verb's form other than its
    base and its "-s" form); a verb's base form after "did", "does", "do" and the modals ("ban", "restrict"; not
    "administration", "officials", "foreign"). Lemminflect's tables tell which words can be verbs."""
    low = word.lower()
    if aux.lower() in _PARTICIPLE_AUX:
        return verb_form(word) or (verb_lemma(low) not in (None, low) and not low.endswith("s"))
    return verb_lemma(low) == low


def _adverb(word: str) -> bool:
    """Whether ``word`` can only be an adverb ("recently", "reportedly"; not "early", "family"): lemminflect's
    tables."""
    from lemminflect import getAllLemmas  # the tables load once

    return set(getAllLemmas(word.lower())) == {"ADV"}


def _open_word(words: list[str], aux: int, k: int) -> bool:
    """Whether ``words[k]`` may be the verb after the auxiliary at ``aux``: a lower-case content word not right after
    a determiner or a possessive ("the summit", "Japan's ban", "Korea’s trade" split as "Korea", "s", "trade"); the
    word right after the auxiliary only when it is a verb form or, after "is" / "has" …, a participle ("is used"; "did
    Ford" names the subject first)."""
    word, prev = words[k], words[k - 1].lower()
    right_after = verb_form(word) or (words[aux].lower() in _PARTICIPLE_AUX and fits_auxiliary(word, words[aux]))
    return (word[:1].islower() and word.lower() not in word_set("stopwords") and prev not in _DETERMINERS
            and not prev.endswith(("'s", "’s")) and words[k - 1] != "s" and (k > aux + 1 or right_after))


def _subject_words(words: list[str], aux: int, k: int) -> int:
    """How many words from ``words[k]`` (an open word, ``_open_word``) the subject still holds before the verb after
    the auxiliary ``words[aux]``: 0 when ``words[k]`` is the verb. A word that cannot be the verb form the auxiliary
    asks for (``fits_auxiliary``: "administration", "government", "foreign", "officials", "recently") is the
    subject's when a later open word can be; a modifier before an organisation's head noun (``org_words.txt``) that a
    fitting verb follows is the subject's with its head ("trade ministry restrict", "commerce department add", "coast
    guard board"); a title (``titles.txt``) or an organisation's head noun that a fitting verb follows is the
    subject's head ("the prime minister meet", "the state council approve")."""
    aux_word = words[aux]
    later = [j for j in range(k + 1, len(words)) if _open_word(words, aux, j)]
    if not fits_auxiliary(words[k], aux_word):
        return 1 if any(fits_auxiliary(words[j], aux_word) for j in later) else 0

    def fits_at(j: int) -> bool:
        return j < len(words) and words[j][:1].islower() and fits_auxiliary(words[j], aux_word)

    head = words[k + 1].lower() if k + 1 < len(words) else ""
    if head in word_set("org_words") and fits_at(k + 2):
        return 2
    if words[k].lower() in word_set("titles") | word_set("org_words") and fits_at(k + 1):
        return 1
    return 0


def _copula(words: list[str], aux: int, k: int) -> bool:
    """Whether the auxiliary at ``aux`` is a form of "be" that no word up to the open word ``words[k]`` fits: the
    question asks what something is ("What was the value of …?"), not of an act; "What else is China doing to
    reduce …?" has its act after the light "doing"."""
    light = word_set("stopwords")
    return words[aux].lower() in _BE and not fits_auxiliary(words[k], words[aux]) and not any(
        w.lower() in light and fits_auxiliary(w, words[aux]) for w in words[aux + 1:k])


def verb_after_subject(words: list[str], aux: int) -> int | None:
    """The index in ``words`` (a question's words, as written) of the asked act's verb after the auxiliary at
    ``aux``: the first open word (``_open_word``) past the subject's words (``_subject_words``): "ban" in "What did
    the Trump administration ban?", "restrict" in "What did South Korea's trade ministry restrict?", "banning" in
    "What is the Biden administration banning?"; when no word fits, the first open word ("did Japan onshore", a verb
    lemminflect lacks); None when there is no open word, or after "is" / "was" … when no word fits: "What was the
    value of Japan's exports?" asks what something is, not of an act."""
    k = aux + 1
    first = None
    while k < len(words):
        if not _open_word(words, aux, k):
            k += 1
            continue
        first = k if first is None else first
        held = _subject_words(words, aux, k)
        if not held:
            return None if _copula(words, aux, k) else k
        k += held
    return None if words[aux].lower() in _BE else first


def clauses(text: str) -> list[str]:
    """The clauses of a sentence (split at , ; : dashes and parentheses; a piece shorter than ``MIN_CLAUSE_WORDS``
    words joins the one before), at most ``MAX_CLAUSES``; one clause or none: ``[]`` (the sentence is its clause)."""
    out: list[str] = []
    for piece in _CLAUSE_SPLIT.split(text):
        if not piece.strip():
            continue
        if out and len(word_spans(piece)) < MIN_CLAUSE_WORDS:
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out[:MAX_CLAUSES] if len(out) > 1 else []


def _tells(word_stem: str, verb: str) -> tuple[bool, bool]:
    """(same lemma, same synonym group only) of a sentence word's stem against an asked verb's stem."""
    if word_stem == verb or (len(verb) >= 5 and word_stem.startswith(verb)):
        return True, False
    mine = _syn_groups(verb)
    return False, bool(mine and mine & _syn_groups(word_stem))


@lru_cache(maxsize=1)
def family_stems() -> tuple[frozenset[str], ...]:
    """The act families of ``act_roles.toml`` [families], each as the stems of its words."""
    return tuple(frozenset(stem(w) for w in words) for words in table("act_roles")["families"].values())


def _in_family(word_stem: str, family: frozenset[str]) -> bool:
    return word_stem in family or any(len(f) >= 5 and word_stem.startswith(f) for f in family)


@lru_cache(maxsize=1)
def _speech_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in word_set("reporting_verbs") | word_set("speech_verbs"))


def reports_speech(verb_stem: str) -> bool:
    """Whether an act's verb stem reports speech or writing ("say", "report", "urge": ``reporting_verbs.txt``,
    ``speech_verbs.txt``): its object is what was said, and who did it is its speaker, not a place acting."""
    return verb_stem in _speech_stems()


def in_act_family(word_stem: str) -> bool:
    """Whether a word stem belongs to one of the act families of ``act_roles.toml`` [families] ("restrict", "curb",
    "embargo", "protest"): an act whose doer the answering code reads."""
    return any(_in_family(word_stem, f) for f in family_stems())


def tells_act_itself(stems: set[str] | frozenset[str], verb: str) -> bool:
    """Whether a sentence whose word stems are ``stems`` tells the act of the asked verb stem ``verb`` by its own
    word: the stem itself, or a longer form it begins ("restriction" for "restrict")."""
    return any(_tells(s, verb)[0] for s in stems)


def tells_act_otherwise(stems: set[str] | frozenset[str], verb: str) -> bool:
    """Whether a sentence whose word stems are ``stems`` tells the act of the asked verb stem ``verb`` in other words:
    no stem of the verb itself (``tells_act_itself``), but one of its family in ``act_roles.toml`` ("tighten",
    "stricter", "ban" for "restrict"). The paraphrase lexicon's synonym groups (``_tells``, the act features) are
    wider than an act: "pressed for collaboration" would tell "ask" the makers' names (seed qa-062)."""
    if tells_act_itself(stems, verb):
        return False
    families = [f for f in family_stems() if _in_family(verb, f)]
    return any(_in_family(s, f) for f in families for s in stems)


def tells_act(stems: set[str] | frozenset[str], verb: str) -> bool:
    """Whether a sentence whose word stems are ``stems`` tells the act of the asked verb stem ``verb`` at all: by its own
    word (``tells_act_itself``) or by one of its family (``tells_act_otherwise``)."""
    return tells_act_itself(stems, verb) or tells_act_otherwise(stems, verb)


def asked_subject(question: str) -> str:
    """The subject of ``question``'s asked act, as written: the words between the auxiliary after its wh-phrase and
    the act's verb (``asked_act``, ``verb_after_subject``) in the asked sentence (``answer_kind.asked_sentence``
    without a follow-up's carried context), an adverb or a "been" before the verb aside: "Japan" for "What did Japan restrict?"
    and "What did Japan recently ban?", "the Brazilian government" for "What has the Brazilian government banned?",
    "the Trump administration" for "What did the Trump administration ban?"; "" when the wh-phrase is the subject
    ("Which country restricted …?"; "Which Japanese makers did Washington ask …?" gives "Washington"), the question
    is passive ("Where was the summit held?") or there is no act."""
    act = asked_act(question)
    if act is None or not act.verbs:
        return ""
    asked, _ = asked_sentence(without_carried_context(question))
    spans = word_spans(asked)
    low = [m.group(0).lower() for m in spans]
    wh = next((k for k, w in enumerate(low) if w in _WH), None)
    if wh is None:
        return ""
    aux = next((k for k in range(wh + 1, len(low)) if low[k] in _AUX), None)
    verb = next((k for k in range(wh + 1, len(low)) if stem(spans[k].group(0)) == act.verbs[0]), None)
    if aux is None or verb is None or verb <= aux + 1:
        return ""
    if low[aux] in _BE and not low[verb].endswith("ing"):  # "Where was the summit held?": the subject undergoes it
        return ""
    end = verb - 1
    while end > aux and (_adverb(low[end]) or low[end] in _AUX | {"been", "being", "be"}):
        end -= 1  # "What did Japan recently ban?", "Where has Jack Ma reportedly been living?": the subject alone
    return asked[spans[aux + 1].start():spans[end].end()] if end > aux else ""


def act_features(question: str, texts: Sequence[str],
                 embed: Callable[[Sequence[str]], np.ndarray] | None = None) -> np.ndarray:
    """Matrix (len(texts), len(ACT_FEATURES)) of the asked act's match in each candidate sentence; all zeros when
    the question has no asked act. ``embed`` (texts → unit-norm rows, the writer's embedder) gives the clause
    cosines; without it ``act_cos``, ``act_cos_gap`` and ``act_value`` are 0."""
    n = len(texts)
    x = np.zeros((n, len(ACT_FEATURES)), dtype=np.float64)
    act = asked_act(question)
    if act is None or n == 0:
        return x
    qwords = {w.lower() for w in re.findall(r"[\w’'-]+", question)}
    pieces: list[list[str]] = []
    for i, text in enumerate(texts):
        st = [stem(m.group(0)) for m in word_spans(text)]
        lemma = synonym = False
        for s in st:
            for v in act.verbs:
                a, b = _tells(s, v)
                lemma, synonym = lemma or a, synonym or b
        x[i, 0] = float(lemma)
        x[i, 1] = float(synonym and not lemma)
        x[i, 2] = len(act.objects & set(st)) / len(act.objects) if act.objects else 0.0
        pieces.append([text] + clauses(text))
    if embed is None or not act.clause:
        return x
    flat = [p for ps in pieces for p in ps]
    mat = np.asarray(embed([act.clause] + flat), dtype=np.float64)
    cos = mat[1:] @ mat[0]
    k = 0
    for i, ps in enumerate(pieces):
        part = cos[k:k + len(ps)]
        best = int(np.argmax(part))
        x[i, 3] = float(part[best])
        clause = ps[best]
        new = ({m.group(0).lower() for m in _NAME.finditer(clause) if m.start() > 0} - qwords) or (
            {m.group(0) for m in _NUMBER.finditer(clause)} - qwords)
        x[i, 5] = float(bool(new))
        k += len(ps)
    x[:, 4] = x[:, 3] - x[:, 3].max()
    return x
