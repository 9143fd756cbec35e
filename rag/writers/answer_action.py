"""The asked action: "Which country restricted dual-use exports to 20 Japanese companies?" asks who did one thing,
so a sentence naming a country that did another ("CFIUS has carved out exceptions only for Australia, Canada and the
UK", "Germany debuted its first hydrogen train") does not answer it, however much of the question it repeats.

``asked_action`` reads the question's main verb after its "who" / "which <class>" subject ("restricted", "has
banned", "won"); ``states_action`` says whether a sentence tells that act (the verb, a form or nominalisation of it
read with the text layer's stemmer — "restrictions", "restricting" — or a word of its synonym group in the project's
paraphrase lexicon, ``rag.support.lexicon``: "curbs", "controls", "limits") with a new name in the asked role: the
act's agent ("Beijing restricted ...", "China's curbs on ...", "restrictions imposed by Tokyo on ..."). A question
whose subject is asked in the passive ("Which companies were fined?") wants the act's patient: the act must be told,
whoever stands where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.support.tokens import _syn_groups  # the paraphrase lexicon's synonym groups (stem -> group ids)
from rag.text.lexicon import table, word_set
from rag.text.places import place_of_word
from rag.text.sentences import sentence_texts
from rag.text.tokens import irregular_forms, stem, strip_possessive, word_spans
from rag.writers.answer_kind import asked_sentence, named_elsewhere, without_carried_context

__all__ = ["AGENT_GAP", "AskedAction", "asked_action", "states_action", "tells_action"]

#: A name stands in the agent's place when at most this many words separate it from the act's word ("China on
#: Monday restricted", "Beijing's new export curbs"); farther, it is another clause's.
AGENT_GAP = 6
#: ... or when it follows "by" within this many words after the act's word ("restrictions imposed by Tokyo").
BY_GAP = 3
#: A "which <class>" subject has at most this many words before its verb ("which Japanese chip equipment maker").
SUBJECT_WORDS = 5
_WH = ("who", "which", "what")
_LEAD = ("and", "so", "but")


@dataclass(frozen=True)
class AskedAction:
    """The act a question asks the doer (or, ``passive``, the undergoer) of: ``word`` as written, its ``stem``, and
    ``wanted``: whose name an answer gives, in the question's words ("country that restricted dual-use exports to 20
    Japanese companies", "one who won the Stanley Cup"), for a partial answer to say what no source gives."""

    word: str
    stem: str
    passive: bool = False
    wanted: str = ""


def _vocab(name: str) -> frozenset[str]:
    """A word list of answer_kinds.toml: ``[action] <name>`` if there is one, else ``[vocab] <name>``."""
    data = table("answer_kinds")
    return frozenset(data["action"].get(name) or data["vocab"][name])


def _past(word: str) -> bool:
    """Whether ``word`` (lower case) is a past form: "-ed", or an irregular past or participle of the lexicon."""
    return (len(word) > 4 and word.endswith("ed")) or word in word_set("irregular_past") or word in irregular_forms()


def asked_action(question: str) -> AskedAction | None:
    """The act of a "who <verb>" / "which <class> <verb>" question's subject, in the past ("restricted", "has
    banned", "were fined": passive); None when the question asks its object ("Which country did Japan sanction?"),
    uses a copula ("Which country is the largest ...?"), a present tense, or another shape."""
    asked, _ = asked_sentence(without_carried_context(question))
    spans = word_spans(asked)
    words = [m.group(0) for m in spans]
    low = [w.lower() for w in words]
    i = 0
    while i < len(low) and low[i] in _LEAD:
        i += 1
    if i >= len(low) or low[i] not in _WH:
        return None
    j = i + 1
    if low[i] != "who":  # the class noun phrase: lower-case words until a verb or an auxiliary
        aux = _vocab("aux")
        while j < len(low) and j - i <= SUBJECT_WORDS and low[j] not in aux and not (
                _past(low[j]) and words[j][:1].islower() and j > i + 1):
            j += 1
        if j == i + 1 or j >= len(low) or j - i > SUBJECT_WORDS:
            return None
    if j >= len(low):
        return None
    rest = asked[spans[j].start():].strip().rstrip("?？ ").strip()
    wanted = f"one who {rest}" if low[i] == "who" else f"{' '.join(words[i + 1:j])} that {rest}"
    if low[j] in ("has", "have", "had") and j + 1 < len(low) and _past(low[j + 1]):
        return AskedAction(words[j + 1], stem(words[j + 1]), wanted=wanted)
    if low[j] in ("was", "were", "is", "are", "has", "have") and j + 1 < len(low):
        k = j + 2 if low[j + 1] == "been" else j + 1
        if k < len(low) and _past(low[k]):
            return AskedAction(words[k], stem(words[k]), passive=True, wanted=wanted)
        return None
    if _past(low[j]) and low[j] not in _vocab("aux"):
        return AskedAction(words[j], stem(words[j]), wanted=wanted)
    return None


def _tells(word: str, action: AskedAction) -> bool:
    """Whether ``word`` tells the act: the same stem, a longer form of it ("restrict" / "restriction" share a stem;
    "impos" / "imposition" a prefix), or a word of one of its synonym groups."""
    s = stem(word)
    if s == action.stem or (len(action.stem) >= 5 and s.startswith(action.stem)):
        return True
    mine = _syn_groups(action.stem)
    return bool(mine and mine & _syn_groups(s))


def tells_action(text: str, action: AskedAction) -> bool:
    """Whether ``text`` tells the act at all, whoever does it ("The operator ... won the contract", which names the
    doer by its class: the next sentence, "Kestrel Lines will take over ...", names it)."""
    return any(_tells(m.group(0), action) for m in word_spans(text))


_NAME_RE = re.compile(r"^[A-Z][\w'’&.-]*$")
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def _names(words: list[str], question_stems: set[str], question_places: set[str], passage: str) -> list[int]:
    """Indices of the capitalised words that are new names: not a stop word, not a question word, not a place the
    question names ("Japan" for "20 Japanese companies"); a sentence's first word only when it is a place, starts a
    run of capitalised words, or is capitalised inside a sentence of ``passage`` ("Furthermore", "Officials" are
    not names)."""
    stop = word_set("stopwords")
    out = []
    for k, w in enumerate(words):
        if not _NAME_RE.match(w) or w.lower() in stop or stem(w) in question_stems:
            continue
        place = place_of_word(strip_possessive(w))
        if place is not None and place[0] in question_places:
            continue
        if k == 0 and place is None and not (len(words) > 1 and _NAME_RE.match(words[1])) and not named_elsewhere(
                strip_possessive(w), passage):
            continue
        out.append(k)
    return out


def _agent_before(words: list[str], name: int, act: int) -> bool:
    """Whether the name at ``name`` can be the subject of the act's word at ``act`` (after it, within
    ``AGENT_GAP``): not the object of a preposition ("restrictions on Canada"), no other clause's opening word
    between ("the United States to consider when developing export controls": ``[action] clause_words`` of
    answer_kinds.toml and the clause subordinators), no passive between ("Canada was hit by ...")."""
    if not 0 < act - name <= AGENT_GAP:
        return False
    if name > 0 and words[name - 1].lower() in _vocab("object_prepositions"):
        return False
    between = [w.lower() for w in words[name + 1: act]]
    if set(between) & (_vocab("clause_words") | word_set("clause_subordinators")):
        return False
    return not any(b in _BE and n != "being" and not n.endswith("ing") for b, n in zip(between, between[1:] + [""]))


def states_action(text: str, action: AskedAction, question_stems: set[str], question_places: set[str],
                  passage: str = "") -> bool:
    """Whether a sentence of ``text`` tells ``action`` with a new name (``_names``) in the asked role: before the
    act's word as its subject ("Beijing restricted", "China's curbs"), or after "by" ("curbs imposed by Tokyo"); for
    a passive question, any sentence that tells the act. ``question_stems``: the question's stems;
    ``question_places``: the place keys it names (``rag.text.places``); ``passage``: the text the sentence comes
    from (where a sentence-initial word may be seen as a name)."""
    for sentence in sentence_texts(text) or [text]:
        words = [m.group(0) for m in word_spans(sentence)]
        acts = [k for k, w in enumerate(words) if _tells(w, action)]
        if not acts:
            continue
        if action.passive:
            return True
        names = _names(words, question_stems, question_places, passage or text)
        for a in acts:
            if any(_agent_before(words, n, a) for n in names):
                return True
            after = [w.lower() for w in words[a + 1: a + 1 + BY_GAP]]
            if "by" in after and any(a < n <= a + 1 + BY_GAP + 1 and n > a + after.index("by") + 1 for n in names):
                return True
    return False
