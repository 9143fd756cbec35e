"""An amount stated as a rule answers a question asking for a bound of that amount.

"What is the maximum penalty under the outbound investment rule?" is answered in full by "Penalties rise to the
greater of $500,000 or twice the value of the transaction.": the rule ("the greater of A or B", "up to N", "N times
the value") is the maximum asked for. The sentence repeats the question's quantity noun ("penalties") but not the
rule's name, which the report's lede tells, so the key-term coverage that marks a sentence as answering falls short
and the answer was labelled partial ("none gives the number the question asks for"). ``gives_bound`` reads it: the
question asks for a bound (``amount_bounds.toml`` [question]) of an amount it names right after ("maximum
penalty"), and the sentence holds that noun and states an amount as a bound or rule ([sentence]) with a figure in it
(``rag.text.numbers.find_quantities``) or a multiple of a value ("twice the value"). English only.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import alternation, table, word_set
from rag.text.numbers import find_quantities, spelled_numbers
from rag.text.tokens import stem, word_spans
from rag.writers.answer_kind import without_carried_context

__all__ = ["asked_bound_nouns", "gives_bound", "states_bound"]


def _phrases_re(phrases: list[str]) -> re.Pattern[str]:
    alt = alternation(phrases)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


@cache
def _question_re() -> re.Pattern[str]:
    return _phrases_re(table("amount_bounds")["question"]["bounds"])


@cache
def _rule_re() -> re.Pattern[str]:
    return _phrases_re(table("amount_bounds")["sentence"]["rules"])


_MULTIPLE = re.compile(r"(?<![\w-])(?:twice|double|triple|\w+\s+times)\s+the\s+(?:value|amount|price)\b", re.I)


def asked_bound_nouns(question: str) -> frozenset[str]:
    """The stems of the words naming the amount whose bound ``question`` asks for: the content words right after its
    bound word, up to a function word ("penalti" for "What is the maximum penalty under …?", "prison" and "term"
    for "What is the maximum prison term for …?"); empty when it asks for no bound."""
    asked = without_carried_context(question)
    m = _question_re().search(asked)
    if m is None:
        return frozenset()
    out = []
    for w in word_spans(asked[m.end():]):
        word = w.group(0).lower()
        if word in word_set("stopwords") or len(out) == 3:
            break
        out.append(stem(word))
    return frozenset(out)


def states_bound(sentence: str) -> bool:
    """Whether ``sentence`` states an amount as a bound or a rule: a phrase of ``amount_bounds.toml`` [sentence] with
    a figure in the sentence ("up to seven years", "the greater of $500,000 or …"), or a multiple of a value ("three
    times the value of the goods")."""
    if _MULTIPLE.search(sentence):
        return True
    return bool(_rule_re().search(sentence)) and _has_figure(sentence)


def _has_figure(sentence: str) -> bool:
    """Whether ``sentence`` gives a figure: a quantity (``find_quantities``), a digit, or a spelled number ("seven
    years": ``numbers.spelled_numbers``)."""
    if find_quantities(sentence) or any(ch.isdigit() for ch in sentence):
        return True
    spelled = spelled_numbers()
    return any(m.group(0).lower() in spelled for m in word_spans(sentence))


def gives_bound(question: str, sentence: str) -> bool:
    """Whether ``sentence`` answers a question asking for a bound amount (``asked_bound_nouns``): it holds a word of
    the asked amount (by stem: "Penalties" for "penalty") and states an amount as a bound or rule (``states_bound``).
    False for any other question."""
    nouns = asked_bound_nouns(question)
    return bool(nouns & {stem(m.group(0).lower()) for m in word_spans(sentence)}) and states_bound(sentence)
