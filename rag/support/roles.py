"""Who did what to whom, without a parser: the words on each side of a shared verb, and who says a thing.

``argument_swap``: for every verb the claim shares with its supporting window (same predicate lemma; a verb by
its shape in both texts: "-ed", "-ing", an irregular past, a word after an auxiliary), the content words just
before it (up to ``SIDE`` words, within its clause) are the agent and those just after it the patient; a passive ("was blamed by China", "products designed by TSMC") turns the sides
round. The claim swaps roles when its agent words sit on the window's patient side *and* its patient words
on the window's agent side ("Traders warned the People's Bank of China" vs "People's Bank of China warning
traders"; "China denied approval for Japanese makers" vs "Japan denied approval for Chinese makers": places
compare by country, so "Japanese" is "Japan"). ``subject_swap``: two shared verbs whose subjects (the nearest
entity before each) the claim gives the other way round ("China told CNN ... the US was open" vs "US officials
told CNN ... China has expressed openness"). Function words: ``rag/text/data/argument_cues.toml``.

``speaker_mismatch``: a claim that reports speech ("X said ...", "... , X says", "X: ...") names a speaker;
when the window reports speech too and none of the claim's speaker words is in it, or the claim's speaker is
only a pronoun ("he says") and the window reports no one saying anything, the attribution is unsupported.
"""

from __future__ import annotations

import re

from rag.support.lexicon import STOPWORDS
from rag.support.polarity import predicate_lemma
from rag.text.lexicon import table, word_set
from rag.text.places import place_mentions, place_of_word
from rag.text.tokens import irregular_forms, stem

SIDE = 4  # content words read on each side of the verb
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


def tokens(text: str) -> list[str]:
    """Lower-case word tokens and clause punctuation of ``text`` (possessive "'s" dropped); a place mention,
    however written ("US", "South Korea's", "Japanese"), is one token ``placekey<key>``."""
    parts, at = [], 0
    for m in place_mentions(text):
        parts += [text[at : m.start], " " + _PLACE + m.key.replace("_", "") + " "]
        at = m.end
    parts.append(text[at:])
    out = []
    for t in _TOKEN_RE.findall("".join(parts).lower().replace("’", "'")):
        out.append(t[:-2] if t.endswith("'s") else t)
    return out


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
    """(agent keys, patient keys) around the verb at ``toks[i]``; a passive puts the "by" phrase first."""
    before = _side(toks, i - 1, -1)
    if i + 1 < len(toks) and toks[i + 1] == "by":
        return set(_side(toks, i + 2, 1)), set(before)
    after = _side(toks, i + 1, 1)
    k = i - 1
    while k > 0 and toks[k].endswith("ly"):  # "was reportedly conveyed"
        k -= 1
    if k >= 0 and toks[k] in _BE and (toks[i].endswith(("ed", "en")) or toks[i] in irregular_forms()):
        return set(), set(before)  # "was blamed" with no "by" right after: the agent is unsaid
    return set(before), set(after)


def _voice_unclear(toks: list[str], i: int) -> bool:
    """A "by" near ``toks[i]`` but not right after it: a passive elsewhere in the clause ("makers were denied
    approval by Japan" read at "approval"), so the sides of this word are not its agent and patient."""
    near = toks[max(0, i - _REACH) : i] + toks[i + 2 : i + 1 + _REACH]
    return "by" in near and not (i + 1 < len(toks) and toks[i + 1] == "by")


def _verb_like(toks: list[str], i: int) -> bool:
    """A verb form by its shape, no tagger: "-ed"/"-ing", an irregular past ("told", "sold"), or a base form
    after a modal ("will name"; not after "to", which also precedes names: "conveyed to Yasutoshi Nishimura")."""
    t = toks[i]
    if t.endswith(("ed", "ing")) and len(t) > 4 or t in irregular_forms():
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
            for j in wverbs.get(lemma, ())[:4]:
                if _voice_unclear(wt, j):
                    continue
                wa, wp = roles_at(wt, j)
                stayed = (ca & wa) | (cp & wp)  # frame words on the same side ("reportedly denied approval")
                if (ca & wp) - stayed and (cp & wa) - stayed:
                    lo, hi = max(0, j - SIDE - 1), min(len(wt), j + SIDE + 3)
                    return "role: passage has '" + " ".join(_shown(t) for t in wt[lo:hi] if _is_word(t)) + "'"
    return subject_swap(claim, window)


def _names(text: str) -> set[str]:
    """Keys of the words ``text`` capitalises (a sentence's first word too: both texts must have it) and of
    every place it names (entities)."""
    out = set()
    for m in re.finditer(r"[^\W_]+", text):
        w = m.group(0)
        if w[:1].isupper() and w.lower() not in STOPWORDS:
            out.add(_key(w.lower()))
    return out | {"place:" + m.key.replace("_", "") for m in place_mentions(text)}


def _subject(toks: list[str], i: int, entities: set[str]) -> str | None:
    """The entity nearest before the verb at ``toks[i]`` within its clause (its subject), if any."""
    for key in _side(toks, i - 1, -1):
        if key in entities:
            return key
    return None


def subject_swap(claim: str, window: str) -> str | None:
    """A reason when the claim and the window give two shared verbs the same two entities as subjects, the
    other way round ("China told CNN ... the US was open to" vs "US officials told CNN ... China has expressed
    openness to"; entities: places and capitalised words)."""
    ct, wt = tokens(claim), tokens(window)
    ents = _names(claim) & _names(window)
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
            who = _side(toks, i - 1, -1)
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


def speaker_mismatch(claim: str, window: str) -> str | None:
    """A reason when the claim's speaker is not the window's (or a bare "he says" meets a window that reports
    no speech), else None."""
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
        if heard and not who & wkeys:
            return "attribution: claim has '" + " ".join(sorted(who)) + "' saying it, the passage another speaker"
    return None
