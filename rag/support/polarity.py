"""Polarity of a claim's main predicate (negation scope, privative words, affixal negation, antonyms)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rag.support.lexicon import (
    AXIS_NEEDS,
    AXIS_WORDS,
    CONTROL_STEMS,
    DENIAL_DETERMINERS,
    DENIAL_OBJECTS,
    DENIAL_VERBS,
    LIGHT_WORDS,
    NEGATIVE_PHRASES,
    NEGATIVE_PREFIXES,
    NEGATIVE_VERBS,
    NEGATORS,
    NO_COMMENT_FILLER_PATTERNS,
    NO_COMMENT_FILLERS,
    NO_COMMENT_PHRASES,
    NO_COMMENT_TOKEN,
    AGREEING_PREFIXES,
    CONFLICTING_PREFIXES,
    INVERSION_AUXILIARIES,
    INVERSION_OPENERS,
    RELATIVE_PRONOUNS,
    INVERSION_REACH,
    NOT_NEGATION_AFTER,
    OBJECT_NEGATORS,
    PREFIX_ENDINGS,
    PREFIX_MIN_REST,
    PRIVATIVE_PHRASES,
    PRIVATIVE_WORDS,
    PREVENTION_REACH,
    PREVENTION_VERBS,
    PLACE_WORDS,
    PREDICATE_CANON,
    SCOPE_BOUNDARY,
    SCOPE_LENGTH,
    SCOPE_SKIP,
    STOPWORDS,
    VERB_CLASS,
    VERB_PARTICLES,
)
from rag.support.base_forms import base_form
from rag.support.deverbal import verb_of_noun
from rag.support.nominal_acts import act_nouns
from rag.text.tokens import stem as _stem

# --------------------------------------------------------------------------------------------
# Polarity
# --------------------------------------------------------------------------------------------


_PRIVATIVE_RE = re.compile(r"\b(" + "|".join(r"\s+".join(p) for p in sorted(PRIVATIVE_PHRASES, key=len, reverse=True)) + r")\b")


_GAP = r"\s+(?:(?:" + "|".join([re.escape(w) for w in NO_COMMENT_FILLERS] + list(NO_COMMENT_FILLER_PATTERNS)) + r")\s+){0,2}"
_NO_COMMENT_RE = re.compile(r"\b(?:" + "|".join(_GAP.join(p) for p in sorted(NO_COMMENT_PHRASES, key=len, reverse=True)) + r")\b")


def read_no_comment(text: str) -> str:
    """``text`` lower-cased with contractions expanded and each no-comment idiom read as "not commenting"
    (``data/no_comment.toml``), when it has one; else ``text`` as it is. For the readers that align words
    (``cuts``): "did not [respond to a request for] comment" is no cut of "did not immediately respond to a request
    for comment"."""
    t = text.lower().replace("’", "'").replace("can't", "can not").replace("won't", "will not").replace("cannot", "can not")
    t = re.sub(r"n't\b", " not", t)
    return _NO_COMMENT_RE.sub(NO_COMMENT_TOKEN, t) if _NO_COMMENT_RE.search(t) else text


def no_comment_idiom(text: str) -> str | None:
    """The first no-comment idiom of ``text`` as written (lower-cased, contractions expanded), with the word before it
    ("did not immediately respond to cnn's request for comment"), or None: what a reason quotes where the readers see
    "not commenting" ("did not commenting" is no one's words)."""
    t = text.lower().replace("’", "'").replace("can't", "can not").replace("won't", "will not").replace("cannot", "can not")
    t = re.sub(r"n't\b", " not", t)
    m = _NO_COMMENT_RE.search(t)
    if not m:
        return None
    before = re.findall(r"[a-z][a-z'\-]*", t[: m.start()])
    return " ".join(before[-1:] + [" ".join(m.group(0).split())])


#: an abbreviation's period inside a sentence ("Taiwan Semiconductor Manufacturing Co. had built …"): a lower-case
#: word goes on after it
_ABBREVIATION_DOT_RE = re.compile(r"(?<![\w.])([A-Za-z]+)\.(?=\s+[a-z])")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from rag.text.lexicon import word_set

    return word_set("abbreviations")  # the sentence splitter's list (rag/text/data/abbreviations.txt)


def polarity_tokens(text: str) -> list[str]:
    """Lower-case word and punctuation tokens, with contractions expanded ("can't" -> "can not") and a privative
    phrase joined into one token ("sold out of" -> "sold-out-of": ``data/privative.toml``), and each no-comment idiom
    read as the same words ("could not be reached for comment", "unavailable for comment" -> "not commenting":
    ``data/no_comment.toml``). An abbreviation's period that a lower-case word follows ("… Manufacturing Co. had
    built …") is no token: it ends no clause."""
    text = _ABBREVIATION_DOT_RE.sub(lambda m: m.group(1) if m.group(1).lower() in _abbreviations() else m.group(0), text)
    t = text.lower().replace("can't", "can not").replace("won't", "will not").replace("cannot", "can not")
    t = re.sub(r"n't\b", " not", t)
    t = _PRIVATIVE_RE.sub(lambda m: "-".join(m.group(1).split()), t)
    t = _NO_COMMENT_RE.sub(NO_COMMENT_TOKEN, t)
    t = re.sub(r"\b(stay|stays|stayed|staying|opt|opts|opted|opting|pull|pulls|pulled|pulling)\s+out\b", r"\1-out", t)
    t = re.sub(r"\b(stay|opt|pull)(?:s|ed|ing)?-out\b", r"\1-out", t)
    return re.findall(r"[a-z][a-z\-]*|[,;:.!?()\"]", t)


@dataclass
class Polarity:
    lemma_pol: dict[str, set[int]]  # canonical predicate stem -> polarities seen
    axes: dict[str, set[int]]  # antonym axis -> effective signs seen
    has_negator: bool  # a true negator (not/no/never/without...) occurs
    has_negative: bool  # any negativity at all (negators, deny/refuse..., negative-axis words)
    negated_axis: bool  # an axis word sits inside a negation scope
    scoped: set[str]  # predicate-head lemmas inside a negation scope
    words: set[str]  # content words, for affixal negation (possible / impossible)
    sites: list[AxisSite] = field(default_factory=list)  # every antonym-axis word with its sign and context
    #: heads a control word passed the negation on to -> that scope's first head ("not expect [hikes]": hike -> expect)
    governed: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AxisSite:
    """One antonym-axis word: its axis, effective sign (flipped in a negation scope), the word, and the stems of
    the content words around it in its clause (what it is said of: "eased [its monetary policy]")."""

    axis: str
    sign: int
    word: str
    context: frozenset[str]


CONTEXT_BEFORE = 3  # content tokens read before an axis word (its subject) ...
CONTEXT_AFTER = 4  # ... and after it (its object), within the clause


def _context(toks: list[str], k: int) -> frozenset[str]:
    """Stems of the content tokens around ``toks[k]`` within its clause (punctuation and clause openers such as
    "after", "while" end it: ``scope_boundary`` in negation.toml)."""
    out: set[str] = set()
    for step, reach in ((-1, CONTEXT_BEFORE), (1, CONTEXT_AFTER)):
        j, got = k + step, 0
        while 0 <= j < len(toks) and got < reach and toks[j][0].isalpha() and toks[j] not in SCOPE_BOUNDARY:
            t = toks[j]
            if t not in STOPWORDS and t not in LIGHT_WORDS and t not in NEGATORS and t not in AXIS_WORDS:
                out.add(_stem(t))
                got += 1
            j += step
    return frozenset(out)


_CANON_ORDER = {k: i for i, k in enumerate(PREDICATE_CANON) if len(k) >= 5}  # prefix keys -> their lexicon order


@lru_cache(maxsize=65536)
def predicate_lemma(word: str) -> str:
    """The canonical predicate stem of a word (synonymous predicates share one: approve/authorise; so do the verbs
    of a class in ``verb_classes.toml``: weigh/consider); an irregular form is read as its base word first ("built"
    -> "build", "fled" -> "flee": simplemma's English lexicon, which the stemmer's short list of irregular forms
    does not cover), so "plans to build" governs "built"."""
    s = _stem(base_form(word))
    if s in VERB_CLASS:  # "weighing" -> "consider" (verb_classes.toml, exact stems)
        return VERB_CLASS[s]
    if s in PREDICATE_CANON:
        return PREDICATE_CANON[s]
    # the first key in lexicon order of five letters or more that begins the stem ("approv" for "approving")
    keys = [s[:n] for n in range(5, len(s) + 1) if s[:n] in _CANON_ORDER]
    return PREDICATE_CANON[min(keys, key=_CANON_ORDER.__getitem__)] if keys else s


def predicate_lemmas(toks: list[str]) -> list[str | None]:
    """The predicate lemma of each of ``toks`` (``polarity_tokens``) in its place: a noun that names the act of the
    light verb before it is that act ("bring any [charges]" -> "charg", "issue a [licence]" -> "licens":
    ``nominal_acts``), any other word its own ``predicate_lemma``; None for punctuation."""
    acts = act_nouns(toks)
    return [_lemma_at(k, t, acts) if t[:1].isalpha() else None for k, t in enumerate(toks)]


def _lemma_at(k: int, tok: str, acts: dict[int, tuple[int, str]]) -> str:
    """The predicate lemma of token ``tok`` at position ``k``: its act's verb's when it is a noun of ``acts``
    (``nominal_acts.act_nouns``), else its own."""
    return predicate_lemma(acts[k][1] if k in acts else tok)


def polarity(text: str) -> Polarity:
    """Negation scopes, antonym axes and predicate polarities of ``text``. An act told as a light verb and a noun
    ("has yet to bring any charges", ``nominal_acts``) is negated as its verb would be: the noun is a head wherever
    its light verb is, as negated as it, and has the act's lemma ("charg")."""
    toks = polarity_tokens(text)
    n = len(toks)
    flips = [0] * n  # number of negation scopes covering each token
    heads: set[int] = set()  # predicate heads inside a negation scope ("not [plan] to [retract]")
    heads_at: list[int] = []
    governor: dict[int, int] = {}  # a head the control chain reached -> its scope's first head
    last_content = -1
    has_negator = False
    has_negative = False
    i = 0
    while i < n:
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < n else ""
        is_cue = False
        verbal = True
        opens = i  # the scope starts after this token (after "from" for a verb of prevention)
        if tok in PREVENTION_VERBS and (at := _prevented_from(toks, i)) is not None:
            is_cue = True
            opens = at
        elif tok == "not" and nxt in INVERSION_OPENERS and (at := _inverted_verb(toks, i)) is not None:
            # "Not since the Cold War has [NATO] [made] …": the inverted clause is negated, not the adverbial; its
            # subject as in "no [studio film] had felt …", its verb as in "has not [made] …"
            is_cue = True
            has_negator = True
            for m in range(at[0] + 1, at[1]):
                flips[m] += 1
            opens = at[1] - 1
        elif tok in NEGATORS:
            if tok == "not" and nxt in NOT_NEGATION_AFTER:
                i += 1
                continue
            if tok == "no" and nxt in (".",):
                i += 1
                continue
            is_cue = True
            has_negator = True
        elif tok in NEGATIVE_VERBS:
            if tok.startswith("declin") and nxt != "to":  # "exports declined" is a decrease
                i += 1
                continue
            if tok.startswith("fail") and nxt != "to":
                i += 1
                continue
            is_cue = True
            # "refused to [grant]", "denied that [...]" have a predicate head; "denied approval" has a
            # noun-phrase object whose head we cannot find reliably, so only axis words flip there.
            verbal = nxt in ("to", "that")
        elif tok in DENIAL_VERBS and _denies_claim(toks, i):
            is_cue = True  # "disputed claims that [...]": as "denied reports that", the clause's verb is the head
            verbal = nxt == "that"
        elif (tok, nxt) in NEGATIVE_PHRASES:
            is_cue = True
            has_negator = True
        elif tok in PRIVATIVE_WORDS:  # "lacks [a newspaper]", "sold-out-of [wiper fluid]": as "has no ..."
            is_cue = True
            has_negator = True
        if is_cue:
            has_negative = True
            if tok in OBJECT_NEGATORS:  # "rolling out no vaccine": the verb before the object is negated too
                k = i - 1
                if k >= 0 and toks[k] == '"':  # a quoted object: found "no major security risks"
                    k -= 1
                while k > i - 3 and k >= 0 and toks[k] in VERB_PARTICLES:
                    k -= 1
                if k >= 0 and toks[k][0].isalpha() and toks[k] not in STOPWORDS and toks[k] not in LIGHT_WORDS:
                    flips[k] += 1
                    heads.add(k)
            collected = 0
            want_head = verbal  # the next content token is a predicate head
            embedded = embedded_cue(toks, i)
            j = opens + 1
            while j < n and collected < SCOPE_LENGTH:
                t = toks[j]
                if t == "that" and not verbal:  # "denied reports that it [supplied]": the clause's verb is the head
                    want_head = verbal = True
                    j += 1
                    continue
                if t in SCOPE_SKIP and j == opens + 1:  # "not yet approved": "yet" right after the cue is no boundary
                    j += 1
                    continue
                if t in ",;:.!?()\"" or t in SCOPE_BOUNDARY or t in NEGATORS:
                    break
                # "who refused to pay [has] been jailed", "who refuse screening [can] be dismissed": in a relative or
                # gerund clause, a finite auxiliary after the cue's verb or noun-phrase object is the main clause's
                if (heads_at or (not verbal and collected)) and t in INVERSION_AUXILIARIES and embedded:
                    break
                if t in NEGATIVE_VERBS or t in PRIVATIVE_WORDS:  # "has not denied": the denial itself is negated
                    flips[j] += 1
                    if want_head:
                        heads.add(j)
                    break
                if t in ("or", "and", "nor"):
                    want_head = bool(heads_at) and heads_at[-1] == last_content
                    flips[j] += 1
                    j += 1
                    continue
                if t in SCOPE_SKIP or t in PLACE_WORDS or t in LIGHT_WORDS:
                    flips[j] += 1
                    j += 1
                    continue
                flips[j] += 1
                collected += 1
                if want_head:
                    if heads_at:
                        governor[j] = heads_at[0]
                    heads_at.append(j)
                    heads.add(j)
                    want_head = _stem(t) in CONTROL_STEMS
                last_content = j
                j += 1
            heads_at.clear()
        i += 1
    acts = act_nouns(toks)
    for k, (light, _) in acts.items():  # "has yet to [bring] any charges": the charging is what did not happen
        if light in heads:
            heads.add(k)
            flips[k] = flips[light]
            if light in governor:
                governor[k] = governor[light]
    lemma_pol: dict[str, set[int]] = {}
    axes: dict[str, set[int]] = {}
    scoped: set[str] = set()
    negated_axis = False
    words: set[str] = set()
    sites: list[AxisSite] = []
    for k, tok in enumerate(toks):
        if not tok[0].isalpha():
            continue
        pol = -1 if flips[k] % 2 else 1
        for axis, sign in AXIS_WORDS.get(tok, ()):
            if (tok, axis) in AXIS_NEEDS and not _particle_follows(toks, k, *AXIS_NEEDS[(tok, axis)]):
                continue
            axes.setdefault(axis, set()).add(sign * pol)
            sites.append(AxisSite(axis, sign * pol, tok, _context(toks, k)))
            if sign < 0:
                has_negative = True
            if flips[k]:
                negated_axis = True
        if tok in STOPWORDS or tok in NEGATORS or tok in PLACE_WORDS:
            continue
        if tok not in LIGHT_WORDS:  # light words ("added", "said") still carry a predicate's polarity
            words.add(tok)
        lemma = _lemma_at(k, tok, acts)
        if k in heads and pol < 0 and k not in acts and (verb := verb_of_noun(tok)):  # "without [suspension]"
            lemma = predicate_lemma(verb)  # denies "suspended": the negated noun of an act is its verb
        lemma_pol.setdefault(lemma, set()).add(pol)
        if k in heads:
            scoped.add(lemma)
        if tok in NEGATIVE_VERBS:
            has_negative = True
    governed = {predicate_lemma(toks[k]): predicate_lemma(toks[g]) for k, g in governor.items()}
    return Polarity(lemma_pol, axes, has_negator, has_negative, negated_axis, scoped, words, sites, governed)


def embedded_cue(toks: list[str], i: int) -> bool:
    """Whether the negation cue ``toks[i]`` sits in a clause that cannot hold its sentence's main verb: a gerund or
    participle ("after [refusing] to pay his fare"), "without", or a relative clause opened within
    ``RELATIVE_REACH`` tokens before it with no punctuation between ("A man who [refused] to pay"). The scope of
    such a cue ends at a finite auxiliary after its first head ("... to pay his fare *has* been jailed"): that
    auxiliary is the main clause's, whose verb the cue does not negate."""
    tok = toks[i]
    if tok.endswith("ing") or tok == "without":
        return True
    for k in range(i - 1, max(-1, i - 1 - RELATIVE_REACH), -1):
        if not toks[k][0].isalpha():
            return False
        if toks[k] in RELATIVE_PRONOUNS:
            return True
    return False


RELATIVE_REACH = 6  # tokens read back from a cue for the relative pronoun of its clause


def _particle_follows(toks: list[str], k: int, needs: frozenset[str], reach: int) -> bool:
    """Whether one of ``needs`` follows ``toks[k]`` within ``reach`` tokens of its clause (punctuation and clause
    openers end it): "added 16 companies [to] the list" is a listing, "added that ..." and "added, ..." are not."""
    for j in range(k + 1, min(len(toks), k + 1 + reach)):
        t = toks[j]
        if t in needs:
            return True
        if not t[0].isalpha() and not t[0].isdigit() or t in SCOPE_BOUNDARY or t == "that":
            return False
    return False


def _denies_claim(toks: list[str], i: int) -> bool:
    """Whether the denial verb at ``toks[i]`` ("disputed", "dismissed") governs a claim: "that" right after it, or a
    claim noun after at most one determiner ("disputed [the] claims", "dismissed reports"; ``data/denials.toml``);
    "the disputed islands", "dismissed the coach" deny nothing."""
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    if nxt == "that" or nxt in DENIAL_OBJECTS:
        return True
    return nxt in DENIAL_DETERMINERS and i + 2 < len(toks) and toks[i + 2] in DENIAL_OBJECTS


def _prefixed_rests(word: str, prefixes: tuple[str, ...]) -> list[str]:
    """What follows each of ``prefixes`` that ``word`` begins with, when it is long enough and has the ending its
    prefix asks for ("asymptomatic" -> ["symptomatic"]; "arising" -> [], "a" asks for "-ic"/"-al")."""
    out = []
    for pre in prefixes:
        rest = word[len(pre):]
        if word.startswith(pre) and len(rest) >= PREFIX_MIN_REST and rest[:1].isalpha():
            ends = PREFIX_ENDINGS.get(pre)
            if ends is None or rest.endswith(ends):
                out.append(rest)
    return out


def _rest_is(rest: str, lemma: str) -> bool:
    """Whether a prefixed word's rest is the word of ``lemma`` ("vaccinated" / "vaccin"; "symptomatic" / "symptom")."""
    r = predicate_lemma(rest)
    return r == lemma or (len(lemma) >= 5 and len(r) >= 5 and (r.startswith(lemma) or lemma.startswith(r)))


def _kept_by_prefix(negated: Polarity, prefixed: Polarity) -> set[str]:
    """Lemmas ``negated`` has only inside a negation's scope that ``prefixed`` negates with a prefix ("no symptoms" or
    "never showed symptoms" and "asymptomatic", "without harming" and "unharmed": the same negation in one word)."""
    lemmas = {lemma for lemma, pols in negated.lemma_pol.items() if pols == {-1}}
    return {lemma for lemma in lemmas for w in prefixed.words
            if any(_rest_is(rest, lemma) for rest in _prefixed_rests(w, AGREEING_PREFIXES))}


def _kept_by_governor(a: Polarity, b: Polarity) -> set[str]:
    """Heads ``a``'s control words negate whose governing verb ``b`` negates too: "does not expect [hikes] of this size
    to be common" keeps the negation of "I do not expect moves of this size to be common" (both negate the expecting),
    whatever ``b`` says of hikes elsewhere ("… said of Wednesday's hike"); "the Fed will make moves common" does not."""
    return {lemma for lemma, head in a.governed.items()
            if a.lemma_pol.get(head) == {-1} and b.lemma_pol.get(head) == {-1}}


def _prefix_conflict(plain: Polarity, prefixed: Polarity) -> tuple[str, str] | None:
    """A word of ``plain`` stated plainly that ``prefixed`` says with a negative prefix, and the prefixed word:
    "symptoms" against "asymptomatic", "vaccinated" against "unvaccinated"."""
    stated = {lemma: w for w in sorted(plain.words) if (lemma := predicate_lemma(w)) and plain.lemma_pol.get(lemma) == {1}}
    for w in sorted(prefixed.words - plain.words):
        for rest in _prefixed_rests(w, CONFLICTING_PREFIXES):
            for lemma, plain_word in stated.items():
                if _rest_is(rest, lemma):
                    return plain_word, w
    return None


def _inverted_verb(toks: list[str], i: int) -> tuple[int, int] | None:
    """(the inverted auxiliary, the main verb) of the inverted clause after a fronted negative adverbial that ``toks[i]`` ("not") opens at the
    start of a clause: "Not since the Cold War has NATO [made] …", "Not since Jeter has there [been] …", "Not since
    1965, for …, has Britain [mounted] …", "… would a more senior lawmaker have [visited] …". None when "not" does not
    begin a clause, no inverted auxiliary follows within reach, or no participle or past form of a verb follows it
    (lemminflect's tables, no "-s" form: "made", "felt", not "film" or "banks"; ``data/inversion.toml``)."""
    from lemminflect import getAllLemmas

    if i > 0 and toks[i - 1] not in ".!?;:\"(":
        return None
    reach, subject = INVERSION_REACH
    for j in range(i + 2, min(len(toks), i + 2 + reach)):
        if toks[j] in INVERSION_AUXILIARIES and toks[j - 1] not in ("that", "which", "who"):
            for k in range(j + 1, min(len(toks), j + 2 + subject)):
                if not toks[k][0].isalpha():
                    return None
                if toks[k] in INVERSION_AUXILIARIES or toks[k] in ("been", "there"):
                    if toks[k] == "been":
                        return j, k
                    continue
                verb = getAllLemmas(toks[k]).get("VERB")
                if verb and verb[0] != toks[k] and not toks[k].endswith("s"):  # a participle or past ("made", "felt";
                    # not "film", nor the plural noun "banks" of "have central banks raised")
                    return j, k
            return None
    return None


def _prevented_from(toks: list[str], i: int) -> int | None:
    """The position of the "from" before a gerund that a verb of prevention at ``i`` governs ("prohibit teams
    [from] bringing", "barred [from] entering"), within ``PREVENTION_REACH`` words and no punctuation; None when
    there is none ("banned imports from Japan" prevents no act)."""
    for k in range(i + 1, min(len(toks), i + 1 + PREVENTION_REACH)):
        if toks[k] == "from":
            return k if k + 1 < len(toks) and toks[k + 1].endswith("ing") else None
        if not toks[k][0].isalpha():
            return None
    return None


def _clash_in_context(axis: str, claim: list[AxisSite], support: list[AxisSite]) -> str | None:
    """A reason when a claim axis word shares context words only with cited words of the opposite sign: "tightened
    its monetary policy" against "eased its monetary policy ..., bucking a global tightening trend"."""
    for c in claim:
        if c.axis != axis or not c.context:
            continue
        near = [s for s in support if s.axis == axis and s.context & c.context]
        if near and all(s.sign != c.sign for s in near):
            s = max(near, key=lambda s: len(s.context & c.context))
            return f"negation mismatch: opposite {axis} predicate ('{c.word}' vs '{s.word}')"
    return None


def _affixal_negation(a: set[str], b: set[str], kept: set[str] = frozenset()) -> tuple[str, str] | None:
    """A word of ``a`` whose negative-prefixed form is in ``b`` (and not vice versa): possible / impossible; not a
    word whose lemma ``a`` itself negates (``kept``: "not vaccinated" / "unvaccinated")."""
    for w in sorted(a):
        if len(w) < 5 or w in b or predicate_lemma(w) in kept:
            continue
        for pre in NEGATIVE_PREFIXES:
            neg = pre + w
            if neg in b and neg not in a:
                return (w, neg)
    return None


def polarity_conflict(claim: Polarity, support: Polarity) -> str | None:
    """Why the claim's polarity contradicts the cited sentence's (a reason string), or None."""
    for axis, csigns in claim.axes.items():
        ssigns = support.axes.get(axis)
        if ssigns and len(csigns) == 1 and len(ssigns) == 1 and csigns != ssigns:
            return f"negation mismatch: opposite {axis} predicate"
        if ssigns and len(ssigns) > 1:  # the cited text goes both ways ("eased ..., bucking a tightening trend")
            clash = _clash_in_context(axis, claim.sites, support.sites)
            if clash:
                return clash
    kept = (_kept_by_prefix(claim, support) | _kept_by_prefix(support, claim)
            | _kept_by_governor(claim, support) | _kept_by_governor(support, claim))
    for lemma in sorted(claim.scoped | support.scoped):
        if len(lemma) < 2 or lemma in kept:  # "ad" is the stem of added/adding
            continue
        cp, sp = claim.lemma_pol.get(lemma), support.lemma_pol.get(lemma)
        if cp and sp and len(cp) == 1 and len(sp) == 1 and cp != sp:
            return f"negation mismatch on '{lemma}'"
    affixal = (_affixal_negation(claim.words, support.words, kept) or _affixal_negation(support.words, claim.words, kept)
               or _prefix_conflict(claim, support) or _prefix_conflict(support, claim))
    if affixal:
        return f"negation mismatch: '{affixal[0]}' vs '{affixal[1]}'"
    if claim.has_negator and not support.has_negative and not claim.negated_axis and not kept:
        return "negation mismatch: claim is negated, cited text is not"
    return None
