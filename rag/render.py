"""Render a Brief as Markdown with [n] citation markers and a numbered source list."""

from __future__ import annotations

import calendar
import re

from datetime import date, timedelta

from rag.brief import Brief, Claim, Source
from rag.followup import DATE_NOTE_RE
from rag.quoted_once import QuoteLedger, distinct_quotes
from rag.source_names import source_name
from rag.text.lexicon import word_set
from rag.text.normalize import title_word_count
from rag.text.sentences import sentence_texts
from rag.writers.answer_verdict import without_verdict
from rag.writers.attribution import ATTRIBUTED_ROLES, names_no_one, relayed_outlets
from rag.writers.on_topic import dates_story, story_years, topic_month
from rag.writers.hypothesis_stance import HOLDER_ROLE, PARTY_ROLE
from rag.writers.rebuttals import REBUTTAL_ROLE
from rag.writers.timeline import anchored_dates, basis_shown, vague_times


def _marks(claim: Claim) -> str:
    nums = sorted({c.source for c in claim.citations if c.source})
    return "".join(f"[{n}]" for n in nums)


#: a double-quoted span inside a quoted sentence (curly or straight quotation marks)
_INNER_QUOTE = re.compile(r"“([^“”]*)”|\"([^\"]*)\"")


def one_line(text: str) -> str:
    """A quote's words on one line: a source file's hard line breaks and runs of spaces inside a sentence are one
    space (“ASML said …”, never “ASML⏎said …”: s65's new user, F19). Every quote the product shows passes here
    (``quoted``, ``claim_text``)."""
    return " ".join(text.split())


def quoted(text: str) -> str:
    """``text`` inside double quotation marks, a quotation inside it turned to single marks (the nested-quotation
    rule of English typography, e.g. The Chicago Manual of Style 6.9): “‘The measure is not …,’ Suga said.”, never
    ““The measure …” Suga said.”. An unpaired mark is left as it is; the words are on one line (``one_line``)."""
    return "“" + _INNER_QUOTE.sub(lambda m: f"‘{m.group(1) if m.group(1) is not None else m.group(2)}’", one_line(text)) + "”"


#: the words a sentence opens with that are no name (``sentence_case_after_lead``)
_STARTERS = word_set("common_starters") | word_set("determiners") | word_set("pronouns")


#: a sentence that already ends: at a full stop, or at a quotation that ends its own sentence (".”", "?’"), after
#: which only a section's name in brackets, citation marks and the quote's date note (``placed_dates``) may follow
#: ("… with the WTO.” (Key developments) [1]", "… said.” [1] *(undated source: ‘yesterday’ cannot be placed)*")
_ENDED = re.compile(r"[.!?](?:[”’\"'])?\s*(?:\([^()]*\)\s*)?(?:\[\d+\])*\s*(?:" + DATE_NOTE_RE.pattern + r")?\s*$")


def end_sentence(text: str) -> str:
    """``text`` ended with a full stop, unless it already ends: one punctuation rule for a citation after a quote.
    A quotation that ends with its own full stop (or "?", "!") ends the sentence, and its citation marks follow
    without another ("… plans to file a complaint with the WTO.” (Key developments) [1]", never "… WTO.” … [1]."); a
    quotation cut short ("… if the …” [1]") or none gets the full stop ("… [1].")."""
    text = text.rstrip()
    return text if _ENDED.search(text) else text + "."


def claim_text(claim: Claim) -> str:
    """The quoted sentence, prefixed with its attribution when it is not presented as fact. An answer's verdict
    ("Yes. ", "False. ": ``answer_verdict.without_verdict``) is the product's word, not the source's: it stays
    outside the quotation marks ("Yes. According to an unnamed roundup: “US authorities have asked …”")."""
    if not claim.attribution:
        return sentence_case_after_lead(one_line(claim.text))
    quote = without_verdict(claim.text)
    verdict = claim.text[: len(claim.text) - len(quote)]
    return f"{verdict}{claim.attribution}: {quoted(quote)}"


#: the product's lead before a quote, ended by a semicolon ("The sources give no stated reason; "), and the quote's
#: first word when it is a common word written capitalised only because it opened its sentence ("The", "A", "It")
_LEAD_THEN_WORD = re.compile(r"^(?P<lead>[^“”;]+; )(?P<word>[A-Z][a-z]*)\b")


def sentence_case_after_lead(text: str) -> str:
    """A claim led by the product's own words ended with a semicolon, its quote's opening common word in lower case
    ("The sources give no stated reason; the review was opened …", not "…; The review …": s65's new user, F19); a
    name ("…; Arvenna said …"), an acronym, "I" or a claim without such a lead is unchanged. The opening words are those
    a sentence starts with (``common_starters.txt``, ``determiners.txt``, ``pronouns.txt``)."""
    m = _LEAD_THEN_WORD.match(text)
    if m is None or m.group("word") == "I" or m.group("word").lower() not in _STARTERS:
        return text
    return text[: m.start("word")] + text[m.start("word")].lower() + text[m.start("word") + 1 :]


def date_note(claim: Claim, published_of: dict[int, str | None], context_of: dict[int, str] | None = None) -> str:
    """What the reader needs to place a quote's relative dates (``placed_dates`` of its first source's date); "" for
    a timeline entry, which carries its own date and basis, and for a claim citing no source. ``published_of``:
    source index -> ISO date or None; ``context_of``: source index -> the source's cited passages (``source_context``),
    the document's own words that settle a year or a weekday the quote leaves open."""
    nums = [c.source for c in claim.citations if c.source]
    if not nums or claim.date:
        return ""
    return placed_dates(claim.text, published_of.get(nums[0]), context=(context_of or {}).get(nums[0], ""))


def source_context(brief: Brief) -> dict[int, str]:
    """Source index -> its passages the brief cites, one per line (``Source.passages``): the context a quote's
    dates are read in (``rag.text.dates.find_dates``)."""
    return {s.index: "\n".join(s.passages) for s in brief.sources}


def placed_dates(text: str, published: str | None, *, context: str = "") -> str:
    """What the reader needs to place the relative dates ("yesterday", "last week", "on Monday") of a quote whose
    source is dated ``published`` (ISO date or None): each anchored to that date (``timeline.anchored_dates``), or
    marked as unplaceable when the source is undated; "" when the quote states none. Every answer path shows it: a
    brief's and an answer's claims (``date_note``) and a partial answer's quote (``abstention_text.partial_message``).

    A relative time word that names no day ("recently", "currently", "soon": ``timeline.vague_times``) is placed
    against the source's date too, before, at or after it ("‘recently’: before 2020-03-31"), or marked in an undated
    source like any other.

    " *(‘yesterday’: 2019-07-09; ‘last week’: the week of 2019-07-01 — by the source's date, 2019-07-10)*";
    " *(‘recently’: before 2020-03-31 — by the source's date, 2020-03-31)*";
    " *(undated source: ‘last week’ cannot be placed)*". ``context``: the rest of the same source (``date_note``).
    """
    found = anchored_dates(text, published, context=context)
    vague = vague_times(text)
    if not found and not vague:
        return ""
    phrases = list(dict.fromkeys([f"‘{phrase}’" for phrase, _, _ in found] + [f"‘{phrase}’" for phrase, _ in vague]))
    if not published:
        return f" *(undated source: {' and '.join(phrases)} cannot be placed)*"
    placed = []
    for phrase, value, precision in dict.fromkeys(found):
        day = date.fromisoformat(value) if precision in ("day", "week") else None
        when = (f"the week of {(day - timedelta(days=day.weekday())).isoformat()}" if precision == "week" and day
                else value)
        placed.append(f"‘{phrase}’: {when}")
    placed += [f"‘{phrase}’: {_VAGUE_WORDS[relation]} {published[:10]}" for phrase, relation in vague]
    return f" *({'; '.join(dict.fromkeys(placed))} — by the source's date, {published})*"


#: how a vague relative time stands to its source's date, as the note says it
_VAGUE_WORDS = {"before": "before", "at": "as of", "after": "after"}


def _weighed(claim: Claim, ledger: QuoteLedger, section: str, published_of: dict[int, str | None] | None = None,
             context_of: dict[int, str] | None = None) -> list[str]:
    """Indented lines with an explanation's evidence for and against, or a line saying the sources give none; a
    passage the brief quoted before is referred to, not quoted again (``QuoteLedger``); a quote shown here gets its
    relative dates placed (``published_of``: source index -> date, ``date_note``)."""
    def line(label: str, c: Claim) -> str:
        if c.text == claim.text and not claim.statement:
            # an explanation the source states only to deny it, quoted in full just above
            return f"    - {label}: {DENIED_ABOVE} {_marks(c)}"
        return f"    - {label}: {_once(c, ledger, section, published_of, see='', context_of=context_of)}"

    # the holder's own statement of the explanation is what they claim, not evidence for it: shown first, as theirs
    lines = [line(f"Stated by {c.held_by or claim.held_by or 'its holder'} (the holder's side, not evidence)", c)
             for c in claim.evidence_for if c.role == HOLDER_ROLE]
    lines += [line("Evidence for", c) for c in claim.evidence_for if c.role not in (HOLDER_ROLE, PARTY_ROLE)]
    # a finding a party reports ("an inspection found no sign of …") is evidence, said with who reports it
    lines += [line(f"Evidence against (as {c.held_by} reports)" if c.held_by else "Evidence against", c)
              for c in claim.evidence_against if c.role not in (REBUTTAL_ROLE, PARTY_ROLE)]
    # another party stating its own position, for or against: that party's claim, not evidence either way
    lines += [line(f"Stated by {c.held_by or 'a party to the story'} (a party to the story, not evidence)", c)
              for c in claim.evidence_for + claim.evidence_against if c.role == PARTY_ROLE]
    # a party's reaction is what it says of the explanation, not evidence: shown as its rebuttal, after the evidence
    lines += [line(f"Rebuttal by {c.denied_by or 'a party to the story'} (a reaction, not evidence)", c)
              for c in claim.evidence_against if c.role == REBUTTAL_ROLE]
    lines = lines or ["    - No evidence for or against it in the sources."]
    # the source's verdict weighs its hypotheses against each other: one line, under the last of them
    return lines + [line("The source's verdict between its hypotheses", c) for c in claim.verdict]


def _once(claim: Claim, ledger: QuoteLedger, section: str, published_of: dict[int, str | None] | None = None, *,
          see: str = "See ", context_of: dict[int, str] | None = None) -> str:
    """The claim quoted with its attribution, its marks and its relative dates placed (``date_note``), or, when the
    brief quoted its passage before, a pointer to it (after ``see``) with its marks."""
    ref = ledger.refer(claim, section)
    if ref is not None:  # the outlet the source relays stays with the pointer (a timeline entry "citing Nikkei Asia")
        relay = relayed_outlets(claim.attribution)
        return f"{see}{ref}{f', which its source credits to {relay}' if relay else ''} {_marks(claim)}"
    return f"{claim_text(claim)} {_marks(claim)}{date_note(claim, published_of or {}, context_of)}"


def timeline_entry(claim: Claim, ledger: QuoteLedger) -> str:
    """A timeline entry's text after its date: the event itself, never a pointer to another section (a timeline read
    alone tells what happened when). A passage the brief quoted before is shown by its first sentence, the one that
    reports the event, with its attribution frame and marks; one not quoted before in full (``_once``). The date's
    basis follows when the reader needs it: an article's date a relative day was read against ("… in an article of
    2019-07-10"), or a source's or report's date standing for the event's (``timeline.basis_shown``).

    "Intelrift … reports: “Japan has reportedly denied cybersecurity approval for Chinese storage battery makers,
    tightening scrutiny …” [1] *(date from the source's date: …)*", not "See the passage quoted under …"."""
    if ledger.where(claim) is not None:
        first = sentence_texts(claim.text)[:1] or [claim.text]
        text = f"{claim_text(claim.model_copy(update={'text': first[0].strip()}))} {_marks(claim)}"
    else:
        text = _once(claim, ledger, "Timeline")
    return text + (f" *(date from {claim.date_basis})*" if basis_shown(claim.date_basis) else "")


def hypothesis_text(claim: Claim, sources: dict[int, Source]) -> str:
    """An explanation as a short claim with who holds it and who denies it, when the writer read them
    (``Claim.statement``): "“the decision … was based on a lack of trust …” — held by Japanese officials, as Taipei
    Times reports"; "“the move was driven by worsening ties …” — held by others the sources do not name; denied by
    Japanese officials". A statement no one in the quote holds is its source's ("Taipei Times reports the
    explanation: “…”"); without a statement, the quote with its attribution (``claim_text``)."""
    if not claim.statement:
        return claim_text(claim)
    said = quoted(claim.statement)
    if not claim.held_by and not claim.denied_by:
        return f"{claim.attribution}: {said}" if claim.attribution else said
    cited = [sources[c.source] for c in claim.citations if c.source in sources]
    outlet = next((s.attributed_as or s.publisher or s.title for s in cited if s.attributed_as or s.publisher or s.title), "")
    held = f"held by {claim.held_by}" if claim.held_by else "held by others the sources do not name"
    if claim.held_by and outlet:
        held += f", as {outlet} reports"
    return f"{said} — {held}" + (f"; denied by {claim.denied_by}" if claim.denied_by else "")


#: the evidence against an explanation a source states in order to deny it (``hypotheses.denied``): the quote itself
DENIED_ABOVE = "the source states this explanation to deny it (quoted above)."

#: what the hypotheses section says first when the sources give a single explanation: one is not "competing"
ONE_EXPLANATION = "The sources offer one explanation; none competes with it."


def checks_line(brief: Brief) -> str:
    """What was checked: for quoted sentences (true to their source by construction) the quoting and
    attribution; for generated text the citation checker's count. A quote may hold several sentences (a dependent
    sentence is quoted with the one it depends on): the line counts quotes and, when they differ, the sentences
    they hold ("18 quotes (24 sentences) quoted verbatim ..."), never quotes as sentences. The quotes are the
    brief's distinct passages (``quoted_once.distinct_quotes`` over its sections and timeline), as its JSON's
    ``claims_verified`` counts them: a headline "What happened" repeats is one quote."""
    if brief.provenance.backend == "extractive":
        claims = distinct_quotes([c for s in brief.sections for c in s.claims] + list(brief.timeline))
        n_src = len({c.source for cl in claims for c in cl.citations})
        # a report credited to a source no one can be named for ("According to an unnamed roundup …") is reporting
        # credited, not a view: counted apart, not as judgement, forecast or non-reporting
        unnamed = sum(1 for c in claims if names_no_one(c.attribution) and c.role not in ATTRIBUTED_ROLES)
        attributed = sum(1 for c in claims if c.attribution) - unnamed
        n_sent = sum(max(1, len(sentence_texts(c.text))) for c in claims)
        unit = 'quote' if n_sent != len(claims) else 'sentence'
        counted = (f"{n_sent} sentence{'s' if n_sent != 1 else ''}" if n_sent == len(claims)
                   else f"{len(claims)} quote{'s' if len(claims) != 1 else ''} ({n_sent} sentences)")
        return (f"{counted} quoted verbatim from {n_src} "
                f"source{'s' if n_src != 1 else ''}; {attributed} {unit}"
                f"{'s' if attributed != 1 else ''} attributed to their source as judgement, forecast or non-reporting"
                + (f"; {unnamed} report{'s' if unnamed != 1 else ''} credited to an unnamed source (“According to …”)"
                   if unnamed else "") + ".")
    return f"{brief.claims_verified} of {brief.claims_total} claims verified."


def source_title(s: Source) -> str:
    """How a source is named (``rag.source_names.source_name``)."""
    return source_name(s.title, s.source_path, s.doc_id)


def source_facts(s: Source) -> list[str]:
    """A source's publisher, type and date as every listing of sources shows them, each with its word for "not
    known" ("publisher unknown", "news report", "undated")."""
    return [s.publisher or "publisher unknown", s.type_label or "news report", s.published or "undated"]


def _source_line(s: Source, *, with_spans: bool = True) -> str:
    name = source_title(s)
    parts = [f"**{name}**", *source_facts(s)]
    if s.url:
        parts.append(s.url)
    spans, refs = source_places(s)
    if spans and with_spans:  # offsets in the original file, as the JSON's source_spans (not the stored text's), in file order
        parts.append("chars " + ", ".join(f"{a}–{b}" for a, b in spans))
    if refs:  # where a reader opens the original: path:lines, path p.N or path#LN
        parts.append("; ".join(f"`{r}`" for r in refs))
    elif s.source_path and not s.url:
        parts.append(f"`{s.source_path}`")
    return " — ".join(parts)


#: where a source reference points: its file and the first line, page or record number after it ("path:12-13",
#: "path p.4", "path#L63")
_REF_PLACE = re.compile(r"^(?P<file>.*?)(?::|\s+p\.|#L)(?P<at>\d+)(?:[-–]\d+)?$")
_LINES = re.compile(r"^(?P<file>.*):(?P<first>\d+)(?:-(?P<last>\d+))?$")


def source_places(s: Source) -> tuple[list[tuple[int, int]], list[str]]:
    """The stretches of the original file a source's line shows ("chars a–b": ``source_spans`` in file order, those
    that overlap joined: a span quoted whole in one section and in part in another is one stretch, "282–465, 282–629"
    → "282–629"; spans side by side that do not overlap stay apart, each its own quote) and one reference per stretch
    (``source_refs``; distinct, in file order), so a line lists no more places than ranges: two overlapping quotes
    at "a.txt:12" and "a.txt:12-14" are one range at "a.txt:12-14". Spans merge only within one place: a PDF's
    offsets count within its page, so quotes on pages 3 and 4 are two ranges. References of spans whose place in the
    file is unknown follow, as they are."""
    refs_of = s.source_refs + [""] * (len(s.source_spans) - len(s.source_refs))
    known = [((sp[0], sp[1]), ref) for sp, ref in zip(s.source_spans, refs_of) if sp]
    known.sort(key=lambda x: (ref_order(_place(x[1])), x[0]))
    groups: list[tuple[str, int, int, list[str]]] = []  # place, start, end, references
    for (a, b), ref in known:
        if groups and groups[-1][0] == _place(ref) and a < groups[-1][2]:
            place, start, end, refs = groups[-1]
            groups[-1] = (place, start, max(end, b), refs + [ref])
        else:
            groups.append((_place(ref), a, b, [ref]))
    unknown = [ref for sp, ref in zip(s.source_spans, refs_of) if not sp] + s.source_refs[len(s.source_spans):]
    refs = [_joined_ref(g[3]) for g in groups] + unknown
    return [(g[1], g[2]) for g in groups], sorted((r for r in dict.fromkeys(refs) if r), key=ref_order)


def _place(ref: str) -> str:
    """What a span's offsets count within: the file for a line reference, else the page or record the reference
    names ("r.pdf p.3", "f.jsonl#L5")."""
    m = _LINES.match(ref)
    return m.group("file") if m else ref


def _joined_ref(refs: list[str]) -> str:
    """One reference for the references of one stretch of a place ("a.txt:12", "a.txt:13-14" → "a.txt:12-14")."""
    lines = [m for r in refs if (m := _LINES.match(r))]
    if len(lines) != len(refs):
        return refs[0]  # one page or record: the references are the same
    first = min(int(m.group("first")) for m in lines)
    last = max(int(m.group("last") or m.group("first")) for m in lines)
    return f"{lines[0].group('file')}:{first}" + (f"-{last}" if last > first else "")


def ref_order(ref: str) -> tuple[str, int, str]:
    """The sort key of a source reference: its file, then the number of its first line, page or record, so that a
    source's references read in the order of the document ("…:1", "…:2-3", "…:14", never "…:8", "…:2-3"); a
    reference without a number sorts by its text."""
    m = _REF_PLACE.match(ref)
    return (m.group("file"), int(m.group("at")), ref) if m else (ref, -1, ref)


def dating(brief: Brief) -> str:
    """What a brief's header says of its date: "as of 2019-07-04" (the latest evidence date); for an abstention,
    that there was no evidence and within which filters, since there is no evidence to date; for a brief whose
    on-topic evidence is all undated, that no on-topic source gives a publication date (a dated source cited for
    another story does not date this one: ``confidence.on_topic_sources``) — never "as of unknown". The time a topic
    names ("Japan's 2019 export curbs …") is said as the story's only when the brief's evidence dates the story to it
    (``on_topic.dates_story`` over its sources' dates, its quotes and its timeline): "story of 2010 · as of
    2023-07-05" when a 2023 digest recalls the 2010 embargo; "no source in the corpus dates this story to 2024 · as
    of 2026-02-25" when the evidence is dated otherwise (a wrong year in the topic is a gap, never a fact); "undated:
    no on-topic source gives a publication date or dates this story to 2019" when nothing cited is dated."""
    if brief.abstained:
        from rag.types import SearchFilters
        from rag.writers.abstention_text import filters_described

        f = brief.provenance.filters or {}
        limits = filters_described(SearchFilters(since=f.get("since"), until=f.get("until"), publishers=tuple(f.get("publishers") or ()),
                                                  dated_since=f.get("dated_since")))
        return f"no evidence within the filters ({limits})" if limits else "no evidence in the corpus"
    years = story_years(brief.topic, None)
    evidence = None if years is None else dates_story(
        years, [s.published for s in brief.sources] + [c.date for c in brief.timeline if c.date],
        [c.text for c in brief.all_claims()])
    if evidence is False:  # the topic's year is the user's, not the corpus's: a gap, never the story's time
        said = story_time(brief.topic, None)
        gap = f"no source in the corpus dates this story to {said}"
        return f"{gap} · as of {brief.as_of}" if brief.as_of else f"{gap} · undated: no on-topic source gives a publication date"
    if brief.as_of:
        story = story_time(brief.topic, brief.as_of)
        return f"story of {story} · as of {brief.as_of}" if story else f"as of {brief.as_of}"
    if years is not None and evidence is None:  # nothing cited is dated: the topic's year is neither the corpus's nor contradicted by it
        return f"undated: no on-topic source gives a publication date or dates this story to {story_time(brief.topic, None)}"
    story = story_time(brief.topic, None)
    return f"story of {story} · undated: no on-topic source gives a publication date" if story else \
        "undated: no on-topic source gives a publication date"


def unplaced_line(brief: Brief) -> str | None:
    """The header's second line when quotes from undated sources state relative dates: the reader must not place
    "last week" at the brief's date, nor in the topic's year ("*Relative dates in undated sources cannot be placed:
    ‘yesterday’, ‘last week’.*"); None when there are none."""
    unplaced = unplaced_dates(brief)
    return f"*Relative dates in undated sources cannot be placed: {', '.join(f'‘{p}’' for p in unplaced)}.*" if unplaced else None


def unplaced_dates(brief: Brief) -> list[str]:
    """The relative date phrases ("yesterday", "last week") that the brief's quotes from undated sources state, in
    order, each once (``timeline.anchored_dates``)."""
    published_of = {s.index: s.published for s in brief.sources}
    found: dict[str, str] = {}
    for claim in (c for s in brief.sections for c in s.claims):
        nums = [c.source for c in claim.citations if c.source]
        if nums and not published_of.get(nums[0]):
            for phrase in [p for p, _, _ in anchored_dates(claim.text, None)] + [p for p, _ in vague_times(claim.text)]:
                found.setdefault(phrase.lower(), phrase)
    return list(found.values())


def story_time(topic: str, as_of: str | None) -> str | None:
    """The story's time as the topic names it ("March 2022", "2019"; ``on_topic.topic_month``, ``story_years``),
    when the brief's date does not already place it: its evidence is undated, or dated in another year (a brief on
    Japan's 2019 curbs whose only source is an undated page says "story of 2019"; one as of 2019-07-12 says nothing
    more). None when the topic names no time (the story's reports then date it)."""
    years = story_years(topic, None)
    if years is None or (as_of and years[0] <= int(as_of[:4]) <= years[1]):
        return None
    month = topic_month(topic)
    if month is not None and years[0] == years[1]:
        return f"{calendar.month_name[int(month[5:7])]} {month[:4]}"
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


#: the longest headline a title shows, in words: a newspaper headline's length ("China Imposes Export Restrictions on
#: 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo" is 13); a longer lead is a lede, not a headline. Words as
#: a title counts them (``normalize.title_word_count``): a Han, kana or Hangul character is one, so a Japanese lede of
#: one "word" between spaces ("経済産業省は27日、…と発表した。") is not taken for a headline
TITLE_WORDS = 14
_QUOTE_MARKS = re.compile("[“”\"]")


def title_text(brief: Brief) -> str:
    """The rendered brief's title line (the H1): a short headline of the main event, never a quote and never a
    caveat. The lead passage's own words (no attribution frame, no quotation marks, no date note) when they read as a
    headline: one sentence of at most TITLE_WORDS words, quoting no one, with no relative date to place ("yesterday"
    needs a caveat a title cannot carry); else the topic, capitalised. The topic too when a section the brief shows
    quotes the lead passage (one passage, one place: "# Battery cybersecurity approval" over "What happened:
    Intelrift … reports: “Japan has reportedly denied …” [1]"). A brief's JSON ``headline`` is this same line
    (``pipeline`` sets it from here): one title, whichever format is read; the lead's attributed quote stays in its
    ``headline`` section.

    "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo" (a source's
    headline, attributed in its section) → that headline; "Japan yesterday said that it does not plan to retract …"
    (a 40-word lede with an unplaceable "yesterday") → the topic."""
    topic = brief.topic[:1].upper() + brief.topic[1:]
    return _lead_title(brief) or topic


def _lead(brief: Brief) -> Claim | None:
    """The lead passage: the ``headline`` section's claim, or None."""
    return next((c for s in brief.sections if s.name == "headline" for c in s.claims[:1]), None)


def _quoted_elsewhere(brief: Brief, lead: Claim) -> bool:
    """Whether a section other than ``headline`` quotes the lead passage."""
    shown = (c for s in brief.sections if s.name != "headline" for c in s.claims)
    return any(claim_text(c) == claim_text(lead) or c.text == lead.text for c in shown)


def _lead_title(brief: Brief) -> str | None:
    """The lead passage's words as the title (``title_text``), or None when they cannot be one or a section quotes them."""
    lead = _lead(brief)
    if lead is None or _quoted_elsewhere(brief, lead):
        return None
    words = " ".join(without_verdict(lead.text).split())
    if (title_word_count(words) > TITLE_WORDS or _QUOTE_MARKS.search(words) or len(sentence_texts(words)) > 1
            or anchored_dates(words, None) or vague_times(words)):
        return None
    return words.rstrip(".")


def lead_shown(brief: Brief) -> bool:
    """Whether a brief's Markdown shows its lead passage without its ``headline`` section: as the title line
    (``title_text``) or quoted by another section. Else the section is shown, attributed and with its date notes: a
    lede that cannot be a title ("Japan yesterday said that it does not plan to retract …": 40 words, an unplaceable
    "yesterday") is still the story's main event, and the Korea situation brief showed it nowhere (s36 fresh user)."""
    lead = _lead(brief)
    return lead is None or _lead_title(brief) is not None or _quoted_elsewhere(brief, lead)


def brief_markdown(brief: Brief, *, provenance: bool = True) -> str:
    """The brief as Markdown: sections, timeline, sources and a provenance footer."""
    p = brief.provenance
    out: list[str] = []
    published_of = {s.index: s.published for s in brief.sources}
    context_of = source_context(brief)
    if brief.kind == "brief":
        out.append(f"# {title_text(brief)}")
        out.append(f"*{brief.template.capitalize()} brief on “{brief.topic}” · {dating(brief)}*")
        if not brief.abstained and (unplaced := unplaced_line(brief)):
            out.append(unplaced)
    else:
        out.append(f"**Q:** {brief.topic}")
    if brief.abstained:
        out.append("")
        out.append(brief.message or "")
        if brief.closest_sources:
            out.append("")
            out.append("Closest sources found:")
            out.extend(f"{s.index}. {_source_line(s, with_spans=False)}" for s in brief.closest_sources)
        return "\n".join(out) + "\n"
    if brief.message:  # e.g. the offline writer stood in for a failed LLM
        out.append(f"> {brief.message}")
    out.append(f"*{brief.label} {checks_line(brief)}*")
    if brief.confidence and not brief.section("confidence"):
        out.append(f"*Confidence: {brief.confidence.text()}*")
    ledger = QuoteLedger()  # each passage quoted once: a later section refers to it
    sources = {s.index: s for s in brief.sources}
    for section in brief.sections:
        if section.is_empty() or (brief.kind == "brief" and section.name == "headline" and lead_shown(brief)):
            continue
        out.append("")
        if brief.kind == "brief" or section.name != "answer":
            out.append(f"## {section.title}")
        if section.kind == "terms":
            out.append(" · ".join(section.terms))
        elif section.kind == "stat" or not section.claims:
            out.append(section.text or "")  # a stat, or an empty required section saying what is missing
        elif brief.kind == "answer":
            out.append(inline_claims(section.claims, published_of, context_of))
        else:
            numbered = section.name == "implications"
            if section.name == "hypotheses" and len(section.claims) == 1:
                out.append(ONE_EXPLANATION)  # said plainly: a single judgement listed alone reads as a choice made
            for i, c in enumerate(section.claims, 1):
                if section.name == "hypotheses" and c.statement:
                    # a short claim, not the passage: its evidence quotes that
                    out.append(f"{f'{i}.' if numbered else '-'} {hypothesis_text(c, sources)} {_marks(c)}")
                else:
                    out.append(f"{f'{i}.' if numbered else '-'} {_once(c, ledger, section.title, published_of, context_of=context_of)}")
                out.extend(_weighed(c, ledger, section.title, published_of, context_of) if section.name == "hypotheses" or c.evidence_for or c.evidence_against or c.verdict else [])
    if brief.timeline and brief.kind == "brief":
        out.append("")
        out.append("## Timeline")
        out.extend(f"- **{c.date}** — {timeline_entry(c, ledger)}" for c in brief.timeline)
    out.append("")
    out.append("## Sources")
    out.extend(f"{s.index}. {_source_line(s)}" for s in brief.sources)
    if provenance:
        out.append("")
        out.append("---")
        out.append(
            f"<sub>template {p.template} v{p.template_version} ({p.template_hash}) · {p.backend}/{p.model} · "
            f"corpus {p.corpus_snapshot} · retrieval {p.retrieval.get('mode')} k={p.retrieval.get('evidence_k')} · "
            f"{len([r for r in p.repairs if r.action != 'term_dropped'])} repairs · created {p.created_at} · brief {brief.id}</sub>"
        )
        for note in p.notes:
            if "unavailable" in note:
                out.append(f"<sub>note: {note}</sub>")
    return "\n".join(out) + "\n"


def inline_claims(claims: list[Claim], published_of: dict[int, str | None],
                  context_of: dict[int, str] | None = None) -> str:
    """An answer's claims as running text: each quoted with its attribution and [n] marks, its relative dates placed
    by its source's date or marked unplaceable (``date_note``), as a brief's quotes are."""
    return " ".join(f"{claim_text(c)} {_marks(c)}{date_note(c, published_of, context_of)}" for c in claims)


def shown_answer(brief: Brief) -> str:
    """The answer as a chat user reads it, without its source list: the message (an abstention's, or a note before
    the answer) and the claims with their attribution frames and inline [n] markers, a compound question's part the
    corpus does not answer said in its place (a "note" section: ``answer_parts.joined_answer``). What a
    conversation's history holds for this turn (``brief chat``, the follow-ups eval): a follow-up is resolved
    against what was shown."""
    if brief.abstained:
        return brief.message or ""
    published_of = {s.index: s.published for s in brief.sources}
    context_of = source_context(brief)
    said: list[str] = []
    for s in brief.sections:
        if s.claims:
            said.append(inline_claims(s.claims, published_of, context_of))
        elif s.kind == "note" and s.text:
            said.append(s.text)
    return "\n".join(([brief.message, ""] if brief.message else []) + [" ".join(said)])


def answer_with_sources(brief: Brief) -> str:
    """Chat-style text: the answer with inline [n] markers, then the source list (OpenAI-compatible replies)."""
    lines = [shown_answer(brief)]
    if brief.abstained:
        if brief.closest_sources:
            lines += ["", "Closest sources found:"] + [f"[{s.index}] {_source_line(s, with_spans=False)}" for s in brief.closest_sources]
        return "\n".join(lines)
    lines += ["", "Sources:"] + [f"[{s.index}] {_source_line(s)}" for s in brief.sources]
    return "\n".join(lines)
