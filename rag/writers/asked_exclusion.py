"""A question asking for the one left out of a set, and whether a sentence tells anyone left out.

The kind (RealTime QA fit half, s57): "Which member of the hometown club is not an all-star?", "Which virus is not
included in the “tripledemic”?", "She appeared in all these films except:". Without the quiz's choices, the sources
answer such a question only when one of them tells a member left out ("Will Smith was left off the roster", "… did
not appear in …"); a sentence listing the members ("Though the “tripledemic” – COVID-19, RSV and influenza – …")
names only those in the set, and quoting it as the answer names one of them as the one outside it. The answer then
says what the sources report and that none gives the one left out (``answering.QuestionAnswering._answerable``).

``left_out(question)`` reads the asked sentence (``answer_kind.asked_sentence``): a wh-subject with a negated form of
"be" ("which … is not / isn't / was not …", the predicate after the negator) or an "except" cue ending it or after
"all (of) these / the following" (the predicate: the words before "all" or "except"). A negated act ("Which
candidate did not withdraw?") is not read: a report may tell it as done ("Rhee stayed in the race"). Words and
negators: ``rag/text/data/left_out.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rag.text.lexicon import alternation, table
from rag.text.tokens import stem, word_spans
from rag.writers.answer_kind import asked_sentence

__all__ = ["LeftOut", "left_out", "tells_left_out"]

#: words of a predicate that say nothing of it ("be", articles, "reported to be", pronouns)
_LIGHT = frozenset({"a", "an", "the", "be", "been", "being", "to", "of", "in", "on", "at", "for", "by", "with", "as",
                    "reported", "said", "listed", "among", "these", "those", "this", "that", "all", "one", "she",
                    "he", "they", "it", "his", "her", "their", "its", "which", "who", "what", "following", "and", "or",
                    "day", "week", "month", "year", "today"})
#: the wh-subject: "which …", "who", or "what" before a noun ("what virus is not …"; "what is not known" asks no set)
_WH = r"(?:which|who|what(?=\s+(?!(?:is|are|was|were)\b)\w))"


@dataclass(frozen=True)
class LeftOut:
    """What a question asking for the one left out of a set asks.

    ``asked``: the asked clause as the question words it ("which virus is not included in the “tripledemic”"), or ""
    for an "except" question; ``predicate``: stems of the predicate's content words ({"includ", "tripledem"});
    ``missing``: what a partial answer says none of the sources gives."""

    asked: str
    predicate: frozenset[str]

    @property
    def missing(self) -> str:
        if self.asked:
            return self.asked
        return "the one left out that the question's “except” asks for"


@cache
def _words() -> dict:
    return table("left_out")


@cache
def _negators() -> frozenset[str]:
    return frozenset(_words()["negators"])


@cache
def _negated_be() -> re.Pattern[str]:
    be = "|".join(_words()["copulas"])
    return re.compile(rf"\b(?P<asked>{_WH}\b[^?.;:,]*?\b(?:{be})(?:\s+not\b|n['’]t\b)(?P<pred>[^?;:]*))", re.I)


def _content(text: str) -> frozenset[str]:
    return frozenset(stem(m.group(0).lower()) for m in word_spans(text)
                     if len(m.group(0)) > 1 and not m.group(0)[:1].isupper() and m.group(0).lower() not in _LIGHT and not m.group(0).lower().endswith(("n't", "n’t"))
                     and m.group(0).lower() not in _negators())


def left_out(question: str) -> LeftOut | None:
    """What ``question`` asks when it asks for the one left out of a set (see the module docstring), else None.

    >>> left_out("Which of the ministers is not on the new panel?").asked
    'which of the ministers is not on the new panel'
    >>> left_out("Which minister did not attend?") is None
    True
    """
    sentence = " ".join(asked_sentence(question)[0].split())
    m = _negated_be().search(sentence)
    if m and m.start() == _first_wh(sentence):
        asked = m.group("asked").rstrip(" ?.:")
        # the predicate's own words: not a relative clause after it ("… that remains a problem"), nor a name
        # ("on Boris Johnson's list": the sources name him everywhere, told out or not)
        pred = re.split(r"\b(?:that|which|who|whose|where|when|after|before|because|since)\b", m.group("pred"))[0]
        return LeftOut(asked[:1].lower() + asked[1:], _content(pred))
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _words()["except_words"])
    ends = re.search(rf"\b(?:{words})\s*[:?.]?\s*$", sentence, re.I)
    every = re.search(rf"\ball\s+(?:of\s+)?(?:these|those|the\s+following)\b[^?]*?\b(?:{words})\b", sentence, re.I)
    if ends or every:
        cut = (every or ends).start()
        return LeftOut("", _content(sentence[:cut]))
    return None


def _first_wh(sentence: str) -> int:
    m = re.search(rf"\b{_WH}\b", sentence, re.I)
    return m.start() if m else -1


@cache
def _told_out() -> re.Pattern[str]:
    alt = alternation(_words()["told_out"])
    return re.compile(rf"\b(?:{alt})\b", re.I)


def tells_left_out(asked: LeftOut, sentence: str) -> bool:
    """Whether ``sentence`` tells a member left out of what ``asked`` names: a word of exclusion ("left off",
    "omitted", "except", "not among"), or a negator with one of the asked predicate's words at most ``reach`` words
    after it ("Will Smith was not selected as an all-star" for "… is not an all-star?")."""
    if _told_out().search(sentence):
        return True
    tokens = [m.group(0).lower() for m in word_spans(sentence)]
    reach = int(_words()["reach"])
    for i, t in enumerate(tokens):
        if t in _negators() or t.endswith(("n't", "n’t")):
            if any(stem(w) in asked.predicate for w in tokens[i + 1:i + 1 + reach]):
                return True
    return False
