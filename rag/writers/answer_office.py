"""Questions that ask who holds an office ("Who is South Korea's trade minister?"), answered by the sentence that names
the holder by the office's title.

``asked_office`` reads the office a question asks about ("Who is South Korea's trade minister?", "Who is the CEO of
Samsung?", "Who heads Japan's trade ministry?", "Who was Japan's prime minister in 2019?"); ``office_mentions`` finds
the people a sentence names by that office's title, its portfolio told in any words ("South Korean Minister of Trade,
Industry and Energy Sung Yun-mo"), not by a qualified title that names another office ("Deputy trade minister X",
"former trade minister Y"); ``office_holders`` reads a whole text so. Word lists: ``offices.toml``,
``title_qualifiers.txt``; title words and sentence reading are ``rag.writers.answer_who``'s (who a named person is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rag.text.lexicon import alternation, table, word_set
from rag.text.role_names import name_pattern, name_words
from rag.writers.answer_who import TITLE_REACH, TOKEN_RE, line_sentences
from rag.writers.key_terms import lemmas

__all__ = ["AskedOffice", "OfficeMention", "asked_office", "names_office", "office_holders", "office_mentions"]

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
    for m in TOKEN_RE.finditer(text):
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


def _name_at(units: list[_Unit], k: int, stop: frozenset[str], *, after_title: bool = False) -> int:
    """The end of the person's name that starts at ``units[k]`` (one to four capitalised words that are no title,
    place, qualifier or organisation word, the first no common word); ``k`` when none does. Right after a title
    (``after_title``) a name's first word may be a common word that is no determiner when a second name word follows:
    a surname such as "He" ("A ministry spokesperson, He Yadong, said")."""
    org = word_set("org_words")
    end = k
    while end < len(units) and end - k < 4 and units[end].upper and units[end].word[:1].isalpha() \
            and units[end].word not in _offices()["heads"] and units[end].word not in _qualifiers() \
            and not units[end].place and units[end].word not in org:
        end += 1
    surname = (after_title and end - k >= 2 and units[k].word not in word_set("determiners")
               and units[k + 1].word not in stop)
    if end == k or (units[k].word in stop and not surname) or units[k].word in _portfolio():
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
        last = _name_at(units, k, stop, after_title=True)
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
        if not (opener.word in word_set("articles") or opener.upper or opener.place or opener.word in _qualifiers()
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
    heading = re.compile(rf"^\s*who\s+(?P<verb>{alternation(q['heading'])})\s+(?P<rest>.+?)\s*[?.]?\s*$", re.I)
    when = re.compile(rf"\s+(?:{alternation(q['time_openers'])})\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?\d{{4}}$")
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


def _holds(title: _Title, office: AskedOffice, context: frozenset[str] = frozenset()) -> bool:
    """Whether ``title`` names ``office`` (head, words and qualifiers; its places are read by ``office_mentions``).
    A title that names part of the office and nothing else ("Commissioner", "ministry spokesperson") holds it when
    the rest of the office's words are in ``context``, the words the report has named before it (the body it
    introduced: "The Korea Customs Service said … Commissioner Ko Kwang-hyo told reporters")."""
    if not any(title.head == head and (office.words | extra <= title.words
                                       or (title.words <= office.words | extra
                                           and office.words | extra <= title.words | context))
               for head, extra in office.heads):
        return False
    quals = title.qualifiers - (frozenset(_offices()["question"]["past_accepts"]) if office.past else frozenset())
    return quals == office.qualifiers


#: a quotation in straight or curly double quotes
_QUOTED_RE = re.compile(r'"[^"]*"|“[^”]*”')


def _context_words(context: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the words, the place keys) of the text a report wrote before a sentence, as a title reads them."""
    units = _units(context) if context else []
    return frozenset(u.word for u in units if not u.place), frozenset(u.place for u in units if u.place)


def office_mentions(sentence: str, office: AskedOffice, context: str = "") -> list[OfficeMention]:
    """The people ``sentence`` names as holding ``office`` (``asked_office``), in order: a title of that office before
    the name or an appositive after it, its portfolio told in any words (``offices.toml`` [same]: "Minister of Trade,
    Industry and Energy" holds "trade minister"), with no qualifier the question does not ask
    (``title_qualifiers.txt``: "Deputy trade minister X", "former trade minister Y" hold other offices), in the place
    asked: the title's own place ("South Korean", "Japan's"), or for a title naming none ("Trade Minister Sung
    Yun-mo"), the places the sentence names before it, when all of them are the place asked. ``context`` is the text
    of the report before the sentence: a title that names only part of the office is completed by the body named
    there (``_holds``), and a title whose sentence names no place before it is in the place the report named there
    ("TOKYO — Japan's cabinet … Economic Security Minister Takahashi Mio said")."""
    from rag.text.places import covers, place_mentions

    before_words, before_places = _context_words(context)
    found = []
    if office.by_body:
        found += _verb_held(sentence, office, before_places)
    for mention, title in _titled_names(sentence):
        if not _holds(title, office, before_words):
            continue
        if office.places:
            # (not a quotation's places: '"Korea will not be a transit route for the United States' chips,"
            # Commissioner Ko said' names the commissioner in no place)
            before = _QUOTED_RE.sub(lambda m: " " * len(m.group(0)), sentence[:mention.start])
            places = title.places or frozenset(p.key for p in place_mentions(before))
            if not places:
                if not all(any(covers(p, a) for p in before_places) for a in office.places):
                    continue
            elif not all(any(covers(p, a) for p in places) for a in office.places):
                continue
            elif not title.places and not all(any(covers(p, a) or covers(a, p) for a in office.places)
                                              for p in places):
                continue
        found.append(mention)
    return found


@lru_cache(maxsize=1)
def _heading_verbs() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """The lemmas of "Who heads <body>?"'s verbs (``offices.toml`` [question] heading: "head", "lead", "run", "chair"),
    and the two shapes of a sentence telling one held by a name: "<Name> [, who] [has] <verb> <body>" ("Park Dong-hoon
    has chaired the Korea Semiconductor Equipment Association since March 2025") and "<body> is <verb> by <Name>"."""
    verbs = frozenset(v for w in _offices()["question"]["heading"] for v in lemmas(w).get("VERB", ()))
    name = name_pattern(2)
    aux = r"(?:(?:who|has|have|had|will|would|is|was|been|also|now|currently|still|long|since|then)\s+)*"
    active = re.compile(rf"(?P<name>{name})(?:,\s+)?\s*{aux}(?P<verb>[a-z]+)\s+(?P<body>[^,;.()\u2014]+)")
    passive = re.compile(rf"(?P<body>[^,;.()\u2014]+?)\s+(?:is|was|are|were|has\s+been|had\s+been|will\s+be)\s+"
                         rf"(?:\w+ly\s+)?(?P<verb>[a-z]+)\s+by\s+(?P<name>{name})")
    return verbs, active, passive


def _verb_held(sentence: str, office: AskedOffice, before_places: frozenset[str]) -> list[OfficeMention]:
    """The people ``sentence`` names as heading the body of ``office`` (asked by the body: "Who chairs the Korea
    Semiconductor Equipment Association?") by a verb in any tense or voice whose lemma is a heading verb's ("has
    chaired", "heads", "led", "is chaired by"; LemmInflect's lemmas through ``key_terms.lemmas``), its object
    holding every word of the office and naming its places (or the sentence or the report before it does)."""
    from rag.text.places import covers, place_mentions

    verbs, active, passive = _heading_verbs()
    found = []
    for shape in (active, passive):
        for m in shape.finditer(sentence):
            if not set(lemmas(m.group("verb")).get("VERB", ())) & verbs or name_words(m.group("name")) is None:
                continue
            units = _units(m.group("body"))
            if not office.words <= {u.word for u in units if not u.place}:
                continue
            places = {p.key for p in place_mentions(sentence)} | before_places
            if not all(any(covers(p, a) for p in places) for a in office.places):
                continue
            title = " ".join(sentence[m.start("verb") if shape is active else m.start("body"):m.start("name")
                                      if shape is passive else m.end("body")].split()).removesuffix(" by")
            found.append(OfficeMention(m.group("name"), title, m.start("name")))
    return found


def office_holders(office: AskedOffice, text: str) -> list[tuple[tuple[int, int], OfficeMention]]:
    """Each sentence of ``text`` (read within its line, as ``answer_who.titled_mentions`` reads it) naming a holder of
    ``office`` (``office_mentions``, with the text before it as its context): (its (start, end) in ``text``, the first
    holder it names), in text order. A
    question names no holder ("Who is Britain's next prime minister?", a headline of the RealTime QA corpus)."""
    found = []
    for span, sentence in line_sentences(text):
        if sentence.rstrip().rstrip("\"'’”").endswith("?"):
            continue
        mentions = office_mentions(sentence, office, text[:span[0]])
        if mentions:
            found.append((span, mentions[0]))
    return found


def names_office(office: AskedOffice, text: str) -> bool:
    """Whether ``text`` names the asked office's title at all: one of its head nouns, as a title reads it ("chief
    executive" is "CEO", ``offices.toml`` [same]), with or without a holder beside it. A source that never writes
    "CEO" cannot tell who is the CEO of Huaxin, however many other names its sentences hold; one that does ("the
    company's CEO Parag Agrawal", "set to install her as Italy's first female prime minister") may."""
    heads = {head for head, _ in office.heads}
    return any(u.word in heads for u in _units(text))
