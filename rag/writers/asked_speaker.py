"""The speaker a "what did X say …?" question asks about: its answer is X's own words.

s55's fresh user: ``brief ask "What did Hikvision say about the ban?"`` led with "The ban covers cameras from 14
manufacturers, including Hikvision and Dahua, …" (it holds every key term) over "Hikvision said in a statement
that its products comply with Korean law …", the sentence that answers. A question asking what someone said, told,
stated, warned or wrote (``speech_verbs.txt``, ``reporting_verbs.txt``) names a speaker; among the sentences that
may lead, one in which that speaker is the subject of a verb of saying (``says``: "Hikvision said in a statement",
"…, said Hikvision.") leads, when there is one; so does one saying the speaker gave no comment when asked
(``declines_comment``: "Dahua did not respond to a request for comment", ``no_comment.txt``), which answers the
question as plainly. (``answer_value.speaks`` is looser, case-sensitive and lets a name
spoken of pass: "Analysts said Indonesia's policy …"; it serves who-said questions and list members.)
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import alternation, word_list, word_set
from rag.text.speech_use import used_as_speech
from rag.writers.answer_value import speech_verbs

__all__ = ["asked_speaker", "declines_comment", "may_speak", "says"]

#: the longest run of words read as the speaker's name ("the Chinese foreign ministry spokesperson")
MAX_SPEAKER_WORDS = 6
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


@cache
def _verbs() -> str:
    """The verbs of saying (``answer_value.speech_verbs``) as one alternation, longest first."""
    return alternation(speech_verbs())


@cache
def _asking_re() -> re.Pattern[str]:
    return re.compile(
        rf"^\s*(?:and\s+|so\s+|but\s+)?what\s+(?:did|does|do|has|have|had|will|would)\s+"
        rf"((?:[\w’'.&-]+\s+){{1,{MAX_SPEAKER_WORDS}}}?)(?:{_verbs()})\b", re.I)


def asked_speaker(question: str) -> str | None:
    """The speaker named by a question asking what someone said ("What did Hikvision say about the ban?" →
    "Hikvision"; "What has the foreign ministry said …?" → "foreign ministry"), without a leading article; None for
    any other question and for a pronoun ("What did they say?": the speaker is carried by a follow-up, not named)."""
    m = _asking_re().match(question)
    if m is None:
        return None
    name = _LEADING_ARTICLE.sub("", m.group(1).strip())
    if not name or name.lower() in word_set("stopwords"):
        return None
    return name


def says(speaker: str, text: str) -> bool:
    """Whether ``speaker`` (case-insensitively) is the subject of a verb of saying in ``text``: "Hikvision said in a
    statement", "Mei Lan, the chief executive, told reporters", "…, said Hikvision"; not "Analysts said Indonesia's
    policy …", where the name is what is spoken of, nor "Lorna Keating added 12 patrol boats", where the verb tells
    an act (``rag.text.speech_use.used_as_speech``). A person asked for by full name speaks by the last word of it
    too ("Lorna Keating" in "Keating said …")."""
    if _says(speaker, text):
        return True
    words = speaker.split()
    # a person named in full is then named by the last word of the name ("Lorna Keating" … "Keating said"), when no
    # other name word stands before it ("North Korea said" is not "South Korea"; a title may: "Minister Keating")
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    titles = word_set("titles")
    return _says(words[-1], text, before=lambda word: not word[:1].isupper() or word.lower() in titles
                 or word in words[:-1])


def may_speak(speaker: str, text: str) -> bool:
    """Whether ``text`` names ``speaker`` (case-insensitively; a person named in full also by the last word of the
    name) and holds a verb of saying used as speech: the looser reading an abstention needs, where ``says`` decides
    what leads. "Dalu Tech's chief executive, Mei Lan, told reporters …" may be Mei Lan speaking, though ``says``
    reads no frame; "Shares of Lasertec fell 2.3%, while Tokyo Electron closed 1.1% lower" is not Tokyo Electron's
    word."""
    words = speaker.split()
    names = [speaker] + ([words[-1]] if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) else [])
    if not any(re.search(rf"\b{re.escape(n)}\b", text, re.I) for n in names):
        return False
    return any(used_as_speech(text, m.start(), m.end())
               for m in re.finditer(rf"\b(?:{_verbs()})\b", text))


def _says(speaker: str, text: str, before=None) -> bool:
    """``says`` for ``speaker`` as written; ``before``: what the word before the name must pass (any, when None)."""
    n, verbs = re.escape(speaker), _verbs()
    frames = (re.compile(rf"\b{n}\b(?:\s*,[^,]{{1,80}},)?\s+(?:[a-z]+\s+){{0,2}}?(?P<verb>(?-i:{verbs}))\b", re.I),
              re.compile(rf"\b(?P<verb>(?-i:{verbs}))\s+(?:the\s+)?{n}\b(?!['’]s)\s*[.,;]", re.I),
              _through_its_officer(n, verbs))
    for frame in frames:
        for m in frame.finditer(text):
            if not used_as_speech(text, m.start("verb"), m.end("verb")):
                continue
            at = m.start() if frame is not frames[1] else text.lower().rfind(speaker.lower(), 0, m.end())
            prior = text[:at].split()
            if before is None or not prior or before(prior[-1].strip("\"“‘(")):
                return True
    return False


@cache
def _titles() -> str:
    """The titles and roles of ``titles.txt`` ("spokesperson", "minister", "executive") as one alternation."""
    return alternation(word_set("titles"))


def _officer() -> str:
    """What follows a speaker's name when its officer speaks for it: an optional possessive, up to two words before
    a title of ``titles.txt`` ("'s deputy foreign minister", " spokesperson")."""
    return rf"(?:['’]s?)?\s+(?:[a-z-]+\s+){{0,2}}?(?i:{_titles()})"


@cache
def _through_its_officer(n: str, verbs: str) -> re.Pattern[str]:
    """The speaker (escaped ``n``) speaking through its officer, named or not: "China's foreign ministry spokesperson
    Guo Ming said", "MOFCOM spokesperson He Yadong told", "Hanwon's chief executive, Choi Dong-wook, said", "the
    ministry's spokesman said"; up to two words before the title ("deputy foreign minister"), a name of up to three
    capitalised words after it."""
    name = r"(?:\s*,\s*[A-Z][^,]{0,60},|(?:\s+[A-Z][\w'’-]*){0,3})"
    return re.compile(rf"(?i:\b{n}){_officer()}{name}\s+(?P<verb>{verbs})\b")


@cache
def _no_comment_re() -> str:
    return "|".join(f"(?:{p})" for p in word_list("no_comment"))


def declines_comment(speaker: str, text: str) -> bool:
    """Whether ``text`` says that ``speaker`` (case-insensitively), or its officer (a title of ``titles.txt`` after
    it: "a Dahua spokesperson"), gave no comment when asked (``no_comment.txt``): "Dahua did not respond to a request
    for comment", "A Dahua spokesperson declined to comment.", "The ministry, which oversees the rules, could not be
    reached for comment"; not "Dahua said it did not respond to the tender", where the speaker says something."""
    return bool(re.search(rf"\b{re.escape(speaker)}\b(?:{_officer()})?(?:\s*,[^,]{{1,80}},)?\s+(?:{_no_comment_re()})",
                          text, re.I))
