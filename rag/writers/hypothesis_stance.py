"""Who holds an explanation and who denies it, and the explanation itself in the source's own words (issue 10, item 5).

An analyst states a hypothesis as a short claim with the people who hold it, not as a quoted passage, and never
credits the outlet that reports it with holding it ("Taipei Times reports the explanation: “Tokyo last week
tightened … They have rejected suggestions that the move was driven by worsening ties …”" gives the newspaper an
explanation Japanese officials deny). ``stance`` reads, from the quote an explanation was listed from:

- **statement**: the clause that gives the reason, a verbatim span of the quote: for a reported reason the clause
  of the sentence with the reason cue, less its reporting frame ("Japanese officials have said that those chemicals
  are …, and the decision to tighten controls was based on a lack of trust …" -> "the decision to tighten controls
  was based on a lack of trust that posed a risk to national security"); for a denied one the words denied
  ("They have rejected suggestions that the move was driven by worsening ties …" -> "the move was driven by
  worsening ties …"; ``hypotheses.denied``);
- **held_by**: who asserts it, or is reported to: the speaker of the reporting frame ("Japanese officials have
  said", "…, analysts said", "according to the ministry", "Critics say"); None when the quote names no one (a
  report's own sentence: its source states it; a denied "suggestion": its holders are not named);
- **denied_by**: who denies it (the subject of the denial), a pronoun resolved to the last speaker named before it
  in the same quote ("… Japanese officials have said … They have rejected …" -> "Japanese officials").

An explanation no one in its own quote holds may still be held by whoever its *evidence for* quotes or reports as
asserting it (``asserted_by``): "He was responding to Moon's appeal …, urging Tokyo to withdraw what he described as
a politically motivated measure" is Moon's characterisation (``[holders] characterised``, the pronoun resolved to the
person named last before it, ``antecedent``), "Abe and his aides have hinted that there might have been illegal
transfers …" is Abe's and his aides' assertion.

The patterns (reporting verbs, group nouns, clause breaks) are ``hypothesis_structure.toml`` [holders].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from rag.text.lexicon import table
from rag.text.sentences import split_sentences
from rag.text.speech_use import used_as_speech

__all__ = ["Stance", "stance", "speaker", "clause_of", "asserted_by", "characterisation", "antecedent", "MIN_WORDS", "MAX_HOLDER_WORDS",
           "HOLDER_ROLE", "PARTY_ROLE", "holders_own", "party_of", "party_statement", "same_party"]

#: the role of a piece of evidence for that is its holder's own statement of the explanation: the claim itself, shown
#: as what its holder says, never weighed as evidence for it
HOLDER_ROLE = "holder_statement"
#: the role of a piece of evidence (for or against) that is another party to the story stating its own position: a
#: claim of that party, shown as what it says, never weighed as evidence either way
PARTY_ROLE = "party_statement"

#: a holder is named in at most this many words ("China's most senior official in charge of its Covid response")
MAX_HOLDER_WORDS = 12
#: a clause shorter than this many words is no statement of an explanation: the whole sentence is given instead
MIN_WORDS = 4


@dataclass(frozen=True)
class Stance:
    """An explanation as a short claim: ``statement`` (a verbatim span of the quote), who holds it and who denies it
    (surface words of the quote; None: not named)."""

    statement: str
    held_by: str | None = None
    denied_by: str | None = None


@cache
def _holders() -> dict:
    return table("hypothesis_structure")["holders"]


@cache
def _verbs() -> str:
    return "|".join(_holders()["verbs"])


@cache
def _frame_before() -> re.Pattern[str]:
    # "<who> (has|have|had) said (that) <clause>": who is the words of the clause before the verb
    # (the verb's object and time may stand before "that": "told health officials Wednesday that ...")
    return re.compile(rf"(?:^|(?<=[,;:]\s))(?P<who>[^,;:]{{2,120}}?)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?P<verb>(?-i:{_verbs()}))\b(?:(?:\s+[\w’'-]+){{0,5}}?\s+that\b|\s+that\b)?[\s,:]+", re.I)


@cache
def _frame_after() -> re.Pattern[str]:
    # "<clause>, <who> (has) said[,.]" or "<clause>, said <who>."
    v = _verbs()
    return re.compile(rf",\s*(?:(?P<who>[^,;:]{{2,90}}?)\s+(?:has\s+|have\s+|had\s+)?(?P<verb>(?-i:{v}))|(?P<verb2>(?-i:{v}))\s+(?P<who2>[^,;:.]{{2,90}}))\b[^,.;]{{0,40}}(?:[,.;]|$)", re.I)


@cache
def _frame_appositive() -> re.Pattern[str]:
    # "<who>, <a role>, said (that) <clause>": a name with its role between commas, then the verb ("Wei Jianguo, a
    # former commerce vice minister, said …"); the role opens like one ("a", "an", "the", a lower-case word, "Japan's")
    role = r"(?:(?:an?|the)\s|[a-z]|[A-Z][\w-]*['’]s\s)[^,;:]{1,120}?"
    return re.compile(rf"(?:^|(?<=[,;:]\s))(?P<who>[^,;:]{{2,60}}?),\s+{role},\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?P<verb>(?-i:{_verbs()}))\b(?:\s+that\b)?[\s,:]*")


@cache
def _according() -> re.Pattern[str]:
    return re.compile(r"\baccording to (?P<who>[^,;:.]{2,90})", re.I)


@cache
def _group() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(_holders()["groups"]) + r")\b", re.I)


@cache
def _pronoun() -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(_holders()["pronouns"]) + r")$", re.I)


@cache
def _clause_breaks() -> re.Pattern[str]:
    return re.compile("|".join(_holders()["clause_breaks"]), re.I)


#: the auxiliaries and adverbs between a subject and its verb ("They have flatly rejected ...")
_AUXILIARIES = re.compile(r"(?:\s+(?:has|have|had|also|again|flatly|strongly|repeatedly|firmly|publicly|previously))+\s*$", re.I)
#: what carries a holder's words, not the holder ("statements released by", "a report by")
_VEHICLE = re.compile(r"^(?:a |the )?(?:statements?|reports?|remarks|comments) (?:released |issued |published |carried |made )?by (?:its |the )?", re.I)
_TRAILING_DAY = re.compile(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")
#: a source's own reporting frame left at the end of a statement (", according to state news agency Xinhua")
_TRAILING_SOURCE = re.compile(r",?\s*according to [^,;]*$", re.I)
_LEAD = re.compile(r"^(?:(?:but|and|however|yet|still|meanwhile|also)\b[,\s]*)+", re.I)
#: words that open or hold a clause, not a name: "who urged Washington to drop what he", "urging Tokyo to withdraw
#: what he" are what a speaker did, read as a holder by a frame's "<who> described" (the holder is the "he")
_CLAUSE_RUN = re.compile(r"^(?i:who|whom|whose|which|that)\b|^[a-z]\w*ing\b|\b(?i:what)\b")  # "Beijing" is a name
_QUOTES = "\"'“”‘’"


def _who(words: str) -> str | None:
    """A holder's words, if they name one: a capitalised name, a group noun ("officials", "critics") or a pronoun;
    at most MAX_HOLDER_WORDS words (a longer run is a clause, not who speaks). A leading "The" is lower-cased."""
    w = _LEAD.sub("", words.strip().strip(_QUOTES).strip())
    w = _TRAILING_DAY.sub("", _VEHICLE.sub("", w))  # "statements released by its Eastern Theater Command Tuesday"
    if not w or len(w.split()) > MAX_HOLDER_WORDS or _CLAUSE_RUN.search(w):
        return None
    if not (_pronoun().match(w) or _group().search(w) or any(t[:1].isupper() for t in w.split()[1:])
            or (w[:1].isupper() and len(w.split()) <= 3)):
        return None
    first, _, rest = w.partition(" ")
    if first in ("The", "A", "An"):
        w = first.lower() + (" " + rest if rest else "")
    return w


def speaker(sentence: str) -> tuple[str | None, str]:
    """(who a sentence reports as saying it, the sentence less that reporting frame): "Japanese officials have said
    that X" -> ("Japanese officials", "X"); "X, analysts said." -> ("analysts", "X"); "according to the ministry, X"
    -> ("the ministry", "X"); (None, sentence) when it reports no one saying it. A frame's verb must be used as one
    (``rag.text.speech_use.used_as_speech``): "held by the United States since 1946" and "Keating added 12 patrol
    boats" frame no speech."""
    s = sentence.strip()
    before = [m for m in _frame_before().finditer(s) if _speech(s, m)]
    for m in before:  # a subject whose title holds commas opens the sentence: its whole run speaks
        if (who := _who(_titled(s[:m.start("who")], m.group("who")))) and len(s) - m.end() >= 10 and "," in who:
            return who, s[m.end():]
    for m in _frame_after().finditer(s):
        who = _who(m.group("who") or m.group("who2") or "")
        if who and _speech(s, m):  # a frame in mid-sentence keeps the comma that goes on ("..., officials have said, hinting ...")
            rest = (s[:m.start()] + s[m.end() - 1:] if s[m.end() - 1:m.end()] == "," else s[:m.start()]).strip()
            return who, rest
    m = next((m for m in _frame_appositive().finditer(s) if _speech(s, m)), None)
    # an appositive frame may end the text: a frame left open for the next sentence ("…, a senior fellow …, said")
    if m is not None and (who := _who(m.group("who"))) and (len(s) - m.end() >= 10 or m.end() == len(s)):
        return who, s[m.end():]
    m = before[0] if before else None
    if m is not None:
        who = _who(_titled(s[:m.start("who")], m.group("who")))
        if who and len(s) - m.end() >= 10:
            return who, s[m.end():]
    m = _according().search(s)
    if m is not None and (who := _who(m.group("who"))):
        return who, (s[:m.start()] + s[m.end():]).strip(" ,")
    return None, s


def _speech(text: str, m: re.Match[str]) -> bool:
    """Whether a frame's match ``m`` in ``text`` has its verb used as a verb of saying (``used_as_speech``)."""
    group = "verb2" if "verb2" in m.re.groupindex and m.group("verb2") else "verb"
    return used_as_speech(text, m.start(group), m.end(group))


#: a sentence's opening run of capitalised pieces joined by commas: a title that holds a comma ("South Korean
#: Minister of Trade, Industry and Energy Sung Yun-mo")
_TITLE_PIECES = re.compile(r"^(?:[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|and|for|the|&))*,\s+)+$")


def _titled(before: str, who: str) -> str:
    """``who`` with the title it continues: when everything ``before`` it in its sentence is pieces of capitalised
    words (and "of", "and", "for", "the") joined by commas ("South Korean Minister of Trade, " before "Industry and Energy Sung Yun-mo"), the speaker is
    the whole run; a sentence opening with a function word ("In Tokyo, officials said …") keeps ``who``."""
    if not _TITLE_PIECES.match(before) or before.split()[0].strip(",").lower() in _holders()["adverbial_openers"]:
        return who
    return before + who


def _clause(text: str, cue: re.Pattern[str]) -> str:
    """The clause of ``text`` in which ``cue`` first matches (clauses split at ``clause_breaks``: ", and", "; ",
    ", while"); the whole text when the clause would be shorter than MIN_WORDS words."""
    m = cue.search(text)
    if m is None:
        return text
    bounds = [0] + [b.end() for b in _clause_breaks().finditer(text)] + [len(text) + 1]
    start = max(b for b in bounds if b <= m.start())
    nxt = [b.start() for b in _clause_breaks().finditer(text) if b.start() >= m.end()]
    piece = text[start:nxt[0] if nxt else len(text)]
    return piece if len(piece.split()) >= MIN_WORDS else text


def _tidy(text: str) -> str:
    return _TRAILING_SOURCE.sub("", text.strip().rstrip(".")).strip().strip(",;: ").strip()


def stance(text: str, reason: re.Pattern[str], denial: re.Pattern[str]) -> Stance:
    """The explanation a quote gives or denies, as a short claim with who holds and who denies it (see the module).

    ``reason``: the pattern of a reason or motive (``hypothesis_structure.toml`` [explanations] reason and
    disputed_reason); ``denial``: of a denial of what follows. The statement is always a span of ``text``."""
    sentences = [s.text for s in split_sentences(text)] or [text]
    named: str | None = None  # the last speaker named so far: who a later "They" is
    for s in sentences:
        d = denial.search(s)
        who, rest = speaker(s)
        if d is not None and reason.search(s, d.end()):
            subject = _who(_AUXILIARIES.sub("", s[:d.start()].split(",")[-1])) if d.start() else None
            if subject and _pronoun().match(subject):
                subject = named
            denied = re.sub(r"^\s*(?:that\s+)?", "", s[d.end():])
            held = _who(_alleged_by(s) or "")
            return Stance(_tidy(denied), held, subject)
        if who and not _pronoun().match(who):
            named = who
    for s in sentences:
        if reason.search(s):
            who, rest = speaker(s)
            if who and _pronoun().match(who):
                who = named
            held = who or _who(_alleged_by(s) or "")
            if held and not who:
                rest = re.sub(rf"^.*?\b{re.escape(held)}\s+\w+\s+(?:that\s+)?", "", s, count=1, flags=re.I)
            return Stance(_tidy(_clause(rest, reason)), held)
    # the reason is worded as no cue knows ("… to fund Pyongyang's weapons programs"): the quote's speaker holds it
    who = next((w for w, _ in map(speaker, sentences) if w and not _pronoun().match(w)), None)
    return Stance(_tidy(text), who)


@cache
def _alleged() -> re.Pattern[str]:
    return re.compile("|".join(table("hypothesis_structure")["explanations"]["alleged"]), re.I)


def _alleged_by(s: str) -> str | None:
    m = _alleged().search(s)
    return m.group(0).split()[0] if m else None


def clause_of(text: str, pattern: re.Pattern[str]) -> str:
    """The clause, within its sentence of ``text``, where ``pattern`` first matches (``_clause``; the reporting frame
    of its speaker left out: "Sung said that an inspection found no sign of illegal transactions" -> "an inspection
    found no sign of illegal transactions"), a verbatim span of ``text``; ``text`` itself when it never matches."""
    for s in (s.text for s in split_sentences(text)):
        if pattern.search(s):
            _, rest = speaker(s)
            # the frame is left out only when what remains is one span ("X said that …"), not a frame cut from mid-sentence
            return _tidy(_clause(rest if pattern.search(rest) and rest.strip() in s else s, pattern))
    return text


@cache
def _characterised() -> "_FirstOf":
    # case-sensitive: a capitalised holder is a name ("what Beijing called"), a lower-case run is a pronoun
    return _FirstOf(tuple(re.compile(p) for p in _holders()["characterised"]))


class _FirstOf:
    """The earliest match of any of several patterns, each with its own named groups (one pattern cannot repeat a
    group name across alternatives)."""

    def __init__(self, patterns: tuple[re.Pattern[str], ...]):
        self.patterns = patterns

    def search(self, text: str) -> re.Match[str] | None:
        found = [m for p in self.patterns if (m := p.search(text))]
        return min(found, key=lambda m: m.start()) if found else None


#: a run of capitalised words (a name), its possessive left out ("Moon’s appeal" -> "Moon")
_NAME_RUN = re.compile(r"\b[A-Z][\w.-]*(?:[ -][A-Z][\w.-]*)*")


def antecedent(before: str) -> str | None:
    """The person a "he" or "she" after ``before`` refers to: the last run of capitalised words in ``before`` that is
    no pronoun, no sentence's first word alone and no place ("He was responding to Moon’s appeal …, urging Tokyo to
    withdraw what he …" -> "Moon", not "Tokyo"); None when there is none."""
    from rag.text.places import place_of_word

    for m in reversed(list(_NAME_RUN.finditer(before))):
        words = m.group(0).split()
        if (_pronoun().match(m.group(0)) or all(place_of_word(w.strip(".")) for w in words)
                or len(words) == 1 and _group().fullmatch(words[0])):  # "Officials in Tokyo …": no one person
            continue
        if m.start() == 0 or re.search(r"[.!?][\"”’)]*\s*$", before[:m.start()]):
            if len(words) == 1 and words[0] in ("The", "A", "An", "In", "On", "At", "But", "And"):
                continue
        return m.group(0)
    return None


def _resolved(who: str | None, before: str) -> str | None:
    """``who`` with a singular pronoun resolved (``antecedent``); None for a pronoun that names no one."""
    if who and _pronoun().match(who):
        return antecedent(before) if who.lower() in ("he", "she") else None
    return who


def characterisation(text: str) -> tuple[str, str] | None:
    """(who, the words they characterise it with) for a speaker's own characterisation in ``text`` ("…, urging
    Tokyo to withdraw what he described as a politically motivated measure" -> ("Moon", "a politically motivated
    measure"), the pronoun resolved to the person named before it: ``antecedent``); None when there is none or its
    speaker cannot be named."""
    m = _characterised().search(text)
    if m is None:
        return None
    who = _resolved(_who(m.group("who")), text[:m.start()])
    if not who:
        return None
    end = re.search(r"[,;.!?]", text[m.end():])
    return who, text[m.end():m.end() + end.start() if end else len(text)].strip()


def asserted_by(text: str, clause: str | None = None) -> str | None:
    """Who a quote reports as asserting what it says, or ``clause`` of it: a speaker's own characterisation ("what
    he described as a politically motivated measure", ``[holders] characterised``) first, then the speaker of the
    reporting frame (``speaker``) when the clause is in what that speaker says, a pronoun resolved to the person named
    before it (``antecedent``); None when the quote reports no one asserting it (a report's own sentence)."""
    sentences = [s.text for s in split_sentences(text)] or [text]
    if clause:
        sentences = [s for s in sentences if clause in s] or sentences
    for s in sentences:
        before = text[:text.find(s)] if s in text else ""
        m = _characterised().search(s)
        if m is not None and (not clause or m.start() <= s.find(clause) + len(clause)):
            who = _resolved(_who(m.group("who")), before + s[:m.start()])
            if who:
                return who
        who, rest = speaker(s)
        if who and (not clause or clause in rest or clause not in s):
            who = _resolved(who, before + s[:s.find(who)])
            if who:
                return who
    return None


def same_party(who: str, holder: str) -> bool:
    """Whether ``who`` (a speaker a quote names) is ``holder`` (who holds an explanation) or of the same party: the
    same person ("Moon" and "Moon Jae-in": a name word in common, neither a title nor a group noun), or speakers of
    one country's side ("Japanese officials", "Japanese Prime Minister Shinzo Abe and his aides", "Tokyo": the first
    place each names, ``places.place_mentions``)."""
    from rag.text.places import place_mentions  # places loads its gazetteer: only for briefs that weigh

    a, b = who.strip(), holder.strip()
    if not a or not b:
        return False
    if a.lower() == b.lower():
        return True
    pa, pb = place_mentions(a), place_mentions(b)
    if pa and pb:
        return pa[0].key == pb[0].key
    # else one person named two ways ("South Korean President Moon Jae-in", "Moon"): a name word in common
    return bool(_names(a) - {m.surface for m in pa + pb} & _names(b))


def _names(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Z][\w'-]+", text) if w.lower() not in _group_nouns()}


@cache
def _group_nouns() -> frozenset[str]:
    # words that name no one in particular ("Officials", "President", "Minister"): never a shared name
    return frozenset(w.lower() for w in _holders()["not_names"])


def holders_own(text: str, holder: str | None, clause: str | None = None) -> str | None:
    """Who states it, when ``text`` (a quote weighed as evidence for an explanation) is its holder's own statement: the quote
    reports ``holder``, or a speaker of the same party (``same_party``), asserting it (``asserted_by``). A party's
    own statement of its explanation is the claim, not evidence for it: evidence reports facts independent of the
    holder ("an emergency inspection found no sign …", "the measures followed court rulings …"); None when it is
    not the holder's side speaking. ``clause``: the
    part of ``text`` that bears on the explanation (``Claim.statement`` of the evidence), whose speaker is read."""
    if not holder:
        return None
    who = _asserting(text, clause)
    return who if who and same_party(who, holder) else None


def party_statement(text: str, story: set[str], clause: str | None = None, texts: Sequence[str] = ()) -> str | None:
    """Who states it, when ``text`` (a quote weighed for or against an explanation) is a party to the story stating
    its own position: the speaker the quote reports asserting it (``asserted_by``, else the reporting frame's
    ``speaker``) names, first, a place of ``story`` (place keys: ``rebuttals.parties`` of the topic, the explanation,
    its holder and denier). "South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an ‘emergency
    inspection’ found no sign of illegal transactions" against Japan's security reason is South Korea's claim, as
    Japanese officials' "Such materials can only be exported to trustworthy trading partners" is Japan's: evidence is
    reporting of facts independent of every party, the same rule for each side. None when the quote reports no one
    asserting it (a report's own sentence) or its speaker names no party (analysts, a third country, an agency named
    without its country). A speaker the quote names by name alone is of the party their titled mention in the
    sources (``texts``) names: "what he described as a politically motivated measure" is Moon's, and Moon is
    "South Korean President Moon Jae-in" (``party_of``)."""
    if not story:
        return None
    who = _asserting(text, clause)
    if not who:
        return None
    key = party_of(who, [text, *texts])
    return who if key in story else None


def party_of(who: str, texts: Sequence[str] = ()) -> str | None:
    """The place key of the party a speaker speaks for: the first place their own words name ("Japanese officials",
    "Tokyo" -> "japan"), else the first place of the title before their name where a text names them in full
    ("Moon" in "South Korean President Moon Jae-in urged …" -> "south_korea"; "Sung Yun-mo" in "South Korean Minister
    of Trade, Industry and Energy Sung Yun-mo said …"); None when neither names one (analysts, a third party
    named without a country)."""
    from rag.text.places import place_mentions  # places loads its gazetteer: only for briefs that weigh

    found = place_mentions(who)
    if found:
        return found[0].key
    names = sorted(_names(who), key=len, reverse=True)
    if not names:
        return None
    # a title of capitalised words (and "of", commas, "and" inside a ministry's name) just before the name
    rx = re.compile(rf"((?:[A-Z][\w’'.-]*,?\s+(?:(?:of|and|for)\s+)?){{1,10}}){re.escape(names[0])}\b")
    for t in texts:
        for m in rx.finditer(t):
            titled = place_mentions(m.group(1))
            if titled:
                return titled[0].key
    return None


def _asserting(text: str, clause: str | None) -> str | None:
    """Who ``text`` reports asserting ``clause`` (or itself): ``asserted_by``, else the speaker of the sentence that
    holds the clause."""
    who = asserted_by(text, clause)
    if who is None:
        who, _ = speaker(next((s.text for s in split_sentences(text) if clause and clause in s.text), text))
    return who
