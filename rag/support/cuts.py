"""Cuts and joins of a near-copied claim: where a claim that copies passage sentences drops or joins words.

Summaries often copy a sentence and leave a stretch out. Dropping a whole modifier is compression ("a lawsuit was
filed against the U.S. government [over the experiments]"); dropping a stretch that ends inside a phrase moves
the kept words onto another head: "three people [died and over 200 were] injured", "237 lines of [manuscript and
26 lines of] typed text", "moving into Earth['s shadow]". Likewise a claim that copies the first half of one
sentence and the second half of another gives one sentence's subject the other's predicate ("Yazidis live [...]
in the town of Sinjar and fled ISIS"). Both are read on word alignments (``difflib``) of the claim with the
window's sentences; the words a cut may not end on are data (``cut_words.toml``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple, Sequence

from rag.support.lexicon import LIGHT_WORDS, NUMBER_WORDS, STOPWORDS
from rag.support.measure_order import link_at_end
from rag.support.modality import scheduled_frame
from rag.support.edits import ANAPHORA_NOUN_RE, BACK_DETERMINERS
from rag.support.org_names import HEADS
from rag.support.polarity import read_no_comment
from rag.support.referring import refers_to
from rag.support.word_class import VERB, word_class
from rag.text.lexicon import table, word_set
from rag.text.tokens import stem

_CUT_WORDS = table("cut_words")
_PREPOSITIONS = frozenset(_CUT_WORDS["prepositions"])
_GOVERNING = frozenset(w for key in ("prepositions", "determiners", "auxiliaries", "relatives") for w in _CUT_WORDS[key])
_TOKEN_RE = re.compile(r"\d[\d,.]*\d|\d|[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
_QUOTES = frozenset("\"'“”‘’")
_LIST_JOINS = frozenset(_CUT_WORDS["list_joins"])
_JUNCTIONS = frozenset(_CUT_WORDS["junctions"])
_COPULA = frozenset(_CUT_WORDS["copulas"])
_DETERMINERS = frozenset(_CUT_WORDS["determiners"])
_CO_AGENT_AUX = frozenset(_CUT_WORDS["co_agent_auxiliaries"])
_AUXILIARIES = frozenset(_CUT_WORDS["auxiliaries"])
_REPORTING = word_set("reporting_verbs") | word_set("speech_verbs")
_CLAUSE_OPENERS = frozenset(_CUT_WORDS["clause_openers"])
_RELATIVES = frozenset(_CUT_WORDS["relatives"])
_SUBJECT_PRONOUNS = frozenset(_CUT_WORDS["subject_pronouns"])
_FRACTION_TAILS = tuple(tuple(t) for t in _CUT_WORDS["fraction_tails"])
_INCLUSIONS = tuple(tuple(w.split()) for w in _CUT_WORDS["inclusions"])
#: Share of claim words aligned in order with one sentence for the claim to count as a copy of it.
NEAR_COPY = 0.75
#: A figure kept this many aligned words before a skipped stretch that holds another figure is read as moved.
FIGURE_REACH = 3
#: A claim this much of one sentence is that sentence's copy, whatever another gives it.
ONE_COPY = 0.9
#: Fewest claim words a sentence must give, in runs of at least two, for a join of two sentences to count.
JOIN_MIN = 3
#: Most words of an aside between commas that a governing word may stand before (``_without_aside``).
ASIDE_WORDS = 3
#: Most words of a second clause's subject that a cut may skip (``_dropped_subject``).
SUBJECT_WORDS = 5


class Token(NamedTuple):
    """A sentence token: lower-case text without a possessive ending, word or punctuation, possessive."""

    text: str
    word: bool
    possessive: bool


@lru_cache(maxsize=1024)
def tokens(text: str) -> tuple[Token, ...]:
    """Lower-case tokens of ``text``: words (possessive "'s" dropped and flagged), numbers ("14,000" one token)
    and single punctuation marks."""
    out = []
    for m in _TOKEN_RE.finditer(text.lower().replace("’", "'")):
        t = m.group(0)
        if t[:1].isalnum():
            poss = t.endswith("'s") and len(t) > 2
            out.append(Token(t[:-2] if poss else t, True, poss))
        else:
            out.append(Token(t, False, False))
    return tuple(out)


def _figure(word: str) -> bool:
    return word[:1].isdigit() or word in NUMBER_WORDS


def _content(word: str) -> bool:
    return word not in STOPWORDS and word not in LIGHT_WORDS and not _figure(word) and len(word) > 1


def cut_reason(claim: str, sentence: str) -> str | None:
    """A reason when the claim copies ``sentence`` (at least ``NEAR_COPY`` of its words, in order) but cuts it
    inside a phrase, else None: a skipped stretch holding another figure right after a kept one ("three people
    [died and over 200 were] injured"), a skipped stretch ending on a word that governs the next kept word
    (``cut_words.toml``: a preposition, determiner, auxiliary or relative pronoun; "is [creating a version ...
    that will be] a digital embodiment"), or a claim that stops before the possessed noun of a kept possessive
    ("into Earth['s shadow]"). A stretch the claim puts words of its own in place of is a rewording, not a cut
    ("would not [say] how" for "did not comment on how"; the copy signals read it) unless one is a figure, and
    skipped words the claim has elsewhere in any form are a reordering ("without the [signing of the] agreement"
    for "without the agreement being signed"). Nor are a reporting frame the claim gives as "according to X"
    ("According to the Home Office, 17,700" for "The Home Office said a total of 17,700") and a possessor dropped
    after "the" ("the [government's] Ukraine Family Scheme")."""
    claim, sentence = read_no_comment(claim), read_no_comment(sentence)  # an idiom's words are no cut
    cw = [t.text for t in tokens(claim) if t.word]
    st = tokens(sentence)
    words = [i for i, t in enumerate(st) if t.word]
    if len(cw) < 3 or not words:
        return None
    sm = SequenceMatcher(None, cw, [st[i].text for i in words], autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks or sum(b.size for b in blocks) < NEAR_COPY * len(cw):
        return None
    dropped = _fraction_dropped(cw, [st[i].text for i in words], blocks)
    if dropped:
        return dropped
    aligned = {i for bl in blocks for i in range(bl.a, bl.a + bl.size)}
    moved = {stem(w) for i, w in enumerate(cw) if i not in aligned}  # claim words put elsewhere ("seafood imports")
    frame = any(w == "according" and nxt == "to" for w, nxt in zip(cw, cw[1:]))  # the claim attributes it itself
    for a, b in zip(blocks, blocks[1:]):
        if b.b <= a.b + a.size:
            continue
        own = cw[a.a + a.size : b.a]
        # a clause opener of the claim's own in place of the passage's ("and" for "while") joins clauses as before
        opener_only = bool(own) and all(w in _CLAUSE_OPENERS for w in own)
        if own and not any(_figure(w) for w in own) and not opener_only:
            continue  # the claim puts words of its own there ("would not [say] how"): an edit, read by the copy signals
        skipped = list(st[words[a.b + a.size - 1] + 1 : words[b.b]])
        kept = cw[a.a : a.a + a.size]
        # "killed in [an otherwise disastrous raid in] the Philippines": the stretch could as well end before the
        # kept "in"; the alignment's choice is arbitrary, so the cut is read where it leaves the phrase whole
        k = 0
        sw = [t for t in skipped if t.word]
        while k < min(len(kept), len(sw) - 1) and sw[-1 - k].text == kept[-1 - k]:
            k += 1
        if k:
            skipped = skipped[: skipped.index(sw[-k])]
        shown = " ".join(t.text for t in skipped if t.word)
        if opener_only:
            subject = _dropped_subject(own, [t for t in skipped if t.word], cw, b.a)
            if subject:
                return f"cut: the claim skips '{shown}', taking '{cw[b.a]}' from its own subject {subject}"
            continue
        if all(stem(t.text) in moved for t in skipped if t.word and _content(t.text)) and any(
                t.word and _content(t.text) for t in skipped):
            continue  # "halted [imports of] seafood" for "halted seafood imports": reordered, not left out
        link = link_at_end([t.text for t in sw])
        if link and len(sw) > link and stem(sw[-link - 1].text) in moved and _figure(cw[b.a]):
            continue  # "a [combined sentence of] 14 years" for "a 14-year sentence": the measure's noun moved before it
        if frame and any(t.word and t.text in _REPORTING for t in skipped):
            continue  # "According to the Home Office, 17,700" for "The Home Office said a total of 17,700": a moved frame
        if kept[-1] in _DETERMINERS and all(t.possessive for t in skipped if t.word) and len(sw) == 1:
            continue  # "the [government's] Ukraine Family Scheme": the possessor dropped, the head kept
        if scheduled_frame([t.text.lower() for t in sw], sentence):
            continue  # "China [said on Sunday it would] ban exports ... from December 1": an announced measure's frame
        if _sub_count(sw, cw, b.a, st, words[b.b]):
            continue  # "hired [61 engineers, including] 17 [engineers] from Lingyun": the part restated with its qualifier
        if _co_agent(sw):
            continue  # "Abe [and his aides have] hinted": a co-agent dropped, the kept subject's predicate whole
        bare = _outside_brackets(skipped)  # "14,000 miles [(22,500 kilometers)]": a conversion drops cleanly
        core = _without_aside(skipped)  # "rival who[, of course,]": the word before the aside governs
        last = next((t for t in reversed(core) if t.text not in _QUOTES), None)
        # a list item dropped whole: "Lee, 52; [Kim, 60; and] Park, 47" or "Lee, 52[; Kim, 60;] and Park, 47"
        whole_item = last is not None and last.text in _LIST_JOINS or cw[b.a] in _LIST_JOINS
        if any(_figure(w) for w in kept[-FIGURE_REACH:]) and any(t.word and _figure(t.text) for t in bare) \
                and not whole_item:
            return f"cut: the claim skips '{shown}', moving a figure onto '{cw[b.a]}'"
        # a stretch between two prepositions swaps one object for another ("according to [a release from] X")
        # and a stretch of function words only ("at [an] auction") leaves the phrase as it was
        if last is not None and last.word and (last.text in _GOVERNING or last.possessive) \
                and not (kept[-1] in _PREPOSITIONS and last.text in _PREPOSITIONS) \
                and any(t.word and (_content(t.text) or _figure(t.text)) for t in core):
            return f"cut: the claim skips '{shown}', joining '{cw[a.a + a.size - 1]}' to '{cw[b.a]}'"
        subject = _dropped_subject(kept, [t for t in skipped if t.word], cw, b.a)
        if subject:
            return f"cut: the claim skips '{shown}', taking '{cw[b.a]}' from its own subject {subject}"
    # the claim's end: a possessive the passage gives a noun that the claim leaves out ("into Earth['s shadow]").
    # Where a claim starts or stops otherwise says little: on the FactCC rows, claims that start right after a
    # preposition were supported 6 times in 11; one that stops before a content word of the phrase ("a spring break
    # [gang rape]") reads like a faithful "in Miyagi [prefecture]" or "to 17 [percent]".
    inside = _relative_start(st, words[blocks[0].b], words[blocks[0].b + blocks[0].size - 1]) if blocks[0].a == 0 else None
    if inside:
        return f"cut: the claim starts inside the clause '{inside} ...', giving its words the sentence's predicate"
    final = blocks[-1]
    if final.a + final.size == len(cw):
        end = st[words[final.b + final.size - 1]]
        if end.possessive and not _claim_possessive(claim, end.text):
            return f"cut: the claim stops at '{end.text}', the passage's possessive of a noun it leaves out"
    return None


def _fraction_dropped(cw: Sequence[str], sw: Sequence[str], blocks: Sequence) -> str | None:
    """A reason when a kept run of the claim ends on a word the sentence continues with a fraction tail
    (``cut_words.toml`` fraction_tails: "the past year [and a half]", "an hour [and a quarter]") that the claim does
    not give next: the kept unit then measures another amount. None otherwise."""
    for bl in blocks:
        end = bl.b + bl.size
        nxt = cw[bl.a + bl.size : bl.a + bl.size + 3]
        for tail in _FRACTION_TAILS:
            if tuple(sw[end : end + len(tail)]) == tail and tuple(nxt) != tail and sw[end - 1].isalpha():
                return f"cut: the claim drops '{' '.join(tail)}' after '{sw[end - 1]}', giving another measure"
    return None


def _relative_start(st: Sequence[Token], start: int, end: int) -> str | None:
    """The opening of a relative clause the copy starts inside, else None: a relative pronoun (``cut_words.toml``)
    between the sentence's last comma before token ``start`` and it, and a comma inside the copied stretch
    (``start``..``end``) that closes the clause, followed by a verb or auxiliary (no relative clause of the copy's
    own before it), so that words of the clause become the subject of the sentence's own predicate: "The rapper, who shot to fame with [the track 'Country Grammar,' has been charged]" (h/checker-s55).
    A copy of the relative clause alone, or one that starts at its pronoun, crosses no such boundary."""
    if start == 0:
        return None
    comma = max((i for i in range(start) if st[i].text == ","), default=-1)
    opener = next((i for i in range(comma + 1, start) if st[i].word and st[i].text in _RELATIVES), None)
    if opener is None:
        return None
    at = [i for i, t in enumerate(st) if t.word]
    words = [st[i].text for i in at]
    closes = [k for k, i in enumerate(at) if start < i <= end and st[i - 1].text == ","
              or start < i <= end and i > 1 and st[i - 1].text in _QUOTES and st[i - 2].text == ","]
    # the first comma of the copy that a predicate follows, unless a relative clause of the copy's own comes
    # before it, which that comma then closes ("[the fire, which started Monday, was contained]")
    close = next((k for k in closes if words[k] in _AUXILIARIES or word_class(words, k, guess=False) == VERB), None)
    if close is None or any(st[i].text in _RELATIVES for i in range(start, at[close]) if st[i].word):
        return None
    return " ".join(t.text for t in st[opener:start] if t.word)


def _dropped_subject(kept: Sequence[str], skipped: Sequence[Token], claim: Sequence[str], at: int) -> str | None:
    """The subject of a second clause the cut leaves out, else None: the skipped words end on a clause opener
    (``cut_words.toml``: "and", "but", "while") and a subject of at most ``SUBJECT_WORDS`` words (no auxiliary,
    preposition, relative or verb), or are that subject alone after a kept opener, and the next kept claim word is
    a verb or auxiliary, which the claim then gives to the first clause's subject ("a college student[, while the
    other] is a former congressman"). Not a lone subject pronoun ("but [it] has not": most often the same subject),
    a subject whose words the kept part already has ("the team won and [the team] won again"), nor an opener
    inside a relative clause the stretch opens ("[who chairs the Energy and Natural Resources Committee]")."""
    words = [t.text for t in skipped]
    opener = max((i for i, w in enumerate(words) if w in _CLAUSE_OPENERS), default=None)
    if opener is None and not (kept and kept[-1] in _CLAUSE_OPENERS):
        return None
    subject = words[opener + 1 :] if opener is not None else words
    if opener is not None and any(w in _RELATIVES for w in words[:opener]):
        return None  # "[who chairs the Energy and Natural Resources Committee]": the opener inside a relative clause
    if not subject or len(subject) > SUBJECT_WORDS or all(w in _DETERMINERS for w in subject):
        return None
    if any(w in _AUXILIARIES or w in _PREPOSITIONS or w in _RELATIVES or w in _CLAUSE_OPENERS or _figure(w)
           for w in subject):
        return None
    if len(subject) == 1 and subject[0] in _SUBJECT_PRONOUNS:
        return None
    if any(word_class(subject, i, guess=False) == VERB for i in range(len(subject))):
        return None
    said = {w for w in claim[:at] if _content(w)}
    own = [w for w in subject if _content(w)]
    if own and set(own) <= said:
        return None  # the same subject said again
    if not (claim[at] in _AUXILIARIES or word_class(claim, at, guess=False) == VERB):
        return None
    return "'" + " ".join(subject) + "'"


def _without_aside(stretch: Sequence[Token]) -> Sequence[Token]:
    """``stretch`` without an aside between commas at its end (", of course,", ", police said,"): the word
    before the aside still governs the next kept word ("the rival who[, of course,] went on")."""
    if len(stretch) < 3 or stretch[-1].text != ",":
        return stretch
    k = len(stretch) - 2
    while k >= 0 and stretch[k].word and len(stretch) - 2 - k < ASIDE_WORDS:
        k -= 1
    if k >= 1 and k < len(stretch) - 2 and stretch[k].text == ",":
        return stretch[:k]
    return stretch


def _sub_count(skipped: Sequence[Token], claim: Sequence[str], at: int, sentence: Sequence[Token], part: int) -> bool:
    """Does the skipped stretch (its words) run from a total to an inclusion word (``cut_words.toml`` inclusions:
    "61 engineers, including") before the part's count the claim keeps (``claim[at]``, ``sentence[part]``), with the
    claim keeping a content word of what qualifies the part (the sentence's words after it to the clause's next
    comma or stop: "from memory chipmaker Lingyun Semiconductor")?"""
    words = [t.text.lower() for t in skipped]
    if not words or not _figure(words[0]) or not _figure(claim[at]):
        return False
    if not any(tuple(words[-len(w):]) == w for w in _INCLUSIONS):
        return False
    qualifier: list[str] = []
    for t in sentence[part + 1 :]:
        if not t.word and t.text in {",", ".", ";"}:
            break
        if t.word and _content(t.text):
            qualifier.append(stem(t.text.lower()))
    told = {stem(w.lower()) for w in claim[at + 1 :]} - {stem(w) for w in words}
    return bool(set(qualifier) & told)


def _co_agent(skipped: Sequence[Token]) -> bool:
    """Whether the skipped words are a co-agent with its perfect auxiliary: "and" + a noun phrase of up to four words
    (+ "have" / "has" / "had"), no preposition, relative, junction or other auxiliary ("[and his aides have]", "[and
    two colleagues had]"; not "[and Kim were]")."""
    if len(skipped) < 2 or skipped[0].text != "and":
        return False
    body = [t.text for t in skipped[1:]]
    if body[-1] in _CO_AGENT_AUX:
        body = body[:-1]
    return bool(body) and len(body) <= 4 and not any(
        w in _AUXILIARIES or w in _PREPOSITIONS or w in _CUT_WORDS["relatives"] or w in _JUNCTIONS
        for w in body)


def _outside_brackets(stretch: Sequence[Token]) -> list[Token]:
    """The tokens of ``stretch`` outside parentheses."""
    out, depth = [], 0
    for t in stretch:
        depth += t.text == "("
        if not depth:
            out.append(t)
        depth -= t.text == ")" and depth > 0
    return out


def _claim_possessive(claim: str, word: str) -> bool:
    return any(t.possessive and t.text == word for t in tokens(claim))


def _named_back(before: Sequence[str], sentence: Sequence[str], at: int) -> bool:
    """Whether the sentence part a claim joins on at word ``at`` follows "the <head>" ("the ministry will review
    ...") whose head word the claim's words ``before`` it name ("Ministry of Economy, Trade and Industry"): the
    sentence's "the ministry" stands for the body the other sentence named, so the claim names it as one. Or follows
    "the/these <anaphora noun>" that names no body ("the changes take effect ...", "the measure is expected ...":
    ``edits.ANAPHORA_NOUN_RE``; one word may stand between it and the joined part, its verb): it stands for the
    thing the other sentence named, whatever the claim calls it."""
    head = sentence[at - 1].lower() if at >= 2 else ""
    for k in (1, 2):  # the noun right before, or before a verb the claim writes in another form ("takes" / "take")
        noun = sentence[at - k].lower() if at >= k + 1 else ""
        if sentence[at - k - 1].lower() in BACK_DETERMINERS and ANAPHORA_NOUN_RE.fullmatch(noun) and noun not in HEADS:
            return True  # "the changes take effect ...", "the measure is expected ...": what the other sentence named
    return head in HEADS and sentence[at - 2].lower() == "the" and head in {w.lower() for w in before}


def _referred_back(before: Sequence[str], sentence: Sequence[str], at: int) -> bool:
    """Whether the sentence part a claim joins on at word ``at`` follows only the sentence's referring opening
    ("The cards had been declared ...", "He must serve ...") and the claim word right before the join
    (``before[-1]``, from the sentence before) is a noun it may stand for (``referring.refers_to``: "Nvidia's H20
    chips had been declared ..."). The caller checks that the claim's words before the join come from an earlier
    sentence."""
    return bool(before) and at >= 1 and refers_to([w.lower() for w in sentence[:at]], before[-1].lower())


def join_reason(claim: str, sentences: Sequence[str]) -> str | None:
    """A reason when the claim is stitched from two window sentences inside one clause: each gives it at least
    ``JOIN_MIN`` words in aligned runs of two or more, together at least ``NEAR_COPY`` of its words, neither gives
    ``ONE_COPY``, and the claim passes from one sentence's words to the other's with no punctuation or conjunction
    between (subject of one, predicate of the other: "Yazidis live [...] in the town of Sinjar and fled ISIS");
    else None. Two copied sentences joined by a comma, "and" or a full stop are a synthesis, not a join."""
    if len(sentences) < 2:
        return None
    ct = tokens(claim)
    at = [i for i, t in enumerate(ct) if t.word]  # claim word -> its token position
    cw = [ct[i].text for i in at]
    if len(cw) < 4:
        return None
    owner: dict[int, tuple[int, int, int]] = {}  # claim word -> (run length, sentence, its place in the sentence)
    words_of = []
    for k, s in enumerate(sentences):
        sw = [t.text for t in tokens(s) if t.word]
        words_of.append(sw)
        for b in SequenceMatcher(None, cw, sw, autojunk=False).get_matching_blocks():
            if b.size < 2:
                continue
            for i in range(b.a, b.a + b.size):
                if b.size > owner.get(i, (0, -1, 0))[0]:
                    owner[i] = (b.size, k, b.b + i - b.a)
    counts: dict[int, int] = {}
    for _, k, _ in owner.values():
        counts[k] = counts.get(k, 0) + 1
    given = sorted(counts.values(), reverse=True)
    if len(given) < 2 or given[1] < JOIN_MIN or len(owner) < NEAR_COPY * len(cw) or given[0] >= ONE_COPY * len(cw):
        return None
    owned = sorted(owner)
    for i, j in zip(owned, owned[1:]):
        if owner[i][1] == owner[j][1]:
            continue
        between = ct[at[i] + 1 : at[j]]
        if not any(not t.word and t.text not in _QUOTES or t.text in _JUNCTIONS for t in between) \
                and not _named_back(cw[: i + 1], words_of[owner[j][1]], owner[j][2]) \
                and not (owner[i][1] < owner[j][1] and _referred_back(cw[: i + 1], words_of[owner[j][1]], owner[j][2])):
            return "joined: the claim copies part of one passage sentence and part of another"
    return None


def tautology(claim: str) -> str | None:
    """A reason when the claim says a thing is itself: a copula whose complement's content words are all in its
    subject ("cardinal gerald lacroix is cardinal gerald lacroix", "the foreign minister is a foreign minister",
    a garbled copy), else None."""
    cw = [t.text for t in tokens(claim) if t.word]
    at = next((i for i, w in enumerate(cw) if w in _COPULA), None)
    if at is None:
        return None
    subject = {w for w in cw[:at] if _content(w)}
    said = [w for w in cw[at + 1 :] if _content(w)]
    if said and set(said) <= subject:
        return f"garbled: the claim says '{' '.join(said)}' is itself"
    return None
