"""Questions that ask whether something is so: the claim they ask about, and the verdict of the sources on it.

A polar question ("True or false: S", "Is it true that S?", "Did Japan add X to its list?", "Was the activist
detained?") is answered with a verdict first. ``polar_question`` recognises the kind from the cue families of
``rag/text/data/polar_questions.toml`` and turns the question into the declarative claim it asks about ("Did X add
Y?" -> "X added Y", inflected with lemminflect's tables; "True or false: S" -> S). Questions that only look polar
("Is there a ...?", "Did Japan or South Korea ...?", "Did Japan say why ...?", "Can you tell me ...?") are not.

``judge`` reads the claim against passages with the support checker (``rag.support.SupportChecker.check_many``):
*supported* when the checker supports it; *contradicted* when the checker's reason shows a passage states the
contrary (an opposite or negated predicate, a role or attribution swap, a competing figure; or a number, date or
name the passage replaces with its own while it holds the rest of the claim), not when the passage merely lacks it;
*supported* or *contradicted* when a passage settles it in other words (a denial told by another verb, a search
that found no sign of the thing: ``rag.writers.answer_settled``); *unknown* otherwise. A sentence that states an act over a list is also read for the one member the claim names
(``member_passage``, ``rag.writers.list_members``); such a reading may support the claim, never contradict it.
A sentence that tells the claim's completed act only as intended, announced, threatened or weighed ("Seoul plans
to file a complaint", "… vowed to file …", "… will file …": ``intent_kind``) makes it *planned*, never "Yes": the
answer says the sources do not say it was done and quotes what was announced; one that tells it only as possible
("… hinted that there might have been …", "… may have …", "… is suspected of …") makes it *possible*, said as
such. ``about_claim`` says which sentence an undecided answer may quote. Contrary dates and numbers are the text layer's
(``rag.text.dates``, ``rag.text.weekdays``, ``rag.text.numbers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any, Sequence

from rag.support.embedded_questions import open_question_spans
from rag.support.polarity import polarity
from rag.text.editorial import Reading, sic_reading
from rag.text.dates import MONTH_PATTERN, WEEKDAYS, find_dates, month_number
from rag.text.lexicon import alternation, table, word_set
from rag.text.places import place_mentions, place_of_word
from rag.text.numbers import find_quantities, number_words as _spelled_numbers
from rag.text.sentences import sentence_texts
from rag.text.weekdays import weekday_mentions
from rag.writers.answer_settled import bears_on_denial, settled
from rag.writers.base import DraftClaim
from rag.writers.key_terms import key_terms, stem

__all__ = ["INTENDED", "affirmed_act", "conditional_obligation", "deciding_sentence", "outright_obligation", "own_word_undone", "predicate_noun", "existence_question", "act_undone", "POSSIBLE", "UNDONE_MARKS", "PolarAnswer", "intent_kind", "intent_only", "PolarQuestion", "Verdict", "about_claim", "held_share", "weighs_reading", "joined", "member_passage", "polar_question", "judge", "contrary",
           "REST_HELD", "SAME_EVENT", "names_act", "reported_speech", "same_person", "spoken_claim", "tells_claim_act", "whole_claim_told", "without_verdict"]

#: A passage that lacks one of the claim's numbers, dates or names states the contrary only when it holds at least
#: this share of the claim's other key terms (weighted as ``key_terms`` weighs them) and gives a value of the same
#: kind in their place: "North Korea fired three missiles on Sunday" for "... fired two missiles on Sunday" (1.0),
#: not a passage on another story that shares a word or two.
REST_HELD = 0.75
#: A contrary predicate (negation, opposite verb, role swap) is read in a window that holds at least this share of
#: the claim's key terms: the window tells the same event, with the contrary predicate. As strict as ``REST_HELD``:
#: "No" states the contrary as the answer, and at 0.6 a window sharing the claim's two countries and "trading
#: partners" but not its "white list" (another measure of the same dispute) read as "Japan did not remove South
#: Korea from its white list".
SAME_EVENT = REST_HELD

#: the checker's reason naming the words a claim changed from the sentence it copies (``rag.support.features``)
_CHANGED = re.compile(r"^changed from the supporting sentence: (.+)$")
#: checker reasons that state the contrary by themselves (``rag/support``: polarity, roles, figures, outdated)
_DIRECT = re.compile(r"^(?:negation mismatch|role: |attribution: |number .+ vs |outdated: )")
#: checker reasons of a value the passage lacks: contrary only when the passage gives another value in its place
_VALUE = re.compile(r"^(?P<kind>number|date|month|weekday|entity|identifier) '?(?P<value>.+?)'? not in cited text$")
_ROLE = re.compile(r"^role: .* as the one who (?P<verb>\w+?)s?$")
#: a name: capitalised words in a row ("South Korea", "Commerce Department")
_NAME = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_WORD = re.compile(r"[\w'’.-]+|[^\w\s]")
#: the day relative dates and weekdays are read against when a passage has no publication date: ``_gives_kind``
#: asks only whether the window states one, never which day it is
_ANY_DAY = "2000-01-03"


@lru_cache(maxsize=1)
def _cues() -> dict[str, Any]:
    return table("polar_questions")


@dataclass(frozen=True)
class PolarQuestion:
    """A question asking whether ``claim`` is so; ``verdicts``: the words an answer leads with when the sources
    support it and when they contradict it (("True", "False") or ("Yes", "No"))."""

    claim: str
    verdicts: tuple[str, str]
    #: the word of ``claim`` that tells its act, as written there ("approved" of "KISA has approved the
    #: certification", "responded" of "Dahua responded to the ban"); "" when the question has none a sentence must
    #: tell (a copular question, "Is Taiwan a member of the WHO?", or a statement not read for its verb)
    act: str = ""
    #: an existence question ("Are there fines for agencies that miss the deadline?": ``existence_question``): its
    #: answer is a verdict only when the sources decide it (an undecided one is answered as the content question it
    #: also is, "what fines are there?")
    existence: bool = False

    @property
    def whether(self) -> str:
        """What an answer that cannot decide says the sources do not say: "whether Japan added X" ("The FTC fined
        ..." -> "whether the FTC fined ...": a capitalised function word opening the claim is lower-cased)."""
        first, _, rest = self.claim.partition(" ")
        if first in _cues()["predicate"]["name_fillers"] and first != "I":
            first = first.lower()
        return f"whether {first} {rest}".rstrip()


@dataclass(frozen=True)
class Verdict:
    """The sources' verdict on a claim: ``outcome`` "supported", "contradicted", "conditional" (an obligation told
    only under a condition or as one of two acts: ``conditional_obligation``; answered "Only under conditions."), "planned" (told only as intended:
    ``intent_kind``; undecided), "possible" (told only as possible: hinted, suspected, "may have"; undecided) or
    "unknown"; ``passage`` (index
    into the judged passages) and ``span`` (character offsets in it) of the window that decides it (None for
    "unknown"); the checker's ``score`` (calibrated probability of support) and ``reasons`` there."""

    outcome: str
    passage: int | None = None
    span: tuple[int, int] | None = None
    score: float = 0.0
    reasons: tuple[str, ...] = ()

    def sentence(self, offsets: Sequence[tuple[int, int]], acts: Sequence[bool] | None = None,
                 shares: Sequence[float] | None = None, negates: Sequence[bool] | None = None) -> int | None:
        """Which of the deciding passage's sentences (their ``offsets`` in it, from ``joined``) the deciding window
        covers most; None when undecided or when it covers none. ``acts``: per sentence, whether it names the claim's
        act (``names_act``): of the sentences the window covers, one naming the act comes first, however short ("A
        Singapore court … sentenced three men …. The men did not appeal." decides "the men appealed" by its second
        sentence, which the answer must quote after its "No."). ``shares``: per sentence, the share of the claim it
        holds (``held_share``): of several covered sentences naming the act, the one holding most of the claim comes
        first ("The talks ended without a joint statement.", not an earlier, longer entry of the same live blog whose
        "did not offer a timeline" the act family also reads, for "the talks ended with a joint statement").
        ``negates``: per sentence, whether it holds a negator: a "No" (outcome "contradicted") is quoted from a covered
        sentence that carries the negation before any other ("The measure does not apply …", not "Smaller tenders
        remain open …" before it)."""
        if self.span is None:
            return None
        a, b = self.span
        laps = [min(b, end) - max(a, start) for start, end in offsets]
        named = [bool(acts[k]) if acts is not None and k < len(acts) else False for k in range(len(laps))]
        held = [float(shares[k]) if shares is not None and k < len(shares) else 0.0 for k in range(len(laps))]
        denies = [self.outcome == "contradicted" and negates is not None and k < len(negates) and bool(negates[k])
                  for k in range(len(laps))]
        best = max(range(len(laps)), key=lambda k: (laps[k] > 0 and denies[k], laps[k] > 0 and named[k],
                                                    held[k] if laps[k] > 0 and named[k] else 0.0, laps[k], -k),
                   default=None)
        return best if best is not None and laps[best] > 0 else None


@dataclass(frozen=True)
class PolarAnswer:
    """A polar question's answer as the writer gives it: the ``question``, the sources' ``verdict`` and ``index``,
    the candidate sentence that decides it. An undecided answer (``decided`` False) says what the sources do not say
    (``question.whether``) and quotes ``index`` as what they do say: a sentence about the claim (``about_claim``), or
    None when none is."""

    question: PolarQuestion
    verdict: Verdict
    index: int | None
    #: the deciding sentence when the candidate ``index`` quotes it after a sentence it leans on (a dependent
    #: sentence with its context: "Smaller tenders remain open to Chinese bidders. The measure does not apply …"):
    #: the verdict is quoted from it alone (``lead``), not from the context sentence before it
    deciding: str | None = None

    @property
    def missing(self) -> str:
        """What the undecided answer says the sources do not say (``question.whether``), marked ``INTENDED`` when the
        quoted sentence tells the act only as intended or announced (the outcome "planned"), ``POSSIBLE`` when only as
        possible (the outcome "possible"): ``UNDONE_MARKS``."""
        return self.question.whether + UNDONE_MARKS.get(self.verdict.outcome, "")

    @property
    def decided(self) -> bool:
        return self.verdict.outcome in ("supported", "contradicted", "conditional") and self.index is not None

    @property
    def word(self) -> str | None:
        """The verdict the answer leads with ("True", "No", ...); None when undecided."""
        if not self.decided:
            return None
        if self.verdict.outcome == "conditional":  # an obligation stated under a condition: "Only under conditions."
            return _cues()["condition"]["verdict"]
        return self.question.verdicts[0 if self.verdict.outcome == "supported" else 1]

    def lead(self, claim: DraftClaim) -> DraftClaim:
        """``claim`` (the deciding sentence, quoted) led by the verdict: "Yes. Japan removed South Korea ...". When
        the claim quotes the ``deciding`` sentence after the sentence it leans on, in one span that is its text as
        written, the verdict is quoted from the deciding sentence alone, cited by its own span ("No. The measure does
        not apply to devices already in use in hospitals.", not "No. Smaller tenders remain open …. The measure …")."""
        if not self.decided:
            return claim
        quote, cites = self.deciding, claim.cites
        if (quote and len(cites) == 1 and claim.text.endswith(quote) and len(quote) < len(claim.text)
                and cites[0].end - cites[0].start == len(claim.text)):
            end = cites[0].end
            claim = replace(claim, text=quote, cites=[replace(cites[0], start=end - len(quote))])
        return replace(claim, text=f"{self.word}. {claim.text}")


def deciding_sentence(candidate: Any, verdict: Verdict) -> str | None:
    """The sentence of a quoted ``candidate`` (``rag.writers.candidates.Candidate``) a decided ``verdict`` rests on,
    when the candidate is a dependent sentence quoted with the sentence it leans on (``with_context``) and the
    verdict rests on that dependent sentence, not on its context: a "No" on the one sentence of them that carries a
    negator ("Smaller tenders remain open to Chinese bidders. *The measure does not apply to devices already in use
    in hospitals.*"), an "Only under conditions" on the one that states an obligation (``[condition]``). None
    otherwise (the candidate is quoted whole)."""
    if not getattr(candidate, "with_context", False) or verdict.outcome not in ("contradicted", "conditional"):
        return None
    parts = sentence_texts(candidate.text)
    if len(parts) < 2:
        return None
    if verdict.outcome == "contradicted":
        marked = [k for k, part in enumerate(parts) if polarity(part).has_negator]
    else:
        marked = [k for k, part in enumerate(parts) if _obligation_at([w.lower() for w in _TOKEN.findall(part)])]
    return " ".join(parts[marked[0]:]) if len(marked) == 1 and marked[0] > 0 else None


def polar_question(question: str) -> PolarQuestion | None:
    """The claim ``question`` asks about and its verdict words, or None when it does not ask whether something is
    so. "True or false: The FTC fined a Utah company." -> ("The FTC fined a Utah company", ("True", "False"));
    "Did Tokyo remove South Korea from its white list?" -> ("Tokyo removed South Korea from its white list",
    ("Yes", "No")); "Is there a deadline?", "Which MP ... whether ...?" -> None."""
    text = " ".join(question.split()).strip()
    cues = _cues()
    low = text.lower()
    for family in ("statement", "that_clause"):
        for opener in sorted(cues[family]["openers"], key=len, reverse=True):
            if re.match(rf"{re.escape(opener)}\b", low):
                claim = _clean(text[len(opener):].lstrip(" :?,.-–—"))
                if family == "that_clause":
                    claim = re.sub(r"^(?:that|whether|if)\s+", "", claim, flags=re.I)
                return PolarQuestion(claim, tuple(cues[family]["verdicts"])) if _words(claim) else None
    found = _auxiliary_claim(text)
    return PolarQuestion(found[0], tuple(cues["auxiliary"]["verdicts"]), found[1]) if found else None


def existence_question(question: str) -> PolarQuestion | None:
    """The claim an existence question ("Is there …?", "Are there …?", "Were there …?") asks about, with its act
    word the head noun of what it asks exists: "Are there fines for agencies that miss the deadline?" -> ("there
    are fines for agencies that miss the deadline", act "fines"); "Is there a deadline for the filings?" -> (…,
    "deadline"). A sentence that names the thing as not there ("the order does not set fines", "No deadline was
    set") is its "No", one that tells it its "Yes" (``judge`` with the act). None for any other question, and for
    one asking which or what ("Is there any word on who …?": a wh-word, ``[look_alikes]``). The noun's words run
    from after "there" and its determiners (``[existence].determiners``) to the first word that opens what
    follows it (``[existence].ends``: "for", "that", …); the head is the last of them."""
    text = " ".join(question.split()).strip()
    words = _clean(text).split()
    cues, alike = _cues()["existence"], _cues()["look_alikes"]
    if len(words) < 3 or words[0].lower() not in _cues()["auxiliary"]["be"] or words[1].lower() != "there":
        return None
    lower = [re.sub(r"[^\w'’-]", "", w).lower() for w in words]
    if any(w in alike["wh_words"] or w in alike["alternatives"] for w in lower[2:]):
        return None
    at = 2
    while at < len(words) and lower[at] in cues["determiners"]:
        at += 1
    end = next((k for k in range(at, len(words)) if lower[k] in cues["ends"]), len(words))
    if end <= at or not lower[end - 1].isalpha():
        return None
    claim = " ".join(["there", words[0].lower(), *words[2:]])
    return PolarQuestion(claim, tuple(_cues()["auxiliary"]["verdicts"]), words[end - 1], existence=True)


def _clean(text: str) -> str:
    """The statement without its closing question mark or full stop."""
    return text.strip().rstrip("?.!").strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _auxiliary_claim(text: str) -> tuple[str, str] | None:
    """(the clause of an auxiliary-first question as a statement, the word of it that tells the act: its verb, or
    a be/have question's participle, "" for a copular predicate), or None (not auxiliary-first, a look-alike, or no
    verb or predicate found)."""
    aux_cues, alike = _cues()["auxiliary"], _cues()["look_alikes"]
    tokens = _clean(text).split()
    if len(tokens) < 3:
        return None
    first = tokens[0].lower().replace("’", "'")
    aux = aux_cues["contractions"].get(first, first)
    rest = tokens[1:]
    lower = [re.sub(r"[^\w'’-]", "", t).lower() for t in rest]
    # a capitalised word is a name ("the WHO"), not a wh-word
    asks_which = any((w in alike["wh_words"] and not t[:1].isupper()) or w in alike["alternatives"] for w, t in zip(lower, rest))
    if rest[0].lower() in alike["second_words"] or asks_which:
        return None
    if aux in aux_cues["do"]:
        at = _verb_at(rest, lower)
        if at is None:
            return None
        verb = _inflect(lower[at], aux_cues["do"][aux])
        return " ".join(rest[:at] + [verb] + rest[at + 1:]), verb
    if aux in aux_cues["be"] or aux in aux_cues["have"] or aux in aux_cues["modal"]:
        at = (_verb_at(rest, lower) if aux in aux_cues["modal"] else _predicate_at(rest, lower))
        if at is None:
            return None
        act = rest[at] if aux in aux_cues["modal"] or _participle(lower[at]) or _adjective(lower[at]) else ""
        if lower[at] in aux_cues["passive"] and at + 1 < len(rest) and _participle(lower[at + 1]):
            act = rest[at + 1]  # "Has X been fined?": the act is "fined"
        at = _adverbs_before(rest, lower, at)
        return " ".join(rest[:at] + [aux] + rest[at:]), act
    return None


def _participle(word: str) -> bool:
    """Whether ``word`` is a verb's participle ("approved", "detained", "building"), not a predicate's other opener
    ("a member", "still in force", "responsible")."""
    from lemminflect import getInflection

    _, lemma = _verb_readings(word)
    return bool(lemma) and lemma != word and (word in getInflection(lemma, "VBN") or word in getInflection(lemma, "VBG"))


def _adverbs_before(rest: list[str], lower: list[str], at: int) -> int:
    """Where the auxiliary goes back into the clause: before the adverbs that open its predicate ("Is China's move
    *purely* retaliatory?" -> "China's move is purely retaliatory", "Will China *soon* lift …" -> "China will soon
    lift …"), not inside them. An adverb is a word the lemma tables read as an adverb (or adjective) and never as a
    noun or verb, lower-case, not held in the subject by a determiner or possessive; the subject keeps one word."""
    while at > 1:
        tags, _ = _verb_readings(lower[at - 1])
        if (not lower[at - 1].isalpha() or rest[at - 1][:1].isupper() or "ADV" not in tags
                or tags - {"ADV", "ADJ"} or _in_subject(lower, at - 1)):
            break
        at -= 1
    return at


def _verb_readings(word: str) -> tuple[frozenset[str], str | None]:
    """(every part of speech the lemma tables give ``word``, its verb lemma or None)."""
    from lemminflect import getAllLemmas  # the tables load once (~0.3 s)

    lemmas = getAllLemmas(word)
    verb = lemmas.get("VERB", (None,))[0]
    return frozenset(lemmas), verb


def _in_subject(lower: list[str], at: int) -> bool:
    """Whether the word at ``at`` is held inside the subject by the word before it (a determiner or possessive:
    "the rule", "Japan's export")."""
    before = lower[at - 1] if at > 0 else ""
    return before in _cues()["predicate"]["subject_heads"] or before.endswith(("'s", "’s", "s'"))


def _verb_at(rest: list[str], lower: list[str]) -> int | None:
    """The index of the clause's main verb in base form after its subject: the first word the tables read only as
    a verb ("include", "detain") before any clause inside the question's own (``[predicate] clause_openers``, an
    auxiliary or a modal: "Did Hosokawa say Japan must improve …" asks about "say", not "improve"); else, of the first run of base forms with a verb reading that no determiner or
    possessive holds in the subject, the last ("the rule cover": "cover"; "the central bank raise": "raise", a
    noun before the verb; a particle ends the run: "step down")."""
    particles = set(_cues()["predicate"]["particles"])

    def base(i: int) -> bool:
        word = lower[i]
        if not word.isalpha() or rest[i][:1].isupper() or word in particles:
            return False
        _, lemma = _verb_readings(word)
        return lemma == word

    aux = _cues()["auxiliary"]
    opens = {*_cues()["predicate"]["clause_openers"], *aux["modal"], *aux["be"], *aux["have"], *aux["contractions"]}
    # the question's own verb comes before any clause inside it ("Did Hosokawa say Japan must improve …": "say")
    own = next((i for i in range(1, len(rest)) if lower[i] in opens), len(rest))
    for i in range(1, own):
        if base(i) and _verb_readings(lower[i])[0] <= {"VERB", "AUX"}:
            return i
    for i in range(1, len(rest)):
        if base(i) and not _in_subject(lower, i):
            while i + 1 < len(rest) and base(i + 1):
                i += 1
            return i
    return None


def _adjective(word: str) -> bool:
    """Whether ``word`` is an adjective that can be a copular predicate, the act a be-question asks about
    ("enforceable", "permanent", "liable"): the lemma tables read it as an adjective, and the predicate openers
    (``[predicate].openers``: "responsible", "eligible", "a", "still") do not hold it."""
    tags, _ = _verb_readings(word)
    return "ADJ" in tags and word.isalpha() and word not in _cues()["predicate"]["openers"]


def _predicate_at(rest: list[str], lower: list[str]) -> int | None:
    """Where the predicate of a be/have question's clause opens: a participle ("detained", "building"), an
    adjective before a preposition that only an adjective or adverb can be ("Is the framework *enforceable* in
    court?", ``[predicate].adjective_links``: before the opener "in" that would read "… enforceable is in court"),
    or a word of ``[predicate].openers`` ("a member", "still in force"), after a subject of at least one word; else
    a final adjective ("Is the bridge safe?")."""
    openers = set(_cues()["predicate"]["openers"])
    links = set(_cues()["predicate"]["adjective_links"])
    for i in range(1, len(rest)):
        word = lower[i]
        if rest[i][:1].isupper() or _in_subject(lower, i):
            continue
        if word in links and not _participle(word):
            # a preposition's phrase inside the subject when a noun predicate opens after it ("Is Japan's new rule on
            # wafer tools a ban?"): that article opens the predicate (``_noun_predicate_after``)
            later = _noun_predicate_after(rest, lower, i)
            if later is not None:
                return later
        if word in openers or _participle(word):
            return i
        if i + 1 < len(rest) and lower[i + 1] in links and _adjective(word) and _verb_readings(word)[0] <= {"ADJ", "ADV"}:
            return i
    tags, _ = _verb_readings(lower[-1])
    return len(rest) - 1 if len(rest) > 1 and "ADJ" in tags and not rest[-1][:1].isupper() else None


def _noun_predicate_after(rest: list[str], lower: list[str], at: int) -> int | None:
    """The index of an article after the preposition at ``at`` that opens the clause's noun predicate
    (``[predicate].noun_openers``: "on wafer cleaning tools *a* ban"), or None: the article is not the preposition's
    own object ("in a dispute") and no other opener or preposition stands between."""
    nouns = set(_cues()["predicate"]["noun_openers"])
    links = set(_cues()["predicate"]["adjective_links"]) | set(_cues()["predicate"]["openers"])
    for k in range(at + 2, len(rest) - 1):
        if lower[k] in nouns:
            return k if lower[k - 1] not in links and not _in_subject(lower, k) else None
        if lower[k] in links:
            return None
    return None


def predicate_noun(claim: str) -> str:
    """The head noun of a copular claim's noun predicate ("Japan's new rule is a ban on chip tools" -> "ban";
    "the measure is an outright export ban" -> "ban"): the last word after the copula's article before a word that
    opens what follows it (``[existence].ends``); "" when the claim has no copula followed by an article."""
    words = _words(claim)
    lower = [w.lower() for w in words]
    be, nouns = set(_cues()["auxiliary"]["be"]), set(_cues()["predicate"]["noun_openers"])
    at = next((k for k in range(1, len(lower) - 2) if lower[k] in be and lower[k + 1] in nouns), None)
    if at is None:
        return ""
    ends = set(_cues()["existence"]["ends"])
    end = next((k for k in range(at + 2, len(lower)) if lower[k] in ends or not lower[k].isalpha()), len(lower))
    return words[end - 1] if end > at + 2 else ""


def _inflect(verb: str, tag: str) -> str:
    """``verb`` (base form) in the form ``tag`` asks for (VBD past, VBZ third person, VBP base), by lemminflect."""
    if tag == "VBP":
        return verb
    from lemminflect import getInflection

    forms = getInflection(verb, tag)
    return forms[0] if forms else verb


def without_verdict(text: str) -> str:
    """``text`` without the verdict an answer leads with (``PolarAnswer.lead``: "Yes. ", "False. "): the quote the
    sources must support. Any other text unchanged ("No. 10 Downing Street said ..." keeps its "No.")."""
    from rag.writers.stated_reason import without_lead  # "The sources give no stated reason; " leads the same way

    text = without_lead(text)
    words = {w for family in ("statement", "that_clause", "auxiliary") for w in _cues()[family]["verdicts"]}
    words.add(_cues()["condition"]["verdict"])
    head, dot, rest = text.partition(". ")
    opens = rest[:1]
    return rest if dot and head in words and opens and (opens.isupper() or opens in "“\"'‘") else text


def joined(sentences: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """``sentences`` as one passage (joined by spaces, in order) and each one's (start, end) in it."""
    offsets, at = [], 0
    for text in sentences:
        offsets.append((at, at + len(text)))
        at += len(text) + 1
    return " ".join(sentences), offsets



# -- what a sentence must hold to be read for the claim, or quoted when nothing decides it -------------------------


def _claim_terms(claim: str) -> tuple[set[str], set[str]]:
    """(the claim's actor terms, its other content terms): the actor is its first name ("The FTC fined a Utah
    company": FTC; "Tokyo" and "Japan" are one place term), or, for a claim that names no one, none."""
    names = _names(claim)
    actor = {t.stem for t in key_terms(claim[names[0][0]:names[0][1]])} if names else set()
    rest = {t.stem for t in key_terms(claim)} - actor
    return actor, rest


def about_claim(claim: str, sentence: str) -> bool:
    """Whether ``sentence`` is about ``claim``, not only near it: it names the claim's actor (its first name, by
    ``key_terms``: "Tokyo" for "Japan") and at least one of its other content terms (its act or object: "tighten",
    "export", "materi"); a claim that names no one needs two of its content terms (all, when it has fewer). An
    undecided verdict quotes such a sentence as what the sources say: "South Korea's chip-hub pitch … could
    influence expectations …" is near "Japan tightened export controls on materials to South Korea" (it names
    South Korea) but not about it."""
    actor, rest = _claim_terms(claim)
    have = {t.stem for t in key_terms(sentence)}
    if actor:
        return bool(actor & have) and (bool(rest & have) or not rest)
    return len(rest & have) >= min(2, len(rest))


#: the fewest words of a claim's predicate a sentence must hold, in order, to weigh the very reading asked about
READING_WORDS = 2


def _predicate(claim: str) -> list[str] | None:
    """The words of a copular claim's predicate, lower-case, after its first "is/are/was/were" ("China's move is
    purely retaliatory" -> ["purely", "retaliatory"]); None for a claim with no such copula."""
    words = [w.lower() for w in re.findall(r"[\w'’-]+", claim)]
    at = next((k for k, w in enumerate(words) if w in _cues()["auxiliary"]["be"]), None)
    return words[at + 1:] if at is not None and at > 0 else None


def weighs_reading(claim: str, sentence: str) -> bool:
    """Whether ``sentence`` weighs the very reading a whether-question asks about: it holds the predicate of the
    question's copular ``claim`` (at least ``READING_WORDS`` words, in order and adjacent: "purely retaliatory") and
    the claim's actor or another of its terms (``about_claim``'s reading, loosened to any term). "Potential bias in
    interpreting China’s actions as purely retaliatory without considering legitimate security concerns." weighs
    "China's move is purely retaliatory"; "China retaliated" does not (no predicate held)."""
    predicate = _predicate(claim)
    if not predicate or len(predicate) < READING_WORDS:
        return False
    words = [w.lower() for w in re.findall(r"[\w'’-]+", sentence)]
    n = len(predicate)
    if not any(words[k:k + n] == predicate for k in range(len(words) - n + 1)):
        return False
    actor, rest = _claim_terms(claim)
    return bool((actor | rest) - {stem(w) for w in predicate} & {t.stem for t in key_terms(sentence)})


def member_passage(claim: str, sentence: str, earlier: Sequence[str] = ()) -> str | None:
    """The passage that reads ``sentence`` for the one member of its list ``claim`` names
    (``list_members.member_reading``), or None when it lists no item the claim names. A list sentence that leans on
    the story for the claim's names ("The export restrictions cover …, photoresist and hydrogen fluoride" for
    "Japan restricted exports of hydrogen fluoride to South Korea") follows the sentence of ``earlier`` (the same
    story's sentences before it, in order) that names them all and holds the most of the claim: "Japan's trade
    measures followed South Korean court rulings … The export restrictions cover hydrogen fluoride."; None when no
    earlier sentence names them. None too for a sentence that tells the claim's act only as intended or possible
    (``intent_kind``): cut to a member, "Trade press coverage suggested that Lena Okafor, founder of Kestrel
    Semiconductor and chair of its board, relocated …" read "… suggested that Lena Okafor its board, relocated …",
    its apposition cut away and with it the hedge's reach over "relocated"."""
    from rag.writers.list_members import member_reading

    if intent_kind(claim, sentence) is not None:
        return None
    reading = member_reading(claim, sentence)
    if reading is None:
        return None
    names = {t.stem for t in key_terms(claim) if t.kind == "entity"}
    lacking = names - {t.stem for t in key_terms(reading)}
    if not lacking:
        return reading
    naming = [(_held(claim, text, ""), -k, text) for k, text in enumerate(earlier)
              if lacking <= {t.stem for t in key_terms(text)}]
    return f"{max(naming)[2]} {reading}" if naming else None

def reported_speech(claim: str) -> tuple[str, str] | None:
    """(who, what they said) of a claim that reports speech, its speaker named first: "Hosokawa said Japan must
    improve its technology controls" -> ("Hosokawa", "Japan must improve its technology controls"), by the reporting
    frames of ``hypothesis_stance.speaker``; None for any other claim ("Japan tightened export controls")."""
    from rag.writers.hypothesis_stance import speaker

    who, said = speaker(claim)
    return (who, said) if who and claim.lower().startswith(who.lower()) and said else None


def same_person(a: str, b: str) -> bool:
    """Whether two names share a name word ("Hosokawa" and "Hosokawa Masahiko", "Prof. Hosokawa")."""
    words = [{w.strip(".,").lower() for w in re.findall(r"[A-Z][\w'’.-]*", name)} for name in (a, b)]
    return bool(words[0] & words[1])


_POSSESSIVE = re.compile(r"['’]s$")
#: words before a surname that name no other person ("Mr. Hallam", "On Tuesday Hallam …"; data/surname_openers.txt)
_TITLES = word_set("surname_openers")


def surname_reading(claim: str, passage: str) -> str:
    """``claim`` with each person's name of two or three words ("Derek Hallam", "Kenji Arai's", "Park Ji-hoon") read
    as its last or first word when ``passage`` names that word and none of the others: news copy names a person in full once and by
    surname after ("Hallam pleaded guilty on December 5 …"), and the checker reads a given name the passage leaves out
    as a name it does not hold (``entity 'Derek' not in cited text``), the contrary. Not a place ("South Korea"), a
    month or a name with a word in lower case in the passage ("Commerce Department" against "the department"), nor
    a surname the passage gives another person ("Susan Hallam": a capitalised word before it that is no title or
    sentence opener); ``claim`` unchanged when none is read so."""
    out = claim
    for start, end in reversed(_names(claim)):
        span = claim[start:end]
        words = span.split()
        if not 2 <= len(words) <= 3 or place_mentions(span) or any(
                not re.fullmatch(r"[A-Z][a-z][\w-]*(?:['’]s)?", w) or place_of_word(w) or month_number(w)
                for w in words):
            continue
        # the one word the passage names: the surname last ("Derek Hallam") or first ("Park Ji-hoon", "Hsu Wen-chieh")
        bare = [_POSSESSIVE.sub("", w) for w in words]
        named = [k for k, w in enumerate(bare) if re.search(rf"(?i)\b{re.escape(w)}\b", passage)]
        if len(named) != 1 or named[0] not in (0, len(words) - 1):
            continue
        last = bare[named[0]]
        keep = last + words[-1][len(bare[-1]):]  # "Arai's" keeps its "'s"
        hits = list(re.finditer(rf"\b{re.escape(last)}\b", passage))
        if not hits or re.search(rf"\b{re.escape(last.lower())}\b", passage):
            continue
        before = [re.search(r"([A-Z][\w'’.-]*)\s+$", passage[:m.start()]) for m in hits]
        if any(b and b.group(1).strip(".").lower() not in _TITLES and not month_number(b.group(1))
               and b.group(1).strip(".") not in WEEKDAYS for b in before):
            continue
        out = out[:start] + keep + out[end:]
    return out


def spoken_claim(claim: str, sentence: str, author: str | None) -> str | None:
    """What ``claim`` says ``author`` said, when ``sentence`` is that author's own words: the claim the sentence is
    read against. "Hosokawa said Japan must improve its technology controls" over his essay's "The Japanese
    government most improve its technology controls, …" -> "Japan must improve its technology controls". The author
    of a piece (an essay, an opinion piece) speaks its sentences that report no one else's words (a sentence with its
    own reporting frame, "Officials said …", is theirs). Read without the frame on either side: the frame's name
    alone holds most of a claim's weight ("Hosokawa said Japan should abandon export controls" scored 0.38 against
    the essay's sentence framed "Hosokawa Masahiko said …", 0.22 unframed). None when the claim reports no speech,
    names someone else, or the sentence reports another's words."""
    from rag.writers.hypothesis_stance import speaker

    speech = reported_speech(claim)
    if speech is None or not author or not same_person(speech[0], author) or speaker(sentence)[0] is not None:
        return None
    return re.sub(r"^that\s+", "", speech[1])


# -- the verdict ---------------------------------------------------------------------------------


#: "Yes"/"True" states the claim as the answer: the checker must support it (its own threshold, 0.27, set for flagging
#: claims at balanced accuracy) *and* either find support more likely than not (its score is a calibrated
#: probability) or cite a sentence that holds ``REST_HELD`` of the claim's key terms, as a contrary value must. A
#: claim it passes at 0.33 against passages that never mention its object ("Japan removed South Korea from its white
#: list": 0.67 of its terms) is no "Yes"; "Japan tightened export controls on materials to South Korea" at 0.35
#: against "Tokyo last week tightened the approval process for … sensitive materials to South Korean companies …
#: can only be exported to trustworthy trading partners" is.
YES_PROBABILITY = 0.5


def _affirms(claim: str, window: str, passage: str = "", act: str = "") -> bool:
    """Whether ``window`` can be the "Yes" to an affirmative ``claim``: not when the window's sentence that tells the
    claim's act and object (the one holding the most of its key terms other than names, ``_held`` with ``NAMES``:
    a list's reading takes the names from an earlier sentence of its story) negates (a true negator: "not", "no", "never", "without" …,
    ``rag.support.polarity``) and the claim does not. The checker scores a sentence by the claim terms it holds, and
    "The US Commerce Department has not approved any licence to sell advanced chips to Huawei" holds most of "Huawei
    bought advanced chips" while saying nothing of a purchase: a negated sentence decides an affirmative claim only as
    its contrary (``contrary``), never as its support. A negator in another sentence of the window ("… hinting at
    security risks without citing specific cases") does not count, nor does one in another clause of that sentence
    (``_clauses``: "South Korea has summoned a Japanese embassy official to protest Abe's suggestion that it could
    not be trusted …" affirms "South Korea summoned a Japanese embassy official").
    With the claim's ``act`` word (``PolarQuestion.act``), the sentences of ``passage`` (the window's own when none)
    that tell that act of the claim (``_bears_act``) decide too (``act_undone``): not when one of them tells it as not
    done ("… The firm did not appeal.") or when each tells it only as a chance that lapsed ("The window to appeal the
    ruling has closed"): the "Yes" would stand before a quote saying the contrary."""
    if polarity(claim).has_negator:
        return True
    sentence = _claim_sentence(claim, window)
    if polarity(max(_clauses(sentence), key=lambda part: _held(claim, part, NAMES))).has_negator:
        return False
    if not act:
        return True
    told = [act_undone(act, s) for s in dict.fromkeys([sentence, *(sentence_texts(passage or window) or [])])
            if _bears_act(claim, act, s)]
    return not told or ("negated" not in told and None in told)


def _bears_act(claim: str, act: str, sentence: str) -> bool:
    """Whether ``sentence`` tells the act of ``claim`` (its word ``act``, ``names_act``) of the claim's own story: it
    holds another of the claim's key terms, or names no one at all ("The firm did not appeal." after the sentence
    naming the firm), not another actor's act ("Kestrel Trains did not appeal.")."""
    if not names_act(act, sentence):
        return False
    own = {t.stem for t in key_terms(act)}
    claim_terms = {t.stem for t in key_terms(claim)} - own
    terms = key_terms(sentence)
    return bool(claim_terms & {t.stem for t in terms}) or not any(t.kind == "entity" for t in terms)


def negated_act(claim: str, act: str, passage: str, *, context: str = "") -> tuple[int, int] | None:
    """(start, end) in ``passage`` of its sentence that tells the act of ``claim`` (its word ``act``) as not done
    (``act_undone`` "negated", of the claim's story: ``_bears_act``), when the passage holds ``REST_HELD`` of the
    claim's key terms (in paraphrase) and no sentence of it tells the act done (to the claim's party, not to a person
    it names as the party's employee: ``apposition_only``); None otherwise. ``context``: a sentence of the claim's
    story read with the passage for the share held (the claim's party or object it elides)."""
    held = _held(claim, f"{passage} {context}".strip(), "", paraphrase=True)
    if polarity(claim).has_negator or held < REST_HELD:
        return None
    # a sentence naming the claim's party only as another's employer tells the act of that other
    # (``apposition_only``): it is no act done to the party
    told = [(act_undone(act, s), s) for s in sentence_texts(passage) or [passage]
            if _bears_act(claim, act, s) and not apposition_only(claim, s)]
    if not told or any(kind is None for kind, _ in told):
        return None
    sentence = next((s for kind, s in told if kind == "negated"), None)
    if sentence is None:
        return None
    start = passage.find(sentence)
    return (start, start + len(sentence)) if start >= 0 else None


#: the share of a claim's act and object (its names left out, ``_held`` with ``NAMES``) the one sentence telling its
#: act must hold for ``affirmed_act``: "The pact is legally binding on both governments." holds 0.6 of "the
#: Vietnam-Korea rare earth pact is legally binding" (its names and "rare earth" are in the lede); "A separate accord
#: with Japan is legally binding." holds 0.4 (the act's words alone)
AFFIRMED_HELD = 0.5


def _copular_act(claim: str, act: str) -> bool:
    """Whether ``act`` is the predicate of a copula in ``claim`` (a form of "be", then adverbs only: "the pact *is
    legally* binding", "the broker *was* detained"), not an agent's verb ("the ministry blocked the shipment")."""
    words = [w.lower() for w in _words(claim)]
    at = next((k for k, w in enumerate(words) if w == act.lower()), None)
    if at is None:
        return False
    k = at - 1
    while k > 0 and words[k].endswith("ly"):
        k -= 1
    return k >= 0 and words[k] in _cues()["auxiliary"]["be"]


def affirmed_act(claim: str, act: str, passage: str) -> tuple[int, int] | None:
    """(start, end) in ``passage`` of its sentence that tells the act of ``claim`` (its word ``act``) as done, of the
    claim's story, when the passage holds ``REST_HELD`` of the claim's key terms (in paraphrase) though that sentence
    alone names too little of it for the checker: "Vietnam and South Korea on Sunday signed a rare earth processing
    pact in Hanoi. The pact is legally binding on both governments …" for "the Vietnam-Korea rare earth pact is
    legally binding", the mirror of ``negated_act``. Every sentence of the passage that tells the act
    (``_bears_act``) tells it as done (``act_undone`` None, no negator in its clause: ``tells_claim_act``, and not
    only as intended or possible: ``intent_kind``; not of another party: ``another_party``), and the one decided on
    holds ``AFFIRMED_HELD`` of the claim's act and object. Only for a copular claim (``_copular_act``: an agent's act
    needs its agent told with it, ``tells_claim_act``). None otherwise, and for a negated claim."""
    if (not act or not _copular_act(claim, act) or polarity(claim).has_negator
            or _held(claim, passage, "", paraphrase=True) < REST_HELD):
        return None
    told = [s for s in sentence_texts(passage) or [passage] if _bears_act(claim, act, s) and not apposition_only(claim, s)
            and not another_party(claim, act, s, passage)]
    if not told or any(act_undone(act, s) is not None or not tells_claim_act(act, s, claim)
                       or intent_kind(claim, s) is not None for s in told):
        return None
    sentence = max(told, key=lambda s: _held(claim, s, NAMES, paraphrase=True))
    if _held(claim, sentence, NAMES, paraphrase=True) < AFFIRMED_HELD:
        return None
    start = passage.find(sentence)
    return (start, start + len(sentence)) if start >= 0 else None


@lru_cache(maxsize=1)
def _restated() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    cues = _cues()["restated"]
    states = {verb: frozenset(stem(w) for w in words) for verb, words in cues["states"].items()}
    return states, frozenset(stem(w) for w in cues["timing"])


#: words a form of "be" may stand before the restated state ("had *not yet* been informed", "was *fully* aware")
RESTATED_REACH = 3


def restated_act(claim: str, act: str, passage: str) -> tuple[str, tuple[int, int]] | None:
    """("supported" or "contradicted", (start, end) in ``passage``) of its sentence that tells the state the claim's
    verb ``act`` asks ("knew") in other words, of the claim's own subject (``polar_questions.toml`` [restated]):
    "The Dutch economy ministry had been informed of the sale before the announcement" for "the Dutch economy
    ministry knew in advance"; "… was not notified" is its "No". The subject is the claim's words before ``act``;
    each of its key terms stands in the sentence before the state's word, which follows a form of "be" within
    ``RESTATED_REACH`` words; a claim asking a time before the event ("in advance") is told only by a sentence
    holding such a time word too; the passage holds ``REST_HELD`` of the claim's other terms (the thing known may be
    in the lede). None otherwise, and for a negated claim."""
    from lemminflect import getAllLemmas

    states, timing = _restated()
    lemma = next(iter(getAllLemmas(act.lower()).get("VERB", ())), act.lower())
    told_by = states.get(lemma)
    words = _words(claim)
    at = next((k for k, w in enumerate(words) if w.lower() == act.lower()), None)
    if not told_by or at is None or at == 0 or polarity(claim).has_negator:
        return None
    subject = {t.stem for t in key_terms(" ".join(words[:at]))}
    rest = " ".join(words[at + 1:])
    asks_time = bool({stem(w.lower()) for w in _words(rest)} & timing)
    if not subject or _held(claim, passage, act, paraphrase=True) < REST_HELD:
        return None
    be = set(_cues()["auxiliary"]["be"]) | {"been", "be", "being"}
    for sentence in sentence_texts(passage) or [passage]:
        tokens = list(_TOKEN.finditer(sentence))
        lower = [t.group(0).lower() for t in tokens]
        for k, word in enumerate(lower):
            if stem(word) not in told_by and word not in told_by:
                continue
            back = lower[max(0, k - RESTATED_REACH - 1):k]
            if not any(w in be for w in back):
                continue
            before = sentence[:tokens[k].start()]
            if not subject <= {t.stem for t in key_terms(before)}:
                continue
            if asks_time and not {stem(w) for w in lower[k + 1:]} & timing:
                continue
            negated = polarity(" ".join(back)).has_negator
            start = passage.find(sentence)
            if start < 0:
                return None
            return ("contradicted" if negated else "supported"), (start, start + len(sentence))
    return None


#: words before an act's word in which a negator negates it ("did not appeal", "never filed an appeal")
NEGATION_REACH = 4
#: words a chance noun may stand before the link to its act ("the period *for Tarrow Bank* to appeal")
CHANCE_REACH = 5
_TOKEN = re.compile(r"[\w'’-]+")


@lru_cache(maxsize=1)
def _lapse() -> tuple[frozenset[str], re.Pattern[str], frozenset[str], frozenset[str]]:
    cues = _cues()["lapse"]
    lapsed = re.compile(r"\b(?:" + alternation(cues["lapsed"]) + r")\b", re.I)
    return frozenset(cues["chances"]), lapsed, frozenset(cues["links"]), frozenset(cues["articles"])


def act_undone(act: str, sentence: str) -> str | None:
    """How ``sentence`` tells the act of a claim's word ``act`` (``PolarQuestion.act``) as not done: "negated" when a
    negator stands within ``NEGATION_REACH`` words before each mention of the act, in its clause ("Orlan Shipping
    never filed an appeal", "The bank did not appeal"; a mention is the act's own word or a synonym of the paraphrase
    lexicon, ``_told``), "lapsed" when each mention is the act of a chance that lapsed (``polar_questions.toml`` [lapse]: "The window to appeal the
    ruling has closed", "The period for an appeal lapsed in July"); None when a mention tells it otherwise (done:
    "Veska Air appealed the ban days before the deadline expired") or none names it. A sentence with both a lapse and
    a negation is "negated"."""
    terms = key_terms(act) if act else []
    if not terms:
        return None
    chances, lapsed, links, articles = _lapse()
    has_lapse = lapsed.search(sentence) is not None
    pieces, at = [], 0
    for part in _clauses(sentence):
        start = sentence.find(part, at)
        pieces.append((start, start + len(part)))
        at = start + len(part)
    tokens = list(_TOKEN.finditer(sentence))
    undergoers = _undergoer_nouns(act)
    # a mention inside an embedded question is left open by its sentence, whatever negates the verb that asks it
    # ("he had not decided whether to appeal" tells no appeal as not done: the negator is the deciding's)
    asked_open = open_question_spans(sentence)
    kinds = []
    for k, tok in enumerate(tokens):
        have = {stem(tok.group(0))}
        if any(a <= tok.start() < b for a, b in asked_open):
            continue
        if not any(_told(t, have) for t in terms):
            if not have & undergoers:
                continue
            # an undergoer noun is told by the verb it is named with: "had not been *named* as a defendant"
            k = _before_as(tokens, k, articles)
            tok = tokens[k]
        # negated by a negator just before the act's word, in its clause ("did not appeal", "never filed an
        # appeal", "had not been named as a defendant": an article is not counted in the reach), not by one
        # governing another verb ("does not plan to retract … its stricter controls")
        clause_start = next((a for a, b in pieces if a <= tok.start() < b), 0)
        first, counted = k, 0
        while first > 0 and counted < NEGATION_REACH:
            first -= 1
            counted += tokens[first].group(0).lower() not in articles
        near = tokens[first:k]
        reach = sentence[max(clause_start, near[0].start() if near else tok.start()):tok.end()]
        if polarity(reach).has_negator or _negative_subject(sentence[clause_start:tok.start()]):
            kinds.append("negated")
            continue
        back = [t.group(0).lower() for t in tokens[max(0, k - CHANCE_REACH - 2):k]]
        while back and back[-1] in articles:
            back.pop()
        # the chance noun just before the link, or a few words before it ("the period for Tarrow Bank to appeal")
        if has_lapse and len(back) >= 2 and back[-1] in links and chances & set(back[-CHANCE_REACH - 1:-1]):
            kinds.append("lapsed")
            continue
        kinds.append(None)
    if not kinds or None in kinds:
        return None
    return "negated" if "negated" in kinds else "lapsed"


@lru_cache(maxsize=1)
def _negative_subject_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    cues = _cues()["negative_subject"]
    return (frozenset(cues["determiners"]), frozenset(cues["auxiliaries"]), frozenset(cues["predicate_articles"]),
            int(cues["predicate_reach"]))


def _negative_subject(before: str) -> bool:
    """Whether ``before``, a clause up to its act's word, is a subject opening with a negative determiner and the
    passive auxiliary of that act (``polar_questions.toml`` [negative_subject]): "No licences for shipments to the
    United States were" before "granted"; not "Officials said no licences were" (the determiner opens no clause).
    The act's word may also be the noun a copula predicates of that subject, after its article and a few modifiers
    ("None of the measures is an outright" before "ban": no measure is a ban)."""
    words = [w.lower() for w in _TOKEN.findall(before)]
    determiners, auxiliaries, articles, reach = _negative_subject_cues()
    if len(words) < 3 or words[0] not in determiners:
        return False
    if words[-1] in auxiliaries:
        return True
    at = next((k for k in range(len(words) - 1, max(0, len(words) - reach - 2), -1) if words[k] in articles), None)
    return at is not None and at >= 2 and words[at - 1] in auxiliaries and not set(words[at + 1:]) & auxiliaries


def _before_as(tokens: Sequence[re.Match[str]], k: int, articles: frozenset[str]) -> int:
    """The index of the word a noun at ``tokens[k]`` is named with by "as" ("named *as a* defendant": the index of
    "named"), articles between aside; ``k`` itself when no "as" stands before it."""
    j = k - 1
    while j > 0 and tokens[j].group(0).lower() in articles:
        j -= 1
    return j - 1 if j > 0 and tokens[j].group(0).lower() == "as" else k


#: the mark ``PolarAnswer.missing`` ends with when the sources tell the asked act only as intended
#: (``abstention_text.partial_message`` then says they report it only as intended or announced, not as done)
INTENDED = " (told only as intended)"
#: ... and only as possible: hinted, suspected, "may have" (``partial_message`` then says they report it only as
#: possible, not as confirmed)
POSSIBLE = " (told only as possible)"
#: the mark for each outcome of an act told as not done (``intent_kind``)
UNDONE_MARKS = {"planned": INTENDED, "possible": POSSIBLE}
#: tokens after an intent cue that it governs, and how many content words among them (as the checker's modality
#: signal reads its cues, ``rag.support.modality``: "plans to soon file", "is considering filing")
INTENT_REACH = 4
INTENT_VERBS = 2
#: tokens before an intent cue a word opening an open question may stand ("whether Malaysia and Thailand will")
QUESTION_REACH = 6
#: tokens of the clause a possibility frame governs (a hedging report verb, a phrase of [intent] ``possibility``):
#: every content word of it, up to a punctuation mark or a clause opener ("have hinted that sensitive materials
#: had been illegally transferred to North Korea")
FRAME_REACH = 12
#: tokens an apposition between a frame's subject and its verb may hold ("suggested that Jack Ma, founder of Alibaba
#: and owner of AliExpress, relocated to Japan"): it is read past, not counted in ``FRAME_REACH``
APPOSITION_REACH = 10
#: tokens before a frame that closes its sentence in which the comma ending the clause it tells may stand ("…,
#: according to unconfirmed reports.", "…, reports suggested.")
CLOSING_REACH = 3


@dataclass(frozen=True)
class _Cue:
    """An intent cue as ``_cue_at`` finds it: its length in tokens, the ``kind`` of act it tells ("planned" or
    "possible") and whether it is a ``frame`` governing the clause after it."""

    length: int
    kind: str
    frame: bool = False


@lru_cache(maxsize=1)
def _intent_cues() -> dict[str, tuple[tuple[tuple[str, ...], str, bool], ...]]:
    """The cues that tell an act as not done, as token sequences by their first token, longest first, each with its
    kind and whether it is a frame: the checker's modality cues (``modality_cues.txt``, read as they are) and
    ``polar_questions.toml`` [intent] ``cues`` (vows, pledges, threats …) tell it *planned*; its possibility cues
    (``modality_strength.toml``'s ``possible`` less [intent] ``weighed``, ``modality_scope.toml``'s ``epistemic``)
    tell it *possible*, and so do the frames of [intent] ``possibility`` ("raised the possibility", "did not rule
    out", "is suspected") and ``reported`` ("reportedly", "allegedly", "is said to", "according to unconfirmed
    reports")."""
    from rag.text.lexicon import word_list

    intent = _cues()["intent"]
    weighed = set(intent["weighed"])
    possible = {c for c in (*table("modality_strength")["possible"], *table("modality_scope")["epistemic"])
                if c not in weighed}
    cues: dict[tuple[str, ...], tuple[str, bool]] = {}
    for c in (*word_list("modality_cues"), *intent["cues"], *possible):
        cues[tuple(c.split())] = ("possible" if c in possible else "planned", False)
    for c in (*intent["possibility"], *intent["reported"]):
        cues[tuple(c.split())] = ("possible", True)
    index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for c, (kind, frame) in sorted(cues.items(), key=lambda item: len(item[0]), reverse=True):
        index.setdefault(c[0], []).append((c, kind, frame))
    return {w: tuple(cs) for w, cs in index.items()}


@lru_cache(maxsize=1)
def _report_hedges() -> frozenset[str]:
    """The checker's hedging report verbs (``modality_scope.toml``'s ``report_hedges``: "hint", "suggest", "allege"
    …), as predicate lemmas."""
    from rag.support.polarity import predicate_lemma

    return frozenset(predicate_lemma(v) for v in table("modality_scope")["report_hedges"])


def _cue_at(tokens: Sequence[str], at: int) -> _Cue | None:
    """The (longest) intent cue starting at ``tokens[at]``, or a hedging report verb there said as done or after a
    perfect auxiliary ("hinted", "have suggested", "alleged": a frame telling its clause as possible, as the checker
    reads one); None when there is neither."""
    from rag.support.modality import done_form
    from rag.support.polarity import predicate_lemma

    t = tokens[at]
    for c, kind, frame in _intent_cues().get(t, ()):
        if tuple(tokens[at:at + len(c)]) == c:
            return _Cue(len(c), kind, frame)
    if (t[:1].isalpha() and predicate_lemma(t) in _report_hedges()
            and (done_form(t) or (at and tokens[at - 1] in ("has", "have", "had")))):
        return _Cue(1, "possible", True)
    return None


def _apposition_end(tokens: Sequence[str], comma: int, start: int) -> int | None:
    """The index of the comma closing an apposition that opens at ``tokens[comma]`` (a comma) between the subject of
    the clause starting at ``start`` and its verb ("that Jack Ma *, founder of Alibaba and owner of AliExpress ,*
    relocated", "that Beijing *, angered by the audit ,* detained"); None when the comma opens none. The clause
    before the comma is its subject alone (words, no done verb form or auxiliary: "that prices rose, …" ends there);
    the apposition is at most ``APPOSITION_REACH`` words, none an auxiliary or a clause opener ("Seoul, which had
    vowed to …," is a clause of its own), closed by a comma a word follows. (A done form inside it is a participle
    of the subject, and is not governed: "the executives, detained in March, were released" tells the detention
    done.)"""
    from rag.support.modality import done_form

    aux = _cues()["auxiliary"]
    verbs = {*aux["be"], *aux["have"], *aux["modal"], *aux["do"]}
    stops = verbs | set(_cues()["clauses"]["openers"])
    subject = tokens[start:comma]
    if not any(t[:1].isalpha() and t not in stops for t in subject) or any(done_form(t) or t in verbs for t in subject):
        return None
    for end in range(comma + 1, min(len(tokens), comma + 2 + APPOSITION_REACH)):
        t = tokens[end]
        if t == ",":
            return end if end > comma + 1 and end + 1 < len(tokens) and tokens[end + 1][:1].isalpha() else None
        if not t[:1].isalpha() or t in stops:
            return None
    return None


def _frame_clause(tokens: Sequence[str], after: int) -> list[int]:
    """The word tokens of the clause a frame ending at ``after`` governs: up to ``FRAME_REACH`` words after it, to a
    punctuation mark or a clause opener (its own "that" aside). A comma right after the frame is read past
    ("According to unconfirmed reports, Samsung bought …"), and so is one apposition between the clause's subject and
    its verb (``_apposition_end``)."""
    openers = set(_cues()["clauses"]["openers"])
    start = after + 1 if after < len(tokens) and tokens[after] == "," else after
    clause: list[int] = []
    j, read_past = start, False
    while j < len(tokens) and len(clause) < FRAME_REACH:
        t = tokens[j]
        if t == "," and not read_past and (end := _apposition_end(tokens, j, start)) is not None:
            j, read_past = end + 1, True
            continue
        if not t[:1].isalpha() or (j > start and t in openers):
            break
        clause.append(j)
        j += 1
    return clause


def _closed_clause(tokens: Sequence[str], at: int) -> list[int]:
    """The word tokens of the clause a frame at ``tokens[at]`` closes: a frame after a comma (within
    ``CLOSING_REACH`` tokens) at the end of its sentence tells the clause before the comma ("Samsung bought the
    startup, according to unconfirmed reports."), back to the sentence's start or a semicolon; [] for a frame that
    closes nothing."""
    comma = next((k for k in range(at - 1, max(-1, at - 1 - CLOSING_REACH), -1) if tokens[k] == ","), None)
    if comma is None or any(not t[:1].isalpha() for t in tokens[comma + 1:at]):
        return []
    first = comma
    while first > 0 and tokens[first - 1] not in (".", ";", "!", "?", ":"):
        first -= 1
    return [j for j in range(first, comma) if tokens[j][:1].isalpha()]


def intent_kind(claim: str, sentence: str) -> str | None:
    """How ``sentence`` tells the completed act ``claim`` states ("Seoul filed a complaint with the WTO": a verb in a
    past or participle form, the checker's reading of a done verb) when it tells it only as not done: "planned"
    (intended, announced, threatened or weighed: "Seoul plans to file a complaint", "… said it would file …", "… is
    considering filing …") or "possible" (hinted, suspected or allowed: "… may have filed …", "… could have filed
    …", "Abe hinted that Seoul had filed …", "… is suspected of filing …", "… did not rule out that Seoul filed …");
    None when it tells it done, or not at all. An intent cue (``_intent_cues``, ``_cue_at``) governs the act's verb
    (its lemma among the first ``INTENT_VERBS`` content words within ``INTENT_REACH`` tokens after the cue; a frame:
    among the content words of the clause after it, ``FRAME_REACH`` tokens at most); the cue nearest the verb tells
    its kind ("will likely file": possible; "hinted that Seoul plans to file": planned), and an act told as possible
    anywhere makes the sentence's kind "possible". No negator stands in the cue's reach or the two tokens before it
    ("will not file", "does not plan to file" are refusals, the contrary), and the sentence does not also tell the act
    done outside any cue ("Seoul, which had vowed to file a complaint, filed it on Monday"). None for a claim that
    plans or hedges itself ("Seoul will file …", "Abe hinted that …") or states no done act ("The rule covers memory
    chips")."""
    from rag.support.lexicon import NEGATORS, STOPWORDS
    from rag.support.modality import done_form  # the checker's own reading of a done verb form
    from rag.support.polarity import polarity_tokens, predicate_lemma

    ct = polarity_tokens(claim)
    if any(_cue_at(ct, i) for i in range(len(ct))):
        return None
    # the claim's done verbs, not a name read as one ("United", "Limited")
    lower = {w.lower() for w in re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", claim)}
    acts = {predicate_lemma(t) for t in ct if t in lower and t not in STOPWORDS and done_form(t)}
    if not acts:
        return None
    tokens = polarity_tokens(sentence)
    governed: dict[int, str] = {}  # token -> the kind of the nearest cue governing it (a later cue is nearer)
    for i in range(len(tokens)):
        cue = _cue_at(tokens, i)
        if cue is None:
            continue
        after = i + cue.length
        clause = list(range(after, min(len(tokens), after + INTENT_REACH)))
        # a frame's clause ends at a punctuation mark or a clause opener (an apposition read past); a frame closing
        # its sentence tells the clause before it, where a cue of that clause stays the nearer ("Seoul plans to
        # file …, according to unconfirmed reports": planned)
        closing = False
        if cue.frame:
            clause = _frame_clause(tokens, after)
            if not clause:
                clause, closing = _closed_clause(tokens, i), True
        # a refusal is no intent ("will not file", "does not plan to retract", "has no plans to …"), nor is an
        # open question ("The uncertainty is whether Malaysia will tighten its rules": [intent] questions)
        if any(tokens[j] in NEGATORS for j in (*range(max(0, i - 2), i), *clause)) or any(
                tokens[j] in _cues()["intent"]["questions"] for j in range(max(0, i - QUESTION_REACH), i)):
            continue
        found = 0
        for j in clause:
            if not tokens[j][:1].isalpha():
                break
            if tokens[j] in STOPWORDS:
                continue
            governed[j] = governed.get(j, cue.kind) if closing else cue.kind
            found += 1
            if found == INTENT_VERBS and not cue.frame:
                break
    kinds = {kind for j, kind in governed.items() if predicate_lemma(tokens[j]) in acts}
    if not kinds or any(j not in governed and done_form(t) and predicate_lemma(t) in acts
                        for j, t in enumerate(tokens)):
        return None
    return "possible" if "possible" in kinds else "planned"


def intent_only(claim: str, sentence: str) -> bool:
    """Whether ``sentence`` tells the completed act ``claim`` states only as not done: intended, announced or
    weighed, or only possible (``intent_kind`` is not None)."""
    return intent_kind(claim, sentence) is not None


def negates_act(claim: str, act: str, window: str) -> bool:
    """Whether a sentence of ``window`` tells the act of ``claim`` (its word ``act``) as not done, of the claim's own
    story (``_bears_act``): its act told negated or lapsed (``act_undone``), or a negative word in the clause that
    names it ("declined to appeal"); not a mention left open inside an embedded question ("had not decided whether
    to appeal"), nor a negation of another clause's verb ("…, though the company did not comment")."""
    for sentence in sentence_texts(window) or [window]:
        if not names_act(act, sentence) or not _bears_act(claim, act, sentence):
            continue
        if act_undone(act, sentence) is not None:
            return True
        closed = sentence
        for a, b in sorted(open_question_spans(sentence), reverse=True):
            closed = closed[:a] + closed[b:]
        if any(names_act(act, part) and polarity(part).has_negative for part in _clauses(closed)):
            return True
    return False


def _claim_sentence(claim: str, window: str) -> str:
    """The sentence of ``window`` that holds the most of ``claim``'s act and object (``_held`` with ``NAMES``)."""
    parts = sentence_texts(window) or [window]
    return max(parts, key=lambda part: _held(claim, part, NAMES))


def _clauses(sentence: str) -> list[str]:
    """``sentence`` cut before each word that opens a clause inside it (``polar_questions.toml`` [clauses]), the
    first piece first; the sentence itself when none does."""
    words = "|".join(re.escape(w) for w in _cues()["clauses"]["openers"])
    pieces = re.split(rf"(?i)(?<=[\s,;])(?=(?:{words})\b)", sentence)
    return [p for p in pieces if p.strip()] or [sentence]


def judge(claim: str, passages: Sequence[str], checker: Any, *, published: Sequence[str | None] | None = None,
          readings: Sequence[bool] | None = None, claims: Sequence[str | None] | None = None, act: str = "") -> Verdict:
    """The sources' verdict on ``claim``: each passage is checked alone (``checker.check_many``, a
    ``SupportChecker``); the best-scored one the checker supports (with probability ≥ ``YES_PROBABILITY`` or in a
    sentence holding ``REST_HELD`` of the claim's key terms) makes it "supported"; else a passage that settles it in
    other words (``answer_settled.settled``: a denial told by another verb, a search that found nothing) decides; else
    the passage whose checker reason shows the contrary (``contrary``) with the most of the claim held makes it
    "contradicted"; else "unknown".
    ``readings``: which passages are read for the claim, not as the source's own statement of it (a list sentence
    cut to its member, ``member_passage``; a speaker's own sentence read against what they said, ``spoken_claim``):
    they may support the claim, never state its contrary. A claim of what someone said
    (``reported_speech``) is contradicted only in a window naming that speaker. A word a passage marks "[sic]" is read
    as the claim's word it misspells (``rag.text.editorial.sic_reading``: "most [sic] improve" for "must improve");
    the verdict's span is in the passage as written. ``claims``: what each passage is read against when it is not
    ``claim`` itself (None: ``claim``): a sentence of the claim's speaker's own piece is read against what the claim
    says they said (``spoken_claim``). A passage whose sentence tells the claim's done act only as intended
    (``intent_only``: "Seoul plans to file a complaint with the WTO" for "Seoul filed a complaint with the WTO")
    neither supports nor contradicts it; when no other passage decides, the one of them holding the most of the claim
    (``REST_HELD`` at least, in paraphrase) makes it "planned", or "possible" when it tells the act only as possible
    ("Abe hinted that there might have been illegal transfers": ``intent_kind``).
    ``act``: the claim's word that tells its act (``PolarQuestion.act``): a passage the checker supports is a "Yes"
    only when its sentence tells that act (``tells_claim_act``), not when it holds the claim's names and object around
    another act ("KISA has postponed a decision on a cloud security certification for Alibaba Cloud" for "KISA has
    approved Alibaba Cloud's certification"; a list read for its member, "The ban covers cameras from Dahua", for
    "Dahua responded to the camera ban"); a speaker's own sentence read against what they said is read without it."""
    if not passages:
        return Verdict("unknown")
    days = list(published) if published is not None else [None] * len(passages)
    derived = list(readings) if readings is not None else [False] * len(passages)
    asked = [c or claim for c in claims] if claims is not None else [claim] * len(passages)
    # a word the source marks "[sic]" is read as the claim's word it misspells; the mark is no content
    read = [sic_reading(p, _words(c)) for p, c in zip(passages, asked)]
    passages = [r.text for r in read]
    # the claim itself (not a reading of it for a speaker's sentence), with a person's full name read as the surname
    # the passage names them by ("Derek Hallam" against "Hallam pleaded guilty …": surname_reading)
    own = [c == claim for c in asked]
    asked = [surname_reading(c, p) if o else c for c, p, o in zip(asked, passages, own)]
    results = checker.check_many([(c, [p]) for c, p in zip(asked, passages)], published=published)
    # a sentence telling the asked act only as intended ("Seoul plans to file …") is no "Yes" to "Seoul filed …"
    # (or only as possible: "Abe hinted that there might have been illegal transfers" for "… transferred …")
    everything = " ".join(passages)  # where a claim's name may be told apart from another party's act
    intended = [intent_kind(asked[i], _claim_sentence(asked[i], r.best_sentence or passages[i])) if r.spans else None
                for i, r in enumerate(results)]
    supported = [(r.score, i) for i, r in enumerate(results)
                 if (r.supported or (own[i] and whole_claim_told(asked[i], act, r))) and r.spans and not intended[i]
                 and _affirms(asked[i], r.best_sentence or passages[i], passages[i], act if own[i] else "")
                 and tells_claim_act(act if own[i] else "", r.best_sentence or passages[i], asked[i])
                 and not (own[i] and another_party(asked[i], act, r.best_sentence or passages[i], everything))
                 and not (own[i] and act and apposition_only(asked[i], r.best_sentence or passages[i]))
                 and (r.score >= YES_PROBABILITY or _holds_event(asked[i], r.best_sentence or ""))]
    # a sentence that tells the act as not done for any member of a class the claim's object belongs to ("the order
    # does not name any country" for "Norway named Vietnam in the order": ``denied_for_class``) is the "No", unless a
    # supporting sentence tells the act by its own word: it outweighs a sentence holding the claim's names around
    # another act, and a name the checker reads in place of the claim's ("Norway widened its tariff order")
    denial = next(((i, found) for i, p in enumerate(passages) if act and not derived[i] and not intended[i]
                   and own[i] and (found := denied_for_class(asked[i], act, p, everything)) is not None), None)
    if denial is not None:
        supported = [(score, i) for score, i in supported
                     if _act_at(act, _words(results[i].best_sentence or passages[i]), asked[i]) is not None]
    # ... and so is a sentence of the claim's story telling the act as not done by the act's own word ("None of the
    # measures is an outright ban" for "Japan banned exports of …"): it outweighs a sentence telling the act only by
    # a word of its family ("added … tools to its export control list": ``own_word_undone``)
    # (a copular claim's noun predicate is its act here: "None of the measures is an outright ban" for "the rule is
    # a ban on …": ``predicate_noun``)
    told_act = act or predicate_noun(claim)
    undone = next(((i, found) for i, p in enumerate(passages) if told_act and own[i] and not derived[i]
                   and not intended[i] and (found := own_word_undone(asked[i], told_act, p)) is not None), None)
    if undone is not None and supported:
        supported = [(score, i) for score, i in supported
                     if _own_word(told_act, results[i].best_sentence or passages[i]) and not negates_act(
                         asked[i], told_act, results[i].best_sentence or passages[i])]
        if not supported:  # (with no "Yes" to outweigh, the checker's contrary and ``negated_act`` read as before)
            i, (start, end) = undone
            return Verdict("contradicted", i, read[i].source_span(start, end), float(results[i].score),
                           ("negated act: the story tells the act as not done by its own word",))
    # an obligation the sources state only under a condition or as one of two acts is neither "Yes" nor "No": the
    # answer says what is required, with its condition (``conditional_obligation``); also when the checker supports
    # the claim from that very sentence, or from its reading for one of its acts ("Operators must replace equipment
    # …" cut from "… must verify or replace …": ``member_passage``)
    condition = next(((i, found) for i, p in enumerate(passages) if own[i] and not derived[i] and not intended[i]
                      and (found := conditional_obligation(asked[i], p)) is not None), None)
    if condition is not None and any(own[i] and not derived[i] and outright_obligation(asked[i], p)
                                     for i, p in enumerate(passages)):
        condition = None  # the asked obligation is stated outright by its own verb: the condition is another act's
    if supported and condition is not None:
        k, (start, end) = condition
        stated = {t.stem for t in key_terms(passages[k][start:end])}
        supported = [(score, i) for score, i in supported
                     if _states_other_obligation(results[i].best_sentence or passages[i], stated)]
    if supported:
        _, i = max(supported)
        return _decided("supported", i, results[i], read[i])
    if condition is not None:
        i, (start, end) = condition
        return Verdict("conditional", i, read[i].source_span(start, end), float(results[i].score),
                       ("conditional: the passage states the obligation under a condition or with an alternative",))
    if denial is not None:
        i, (start, end) = denial
        return Verdict("contradicted", i, read[i].source_span(start, end), float(results[i].score),
                       ("class denial: the passage tells the act as done to no member of the class",))
    # ... or a source settles it in words of its own the checker does not match: a denial told by another verb
    # ("They have rejected suggestions that …" for "Japan has denied that …"), a search that found no sign of the
    # thing ("… found no sign of illegal transactions" for "South Korea found illegal transfers …"): answer_settled.
    # Read before the checker's contrary: a sentence that settles the very claim outweighs the checker's reading of
    # another act as its contrary ("… does not plan to retract its stricter controls" is no "No" to "Japan denied that
    # its export curbs were driven by historical issues" when "They have rejected suggestions that the move was …")
    for i, p in enumerate(passages):
        found = None if derived[i] or intended[i] else settled(asked[i], p)
        if found is not None:
            outcome, (start, end) = found
            return Verdict(outcome, i, read[i].source_span(start, end), float(results[i].score),
                           (f"settled in other words: {outcome}",))
    # what someone said is contradicted only by their own words: another's ("Japan said it does not plan to retract
    # its controls") is no "No" to "Hosokawa said Japan should abandon export controls"
    speech = reported_speech(claim)
    # ... and a sentence telling the act only as intended states no contrary of it being done either ("Seoul would be
    # forced to take countermeasures" is no "No" to "Moon took countermeasures against Japan")
    against = [(held, i) for i, r in enumerate(results) if not derived[i] and not intended[i] and r.spans
               and (speech is None or same_person(speech[0], r.best_sentence or ""))
               and (held := contrary(asked[i], r, published=days[i], act=act if own[i] else "")) is not None
               # another party's act in the place of a name the passage tells apart is neither the claim's "Yes" nor
               # its "No" ("… granted a permit to Vantor Rail. The regulator postponed its decision on Kestrel
               # Freight's application" for "… granted Kestrel Freight a permit"): what it says of the asked party is
               # quoted
               and not (own[i] and _VALUE.match(r.reasons[0]) and _VALUE.match(r.reasons[0]).group("kind")
                        == "entity" and another_party(asked[i], act, r.best_sentence or "", everything))
               and (not (role := _ROLE.match(r.reasons[0])) or _swap_holds(asked[i], role.group("verb"), passages[i],
                                                                           checker, published, i))]
    # ... or a passage of the claim's story whose own sentence tells the claim's act as not done, which the checker
    # read past for the sentence holding more of the claim ("The period for an appeal lapsed in July. The bank did
    # not appeal." for "Tarrow Bank appealed the penalty"): that sentence is the "No" (``negated_act``)
    if against:
        _, i = max(against)
        # the checker's contrary lacks a value of the claim ("China approved export licences for 41 tonnes …" for
        # "… licences for shipments to the United States …"): a sentence telling the very act as not done that holds
        # that value decides the "No" ("No licences for shipments to the United States were granted in October",
        # s67), the rest of the claim held by the two together (``negated_value``)
        found = negated_value(asked, passages, results[i], act,
                              [own[k] and not derived[k] and not intended[k] for k in range(len(passages))])
        if found is None or speech is not None:
            return _decided("contradicted", i, results[i], read[i])
        k, span = found
        return Verdict("contradicted", k, read[k].source_span(*span), float(results[k].score),
                       ("negated act: the passage tells the claim's act, with the value the contrary lacks, as not "
                        "done",))
    if act and speech is None:
        for i, p in enumerate(passages):
            found = None if derived[i] or intended[i] or not own[i] else negated_act(asked[i], act, p)
            if found is not None:
                return Verdict("contradicted", i, read[i].source_span(*found), float(results[i].score),
                               ("negated act: the passage tells the claim's act as not done",))
        # ... or one telling the asked state in other words of the claim's subject ("had been informed … before the
        # announcement" for "knew in advance": ``restated_act``)
        for i, p in enumerate(passages):
            found = None if derived[i] or intended[i] or not own[i] else restated_act(asked[i], act, p)
            if found is not None:
                outcome, span = found
                return Verdict(outcome, i, read[i].source_span(*span), float(results[i].score),
                               (f"restated act: the passage tells the asked state in other words ({outcome})",))
        # ... or one whose later sentence tells the act as done, its names held by the story's lede (``affirmed_act``)
        for i, p in enumerate(passages):
            found = None if derived[i] or intended[i] or not own[i] else affirmed_act(asked[i], act, p)
            if found is not None:
                return Verdict("supported", i, read[i].source_span(*found), float(results[i].score),
                               ("affirmed act: the passage's story tells the claim's act as done",))
    # ... nor is one that tells it only as intended undecided on nothing: it is what the sources say of the act
    # (the shortest such passage: the intent sentence alone, which the answer then quotes, before a joined passage)
    planned = [(held, -len(passages[i]), r.score, i) for i, r in enumerate(results) if intended[i]
               and (held := _held(asked[i], _claim_sentence(asked[i], r.best_sentence or passages[i]), "",
                                  paraphrase=True)) >= REST_HELD]
    if planned:
        *_, i = max(planned)
        return _decided(intended[i], i, results[i], read[i])
    best = max(results, key=lambda r: r.score)
    return Verdict("unknown", score=float(best.score), reasons=tuple(best.reasons))


def _own_word(act: str, sentence: str) -> bool:
    """Whether ``sentence`` holds the act of a claim's word ``act`` by that word's own stem ("ban" for "banned"), not
    only by a synonym or a word of its family ("control")."""
    own = {t.stem for t in key_terms(act)} or {stem(act.lower())}
    return bool(own & {stem(w.lower()) for w in _TOKEN.findall(sentence)})


def own_word_undone(claim: str, act: str, passage: str) -> tuple[int, int] | None:
    """(start, end) in ``passage`` of its sentence that tells the act of ``claim`` (its word ``act``) as not done
    by the act's own word (``act_undone`` "negated" and ``_own_word``: "None of the measures is an outright ban" for
    "Japan banned exports of wafer cleaning tools"), of the claim's story (``_bears_act``), when the passage holds
    ``REST_HELD`` of the claim's key terms in paraphrase; None otherwise, and for a negated claim. Unlike
    ``negated_act``, another sentence of the passage telling the act by a word of its family ("added … to its export
    control list") does not keep it from deciding: the act's own word told negated is the more exact."""
    if not act or polarity(claim).has_negator or _held(claim, passage, "", paraphrase=True) < REST_HELD:
        return None
    for sentence in sentence_texts(passage) or [passage]:
        if (_own_word(act, sentence) and _bears_act(claim, act, sentence) and not apposition_only(claim, sentence)
                and act_undone(act, sentence) == "negated"):
            start = passage.find(sentence)
            return (start, start + len(sentence)) if start >= 0 else None
    return None


@lru_cache(maxsize=1)
def _condition_cues() -> tuple[tuple[tuple[str, ...], ...], re.Pattern[str], frozenset[str], int]:
    cues = _cues()["condition"]
    obligations = tuple(sorted((tuple(w.split()) for w in cues["obligations"]), key=len, reverse=True))
    conditions = re.compile(r"(?i)(?<![\w'’-])(?:" + alternation(cues["conditions"]) + r")(?![\w'’-])")
    return obligations, conditions, frozenset(cues["alternatives"]), int(cues["alternative_reach"])


def _obligation_at(lower: Sequence[str]) -> tuple[int, int] | None:
    """(start, end) of the first obligation cue (``[condition].obligations``: "must", "have to") in the lower-case
    words ``lower``, or None."""
    obligations = _condition_cues()[0]
    for k in range(len(lower)):
        for cue in obligations:
            if tuple(lower[k:k + len(cue)]) == cue:
                return k, k + len(cue)
    return None


#: the share of a supporting window's key terms a conditional obligation's sentence must hold to be that window's
#: own sentence (the window is the sentence, or its reading for one of its acts)
SAME_SENTENCE = 0.8


def _states_other_obligation(window: str, stated: set[str]) -> bool:
    """Whether ``window`` states an obligation (``[condition].obligations``) in a sentence other than the conditional
    one whose key terms (stems) are ``stated``: one holding less than ``SAME_SENTENCE`` of its terms there. A window
    telling none ("Operators still run thousands of base stations …") or only that one (or its reading for one of its
    acts) is no "Yes" to a question asking whether the obligation holds."""
    for sentence in sentence_texts(window) or [window]:
        mine = {t.stem for t in key_terms(sentence)}
        if (mine and len(mine & stated) < SAME_SENTENCE * len(mine)
                and _obligation_at([w.lower() for w in _TOKEN.findall(sentence)]) is not None):
            return True
    return False


def _base_verb(word: str) -> bool:
    return word.isalpha() and _verb_readings(word)[1] == word


def conditional_obligation(claim: str, passage: str) -> tuple[int, int] | None:
    """(start, end) in ``passage`` of its sentence that states the obligation ``claim`` asks about ("Taiwan's
    operators must stop using Chinese-made equipment": an obligation cue of ``polar_questions.toml`` [condition])
    under a condition or as one of two acts ("Under the rule, operators must verify or replace equipment from vendors
    designated high-risk …", "Exporters must apply for a licence unless the shipment is below 100 kilograms"): the
    sentence states an obligation too, names a key term of the claim's party (its words before the cue) and one of
    what the claim says is required (its words after the cue), and holds a condition word (``conditions``) or joins
    the obligation's verb to another verb by an alternative (``alternatives``, within ``alternative_reach`` words).
    Such an answer is neither "Yes" nor "No": it says what is required, with its condition. None otherwise, for a
    claim asking no obligation and for a negated one."""
    claim_words = [w.lower() for w in _TOKEN.findall(claim)]
    cue = _obligation_at(claim_words)
    if cue is None or cue[0] == 0 or polarity(claim).has_negator:
        return None
    party = {t.stem for t in key_terms(" ".join(claim_words[:cue[0]]))}
    required = {t.stem for t in key_terms(" ".join(claim_words[cue[1]:]))}
    if not party or not required:
        return None
    for sentence, conditional in _obligations(party, required, passage):
        if conditional:
            start = passage.find(sentence)
            return (start, start + len(sentence)) if start >= 0 else None
    return None


def _obligations(party: set[str], required: set[str], passage: str) -> list[tuple[str, bool]]:
    """(sentence, whether it states its obligation under a condition or as one of two acts) for each sentence of
    ``passage`` that states an obligation (``[condition].obligations``), names one of the stems ``party`` and one of
    ``required``, and negates nothing."""
    _, conditions, alternatives, reach = _condition_cues()
    out = []
    for sentence in sentence_texts(passage) or [passage]:
        lower = [w.lower() for w in _TOKEN.findall(sentence)]
        found = _obligation_at(lower)
        if found is None:
            continue
        have = {t.stem for t in key_terms(sentence)}
        if not (party & have and required & have) or polarity(sentence).has_negator:
            continue
        after = lower[found[1]:found[1] + reach + 1]
        joined_verbs = any(w in alternatives and 0 < j < len(after) - 1 and _base_verb(after[j - 1])
                           and _base_verb(after[j + 1]) for j, w in enumerate(after))
        out.append((sentence, joined_verbs or conditions.search(sentence) is not None))
    return out


def outright_obligation(claim: str, passage: str) -> bool:
    """Whether a sentence of ``passage`` states the obligation ``claim`` asks about outright, by the claim's own
    verb after its obligation cue, with no condition and no alternative act ("Providers must report each verified
    customer to the department within 30 days." for "cloud providers must report each verified customer"): a
    conditional obligation of another act of the same story ("… must verify the identity of foreign customers only
    if …") does not answer it (``conditional_obligation``)."""
    claim_words = [w.lower() for w in _TOKEN.findall(claim)]
    cue = _obligation_at(claim_words)
    if cue is None or cue[0] == 0 or cue[1] >= len(claim_words):
        return False
    party = {t.stem for t in key_terms(" ".join(claim_words[:cue[0]]))}
    required = {t.stem for t in key_terms(" ".join(claim_words[cue[1]:]))}
    verb = stem(claim_words[cue[1]])
    for sentence, conditional in _obligations(party, required, passage):
        lower = [w.lower() for w in _TOKEN.findall(sentence)]
        found = _obligation_at(lower)
        if not conditional and found is not None and found[1] < len(lower) and stem(lower[found[1]]) == verb:
            return True
    return False


def negated_value(asked: Sequence[str], passages: Sequence[str], contrary: Any, act: str,
                  usable: Sequence[bool]) -> tuple[int, tuple[int, int]] | None:
    """(passage index, span) of the sentence that tells the claim's act as not done with the value the checker's
    ``contrary`` window lacks (its reason ``_VALUE``: "entity 'United States' not in cited text"), of the
    ``usable`` passages; that sentence and the contrary's window together hold ``REST_HELD`` of the claim
    (``negated_act`` with ``context``: "No licences for shipments to the United States were granted in October"
    names neither China nor dysprosium, which "China approved export licences for 41 tonnes of dysprosium …" of the
    same story does); None when ``act`` is empty, the contrary is no missing value, or no sentence tells it so."""
    m = _VALUE.match(contrary.reasons[0]) if act and contrary.reasons else None
    if m is None:
        return None
    value, window = m.group("value").lower(), contrary.best_sentence or ""
    for i, p in enumerate(passages):
        span = negated_act(asked[i], act, p, context=window) if usable[i] else None
        if span is not None and value in p[span[0]:span[1]].lower():
            return i, span
    return None


def whole_claim_told(claim: str, act: str, result: Any) -> bool:
    """Whether a checker ``result`` (``SupportResult``) the checker leaves below its threshold only by probability
    (its one reason "weak support", no concern of a contrary) still tells the whole ``claim``: its sentence holds
    every key term of the claim (``_held`` 1.0) and there is an act to tell (``act``, ``PolarQuestion.act``; the
    judge then asks that a clause tells it, ``tells_claim_act``). The asked act told in another verb form in a later
    clause of a long sentence ("METI said … the reviews were 'routine checks on end-use' prompted by a rise in
    re-exports …, and denied that any restriction had been imposed" for "METI denied imposing a restriction") is
    scored low by the checker's similarity over the whole sentence, though each word of the claim is there. A reason
    "changed from the supporting sentence" counts as weak too when every word it names is a claim word the sentence
    holds in another form (the gerund "blocking" of "… denied blocking the shipment" against "… denied that the
    shipment had been blocked"): the same lemma, read by the key terms' stems."""
    if not act or not result.best_sentence or len(result.reasons) != 1:
        return False
    reason = result.reasons[0]
    if not reason.startswith("weak support"):
        changed = _CHANGED.match(reason)
        if not changed:
            return False
        words = re.findall(r"[^\W\d_][\w'’-]*", changed.group(1).replace(" for ", " "))
        claim_stems = {t.stem for t in key_terms(claim)}
        sentence_stems = {t.stem for t in key_terms(result.best_sentence)}
        if not words or not all(stem(w.lower()) in claim_stems & sentence_stems for w in words):
            return False
    return _held(claim, result.best_sentence, "") >= 1.0 and _act_told_outright(claim, act, result.best_sentence)


def _act_told_outright(claim: str, act: str, sentence: str) -> bool:
    """Whether ``sentence`` tells the claim's act as its own statement: a word of it tells the act (``_act_at``),
    not as the infinitive of a request or aim ("… asked the agency to deny revoking the licence"), and the sentence
    denies nothing the claim does not ("… denied that the shipment had been blocked" tells no "Yes" to "the ministry
    blocked the shipment": a denial verb of ``settled_in_other_words.toml``, read by its verb lemma)."""
    from rag.writers.answer_settled import denial_verbs, verb_lemma

    words = _words(sentence)
    at = _act_at(act, words, claim)
    if at is None or (at and words[at - 1].lower() == "to"):
        return False
    denials = denial_verbs()
    claimed = {verb_lemma(w) for w in _words(claim)}
    return not any(lemma in denials and lemma not in claimed for w in words if (lemma := verb_lemma(w)))


def _holds_event(claim: str, window: str) -> bool:
    """Whether ``window`` holds ``REST_HELD`` of ``claim``'s key terms, as written or, when every word of its act and
    object is told there in the source's own words (``_told``: "South Korea has summoned a Japanese embassy official
    to *protest* …" tells "Seoul *objected*"), in paraphrase. A paraphrase of the names and the object alone is not
    enough: "The export restrictions cover …" after "Japan … South Korea" holds "Tokyo scrapped its curbs on exports
    to South Korea" but for its act."""
    if _held(claim, window, "") >= REST_HELD:
        return True
    return _held(claim, window, NAMES, paraphrase=True) >= 1.0 and _held(claim, window, "", paraphrase=True) >= REST_HELD


def names_act(act: str, sentence: str) -> bool:
    """Whether ``sentence`` names the act of a claim's word ``act`` (``PolarQuestion.act``), affirmed or negated: by
    its stem, a synonym of the paraphrase lexicon (``_told``) or a word of its act family (``answer_act.tells_act``):
    "The men did not appeal." names "appealed"; "A court sentenced three men …" does not. False for no act."""
    from rag.writers.answer_act import tells_act

    terms = key_terms(act) if act else []
    have = _act_stems(sentence, terms)
    return any(_told(t, have) or tells_act(have, t.stem) for t in terms) or bool(have & _undergoer_nouns(act))


@lru_cache(maxsize=64)
def _undergoer_nouns(act: str) -> frozenset[str]:
    """The stems of the nouns naming the party the act of a claim's word ``act`` is done to (``polar_questions.toml``
    [undergoer]: "defendant" for "charged", "indicted"): a sentence telling that a party is not one tells the act as
    not done to it. Empty for an act the table does not list."""
    own = {t.stem for t in key_terms(act)} if act else set()
    return frozenset(stem(noun) for verb, nouns in _cues()["undergoer"].items() if stem(verb) in own for noun in nouns)


def apposition_only(claim: str, sentence: str) -> bool:
    """Whether one of ``claim``'s party names (``_party_names``) stands in ``sentence`` only inside appositions as
    another's employer or owner: each mention in a comma-delimited stretch opening with a word of
    ``polar_questions.toml`` [apposition] ``openers`` ("a", "the former") after a comma, with one of its ``links``
    ("of", "at") before the name ("Investigators said the organiser, Jonas Weil, a former sales director of Brenner
    Werkzeug, arranged …"). The sentence's act is then told of the person the apposition describes, not of the
    party. False when the name stands outside such a stretch ("Prosecutors charged Brenner Werkzeug, a toolmaker
    …") or is not in the sentence."""
    cues = _cues()["apposition"]
    openers, links = frozenset(cues["openers"]), frozenset(cues["links"])
    pieces = sentence.split(",")
    for _, stems in _party_names(claim):
        mentions = []
        for k, piece in enumerate(pieces):
            words = [w for w in _words(piece) if w[:1].isalnum()]
            lower = [w.lower() for w in words]
            at = next((j for j in range(len(words)) if stem(words[j].lower()) in stems
                       and stems <= {stem(w.lower()) for w in words[j:j + len(stems) + 2]}), None)
            if at is None:
                continue
            mentions.append(k > 0 and bool(lower) and lower[0] in openers and bool(links & set(lower[:at])))
        if mentions and all(mentions):
            return True
    return False


def _agent_noun(word_stem: str) -> bool:
    """Whether a key term's stem is an agent noun of a verb the paraphrase lexicon knows: "prosecutor" of
    "prosecute", "exporter" of "export" (a base of four letters or more, ``_syn_groups``). The lexicon groups the
    doer with its act, but "Prosecutors said the ringleader … arranged shipments" tells no charge: the noun names who
    acts, not the act done."""
    from rag.support.tokens import _syn_groups

    if not word_stem.endswith(("or", "er")) or len(word_stem) < 6:
        return False
    base = word_stem[:-2]
    return bool(_syn_groups(base) or _syn_groups(stem(base + "e")))


def _act_stems(text: str, terms: Sequence[Any]) -> set[str]:
    """The stems of ``text``'s key terms that may tell an act: all but the agent nouns (``_agent_noun``) that are not
    themselves one of the act's ``terms``."""
    own = {t.stem for t in terms}
    return {t.stem for t in key_terms(text) if t.stem in own or not _agent_noun(t.stem)}


def tells_claim_act(act: str, window: str, claim: str = "") -> bool:
    """Whether ``window`` tells the act of a claim's word ``act`` (``PolarQuestion.act``): by its stem, a synonym of
    the paraphrase lexicon (``_told``) or a word of its act family (``answer_act.tells_act``: "tightened" for
    "restricted"), in a sentence that holds another of the ``claim``'s terms (its actor or object: "Dahua did not
    respond to a request for comment" tells no act of "Hikvision responded to the ban"), in a clause that does not
    negate it when the claim does not (that sentence tells no act of "Dahua responded to the camera ban": its negation
    is the contrary's to read, ``contrary``; "… summoned a Japanese embassy official to protest Abe's suggestion that
    it could not be trusted" tells "summoned"); True for no act, or an act
    word that is no content word ("includes"). A window word that is one of the claim's other terms tells that term,
    not the act: "certification" is the object of "KISA has approved Alibaba Cloud's certification", though the
    paraphrase lexicon groups "certify" with "approve"."""
    from rag.writers.answer_act import tells_act

    terms = key_terms(act) if act else []
    if not terms:
        return True
    own = {t.stem for t in terms}
    others = {t.stem for t in key_terms(claim)} - own
    negated = polarity(claim).has_negator if claim else False
    for sentence in sentence_texts(window) or [window]:
        if others and not others & {t.stem for t in key_terms(sentence)}:
            continue
        for clause in _clauses(sentence):  # a negator of another clause does not count, as in ``_affirms``
            have = _act_stems(clause, terms) - others
            if (negated or not polarity(clause).has_negator) and any(_told(t, have) or tells_act(have, t.stem)
                                                                     for t in terms):
                return True
    return False


def _act_at(act: str, words: Sequence[str], claim: str = "") -> int | None:
    """The index of the first of ``words`` that tells the act of a claim's word ``act`` (its stem, a synonym of the
    paraphrase lexicon, ``_told``, or a word of its act family, ``answer_act.tells_act``; a verb the key terms leave
    out, "named", by its stem alone); None when none does. A word that is one of the ``claim``'s other terms tells
    that term, not the act ("permit" of "… granted Kestrel Freight a permit", though the paraphrase lexicon groups
    it with "grant"), as in ``tells_claim_act``."""
    from rag.writers.answer_act import tells_act

    terms = key_terms(act) if act else []
    if act and not terms:  # a light verb the key terms leave out ("named", "mentioned"): by its stem alone
        own = stem(act.lower())
        return next((k for k, word in enumerate(words) if stem(word.lower()) == own), None)
    others = {t.stem for t in key_terms(claim)} - {t.stem for t in terms}
    for k, word in enumerate(words):
        have = _act_stems(word, terms)
        if have and not have & others and any(_told(t, have) or tells_act(have, t.stem) for t in terms):
            return k
    return None


def _party_names(text: str) -> list[tuple[int, set[str]]]:
    """Each name of ``text`` that may be a party to an act (capitalised words in a row, ``_names``), as (its start,
    its entity stems): not a place ("Korea", "Seoul"), a weekday or a month, whose stems tell no party."""
    out = []
    for start, end in _names(text):
        span = text[start:end]
        for m in reversed(place_mentions(span)):  # "South Korea" is one place
            span = span[:m.start] + " " + span[m.end:]
        words = [w for w in _words(span) if w[:1].isalnum() and not place_of_word(w) and not month_number(w)]
        stems = {stem(w.lower()) for w in words} - _weekday_stems()
        if stems:
            out.append((start, stems))
    return out


def another_party(claim: str, act: str, window: str, passage: str) -> bool:
    """Whether ``window`` tells the act of ``claim``'s word ``act`` (``PolarQuestion.act``) only of another party:
    every sentence of it that tells the act lacks one of the claim's names that ``passage`` (the evidence read for
    the claim: ``judge`` passes all its passages) names elsewhere, and
    names another party on the same side of the act word (its actor before it, its object after it) in that name's
    place. "KISA granted the certification to Tencent Cloud … KISA postponed a decision on Huawei Cloud's
    application" tells no approval of Huawei Cloud's: the act is Tencent's, and the source names Huawei Cloud apart.
    A sentence naming the party by a word of its class ("the company") names no other party; a claim with no act
    is never read so."""
    if not act:
        return False
    have_passage = {t.stem for t in key_terms(passage)}
    claim_words = _words(claim)
    at_claim = _act_at(act, claim_words)
    if at_claim is None:
        return False
    claim_stems = {t.stem for t in key_terms(claim)}
    # the claim's names, each with its side of the act: the words before the act word are its actor's
    before = len(" ".join(claim_words[:at_claim]))
    names = [(start < before, stems) for start, stems in _party_names(claim)]
    if not names:
        return False
    told = False
    for sentence in sentence_texts(window) or [window]:
        words = _words(sentence)
        at = _act_at(act, words, claim)
        if at is None:
            continue
        told = True
        have = {t.stem for t in key_terms(sentence)}
        cut = len(" ".join(words[:at]))
        others = [(start < cut, stems) for start, stems in _party_names(sentence) if stems - claim_stems]
        if not any(not stems <= have and stems <= have_passage and any(side == o_side for o_side, _ in others)
                   for side, stems in names):
            return False
    return told


@lru_cache(maxsize=1)
def _class_groups() -> tuple[tuple[frozenset[str], bool], ...]:
    """The class groups of ``member_classes.toml`` by their stems, each with whether its members are places."""
    place = stem(_cues()["class_denial"]["place_class"])
    groups = (frozenset(stem(w) for w in g) for g in table("member_classes")["groups"])
    return tuple((g, place in g) for g in groups)


def _class_of(word: str) -> tuple[frozenset[str], bool] | None:
    s = stem(word.lower())
    return next((g for g in _class_groups() if s in g[0]), None)


def _denied_class(act: str, sentence: str) -> tuple[frozenset[str], bool] | None:
    """The class (``_class_groups``) over every member of which ``sentence`` tells the act of a claim's word ``act``
    as not done: "does not name any country", "named no company" (``[class_denial]``); None when it tells none."""
    cues = _cues()["class_denial"]
    quantifiers, gap = set(cues["quantifiers"]), int(cues["gap"])
    words = _words(sentence)
    lower = [w.lower() for w in words]
    at = _act_at(act, words)
    if at is None:
        return None
    for q in range(at + 1, min(at + 2 + gap, len(words))):
        if lower[q] not in quantifiers:
            continue
        # "no" negates by itself; "any" only after a negated act ("does not name", "has never named")
        if lower[q] != "no" and not polarity(" ".join(words[max(0, at - 3):at + 1])).has_negator:
            return None
        for k in range(q + 1, min(q + 2 + gap, len(words))):
            found = _class_of(words[k])
            if found is not None:
                return found
        return None
    return None


def denied_for_class(claim: str, act: str, passage: str, context: str = "") -> tuple[int, int] | None:
    """The (start, end) in ``passage`` of a sentence that tells the act of ``claim``'s word ``act`` as not done for
    any member of a class (``_denied_class``: "Officials said the order does not name any country …") when the claim
    asks for that act done to a member of the class (a place for the class of countries, "Vietnam"; a name that is
    no place for the others, "Harlow Freight") or to any of it ("… names any country"), the sentence holds another of
    the claim's terms and the passage (with ``context``, the other passages read for the claim: a sentence opening
    "He said the rule …" is read with the quote before it alone) holds ``REST_HELD`` of the claim's other terms (the
    sentence refers back to its story: "the order"); None otherwise. An affirmative claim only."""
    if not act or polarity(claim).has_negator:
        return None
    claim_words = _words(claim)
    at = _act_at(act, claim_words)
    if at is None:
        return None
    after = " ".join(claim_words[at + 1:])
    lower = [w.lower() for w in claim_words[at + 1:]]
    offset = 0
    for sentence in sentence_texts(passage) or [passage]:
        start = passage.find(sentence, offset)
        offset = start + len(sentence) if start >= 0 else offset
        found = _denied_class(act, sentence)
        if found is None or start < 0:
            continue
        group, is_place = found
        asked = next((f"{w} {claim_words[at + 1 + k + 1]}" for k, w in enumerate(lower[:-1])
                      if w in _cues()["class_denial"]["asked_quantifiers"] and stem(lower[k + 1]) in group), None)
        if asked is None and is_place:
            asked = next((m.surface for m in place_mentions(after) if m.kind in ("names", "capitals")), None)
        elif asked is None:
            names = [after[a:b] for a, b in _names(after)]
            asked = next((n for n in names if not place_mentions(n)), None)
        if asked is None:
            continue
        if _held(claim, f"{passage} {context}", asked, paraphrase=True) >= REST_HELD \
                and any(t.stem in {u.stem for u in key_terms(sentence)} for t in key_terms(claim)
                        if t.stem not in {u.stem for u in key_terms(act)} | {u.stem for u in key_terms(asked)}):
            return start, start + len(sentence)
    return None


def _swap_holds(claim: str, verb: str, passage: str, checker: Any, published: Sequence[str | None] | None,
                i: int) -> bool:
    """Whether the role swap the checker reads (on the verb stem ``verb``) is the contrary of ``claim``: the verb
    stands between the claim's first two names ("South Korea removed Japan ...") and ``passage`` supports the claim
    with those names swapped ("Japan removed South Korea ..."). A verb of another clause ("The FTC fined a Utah
    company for removing tags") is a misreading, not a swap."""
    names = _names(claim)
    if len(names) < 2:
        return False
    (a0, a1), (b0, b1) = names[0], names[1]
    if not any(w.lower().startswith(verb) for w in _words(claim[a1:b0])):
        return False
    swapped = claim[:a0] + claim[b0:b1] + claim[a1:b0] + claim[a0:a1] + claim[b1:]
    day = [published[i]] if published is not None else None
    return bool(checker.check_many([(swapped, [passage])], published=day)[0].supported)


def _names(claim: str) -> list[tuple[int, int]]:
    """(start, end) of each name in ``claim``: capitalised words in a row, without a leading capitalised function
    word ("The FTC" -> "FTC"; ``[predicate].name_fillers``)."""
    fillers = set(_cues()["predicate"]["name_fillers"])
    out = []
    for m in _NAME.finditer(claim):
        start, words = m.start(), m.group(0).split()
        if words[0] in fillers:
            if len(words) == 1:
                continue
            start = claim.index(words[1], start + len(words[0]))
        out.append((start, m.end()))
    return out


def _decided(outcome: str, i: int, result: Any, read: Reading) -> Verdict:
    """The verdict of passage ``i`` from its checker ``result``; its span in the passage as written (``read``: the
    passage as the checker read it, editorial marks left out)."""
    spans = [s for s in result.spans if s.passage == 0]
    span = read.source_span(min(s.start for s in spans), max(s.end for s in spans))
    return Verdict(outcome, i, span, float(result.score), tuple(result.reasons))


def contrary(claim: str, result: Any, *, published: str | None = None, act: str = "") -> float | None:
    """How much of ``claim`` the checked window holds (0..1, key-term weight) when the checker's ``result`` shows the
    window states the contrary; None when it does not. A contrary predicate (``_DIRECT``: negation, opposite verb,
    role or attribution swap, a competing figure) counts in a window holding ``SAME_EVENT`` of the claim; a number,
    date or name the window lacks counts when the window holds ``REST_HELD`` of the rest and gives a value of that
    kind in its place (a passage that merely lacks it says nothing; ``published``: the passage's day, ISO, that its
    relative dates are read against). ``act``: the claim's act word (``PolarQuestion.act``): a name in place of the
    claim's is its contrary only in a sentence telling that act (``tells_claim_act``): "Alibaba Cloud applied for the
    certification" names no one in place of KISA in "KISA has approved Alibaba Cloud's certification"."""
    window = result.best_sentence or ""
    if result.supported or not result.reasons or not window:
        return None
    reason = result.reasons[0]
    # a negation is the "No" only where it negates the asked act of the claim's own story: not another verb's
    # ("the company did not comment", "his lawyer had not decided whether to appeal": ``negates_act``)
    if act and reason.startswith("negation mismatch on ") and not negates_act(claim, act, window):
        return None
    if _DIRECT.match(reason):
        # the checker read the contrary predicate across the source's own words ("does not plan to retract … its
        # stricter controls" for "agreed to withdraw its export curbs"): the event is held in paraphrase too; a
        # denial's contrary tells what was denied (``answer_settled.bears_on_denial``)
        held = _held(claim, window, "", paraphrase=True)
        return held if held >= SAME_EVENT and bears_on_denial(claim, window) else None
    m = _VALUE.match(reason)
    if m is None:
        return None
    kind, value = m.group("kind"), m.group("value")
    held = _held(claim, window, value if kind in ("entity", "identifier") else kind)
    # a name in place of the claim's is its contrary only where the window tells the claim's act too: "Marlow Robotics
    # employs 900 people in Osaka" holds the claim's actor, not "Marlow Robotics bought Brightfield Optics"'s contrary
    acts = kind not in ("entity", "identifier") or (tells_claim_act(act, window, claim) if act
                                                    else _tells_a_word(claim, window))
    return held if held >= REST_HELD and acts and _gives_kind(kind, claim, window, published) else None


def _tells_a_word(claim: str, window: str) -> bool:
    """Whether ``window`` holds one of ``claim``'s key terms written in lower case there (its act or object, not a
    name: "bought" of "Marlow Robotics bought Brightfield Optics"), by stem or synonym (``_told``)."""
    lower = {stem(w) for w in re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", claim)}
    have = {t.stem for t in key_terms(window)}
    return any(_told(t, have) for t in key_terms(claim) if t.stem in lower)


@lru_cache(maxsize=1)
def _weekday_stems() -> frozenset[str]:
    return frozenset(stem(w.lower()) for w in WEEKDAYS)


#: ``_held``'s ``left_out`` for every name of the claim: what it holds of the claim's act and object
NAMES = "names"
_KINDS = ("number", "date", "month", "weekday")


def _held(claim: str, window: str, left_out: str, *, paraphrase: bool = False) -> float:
    """The key-term weight of ``claim`` that ``window`` holds, as a share of the claim's, without the terms of the
    value in question (``left_out``: a name, or "number"/"date"/"month"/"weekday" for every term of that kind: a
    figure, a month's or a weekday's name, as the text layer's date vocabulary spells them; ``NAMES`` for every name,
    the claim's act and object alone, or all its terms when it has nothing but names). ``paraphrase``: a word is
    also held by a synonym (``_told``), for a window the checker already reads as stating the contrary predicate.)"""
    skip = {t.stem for t in key_terms(left_out)} if left_out and left_out not in (*_KINDS, NAMES) else set()
    drop_kind = left_out in _KINDS
    terms = [t for t in key_terms(claim) if t.stem not in skip
             and not (drop_kind and (t.kind == "number" or month_number(t.stem) or t.stem in _weekday_stems()))]
    if left_out == NAMES:
        terms = [t for t in terms if t.kind != "entity"] or terms
    total = sum(t.weight for t in terms)
    if not total:
        return 0.0
    have = {t.stem for t in key_terms(window)}
    return sum(t.weight for t in terms if t.stem in have or (paraphrase and _told(t, have))) / total


def held_share(claim: str, text: str) -> float:
    """The share of ``claim``'s key-term weight that ``text`` holds (``_held``, nothing left out)."""
    return _held(claim, text, "")


def _told(term: Any, have: set[str]) -> bool:
    """Whether a claim's key ``term`` is among a window's stems ``have``: by its stem, or, for a word (not a name or
    number), by a stem of the same group of the checker's paraphrase lexicon (``rag.support.tokens``): a source
    answers the asked verb in its own words ("does not plan to *retract* … its stricter *controls*" holds "agreed to
    *withdraw* its export *curbs*"), and a name is told only by itself."""
    if term.stem in have:
        return True
    if term.kind != "word":
        return False
    from rag.support.tokens import _syn_groups

    mine = _syn_groups(term.stem)
    return bool(mine) and any(mine & _syn_groups(s) for s in have)


def _gives_kind(kind: str, claim: str, window: str, published: str | None = None) -> bool:
    """Whether ``window`` gives a value of ``kind`` in place of the claim's: a number (a quantity the text layer
    reads, ``numbers.find_quantities``, that is no part of a date: "Aug. 28" gives a date, not the number 28; or a
    number word), a date or month (``dates.find_dates``, relative ones read against ``published``, or a month's
    capitalised name, ``dates.MONTH_PATTERN``: "in May", not "may" or "market"), a weekday
    (``weekdays.weekday_mentions``), or a name the claim does not hold."""
    day = (published or _ANY_DAY)[:10]
    if kind == "number":
        dated = [(m.start, m.end) for m in find_dates(window, published=day)]
        figures = [q for q in find_quantities(window) if not any(a <= q.start and q.end <= b for a, b in dated)]
        return bool(figures) or bool(_spelled_numbers() & {w.lower() for w in _words(window)})
    if kind in ("date", "month"):
        return (any(m.precision != "week" for m in find_dates(window, published=day))
                or re.search(rf"(?<![\w-]){MONTH_PATTERN}(?![\w-])", window) is not None)
    if kind == "weekday":
        return bool(weekday_mentions(window, date.fromisoformat(day)))
    names = {t.stem for t in key_terms(claim) if t.kind == "entity"}
    return any(t.kind == "entity" and t.stem not in names for t in key_terms(window))
