"""Questions that ask who a named person is ("Who is Sato Kei?"), answered by the sentence that names them with a title.

A source says who someone is by a title or an appositive beside the name, often only once and in a short line the
sentence reader sets aside (an analytic brief's "Key Individuals and Entities" list: "Japanese Deputy Chief Cabinet
Secretary Sato Kei"). ``asked_person`` reads the name a "who is X?" question asks about; ``titled_mentions`` finds
where a text names that person with a title:

* a title before the name, in either name order ("Deputy Chief Cabinet Secretary Sato Kei", "Japan's trade minister
  Hiroshi Kajiyama", "President Moon Jae-in"; a CJK name is written family name first as often as not: "Kei Sato");
* an appositive after it ("Gene Raymond, the US Secretary of Commerce, …", "Yasutoshi Nishimura, Japan's Minister of
  Economy, Trade and Industry").

Title words: ``titles.txt`` and ``entity_titles.txt`` (the text layer's lists of titles before a person's name).

A question asking who holds an office ("Who is South Korea's trade minister?", "Who heads Japan's trade ministry?") is
read by ``asked_office``; ``office_mentions`` finds the people a sentence names by that office's title, its portfolio
told in any words ("South Korean Minister of Trade, Industry and Energy Sung Yun-mo"), not by a qualified title that
names another office ("Deputy trade minister X", "former trade minister Y"). Word lists: ``offices.toml``,
``title_qualifiers.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rag.text.lexicon import table, word_set
from rag.text.sentences import split_sentences

__all__ = ["AskedOffice", "OfficeMention", "TitledMention", "asked_office", "asked_person", "asked_view", "full_name",
           "holder_lead", "name_forms", "office_holders", "office_mentions", "titled_mentions", "view_holder",
           "without_holder"]

#: "Who is X?", "Who's X?", "Who was X?": X a run of one to four capitalised words (a hyphenated part counts)
_WHO_IS = re.compile(r"^\s*who(?:\s+(?:is|was)|['’]s)\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\??\s*$",
                     re.I)
#: how many words before a name a title run may reach, and how many lower-case modifiers it may hold ("trade" in
#: "Japan's trade minister")
TITLE_REACH = 8
MODIFIERS = 2
#: words that join a title's parts ("Minister of Economy, Trade and Industry", "Secretary for Trade")
_JOINERS = frozenset({"of", "for", "and", "the", "&"})
_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in word_set("titles") | word_set("entity_titles"))


@dataclass(frozen=True)
class TitledMention:
    """Where a text says who someone is: ``sentence`` (start, end) in the text, the sentence or list line holding
    the mention; ``title``, the title or appositive as written ("Japanese Deputy Chief Cabinet Secretary")."""

    sentence: tuple[int, int]
    title: str


def asked_person(question: str) -> str | None:
    """The name a "who is X?" question asks about ("Who is Sato Kei?" -> "Sato Kei"); None for any other question,
    or when X is no capitalised name ("Who is affected?", "Who is the minister?")."""
    m = _WHO_IS.match(question)
    if m is None:
        return None
    name = m.group("name").strip().rstrip("?.")
    return name if all(w[:1].isupper() for w in name.split()) and name.split()[0].lower() != "the" else None


def name_forms(name: str) -> list[str]:
    """The ways a source may write ``name``: as asked, and a two-part name in the other order ("Sato Kei" / "Kei
    Sato": a Japanese, Chinese or Korean name is written family name first as often as given name first)."""
    words = name.split()
    return [name, f"{words[1]} {words[0]}"] if len(words) == 2 else [name]


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".").removesuffix("'s").removesuffix("’s") in _titles()


def _title_before(words: list[str]) -> str | None:
    """The title run ending right before a name (``words``: the sentence's tokens before it), or None: capitalised
    words, title words, joiners and up to ``MODIFIERS`` lower-case words before a title word, holding a title word
    and ending on its last one."""
    run: list[str] = []
    modifiers, titled = 0, False
    for word in reversed(words[-TITLE_REACH:]):
        if _is_title(word):
            titled = True
        elif word[:1].isupper() or word.lower() in _JOINERS:
            pass
        elif titled and word[:1].isalpha() and modifiers < MODIFIERS:
            modifiers += 1
        else:
            break
        run.insert(0, word)
    while run and run[0].lower() in _JOINERS:
        run.pop(0)
    # a lower-case word only modifies a title after it: "the deal trade minister" keeps "trade minister"
    while run and not run[0][:1].isupper() and not _is_title(run[0]):
        run.pop(0)
    if not titled:
        return None
    # the title ends on its last title word: the words after it are the rest of the name ("… minister Hiroshi" before
    # "Kajiyama")
    last = max(k for k, w in enumerate(run) if _is_title(w))
    return " ".join(run[:last + 1])


def _title_after(rest: str) -> str | None:
    """The appositive after "<name>, " (``rest``: the sentence after the comma): a phrase opening with "the", "a",
    "an", a possessive or a capitalised word, holding a title word in its first ``TITLE_REACH`` words, up to the next
    comma after that title word or the sentence's end."""
    words = rest.split()
    if not words or not (words[0].lower() in ("the", "a", "an") or words[0][:1].isupper()):
        return None
    at = next((k for k, w in enumerate(words[:TITLE_REACH]) if _is_title(w.rstrip(",;"))), None)
    if at is None:
        return None
    end = next((k for k in range(at, len(words)) if words[k].endswith((",", ";"))
                and not (k + 1 < len(words) and words[k + 1][:1].isupper() and words[k + 1].lower() != "the")), None)
    phrase = " ".join(words[: (end + 1) if end is not None else len(words)])
    return phrase.rstrip(",;.")


def titled_mentions(name: str, text: str) -> list[TitledMention]:
    """Each place ``text`` names the person ``name`` (any of ``name_forms``, as whole words) with a title before the
    name or an appositive after it, in text order; the sentence is read within its line (a list item is a line)."""
    forms = "|".join(re.escape(f) for f in name_forms(name))
    found: list[TitledMention] = []
    for span, sentence in _line_sentences(text):
        for m in re.finditer(rf"(?<![\w'’-])(?:{forms})(?![\w-])", sentence):
            before = _TOKEN.findall(sentence[:m.start()])
            title = _title_before([w for w in before if w[:1].isalnum()] if before and before[-1][:1].isalnum()
                                  else [])
            after = sentence[m.end():]
            if title is None and after.startswith(","):
                title = _title_after(after[1:])
            if title is not None:
                found.append(TitledMention(span, title))
                break
    return found


def _line_sentences(text: str):
    """Each sentence of ``text`` read within its line (a list item is a line): ((start, end) in ``text``, its text)."""
    at = 0
    for line in text.split("\n"):
        for sentence in split_sentences(line):
            yield (at + sentence.start, at + sentence.end), sentence.text
        at += len(line) + 1


# -- who held a view ("Who said Japan's measure was politically motivated?") -----------------------------------------

@lru_cache(maxsize=1)
def _view_verbs() -> dict:
    return table("view_verbs")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _asking_re() -> re.Pattern[str]:
    return re.compile(rf"^\s*who\s+(?:has\s+|had\s+|have\s+)?(?:{_alt(_view_verbs()['asking'])})\s+(?P<what>.+?)\s*\??\s*$",
                      re.I)


@lru_cache(maxsize=1)
def _frame_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-])(?P<who>{_alt(_view_verbs()['pronouns'])}|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})"
                      rf"\s+(?:has\s+|had\s+|have\s+|was\s+|is\s+)?(?:{_alt(_view_verbs()['framing'])})\b")


def asked_view(question: str) -> str | None:
    """The view a question asks the holder of ("Who said Japan's measure was politically motivated?" -> "Japan's
    measure was politically motivated"; "Who called the curbs discriminatory?" -> "the curbs discriminatory"); None
    for any other question (``view_verbs.toml`` ``asking``)."""
    m = _asking_re().match(question.split(" (")[0] if question.rstrip().endswith(")") else question)
    return m.group("what").strip() if m else None


def _view_words(view: str) -> frozenset[str]:
    """The view's own words: the stems of its key terms after its last linking verb ("… was *politically
    motivated*", "… as *a tax on Polish transit*"), places and names aside; with no linking verb ("called Peru's
    copper levy *discriminatory*"), the last of them only: what the thing was called, not the thing."""
    from rag.writers.key_terms import key_terms, place_keys

    parts = re.split(r"\b(?:was|were|is|are|as|be|been)\b", view)
    terms = [t for t in key_terms(parts[-1]) if t.kind != "entity"]
    stems = [t.stem for t in terms if t.stem not in place_keys({t.stem})]
    return frozenset(stems if len(parts) > 1 else stems[-1:])


def view_holder(question: str, sentence: str) -> tuple[str, str] | None:
    """(who holds the view, the frame as the sentence writes it: its subject and verb) when ``sentence`` puts the view ``question`` asks
    about (``asked_view``: all its own words, ``_view_words``) by a frame whose subject is its holder ("Beijing called
    the curbs discriminatory" -> ("Beijing", "Beijing called")); a pronoun subject ("what *he* described as a politically
    motivated measure") stands for the nearest person named before it in the sentence, not a place (``Moon’s appeal
    … urging Tokyo to withdraw what he described as …`` -> ("Moon", "he described")). None when the sentence holds not all the
    view's words, has no such frame before them, or a pronoun names no one before it."""
    from rag.text.places import place_mentions
    from rag.writers.key_terms import stems

    view = asked_view(question)
    words = _view_words(view) if view else frozenset()
    if not words or not words <= stems(sentence):
        return None
    pronouns = set(_view_verbs()["pronouns"])
    for m in reversed(list(_frame_re().finditer(sentence))):
        if not words <= stems(sentence[m.end():]):
            continue
        who = m.group("who")
        if who.lower() not in pronouns:
            if who.split()[0].lower() in ("the", "a", "an", "it", "this", "that"):
                continue
            return who, m.group(0)
        # the frame's own sentence, before the frame
        opening = max((sp.start for sp in split_sentences(sentence) if sp.start <= m.start()), default=0)
        before = sentence[opening:m.start()]
        names = [n.removesuffix("’s").removesuffix("'s")
                 for n in re.findall(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", before)]
        # a person, not a place ("Tokyo") nor a pronoun or quote opener ("He", "The")
        names = [n for n in names if n.lower() not in pronouns and n.split()[0].lower() not in ("the", "a", "an", "it")
                 and sum(p.end - p.start for p in place_mentions(n)) < len(n.replace(" ", "")) - 1]
        # ... one named with a title ("Chilean President Mateo Vidal") before a bare word that may be a city the
        # place list lacks ("Lima"); else the nearest
        titled = [n for n in names if any(_is_title(w) for w in n.split())]
        return ((titled or names)[-1], m.group(0)) if names else None
    return None


def full_name(name: str, text: str) -> str:
    """The fullest way ``text`` names the person a short ``name`` stands for ("Moon" -> "South Korean President Moon
    Jae-in"): the longest run of capitalised words starting with ``name`` (as a whole word), with the title before
    it (``titled_mentions``); ``name`` itself when the text holds no longer form."""
    runs = re.findall(rf"(?<![\w'’-]){re.escape(name)}(?:\s+[A-Z][\w'’-]*)*", text)
    longest = max(runs, key=len, default=name).rstrip("’'s") if runs else name
    longest = re.sub(r"[’']s$", "", longest)
    titled = titled_mentions(longest, text)
    return f"{titled[0].title} {longest}" if titled else longest


#: how an answer to "who said …?" names the holder before its quote, when the quote names them only by a pronoun:
#: "South Korean President Moon Jae-in (“he described” in the quote). “…”"
_HOLDER_LEAD = "{holder} (“{frame}” in the quote). "
_HOLDER_LEAD_RE = re.compile(r"^[^“”()]{1,160} \(“[^“”()]{1,100}” in the quote\)\. ")


def holder_lead(holder: str, frame: str) -> str:
    """The words an answer leads with to name a view's holder its quote names only by a pronoun (``frame``: the
    pronoun and its verb as the quote writes them, "he described")."""
    return _HOLDER_LEAD.format(holder=holder, frame=frame)


def without_holder(text: str) -> str:
    """``text`` without a ``holder_lead`` before it (the quote the sources must support); any other text unchanged."""
    m = _HOLDER_LEAD_RE.match(text)
    return text[m.end():] if m else text


# -- who holds an office ("Who is South Korea's trade minister?") -----------------------------------------------------

@lru_cache(maxsize=1)
def _offices() -> dict:
    return table("offices")


@lru_cache(maxsize=1)
def _qualifiers() -> frozenset[str]:
    return word_set("title_qualifiers")


@lru_cache(maxsize=1)
def _same() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """``offices.toml`` [same] as (written words, the words they stand for), longest first."""
    pairs = [(tuple(k.split()), tuple(v.split())) for k, v in _offices()["same"].items()]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _portfolio() -> frozenset[str]:
    """Portfolio and rank words, as read (after [same]: "commerce" is "trade")."""
    same = dict(_same())
    return frozenset(w for word in _offices()["portfolio"] for w in same.get((word,), (word,)))


#: words that join a title's parts; "the" inside "for the Chinese commerce ministry"
_TITLE_JOINERS = frozenset({"of", "for", "and", "&", ",", "the"})


@dataclass(frozen=True)
class _Unit:
    """A word of a sentence as an office title reads it: ``word`` lower case, possessive dropped, after [same] (one
    written word may stand for two: "premier" -> "prime", "minister"); ``start``/``end`` in the sentence; ``upper``:
    written with a capital; ``place``: the place key it is part of."""

    word: str
    start: int
    end: int
    upper: bool
    place: str | None


def _units(text: str) -> list[_Unit]:
    """``text``'s words and punctuation as ``_Unit``s; a qualifier joined by a hyphen is a word of its own
    ("ex-minister", "President-elect", "then-Prime")."""
    from rag.text.places import place_mentions

    raw: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        word, at = m.group(0), m.start()
        parts = word.split("-")
        if len(parts) == 2 and any(p.lower() in _qualifiers() for p in parts) and all(parts):
            raw += [(parts[0], at, at + len(parts[0])), (parts[1], at + len(parts[0]) + 1, m.end())]
        else:
            raw.append((word, at, m.end()))
    places = place_mentions(text)
    lowered = [re.sub(r"['’]s$", "", w.lower()).rstrip(".") or w for w, _, _ in raw]
    units: list[_Unit] = []
    k = 0
    while k < len(raw):
        written, words = 1, (lowered[k],)
        for key, value in _same():
            if tuple(lowered[k:k + len(key)]) == key:
                written, words = len(key), value
                break
        start, end = raw[k][1], raw[k + written - 1][2]
        place = next((p.key for p in places if p.start <= start < p.end), None)
        units += [_Unit(w, start, end, raw[k][0][:1].isupper(), place) for w in words]
        k += written
    return units


@dataclass(frozen=True)
class _Title:
    """An office title as a sentence or question writes it: its ``head`` noun ("minister"), its portfolio and other
    ``words`` ({"trade", "industry", "energy"}; an organisation's: {"samsung", "electronics"}), the ``places`` it names
    and its ``qualifiers`` ({"deputy"}); ``text``, as written."""

    head: str
    words: frozenset[str]
    places: frozenset[str]
    qualifiers: frozenset[str]
    text: str


def _title_of(units: list[_Unit], head: int, text: str, stop: frozenset[str]) -> _Title:
    """The ``_Title`` of ``units`` (those of one title, ``head`` the index of its head noun, or of the body a question
    names: "trade *ministry*"; past the end for none) in ``text``."""
    words, places, quals = set(), set(), set()
    for k, u in enumerate(units):
        if k == head:
            continue
        if u.place:
            places.add(u.place)
        elif u.word in _qualifiers():
            quals.add(u.word)
        elif u.word not in _TITLE_JOINERS and u.word not in stop and u.word[:1].isalnum():
            words.add(u.word)
    return _Title(units[head].word if head < len(units) else "", frozenset(words), frozenset(places), frozenset(quals),
                  text[units[0].start:units[-1].end].rstrip(".,;"))


def _complement(units: list[_Unit], after: int, *, names: bool, stop: frozenset[str] = frozenset()) -> int:
    """Where an office's "of"/"for" complement ends (the index after its last word) when ``units[after]`` opens one
    ("Minister *of Trade, Industry and Energy* Sung Yun-mo"): portfolio words, places and joiners, and capitalised
    words too when no name is to follow (``names`` False: an appositive, "the CEO of Samsung Electronics,"); ``after``
    itself when there is none. -1 when the complement goes on in words of neither kind ("chairman of the Federal
    Reserve" before a name): the title is not read there."""
    if after >= len(units) or units[after].word not in ("of", "for"):
        return after
    end, k = after, after + 1
    while k < len(units):
        u = units[k]
        if u.word in _portfolio() or u.place or (not names and (u.upper or u.word not in _TITLE_JOINERS)
                                                 and u.word not in stop and u.word[:1].isalnum()):
            end = k + 1
        elif u.word not in _TITLE_JOINERS:
            break
        elif u.word == "," and not names and not (k + 1 < len(units) and (units[k + 1].word in _portfolio()
                                                                             or units[k + 1].place)):
            break  # the appositive ends: "the US Secretary of Commerce, to Yasutoshi Nishimura"
        k += 1
    if end == after:
        return -1
    if names and end < len(units) and units[end].word in ("of", "the", "for"):
        return -1
    return end


def _name_at(units: list[_Unit], k: int, stop: frozenset[str]) -> int:
    """The end of the person's name that starts at ``units[k]`` (one to four capitalised words that are no title,
    place, qualifier or organisation word, the first no common word); ``k`` when none does."""
    org = word_set("org_words")
    end = k
    while end < len(units) and end - k < 4 and units[end].upper and units[end].word[:1].isalpha() \
            and units[end].word not in _offices()["heads"] and units[end].word not in _qualifiers() \
            and not units[end].place and units[end].word not in org:
        end += 1
    if end == k or units[k].word in stop or units[k].word in _portfolio():
        return k
    # a capitalised run before a head noun is part of a longer title ("Chief Cabinet Secretary")
    if end < len(units) and units[end].word in _offices()["heads"]:
        return k
    return end


def _title_before_name(units: list[_Unit], head: int, stop: frozenset[str]) -> int:
    """Where the title whose head noun is ``units[head]`` starts, reading back from it: portfolio words, places,
    qualifiers, capitalised words and joiners (not another lower-case word: "legislation President Trump"); a title
    before it ("Trade Minister Sung Yun-mo and *Foreign* Minister …") ends the reading at its name's end."""
    start, k = head, head - 1
    while k >= 0 and head - k <= TITLE_REACH:
        u = units[k]
        if u.word in _offices()["heads"]:
            # another title's name runs up to the first joiner: "… Sung Yun-mo and [Foreign] Minister"
            cut = next((j for j in range(k + 1, head) if units[j].word in ("and", ",")), head - 1)
            start = max(start, cut + 1)
            break
        if u.word in _portfolio() or u.place or u.word in _qualifiers() or (u.upper and u.word[:1].isalnum()) \
                or u.word in ("of", "for", "and", "&"):
            start = k
        else:
            break
        k -= 1
    while start < head and (units[start].word in _TITLE_JOINERS or (units[start].word in stop and not units[start].place
                                                                     and units[start].word not in _qualifiers())):
        start += 1
    return start


@dataclass(frozen=True)
class OfficeMention:
    """A person a sentence names as holding an office: ``name`` as written ("Sung Yun-mo"), ``title`` as written
    ("South Korean Minister of Trade, Industry and Energy"); ``start`` where the title or name opens in the
    sentence (the places named before it may stand for a title that names none)."""

    name: str
    title: str
    start: int


def _name_text(sentence: str, units: list[_Unit]) -> str:
    """The name ``units`` spell, as ``sentence`` writes it, without a possessive or a sentence's full stop after it
    (an initial keeps its: "Alan F.")."""
    name = re.sub(r"['’]s$", "", sentence[units[0].start:units[-1].end])
    return name[:-1] if name.endswith(".") and len(name.split()[-1]) > 2 else name


@lru_cache(maxsize=1)
def _links() -> list[tuple[str, ...]]:
    """``offices.toml`` [links] as word tuples, longest first."""
    return sorted((tuple(f.split()) for f in _offices()["links"]["forms"]), key=lambda f: -len(f))


def _link_at(units: list[_Unit], k: int) -> int | None:
    """Where the title after a name starts when ``units[k]`` links them: a comma (an appositive) or a linking verb
    ("was appointed", ``offices.toml`` [links]); None otherwise."""
    if k < len(units) and units[k].word == ",":
        return k + 1
    words = tuple(u.word for u in units[k:k + 4])
    return next((k + len(f) for f in _links() if words[:len(f)] == f), None)


def _titled_names(sentence: str) -> list[tuple[OfficeMention, _Title]]:
    """Each person ``sentence`` names with an office title, in order: the title before the name ("Trade Minister Sung
    Yun-mo", "the trade minister, Sung Yun-mo,") or an appositive after it ("Sung Yun-mo, South Korea's trade
    minister,")."""
    stop = word_set("stopwords")
    units = _units(sentence)
    heads = _offices()["heads"]
    found: list[tuple[OfficeMention, _Title]] = []
    for h, u in enumerate(units):
        if u.word not in heads:
            continue
        # a title before the name
        end = _complement(units, h + 1, names=True)
        if end < 0:
            continue
        k = end + 1 if end < len(units) and units[end].word == "," else end
        last = _name_at(units, k, stop)
        comma_ok = k == end or last >= len(units) or units[last].word in (",", ".")
        if last > k and comma_ok:
            start = _title_before_name(units, h, stop)
            title = _title_of(units[start:end], h - start, sentence, stop)
            # "Prime Minister Shinzo Abe of Japan": the place after the name is the title's
            after = units[last + 1:last + 4] if last < len(units) and units[last].word == "of" else []
            of = [u.place for u in after if u.place]
            if of and not title.places:
                title = replace(title, places=frozenset(of[:1]))
            found.append((OfficeMention(_name_text(sentence, units[k:last]), title.text, units[start].start), title))
    # an appositive after the name, or a linking verb: "<Name>, <title>,", "<Name> was appointed <title>"
    k = 0
    while k < len(units):
        last = _name_at(units, k, stop) if (k == 0 or not units[k - 1].upper) else k
        if last == k:
            k += 1
            continue
        link = _link_at(units, last)
        # (a single word opening the sentence before a comma is no name: "Meanwhile, the trade minister said")
        if link is None or (k == 0 and last - k == 1 and link == last + 1 and units[last].word == ","):
            k = last
            continue
        opener = units[link] if link < len(units) else None
        head = next((j for j in range(link, min(len(units), link + TITLE_REACH)) if units[j].word in heads), None)
        if opener is None or head is None or any(units[j].word == "," for j in range(link, head)):
            k = last
            continue
        if not (opener.word in ("the", "a", "an") or opener.upper or opener.place or opener.word in _qualifiers()
                or opener.word in _portfolio() or opener.word in heads):
            k = last
            continue
        end = _complement(units, head + 1, names=False, stop=stop)
        if end < 0:
            end = head + 1
        if end < len(units) and units[end].upper and units[end].word[:1].isalpha():
            k = last  # the title is the next name's ("Seoul, Trade Minister Sung said")
            continue
        title = _title_of(units[link:end], head - link, sentence, stop)
        found.append((OfficeMention(_name_text(sentence, units[k:last]), title.text, units[k].start), title))
        k = last
    return sorted(found, key=lambda f: f[0].start)


@dataclass(frozen=True)
class AskedOffice:
    """The office a "who holds it?" question asks about: ``office``, its words as asked ("South Korea's trade
    minister"); ``heads``, the head nouns that may name it with the words each adds ("minister", {"prime"} for a
    government's head); ``words``, the portfolio or organisation words every title of it holds ({"trade"}); the
    ``places`` asked about; the ``qualifiers`` asked ({"former"}); ``past``: asked in the past ("Who was …?");
    ``by_body``: asked by the body the office heads ("Who heads Japan's trade ministry?"), which a sentence may
    answer by an act rather than a title ("… will head the drought agency until a director is chosen")."""

    office: str
    heads: tuple[tuple[str, frozenset[str]], ...]
    words: frozenset[str]
    places: frozenset[str]
    qualifiers: frozenset[str]
    past: bool = False
    by_body: bool = False


@lru_cache(maxsize=1)
def _asked_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    q = _offices()["question"]
    who_is = re.compile(r"^\s*who(?:\s+(?P<be>is|was|are|were)|['’]s)\s+(?P<rest>.+?)\s*[?.]?\s*$", re.I)
    heading = re.compile(rf"^\s*who\s+(?P<verb>{_alt(q['heading'])})\s+(?P<rest>.+?)\s*[?.]?\s*$", re.I)
    when = re.compile(rf"\s+(?:{_alt(q['time_openers'])})\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?\d{{4}}$")
    return who_is, heading, when


def _bodies(units: list[_Unit]) -> tuple[int, tuple[tuple[str, frozenset[str]], ...]] | None:
    """(index, the heads of office that lead it) of the last body word ``units`` name ("trade *ministry*")."""
    bodies = _offices()["bodies"]
    for k in range(len(units) - 1, -1, -1):
        if units[k].word in bodies:
            alts = []
            for head in bodies[units[k].word]:
                hu = _units(head)
                alts.append((hu[-1].word, frozenset(u.word for u in hu[:-1])))
            return k, tuple(alts)
    return None


def asked_office(question: str) -> AskedOffice | None:
    """The office a question asks the holder of: "Who is South Korea's trade minister?", "Who is the CEO of
    Samsung?", "Who was Japan's prime minister in 2019?" (the time is read as the past, not as a word of the office),
    "Who is the former trade minister?" (a qualified office: ``title_qualifiers.txt``), "Who heads Japan's trade
    ministry?" and "Who is the head of …?" (the body's heads: ``offices.toml`` [bodies]); None for any other question
    ("Who is Sato Kei?", "Who is President Moon?": a person; "Who is the minister who said …?": a clause)."""
    who_is, heading, when = _asked_res()
    m = who_is.match(question)
    by_body = False
    if m is None:
        m = heading.match(question)
        if m is None:
            return None
        by_body, past = True, m.group("verb").lower() in ("headed", "led", "ran", "chaired")
    else:
        past = (m.group("be") or "").lower() in ("was", "were")
    rest = when.sub("", m.group("rest"))
    stop = word_set("stopwords")
    current = set(_offices()["question"]["current"])
    units = [u for u in _units(rest) if u.word not in current]
    if not units or any(u.word in ("who", "whom", "whose", "that", "which") for u in units) or len(units) > 14:
        return None
    heads = _offices()["heads"]
    at = next((k for k in range(len(units) - 1, -1, -1) if units[k].word in heads), None)
    if not by_body and at is not None and units[at].word in ("head", "leader") and at + 1 < len(units) \
            and units[at + 1].word == "of" and _bodies(units[at + 1:]) is not None:
        by_body, units = True, units[at + 2:]  # "Who is the head of Japan's trade ministry?"
    if by_body:
        body = _bodies(units)
        if body is None:
            # "Who runs Samsung?": a company named alone
            if not all(u.upper or u.word in _TITLE_JOINERS for u in units):
                return None
            body = (len(units), tuple((h, frozenset()) for h in _offices()["bodies"]["company"]))
        k, alts = body
        title = _title_of(units, k, rest, stop)  # the body word stands where a head noun would
        return AskedOffice(" ".join(rest.split()), alts, title.words, title.places, title.qualifiers, past, True)
    if at is None:
        return None
    # after the head only an "of"/"for" complement ("the CEO of Samsung"), not a name ("President Moon")
    if at + 1 < len(units) and units[at + 1].word not in ("of", "for"):
        return None
    # before it, words of a title only: "Who is the minister's aide?" has no head last; a verb ("Who is being held …")
    title = _title_of(units, at, rest, stop)
    return AskedOffice(" ".join(rest.split()), ((title.head, frozenset()),), title.words, title.places,
                       title.qualifiers, past)


def _holds(title: _Title, office: AskedOffice) -> bool:
    """Whether ``title`` names ``office`` (head, words and qualifiers; its places are read by ``office_mentions``)."""
    if not any(title.head == head and office.words | extra <= title.words for head, extra in office.heads):
        return False
    quals = title.qualifiers - (frozenset(_offices()["question"]["past_accepts"]) if office.past else frozenset())
    return quals == office.qualifiers


def office_mentions(sentence: str, office: AskedOffice) -> list[OfficeMention]:
    """The people ``sentence`` names as holding ``office`` (``asked_office``), in order: a title of that office before
    the name or an appositive after it, its portfolio told in any words (``offices.toml`` [same]: "Minister of Trade,
    Industry and Energy" holds "trade minister"), with no qualifier the question does not ask
    (``title_qualifiers.txt``: "Deputy trade minister X", "former trade minister Y" hold other offices), in the place
    asked: the title's own place ("South Korean", "Japan's"), or for a title naming none ("Trade Minister Sung
    Yun-mo"), the places the sentence names before it, when all of them are the place asked."""
    from rag.text.places import covers, place_mentions

    found = []
    for mention, title in _titled_names(sentence):
        if not _holds(title, office):
            continue
        if office.places:
            places = title.places or frozenset(p.key for p in place_mentions(sentence[:mention.start]))
            if not places or not all(any(covers(p, a) for p in places) for a in office.places):
                continue
            if not title.places and not all(any(covers(p, a) or covers(a, p) for a in office.places) for p in places):
                continue
        found.append(mention)
    return found


def office_holders(office: AskedOffice, text: str) -> list[tuple[tuple[int, int], OfficeMention]]:
    """Each sentence of ``text`` (read within its line, as ``titled_mentions`` reads it) naming a holder of ``office``
    (``office_mentions``): (its (start, end) in ``text``, the first holder it names), in text order."""
    found = []
    for span, sentence in _line_sentences(text):
        mentions = office_mentions(sentence, office)
        if mentions:
            found.append((span, mentions[0]))
    return found
