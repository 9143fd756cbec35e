"""Follow-up questions resolved once, against the conversation: "what about Korea?" → what it asks about Korea.

A question follows up on the previous user question when it refers back (a pronoun or cue phrase from
``rag/text/data/followup_cues.txt``, or a closing "that": "who said that?"), opens elliptically ("and ...",
"what about ..."), consists only of names ("Korea?"), has no content word at all ("Why?", "How many?"), or, within
a conversation, is a short question that names nothing and asks about "the <something>" ("In which part of the
country?", "What is the scientist's name?": the thing talked about before) or asks how an actor already named
responded ("What did Japan say in response?": the same story's response). Its resolved form keeps the new words first
and carries over the previous question's content words (plus, for a pronoun, the names the previous answer
opened with) for retrieval; for an elliptical question that names something new, the previous names are
dropped (the new name takes their place). A chain of follow-ups resolves turn by turn, so the third question
inherits what the first one was about. English only: a CJK question is never treated as a follow-up.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Callable, Sequence

from rag.text.lexicon import table, word_list, word_set
from rag.text.sentences import split_sentences
from rag.types import ResolvedQuestion, Turn

STOPWORDS = word_set("stopwords")

__all__ = ["answered_object", "answered_passages", "answered_subject", "described_name", "asked_of_act", "asks_response", "counted_question", "elliptical_polar", "on_story", "resolve_follow_up", "resolved_object", "read_as", "RESOLVED_NOTE", "answered_undergoer", "swapped_thing",
           "standalone_polar",
           "turns_story", "is_follow_up", "stay_on_story", "swapped_party_said"]

_WORD_RE = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?")
#: the answer kinds (``answer_kind.answer_type``) of a follow-up asking for a date ("When?", "What year?"): it
#: asks of the event its previous answer led with, so only the answer's first passage is carried as said
DATED_KINDS = frozenset({"when", "date"})
#: the answer kinds whose asking words ("What year", "On what date", "What percentage") name no topic of a follow-up
VALUE_KINDS = DATED_KINDS | {"number"}
#: A definite description short enough to point back ("the country"), when the question names nothing itself.
DEFINITE_MAX_CONTENT = 4


@cache
def _single_word_cues() -> frozenset[str]:
    """The one-word phrases of ``_cues`` (anywhere or at the start): what a follow-up's own content leaves out."""
    anywhere, leads, _ = _cues()
    return frozenset(p for p in anywhere | leads if " " not in p)


@cache
def _cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(phrases that count anywhere, phrases that count only at the start, the leads among those after which an
    elliptical question asks for what the previous one asked for: the "^=" entries), lower-case."""
    entries = word_list("followup_cues")
    leads = frozenset(e[1:].lstrip("=").strip().lower() for e in entries if e.startswith("^"))
    same_ask = frozenset(e[2:].strip().lower() for e in entries if e.startswith("^="))
    anywhere = frozenset(e.lower() for e in entries if not e.startswith("^"))
    return anywhere, leads, same_ask


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def _is_name(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def _acronym(word: str, words: Sequence[str]) -> bool:
    """Whether ``word`` is written in capitals as a name is ("US", "UK", "EU", "IT") in a question not written all in
    capitals: a name, never the function word it spells ("us", "it")."""
    return len(word) >= 2 and word.isupper() and not all(w.isupper() for w in words if w[:1].isalpha())


def _stop(word: str, words: Sequence[str]) -> bool:
    """Whether ``word`` (of the question ``words``) is a function word: a stop word not written as a name ("And the
    US?" asks about the United States, not "us")."""
    return word.lower() in STOPWORDS and not _acronym(word, words)


def _content(words: Sequence[str], cue_words: frozenset[str]) -> list[str]:
    return [w for w in words if not _stop(w, words) and w.lower() not in cue_words]


def _own_content(question: str, cue_words: frozenset[str]) -> list[str]:
    """The content words of ``question`` besides the cue words and, for a question asking for a date or a number
    (``VALUE_KINDS``), the words with which it asks for it (``answer_kind.asked_kind_phrase``: "What year?", "On what
    date?", "Which day?", "What percentage?" name nothing: "year", "date" and "day" are no topic of their own; "What
    happened?" asks anew)."""
    from rag.writers.answer_kind import answer_type, asked_kind_phrase  # the writers import this module's callers

    words = _words(question)
    phrase = asked_kind_phrase(question) if answer_type(question) in VALUE_KINDS else None
    asking = {w.lower() for w in _words(phrase)} if phrase else set()
    return [w for w in _content(words, cue_words) if w.lower() not in asking]


def _has_phrase(lowered: Sequence[str], phrases: frozenset[str], *, at_start: bool) -> bool:
    joined = " " + " ".join(lowered) + " "
    if at_start:
        return any(joined.startswith(f" {p} ") for p in phrases)
    return any(f" {p} " in joined for p in phrases)


def _kind(question: str) -> str | None:
    """'lead', 'reference', 'bare' or None (standalone): how a question refers back, if it does."""
    anywhere, leads, _ = _cues()
    words = _words(question)
    lowered = [w.lower() for w in words]
    if _has_phrase(lowered, leads, at_start=True):
        return "lead"
    if _has_phrase(lowered, anywhere, at_start=False) or (lowered and lowered[-1] in ("that", "this", "so")):
        return "reference"  # "... said that?", "Who said so?": a closing demonstrative is a pronoun, never a conjunction
    single = _single_word_cues()
    content = _content(words, single)
    if not _own_content(question, single):
        return "bare"  # "Why?", "How many?", "When was it?", "What year?", "On what date?"
    if len(content) == len(words) and len(words) <= 3 and all(_is_name(w) for w in words):
        return "lead"  # "Korea?", "SMIC and Huawei?"
    return None


def is_follow_up(question: str) -> bool:
    """True when ``question`` would refer back to an earlier question (whatever the conversation holds)."""
    return _kind(question) is not None


#: A quote shown with its attribution (``render``, ``abstention_text.partial_message``): "WorldWideWatchers
#: (AI-generated brief, 2026) assesses: “…”", "Hosokawa Masahiko (2020 essay) argues: “…”", "The sources report: “…”",
#: "According to an unnamed report: “…”". The frame says who holds the view; the quote is what was answered.
_FRAMED = re.compile(r"^\s*(?:The sources report|According to [^“”:]{1,120}|[^“”:()]{1,120}\([^()“”]{1,80}\)"
                     r"(?:,\s*citing [^“”:()]{1,80},)?"  # "… (AI-generated brief, 2026), citing Nikkei Asia, reports"
                     r"(?:[\s,]+[\w-]+){1,6},?"  # its verb: "reports", "lists under", "judges better supported"
                     r"(?:\s+“[^“”]{1,80}”)?)"  # "… lists under “Key Entities”": a frame naming a caption
                     r":\s*“(?P<quote>[^”]*)”")


def unframed(reply: str) -> str:
    """``reply`` without the attribution frame of its first quote ("X (AI-generated brief, 2026) assesses: “Q” [1] …"
    → "Q"); any other reply unchanged (a speaker inside a sentence, "Suga said: “…”", is part of what was said)."""
    m = _FRAMED.match(reply)
    return m.group("quote") if m else reply


def _answer_names(reply: str, *, one: bool = False) -> list[str]:
    """Names in the first sentence of an answer: what "they", "he" or "it" most likely points at. An attributed
    quote's names are the quote's, not its source's ("Hosokawa Masahiko (2020 essay) argues: “The Japanese
    government …”" points at the Japanese government, not at the essay's author). ``one``: only the first name (its
    run of capitalised words): what a singular "it" points at is the sentence's subject ("Japan yesterday said ...,
    a day after South Korean President Moon Jae-in urged ..." → Japan), not every name the sentence holds."""
    text = unframed(reply.strip())
    if _lists_items(text):  # a list of names led: "they" points at the event told after it, not at every name listed
        told = [p for p in answered_passages(reply) if not _lists_items(p)]
        text = told[0] if told else text
    spans = split_sentences(text)
    first = spans[0].text if spans else text
    names: list[str] = []
    words = _words(first)
    for w in words:
        if w[0].isupper() and not _stop(w, words):
            names.append(w)
        elif one and names:
            break
    return names


#: Pronouns that point at one thing, not at people: "Why did it do that?" asks about one actor or thing.
_SINGULAR = frozenset({"it", "its", "itself"})


def _singular_reference(words: Sequence[str]) -> bool:
    """Whether a follow-up refers back only by a singular "it"/"its" (no "they", "he", "she" …)."""
    lowered = {w.lower() for w in words}
    return bool(lowered & _SINGULAR) and not lowered & word_set("pronouns")


def _points_back(question: str) -> bool:
    """A short question that names nothing of its own and asks about "the <something>" ("In which part of the
    country?"): within a conversation, the thing is the one talked about before."""
    words = _words(question)
    names = [w for w in words[1:] if _is_name(w)]
    content = _content(words, frozenset())
    lowered = [w.lower() for w in words]
    return not names and 0 < len(content) <= DEFINITE_MAX_CONTENT and "the" in lowered[:-1]


@cache
def _elliptical_re() -> re.Pattern[str]:
    """"<auxiliary> <subject> <verb>?", "<wh-word> [<be/have>] <verb>?" or "<which/what> <noun> [<be/have>] <verb>?"
    (``elliptical_followups.toml``)."""
    data = table("elliptical_followups")
    alt = lambda words: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))  # noqa: E731
    subject = rf"[\w'’.&-]+(?:\s+[\w'’.&-]+){{0,{int(data['subject_words']) - 1}}}"
    return re.compile(rf"^\s*(?:(?:{alt(data['auxiliaries'])})\s+{subject}|(?:(?:{alt(data['wh_words'])})"
                      rf"|(?:{alt(data['wh_determiners'])})\s+(?-i:[a-z][\w-]*))"
                      rf"(?:\s+(?:{alt(data['between'])}))?)\s+(?P<verb>[a-z][\w-]*)\s*\?\s*$", re.I)


def _elliptical(question: str, previous: ResolvedQuestion, reply: str) -> bool:
    """Whether a short question ends on its verb with its object or topic left out ("Did Japan agree?", "Who is
    affected?", "Who benefits?", "Has Seoul responded?": ``elliptical_followups.toml``): within a conversation, it
    asks about the previous question's story. The verb has a verb reading (lemminflect) other than a light one
    ([not_elliptical]: "What happened?" asks anew), and every name it holds was named by the previous question or
    its reply ("Did SMIC agree?" after a question about Japan names something new: it stands alone)."""
    from lemminflect import getAllLemmas

    from rag.writers.key_terms import stems  # the writers import this module's callers

    m = _elliptical_re().match(question)
    if m is None:
        return False
    lemmas = getAllLemmas(m.group("verb").lower())
    verb = (lemmas.get("VERB") or (None,))[0]
    # (a function word read as a verb is none: "What time is it?")
    if verb is None or verb in table("elliptical_followups")["not_elliptical"] or m.group("verb").lower() in STOPWORDS:
        return False
    names = [w for w in _words(question)[1:] if _is_name(w)]
    known = stems(f"{previous.standalone} {unframed(reply)}")
    return all(stems(w) <= known for w in names)


def elliptical_polar(asked: str) -> bool:
    """Whether the words a follow-up asked are a polar question ending on its verb, its subject a name ("Did Japan
    agree?", "Has Seoul responded?"; not "Did they agree?", whose claim names no one): its claim, read against the
    evidence its resolved form retrieves (the previous question's story), is the verdict's claim."""
    m = _elliptical_re().match(asked)
    if m is None or not asked.split()[0].lower() in table("elliptical_followups")["auxiliaries"]:
        return False
    words = _words(asked)
    subject = words[1:-1]
    # "the US" is a name, not the pronoun "us"
    return bool(subject) and all(_is_name(w) or w.lower() in STOPWORDS for w in subject) and not (
        {w.lower() for w in subject if not _acronym(w, words)} & (word_set("pronouns") | _SINGULAR))


def _verb_lemma(word: str) -> str | None:
    """The verb reading of ``word`` (lemminflect: "withdrew" → "withdraw"), or None when it has none ("measure"
    has one, "Japan" none)."""
    from lemminflect import getAllLemmas

    return (getAllLemmas(word.lower()).get("VERB") or (None,))[0]


def _objects(question: str) -> list[tuple[str, str]]:
    """The (verb lemma, object noun phrase) pairs of ``question``, in order: a word with a verb reading followed by a
    noun phrase, a determiner or possessive (``determiners.txt``) or none, then its run of content words up to the
    next function word ("urge Japan", "withdraw its export measure", "impose curbs" in "Why did Japan impose curbs
    on Korea?"). The question's opening auxiliary and wh-word govern nothing, nor does a word inside a noun phrase a
    determiner opened ("the new *port* fees": a noun, though "port" may be a verb), nor a name ("Kestrel *Lines*")."""
    words = _words(question)
    determiners = word_set("determiners")
    pairs: list[tuple[str, str]] = []
    in_phrase = False
    for i, w in enumerate(words[:-1]):
        in_phrase = i > 0 and (words[i - 1].lower() in determiners or (in_phrase and not _stop(words[i - 1], words)))
        verb = _verb_lemma(w) if not _stop(w, words) and i > 0 and not in_phrase and not _is_name(w) else None
        if verb is None:
            continue
        j = i + 1 + (words[i + 1].lower() in determiners)
        k = j
        while k < len(words) and not _stop(words[k], words):
            k += 1
        if k > j:
            pairs.append((verb, " ".join(words[i + 1:k])))
    return pairs


#: how many content words of an answered object are carried ("rules" of "approved rules requiring vessels …")
ANSWERED_OBJECT_WORDS = 2


def answered_object(previous: str, reply: str) -> str | None:
    """The object the previous answer gave the act a "what" question asked about: "What did Taiwan's Executive Yuan
    approve on June 16?" answered "Taiwan's Executive Yuan on Monday approved rules requiring vessels …" → "rules".
    The previous question opens with "what" or "which" and gives its act (``answer_act.asked_act``) no object of its
    own (``_objects``); the answer's first sentence tells that act by a form of its verb, followed by a determiner or
    none and the object's content words (up to a function word or an "-ing" clause, at most
    ``ANSWERED_OBJECT_WORDS``). None otherwise: what "they" or "it" of a follow-up then points at is the previous
    answer's names."""
    from rag.writers.answer_act import asked_act  # the writers import this module's callers

    asked = _words(previous)
    if not asked or asked[0].lower() not in ("what", "which"):
        return None
    from rag.text.tokens import stem

    act = asked_act(previous)  # (its verbs as stems: "approv")
    if act is None or not act.verbs or any(stem(v) in act.verbs for v, _ in _objects(previous)):
        return None
    spans = split_sentences(unframed(reply.strip()))
    words = _words(spans[0].text if spans else reply)
    determiners = word_set("determiners")
    for i, w in enumerate(words):
        lemma = _verb_lemma(w)
        if w[:1].isupper() or lemma is None or stem(lemma) not in act.verbs:
            continue
        j = i + 1 + (i + 1 < len(words) and words[i + 1].lower() in determiners)
        out: list[str] = []
        while (j < len(words) and len(out) < ANSWERED_OBJECT_WORDS and not _stop(words[j], words)
               and not words[j].lower().endswith("ing")):
            out.append(words[j])
            j += 1
        return " ".join(out) or None
    return None


def answered_subject(question: str, previous: str, reply: str) -> str | None:
    """A follow-up whose subject pronoun (``elliptical_followups.toml`` ``thing_pronouns``, right after an
    auxiliary) is followed by what a measure or thing does (``thing_predicates``: "take effect", "expire", "cover" …),
    with the pronoun replaced by the object the previous answer gave the previous question's act
    (``answered_object``): "What did Taiwan's Executive Yuan approve on June 16?" "Taiwan's Executive Yuan on Monday
    approved rules requiring …" "When do they take effect?" → "When do the rules take effect?". None for any other
    question, or when the previous answer gave no such object."""
    data = table("elliptical_followups")
    words = _words(question)
    lowered = [w.lower() for w in words]
    at = next((k for k in range(1, len(words) - 1) if lowered[k] in data["thing_pronouns"]
               and lowered[k - 1] in data["auxiliaries"]), None)
    if at is None:
        return None
    rest = " ".join(_verb_lemma(w) or w.lower() for w in lowered[at + 1:])
    if not any(rest == p or rest.startswith(p + " ") for p in data["thing_predicates"]):
        return None
    thing = answered_object(previous, reply)
    if thing is None:
        return None
    spans = list(_WORD_RE.finditer(question))
    m = spans[at]
    return question[:m.start()] + "the " + thing + question[m.end():]


#: a name: capitalised words in a row (at most four), the first not a function word
_NAME_RUN = r"(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"


def described_name(question: str, reply: str) -> str | None:
    """A follow-up naming something by a definite description ("the company", "the firm", "the broker") with it
    replaced by the name the previous answer gives that description: the noun right before a name ("… the trading
    company Haneul Tech …") or a name set off with it ("Haneul Tech, the company …"), read in ``reply`` with its
    attributions and date notes left out. "How much was the company fined?" → "How much was Haneul Tech fined?".
    None when the question names nothing so, or the answer gives the description no name, or two names."""
    text = DATE_NOTE_RE.sub(" ", unframed(reply.strip()))
    for m in re.finditer(r"\bthe\s+(?P<noun>[a-z][a-z-]+)\b", question):
        noun = m.group("noun")
        if noun in STOPWORDS:
            continue
        names = _names_given(noun, text)
        if len(names) == 1:
            return question[:m.start()] + names.pop() + question[m.end():]
    return None


def _names_given(noun: str, text: str) -> set[str]:
    """The names ``text`` gives the role ``noun``: a name right after it ("… the trading company Haneul Tech …",
    "former TSMC engineer Chen Wei-lun"), set off after it ("the former engineer, Chen Wei-lun, 38, …") or set off
    before it ("Haneul Tech, the company …"). The noun as written: "engineers Lin Yu-ting and …" gives the singular
    "engineer" no name."""
    before = {f.group("name").strip() for f in re.finditer(rf"\b{re.escape(noun)},?\s+{_NAME_RUN}", text)}
    after = {f.group("name").strip() for f in re.finditer(
        rf"{_NAME_RUN},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{re.escape(noun)}\b", text)}
    return {n for n in before | after if n.split()[0].lower() not in STOPWORDS}


def resolved_object(question: str, previous: str) -> str | None:
    """A yes/no follow-up (opening with an auxiliary of ``elliptical_followups.toml``) with its object pronoun ("it",
    "them" right after a verb: ``object_pronouns``) replaced by the noun phrase the previous question gave that verb
    ("Why did Moon Jae-in urge Japan to withdraw its export measure?" "Did Japan agree to withdraw it?" → "Did Japan
    agree to withdraw its export measure?"), or, when no verb is the same, the object of the previous question's last
    verb that the follow-up does not already name ("Why did Japan impose curbs on Korea?" "Did Japan lift them?" →
    "Did Japan lift curbs?"). None when the follow-up is no such question or nothing stands for the pronoun: the
    verdict then has no claim of its own to read (``answering._polar_asked``)."""
    data = table("elliptical_followups")
    words = _words(question)
    if not words or words[0].lower() not in data["auxiliaries"]:
        return None
    pronouns = set(data["object_pronouns"])
    at = [i for i, w in enumerate(words) if i > 1 and w.lower() in pronouns and not _acronym(w, words)
          and _verb_lemma(words[i - 1]) is not None and not _stop(words[i - 1], words)]
    if len(at) != 1:
        return None
    verb = _verb_lemma(words[at[0] - 1])
    named = {w.lower() for w in words}
    objects = [(v, np) for v, np in _objects(previous) if not {w.lower() for w in _words(np)} <= named]
    same = [np for v, np in objects if v == verb]
    phrase = same[0] if same else objects[-1][1] if objects else _asked_act_noun(
        previous, singular=words[at[0]].lower() in _SINGULAR)
    if phrase is None:
        return None
    # the pronoun's own occurrence, as a word (not inside "itself" or "items")
    spans = [m for m in _WORD_RE.finditer(question) if m.group(0).lower() in pronouns]
    m = spans[[i for i, w in enumerate(words) if w.lower() in pronouns].index(at[0])]
    return question[:m.start()] + phrase + question[m.end():]


def _subject_of(question: str) -> str | None:
    """The subject of ``question``'s clause: the words between its auxiliary (among its first three words) and its
    main verb ("What did Japanese officials say about …?" → "Japanese officials", "Did Japan impose curbs?" →
    "Japan"); None when there is no such clause, or its subject is itself a pronoun."""
    from rag.writers.answer_verdict import _verb_at  # the writers import this module's callers

    words = _words(question)
    auxiliaries = table("elliptical_followups")["auxiliaries"]
    at = next((i for i, w in enumerate(words[:3]) if w.lower() in auxiliaries), None)
    if at is None:
        return None
    rest = words[at + 1:]
    if at > 0 and rest and _opens_predicate(rest[0]):
        return None  # "Who was sentenced in …?": the wh-word is the subject, what follows the auxiliary its predicate
    verb = _verb_at(rest, [w.lower() for w in rest]) if len(rest) > 1 else None
    if verb is None:
        return None
    subject = rest[:verb]
    pronouns = word_set("pronouns") | set(table("elliptical_followups")["subject_pronouns"])
    return None if {w.lower() for w in subject} & pronouns else " ".join(subject)


def _opens_predicate(word: str) -> bool:
    """Whether ``word``, right after a question's auxiliary, opens its predicate rather than a subject: a passive's
    "been"/"being" or a lower-case participle ("sentenced", "charged", "building")."""
    from rag.writers.answer_verdict import _participle  # the writers import this module's callers

    low = word.lower()
    return low in ("been", "being") or (word[:1].islower() and _participle(low))


#: a question whose wh-word is the subject of a passive: "Who was sentenced in …?", "Which firms were fined …?"
_WH_PASSIVE = re.compile(r"^\s*(?:who|which\s+[a-z][\w-]*|what\s+[a-z][\w-]*)\s+(?:was|were|is|are|has been|have been|had been)"
                         r"\s+(?P<act>[a-z][\w-]*)\b", re.I)
#: words an undergoer's noun phrase runs over in an answer ("two executives *of* Baltik Avionics"); any other
#: function word ends it ("… to prison")
_PHRASE_LINKS = frozenset({"of"})
#: at most this many words of an undergoer's noun phrase are carried
UNDERGOER_WORDS = 7


def answered_undergoer(previous: str, reply: str) -> str | None:
    """Who the previous answer gave a wh-subject passive question as the ones the act was done to: "Who was
    sentenced in the Baltik Avionics drone case?" answered "A Vilnius court … sentenced two executives of Baltik
    Avionics to prison …" → "two executives of Baltik Avionics" (the object after a form of the asked verb in the
    answer's first sentence: an optional determiner, content words and names joined by "of", up to another function
    word, at most ``UNDERGOER_WORDS``); "… Kim Dong-hyun, 52, … was sentenced …" → "Kim Dong-hyun" (a name before the
    passive). None for any other question, or when the answer's first sentence tells the act of no one so."""
    from rag.text.tokens import stem

    m = _WH_PASSIVE.match(previous)
    lemma = _verb_lemma(m.group("act")) if m else None
    if lemma is None:
        return None
    spans = split_sentences(DATE_NOTE_RE.sub(" ", unframed(re.sub(r"\[\d+\]", " ", reply.strip()))))
    words = _words(spans[0].text if spans else "")
    determiners = word_set("determiners")
    for i, w in enumerate(words):
        if w[:1].isupper() or stem(_verb_lemma(w) or "") != stem(lemma):
            continue
        if i >= 2 and words[i - 1].lower() in ("was", "were") :  # "Kim Dong-hyun, 52, … was sentenced"
            names = [n for n in re.findall(_NAME_RUN, " ".join(words[:i - 1])) if n.split()[0].lower() not in STOPWORDS]
            return names[0].strip() if names else None
        j = i + 1 + (i + 1 < len(words) and words[i + 1].lower() in determiners and words[i + 1].lower() != "the")
        out: list[str] = []
        while j < len(words) and len(out) < UNDERGOER_WORDS and (
                not _stop(words[j], words) or (words[j].lower() in _PHRASE_LINKS and out and j + 1 < len(words)
                                              and not _stop(words[j + 1], words))):
            out.append(words[j])
            j += 1
        return " ".join(out) or None
    return None


def _referents() -> dict:
    return table("elliptical_followups")["referents"]


def pronoun_class(question: str) -> str | None:
    """How a follow-up's personal pronouns refer back (``[referents]`` of ``elliptical_followups.toml``): "m" ("he",
    "his"), "f" ("she", "her") — one person —, "p" ("they", "them") or None (none, or pronouns of two classes)."""
    low = {w.lower() for w in _words(question) if not _acronym(w, _words(question))}
    data = _referents()
    found = {c for c, key in (("m", "masculine"), ("f", "feminine"), ("p", "plural")) if low & set(data[key])}
    return found.pop() if len(found) == 1 else None


def _number(phrase: str) -> str | None:
    """"p" when ``phrase`` stands for several ("two executives of …", "Lin Yu-ting and Huang Chih-hao", "staff
    members"), "s" for one ("a former engineer of …", a name), None when it does not say."""
    from lemminflect import getAllLemmas

    words = _words(phrase)
    if not words:
        return None
    low = [w.lower() for w in words]
    if low[0] in _referents()["number_words"] or (words[0].isdigit() and words[0] != "1") or "and" in low:
        return "p"
    if all(_is_name(w) or w.lower() in STOPWORDS for w in words):
        return "s"  # a name: one person or body
    head = low[low.index("of") - 1] if "of" in low[1:] else low[-1]
    lemmas = getAllLemmas(head).get("NOUN")
    if not lemmas:
        return None
    return "s" if head in lemmas else "p" if head.endswith("s") else None


def _gender(name: str, text: str, others: Sequence[str] = ()) -> str | None:
    """"m" or "f": the gender of the first personal pronoun ``text`` uses after a mention of ``name`` (whole, or its
    first or last word alone) and before a mention of one of the ``others`` ("Choi told investigators she …": "f");
    None when no mention is followed so, or its mentions are followed by both."""
    data = _referents()
    gendered = {w: "m" for w in data["masculine"]} | {w: "f" for w in data["feminine"]}
    words = name.split()
    forms = {name, words[0], words[-1]} if len(words) > 1 else {name}
    other_forms = {f for o in others if o != name for f in {o, o.split()[0], o.split()[-1]}} - forms
    mention = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                         + r")(?![\w-])")
    found = set()
    for m in mention.finditer(text):
        for w in _WORD_RE.finditer(text, m.end()):
            word = w.group(0)
            if word in other_forms or (m.end() < w.start() and any(
                    text.startswith(o, w.start()) for o in other_forms if " " in o)):
                break
            if word.lower() in gendered:
                found.add(gendered[word.lower()])
                break
    return found.pop() if len(found) == 1 else None


def _reads_as_person(name: str, text: str) -> bool:
    """Whether ``text`` names a person by ``name``: a name that may be a person's (``answer_value.is_person_name``)
    which the text reads so (``list_members.reads_as_person``: a title or a verb of saying), refers back to by "he"
    or "she" (``_gender``), or gives a person's noun right before it ("former TSMC engineer Chen Wei-lun", "a
    manager, Jonas Petraitis": ``answer_values.toml`` [name] person_nouns) or an age after it ("Park, 47,");
    "Baltik Avionics" in "executives of Baltik Avionics" is none."""
    from rag.writers.answer_value import is_person_name
    from rag.writers.list_members import reads_as_person  # the writers import this module's callers

    if not is_person_name(name):
        return False
    nouns = "|".join(re.escape(n) for n in table("answer_values")["name"]["person_nouns"])
    return (reads_as_person(name, text) or _gender(name, text) is not None
            or re.search(rf"\b(?:{nouns}),?\s+{re.escape(name)}\b", text, re.I) is not None
            or re.search(rf"\b{re.escape(name)},\s+\d{{2}},", text) is not None)


#: names listed in a sentence: "Shenzhen Kaida Electronics, Ningbo Aerotech and Xian Lumen Optics"
_LISTED = re.compile(rf"{_NAME_RUN.replace('?P<name>', '?:')}(?:,\s+{_NAME_RUN.replace('?P<name>', '?:')})*,?\s+and\s+"
                     rf"{_NAME_RUN.replace('?P<name>', '?:')}")


def person_referent(cls: str, previous: str, reply: str, chain: str | None = None) -> str | None:
    """Whom a follow-up's personal pronoun of class ``cls`` (``pronoun_class``) stands for: the one the conversation
    is already about (``chain``, the referent an earlier pronoun was resolved to), else the ones the previous answer
    gave its wh-subject passive question (``answered_undergoer``: "Who was charged …?" "… charged a former engineer
    of Taiwan Semiconductor Manufacturing Co. …"), else a person its first sentence names ("Sung Yun-mo said …"),
    and for "they" the names it lists ("… on three Chinese companies, A, B and C, …").
    Each must agree in number with the pronoun ("he" is not "two executives") and, where the answer's text gives
    it, in gender (a name "she" follows is no "he"). A description is replaced by the one name the answer gives its
    role ("former TSMC engineer Chen Wei-lun": ``_names_given``). None when no one agrees."""
    text = DATE_NOTE_RE.sub(" ", unframed(re.sub(r"\[\d+\]", " ", reply.strip())))
    candidates = [c for c in (chain, answered_undergoer(previous, reply) if reply else None) if c]
    spans = split_sentences(text)
    first = spans[0].text if spans else text
    candidates += [n.strip() for n in re.findall(_NAME_RUN, first)
                   if len(n.split()) >= 2 and n.split()[0].lower() not in STOPWORDS and _reads_as_person(n.strip(), text)]
    if cls == "p":  # "they" after an answer listing the members: "… three Chinese companies, A, B and C, …"
        candidates += [m.group(0) for m in _LISTED.finditer(first)]
    agreeing = []
    for c in candidates:
        named = c
        if not _is_name(c.split()[0]):
            words = _words(c)
            head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
            given = _names_given(head, text) if head else set()
            named = given.pop() if len(given) == 1 else c
        number = _number(named)
        if number is None or (number == "p") == (cls == "p"):
            agreeing.append(named)
    if cls not in ("m", "f"):
        return agreeing[0] if agreeing else None
    # one whose pronouns the text gives as the asked gender, else the first it gives no other
    genders = [_gender(n, text, agreeing) if _is_name(n.split()[0]) else None for n in agreeing]
    return next((n for n, g in zip(agreeing, genders) if g == cls), None) or next(
        (n for n, g in zip(agreeing, genders) if g is None), None)


#: "What about the co-accused?", "And the other defendants?": an elliptical follow-up naming a role of the story
_ROLE_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:(?:what|how)\s+about\s+)?(?P<role>the\s+(?-i:[a-z][\w-]*)"
                         r"(?:\s+(?-i:[a-z][\w-]*)){0,2})\s*\?*\s*$", re.I)


def swapped_subject(question: str, previous: str, referent: str | None) -> str | None:
    """A "What about the <role>?" / "And the <role>?" follow-up, its head a role noun of ``[referents] role_nouns``
    ("the co-accused", "the other defendants", "the suppliers"), as the previous question (``previous``, as it was
    asked or rewritten) asked of those members of the story: the one it was asked of (``referent``, or a personal
    pronoun standing for them) swapped for the role: "Will Chen Wei-lun appeal?" "What about the co-accused?" →
    "Will the co-accused appeal?"; "What sentence did he get?" → "What sentence did the co-accused get?". A plural
    role takes the plural auxiliary ("Has Chen pleaded guilty?" → "Have the other defendants pleaded guilty?"). None
    for any other question, or when the previous question was asked of no one it names or points at."""
    m = _ROLE_ABOUT.match(question)
    if m is None:
        return None
    role = m.group("role")
    data = _referents()
    if role.split()[-1].lower() not in data["role_nouns"]:
        return None
    at = previous.find(referent) if referent else -1
    if at >= 0:
        start, end = at, at + len(referent)
    else:
        pronouns = set(data["masculine"]) | set(data["feminine"]) | set(data["plural"])
        subject = next((w for w in _WORD_RE.finditer(previous) if w.group(0).lower() in pronouns
                        and w.group(0).lower() not in data["possessives"]), None)
        if subject is None:
            return None
        start, end = subject.span()
    before = previous[:start]
    if _number(role) == "p" or role.split()[-1].lower() in data["plural_roles"]:
        # the auxiliary the subject follows ("Has he …?", "What was he charged with?") agrees with the role
        aux = list(_WORD_RE.finditer(before))
        plural = data["plural_auxiliaries"].get(aux[-1].group(0).lower()) if aux else None
        if plural:
            word = aux[-1].group(0)
            before = before[:aux[-1].start()] + (plural.capitalize() if word[0].isupper() else plural) + before[aux[-1].end():]
    return before + role + previous[end:]


#: "What about tungsten?", "And how about germanium?": an elliptical follow-up naming only a thing in lower case
_WHAT_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?:the\s+)?(?P<thing>(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,2})"
                         r"\s*\?*\s*$", re.I)
#: "How much indium did China export …?", "Which fabs are covered …?": the asked thing between the asking words and
#: the clause's auxiliary
_ASKED_THING = re.compile(r"^\s*(?P<ask>how\s+(?:much|many)|which|what)\s+(?P<thing>(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,3}?)"
                          r"\s+(?P<aux>did|does|do|was|were|is|are|has|have|had|will|would|can|could)\b", re.I)


def swapped_thing(question: str, previous: str) -> str | None:
    """An elliptical "What about <thing>?" follow-up as the previous question asked of that thing, its ask and act
    kept: "How much indium did China export in October?" "What about tungsten?" → "How much tungsten did China
    export in October?"; "Which fabs are covered by the rules?" "What about tools?" → "Which tools are covered by the
    rules?". The thing swapped out is the head (last word) of what the previous question asked of, between its asking
    words and its auxiliary ("tonnes of *indium*"). None when the follow-up names something else (a name: "What about
    Japan?" swaps a party, ``_resolve_one``'s kind "lead"), names a word of the previous question, or the previous
    question asks of no such thing ("What did China export?"), or the follow-up names a time ("What about next
    year?": the time words of ``time_classes.txt``), a function word or the rest of a set ("What about the others?":
    ``elliptical_followups.toml`` ``not_swapped``)."""
    m, asked = _WHAT_ABOUT.match(question), _ASKED_THING.match(previous)
    if m is None or asked is None:
        return None
    thing = m.group("thing")
    words = asked.group("thing").split()
    own = {w.lower() for w in thing.split()}
    # a time ("What about next year?", ``time_classes.txt``) swaps the period, not the thing
    if own & {w.lower() for w in _words(previous)} or own & word_set("time_classes") or own & STOPWORDS or own & set(
            table("elliptical_followups")["not_swapped"]) or _stop(
            words[-1], words):
        return None
    start = asked.start("thing") + len(" ".join(words[:-1])) + (1 if len(words) > 1 else 0)
    return previous[:start] + thing + previous[asked.end("thing"):]


def _contrary_lead(previous: str, reply: str) -> str | None:
    """The passage a yes/no answer led with after its negative verdict ("No. Sung Yun-mo said that an inspection
    found no sign of illegal transactions …" to "Did South Korea find illegal transfers …?"): what a follow-up
    pointing back ("Who said so?") is about, rather than the previous question's claim, which the sources deny.
    None for any other reply."""
    from rag.writers.answer_verdict import polar_question  # the writers import this module's callers

    polar = polar_question(previous)
    word = f"{polar.verdicts[1]}. " if polar is not None else None
    if word is None or not reply.strip().startswith(word):
        return None
    rest = split_sentences(unframed(re.sub(r"\[\d+\]", " ", reply.strip()[len(word):])))
    return rest[0].text if rest else None


def resolved_subject(question: str, previous: str, reply: str = "", chain: str | None = None) -> str | None:
    """A yes/no follow-up whose subject is a personal pronoun (``subject_pronouns`` right after the opening
    auxiliary) with the pronoun replaced by the previous question's subject (``_subject_of``): "What did Japanese
    officials say about the export curbs?" "Have they denied that the curbs were driven by historical issues?" →
    "Have Japanese officials denied that …?", a claim of its own for the verdict. None for any other question, or
    when the previous question has no subject to stand for the pronoun. A previous question whose wh-word is its
    subject ("Who was sentenced in the Baltik Avionics drone case?") has the ones its ``reply`` gave
    (``answered_undergoer``): "Will they appeal?" → "Will two executives of Baltik Avionics appeal?"."""
    data = table("elliptical_followups")
    found = list(_WORD_RE.finditer(question))
    if (len(found) < 3 or found[0].group(0).lower() not in data["auxiliaries"]
            or found[1].group(0).lower() not in data["subject_pronouns"]):
        return None
    cls = pronoun_class(found[1].group(0))
    # "he"/"she": the person the conversation is about, agreeing in number and gender (``person_referent``: "Will he
    # appeal?" two turns after "Who was charged …?"); "they" as before, the previous question's subject first
    own = _subject_of(previous)
    if own and cls in ("m", "f") and _number(own) == "p":
        own = None  # "he" is not the previous question's "Japanese officials"
    subject = own or (person_referent(cls, previous, reply, chain) if cls in ("m", "f") else None) or (
        answered_undergoer(previous, reply) if reply else None) or (
        chain if cls == "p" and chain and _number(chain) != "s" else None)
    if not subject:
        return None
    return question[:found[1].start()] + subject + question[found[1].end():]


#: "What did Japan restrict?", "Which materials did Japan restrict?": a wh-question whose object is what it asks for
_WH_ACT = re.compile(r"^\s*(?P<wh>what|which|how\s+many|why)(?P<noun>(?:\s+[a-z][\w'’-]*){0,2}?)\s+"
                     r"(?P<aux>did|do|does|has|have|had)\s+(?P<clause>[^?]*?\S)\s*\?*\s*$", re.I)


def _closing_act(previous: str) -> tuple[re.Match[str], str] | None:
    """(the parse, the act as a plural noun) of a wh-question whose clause closes on its verb, asking what was acted
    on ("What did Japan restrict?", "Which materials did Japan restrict?", "How many companies did China restrict?",
    "Why did China restrict?" → "restrictions"): the noun of the verb's family in ``act_roles.toml`` [families] that
    begins with the verb's stem, or the verb itself read as a noun ("ban" → "bans"; lemminflect's tables). None for a
    clause not closing on its verb in the form its auxiliary asks ("What did Kestrel Lines say about the new port
    fees?"), a verb asking for nothing by itself (``elliptical_followups.toml`` not_elliptical: "What did Japan
    say?"), or a verb with no noun ("tighten")."""
    from lemminflect import getAllLemmas, getInflection

    from rag.text.tokens import stem

    m = _WH_ACT.match(previous)
    if m is None:
        return None
    last = _words(m.group("clause"))[-1]
    verb = _verb_lemma(last)
    if (verb is None or _is_name(last) or len(_words(m.group("clause"))) < 2
            or verb in table("elliptical_followups")["not_elliptical"]):  # "What did Japan say?": no act
        return None
    # the clause closes on its verb in the form its auxiliary asks ("did … restrict", "has … sanctioned"), not on a
    # noun that has a verb reading ("What did Kestrel Lines say about the new port fees?")
    form = last.lower() == verb if m.group("aux").lower() in ("did", "do", "does") else (
        last.lower() in getInflection(verb, "VBN"))
    if not form:
        return None
    family = next((words for words in table("act_roles")["families"].values() if verb in words), [verb])
    nouns = [w for w in (verb, *family) if stem(w).startswith(stem(verb)[:5]) and "NOUN" in getAllLemmas(w)]
    if not nouns:
        return None
    plural = getInflection(nouns[0], "NNS")
    return m, plural[0] if plural else nouns[0]


def _asked_act_noun(previous: str, *, singular: bool = False) -> str | None:
    """What an object pronoun stands for after a question that asked what was acted on, its verb closing it ("What
    did Japan restrict?" → "its restrictions": ``_closing_act``). After a question for members of a class ("Which
    firms has the US sanctioned?") "them" is the members, not the act: None, unless the pronoun is a ``singular``
    "it", which the members are not ("Which materials did Japan restrict?" "Did Japan agree to withdraw it?" → "its
    restrictions"). None for any other question."""
    found = _closing_act(previous)
    if found is None or (found[0].group("noun").strip() and not singular):
        return None
    return f"its {found[1]}"


#: a follow-up that asks only how many ("How many?", "How many are there?", "How many is that?")
_HOW_MANY = re.compile(r"^\s*how\s+many\b(?P<rest>[^?]*)\?*\s*$", re.I)
#: the longest noun a "How many <noun>?" follow-up may name of its own ("How many companies?", "How many Japanese
#: firms?")
COUNTED_NOUN_WORDS = 3


def counted_question(question: str, previous: str) -> str | None:
    """The standalone question a "How many?" follow-up asks of the previous question's act: after a question for the
    members of a class, their count ("Which materials did Japan restrict?" "How many?" → "How many materials did Japan
    restrict?"); with a noun of its own, the count of those the previous question's act was done to ("What did China
    restrict?" "How many companies?" → "How many companies did China restrict?"), when that question's clause closes
    on its verb (``_closing_act``). Answered as that question is. None when the follow-up names something else
    ("How many in Korea?", a name; more than ``COUNTED_NOUN_WORDS`` words) or there is nothing to count ("What did
    Japan restrict?" "How many?"; "Why did Japan restrict exports?" "How many companies?": no closing act)."""
    m, prev = _HOW_MANY.match(question), _WH_ACT.match(previous)
    if m is None or prev is None:
        return None
    single = _single_word_cues()
    own = _own_content(m.group("rest"), single | word_set("question_light"))
    if not own:
        noun = prev.group("noun").strip()
        return f"How many {noun} {prev.group('aux')} {prev.group('clause')}?" if noun else None
    rest = _words(m.group("rest"))
    if len(rest) > COUNTED_NOUN_WORDS or any(_stop(w, rest) for w in rest) or _is_name(rest[-1]) or \
            _closing_act(previous) is None:
        return None
    return f"How many {' '.join(rest)} {prev.group('aux')} {prev.group('clause')}?"


#: a follow-up asking only why ("Why?", "And why?", "Why so?"): the reason for the previous question's act
_WHY = re.compile(r"^\s*(?:and\s+)?why(?:\s+so)?\s*\?*\s*$", re.I)
#: a follow-up asking only who did something, its object left out ("Who protested?", "Who objected?")
_WHO_DID = re.compile(r"^\s*(?:and\s+)?who\s+(?P<verb>[a-z][\w-]*)\s*\?*\s*$", re.I)


def asked_of_act(question: str, previous: str) -> str | None:
    """The standalone question a follow-up asks of the previous question's act, when that question asked what was
    acted on (``_closing_act``: "What did China restrict?", "Which materials did Japan restrict?", "How many companies
    did China restrict?"): "Why?" → "Why did China restrict?"; "Who protested?" → "Who protested China's
    restrictions?" (the act as a noun, its actor's possessive: who did it to the act, not to anything); "How many
    companies?" → ``counted_question``. The follow-up is then answered as its standalone question is, not by the
    previous question's words carried after it ("How many companies? (China restrict)" retrieved a 2020 essay).
    None for any other follow-up, a "Who <verb>?" whose verb is not one done to an act (``elliptical_followups.toml``
    [who_did]: "Who said?", "Who benefits?"), or a previous question of another shape."""
    found = _closing_act(previous)
    if found is None:
        return counted_question(question, previous)
    m, noun = found
    aux, clause = m.group("aux"), m.group("clause").strip()
    if _WHY.match(question):
        return f"Why {aux} {clause}?"
    who = _WHO_DID.match(question)
    if who is not None:
        verb, did = _verb_lemma(who.group("verb")), table("elliptical_followups")["who_did"]
        if verb not in did["object"] and verb not in did["to"]:
            return None
        subject = " ".join(_words(clause)[:-1])
        owner = f"{subject}'" if subject.endswith("s") else f"{subject}'s"
        return f"Who {who.group('verb')}{' to' if verb in did['to'] else ''} {owner} {noun}?"
    return counted_question(question, previous)


def standalone_polar(asked: str) -> bool:
    """Whether the words a follow-up asked are a yes/no question that needs nothing of the conversation: it opens
    with an auxiliary and holds no pronoun but a possessive before its noun, which the claim's own subject holds
    ("Did Japan agree to withdraw its export measure?", the resolved form of "Did Japan agree to withdraw it?":
    ``resolved_object``), so its claim is its own; "Did they agree to it?" leans on the conversation."""
    words = _words(asked)
    if not words or words[0].lower() not in table("elliptical_followups")["auxiliaries"]:
        return False
    pronouns = ((word_set("pronouns") | _SINGULAR) - word_set("determiners")) | set(
        table("elliptical_followups")["object_pronouns"])
    return not {w.lower() for w in words if not _acronym(w, words)} & pronouns


def asks_response(question: str) -> bool:
    """Whether ``question`` asks how someone responded (a phrase of ``response_cues.txt``: "in response", "react",
    "retaliate", "protest"): "What did Japan say in response?", "How did Tokyo react?"."""
    return _has_phrase([w.lower() for w in _words(question)], word_set("response_cues"), at_start=False)


def _asks_response(question: str, previous: ResolvedQuestion, reply: str) -> bool:
    """Whether a question asks how someone answered what the previous turn was about ("What did Japan say in
    response?", "How did Tokyo react?" after "Which country restricted dual-use exports to 20 Japanese companies?"):
    it holds a response cue (``response_cues.txt``) and names nothing besides what the previous question or its
    reply named (a country by any of its names: "Tokyo", "Japanese" and "Japan" are one). A question naming what the
    response was to ("What was Seoul's response to the chip hub plan?") stands alone."""
    from rag.writers.key_terms import stems  # the writers import this module's callers

    if not asks_response(question):
        return False
    words = _words(question)
    asking = frozenset(w for cue in word_set("response_cues") for w in cue.split()) | word_set("question_light")
    rest = _content(words, asking)
    known = stems(f"{previous.standalone} {unframed(reply)}")
    return all(_is_name(w) and stems(w) <= known for w in rest)


def _replaced_modifiers(previous: Sequence[str], new_content: Sequence[str]) -> list[str]:
    """The words of the previous question that an elliptical one gives anew: the content word just before a noun
    both share ("the *worst* case" → "the best case?", "*last* year" → "and the year before?")."""
    new = {w.lower() for w in new_content}
    out = []
    for before, word in zip(previous, previous[1:]):
        if word.lower() in new and before.lower() not in new and before.lower() not in STOPWORDS:
            out.append(before)
    return out


def _keeps_ask(question: str, kind: str) -> bool:
    """Whether an elliptical follow-up asks for what the previous question asked for: it opens with a lead that
    keeps the question ("And the year before?", "What about Korea?") or is only names ("Korea?"), and asks for no
    kind of answer itself nor for something besides ("And what else?")."""
    from rag.writers.answer_kind import answer_type  # the writers import this module's callers

    lowered = [w.lower() for w in _words(question)]
    if kind != "lead" or answer_type(question) is not None or set(lowered) & word_set("asks_for_more"):
        return False
    return _has_phrase(lowered, _cues()[2], at_start=True) or all(_is_name(w) for w in _words(question))


def _replaced_names(carried: Sequence[str], new_names: Sequence[str]) -> set[str]:
    """The carried names an elliptical question's new names replace, by class: a year or number replaces the numbers
    ("... in 2020?" "And in 2021?" keeps Japan), a capitalised name replaces the capitalised names."""
    digits = any(w[0].isdigit() for w in new_names)
    words = any(w[0].isupper() for w in new_names)
    return {w.lower() for w in carried if (digits and w[0].isdigit()) or (words and w[0].isupper())}


def _resolve_turn(question: str, previous: ResolvedQuestion | None, reply: str,
                  chain: tuple[str | None, tuple[str, ...]] | None) -> tuple[ResolvedQuestion, tuple[str | None, tuple[str, ...]]]:
    """(the question resolved, the chain after it: (whom the conversation is about, the topic words it carries)). A
    chain of turns carries the one its pronouns stand for ("Who was charged …?" "What sentence did he get?" "Will he
    appeal?": Chen Wei-lun, named in the answers, not the prosecutors' office the first answer opened with). After a
    turn, that is the one its pronoun was resolved to (``person_referent``), else the subject it names itself ("Will
    Chen Wei-lun appeal?"), else, for a follow-up naming no one new, the one before; a question standing alone with
    no subject of its own starts afresh. The topic is the words the turn carried, or for a question rewritten to
    stand alone the topic before it. "What about the co-accused?" asks the previous question of those members
    (``swapped_subject``) as a question of its own, its evidence kept to the previous answer's story; the topic
    stays with the chain for the turns after it ("How much were they fined?")."""
    referent, topic = chain if chain is not None else (None, ())
    if previous is not None:
        swapped = swapped_subject(question, previous.asked, referent)
        if swapped is not None:
            # asked on its own, in the previous answer's story; the chain keeps its topic words (not the one swapped
            # out) for the turns after it
            out = {w.lower() for w in _words(f"{swapped} {referent or ''}")}
            carried = topic or tuple(_content(_words(previous.standalone), _single_word_cues()))
            context = tuple(w for w in carried if w.lower() not in out)
            role = _ROLE_ABOUT.match(question).group("role")
            return ResolvedQuestion(swapped, said=answered_passages(reply)), (role, context)
    cls = pronoun_class(question) if previous is not None else None
    person = person_referent(cls, previous.asked, reply, referent) if cls is not None else None
    resolved = _resolve_one(question, previous, reply, person=person, chain=referent)
    about = person or _subject_of(resolved.asked) or (referent if resolved.is_follow_up else None)
    # a question rewritten to stand alone ("Will Chen Wei-lun appeal?") keeps the topic the chain carried before it
    rewritten = previous is not None and resolved.asked != question.strip() and not resolved.context
    return resolved, (about, resolved.context or (topic if rewritten else ()))


def _resolve_one(question: str, previous: ResolvedQuestion | None, reply: str = "", *, person: str | None = None,
                 chain: str | None = None) -> ResolvedQuestion:
    from rag.writers.answer_kind import answer_type, asked_kind_phrase
    from rag.writers.keyword_query import keyword_of  # the writers import this module's callers

    kind = _kind(question) if previous is not None else None
    elliptic = previous is not None and _elliptical(question, previous, reply)  # "Did Japan agree?", "Was it approved?"
    if kind is None and previous is not None and (_points_back(question) or _asks_response(question, previous, reply)
                                                  or elliptic):
        kind = "reference"
    # "How many companies?", "Why?", "Who protested?", "Did Japan agree to withdraw it?" after a question about an
    # act: the standalone question it asks, answered exactly as that question is asked on its own (no carried words,
    # no story kept from the previous answer: the rewritten question names the act itself)
    # "Have they denied …?" after "What did Japanese officials say …?": the previous question's subject stands for
    # "they"; with no other pronoun left, the question is its own
    subject = resolved_subject(question, previous.asked, reply, chain) if previous is not None else None
    question = subject or question
    # "When do they take effect?" after "What did Taiwan's Executive Yuan approve?" "… approved rules requiring …":
    # "they" are the rules the previous answer gave (``answered_subject``): asked of them, in that answer's story
    pointed = answered_subject(question, previous.asked, reply) if previous is not None and subject is None else None
    question = pointed or question
    # "How much was the company fined?" after an answer naming "the trading company Haneul Tech": the company is
    # Haneul Tech, not the person the answer led with (``described_name``)
    described = described_name(question, reply) if previous is not None and kind is not None else None
    question = described or question
    rewritten = (resolved_object(question, previous.asked) or asked_of_act(question, previous.asked)
                 or swapped_thing(question, previous.asked) if previous is not None else None)
    if rewritten is None and subject is not None and standalone_polar(subject):
        rewritten = subject
    if rewritten is not None:
        return ResolvedQuestion(rewritten)
    if kind is None or previous is None:
        # a keyword with a frame or closing punctuation ("chips?", "What about chips?") is the keyword query itself
        keyword = keyword_of(question) if previous is None else None
        return ResolvedQuestion(keyword if keyword is not None else question)
    anywhere, leads, _ = _cues()
    single = _single_word_cues()
    words = _words(question)
    carried = _content(_words(previous.standalone), single)
    refers = kind == "reference" or _has_phrase([w.lower() for w in words], anywhere, at_start=False)
    contrary = _contrary_lead(previous.asked, reply) if refers else None
    if contrary is not None:  # "Who said so?" after "No. <what the source says instead>": what it says is "so" (its
        # names left out: they may be what is asked)
        carried = [w for w in _content(_words(contrary), single) if not _is_name(w)]
    from_reply: list[str] = []
    if described:  # the description named the one asked about: the names earlier answers led with are not carried
        earlier = {w.lower() for w in previous.from_reply}
        carried = [w for w in carried if w.lower() not in earlier]
    elif refers and (reply or person):
        # "he" is the person the conversation is about (``person_referent``), not every name the answer opened with
        named = _words(person) if person else _answer_names(reply, one=_singular_reference(words))
        from_reply = [w for w in named if w.lower() not in {c.lower() for c in carried}]
        carried = named + carried  # "Which makers ...?" "CATL and BYD ..." "What did they do?"
    new_names = [w for w in _content(words, single) if _is_name(w)]
    if kind == "lead" and new_names:  # "what about Korea?": Korea replaces Japan; "and in 2021?": 2021 replaces 2020
        replaced_names = _replaced_names(carried, new_names)
        carried = [w for w in carried if w.lower() not in replaced_names]
    if kind == "lead":  # "... the worst case ...?" "And the best case?": best replaces worst
        replaced = {w.lower() for w in _replaced_modifiers(_words(previous.standalone), _content(words, single))}
        carried = [w for w in carried if w.lower() not in replaced]
    asked = {w.lower() for w in _words(question)}
    seen: set[str] = set()
    context = []
    for w in carried:
        low = w.lower()
        if low not in asked and low not in seen:
            seen.add(low)
            context.append(w)
    # "How many ...?" "And the year before?": the follow-up asks for a number too; the words that asked for it lead
    # the carried context, where answer_kind.answer_type reads them when the asked words ask for no kind
    phrase = asked_kind_phrase(previous.standalone) if _keeps_ask(question, kind) else None
    if phrase:  # the phrase's own content words are not carried twice
        in_phrase = {w.lower() for w in _words(phrase)}
        context = [phrase] + [w for w in context if w.lower() not in in_phrase]
    reply_words = {w.lower() for w in from_reply}
    # a follow-up with no word of its own but asking words asks more about what was just answered, in the same story
    # ("When?", "Why?", "How many?", "Who said that?"); one with words of its own may find them in another report of
    # the event ("Which port cities did they simulate blocking?", "And what did they do in response?", "And Korea?")
    # ... and so does one that ends on its verb, leaving its object to the conversation ("Did Japan agree?", "Who is
    # affected?": ``_elliptical``)
    # ... and so does one whose pronoun points at the object the previous answer gave ("When do they take effect?"
    # after "… approved rules requiring …": the rules' story)
    said = (answered_passages(reply) if elliptic or pointed or not _own_content(question, single | word_set("question_light"))
            else ())
    if not said and kind == "lead":
        # "What about Japan?" after an answer that quoted "Japan's METI announced a parallel measure …": the party the
        # follow-up swaps in is one the answer's story already tells of, so its act is asked of that story
        said = swapped_party_said(question, reply, single)
    if said and answer_type(question) in DATED_KINDS:
        # "When?" asks for the date of the event the answer led with, not of a context quote after it (a 2020
        # essay's "today" is not when China restricted 20 Japanese firms): only the lead's story stays. A list of
        # names the answer led with (a source's "Key entities" list) dates nothing: the first passage telling
        # something is the lead then
        told = [p for p in said if not _lists_items(p)]
        said = tuple(told[:1]) or said[:1]
    return ResolvedQuestion(question, tuple(context), tuple(w for w in context if w.lower() in reply_words),
                            said)


def swapped_party_said(question: str, reply: str, cue_words: frozenset[str]) -> tuple[str, ...]:
    """The passages the previous answer (``reply``) said (``answered_passages``) that name the party a follow-up
    asking only of a new name swaps in ("What about Japan?", "And the Netherlands?": its own content, besides the
    ``cue_words``, is names alone): the story that answer told of that party ("Japan's METI announced a parallel
    measure on the same day …"), which keeps the follow-up's evidence on it (``stay_on_story``), not on another
    report of the party; () when the question names anything else or the answer named no such party (then "And
    Korea?" may find Korea in any report)."""
    own = _own_content(question, cue_words)
    if not own or not all(_is_name(w) for w in own):
        return ()
    names = [w for w in own if w[:1].isalpha()]
    return tuple(p for p in answered_passages(reply)
                 if names and all(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-]|[’']s\w)", p) for n in names))


#: the note the product adds after a quote ("*(undated source: ‘last week’ cannot be placed)*": ``render.date_note``),
#: its own words, not the answer's passage; one pattern for every reader of a rendered answer
DATE_NOTE_RE = re.compile(r"\*\([^*]*\)\*")
#: a quotation of an answer (curly marks: ``render.quoted``), a quotation inside it turned to single marks
_QUOTE = re.compile(r"“([^“”]+)”")
#: a quotation of evidence: one a citation mark follows ("“…” [1]", "“…”, [2]"); a quoted caption in a frame
#: ("lists under “Key Entities”: “…” [1]") or a quoted question ("no evidence on the question “…”") cites nothing
_CITED_QUOTE = re.compile(r"“([^“”]+)”(?=[\s.,;:)]*\[\d+\])")
#: a bullet between two items: a passage holding two is a list of items, not a sentence telling an event
_ITEM_BULLET = re.compile(r"\s[•·▪◦]\s")
#: how much of an answered passage's opening is looked for in a passage of the evidence: enough to tell one
#: sentence from another, short enough to survive a quote ending early ("… if the …”)
SAID_PREFIX = 60
#: the shortest passage of an answer read as something it said (shorter: a fragment, a name, a verdict word)
SAID_MIN = 20


def _lists_items(passage: str) -> bool:
    """Whether ``passage`` is a list of items (two bullets between items: "Sato Kei • Subaru • ENEOS"), which tells
    no event of its own."""
    return len(_ITEM_BULLET.findall(f" {passage} ")) >= 2


def answered_passages(reply: str) -> tuple[str, ...]:
    """The passages an answer quoted from its evidence (each “…” span a citation mark follows) or stated as fact (its sentences outside quotations, without
    the attribution frames, citation marks and date notes), in the reply's order: what the answer said, to be found
    again in the evidence.
    "WorldWideWatchers (AI-generated brief, 2026) reports: “China Imposes …” [1] The export curbs cover …"
    → ("China Imposes …", "The export curbs cover …"). Pieces shorter than ``SAID_MIN`` characters are left out."""
    reply = DATE_NOTE_RE.sub("\n", reply)
    quotes = [(m.start(1), m.group(1).strip()) for m in _CITED_QUOTE.finditer(reply)]
    # a frame ends on its colon, a quoted caption's too ("… lists under “Key Entities”:"): left out below
    outside = _QUOTE.sub("\n", re.sub(r"“[^“”]+”\s*:", ":", re.sub(r"\[\d+\]", "\n", reply)))
    stated = [s.text.strip() for part in outside.split("\n") for s in split_sentences(part)
              if not s.text.rstrip().endswith(":")]
    # in the reply's order: "the answer's first passage" is what it led with, quoted or stated
    at = [(reply.find(p[:SAID_PREFIX]), p) for p in stated]
    found = sorted(quotes + [(i if i >= 0 else len(reply), p) for i, p in at], key=lambda x: x[0])
    return tuple(p for _, p in found if len(p) >= SAID_MIN)


def _flat(text: str) -> str:
    """``text`` for finding a quote again: one space between words, one kind of quotation mark, lower case."""
    return re.sub(r"[“”‘’\"']", "'", " ".join(text.split())).lower()


def stay_on_story(hits: Sequence[Any], said: Sequence[str], story_of: Callable[[Any], str]) -> list[Any]:
    """The evidence ``hits`` (``SearchHit``-like: ``.chunk.text``) of a follow-up kept to the stories its previous
    answer was about: the stories (``story_of(hit)``, a story id) of the hits holding the opening of a passage the
    answer ``said`` (``answered_passages``). "When?" after "Which Japanese companies did China restrict?" is asked
    of the restriction's story, not answered with another story's dated sentence. ``hits`` unchanged, in order, when
    the answer said nothing or none of its passages is among them (the story may have left the evidence)."""
    keys = [_flat(p)[:SAID_PREFIX] for p in said]
    if not keys:
        return list(hits)
    stories = {story_of(h) for h in hits if any(k in _flat(h.chunk.text) for k in keys)}
    if not stories:
        return list(hits)
    return [h for h in hits if story_of(h) in stories]


def _story_stems(text: str) -> set[str]:
    """The stems that tell one story from another in ``text``: its content words without function words, reporting
    and hedging words (``light_words.txt``), places (a region's stories share their countries: "Japan", "China") and
    numbers (a date or count is not what a story is about)."""
    from rag.writers.key_terms import place_keys, stems  # the writers import this module's callers

    found = stems(text)
    light = word_set("light_words")
    return {s for s in found - place_keys(found)
            if len(s) > 1 and s not in STOPWORDS and s not in light and not s[0].isdigit()}


@cache
def _turn_re() -> re.Pattern[str]:
    """A sentence opening that turns a digest paragraph to its next story: a report's own switch ("In related news,
    …": ``story_switch_openers.txt``) or a digest's turn (``story_turns.txt``)."""
    words = word_list("story_switch_openers") + word_list("story_turns")
    return re.compile(r"^[\W_]*(?:" + "|".join(words) + ")", re.I)


def turns_story(sentence: str) -> bool:
    """Whether ``sentence`` opens by turning to another story ("In parallel, a separate report from Taipei Times …",
    "Separately, Ford announced …", "In related news, …": ``_turn_re``)."""
    return bool(_turn_re().match(sentence))


def on_story(sentences: Sequence[str], docs: Sequence[str], said: Sequence[str],
             follows: Sequence[int | None] | None = None) -> list[bool]:
    """For each candidate sentence (``sentences``, with its document id in ``docs``, aligned), whether it is on the
    story the previous answer ``said`` (``answered_passages``) was about. A story is a passage span, not a file: a
    generated brief or digest tells several stories in one paragraph ("Japan has reportedly denied cybersecurity
    approval for Chinese storage battery makers … In parallel, a separate report from Taipei Times the same day
    says tech executives are being held in China …"), so "Why?" after the battery answer must not be answered from
    the chip-smuggling sentence beside it. In a document holding a said passage, a sentence is on the story when it
    is one of the said passages, shares a story stem (``_story_stems``: not a place, number or reporting word) with
    them, or comes right after a said passage (``follows[i]``: the index of the sentence just before sentence i in
    its passage, or None) without turning to another story (``turns_story``). Sentences of other documents are not
    judged here (``stay_on_story`` keeps documents). All True when no sentence is a said passage (the answer's
    story left the evidence)."""
    keys = [_flat(p) for p in said]
    flat = [_flat(s) for s in sentences]
    said_idx = {i for i, f in enumerate(flat)
                if len(f) >= SAID_MIN and any(f in k or (len(k) >= SAID_MIN and k[:SAID_PREFIX] in f) for k in keys)}
    if not said_idx:
        return [True] * len(sentences)
    said_docs = {docs[i] for i in said_idx}
    story = set().union(*(_story_stems(sentences[i]) for i in said_idx))
    before = list(follows) if follows is not None else [None] * len(sentences)
    return [i in said_idx or docs[i] not in said_docs or bool(_story_stems(s) & story)
            or (before[i] in said_idx and not turns_story(s)) for i, s in enumerate(sentences)]


#: the provenance note the pipeline records a resolved follow-up with (``rag.pipeline``)
RESOLVED_NOTE = "follow-up resolved as: "


def read_as(question: str, notes: Sequence[str]) -> str | None:
    """The standalone question a follow-up was rewritten to, from its answer's provenance ``notes``
    (``RESOLVED_NOTE``), for a chat to show what it answered: "Will they appeal?" → "Will three former engineers of
    Hanbada Heavy Industries appeal?". None when the question was not rewritten, or only carries the conversation's
    words for retrieval ("When was he arrested? (Hanbada …)": its own words are still the question asked)."""
    from rag.writers.answer_kind import without_carried_context  # the writers import this module's callers

    for note in notes:
        if note.startswith(RESOLVED_NOTE):
            asked = note[len(RESOLVED_NOTE):].strip()
            if asked != question.strip() and without_carried_context(asked) == asked:
                return asked
    return None


def resolve_follow_up(question: str, history: Sequence[Turn]) -> ResolvedQuestion:
    """The question with what it refers back to, resolved against the user turns of ``history`` (oldest first).

    ``history`` holds earlier turns; a last user turn equal to ``question`` (a client that includes the current
    question) is ignored, and so is a later turn the corpus had no evidence for (``rag.brief.NO_EVIDENCE``): the
    question after it refers to the last turn answered. A pronoun follow-up also carries the names in the first sentence of the reply to the
    previous question (who "they" are is often the answer), never the rest of an answer.
    """
    question = question.strip()
    turns: list[tuple[str, str]] = []  # (user question, the reply that followed it)
    for turn in history:
        text = turn.content.strip()
        if turn.role == "user" and text:
            turns.append((text, ""))
        elif turn.role == "assistant" and turns and not turns[-1][1]:
            turns[-1] = (turns[-1][0], text)
    if turns and turns[-1][0] == question and not turns[-1][1]:
        turns.pop()
    from rag.brief import NO_EVIDENCE

    previous: ResolvedQuestion | None = None
    reply = ""
    chain: tuple[str | None, tuple[str, ...]] | None = None  # (whom the conversation is about, its topic words)
    for text, answer in turns:
        resolved, about = _resolve_turn(text, previous, reply, chain)
        if previous is not None and answer.startswith(NO_EVIDENCE):
            # a turn the corpus had no evidence for told nothing a pronoun after it can point at: "When was he
            # arrested?" after "Will they appeal?" drew no answer is asked of the turn answered before it
            continue
        previous, reply, chain = resolved, answer, about
    return _resolve_turn(question, previous, reply, chain)[0]
