"""Questions that ask who a named person is ("Who is Sato Kei?"), answered by the sentence that names them with a title.

A source says who someone is by a title or an appositive beside the name, often only once and in a short line the
sentence reader sets aside (an analytic brief's "Key Individuals and Entities" list: "Japanese Deputy Chief Cabinet
Secretary Sato Kei"). ``asked_person`` reads the name a "who is X?" question asks about; ``titled_mentions`` finds
where a text names that person with a title:

* a title before the name, in either name order ("Deputy Chief Cabinet Secretary Sato Kei", "Japan's trade minister
  Hiroshi Kajiyama", "President Moon Jae-in"; a CJK name is written family name first as often as not: "Kei Sato");
* an appositive after it ("Gene Raymond, the US Secretary of Commerce, …", "Yasutoshi Nishimura, Japan's Minister of
  Economy, Trade and Industry");
* a title set off before it ("A MOFCOM spokesperson, He Yongqian, said …", ``rag.text.role_names.role_then_name``).

Title words: ``titles.txt`` and ``entity_titles.txt`` (the text layer's lists of titles before a person's name).

Who holds an office ("Who is South Korea's trade minister?") is read by ``rag.writers.answer_office``, with this
module's title words and sentence reading (``line_sentences``, ``TITLE_REACH``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rag.text.lexicon import alternation, table, word_set
from rag.text.role_names import OWNER, role_then_name
from rag.text.sentences import split_sentences

__all__ = ["TITLE_REACH", "TOKEN_RE", "TitledMention", "alternation", "asked_person", "asked_view", "full_name",
           "holder_lead", "line_sentences", "name_forms", "second_references", "titled_mentions", "view_holder",
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
TOKEN_RE = re.compile(r"[\w'’.-]+|[^\w\s]")


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


def second_references(name: str, text: str) -> list[str]:
    """The one-word forms by which ``text`` may refer again to the person ``name`` it names in full (any of
    ``name_forms``): the last and the first word of a name of two or three words, either of which may be the family
    name ("Lindqvist, chief executive of …" after "Sara Lindqvist said …"; "Guo, a spokesperson …" after "Guo
    Mingyu"); none when the text never names the person in full (a bare "Lindqvist" may be another person)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not any(
            re.search(rf"(?<![\w'’-]){re.escape(f)}(?![\w-])", text) for f in name_forms(name)):
        return []
    return [w for w in dict.fromkeys((words[-1], words[0])) if len(w) > 1 and not _is_title(w)]


def _in_other_name(before: list[str], after: str) -> bool:
    """Whether a one-word name form (``second_references``) is part of a longer name: a capitalised word other than
    a title right before it ("Sato Kei") or a capitalised word right after it ("Kei Tanaka")."""
    prev = before[-1] if before else ""
    return (prev[:1].isupper() and not _is_title(prev)) or bool(re.match(r"\s+[A-Z]", after))


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
    at = next((k for k, w in enumerate(words[:TITLE_REACH]) if _is_title(w.rstrip(",;"))), None)
    if at is None:
        return None
    if not (words[0].lower() in word_set("articles") or words[0][:1].isupper() or _bare_title(words[:at])):
        return None
    end = next((k for k in range(at, len(words)) if words[k].endswith((",", ";"))
                and not (k + 1 < len(words) and words[k + 1][:1].isupper() and words[k + 1].lower() != "the")), None)
    phrase = " ".join(words[: (end + 1) if end is not None else len(words)])
    return phrase.rstrip(",;.")


def _bare_title(before: list[str]) -> bool:
    """Whether the words before an appositive's first title word let it open the appositive without an article: none,
    or up to ``MODIFIERS`` lower-case modifiers that are no function words ("spokesperson for China's foreign
    ministry", "chief executive of Nordlink Energy", "senior official of …"; not "who is chief …", "said the chief …")."""
    return len(before) <= MODIFIERS and all(
        w.isalpha() and w.islower() and w not in word_set("stopwords") and w not in _JOINERS for w in before)


#: the role set off before a name ("A MOFCOM spokesperson, <name>, said …"; ``role_names.role_then_name``): an owner
#: and up to four words, one a title word
_ROLE_BEFORE = r"(?P<role>(?:[\w'’.&-]+\s+){0,3}[\w'’.&-]+)"


def _title_apposed(sentence: str, start: int, forms: str) -> str | None:
    """The role set off before the name at ``start`` of ``sentence`` ("A MOFCOM spokesperson, He Yongqian, said":
    "A MOFCOM spokesperson"): the nearest owner before it (``role_names.OWNER``) and the words up to the comma, one
    a title word (as in an appositive after the name); None when the name is not set off so."""
    rx = re.compile(role_then_name(_ROLE_BEFORE, rf"(?P<name>{forms})", f"(?i:{OWNER})"))
    words = [w.start() for w in re.finditer(r"\S+", sentence[:start])][-5:]
    for at in reversed(words):
        m = rx.match(sentence, at)
        if m is not None and m.start("name") == start and any(map(_is_title, m.group("role").split())):
            return sentence[at:m.end("role")]
    return None


#: "<name> is a former director of …", "<name> was Japan's ambassador …": a description by a copula reads as an
#: appositive (a piece's note on its author says who the author is this way)
_COPULA_RE = re.compile(r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:now\s+)?(?=(?:a|an|the)\s|[A-Z])")


def titled_mentions(name: str, text: str) -> list[TitledMention]:
    """Each place ``text`` names the person ``name`` (any of ``name_forms``, as whole words) with a title before the
    name or an appositive after it (after a comma or a copula, ``_COPULA_RE``), in text order; the sentence is the
    splitter's (``line_sentences``: a hard-wrapped sentence whole, a list item its own)."""
    single = second_references(name, text)
    forms = "|".join(re.escape(f) for f in name_forms(name) + single)
    found: list[TitledMention] = []
    for span, sentence in line_sentences(text):
        for m in re.finditer(rf"(?<![\w'’-])(?:{forms})(?![\w-])", sentence):
            before = TOKEN_RE.findall(sentence[:m.start()])
            if m.group(0) in single and _in_other_name(before, sentence[m.end():]):
                continue  # "Kei" of "Sato Kei" is not Kei Tanaka
            title = _title_before([w for w in before if w[:1].isalnum()] if before and before[-1][:1].isalnum()
                                  else [])
            after = sentence[m.end():]
            if title is None and before[-1:] == [","]:  # "A MOFCOM spokesperson, He Yongqian, said …"
                title = _title_apposed(sentence, m.start(), forms)
            if title is None and after.startswith(","):
                title = _title_after(after[1:])
            if title is None and (copula := _COPULA_RE.match(after)):  # "… is a former director of …" (author notes)
                title = _title_after(after[copula.end():])
            if title is not None:
                found.append(TitledMention(span, title))
                break
    return found


def line_sentences(text: str):
    """Each sentence of ``text``, as the one splitter reads it (a hard-wrapped sentence is one sentence; a list item
    is one of its own): ((start, end) in ``text``, its text)."""
    for sentence in split_sentences(text):
        yield (sentence.start, sentence.end), sentence.text


# -- who held a view ("Who said Japan's measure was politically motivated?") -----------------------------------------

@lru_cache(maxsize=1)
def _view_verbs() -> dict:
    return table("view_verbs")


@lru_cache(maxsize=1)
def _asking_re() -> re.Pattern[str]:
    return re.compile(rf"^\s*who\s+(?:has\s+|had\s+|have\s+)?(?:{alternation(_view_verbs()['asking'])})\s+(?P<what>.+?)\s*\??\s*$",
                      re.I)


@lru_cache(maxsize=1)
def _frame_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’-])(?P<who>{alternation(_view_verbs()['pronouns'])}|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})"
                      rf"\s+(?:has\s+|had\s+|have\s+|was\s+|is\s+)?(?:{alternation(_view_verbs()['framing'])})\b")


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
