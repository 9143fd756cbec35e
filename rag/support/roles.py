"""Who did what to whom, without a parser: the words on each side of a shared verb, and who says a thing.

``argument_swap``: for every verb the claim shares with its supporting window (same predicate lemma; a verb by
its shape in both texts: "-ed", "-ing", an irregular past, a word after an auxiliary), the content words just
before it (up to ``SIDE`` words, within its clause) are the agent and those just after it the patient; a passive ("was blamed by China", "products designed by TSMC") turns the sides
round. The claim swaps roles when its agent words sit on the window's patient side *and* its patient words
on the window's agent side ("Traders warned the People's Bank of China" vs "People's Bank of China warning
traders"; "China denied approval for Japanese makers" vs "Japan denied approval for Chinese makers": places
compare by country, so "Japanese" is "Japan"). ``subject_swap``: two shared verbs whose subjects (the nearest
entity before each) the claim gives the other way round ("China told CNN ... the US was open" vs "US officials
told CNN ... China has expressed openness"). ``order_swap``: two entities on the other sides of the same words
("Russia is weighing whether to provide aid to China" vs "China is weighing whether to provide aid to Russia").
Function words: ``rag/text/data/argument_cues.toml``.

``speaker_mismatch``: a claim that reports speech ("X said ...", "... , X says", "X: ...") names a speaker;
when the window reports speech too and none of the claim's speaker words is in it, or the claim's speaker is
only a pronoun ("he says") and the window reports no one saying anything, the attribution is unsupported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rag.support.data_files import data_table
from rag.support.lexicon import DENIAL_VERBS, NEGATIVE_VERBS, STOPWORDS
from rag.support.polarity import predicate_lemma
from rag.support.appositions import restated_titles
from rag.support.named_appositions import restated_holdings
from rag.text.lexicon import table, word_set
from rag.text.initials import run_initials
from rag.support.mentions import place_mentions
from rag.support.org_names import HEADS, ORG_WORDS
from rag.text.places import place_of_word
from rag.text.tokens import irregular_forms, stem

SIDE = 4  # content words read on each side of the verb
ORDER_GAP = 16  # tokens between two entities whose order ``order_swap`` compares, at most
ORDER_SHARED = 0.6  # share of the claim's words between them that the window has between them too
_PLACE = "placekey"  # prefix of the one token a place mention becomes
_REACH = 7  # tokens scanned on each side for them
# words and the punctuation that ends a clause side (quotes and brackets do not: "accused the US of emboldening
# \"separatist forces\"", "Adidas (ADDDF) on Friday blamed")
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[,;:—–]|(?<!\w)-(?!\w)|\.(?!\w)")
_CUES = table("argument_cues")
_BE = frozenset(_CUES["be"])  # "was blamed": passive
_CLAUSE = frozenset(_CUES["clause_openers"])  # a side stops at punctuation and at these
_BEFORE_BASE = frozenset(_CUES["auxiliaries"])  # "will name", "had broken": a verb form follows
_REPORTING = word_set("reporting_verbs") | word_set("speech_verbs")
_PRONOUNS = word_set("pronouns")
_DETERMINERS = frozenset(_CUES["determiners"])
_FRAME_VERBS = frozenset(_CUES["frame_verbs"])
_COMPLEMENT_VERBS = frozenset(_CUES["complement_verbs"])
_ORG_KEYS = frozenset(stem(w) for w in ORG_WORDS)  # a generic organisation name's words, as ``_key`` compares them
_HEAD_KEYS = frozenset(stem(w) for w in HEADS)
_MIN_SAID = 3  # content words after "X said" for them to be what X says


def tokens(text: str) -> list[str]:
    """Lower-case word tokens and clause punctuation of ``text`` (possessive "'s" dropped); a place mention,
    however written ("US", "South Korea's", "Japanese"), is one token ``placekey<key>``."""
    return list(_tokens(text))


@lru_cache(maxsize=1024)  # five role readers tokenise the same claim and window
def _tokens(text: str) -> tuple[str, ...]:
    """``tokens`` of ``text``, read once per text."""
    parts, at = [], 0
    for m in place_mentions(text):
        parts += [text[at : m.start], " " + _PLACE + m.key.replace("_", "") + " "]
        at = m.end
    parts.append(text[at:])
    out = []
    for t in _TOKEN_RE.findall("".join(parts).lower().replace("’", "'")):
        out.append(t[:-2] if t.endswith("'s") else t)
    return tuple(out)


def _key(word: str) -> str:
    """A comparable form: the country for a place ("place_japan", "japanese" -> "place:japan"), else the stem."""
    if word.startswith(_PLACE):
        return "place:" + word[len(_PLACE) :]
    p = place_of_word(word)
    return "place:" + p[0] if p else stem(word)


def _shown(t: str) -> str:
    return t[len(_PLACE) :] if t.startswith(_PLACE) else t


def _is_word(t: str) -> bool:
    return t[:1].isalnum()


def _side(toks: list[str], at: int, step: int) -> list[str]:
    """Keys of up to SIDE content words from ``at`` in direction ``step`` (±1), within the clause."""
    out: list[str] = []
    j = at
    for _ in range(_REACH):
        if not 0 <= j < len(toks):
            break
        t = toks[j]
        if not _is_word(t) or t in _CLAUSE:
            break
        if t not in STOPWORDS and len(t) > 1:
            out.append(_key(t))
            if len(out) >= SIDE:
                break
        j += step
    return out


def roles_at(toks: list[str], i: int) -> tuple[set[str], set[str]]:
    """(agent keys, patient keys) around the verb at ``toks[i]``; a passive puts the "by" phrase first, also when
    the verb's object or a place stands between ("was fined 2 billion won by Hanwha": ``_late_by``)."""
    before = _side(toks, i - 1, -1)
    if i + 1 < len(toks) and toks[i + 1] == "by":
        return set(_side(toks, i + 2, 1)), set(before)
    if _passive(toks, i):
        by = _late_by(toks, i)
        if by is not None:
            return set(_side(toks, by + 1, 1)), set(before)
        return set(), set(before)  # "was blamed" with no "by" after it in its clause: the agent is unsaid
    return set(before), set(_side(toks, i + 1, 1))


def _passive(toks: list[str], i: int) -> bool:
    """Whether the verb at ``toks[i]`` is a participle after a be-form ("was blamed", "was reportedly sued")."""
    k = i - 1
    while k > 0 and toks[k].endswith("ly"):  # "was reportedly conveyed"
        k -= 1
    return k >= 0 and toks[k] in _BE and (toks[i].endswith(("ed", "en")) or toks[i] in irregular_forms())


def _late_by(toks: list[str], i: int) -> int | None:
    """The position of the "by" that gives the agent of the passive verb at ``toks[i]`` further on in its clause
    ("was fined 2 billion won by Hanwha", "were seized at Osaka port by customs officers"): within ``_REACH``
    tokens, no clause punctuation or opener before it, and a word after it that is no figure ("raised by 10%",
    "by 2025" give an amount or a deadline, not a doer)."""
    for k in range(i + 1, min(len(toks) - 1, i + 1 + _REACH)):
        t = toks[k]
        if t == "by":
            nxt = toks[k + 1]
            return k if _is_word(nxt) and not nxt[0].isdigit() else None
        if not _is_word(t) or t in _CLAUSE:
            return None
    return None


def _voice_unclear(toks: list[str], i: int) -> bool:
    """A "by" near ``toks[i]`` but not right after it: a passive elsewhere in the clause ("makers were denied
    approval by Japan" read at "approval"), so the sides of this word are not its agent and patient; not when
    the "by" gives this passive verb's own agent further on (``_late_by``)."""
    near = toks[max(0, i - _REACH) : i] + toks[i + 2 : i + 1 + _REACH]
    if "by" not in near or i + 1 < len(toks) and toks[i + 1] == "by":
        return False
    return not (_passive(toks, i) and _late_by(toks, i) is not None)


def _verb_like(toks: list[str], i: int) -> bool:
    """A verb form by its shape, no tagger: "-ed"/"-ing", an irregular past ("told", "sold"), a short participle
    after a be-form ("was sued", "were fined"), or a base form after a modal ("will name"; not after "to", which
    also precedes names: "conveyed to Yasutoshi Nishimura")."""
    t = toks[i]
    if t.endswith(("ed", "ing")) and len(t) > 4 or t in irregular_forms():
        return True
    if t.endswith("ed") and len(t) > 3 and i > 0 and toks[i - 1] in _BE:
        return True
    return i > 0 and toks[i - 1] in _BEFORE_BASE


def _verbs(toks: list[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        if (_is_word(t) and t not in STOPWORDS and len(t) > 2 and not t[0].isdigit() and place_of_word(t) is None
                and _verb_like(toks, i)):
            out.setdefault(predicate_lemma(t), []).append(i)
    return out


def argument_swap(claim: str, window: str) -> str | None:
    """A reason when the claim puts the window's agent and patient of a shared verb the other way round."""
    ct, wt = tokens(claim), tokens(window)
    wverbs = _verbs(wt)
    for lemma, positions in _verbs(ct).items():
        for i in positions:
            if _voice_unclear(ct, i):
                continue
            ca, cp = roles_at(ct, i)
            if not ca or not cp:
                continue
            # a short past form of the claim's verb is that verb though its shape alone is too short to say so
            # ("Samsung sued BOE" for the claim's "BOE was sued by Samsung"); not a noun of its lemma ("a rise in")
            found = wverbs.get(lemma) or [j for j, t in enumerate(wt) if _is_word(t) and t.endswith("ed")
                                          and len(t) > 3 and predicate_lemma(t) == lemma]
            for j in found[:4]:
                if _voice_unclear(wt, j):
                    continue
                wa, wp = roles_at(wt, j)
                stayed = (ca & wa) | (cp & wp)  # frame words on the same side ("reportedly denied approval")
                if (ca & wp) - stayed and (cp & wa) - stayed:
                    lo, hi = max(0, j - SIDE - 1), min(len(wt), j + SIDE + 3)
                    return "role: passage has '" + " ".join(_shown(t) for t in wt[lo:hi] if _is_word(t)) + "'"
    return subject_swap(claim, window) or order_swap(claim, window)


def order_swap(claim: str, window: str) -> str | None:
    """A reason when two entities the claim and the window both name stand in the other order around the same
    words ("Russia is weighing whether to provide aid to China" vs "China is weighing whether to provide aid to
    Russia"): at most ``ORDER_GAP`` tokens apart, at least ``ORDER_SHARED`` of the claim's content words between
    them also between them in the window (and at least two), no passive "by" between, and the window never gives
    the two in the claim's order."""
    ct, wt = tokens(claim), tokens(window)
    # a title restated after its name ("Rene Haas, the chief executive of Arm" over "Arm chief executive Rene Haas")
    # puts the owner and the holder in the other order by design (named_appositions.restated_holdings)
    ents = (name_keys(claim) & name_keys(window)) - {_key(w) for w in restated_holdings(claim, window)}
    if len(ents) < 2:
        return None
    ck, wk = [_key(t) if _is_word(t) else t for t in ct], [_key(t) if _is_word(t) else t for t in wt]

    def between(toks: list[str], keys: list[str], lo: int, hi: int) -> set[str] | None:
        if hi - lo > ORDER_GAP or "by" in toks[lo:hi]:
            return None
        return {k for t, k in zip(toks[lo + 1 : hi], keys[lo + 1 : hi]) if _is_word(t) and t not in STOPWORDS
                and k not in ents}

    cpos = [(i, k) for i, k in enumerate(ck) if k in ents]
    # the owner and the name of a possessive title the window writes as an apposition ("X's chief executive Y")
    titled = {_key(p) for w in restated_titles(claim, window) for p in re.findall(r"[^\W_]+", w)}
    for x, (a, ka) in enumerate(cpos):
        for b, kb in cpos[x + 1 :]:
            if ka == kb:
                continue
            said = between(ct, ck, a, b)
            if not said or len(said) < 2:
                continue
            wa = [i for i, k in enumerate(wk) if k == ka]
            wb = [i for i, k in enumerate(wk) if k == kb]
            same = [(i, j) for i in wa for j in wb if i < j and (between(wt, wk, i, j) or set()) & said]
            for i, j in same:  # the claim's order with the converse verb: the transfer the wrong way round
                got = between(wt, wk, i, j) or set()
                if len(said & got) >= max(2, ORDER_SHARED * len(said)) and converse_transfer(ct[a + 1 : b], wt[i + 1 : j]):
                    return "role: passage has '" + " ".join(_shown(t) for t in wt[i : j + 1] if _is_word(t)) + "'"
            if same or {ka, kb} <= titled:
                continue  # the window also has them in the claim's order, or the claim's title is its apposition
            for j in wb:
                for i in wa:
                    got = between(wt, wk, j, i) if j < i else None
                    if got and len(said & got) >= max(2, ORDER_SHARED * len(said)):
                        if converse_transfer(ct[a + 1 : b], wt[j + 1 : i]):
                            continue  # the same transfer told from its other end ("received ... from" / "sent ... to")
                        return "role: passage has '" + " ".join(_shown(t) for t in wt[j : i + 1] if _is_word(t)) + "'"
    return None


_TRANSFERS = data_table("transfers")
_SOURCE_MARKER: str = _TRANSFERS["source_marker"]


@lru_cache(maxsize=1)
def _transfer_pairs() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(giver lemmas, receiver lemmas) of each pair in ``data/transfers.toml``, by ``predicate_lemma``."""
    return tuple((frozenset(map(predicate_lemma, give)), frozenset(map(predicate_lemma, take)))
                 for give, take in _TRANSFERS["pairs"])


def converse_transfer(one: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two token spans (the words between a transfer's two ends) tell it with the two sides of one converse
    pair ("has sent ... to" / "has received ... from"; ``data/transfers.toml``), the receiver's span naming its giver
    with "from"."""
    lemmas = [{predicate_lemma(t) for t in span if _is_word(t) and t not in STOPWORDS} for span in (one, other)]
    for give, take in _transfer_pairs():
        for a, b, span in ((0, 1, other), (1, 0, one)):
            if lemmas[a] & give and lemmas[b] & take and not lemmas[a] & take and _SOURCE_MARKER in span:
                return True
    return False


def name_keys(text: str) -> set[str]:
    """Keys (``_key``: stems, "place:<country>") of the words ``text`` capitalises (a sentence's first word too: both
    texts must have it; stop words left out) and of every place it names (entities), for the role readers here and
    ``transfer_directions``. Not ``subject_sentence._names`` (capitalised words as written): read by keys, one
    own-claims negation item moves (s67 and s68 tried it)."""
    out = set()
    for m in re.finditer(r"[^\W_]+", text):
        w = m.group(0)
        if w[:1].isupper() and w.lower() not in STOPWORDS:
            out.add(_key(w.lower()))
    return out | {"place:" + m.key.replace("_", "") for m in place_mentions(text)}


def _subject(toks: list[str], i: int, entities: set[str]) -> str | None:
    """The entity nearest before the verb at ``toks[i]`` within its clause (its subject), if any. A clause that is the
    object of a verb such as "found" with no "that" ("the FTC found the company removed the tags") begins after that
    verb (``argument_cues.toml`` complement_verbs): the FTC is the one who found, not the one who removed; the
    clause's own subject ("the company") is no entity, so the verb has none."""
    lo = next((k for k in range(i - 2, max(-1, i - 1 - _REACH), -1) if toks[k] in _COMPLEMENT_VERBS), -1)
    for key in _side(toks[lo + 1 : i], i - lo - 2, -1):
        if key in entities:
            return key
    return None


def subject_swap(claim: str, window: str) -> str | None:
    """A reason when the claim and the window give two shared verbs the same two entities as subjects, the
    other way round ("China told CNN ... the US was open to" vs "US officials told CNN ... China has expressed
    openness to"; entities: places and capitalised words)."""
    ct, wt = tokens(claim), tokens(window)
    ents = name_keys(claim) & name_keys(window)
    if len(ents) < 2:
        return None
    wverbs = _verbs(wt)
    pairs = []  # (claim subject, window subject, verb) for each shared verb with subjects on both sides
    for lemma, positions in _verbs(ct).items():
        if lemma not in wverbs:
            continue
        cs = _subject(ct, positions[0], ents)
        ws = _subject(wt, wverbs[lemma][0], ents)
        if cs and ws and cs != ws:
            pairs.append((cs, ws, lemma))
    claim_subjects = {_subject(ct, i, ents) for pos in _verbs(ct).values() for i in pos}
    window_subjects = {_subject(wt, i, ents) for pos in wverbs.values() for i in pos}
    for cs, ws, lemma in pairs:  # the window's subject of this verb is the claim's subject of another, and back
        if ws in claim_subjects and cs in window_subjects:
            return f"role: passage has '{ws.split(':')[-1]}' as the one who {lemma}s"
    return None


def speakers(toks: list[str]) -> list[tuple[set[str], bool]]:
    """(speaker keys, pronoun only) of each reported-speech frame: "X said", "said X", "according to X",
    and a leading "X:" (a summary's "ghitis: ...")."""
    out = []
    for i, t in enumerate(toks):
        if t in _REPORTING and t != "according":
            if _denied_object(toks, i):
                continue  # "rejected [the] claims that ...": what is denied, not who says it
            who = _side(toks, i - 1, -1) or _apposed_speaker(toks, i)
            pron = i > 0 and toks[i - 1] in _PRONOUNS
            if not who and not pron:
                who = _side(toks, i + 1, 1)[:2]
            if who or pron:
                out.append((set(who), pron and not who))
        elif t == "according" and i + 1 < len(toks) and toks[i + 1] == "to":
            who = _side(toks, i + 2, 1)
            if who:
                out.append((set(who), False))
    if len(toks) > 2 and toks[1] == ":" and toks[0] not in STOPWORDS:
        out.append(({_key(toks[0])}, False))
    elif len(toks) > 3 and toks[2] == ":" and toks[0] not in STOPWORDS:
        out.append(({_key(toks[0]), _key(toks[1])}, False))
    return out


_APPOSITION_WORDS = 10  # longest apposition read between a speaker and its verb (tokens)


def _apposed_speaker(toks: list[str], i: int) -> list[str]:
    """Keys of a speaker named before an apposition that stands between it and the reporting verb at ``toks[i]``
    ("Rene Haas, the chief executive of Arm, said": "rene", "haas"): the verb right after a comma, the apposition
    opened by a comma and an article at most ``_APPOSITION_WORDS`` tokens before; else []."""
    if i < 3 or toks[i - 1] != ",":
        return []
    j = i - 2
    while j > 0 and i - j <= _APPOSITION_WORDS and _is_word(toks[j]):
        j -= 1
    if toks[j] != "," or toks[j + 1] not in word_set("articles"):
        return []
    return _side(toks, j - 1, -1)


def _denied_object(toks: Sequence[str], i: int) -> bool:
    """Whether the reporting word at ``toks[i]`` ("claims", "reports") is the object of a denial verb right before it,
    or before one determiner ("disputed claims that", "rejected the claim that": ``data/denials.toml``, negation.toml)."""
    k = i - 1 - (i > 1 and toks[i - 1] in _DETERMINERS)
    return k >= 0 and (toks[k] in DENIAL_VERBS or toks[k] in NEGATIVE_VERBS)


def speaker_mismatch(claim: str, window: str) -> str | None:
    """A reason when the claim's speaker is not the window's (or a bare "he says" meets a window that reports
    no speech, or the window gives what the claim reports to another of its speakers: ``speaker_swap``), else
    None."""
    ct, wt = tokens(claim), tokens(window)
    said = speakers(ct)
    if not said:
        return None
    heard = speakers(wt)
    wkeys = {_key(t) for t in wt if _is_word(t)}
    for who, pronoun_only in said:
        if pronoun_only:
            if not heard and not any(t in _REPORTING for t in wt):
                return "attribution: claim reports someone saying it, the passage does not"
            continue
        if heard and not who & wkeys and not _acronym_match(who, ct, wt):
            return "attribution: claim has '" + " ".join(sorted(who)) + "' saying it, the passage another speaker"
    return speaker_swap(ct, wt)


def _initials(toks: list[str]) -> set[str]:
    """Initials of each run of two to five consecutive non-stopword words ("united nations" -> "un")."""
    return run_initials([t if _is_word(t) and t not in STOPWORDS else "" for t in toks], 2, 5)


def _acronym_match(who: set[str], claim: list[str], window: list[str]) -> bool:
    """Whether a speaker is the same one written as an acronym on one side and in full on the other: "the UN"
    for "the United Nations", "International Monetary Fund" for "the IMF"."""
    spelled = _initials(window)
    if any(len(w) > 1 and w.isalpha() and w in spelled for w in who):
        return True  # a claim acronym for the window's words
    keys = {_key(t) for t in window if _is_word(t)}
    return bool(keys & _initials([t for t in claim if _key(t) in who]))


def other_speaker(claim: str, window: str) -> str | None:
    """A reason when the claim's named speaker is in the window but not as anyone saying it, while the window
    reports someone else ("supporters say X" for "supporters of the measure described it as Y, while opponents
    warned X"; "the airline says" for "the spokeswoman said ... the airline continues"), else None. Weaker than
    ``speaker_mismatch`` (a speaker may be named once and then referred to): a signal, not a verdict."""
    ct, wt = tokens(claim), tokens(window)
    heard = speakers(wt)
    if not heard or _pronoun_frame_shared(ct, wt):
        return None
    for who, pronoun_only in speakers(ct):
        if who and not pronoun_only and not any(who & h for h, _ in heard) and not _speaks(wt, who) \
                and not _same_body(who, wt):
            return ("attribution: the passage has " + " or ".join(sorted({"'" + " ".join(sorted(h)) + "'" for h, _ in heard if h}))
                    + " saying it, not '" + " ".join(sorted(who)) + "'")
    return None


def _same_body(who: set[str], window: list[str]) -> bool:
    """Whether a speaker ``who`` (keys) is a generic organisation name (``org_names``: organisation words with a head,
    a place aside) whose every word the window writes: "Seoul's trade ministry" for "the South Korean Ministry of Trade,
    Industry and Energy said", whose name the speaker list reads by its last word."""
    words = {k for k in who if not k.startswith("place:")}
    return bool(words) and words <= _ORG_KEYS and bool(words & _HEAD_KEYS) and words <= {_key(t) for t in window}


def _pronoun_frame_shared(claim: list[str], window: list[str]) -> bool:
    """Whether the window has a reporting verb of the claim's right after a pronoun or other function word ("it
    reported record revenue" for "the chipmaker reported record revenue"; "which announced"): that subject may be
    the claim's named speaker."""
    said = {stem(t) for t in claim if t in _REPORTING}
    return any(t in _REPORTING and stem(t) in said and (window[i - 1] in _PRONOUNS or window[i - 1] in STOPWORDS)
               for i, t in enumerate(window) if i)


def _speaks(toks: list[str], who: set[str]) -> bool:
    """Whether a speaker word of ``who`` stands within three words before a reporting verb of ``toks`` (a frame the
    speaker list reads under a longer name: "the spokeswoman for the airline said")."""
    for i, t in enumerate(toks):
        if t in _REPORTING and any(_key(x) in who for x in toks[max(0, i - 4) : i] if _is_word(x)):
            return True
    return False


@dataclass(frozen=True)
class Frame:
    """One reported-speech frame: the speaker's keys, and the token range ``[lo, hi)`` of what they are said to say."""

    who: frozenset[str]
    lo: int
    hi: int
    shown: str  # the speaker as written ("british prime minister boris johnson")


def _reach(toks: list[str], at: int, step: int, limit: int = SIDE) -> tuple[list[str], int]:
    """``_side`` with the index of the last content word it took (``at - step`` when none)."""
    keys: list[str] = []
    last, j = at - step, at
    for _ in range(_REACH):
        if not 0 <= j < len(toks) or not _is_word(toks[j]) or toks[j] in _CLAUSE:
            break
        if toks[j] not in STOPWORDS and len(toks[j]) > 1:
            keys.append(_key(toks[j]))
            last = j
            if len(keys) >= limit:
                break
        j += step
    return keys, last


def speech_frames(toks: list[str]) -> list[Frame]:
    """The reported-speech frames of ``tokens(text)`` with what each speaker says: "X said A, while Y said B" gives
    X the tokens up to Y's name and Y the rest; "A, said X", "A, X said." and "A, according to X" give X what comes
    before. A reporting word after a determiner is a noun ("the report said"), and one before "to" is no speech
    ("estimated to reach")."""
    raw = []  # (speaker keys, first and last token of the frame, the content follows the frame, speaker tokens)
    for i, t in enumerate(toks):
        if t in _FRAME_VERBS:
            if i > 0 and toks[i - 1] in _DETERMINERS or i + 1 < len(toks) and toks[i + 1] == "to":
                continue  # "the report said": a noun; "estimated to reach": not speech
            who, lo = _reach(toks, i - 1, -1)
            if who:
                raw.append((who, lo, i, True, toks[lo:i]))
            elif i > 0 and toks[i - 1] == ",":  # ", said Jeff Tucker"
                who, hi = _reach(toks, i + 1, 1, 2)
                if who:
                    raw.append((who, i, hi, False, toks[i + 1 : hi + 1]))
        elif t == "according" and i + 1 < len(toks) and toks[i + 1] == "to":
            who, hi = _reach(toks, i + 2, 1)
            if who:
                raw.append((who, i, hi, i == 0 or not _is_word(toks[i - 1]), toks[i + 2 : hi + 1]))
    out = []
    for k, (who, lo, hi, after, words) in enumerate(raw):
        shown = " ".join(_shown(t) for t in words if _is_word(t))
        end = raw[k + 1][1] if k + 1 < len(raw) else len(toks)
        # "X said Wednesday." after a quote: what X says is before the frame, unless another frame has that
        # ("..., while analysts said the decline would deepen") or there is nothing before
        start = raw[k - 1][2] + 1 if k else 0
        words_after = sum(_is_word(t) and t not in STOPWORDS for t in toks[hi + 1 : end])
        words_before = sum(_is_word(t) and t not in STOPWORDS for t in toks[start:lo])
        if after and words_after and (words_after >= _MIN_SAID or k or not words_before):
            out.append(Frame(frozenset(who), hi + 1, end, shown))
        else:  # "A, said X", or "A, X said." with nothing after the verb
            out.append(Frame(frozenset(who), start, lo, shown))
    return out


def _said(toks: list[str], f: Frame) -> set[str]:
    return {_key(t) for t in toks[f.lo : f.hi]
            if _is_word(t) and t not in STOPWORDS and len(t) > 1 and t not in _REPORTING}


def speaker_swap(ct: list[str], wt: list[str]) -> str | None:
    """A reason when the window reports two speakers and what the claim reports matches what one says, but the
    claim gives it to the other ("Macron said France would contribute ..." against "Johnson said the country would
    contribute ..., while Macron said the cost will be very high"); ``ct``, ``wt``: ``tokens`` of each."""
    heard = [f for f in speech_frames(wt) if f.hi > f.lo]
    if len({f.who for f in heard}) < 2:
        return None
    for c in speech_frames(ct):
        words = _said(ct, c)
        scored = sorted(((len(words & _said(wt, f)), n) for n, f in enumerate(heard)), reverse=True)
        (top, n), runner_up = scored[0], scored[1][0]
        best = heard[n]
        # the claim's words must point at one frame, and the claim's speaker must be one of the window's others
        if top < 2 or top == runner_up or c.who & best.who:
            continue
        if any(c.who & f.who for f in heard if f is not best):
            return f"attribution: the passage has '{best.shown}' saying it, not '{c.shown}'"
    return None
