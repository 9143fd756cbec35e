"""Details a claim adds that its passage does not hold: the *extrinsic* error of abstractive summaries.

Most unfaithful XSum summaries add a plausible detail the article never states (Maynez et al., "On Faithfulness
and Factuality in Abstractive Summarization", ACL 2020): a person's role or age, a place, a time, a cause, a count,
a superlative, an evaluative word. The claim's other words restate the passage, so the novelty share stays low;
what gives the addition away is *where* the new words sit. ``added_details`` reads four such places, each word
judged new against the whole passage (``facts.word_covered``: literally, by stem or through the paraphrase
lexicon), so a word a faithful claim moves in from another sentence is not an addition; figures are the number
checks' (``number_fail``):

* ``modifier``: one to three new adjective-like words (an adjective, an "-ing" form, a form the lemma tables lack:
  "iconic") between two claim words that stand side by side in the passage, the right one a content word or a
  figure ("a dismal 4-13 season" for "a 4-13 season", "Brooklyn's iconic Barclays Center");
* ``title``: descriptor words right before a name the passage gives, holding a role word (``titles.txt`` and
  ``data/added_details.toml``) or an age ("Four-time major champion Rory McIlroy", "the 30-year-old Samuel
  Bankman-Fried"), read by ``word_class``;
* ``apposition``: a noun phrase set off by a comma after a name, whose content words are mostly new ("Tom Vilsack,
  a former governor of Iowa, said"; a coordinated part is read alone: "..., a director at Twitter and a former
  startup founder,"); a lone common noun is no detail;
* ``superlative``: an adjective in "-st" whose lemminflect adjective lemma differs ("largest", "worst", not
  "modest"), "the most" or "most <adjective>", in a claim over a passage that uses none ("biggest" for the
  passage's "largest" is a paraphrase's choice).

A fifth reading, ``clause``, takes the clauses a reworded claim sets beside what it restates: a relative clause
after a comma, an opening evaluative phrase ("In a rare rebuke,"), a cause ("because ...", "after ..."), each a
detail when at least two of its content words, and most of them, are new (h/checker-s65).

Their count is the model input ``added_modifier`` (``features.py``). A sixth reading, new prepositional and causal
phrases ("in Nassau", "to announce wildfire funding"), was measured and dropped: as a second input its refit lost
FactCC balanced accuracy under the ship rule (evals/README.md, h/checker-s29)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from rag.support.named_appositions import restated_ages
from rag.support.data_files import data_table
from rag.support.facts import TextIndex, word_covered
from rag.support.lexicon import LIGHT_WORDS, NUMBER_WORDS, STOPWORDS, TITLES
from rag.support.word_class import ADJ, ADV, NOUN, VERB, readings, word_class
from rag.text.dates import MONTH_NAMES, WEEKDAYS
from rag.text.lexicon import word_set

_DATA = data_table("added_details")
_APPOSITION_OPENERS = frozenset(_DATA["apposition"]["openers"])  # "a", "an", "the", "former", ...
_SPLITTERS = frozenset(_DATA["apposition"]["splitters"])  # "and", "who": a coordinated part is read alone
_ROLES = TITLES | frozenset(_DATA["title"]["roles"])  # a descriptor before a name names a role with one of these
_DETERMINERS = word_set("determiners")
_ARTICLES = {"an": "a"}  # "an ambitious platform" rests on "a platform"
_MAX_RUN = 3  # words a modifier run may hold
_MAX_TITLE = 4  # descriptor words read before a name
_NOVEL_SHARE = 0.6  # an apposition is an addition when this share of its content words is new
_RELATIVES = frozenset(_DATA["clause"]["relatives"])  # ", which ...": a non-restrictive relative clause
_OPENER_PREPOSITIONS = frozenset(_DATA["clause"]["opener_prepositions"])  # "In a surprise move,"
_CAUSES = frozenset(_DATA["clause"]["causes"])  # "because ...", "after ..."
_CLAUSE_NEW = 2  # new content words a clause must hold to be a detail (one is often a paraphrase's word)
_MAX_OPENER = 6  # words of an opening phrase, at most ("In a major blow to the government,")
_CALENDAR = frozenset(m.lower() for m in MONTH_NAMES if m) | frozenset(w.lower() for w in WEEKDAYS)
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_BREAK_RE = re.compile(r"[,;:.!?()\"“”—–]")


@dataclass(frozen=True)
class Token:
    """A claim word: its text as written, lower-cased form, and whether punctuation precedes it."""

    text: str
    low: str
    start: int
    end: int
    broken: bool  # punctuation between this token and the one before
    hyphened: bool = False  # joined to the one before by a hyphen ("won" of "Tae-won")


@dataclass(frozen=True)
class AddedDetail:
    """One added detail: its kind (``modifier``, ``title``, ``apposition``, ``superlative``, ``relative clause``,
    ``opener``, ``cause``) and the
    new words, as the claim writes them."""

    kind: str
    words: tuple[str, ...]

    def describe(self) -> str:
        return f"{self.kind} '{' '.join(self.words)}'"



def _tokens(text: str) -> list[Token]:
    out: list[Token] = []
    prev_end = 0
    for m in _WORD_RE.finditer(text):
        low = m.group(0).lower().replace("’", "'")
        gap = text[prev_end : m.start()]
        out.append(Token(m.group(0), _ARTICLES.get(low, low), m.start(), m.end(), bool(_BREAK_RE.search(gap)),
                         bool(out) and gap == "-"))
        prev_end = m.end()
    return out


@lru_cache(maxsize=256)
def _bigrams(passage: str) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of the passage (lower case, "an" read as "a"), also across a possessive's "'s"."""
    toks = [t.low for t in _tokens(passage)]
    pairs = set(zip(toks, toks[1:]))
    pairs |= {(a[:-2], b) for a, b in pairs if a.endswith("'s")}
    return frozenset(pairs)


def _content(word: str) -> bool:
    return len(word) > 1 and word not in STOPWORDS and word not in LIGHT_WORDS


def _new(word: str, full: TextIndex) -> bool:
    """A content word the passage holds in no form (``word_covered``); a bare number the passage lacks."""
    w = word[:-2] if word.endswith("'s") else word
    if w.isdigit() or w in NUMBER_WORDS:  # a figure is the number checks' (``number_fail``)
        return False
    return _content(w) and not word_covered(w, full)


def _modifier_word(word: str) -> bool:
    """A word that can describe a noun: a determiner, an adjective (an adverb reading besides: "overnight"), an
    "-ing" form or a form the tables lack ("iconic"); not a preposition, a noun, a verb or an adverb alone ("for",
    "peak", "hurt", "widely"). An "-ed" form describes only after an "-ly" adverb (``_participle_after_adverb``)."""
    r = readings(word)
    return word in _DETERMINERS or not r or r <= {ADJ, ADV} or (word.endswith("ing") and VERB in r)


def _participle_after_adverb(run: list[Token]) -> bool:
    """An "-ly" adverb and the "-ed" verb form it qualifies ("the newly elected mayor", "the recently appointed
    coach"); an "-ed" form alone is as often the claim's predicate ("gunfire in Philadelphia killed three") or a
    hedge the passage words otherwise ("a suspected hypersonic vehicle")."""
    return (len(run) == 2 and run[0].low.endswith("ly") and ADV in readings(run[0].low)
            and run[1].low.endswith("ed") and VERB in readings(run[1].low))


def _is_name(tok: Token, first: bool) -> bool:
    return tok.text[:1].isupper() and not first


def _superlative(word: str) -> bool:
    lemmas = getAllLemmas(word).get(ADJ, ())
    return word.endswith("st") and bool(lemmas) and word not in lemmas  # "largest", "worst" (of "bad")


def modifiers(toks: list[Token], passage: str, full: TextIndex) -> list[AddedDetail]:
    """New runs of one to three words between two claim words that are adjacent in the passage."""
    pairs = _bigrams(passage)
    out = []
    for i in range(1, len(toks) - 1):
        for n in range(1, _MAX_RUN + 1):
            j = i + n  # the run is toks[i:j], flanked by toks[i-1] and toks[j]
            if j >= len(toks):
                break
            left, right = toks[i - 1].low, toks[j].low
            if toks[j].broken or any(t.broken for t in toks[i : j]):
                break
            if not (_content(right) or right.isdigit()) or (left, right) not in pairs:
                continue
            run = toks[i:j]
            if ((all(_modifier_word(t.low) and not t.text[:1].isupper() for t in run) or _participle_after_adverb(run))
                    and any(_new(t.low, full) for t in run)):
                out.append(AddedDetail("modifier", tuple(t.text for t in run)))
                break
    return out


def titles(toks: list[Token], full: TextIndex) -> list[AddedDetail]:
    """New descriptor words (nouns, adjectives, numbers, capitalised words) right before a name the passage
    gives ("champion Rory McIlroy"); a verb reading stops the reading ("to succeed Bill")."""
    out = []
    for i, tok in enumerate(toks):
        if not (_is_name(tok, i == 0) and not _new(tok.low, full) and i > 0 and not tok.broken):
            continue
        if toks[i - 1].text[:1].isupper() and not _new(toks[i - 1].low, full):
            continue  # the name's own first word ("Tom" of "Tom Vilsack")
        if tok.low in _CALENDAR:
            continue
        run: list[Token] = []
        k = i - 1
        lows = [t.low for t in toks]
        while k >= 0 and len(run) < _MAX_TITLE and not toks[k + 1].broken:
            w = toks[k].low
            if w in STOPWORDS or not (w.isdigit() or toks[k].text[:1].isupper()
                                      or word_class(lows, k) in (NOUN, ADJ)):
                break
            run.insert(0, toks[k])
            k -= 1
        new = [t for t in run if _new(t.low, full)]
        if any(t.low in _ROLES or t.low == "old" for t in new):
            out.append(AddedDetail("title", tuple(t.text for t in run)))
    return out


def appositions(toks: list[Token], full: TextIndex) -> list[AddedDetail]:
    """A noun phrase set off by a comma after a name ("Vilsack, a former governor of Iowa,"), read part by part
    (``splitters``), that is mostly new."""
    out = []
    for i in range(1, len(toks)):
        if not (toks[i].broken and toks[i].low in _APPOSITION_OPENERS and _ends_name(toks, i - 1)):
            continue
        part: list[Token] = []
        k = i
        while k < len(toks) and (k == i or not toks[k].broken):
            if toks[k].low in _SPLITTERS and part:
                out += [] if _list_item(part) else _mostly_new(part, full, "apposition")
                part = []
                if toks[k].low not in ("and", "or"):
                    break  # a relative clause ("who declared ...") is a statement, not a description
            else:
                part.append(toks[k])
            k += 1
        out += [] if _list_item(part) else _mostly_new(part, full, "apposition")
    return out


def _ends_name(toks: list[Token], i: int) -> bool:
    """Does ``toks[i]`` end a name: capitalised, or the lower-case end of a hyphened one ("Chey Tae-won, a ...")?"""
    return toks[i].text[:1].isupper() or (i > 0 and toks[i].hyphened and toks[i - 1].text[:1].isupper())


def _list_item(part: list[Token]) -> bool:
    """A part of names only, not opened by "a"/"an", is a list's next item, not a description ("Twitter, the UN and
    outlets such as CNN"; "Hochul, a Democrat," describes): a name the passage lacks is the entity checks'."""
    words = [t for t in part if _content(t.low)]
    return bool(words) and all(t.text[:1].isupper() for t in words) and part[0].low not in ("a", "an")


def _mostly_new(part: list[Token], full: TextIndex, kind: str) -> list[AddedDetail]:
    """``part``'s new words as one detail when they are ``_NOVEL_SHARE`` of its content words. One new word alone is
    a detail when it names something (capitalised) or a role; a common noun alone is as often a paraphrase's."""
    words = [t for t in part if _content(t.low)]
    new = [t for t in words if _new(t.low, full)]
    if not new or len(new) < _NOVEL_SHARE * len(words):
        return []
    if len(new) == 1 and not (new[0].text[:1].isupper() or new[0].low in _ROLES):
        return []
    return [AddedDetail(kind, tuple(t.text for t in new))]


@lru_cache(maxsize=256)
def _uses_superlatives(text: str) -> bool:
    return bool(re.search(r"\b(?:most|least)\b", text)) or any(_superlative(w) for w in set(_WORD_RE.findall(text)))


def superlatives(toks: list[Token], full: TextIndex) -> list[AddedDetail]:
    """Superlatives the passage does not use: "-est" adjectives, "the most", "most <adjective or adverb>"."""
    if _uses_superlatives(full.lower_text):
        return []  # "biggest" for the passage's "largest": which superlative is the paraphrase's choice
    out = []
    for i, tok in enumerate(toks):
        if tok.low in ("most", "least") and i > 0 and toks[i - 1].low == "at":
            continue  # "at most", "at least": a bound on a figure, the number checks' ("$5 billion a year at most")
        if _superlative(tok.low) and tok.low not in ("most", "least"):  # "most" is read below: "most of" counts
            out.append(AddedDetail("superlative", (tok.text,)))
        elif tok.low in ("most", "least"):
            nxt = toks[i + 1].low if i + 1 < len(toks) else ""
            after_the = i > 0 and toks[i - 1].low == "the"
            if after_the or ({ADJ, ADV} & readings(nxt)):
                # the graded word is shown with it ("most advanced"), a function word is not ("the most under")
                shown = toks[i : i + 1 + (bool(nxt) and nxt not in STOPWORDS)]
                out.append(AddedDetail("superlative", tuple(t.text for t in shown)))
    return out


def clauses(toks: list[Token], full: TextIndex) -> list[AddedDetail]:
    """Clauses set beside what a claim restates, read as one detail each when ``_CLAUSE_NEW`` or more of their
    content words are new and they are ``_NOVEL_SHARE`` of its content words: a relative clause after a comma
    (", which has struggled with falling gas prices"), an evaluative opener ("In a rare rebuke,") and a cause or
    circumstance ("because investors feared a cut", "after pilots walked out over pay"), each up to the next
    punctuation. The unfaithful XSum summaries' inventions in reworded clauses (Maynez et al. 2020: causes,
    evaluations, added background)."""
    out = []
    if len(toks) > 3 and toks[0].low in _OPENER_PREPOSITIONS and toks[1].low == "a":
        k = 2
        while k < len(toks) and not toks[k].broken and k <= _MAX_OPENER:
            k += 1
        if k < len(toks) and toks[k].broken:
            out += _new_clause(toks[1:k], full, "opener")
    for i, tok in enumerate(toks):
        if i == 0 or not (tok.low in _RELATIVES and tok.broken or tok.low in _CAUSES):
            continue
        k = i + 1
        while k < len(toks) and not toks[k].broken:
            k += 1
        out += _new_clause(toks[i + 1 : k], full, "relative clause" if tok.low in _RELATIVES else "cause")
    return out


def _new_clause(part: list[Token], full: TextIndex, kind: str) -> list[AddedDetail]:
    """``part``'s new words as one detail when there are ``_CLAUSE_NEW`` or more and they are ``_NOVEL_SHARE`` of
    its content words (a name among them is the entity checks' as well)."""
    words = [t for t in part if _content(t.low)]
    new = [t for t in words if _new(t.low, full)]
    if len(new) < _CLAUSE_NEW or len(new) < _NOVEL_SHARE * len(words):
        return []
    return [AddedDetail(kind, tuple(t.text for t in new))]


def added_details(claim: str, passage: str, full: TextIndex) -> list[AddedDetail]:
    """The details ``claim`` adds to ``passage`` (``full``: the passage's ``facts.index_text``), each new word
    counted once, in the order superlative, modifier, title, apposition, clause."""
    toks = _tokens(claim)
    seen: set[str] = set()
    out = []
    aged = restated_ages(claim, passage)  # "a 49-year-old national" over "a national, 49,": the passage's age
    for found in (superlatives(toks, full), modifiers(toks, passage, full), titles(toks, full),
                  appositions(toks, full), clauses(toks, full)):
        for d in found:
            if d.kind == "title" and aged and all(w.lower() in aged for w in d.words):
                continue
            fresh = tuple(w for w in d.words if w.lower() not in seen)
            if fresh and any(_new(w.lower(), full) or d.kind == "superlative" for w in fresh):
                seen.update(w.lower() for w in fresh)
                out.append(AddedDetail(d.kind, fresh))
    return out


def added_detail_signal(claim: str, passage: str, full: TextIndex) -> tuple[float, str | None]:
    """(``added_modifier``: how many details ``added_details`` reads, reason or None)."""
    found = added_details(claim, passage, full)
    said = "; ".join(d.describe() for d in found[:3])
    return float(len(found)), ("added detail the passage does not give: " + said) if found else None
