"""Compound questions split into the questions they ask: "Which materials did Japan restrict, and how did South Korea
respond?" → "Which materials did Japan restrict?" and "How did South Korea respond?".

A compound question is two or more wh-clauses joined by "and" (after a comma or not), ";", or asked as questions one
after another ("Who won? By how much?"). A later part may leave its clause to the first ("What did Japan restrict and
when?"): an elided part, said in full with the first part's clause when that clause is inverted ("When did Japan
restrict?"). Not split: a single clause with a coordinated subject, object or list ("Which companies did Japan and the
US sanction?", "How did Japan and Korea respond?"), a pair ("between what X says and what Y says"), a comparison
("Compare …": ``answer_premise.compared``), a yes/no question, a wh-word opening a clause inside the question ("… and
how they work"). The words: ``rag/text/data/compound_questions.toml``. English only: a CJK question is never split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from rag.text.lexicon import table, word_set
from rag.text.scripts import is_mostly_cjk
from rag.text.sentences import sentence_texts

__all__ = ["QuestionPart", "asks_only", "question_parts"]

_WORD_RE = re.compile(r"[^\W_](?:[\w'’&-]*[^\W_])?")
#: "what's", "who’s", "how're": a wh-word and its auxiliary written as one word
_CONTRACTED = re.compile(r"^(?P<wh>\w+)['’](?P<aux>s|re|ve|d|ll)$", re.I)
_CONTRACTIONS = {"s": "is", "re": "are", "ve": "have", "d": "did", "ll": "will"}
#: quoted titles and parentheses: what they hold is never a part ("What is “Fire and Fury” and who wrote it?")
_MASKED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|\([^()]*\)")


@dataclass(frozen=True)
class QuestionPart:
    """One question of a compound one. ``asked``: the part as the user wrote it, made a question of its own ("How did
    South Korea respond?", "When?"); ``standalone``: the part said in full, for retrieval and for what is said of it
    ("When did Japan restrict?"), equal to ``asked`` for a part with a clause of its own or an elided part whose
    clause cannot be borrowed ("By how much?" after "Who won?": it leans on the answer to the first part)."""

    asked: str
    standalone: str
    elided: bool = False


def asks_only(part: str) -> bool:
    """Whether a question part holds nothing but asking words (a wh-word, "how" with its degree word, a preposition,
    an elided adverb: "When?", "By how much?", "How long?", "Why not?"), no word of its own ("Which companies?", "For
    how long, according to FT coverage?" have their own)."""
    w = _words()
    asking = w["wh_words"] | w["degree_words"] | w["prepositions"] | w["elided_adverbs"] | w["joiners"]
    tokens = _tokens(part)
    return bool(tokens) and all(t in asking for t in tokens)


@cache
def _words() -> dict[str, Any]:
    data = table("compound_questions")
    return {key: frozenset(value) if isinstance(value, list) else value for key, value in data.items()}


def _tokens(text: str) -> list[str]:
    """The words of ``text``, lower-case, a contracted wh-word and auxiliary read as two ("what's" → "what", "is")."""
    out: list[str] = []
    for w in _WORD_RE.findall(text):
        m = _CONTRACTED.match(w)
        if m and m.group("wh").lower() in _words()["wh_words"]:
            out += [m.group("wh").lower(), _CONTRACTIONS[m.group("aux").lower()]]
        else:
            out.append(w.lower())
    return out


def _verb_reading(word: str) -> tuple[bool, bool]:
    """(whether ``word`` can be a verb, whether it can also be a noun): lemminflect's readings ("received": verb;
    "firms": both; "companies": noun)."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return "VERB" in lemmas, "NOUN" in lemmas


@dataclass(frozen=True)
class _Opening:
    """How a part opens: ``kind`` "clause" (its wh-phrase has a clause of its own), "elided" (the wh-phrase alone:
    "when", "by how much", "which companies") or None (no part: no wh-phrase, or one opening a clause inside the
    question); ``wh`` its wh-word; ``head`` the number of words of its wh-phrase; ``inverted``: an auxiliary follows
    the wh-phrase ("what *did* Japan restrict"), so the clause after it may be borrowed by an elided part."""

    kind: str | None
    wh: str = ""
    head: int = 0
    inverted: bool = False


def _opening(text: str) -> _Opening:
    words, raw = _words(), _WORD_RE.findall(text)
    tokens = _tokens(text)
    i = 0
    while i < min(2, len(tokens)) and tokens[i] in words["prepositions"]:
        i += 1
    if i >= len(tokens) or tokens[i] not in words["wh_words"]:
        return _Opening(None)
    wh = tokens[i]
    i += 1
    nominal = wh in words["nominal"]
    if wh == "how" and i < len(tokens) and tokens[i] in words["degree_words"]:
        i, nominal = i + 1, True
    rest = tokens[i:]
    if not rest:
        return _Opening("elided", wh, i)
    subject = word_set("pronouns") | words["subject_openers"]
    if not nominal:  # when, where, why, how: inverted ("how did …") or a clause inside the question ("how they work")
        if rest[0] in words["auxiliaries"]:
            return _Opening("clause", wh, i, inverted=True)
        return _Opening("elided", wh, len(tokens)) if len(rest) == 1 and rest[0] in words["elided_adverbs"] else _Opening(None)
    # a raw word's capital: the tokens are lower-case, and a contraction adds one (the raw list is then shorter)
    capital = [w[:1].isupper() for w in raw] + [False] * (len(tokens) - len(raw))
    window = rest[: words["phrase_words"] + 1]
    # "which firms did …": the auxiliary decides, though "firms" can be a verb; "what it is": its subject first
    aux = next((j for j, w in enumerate(window) if w in words["auxiliaries"] or w in subject), None)
    if aux is not None and window[aux] in words["auxiliaries"]:
        return _Opening("clause", wh, i + aux, inverted=True)
    for j, w in enumerate(window):
        if w in subject:
            return _Opening(None)  # "what it is", "what the rules say"
        if j == 0 and wh in ("what", "who", "whom") and capital[i]:
            return _Opening(None)  # "what Japan restricted"
        verb, noun = _verb_reading(w)
        if verb and (j == 0 or wh not in ("what", "who", "whom")):
            if noun and len(rest) == j + 1 and wh not in ("what", "who", "whom"):
                return _Opening("elided", wh, len(tokens))  # "which firms?": a noun more likely than a verb
            return _Opening("clause", wh, i + j)  # "who won", "which companies benefited"
        if wh in ("what", "who", "whom"):
            break  # "what for", "what else": no noun follows these
    if len(rest) <= 2:
        return _Opening("elided", wh, len(tokens))  # "which companies", "what else", "how many firms"
    return _Opening(None)


@cache
def _joiner_re() -> re.Pattern[str]:
    """A boundary between parts: ";", "?", or a joiner (``joiners``, after a comma or not), or a comma alone, each
    followed by a wh-phrase's first word (a preposition or a wh-word: checked further by ``_opening``)."""
    words = _words()
    alt = lambda ws: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    start = rf"(?=(?:(?:{alt(words['prepositions'])})\s+){{0,2}}(?:{alt(words['wh_words'])})\b|(?:{alt(words['wh_words'])})['’])"
    return re.compile(rf"(?P<sep>\s*[;?]\s*(?:(?:{alt(words['joiners'])})\s+)?|,?\s+(?:{alt(words['joiners'])})\s+|,\s*){start}",
                      re.I)


@cache
def _leading_joiner_re() -> re.Pattern[str]:
    joiners = sorted(_words()["joiners"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(j).replace(r"\ ", r"\s+") for j in joiners) + r")\s+", re.I)


def _segments(sentence: str) -> list[tuple[str, str]]:
    """(separator, text) of each stretch of ``sentence`` between candidate boundaries; the first separator is ""."""
    masked = _MASKED.sub(lambda m: "x" * len(m.group(0)), sentence)
    out: list[tuple[str, str]] = []
    at, sep = 0, ""
    for m in _joiner_re().finditer(masked):
        if m.start() == 0:
            continue
        out.append((sep, sentence[at:m.start()]))
        at, sep = m.end(), m.group("sep")
    out.append((sep, sentence[at:]))
    return out


def _pairs(text: str) -> bool:
    """Whether ``text`` (a part so far) holds a word that pairs what follows "and" with something in it ("between
    …", "both …") and no "and" or "or" after it has closed the pair yet ("between Japan and Korea")."""
    tokens = _tokens(_MASKED.sub(" ", text))
    at = max((k for k, w in enumerate(tokens) if w in _words()["pairing"]), default=None)
    return at is not None and not {"and", "or", "nor"} & set(tokens[at + 1:])


def _question(text: str) -> str:
    text = text.strip().rstrip("?.,;:! ").strip()
    return f"{text[:1].upper()}{text[1:]}?"


def _parts_of(sentence: str) -> list[tuple[str, _Opening]]:
    """The parts of one sentence: a stretch whose opening is no part (or after a pairing word) stays with the part
    before it; a comma alone is a boundary only in a series closed by a joiner."""
    segments = _segments(sentence)
    parts: list[tuple[str, _Opening]] = []
    joined_later = [any(s.strip(" ,") for s, _ in segments[k + 1:]) for k in range(len(segments))]
    for k, (sep, text) in enumerate(segments):
        opening = _opening(text)
        comma_only = sep.strip() == "," and not joined_later[k]
        if parts and (opening.kind is None or comma_only or _pairs(parts[-1][0])
                      or (opening.kind == "clause" and opening.wh in _tokens(_MASKED.sub(" ", parts[-1][0]))[1:])):
            # "who decides what is restricted and what is not": the second "what" pairs with the first part's own
            parts[-1] = (parts[-1][0] + sep + text, parts[-1][1])
            continue
        parts.append((text, opening))
    return parts


def _borrowed(part: _Opening, text: str, first: tuple[str, _Opening]) -> str:
    """An elided part said in full with the first part's inverted clause ("when" after "What did Japan restrict" →
    "When did Japan restrict?"); the part as asked when that clause cannot be borrowed."""
    first_text, opening = first
    wh_phrase = _WORD_RE.findall(text)
    if not opening.inverted or len(wh_phrase) != part.head or (
            part.wh not in _words()["nominal"] and len(wh_phrase) > 1 + (wh_phrase[-1].lower() in _words()["degree_words"])
            and wh_phrase[0].lower() not in _words()["prepositions"]):
        return _question(text)
    clause = _WORD_RE.findall(first_text)
    at = opening.head - (len(_tokens(first_text)) - len(clause))  # a contraction ("what's") is one raw word
    if at <= 0 or at >= len(clause):
        return _question(text)
    after = clause[at + 1] if at + 1 < len(clause) else ""
    if opening.wh in _words()["nominal"] and after[:1].islower() and _verb_reading(after.lower())[0] and (
            after.lower() not in word_set("pronouns") | _words()["subject_openers"]):
        return _question(text)  # "What was decided and by whom?": the wh-word is the subject, no clause to lend
    rest = first_text[[m.start() for m in _WORD_RE.finditer(first_text)][at]:]
    return _question(f"{text.strip().rstrip('?.,;:! ')} {rest}")


def question_parts(question: str) -> tuple[QuestionPart, ...]:
    """The questions a compound question asks, in order (``QuestionPart``; background sentences before the asked
    ones lead each part that has a clause of its own); ``()`` when it asks one thing."""
    text = " ".join(question.split())
    if not text or is_mostly_cjk(text):
        return ()
    sentences = [s.strip() for s in sentence_texts(text) if s.strip()]
    asking = [k for k, s in enumerate(sentences) if s.endswith("?")]
    first = asking[0] if asking else len(sentences) - 1
    if any(not s.endswith("?") for s in sentences[first:-1]) or (asking and not sentences[-1].endswith("?")):
        return ()  # a statement between or after the questions: not a run of questions
    background = " ".join(sentences[:first])
    found: list[tuple[str, _Opening]] = []
    for n, sentence in enumerate(sentences[first:]):
        if n:  # "Who won the tender? And who lost it?": a joiner may open a later question
            sentence = _leading_joiner_re().sub("", sentence)
        for text_part, opening in _parts_of(sentence):
            if found and opening.kind is None:
                return ()  # a later sentence that is no part ("Who won? Apple?")
            found.append((text_part, opening))
    if len(found) < 2 or found[0][1].kind != "clause":
        return ()
    # "… and for how long, according to Financial Times coverage?": the last part's wh-phrase, then words after a
    # comma that every part shares (said with each)
    last_text, last = found[-1]
    head, comma, tail = last_text.partition(",")
    tail = tail.strip().rstrip("?.,;:! ")
    if comma and tail and _opening(head).kind == "elided" and len(sentences) - first == 1:
        found[-1] = (head, _opening(head))
    else:
        tail = ""
    parts = []
    for text_part, opening in found:
        if opening.kind == "elided":
            asked = _question(text_part)
            standalone = _borrowed(opening, text_part, found[0])
        else:
            asked = standalone = _question(text_part) if not background else f"{background} {_question(text_part)}"
        if tail:
            asked, standalone = (f"{q.removesuffix('?')}, {tail}?" for q in (asked, standalone))
        parts.append(QuestionPart(asked, standalone, elided=opening.kind == "elided"))
    return tuple(parts)
