"""Light stemming, key terms of a question or topic, named entities and keyword terms."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from rag.text.analyzer import cjk_content_terms
from rag.text.dates import MONTH_NAMES, WEEKDAYS
from rag.text.normalize import compat_form
from rag.text.tokens import stem as _base_stem
from rag.writers.sentence_cues import _ANSWER_CLASS, _QUESTION_LIGHT, _STOPWORDS, _words

# --------------------------------------------------------------------------------------------
# Light stemming and key terms
# --------------------------------------------------------------------------------------------

# Countries, their demonyms and capitals count as the same entity.
_PLACE_GROUPS = (
    "japan japanese tokyo", "china chinese beijing prc", "korea korean seoul", "taiwan taiwanese taipei",
    "us usa american america washington", "netherlands dutch", "uk britain british london",
    "germany german berlin", "russia russian moscow kremlin", "india indian", "france french paris",
    "australia australian canberra", "canada canadian ottawa", "vietnam vietnamese hanoi",
    "philippines philippine filipino manila",
)
_PLACE_CANON = {w: g.split()[0] for g in _PLACE_GROUPS for w in g.split()}
_STEM_CACHE: dict[str, str] = {}


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-.,")
    cached = _STEM_CACHE.get(w)
    if cached is not None:
        return cached
    out = _PLACE_CANON[w] if w in _PLACE_CANON else _base_stem(w)
    if len(_STEM_CACHE) < 100_000:
        _STEM_CACHE[w] = out
    return out


def _stems(text: str) -> set[str]:
    text = compat_form(text)  # "ＨＵＡＷＥＩ" and "Huawei" are one word
    out: set[str] = set(cjk_content_terms(text))
    for w in _words(text):
        for part in re.split(r"[-']", w.replace("’", "'")):
            if part and part.lower() not in _STOPWORDS:
                out.add(_stem(part))
        out.add(_stem(w))
    return out


@dataclass(frozen=True)
class _KeyTerm:
    stem: str
    weight: float
    kind: str  # "entity" | "number" | "word"


_DATE_QUALIFIER_RE = re.compile(
    r"^\s*(?:in|since|before|after|until|up to|as of|as described in|according to|during|from|between)\b"
    r"[^,?]{0,80}?\b(?:1[89]\d\d|20\d\d)\b[^,?]{0,20},",
    re.I,
)


def _key_terms(question: str, *, topic: bool = False) -> list[_KeyTerm]:
    """Content terms of a question: names and numbers weigh double; asking words and answer classes are skipped.

    A leading date qualifier ("Since June 2026, ...", "In analysis published before 2021, ...") is a filter on
    the sources, not part of what is asked, so its words are not key terms. A brief ``topic`` is a noun phrase,
    so a capitalized first word is a name there.
    """
    terms: dict[str, _KeyTerm] = {}
    question = _DATE_QUALIFIER_RE.sub("", compat_form(question))
    tokens = _words(question)
    for i, tok in enumerate(tokens):
        low = tok.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if low in _STOPWORDS or low in _QUESTION_LIGHT or low in _ANSWER_CLASS or len(low) < 2:
            continue
        if tok[0].isdigit():
            kind, weight = "number", 2.0
        elif (tok[0].isupper() and (i > 0 or topic)) or tok.isupper() or low in _PLACE_CANON:
            kind, weight = "entity", 2.0
        else:
            kind, weight = "word", 1.0
        parts = [p for p in re.split(r"[-']", low) if p and p not in _STOPWORDS] if "-" in low else [low]
        for part in parts:
            stem = _stem(part)
            if stem and (stem not in terms or terms[stem].weight < weight):
                terms[stem] = _KeyTerm(stem, weight / len(parts), kind)
    for gram in cjk_content_terms(question):
        terms.setdefault(gram, _KeyTerm(gram, 1.0, "word"))
    return list(terms.values())


def _coverage(terms: Sequence[_KeyTerm], stems: set[str], weights: dict[str, float] | None = None) -> float:
    """Weighted share of ``terms`` found in ``stems`` (``weights`` overrides each term's own weight)."""
    if not terms:
        return 1.0
    w = weights or {t.stem: t.weight for t in terms}
    total = sum(w[t.stem] for t in terms)
    got = sum(w[t.stem] for t in terms if t.stem in stems)
    return got / total if total else 1.0


def _term_weights(terms: Sequence[_KeyTerm], docs: Sequence[set[str]]) -> dict[str, float]:
    """Key-term weights scaled by rarity in the evidence: a term few sentences share is what the query is about,
    and a term no sentence has is a sign the evidence does not address it."""
    n = len(docs)
    out = {}
    for t in terms:
        df = sum(1 for d in docs if t.stem in d)
        out[t.stem] = t.weight * math.log(2.0 + n / (df + 1.0))
    return out


# --------------------------------------------------------------------------------------------
# Named entities and keyword terms
# --------------------------------------------------------------------------------------------

_CAP = r"(?:[A-Z][\w’'\-.&]*[\w]|[A-Z])"
_ENTITY_RE = re.compile(rf"{_CAP}(?:\s+(?:(?:of|for|the|de)\s+)?{_CAP})*")
_ENTITY_NOISE = frozenset(
    """the this that these those a an in on at for from to of and but or as it its he she they we i
    however while although if when after before since during according meanwhile together strategically
    overall key assessment hypothesis bluf intelligence report recommendations outlook implications
    immediate actions political geopolitical security cyber economic social information space such
    there here what which who where why how supporting contradicting furthermore moreover also yet
    first second third next last
    photo image related news brief summary note update live""".split()
) | frozenset(WEEKDAYS) | frozenset(m.lower() for m in MONTH_NAMES[1:])
_ENTITY_SECTION_RE = re.compile(r"entit|individual|people|person|organi[sz]ation|named|actors?\b|who\b", re.I)


def _clean_entity(raw: str) -> str:
    ent = re.sub(r"[’']s$", "", raw.strip()).strip(" .,-’'")
    words = ent.split()
    while words and (words[0].lower() in _ENTITY_NOISE or words[0].lower() in _STOPWORDS):
        words = words[1:]
    while words and words[-1].lower() in {"of", "for", "the", "and", "de", "on", "in"}:
        words = words[:-1]
    return " ".join(words)


def _entities(text: str) -> list[tuple[str, bool]]:
    """Capitalized runs in ``text`` as (name, sentence_initial)."""
    out: list[tuple[str, bool]] = []
    for m in _ENTITY_RE.finditer(text):
        before = text[: m.start()].rstrip()
        initial = not before or before[-1] in ".!?:;\n•“\"(" or before.endswith("—")
        name = _clean_entity(m.group(0))
        if not name:
            continue
        # a sentence-initial run whose first word was noise was cleaned; it is no longer initial
        if initial and not m.group(0).startswith(name):
            initial = False
        out.append((name, initial))
    return out


_TERM_LIGHT = frozenset(
    """said says say told tell titled called reported report reports according added noted stated yesterday today
    last next year years month months week weeks day days time times million millions billion billions percent
    number numbers per cent potential possible likely way ways thing things part parts lot kind sort example case cases fact facts issue
    issues move moves well also would could should might must will shall may""".split()
)


def _ngrams(text: str, n_max: int = 3) -> list[str]:
    """Noun-ish 1-3 word phrases within punctuation-free stretches of ``text``."""
    out: list[str] = []
    for segment in re.split(r"[.,;:!?()\[\]“”\"‘’'—–/|•·]+|\s-\s", text):
        toks = re.findall(r"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Za-z]", segment)
        for n in range(1, n_max + 1):
            for i in range(len(toks) - n + 1):
                gram = toks[i : i + n]
                low = [g.lower() for g in gram]
                if low[0] in _STOPWORDS or low[-1] in _STOPWORDS or len(low[0]) < 3 or len(low[-1]) < 3:
                    continue
                if any(w in _STOPWORDS or w in _TERM_LIGHT for w in low):
                    continue
                if re.search(r"(?:ing|ed|ly)$", low[0]) or re.search(r"(?:ed|ly)$", low[-1]):
                    continue  # verbs and adverbs, not topics
                if n == 1 and (low[0] in _QUESTION_LIGHT or len(low[0]) < 4):
                    continue
                out.append(" ".join(gram))
    return out


def _contains_words(haystack: str, needle: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None
