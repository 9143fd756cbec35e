"""The offline default writer: every claim is a sentence quoted verbatim from the evidence.

No text is generated. The writer

1. splits every evidence passage into sentences (exact spans, so ``doc_text[start:end] == claim.text``)
   and drops junk: fragments, headings, boilerplate, questions and anything that reads like an
   instruction aimed at a model (corpus text is untrusted, so such sentences are never quoted);
2. embeds the query, the section descriptions and all candidates in ONE batched call and scores each
   candidate for relevance (to the topic or question), centrality (agreement with the other
   candidates) and fit to each section (description similarity plus lexical cue families);
3. fills the template's "claims" sections in order with maximal marginal relevance, preferring sources
   not yet used so that a brief quotes different articles, and never quoting a sentence twice;
4. derives "terms" sections (entities, topics, tags) from the selected sentences and cited passages;
   every term occurs verbatim in the evidence;
5. abstains when the evidence does not address the topic or, for questions, when the question's key
   terms or the kind of answer it asks for (a number, a date, a name) are missing from the best
   sentences.

Everything is deterministic: ties are broken by chunk id and offset.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence

import numpy as np

from rag.injection import is_instruction_like
from rag.lexicon import STOPWORDS
from rag.sentences import sentence_spans
from rag.templates import PromptTemplate, SectionSpec
from rag.writers.base import CitedSpan, Draft, DraftClaim, DraftSection, EvidencePassage, StreamItem, Turn

__all__ = ["ExtractiveWriter"]

EmbedFn = Callable[[Sequence[str]], np.ndarray]

MAX_CANDIDATES = 150
MIN_WORDS = 6
MAX_WORDS = 80

# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------

_STOPWORDS = STOPWORDS | frozenset("many much several various another etc mr mrs ms new like well including include includes included".split())
# Words a question uses to ask, not to say what it is about.
_QUESTION_LIGHT = frozenset(
    """say says said saying tell told report reports reported reportedly according describe describes
    described description give gives given mention mentions mentioned call calls called list listed name
    named names state states stated claim claims claimed cite cited explain explains note noted source
    sources article articles brief briefs essay corpus author text evidence way ways kind kinds type types
    sort example examples compare contrast happen happened roughly approximately exactly specific
    specifically particular first latest recent recently main key analysis analyses reporting coverage
    published publish expert experts argue argued argues""".split()
)
# Nouns that only describe the kind of answer wanted ("which *outlet*", "what *figure*").
_ANSWER_CLASS = frozenset(
    """person people individual individuals official officials minister ministers leader leaders president
    secretary spokesman spokesperson company companies firm firms maker makers manufacturer manufacturers
    supplier suppliers outlet outlets newspaper newspapers agency agencies organization organizations
    organisation organisations group groups entity entities country countries nation nations government
    governments city cities place places figure figures number numbers amount amounts share percentage
    date dates day days year years month months time times label term terms category categories""".split()
)
_NAME_CLASS = (
    r"person|people|individual|official|minister|leader|president|secretary|spokes(?:man|woman|person)|"
    r"compan(?:y|ies)|firms?|makers?|manufacturers?|suppliers?|outlets?|newspapers?|agenc(?:y|ies)|"
    r"organi[sz]ations?|groups?|think[- ]tanks?|countr(?:y|ies)|nations?|governments?|banks?|universit(?:y|ies)|"
    r"cit(?:y|ies)|ports?|laws?|acts?|system|institutes?|ministr(?:y|ies)"
)
_PLACE_CLASS = re.compile(r"\b(?:countr(?:y|ies)|nations?|cit(?:y|ies)|ports?|places?|regions?|where)\b", re.I)
_AUX = r"did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|may|might|must"
_WANTS_NAME = re.compile(
    rf"^\s*(?:who|whom)\b|\bwhose\b|\bname of\b|\bwhat is the name\b|"
    rf"\b(?:which|what)\s+(?:(?!(?:{_AUX}|of|in|on|for|to|by|with|from)\b)[\w'’-]+\s+){{0,4}}?(?:{_NAME_CLASS})\b",
    re.I,
)
_WANTS_NUMBER = re.compile(
    r"\bhow (?:many|much|long|far|often|large|big|high|low)\b|\bby how much\b|"
    r"\bwhat (?:\w+\s+){0,2}?(?:share|percentage|percent|proportion|number|amount|fraction|figure|total|rate)\b",
    re.I,
)
_WANTS_TERM = re.compile(
    r"\bwhat (?:term|label|name|phrase|word|nickname|slogan|title)\b|\bwhat (?:do|does|did|is|was|are|were)\b.{0,80}\bcall(?:ed)?\b|"
    r"\bhow (?:is|was|are|were)\b.{0,80}\b(?:called|known|labell?ed|termed|dubbed)\b",
    re.I,
)
_TERM_RE = re.compile(r"[“\"‘][^”\"’]{2,60}[”\"’]|\b(?:called|known as|termed|dubbed|referred to as|so-called|label(?:led|ed)?)\b", re.I)
_WANTS_DATE = re.compile(r"^\s*when\b|\bwhat (?:date|day|year|month|time)\b|\bsince when\b|\bon which (?:date|day)\b", re.I)

_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half "
    "percent"
).split()

_DATE_RE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:" + "|".join(_MONTHS[:12]) + r")\b|"
    r"\b(?:" + "|".join(_WEEKDAYS) + r")\b|\byesterday\b|\btoday\b|\blast (?:week|month|year)\b|"
    r"\bearlier this (?:week|month|year)\b",
    re.I,
)
_NUMBER_RE = re.compile(r"\b\d[\d,.]*\b|\b(?:" + "|".join(_NUMBER_WORDS[1:]) + r")\b|%", re.I)
_YEARISH_RE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_ISO_DATE_RE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A sentence that continues the previous one: it refers back to what that sentence named.
_ANAPHORA_RE = re.compile(
    r"^\W*(?:(?:the|this|that|these|those|such)\s+(?:[\w-]+\s+){0,2}?(?:decision|move|measure|measures|step|report|"
    r"case|action|request|ban|restrictions?|curbs?|plan|policy|update|development|announcement|company|firm|group|"
    r"ministry|government|agency|official|minister|suspect|executives?)\b|this\b|these\b|it\b|its\b|they\b|their\b|"
    r"he\b|his\b|she\b|her\b)",
    re.I,
)


def _family(*words: str) -> re.Pattern[str]:
    """A cue family: each entry is a word stem (matched at a word start) or a literal phrase."""
    return re.compile(r"\b(?:" + "|".join(words) + r")", re.I)


_CUES: dict[str, re.Pattern[str]] = {
    # a reporting or action verb in a finite (past or present) form, not the noun: "restricted", not "restriction"
    "fact": re.compile(
        r"\b(?:said|says|told|tells|held|holds|denied|denies|banned|bans|stopped|stops|halted|halts|"
        r"(?:announc|impos|block|restrict|detain|arrest|fil|tighten|approv|launch|releas|summon|order|ask|"
        r"request|report|add|sign|issu|confirm|introduc|adopt|enact|amend|suspend|prosecut|charg|protest|"
        r"expand|pitch|conduct|urg|reject|warn|refus|accus|sanction|raid|seiz|unveil|agre|decid|press|pledg|"
        r"plac|target|rul|submit|notif|prohibit|revok|list|join|convey|launch|slash|rais|cut|vow|demand|"
        r"call|plan|remov|lift|extend|impl?ement|introduc|start|resum|invest|acquir|hack|breach|attack)(?:ed|es|s)\b|"
        r"(?:has|have|had|was|were) been \w+ed\b)",
        re.I,
    ),
    "dated": _DATE_RE,
    "numeric": re.compile(r"\b\d[\d,.]*\b|%|\b(?:million|billion|trillion|dozens?|hundreds?|thousands?)\b", re.I),
    "hedged": _family(
        r"may\b", r"might\b", r"could\b", r"likely", r"potential", r"risk", r"possib", r"suggest", r"can\b",
        r"hypothes", r"seems?\b", r"appears?\b", r"looks like", r"perhaps", r"probabl", r"reportedly",
    ),
    "forward": _family(
        r"will\b", r"plans?\b", r"planned", r"planning", r"expect", r"next\b", r"future", r"medium term",
        r"long term", r"outlook", r"upcoming", r"going forward", r"in the coming", r"intend", r"would\b",
    ),
    "signal": _family(
        r"whether", r"watch", r"monitor", r"indicator", r"if\b", r"countermeasure", r"pending", r"complaint",
        r"trigger", r"signal", r"negotiat", r"track", r"depend",
    ),
    "causal": _family(
        r"because", r"aimed at", r"aiming", r"in response to", r"response to", r"driven by", r"motivat",
        r"retaliat", r"to counter", r"counter(?:ing)?\b", r"due to", r"in order to", r"so as to", r"rationale",
        r"followed", r"as a result", r"reason", r"in connection with", r"based on",
    ),
    "assumption": _family(
        r"uncertain", r"unclear", r"unknown", r"not provided", r"not disclosed", r"undisclosed", r"assum",
        r"remains? unclear", r"gaps?\b", r"unconfirmed", r"unverified", r"does not quantify", r"not specif",
        r"details (?:are|were) not", r"without citing", r"no sign",
    ),
    "contrary": _family(
        r"however", r"but\b", r"although", r"though\b", r"contradict", r"denied", r"rejected", r"despite",
        r"whereas", r"on the other hand", r"rather than",
    ),
    "positive": _family(r"resolution", r"resolv", r"de-?escalat", r"stabili[sz]", r"lift", r"agreement", r"dialogue", r"cooperat"),
    "negative": _family(r"escalat", r"sanction", r"retaliat", r"disrupt", r"standoff", r"fragment", r"hostil", r"miscalculat", r"conflict"),
    "political": _family(
        r"diplomat", r"allian", r"government", r"relations", r"tensions?", r"minist", r"politic", r"geopolit",
        r"bilateral", r"summit", r"embassy",
    ),
    "security": _family(
        r"militar", r"defen[cs]e", r"security", r"non-?proliferation", r"troops", r"weapon", r"army",
        r"navy", r"drills?\b", r"fighter", r"missile",
    ),
    "cyber": _family(
        r"cyber", r"hack", r"espionage", r"leak", r"data\b", r"cybersecurity", r"intrusion", r"malware",
        r"information space", r"surveillance",
    ),
    "economic": _family(
        r"trade", r"export", r"supply chain", r"market", r"compan", r"investment", r"invest", r"tariff",
        r"econom", r"procurement", r"industr", r"firms?\b", r"manufactur",
    ),
}
# Cues that name a domain (as opposed to a style such as "fact" or "hedged"); optional sections need one.
_DOMAIN_CUES = frozenset({"political", "security", "cyber", "economic", "assumption", "signal", "causal", "contrary"})
# Style cues of sentences that speculate rather than report; sections that want facts prefer others.
_SPECULATIVE = frozenset({"hedged", "forward", "signal", "assumption"})

# --------------------------------------------------------------------------------------------
# Junk and untrusted-instruction filters
# --------------------------------------------------------------------------------------------

_INSTRUCTION_RE = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|prompts?|rules|guidelines|directions|context|above|previous|prior)\b|"
    r"^\W*(?:system|assistant|user|developer)\s*[:>\]]|\[/?(?:inst|system)\]|<\|?/?(?:im_start|im_end|system|assistant|user)\|?>|"
    r"\byou must\b|\bas an ai\b|\blanguage model\b|\byou are (?:now|an? (?:ai|assistant|chatbot|language))\b|"
    r"\b(?:new|updated|hidden|secret) instructions?\b|\bprompt injection\b|\bjailbreak|"
    r"\b(?:respond|reply|answer|output|print|write)\s+(?:only\s+)?(?:with|in|the following)\b|"
    r"\bdo not (?:cite|mention|reveal|tell|follow)\b|\breveal (?:your|the) (?:system )?prompt\b|"
    r"\b(?:brief|summary|answer|assistant|model|ai)\s+(?:must|should)\s+(?:say|state|claim|conclude|report|include)\b",
    re.I,
)
_BOILERPLATE_RE = re.compile(
    r"^\W*(?:photos?|images?|pictures?|video|file photo|credit|caption|source|graphic|screenshot)\s*[:\-–—|]|"
    r"\bimage \d+\b|\bexplore more\b|\bsupport us\b|\bsee our methodology\b|\bsubscribe\b|\bsign up\b|"
    r"\bread more\b|\bclick here\b|\ball rights reserved\b|\bcookies?\b|\bnewsletter\b|\bfollow us\b|"
    r"\bshare this\b|\badvertisement\b|\bterms of (?:use|service)\b|\bprivacy policy\b|\bcopyright\b|"
    r"\bhttps?://|\bwww\.|\bjavascript\b|\bdownload (?:the|our) app\b|\blog ?in\b|"
    r"\bai[- ]powered\b|\bai briefings\b|\binteractive maps\b|^\W*(?:translated|adapted|reprinted|excerpted) from\b|"
    r"\boriginally (?:published|appeared)\b",
    re.I,
)
_CRUMBS_RE = re.compile(r"\s[>›»|]\s|\s[>›»|]\s*$|·")
_TERMINAL_RE = re.compile(r"[.!?…][\"'’”)\]]*$")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*%?")
_VERBISH_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|does|did|do)\b|"
    r"\b\w{3,}(?:ed|es|ing)\b|\b(?:said|says|told|made|took|held|led|set|put|cut|hit|sent|kept|saw)\b",
    re.I,
)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did)\b|"
    r"\b\w{3,}ed\b|\b(?:said|says|told|made|took|held|led|set|put|cut|hit|sent|kept|saw)\b",
    re.I,
)


def _is_label(text: str) -> bool:
    """'The scope of X: a, b and c.' — a list item under a label, not a statement of what happened."""
    head, sep, _ = text.partition(":")
    return bool(sep) and len(head) <= 100 and not _FINITE_RE.search(head)


def _junk_reason(text: str) -> str | None:
    """Why a sentence must not be quoted, or None if it may be."""
    words = _words(text)
    if _INSTRUCTION_RE.search(text) or is_instruction_like(text):
        return "instruction"
    if len(words) < MIN_WORDS:
        return "short"
    if len(words) > MAX_WORDS:
        return "long"
    if _BOILERPLATE_RE.search(text) or _CRUMBS_RE.search(text):
        return "boilerplate"
    stripped = text.rstrip("\"'’”)] ")
    if stripped.endswith("?") or text.count("?") >= 2:
        return "question"
    if len(words) >= 12 and sum(w.lower() in _STOPWORDS for w in words) < 0.05 * len(words):
        return "not prose"  # lists of names or tags, or text in another language
    if len(re.findall(r"[a-z][A-Z]", text)) >= 2:  # run-together tags or navigation: "approvalChinese"
        return "boilerplate"
    letters = sum(ch.isalpha() for ch in text)
    if letters < 0.6 * len(text.replace(" ", "")):
        return "boilerplate"
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    caps = sum(w[0].isupper() for w in long_words)
    if not long_words or (caps >= 0.75 * len(long_words) and not _VERBISH_RE.search(text)):
        return "heading"
    if not _TERMINAL_RE.search(text.rstrip()):
        # an unpunctuated line is a heading, a caption, a list item or a snippet cut off mid-sentence
        if caps >= 0.4 * len(long_words) or not _VERBISH_RE.search(text) or len(words) < 15:
            return "heading"
        return "truncated"
    return None


#: Public name: the pipeline's timeline quotes evidence sentences under the same rules.
junk_reason = _junk_reason


# --------------------------------------------------------------------------------------------
# Light stemming and key terms
# --------------------------------------------------------------------------------------------

try:  # nltk ships with llama-index-core; its Porter stemmer needs no data files.
    from nltk.stem.porter import PorterStemmer as _Porter

    _PORTER: Any = _Porter()
except Exception:  # pragma: no cover - fallback when nltk is absent
    _PORTER = None

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
    if w in _PLACE_CANON:
        out = _PLACE_CANON[w]
    elif _PORTER is not None:
        out = _PORTER.stem(w)
    else:  # pragma: no cover
        out = w
        for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s"):
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                out = w[: -len(suf)]
                break
    if len(_STEM_CACHE) < 100_000:
        _STEM_CACHE[w] = out
    return out


def _stems(text: str) -> set[str]:
    out: set[str] = set()
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
    question = _DATE_QUALIFIER_RE.sub("", question)
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
    first second third next last monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    photo image related news brief summary note update live""".split()
)
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


# --------------------------------------------------------------------------------------------
# The writer
# --------------------------------------------------------------------------------------------


@dataclass
class _Candidate:
    passage: EvidencePassage
    rank: int  # evidence rank (0-based)
    local_start: int
    local_end: int
    text: str
    stems: set[str] = field(default_factory=set)
    cues: frozenset[str] = frozenset()
    source_stems: frozenset[str] = frozenset()

    @property
    def chunk_id(self) -> str:
        return self.passage.chunk.chunk_id

    @property
    def doc_id(self) -> str:
        return self.passage.chunk.doc_id

    @property
    def start(self) -> int:
        return self.passage.chunk.start + self.local_start

    @property
    def end(self) -> int:
        return self.passage.chunk.start + self.local_end

    def key(self) -> tuple[str, int]:
        return (self.chunk_id, self.local_start)

    def claim(self) -> DraftClaim:
        return DraftClaim(text=self.text, cites=[CitedSpan(self.chunk_id, self.start, self.end)])


@dataclass
class _Scored:
    cands: list[_Candidate]
    cos: np.ndarray  # cosine to the query
    cov: np.ndarray  # weighted share of the query's key terms the sentence contains
    window_cov: np.ndarray  # the same over the sentence and a neighbour in its passage
    rel: np.ndarray  # relevance used for ranking: cosine blended with key-term coverage
    cent: np.ndarray
    sims: np.ndarray  # candidate x candidate cosine
    fit: dict[str, np.ndarray]
    dropped: Counter
    neighbours: list[list[int]] = field(default_factory=list)  # the next sentence when it continues this one


class ExtractiveWriter:
    """Quote the most relevant, central and section-fitting sentences of the evidence; generate nothing."""

    name = "extractive"
    model = "extractive-mmr-v1"
    label = "Extractive: every sentence is quoted from the cited source; no text is generated."

    # MMR and scoring weights
    LAMBDA = 0.7
    W_REL, W_FIT, W_CENT = 0.45, 0.35, 0.10
    CUE_BONUS, CUE_CAP = 0.06, 0.12
    SPECULATION_PENALTY = 0.05  # per speculative cue, in sections that want facts (capped at 2)
    NEW_DOC_SECTION_BONUS = 0.05
    NEW_DOC_BRIEF_BONUS = 0.03
    NEAR_DUPLICATE = 0.9
    # what counts as on-topic for a brief (see _on_topic)
    REL_FLOOR_GAP = 0.20
    COS_FLOOR_GAP = 0.30
    REL_STRETCH = 0.8  # how far relevance is stretched over the on-topic range (0: not at all, 1: down to 0)
    OPTIONAL_FIT_FLOOR = 0.30
    FIT_CONTRAST = 0.5
    W_LEXICAL = 0.3  # share of relevance that comes from the query's key terms
    DETAIL_GAP = 0.15
    TYPED_BONUS = 0.15
    FILLER_GAP = 0.15  # stop filling a section once the next pick scores this far below its first
    # question answering
    ANSWER_COVERAGE_MIN = 0.3
    BRIEF_COVERAGE_MIN = 0.4
    ANSWER_POOL = 10
    CACHE_SIZE = 8192

    def __init__(self, embed: EmbedFn | Any, *, abstain_threshold: float = 0.35) -> None:
        method = getattr(embed, "embed", None)
        self._embed_fn: EmbedFn = method if callable(method) else embed
        self.abstain_threshold = abstain_threshold
        # Sentences recur across briefs and answers on the same corpus: keep their vectors (bounded).
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed in one call, reusing cached rows; the result does not depend on what was cached."""
        with self._cache_lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            rows = np.asarray(self._embed_fn(missing), dtype=np.float32)
            with self._cache_lock:
                for t, row in zip(missing, rows):
                    self._cache[t] = row
                    self._cache.move_to_end(t)
        with self._cache_lock:
            out = np.stack([self._cache[t] for t in texts])
            while len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        return out

    # ---------------------------------------------------------------- public API

    def write(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn] = (),
    ) -> Draft:
        is_answer = template.kind == "answer"
        query = self._query(topic, history) if is_answer else topic
        claim_specs = [s for s in template.sections if s.kind == "claims"]
        scored = self._score(query, claim_specs, evidence, topic=not is_answer)
        notes = [
            f"extractive: {len(scored.cands)} candidate sentences from {len(evidence)} passages considered"
            + (f"; {sum(scored.dropped.values())} dropped ({self._fmt_dropped(scored.dropped)})" if scored.dropped else "")
        ]
        if not scored.cands:
            return self._abstain(notes + ["abstained: no quotable sentence in the evidence"])
        best = float(scored.cos.max())
        if best < self.abstain_threshold:
            return self._abstain(notes + [f"abstained: best relevance {best:.2f} < {self.abstain_threshold:.2f}"])

        if is_answer:
            verdict = self._answerable(query, scored)
            if verdict is not None:
                return self._abstain(notes + [f"abstained: {verdict}"])
        else:
            verdict = self._topic_covered(topic, scored)
            if verdict is not None:
                return self._abstain(notes + [f"abstained: {verdict}"])

        chosen: list[int] = []
        used_docs: set[str] = set()
        sections: list[DraftSection] = []
        terms_specs: list[SectionSpec] = []
        for spec in template.sections:
            if spec.kind == "claims":
                if is_answer and spec is claim_specs[0]:
                    picks = self._pick_answer(query, spec, scored)
                elif spec.max_items == 1 and "fact" in spec.cues and spec is claim_specs[0]:
                    picks = self._pick_headline(spec, scored)
                elif is_answer:
                    picks = self._pick_details(query, spec, scored, chosen, used_docs)
                else:
                    picks = self._pick_section(spec, scored, chosen, used_docs)
                for i in picks:
                    chosen.append(i)
                    used_docs.add(scored.cands[i].doc_id)
                sections.append(DraftSection(spec.name, claims=[scored.cands[i].claim() for i in picks]))
            elif spec.kind == "terms":
                sections.append(DraftSection(spec.name))
                terms_specs.append(spec)
            else:  # "stat": computed by the pipeline
                sections.append(DraftSection(spec.name))
        if not chosen:
            return self._abstain(notes + ["abstained: no sentence passed the relevance floor"])
        for spec in terms_specs:
            section = next(s for s in sections if s.name == spec.name)
            section.terms = self._terms(spec, scored, chosen, evidence)
        return Draft(sections=sections, abstain=False, backend=self.name, model=self.model, notes=notes)

    def stream(
        self,
        topic: str,
        template: PromptTemplate,
        evidence: Sequence[EvidencePassage],
        *,
        as_of: str | None,
        history: Sequence[Turn] = (),
    ) -> Iterator[StreamItem]:
        draft = self.write(topic, template, evidence, as_of=as_of, history=history)
        for section in draft.sections:
            for j, claim in enumerate(section.claims):
                yield claim.text + ("\n" if j == len(section.claims) - 1 else " ")
        yield draft

    # ---------------------------------------------------------------- candidates and scores

    def _abstain(self, notes: list[str]) -> Draft:
        return Draft(sections=[], abstain=True, backend=self.name, model=self.model, notes=notes)

    @staticmethod
    def _fmt_dropped(dropped: Counter) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(dropped.items()))

    @staticmethod
    def _query(question: str, history: Sequence[Turn]) -> str:
        """The question, plus the last user turn's content words when it looks like a follow-up."""
        last_user = next((t.content for t in reversed(history) if t.role == "user" and t.content.strip() != question.strip()), None)
        if not last_user:
            return question
        content = [w for w in _words(question) if w.lower() not in _STOPWORDS and w.lower() not in _QUESTION_LIGHT]
        pronoun = re.search(r"\b(?:it|its|they|them|their|that|this|those|these|he|him|his|she|her)\b", question, re.I)
        if len(content) > 4 and not pronoun:
            return question
        extra = [w for w in _words(last_user) if w.lower() not in _STOPWORDS and w.lower() not in _QUESTION_LIGHT]
        return question.rstrip() + " (" + " ".join(dict.fromkeys(extra)) + ")" if extra else question

    def _candidates(self, evidence: Sequence[EvidencePassage]) -> tuple[list[_Candidate], Counter]:
        per_passage: list[list[_Candidate]] = []
        seen_spans: set[tuple[str, int, int]] = set()
        seen_text: set[str] = set()
        dropped: Counter = Counter()
        for rank, ep in enumerate(evidence):
            mine: list[_Candidate] = []
            source = frozenset(_stems(ep.chunk.publisher)) if ep.chunk.publisher else frozenset()
            for sent in sentence_spans(ep.chunk.text):
                span = (ep.chunk.doc_id, ep.chunk.start + sent.start, ep.chunk.start + sent.end)
                if span in seen_spans:
                    continue
                seen_spans.add(span)
                reason = _junk_reason(sent.text)
                if not reason and (
                    sent.text[:1].islower()  # starts mid-sentence: the passage was cut before it
                    or (sent.end >= len(ep.chunk.text.rstrip()) and not _TERMINAL_RE.search(sent.text))
                ):
                    reason = "truncated"
                if reason:
                    dropped[reason] += 1
                    continue
                norm = re.sub(r"\W+", " ", sent.text.lower()).strip()
                if norm in seen_text:
                    dropped["duplicate"] += 1
                    continue
                seen_text.add(norm)
                cues = frozenset(name for name, rx in _CUES.items() if rx.search(sent.text))
                mine.append(_Candidate(ep, rank, sent.start, sent.end, sent.text, _stems(sent.text), cues, source))
            per_passage.append(mine)
        # Bound the candidate count fairly: round-robin over passages in evidence order.
        out: list[_Candidate] = []
        depth = 0
        while len(out) < MAX_CANDIDATES and any(depth < len(p) for p in per_passage):
            for p in per_passage:
                if depth < len(p) and len(out) < MAX_CANDIDATES:
                    out.append(p[depth])
            depth += 1
        total = sum(len(p) for p in per_passage)
        if total > len(out):
            dropped["over cap"] += total - len(out)
        out.sort(key=lambda c: (c.rank, c.local_start))
        return out, dropped

    def _score(
        self, query: str, specs: Sequence[SectionSpec], evidence: Sequence[EvidencePassage], *, topic: bool = False
    ) -> _Scored:
        cands, dropped = self._candidates(evidence)
        if not cands:
            z = np.zeros(0)
            return _Scored([], z, z, z, z, z, np.zeros((0, 0)), {}, dropped)
        texts = [query] + [s.description for s in specs] + [c.text for c in cands]
        mat = np.asarray(self._embed(texts), dtype=np.float32)
        q, descs, sents = mat[0], mat[1 : 1 + len(specs)], mat[1 + len(specs) :]
        cos = (sents @ q).astype(np.float64)
        cov, window_cov, neighbours = self._coverages(query, cands, topic=topic)
        rel = (1 - self.W_LEXICAL) * cos + self.W_LEXICAL * cov
        sims = sents @ sents.T
        n = len(cands)
        cent = (sims.sum(axis=1) - np.diag(sims)) / max(n - 1, 1) if n > 1 else np.zeros(n)
        raw = {spec.name: (sents @ d).astype(np.float64) for spec, d in zip(specs, descs)}
        # fit to a section, sharpened by how much better it fits this section than the average one
        mean = np.mean(list(raw.values()), axis=0) if raw else np.zeros(n)
        fit = {name: f + self.FIT_CONTRAST * (f - mean) for name, f in raw.items()}
        return _Scored(
            cands, cos, cov, window_cov, rel, cent.astype(np.float64), sims.astype(np.float64), fit, dropped, neighbours
        )

    @staticmethod
    def _coverages(query: str, cands: list[_Candidate], *, topic: bool = False) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
        """Key-term coverage per sentence, and per sentence plus one neighbour (an answer may span two)."""
        terms = _key_terms(query, topic=topic)
        # a sentence also "mentions" its publisher: questions say "the X brief" for a source's own claims
        stems = [c.stems | c.source_stems for c in cands]
        weights = _term_weights(terms, stems)
        cov = np.array([_coverage(terms, st, weights) for st in stems], dtype=np.float64)
        window = cov.copy()
        neighbours: list[list[int]] = [[] for _ in cands]
        by_chunk: dict[str, list[int]] = {}
        for i, c in enumerate(cands):
            by_chunk.setdefault(c.chunk_id, []).append(i)
        for idxs in by_chunk.values():
            idxs.sort(key=lambda i: cands[i].local_start)
            for a, b in zip(idxs, idxs[1:]):
                if cands[b].local_start - cands[a].local_end > 3:  # not adjacent: a junk line between them
                    continue
                if _ANAPHORA_RE.match(cands[b].text):  # b continues a: "The decision, reported by ..."
                    neighbours[a].append(b)
                joined = _coverage(terms, stems[a] | stems[b], weights)
                window[a] = max(window[a], joined)
                window[b] = max(window[b], joined)
        return cov, window, neighbours

    def _cue_bonus(self, spec: SectionSpec, cand: _Candidate) -> float:
        hits = sum(1 for c in spec.cues if c in cand.cues)
        bonus = min(self.CUE_CAP, self.CUE_BONUS * hits)
        if "fact" in spec.cues and not set(spec.cues) & _SPECULATIVE:
            bonus -= self.SPECULATION_PENALTY * min(2, len(cand.cues & _SPECULATIVE))  # speculation fits less
        return bonus

    def _on_topic(self, scored: _Scored, gap: float | None = None) -> np.ndarray:
        """Candidates relevant enough to quote.

        For a brief: within REL_FLOOR_GAP of the third most relevant sentence (one outlier that repeats the
        topic's words must not make everything else look off-topic) and within COS_FLOOR_GAP of the closest
        sentence in meaning. For an answer (``gap`` given): within ``gap`` of the most relevant sentence.
        Never far below the abstention line.
        """
        floor_cos = self.abstain_threshold - 0.05
        if gap is not None:
            return (scored.rel >= float(scored.rel.max()) - gap) & (scored.cos >= floor_cos)
        ranked = np.sort(scored.rel)[::-1]
        ref = float(ranked[min(2, len(ranked) - 1)])
        floor_cos = max(floor_cos, float(scored.cos.max()) - self.COS_FLOOR_GAP)
        return (scored.rel >= ref - self.REL_FLOOR_GAP) & (scored.cos >= floor_cos)

    def _order(self, scored: _Scored, values: np.ndarray, pool: Sequence[int]) -> list[int]:
        return sorted(pool, key=lambda i: (-round(float(values[i]), 9), scored.cands[i].key()))

    # ---------------------------------------------------------------- selection

    def _pick_headline(self, spec: SectionSpec, scored: _Scored) -> list[int]:
        ok = self._on_topic(scored)
        pool = [i for i in range(len(scored.cands)) if ok[i]]
        # a headline states something that happened: prefer fact sentences without hedges or conditions
        facts = [i for i in pool if "fact" in scored.cands[i].cues]
        pool = facts or pool
        statements = [i for i in pool if not _is_label(scored.cands[i].text)]
        pool = statements or pool
        style = np.array([self._cue_bonus(spec, c) for c in scored.cands])
        value = 0.6 * scored.rel + 0.25 * scored.cent + 0.15 * scored.fit[spec.name] + style
        return self._order(scored, value, pool)[:1]

    def _pick_section(self, spec: SectionSpec, scored: _Scored, chosen: list[int], used_docs: set[str]) -> list[int]:
        """A brief's section: on-topic sentences that fit it, by MMR."""
        cands = scored.cands
        ok = self._on_topic(scored)
        fit = scored.fit[spec.name]
        domain_cues = [c for c in spec.cues if c in _DOMAIN_CUES]
        pool = []
        for i, c in enumerate(cands):
            if i in chosen or not ok[i]:
                continue
            if not spec.required and fit[i] < self.OPTIONAL_FIT_FLOOR and not (
                domain_cues and any(d in c.cues for d in domain_cues)
            ):
                continue
            pool.append(i)
        # a required section gets its best on-topic candidate even if only weakly fitting
        rel = self._relative_relevance(scored)
        base = np.array(
            [
                self.W_REL * rel[i] + self.W_FIT * fit[i] + self.W_CENT * scored.cent[i] + self._cue_bonus(spec, cands[i])
                for i in range(len(cands))
            ]
        )
        return self._mmr(spec.max_items, scored, pool, base, chosen, used_docs)

    def _relative_relevance(self, scored: _Scored) -> np.ndarray:
        """Relevance stretched over the on-topic range (0 at the floor, 1 at the best sentence): cosines are
        compressed into a narrow band, and relevance must outweigh how well an off-topic sentence fits a section."""
        ok = self._on_topic(scored)
        if not ok.any():
            return scored.rel
        low = float(scored.rel[ok].min())
        top = float(scored.rel.max())
        stretched = np.clip((scored.rel - low) / max(top - low, 1e-6), 0.0, 1.0)
        return top * (1.0 - self.REL_STRETCH + self.REL_STRETCH * stretched)

    def _mmr(
        self, limit: int, scored: _Scored, pool: list[int], base: np.ndarray, chosen: list[int], used_docs: set[str]
    ) -> list[int]:
        """Maximal marginal relevance over ``pool``; sources not yet used in the section or brief get a bonus."""
        cands = scored.cands
        pool = list(pool)
        picks: list[int] = []
        # the new-source bonus favours other articles among comparably relevant sentences only
        if pool:
            top = max(float(scored.rel[i]) for i in pool)
            low = min(float(scored.rel[i]) for i in pool)
            span = max(top - low, 1e-6)
            diversity = {i: min(1.0, max(0.0, (float(scored.rel[i]) - low) / span)) for i in pool}
        section_docs: set[str] = set()
        first_value: float | None = None
        while len(picks) < limit and pool:
            best_i, best_v = None, -math.inf
            for i in pool:
                taken = chosen + picks
                redundancy = max((scored.sims[i, j] for j in taken), default=0.0)
                if redundancy >= self.NEAR_DUPLICATE:
                    continue
                v = self.LAMBDA * base[i] - (1 - self.LAMBDA) * max(redundancy, 0.0)
                if cands[i].doc_id not in section_docs:
                    v += self.NEW_DOC_SECTION_BONUS * diversity[i]
                if cands[i].doc_id not in used_docs:
                    v += self.NEW_DOC_BRIEF_BONUS * diversity[i]
                v = round(float(v), 9)
                if v > best_v or (v == best_v and best_i is not None and cands[i].key() < cands[best_i].key()):
                    best_i, best_v = i, v
            if best_i is None:
                break
            if first_value is None:
                first_value = best_v
            elif best_v < first_value - self.FILLER_GAP:
                break  # the rest would be filler
            picks.append(best_i)
            section_docs.add(cands[best_i].doc_id)
            used_docs.add(cands[best_i].doc_id)
            pool.remove(best_i)
        return picks

    # ---------------------------------------------------------------- questions

    @staticmethod
    def _answer_type(question: str) -> str | None:
        if _WANTS_DATE.search(question):
            # "when" is answered by "last week" too; "on what date" needs the date
            return "when" if re.match(r"\s*(?:since )?when\b", question, re.I) else "date"
        if _WANTS_NUMBER.search(question):
            return "number"
        if _WANTS_TERM.search(question):
            return "term"
        if _WANTS_NAME.search(question):
            return "name"
        return None

    @staticmethod
    def _has_type(kind: str | None, cand: _Candidate, question_stems: set[str], places_ok: bool = True) -> bool:
        """Whether the sentence holds the kind of answer asked for, beyond what the question already says."""
        if kind is None:
            return True
        text = cand.text
        if kind == "when":
            return any(_stem(m.group(0)) not in question_stems for m in _DATE_RE.finditer(text))
        if kind == "date":
            return any(
                _stem(m.group(0)) not in question_stems
                for m in _DATE_RE.finditer(text)
                if not re.match(r"yesterday|today|last|earlier", m.group(0), re.I)
            )
        if kind == "term":  # a quoted or named term
            return bool(_TERM_RE.search(text))
        if kind == "number":  # a quantity: not a year or a date
            masked = _ISO_DATE_RE.sub(" ", text)
            return any(
                _stem(m.group(0)) not in question_stems and not _YEARISH_RE.match(m.group(0))
                for m in _NUMBER_RE.finditer(masked)
            )
        for name, initial in _entities(text):
            words = [w for w in name.split() if w[0].isupper() and w.lower() not in _ENTITY_NOISE]
            if not words or (initial and len(name.split()) == 1):
                continue
            new = [w for w in words if _stem(w) not in question_stems]
            # a country or capital only answers a question that asks for a place
            if new and (places_ok or any(w.lower() not in _PLACE_CANON for w in new)):
                return True
        return False

    def _typed(self, query: str, scored: _Scored) -> tuple[str | None, np.ndarray]:
        kind = self._answer_type(query)
        qstems = _stems(query)
        places_ok = bool(_PLACE_CLASS.search(query))
        return kind, np.array([1.0 if self._has_type(kind, c, qstems, places_ok) else 0.0 for c in scored.cands])

    def _answerable(self, query: str, scored: _Scored) -> str | None:
        """Why the evidence does not answer the question, or None when it does.

        The question is answered when one of the most relevant sentences (with a neighbour) holds most of the
        question's key terms, weighted by how rare they are in the evidence, and, for who/when/how-many
        questions, a name, date or number the question does not already contain.
        """
        kind, typed = self._typed(query, scored)
        best = float(scored.rel.max())
        pool = [i for i in self._order(scored, scored.rel, range(len(scored.cands)))[: self.ANSWER_POOL]
                if scored.rel[i] >= best - self.DETAIL_GAP]
        covered = [i for i in pool if scored.window_cov[i] >= self.ANSWER_COVERAGE_MIN]
        if not covered:
            top = max(float(scored.window_cov[i]) for i in pool)
            return f"the question's key terms are missing from the most relevant sentences (coverage {top:.2f})"
        # a term is often paraphrased rather than quoted, so only names, dates and numbers are required
        typed_ok = [i for i in covered if kind == "term" or typed[i] or any(typed[j] for j in scored.neighbours[i])]
        if not typed_ok:
            return f"no relevant sentence gives the {kind} the question asks for"
        # the countries (or capitals) a focused question names must all be in the answering passage: an answer
        # about Taiwan does not answer a question about Japan (a question naming three or more compares them)
        places = {_PLACE_CANON[t.stem] for t in _key_terms(query) if t.stem in _PLACE_CANON}
        if 0 < len(places) <= 2 and not any(places <= self._passage_stems(scored, i) for i in typed_ok):
            return "the most relevant sentences are about other countries than the question"
        return None

    @staticmethod
    def _passage_stems(scored: _Scored, i: int) -> set[str]:
        """Stems of the passage a sentence comes from (what the sentence's context talks about)."""
        chunk = scored.cands[i].passage.chunk
        return _stems(chunk.text)

    def _answer_value(self, query: str, spec: SectionSpec, scored: _Scored) -> np.ndarray:
        """How well each sentence answers the question: relevance dominates; key terms and the wanted kind of
        answer (a name, date or number) add to it."""
        kind, typed = self._typed(query, scored)
        bonus = self.TYPED_BONUS * typed if kind else np.zeros(len(scored.cands))
        return scored.rel + 0.15 * scored.window_cov + bonus + 0.05 * scored.fit[spec.name]

    def _pick_answer(self, query: str, spec: SectionSpec, scored: _Scored) -> list[int]:
        ok = self._on_topic(scored, self.DETAIL_GAP)
        pool = [i for i in range(len(scored.cands)) if ok[i]]
        return self._order(scored, self._answer_value(query, spec, scored), pool)[:1]

    def _pick_details(
        self, query: str, spec: SectionSpec, scored: _Scored, chosen: list[int], used_docs: set[str]
    ) -> list[int]:
        """Supporting detail: the answer's continuation when it holds the name/date/number asked for, then the
        sentences that best answer the question from preferably other sources."""
        kind, typed = self._typed(query, scored)
        forced: list[int] = []
        if kind and chosen and not typed[chosen[0]]:
            forced = [j for j in scored.neighbours[chosen[0]] if typed[j]][:1]
        ok = self._on_topic(scored, self.DETAIL_GAP)
        pool = [i for i in range(len(scored.cands)) if ok[i] and i not in chosen and i not in forced]
        value = self._answer_value(query, spec, scored) + np.array([self._cue_bonus(spec, c) for c in scored.cands]) / 2
        for j in forced:
            used_docs.add(scored.cands[j].doc_id)
        rest = self._mmr(spec.max_items - len(forced), scored, pool, value, chosen + forced, used_docs)
        return forced + rest

    def _topic_covered(self, topic: str, scored: _Scored) -> str | None:
        """Why the evidence does not cover a brief's topic, or None when it does: the topic names places, people
        or organisations none of the evidence mentions, or its key terms are mostly missing from the most
        relevant sentences."""
        names = [t for t in _key_terms(topic, topic=True) if t.kind in ("entity", "number")]
        all_stems: set[str] = set().union(*(c.stems for c in scored.cands))
        if names and not any(t.stem in all_stems for t in names):
            return "none of the names in the topic occur in the evidence"
        missing = sorted(t.stem for t in names if t.stem in _PLACE_CANON and t.stem not in all_stems)
        if missing:
            return f"the evidence never mentions {', '.join(missing)}"
        pool = self._order(scored, scored.rel, range(len(scored.cands)))[: self.ANSWER_POOL]
        top = max(float(scored.window_cov[i]) for i in pool)
        if top < self.BRIEF_COVERAGE_MIN:
            return f"the topic's key terms are missing from the most relevant sentences (coverage {top:.2f})"
        return None

    # ---------------------------------------------------------------- terms

    def _terms(
        self, spec: SectionSpec, scored: _Scored, chosen: list[int], evidence: Sequence[EvidencePassage]
    ) -> list[str]:
        # terms come from quotable sentences (not headings or boilerplate) of the passages the brief cites
        cited_chunks = {scored.cands[i].chunk_id for i in chosen}
        cited_texts = [c.text for c in scored.cands if c.chunk_id in cited_chunks]
        by_chunk: dict[str, list[str]] = {}
        for c in scored.cands:
            by_chunk.setdefault(c.chunk_id, []).append(c.text)
        passages = [" ".join(v) for v in by_chunk.values()]
        all_low = "\n".join(ep.chunk.text for ep in evidence).lower()
        selected = [scored.cands[i].text for i in chosen]
        if _ENTITY_SECTION_RE.search(spec.name) or _ENTITY_SECTION_RE.search(spec.description):
            terms = self._entity_terms(selected, cited_texts, [c.text for c in scored.cands], spec.max_items)
        else:
            terms = self._keyword_terms(selected, cited_texts, passages, spec.max_items)
        out: list[str] = []
        for t in terms:
            if t.lower() in all_low and t.lower() not in {o.lower() for o in out}:
                out.append(t)
            if len(out) >= spec.max_items:
                break
        return out

    @staticmethod
    def _entity_terms(selected: list[str], cited: list[str], candidates: list[str], limit: int) -> list[str]:
        mid_sentence: set[str] = set()  # names seen capitalized inside a sentence somewhere
        lower_words: set[str] = set()  # words seen in lower case: common nouns, not names
        for text in candidates:
            lower_words.update(w for w in re.findall(r"[a-z][a-z\-]+", text))
            for name, initial in _entities(text):
                if not initial:
                    mid_sentence.add(name)
        score: Counter = Counter()
        first_seen: dict[str, int] = {}
        order = 0
        for weight, texts in ((3.0, selected), (1.0, cited)):
            for text in texts:
                for name, initial in _entities(text):
                    words = name.split()
                    if len(words) == 1 and (name.lower() in _STOPWORDS or name.lower() in _ENTITY_NOISE or len(name) < 2):
                        continue
                    if len(words) == 1 and _PLACE_CANON.get(name.lower(), name.lower()) != name.lower():
                        continue  # a demonym ("Japanese") is not an entity; the country is

                    if len(words) == 1 and (
                        (initial and name not in mid_sentence) or (name.lower() in lower_words and not name.isupper())
                    ):
                        continue
                    if len(words) > 6:
                        continue
                    score[name] += weight * (1.0 + 0.3 * (len(words) > 1))
                    if name not in first_seen:
                        first_seen[name] = order
                        order += 1
        ranked = sorted(score, key=lambda n: (-score[n], first_seen[n], n))
        out: list[str] = []
        for name in ranked:
            low = name.lower()
            # skip a name that is part of a longer one already listed (keep "Yoshihide Suga", drop "Suga")
            if any(_contains_words(o.lower(), low) for o in out):
                continue
            out.append(name)
            if len(out) >= 2 * limit:
                break
        return out

    @staticmethod
    def _keyword_terms(selected: list[str], cited: list[str], passages: list[str], limit: int) -> list[str]:
        df: Counter = Counter()
        total: Counter = Counter()
        for text in passages:
            grams = [g.lower() for g in _ngrams(text)]
            df.update(set(grams))
            total.update(grams)
        n_docs = max(len(passages), 1)
        tf: Counter = Counter()
        surface: dict[str, str] = {}
        for weight, texts in ((3.0, selected), (1.0, cited)):
            for text in texts:
                for g in _ngrams(text):
                    low = g.lower()
                    tf[low] += weight
                    if low not in surface or (surface[low][0].isupper() and not g[0].isupper()):
                        surface[low] = g
        scores: dict[str, float] = {}
        for low, f in tf.items():
            n = low.count(" ") + 1
            if total[low] < (3 if n == 1 else 2):
                continue  # a tag is a theme the evidence returns to
            idf = math.log(1.0 + n_docs / (1.0 + df[low]))
            proper = all(w[0].isupper() for w in surface[low].split())
            # a tag names a theme; names of countries and people belong to the entities
            scores[low] = f * idf * (1.0 + 0.6 * (n - 1)) * (0.4 if proper else 1.0)
        ranked = sorted(scores, key=lambda g: (-round(scores[g], 9), g))
        out: list[str] = []
        for low in ranked:
            if any(_contains_words(low, o.lower()) or _contains_words(o.lower(), low) for o in out):
                continue
            out.append(surface[low])
            if len(out) >= 2 * limit:
                break
        return out
