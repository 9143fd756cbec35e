"""Interpretable signals on (claim, best-support window) for the fitted support model.

Each signal is a float (the model's input, in ``FEATURES`` order) and, when it argues against support, a
reason a reader can check ("role: passage has 'Korea ... sanctioned ... Japan'"). The hard checks of the
checker (numbers, dates, entities, polarity) are counted here too, so the model weighs them with the rest.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from rag.support.added_details import added_detail_signal
from rag.support.appositions import apposition_swap
from rag.support.day_bindings import other_day
from rag.support.named_appositions import described_other, other_age, other_title, restated_holdings
from rag.support.role_holders import holder_swap
from rag.support.act_bindings import moved_figure
from rag.support.bindings import copied_figure_swap, sentences_slot_swap, slot_swap, year_shift
from rag.support.table_rows import other_row_figure
from rag.support.converse_directions import restated_relation
from rag.support.counted_nouns import counted_swaps, narrowed_counts
from rag.support.cuts import cut_reason, join_reason, tautology
from rag.support.times import time_shift
from rag.support.edits import EDITED_COPY, alignment, copied_additions, copy_edits, copy_share, edited_copy, name_swaps, token_covered
from rag.support.facts import TextIndex, extract_facts, index_text, spelled_amounts, with_years
from rag.support.lexicon import LIGHT_WORDS, NEGATIVE_PHRASES, NEGATIVE_VERBS, NEGATORS, NO_COMMENT_TOKEN, PRIVATIVE_WORDS, STOPWORDS
from rag.support.metonymy import keyed, keyed_pair, shown
from rag.support.modality import hedge_dropped, hedge_hardened, stated_as_done
from rag.support.moved_words import moved_word
from rag.support.name_cuts import name_cut
from rag.support.reworded_swaps import swapped_nouns
from rag.support.place_references import place_shift
from rag.support.polarity import no_comment_idiom, polarity_tokens, predicate_lemmas
from rag.support.roles import argument_swap, other_speaker, speaker_mismatch
from rag.support.transfer_directions import transfer_way
from rag.support.text_cache import sentences_of
from rag.text.dates import MONTH_NAMES, WEEKDAYS
from rag.text.initials import initials_of
from rag.text.lexicon import table, word_list, word_set
from rag.text.numbers import measure
from rag.support.mentions import quantities
from rag.text.tokens import stem

#: Model inputs, in order (the fitted model's JSON names them; a changed list needs a refit).
FEATURES: tuple[str, ...] = (
    "cos_window",  # cosine claim vs the chosen window
    "cos_sentence",  # best cosine claim vs a single sentence
    "cos_mean3",  # mean of the three best window cosines
    "lexical_window",  # idf-weighted share of claim stems in the window
    "unigram_recall",  # share of claim content stems in the window
    "bigram_recall",  # share of claim word bigrams in the window
    "rouge_l",  # longest common token subsequence / claim tokens
    "novel_share",  # weighted share of claim content words unlike any cited word
    "novel_count",  # weighted count of such words
    "addition",  # a clause of the claim is mostly novel
    "number_fail",  # claim numbers not in the cited text (with currency, unit, scale)
    "number_outside",  # claim numbers cited only outside the window
    "date_fail",  # dates, months, weekdays, directions not in the cited text
    "entity_fail",  # names, countries, identifiers not in the cited text
    "name_outside",  # claim names found in the passage but not in the window
    "polarity",  # negation / antonym conflict with the window
    "modality",  # the window plans or hedges what the claim says happened
    "role_swap",  # two names swap sides of a shared verb
    "window_missing",  # claim content stems absent from the window
    "outside_words",  # ... of which the passage has elsewhere (a word swapped in from another sentence)
    "pronoun",  # claim pronouns the window lacks ("he" for "she")
    "question",  # the window asks what the claim states
    "scope",  # claim scope/rank words ("all", "only", "first") the window lacks
    "stale",  # a claim figure the window gives as the earlier of two ("up from 3%")
    "copy_replace",  # a near-copied claim puts in words from elsewhere in the passage ("erika" for "karen")
    "copy_insert",  # ... or words the passage has nowhere
    "speaker",  # the claim's speaker is not the window's ("X said" vs "said Y"; "he says" with no one quoted)
    "repeat",  # claim content words repeated more often than in the window ("the founder of new japan's new japan")
    "date_window",  # a claim weekday or month the window replaces with another ("Thursday" vs "on Wednesday")
    "copy_edit",  # the claim copies the window but for a few words (aligned share 0.75..1; a pure copy is 0)
    "scope_conflict",  # the claim says "some" where the window says "all", or "all" where it says "several"
    "copy_share",  # share of claim tokens aligned in order with its closest window sentence (1: a copy)
    "copy_unaligned",  # claim tokens a copy of that sentence would change or add (0: copy or compression)
    "copy_blocks",  # runs of consecutive aligned tokens (1: one stretch; many: words picked across the sentence)
    "copy_gap",  # sentence tokens skipped between the first and last run, per claim token
    "slot_swap",  # a claim value bound to another slot than the window gives it ("eight in 2020" vs "four in 2020"),
    # or put "in" a place the window names only as a reference ("in San Francisco" for "140 miles south of" it)
    "hardened",  # the claim surer than the window: "will resume" for "could resume"; a copy without its hedge ("resumed")
    "copy_cut",  # a copied sentence cut inside a phrase ("three people [died and over 200 were] injured": cuts.py)
    "joined",  # the claim copies part of one window sentence and part of another (cuts.join_reason), or one sentence
    # but for a word moved in alone from another ("an optimistic fifth": moved_words)
    "time_shift",  # a figure the window dates "at that time" the claim dates "now", or to another year (times, bindings)
    "name_swap",  # a near-copied claim puts one name in place of another ("erika langhart" for "karen langhart"),
    # or keeps a part of a longer name that names something else ("Virginia" of "West Virginia": name_cuts.py)
    "tautology",  # the claim says a thing is itself ("the foreign minister is a foreign minister": cuts.tautology)
    "other_speaker",  # the claim's speaker is in the window but someone else says it there (roles.other_speaker)
    "noun_swap",  # a near-copied claim puts a noun in place of one of the window's ("cargo shipments" for "flights")
    "copied_swap",  # an edited copy whose swapped noun names another thing ("nurses" for "doctors": noun_synonyms)
    "copied_addition",  # an edited copy inserts a run of words the passage has nowhere ("... [sold to hospitals]": edits)
    "counted_swap",  # a figure of the passage said of another thing ("21 paramedics" for "21 firefighters": counted_nouns)
    "added_modifier",  # new words set on passage material: a modifier, title, apposition, superlative (added_details)
)
# Not features: claim length and claim/window length ratio separate FactCC's near-verbatim positives from its
# compressions, but a brief's claims are mostly compressions of their sources (kept in ``overlap`` for reports).
# Nor is ``attribution`` (a claim's "he says" the window lacks): FactCC adds such frames to unsupported claims,
# but a brief's "X said" usually rests on an attribution in a neighbouring sentence; it stays a reason text.

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PRONOUNS = word_set("pronouns")
_REPORTING = word_set("reporting_verbs")
_SCOPE = word_set("scope_words")
_PARTIAL = word_set("partial_quantifiers")
_UNIVERSAL = word_set("universal_quantifiers")
_OUTDATED = word_list("outdated_cues")
_REVISION = table("revision_cues")
_ADVERB_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _REVISION["clause_adverbs"]) + r")\b(?!.*\b(?:"
                        + "|".join(re.escape(c) for c in _REVISION["clause_adverbs"]) + r")\b)")
_REVISED_TO_RE = re.compile(r"^\W*(?:[^\W\d]+\W+){0,5}?(?:" + "|".join(_REVISION["revised_verbs"])
                            + r")(?:\W+[^\W\d]+){0,2}?\W+to\s+", re.IGNORECASE)
_REVISION_REACH = 10  # words read before a figure for a revision adverb
# a sentence end, or a contrast that starts another statement ("was 22, but an FBI bulletin said he was 21")
_CLAUSE_END_RE = re.compile(r"[.;!?](?:\s|$)|\b(?:but|while|whereas|although)\b")
_COORDINATORS = frozenset({"and", "or"})  # a coordinated item starts: no earlier-figure cue reaches past
_PASSIVE = frozenset({"by"})
#: capitalised words that name a time, never a participant of an act ("Customs on Saturday seized 500 GPUs" has no
#: "Saturday" before "seized" for "The GPUs were seized on Saturday" to swap with)
_TIME_NAMES = frozenset(WEEKDAYS) | frozenset(m.lower() for m in MONTH_NAMES if m)
_ROLE_GAP = 5  # at most this many words between agent and patient (one verb phrase)
NEGATION_CUES = NEGATORS | NEGATIVE_VERBS | frozenset(p[0] for p in NEGATIVE_PHRASES) | PRIVATIVE_WORDS


@dataclass
class Signals:
    """Feature values (by name) and the reasons of the signals that argue against support."""

    values: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)

    def flag(self, name: str, reason: str | None, value: float | None = None, reason_key: str | None = None) -> None:
        """Set signal ``name`` (``value``, or 1.0 when ``reason`` is not None and 0.0 when it is) and keep a
        non-empty ``reason`` under ``reason_key`` (default ``name``)."""
        self.values[name] = float(reason is not None) if value is None else float(value)
        if reason:
            self.reasons[reason_key or name] = reason

    def vector(self) -> list[float]:
        """Values in ``FEATURES`` order (missing ones are 0)."""
        return [float(self.values.get(f, 0.0)) for f in FEATURES]


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of ``text``."""
    return list(_tokens(text))


@lru_cache(maxsize=2048)  # the overlap, repetition and revision readers tokenise the same claim and window
def _tokens(text: str) -> tuple[str, ...]:
    """``tokens`` of ``text``, read once per text."""
    return tuple(w.replace("’", "'") for w in _WORD_RE.findall(text.lower()))


def _bare(word: str) -> str:
    """A word without its possessive ending ("erika's" -> "erika")."""
    return word[:-2] if word.endswith(("'s", "’s")) and len(word) > 3 else word


@lru_cache(maxsize=512)
def passage_names(text: str) -> frozenset[str]:
    """Lower-cased words the text writes capitalised inside sentences and never in lower case (names)."""
    cap: set[str] = set()
    low: set[str] = set()
    for m in _WORD_RE.finditer(text):
        w = m.group(0)
        if w[:1].isupper():
            before = text[max(0, m.start() - 3) : m.start()].strip()
            if before and before[-1] not in ".!?\"'“‘(:\n":  # not a sentence's first word
                cap.add(_bare(w.lower()))
        elif w[:1].isalpha():
            low.add(_bare(w.lower()))
    return frozenset(w for w in cap - low if w not in STOPWORDS and len(w) > 1)


def _bigrams(toks: list[str]) -> set[tuple[str, str]]:
    return set(zip(toks, toks[1:]))


def _lcs(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two token lists, bit-parallel over ``b`` (one big-integer
    step per token of ``a``: H. Hyyrö, "Bit-parallel LCS-length computation revisited", AWOCA 2004)."""
    if not a or not b:
        return 0
    at: dict[str, int] = {}  # token -> bit j set where b[j] is that token
    for j, y in enumerate(b):
        at[y] = at.get(y, 0) | (1 << j)
    width = (1 << len(b)) - 1
    v = width
    for x in a:
        u = v & at.get(x, 0)
        v = ((v + u) | (v - u)) & width
    return len(b) - v.bit_count()


@lru_cache(maxsize=1024)
def _without_amounts(text: str) -> str:
    """``text`` with every amount blanked (``numbers.find_quantities`` and ``facts.spelled_amounts``)."""
    chars = list(text)
    for q in (*quantities(text), *spelled_amounts(text)):
        chars[q.start : q.end] = " " * (q.end - q.start)
    return "".join(chars)


def overlap(claim: str, window: str, full: str) -> dict[str, float]:
    """Lexical overlap of claim and window: content-stem recall, bigram recall, ROUGE-L recall, missing stems
    (and those the full passage has elsewhere), pronouns the window lacks, length ratio. A place counts as one
    word however it is named ("Seoul", "South Korea", "South Korean": ``metonymy.keyed_pair``); an amount's
    words are not content words (the number checks compare amounts)."""
    claim, window = keyed_pair(claim, window)
    full = keyed(full)
    ct, wt = tokens(claim), tokens(window)
    # an amount's words ("billion" of "$35.1 billion" against "$35.1bn") are the number checks', not content words
    cs = [stem(w) for w in tokens(_without_amounts(claim)) if w not in STOPWORDS and w not in LIGHT_WORDS and not w.isdigit()]
    ws = {stem(w) for w in wt}
    uni = sum(1 for s in cs if s in ws) / len(cs) if cs else 0.0
    missing = {s for s in cs if s not in ws}
    outside = missing & _stems_of(full)
    pronouns = {w for w in ct if w in _PRONOUNS} - set(wt)
    cb = _bigrams(ct)
    bi = len(cb & _bigrams(wt)) / len(cb) if cb else 0.0
    lcs = _lcs(ct, wt[:400]) / len(ct) if ct else 0.0
    return {
        "unigram_recall": uni, "bigram_recall": bi, "rouge_l": lcs, "window_missing": float(len(missing)),
        "outside_words": float(len(outside)), "pronoun": float(len(pronouns)),
        "length_ratio": min(3.0, len(ct) / max(1, len(wt))), "claim_words": math.log1p(len(ct)),
    }


def question(claim: str, window: str) -> str | None:
    """A reason when every window sentence the claim draws on is a question and the claim is a statement."""
    if window.rstrip().rstrip("\"'”’)").endswith("?") and not claim.rstrip().rstrip("\"'”’)").endswith("?"):
        return "passage asks, does not state: '" + window.strip()[-80:] + "'"
    return None


def scope_mismatch(claim: str, window: str) -> str | None:
    """A reason when the claim has a scope or rank word ("all", "only", "first") its supporting window lacks."""
    wt = set(tokens(window))
    words = [w for w in dict.fromkeys(tokens(claim)) if w in _SCOPE and w not in wt]
    return f"scope: claim says '{words[0]}', the supporting sentence does not" if words else None


def scope_conflict(claim: str, window: str) -> str | None:
    """A reason when the claim narrows the window's "all"/"every" to "some"/"several", or widens its
    "some"/"several"/"most" to "all"/"every" (quantifier lists: ``partial_quantifiers``, ``universal_quantifiers``)."""
    ct, wt = set(tokens(claim)), set(tokens(window))
    for said, other in (((ct & _PARTIAL) - wt, (wt & _UNIVERSAL) - ct), ((ct & _UNIVERSAL) - wt, (wt & _PARTIAL) - ct)):
        if said and other:
            return f"scope: claim says '{sorted(said)[0]}', the supporting sentence says '{sorted(other)[0]}'"
    return None


def earlier_figure(window: str, surface: str) -> bool:
    """Whether ``surface`` (a figure as the window writes it) is given as a superseded value: right after an
    earlier-value cue ("up from 3%"), after an adverb of its clause ("initially said he was 22") or before a verb
    that gives it a new value ("6.5 that was later revised to 6.9"; cue lists: ``outdated_cues``,
    ``revision_cues``)."""
    # the surface as a whole token: "3%" is not the tail of "33%"
    m = re.search(r"(?<![\w.,])" + re.escape(surface) + r"(?!\w)", window)
    if m is None:
        return False
    at = m.start()
    words = tokens(window[max(0, at - 40) : at])[-3:]
    before = " ".join(words)
    # a one-word cue a word or two back ("previously estimated at 40"), unless a coordinator starts another item
    # between them: "61 against and 22 abstentions" (22 is the next item, not the figure "against" compares)
    reach = [w for i, w in enumerate(words) if not _COORDINATORS & set(words[i + 1 :])]
    if any(before == c or before.endswith(" " + c) or (" " not in c and c in reach) for c in _OUTDATED):
        return True
    # an adverb of the figure's clause with no other figure between them ("initially said he was 22", not the
    # "6.9" of "a preliminary magnitude of 6.5 that was later revised to 6.9")
    clause = _CLAUSE_END_RE.split(window[max(0, at - 80) : at])[-1]
    cue = _ADVERB_RE.search(" ".join(tokens(clause)[-_REVISION_REACH:]))
    if cue and not quantities(" ".join(tokens(clause)[-_REVISION_REACH:])[cue.end() :]):
        return True
    # a revising verb after it and then "to" a figure of the same kind ("$1 million bail (recently raised to $5
    # million)"; not "the next 30 years has increased to 7 percent")
    rest = _CLAUSE_END_RE.split(window[m.end() : m.end() + 100])[0]
    to = _REVISED_TO_RE.search(rest)
    fig, new = quantities(surface), quantities(rest[to.end() : to.end() + 30]) if to else []
    return (bool(fig and new) and measure(new[0]) == measure(fig[0])
            and new[0].value != fig[0].value)


def attribution(claim: str, window: str) -> str | None:
    """A reason when the claim attributes the statement ("he says") and the window has no reporting verb."""
    said = [w for w in tokens(claim) if w in _REPORTING]
    if said and not any(w in _REPORTING for w in tokens(window)):
        return f"attribution: claim says '{said[0]}', the passage reports no one saying it"
    return None


def word_reasons(claim: str, window: str, full: str) -> list[str]:
    """Reasons for claim words the window lacks: pronouns, and content words the passage has elsewhere (a place
    named another way is the same word: ``metonymy.keyed_pair``)."""
    claim, window = keyed_pair(claim, window)
    full = keyed(full)
    ct, wt = tokens(claim), tokens(window)
    ws, fs = {stem(w) for w in wt}, _stems_of(full)
    out = []
    pronouns = [w for w in dict.fromkeys(ct) if w in _PRONOUNS and w not in wt]
    if pronouns:
        out.append("pronoun not in the supporting sentence: " + ", ".join(pronouns))
    moved = [w for w in dict.fromkeys(ct) if w not in STOPWORDS and w not in LIGHT_WORDS and not w.isdigit()
             and stem(w) not in ws and stem(w) in fs]
    if moved:
        out.append("words from elsewhere in the passage, not the supporting sentence: " + ", ".join(shown(w) for w in moved))
    return out


@lru_cache(maxsize=512)
def _stems_of(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in tokens(text))


def names_outside(claim: str, window: str, full: str) -> list[str]:
    """Claim words that the passage uses as names but the window does not contain (a swapped-in entity); a place
    is one name however it is written ("Seoul" for "South Korea" is in the window, "North Korea" is not)."""
    claim, window = keyed_pair(claim, window)
    names = passage_names(keyed(full))
    wt = {_bare(t) for t in tokens(window)}
    return list(dict.fromkeys(shown(_bare(w)) for w in tokens(claim) if _bare(w) in names and _bare(w) not in wt))


def _positions(toks: list[str], word: str) -> list[int]:
    return [i for i, t in enumerate(toks) if t == word]


def role_swap(claim: str, window: str, names: frozenset[str], passage: str = "") -> str | None:
    """A reason when two names sit on opposite sides of a shared verb in claim and window, or the claim swaps
    the agent and patient words of a verb it shares with the window (``roles.argument_swap``), else None.

    "Korea sanctioned Japan" vs "Japan sanctioned Korea": the same words, the roles swapped. A passive "by" on
    either side is not a swap; the verb is any content word between the names in both texts with one stem.

    A transfer or communication comes first (``transfer_directions.transfer_way``): told the wrong way round ("Gene
    Raymond received a request from Yasutoshi Nishimura" for "... conveyed through ... Gene Raymond ... to Yasutoshi
    Nishimura") it is the reason; told the window's way with the converse verb ("Kraft received a letter from the
    FDA" for "the FDA sent a letter to Kraft") the names stand in the other order by design, so no reason. The
    transfers are read in the whole ``passage`` when given (the window the claim's other words chose may not hold the
    sentence that tells the transfer: "The US received a request from Japan for collaboration ...").

    A role the claim gives a person that the passage gives only another named person ("Huang Mei-ling is the
    ringleader" over "the ringleader, Lai Cheng-hao, ... logistics officer Huang Mei-ling":
    ``role_holders.holder_swap``) is a swap too, read in the whole ``passage``, as is a description in apposition
    that the passage gives another name ("Lee, a designer," over "a designer surnamed Jo ... a broker surnamed Lee":
    ``named_appositions.described_other``), and a title the passage writes nowhere for a name it gives another
    ("Maria Silva, the finance director," over "chief executive Maria Silva": ``named_appositions.other_title``),
    and an age the passage gives a person described otherwise ("a 41-year-old broker" over "Kim, 41, a former
    engineer, and his 38-year-old accomplice, a broker": ``named_appositions.other_age``).
    """
    reversed_reason, agreed = transfer_way(claim, passage or window)
    if reversed_reason:
        return reversed_reason
    reason = _role_swap(claim, window, names) or holder_swap(claim, passage or window) \
        or described_other(claim, passage or window) or other_title(claim, passage or window) \
        or other_age(claim, passage or window)  # "a 41-year-old broker" where 41 is the engineer's
    return None if agreed else reason


def _role_swap(claim: str, window: str, names: frozenset[str]) -> str | None:
    """``role_swap`` without the transfer reading: names on opposite sides of a shared verb, or ``argument_swap``."""
    ct, wt = tokens(claim), tokens(window)
    # a title restated after its name ("Lee is the chairman of Samsung" over "Samsung chairman Lee") puts the owner
    # and the holder on the other sides of the title by design (named_appositions.restated_holdings)
    restated = restated_holdings(claim, window)
    cnames = [i for i, t in enumerate(ct) if t in names and t in wt and t not in restated and t not in _TIME_NAMES]
    for ai in range(len(cnames)):
        for bi in range(ai + 1, len(cnames)):
            a, b = cnames[ai], cnames[bi]
            if ct[a] == ct[b] or not 2 <= b - a <= _ROLE_GAP + 1:
                continue
            between = {stem(t) for t in ct[a + 1 : b] if t not in STOPWORDS and t not in names}
            if not between or _PASSIVE & set(ct[a + 1 : b]):
                continue
            for wa in _positions(wt, ct[a])[:3]:
                for wb in _positions(wt, ct[b])[:3]:
                    if wb >= wa - 1:
                        continue
                    mid = wt[wb + 1 : wa]
                    if _PASSIVE & set(mid) or len(mid) > _ROLE_GAP:
                        continue
                    shared = between & {stem(t) for t in mid if t not in STOPWORDS}
                    if shared:
                        return f"role: passage has '{' '.join(wt[wb : wa + 1])}'"
    return argument_swap(claim, window) or apposition_swap(claim, window, names)


def repetition(claim: str, window: str) -> list[str]:
    """Claim content words that occur more often in the claim than in the window (a garbled, looping sentence:
    "X is X", "persecution of persecution"), in claim order. A name the claim spells out where the window writes its
    initials ("World Trade Organization" for "WTO") is the window's acronym: its words are not counted ("the trade
    ministry ... the World Trade Organization" for "the Ministry of Trade ... the WTO" repeats nothing)."""
    ct = [w for w in tokens(_without_spelled_acronyms(claim, window)) if w not in STOPWORDS and len(w) > 2
          and not w.isdigit()]
    wt = tokens(window)
    counts: dict[str, int] = {}
    for w in ct:
        counts[w] = counts.get(w, 0) + 1
    return [w for w, n in counts.items() if n > 1 and n > wt.count(w)]


_ACRONYM_RE = re.compile(r"\b[A-Z][A-Z&]{1,9}s?\b")  # as ``facts`` reads a text's acronyms ("WTO", "NSB")
_NAME_RUN_RE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][\w'’-]*)+")


def _without_spelled_acronyms(claim: str, window: str) -> str:
    """``claim`` without its capitalised name runs whose initials are an acronym ``window`` writes."""
    acronyms = {m.group(0).removesuffix("s").lower() for m in _ACRONYM_RE.finditer(window)}
    if not acronyms:
        return claim

    def spelled(m: re.Match[str]) -> str:
        words = m.group(0).split()
        initials = initials_of(w for w in words if w[:1].isupper()).lower()
        return " " if initials in acronyms else m.group(0)

    return _NAME_RUN_RE.sub(spelled, claim)


def other_date(claim: str, index: TextIndex) -> str | None:
    """A reason when a claim's weekday or month is not in the window but the window names another one
    ("On Thursday the yuan stood at ..." against "... on Wednesday morning"); ``index``: the window's."""
    cf, wf = extract_facts(claim, claim=True), index.facts
    for wd in sorted(cf.weekdays - wf.weekdays):
        if wf.weekdays:
            return f"date: claim says {wd.capitalize()}, the supporting sentence {sorted(wf.weekdays)[0].capitalize()}"
    for mo in sorted(cf.months - wf.months):
        if wf.months:
            return f"date: claim says {MONTH_NAMES[mo]}, the supporting sentence {MONTH_NAMES[sorted(wf.months)[0]]}"
    return None


def window_signals(claim: str, window: str, index: TextIndex, full: TextIndex, sentences: Sequence[str] = (),
                   names: frozenset[str] = frozenset(), full_text: str = "") -> Signals:
    """Signals of the claim against its supporting sentence(s): ``copy_share`` and ``copy_unaligned``
    (``edits.alignment`` with the window sentence the claim copies most), ``slot_swap`` (``bindings.slot_swap``;
    ``names``: words the passage writes as names), ``copy_edit`` (a near-verbatim claim with a few
    words changed, ``edits.edited_copy``), ``copy_replace`` (content words a near-copied claim puts in from
    elsewhere in the passage: "erika" for "karen"), ``copy_insert`` (... that the passage has nowhere),
    ``copied_addition`` (an edited copy's inserted runs of such words, ``edits.copied_additions``), ``date_window`` (``other_date``), ``repeat`` (``repetition``), ``hardened`` (``modality.hedge_hardened``, and
    ``modality.hedge_dropped`` on the sentence the claim copies) and ``speaker`` (``roles.speaker_mismatch``),
    with their reasons; ``index`` and ``full`` are the window's and the passage's ``index_text``, ``full_text``
    the passage (a claim figure the window lacks is bound in the passage sentences that hold it:
    ``outside_slot_swap``).

    A claim that copies one of the window's ``sentences`` is compared with that sentence alone: a word it takes
    from the window's other sentence ("Steve Woolfenden, 3," from "Steve Woolfenden ..." and "his son, Leo, 3,")
    is an edit of the sentence it copies, not support. A claim of several sentences that copies them together (an
    aligned share with the whole window at least its best sentence's) is compared with the window."""
    target = window
    if len(sentences) > 1:
        best = max(sentences, key=lambda t: copy_share(claim, t))
        share = copy_share(claim, best)
        # ... unless a claim of several sentences copies the window's sentences together at least as well: a quote of two sentences is
        # a copy of both, not an edit of its longer one ("… to a state-owned semiconductor manufacturer in China.
        # This was obviously the result of pressure …" was read as the first sentence with 'this was obviously the
        # result' added, and rejected against the very text it quotes)
        if share >= EDITED_COPY and (len(sentences_of(claim)) < 2 or share >= copy_share(claim, window)):
            target, index = best, index_text(best)
    _, edits = copy_edits(claim, target, index, full_text or window)
    out = Signals()
    best = max((alignment(claim, t) for t in dict.fromkeys((window, *sentences))), key=lambda a: (a.share, -a.unaligned))
    out.values["copy_share"] = best.share
    out.values["copy_unaligned"] = float(min(best.unaligned, 12))
    out.values["copy_blocks"] = float(min(best.blocks, 12))
    out.values["copy_gap"] = min(best.gap, 3.0)
    # a figure dated "so far this year" binds to that year ("32,000 ... in 2021" against a 2022 article's "so far
    # this year, 32,000"); ``index`` is the window's, which knows the publication date when the caller gave it
    dated = with_years(window, index) if target == window else window
    # ... or a thing put "in" a place that the window sentence holding the claim's figures (else the sentence it
    # copies most) names only as a reference point (place_references)
    # ... or a copied sentence's figure replaced by another (the passage's figure of another thing: "34 additional
    # types" copying "11 additional types", where 34 is the list's new total)
    out.flag("slot_swap", slot_swap(claim, dated, names) or outside_slot_swap(claim, window, full_text)
             or place_shift(claim, _figure_sentence(claim, window, sentences))
             or next((r for t in dict.fromkeys((*sentences, window)) if (r := copied_figure_swap(claim, t))), None)
             or moved_figure(claim, full_text)  # "fined ... 6 billion won" where 6 billion is what was sought
             or other_row_figure(claim, full_text))  # "$2.5 billion in loan guarantees": the co-financing row's
    moved_in = [w for e in edits for w in e.new if token_covered(w, full)]
    out.values["copy_replace"] = float(len(moved_in))
    out.values["copy_insert"] = float(sum(len(e.new) for e in edits) - len(moved_in))
    if edits:
        out.reasons["copy"] = "changed from the supporting sentence: " + "; ".join(e.describe() for e in edits[:3])
    # an inserted run the passage gives nowhere: the reason under the weighed ``addition``'s key, since a feature the
    # shipped model was fitted without shows none of its own (``unweighted``)
    added = copied_additions(claim, target, full, names | passage_names(claim))
    runs = "; ".join(f"'{' '.join(e.claim)}'" for e in added[:2])
    out.flag("copied_addition", f"added detail the passage does not give: {runs} (unsupported, inserted in the "
             "sentence the claim copies)" if added else None, value=len(added), reason_key="addition")
    changed = edited_copy(claim, target, full_text or window)
    out.values["copy_edit"] = float(bool(changed))
    said = [w for w in changed if not quantities(w)]  # a changed amount is the number checks' reason
    if said and "copy" not in out.reasons:
        out.reasons["copy"] = "changed from the supporting sentence: " + " ".join(said[:6])
    out.flag("scope_conflict", scope_conflict(claim, window))
    # ... or a weekday the passage gives another act ("seized on Sunday" over "seized … on Saturday …, the agency
    # said Sunday": day_bindings)
    out.flag("date_window", other_date(claim, index) or other_day(claim, full_text))
    repeated = repetition(claim, window)
    out.flag("repeat", "repeats what the supporting sentence says once: " + ", ".join(repeated) if repeated else None,
             value=len(repeated))
    # the claim surer than the window: a possibility said to be certain, or a copied sentence without its hedge or plan
    # ... or a reworded claim stating as done, with a verb, what the window only allows (modality.stated_as_done)
    out.flag("hardened", hedge_hardened(claim, window) or hedge_dropped(claim, target) or stated_as_done(claim, window))
    who = speaker_mismatch(claim, window)
    out.flag("speaker", who)
    if not who:
        out.flag("other_speaker", other_speaker(claim, window), reason_key="speaker")
    out.flag("copy_cut", next((r for r in (cut_reason(claim, t) for t in (sentences or (window,))) if r), None))
    # a lone word moved in from another passage sentence is the narrowest join (moved_words)
    out.flag("joined", join_reason(claim, sentences) or moved_word(claim, target, index, full_text, names))
    swaps = [] if restated_relation(claim, target) else name_swaps(claim, target, names)  # ends swapped by design
    said_names = "; ".join(f"claim says '{c}', the passage '{w}'" for c, w in swaps[:2])
    cut = None if swaps else name_cut(claim, full_text or window)
    out.flag("name_swap", "name: " + said_names if swaps else cut, value=len(swaps) or float(cut is not None))
    out.flag("tautology", tautology(claim))
    nouns = swapped_nouns(claim, target, index, names, passage=full_text or window)
    out.flag("noun_swap", "topic: " + "; ".join(f"claim says '{c}', the passage '{w}'" for c, w in nouns[:2])
             if nouns else None, value=len(nouns))
    # a count the passage gives of another thing; the reason under the weighed ``noun_swap``'s key (a feature the
    # shipped model was fitted without shows none of its own), unless a swapped noun already gave one
    passage_sentences = [s.text for s in sentences_of(full_text or window)]
    counted = counted_swaps(claim, passage_sentences, names)
    said_counts = "; ".join(f"claim says '{f} {c}', the passage '{f} {w}'" for f, c, w in counted[:2])
    # ... or of a wider set whose member the claim puts in its place ("thirty Taiwanese suppliers" for "thirty foreign
    # suppliers ..., including firms from Taiwan"): counted as the same signal
    narrowed = narrowed_counts(claim, passage_sentences)
    said_sets = "; ".join(f"claim says '{f} {c}', the passage '{f} {w}'" for f, c, w in narrowed[:2])
    reason = ("topic: " + said_counts + " (the passage's figure counts another thing)" if counted else
              "scope: " + said_sets + " (the passage's figure counts a wider set; the claim's place is one of its "
              "members)" if narrowed else None)
    out.flag("counted_swap", reason, value=len(counted) + len(narrowed),
             reason_key="counted_swap" if nouns else "noun_swap")
    out.flag("time_shift", time_shift(claim, window) or year_shift(claim, dated))
    count, added = added_detail_signal(claim, full_text or window, full if full_text else index)
    # the reason under the feature's name: a model fitted without it shows none (``unweighted``)
    out.flag("added_modifier", added, value=count)
    return out


def _figure_sentence(claim: str, window: str, sentences: Sequence[str]) -> str:
    """The window sentence that holds every figure of the claim, else the one the claim copies most (the window
    itself when it is one sentence)."""
    if len(sentences) < 2:
        return window
    figures = [q.text for q in quantities(claim)]
    holding = [t for t in sentences if figures and all(f in t for f in figures)]
    return holding[0] if len(holding) == 1 else max(sentences, key=lambda t: copy_share(claim, t))


def outside_slot_swap(claim: str, window: str, passage: str) -> str | None:
    """``bindings.sentences_slot_swap`` over the window and the passage sentences that hold a claim figure the
    window does not (the window holds another sentence: "3% had layoffs in 2021" chosen for "11% had layoffs in
    2021"), else None."""
    held = figure_sentences(claim, window, passage)
    return sentences_slot_swap(claim, [window, *held]) if held else None


def figure_sentences(claim: str, window: str, passage: str) -> list[str]:
    """The passage sentences outside the window that hold a claim figure (as the claim writes it) the window does
    not: where that figure is read when the chosen window is another sentence (``outside_slot_swap``,
    ``window_verdict``'s outdated figures)."""
    figures = [q.text for q in quantities(claim)]
    away = [f for f in figures if f not in window and f in passage]
    if not away:
        return []
    return [s.text for s in sentences_of(passage) if any(f in s.text for f in away) and s.text not in window]


def polarity_snippet(window: str, lemma: str) -> str | None:
    """The window's words up to the first token with predicate lemma ``lemma`` ("has yet to approve"); a no-comment
    idiom as written ("did not immediately respond to cnn's request for comment", not the "not commenting" the
    readers see it as)."""
    toks = polarity_tokens(window)
    joined = NO_COMMENT_TOKEN.split()
    lemmas = predicate_lemmas(toks)  # "has yet to issue a licence" for "licens" (nominal_acts)
    for k, t in enumerate(toks):
        if lemmas[k] == lemma:
            if toks[max(0, k - len(joined) + 1) : k + 1] == joined and (idiom := no_comment_idiom(window)):
                return idiom
            start = max(0, k - 4)
            cues = [i for i in range(max(0, k - 7), k) if toks[i] in NEGATION_CUES]
            if cues:  # from the word before the cue: "has yet to approve", "denied reports that it had supplied"
                start = max(0, cues[0] - 1)
            # a joined privative phrase is shown as written ("sold-out-of" -> "sold out of")
            return " ".join(x.replace("-", " ") if x in PRIVATIVE_WORDS else x for x in toks[start : k + 1] if x[:1].isalpha())
    return None
