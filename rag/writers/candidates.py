"""Candidate sentences of the extractive writer: the quotable sentences of the evidence and their scores."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from rag.text.block_lists import joined_lists, list_parts, list_reading
from rag.text.cjk_actors import bystanders
from rag.text.scripts import CJK_RUN, has_hiragana
from rag.text.tables import is_table_row
from rag.text.datelines import dateline_end
from rag.text.editorial_notes import note_spans
from rag.text.entry_stamps import entry_stamp_end
from rag.text.lexicon import table, word_list
from rag.text.markdown import heading_marks
from rag.text.normalize import match_form
from rag.text.transcript_turns import Turn, passage_turns
from rag.text.sentences import Sentence, flatten, split_sentences
from rag.writers.author_notes import author_note
from rag.writers.cjk_roles import cjk_role
from rag.writers.base import CitedSpan, DraftClaim, EvidencePassage
from rag.writers.item_headlines import item_blurb, item_headline
from rag.writers.key_terms import coverage, key_terms, term_weights
from rag.writers.key_terms import stems as text_stems
from rag.writers.role_typing import NEVER, doc_type, position, sentence_roles, typable
from rag.writers.sentence_cues import ANAPHORA_RE, CUES, MAX_WORDS, PARAGRAPH_BREAK, TERMINAL_RE, is_boilerplate, junk_reason
from rag.writers.source_structure import labelled_headline
from rag.writers.source_types import source_type

__all__ = ["MAX_CANDIDATES", "CONNECTIVE_RE", "DEPENDENT_RE", "STORY_SWITCH_RE", "Candidate", "Scored", "candidates", "cap_titles", "coverages",
           "is_dependent", "is_other_story", "sums_up", "paragraph", "quotable", "type_roles"]

MAX_CANDIDATES = 150
_OPENING_QUOTES = ("“", '"', "‘", "「", "『")
#: the role a quote of a source's own labelled structure is credited with (``Candidate.structure``): an item under
#: its "Assumptions:" caption is what it assumes, one under "Information Gaps:" what it does not know, its sentence
#: naming the indicators that would shift its verdict what it says to watch
CLAIM_ROLE_OF_STRUCTURE = {"assumption": "assumption", "gap": "gap", "indicator": "signal"}


def _sense_openers(group: dict) -> list[str]:
    """One sense's connectives of ``discourse_connectives.toml`` as patterns: ``bare`` ones as they are, ``set_off``
    ones followed by a comma."""
    return group.get("bare", []) + [f"{c}\\s*," for c in group.get("set_off", [])]


def _connective_openers() -> list[str]:
    """The openers of ``discourse_connectives.toml``: each sense's connectives (``set_off`` ones followed by a comma)
    and the prepositional phrases whose object refers back ("Because of this", "In response to that")."""
    data = table("discourse_connectives")
    out: list[str] = []
    for sense, group in data.items():
        if sense not in ("back_reference", "summary"):
            out += _sense_openers(group)
    back = data["back_reference"]
    out.append("(?:" + "|".join(back["prepositions"]) + ")\\s+(?:all\\s+)?(?:" + "|".join(back["objects"]) + ")")
    return out


#: A sentence that cannot stand alone: it refers back ("This action ...") or continues ("Furthermore, ...").
DEPENDENT_RE = re.compile(r"^[\W_]*(?:" + "|".join(word_list("dependent_openers")) + ")", re.I)
#: ... or opens with a discourse connective whose first argument is the sentence before ("In other words, ...",
#: "Accordingly, ...") or a phrase referring back ("Because of this, ..."): ``discourse_connectives.toml``. A brief
#: quotes such a sentence with its context; an answer still may quote it alone (measured on the seed answers: the
#: joined quote pushed a question's figure out of the answer's length, and "For example, the media reported ... ASML
#: ..." answers a question alone, evals/README.md h/briefs-s24).
CONNECTIVE_RE = re.compile(r"^[\W_]*(?:" + "|".join(_connective_openers()) + ")", re.I)

def _internal_references() -> str:
    """``internal_references.toml`` as one alternation: a quotation whose speaker is a pronoun ("..., it said") and a
    verb whose object points back to what was said ("echoed this sentiment")."""
    data = table("internal_references")
    speaker = data["pronoun_speaker"]
    echo = data["echo"]
    return ("[”\"’]\\s*(?:" + "|".join(speaker["pronouns"]) + ")\\s+(?:" + "|".join(speaker["verbs"]) + ")\\b"
            + "|\\b(?:" + "|".join(echo["verbs"]) + ")\\s+(?:" + "|".join(echo["determiners"]) + ")\\s+(?:"
            + "|".join(echo["nouns"]) + ")\\b")


#: ... or refers back from inside: a quotation whose speaker is a pronoun, a verb whose object is what the sentence
#: before said (``internal_references.toml``; briefs, with the connectives: "“This action is destabilizing ...,” it
#: said." and "Carl Schuster ... echoed this sentiment." say nothing an analyst can use without the sentence before).
INTERNAL_REFERENCE_RE = re.compile(_internal_references(), re.I)

#: A sentence that sums up what several sentences before it named ("Together, the two developments frame ...",
#: ``discourse_connectives.toml`` [summary]): its first argument is not the one sentence before, so a brief neither
#: quotes it alone nor with that sentence (briefs; an answer's candidates are not checked).
SUMMARY_RE = re.compile(r"^[\W_]*(?:" + "|".join(_sense_openers(table("discourse_connectives")["summary"])) + ")",
                        re.I)


def sums_up(text: str) -> bool:
    """Whether a sentence opens by summing up what came before it (``SUMMARY_RE``)."""
    return bool(SUMMARY_RE.match(text))


#: A sentence with which a report turns to another story ("In related news, ...": ``story_switch_openers.txt``).
STORY_SWITCH_RE = re.compile(r"^[\W_]*(?:" + "|".join(word_list("story_switch_openers")) + ")", re.I)


def is_other_story(text: str) -> bool:
    """Whether a sentence (or a quote that starts with it) turns to another story by its source's own words."""
    return bool(STORY_SWITCH_RE.match(text))


_CLOSING_QUOTES = "”\"’」』"
#: closing marks that never double as an apostrophe ("Japan’s"): one inside a sentence ends a quotation there
_UNAMBIGUOUS_CLOSERS = _CLOSING_QUOTES.replace("’", "")
_QUOTATION_END_RE = re.compile(r"[" + _CLOSING_QUOTES + r"][\W_]*$")


def _only_quotation(text: str) -> bool:
    """Whether a sentence is a quotation and nothing else ("‘So much so that ...’"): no speaker in it to anchor it."""
    body = text.strip()
    return bool(_QUOTATION_END_RE.search(body)) and not any(c in body[1:-1] for c in _UNAMBIGUOUS_CLOSERS)


#: why a line that is the document's own title was flagged: a capitalised heading, or (briefs: ``paragraphs``) an
#: unpunctuated line in sentence case ("Japan blocks Chinese battery makers over cybersecurity—while China ...")
TITLE_REASONS = frozenset({"heading", "truncated"})


_ZERO_SUBJECT = table("zero_subject")["ja"]


def lacks_subject(text: str) -> bool:
    """Whether a Japanese sentence names neither subject nor topic (``zero_subject.toml``: hiragana, a full stop at
    its end, none of the subject and topic particles in it): "2027年4月1日から適用する。" continues the sentence
    before it, whose subject it leaves out."""
    body = text.strip()
    return (has_hiragana(body) and body.endswith(tuple(_ZERO_SUBJECT["sentence_ends"]))
            and not any(p in body for p in _ZERO_SUBJECT["subject_particles"]))


def is_dependent(text: str, *, connectives: bool = False) -> bool:
    """Whether a sentence opens with an unresolved reference or a connective (``dependent_openers.txt``), or is a
    Japanese sentence whose subject is the sentence before's (``lacks_subject``).

    A direct quote is not: it names its speaker in the same sentence ("“The measure is ...,” Suga said."); a sentence
    that is only a quotation is read by the words inside it ("‘So much so that ...’").
    ``connectives``: also a discourse connective or a phrase referring back (``CONNECTIVE_RE``), or a reference back
    inside the sentence, a direct quote's pronoun speaker included (``INTERNAL_REFERENCE_RE``; briefs)."""
    opener = DEPENDENT_RE.match(text) or (connectives and CONNECTIVE_RE.match(text)) or lacks_subject(text)
    if opener and not (text.lstrip().startswith(_OPENING_QUOTES) and not _only_quotation(text)):
        return True
    return connectives and bool(INTERNAL_REFERENCE_RE.search(text))


#: a lede whose opening pronoun points forward to what the colon or dash names ("She's massive, invasive and covered
#: in scales: A record-breaking 215-pound Burmese python has been captured in Florida."; "It's official — Tokyo will
#: host …"): nothing comes before it, so it refers back to nothing. Not a quotation after the colon ("She said: “…”"):
#: there the pronoun is the speaker, named only in the title
_CATAPHORA_RE = re.compile(r"^[\W_]*(?i:she|he|it|they)(?:['’](?i:s|re))?\b[^:—–.!?]{0,80}(?::|\s[—–]|—|–)\s*[A-Z0-9]")
#: a lede's opening "It" with its verb is the empty subject of what follows ("It's been six months since Prince Harry
#: …", "It took less than a week … to move forward a historic piece of legislation"), not a reference back
_EXPLETIVE_IT_RE = re.compile(
    r"^[\W_]*(?i:it(?:['’]s|\s+(?:was|is|has|had|took|takes|will|would|wouldn['’]t|won['’]t|should|seems|seemed)))\b")


def is_cataphoric_lede(text: str) -> bool:
    """Whether a document's first sentence opens with a pronoun that refers back to nothing: one pointing forward to
    a clause after a colon or a dash, which names it (``_CATAPHORA_RE``), or an empty "It" with its verb
    (``_EXPLETIVE_IT_RE``): a lede, quotable alone though it opens with "She" or "It"."""
    return bool(_CATAPHORA_RE.match(text) or _EXPLETIVE_IT_RE.match(text))


@dataclass
class Candidate:
    """One quotable sentence: its passage, evidence rank, span in the chunk, stems and cue families."""

    passage: EvidencePassage
    rank: int  # evidence rank (0-based)
    local_start: int
    local_end: int
    text: str
    stems: set[str] = field(default_factory=set)
    cues: frozenset[str] = frozenset()
    source_stems: frozenset[str] = frozenset()
    #: the stems of what the sentence is about without saying it: in a transcript, the question an answer turn answers
    #: ("Reporter: … gallium …?" then "Spokesperson Lin Hao: The measures are normal practice.")
    context_stems: frozenset[str] = frozenset()
    #: the words of that question: an answer sentence is as near a question as it is read with the question it
    #: answers (``ExtractiveWriter._query_cosines``); "" for a sentence answering no question turn
    asked_in: str = ""
    #: the sentence's role (event, statement, judgement, forecast, signal, gap, background, furniture) once a role
    #: classifier has typed it; None: untyped (every section accepts it)
    role: str | None = None
    #: True when the quote is a dependent sentence together with the sentence before it
    with_context: bool = False
    #: True when the sentence is the document's title (a heading that is evidence)
    is_title: bool = False
    #: every role's probability from the classifier (empty: not classified, e.g. a title, typed "event")
    role_probs: dict[str, float] = field(default_factory=dict)
    #: (index, count) of the sentence in its document when known (see ``role_typing.position``)
    position: tuple[int, int] | None = None
    #: True when the sentence is its document's lede: the first quotable sentence of the document's opening passage
    is_lede: bool = False
    #: what the sentence is in its source's own labelled hypotheses (``source_structure``): "hypothesis", "for",
    #: "against", "note" or "verdict"; None: not part of one. Only the hypotheses section quotes such sentences.
    structure: str | None = None
    #: the role the source's own labelled section gives the sentence (``watch_items.section_roles``: an item under
    #: "Implications and Strategic Risks" or "Scenario Outlook:"); None: under no such heading
    own_section: str | None = None
    #: the list of its source's own the sentence is an item of (``watch_items.section_roles``): (doc id, the document
    #: offset of the list's caption line, "• Scenario Outlook:"); None: no item of a captioned list
    own_list: tuple[str, int] | None = None
    #: the local spans the quote is made of when it skips furniture between them (a dependent sentence quoted with
    #: the sentence before a photo caption); empty: the one span ``local_start``-``local_end``
    parts: tuple[tuple[int, int], ...] = ()
    #: True when the quote is a block list with the sentence that introduces it ("The additions include:" and its
    #: numbered or bulleted lines, ``rag.text.block_lists``): it lists what that sentence announces
    listed: bool = False

    @property
    def chunk_id(self) -> str:
        return self.passage.chunk.chunk_id

    @property
    def doc_id(self) -> str:
        return self.passage.chunk.doc_id

    @property
    def start(self) -> int:
        return self.passage.chunk.start + self.local_start

    @property
    def end(self) -> int:
        return self.passage.chunk.start + self.local_end

    def key(self) -> tuple[str, int, int]:
        return (self.chunk_id, self.local_start, self.local_end)

    def claim(self) -> DraftClaim:
        """The quote as a draft claim, citing its span, or each of its parts when it skips furniture."""
        spans = self.parts or ((self.local_start, self.local_end),)
        base = self.passage.chunk.start
        return DraftClaim(text=self.text, cites=[CitedSpan(self.chunk_id, base + a, base + b) for a, b in spans],
                          role=CLAIM_ROLE_OF_STRUCTURE.get(self.structure or "", self.role))

    def overlaps(self, other: "Candidate") -> bool:
        """Whether two quotes share text (a sentence and the same sentence quoted with its context)."""
        return self.doc_id == other.doc_id and self.start < other.end and other.start < self.end


@dataclass
class Scored:
    """Candidates with their relevance, centrality, pairwise similarity and fit to each section."""

    cands: list[Candidate]
    cos: np.ndarray  # cosine to the query
    cov: np.ndarray  # weighted share of the query's key terms the sentence contains
    window_cov: np.ndarray  # the same over the sentence and a neighbour in its passage
    rel: np.ndarray  # relevance used for ranking: cosine blended with key-term coverage
    cent: np.ndarray
    sims: np.ndarray  # candidate x candidate cosine
    fit: dict[str, np.ndarray]
    dropped: Counter
    neighbours: list[list[int]] = field(default_factory=list)  # the next sentence when it continues this one
    #: per candidate: its document is about the topic (briefs only, see ``on_topic``); None: not judged
    topical: np.ndarray | None = None
    #: per candidate: its document is near the topic (the relaxed cut of ``on_topic``, for sections left empty)
    near: np.ndarray | None = None
    #: a brief's story terms (``story_terms.salience``: stem -> weight) and the stems its topic already says; None
    #: for answers
    salience: dict[str, float] | None = None
    topic_stems: frozenset[str] = frozenset()
    #: a brief's documents of another story's time (``on_topic.other_time``): background to the story, nothing else
    elsewhen: frozenset[str] = frozenset()
    #: per candidate: a sentence of the one news report that tells a brief's story (``extractive``: the story's facts
    #: though it names none of the topic's words), or a signal of an on-topic news report (its story's next step);
    #: None for answers
    lone: np.ndarray | None = None

    def passages(self, docs: set[str] | None = None) -> list:
        """The distinct evidence passages the candidates were cut from, in candidate order (those of ``docs`` only,
        when given)."""
        return list({c.chunk_id: c.passage for c in self.cands if docs is None or c.doc_id in docs}.values())


def candidates(evidence: Sequence[EvidencePassage], *, connectives: bool = False,
               paragraphs: bool = False, captions: bool = False,
               author_of: Callable[[str], str | None] | None = None) -> tuple[list[Candidate], Counter]:
    """Quotable sentences of the evidence (junk, truncated and repeated sentences dropped and counted by
    reason), at most MAX_CANDIDATES, taken round-robin over passages and returned in evidence order.

    A sentence that depends on the one before it (``is_dependent``) is quoted together with that sentence when
    that one is prose in the same passage (not across a heading or caption) and can stand alone; otherwise it is
    dropped ("dependent"); not a document's first sentence of prose whose pronoun refers back to nothing
    (``is_cataphoric_lede``: "She's massive …: A record breaking … python has been captured", "It's been six months
    since …"), quoted alone. ``connectives``: a sentence opening with a discourse connective is dependent too
    (``CONNECTIVE_RE``; a brief's candidates). ``paragraphs``: the sentence before must also be in the same
    paragraph, or be a paragraph of its own (a wire report's one-sentence paragraphs, which "He added ..."
    continues): a brief's quote never joins two paragraphs of prose (an essay's "Given this situation, ..." opens a
    new point on the whole paragraph before it). An answer may still join them: measured on the seed answers, the
    rule lost the National Intelligence Law ("Furthermore, these risks have been intensified by the National
    Intelligence Law ...", a paragraph after two sentences): fact coverage 0.837 -> 0.816. With ``paragraphs``,
    furniture between two sentences (a photo caption or credit line, ``is_boilerplate``: "Photo: AP") is skipped,
    not the end of the context: the dependent sentence after it is quoted with the sentence before it, citing the two
    apart (``Candidate.parts``). ``captions``: furniture between two sentences is skipped so, without the
    paragraph rule (a yes/no answer's candidates: "Japanese officials have said … Photo: AP They have rejected
    suggestions that …" quotes the denial with the sentence naming who "They" are).
    A heading that is the document's title is evidence like a lede, not furniture. Without ``paragraphs`` (an
    answer's candidates), a sentence's opening dateline ("WASHINGTON (AP) — ", "(CNN) ") is left out of its quote and
    its span (``_after_dateline``): its place and outlet are not the asked value. A brief keeps it: there the dateline
    tells where the story was reported, one of a story's key facts (measured on the topics-news suite: leaving it out
    lost "he said it in Tokyo" of tn-021 and a fact of tn-034 and tn-037 with it, key-fact coverage 0.861 -> 0.846).
    ``author_of`` (a brief's candidates: doc id -> the author of an analysis or opinion piece, or None): a note on
    the document's author ("Lee Jae-won is a former director of …", ``author_notes``) is dropped ("author note"): it
    says who wrote the piece, not what the piece says. Without it (an answer's), the note is quotable."""
    per_passage: list[list[Candidate]] = []
    seen_spans: set[tuple[str, int, int]] = set()
    seen_text: set[str] = set()
    dropped: Counter = Counter()
    for rank, ep in enumerate(evidence):
        mine: list[Candidate] = []
        source = frozenset(text_stems(ep.chunk.publisher)) if ep.chunk.publisher else frozenset()
        title = " ".join(ep.chunk.title.split()).lower()
        prev = None  # (sentence, junk reason, start of its quote, its parts) before the current one in this passage
        skipped: list[tuple[int, int]] = []  # furniture since ``prev`` (briefs: ``paragraphs``)
        # a report label ("BREAKING — Oslo recalls …") is cut as a label below, not as a dateline: the line is a headline
        sentences = [s if paragraphs or labelled_headline(s.text) is not None else _after_dateline(s)
                     for s in joined_lists(ep.chunk.text, split_sentences(ep.chunk.text), max_words=MAX_WORDS)]
        # a live blog entry's time stamp ("09:15 - …") is furniture in a brief and an answer alike
        sentences = [_after_stamp(s) for s in sentences]
        opens = ep.chunk.index == 0 and ep.chunk.start == 0  # the passage opens its document: its first sentence is the lede
        document = paragraphs and bool(title) and is_document_file(ep.chunk.metadata)  # a brief's evidence from a PDF
        if opens and document:
            sentences = _title_line_apart(sentences, ep.chunk.title)
        prose_before = False  # a sentence of prose (not the title, not furniture) came before, in this passage
        notes = note_spans(ep.chunk.text)  # an editorial note's paragraph: none of its sentences tells the story
        # a transcript's question turns ("Q: …", "Reporter: …", "问：…", "記者：…"): asked, never the source's statement
        # (read with the document's text before the passage when it is cut from inside one: ``EvidencePassage.lead``)
        spoken = passage_turns(ep.chunk.text, ep.lead)
        asked = [(t.start, t.end) for t in spoken if t.role == "question"]
        # ... and a turn's label ("He Yuntao: ", "Spokesperson Lin Hao: ") is no part of what its speaker says: the
        # quote starts at the turn's first word (its speaker is named in the answer's credit, ``answer_credit``)
        sentences = [_after_label(s, spoken) for s in sentences]
        # an answer reads a news report's item headlines (a digest's, a live page's); an essay's or a generated
        # brief's headings are its sections' titles ("Japan as a loophole for tech leaks")
        items = not paragraphs and source_type(ep.chunk.metadata) == "news"
        for k, sent in enumerate(sentences):
            span = (ep.chunk.doc_id, ep.chunk.start + sent.start, ep.chunk.start + sent.end)
            if span in seen_spans:
                prev, skipped = (sent, "seen", sent.start, ((sent.start, sent.end),)), []
                continue
            seen_spans.add(span)
            listed = list_parts(ep.chunk.text, sent)  # a block list with its introducing sentence: quoted without bullets
            reason = junk_reason(list_reading(ep.chunk.text, listed) if listed else sent.text)
            if reason is None and author_of is not None and author_note(sent.text, author_of(ep.chunk.doc_id)):
                reason = "author note"
            if reason is None and any(a <= sent.start < b for a, b in notes):
                reason = "editorial note"  # "The correct figure is 3,000 tonnes a year." after "Correction: …"
            if reason is None and any(a <= sent.start < b for a, b in asked):
                reason = "asked question"  # "Reporter: Some analysts say the rules are a retaliation. …"
            # a title in sentence case with its verbs reads as a line cut off mid-sentence ("truncated"): in a brief it
            # is the title (an answer keeps to sentences: measured, the seed answers led with a digest's title)
            is_title = (reason == "heading" or (paragraphs and reason in TITLE_REASONS)) and bool(title) and (
                sent.flat.lower() == title and len(sent.flat.split()) >= 4)
            if document and match_form(sent.flat) == match_form(title):
                # a PDF's title names the document (a review, a paper, a report): it heads the Sources entry and is
                # context, never a brief's development (s64's new user, F8: a review's title quoted as a finding)
                is_title, reason = False, "document title"
            if is_title:
                reason = None  # the title states the story's main event: evidence, for sections that take events
            item, is_item = None, False
            if (reason == "heading" and items and labelled_headline(sent.text) is None
                    and item_headline(ep.chunk.text, sent.start, sent.end)):
                # an answer's evidence: a digest item's headline ("'Squid Game' season 2 is coming to Netflix", then
                # its blurb) states the item's event as a title does, and is often the only line that names it
                reason, is_item, item = None, True, item_blurb(ep.chunk.text, sent.end, sentences[k + 1:])
            label_end = labelled_headline(sent.text) if reason in (None, *TITLE_REASONS) else None
            if label_end is not None:
                # "Intelligence Report: Tokyo protests as China blocks …": the label is furniture, the headline after
                # it states the story's event with its actor, as a title does (``labelled_headline``): a brief's event
                # and an answer's ("Who protested …?" is answered by "Tokyo protests as …" when no sentence says so)
                sent = Sentence(sent.start + label_end, sent.end, sent.text[label_end:])
                reason, is_title = None, True
            marks = heading_marks(sent.text)
            if marks:  # a Markdown heading's marks ("# Seoul bars …") are not quoted: the quote starts at its first word
                sent = Sentence(sent.start + marks, sent.end, sent.text[marks:])
            if reason and (paragraphs or captions) and prev is not None and is_boilerplate(sent.text):
                skipped.append((sent.start, sent.end))  # a caption between two sentences: skipped, the context goes on
                dropped[reason] += 1
                continue
            start, flat, with_context = sent.start, sent.flat, False
            parts: tuple[tuple[int, int], ...] = ((sent.start, sent.end),)
            if listed:
                parts, flat = listed, list_reading(ep.chunk.text, listed)
            end = sent.end
            if item is not None:  # the item's headline with a blurb that is no sentence alone ("Green light! The …")
                parts, end = ((sent.start, sent.end), item), item[1]
                flat = " ".join(flatten(ep.chunk.text[a:b]) for a, b in parts)
            if not reason and connectives and sums_up(sent.text):
                reason = "dependent"  # it sums up several sentences before it: not quoted, alone or with the one before
            if not reason and is_dependent(sent.text, connectives=connectives) and not (
                    opens and not prose_before and is_cataphoric_lede(sent.text)):
                before, before_reason, before_start, before_parts = prev if prev else (None, "none", 0, ())
                gaps = _between(ep.chunk.text, before.end, sent.start, skipped) if before else []
                # the sentence before must stand alone, or itself have been quoted with what it depends on
                # ... in the same paragraph, unless that paragraph is the sentence before alone (a wire report's
                # paragraph is one sentence: "He added ..." continues it); a quote never joins paragraphs of prose
                if before is None or before_reason not in (None, "seen") or "".join(gaps).strip() or (
                    paragraphs and any(PARAGRAPH_BREAK.search(g) for g in gaps) and not _alone_in_paragraph(ep.chunk.text, before.start, before_start)) or (
                    is_dependent(before.text, connectives=connectives) and before_start == before.start
                ):
                    reason = "dependent"
                else:
                    own = listed or ((sent.start, sent.end),)
                    parts = (before_parts + own if skipped or listed
                             else before_parts[:-1] + ((before_parts[-1][0], sent.end),))
                    start, with_context = before_start, True
                    flat = " ".join(flatten(ep.chunk.text[a:b]) for a, b in parts[:len(parts) - len(listed)])
                    flat = f"{flat} {list_reading(ep.chunk.text, listed)}" if listed else flat
                    if junk_reason(flat) is not None:  # too long with its context, as any quote can be
                        reason = "dependent"
            prev, skipped = (sent, reason, start, parts), []
            prose_before = prose_before or (reason is None and not is_title)
            if not reason and (
                sent.text[:1].islower()  # starts mid-sentence: the passage was cut before it
                or (sent.end >= len(ep.chunk.text.rstrip()) and not TERMINAL_RE.search(sent.text))
            ):
                reason = "truncated"
            if reason:
                dropped[reason] += 1
                continue
            norm = re.sub(r"\W+", " ", flat.lower()).strip()
            if norm in seen_text:
                dropped["duplicate"] += 1
                continue
            seen_text.add(norm)
            cues = frozenset(name for name, rx in CUES.items() if rx.search(sent.text))
            about = " ".join(_answered_question(ep.lead + ep.chunk.text, spoken, sent.start, len(ep.lead)).split())
            mine.append(Candidate(ep, rank, start, end, flat, text_stems(flat), cues, source,
                                  context_stems=frozenset(text_stems(about)) if about else frozenset(), asked_in=about,
                                  role="event" if is_title or is_item else None, with_context=with_context,
                                  is_title=is_title,
                                  position=position(ep.chunk, k, len(sentences)),
                                  is_lede=opens and not is_title and not with_context and not any(not m.is_title for m in mine),
                                  parts=parts if len(parts) > 1 else (), listed=bool(listed)))
        per_passage.append(mine)
    # Bound the candidate count fairly: round-robin over passages in evidence order.
    out: list[Candidate] = []
    depth = 0
    while len(out) < MAX_CANDIDATES and any(depth < len(p) for p in per_passage):
        for p in per_passage:
            if depth < len(p) and len(out) < MAX_CANDIDATES:
                out.append(p[depth])
        depth += 1
    total = sum(len(p) for p in per_passage)
    if total > len(out):
        dropped["over cap"] += total - len(out)
    out.sort(key=lambda c: (c.rank, c.local_start))
    return out, dropped


def _after_dateline(sent: Sentence) -> Sentence:
    """The sentence from the words after its opening wire or outlet dateline (``rag.text.datelines``: "SEOUL, South
    Korea — North Korea fired …" from "North"): the dateline is furniture, so its places and outlet are neither the
    sentence's names for typing and selection nor quoted; the span cited is the same sentence's, less the dateline."""
    cut = dateline_end(sent.text)
    return Sentence(sent.start + cut, sent.end, sent.text[cut:]) if cut else sent


def _after_stamp(sent: Sentence) -> Sentence:
    """The sentence from the words after its opening live-blog entry stamp (``rag.text.entry_stamps``: "09:15 -
    China's commerce ministry …" from "China's"): the stamp is furniture, neither quoted nor read for the sentence's
    role; the span cited is the same sentence's, less the stamp."""
    cut = entry_stamp_end(sent.text)
    return Sentence(sent.start + cut, sent.end, sent.text[cut:]) if cut else sent


def _after_label(sent: Sentence, passage_turns: Sequence[Turn]) -> Sentence:
    """The sentence from the first word after the turn label it opens with ("He Yuntao: China firmly opposes …" from
    "China"): the label says who speaks, it is not said; the span cited is the same sentence's, less the label."""
    turn = next((t for t in passage_turns if t.start <= sent.start < t.body), None)
    if turn is None or sent.end <= turn.body:
        return sent
    cut = turn.body - sent.start
    return Sentence(turn.body, sent.end, sent.text[cut:])


def _between(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> list[str]:
    """The pieces of ``text[start:end]`` around the ``spans`` inside it (the furniture skipped between two
    sentences): each is read for a paragraph break on its own ("...cases.\nPhoto: AP\nThey ..." has none)."""
    out, at = [], start
    for a, b in sorted(spans):
        out.append(text[at:a])
        at = b
    return out + [text[at:end]]


def _alone_in_paragraph(text: str, start: int, quote_start: int) -> bool:
    """Whether the sentence at ``start`` of ``text`` opens its paragraph and is quoted alone (``quote_start``: where
    its quote starts): a paragraph of one sentence, which the next paragraph may continue."""
    if quote_start != start:
        return False
    breaks = [m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, start)]
    return text[breaks[-1] if breaks else 0 : start].strip() == ""


def paragraph(c: Candidate) -> str:
    """The text of the paragraph (within its passage) that holds a candidate: between the blank lines around it."""
    text = c.passage.chunk.text
    starts = [m.end() for m in PARAGRAPH_BREAK.finditer(text, 0, c.local_start)]
    after = PARAGRAPH_BREAK.search(text, c.local_end)
    return text[starts[-1] if starts else 0 : after.start() if after else len(text)]


def type_roles(cands: list[Candidate], vectors: np.ndarray | None = None, model_id: str | None = None) -> Counter:
    """Set ``role`` on every untyped candidate of a document the classifier can read (``typable``) with the role
    classifier (one batched call; ``vectors``, aligned with ``cands``, are reused when ``model_id`` is the
    classifier's embedding model), and on a CJK judgement or forecast of another document by its cue
    (``cjk_roles.cjk_role``); a table row (``rag.text.tables.is_table_row``) is background. Returns the role counts
    (None: left untyped)."""
    readable: dict[str, bool] = {}
    for c in cands:
        if c.doc_id not in readable:
            readable[c.doc_id] = typable(c.passage.chunk)
    for c in cands:  # a table's row with its column names (rag.text.tables): a standing fact, which the classifier,
        # fitted on prose, reads as a caption for its verbless, capitalised words
        if c.role is None and is_table_row(c.text):
            c.role, c.role_probs = "background", {"background": 1.0}
    todo = [i for i, c in enumerate(cands) if c.role is None and readable[c.doc_id]]
    kinds: dict[str, str] = {}
    for i in todo:
        kinds.setdefault(cands[i].doc_id, doc_type(cands[i].passage.chunk))
    roles = sentence_roles([cands[i].text for i in todo], positions=[cands[i].position for i in todo],
                           doc_types=[kinds[cands[i].doc_id] for i in todo],
                           vectors=vectors[todo] if vectors is not None and todo else None, model_id=model_id)
    for i, pred in zip(todo, roles):
        cands[i].role, cands[i].role_probs = pred.role, pred.probs
    for c in cands:  # what the classifier cannot read: a CJK judgement or forecast by its cue (``cjk_roles``)
        if c.role is None and not readable[c.doc_id]:
            role = cjk_role(c.text)
            if role is not None:
                c.role, c.role_probs = role, {role: 1.0}
    return Counter(c.role for c in cands)


def _title_line_apart(sentences: list[Sentence], title: str) -> list[Sentence]:
    """``sentences`` with a document's title line split off its first sentence: a PDF's text opens with its title on a
    line of its own, which the splitter joins to the first sentence as a wrapped line ("Seoul's chip-tool export checks
    miss transshipment …, review finds Licence applications … rose by 28 percent …"): the title (the document's
    ``title``, quotes and case folded: ``match_form``) is its own sentence, the lede starts after it."""
    if not sentences or not title:
        return sentences
    first = sentences[0]
    line, newline, _ = first.text.partition("\n")
    rest = first.text[len(line) + 1:]
    if not newline or not rest.strip() or match_form(" ".join(line.split())) != match_form(" ".join(title.split())):
        return sentences
    skip = len(rest) - len(rest.lstrip())
    return [Sentence(first.start, first.start + len(line.rstrip()), line.rstrip()),
            Sentence(first.start + len(line) + 1 + skip, first.end, rest.lstrip()), *sentences[1:]]


#: file suffixes of documents (reports, reviews, papers) rather than pages: their title names the document
DOCUMENT_SUFFIXES = (".pdf",)


def is_document_file(meta: Mapping[str, Any]) -> bool:
    """Whether a chunk's document was read from a document file (``DOCUMENT_SUFFIXES``: a PDF), by its
    ``source_path`` (a file, a JSONL line "f.jsonl#L3", or an upload's key)."""
    return str(meta.get("source_path") or "").lower().endswith(DOCUMENT_SUFFIXES)


def _answered_question(text: str, spoken: Sequence[Turn], start: int, lead: int = 0) -> str:
    """The words of the question turn right before the answer turn holding the passage's character ``start`` ("" when
    the sentence is in no answer turn or no question precedes it in the passage or its lead). ``text``: the passage's
    lead and the passage, ``lead`` the lead's length (``spoken``'s offsets are the passage's: ``passage_turns``)."""
    prior: Turn | None = None
    for turn in spoken:
        if turn.start <= start < turn.end:
            if turn.role != "answer" or prior is None or prior.role != "question":
                return ""
            return text[max(0, prior.body + lead):prior.end + lead]
        prior = turn
    return ""


def quotable(cands: Sequence[Candidate]) -> list[int]:
    """Indices of the candidates a section may quote: never a sentence the classifier finds more likely than not to
    be furniture (``roles.NEVER``); a hesitant "furniture" (a wrapped official sentence read as a caption) stays,
    and sections with declared roles still refuse it unless their roles together are more probable."""
    return [i for i, c in enumerate(cands) if not (c.role in NEVER and c.role_probs.get(c.role, 1.0) >= 0.5)]


def cap_titles(cands: list[Candidate], cos: np.ndarray) -> np.ndarray:
    """A title scores no higher (cosine or relevance) than its article's best body sentence: a headline shares
    the topic's vocabulary more readily than the story does (the body decides whether the story is on topic)."""
    best: dict[str, float] = {}
    for i, c in enumerate(cands):
        if not c.is_title:
            best[c.doc_id] = max(best.get(c.doc_id, -1.0), float(cos[i]))
    out = cos.copy()
    for i, c in enumerate(cands):
        if c.is_title:
            out[i] = min(float(cos[i]), best.get(c.doc_id, -1.0))
    return out


#: characters between two sentences of a passage that still make them adjacent (more: a junk line between them)
ADJACENT_GAP = 3


def adjacent_pairs(cands: Sequence[Candidate]) -> list[tuple[int, int]]:
    """(a, b) index pairs of candidates that follow each other in one passage with at most ``ADJACENT_GAP``
    characters between them, in passage order."""
    by_chunk: dict[str, list[int]] = {}
    for i, c in enumerate(cands):
        by_chunk.setdefault(c.chunk_id, []).append(i)
    pairs = []
    for idxs in by_chunk.values():
        idxs.sort(key=lambda i: cands[i].local_start)
        pairs += [(a, b) for a, b in zip(idxs, idxs[1:]) if cands[b].local_start - cands[a].local_end <= ADJACENT_GAP]
    return pairs


def link_value_continuations(cands: Sequence[Candidate], neighbours: list[list[int]], gives: Sequence[float]) -> None:
    """Record in ``neighbours`` (in place) that a sentence not giving the asked value (``gives``, per candidate: 1.0
    when it gives the number or date asked for) continues in the next sentence of its passage when that one gives it:
    "The majority of babies were born out of wedlock last year … According to latest ONS data, of 624,828 live births
    registered, 320,713 were to women who were not married … – 51.3% of the total." for "What percentage of babies …
    were born out of wedlock last year?". The answer then leads with the value, not with "none gives the percentage"."""
    for a, b in adjacent_pairs(cands):
        if not gives[a] and gives[b] and b not in neighbours[a]:
            neighbours[a].append(b)


def coverages(
    query: str, cands: list[Candidate], *, topic: bool = False, context: Sequence[str] = (), context_weight: float = 0.5
) -> tuple[np.ndarray, np.ndarray, list[list[int]]]:
    """Key-term coverage per sentence, and per sentence plus one neighbour (an answer may span two).

    ``context`` (a follow-up's carried-over words) adds terms at ``context_weight``, so the sentence that
    answered the previous question does not outrank one that answers this one.
    """
    terms = key_terms(query, topic=topic)
    own = {t.stem for t in terms}
    terms += [replace(t, weight=t.weight * context_weight)
              for t in key_terms(" ".join(context), topic=True) if t.stem not in own]
    # a sentence also "mentions" its publisher: questions say "the X brief" for a source's own claims
    stems = [c.stems | c.source_stems | c.context_stems for c in cands]
    # ... and a CJK sentence names the country a question asks as the doer of its act only where it gives that country
    # as acting (``cjk_actors.bystanders``: 日本 as the destination of China's curbs does not cover "What did Japan
    # restrict?")
    if not topic and any(CJK_RUN.search(c.text) for c in cands):
        from rag.writers.answer_actor import asked_agent  # (answer_actor reads answer_kind, which reads this module)

        if agent := asked_agent(query):
            stems = [st - bystanders(agent, c.text) if CJK_RUN.search(c.text) else st for st, c in zip(stems, cands)]
    weights = term_weights(terms, stems)
    cov = np.array([coverage(terms, st, weights) for st in stems], dtype=np.float64)
    window = cov.copy()
    neighbours: list[list[int]] = [[] for _ in cands]
    for a, b in adjacent_pairs(cands):
        if ANAPHORA_RE.match(cands[b].text):  # b continues a: "The decision, reported by ..."
            neighbours[a].append(b)
        joined = coverage(terms, stems[a] | stems[b], weights)
        window[a] = max(window[a], joined)
        window[b] = max(window[b], joined)
    return cov, window, neighbours
