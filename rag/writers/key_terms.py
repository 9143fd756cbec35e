"""Light stemming, key terms of a question or topic, named entities and keyword terms."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rag.text.analyzer import cjk_content_terms
from rag.text.cross_lingual import english_readings
from rag.text.scripts import cjk_count
from rag.text.dates import MONTH_NAMES, WEEKDAYS
from rag.text.lexicon import word_set
from rag.text.normalize import compat_form
from rag.text.places import place_mentions, place_of_word, places, widen
from rag.text.tokens import stem as _base_stem
from rag.writers.name_ends import abbreviation_end, keeps_period, remit_list
from rag.writers.sentence_cues import ANSWER_CLASS, QUESTION_LIGHT, STOPWORDS, WORD_RE

# --------------------------------------------------------------------------------------------
# Light stemming and key terms
# --------------------------------------------------------------------------------------------

_STEM_CACHE: dict[str, str] = {}


def stem(word: str) -> str:
    """Stem of one word (the text layer's stemmer), lower-cased; a place alias gives its place key ("Seoul" → "south_korea")."""
    raw = word.replace("’", "'")
    if raw.lower().endswith("'s"):
        raw = raw[:-2]
    raw = raw.strip("'-.,")
    hit = place_of_word(raw)
    if hit is not None:
        return hit[0]
    w = raw.lower()
    cached = _STEM_CACHE.get(w)
    if cached is not None:
        return cached
    out = _base_stem(w)
    if len(_STEM_CACHE) < 100_000:
        _STEM_CACHE[w] = out
    return out


def stems(text: str) -> set[str]:
    """Stems of the words of ``text`` (and of their hyphen parts); a place named in it adds its key and the
    ambiguous places it is a case of ("North Korea" adds ``north_korea`` and ``korea``); CJK text adds its bigrams,
    and the stems of the English forms of the domain terms it names (``rag.text.cross_lingual.english_readings``:
    "罰金" adds "fine", "輸出管理" "export" and "control"), so an English question's terms are found in a CJK sentence."""
    text = compat_form(text)  # "ＨＵＡＷＥＩ" and "Huawei" are one word
    out: set[str] = set(cjk_content_terms(text))
    readings = english_readings(text)
    if readings:
        out |= stems(" ".join(readings))  # English words only: no CJK characters, so one level deep
    mentions = place_mentions(text)
    for m in mentions:
        out |= widen(m.key)
    inside = [(m.start, m.end) for m in mentions]
    for match in WORD_RE.finditer(text):
        w = match.group(0)
        in_place = any(a <= match.start() and match.end() <= b for a, b in inside)
        parts = [p for p in re.split(r"[-']", w.replace("’", "'")) if p and p.lower() not in STOPWORDS]
        for part in [*parts, w]:
            # a word inside a place's name keeps its own stem ("north"), but "China" inside "Republic of
            # China" is not a mention of China: the mention's key was added above
            if in_place and place_of_word(part.strip("'-.,’")) is not None:
                continue
            out.add(stem(part))
    return out


def place_keys(stem_set: set[str]) -> set[str]:
    """The place keys among ``stem_set`` (as made by :func:`stems`)."""
    return {s for s in stem_set if s in places()}


@dataclass(frozen=True)
class KeyTerm:
    stem: str
    weight: float
    kind: str  # "entity" | "number" | "word"


_DATE_QUALIFIER_RE = re.compile(
    r"^\s*(?:in|since|before|after|until|up to|as of|as described in|according to|during|from|between)\b"
    r"[^,?]{0,80}?\b(?:1[89]\d\d|20\d\d)\b[^,?]{0,20},",
    re.I,
)


#: the words with which a question asks for its kind of answer: "which <words>", "how many <words>", "who is the
#: <words>", "name the <words>" (up to five words on)
_ASKING_PHRASE_RE = re.compile(
    r"\b(?:which|what|whose|how\s+(?:many|much)|who\s+(?:is|was|are|were|will\s+be)|name|list)\b((?:\s+[\w'’\-]+){1,5})",
    re.I)


#: the weight of an answer-class noun outside a question's asking phrase (a plain word weighs 1)
CLASS_NOUN_WEIGHT = 0.5
#: answer-class nouns of time, no key term anywhere: "this *year's* Open" bounds when, as the date reader reads it
_TIME_CLASS = word_set("time_classes")


#: a text that asks: a question mark, or an asking word first ("List the firms …")
_QUESTION_RE = re.compile(r"\?|^\s*(?:what|which|who|whom|whose|when|where|why|how|did|does|do|is|are|was|were|has|"
                          r"have|had|can|could|will|would|list|name)\b", re.I)


def _asking_spans(question: str) -> list[tuple[int, int]]:
    """Where ``question``'s asking phrases run (``_ASKING_PHRASE_RE``): an answer-class noun there ("which *firms*
    were added?") says what kind of answer is wanted; elsewhere ("What did the agency report about the Japanese
    *firms*?") it is what the question is about."""
    return [m.span(1) for m in _ASKING_PHRASE_RE.finditer(question)]


def key_terms(question: str, *, topic: bool = False) -> list[KeyTerm]:
    """Content terms of a question: names and numbers weigh double; asking words are skipped, and so are answer
    classes in a question's asking phrase ("which *country*"), capitalised ones, those of time, and all of them in a
    text that asks nothing (a quote, a claim) or a brief ``topic``.

    A leading date qualifier ("Since June 2026, ...", "In analysis published before 2021, ...") is a filter on
    the sources, not part of what is asked, so its words are not key terms. A brief ``topic`` is a noun phrase,
    so a capitalized first word is a name there.
    """
    terms: dict[str, KeyTerm] = {}
    question = _DATE_QUALIFIER_RE.sub("", compat_form(question))
    # a place is one term however many words name it ("North Korea", "U.S."), so it is cut out first
    for m in place_mentions(question):
        terms[m.key] = KeyTerm(m.key, 2.0, "entity")
        question = question[: m.start] + " " * (m.end - m.start) + question[m.end :]
    asking = _asking_spans(question) if not topic and _QUESTION_RE.search(question) else None
    for i, match in enumerate(WORD_RE.finditer(question)):
        tok = match.group(0)
        low = tok.lower().replace("’", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if low in STOPWORDS or low in QUESTION_LIGHT or len(low) < 2:
            continue
        classed = low in ANSWER_CLASS
        # ... kept only as a lower-case noun outside the asking phrase of a text that asks ("the Japanese firms")
        if classed and (asking is None or low in _TIME_CLASS or not tok.islower()
                        or any(a <= match.start() < b for a, b in asking)):
            continue
        if tok[0].isdigit():
            kind, weight = "number", 2.0
        elif (tok[0].isupper() and (i > 0 or topic)) or tok.isupper() or place_of_word(tok) is not None:
            kind, weight = "entity", 2.0
        else:
            # a class noun outside the asking phrase ("the Japanese *firms*", "the port *city's* richest man") is
            # what the question is about, but as generic a word as any: half weight
            kind, weight = "word", CLASS_NOUN_WEIGHT if classed else 1.0
        parts = [p for p in re.split(r"[-']", low) if p and p not in STOPWORDS] if "-" in low else [low]
        for part in parts:
            st = stem(part)
            if st and (st not in terms or terms[st].weight < weight):
                terms[st] = KeyTerm(st, weight / len(parts), kind)
    for gram in cjk_content_terms(question):
        terms.setdefault(gram, KeyTerm(gram, 1.0, "word"))
    return list(terms.values())


def coverage(terms: Sequence[KeyTerm], stems: set[str], weights: dict[str, float] | None = None) -> float:
    """Weighted share of ``terms`` found in ``stems`` (``weights`` overrides each term's own weight)."""
    if not terms:
        return 1.0
    w = weights or {t.stem: t.weight for t in terms}
    total = sum(w[t.stem] for t in terms)
    got = sum(w[t.stem] for t in terms if t.stem in stems)
    return got / total if total else 1.0


def term_weights(terms: Sequence[KeyTerm], docs: Sequence[set[str]]) -> dict[str, float]:
    """Key-term weights scaled by rarity in the evidence: a term few sentences share is what the query is about,
    and a term no sentence has is a sign the evidence does not address it."""
    n = len(docs)
    out = {}
    dfs = {t.stem: sum(1 for d in docs if t.stem in d) for t in terms}
    for t in terms:
        out[t.stem] = t.weight * math.log(2.0 + n / (dfs[t.stem] + 1.0))
        if not dfs[t.stem] and _straddles(t.stem, dfs):
            out[t.stem] = 0.0
    return out


def _straddles(gram: str, dfs: dict[str, int]) -> bool:
    """Whether a CJK bigram no evidence sentence has spans a word boundary: the query's bigram ending in its first
    character and the one starting with its second are both in the evidence ("輸出管理" is 輸出 + 管理, and "出管" is
    no word). A query written without spaces is cut into overlapping bigrams (``analyzer.cjk_content_terms``), so
    each compound adds such boundary bigrams, which a text that writes the words apart ("輸出の管理") never has: they
    are no sign that the evidence misses the topic."""
    if len(gram) != 2 or not cjk_count(gram) == 2:
        return False
    left = any(df and len(g) == 2 and g[1] == gram[0] for g, df in dfs.items())
    right = any(df and len(g) == 2 and g[0] == gram[1] for g, df in dfs.items())
    return left and right


# --------------------------------------------------------------------------------------------
# Named entities and keyword terms
# --------------------------------------------------------------------------------------------

_CAP = r"(?:[A-Z][\w’'\-.&]*[\w]|[A-Z])"
_ENTITY_RE = re.compile(rf"{_CAP}(?:\s+(?:(?:of|for|the|de)\s+)?{_CAP})*")
#: Capitalised words that never name an entity by themselves (section labels, connectives; weekdays and months
#: come from the date vocabulary).
ENTITY_NOISE = word_set("entity_noise") | frozenset(WEEKDAYS) | frozenset(m.lower() for m in MONTH_NAMES[1:])
ENTITY_SECTION_RE = re.compile(r"entit|individual|people|person|organi[sz]ation|named|actors?\b|who\b", re.I)


def _clean_entity(raw: str) -> str:
    ent = re.sub(r"[’']s$", "", raw.strip()).strip(" .,-’'")
    if keeps_period(ent) and raw.strip().endswith("."):
        ent += "."  # "Arcturus Holdings Inc.": a legal suffix's period is the name's (``name_ends``)
    words = ent.split()
    while words and (words[0].lower() in ENTITY_NOISE or words[0].lower() in STOPWORDS):
        words = words[1:]
    while words and words[-1].lower() in {"of", "for", "the", "and", "de", "on", "in"}:
        words = words[:-1]
    return " ".join(words)


def entities(text: str) -> list[tuple[str, bool]]:
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


# A name may run on through "of", "for", "de" and "the", alone or as "for the"/"of the": "Institute for the Study
# of War" is one name, not "Study of War".
_NAME_RE = re.compile(rf"{_CAP}(?:\s+(?:(?:of|for|de)\s+(?:the\s+)?|the\s+)?{_CAP})*")
_POSSESSIVE_RE = re.compile(r"[’']s$")
#: Possessives that stay inside a name ("People's Liberation Army"); any other one ends the name before it.
NAME_POSSESSIVES = word_set("name_possessives")
_ORG_WORDS = word_set("org_words")


#: Titles and roles ("Minister", "Secretary"): after one, a list of a ministry's words ends the title, and the
#: capitalised name that follows is its holder's
_TITLE_WORDS = frozenset(w.lower() for w in word_set("titles") | word_set("entity_titles"))


#: an initialism's closing dot and the capitalized name it qualifies: "U.S. Commerce Department"
_AFTER_INITIALISM_RE = re.compile(r"\.\s(?=[A-Z])")
#: a department's leading list of organisation words before "and": "Economy, Trade and " of "Economy, Trade and
#: Industry Ministry"
_LEADING_LIST_RE = re.compile(r"(?:,\s+[A-Z][a-z]+)*,?\s+and\s+(?=[A-Z])")


def _joined_run(text: str, run: str, end: int) -> tuple[str, int] | None:
    """The whole name that ``run`` (a name match ending at ``end``) opens, when punctuation cut it, as (name, end);
    None when ``run`` is whole.

    - an initialism's dot: "U.S. Commerce Department", "U.K. Foreign Office" (never before a place: "the U.S. China
      responded" is two names);
    - a department named by a list of organisation words before its head: "Economy, Trade and Industry Ministry",
      "Economy, Trade and Industry Minister Koichi Hagiuda" (the list's words and the head are organisation or title
      words; "Economy, Trade and Industry" with no head after it is left as it is).
    """
    if re.search(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$", run):
        gap = _AFTER_INITIALISM_RE.match(text, end)
        nxt = _NAME_RE.match(text, gap.end()) if gap else None
        if nxt and not _place_word(nxt.group(0).split()[0]) and not re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", nxt.group(0)):
            return f"{run}. {nxt.group(0)}", nxt.end()
        return None
    words = run.split()
    if words[-1].lower() not in _ORG_WORDS or (len(words) > 1 and not _POSSESSIVE_RE.search(words[-2])):
        return None  # the list opens with one organisation word, alone or after a possessive ("Japan's Economy, …")
    listed = _LEADING_LIST_RE.match(text, end)
    nxt = _NAME_RE.match(text, listed.end()) if listed else None
    if nxt is None:
        return None
    items = re.findall(r"[A-Za-z]+", listed.group(0))
    head = nxt.group(0).split()
    if (len(head) >= 2 and all(w.lower() in _ORG_WORDS for w in items if w != "and") and head[0].lower() in _ORG_WORDS
            and (head[1].lower() in _ORG_WORDS or head[1].lower() in _TITLE_WORDS)):
        return run + text[end:nxt.end()], nxt.end()
    return None


def _place_word(word: str) -> bool:
    return place_of_word(word) is not None


def names_in(text: str) -> list[tuple[str, bool]]:
    """Whole capitalized names in ``text`` as (name, sentence_initial), for entity lists.

    Unlike :func:`entities`, a possessive ends a name ("Japan's Minister of Economy" is "Japan", then "Minister of
    Economy") unless it belongs to one ("People's Liberation Army"), and "for the"/"of the" join a name ("Institute
    for the Study of War").
    """
    out: list[tuple[str, bool]] = []
    consumed = 0  # the end of a run extended by a list: the list's words are not names of their own
    for m in _NAME_RE.finditer(text):
        if m.start() < consumed:
            continue
        before = text[: m.start()].rstrip()
        initial = not before or before[-1] in ".!?:;\n•“\"(" or before.endswith("—")
        if text[m.end():m.end() + 1] == "$":
            continue  # "NT$3 million", "HK$": a currency's prefix, not a name
        run, end = m.group(0), m.end()
        joined = _joined_run(text, run, end)
        if joined is not None:
            run, end = joined
            consumed = end
        lead = re.match(r"\S+\s+(?:of|for|de)\s+the\s+", run)
        if initial and lead:
            # "Losses for the Chinese People's Liberation Army": a sentence's first word joined through "for the"
            # is an ordinary capitalized word; the name starts after the connector
            run, initial = run[lead.end():], False
        abbreviated = abbreviation_end(text, run, end)  # "Kanto Steel Co. Ltd", "Announcement No. 62"
        if abbreviated is not None:
            (run, end), consumed = abbreviated, abbreviated[1]
            if not run:
                continue
        listed = remit_list(text, run, end)
        if listed:
            run += listed  # "Ministry of Economy, Trade and Industry": the list is the name's end
            consumed = end + len(listed)
            holder = _NAME_RE.match(text, consumed + 1) if text[consumed:consumed + 1] == " " else None
            if holder and set(run.lower().split()) & _TITLE_WORDS:
                # "Minister of Trade, Industry and Energy Sung Yun-mo": a title's list ends the title, not the name;
                # the holder after it is part of the run (the entity list names the holder, ``terms_section.holder``)
                run += " " + holder.group(0)
                consumed = holder.end()
        pieces: list[str] = []
        current: list[str] = []
        for word in run.split():
            current.append(word)
            base = _POSSESSIVE_RE.sub("", word)
            if base != word and base.lower() not in NAME_POSSESSIVES:
                pieces.append(" ".join(current))
                current = []
        if current:
            pieces.append(" ".join(current))
        for k, piece in enumerate(pieces):
            name = _clean_entity(piece)
            if not name:
                continue
            last = k == len(pieces) - 1 and not listed
            if last and re.search(r"\b(?:[A-Z]\.)+[A-Z]$", name) and text[end: end + 1] == ".":
                name += "."  # an initialism keeps its last dot: "U.S.", not "U.S"
            first = initial and k == 0 and piece.startswith(name)
            out.append((name, first))
    return out


#: Words that never make a keyword/tag on their own, and words a tag never holds (verbs, prepositions).
_TERM_LIGHT = word_set("term_light")
#: Finite verbs: one inside a phrase makes it a cut clause ("control system began"), not a theme.
FINITE_VERBS = word_set("irregular_past") | word_set("reporting_verbs") | word_set("speech_verbs")
#: One-word adjectives: a tag names a thing, "economic" or "sensitive" alone name nothing.
_ADJECTIVE_RE = re.compile(r"(?:ical|ional|cial|tial|ic|ive|ous|ful)$")
#: Reflexive pronouns ("themselves", "itself"): the lexicon does not know them, and they name no theme.
_REFLEXIVE_RE = re.compile(r"(?:my|your|him|her|it|one|our|them)sel(?:f|ves)")


NOUNS = frozenset({"NOUN", "PROPN"})
#: Words that open a noun phrase ("an", "the", "their"): after a verb's -ing form, its object.
DETERMINERS = word_set("determiners")


@lru_cache(maxsize=100_000)
def lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """LemmInflect's lemmas of an English word by part of speech ({"NOUN": ("company",), "VERB": (...)}, Universal POS
    tags), read once per lower-cased word (the lexicon lookup is the slow part of tagging); empty for a word it does
    not know (a name, jargon: "Huawei", "cyber"). Do not mutate the returned dict: it is shared by the cache."""
    from lemminflect import getAllLemmas  # ~0.3 s with its lexicon: only when a brief's tags are made

    return {pos: tuple(forms) for pos, forms in getAllLemmas(word.lower()).items()}


def word_classes(word: str) -> frozenset[str]:
    """The parts of speech an English word can have in LemmInflect's lexicon ({"NOUN", "VERB", "ADJ", "ADV", ...},
    Universal POS tags); empty for a word the lexicon does not know (a name, jargon: "Huawei", "cyber", "dual-use")."""
    return frozenset(lemmas(word.lower()))


def can_be_noun(word: str) -> bool:
    """Whether ``word`` can name a thing: a noun reading in the lexicon, or a word it does not know."""
    classes = word_classes(word)
    return not classes or bool(classes & NOUNS)


def is_plural_noun(word: str) -> bool:
    """Whether ``word`` is a noun's plural ("companies", "firms"; not "news", "chip"), from the cached lemmas."""
    low = word.lower()
    return any(lemma != low for lemma in lemmas(low).get("NOUN", ()))


def _ing_verb(word: str) -> bool:
    part = word.lower().split("-")[-1]  # "light-emitting" is an -ing form, "cyber-attacks" a noun
    return part.endswith("ing") and "VERB" in word_classes(part)


def participle_clause(gram: list[str], following: str | None, *, initial: bool) -> bool:
    """Whether a phrase holds a verb's -ing form that heads a reduced clause, not a compound noun ("chip
    manufacturing", "export licensing", "Chinese hacking group"): the word before it is a plural ("Companies
    exporting", "foreign enterprises halting shipments"); or, for an -ing form ending the phrase, the word before is a
    name (capitalized inside its stretch of text: "Japan exporting") or no noun ("organic light-emitting"), or the
    verb goes on to its object ("project creating [an]", "law targeting [foreign]"). ``following`` is the word after
    the phrase (None at the end of its stretch); ``initial`` whether the phrase opens its stretch."""
    for k in range(1, len(gram)):
        if not _ing_verb(gram[k]):
            continue
        before = gram[k - 1]
        if is_plural_noun(before):
            return True
        if k < len(gram) - 1:
            # inside the phrase the -ing word modifies the head after it ("semiconductor manufacturing equipment",
            # "Chinese hacking group", "recent shocking news")
            continue
        named = _is_cap(before) and not (initial and k == 1)  # "Cloud computing" opening a sentence is no name
        if named or not can_be_noun(before.split("-")[-1]):
            return True
        nxt = (following or "").lower()
        if nxt in DETERMINERS:
            return True
        # a word that cannot be a verb after the phrase is the verb's object ("targeting foreign suppliers"); one that
        # can be may be the sentence's verb ("chip smuggling rose") or a longer compound's head ("drug trafficking case")
        classes = word_classes(nxt) if nxt else frozenset()
        if nxt and nxt not in STOPWORDS and classes and "VERB" not in classes:
            return True
    return False


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _in_name(token: str) -> bool:
    """A neighbour that carries a name on: capitalized and not a function word ("The", "In")."""
    return _is_cap(token) and token.lower() not in STOPWORDS


def ngrams(text: str, n_max: int = 3) -> list[str]:
    """Noun-ish 1-3 word phrases within punctuation-free stretches of ``text``: no stopword or verb inside, no
    lone adjective, and never part of a longer capitalized name ("channels involving Gene" of "Gene Raymond",
    "States acting alone" of "United States")."""
    out: list[str] = []
    for segment in re.split(r"[.,;:!?()\[\]“”\"‘’'—–/|•·]+|\s-\s", text):
        toks = re.findall(r"[A-Za-z][A-Za-z\-]*[A-Za-z]|[A-Za-z]", segment)
        for n in range(1, n_max + 1):
            for i in range(len(toks) - n + 1):
                gram = toks[i : i + n]
                low = [g.lower() for g in gram]
                if low[0] in STOPWORDS or low[-1] in STOPWORDS or len(low[0]) < 3 or len(low[-1]) < 3:
                    continue
                if any(w in STOPWORDS or w in _TERM_LIGHT for w in low):
                    continue
                if re.search(r"(?:ing|ed|ly)$", low[0]) or re.search(r"(?:ed|ly)$", low[-1]):
                    continue  # verbs and adverbs, not topics
                # a past or reporting verb ("Japan found themselves", "suggests Beijing", "system began shifting")
                if any(w in FINITE_VERBS for w in low):
                    continue
                # a phrase that starts or ends inside a capitalized name is a piece of the name
                if (_is_cap(gram[0]) and i > 0 and _in_name(toks[i - 1])) or (
                        _is_cap(gram[-1]) and i + n < len(toks) and _in_name(toks[i + n])):
                    continue
                if n == 1 and (low[0] in QUESTION_LIGHT or len(low[0]) < 4 or _ADJECTIVE_RE.search(low[0])
                               or _REFLEXIVE_RE.fullmatch(low[0])):
                    continue
                # a tag names a thing: its head (last word) can be a noun ("longer", "major", "important",
                # "already", "reduce" alone name nothing; "policy important" is a cut clause), an -ing head only
                # as a compound's ("chip manufacturing", never "Companies exporting")
                if n > 1 and participle_clause(gram, toks[i + n] if i + n < len(toks) else None, initial=i == 0):
                    continue
                head = low[-1].split("-")[-1]
                if not (n > 1 and _ing_verb(head)) and not can_be_noun(head):
                    continue
                # a phrase led by a word that can only be a verb is an action ("reduce reliance", "prevent leaks")
                if n > 1 and (classes := word_classes(low[0])) and classes <= {"VERB", "AUX", "ADV"}:
                    continue
                out.append(" ".join(gram))
    return out


def contains_words(haystack: str, needle: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None
