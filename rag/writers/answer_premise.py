"""A question's presupposed event, and whether any source reports it.

"Why did South Korea ban exports of lithography machines to Japan?" presupposes an event: an actor (South Korea), an
act (ban), what it is done to (exports of lithography machines, to Japan). When the evidence reports no such event
the answer must say so first, not answer the presupposition with the nearest story ("Japanese officials have said
that those chemicals are sensitive materials …" is Japan's reason for Japan's curbs on South Korea). ``premise``
reads the event from the question; ``unreported`` reads the evidence sentences for it and says how it is not there:

* ``swapped``: the act is reported with actor and target exchanged ("Japan … its stricter controls on high-tech
  exports to South Korea": Japan leads, South Korea is named after "to");
* ``opposite``: the actor is reported doing the opposite act on the same thing ("Tokyo tightened …" for "Why did
  Japan lift …?"; opposite signs of one axis of ``antonym_axes.toml``, not negated);
* ``object``: the actor is reported acting, but a word of what the act is done to is in no evidence passage at all
  ("lithography" for Japan's curbs on chemicals);
* ``none``: the actor is named only as what others' acts are done to or with, in a sentence telling the act or
  what it is done to ("Seoul plans to file a complaint with the WTO" for "What ruling did the WTO issue on South
  Korea's complaint …?"): no source reports it doing anything of the kind;
* ``target``: the actor is reported doing the act, but every such sentence names another place as whom it is done
  to ("Tokyo … tightened … shipments of photoresists … to South Korean companies" for "Why did Japan ban photoresist
  exports to China?");
* ``actor``: what the act is done to is reported of someone the question does not name, while the actor is named
  doing something else ("ASML … was halting shipments … in China" for "Why did the US ban ASML lithography sales to
  Japan?").

A sentence reports the event when its actor leads it (its first place or name among its first ``ACTOR_WORDS`` words,
after a label) or is named there not after a preposition (``premise_words.toml`` [object_prepositions]) while no
other place leads, and it tells the act (its verb by stem or by the paraphrase lexicon, or a word of the same sign
of its antonym axis, or a word of what it is done to). Any such sentence (a paraphrase included) leaves the premise
standing: the check only speaks when the evidence says something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from rag.support.tokens import _syn_groups
from rag.text.lexicon import table, word_set
from rag.text.numbers import is_number_word
from rag.text.places import place_mentions, same_place
from rag.text.tokens import stem, word_spans
from rag.writers.abstention_text import unreported_event
from rag.writers.answer_actor import ACTOR_WORDS, LABEL_RE, act_doer, relayed_clause
from rag.writers.answer_kind import asked_sentence, without_carried_context
from rag.writers.answer_settled import verb_lemma

__all__ = ["Premise", "Unreported", "acted_on_places", "compared", "gerund", "premise", "reads_premise",
           "unreported"]

#: one name of a subject: "South Korea", "the WTO", "SK Hynix"
_NAME = r"(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*"
#: what joins the names of a coordinated subject: "Japan and the Netherlands", "Japan & Taiwan", "the US, Japan and
#: South Korea"
_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)"
#: "Why did South Korea ban …", "What ruling did the WTO issue …", "Which firms has Japan sanctioned …": a wh-phrase,
#: an auxiliary, a subject of names ("South Korea", "the WTO", "Taiwan's government", "Japan and the Netherlands"),
#: the verb, what follows it
_PREMISE_RE = re.compile(
    r"^\s*(?i:why|how|when|where|(?:what|which)(?P<noun>(?:\s+[\w'’-]+){0,4}?))\s+(?P<aux>did|has|have|had)\s+"
    rf"(?P<subject>{_NAME}(?:{_JOIN}{_NAME})*(?:['’]s\s+[a-z]+)?)\s+"
    r"(?P<verb>[a-z][a-z-]+)\b(?P<rest>[^?]*)\?\s*$")
#: a subject of several names ("Japan and the Netherlands", "Japanese and Dutch officials"): each is an actor
_COORDINATED_RE = re.compile(rf"{_JOIN}(?=(?:the\s+)?[A-Z])")
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Premise:
    """The event a question presupposes. ``asked``: the class noun a "what/which" question asks for, as written
    ("ruling", "firms"; "" for none); ``actor``: the subject as written ("South Korea", "the WTO");
    ``actor_keys``: its place key ("south_korea") or, for no place, the stems of its names ({"wto"});
    ``is_place``; ``others``: place keys the wh-phrase and the rest of the question name ("japan"; "china" for
    "Which Chinese companies …"); ``aux`` and ``verb`` as written ("did", "ban"); ``verb_stem``; ``objects``: stems
    of the content words after the verb, places aside ({"export", "lithographi", "machin"}); ``rest``: the words after
    the verb as written."""

    asked: str
    actor: str
    actor_keys: frozenset[str]
    is_place: bool
    others: frozenset[str]
    aux: str
    verb: str
    verb_stem: str
    objects: frozenset[str]
    rest: str

    def event(self) -> str:
        """The event as a phrase after "No source reports": "South Korea banning exports of lithography machines to
        Japan"; after "has" / "had": "that Japan has sanctioned …"."""
        noun = self.asked
        if noun and not noun.endswith("s") and not re.search(r"['’]", noun):  # "Vietnamese companies' equipment"
            noun = f"{'an' if noun[:1].lower() in _VOWELS else 'a'} {noun}"
        # a preposition the question strands ("… did Canada restrict rare-earth magnet exports to?") takes the asked
        # noun after it: "Canada restricting rare-earth magnet exports to Indian drone makers"
        words = self.rest.split()
        stranded = bool(words) and words[-1].lower() in set(_words()["object_prepositions"])
        parts = (self.rest, noun) if stranded else (noun, self.rest)
        tail = "".join(f" {part}" for part in parts if part)
        if self.aux in ("has", "have", "had"):
            return f"that {self.actor} {self.aux} {self.verb}{tail}"
        return f"{self.actor} {gerund(self.verb)}{tail}"


@dataclass(frozen=True)
class Unreported:
    """How the evidence does not report a premise: ``kind`` ("swapped", "opposite", "object", "none"), ``index``
    (into the sentences read: the one to quote as what the sources do report) and ``premise``."""

    kind: str
    index: int
    premise: Premise

    def missing(self) -> str:
        """What a partial answer says is missing: "report of South Korea banning exports … to Japan"
        (``abstention_text.partial_message`` writes it "No source reports South Korea banning …")."""
        return unreported_event(self.premise.event())


def gerund(verb: str) -> str:
    """The "-ing" form of a base verb: "ban" → "banning", "impose" → "imposing", "lie" → "lying", "visit" →
    "visiting" (a final consonant is doubled after one short vowel in a word of one vowel group, not after w, x
    or y)."""
    v = verb.lower()
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    groups = re.findall(f"[{_VOWELS}]+", v)
    if (len(groups) == 1 and len(v) >= 3 and v[-1] not in _VOWELS + "wxy" and v[-2] in _VOWELS
            and v[-3] not in _VOWELS):
        return v + v[-1] + "ing"
    return v + "ing"


@cache
def _words() -> dict:
    return table("premise_words")


def _subject_head(subject: str, verb: str, rest: str) -> tuple[str, str, str]:
    """(subject, verb, rest) with a subject's lower-case head nouns given back to it: "What fine did the Dutch
    government impose on ASML?" reads "the Dutch" and the verb "government"; a word no verb can be, followed by one that
    can, ends the subject ("the Dutch government", verb "impose"). At most two such words; an adverb ("reportedly") is
    none. Lemminflect's tables tell which words can be verbs. A modifier that can also be one before an
    organisation's head noun (``org_words.txt``: "department", "ministry", "guard") is the subject's too when a verb's
    base form follows the head: "the US commerce department add …" reads "the US commerce department" and "add", "the
    Japanese trade ministry restrict …" "restrict", "the Japanese coast guard board …" "board" (not "commerce",
    "trade", "coast")."""
    for _ in range(2):
        head, _, after = rest.partition(" ")
        if (verb_lemma(verb) is not None or verb.endswith("ly") or not re.fullmatch(r"[a-z][a-z-]+", head)
                or verb_lemma(head) is None):
            break
        subject, verb, rest = f"{subject} {verb}", head, after.strip()
    head, _, after = rest.partition(" ")
    then, _, tail = after.strip().partition(" ")
    if (head in word_set("org_words") and re.fullmatch(r"[a-z][a-z-]+", then)
            and verb_lemma(then) == then):
        subject, verb, rest = f"{subject} {verb} {head}", then, tail.strip()
    return subject, verb, rest


def premise(question: str) -> Premise | None:
    """The event ``question`` presupposes (see ``Premise``), or None: a follow-up (its carried context is not
    what it asks), a question that asks who acted ("Who banned …?": no actor is presupposed), one whose verb is light
    (``premise_words.toml`` [light_verbs]: "What did Japan say?"), or one whose subject names no one."""
    own = without_carried_context(question)
    if own != question:
        return None
    asked, _ = asked_sentence(own)
    m = _PREMISE_RE.match(" ".join(asked.split()))
    if m is None:
        return None
    subject, verb, rest = _subject_head(m.group("subject"), m.group("verb"), m.group("rest").strip())
    # a possessive subject is left alone: "What did India's coffee auction draw?" cannot be told from "What did
    # Taiwan's government ban?" by word order
    # ... and an adverb before the verb ("has Jack Ma reportedly been living") hides which word is the act
    if verb in set(_words()["light_verbs"]) or re.search(r"['’]s\s", subject) or verb.endswith("ly"):
        return None
    # a word no verb can be that is a function word ("and" in "What did Japanese and Dutch officials agree?" before
    # the subject was read across "and") is no act
    if verb_lemma(verb) is None and verb.lower() in word_set("stopwords"):
        return None
    mentions = place_mentions(subject)
    if mentions:
        # every place of a coordinated subject acts ("Japan and the Netherlands"); one subject's first place is its
        # actor ("the US commerce department")
        coordinated = bool(_COORDINATED_RE.search(subject))
        keys, is_place = frozenset(m.key for m in (mentions if coordinated else mentions[:1])), True
    else:
        names = [w.group(0) for w in word_spans(subject) if w.group(0)[:1].isupper()]
        keys, is_place = frozenset(stem(n) for n in names), False
    if not keys:
        return None
    placed = place_mentions(rest)
    # a place the wh-phrase names is whom the act is done to: "Which Chinese companies did Japan restrict?" is Japan
    # acting on China, so "China Imposes Export Restrictions on 20 Japanese Firms" reports the act the other way round
    asked_noun = " ".join((m.group("noun") or "").split())
    others = frozenset(p.key for p in [*place_mentions(asked_noun), *placed]
                       if not (is_place and any(same_place(p.key, k) for k in keys)))
    in_place = {i for p in placed for i in range(p.start, p.end)}
    stop = word_set("stopwords")
    # what the act is done to: the words before a time, place or circumstance ("on Japanese companies in early 2026")
    spans = list(word_spans(rest))
    cut = next((k for k, w in enumerate(spans) if k and w.group(0).lower() in set(_words()["adverbial_prepositions"])),
               len(spans))
    objects = frozenset(stem(w.group(0)) for w in spans[:cut]
                        if w.start() not in in_place and w.group(0).lower() not in stop and len(w.group(0)) > 2
                        and not w.group(0)[:1].isdigit() and stem(w.group(0)) not in keys)
    return Premise(asked=asked_noun, actor=subject, actor_keys=keys,
                   is_place=is_place, others=others, aux=m.group("aux"), verb=verb,
                   verb_stem=stem(verb), objects=objects, rest=rest)


def acted_on_places(question: str, agent: frozenset[str]) -> frozenset[str]:
    """The place keys a question's wh-phrase names as what its actor acts on ("Which Chinese companies did Japan
    restrict?": {"china"}; the asked noun of ``premise``), the places of ``agent`` (the actor's keys) aside; empty
    for a question without such a phrase."""
    found = premise(question)
    if found is None or not found.asked:
        return frozenset()
    return frozenset(m.key for m in place_mentions(found.asked) if not any(same_place(m.key, a) for a in agent))


@cache
def _axes() -> dict[str, tuple[str, int]]:
    """word → (axis, sign) of ``antonym_axes.toml``."""
    out: dict[str, tuple[str, int]] = {}
    for row in table("antonym_axes")["axis"]:
        for w in row["words"]:
            out.setdefault(w.lower(), (row["name"], int(row["sign"])))
    return out


def _negated(low: list[str], k: int) -> bool:
    window = int(_words()["negation_window"])
    negs = set(_words()["negations"])
    return any(w in negs or w.endswith("n't") for w in low[max(0, k - window):k])


@dataclass(frozen=True)
class _Read:
    """What one sentence says of a premise."""

    leads: str | None  # "actor", "other" (another place the premise names), "else" or None (no place or name leads)
    named: bool  # the actor is named not after a preposition
    object_named: bool  # the actor is named after a preposition
    verb: bool  # tells the act: its verb, a paraphrase, a word of the same sign of its axis
    opposite: bool  # tells the opposite act
    objects: bool  # names a word of what the act is done to


def _mentions(p: Premise, text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is the actor) of the places in ``text`` and of the actor's names (a name actor)."""
    out = [(m.start, m.end, p.is_place and any(same_place(m.key, k) for k in p.actor_keys))
           for m in place_mentions(text)]
    if not p.is_place:
        out += [(w.start(), w.end(), True) for w in word_spans(text) if stem(w.group(0)) in p.actor_keys]
    return sorted(out)


def _read(p: Premise, text: str) -> _Read:
    # an outlet's report is read as the clause it relays: "Taiwan International Radio reported that Chinese
    # authorities halted imports of seafood from Taiwan" is China's act, not Taiwan's
    text = relayed_clause(text) or text
    label = LABEL_RE.match(text)
    body_at = label.end() if label else 0
    spans = list(word_spans(text))
    low = [w.group(0).lower() for w in spans]
    stems = [stem(w) for w in low]
    preps = set(_words()["object_prepositions"])
    mentions = _mentions(p, text)
    body = [k for k, w in enumerate(spans) if w.start() >= body_at]
    window_end = spans[body[min(len(body), ACTOR_WORDS) - 1]].start() if body else -1
    first = next((m for m in mentions if m[0] >= body_at), None)
    leads = None
    if first is not None and first[0] <= window_end:
        if first[2]:
            leads = "actor"
        else:
            keys = {pm.key for pm in place_mentions(text[first[0]:first[1]])}
            leads = "other" if any(same_place(k, o) for k in keys for o in p.others) else "else"
    # the asked act done by another place than the opening one: "Tokyo protests as China blocks dual-use exports to
    # 20 Japanese companies" is China's act (``answer_actor.act_doer``)
    doer = act_doer(text, p.verb_stem) if p.is_place and leads == "actor" else None
    if doer is not None and not any(same_place(doer.key, k) for k in p.actor_keys):
        leads = "other" if any(same_place(doer.key, o) for o in p.others) else "else"
    named = object_named = False
    for start, _end, is_actor in mentions:
        if not is_actor:
            continue
        k = next((i for i, w in enumerate(spans) if w.start() >= start), len(spans))
        j = k - 1
        while j >= 0 and k - j <= 3 and (low[j] in word_set("articles") or low[j][:1].isdigit() or is_number_word(low[j])):
            j -= 1  # "with the WTO", "on 20 Japanese companies", "to two Vietnamese steelmakers"
        # ... or right after the asked act's own verb: "South Korea has summoned a Japanese embassy official"
        # (but "The trade ministry of Ostrava added …" names its actor after "of": ``_heads_subject``)
        if j >= 0 and _heads_subject(low, spans, body, j):
            named = True
            if leads is None:
                leads = "actor"
        elif j >= 0 and (low[j] in preps or (j > 0 and _tells_verb(p, stems[j]))):
            object_named = True
        else:
            named = True
    axis = _axes().get(p.verb.lower())
    verb = opposite = False
    for k, (w, s) in enumerate(zip(low, stems)):
        on = _axes().get(w)
        if _tells_verb(p, s) or (axis and on and on[0] == axis[0] and on[1] == axis[1]):
            verb = verb or not (on and _negated(low, k))
        elif axis and on and on[0] == axis[0] and on[1] != axis[1] and not _negated(low, k):
            opposite = True
    objects = bool(p.objects & set(stems))
    return _Read(leads, named, object_named, verb, opposite, objects)


def _heads_subject(low: list[str], spans: list, body: list[int], j: int) -> bool:
    """Whether the "of" at word ``j`` joins a name to an institution that opens the sentence's body ``body``: "The
    trade ministry of Ostrava", "The telecom regulator of Velmora" (``premise_words.toml`` ``institutions``, at most
    ``institution_words`` lower-case words before "of"), whose name is the actor, not what the act is done to."""
    words = _words()
    if low[j] != "of" or not body or j <= body[0] or j - body[0] > words["institution_words"]:
        return False
    if any(spans[k].group(0)[:1].isupper() for k in range(body[0] + 1, j)):
        return False  # another name stands in the subject: "The Korean envoy of …"
    head = " ".join(low[body[0]:j])
    return any(head == inst or head.endswith(" " + inst) for inst in words["institutions"])


def _tells_verb(p: Premise, word_stem: str) -> bool:
    """Whether a word's stem is the premise's verb, one of its longer forms, or its paraphrase-lexicon synonym."""
    if word_stem == p.verb_stem or (len(p.verb_stem) >= 5 and word_stem.startswith(p.verb_stem)):
        return True
    mine = _syn_groups(p.verb_stem)
    return bool(mine and mine & _syn_groups(word_stem))


def reads_premise(p: Premise, text: str) -> _Read:
    """What ``text`` (one sentence) says of ``p``: which place or name leads it, whether it names the actor as an
    actor or after a preposition, tells the act or its opposite, names what the act is done to (``_Read``)."""
    return _read(p, text)


def _in_corpus(word: str, corpus: set[str]) -> bool:
    """Whether a stem, or one of its paraphrase-lexicon synonyms, is among ``corpus``'s stems."""
    if word in corpus:
        return True
    mine = _syn_groups(word)
    return bool(mine) and any(mine & _syn_groups(s) for s in corpus)


def unreported(p: Premise, texts: Sequence[str], evidence: str) -> Unreported | None:
    """How the sentences ``texts`` (the answer's on-topic quotable sentences, most relevant first) fail to report
    ``p``, or None when one of them reports it (any sentence of its actor telling its act, see the module
    docstring) or they say nothing against it. ``evidence``: the whole text of the evidence passages (their
    titles too), where a word of what the act is done to is looked for. The index is the sentence to quote: the
    swapped or opposite report, the actor's act, or the most relevant sentence."""
    reads = [_read(p, t) for t in texts]
    actor_acts = [i for i, r in enumerate(reads)
                  if (r.leads == "actor" or (r.named and r.leads in (None, "actor"))) and (r.verb or r.objects)]
    corpus = _stems_of(evidence)
    missing = [o for o in sorted(p.objects) if not _in_corpus(o, corpus)]
    if actor_acts:
        # the quote: the actor's act, or a sentence above it telling what the act is done to by its name, done by
        # someone else ("ASML … was halting shipments … to a … manufacturer in China" before "The Trump
        # administration's approach … 'blocking their sales'" for "Why did the US ban ASML lithography sales to
        # Japan?")
        named = _named_objects(p)
        quote = next((i for i, r in enumerate(reads[:actor_acts[0]])
                      if named & _stems_of(texts[i]) and not r.named and r.leads in (None, "else")), actor_acts[0])
        if missing:  # the actor acts, on something no source names
            return Unreported("object", quote, p)
        told = [i for i in actor_acts if reads[i].verb]
        opposite = [i for i in actor_acts if reads[i].opposite and not reads[i].verb]
        if not told and opposite:
            return Unreported("opposite", opposite[0], p)
        targets = [_targets(texts[i], p) for i in actor_acts]
        if p.others and all(t and not _among(t, p.others) for t in targets):
            return Unreported("target", quote, p)
        return None
    swapped = [i for i, r in enumerate(reads)
               if r.leads == "other" and r.object_named and (r.verb or r.objects or r.opposite)]
    if swapped:
        return Unreported("swapped", swapped[0], p)
    acted_on = [i for i, r in enumerate(reads) if r.object_named and (r.verb or r.objects or r.opposite)]
    if acted_on and not any(r.named for r in reads):
        return Unreported("none", acted_on[0], p)
    # what the act is done to is reported of no one the question names, while the actor is reported doing something
    # else: another actor's event ("ASML … was halting shipments … to a state-owned semiconductor manufacturer in
    # China" for "Why did the US ban ASML lithography sales to Japan?", where the US only "asked the Japanese
    # government to join efforts …")
    # government to join efforts …"); or, the actor named nowhere, one that places the event among other places than
    # the question's ("based in the Netherlands", "in China" for the US and Japan)
    actor_named = any(r.named or r.leads == "actor" for r in reads)
    elsewhere = [i for i, r in enumerate(reads) if r.objects and not (r.named or r.object_named)
                 and r.leads in (None, "else") and (actor_named or _placed_elsewhere(p, texts[i]))]
    if elsewhere:
        return Unreported("actor", elsewhere[0], p)
    return None


def _named_objects(p: Premise) -> frozenset[str]:
    """Stems of the capitalised words of what the premise's act is done to ("asml" in "ban ASML lithography sales")."""
    return frozenset(stem(w.group(0)) for w in word_spans(p.rest) if w.group(0)[:1].isupper()) & p.objects


def _stems_of(text: str) -> set[str]:
    """The word stems of ``text``."""
    return {stem(w.group(0)) for w in word_spans(text)}


def _placed_elsewhere(p: Premise, text: str) -> bool:
    """Whether ``text`` names places and none of them is ``p``'s actor or a place the question names after it."""
    keys = {m.key for m in place_mentions(text)}
    return bool(keys) and bool(p.others) and not _among(keys, p.others | (p.actor_keys if p.is_place else frozenset()))


def _targets(text: str, p: Premise) -> set[str]:
    """The place keys ``text`` names other than ``p``'s actor ("Tokyo … to South Korean companies" → south_korea for
    Japan): a sentence of the actor's act that names none of the question's own places (anywhere: "asked the
    Japanese government to join efforts aimed at curbing China's progress" names Japan) tells it of others."""
    return {m.key for m in place_mentions(text)
            if not (p.is_place and any(same_place(m.key, k) for k in p.actor_keys))}


def _among(keys: set[str], others: frozenset[str]) -> bool:
    return any(same_place(k, o) for k in keys for o in others)


#: "Compare A with B: what was targeted in each case?", "Compare A and B." (the question after a colon is optional)
_COMPARE_RE = re.compile(r"^\s*compare\s+(?P<a>.+?)\s+(?:with|and|to|against)\s+(?P<b>.+?)\s*(?::\s*(?P<ask>.+?))?\s*$",
                         re.I | re.S)
_IN_EACH = re.compile(r"\s*\b(?:in|for|of)\s+(?:each|both)(?:\s+(?:case|one|side|country|of them))?s?\b", re.I)


def compared(question: str) -> tuple[str, str] | None:
    """The two questions a comparison asks, each about one side: "Compare Japan's 2019 export curbs on South Korea
    with China's 2026 export restrictions on Japan: what was targeted in each case?" → ("Japan's 2019 export curbs
    on South Korea: what was targeted?", "China's 2026 export restrictions on Japan: what was targeted?"); without a
    question after a colon, each side alone. None for a question that compares nothing this way (or a follow-up)."""
    own = without_carried_context(question)
    m = _COMPARE_RE.match(own) if own == question else None
    if m is None:
        return None
    ask = _IN_EACH.sub("", m.group("ask") or "").strip()
    return tuple(f"{side.strip().rstrip(',;')}: {ask}" if ask else side.strip().rstrip(",;?.")
                 for side in (m.group("a"), m.group("b")))
