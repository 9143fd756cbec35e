"""Names a question gives that no source mentions: "What did TSMC announce about expanding its Kumamoto fab?" over a
corpus that never names Kumamoto is a question about a story the corpus does not hold, however well a sentence about
TSMC matches its other words ("Japanese manufacturers supplying components to TSMC will be affected" was the answer).
The answer then abstains and says which name no source mentions.

A name here is a key term of the question written capitalised (``key_terms`` kind "entity") that is neither a place
of ``places.toml`` (nor a people's or a language's adjective: "Japanese" is Japan), a people, a part of the world
or its people (``world_places``: "Qatari", "Asian", "Sri Lankan"), a weekday, a month or its abbreviation ("Dec"), a
title ("Gov", "CEO"), nor a dictionary word (lemminflect's tables: "Olympic", "Sunday" and "Parliament" are words
that open many a story in other words). A country ``places.toml`` lacks is a name ("the volcano that erupted in
Iceland"), mentioned by any of its forms ("Icelandic", "Qataris" for Qatar). It is
mentioned by a text holding its stem, or, for a name written as an acronym ("TSMC", "SMIC"), by a text whose
capitalised run has its initials ("Taiwan Semiconductor Manufacturing Co"). Measured on RealTime QA's 380 dev
questions before use: a distinctive name absent from the top five articles went with 1 correct answer of 183 (a
demonym, now a place) and 24 of 77 abstentions (evals/README "Integrator, s49").

Words a question quotes ("Which ruling did the senator call “a reckless gamble” this week?") are its story's own
words, as a name is (``question_quotes``: a quote of ``QUOTE_MIN_WORDS`` content words or more; one word in quotes is
scare quotes or a label, "the “friendly” visit"). A quote is mentioned by a text holding all of its content words in
any form (``mentions_quote``), so a quote no passage mentions is a story the corpus does not hold
(``unmentioned_quotes``); a passage giving it word for word (``gives_quote``) tells the question's story however few
of the question's other words it repeats (``answering._story_missing``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable

from rag.text.initials import acronym_form, words_spell
from rag.text.dates import MONTHS, WEEKDAYS
from rag.text.keys import dictionary_word
from rag.text.lexicon import word_set
from rag.text.normalize import compat_form
from rag.text.places import place_mentions, place_of_word, places
from rag.text.world_places import country_forms, world_place_stretches
from rag.writers.key_terms import key_terms, stem, stems

__all__ = ["QUOTE_MIN_WORDS", "gives_quote", "mentions_quote", "question_names", "question_quotes", "unmentioned_names",
           "unmentioned_quotes"]

#: a name shorter than this ("Mo", "Xi") is too often another word's stem or a part of a longer name
MIN_NAME_CHARS = 3
_WORD = re.compile(r"[^\W\d_][\w'’&\-]*")
#: a capitalised word with one of these endings is a nationality or language adjective ("Irish", "Vietnamese"), read
#: as its place's, whether or not the place list has it
_NATIONALITY_ENDINGS = ("ish", "ese")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}s?")
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w&\-]*\.?(?:\s+(?:of|and|for|the|de|&)\s+|\s+)?)+")


def _distinctive(word: str, wanted: set[str]) -> bool:
    """Whether ``word`` (as written, possessive dropped) is a name of ``wanted`` (the question's entity stems) that
    no place, day, month (or its abbreviation: "Dec"), title ("Gov", "CEO"), nationality adjective ("Irish",
    "Vietnamese") or dictionary word reads."""
    lower = word.lower()
    return (stem(word) in wanted and len(word) >= MIN_NAME_CHARS and word[:1].isupper()
            and place_of_word(word) is None and lower not in WEEKDAYS and lower.rstrip(".") not in MONTHS
            and lower.rstrip(".") not in _titles() and not lower.endswith(_NATIONALITY_ENDINGS)
            and not dictionary_word(word))


def _curated_place_words(run: list[str]) -> set[int]:
    """The indices of ``run``'s words within an alias of ``places.toml`` ("South Korea", "Hong Kong", "Northern
    Ireland"): places the corpus's stories are about, read as a question's setting, not as names to look for."""
    starts, at = [], 0
    for word in run:
        starts.append(at)
        at += len(word) + 1
    out: set[int] = set()
    for m in place_mentions(" ".join(run)):
        out.update(k for k, start in enumerate(starts) if m.start <= start < m.end)
    return out


@cache
def _titles() -> frozenset[str]:
    """Titles before a person's name (``titles.txt``, ``entity_titles.txt``), lower case, no trailing dot."""
    return frozenset(w.rstrip(".") for w in word_set("titles") | word_set("entity_titles"))


def _runs(question: str) -> list[list[str]]:
    """The capitalised words of ``question`` grouped in runs of adjacent ones ("James Webb Telescope"), possessives
    dropped, in order."""
    runs: list[list[str]] = []
    end = -1
    for m in _WORD.finditer(question):
        word = re.sub(r"['’]s$", "", m.group(0)).strip("'’-")
        if not word[:1].isupper():
            end = -1
            continue
        if end >= 0 and not question[end:m.start()].strip(" -"):
            runs[-1].append(word)
        else:
            runs.append([word])
        end = m.end()
    return runs


def question_names(question: str) -> list[str]:
    """The distinctive names ``question`` gives, as written there ("Kumamoto", "TSMC", "James Webb"), in order, each
    once: each run of adjacent capitalised words with its words that are key terms of kind "entity" and no place,
    people's or region's word, day, month, title, nationality adjective or dictionary word (see the module
    docstring), and the words of a country's name that ``places.toml`` does not hold ("Iceland", "Puerto Rico"); a
    run is one name."""
    text = compat_form(question)
    wanted = {t.stem for t in key_terms(text) if t.kind == "entity" and t.stem not in places()}
    names: list[str] = []
    for run in _runs(text):
        dropped = _curated_place_words(run)
        countries: set[int] = set()
        for stretch in world_place_stretches(run):
            at = set(range(stretch.start, stretch.end))
            if stretch.country is None or at & dropped or (len(at) == 1 and dictionary_word(run[stretch.start])):
                dropped |= at  # a people's or region's word; a curated place; "Turkey", "Chad" may be words
            else:
                countries |= at
        name = " ".join(w for k, w in enumerate(run)
                        if k not in dropped and (k in countries or _distinctive(w, wanted)))
        if name and name not in names:
            names.append(name)
    return names


def _initials(text: str) -> set[str]:
    """The initials of each capitalised run of ``text`` and of its word-final sub-runs ("Taiwan Semiconductor
    Manufacturing Co" → "tsmc", "smc", "mc"), lower-cased; small joining words are skipped ("Bank of America" →
    "boa" and "ba")."""
    out: set[str] = set()
    for m in _CAPITALISED_RUN.finditer(text):
        caps = [w[0] for w in m.group(0).split() if w[:1].isupper()]
        for k in range(len(caps) - 1):
            out.add("".join(caps[k:]).lower())
        for k in range(2, len(caps) + 1):
            out.add("".join(caps[:k]).lower())
    return out


#: a longer name is also mentioned by a word sharing all but its last two letters ("African" by "Africa",
#: "Taiwanese" by "Taiwan" where no place alias says so)
_FORM_CHARS = 6


def _mentioned(key: str, seen: set[str]) -> bool:
    if key in seen:
        return True
    if len(key) < _FORM_CHARS:
        return False
    head = key[: len(key) - 2]
    return any(s.startswith(head) for s in seen)


#: an acronym of at least this many letters is also mentioned by one it begins or that begins it ("LGBTQ" by
#: "LGBT+", "COVID" by "COVID-19")
_ACRONYM_VARIANT_CHARS = 4


def _variant_mentioned(acronym: str, seen: set[str]) -> bool:
    if len(acronym) < _ACRONYM_VARIANT_CHARS:
        return False
    return any(len(s) >= _ACRONYM_VARIANT_CHARS and (s.startswith(acronym) or acronym.startswith(s)) for s in seen)


#: an acronym of at least this many letters is also mentioned by lower-case words spelling it out ("GPU" by "graphics
#: processing units", "HBM" by "high-bandwidth memory"); two letters would be spelled by chance too often
_SPELLED_OUT_CHARS = 3


#: a run of words joined by spaces or hyphens only (letters; a digit, "_" or other punctuation ends a run)
_JOINED_WORDS = re.compile(r"[^\W\d_]+(?:[\s-]+[^\W\d_]+)*")


def _spelled_out(acronym: str, lowered: str) -> bool:
    """Whether ``lowered`` (lower-cased text) holds consecutive words, joined by spaces or hyphens, whose initials are
    the letters of ``acronym``, one letter a word ("graphics processing units" for "GPU"; ``initials.words_spell``);
    False for an acronym shorter than ``_SPELLED_OUT_CHARS`` or holding "&"."""
    letters = acronym.lower()
    if len(letters) < _SPELLED_OUT_CHARS or not letters.isalpha():
        return False
    return any(words_spell(letters, re.findall(r"[^\W\d_]+", run.group(0)), one_each=True)
               for run in _JOINED_WORDS.finditer(lowered))


def unmentioned_names(question: str, texts: Iterable[str]) -> list[str]:
    """The ``question_names`` that none of ``texts`` mentions, as written in the question; [] when every one is
    mentioned or the question gives none. A name is mentioned when one of its words is (by stem; an acronym also by
    the initials of a capitalised run, "TSMC" by "Taiwan Semiconductor Manufacturing Co", "NIS" by "The National
    Intelligence Service", or of three or more lower-case words, "GPUs" by "graphics processing units"; a word of
    ``_FORM_CHARS`` letters or more also by one holding all but its last two, "Ukrainian" by "Ukraine"): "James Webb"
    by "the Webb telescope"."""
    names = question_names(question)
    if not names:
        return []
    texts = [compat_form(t) for t in texts]
    seen: set[str] = set().union(*(stems(t) for t in texts)) if texts else set()
    spelled: set[str] | None = None
    joined = "\n".join(t.lower() for t in texts)

    def mentioned(word: str) -> bool:
        nonlocal spelled
        if _mentioned(stem(word), seen):
            return True
        if not _ACRONYM.fullmatch(word):
            return False
        if _variant_mentioned(word.lower(), seen):
            return True
        if spelled is None:
            spelled = set().union(*(_initials(t) for t in texts)) if texts else set()
        # a plural's "s" is lower case ("GPUs"); an acronym's own "S" is a word's initial ("NIS", "BIS", "KCS")
        letters = word[:-1] if word.endswith("s") else word
        return (letters.lower() in spelled or _spelled_out(letters, joined)
                # a field acronym a text writes in full ("APT": "ammonium paratungstate"; ``initials.acronym_form``)
                or any(acronym_form(word, t) is not None or acronym_form(letters, t) is not None for t in texts))

    def country_mentioned(name: str) -> bool:
        words = name.split()
        return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", joined)
                   for s in world_place_stretches(words) if s.country for form in country_forms(s.country))

    return [name for name in names if not any(mentioned(w) for w in name.split()) and not country_mentioned(name)]


#: a quote of fewer content words ("the “friendly” visit", "the “tripledemic”") is scare quotes or a coined label,
#: which a report may well write without quotes or in other words; two or more are someone's phrase
QUOTE_MIN_WORDS = 2
#: a question's quotes: double, curly or single quotation marks, the single ones not an apostrophe ("Mail’s", "don't")
_QUOTE = re.compile(r"“([^”]{2,200})”|(?<![\w])\"([^\"]{2,200})\"|(?<![\w])[‘']([^’'\n]{2,200}?)[’'](?![\w])")


def _content_words(text: str) -> list[str]:
    """The words of ``text`` a key term could be (``WORD_RE`` words, not stopwords), in order, as written."""
    from rag.writers.sentence_cues import STOPWORDS, WORD_RE

    return [w for w in WORD_RE.findall(text) if w.lower().replace("’", "'") not in STOPWORDS and len(w) > 1]


def question_quotes(question: str) -> list[str]:
    """The phrases ``question`` quotes that hold at least ``QUOTE_MIN_WORDS`` content words, as written (the closing
    punctuation a quote carries dropped: “Funny Girl.” → "Funny Girl"), in order, each once."""
    out: list[str] = []
    for m in _QUOTE.finditer(compat_form(question)):
        phrase = next(g for g in m.groups() if g is not None).strip().rstrip(".,;:!?").strip()
        if len(_content_words(phrase)) >= QUOTE_MIN_WORDS and phrase not in out:
            out.append(phrase)
    return out


def mentions_quote(quote: str, text: str) -> bool:
    """Whether ``text`` holds every content word of ``quote`` in some form (by stem: "breached … privacy" holds
    "breach" and "privacy", not "gross")."""
    return {stem(w) for w in _content_words(quote)} <= stems(compat_form(text))


def gives_quote(quote: str, text: str) -> bool:
    """Whether ``text`` gives ``quote`` word for word (case, punctuation and spacing aside)."""
    words = lambda t: re.findall(r"[^\W_]+", compat_form(t).lower())  # noqa: E731
    q, t = words(quote), words(text)
    return bool(q) and any(t[k:k + len(q)] == q for k in range(len(t) - len(q) + 1))


def unmentioned_quotes(question: str, texts: Iterable[str]) -> list[str]:
    """The ``question_quotes`` that no one of ``texts`` mentions (``mentions_quote``), as written; [] when each is
    mentioned or the question quotes none."""
    quotes = question_quotes(question)
    if not quotes:
        return []
    texts = list(texts)
    return [q for q in quotes if not any(mentions_quote(q, t) for t in texts)]
