"""A figure the passage gives, said of another thing: the claim keeps the count and changes what is counted.

"Australia received 21 paramedics from five agencies" against "five agencies sent 21 firefighters to Australia",
"the shoe maker gave 100,000 sneakers" against "donated 100,000 masks": the figure checks find the claim's figure in
the passage, and a restatement moves every other word, so no near-copy reading (``noun_swaps``) pairs the nouns and
the model weighs the overlap. The noun a plain count counts is the head of the noun phrase right after it: the last
of the run of noun and adjective forms that follows the figure ("56,000 monkeypox test kits" counts kits; "21
firefighters arrived" counts firefighters), read by ``word_class``. A claim's count counts another thing when some
passage sentence holds the same figure (``edits.aligned_tokens``: "100,000" and "100 000" are one amount), none
counts the claim's noun or a synonym of it (stem, prefix or the paraphrase lexicon: ``edits.token_covered``), the
claim's noun is nowhere in that sentence (or only as the noun another figure counts: "a 41-year-old director and a
36-year-old national" against "a 36-year-old director", claims s68), and the sentence's counted noun is nowhere in
the claim. A count may be spelled out ("canceled five cargo shipments" for "canceled five flights", h/checker-s61:
``count_key``), but not "one" ("one of the", "one official").

Not read: amounts of money, percentages and measured units (the number checks' and the units' own), a year written
as a bare four-digit number, a noun that holds the other whole ("quake"/"earthquake": ``noun_swaps.compound_of``),
names, places and numbers (``noun_swaps.plain_word``), and the counted words that name no kind of their own
(``data/counted_nouns.toml``: "people", "times": "70 people" for "70 troops" says less, not something else).
"""

from __future__ import annotations

import re

from rag.support.data_files import data_table
from rag.support.edits import aligned_tokens, token_covered
from rag.support.facts import index_text
from rag.support.lexicon import NUMBER_VALUES, NUMBER_WORDS, STOPWORDS
from rag.support.metonymy import place_key
from rag.support.noun_swaps import compound_of, plain_word
from rag.support.word_class import ADJ, NOUN, is_noun, readings
from rag.text.places import covers
from rag.text.tokens import stem

#: Words after a figure read for its counted noun, at most (a longer run is no noun phrase of counted things).
COUNTED_RUN = 4
_PLAIN_COUNT = re.compile(r"#[^|]+\|\|$")  # an amount key with neither currency nor unit
_BARE_YEAR = re.compile(r"(1[89]|20)\d\d$")
_PERCENT = re.compile(r"#[^|]+\|\|%$")  # a plain percentage: "80% of Qatar's gas" gives a share of gas
_OWNERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "your", "all"})
_GENERIC = frozenset(data_table("counted_nouns")["generic"]["words"])


def _counted(keys: tuple[str, ...], shown: tuple[str, ...], at: int) -> str | None:
    """The noun the plain count ``keys[at]`` counts (as shown, lower case): the last of the run of noun and
    adjective forms after it, when that word reads as a noun; None otherwise."""
    head = _head(keys, shown, at)
    return shown[head].lower() if head is not None else None


def _head(keys: tuple[str, ...], shown: tuple[str, ...], at: int) -> int | None:
    """The index of the noun ``_counted`` reads for the count ``keys[at]``, None when there is none."""
    low = [w.lower() for w in shown]
    last = None
    for j in range(at + 1, min(len(keys), at + 1 + COUNTED_RUN)):
        word = keys[j]
        if not word.isalpha() or word in STOPWORDS:
            break
        r = readings(low[j])
        if r and not r & {NOUN, ADJ}:
            break
        last = j
    return last if last is not None and is_noun(low, last) else None


def _share_of(keys: tuple[str, ...], shown: tuple[str, ...], at: int) -> str | None:
    """The noun a percentage ``keys[at]`` is a share of: the head after its "of", past a determiner, a possessive and
    a capitalised name ("80% of Qatar's gas": gas); None when no "of" follows."""
    if at + 1 >= len(keys) or keys[at + 1] != "of":
        return None
    j = at + 2
    while j < len(keys) and (keys[j] in _OWNERS or shown[j][:1].isupper()):
        j += 1
    return _counted(keys, shown, j - 1) if j < len(keys) else None


def _label(text: str, figure: str) -> bool:
    """Whether ``figure`` is written in ``text`` as part of a name, not a count: joined to a word by a hyphen
    ("Covid-19 vaccines", "F-35 jets") or after a capitalised word inside a sentence ("Boeing 737 jets",
    "Route 66")."""
    for m in re.finditer(rf"(?<![\w.,]){re.escape(figure)}(?![\w])", text):
        before = text[: m.start()]
        if re.search(r"[A-Za-z]-$", before):
            return True
        word = re.search(r"([A-Z][\w'’]*)\s+$", before)
        if word and before[: word.start()].strip() and before[: word.start()].strip()[-1] not in ".!?:;\"“”'‘’(":
            return True
    return False


def count_key(key: str) -> str | None:
    """The plain count an aligned token gives, as an amount key ("#5||"): a plain amount, or a figure spelled out
    ("five", h/checker-s61: "canceled five cargo shipments" for "canceled five flights"; not "one", which is as
    often no count: "one of the", "one official": ``lexicon.NUMBER_WORDS``); None for any other token."""
    if _PLAIN_COUNT.match(key):
        return key
    if key in NUMBER_WORDS:
        return f"#{NUMBER_VALUES[key]}||"
    return None


def _counts(text: str, keys: tuple[str, ...], shown: tuple[str, ...]) -> dict[str, list[str]]:
    """{plain count key (``count_key``): the nouns it counts} of one text's aligned tokens (a bare year or a figure
    in a name (``_label``) is no count)."""
    out: dict[str, list[str]] = {}
    for i, key in enumerate(keys):
        if _PERCENT.match(key):
            noun = _share_of(keys, shown, i)
            if noun:
                out.setdefault(key, []).append(noun)
            continue
        count = count_key(key)
        if count and not _BARE_YEAR.match(shown[i]) and not _label(text, shown[i]):
            noun = _counted(keys, shown, i)
            if noun:
                out.setdefault(count, []).append(noun)
    return out


def claim_counts(claim: str) -> list[tuple[str, float, str]]:
    """(figure as written, value, counted noun) of each plain count of ``claim`` (a bare year or a figure in a name
    is none): "Customs seized 34 chip tools" gives ("34", 34.0, "tools"). Read for a claim's counts against a text in
    another script (``cjk_counters``, which also reads the generic "people" as people)."""
    if not any(ch.isdigit() for ch in claim) and not NUMBER_WORDS & set(re.findall(r"[a-z]+", claim.lower())):
        return []
    keys, shown, _, _ = aligned_tokens(claim, claim)
    out = []
    for i, key in enumerate(keys):
        count = count_key(key)
        if count is None or _BARE_YEAR.match(shown[i]) or _label(claim, shown[i]):
            continue
        noun = _counted(keys, shown, i)
        if noun:
            out.append((shown[i], float(count[1:].split("|")[0]), noun))
    return out


def counted_swaps(claim: str, sentences: list[str], names: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    """(figure as the claim writes it, the claim's counted noun, the passage's) for each plain count of ``claim``
    that the passage ``sentences`` give only of another thing (see the module docstring); ``names``: the passage's
    name words (lower case)."""
    if not any(ch.isdigit() for ch in claim) and not NUMBER_WORDS & set(re.findall(r"[a-z]+", claim.lower())):
        return []
    claim_index = index_text(claim)
    held: dict[str, tuple[str, str, list[str], list[str]]] = {}  # claim figure -> (shown, noun, theirs, sentences)
    elsewhere: dict[str, list[str]] = {}  # claim figure -> the holding sentences that count its noun by another figure
    for sentence in sentences:
        ck, cs, wk, ws = aligned_tokens(claim, sentence)
        given = _counts(sentence, wk, ws)
        for key, nouns in _counts(claim, ck, cs).items():
            if key in given:
                at = next(i for i, k in enumerate(ck) if k == key or count_key(k) == key)
                entry = held.setdefault(cs[at], (cs[at], nouns[0], [], []))
                entry[2].extend(given[key])
                entry[3].append(sentence)
                if _counted_elsewhere(nouns[0], key, given):
                    elsewhere.setdefault(cs[at], []).append(sentence)
    out = []
    for figure, noun, theirs, holding in held.values():
        if not plain_word(noun, names) or noun in _GENERIC:
            continue
        if any(token_covered(noun, index_text(t)) and t not in elsewhere.get(figure, ()) for t in holding):
            continue  # the claim's noun is in a sentence that gives the figure (and not as another figure's noun)
        if any(g in _GENERIC or not plain_word(g, names) or stem(g) == stem(noun) or compound_of(g, noun)
               or token_covered(g, claim_index) for g in theirs):
            continue
        out.append((figure, noun, theirs[0]))
    return out


def _counted_elsewhere(noun: str, key: str, given: dict[str, list[str]]) -> bool:
    """Whether a sentence's counts ``given`` (``_counts``) count ``noun`` by another figure and never by ``key``: the
    claim moved the figure to the neighbouring item of a list ("a 41-year-old director and a 36-year-old national"
    gives 36 of the national, and the director his own 41; "36-year-old director" takes the national's figure)."""
    low = stem(noun)
    return (not any(stem(g) == low for g in given.get(key, ()))
            and any(k != key and any(stem(g) == low for g in nouns) for k, nouns in given.items()))


#: Tokens after a counted noun still read as its place ("17 companies *from South Korea*").
PLACE_AFTER = 3


def _places(keys: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for t in keys if (k := place_key(t)) is not None)


def narrowed_counts(claim: str, sentences: list[str]) -> list[tuple[str, str, str]]:
    """(figure as the claim writes it, the claim's counted phrase, the passage's) for each plain count of ``claim``
    that puts a place before its counted noun ("Thirty Taiwanese suppliers") where the passage sentences giving that
    figure of that noun count a wider set and name the place only as one of its members ("Thirty foreign suppliers
    were added to the list, including firms from Taiwan and Malaysia"): a set's member stated as the whole. A
    sentence that puts the claim's place in the counted phrase, before the noun or right after it ("thirty suppliers
    from Taiwan"), counts that place's things; sentences that do not name the place leave it to the entity check."""
    if not any(ch.isdigit() for ch in claim) and not NUMBER_WORDS & set(re.findall(r"[a-z]+", claim.lower())):
        return []
    # claim figure -> [its phrase, the passage's phrase, a sentence counts the place's things, one names the place]
    read: dict[str, list] = {}
    for sentence in sentences:
        ck, cs, wk, ws = aligned_tokens(claim, sentence)
        for i, key in enumerate(ck):
            count = count_key(key)
            if count is None or _BARE_YEAR.match(cs[i]) or _label(claim, cs[i]):
                continue
            head = _head(ck, cs, i)
            places = _places(ck[i + 1: head]) if head is not None else frozenset()
            if not places:
                continue
            noun = ck[head]
            for j, k in enumerate(wk):
                if count_key(k) != count or _label(sentence, ws[j]) or (h := _head(wk, ws, j)) is None:
                    continue
                if stem(wk[h]) != stem(noun) and not token_covered(noun, index_text(ws[h])):
                    continue
                entry = read.setdefault(cs[i], [" ".join(cs[i + 1: head + 1]).lower(),
                                                " ".join(ws[j + 1: h + 1]).lower(), False, False])
                own = _places(wk[j + 1: h + 1 + PLACE_AFTER])
                entry[2] = entry[2] or any(covers(f, p) for f in own for p in places)
                entry[3] = entry[3] or any(covers(f, p) for f in _places(wk) for p in places)
    return [(figure, mine, theirs) for figure, (mine, theirs, counts_place, names_place) in read.items()
            if names_place and not counts_place]
