"""Edits of a near-copied claim: the words a claim changes or inserts in a sentence it otherwise copies.

Summaries and briefs often copy a source sentence and change one span: a name from elsewhere in the article
("Erika Langhart was looking forward ..." for "Karen Langhart ..."), a number, a speaker ("he says" put in front
of a sentence nobody is quoted saying). A paraphrase rewords everything, so a missing word says little; a
near-copy that swaps one word says a lot. The claim's tokens are aligned in order with the window's
(``difflib.SequenceMatcher``); when at least ``NEAR_COPY`` of the claim aligns, every replaced or inserted span
whose content words the window does not cover (stem, prefix or synonym; ``facts.word_covered``) is an edit.
Deleting window words (compression) is never an edit.

A number is aligned as one token standing for the amount ``rag.text.numbers`` reads ("$35.1 billion",
"35.1 billion dollars" and "US$35.1bn" are the same token), so writing an amount another way is not an edit;
a changed amount is a different token and is one. An amount that states no currency or unit matches the other
side's equal amount that does ("35.1 billion" for "$35.1 billion"), as the number checks compare them
(``numbers.same_kind``).

Two rewordings are not edits: a negation said another way, where both spans negate and neither adds a content
word ("declined to comment" for "said it had no comment", "has not yet approved" for "has yet to approve"), and
a replaced span whose content words are all synonyms or forms of the words they replace (``facts.word_covered``
against the replaced words only: "authorised" for "approved"; a word taken from elsewhere stays an edit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple, Sequence

from rag.support.facts import TextIndex, spelled_amounts, word_covered, word_index
from rag.support.lexicon import DENIAL_SYNONYMS, LIGHT_WORDS, NEGATIVE_PHRASES, NEGATIVE_VERBS, NEGATORS, STOPWORDS
from rag.support.metonymy import keyed, place_key, place_token, token_covered_by
from rag.support.org_names import reworded_name
from rag.support.appositions import restated_titles
from rag.support.named_appositions import restated_ages, restated_holdings, restated_names
from rag.support.measure_order import moved_measure
from rag.text.initials import initials_of
from rag.support.referring import referring_opening, refers_to
from rag.support.role_holders import appositive_copula
from rag.text.dates import MONTH_NAMES, WEEKDAYS
from rag.text.lexicon import word_list, word_set
from rag.text.numbers import Quantity, same_kind
from rag.text.tables import column_name_words
from rag.support.mentions import place_mentions, quantities

#: Share of claim tokens aligned in order with the window for the claim to count as a near-copy (0..1).
NEAR_COPY = 0.5
#: A claim this close to a copy (but not a pure copy or compression) has been edited: on the fit rows, 75 of the
#: 83 own claims and 32 of the 38 FactCC claims with an aligned share in [0.75, 1) are unsupported, while pure
#: copies and compressions (share 1) are supported 95 of 120 times (evals/README.md, checker section).
EDITED_COPY = 0.75
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_GLUED_RE = re.compile(r"['’]?[^\W_]")
_DECADE_RE = re.compile(r"\d['’]?s$")
_PRONOUNS = word_set("pronouns")
_COPULAS = frozenset("is was are were has had been remains became".split())
#: "the changes", "these measures": a noun standing for what an earlier sentence named (``anaphora_nouns.txt``)
ANAPHORA_NOUN_RE = re.compile(r"(?:" + "|".join(word_list("anaphora_nouns")) + r")")
BACK_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})
_REPORTING = word_set("reporting_verbs") | word_set("speech_verbs")
_PERIODS = frozenset(m.lower() for m in MONTH_NAMES if m) | frozenset(d.lower() for d in WEEKDAYS)  # dates, not names
_SCOPE = word_set("scope_words")
#: Words that make a span negate: negators, negative verbs ("declined"), the first words of negative phrases ("yet").
_NEGATION_CUES = NEGATORS | NEGATIVE_VERBS | frozenset(p[0] for p in NEGATIVE_PHRASES)


@dataclass(frozen=True)
class Edit:
    """One changed span: the claim's words and what the window has in their place (empty for an insertion)."""

    claim: tuple[str, ...]
    window: tuple[str, ...]
    new: tuple[str, ...]  # the claim's content words there that the window does not cover

    def describe(self) -> str:
        """Reader-facing text: "'erika' for 'karen'" or "'he says' added"."""
        said = " ".join(self.claim[:5])
        if not self.window:
            return f"'{said}' added"
        return f"'{said}' for '{' '.join(self.window[:5])}'"


def _words(text: str) -> list[str]:
    words = [w.replace("’", "'") for w in _TOKEN_RE.findall(text.lower())]
    # "Hong Kong's government": a possessive is no edit; "the 1970's" is a decade, not the year 1970
    return [w[:-2] if w.endswith("'s") and not w[:-2].isdigit() else w for w in words]


def _amount_key(qs: list[Quantity]) -> str:
    """The token an amount aligns as: its value(s), currency and unit ("#3.51e+10|USD|")."""
    return "#" + "-".join(f"{q.value:.9g}" for q in qs) + f"|{qs[0].currency or ''}|{qs[0].unit or ''}"


def _segment_words(segment: str) -> tuple[list[str], list[str]]:
    """(keys, shown) of a stretch of text without amounts: its words, each place mention one place token
    (``metonymy.keyed``) shown as written."""
    keys = _words(keyed(segment))
    surfaces = iter(m.surface.lower() for m in place_mentions(segment))
    return keys, [next(surfaces, w) if place_key(w) else w for w in keys]


@lru_cache(maxsize=2048)  # a claim and its window sentences are read by several signals
def _tokens(text: str) -> tuple[list[str], list[str], list[list[Quantity]]]:
    """(keys, shown, amounts): the words of ``text`` with each amount as one key token (``_amount_key``) and each
    place mention as one token for its place (``metonymy``: "Seoul" and "South Korea" alike), the words as
    written (an amount's or a place's whole span) and, per token, the quantities it stands for ([] for a word).
    Places are read between the amounts, so "US$35bn" stays one amount."""
    spans: dict[tuple[int, int], list[Quantity]] = {}
    for q in (*quantities(text), *spelled_amounts(text)):  # "$5bn" and "five billion dollars" are one key
        spans.setdefault((q.start, q.end), []).append(q)
    keys: list[str] = []
    shown: list[str] = []
    amounts: list[list[Quantity]] = []
    pos = 0
    for (start, end), qs in sorted(spans.items()):
        if start < pos or _GLUED_RE.match(text, end) or (start and text[start - 1].isalnum()) \
                or _DECADE_RE.search(text, start, end):
            continue  # overlapping readings keep the first; "1970s", "the 1970's" or "A380" is a word, not an amount
        words, said = _segment_words(text[pos:start])
        keys += words
        shown += said
        amounts += [[] for _ in words]
        keys.append(_amount_key(qs))
        shown.append(text[start:end].lower())
        amounts.append(qs)
        pos = end
    words, said = _segment_words(text[pos:])
    return keys + words, shown + said, amounts + [[] for _ in words]


def aligned_tokens(claim: str, window: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(claim keys, claim words as written, window keys, window words), read-only: lower-case words, each amount
    one key token "#<value(s)>|<currency>|<unit>"; a claim amount equal to one of the window's takes the window's
    key."""
    return _aligned_tokens(claim, window)


def _same_amount(a: list[Quantity], b: list[Quantity]) -> bool:
    return len(a) == len(b) and all(
        abs(x.value - y.value) <= 1e-9 * max(abs(x.value), abs(y.value)) and same_kind(x, y) for x, y in zip(a, b))


@lru_cache(maxsize=2048)  # a claim and each window sentence are aligned by a dozen signals
def _aligned_tokens(claim: str, window: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(claim keys, claim words as written, window keys, window words), read-only: a claim amount equal to one
    of the window's (one side not stating the currency or unit) takes the window's key."""
    ck, cs, ca = (list(v) for v in _tokens(claim))  # copies: the cached lists are shared
    wk, ws, wa = (list(v) for v in _tokens(window))
    wkeys = set(wk)
    for i, qs in enumerate(ca):
        if qs and ck[i] not in wkeys:
            ck[i] = next((wk[j] for j, other in enumerate(wa) if other and _same_amount(qs, other)), ck[i])
    window_places = [k for k in (place_key(t) for t in wk) if k]
    for i, t in enumerate(ck):  # "Korea" for the window's "Seoul" names it; "South Korea" for "Korea" does not
        key = place_key(t)
        if key and t not in wkeys:
            ck[i] = next((place_token(f).lower() for f in window_places if token_covered_by(key, [f])), t)
    return tuple(ck), tuple(cs), tuple(wk), tuple(ws)


class Matched(NamedTuple):
    """A claim's tokens aligned in order with a window's (``difflib.SequenceMatcher``, no junk heuristic)."""

    ct: tuple[str, ...]  # claim keys
    cshown: tuple[str, ...]  # claim words as written
    wt: tuple[str, ...]  # window keys
    wshown: tuple[str, ...]  # window words as written
    blocks: tuple  # matching blocks (the last one of size 0)
    opcodes: tuple  # (op, i1, i2, j1, j2) turning the claim into the window

    @property
    def share(self) -> float:
        """Share of claim tokens aligned (0 for an empty claim)."""
        return sum(b.size for b in self.blocks) / len(self.ct) if self.ct else 0.0


@lru_cache(maxsize=2048)
def matched(claim: str, window: str) -> Matched:
    """The alignment of ``claim`` with ``window`` that the copy, name and noun signals all read, computed once
    per pair (``aligned_tokens`` keys; empty blocks and opcodes when the claim has no token)."""
    ct, cs, wt, ws = _aligned_tokens(claim, window)
    if not ct:
        return Matched(ct, cs, wt, ws, (), ())
    sm = SequenceMatcher(None, ct, wt, autojunk=False)
    return Matched(ct, cs, wt, ws, tuple(sm.get_matching_blocks()), tuple(sm.get_opcodes()))


def token_covered(token: str, index: TextIndex) -> bool:
    """Is a claim token (a word or a place token, ``metonymy``) in the text ``index`` reads: a word as
    ``facts.word_covered`` has it, a place when the text names it or a narrower case of it."""
    key = place_key(token)
    if key:
        return token_covered_by(key, index.facts.countries)
    return word_covered(token, index)


def _content(word: str) -> bool:
    # an amount (key "#...") is left to the number checks, as bare digits always were
    return len(word) > 1 and word not in STOPWORDS and word not in LIGHT_WORDS and not word.isdigit() \
        and not word.startswith("#")


def _negates(words: list[str]) -> bool:
    """True when a span negates and has no content word besides its negation cues ("declined to", "said it had no")."""
    return any(w in _NEGATION_CUES for w in words) and all(
        w in _NEGATION_CUES or w in STOPWORDS or w in LIGHT_WORDS for w in words)


def _function_only(claim: list[str], window: list[str]) -> bool:
    """True when a claim span of function words stands for window function words, a reporting frame ("will" for
    "said it would") or a longer stretch it compresses ("for" joining two copied sentences): no negation or scope
    word on either side, no pronoun the window span lacks ("he" for "she" stays an edit)."""
    if not all(w in STOPWORDS and w not in _NEGATION_CUES for w in claim) or {w for w in claim if w in _PRONOUNS} - set(window):
        return False
    if any(w in _NEGATION_CUES or w in _SCOPE for w in window):
        return False
    # function words for a longer stretch: a compression ("for" in place of ". The price of the deal was")
    return len(window) > len(claim) + 2 or all(w in STOPWORDS or w in LIGHT_WORDS for w in window)


def rewording(claim: list[str], window: list[str]) -> bool:
    """True when a replaced span says the window's words another way: both negate with no content word added
    ("declined to" for "said it had no"), function words for function words or a reporting frame ("will" for
    "said it would"), or every claim content word is a synonym or form of a replaced window word ("authorised"
    for "approved"). A claim amount or place never counts (the number checks judge amounts; another place is
    another place); a window amount may be among the words a compression leaves out ("will" for "said it would
    invest five billion dollars in the plant and")."""
    if not claim or not window or any(w.startswith("#") or place_key(w) for w in claim):
        return False  # a claim amount is the number checks'; a place replaced by another is another place
    if _negates(claim) and _negates(window) or _function_only(claim, window):
        return True
    content = [w for w in claim if _content(w)]
    if not content or _negation_cued(claim) != _negation_cued(window):
        return False
    replaced = word_index(" ".join(window))
    return all(word_covered(w, replaced) for w in content)


def _negation_cued(words: list[str]) -> bool:
    """Whether a span negates or denies: a negator, a negative verb, or a denial verb ("rebuffed the claims" for
    "strongly denied the claims", ``data/denials.toml`` synonyms: both spans deny, so neither adds a negation)."""
    return any(w in _NEGATION_CUES or w in DENIAL_SYNONYMS for w in words)


def moved_frame(claim: list[str], window: str) -> bool:
    """True when a claim-only span is an attribution frame the window has elsewhere: a reporting verb and the
    speaker's words, which the window writes right before a reporting verb ("X, Amnesty International alleges"
    for "Amnesty International says X") or right after one at a clause end ("..., says Ward."; not "police said
    Jackie refused", where Jackie is the reported subject)."""
    if not any(w in _REPORTING for w in claim):
        return False
    who = [w for w in claim if w not in _REPORTING and w not in STOPWORDS]
    if not who:  # the verb alone moved ("ward says" for "says Ward"); not a pronoun's frame ("he says")
        toks = _frame_tokens(window)
        return not any(w in _PRONOUNS for w in claim) and all(w in toks for w in claim if w in _REPORTING)
    toks = _frame_tokens(window)
    n = len(who)
    for i in range(len(toks) - n + 1):
        if [t for t in toks[i : i + n]] != who:
            continue
        after = toks[i + n] if i + n < len(toks) else "."
        before = toks[i - 1] if i else "."
        if after in _REPORTING or before in _REPORTING and not after[:1].isalnum():
            return True
    return False


@lru_cache(maxsize=256)
def _frame_tokens(text: str) -> list[str]:
    """Lower-case words (possessive dropped) and punctuation marks of ``text``."""
    return [w[:-2] if w.endswith("'s") else w for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]", text.lower().replace("’", "'"))]


def same_written(claim: list[str], window_shown: list[str]) -> bool:
    """True when a claim span is the window span's words as written, in another case: "u.s." for the place token
    of "U.S." (a lower-case claim does not read as a place)."""
    return bool(claim) and list(claim) == [w for s in window_shown for w in _words(s)]


def _negation_moved(claim: list[str], window: list[str], at: int) -> bool:
    """A claim-only span that only negates, where the window negates within three tokens of the same place or
    has the same cue elsewhere: "has [not] yet approved" for "has yet to approve", "published ... [yet]"."""
    return _negates(claim) and (any(w in _NEGATION_CUES for w in window[max(0, at - 3) : at + 3])
                                or all(w in window for w in claim if w in _NEGATION_CUES))


class Alignment(NamedTuple):
    """How a claim relates to one window sentence token by token (``alignment``)."""

    share: float  # share (0..1) of claim tokens aligned in order with the window's (rewordings count as aligned)
    unaligned: int  # claim tokens a copy of the window would change or add
    blocks: int  # runs of consecutive aligned tokens (1: one stretch of the window; many: words picked across it)
    gap: float  # window tokens skipped between the first and last aligned run, per claim token


def alignment(claim: str, window: str) -> Alignment:
    """How close the claim is to a copy of ``window``: aligned share, unaligned tokens (words; an amount is one),
    aligned runs and the window words skipped between them. A copy is (1.0, 0, 1, 0.0); a compression keeps share
    1.0 with a few runs; a sentence stitched from words scattered over the window has many runs and a large gap."""
    m = matched(claim, window)
    ct, wt = m.ct, m.wt
    if not ct:
        return Alignment(0.0, 0, 0, 0.0)
    runs = [b for b in m.blocks if b.size]
    aligned = sum(b.size for b in runs)
    for op, i1, i2, j1, j2 in m.opcodes:
        if op == "replace" and rewording(ct[i1:i2], wt[j1:j2]) or op == "delete" and (
                _negation_moved(ct[i1:i2], wt, j1) or _function_only(ct[i1:i2], [])):
            aligned += i2 - i1
    skipped = sum(b.b - (a.b + a.size) for a, b in zip(runs, runs[1:]))
    return Alignment(aligned / len(ct), len(ct) - aligned, len(runs), skipped / len(ct))


def copy_share(claim: str, window: str) -> float:
    """Share (0..1) of the claim's tokens that align in order with the window's (1.0: a verbatim copy)."""
    return matched(claim, window).share


def edited_copy(claim: str, window: str, passage: str | None = None) -> list[str]:
    """The claim tokens that do not align with the window when the claim is otherwise a copy of it (aligned
    share in [``EDITED_COPY``, 1)): the words a near-verbatim claim changed or added; [] otherwise. ``passage``: the
    whole cited text, where an age the claim writes may be given in another sentence (``_title_moved``)."""
    m = matched(claim, window)
    ct, shown, wt, wshown = m.ct, m.cshown, m.wt, m.wshown
    if not ct or not wt:
        return []
    if not EDITED_COPY <= m.share < 1.0:
        return []
    changed: list[str] = []
    moved = moved_measure(ct, wt)
    for op, i1, i2, j1, j2 in m.opcodes:  # "delete": claim-only tokens; "insert": window-only (compression)
        if op in ("equal", "insert") or _measure_moved(ct, i1, i2, moved):
            continue
        if op == "replace" and (_says_shorter(ct[i1:i2], wt[j1:j2]) or rewording(ct[i1:i2], wt[j1:j2])
                                or same_written(ct[i1:i2], wshown[j1:j2])):
            continue
        if op == "delete" and (_negation_moved(ct[i1:i2], wt, j1) or _function_only(ct[i1:i2], [])):
            continue
        # function words in place of a table row's column name ("The Ministry of Trade issued" over "Agency: Ministry
        # of Trade; Licences issued: …"): the label is no word the row says
        if op == "replace" and _function_only(ct[i1:i2], []) and set(wt[j1:j2]) <= column_name_words(window):
            continue
        if moved_frame(ct[i1:i2], window) or _copula_of_apposition(ct[i1:i2], claim, window) \
                or op == "replace" and (named_before(ct[i1:i2], wt, j1, j2) or named_earlier(ct[i1:i2], wt, j2, passage)) \
                or _title_moved(shown[i1:i2], claim, window, passage):
            continue
        changed += shown[i1:i2]
    return changed


def _measure_moved(claim: Sequence[str], i1: int, i2: int, moved: frozenset[int]) -> bool:
    """True when the claim span ``claim[i1:i2]`` holds only function words and words of a measure the window writes
    on the other side of the same noun ("a 10% stake" over "a stake of 10%": ``measure_order.moved_measure``)."""
    return bool(moved) and any(k in moved for k in range(i1, i2)) \
        and all(k in moved or claim[k] in STOPWORDS for k in range(i1, i2))


def named_before(claim: list[str], window: list[str], j1: int, j2: int) -> bool:
    """True when a claim span names what a noun of the replaced window words ``window[j1:j2]`` refers back to: the
    replaced words hold "the/this/these <anaphora noun>" ("The changes take effect" after "published an
    amendment"), and every claim word but function words is covered by them or written in the window before them
    ("amendment takes" for "... the changes take"). The claim restates by coreference, not an edit."""
    span = window[j1:j2]
    if not any(a in BACK_DETERMINERS and ANAPHORA_NOUN_RE.fullmatch(b) for a, b in zip(span, span[1:])):
        return False
    replaced = word_index(" ".join(span))
    earlier = set(window[:j1])
    words = [w for w in claim if w not in STOPWORDS]
    return bool(words) and all(word_covered(w, replaced) or w in earlier for w in words)


def named_earlier(claim: Sequence[str], window: Sequence[str], j2: int, passage: str | None) -> bool:
    """True when a claim span stands in place of the window sentence's referring opening ``window[:j2]`` ("The parts
    were bound for ..." after "... 40 drone engines ...", "He must serve ..." after "... the former TSMC engineer")
    and names what it refers to: its last content word is a noun the opening may stand for (``referring.refers_to``)
    and every content word of it is a word of the whole cited ``passage``. The claim resolves the reference."""
    if not passage or not referring_opening(list(window[:j2])):
        return False
    words = [w for w in claim if _content(w) or w.startswith("#")]
    if not words or words[-1].startswith("#") or not refers_to(list(window[:j2]), words[-1]):
        return False
    said = _passage_keys(passage)
    return all(w in said for w in words)


@lru_cache(maxsize=256)
def _passage_keys(passage: str) -> frozenset[str]:
    return frozenset(_tokens(passage)[0])


def _copula_of_apposition(span: list[str], claim: str, window: str) -> bool:
    """True when a claim span of copula words restates an apposition of the window ("Lai Cheng-hao was the former
    procurement manager of X" over "Lai Cheng-hao, 47, the former procurement manager of X,":
    ``role_holders.appositive_copula``): the copula stands for the comma, and for the age between."""
    return bool(span) and all(w in _COPULAS for w in span) and appositive_copula(claim, window)


def _title_moved(span: Sequence[str], claim: str, window: str, passage: str | None = None) -> bool:
    """True when a claim span holds only words of a possessive title the window restates in apposition ("Nordtel's
    chief financial officer Tomas Berg" over "Tomas Berg, the chief financial officer of ... Nordtel":
    ``appositions.restated_titles``), or of a name the claim describes in apposition as the window does in
    another order ("Lee, a broker," over "a broker surnamed Lee": ``named_appositions.restated_names``), or of a
    title the window writes before the name and the claim after it ("Lee Jae-yong is the chairman of Samsung
    Electronics" over "Samsung Electronics chairman Lee Jae-yong": ``restated_holdings``), or of an age the window
    gives in apposition ("a 49-year-old Japanese national" over "A Japanese national, 49,": ``restated_ages``, read
    in the whole ``passage`` when given: "The broker, 58," may follow the copied sentence): the owner, name and
    description stand in the claim's order, not an edit."""
    words = [w.lower() for w in span]
    if not words or all(w in STOPWORDS for w in words):
        return False
    for restated in (restated_titles, restated_names, restated_holdings, restated_ages):
        titled = restated(claim, passage or window if restated is restated_ages else window)
        if titled and all(w in STOPWORDS or w in titled for w in words):
            return True
    return False


def _says_shorter(claim: list[str], window: list[str]) -> bool:
    """True when the claim puts function words where the window has one word more, a content word ("for" in
    place of "to support"): a compression, not an edit. Negators, a swap of function words ("he" for "she") and
    a function word for a whole phrase ("a" for "the only contingent of") stay edits."""
    return len(claim) < len(window) <= len(claim) + 1 and any(_content(w) for w in window) \
        and all(w in STOPWORDS and w not in NEGATORS for w in claim)


def copy_edits(claim: str, window: str, index: TextIndex, passage: str | None = None) -> tuple[float, list[Edit]]:
    """(aligned share, edits): the claim's replaced and inserted spans with content words ``index`` (the
    window's) does not cover; no edits when the claim is not a near-copy (share below ``NEAR_COPY``). ``passage``:
    the whole cited text (``edited_copy``)."""
    m = matched(claim, window)
    ct, cshown, wt, wshown = m.ct, m.cshown, m.wt, m.wshown
    if not ct or not wt:
        return 0.0, []
    share = m.share
    if share < NEAR_COPY:
        return share, []
    edits = []
    moved = moved_measure(ct, wt)
    for op, i1, i2, j1, j2 in m.opcodes:  # opcodes turn the claim into the window: "delete" = claim only
        if op not in ("replace", "delete") or _measure_moved(ct, i1, i2, moved) or op == "replace" and (
                rewording(ct[i1:i2], wt[j1:j2]) or same_written(ct[i1:i2], wshown[j1:j2])
                or named_before(ct[i1:i2], wt, j1, j2) or named_earlier(ct[i1:i2], wt, j2, passage)) \
                or moved_frame(ct[i1:i2], window) \
                or _copula_of_apposition(ct[i1:i2], claim, window) \
                or _title_moved(cshown[i1:i2], claim, window, passage):
            continue
        new = tuple(w for w in ct[i1:i2] if _content(w) and not token_covered(w, index))
        if new:
            edits.append(Edit(tuple(cshown[i1:i2]), tuple(wshown[j1:j2]), new))
    return share, edits



#: New content words an edited copy's inserted run must hold to be a detail the passage does not give
#: (``copied_additions``): one new word is often a claim's own emphasis or a light rewording ("key", "now").
ADDED_WORDS = 2


def copied_additions(claim: str, window: str, full: TextIndex, names: frozenset[str] = frozenset()) -> list[Edit]:
    """The runs an edited copy of ``window`` inserts where the window has nothing (the claim but those runs aligns
    at ``EDITED_COPY`` or more, ``alignment``'s share, rewordings counted), set after a copied word that is no function word, each holding at least ``ADDED_WORDS``
    content words and only words that the whole passage (``full``) has in no form: the copied sentence with an added cause, purpose, place or recipient
    ("... towed the ferry back to port [after its engine caught fire]", "... modules [sold to hospitals]"). A name
    (``names``: lower-cased words the claim or passage writes as names) is the entity checks', a figure the number
    checks'; a negation moved, a function-word run or a reporting frame is no insertion (as in ``edited_copy``). A
    replaced span is ``noun_swap``'s, not an addition."""
    share = alignment(claim, window).share
    if not NEAR_COPY <= share < 1.0:
        return []
    m = matched(claim, window)
    out: list[Edit] = []
    for op, i1, i2, j1, _ in m.opcodes:  # "delete": claim tokens with nothing in the window
        if op != "delete":
            continue
        span = list(m.ct[i1:i2])
        # a detail is set after a copied word that is no function word ("month", "tankers"); a run that opens the
        # claim or follows a function word is the copy's own frame or a phrase moved to the front ("Despite rumours
        # of ..., China reaffirmed")
        if i1 == 0 or m.ct[i1 - 1] in STOPWORDS or _negation_moved(span, m.wt, j1) or _function_only(span, []) \
                or moved_frame(span, window):
            continue
        content = [k for k in range(i1, i2) if _content(m.ct[k]) and m.cshown[k] not in names]
        new = tuple(m.cshown[k] for k in content if not token_covered(m.ct[k], full))
        # ... every content word of it new: a run holding a passage word rewords a stretch the copy skipped
        if len(new) >= ADDED_WORDS and len(new) == len(content):
            out.append(Edit(tuple(m.cshown[i1:i2]), (), new))
    # the claim but its added runs is an edited copy: a long addition lowers the share of the whole
    rest = len(m.ct) - sum(len(e.claim) for e in out)
    return out if out and rest and share * len(m.ct) / rest >= EDITED_COPY else []


#: Longest claim span (tokens) read as a name put in place of another.
NAME_SPAN = 3


def name_swaps(claim: str, window: str, names: frozenset[str]) -> list[tuple[str, str]]:
    """(claim words, window words) of each span where a near-copied claim (share at least ``NEAR_COPY``) puts a
    name in place of another name ("Erika Langhart was looking forward ..." for "Karen Langhart ...", "Iran" for
    "America"); names are the lower-case words in ``names`` (the passage's) and places (``metonymy``)."""
    m = matched(claim, window)
    ct, cshown, wt, wshown = m.ct, m.cshown, m.wt, m.wshown
    if not ct or not wt:
        return []
    if sum(b.size for b in m.blocks) < NEAR_COPY * len(ct):
        return []
    out = []
    for op, i1, i2, j1, j2 in m.opcodes:
        # a name for a name is a short span on both sides; a longer one is a rewritten clause (the copy signals')
        if op != "replace" or i2 - i1 > NAME_SPAN or j2 - j1 > NAME_SPAN + 1 or moved_frame(ct[i1:i2], window) \
                or _title_moved(cshown[i1:i2], claim, window):
            continue
        said = {w for w in ct[i1:i2] if (w in names or place_key(w)) and w not in _PERIODS}
        given = {w for w in wt[j1:j2] if (w in names or place_key(w)) and w not in _PERIODS}
        # a passive's doer the window names as its active subject ("... by Korea's antitrust regulator" over "Korea's
        # antitrust regulator fined ..., a penalty upheld by the Supreme Court"): moved there, not put for the other
        # "by" phrase the alignment pairs it with (the role signals compare who did what)
        if i1 and ct[i1 - 1] == "by" and said <= set(wt[:j1]) - set(wt[j1:j2]):
            continue
        if said and given and not said & given and not same_written(ct[i1:i2], wshown[j1:j2]) \
                and not _acronym_of(ct[i1:i2], wt[j1:j2]) and not _acronym_of(wt[j1:j2], ct[i1:i2]) \
                and not reworded_name(ct[i1:i2], wt[max(0, j1 - NAME_SPAN - 2) : j2 + NAME_SPAN + 2]):
            out.append((" ".join(cshown[i1:i2]), " ".join(wshown[j1:j2])))
    return out


def _acronym_of(words: list[str], other: list[str]) -> bool:
    """True when ``other`` holds the initials of ``words``' content words ("wto" for "world trade organization")."""
    initials = initials_of(w for w in words if w not in STOPWORDS and w[:1].isalpha())
    return len(initials) > 1 and initials in other
