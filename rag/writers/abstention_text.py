"""What an abstention says when the corpus has no evidence: "The corpus has no evidence on what the designer's name
was." for a question (a clause, or the question quoted), "The corpus has no evidence on Taiwan chips." for a topic;
never the question pasted in with its capital ("no evidence on What was …")."""

from __future__ import annotations

import re
from dataclasses import replace

from rag.brief import NO_EVIDENCE
from rag.followup import DATE_NOTE_RE
from rag.render import end_sentence, quoted
from rag.text.lexicon import table, word_set
from rag.text.sentences import sentence_texts
from rag.writers.attribution import names_no_one

__all__ = ["denies_premise", "empty_collection_message", "filters_described", "is_question", "left_out_message", "no_evidence_message", "outside_filters_message",
           "no_evidence_within", "partial_message", "partial_parts"]

_WH = r"what|who|whom|whose|which|when|where|why|how(?:\s+(?:many|much|long|far|old|often))?"
_BE = r"is|was|are|were"
# "What was the designer's name?" → "what the designer's name was"; a wh-word then a form of "be" then its subject
_WH_BE = re.compile(rf"^(?P<wh>{_WH})\s+(?P<be>{_BE})\s+(?P<rest>[^?]+?)\s*\?\s*$", re.I)
# a question: it ends with a question mark or a colon (a quiz's "This was the highest hike since:"), or opens with a
# question word or an auxiliary
_QUESTION = re.compile(rf"[?:？：]\s*$|^\s*(?:{_WH}|is|are|was|were|do|does|did|can|could|will|would|has|have|had)\b", re.I)


def is_question(text: str) -> bool:
    """Whether ``text`` asks something (ends with "?" or ":", full-width too: "…何时开始实施？", or opens with a question word or an auxiliary: "did
    Japan ban", "what chips") rather than names a topic ("chips", "export controls")."""
    return bool(_QUESTION.search(" ".join(text.split())))


def _lower_first(text: str) -> str:
    """``text`` with its first letter lower-cased unless the first word is a name or an acronym ("What" → "what",
    "EU" stays)."""
    word = text.split(maxsplit=1)[0] if text.split() else ""
    if word[:1].isupper() and word[1:2].islower() and word.lower() in {"what", "who", "whom", "whose", "which", "when",
                                                                       "where", "why", "how"}:
        return text[:1].lower() + text[1:]
    return text


def _noun_phrase(rest: str) -> bool:
    """Whether the words after "what was" are a noun phrase ("the designer's name", "Kim Jong Un"), not a verb
    phrase ("held in China", "China doing about it"): it opens with a determiner or a name and holds no participle."""
    words = rest.split()
    if not words or not (words[0].lower() in {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these",
                                              "those", "our", "your"} or words[0][:1].isupper()):
        return False
    past = word_set("irregular_past")
    return not any(re.sub(r"[^\w]", "", w.lower()).endswith(("ed", "ing")) or w.lower() in past for w in words)


def no_evidence_message(topic: str) -> str:
    """The abstention message for ``topic`` (a question or a topic): ``NO_EVIDENCE`` followed by a clause ("what the
    designer's name was"), the question quoted when it is not a simple wh-question with "be" (or has a premise
    sentence before it), or the topic itself."""
    text = " ".join(topic.split())
    if not text:
        return f"{NO_EVIDENCE} this question."
    if not _QUESTION.search(text):
        return f"{NO_EVIDENCE} {text.rstrip('?.!: ')}."
    sentences = sentence_texts(text)
    m = _WH_BE.match(text) if len(sentences) <= 1 else None
    if m and _noun_phrase(m.group("rest")):
        return f"{NO_EVIDENCE} {_lower_first(m.group('wh'))} {m.group('rest')} {m.group('be').lower()}."
    return f"{NO_EVIDENCE} the question “{text}”"


def filters_described(filters, asked=None) -> str:
    """What filters (``SearchFilters``: ``since``/``until`` ISO dates, ``publishers``) that left no passage at all
    limited the search to: "published on or after 2030-01-01; publisher Reuters"; "" when there were no filters.
    ``asked`` (``asked_period.AskedPeriod``): the question's own relative time, which set the lower date bound,
    named after the dates ("published 2025-12-25 to 2026-01-01, the question's “this week” as of 2026-01-01"). A
    ``dated_since`` bound (a soft period: "last year") is a lower bound too, which undated documents pass: without an
    ``until`` bound they were searched, said after the date ("published on or after 2025-01-01, or undated")."""
    parts = []
    since = max(filter(None, (filters.since, filters.dated_since)), default=None)
    undated = ", or undated" if since and since != filters.since and not filters.until else ""
    if since and filters.until:
        parts.append(f"published {since} to {filters.until}")
    elif since:
        parts.append(f"published on or after {since}{undated}")
    elif filters.until:
        parts.append(f"published on or before {filters.until}")
    if asked is not None and parts:
        parts[0] += f", the question's {asked.described()}"
    if filters.publishers:
        parts.append(("publisher " if len(filters.publishers) == 1 else "publishers ") + ", ".join(filters.publishers))
    return "; ".join(parts)


def outside_filters_message(filters, named: str) -> str:
    """What an abstention under ``filters`` (``SearchFilters``; their start date and publishers are named) adds when
    the same question written without them is answered by the sources ``named`` (a title-and-date text): "Without
    the filters, the corpus has evidence on it in “Planned fabs in Japan” (Policy Notes, 2024-07-01), which the
    filters (publisher Tech Desk) left out." The filters follow the sources they left out, never "Without the
    filters (…)", which read as if the search were still limited to them."""
    limits = filters_described(replace(filters, until=None, dated_since=None))
    return f"Without the filters, the corpus has evidence on it in {named}, which the filters ({limits}) left out."


def left_out_message(filters, *, undated: int = 0, unnamed: int = 0, answering: int = 0) -> str:
    """What a filter left out that a reader cannot see: the documents it could not judge. A date bound leaves out
    every undated document (``undated``, said when ``filters`` has a date bound) and a publisher filter every
    document naming no publisher (``unnamed``, said when it names publishers). ``answering``: how many of those
    documents answer the question (the unfiltered answer leads with one of them): then the message says so and how to include them
    ("The date bound (published on or after 2019-07-04) leaves out the corpus's 2 undated documents, and 2 of them
    answer the question: search without the date bound to include them."); else only what was left out ("A date
    bound leaves out the corpus's 2 undated documents."). "" when nothing was left out this way."""
    parts = []
    if undated and (filters.since or filters.until):
        parts.append(("date bound", _limit(filters, dates=True),
                      f"the corpus's {undated} undated document{'s' if undated != 1 else ''}"))
    if unnamed and filters.publishers:
        parts.append(("publisher filter", _limit(filters, dates=False),
                      f"the corpus's {unnamed} document{'s' if unnamed != 1 else ''} naming no publisher"))
    if not parts:
        return ""
    if not answering:
        return " ".join(f"A {name} leaves out {what}." for name, _, what in parts)
    names = " and the ".join(name for name, _, _ in parts)
    limits = "; ".join(limit for _, limit, _ in parts)
    what = " and ".join(what for _, _, what in parts)
    verb = "answers" if answering == 1 else "answer"
    return (f"The {names} ({limits}) {'leaves' if len(parts) == 1 else 'leave'} out {what}, and {answering} of them "
            f"{verb} the question: search without the {names} to include {'it' if answering == 1 else 'them'}.")


def _limit(filters, *, dates: bool) -> str:
    """The date part ("published on or after 2019-07-04") or the publisher part ("publisher Reuters") of
    ``filters_described``."""
    return filters_described(replace(filters, publishers=()) if dates else replace(filters, since=None, until=None, dated_since=None))


def no_evidence_within(topic: str, filters, *, matched: bool = False, undated: int = 0, asked=None,
                       left_out: str = "") -> str:
    """The abstention message of a filtered search: "The corpus has no evidence on export controls within the filters
    (published on or after 2030-01-01): no passage matched them." — the corpus may well cover the topic outside
    them. ``matched``: passages met the filters but none answered (the ": no passage matched them" is left out).
    ``undated``: the corpus's documents without a publication date, which a date bound leaves out, said when there
    is a date bound (" A date bound leaves out the corpus's 2 undated documents."). ``asked``: the question's own
    relative time ("this week", ``asked_period.asked_period``) that bounded the dates, named with them.
    ``left_out``: a ``left_out_message`` saying what the filters left out, in place of the undated sentence. Without
    filters, ``no_evidence_message(topic)``."""
    limits = filters_described(filters, asked)
    message = no_evidence_message(topic)
    if not limits:
        return message
    text = f"{message.removesuffix('.')} within the filters ({limits})" + ("." if matched else ": no passage matched them.")
    left_out = left_out or left_out_message(filters, undated=undated)
    return f"{text} {left_out}" if left_out else text


def unmentioned_message(names) -> str:
    """What an abstention adds when the question gives names no evidence passage mentions
    (``unmentioned.unmentioned_names``): "None of the passages found mentions “Kumamoto”." (a story the corpus does
    not hold, however well other words of the question match)."""
    quoted = " or ".join(f"“{n}”" for n in names)
    return f"None of the passages found mentions {quoted}."


def empty_collection_message(collection: str) -> str:
    """The abstention message when the collection holds no passage at all: nothing was searched, so neither the
    topic nor the filters are to blame ("The collection 'techsec' is empty: …")."""
    return (f"The collection '{collection}' is empty: nothing was searched. Ingest articles first "
            f"(brief ingest PATH), or name the collection that holds them (--collection NAME).")


#: what ``partial_message`` is given for a question's presupposed event that no source reports
_PREMISE = "report of "


def unreported_event(event: str) -> str:
    """The ``missing`` of a partial answer whose question presupposes an event no source reports ("South Korea
    banning exports … to Japan", "anyone asking Japan to investigate the shipments"): ``partial_message`` writes it
    "No source reports <event>; …"."""
    return _PREMISE + event


def denies_premise(missing: str | None) -> bool:
    """Whether a partial answer's ``missing`` is a presupposed event no source reports (``answer_premise``), which
    ``partial_message`` says as "No source reports …": a claim about the whole evidence searched, not one fact."""
    return bool(missing) and missing.startswith(_PREMISE)
#: A partial answer as ``partial_message`` writes it: who says it (or "The sources report"), the quote (its placed
#: relative dates after its mark), what is missing.
_PARTIAL = re.compile(r"^(?P<who>.+?): “(?P<quote>.*)” \[1\](?: " + DATE_NOTE_RE.pattern + r")?; none(?: of the sources)? gives "
                      r"(?P<missing>.+?)\.?$"
                      r"|^The sources do not (?:say|settle) "
                      r"(?P<whether>whether .+?)\. (?P<who2>.+?): “(?P<quote2>.*)” \[1\](?: " + DATE_NOTE_RE.pattern + r")?"
                      r"(?: — [^“”]+)?\.?$"
                      r"|^No source reports (?P<event>.+?); (?P<who3>.+?): “(?P<quote3>.*)” \[1\](?: " + DATE_NOTE_RE.pattern + r")?\.?$",
                      re.S)  # no full stop after a quote that ends its sentence
#: an attribution that names its source's kind: "WorldWideWatchers (AI-generated brief, 2026) reports", "Hosokawa
#: Masahiko (2020 essay) argues" (``source_types.source_name`` then ``attribution.attribution``'s verb)
_KIND_NAMED = re.compile(r"\((?:\d{4} )?(?P<noun>[^,()]+?)(?:, \d{4})?\)(?:, citing [^,]+,)? (?P<verb>[a-z ]+)$")


def _what_it_is(said_by: str, missing: str = "") -> str:
    """What a quote attributed by ``said_by`` is, as an undecided answer says it is no news or official reporting:
    "WorldWideWatchers (AI-generated brief, 2026) reports" -> "an AI-generated brief’s account, not news or official
    reporting"; "Hosokawa Masahiko (2020 essay) argues" -> "an essay’s argument, …"; an outlet's own view ("Reuters
    reports" over its judgement) -> "Reuters’ own view, not its reporting". Verbs -> nouns: ``polar_questions.toml``
    [undecided]. Over a question whether someone said something (``missing``: "whether Hosokawa said …") quoting that
    speaker's own piece, the quote is their own words, which do not say so: "Hosokawa Masahiko’s own words, which do
    not say so" (that piece is the record of what they said, whatever kind of source it is)."""
    from rag.writers.answer_credit import SPEAKER_VERB
    from rag.writers.answer_verdict import reported_speech, same_person

    cues = table("polar_questions")["undecided"]
    m = _KIND_NAMED.search(said_by)
    speech = reported_speech(missing.removeprefix("whether "))
    if m is not None and speech is not None and same_person(speech[0], said_by[:m.start()]):
        return f"{said_by[:m.start()].strip()}’s own words, which do not say so"
    if m is not None and m.group("verb").strip() == SPEAKER_VERB:  # a transcript's speaker (``answer_credit``)
        return f"{said_by[:m.start()].strip()}’s {cues['speaker_words']}"
    if m is None:
        name = said_by.rpartition(" ")[0] or said_by
        return f"{name}{'’' if name.endswith('s') else '’s'} own {cues['own_view']}, not its reporting"
    noun, verb = m.group("noun").strip(), m.group("verb").strip()
    thing = cues["accounts"].get(verb, "account")
    article = "an" if noun[:1].lower() in "aeiou" else "a"
    return f"{article} {noun}’s {thing}, not news or official reporting"


def partial_message(quote: str, missing: str, said_by: str | None = None, dates: str = "") -> str:
    """What a question gets when the evidence covers its topic but not the fact asked for: what the sources say and
    what none of them gives. ``said_by`` ("WorldWideWatchers (AI-generated brief, 2026) assesses", from
    ``attribution.attribution``) names the source of a quote that is its view, not reporting (a judgement, a
    forecast, an opinion piece): "<said_by>: “X” [1]; none of the sources gives Y."; without it "The sources
    report: “X” [1]; none gives Y.". A ``missing`` that opens with "whether" (a polar question the sources do not
    decide) leads: "The sources do not say whether Y. They report: “X” [1]." (from a report no one can be named for:
    "… According to an unnamed report: “X” [1]."); over a quote that is no news or official reporting (a view, or
    any sentence of an essay or a generated brief) it says what that quote is and what it does not settle, never
    denying a kind of source the quote is: "The sources do not settle whether Y. WorldWideWatchers (AI-generated
    brief, 2026) reports: “China Imposes Export Restrictions on 20 Japanese Firms …” [1] — an AI-generated brief’s
    account, not news or official reporting." (only reporting decides a verdict, and a view may say Y;
    ``_what_it_is``). A ``missing`` marked ``answer_verdict.INTENDED`` (the report tells the act only as intended:
    "Seoul plans to file …") says so before its quote: "The sources do not say whether Seoul filed a complaint with
    the WTO. They report it only as intended or announced, not as done: “… Seoul plans to file a complaint with the
    WTO.” [1]"; over a view: "… <said_by>: “…” [1] — told only as intended or announced, not as done.". One marked
    ``answer_verdict.POSSIBLE`` (the report tells the act only as possible: "Abe … hinted that there might have been
    illegal transfers …") says that instead: "… They report it only as possible (hinted or suspected), not as
    confirmed: “…” [1]" (wordings: ``polar_questions.toml`` [intent]). The quote
    is quoted as a brief's claims are (``render.quoted``): a quotation
    inside it takes single marks (“‘The measure is not …,’ Suga said.”), never doubled ones. ``dates``: its relative
    dates placed by its source's date (``render.placed_dates``), shown after its mark as a full answer's are:
    "The sources report: “Tokyo last week tightened …” [1] *(‘last week’: the week of 2019-07-01 — by the source's
    date, 2019-07-10)*; none gives the number …"."""
    if missing.startswith("whether "):  # a question asking whether something is so (``answer_verdict``)
        from rag.writers.answer_verdict import UNDONE_MARKS

        # the quote tells the act only as intended or announced (what was announced, not that it was done), or only as
        # possible (what was hinted or suspected, not that it was confirmed)
        outcome = next((o for o, mark in UNDONE_MARKS.items() if missing.endswith(mark)), None)
        if outcome is not None:
            missing = missing.removesuffix(UNDONE_MARKS[outcome])
            cues = table("polar_questions")["intent"]
            prefix = "possible_" if outcome == "possible" else ""
            if said_by and not names_no_one(said_by):
                return (f"The sources do not say {missing}. {said_by}: {quoted(quote)} [1]{dates} — "
                        f"{cues[prefix + 'told_as']}.")
            # a report no one can be named for is still credited by what it relays ("…, according to an unnamed
            # roundup citing Financial Times: “…”")
            credit = f", {said_by[:1].lower()}{said_by[1:]}" if said_by and said_by.startswith("According to ") else ""
            return end_sentence(f"The sources do not say {missing}. {cues[prefix + 'reported_as']}{credit}: "
                                f"{quoted(quote)} [1]{dates}")
        if said_by and not names_no_one(said_by):  # only reporting decides a verdict, and a view may say so
            return (f"The sources do not settle {missing}. {said_by}: {quoted(quote)} [1]{dates} — "
                    f"{_what_it_is(said_by, missing)}.")
        # a report no one can be named for was read for the verdict as any report: it does not say either
        return end_sentence(f"The sources do not say {missing}. {said_by or 'They report'}: {quoted(quote)} [1]{dates}")
    if missing.startswith(_PREMISE):  # a presupposed event no source reports (``answer_premise``) is said first
        # after the semicolon "According to …" goes on the sentence in lower case; a source's name keeps its capital
        said = said_by[:1].lower() + said_by[1:] if said_by and said_by.startswith("According to ") else said_by
        return end_sentence(f"No source reports {missing.removeprefix(_PREMISE)}; "
                            f"{said or 'the sources report'}: {quoted(quote)} [1]{dates}")
    if said_by:
        return f"{said_by}: {quoted(quote)} [1]{dates}; none of the sources gives {missing}."
    return f"The sources report: {quoted(quote)} [1]{dates}; none gives {missing}."


def partial_parts(message: str) -> tuple[str, str, str] | None:
    """(who says it, the quote as shown, what is missing) of a ``partial_message``; None for any other message. The
    quote is the shown one: a quotation inside it reads with single marks (‘…’), as ``render.quoted`` wrote it."""
    m = _PARTIAL.match(message)
    if m is None:
        return None
    if m.group("whether"):
        return m.group("who2"), m.group("quote2"), m.group("whether")
    if m.group("event"):
        return m.group("who3"), m.group("quote3"), _PREMISE + m.group("event")
    return m.group("who"), m.group("quote"), m.group("missing")
