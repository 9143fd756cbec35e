"""The extractive writer's question answering: is the question answered by the evidence, which sentence answers
it first (the kind of answer asked for: a list, a number, a date, a name, an action), and which add detail.

Labelled items are read by ``answer_labels``, a dependent sentence in a conversation by ``answer_context``, and the
first-sentence choice a selector sees is ``answer_choice.FirstChoice``."""

from __future__ import annotations

import re

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Sequence

import numpy as np

from rag.followup import asks_response
from rag.templates import SectionSpec
from rag.text.places import place, place_mentions, same_place
from rag.text.asked_source import SOURCE_STANDIN
from rag.text.lexicon import table
from rag.text.tokens import stem as text_stem, word_spans
from rag.writers.writer_recommendations import writer_recommendations
from rag.writers.answer_kind import (
    KIND_NOUNS,
    SINGLE_VALUE_KINDS,
    answer_type,
    asks_for_more,
    asked_sentence,
    has_answer_kind,
    imposes_asked_obligation,
    recommender,
    is_enumeration,
    lists_names,
    names_pair,
    names_designation,
    lists_contents,
    without_carried_context,
)
from rag.writers.answer_act import asked_act, reports_speech, tells_act, tells_act_itself, verb_form
from rag.writers.agent_phrase import names_agent_noun
from rag.writers.stranded_slot import fills_frame, stranded_frame
from rag.writers.answer_actor import (ACTOR_KINDS, act_doer, asked_agent, led_by_another_place, names_asked_doer,
                                      relayed_clause, swaps_roles)
from rag.writers.answer_response import responded_in_story
from rag.writers.answer_agree import (NAMED_KINDS, asks_one_value, competes, corroborated,
                                      each_value_competes, value_groups)
from rag.writers.answer_choice import FirstChoice
from rag.writers.answer_class import (
    CLASS_KINDS,
    asked_class,
    describes_generically,
    link_named_continuations,
    names_only_class,
    refers_by_class,
)
from rag.writers.answer_filler import asked_organisation, gives_filler
from rag.writers.answer_headline import answers_by_its_words, headline, headline_lead
from rag.writers.asked_speaker import asked_speaker, declines_comment, may_speak, says
from rag.writers.answer_labels import label_stems, names_label
from rag.writers.answer_lead import lead_date, nearest_report, top_ranked_article, without_older_views
from rag.writers.answer_model import Signals, load_model, sentence_features
from rag.writers.asked_event import asked_event
from rag.writers.answer_table import asks_several, class_column, column_rows
from rag.writers.answer_premise import Unreported, acted_on_places, compared, premise, unreported
from rag.writers.answer_bound import asked_bound_nouns, gives_bound
from rag.writers.answer_missing import missing_noun, tells_asked_event
from rag.writers.answer_revised import without_revised
from rag.text.cross_lingual import crosses_languages
from rag.writers.answer_caption import wire_caption
from rag.writers.answer_story_held import docs_holding_story, story_held
from rag.writers.unmentioned import gives_quote, question_quotes
from rag.writers.answer_slot import (asked_object, asked_slot, change_for_state, count_lead, counted_undergoers,
                                    fills_age, fills_count, named_people, names_act_object, names_member, opening_lead,
                                    slot_fillers, slot_lead)
from rag.writers.answer_value import asked_value, counted_phrase, counts_noun
from rag.writers.abstention_text import unreported_event
from rag.writers.asked_owner import asked_owner, owner_measure_view, tells_anothers_measure
from rag.writers.asked_request import asked_request, request_event, tells_asked_request
from rag.writers.asked_undergoer import asked_undergoer, does_asked_act, undergoer_act_view
from rag.writers.asked_view import actor_act_view, asked_view
from rag.writers.asked_exclusion import left_out, tells_left_out
from rag.writers.asked_year import asked_years, event_years, tells_other_years
from rag.writers.attribution import ATTRIBUTED_ROLES
from rag.writers.hypotheses import prescribes
from rag.writers.base import CitedSpan, DraftClaim, EvidencePassage
from rag.writers.candidates import Candidate, Scored, adjacent_pairs, candidates, cap_titles, coverages, link_value_continuations
from rag.writers.key_terms import key_terms, place_keys
from rag.writers.keyword_query import FULL_COVERAGE, keyword_leads, keyword_query, title_holds_terms
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import LIST_CONTINUED_RE, PLACE_CLASS, WANTS_NAME
from rag.text.tables import is_table_row
from rag.text.respective import holder_value
from rag.writers.place_lists import asks_countries, names_countries
from rag.writers.row_subject import prose_names_more, restricted_rows, row_off_subject, table_caption
from rag.writers.list_members import (asks_source_list, class_noun, counts_without_naming, list_class, names_class_members,
                                      says_class)
from rag.writers.story_turn import turn_view, turns_away, with_story_neighbours
from rag.writers.asked_namesake import asked_people, names_namesake
from rag.writers.asked_sibling import gives_sibling
from rag.writers.list_count import counts_another_set
from rag.writers.stated_reason import (NO_REASON_ROLES, account_after, actor_first, UNSTATED_LEAD, answers_why, asks_stated_reason, reason_phrases, bears_on, denies, of_the_reason,
                                       cause_after_act, reacts, reading_after, reason_actor, said_by, stated_reason_actor, states_no_reason, tells_reason,
                                       stated_in_story, writers_view)
from rag.writers.hypothesis_stance import speaker
from rag.writers.watch_items import asks_to_watch, watch_items
from rag.writers.answer_structure import (HYPOTHESIS_ROLE, Held, analytic_heading, held_in_structure, is_caveat, leads_not,
                                          unquotable, with_verdicts)
from rag.writers.source_structure import segments

#: Extra weight of a sentence that lists items when a list is asked for (the whole list beats one item), and of
#: one in which the asked actor states its intention.
LIST_BONUS = 0.15
#: ... and of a list of what something holds ("the curbs cover A, B and C"), over a list of its uses or places.
CONTENTS_BONUS = 0.1
#: A list of what something holds ("the rules cover A, B and C") in the story's own article joins the answer
#: candidates at this key-term coverage (with a neighbour), though the question words it differently.
CONTENTS_COVERAGE = 0.3
#: A sentence of the story's own article that gives a reason ("Japan's trade measures followed South Korean court
#: rulings ...") joins the candidates for the first sentence of a "why" question at this key-term coverage (with a
#: neighbour): it says why, where the most relevant sentences restate what was done.
REASON_COVERAGE = 0.3
#: Extra weight of a sentence giving the kind of answer asked for from the article of the most relevant sentence:
#: the story the question is about goes on to give the list, name, number or date.
STORY_BONUS = 0.1
#: Extra weight of a labelled item ("Best Case: diplomatic resolution ...") whose label the question names ("and
#: the best case?"): the item is the answer, whatever else the surrounding text shares with the question.
LABEL_BONUS = 0.3
#: A less similar sentence states the answer when its key-term coverage (with a neighbour) is at least this, and
#: this much above the most relevant sentences' best.
STATES_COVERAGE, STATES_MARGIN = 0.6, 0.15
#: ... and, for a sentence of the same article as the most relevant sentence (the story goes on to give the list,
#: date or name), at least this.
STATES_COVERAGE_SAME_DOC = 0.5
#: For the question to count as answered by such a sentence, the sentence's own key-term coverage (not with its
#: neighbour) must reach this in the story's article (0.48 for "Deputy minister Ilse Brandvold will head the drought
#: agency"; 0.25 for a sentence about visa controls next to the one about universities refusing funding).
STATES_OWN_COVERAGE_SAME_DOC = 0.4
#: Extra weight, for the first sentence, of a sentence from the article retrieval ranked first (the hit's own story,
#: whose headline matches the question), and of one from the report dated nearest the question's date (``as_of``):
#: an older report of the story, or another story's background line, says what was true before.
HIT_BONUS = 0.05
NEAREST_BONUS = 0.1
#: Kinds whose answer leads with the sentence giving the value when the chosen one only continues into it: a name,
#: number or date, and a member of a class ("Which ferry operator ...?": "Kestrel Lines will take over ..." after
#: "The operator ... won the contract")
VALUE_FIRST_KINDS = SINGLE_VALUE_KINDS | CLASS_KINDS
#: the kinds whose value (a number, a date) may come in the sentence after the one stating the asked fact
VALUE_KINDS = frozenset({"number", "date", "when", "period"})
#: the kinds whose value an answer's first quote may be led by from its document's headline (``_headline``): a name,
#: number, date or named term the quote lacks
HEADLINE_KINDS = VALUE_FIRST_KINDS | {"term"}
#: Roles of a sentence that reports (what happened, what someone said): one of them giving the asked value leads
#: before a source's judgement or forecast giving the same value (``_report_first``).
REPORT_ROLES = frozenset({"event", "statement"})
#: ... when that report is nearly as relevant to the question as the view (relevance at most this much lower: 0.065
#: for the headline "China Imposes Export Restrictions on 20 Japanese Firms" under WorldWideWatchers' judgement).
REPORT_GAP = 0.1
#: Kinds whose value, given alike by a report and by a column, is the same fact (``_reporting_source_first``): a
#: figure. Not a name: a roundup naming China in another sentence ("… restrict the flow of technology … China's
#: capabilities") led "Which country restricted dual-use exports to 20 Japanese companies?" over the brief's
#: "China blocks dual-use exports …" (seed follow-ups fu-054 and four like it)
REPORTED_FIGURE_KINDS = frozenset({"number"})
#: Kinds of a question asking what was done (a list of what a measure covers, an act), whose first sentence is a
#: report of it before a source's view of it (``_act_reported_first``), as for a name, number or date
#: (``_report_first``); not "why" (a reason is often a view) nor what someone intends.
DONE_ACT_KINDS = frozenset({"list", "action"})
#: the share of the question's key terms a sentence pairing the asked holder with its value must hold to lead
#: (``_respective_answers``): 0.8 for "Two junior engineers, surnamed Baek and Min, received two years and 18 months
#: respectively" under "What sentence did Baek receive?" (its cosine, 0.29, below the relevance floor)
RESPECTIVE_COVERAGE = 0.5
#: the most later sentences of a story quoted as continuing the list its answer gives (``_list_continued``)
MAX_LIST_CONTINUED = 2
#: the most words from a word that adds (``sentence_cues.LIST_CONTINUED_RE``) to the asked act's word it bears on:
#: "also added" (1), "In addition, the trade ministry added" (4)
CONTINUED_REACH = 4
#: A question whose key terms beside its places weigh at least this (``key_terms`` weights: a word 1, a name or
#: number 2) says what was done, not only where: "Which materials did Japan restrict for export to South Korea?"
#: (materials, restrict, export: 3), not "What did Japan say in response?" (response: 1). Its answer holds one of
#: those terms (``_beyond_places``).
WHAT_WEIGHT = 2.0
_MISSING_PREFIX = "no relevant sentence gives the "
#: the verdict of a question whose presupposed event no source reports (``answer_premise``), then how it is not
_PREMISE_PREFIX = "no source reports the question's premise: "
#: the verdict of a question asking for the one left out of a set when no sentence tells anyone left out
#: (``asked_exclusion``)
_LEFT_OUT_PREFIX = "no relevant sentence tells one left out: "
#: the verdict of a question asking about a year when every answering sentence tells other years (``asked_year``)
_OTHER_YEAR_PREFIX = "the answering sentences tell other years than the question's "
#: ``_answerable``'s verdict when the speaker a "what did X say …?" question names says nothing in the evidence
_UNSAID_PREFIX = "no source reports a statement by "

__all__ = ["QuestionAnswering"]

if TYPE_CHECKING:  # the verdict module (and the checker it needs) loads on the first polar question
    from rag.writers.answer_verdict import PolarAnswer


def _polar_asked(query: str) -> str | None:
    """The words of ``query`` a verdict is read for: the question itself, or a follow-up's own words when they are a
    polar question ending on its verb with a named subject ("Did Japan agree?": ``followup.elliptical_polar``,
    read against the previous question's story its carried context retrieves) or one needing nothing of the
    conversation (``followup.standalone_polar``: its object pronoun resolved, "Did Japan agree to withdraw its export
    measure?"); None for any other follow-up (its clause leans on the conversation)."""
    from rag.followup import elliptical_polar, standalone_polar

    own = without_carried_context(query)
    return query if own == query else own if elliptical_polar(own) or standalone_polar(own) else None


#: roles of a sentence that tells what may come or what to watch: a "what happens next?" answer quotes them (and the
#: source's watch-list items), from the story asked about
AHEAD_ROLES = frozenset({"signal", "forecast"})


@lru_cache(maxsize=1024)
def _context_stems(text: str, title: str) -> frozenset[str]:
    """The stems of a passage's text and of its document's title (``QuestionAnswering._passage_stems``)."""
    return frozenset(text_stems(text) | text_stems(title))


#: a recommender that is the question's named publisher, read away as "the source" (``asked_source.AskedSource.asks``)
_SCOPED_SOURCE = re.compile(r"^" + r"\s+".join(map(re.escape, SOURCE_STANDIN.split())) + r"\b", re.I)


def _named_by(who: str, author: str) -> bool:
    """Whether ``who`` (a recommender as asked, "the editorial board") names ``author`` (a byline, "Editorial Board")
    by its words in any case: every word of ``who`` past a determiner is one of the byline's."""
    words = [w for w in re.findall(r"[\w'’-]+", who.lower()) if w not in ("the", "a", "an", "its", "their")]
    return bool(words) and set(words) <= set(re.findall(r"[\w'’-]+", author.lower()))


def _names_place(name: str) -> bool:
    """Whether ``name`` is a place's name as a whole ("Japan", "Seoul", "South Korea", "Chile": ``places.toml`` or
    the world's countries, ``world_places``), not a name that holds one ("Tokyo Electron")."""
    from rag.text.world_places import world_place_stretches

    words = name.split()
    return any(m.start == 0 and m.end >= len(name) for m in place_mentions(name)) or any(
        m.start == 0 and m.end == len(words) for m in world_place_stretches(words))


class QuestionAnswering:
    """Mixin of ExtractiveWriter (it supplies the scoring constants, ``_on_topic``, ``_order`` and ``_mmr``)."""

    #: how the answer's first sentence is chosen: "hand" (the lead score of ``_answer_value``) or "fitted" (the
    #: logistic model of ``rag/writers/answer_model.py``); the pipeline sets it from ``generation.answer_selector``
    answer_selector: str = "hand"
    #: the support checker a polar question's claim is read with (``_polar_answer``); the pipeline gives the engine's
    #: own (``support.encoder``: ``rag.support.encoders.support_checker``); a writer built without one makes a MiniLM
    #: ``SupportChecker`` over its embedder on the first polar question
    verdict_checker: Any = None
    #: doc id -> the author who speaks a document's own sentences (an essay's, an opinion piece's), or None; the
    #: pipeline gives the catalog's (``Engine.doc_author``): "Did Hosokawa say …?" is read against his essay
    doc_author: Any = None

    def _asked(self, query: str, scored: Scored) -> Scored:
        """``scored`` as the question's asked sentence sees it (``asked_view``): after background sentences, the
        asked sentence's key terms decide which sentences join the answer pool and how they rank."""
        last = getattr(self, "_asked_memo", None)
        if last is not None and last[0] == query and (scored is last[1] or scored is last[2]):
            return last[2]
        def cosine(asked: str) -> np.ndarray:
            mat = np.asarray(self._embed([asked] + self._embedding_texts(asked, scored.cands)), dtype=np.float64)
            return self._query_cosines(asked, scored.cands, mat[0], mat[1:] @ mat[0])

        # ... and the asked actor's act, told in other words, not the actor acted on (``actor_act_view``)
        view = actor_act_view(query, asked_view(query, scored, self.W_LEXICAL, cosine), self.W_LEXICAL)
        # ... and who the act is done to: not a sentence in which they do it ("Irving has cut ties with his agent" for
        # "Which company cut ties with Irving?", ``asked_undergoer``)
        view = undergoer_act_view(query, view, self.W_LEXICAL)
        # ... and whose measure it is: "China Imposes Export Restrictions on 20 Japanese Firms" tells no restriction
        # of Japan's ("Who protested Japan's export restrictions?", ``asked_owner``)
        view = owner_measure_view(query, view, self.W_LEXICAL)
        view = turn_view(view)  # ... and no sentence borrows the words of another story's (``story_turn``)
        self._asked_memo = (query, scored, view)
        return view

    def _watched(self, scored: Scored) -> np.ndarray:
        """Per candidate (bool), whether it is a watch-list item (``watch_items``: "The scope of China's chip smuggling
        case: targeted nodes/equipment, ..."): what its source says to watch, not what happened nor what it judges.
        Such a sentence is typed "signal", so that when quoted it is attributed as what the source flags to watch, not
        as its assessment. Read once per candidate list (an answer asks for it up to four times; the asked sentence's
        view of the candidates shares their list)."""
        def read(scored: Scored) -> np.ndarray:
            watch = watch_items(scored.cands)
            for i in np.flatnonzero(watch):
                scored.cands[i].role = "signal"
            return watch

        return self._per_candidates("_watched_memo", scored, read)

    def _per_candidates(self, memo: str, scored: Scored, read):
        """``read(scored)``, computed once per candidate list (kept in attribute ``memo``, keyed by the list itself:
        the asked sentence's view of the candidates shares their list)."""
        last = getattr(self, memo, None)
        if last is not None and last[0] is scored.cands:
            return last[1]
        value = read(scored)
        setattr(self, memo, (scored.cands, value))
        return value

    def _quotable(self, query: str, scored: Scored) -> np.ndarray:
        """Per candidate (bool), whether an answer to ``query`` may quote it: a watch-list item only when the
        question asks what to watch (``asks_to_watch``) or names the item's label ("and the best case?"); a sentence
        of a source's own hypotheses other than a favoured hypothesis and its verdict (a rejected or unjudged
        hypothesis, the evidence listed for one, an assumption: ``answer_structure.unquotable``) only when the
        question names its label, and those two only for a question asking why or naming a label of the list; never a
        wire photo's caption (``_captions``)."""
        asked = label_stems(query)
        named = np.array([names_label(c.text, asked) for c in scored.cands], dtype=bool)
        held = self._held(scored)
        # a source's explanations (its favoured hypothesis, its verdict) answer a question asking why, or one naming
        # their labels ("Which hypothesis does the brief judge better supported?"), not "What did China restrict?"
        # ("Hypothesis A: …", "Assessment: …": the question shares a word of such a label)
        labels = set().union(*(text_stems(c.text.partition(":")[0]) for c, h in zip(scored.cands, held)
                               if h is not None and ":" in c.text))
        asked_words = text_stems(query)
        explains = answer_type(query) == "reason" or bool(labels & asked_words)
        tested = np.array([unquotable(h) or (h is not None and not explains) for h in held], dtype=bool)
        # an item of an analytic brief's caveats ("Bias & Deception Risks:", "Assumptions:") answers only a question
        # naming that heading ("What risks of bias does the brief note?")
        caveat = np.array([bool(h) and is_caveat(h) and not (text_stems(h) & asked_words)
                           for h in self._headings(scored)], dtype=bool)
        return ((((~self._watched(scored) | asks_to_watch(query)) & ~tested & ~caveat) | named)
                & ~self._off_story_across(query, scored) & ~self._captions(scored) & ~self._rows_off_subject(query, scored))

    def _rows_off_subject(self, query: str, scored: Scored) -> np.ndarray:
        """Per candidate (bool), a table row sharing none of the question's key terms through its cells, its
        document's title or its table's caption (``row_subject.row_off_subject``): "Technology: Quantum; Prohibited:
        …" of the outbound investment rule answers no question on Korea's core technologies, though its column names
        repeat its words. Read once per candidate list and question."""
        by_query: dict[str, np.ndarray] = self._per_candidates("_rows_off_memo", scored, lambda scored: {})
        if query not in by_query:
            asked = frozenset(t.stem for t in key_terms(without_carried_context(query)))
            by_query[query] = np.array(
                [row_off_subject(asked, c.text, c.passage.chunk.title or "",
                                 table_caption(c.passage.chunk.text, c.local_start)) for c in scored.cands], dtype=bool)
        return by_query[query]

    def _captions(self, scored: Scored) -> np.ndarray:
        """Per candidate (bool), a wire photo's caption (``answer_caption.wire_caption``: "… listen during a public
        hearing …, in Washington, U.S., July 21, 2022."), which no answer quotes: it repeats the story's names and
        tells what a picture shows, not the act asked about. Read once per candidate list."""
        return self._per_candidates("_captions_memo", scored, lambda scored: np.array(
            [wire_caption(c.text, c.passage.chunk.published) for c in scored.cands], dtype=bool))

    def _off_story_across(self, query: str, scored: Scored) -> np.ndarray:
        """Per candidate (bool), a sentence in another language than ``query`` (``cross_lingual.crosses_languages``:
        a CJK sentence under an English question) from a document that does not hold the question's story on its own
        (``answer_story_held.docs_holding_story``): its glossary readings name the question's terms, not their roles
        (商务部…限制出口…，日本…企业将受到影响 for "What did Japan restrict and when?"), so it is quoted only from a
        report telling the story. All False for a follow-up carrying its context (the story model reads standalone
        questions) and when no sentence crosses languages."""
        by_query: dict[str, np.ndarray] = self._per_candidates("_off_story_memo", scored, lambda scored: {})
        if query not in by_query:
            across = np.array([crosses_languages(query, c.text) for c in scored.cands], dtype=bool)
            if not across.any() or without_carried_context(query) != query:
                by_query[query] = np.zeros(len(scored.cands), dtype=bool)
            else:
                held = docs_holding_story(query, [(p.chunk.doc_id, p.chunk.title or "", p.chunk.text)
                                                  for p in scored.passages()])
                by_query[query] = across & np.array([c.doc_id not in held for c in scored.cands], dtype=bool)
        return by_query[query]

    def _held(self, scored: Scored) -> list[Held | None]:
        """Per candidate, what it is in its source's labelled hypotheses (``answer_structure.held_in_structure``);
        a favoured hypothesis is typed ``HYPOTHESIS_ROLE`` (credited as offered, not assessed). Read once per
        candidate list."""
        def read(scored: Scored) -> list[Held | None]:
            held = held_in_structure([(c.doc_id, c.start, c.end) for c in scored.cands], scored.passages())
            for c, h in zip(scored.cands, held):
                if h is not None and h.what == "hypothesis":
                    c.role = HYPOTHESIS_ROLE
            return held

        return self._per_candidates("_held_memo", scored, read)

    def _headings(self, scored: Scored) -> list[str]:
        """Per candidate, the analytic brief's heading of judgements or caveats it stands under
        (``answer_structure.analytic_heading``: "Bias & Deception Risks", "Implications and Strategic Risks"; ""
        for none), read in its document's text the evidence holds around it. Read once per candidate list."""
        def read(scored: Scored) -> list[str]:
            segs = segments(scored.passages())
            out = []
            for c in scored.cands:
                seg = next((s for s in segs if s.doc_id == c.doc_id and s.start <= c.start <= s.start + len(s.text)), None)
                out.append(analytic_heading(seg.text, c.start - seg.start) if seg
                           else analytic_heading(c.passage.chunk.text, c.local_start))
            return out

        return self._per_candidates("_headings_memo", scored, read)

    def _analytic(self, scored: Scored) -> np.ndarray:
        """Per candidate (bool), whether it stands under an analytic brief's heading of judgements or caveats."""
        return np.array([bool(h) for h in self._headings(scored)], dtype=bool)

    @staticmethod
    def _kind_reading(query: str) -> tuple[str | None, set[str], bool, str | None, bool, Any]:
        """How ``has_answer_kind`` reads a sentence for ``query``: (kind, the question's stems, places_ok, actor,
        names_ok, asked value)."""
        kind = answer_type(query)
        places_ok = bool(PLACE_CLASS.search(without_carried_context(query)))
        names = [t.stem for t in key_terms(query) if t.kind == "entity"]
        actor = names[0] if names and kind == "intent" else None
        # "which companies" is answered by one name, "which materials" is not
        names_ok = bool(WANTS_NAME.search(without_carried_context(query)))
        asked = asked_value(query)  # "how many troops" is not answered by "five maritime zones"
        return kind, text_stems(query), places_ok, actor, names_ok, asked

    def _typed(self, query: str, scored: Scored) -> tuple[str | None, np.ndarray]:
        """(the kind of answer ``query`` asks for, per candidate 1.0 when the sentence gives that kind of answer, else
        0.0). Read once per candidate list and question (``_per_candidates``): an answer asks for it several times;
        each caller gets its own copy of the array."""
        by_query: dict[str, tuple[str | None, np.ndarray]] = self._per_candidates("_typed_memo", scored,
                                                                                 lambda scored: {})
        if query not in by_query:
            by_query[query] = self._read_typed(query, scored)
        kind, typed = by_query[query]
        return kind, typed.copy()

    def _read_typed(self, query: str, scored: Scored) -> tuple[str | None, np.ndarray]:
        kind, qstems, places_ok, actor, names_ok, asked = self._kind_reading(query)
        # "which show ...?" is not answered by "The show, which follows ...": it refers to the answer by its class
        members = asked_class(without_carried_context(query)) if kind in CLASS_KINDS else frozenset()
        # ... nor "… to a Chinese competitor" for "Which Chinese company …?": a description carrying its qualifier
        refers = [refers_by_class(c.text, members) or describes_generically(c.text, members) for c in scored.cands]
        # ... and the sentence after it may name it ("... won the contract. Kestrel Lines will take over ...")
        link_named_continuations(scored.cands, scored.neighbours, refers)
        # ... and a table's row whose column is the asked class gives a member ("Company: Rapidus; Site: …")
        columns = asked_class(without_carried_context(query)) if kind in CLASS_KINDS or kind == "list" else frozenset()
        # ... and "the critically endangered black-naped pheasant-pigeon" names the bird asked for, in lower case in
        # the class noun's place (its qualifiers read as a reference by class do not make it one)
        slot = asked_slot(query) if kind in CLASS_KINDS else None
        # ... and so does the asked act's object named in lower case ("… have been linked to magnetic bead sets" for
        # "Which toys were linked to the choking cases?"): no capital, no quote, but the member asked for
        obj = asked_object(query) if kind == "thing" or kind == "list" else None
        typed = np.array([1.0 if (not refers[i] and (has_answer_kind(kind, c, qstems, places_ok, actor, names_ok, asked)
                                                     or (kind == "name" and names_asked_doer(query, c.text, c.stems, c.passage.chunk.text))
                                                     or class_column(c.text, columns) is not None))
                          or (slot is not None and names_member(slot, c.text, qstems))
                          or names_act_object(obj, c.text, qstems)
                          else 0.0 for i, c in enumerate(scored.cands)])
        if kind in VALUE_KINDS:  # "... born out of wedlock last year. According to ONS data, ... – 51.3% of the total."
            link_value_continuations(scored.cands, scored.neighbours, typed)
        undergoer = asked_undergoer(query)
        if undergoer is not None:  # "Irving has cut ties with his agent" names no one who cut ties with Irving
            typed *= np.array([0.0 if does_asked_act(c.text, undergoer) else 1.0 for c in scored.cands])
        owner = asked_owner(query)
        if owner is not None:  # "China Imposes Export Restrictions on 20 Japanese Firms" answers nothing about Japan's
            typed *= np.array([0.0 if tells_anothers_measure(c.text, c.stems, owner) else 1.0 for c in scored.cands])
        # "China Imposes Export Restrictions on 20 Japanese Firms" names no Chinese company Japan restricted
        typed *= ~self._swapped(query, scored)
        # "Germanium metal prices in Europe rose …" gives no price of gallium metal: a sibling in the asked place
        typed *= ~self._siblings(query, scored)
        request = asked_request(query)
        if request is not None:  # only a sentence telling the asked request names who made it: "… have asked the
            # Japanese government to join efforts" names no one who asked for an investigation, nor does a sentence
            # telling no request ("Tokyo last week tightened the approval process for … shipments")
            typed *= np.array([1.0 if tells_asked_request(c.text, request) else 0.0 for c in scored.cands])
        return kind, typed

    @staticmethod
    def _place_doers(query: str, scored: Scored, typed: np.ndarray, floor: float, quotable: np.ndarray,
                     about: np.ndarray) -> list[int]:
        """For a who-question asking who did an act ("Who protested Japan's export restrictions?"), the typed,
        quotable sentences about the question's places, as near the question as ``floor`` (cosine), in which a
        country or its capital does that act (``answer_actor.names_doer``: "Seoul plans to file a complaint with the
        WTO"), or that names the doer in an agent phrase (``agent_phrase.names_agent``: "The raid, led by senior
        investigator Han Ji-woo, …", "A Samsung-led consortium …" for "Who led …?") or by its agent noun
        (``agent_phrase.names_agent_noun``: "Its owners include Chunghwa Telecom …" for "Who owns it?"). None for an act of speech ("Who
        said that at a news conference?": its speaker is a person, read by ``answer_who``) or another question."""
        act = asked_act(query)
        acts = act is not None and bool(act.verbs) and not reports_speech(act.verbs[0])
        # (the agent noun is read for a present-tense act too, "Who owns it?", which ``asked_act`` may not type)
        return [i for i, c in enumerate(scored.cands) if typed[i] and quotable[i] and about[i]
                and scored.cos[i] >= floor and ((acts and names_asked_doer(query, c.text, c.stems, c.passage.chunk.text))
                                                or names_agent_noun(query, c.text, c.passage.chunk.text))]

    def _answerable(self, query: str, scored: Scored, as_of: str | None = None) -> str | None:
        """Why the evidence does not answer the question, or None when it does.

        The question is answered when one of the most relevant sentences (with a neighbour) holds most of the
        question's key terms, weighted by how rare they are in the evidence, and, for who/when/how-many
        questions, a name, date or number the question does not already contain. ``as_of`` (ISO day): the day a
        relative year of the question ("last year") is read against (``asked_year``).
        """
        parts = compared(query)
        if parts is not None:  # each side of a comparison is answered by its own story's sentences
            verdicts = [self._answerable(part, self._side_view(part, scored), as_of) for part in parts]
            return next((v for v in verdicts if v is not None), None)
        # (a question asking who holds an office that no sentence names beside its title is answered as any other:
        # measured on the RealTime QA corpus, abstaining then lost "Who is Italy's new prime minister?" ("… Giorgia
        # Meloni has claimed victory … set to install her as Italy's first female prime minister") and "Who is the
        # CEO of Twitter?" ("… firing top executives, including the company's CEO Parag Agrawal"))
        scored = self._asked(query, scored)
        found = self._unreported_premise(query, scored)
        if found is not None:
            return f"{_PREMISE_PREFIX}{found[1].kind} (“{found[1].premise.event()}”)"
        kind, typed = self._typed(query, scored)
        best = self._best_quotable(query, scored)
        pool = [i for i in self._most_relevant(scored, self.ANSWER_POOL)
                if scored.rel[i] >= best - self.DETAIL_GAP]
        covered = [i for i in pool if scored.window_cov[i] >= self.ANSWER_COVERAGE_MIN]
        if covered and (kind in SINGLE_VALUE_KINDS or kind == "intent"):
            # a less similar sentence that gives the name, number or date and holds the question's key terms states
            # the answer, as in _pick_answer ("Deputy minister Ilse Brandvold will head the agency" for "who heads
            # the agency?" under "The cabinet created the agency")
            story = scored.cands[self._most_relevant(scored, 1)[0]].doc_id
            floor = self.abstain_threshold - 0.05
            # the sentence itself holds the key terms, not only with its neighbour
            covered += [i for i in range(len(scored.cands)) if i not in covered and typed[i] and scored.cos[i] >= floor
                        and scored.cov[i] >= (STATES_OWN_COVERAGE_SAME_DOC if scored.cands[i].doc_id == story
                                              else STATES_COVERAGE)]
        if kind == "number" and covered:
            covered += [i for i in self._counting_in_story(query, scored, covered) if i not in covered]
            covered += [i for i in self._measured_in_story(query, scored, covered, typed) if i not in covered]
        # "What is the maximum penalty under …?": the story's amount stated as a rule answers it ("Penalties rise to
        # the greater of $500,000 or twice the value …"), though the rule's name is the lede's (``_bound_answers``)
        bound = self._bound_answers(query, scored, kind)
        covered += [i for i in bound if i not in covered]
        if kind == "name" and covered:  # "Who rejected the plan?": a place doing the asked act answers ("Beijing
            # rejected the plan …"), though it repeats none of the question's words, as in _pick_answer
            every = np.ones(len(scored.cands), dtype=bool)
            covered += [i for i in self._place_doers(query, scored, typed, self.abstain_threshold - 0.05, every, every)
                        if i not in covered]
        # "Which countries received …?": the story's sentence naming several countries answers it, though it repeats
        # less of the question than the lede restating its premise (``_country_lists``)
        covered += [i for i in self._country_lists(query, scored) if i not in covered]
        # the asked writer's recommending sentences answer it however few of the question's words they repeat, as in
        # _pick_answer ("What does the Han River Times editorial urge?"; the writer's name is in its byline)
        written = self._writer_recommendations(query, scored)
        covered += [i for i in written if i not in covered]
        # a keyword query whose words meet only in a report's title ("… over chip smuggling networks"): that report's
        # sentences answer it, as they lead it in _pick_answer (``keyword_query.title_holds_terms``)
        covered += [i for i, c in enumerate(scored.cands) if i not in covered
                    and title_holds_terms(query, c.passage.chunk.title or "")]
        if kind == "list" and covered:
            # the story's own list, worded unlike the question, answers it as in _pick_answer ("The rules cover A, B
            # and C" for "which products do the rules cover?")
            story = scored.cands[self._most_relevant(scored, 1)[0]].doc_id
            floor = self.abstain_threshold - 0.05
            # at the lower coverage, the story's sentence must list what something holds, as _pick_answer requires:
            # a quoted term (“emergency inspection”) or a name that reads as a list ("Minister of Trade, Industry
            # and Energy") is not the list asked for, and would answer a question no sentence answers
            covered += [i for i in range(len(scored.cands)) if i not in covered and typed[i] and scored.cos[i] >= floor
                        and (scored.window_cov[i] >= STATES_COVERAGE
                             or (scored.cands[i].doc_id == story and scored.window_cov[i] >= CONTENTS_COVERAGE
                                 and lists_contents(scored.cands[i].text)))]
        # the rows of a table listing the asked class answer "Which companies …?" however little of the question
        # they repeat ("Company: Rapidus; Site: Chitose, Hokkaido; …": ``_table_answer``)
        rows = self._table_answer(query, scored, kind)
        covered += [i for i in rows if i not in covered]
        # an age question's asked words are its slot noun ("What is his age?"), which the sentence giving the age
        # seldom repeats ("President Joe Biden turns 80 years old on Sunday", key-term coverage 0.21 against 0.79 for
        # "… the “age issue” is never something Biden wants to highlight"): one of the most relevant sentences that
        # gives the asked person's age answers it (``answer_slot.fills_age``)
        covered += [i for i in pool if i not in covered and fills_age(query, scored.cands[i].text)]
        covered += [i for i in self._more_of_the_kind(query, scored, pool) if i not in covered]
        quotable = self._quotable(query, scored)
        # a labelled item the question names ("and the best case?" -> "Best Case: ...") answers it, as in _pick_answer,
        # however little of the carried context it repeats
        named = label_stems(query)
        covered += [i for i in range(len(scored.cands)) if i not in covered
                    and scored.cos[i] >= self.abstain_threshold - 0.05 and names_label(scored.cands[i].text, named)
                    and (kind not in SINGLE_VALUE_KINDS or typed[i])]
        # a sentence sharing only the question's places ("South Korea's move—Lee making a chip hub pitch …" for
        # "which materials did Japan restrict for export to South Korea?") is about another story there
        beyond = self._beyond_places(query, scored)
        # a response question: the responder's reported act or words among the most relevant sentences answer it,
        # though they repeat little of the carried story ("Mongolia's energy minister said …"), however many sentences
        # restating the event rank above them (they set the bar: ``_best_quotable``)
        led = self._led_by_responder(query, scored)
        responded = self._responded(query, scored)
        covered += [i for i in range(len(scored.cands)) if led is not None and led[i] and i not in covered
                    and (i in pool or (responded[i] and scored.rel[i] >= best - self.DETAIL_GAP))]
        # "What were the GPUs declared as?": a sentence filling the stranded verb and preposition answers it, however
        # few of the question's key terms it repeats ("… the shipment was declared as network servers …")
        framed = self._stranded(query, scored, quotable, self._about_places(query, scored))
        covered += [i for i in framed if i not in covered]
        covered = [i for i in covered if quotable[i] and (beyond[i] or i in rows or i in written)]  # a row may name no word of it
        if not covered:
            if self._subject_told(query, scored, kind, pool, quotable, beyond):
                # "How many fibre pairs does the cable have?" over a report of the cable that counts no fibre pairs:
                # the sources tell the thing counted, not the count; a partial answer says what they give of it
                return f"{_MISSING_PREFIX}{kind} the question asks for"
            top = max(float(scored.window_cov[i]) for i in pool)
            return f"the question's key terms are missing from the most relevant sentences (coverage {top:.2f})"
        # a term is often paraphrased rather than quoted, and an action can be told in many ways, so only names,
        # dates, numbers and the lists a "which companies" question asks for are required (requiring every list cost
        # the seed suite two false abstentions and 0.03 fact coverage, h/answers-s17)
        # ("which *specific* items ...?" insists on the items: only a listing sentence answers it)
        # ... and "which tech executives ...?" asks for people: a sentence saying that executives are held names none
        # of them, so it is a partial answer, as for "exactly which tech executives"
        wanted, qstems = asked_value(query), text_stems(query)
        soft = kind in ("term", "action", "intent", "recommendation", "reason", "thing") or (
            kind == "list" and not WANTS_NAME.search(without_carried_context(query)) and not wanted.insists
            and not wanted.person)
        # a labelled item the question names ("What immediate actions ...?" → "Immediate Actions (0–30 days): ...") is
        # the answer, whatever its form
        asked = label_stems(query)
        # ... and, for a name, number or date, gives it ("Las Vegas: The casino owner said ..." does not say which
        # singer)
        labelled = lambda i: (names_label(scored.cands[i].text, asked)  # noqa: E731
                              and (kind not in SINGLE_VALUE_KINDS or bool(typed[i])))
        typed_ok = [i for i in covered if soft or typed[i] or labelled(i) or any(typed[j] for j in scored.neighbours[i])
                    or i in bound or i in framed]  # ("three times the value of the goods" is the amount asked)
        # a sentence counting the asked members whose report names them later (``_named_later``)
        later = ({scored.cands[j].doc_id for j in self._named_later(query, scored, covered)} if kind == "list"
                 else set())
        typed_ok += [i for i in covered if i not in typed_ok and scored.cands[i].doc_id in later]
        if not typed_ok:
            return f"{_MISSING_PREFIX}{kind} the question asks for"
        # "Which virus is not included in the “tripledemic”?", "She appeared in all these films except:": a sentence
        # naming the set's members answers neither; one of the relevant sentences must tell a member left out ("… was
        # left off the roster", "… did not appear in …", ``asked_exclusion``)
        out = left_out(without_carried_context(query))
        if out is not None and not any(tells_left_out(out, scored.cands[i].text) for i in range(len(scored.cands))
                                       if quotable[i] and scored.cos[i] >= self.abstain_threshold - 0.05):
            return f"{_LEFT_OUT_PREFIX}{out.missing}"
        # a name asked as a member of an organisation class ("the Chinese state-owned chipmaker", "which Japanese
        # equipment makers") is not filled by a government named by its head ("the Trump administration") nor by a
        # company its sentence places in another country ("ASML, … based in the Netherlands"): ``answer_filler``
        org, qualifier = asked_organisation(without_carried_context(query))
        if org and (kind in NAMED_KINDS or (kind == "list" and WANTS_NAME.search(without_carried_context(query)))):
            columns = asked_class(without_carried_context(query))  # ... a table row under the class's column does
            gives = lambda i: (gives_filler(scored.cands[i].text, qstems, qualifier)  # noqa: E731
                               or class_column(scored.cands[i].text, columns) is not None
                               # "What condition must companies … accept?" asks for the condition, not a company
                               or imposes_asked_obligation(wanted.member, scored.cands[i].text))
            typed_ok = [i for i in typed_ok if gives(i) or any(typed[j] and gives(j) for j in scored.neighbours[i])
                        or scored.cands[i].doc_id in later]
            if not typed_ok:
                return f"{_MISSING_PREFIX}{kind} the question asks for"
        # the countries (or capitals) a focused question names must all be in the answering passage: an answer
        # about Taiwan does not answer a question about Japan (a question naming three or more compares them)
        places = place_keys({t.stem for t in key_terms(query)})
        if 0 < len(places) <= 2 and not any(places <= self._passage_stems(scored, i) for i in typed_ok):
            return "the most relevant sentences are about other countries than the question"
        # (after the countries: a figure of another country is no answer whatever its year, s57's seed qa-057)
        # "How much did the royal household cost taxpayers last year?" asked in 2022: "… spent 67 million pounds on
        # the monarchy during 2018-19" gives another year's figure (``asked_year``). The answer prefers a sentence
        # telling the asked year (``_pick_answer``); when every answering sentence, with its neighbour, tells other
        # years only, none gives the asked one
        # (the sentence right after one, when it gives the kind asked, is read with it too: "In 2024 it opened only 4"
        # after "… 19 cases this year, up from 7 in 2025", as ``_pick_answer`` leads with it)
        years = asked_years(without_carried_context(query), as_of)
        after = {a: [b] for a, b in adjacent_pairs(scored.cands) if typed[b] and quotable[b]} if years else {}
        if years and all(tells_other_years(" ".join([scored.cands[i].text] + [scored.cands[j].text
                                                                             for j in scored.neighbours[i] + after.get(i, [])]),
                                           years, scored.cands[i].passage.chunk.published) for i in typed_ok):
            return f"{_OTHER_YEAR_PREFIX}{' or '.join(str(y) for y in sorted(years))}"
        # "What did Japan say in response?" is answered by what Japan said or did, not by others' words about it
        if led is not None and not any(led[i] for i in typed_ok):
            return f"{_MISSING_PREFIX}response the question asks for"
        # "Which companies were affected …?" over a story that counts them ("20 Japanese firms") and lists none: the
        # sources give a count, not the companies (``list_members.counts_without_naming``)
        if kind == "list" and wanted.member and not wanted.person and not asks_source_list(without_carried_context(query)):
            top = max(typed_ok, key=lambda i: float(scored.rel[i]))
            story = [i for i in typed_ok if scored.cands[i].doc_id == scored.cands[top].doc_id]
            noun = class_noun(without_carried_context(query), wanted.member)
            if noun and counts_without_naming(scored.cands[top].text, wanted.member) and not rows and not any(
                    lists_names(scored.cands[i].text) for i in story) and not any(  # (a table's rows name them)
                    # ... nor a later sentence of its report ("They include A, B and C", ``_named_later``)
                    scored.cands[i].doc_id == scored.cands[top].doc_id for i in self._named_later(query, scored, [top])):
                return f"{_MISSING_PREFIX}names of the {noun} the question asks for"
        # "What did Tokyo Electron say about the rule?" when no passage has Tokyo Electron say anything (nor decline to
        # comment, nor write the piece): the sentences naming it tell what others did, not what it said
        unsaid = self._unsaid_speaker(query, scored, kind, led, quotable)
        if unsaid is not None:
            return f"{_UNSAID_PREFIX}{unsaid}"
        # the evidence must hold the question's story: a report sharing the asked sentence's word but telling none of
        # its background ("Animals on Kangaroo Island …" for "… Sweden … straw animal … Which type of animal is it?")
        # answers another question (``answer_story_held``, a model fitted on RealTime QA's fit half)
        # (the asked writer's own piece is the story asked about)
        office = self._office_untold(query, scored)
        if office is not None:
            return f"{_MISSING_PREFIX}name of {office} the question asks for"
        missing = self._story_missing(query, scored) if not written else None
        if missing is not None:
            return f"{_MISSING_PREFIX}{kind or 'answer'} the question asks for ({missing})"
        return None

    @staticmethod
    def _counting_in_story(query: str, scored: Scored, found: Sequence[int]) -> list[int]:
        """For a "how many <things> …?" question, the candidates of the articles of ``found`` (the sentences that hold
        the question's story) that count the very things asked (``answer_value.counts_noun``: "Each of its 14
        repeaters was made in Japan" for "How many repeaters does the Luzon link have?"), however few of the question's
        other words they repeat: the story's count refers to its subject by a pronoun. Empty for a question counting
        no named noun.""" 
        asked = asked_value(without_carried_context(query))
        if not asked.head:
            return []
        docs = {scored.cands[i].doc_id for i in found}
        qstems = text_stems(query)
        # ... and tell the asked act, if any (``answer_missing.tells_asked_event``; a verb the question writes in a
        # past or "-ing" form by its word or family, ``answer_act.tells_act``): "14 ferries were taken out of service"
        # does not say how many were grounded, and a report's other count may be of another event in it
        act = asked_act(query)
        verbs = [] if act is None else [m.group(0) for m in word_spans(act.clause) if verb_form(m.group(0))
                                       and text_stem(m.group(0).lower()) in act.verbs]
        verb = text_stem(verbs[0].lower()) if verbs else None
        return [i for i, c in enumerate(scored.cands) if c.doc_id in docs and counts_noun(asked, c.text, qstems)
                and tells_asked_event(query, c.text) and (verb is None or tells_act(c.stems, verb))]

    @staticmethod
    def _measured_in_story(query: str, scored: Scored, found: Sequence[int], typed: np.ndarray) -> list[int]:
        """For a question asking a measure of something (``AskedValue.measure``: "What was the value of the seized
        drones?", "How much did the strike cost the shipyard?", "How long …?"), the candidates of the articles of
        ``found`` (the sentences that hold the question's story) that give an amount of that measure (``typed``:
        ``has_answer_kind``) and name a thing the question names, places apart ("The drones were worth 3.1 billion
        won"), however few of the question's other words they repeat: the story's amount refers to its subject by
        its noun alone, and "value" is said as "worth". As ``_counting_in_story`` for a count. Empty for a question
        asking no measure."""
        asked = asked_value(without_carried_context(query))
        if asked.measure is None:
            return []
        docs = {scored.cands[i].doc_id for i in found}
        if asked.measure == "age":  # an age is read by its one reader (``answer_slot.fills_age``), in the story too
            return [i for i, c in enumerate(scored.cands) if c.doc_id in docs and fills_age(query, c.text)]
        terms = {t.stem for t in key_terms(without_carried_context(query))}
        things = terms - place_keys(terms)
        return [i for i, c in enumerate(scored.cands) if c.doc_id in docs and typed[i] and things & c.stems]

    def count_partial_at_floor(self, query: str, scored: Scored) -> str | None:
        """The partial-answer verdict for a "how many <things> …?" question whose best sentence is under the relevance
        floor only because no source holds the counted words ("How many wafers a month will the plant make?" over a
        report of the plant: cosine 0.35 < 0.35): when the question without them is covered (``_subject_told``) the
        sources tell the thing counted, so the abstention names the missing count instead of saying the corpus has no
        evidence. None otherwise (the bare abstention stands)."""
        scored = self._asked(query, scored)
        kind, _ = self._typed(query, scored)
        best = self._best_quotable(query, scored)
        pool = [i for i in self._most_relevant(scored, self.ANSWER_POOL) if scored.rel[i] >= best - self.DETAIL_GAP]
        if self._subject_told(query, scored, kind, pool, self._quotable(query, scored), self._beyond_places(query, scored)):
            return f"{_MISSING_PREFIX}{kind} the question asks for"
        return None

    def _subject_told(self, query: str, scored: Scored, kind: str | None, pool: Sequence[int], quotable: np.ndarray,
                      beyond: np.ndarray) -> bool:
        """Whether, for a "how many <things> …?" question none of the most relevant sentences covers, one of them
        (quotable, beyond the question's places) covers the question without the counted words
        (``answer_value.counted_phrase``) at ``ANSWER_COVERAGE_MIN`` with a neighbour: the sources tell what holds
        the things counted ("the cable"), not the count ("fibre pairs"), so the abstention is a partial answer naming
        the missing count, not "no evidence". False for any other kind, a question counting nothing named, or a
        follow-up (its carried words are the previous answer's)."""
        if kind != "number" or without_carried_context(query) != query:
            return False
        counted = counted_phrase(query)
        if not counted:
            return False
        rest = re.sub(rf"\bhow\s+many\s+{re.escape(counted)}", " ", query, flags=re.I)
        if rest == query or not key_terms(rest):
            return False
        _, window_cov, _ = coverages(rest, scored.cands)
        return any(quotable[i] and beyond[i] and window_cov[i] >= self.ANSWER_COVERAGE_MIN for i in pool)

    def _unsaid_speaker(self, query: str, scored: Scored, kind: str | None, led: np.ndarray | None,
                        quotable: np.ndarray) -> str | None:
        """The speaker a "what did X say …?" question names (``asked_speaker``, a name: every word capitalised, not
        a place, which speaks through its officials: "Tokyo Electron" is a company, "Japan" a place) when no quotable
        candidate naming X holds a verb of saying (``may_speak``, looser than the lead's ``says``) or has X decline to
        comment (``declines_comment``) and no candidate comes from X's own piece (``doc_author``); None otherwise,
        and for a question of another kind ("what did X say it would do?" asks an intent) or a response question."""
        from rag.writers.answer_verdict import same_person

        speaker = asked_speaker(without_carried_context(query)) if kind is None and led is None else None
        # (a name in capitals: "the trade ministry", "Japanese officials" are bodies whose officers speak by other
        # names; and not a place, which speaks through its government: "What did Japan say …?")
        if speaker is None or not all(w[:1].isupper() for w in speaker.split()) or _names_place(speaker):
            return None
        for i, c in enumerate(scored.cands):
            author = self.doc_author(c.passage.chunk.doc_id) if self.doc_author is not None else None
            if author and (same_person(speaker, author) or _named_by(speaker, author)):
                return None
            if quotable[i] and (may_speak(speaker, c.text) or declines_comment(speaker, c.text)):
                return None
        return speaker

    @staticmethod
    def _story_missing(query: str, scored: Scored) -> str | None:
        """Why the evidence the candidates come from holds no document telling ``query``'s story (the fitted
        ``answer_story_held.story_held`` over the best document's key-term coverage of the whole question); None
        when it holds one. Raises ``answer_story_held.StoryModelError`` when the model file is missing or fitted on
        other features. A follow-up carrying the conversation's context is not read: the model was fitted on
        standalone questions, and the carried words are the previous answer's, not a story the evidence must tell
        (the follow-ups gate on the first cut lost fu-071#2 to it)."""
        if without_carried_context(query) != query:
            return None
        evidence = [(p.chunk.doc_id, p.chunk.title or "", p.chunk.text) for p in scored.passages()]
        # a passage giving the words the question quotes, word for word, tells its story, however few of its other
        # words it repeats ("… someone with “a keen nose for trouble” to run the agency" for "… is looking for someone
        # with “a keen nose for trouble” to fill which post?"; ``unmentioned.gives_quote``)
        if any(gives_quote(q, f"{title} {text}") for q in question_quotes(query) for _, title, text in evidence):
            return None
        held, cov = story_held(query, evidence)
        return None if held else f"no source tells the question's story: the best covers {cov:.2f} of its key terms"

    def _side_view(self, side: str, scored: Scored) -> Scored:
        """``scored`` as one side of a comparison sees it (``answer_premise.compared``): key-term coverage, cosine
        and relevance measured on that side's question ("Japan's 2019 export curbs on South Korea: what was
        targeted?"), whose terms the other side's story does not share."""
        cov, window_cov, _ = coverages(side, scored.cands)
        mat = np.asarray(self._embed([side] + self._embedding_texts(side, scored.cands)), dtype=np.float64)
        cos = self._query_cosines(side, scored.cands, mat[0], mat[1:] @ mat[0])
        rel = cap_titles(scored.cands, (1 - self.W_LEXICAL) * cos + self.W_LEXICAL * cov)
        return replace(scored, cov=cov, window_cov=window_cov, rel=rel, cos=cos)

    def _unreported_premise(self, query: str, scored: Scored) -> tuple[int, Unreported] | None:
        """(the candidate to quote, how) when no on-topic sentence reports the event ``query`` presupposes
        (``answer_premise``: "Why did South Korea ban exports of lithography machines to Japan?" over reports of
        Japan's curbs on exports to South Korea); None when one does, when the sentences say nothing against it, and
        for a question presupposing no event. The sentences read are the answer's on-topic quotable ones, most
        relevant first; a word of what the act is done to is looked for in the whole evidence."""
        asked = premise(query)
        if asked is None:
            return None
        scored = self._asked(query, scored)
        # (a sentence sharing only the question's places is about another story there: ``_beyond_places``)
        ok = self._answer_on_topic(query, scored) & self._quotable(query, scored) & self._beyond_places(query, scored)
        order = [i for i in self._order(scored, scored.rel, range(len(scored.cands))) if ok[i]]
        evidence = " ".join(f"{p.chunk.title or ''} {p.chunk.text}" for p in scored.passages())
        found = unreported(asked, [scored.cands[i].text for i in order], evidence)
        return (order[found.index], found) if found is not None else None

    @staticmethod
    def _led_by_responder(query: str, scored: Scored) -> np.ndarray | None:
        """For a question asking how a country responded (``followup.asks_response``: "What did Japan say in
        response?", "How did South Korea react to …?"), per candidate (bool) whether the sentence can tell that
        country's response: it reports an act or words (an event or statement: "South Korea has summoned a Japanese
        embassy official …", "Moon on Monday said that Seoul would …", "“The measure is not …,” Japanese Chief
        Cabinet Secretary Yoshihide Suga told a news conference") naming the first place the question names (by any
        of its names), and its actor is no other country (``answer_actor``); an outlet's report ("X reported that
        …") is read as the clause it relays (``answer_actor.relayed_clause``).
        Another country's act ("China Imposes Export Restrictions …") and a source's judgement ("Brazil's move …
        adds a third layer …") are no response. None for any other question, and for one asking for a name, number
        or date."""
        own = without_carried_context(query)  # "And in the medium term? (… in response to China's …)" asks none
        mentions = place_mentions(own)
        # "how many people were arrested during the protests in Iran?" asks for a number, not for a response
        if not mentions or not asks_response(own) or answer_type(query) in SINGLE_VALUE_KINDS:
            return None
        key = mentions[0].key

        def tells(text: str) -> bool:
            # the responder's own act names the responder ("Thailand's commerce ministry summoned …", "Japanese Chief
            # Cabinet Secretary Yoshihide Suga told …"); an outlet's report relays its clause's act, done by that
            # clause's actor ("Taiwan International Radio reported that Chinese authorities halted …" is China's act,
            # the one responded to)
            relayed = relayed_clause(text)
            own = text if relayed is None else relayed
            return (not led_by_another_place(own, {key})
                    and any(same_place(m.key, key) for m in place_mentions(own)))

        return np.array([c.role in REPORT_ROLES and tells(c.text)
                         and key in QuestionAnswering._passage_stems(scored, i) for i, c in enumerate(scored.cands)],
                        dtype=bool)

    def _best_quotable(self, query: str, scored: Scored) -> float:
        """The relevance of the most relevant sentence an answer to ``query`` may quote (``_quotable``): a watch-list
        item that repeats the question's words ("Tesla ... will be closely watched") sets no bar for the sentences
        that answer it ("Tesla revealed on Friday a prototype of a humanoid robot"), since it is never quoted."""
        quotable = self._quotable(query, scored)
        # a response question's bar is set by the sentences that can tell the response, not by the carried event
        led = self._led_by_responder(query, scored)
        if led is not None and (quotable & led).any():
            quotable = quotable & led
        return float(scored.rel[quotable].max()) if quotable.any() else float(scored.rel.max())

    def _answer_on_topic(self, query: str, scored: Scored) -> np.ndarray:
        """Per candidate (bool), relevant enough to answer ``query`` from: within ``DETAIL_GAP`` of the most relevant
        quotable sentence (``_best_quotable``) and not far below the abstention line (as ``_on_topic`` with a gap)."""
        best = self._best_quotable(query, scored)
        return (scored.rel >= best - self.DETAIL_GAP) & (scored.cos >= self.abstain_threshold - 0.05)

    def _most_relevant(self, scored: Scored, n: int) -> list[int]:
        """The ``n`` most relevant candidates that share no text (a sentence quoted with its context and the
        same sentence alone count once)."""
        out: list[int] = []
        for i in self._order(scored, scored.rel, range(len(scored.cands))):
            if not any(scored.cands[i].overlaps(scored.cands[j]) for j in out):
                out.append(i)
                if len(out) == n:
                    break
        return out

    def _about_places(self, query: str, scored: Scored) -> np.ndarray:
        """Per candidate (bool), whether its passage (with its document's title) names every country or capital a
        focused question names (one or two; a question naming three or more compares them, and a question naming
        none constrains nothing): "What export controls has Japan placed on Korea?" is not answered, nor detailed, by
        an essay's passage on Japan's controls against China or a report on China's curbs on Japanese firms."""
        places = place_keys({t.stem for t in key_terms(query)})
        if not 0 < len(places) <= 2:
            return np.ones(len(scored.cands), dtype=bool)
        about = np.array([places <= self._passage_stems(scored, i) for i in range(len(scored.cands))], dtype=bool)
        if answer_type(query) in ACTOR_KINDS:
            # what a country did, or why: another country's action that names it does not say ("Hypothesis A: Canada
            # is using export restrictions as a response to Vietnam's naval posture" for "why did Vietnam ...?")
            about &= np.array([not led_by_another_place(c.text, places) for c in scored.cands], dtype=bool)
        elif (agent := asked_agent(query)) and (verb := self._asked_verb(query)) is not None:
            # ... nor, for any question asking what a country did, another country doing that act ("Since August
            # 2018, the Trump administration has moved to prohibit … equipment … from China" for "What did China
            # ban?"); another's act of another kind may be the story asked about ("US authorities have asked the
            # Japanese government …" for "Did Japan agree?")
            about &= np.array([not (led_by_another_place(c.text, places) and tells_act(c.stems, verb))
                               or self._agent_does(c.text, agent, verb) for c in scored.cands], dtype=bool)
        # ... nor is a question asking what a country did to another's ("Which Chinese companies did Japan restrict?")
        # by the other's act on the first ("China Imposes Export Restrictions on 20 Japanese Firms")
        return about & ~self._swapped(query, scored)

    @staticmethod
    def _asked_verb(query: str) -> str | None:
        """The verb stem of the question's asked act (``answer_act.asked_act``); None for a question without one."""
        act = asked_act(query)
        return act.verbs[0] if act is not None and act.verbs else None

    @staticmethod
    def _agent_does(text: str, agent: frozenset[str], verb: str) -> bool:
        """Whether the asked actor's places ``agent`` do the act ``verb`` in ``text`` though another place opens it
        (``answer_actor.act_doer``: "Tokyo protests as China blocks dual-use exports …" for "What did China ban?")."""
        doer = act_doer(text, verb)
        return doer is not None and any(same_place(doer.key, a) for a in agent)

    def _swapped(self, query: str, scored: Scored) -> np.ndarray:
        """Per candidate (bool), whether it tells the asked act the other way round (``answer_actor.swaps_roles``:
        the place the question's wh-phrase names acts on the asked actor); all False for a question whose wh-phrase
        names no place (``answer_premise.acted_on_places``). Read once per candidate list and question (the typing,
        the lead's pool and a partial answer's quote all ask)."""
        by_query: dict[str, np.ndarray] = self._per_candidates("_swapped_memo", scored, lambda scored: {})
        if query not in by_query:
            agent = asked_agent(query)
            acted_on = acted_on_places(query, agent)
            verb = self._asked_verb(query)
            by_query[query] = np.array([bool(acted_on) and swaps_roles(c.text, agent, acted_on, verb)
                                        for c in scored.cands], dtype=bool)
        return by_query[query]

    @staticmethod
    def _siblings(query: str, scored: Scored) -> np.ndarray:
        """Per candidate (bool), whether it gives a sibling of an asked word in that word's place
        (``asked_sibling.gives_sibling``, siblings read from the candidate's passage and its document's title)."""
        body = without_carried_context(query)
        return np.array([gives_sibling(body, c.text, f"{c.passage.chunk.title or ''}\n{c.passage.chunk.text}")
                         for c in scored.cands], dtype=bool)

    def _beyond_places(self, query: str, scored: Scored) -> np.ndarray:
        """Per candidate (bool), whether the sentence, alone or with the sentence next to it in its passage, holds a
        key term of ``query`` (its own words, not a follow-up's carried context) other than the countries and
        capitals it names (``places.toml``), when those other terms weigh at least ``WHAT_WEIGHT`` (the question says
        what was done, not only where); all True otherwise. A sentence that shares only the question's places is
        about another story in those places."""
        terms = key_terms(without_carried_context(query))  # a follow-up's carried words are not what it asks
        places = place_keys({t.stem for t in terms})
        what = {t.stem for t in terms if t.stem not in places}
        if sum(t.weight for t in terms if t.stem in what) < WHAT_WEIGHT:
            return np.ones(len(scored.cands), dtype=bool)
        # ... not across a turn to another story ("In parallel, a separate report …": ``story_turn``), and a sentence
        # turning to another story holds the question's act, not only a name the two stories share
        act = what - {t.stem for t in terms if t.kind == "entity"}
        beyond = with_story_neighbours(np.array([bool((act if turns_away(c.text) else what) & (c.stems | c.context_stems))
                                                 for c in scored.cands], dtype=bool), scored.cands)
        # a response is another act than the one asked about ("Seoul plans to file a complaint with the WTO" for "How
        # did Seoul respond to Japan's export curbs?"): the responder's own act or words count when their passage
        # tells of the asked event
        return beyond | self._responded(query, scored)

    def _responded(self, query: str, scored: Scored) -> np.ndarray:
        """Per candidate (bool), the responder's act or words (``_led_by_responder``) in a passage telling of the event
        ``query`` asks the response to (``answer_response.responded_in_story``: a key term of its own words other than
        its places); all False for a question asking for no response. Read once per candidate list and question
        (``_per_candidates``; an answer asks for it in ``_beyond_places`` and again for the responder's details)."""
        def read(query: str) -> np.ndarray:
            terms = key_terms(without_carried_context(query))
            places = place_keys({t.stem for t in terms})
            led = self._led_by_responder(query, scored)
            if led is None:  # no response asked for: no passage need be read
                return np.zeros(len(scored.cands), dtype=bool)
            return responded_in_story(led, {t.stem for t in terms if t.stem not in places},
                                      [self._passage_stems(scored, i) for i in range(len(scored.cands))])

        by_query: dict[str, np.ndarray] = self._per_candidates("_responded_memo", scored, lambda scored: {})
        if query not in by_query:
            by_query[query] = read(query)
        return by_query[query]

    @staticmethod
    def _passage_stems(scored: Scored, i: int) -> frozenset[str]:
        """Stems of the passage a sentence comes from and of its document's title (what the sentence's context talks
        about: a report's "Scenario Outlook" list names no country; its title does). Read once per passage
        (``_context_stems``): a passage's sentences share them."""
        chunk = scored.cands[i].passage.chunk
        return _context_stems(chunk.text, chunk.title or "")

    def _answer_value(self, query: str, spec: SectionSpec, scored: Scored, *, lead: bool = False,
                      as_of: str | None = None) -> np.ndarray:
        """How well each sentence answers the question: relevance dominates; key terms and the wanted kind of
        answer (a name, date or number) add to it. ``lead``: for the first sentence, the article retrieval ranked
        first and the report dated nearest ``as_of`` (ISO date) add to it too."""
        scored = self._asked(query, scored)
        kind, typed = self._typed(query, scored)
        bonus = self.TYPED_BONUS * typed if kind else np.zeros(len(scored.cands))
        if kind == "list":
            bonus = bonus + LIST_BONUS * np.array([1.0 if is_enumeration(c.text) else 0.0 for c in scored.cands])
            bonus = bonus + CONTENTS_BONUS * np.array([1.0 if lists_contents(c.text) else 0.0 for c in scored.cands])
        elif kind in ("intent", "recommendation"):  # the asked actor saying what it will do (or what should be
            # done) outranks others' words about it
            bonus = bonus + LIST_BONUS * typed
        if kind in SINGLE_VALUE_KINDS or kind in ("list", "intent"):
            story = scored.cands[self._most_relevant(scored, 1)[0]].doc_id
            bonus = bonus + STORY_BONUS * typed * np.array([c.doc_id == story for c in scored.cands], dtype=float)
        asked = label_stems(query)
        bonus = bonus + LABEL_BONUS * np.array([
            1.0 if names_label(c.text, asked) and (kind not in SINGLE_VALUE_KINDS or typed[i]) else 0.0
            for i, c in enumerate(scored.cands)])
        if lead:
            bonus = (bonus + HIT_BONUS * top_ranked_article(scored.cands)
                     + NEAREST_BONUS * lead_date(scored.cands, as_of, self._answer_on_topic(query, scored)))
        return scored.rel + 0.15 * scored.window_cov + bonus + 0.05 * scored.fit[spec.name]

    def _table_answer(self, query: str, scored: Scored, kind: str | None) -> list[int]:
        """For a question asking several members of a class ("Which companies …?", a list), the rows of the table
        that lists them (a column named by the class: ``answer_table``) from the most relevant on-topic document
        holding one, in the table's order, when at least two; else empty. The first row answers, the rest follow as
        its details (one passage: a table split over passages is answered from its first part). Read once per
        candidate list and question (the answerability check, the first sentence and the details ask for it)."""
        by_query: dict[str, list[int]] = self._per_candidates("_table_memo", scored, lambda scored: {})
        if query not in by_query:
            by_query[query] = self._read_table_answer(query, scored, kind)
        return by_query[query]

    def _read_table_answer(self, query: str, scored: Scored, kind: str | None) -> list[int]:
        if kind != "list" and kind not in CLASS_KINDS:
            return []
        asked = without_carried_context(query)
        members = asked_class(asked)
        if kind != "list" and not asks_several(asked, members):
            return []
        ok = self._answer_on_topic(query, scored)
        docs = dict.fromkeys(scored.cands[i].doc_id for i in self._most_relevant(scored, len(scored.cands)) if ok[i])
        off = self._rows_off_subject(query, scored)  # a table on another subject lists no member asked for
        table = [i for i in column_rows(scored.cands, members, list(docs)) if not off[i]]
        rows = [i for i in table if scored.cands[i].chunk_id == scored.cands[table[0]].chunk_id] if table else []
        if len(rows) < 2:
            return []
        return self._restricted_rows(asked, members, scored, rows, table)

    @staticmethod
    def _restricted_rows(asked: str, members: frozenset[str], scored: Scored, rows: list[int],
                         table: list[int]) -> list[int]:
        """Of a table answer's ``rows`` (one passage's), those whose cells hold the question's restriction
        (``row_subject.restricted_rows``: its key terms beyond the asked class ``members``); none when a sentence of
        the rows' document names a member of the ``table`` (all its rows found) with more of it
        (``row_subject.prose_names_more``): that sentence answers."""
        restriction = frozenset(t.stem for t in key_terms(asked)) - members
        doc = scored.cands[rows[0]].doc_id
        prose = [(c.text, c.stems) for c in scored.cands if c.doc_id == doc and not is_table_row(c.text)]
        chunk = scored.cands[rows[0]].passage.chunk
        subject = f"{chunk.title or ''}\n{table_caption(chunk.text, scored.cands[rows[0]].local_start)}"
        if prose_names_more(restriction, [scored.cands[i].text for i in table], prose, subject, members):
            return []
        return [rows[k] for k in restricted_rows(restriction, [scored.cands[i].text for i in rows])]

    def _pick_answer(self, query: str, spec: SectionSpec, scored: Scored, prefer_kind: bool = True, *,
                     as_of: str | None = None, value_first: bool = True) -> list[int]:
        """The first sentence: among the most relevant, the one that best answers. A sentence that gives the kind
        of answer asked for (for a list: lists items) joins them, though phrased unlike the question, when it holds
        most of the question's key terms (with its neighbour) and clearly more than any of them that gives it: it
        states the answer ("The restrictions cover A, B and C"). A sentence that gives the kind of answer asked for
        (the list, the intention, the name, number or date) is preferred to one that does not: the first sentence
        states the answer, its context follows. ``prefer_kind=False`` (a partial answer: no sentence gives it) picks
        the sentence that best addresses the question. A labelled item the question names ("and the best case?" →
        "Best Case: ...") is the answer whatever else is more similar to the question. Among equals, the article
        retrieval ranked first and the report dated nearest ``as_of`` lead. ``value_first``: when the chosen
        sentence lacks the name, number or date asked for and the sentence that continues it gives it, that one
        leads (the chosen sentence follows as its context, see ``_pick_details``)."""
        scored = self._asked(query, scored)
        ok = self._answer_on_topic(query, scored)
        pool = [i for i in range(len(scored.cands)) if ok[i]]
        # a labelled item the question names ("and the best case?" → "Best Case: ...") states the answer
        asked = label_stems(query)
        kind, typed = self._typed(query, scored)
        rows = self._table_answer(query, scored, kind) if prefer_kind else []
        if rows:  # "Which companies …?": the rows of the table that lists them, the first leading (``answer_table``)
            return rows[:1]
        quotable = self._quotable(query, scored)
        beyond = self._beyond_places(query, scored)
        pool = [i for i in pool if quotable[i] and beyond[i]]
        # the first sentence comes from a passage about the countries the question names, when one is on topic
        about = self._about_places(query, scored)
        # ... or, when none is, from one near the question that is ("Tokyo protests as China blocks dual-use exports
        # …" for "What did China ban?" when the one on-topic sentence tells the Trump administration's ban)
        floor, verb = self.abstain_threshold - 0.05, self._asked_verb(query)
        pool = ([i for i in pool if about[i]]
                or [i for i in range(len(scored.cands)) if about[i] and quotable[i] and beyond[i] and scored.cos[i] >= floor
                    and (ok[i] or (verb is not None and tells_act(scored.cands[i].stems, verb)))]
                or pool)
        value = self._answer_value(query, spec, scored, lead=True, as_of=as_of)
        if as_of is None:  # undated: the latest report of the event leads, not an older essay (``answer_lead``)
            pool = without_older_views(scored.cands, pool, value)
        led = self._led_by_responder(query, scored)  # a response is told by its responder's act or words
        pool = [i for i in pool if led is None or led[i]] or pool
        # "What did Hikvision say about the ban?": a sentence in which the asked speaker says something (or gave
        # no comment: "Dahua did not respond to a request for comment") leads (``asked_speaker``), not one that only
        # names it, however much more of the question that one repeats
        # (a question of its own kind, "what did X say it would do?", and a response question keep their readings)
        speaker = asked_speaker(without_carried_context(query)) if kind is None and led is None else None
        if speaker is not None:
            pool = [i for i in range(len(scored.cands)) if quotable[i] and beyond[i] and scored.cos[i] >= floor
                    and (says(speaker, scored.cands[i].text) or declines_comment(speaker, scored.cands[i].text))] or pool
        if asks_to_watch(query):  # "what should we watch ...?": the source's watch items answer it
            watch, floor = self._watched(scored), self.abstain_threshold - 0.05
            ahead = [i for i in range(len(scored.cands)) if (ok[i] or scored.cos[i] >= floor)
                     and (watch[i] or (quotable[i] and scored.cands[i].role in AHEAD_ROLES))]
            # ... of the story asked about (the most relevant sentence's document: a follow-up's carried story), not
            # another story's watch item in a digest ("What will happen next?" after China's restrictions is not
            # answered by Japan's battery denial list)
            story = scored.cands[self._most_relevant(scored, 1)[0]].doc_id
            own = [i for i in ahead if scored.cands[i].doc_id == story]
            # the story's own watch items first: a forecast answers "what next?" only where the story lists nothing
            # to watch ("What should we watch after the ban?" is answered by "Whether neighbouring states adopt …")
            pool = [i for i in own if watch[i]] or own or [i for i in ahead if watch[i]] or pool
        # "What is China's stated rationale for …?": the phrase giving it, wherever it stands ("… supported by China’s
        # stated rationale of safeguarding national security", in a hypothesis' evidence)
        phrase = self._stated_phrase(query, scored, about)
        if phrase is not None and prefer_kind:
            return [phrase]
        # "What were the GPUs declared as?": a sentence putting a value right after the verb and preposition the
        # question strands ("… the shipment was declared as network servers …", ``stranded_slot``) leads, though it
        # repeats less of the question than the lede of the same story
        framed = self._stranded(query, scored, quotable, about)
        if framed and prefer_kind:
            return self._order(scored, value, framed)[:1]
        # "What is the maximum penalty under …?": the story's amount stated as a rule leads (``_bound_answers``)
        bound = self._bound_answers(query, scored, kind)
        if bound and prefer_kind:
            return self._order(scored, value, bound)[:1]
        # "What sentence did Min receive?": the sentence pairing the asked holder with its own value ("Baek and Min
        # received two years and 18 months respectively", ``_respective_answers``) leads, not another holder's
        paired = self._respective_answers(query, scored, kind)
        if paired and prefer_kind:
            return self._order(scored, value, paired)[:1]
        # "Who said Japan's measure was politically motivated?": the sentence putting that view by its holder's frame
        # ("… what he described as a politically motivated measure": ``answer_who.view_holder``) answers it
        held = self._view_held(query, scored, quotable)
        if held and prefer_kind:
            return self._order(scored, value, held)[:1]
        # "What does Hosokawa recommend …?": the recommending sentences of the asked writer's own piece answer it,
        # however few of the question's words they repeat ("The authority should now extend the ban …")
        if kind == "recommendation" and prefer_kind:
            own = self._writer_recommendations(query, scored)
            if own:  # the first of them in the writer's order, or the one the question is about
                return own[:1]
        labelled = [i for i in range(len(scored.cands)) if scored.cos[i] >= self.abstain_threshold - 0.05 and quotable[i]
                    and names_label(scored.cands[i].text, asked) and (kind not in SINGLE_VALUE_KINDS or typed[i])]
        if labelled and prefer_kind:
            return self._order(scored, value, labelled)[:1]
        if kind is None and keyword_query(query):  # "chips": a sentence about chips leads, not a watch-list item
            pool = keyword_leads([c.text for c in scored.cands], scored.cov, pool,
                                 scored.cos >= self.abstain_threshold - 0.05,
                                 [title_holds_terms(query, c.passage.chunk.title or "") for c in scored.cands])
        told = list(pool)  # before the kind's own cuts: a report of the done act (``_act_reported_first``)
        named_later: list[int] = []  # a list's members named past the sentence counting them (``_named_later``)
        event = asked_event(query, kind)  # a time question's asked event (``asked_event``)
        if kind and pool:
            states = typed  # for a list: a sentence listing items, or naming the one a "which companies" asks for
            best = max((float(scored.window_cov[i]) for i in pool if states[i]), default=0.0)
            bar = max(STATES_COVERAGE, best + STATES_MARGIN)
            story = scored.cands[self._most_relevant(scored, 1)[0]].doc_id
            same_bar = max(STATES_COVERAGE_SAME_DOC, best + STATES_MARGIN)
            floor = self.abstain_threshold - 0.05
            pool += [i for i in range(len(scored.cands))
                     if not ok[i] and states[i] and scored.cos[i] >= floor and quotable[i]
                     and scored.window_cov[i] >= (same_bar if scored.cands[i].doc_id == story else bar)]
            if kind == "number":  # the story's sentence counting the asked things ("Each of its 14 repeaters …")
                pool += [i for i in self._counting_in_story(query, scored, pool) if i not in pool and quotable[i]]
                # ... and its sentence giving the asked measure of a thing the question names ("The drones were worth
                # 3.1 billion won" for "What was the value of the drones …?", ``_measured_in_story``)
                pool += [i for i in self._measured_in_story(query, scored, pool, typed) if i not in pool and quotable[i]]
            if kind == "list":  # the story's own list of what a measure covers, however it is worded: above the
                # floor, or below it when with its neighbour it holds every key term ("The export restrictions cover
                # fluorinated polyimides, … photoresist and hydrogen fluoride" after "Japan's trade measures …", cosine
                # 0.27 to "Which materials did Japan restrict?")
                pool += [i for i in range(len(scored.cands))
                         if i not in pool and scored.cands[i].doc_id == story and quotable[i]
                         and ((scored.cos[i] >= floor and scored.window_cov[i] >= CONTENTS_COVERAGE)
                              or scored.window_cov[i] >= FULL_COVERAGE)
                         and lists_contents(scored.cands[i].text)]
            if kind == "list":  # the members a sentence of the pool only counts ("BIS … added 14 companies to its
                # Entity List"), named by a later sentence of its report that repeats little of the question ("Eleven of
                # the companies are based in mainland China … They include Shenzhen Kuanyu Technology, …"): they lead
                # (the class noun ties them to the count: "The firms named in the order are …" may repeat no other
                # word of the question, so no key term past its places is asked of them)
                naming = [i for i in self._named_later(query, scored, pool) if about[i]]
                member = asked_value(without_carried_context(query)).member
                if naming and not any(i in naming for i in pool):
                    pool = [i for i in pool if not says_class(scored.cands[i].text, member)] + naming
                    named_later = naming
                elif naming:  # ... and, named in the pool too, they lead over the lede referring to them by their
                    # class only ("… tools installed at Chinese chip plants" beside "… apply to tools at 6 fabs
                    # named in an annex, including plants of CXMT in Hefei and of Nexchip in Wuhan")
                    pool = [i for i in pool if i in naming or not says_class(scored.cands[i].text, member)] or pool
            if kind == "reason":  # the story's own account of why ("The measures followed court rulings ..."),
                # though it repeats less of the question than the sentence restating what was done; in the passage
                # of the most relevant sentence it is told of the same act, however it is worded
                top_chunk = scored.cands[self._most_relevant(scored, 1)[0]].passage.chunk.chunk_id
                # (or the act told with its cause by "after": "suspended the service after a crew member tested
                # positive", ``stated_reason.cause_after_act``)
                pool += [i for i in range(len(scored.cands))
                         if i not in pool and scored.cands[i].doc_id == story and quotable[i] and about[i]
                         and (states[i] or cause_after_act(query, scored.cands[i].text))
                         and beyond[i] and (scored.cands[i].passage.chunk.chunk_id == top_chunk
                              or (scored.cos[i] >= floor and scored.window_cov[i] >= REASON_COVERAGE))]
            if kind == "term":  # the story's own name for what the question describes ("The Respect for Marriage
                # Act, passed by the Senate last week, …"), though it repeats less of the question than the lede
                # restating it ("The House passed historic legislation Thursday that would …"); of the same document,
                # it may share no word with the question ("The Fair Tenancy Act … caps rent rises"): in the passage of
                # the most relevant sentence, or as near the question as the floor
                qstems = text_stems(without_carried_context(query))
                top_chunk = scored.cands[self._most_relevant(scored, 1)[0]].passage.chunk.chunk_id
                pool += [i for i in range(len(scored.cands))
                         if i not in pool and scored.cands[i].doc_id == story and quotable[i] and about[i]
                         and (scored.cands[i].passage.chunk.chunk_id == top_chunk or scored.cos[i] >= floor)
                         and names_designation(scored.cands[i].text, qstems)]
            if kind == "number":  # the story's count of the asked noun ("Truss, 47, lasted 45 days in office"),
                # though it repeats less of the question than the sentences restating its premise ("… resigned
                # Thursday less than two months into the job") that set the relevance cut: from a document the pool
                # already quotes (``answer_slot.fills_count``; it leads by ``count_lead``); and for an age, the
                # story's age ("President Joe Biden is turning 80 this weekend", ``answer_slot.fills_age``), though the
                # sentences saying "age" ("… the “age issue” is never something Biden wants to highlight") repeat more
                pool += [i for i in self._near_pool(scored, pool, story, floor, quotable, about)
                         if fills_count(query, scored.cands[i].text) or fills_age(query, scored.cands[i].text)]
            if event:  # the time of the asked event ("… would be completed in March 2025"), though it repeats less of
                # the question than the lede giving the time of another ("SMIC announced the expansion … on Thursday")
                # of the most relevant sentence's document, below the relevance floor and naming no place the
                # question does; a time to come is answered by what a source says to watch too ("Mass production at
                # the line is scheduled to begin in the second half of 2026", typed a signal)
                watched = self._watched(scored)
                pool += [i for i, c in enumerate(scored.cands) if i not in pool and c.doc_id == story
                         and (quotable[i] or watched[i]) and states[i] and event.fit(text_stems(c.text))[0] > 0]
            pool += self._slot_fillers(query, kind, scored, pool, story, floor, quotable, about)
            if kind in ("thing", "list"):  # the asked conditions imposed ("… but required Arvenna to store …"), though
                # the sentence repeats less of the question than the lede telling the decision: of the pool's reports
                member = asked_value(without_carried_context(query)).member
                pool += [i for i in self._near_pool(scored, pool, story, floor, quotable, about)
                         if imposes_asked_obligation(member, scored.cands[i].text)]
            if kind in CLASS_KINDS and names_only_class(asked_sentence(without_carried_context(query))[0]):
                # "… Which animal was it?" names only the class: the story's sentence naming what the question does
                # not ("… captured a 230-pound Burmese python") answers, however little of the question it repeats,
                # and beside a sentence of the pool below the floor too ("The visitor, a Siberian rubythroat, …")
                story_pool = {i for i in pool if scored.cands[i].doc_id == story}
                beside = {b if a in story_pool else a for a, b in adjacent_pairs(scored.cands)
                          if a in story_pool or b in story_pool}
                pool += [i for i in self._near_pool(scored, pool, story, -1.0, quotable, about)
                         if states[i] and (scored.cos[i] >= floor or i in beside)]
            # "Which countries …?": the pool's sentences naming several (or listing names: a country the place
            # lexicon lacks, "Chile and Kenya"), or when none does, the story's
            countries = self._country_lists(query, scored)
            if countries:
                asked_body = without_carried_context(query)
                qstems = text_stems(asked_body)
                naming = [i for i in pool if names_countries(scored.cands[i].text, asked_body)
                          or lists_names(scored.cands[i].text) or names_pair(scored.cands[i].text, qstems)]
                pool = (naming or countries) if prefer_kind else pool + [i for i in countries if i not in pool]
            if prefer_kind and kind == "name":  # "Who protested …?": a place doing the asked act answers ("Seoul plans
                # to file a complaint with the WTO"), though less like the question than sentences restating its premise
                doers = self._place_doers(query, scored, typed, floor, quotable, about)
                pool = [i for i in pool if i in doers] or doers or pool
            # an action is told in too many ways for its typing to choose the first sentence; a member of a class
            # ("which show") is named by the sentence that answers, not referred to by its class ("The show, ..."),
            # and "why?" by the sentence that gives a reason, not by the one restating what was done
            if prefer_kind and (kind in SINGLE_VALUE_KINDS or kind in CLASS_KINDS
                                or kind in ("list", "intent", "recommendation", "reason")):
                pool = [i for i in pool if states[i]] or pool
            if prefer_kind and kind in ("thing", "list"):  # "What condition must exporters meet?", "What conditions
                # did the CAC impose?": the sentence imposing one ("Exporters must apply for a dual-use licence …",
                # "… but required Arvenna to store …"), not one naming the measure's other parts
                member = asked_value(without_carried_context(query)).member
                pool = [i for i in pool if imposes_asked_obligation(member, scored.cands[i].text)] or pool
            if prefer_kind and kind == "term":  # "What is it called?": a designation, not a sentence restating the
                # question whose only new name is a team or a country ("… beating Portugal 1-0")
                qstems = text_stems(without_carried_context(query))
                pool = [i for i in pool if names_designation(scored.cands[i].text, qstems)] or pool
            if kind == "number":  # a count of the set the question names, not another's ("to its own list")
                pool = self._of_the_counted_set(query, scored, pool)
            if prefer_kind and kind == "reason":  # the reason a source states ("was based on a lack of trust") before
                # a sentence telling only what came before ("the measures followed court rulings") or what ought to
                # be done ("To protect …, Japan must step up …": advice, ``stated_reason.tells_reason``)
                reasons = [i for i in pool if tells_reason(scored.cands[i].text)
                           or cause_after_act(query, scored.cands[i].text)]
                # ... not a reaction to the act, whatever cause it gives for the reaction ("Washington condemned the
                # move as …", "Passengers reacted with anger after the service was suspended": ``stated_reason.reacts``)
                reasons = [i for i in reasons if not reacts(scored.cands[i].text)] or reasons
                # ... or, none stating one, the act's actor's own account right after the sentence telling the act
                # ("KISA has postponed its decision …" then "KISA said the application lacked documents on …")
                reasons = reasons or account_after(query, scored.cands, pool, quotable)
                # ... a reason its actor stated before an outlet's own view of the act ("We think …, because …"): when
                # the pool's reasons are all such views, one stated in the act's own story ("the minister told
                # reporters the measure was needed to …"), though it repeats too little of the question to be in it
                if reasons and all(writers_view(scored.cands[i].text) for i in reasons):
                    reasons = stated_in_story(query, scored.cands, quotable) or reasons
                # ... and "Why did METI say …?" asks METI's own: the reasons the actor is reported giving lead
                # (``stated_reason.actor_first``), not another voice's that repeats more of the question
                reasons = actor_first(query, scored.cands, reasons, quotable)
                # ... and not a reason the report gives for an act of another year than its own ("In 2025, KISA revoked
                # certifications for two other makers after finding …" in a 2026 report of a certificate withheld)
                pool = [i for i in reasons if not self._of_another_year(scored.cands[i])] or reasons or pool
                pool = [i for i in pool if not reacts(scored.cands[i].text)] or pool  # a reaction says not why
                # ... and not an analytic brief's caveat or implication ("Risk of deception in China's public
                # statements about the motivations …", under "Bias & Deception Risks:"): the brief's, not the reason
                # nor a forecast, watch item or gap (``stated_reason.NO_REASON_ROLES``): what may happen says not why
                analytic = self._analytic(scored)
                pool = [i for i in pool if not analytic[i] and scored.cands[i].role not in NO_REASON_ROLES] or pool
        # "Which team won the 2022 … Finals?": a sentence telling other years only ("… won the last two Stanley Cups
        # in 2020 and 2021") does not lead while one telling the asked year, or none, can (``asked_year``)
        years = asked_years(without_carried_context(query), as_of)
        dated = [i for i in pool if event_years(scored.cands[i].text, scored.cands[i].passage.chunk.published)]
        if kind == "number" and years and dated and all(tells_other_years(scored.cands[i].text, years,
                                                                          scored.cands[i].passage.chunk.published)
                                                        for i in dated):
            # ... and when every sentence of the pool telling a year tells others, the one right after it telling the
            # asked year leads ("… opened 19 cases this year, up from 7 in 2025." then "In 2024 it opened only 4." for
            # "… in 2024?"), though it repeats too little of the question to be in the pool: for a figure only (a year
            # of a figure's series); in "Which team won the 2022 … Finals?" the year names the event, and a next
            # sentence with "2021-2022 Norris Trophy winner" is about a player, not the winner
            near = [b for a, b in adjacent_pairs(scored.cands) if a in dated and b not in pool and typed[b]
                    and quotable[b] and event_years(scored.cands[b].text, scored.cands[b].passage.chunk.published) & years]
            pool = list(dict.fromkeys(near)) or pool
        pool = [i for i in pool if not tells_other_years(scored.cands[i].text, years,
                                                         scored.cands[i].passage.chunk.published)] or pool
        # "When will the expansion be completed?": the time of the asked event, not of its announcement ("SMIC
        # announced the expansion plan … on Thursday" repeats more of the question), while a sentence naming the
        # event can lead (``asked_event``)
        if prefer_kind and event:
            fits = {i: event.fit(text_stems(scored.cands[i].text)) for i in pool if typed[i]}
            best = max((f for f in fits.values() if f[0] > 0), default=None)
            pool = [i for i, f in fits.items() if f == best] or pool
        # a source's hypothesis, even the one it favours, or its verdict between them, is a judgement under test:
        # it does not lead while anything else can (``answer_structure.leads_not``)
        held = self._held(scored)
        pool = [i for i in pool if not leads_not(held[i])] or pool
        # a sentence telling the asked act the other way round does not lead while one telling it the asked way can
        # ("Indonesia … restricted nickel ore exports to two Vietnamese steelmakers, Hoa Sen Metals and …" lists what
        # "Which Indonesian steelmakers did Vietnam restrict?" asks) ...
        # ... nor another country's (``_about_places``: the kinds' own additions above read no actor), while one
        # of the sentences before the kind's cuts can
        pool = [i for i in pool if about[i]] or [i for i in told if about[i]] or pool
        # a figure a later report revises ("to 16, up from the 14 it announced") gives way to the revision, when a
        # figure is asked (not "when does it take effect?": the first report's date still answers that)
        if kind in REPORTED_FIGURE_KINDS:
            pool = without_revised(scored.cands, pool)
        if prefer_kind and kind is not None:  # of a table's rows, those holding the question's restriction
            pool = self._asked_rows(query, scored, pool)
        picked = self._order(scored, value, pool)[:1]
        if picked and prefer_kind and kind in SINGLE_VALUE_KINDS:
            picked = self._report_first(query, kind, scored, pool, value, picked)
        elif picked and prefer_kind and kind in DONE_ACT_KINDS:
            picked = self._act_reported_first(scored, typed, told, value, picked)
        if prefer_kind:  # the sentence putting a value in the asked slot, not one restating the question's premise
            picked = slot_lead(query, kind, [c.text for c in scored.cands], value, pool, picked,
                               [c.passage.chunk.published for c in scored.cands])
            # ... for "how many <noun>", the sentence counting that noun, not one restating the premise in another unit
            picked = count_lead(query, kind, [c.text for c in scored.cands], value, pool, picked)
            # ... and a quote whose first sentence states the value, not one stating it only after its context
            picked = opening_lead(query, kind, scored.cands, value, pool, picked)
        if picked and prefer_kind:
            choice = self._first_choice(query, scored, kind, typed, value, ok, pool, picked[0], as_of, main=value_first)
            picked = [self.choose_first(choice)]
            if kind in REPORTED_FIGURE_KINDS:
                picked = self._reporting_source_first(query, kind, scored, picked)
            if named_later and picked[0] not in named_later:  # the count does not lead while its report names them
                picked = self._order(scored, value, [i for i in pool if i in named_later])[:1] or picked
            # ... and for "who was charged …?", the sentence of the lead's report naming the people it only counts
            # ("The three, Viktor Orlov, 44, …" after "US prosecutors charged three engineers …")
            picked = self._counted_named(query, scored, quotable, picked)
        if picked and prefer_kind and value_first and kind in VALUE_FIRST_KINDS and not typed[picked[0]]:
            # "Japan has reportedly denied approval ... The decision, reported on 2026-06-30 by Nikkei Asia, ...":
            # for "when was that reported?" the sentence with the date answers; the one before is its context
            given = [j for j in scored.neighbours[picked[0]] if typed[j] and quotable[j]]
            if given:
                return given[:1]
        return picked

    @staticmethod
    def _of_another_year(cand: Candidate) -> bool:
        """Whether a sentence tells events of years other than its report's (``asked_year.tells_other_years`` with the
        year of its publication): history the report recalls, "In 2025, KISA revoked …" in a report of 2026; False for
        an undated report or a sentence telling no year."""
        published = cand.passage.chunk.published or ""
        if not published[:4].isdigit():
            return False
        return tells_other_years(cand.text, frozenset({int(published[:4])}), published)

    def _counted_named(self, query: str, scored: Scored, quotable: np.ndarray, picked: list[int]) -> list[int]:
        """For a question asking who an act befell ("Who was charged …?", "Who did police arrest …?"), when the
        picked sentence counts them instead of naming them (``answer_slot.counted_undergoers``: "US prosecutors
        charged three engineers …"), the first sentence of the same report after it that names as many people
        (``answer_slot.named_people``: "The three, Viktor Orlov, 44, Anna Sidorenko, 39, and Paul Keane, 51, are
        accused …"; a dependent one with the count before it: "… indicted two executives … They are Kenji Morita …"),
        quotable or a watch item (the court date that names them: "The men, Darren Cole, …, will appear before
        magistrates on Monday"); else ``picked``."""
        if not picked:
            return picked
        lead = scored.cands[picked[0]]
        count = counted_undergoers(asked_slot(without_carried_context(query)), lead.text)
        if count is None:
            return picked
        watched = self._watched(scored)

        def at(c: Candidate) -> tuple[int, int]:
            return c.passage.chunk.start + c.local_start, c.passage.chunk.start + c.local_end

        after = [i for i, c in enumerate(scored.cands) if c.doc_id == lead.doc_id and (quotable[i] or watched[i])
                 and i != picked[0] and not c.is_title and at(c)[1] > at(lead)[1] and named_people(c.text) == count]
        return [min(after, key=lambda i: at(scored.cands[i]))] if after else picked

    def _named_later(self, query: str, scored: Scored, among: Sequence[int]) -> list[int]:
        """For a list question, the quotable sentences naming members of the asked class (``list_members.
        names_class_members``) in the reports of the sentences ``among`` that say the class but name none of its
        members ("BIS … added 14 companies …" → "… They include Shenzhen Kuanyu Technology, Hefei Tianshu Computing,
        …", past other sentences): the members the question asks for, though their sentence repeats little of it.
        Indices into ``scored.cands``; [] for a question asking no class."""
        member = asked_value(without_carried_context(query)).member
        if not member:
            return []
        docs = {scored.cands[i].doc_id for i in among if says_class(scored.cands[i].text, member)
                and not names_class_members(scored.cands[i].text, member)}
        if not docs:
            return []
        quotable = self._quotable(query, scored)
        return [i for i, c in enumerate(scored.cands)
                if c.doc_id in docs and quotable[i] and names_class_members(c.text, member)]

    @staticmethod
    def _slot_fillers(query: str, kind: str | None, scored: Scored, pool: list[int], story: str, floor: float,
                      quotable: np.ndarray, about: np.ndarray) -> list[int]:
        """For a name, thing or term whose slot no sentence of the answer ``pool`` fills, the sentences that fill it
        (``answer_slot.slot_fillers``) among ``_near_pool``:
        "The request was reportedly conveyed … to Yasutoshi Nishimura" for "Who received the US request …?", though
        the sentences restating the premise ("US authorities have asked the Japanese government to join efforts …")
        set the relevance cut. They lead by ``slot_lead`` (within its gap of the hand rule's pick). Indices into
        ``scored.cands``; [] when none."""
        eligible = QuestionAnswering._near_pool(scored, pool, story, floor, quotable, about)
        return slot_fillers(query, kind, [c.text for c in scored.cands], pool, eligible)

    @staticmethod
    def _near_pool(scored: Scored, pool: list[int], story: str, floor: float, quotable: np.ndarray,
                   about: np.ndarray) -> list[int]:
        """The candidates outside ``pool`` that a sentence filling the asked slot may be drawn from: of a document the
        pool already quotes or of the most relevant sentence's (``story``), not far below the abstention line
        (``floor``, cosine), quotable and about the question's places. Indices into ``scored.cands``."""
        near = {scored.cands[i].doc_id for i in pool} | {story}
        return [i for i, c in enumerate(scored.cands) if i not in pool and c.doc_id in near and scored.cos[i] >= floor
                and quotable[i] and about[i]]

    def _stated_phrase(self, query: str, scored: Scored, about: np.ndarray) -> int | None:
        """For a question asking an actor's stated reason (``stated_reason.asks_stated_reason``), the index of the
        most relevant candidate (not far below the abstention line, about the question's places) holding a phrase
        that gives it (``stated_reason.reason_phrases``), made the quote of that phrase alone and typed a statement
        (a source's report of what the actor gave as its reason, quoted though its sentence is the evidence listed for
        a hypothesis); None when the question asks none or no candidate holds one."""
        actor = asks_stated_reason(query)
        if actor is None:
            return None
        floor = self.abstain_threshold - 0.05
        found = [(i, spans[0]) for i, c in enumerate(scored.cands) if about[i] and scored.cos[i] >= floor
                 and not c.parts and (spans := reason_phrases(c.text, actor))]
        if not found:
            return None
        i, (a, b) = max(found, key=lambda f: float(scored.rel[f[0]]))
        cand = scored.cands[i]
        if (a, b) != (0, len(cand.text)):
            scored.cands[i] = replace(cand, local_start=cand.local_start + a, local_end=cand.local_start + b,
                                      text=cand.text[a:b], role="statement", with_context=False)
        return i

    def _stranded(self, query: str, scored: Scored, quotable: np.ndarray, about: np.ndarray) -> list[int]:
        """For a question ending on its verb and a preposition ("What were the GPUs declared as?",
        ``stranded_slot.stranded_frame``), the quotable sentences about the question's places that fill it
        (``fills_frame``: "… was declared as network servers …"), as near the question as the floor below the
        abstention line or in the most relevant sentence's document; [] for another question."""
        frame = stranded_frame(without_carried_context(query))
        if frame is None:
            return []
        floor = self.abstain_threshold - 0.05
        story = scored.cands[self._most_relevant(scored, 1)[0]].doc_id
        return [i for i, c in enumerate(scored.cands) if quotable[i] and about[i]
                and (scored.cos[i] >= floor or c.doc_id == story) and fills_frame(frame, c.text)]

    def _view_held(self, query: str, scored: Scored, quotable: np.ndarray) -> list[int]:
        """For a question asking who held a view (``answer_who.asked_view``), the candidates that put it by a frame
        naming or pointing at its holder (``answer_who.view_holder``), quotable and not far below the abstention
        line, about the places the question names; [] for any other question."""
        from rag.writers.answer_who import asked_view, view_holder

        if asked_view(query) is None:
            return []
        about, floor = self._about_places(query, scored), self.abstain_threshold - 0.05
        return [i for i, c in enumerate(scored.cands) if quotable[i] and about[i] and scored.cos[i] >= floor
                and view_holder(query, c.text) is not None]

    def _answer_lead(self, query: str, scored: Scored, lead: int, claim: DraftClaim) -> DraftClaim:
        """The answer's first claim (``claim``, quoting candidate ``lead``), led by the product's own words when the
        quote alone does not answer: ``stated_reason.UNSTATED_LEAD`` when it answers a "why" the sources give no
        reason for (``stated_reason.states_no_reason``); the holder of the view a "who said …?" asks about when the
        quote names them only by a pronoun (``answer_who.view_holder``: "South Korean President Moon Jae-in (the
        “he” of the quote). “… what he described as a politically motivated measure.”", the name as its document
        writes it in full, ``answer_who.full_name``); else unchanged."""
        from rag.writers.answer_who import full_name, holder_lead, view_holder

        scored = self._asked(query, scored)
        cand = scored.cands[lead]
        held = view_holder(query, cand.text)
        if held is not None and not held[1].startswith(held[0]):  # named only by a pronoun
            text = "\n".join(p.chunk.text for p in scored.passages({cand.doc_id}))
            return replace(claim, text=holder_lead(full_name(held[0], text or cand.passage.chunk.text), held[1]) + claim.text)
        _, typed = self._typed(query, scored)
        if not states_no_reason(query, cand.text, bool(typed[lead])):
            shown = self._headline(query, scored, lead)
            return claim if shown is None else replace(claim, text=headline_lead(shown) + claim.text)
        return replace(claim, text=UNSTATED_LEAD + claim.text)

    def _headline(self, query: str, scored: Scored, lead: int) -> str | None:
        """The headline of the lead quote's document (``answer_headline.headline``) when it holds a value of the
        kind the question asks for (a name, number, date, thing or term: ``HEADLINE_KINDS``) that neither the question nor
        the quote holds, and it holds the question's key terms at least as fully as the quote does: "UPS: One of the
        biggest strikes in American history is brewing" over "… a looming high-stakes clash between one of
        America's oldest unions and the world's biggest package courier" for "One of the biggest strikes in US
        history is brewing at which major company?". None otherwise, and for a quote that is itself a title or
        holds the headline."""
        kind, qstems, places_ok, actor, names_ok, asked = self._kind_reading(query)
        cand = scored.cands[lead]
        shown = headline(cand.passage.chunk.title, cand.passage.chunk.publisher)
        if kind not in HEADLINE_KINDS or shown is None or cand.is_title or shown.lower() in cand.text.lower():
            return None
        if kind == "number" and change_for_state(query, shown):  # "Taiwan adds eight …" counts no state asked
            return None
        slot = asked_slot(without_carried_context(query))
        if (slot.passive or slot.objects) and named_people(cand.text) and not named_people(shown):
            return None  # "Two Chinese nationals charged …" adds no name to "Chuan Geng, 28, and Shiwei Yang, 28, …"
        # a headline's opening name is read as any sentence's: a name when its document writes it inside a sentence
        text = "\n".join([shown] + [p.chunk.text for p in scored.passages({cand.doc_id})])
        title = replace(cand, passage=replace(cand.passage, chunk=replace(cand.passage.chunk, text=text)),
                        local_start=0, local_end=len(shown), text=shown, stems=text_stems(shown), is_title=True,
                        with_context=False, parts=())
        if not has_answer_kind(kind, title, qstems | cand.stems, places_ok, actor, names_ok, asked):
            return None
        if answers_by_its_words(query, kind, cand, title, qstems, asked, places_ok):
            return None
        cov, _, _ = coverages(query, [*scored.cands, title])
        return shown if cov[-1] >= cov[lead] else None

    def _body_over_headline(self, query: str, scored: Scored, lead: int) -> int | None:
        """When the lead quote would be shown after its document's headline (``_headline``: the headline holds the
        asked value, the quote does not), a quotable sentence of the same document's passages that gives that value
        itself (``answer_headline.answers_by_its_words`` read against the headline: "The ministry fined Hanbit
        Trading 2.4 billion won on Monday …" under "Seoul fines Hanbit Trading …" for "Which company did Seoul
        fine?"), the most relevant of them; None when the headline would not lead or no body sentence says it
        (s69's user, F13: titles are evidence, but a body sentence stating the fact fully leads)."""
        shown = self._headline(query, scored, lead)
        if shown is None:
            return None
        kind, qstems, places_ok, actor, names_ok, asked = self._kind_reading(query)
        cand = scored.cands[lead]
        text = "\n".join([shown] + [p.chunk.text for p in scored.passages({cand.doc_id})])
        title = replace(cand, passage=replace(cand.passage, chunk=replace(cand.passage.chunk, text=text)),
                        local_start=0, local_end=len(shown), text=shown, stems=text_stems(shown), is_title=True,
                        with_context=False, parts=())
        _, typed = self._typed(query, scored)
        quotable = self._quotable(query, scored)
        # ... one that states the fact as fully as the headline (the question's key terms, with its neighbour): not
        # a clause that merely holds the value ("If that happens, a strike at UPS would …", "Contract negotiations
        # are set to begin … between UPS and the Teamsters" under "UPS: One of the biggest strikes … is brewing")
        cov, _, _ = coverages(query, [*scored.cands, title])
        found = [i for i, c in enumerate(scored.cands) if i != lead and c.doc_id == cand.doc_id and quotable[i]
                 and typed[i] and not c.is_title and scored.window_cov[i] >= max(cov[-1], scored.window_cov[lead])
                 and answers_by_its_words(query, kind, c, title, qstems, asked, places_ok)]
        return max(found, key=lambda i: float(scored.rel[i])) if found else None

    @staticmethod
    def _denial_across_furniture(scored: Scored, quotable: np.ndarray, docs: set[str], chosen: list[int],
                                 actor: frozenset[str]) -> int | None:
        """The index of a candidate now quoting the actor's denial of an explanation, or None. An answer's quotes do
        not skip furniture, so "… Japanese officials have said … Photo: AP They have rejected suggestions that …"
        leaves the denial out (its "They" has no sentence before it). Read as a brief reads it
        (``candidates(paragraphs=True)``: the caption skipped, the denial quoted with the frame naming its
        speaker), a denial by the actor in a passage of ``docs`` takes the place of the candidate quoting that frame
        (same document, overlapping span; not the first sentence), which now quotes both, citing the two apart."""
        for passage in scored.passages(docs):
            for cand in candidates([passage], paragraphs=True)[0]:
                if not denies(cand.text, actor):
                    continue
                k = next((i for i, c in enumerate(scored.cands) if quotable[i] and c.overlaps(cand) and i not in chosen
                          and not any(c.overlaps(scored.cands[j]) for j in chosen)), None)
                if k is not None:
                    scored.cands[k] = replace(cand, rank=scored.cands[k].rank, role="statement")
                    return k
        return None

    def _report_first(self, query: str, kind: str, scored: Scored, pool: list[int], value: np.ndarray,
                      picked: list[int]) -> list[int]:
        """The fact before the judgement: when the chosen first sentence is a source's view (a judgement or forecast:
        "China's restriction on dual-use exports to 20 Japanese companies is a strategic move likely aimed at …") and
        a sentence of ``pool`` that reports (an event or statement: "China Imposes Export Restrictions on 20 Japanese
        Firms") gives the same asked name, number or date (``answer_agree.asked_values``) and is nearly as relevant
        (``REPORT_GAP``), the best such report leads; the view may follow as a detail, attributed. Otherwise
        ``picked`` unchanged."""
        lead = scored.cands[picked[0]]
        if lead.role not in ATTRIBUTED_ROLES:
            return picked
        values = self._asked_values_of(query, kind, scored)
        given = values(picked[0])
        reports = [i for i in pool if scored.cands[i].role in REPORT_ROLES
                   and scored.rel[i] >= scored.rel[picked[0]] - REPORT_GAP and given & values(i)]
        return self._order(scored, value, reports)[:1] if given and reports else picked

    def _reporting_source_first(self, query: str, kind: str, scored: Scored, picked: list[int]) -> list[int]:
        """A news or official source before an opinion, an analysis or a generated brief giving the same figure
        (``REPORTED_FIGURE_KINDS``): when
        the chosen first sentence is not reporting (``_reporting``: "Last week's seizure of 1,240 graphics processors
        at Incheon airport was a success …" in a columnist's piece) and a reporting sentence one may quote, above the
        answer's floor, gives one of the same asked figures (``answer_agree.asked_values``: "The Korea Customs
        Service said … it had seized 1,240 high-end graphics processing units …"), the most relevant such report
        leads, however fewer of the question's words it repeats (a column restates the news in its readers' words);
        the column may follow as a detail, attributed. Otherwise ``picked`` unchanged."""
        reporting = self._reporting(scored)
        if reporting[picked[0]]:
            return picked
        asked_values_of = self._asked_values_of(query, kind, scored)

        def values(i: int) -> set[str]:  # the figures: a scale or unit word alone ("billion", "percent") is none
            # ("The chips were worth 6.2 billion won" gives no figure of "… ¥600 billion …, more than twice the ¥280
            # billion …")
            return {v for v in asked_values_of(i) if any(ch.isdigit() for ch in v)}

        given = values(picked[0])
        if not given:
            return picked
        quotable = self._quotable(query, scored)
        floor = scored.cos >= self.abstain_threshold - 0.05
        # ... of a report about the asked subject: a passage about the countries the question names
        # (``_about_places``), not another event's figure of the same size (a Korean customs case for "How much were
        # Japan's exports … to China worth?")
        about = self._about_places(query, scored)
        # a value of the asked measure and count (``asked_values`` reads "How much were they worth?" as money: of
        # "… smuggling 312 AI servers worth NT$900 million …" it gives NT$900 million only, and a report giving 312
        # does not lead)
        reports = [i for i in range(len(scored.cands)) if reporting[i] and floor[i] and quotable[i] and about[i]
                   and given & values(i)]
        return self._order(scored, scored.rel, reports)[:1] or picked

    @staticmethod
    def _asked_value_groups(query: str, kind: str | None, scored: Scored) -> Callable[[int], tuple[frozenset[str], ...]]:
        """Per candidate index, the values of the asked kind its sentence gives that the question does not
        (``answer_agree.value_groups``, read with the question's stems, its ``asked_value`` and whether a place may
        answer it)."""
        qstems, asked = text_stems(query), asked_value(query)
        places_ok = bool(PLACE_CLASS.search(without_carried_context(query)))
        return lambda i: value_groups(kind, scored.cands[i], qstems, asked, places_ok)

    @classmethod
    def _asked_values_of(cls, query: str, kind: str | None, scored: Scored) -> Callable[[int], set[str]]:
        """Per candidate index, the keys of those values joined (``answer_agree.asked_values``)."""
        groups = cls._asked_value_groups(query, kind, scored)
        return lambda i: set().union(*groups(i))

    def _act_reported_first(self, scored: Scored, typed: np.ndarray, pool: list[int], value: np.ndarray,
                            picked: list[int]) -> list[int]:
        """The done act before the view of it: for a question asking what was done (``DONE_ACT_KINDS``: "What did
        Japan restrict?"), when the chosen first sentence is a source's view (a judgement or forecast) or advice
        whatever its role (``hypotheses.prescribes``: "The Japanese government must improve its technology controls,
        including investment and export controls", a 2020 essay's), a sentence of ``pool`` (the on-topic quotable
        sentences before the kind's own cuts) that reports the act as done (an event, not a statement about it:
        "Tokyo last week tightened the approval process for … photoresists …") leads instead: before a view when it
        is nearly as relevant (``REPORT_GAP``) and gives the asked kind whenever the view does (``typed``); before
        advice, which tells nothing done, however much more of the question's words the advice repeats ("… should
        restrict exports of advanced memory chips, including …" against "Seoul on Monday barred shipments of
        high-bandwidth memory chips …"). Otherwise ``picked`` unchanged."""
        lead = picked[0]
        advice = prescribes(scored.cands[lead].text)
        if scored.cands[lead].role not in ATTRIBUTED_ROLES and not advice:
            return picked
        # an act reported as done ("Tokyo last week tightened …"), not what someone said of it ("Hanoi said it does
        # not plan to withdraw the stricter controls …": a statement answers what was said, and its story may be
        # another than the act's)
        events = [i for i in pool if scored.cands[i].role == "event" and not prescribes(scored.cands[i].text)
                  and (advice or (scored.rel[i] >= scored.rel[lead] - REPORT_GAP and (typed[i] or not typed[lead])))]
        return self._order(scored, value, events)[:1] or picked

    def _first_choice(self, query: str, scored: Scored, kind: str | None, typed: np.ndarray, value: np.ndarray,
                      ok: np.ndarray, pool: list[int], hand_pick: int, as_of: str | None, *, main: bool) -> FirstChoice:
        """The hand rule's first-sentence choice as the selectors see it; its features are computed when read."""
        n = len(scored.cands)
        in_pool = np.zeros(n)
        in_pool[pool] = 1.0
        floor = (scored.cos >= self.abstain_threshold - 0.05) & self._quotable(query, scored)
        floor[pool] = True

        def features() -> np.ndarray:
            story = scored.cands[self._most_relevant(scored, 1)[0]].doc_id
            asked = label_stems(query)
            signals = Signals(
                hand=value, typed=typed if kind else np.zeros(n),
                enumeration=np.array([float(kind == "list" and is_enumeration(c.text)) for c in scored.cands]),
                label=np.array([float(names_label(c.text, asked)) for c in scored.cands]), on_topic=ok.astype(float),
                hand_pool=in_pool, story=np.array([float(c.doc_id == story) for c in scored.cands]),
                top_article=top_ranked_article(scored.cands), nearest=nearest_report(scored.cands, as_of))
            return sentence_features(query, scored, signals, as_of, embed=self._embed)

        return FirstChoice(query, scored, tuple(pool), hand_pick, in_pool > 0, floor, main, features)

    def choose_first(self, choice: FirstChoice) -> int:
        """The index (into ``choice.scored.cands``) of the answer's first sentence: the hand rule's pick, or with
        ``answer_selector == "fitted"`` the best-scored sentence of the hand rule's pool, or of every sentence above
        the relevance floor, as the model of ``answer_model`` says. ``evals.fit_answers`` wraps it to record the
        choices it fits on."""
        if self.answer_selector != "fitted":
            return choice.hand_pick
        model = load_model()
        among = list(choice.pool) if model.pool == "hand" else [int(i) for i in np.flatnonzero(choice.floor)]
        return self._order(choice.scored, model.score(choice.features), among)[0]

    def _pick_details(
        self, query: str, spec: SectionSpec, scored: Scored, chosen: list[int], used_docs: set[str], *,
        as_of: str | None = None, only: Sequence[bool] | None = None,
    ) -> list[int]:
        """Supporting detail: the answer's continuation when it holds the name/date/number asked for (or, when that
        continuation leads, the sentence it continues), then the sentences that best answer the question from
        preferably other sources. ``only``: per candidate, whether it may be a detail at all (None: any)."""
        scored = self._asked(query, scored)
        kind, typed = self._typed(query, scored)
        forced: list[int] = []
        if kind and chosen and (not typed[chosen[0]] or kind == "list"):
            # the answer continues in the next sentence: the name/date/number asked for, or the rest of a list
            forced = [j for j in scored.neighbours[chosen[0]] if typed[j]][:1]
        elif kind in VALUE_FIRST_KINDS and chosen:
            # the sentence with the value leads; the sentence it continues is its context
            context = self._pick_answer(query, spec, scored, as_of=as_of, value_first=False)
            forced = [i for i in context if i not in chosen and chosen[0] in scored.neighbours[i]]
        ok = self._answer_on_topic(query, scored)
        quotable = self._quotable(query, scored)
        if kind == "reason" and chosen and states_no_reason(query, scored.cands[chosen[0]].text, bool(typed[chosen[0]])):
            # no reason stated: the source's own reading of the act follows it ("… signals that Norvia is treating …")
            for j in reading_after(chosen[0], scored.cands, quotable):
                scored.cands[j].role = "judgement"  # the source's view, attributed to it when quoted
                forced.append(j)
        if kind == "list" and chosen and not forced and not typed[chosen[0]]:
            forced = self._story_contents(query, scored, chosen[0], quotable)
        if kind == "list" and chosen and typed[chosen[0]]:  # the rest of the list, told in a later sentence
            forced += [j for j in self._list_continued(query, scored, chosen[0], quotable) if j not in forced]
        if kind == "list" and chosen and not scored.cands[chosen[0]].listed:  # the story's block list comes first
            forced = [j for j in self._block_lists(query, scored, chosen[0], quotable) if j not in forced] + forced
        rows = self._table_answer(query, scored, kind)
        if chosen and chosen[0] in rows:  # the table's other rows, in its order
            forced = [i for i in rows if i != chosen[0]]
        forced = self._sharing_no_text(scored, chosen, [j for j in forced if quotable[j] and (only is None or only[j])])
        # a detail is about the countries the question names, as the answer is (``_answerable``)
        about = self._about_places(query, scored)
        pool = [i for i in range(len(scored.cands))
                if ok[i] and quotable[i] and about[i] and i not in chosen and i not in forced
                and (only is None or only[i])]
        # "How did Seoul respond?" answered by Seoul's act: its details are Seoul's acts and words too, not the other
        # side's claim ("Abe and his aides have hinted …") nor a source's judgement on another move (``_led_by_responder``)
        led = self._led_by_responder(query, scored)
        if led is not None and chosen and led[chosen[0]]:
            pool = [i for i in pool if led[i]]
        if asked_people(query):  # "What did Chen Shu-fen say?": not a report of "Chen Wei-lun" (``asked_namesake``)
            docs = {scored.cands[i].doc_id for i in pool}
            other = {d for d in docs if names_namesake(query, "\n".join(p.chunk.text for p in scored.passages({d})))}
            pool = [i for i in pool if scored.cands[i].doc_id not in other]
        if kind == "reason" and chosen:
            # the reasons of the act's own time and kind: not a later essay's advice ("Japan must step up …"); and
            # each one answers "why": it gives a reason or is the actor's own word on the act, not the act restated
            # ("Tokyo last week tightened …") nor an analytic brief's caveat ("Risk of deception in …")
            actor, analytic = reason_actor(query), self._analytic(scored)
            pool = [i for i in pool if of_the_reason(scored.cands[i], scored.cands[chosen[0]])
                    and answers_why(scored.cands[i].text, bool(typed[i]), actor) and not analytic[i]]
        if kind == "recommendation" and chosen:
            # what the asked writer recommends: the other recommending sentences of that writer's own piece, not
            # others' reports beside it ("US authorities have asked the Japanese government …" under Hosokawa's),
            # the writer's others after the lead in the writer's order (``writer_recommendations``)
            own = [i for i in self._asked_authors(query, scored) if typed[i] and quotable[i] and i not in chosen
                   and (only is None or only[i])]
            if own:
                pool = own
            picked = self._writer_recommendations(query, scored)
            if chosen[0] in picked:
                forced = self._sharing_no_text(scored, chosen, [i for i in picked if i != chosen[0]
                                                                and (only is None or only[i])])
        putting_view = set(self._view_held(query, scored, quotable)) if chosen else set()
        if putting_view:  # "who said …?": other sentences putting that view
            pool = [i for i in pool if i in putting_view]
        if kind == "number" and chosen:  # a count's details are of the counted set, not another's list
            pool = self._of_the_counted_set(query, scored, pool, keep=False)
        claim = self._polar_claim(query)
        if claim is not None:  # after "Yes." / "No.", only what bears on the claim: its actor and its act or object
            pool = [i for i in pool if bears_on(claim, scored.cands[i].text)]
        if asks_one_value(kind, without_carried_context(query)) and chosen:
            # one name, number or date is asked (or one member of a class: "which national park"): a detail giving
            # another one ("the Lightning won in 2020" under "the Avalanche won the Cup") competes with the answer;
            # one restating it, or giving none, supports it
            asked = asked_value(query)
            values = self._asked_value_groups(query, kind, scored)
            given = [v for i in chosen + forced for v in values(i)]
            others = [values(i) for i in pool
                      if not any(scored.cands[i].overlaps(scored.cands[j]) for j in chosen + forced)]
            if corroborated(given, others):  # a lone value may be the wrong one: then the details may correct it
                # ("Hurricane Maria killed …" under "As Hurricane Fiona bore down …": a name, not a shared word, is the
                # value; for one measure, "79% …, including 45% who …" under "About 79% …" gives two)
                each = each_value_competes(kind, asked)
                pool = [i for i in pool if not competes(given, values(i), each=each)]
        value = self._answer_value(query, spec, scored) + np.array([self._cue_bonus(spec, c) for c in scored.cands]) / 2
        for j in forced:
            used_docs.add(scored.cands[j].doc_id)
        rest = self._mmr(spec.max_items - len(forced), scored, pool, value, chosen + forced, used_docs)
        # a source's favoured hypothesis comes with its verdict, a verdict with the hypothesis it favours (the
        # answer's first sentence too: "What is the most likely hypothesis?" is answered by "Hypothesis A: …")
        held = self._held(scored)
        lead = chosen[:1] if chosen and held[chosen[0]] is not None else []
        rest = [i for i in with_verdicts(lead + rest, held, [(c.doc_id, c.start, c.end) for c in scored.cands],
                                         quotable) if i not in chosen and i not in forced]
        rest = self._sharing_no_text(scored, chosen + forced, rest)
        actor = stated_reason_actor(query) if kind == "reason" else None
        if actor is not None and chosen:
            return self._stated_first(scored, typed, quotable, chosen, forced + rest, actor)
        return forced + rest

    @staticmethod
    def _more_of_the_kind(query: str, scored: Scored, pool: Sequence[int]) -> list[int]:
        """For a follow-up asking for more of a kind ("Who else was sentenced?": ``answer_kind.asks_for_more``), the
        sentences of ``pool`` (the most relevant) holding every key term of its own words ("The court sentenced the
        company's former vice president, …"): they answer it, however little of the carried context (the previous
        answer's names and act) they repeat; the sentences already given are out of the evidence by then. [] for
        another question."""
        asked = without_carried_context(query)
        if asked == query or not asks_for_more(asked):
            return []
        want = {t.stem for t in key_terms(asked)}
        return [i for i in pool if want and want <= scored.cands[i].stems]

    @staticmethod
    def _of_the_counted_set(query: str, scored: Scored, pool: Sequence[int], *, keep: bool = True) -> list[int]:
        """The candidates of ``pool`` that give no count of another set than the one a count question names
        (``list_count.counts_another_set``: "… said it added 12 overseas entities to its list of …" for "How many
        companies were added to the Entity List?"); ``keep``: the whole pool when every one does (a lead must be
        found), else none of them."""
        same = [i for i in pool if not counts_another_set(query, scored.cands[i].text)]
        return same or (list(pool) if keep else [])

    @staticmethod
    def _list_continued(query: str, scored: Scored, lead: int, quotable: np.ndarray) -> list[int]:
        """For a list question answered by a sentence that names members (candidate ``lead``: "The trade ministry of
        Ostrava added two shipping firms, Carrow Lines and Mendel Freight, to its sanctions list"), the sentences of
        the same document that add members to it: the asked act told again with a word that adds
        (``sentence_cues.LIST_CONTINUED_RE``: "The ministry also added Velt Logistics, a freight forwarder …"; the
        act by its own word, ``answer_act.tells_act_itself``) and a name neither the question nor the lead holds (a
        member: "… also banned Travex, a weed killer …"), in the document's order; [] when there are none."""
        act = asked_act(query)
        if act is None or not act.verbs:
            return []
        first = scored.cands[lead]
        known = {t.stem for t in key_terms(f"{without_carried_context(query)} {first.text}")}

        def names_more(text: str) -> bool:  # a name neither the question nor the lead holds ("Travex")
            return any(t.kind == "entity" and t.stem not in known for t in key_terms(text))

        def adds_to_act(text: str) -> bool:  # the adding word bears on the act: "also *added*", "In addition, it
            # *banned*"; not "It is also important for them to stay …" (a judgement that adds a point, not a member)
            return any(any(tells_act_itself(text_stems(w), v) for w in after[:CONTINUED_REACH] for v in act.verbs)
                       for m in LIST_CONTINUED_RE.finditer(text) if (after := re.findall(r"[\w’'-]+", text[m.end():])))

        found = [i for i, c in enumerate(scored.cands) if i != lead and c.doc_id == first.doc_id and quotable[i]
                 and names_more(c.text) and not c.overlaps(first) and adds_to_act(c.text)]
        return sorted(found, key=lambda i: (scored.cands[i].with_context, scored.cands[i].passage.chunk.chunk_id,
                                            scored.cands[i].local_start))[:MAX_LIST_CONTINUED]

    @staticmethod
    def _asked_things(query: str, scored: Scored, lead: int) -> set[str]:
        """The key terms (stems) of ``query`` and of candidate ``lead`` other than their places: what a list
        question's story sentence must share with them (``_block_lists``, ``_story_contents``)."""
        terms = key_terms(without_carried_context(query)) + key_terms(scored.cands[lead].text)
        places = place_keys({t.stem for t in terms})
        return {t.stem for t in terms if t.stem not in places}

    @staticmethod
    def _block_lists(query: str, scored: Scored, lead: int, quotable: np.ndarray) -> list[int]:
        """For a list question answered by a sentence that lists nothing itself (candidate ``lead``: "BIS on Thursday
        added 16 companies to the Entity List …", "METI … adds five categories of items …"), the block lists of the
        same document (``Candidate.listed``: "The additions include:" and its numbered lines) whose reading shares a
        key term, places apart, or the asked class ("companies") with the question or the lead: what the lead counts, item by item. In the
        document's order; [] when it has none."""
        asked = without_carried_context(query)
        what = QuestionAnswering._asked_things(query, scored, lead) | list_class(asked, asked_value(asked).member)
        doc = scored.cands[lead].doc_id
        found = [i for i, c in enumerate(scored.cands) if i != lead and c.listed and c.doc_id == doc and quotable[i]
                 and what & c.stems and not c.overlaps(scored.cands[lead])]
        return sorted(found, key=lambda i: (scored.cands[i].passage.chunk.chunk_id, scored.cands[i].local_start))

    @staticmethod
    def _story_contents(query: str, scored: Scored, lead: int, quotable: np.ndarray) -> list[int]:
        """For a list question whose first sentence lists nothing (candidate ``lead``, not typed: "Tokyo last week
        tightened the approval process for Japanese shipments of photoresists and other sensitive materials …" for
        "What did Japan restrict?"), the sentence of the same document that lists what the measure covers
        (``answer_kind.lists_contents``: "The export restrictions cover fluorinated polyimides, …, as well as
        photoresist and hydrogen fluoride"), however few of the question's words it repeats, when it holds a key
        term of the question or of the first sentence other than their places (the measure or an item it names, not
        a related story appended to the page: "… the exercises effectively simulated blocking shipping routes to
        major port cities, including Kaohsiung, …"): that sentence alone before it quoted with its context (which may
        run on into the appended story), then the most relevant, as a one-element list of indices into
        ``scored.cands``; [] when the document has none."""
        what = QuestionAnswering._asked_things(query, scored, lead)
        doc = scored.cands[lead].doc_id
        found = [i for i, c in enumerate(scored.cands) if i != lead and c.doc_id == doc and quotable[i]
                 and lists_contents(c.text) and what & c.stems and not c.overlaps(scored.cands[lead])]
        return sorted(found, key=lambda i: (scored.cands[i].with_context, -float(scored.rel[i])))[:1]

    @staticmethod
    def _sharing_no_text(scored: Scored, taken: list[int], details: list[int]) -> list[int]:
        """``details`` in order, without any that shares text with ``taken`` or an earlier detail (a sentence and the
        same sentence quoted with its context are one quote: "… a strategic move …” [1] … “… a strategic move …
        This action exacerbates …” [1]" quoted chars 407–597 and then 407–738)."""
        kept: list[int] = []
        for i in details:
            if not any(scored.cands[i].overlaps(scored.cands[j]) for j in taken + kept):
                kept.append(i)
        return kept

    @staticmethod
    def _polar_claim(query: str) -> str | None:
        """The claim of a question that asks whether something is so (``answer_verdict.polar_question``), or None."""
        from rag.writers.answer_verdict import polar_question

        polar = polar_question(_polar_asked(query) or "")
        return polar.claim if polar is not None else None

    @staticmethod
    def _stated_first(scored: Scored, typed: np.ndarray, quotable: np.ndarray, chosen: list[int], details: list[int],
                      actor: frozenset[str]) -> list[int]:
        """The details of an answer to "why did <actor> say …?" (``stated_reason.stated_reason_actor``): the
        actor's own stated reasons first; another party's explanation (a detail giving a reason that no frame of
        the actor's reports: the report's own "Japan's trade measures followed South Korean court rulings …")
        after them, typed as the reporting source's judgement (so that it is attributed to that source, not stated
        as fact) and, when the evidence holds the actor denying an explanation ("They have rejected suggestions
        that the move was driven by worsening ties …", quoted with the frame naming Japanese officials), followed
        by that denial. ``details`` unchanged when none of them is another party's explanation."""
        def others_of(idx: list[int]) -> list[int]:
            return [j for j in idx if typed[j] and not said_by(scored.cands[j].text, actor)
                    and not denies(scored.cands[j].text, actor)]

        others = others_of(chosen[:1] + details)
        if not others:
            return details
        for j in others:
            if speaker(scored.cands[j].text)[0] is None and scored.cands[j].role not in ATTRIBUTED_ROLES:
                scored.cands[j].role = "judgement"  # the report's own link, not a fact the actor gave
        docs = {scored.cands[j].doc_id for j in others}
        denial = next((i for i in range(len(scored.cands)) if quotable[i] and scored.cands[i].doc_id in docs
                       and denies(scored.cands[i].text, actor)
                       and not any(scored.cands[i].overlaps(scored.cands[j]) for j in chosen)), None)
        if denial is None:
            denial = QuestionAnswering._denial_across_furniture(scored, quotable, docs, chosen, actor)
        rest = [j for j in details if j != denial and (denial is None or not scored.cands[j].overlaps(scored.cands[denial]))]
        stated = [j for j in rest if j not in others]
        later = [j for j in rest if j in others]
        if denial is not None:
            later = later[:1] + [denial] + later[1:] if later else [denial]  # after the first sentence's, else the first
        return stated + later

    def _partial(self, query: str, spec: SectionSpec, scored: Scored, verdict: str) -> tuple[DraftClaim | None, str | None]:
        """When the evidence covers the question's topic but no sentence gives the kind of answer asked for: the
        sentence that best addresses the question and what it lacks ("the date"); (None, None) otherwise."""
        scored = self._asked(query, scored)
        if verdict.startswith(_PREMISE_PREFIX):  # what the sources do report, after "No source reports <premise>"
            found = self._unreported_premise(query, scored)
            return (scored.cands[found[0]].claim(), found[1].missing()) if found is not None else (None, None)
        if verdict.startswith(_LEFT_OUT_PREFIX):  # what the sources say of the set, and that none gives the one left out
            picks = self._pick_answer(query, spec, scored, prefer_kind=False)
            return (scored.cands[picks[0]].claim(), verdict[len(_LEFT_OUT_PREFIX):]) if picks else (None, None)
        if verdict.startswith(_OTHER_YEAR_PREFIX):  # another year's figure, and that none gives the asked year's
            picks = self._pick_answer(query, spec, scored, prefer_kind=False)
            kind = answer_type(query)
            noun = missing_noun(query, kind) or KIND_NOUNS.get(kind, "the answer")
            return ((scored.cands[picks[0]].claim(), f"{noun} for {verdict[len(_OTHER_YEAR_PREFIX):]}") if picks
                    else (None, None))
        if verdict.startswith(_UNSAID_PREFIX):  # what the sources say of the matter, after "No source reports a
            # statement by X"
            picks = self._pick_answer(query, spec, scored, prefer_kind=False)
            return ((scored.cands[picks[0]].claim(), unreported_event(verdict.removeprefix("no source reports ")))
                    if picks else (None, None))
        if not verdict.startswith(_MISSING_PREFIX):
            return None, None
        kind = answer_type(query)
        if verdict == f"{_MISSING_PREFIX}response the question asks for":
            # what the sources say is the story responded to: its most relevant quotable sentence (the carried
            # context ranks it), not another story's sentence that shares "in response"
            quotable = self._quotable(query, scored)
            story = [i for i in self._order(scored, scored.rel, range(len(scored.cands))) if quotable[i]][:1]
            responder = place(place_mentions(without_carried_context(query))[0].key).name
            return (scored.cands[story[0]].claim(), f"what {responder} said or did in response") if story else (None, None)
        picks = self._pick_answer(query, spec, scored, prefer_kind=False)
        if not picks or kind is None:
            return None, None
        if verdict.startswith(f"{_MISSING_PREFIX}names of "):  # a count of the class, not its members (_answerable)
            return scored.cands[picks[0]].claim(), "the " + verdict[len(_MISSING_PREFIX):].removesuffix(" the question asks for")
        # a quote that tells neither the asked act nor, by the asked actor, what it is done to answers another
        # question (``answer_missing``): the most relevant on-topic sentence, when it does, is quoted instead ("US
        # authorities have asked the Japanese government to join efforts …" for "Which Japanese … makers did
        # Washington ask to stop selling to China?", not the Trump administration's ban that lists what it covers),
        # and without one the answer abstains on this one
        if not tells_asked_event(query, scored.cands[picks[0]].text):
            ok, quotable = self._answer_on_topic(query, scored), self._quotable(query, scored)
            about = self._about_places(query, scored)
            top = self._order(scored, scored.rel, [j for j in range(len(scored.cands))
                                                   if ok[j] and quotable[j] and about[j]])[:1]
            telling = [i for i in top if tells_asked_event(query, scored.cands[i].text)]
            if not telling:
                return None, None
            picks = telling[:1]
        # who made a request no sentence tells: no source reports it ("anyone asking Japan to investigate …"), which
        # the quote of another request does not contradict as "none gives the name" after it would
        if kind == "name" and (event := request_event(query)) is not None:
            return scored.cands[picks[0]].claim(), unreported_event(event)
        # "which tech executives ...?" asks for people: what is missing is their names, not "a list of items"; "what
        # penalty ...?" lacks the penalty, not "the number"
        noun = ("the names" if kind == "list" and asked_value(query).person
                else missing_noun(query, kind) or KIND_NOUNS.get(kind, "the answer"))
        return scored.cands[picks[0]].claim(), f"{noun} the question asks for"

    @staticmethod
    def _who_is_answer(question: str, evidence: Sequence[EvidencePassage]) -> tuple[DraftClaim, str] | None:
        """For a question asking who a named person is (``answer_who.asked_person``: "Who is Sato Kei?"), the first
        sentence or list line of the evidence (in rank order) naming that person with a title or an appositive
        (``answer_who.titled_mentions``: "Japanese Deputy Chief Cabinet Secretary Sato Kei", "Gene Raymond, the US
        Secretary of Commerce, …"); for one asking who holds an office (``answer_who.asked_office``: "Who is South
        Korea's trade minister?"), the first naming its holder by its title (``answer_who.office_holders``: "South
        Korean Minister of Trade, Industry and Energy Sung Yun-mo said …"), led by the holder's name
        (``answer_who.holder_lead``: "Sung Yun-mo (“South Korean Minister of Trade, Industry and Energy” in the
        quote). …"). Quoted and cited, with a provenance note; None for any other question or when no passage names
        the person or the holder so. A passage's sentences set aside as another story's are not quoted."""
        from rag.writers.answer_office import asked_office, office_holders
        from rag.writers.answer_who import asked_person, holder_lead, titled_mentions

        name = asked_person(question)
        office = asked_office(question) if name is None else None
        if name is None and office is None:
            return QuestionAnswering._role_holder_answer(question, evidence)
        # each passage's holders of the office, read once
        holders = {id(p): office_holders(office, p.chunk.text) for p in evidence} if office is not None else {}
        if office is not None and not office.past:
            # who holds it now: the latest report naming a holder first (stable: rank order among equal dates, an
            # undated one last); measured on the RealTime QA corpus, rank order alone named Liz Truss for "Who is the
            # new prime minister of the United Kingdom?" as of 2022-11-05, from a report of her resignation
            dated = [p for p in evidence if holders[id(p)]]
            latest = sorted(dated, key=lambda p: p.chunk.published or "", reverse=True)
            evidence = latest + [p for p in evidence if not holders[id(p)]]
        for passage in evidence:
            text = passage.chunk.text
            found = ([(m.sentence, "", f"who {name} is: named with a title in {passage.chunk.chunk_id} ({m.title})")
                      for m in titled_mentions(name, text)] if name is not None else
                     [(span, holder_lead(m.name, m.title),
                       f"who holds {office.office}: {m.name}, named as {m.title} in {passage.chunk.chunk_id}")
                      for span, m in holders[id(passage)]])
            for span, lead, note in found:
                quoted = QuestionAnswering._quoted_span(passage, span)
                if quoted is not None:
                    return DraftClaim(lead + quoted[0], [quoted[1]], role="event"), note
        return QuestionAnswering._role_holder_answer(question, evidence) if name is None else None

    @staticmethod
    def _office_untold(query: str, scored: Scored) -> str | None:
        """The office a "who holds it?" question asks about (``answer_office.asked_office``: "Who is the CEO of Huaxin
        Advanced Packaging?") when no sentence of the evidence names its title at all (``answer_office.names_office``):
        the sentences naming the organisation and other people answer another question, and what is missing is the
        holder's name; None for any other question, for an office asked by its body ("Who heads Japan's trade
        ministry?": an act may answer it) and when a sentence names the title (with or without a holder beside it:
        "… including the company's CEO Parag Agrawal" answers "Who is the CEO of Twitter?")."""
        from rag.writers.answer_office import asked_office, names_office

        asked = without_carried_context(query)
        office = asked_office(asked)
        if office is None or office.by_body:
            return None
        # a title in another organisation's report ("Kestrel Memory said its chief executive …" for "Who is the chief
        # executive of Meridian Substrate?") tells that organisation's holder: the title's passage must hold the
        # question's names other than the title (as ``_role_holder_answer`` reads a role's passage)
        heads = {text_stem(head) for head, _ in office.heads}
        names = {t.stem for t in key_terms(asked) if t.kind == "entity"} - heads
        for c in scored.cands:
            chunk = c.passage.chunk
            if names_office(office, c.text) and (not names or names & set(text_stems(f"{chunk.title} {chunk.text}"))):
                return None
        return office.office

    @staticmethod
    def _quoted_span(passage: EvidencePassage, span: tuple[int, int]) -> tuple[str, CitedSpan] | None:
        """The quote of characters ``span`` of ``passage``'s text (stripped of space and a list bullet) and its
        citation; None when the span starts in a sentence set aside as another story's (``passage.aside``)."""
        a, b = span
        if any(x <= a < y for x, y in passage.aside):
            return None
        text = passage.chunk.text
        quote = text[a:b].strip().lstrip("•*-–—· \t").strip()
        a = text.index(quote, a)
        return quote, CitedSpan(passage.chunk.chunk_id, passage.chunk.start + a, passage.chunk.start + a + len(quote))

    @staticmethod
    def _role_holder_answer(question: str, evidence: Sequence[EvidencePassage]) -> tuple[DraftClaim, str] | None:
        """For a question asking who plays a role in a story (``answer_role.asked_role``: "Who is the ringleader of
        the Nvidia server smuggling ring?"), the first sentence of the evidence (in rank order) naming the role's
        holder beside it (``answer_role.role_holders``: "Prosecutors said the ringleader, Lai Cheng-hao, 47, …"), in a
        passage holding the question's names other than the role ("Nvidia", "Hsinchu": the story asked about, not
        another story's ringleader); quoted and cited, with a provenance note. None when no passage names one."""
        from rag.writers.answer_role import asked_role, role_holders

        role = asked_role(question)
        if role is None:
            return None
        names = {t.stem for t in key_terms(question) if t.kind == "entity"} - {text_stem(role.head.lower())}
        for passage in evidence:
            text = passage.chunk.text
            if names and not names & set(text_stems(f"{passage.chunk.title} {text}")):
                continue
            for span, holder in role_holders(role, text):
                quoted = QuestionAnswering._quoted_span(passage, span)
                if quoted is not None:
                    return (DraftClaim(quoted[0], [quoted[1]], role="event"),
                            f"who is the {role.head}: {holder}, named beside the role in {passage.chunk.chunk_id}")
        return None

    #: how many passages a polar question's claim is read against: those of its most relevant on-topic sentences
    POLAR_PASSAGES = 3

    def _polar_answer(self, query: str, scored: Scored) -> PolarAnswer | None:
        """For a question that asks whether something is so (``answer_verdict.polar_question``: "True or false: S",
        "Did Japan add X?"), the sources' verdict on its claim, read by the support checker in the passages of the
        ``POLAR_PASSAGES`` most relevant on-topic sentences (each passage as its quotable sentences: an instruction
        planted in it, a caption or a heading neither decides nor is quoted), with the sentence that decides it; None
        for any other question, for a follow-up (its clause leans on the conversation), and when no sentence is on
        topic. Only reporting decides (a news or official source's sentence that is not a judgement or forecast): a
        source's view is no verdict stated as fact; a story no reporting source tells is decided by another source's
        sentences that are no view (an AI-generated brief's headline "China Imposes Export Restrictions on 20 Japanese
        Firms …" settles "… 30 Japanese companies?": "No."), its attribution shown with the quote; when none decides, the answer is undecided and quotes the most
        relevant on-topic sentence about the claim (``answer_verdict.about_claim``; attributed when it is a view) as
        what the sources say, or nothing when no sentence is about it. A list sentence is also read for the member the
        claim names (``_member_passages``)."""
        from rag.support import SupportChecker  # the checker's model loads on the first polar question
        from rag.support.polarity import polarity
        from rag.writers.answer_verdict import (PolarAnswer, Verdict, about_claim, deciding_sentence, existence_question,
                                                held_share, intent_kind, joined, judge, names_act, polar_question,
                                                weighs_reading)

        polar = polar_question(_polar_asked(query) or "") or existence_question(_polar_asked(query) or "")
        answer = None
        if polar is not None:
            asked = self._asked(query, scored)
            quotable = self._quotable(query, asked)
            ok = (self._answer_on_topic(query, asked) & quotable & self._about_places(query, asked)
                  & self._beyond_places(query, asked))
            order = [i for i in self._order(asked, asked.rel, range(len(asked.cands))) if ok[i]]
            # a verdict stated as the answer rests on reporting (``_reporting``) or, for a claim of what someone
            # said, a sentence of that speaker's own piece (``_speech_passages``)
            speech = self._speech_passages(polar.claim, asked)
            # ... or tells the asked act in a report's own voice, or lists it (``_act_sentences``)
            told = self._act_sentences(polar, asked, quotable, order)
            reports = [r or i in speech or i in told for i, r in enumerate(self._reporting(asked))]
            # ... or, when no reporting source tells the story at all, a sentence another source states as fact (no
            # view: "China Imposes Export Restrictions on 20 Japanese Firms …" of an AI-generated brief settles "Did
            # China restrict exports to 30 Japanese companies?"); the answer keeps its source's attribution
            # (its headline too: there the piece states its event)
            fallback = not any(reports[i] for i in order)
            if fallback:
                reports = [c.role not in ATTRIBUTED_ROLES or i in speech for i, c in enumerate(asked.cands)]
            chunks = list(dict.fromkeys(asked.cands[i].passage.chunk.chunk_id for i in order if reports[i]))
            usable = [(quotable[i] or i in told) and reports[i]
                      and not (c.with_context or (c.is_title and not fallback) or c.parts)
                      for i, c in enumerate(asked.cands)]
            sentences = [[i for i in sorted(range(len(asked.cands)), key=lambda i: asked.cands[i].local_start)
                          if usable[i] and asked.cands[i].passage.chunk.chunk_id == cid]
                         for cid in chunks[: self.POLAR_PASSAGES]]
            sentences = [group for group in sentences if group]
            # each sentence alone too: in a joined passage the checker reads the window it finds best, which may be a
            # neighbour that tells the story's next turn ("… does not plan to retract its stricter controls") instead
            # of the sentence that states the claim ("Tokyo last week tightened the approval process …")
            sentences += [[i] for group in sentences if len(group) > 1 for i in group]
            # a dependent sentence, read with the sentence it leans on (its candidate's text holds both, contiguous:
            # "The astronomical first day of winter … is Dec. 21, 2022 …. It's marked by the winter solstice and is
            # also the shortest day of the year."), is a passage of its own: alone it names nothing, and the joined
            # passages leave it out (its text repeats its neighbour's)
            judged = set(chunks[: self.POLAR_PASSAGES])
            # (read across a caption too: "… Japanese officials have said … Photo: AP They have rejected …", its two
            # parts cited apart)
            sentences += [[i] for i in order if reports[i] and asked.cands[i].with_context
                          and not asked.cands[i].is_title and asked.cands[i].passage.chunk.chunk_id in judged]
            sentences += [[i] for i in told if asked.cands[i].listed and asked.cands[i].passage.chunk.chunk_id in judged]
            if order:
                # undecided, the answer quotes the most relevant sentence about the claim (its actor and its act or
                # object), or none: "the sources do not mention it" beats a near-topic quote
                verdict, deciding = Verdict("unknown"), None
                # (a sentence of the claim's speaker's own piece is about what the claim says they said)
                index = next((i for i in order if about_claim(speech.get(i, polar.claim), asked.cands[i].text)), None)
                # ... of the speaker's own sentences about it, the one holding the most of what they are asked to have
                # said ("… most improve its technology controls, including investment and export controls" for "…
                # should abandon export controls", not a later "I believe … trade control scheme …")
                if index in speech:
                    own = [i for i in order if i in speech and about_claim(speech[i], asked.cands[i].text)]
                    index = max(own, key=lambda i: (held_share(speech[i], asked.cands[i].text), -order.index(i)))
                # ... or, for a follow-up's bare claim ("Did Japan agree?"), the most relevant sentence of the story its
                # carried context retrieves: what the sources say of what Japan was asked
                if index is None and without_carried_context(query) != query:
                    index = order[0]
                # ... or, before it, a sentence weighing the very reading asked about, even among an analytic brief's
                # caveats ("Potential bias in interpreting China's actions as purely retaliatory …" for "Is China's
                # move purely retaliatory?"): ``answer_verdict.weighs_reading``
                on_topic = self._answer_on_topic(query, asked) & self._about_places(query, asked)
                index = next((i for i in self._order(asked, asked.rel, range(len(asked.cands)))
                              if on_topic[i] and weighs_reading(polar.claim, asked.cands[i].text)), index)
                if sentences:
                    if self.verdict_checker is None:
                        self.verdict_checker = SupportChecker(self._embed)
                    passages = [joined([asked.cands[i].text for i in group]) for group in sentences]
                    readings = [False] * len(passages)
                    claims: list[str | None] = [None] * len(passages)
                    # the claim's speaker's own sentence, read against what the claim says they said
                    spoken = [(i, asked.cands[i].text, speech[i])
                              for i in dict.fromkeys(i for group in sentences for i in group) if i in speech]
                    members = [(i, text, None) for i, text in self._member_passages(polar.claim, asked, sentences, usable)]
                    for i, text, said in members + spoken:
                        passages.append((text, [(0, len(text))]))  # it decides for the list or the author's sentence
                        sentences.append([i])
                        readings.append(True)
                        claims.append(said)
                    verdict = judge(polar.claim, [text for text, _ in passages], self.verdict_checker,
                                    published=[asked.cands[group[0]].passage.chunk.published for group in sentences],
                                    readings=readings, claims=claims, act=polar.act)
                    # (of the sentences its window covers, the one naming the asked act: "The men did not appeal.",
                    # not the longer lede before it)
                    at = (verdict.sentence(passages[verdict.passage][1],
                                           [names_act(polar.act, asked.cands[i].text) for i in sentences[verdict.passage]],
                                           [held_share(polar.claim, asked.cands[i].text)
                                            for i in sentences[verdict.passage]],
                                           [polarity(asked.cands[i].text).has_negator
                                            for i in sentences[verdict.passage]])
                          if verdict.passage is not None else None)
                    if at is not None:
                        index = sentences[verdict.passage][at]
                        deciding = deciding_sentence(asked.cands[index], verdict)
                    else:
                        verdict = Verdict("unknown", score=verdict.score, reasons=verdict.reasons)
                kind = intent_kind(polar.claim, asked.cands[index].text) if index is not None else None
                if verdict.outcome == "unknown" and kind is not None:
                    # the quote, a view not judged ("… is considering closing the port"), tells the act only as
                    # intended, or as possible ("… hinted that …": h/possible-s39's intent_kind)
                    verdict = replace(verdict, outcome=kind)
                answer = PolarAnswer(polar, verdict, index, deciding if verdict.outcome != "unknown" else None)
        if answer is not None and polar.existence and not answer.decided:
            return None  # an undecided "Are there fines …?" is answered as what the sources say of the fines
        return answer

    def _act_sentences(self, polar: Any, asked: Scored, quotable: np.ndarray, order: Sequence[int]) -> list[int]:
        """The candidates a polar question's verdict reads as reporting whatever role the role model gave them, of a
        news or official source's chunk that holds one of the on-topic candidates ``order``: a block list with the
        sentence that introduces it (``Candidate.listed``: "What the order covers:" and its bullet "CCTV cameras …
        including Hikvision and Dahua", the membership "Is Hikvision covered by the order?" asks about; read alone),
        and a sentence that names the asked act (``answer_verdict.names_act``) in the report's own voice: no
        speaker's frame (``hypothesis_stance.speaker``) and no intent or hedge (``intent_kind``). The role model types
        a sentence by its wording: "The memorandum is not legally binding." and "… the order does not set fines."
        read as a judgement and a watch item, yet in a report they are its statement of the asked predicate. Quotable
        (a watch-list item too, ``_watched``); no title, dependent sentence or other spliced quote."""
        from rag.writers.answer_verdict import intent_kind, names_act
        from rag.writers.role_typing import DOC_TYPE_OF, doc_type

        reporting = {DOC_TYPE_OF["news"], DOC_TYPE_OF["official"]}
        near = {asked.cands[i].passage.chunk.chunk_id for i in order}
        # (a watch-list item is quotable for the act it states: "Agencies that miss the deadline must file a report
        # …; the order does not set fines." is typed an item to watch, yet its last clause is the report's statement)
        quotable = quotable | (self._watched(asked) & ~self._captions(asked))
        out = []
        for i, c in enumerate(asked.cands):
            if (not quotable[i] or c.is_title or c.passage.chunk.chunk_id not in near
                    or doc_type(c.passage.chunk) not in reporting):
                continue
            if c.listed or (polar.act and not (c.with_context or c.parts and len(c.parts) > 1)
                            and names_act(polar.act, c.text) and speaker(c.text)[0] is None
                            and intent_kind(polar.claim, c.text) is None):
                out.append(i)
        return out

    def _bound_answers(self, query: str, scored: Scored, kind: str | None) -> list[int]:
        """For a question asking for a bound of an amount ("What is the maximum penalty under the outbound investment
        rule?", ``answer_bound.asked_bound_nouns``; its kind a number, or none read), the quotable sentences of the
        most relevant sentence's report that state the asked amount as a rule ("Penalties rise to the greater of
        $500,000 or twice the value of the transaction.": ``answer_bound.gives_bound``), however few of the
        question's other words they repeat (the lede names the rule); [] for any other question."""
        if kind not in (None, "number") or not asked_bound_nouns(query) or not scored.cands:
            return []
        quotable, about = self._quotable(query, scored), self._about_places(query, scored)
        story = scored.cands[self._most_relevant(scored, 1)[0]].doc_id
        return [i for i, c in enumerate(scored.cands) if c.doc_id == story and quotable[i] and about[i]
                and gives_bound(query, c.text)]

    def _asked_rows(self, query: str, scored: Scored, pool: list[int]) -> list[int]:
        """``pool`` with the rows of each table it quotes narrowed to those whose cells hold the question's restriction
        (``row_subject.restricted_rows`` over its key terms, the table's title, caption and column names left out),
        among all the table's rows of the passage, though less like the question than the pool's: "How much will the
        two sides co-finance under the US-Korea MOU?" is answered by the row "Commitment: Co-financing of processing
        projects …; Amount / target: $2.5 billion", not by the loan guarantees row that names the US (s67 user's F2).
        Other sentences stay; a table none of whose rows holds more of the restriction than another is kept as is."""
        restriction = frozenset(t.stem for t in key_terms(without_carried_context(query)))
        quotable = self._quotable(query, scored)
        chunks = dict.fromkeys(scored.cands[i].passage.chunk.chunk_id for i in pool if is_table_row(scored.cands[i].text))
        out = list(pool)
        for chunk_id in chunks:
            rows = [i for i, c in enumerate(scored.cands) if c.passage.chunk.chunk_id == chunk_id
                    and is_table_row(c.text) and quotable[i]]
            if len(rows) < 2:
                continue
            chunk = scored.cands[rows[0]].passage.chunk
            subject = f"{chunk.title or ''}\n{table_caption(chunk.text, scored.cands[rows[0]].local_start)}"
            kept = [rows[k] for k in restricted_rows(restriction, [scored.cands[i].text for i in rows], subject)]
            if len(kept) < len(rows):
                out = [i for i in out if i not in rows] + kept
        return out

    def _country_lists(self, query: str, scored: Scored) -> list[int]:
        """For a question asking for several countries ("Which countries received China's indium exports?",
        ``place_lists.asks_countries``), the quotable sentences of the most relevant sentence's report, near the
        question (cosine at least 0.05 below the abstention line), that name two or more countries it does not
        ("South Korea took 4.1 tonnes …, Japan 2.6 tonnes and the Netherlands 1.2 tonnes", ``names_countries``);
        [] for any other question (s67 user's F15)."""
        asked = without_carried_context(query)
        if not asks_countries(asked) or not scored.cands:
            return []
        quotable, floor = self._quotable(query, scored), self.abstain_threshold - 0.05
        story = scored.cands[self._most_relevant(scored, 1)[0]].doc_id
        return [i for i, c in enumerate(scored.cands) if c.doc_id == story and quotable[i] and scored.cos[i] >= floor
                and names_countries(c.text, asked)]

    def _respective_answers(self, query: str, scored: Scored, kind: str | None) -> list[int]:
        """For a question asking for a value ("What sentence did Min receive?", "How much did SK Hynix earn?"; its kind
        a number, a period, a thing or none read), the quotable sentences that pair the one holder the question names
        with its own value ("Two junior engineers, surnamed Baek and Min, received two years and 18 months
        respectively": ``rag.text.respective.holder_value``), near the question (cosine no more than 0.15 below the
        abstention line) and holding at least ``RESPECTIVE_COVERAGE`` of its key terms or of a report the answer's
        relevant sentences come from, though less like the question than a sentence about another holder; [] for
        any other question."""
        if kind not in (None, "number", "period", "thing") or not scored.cands:
            return []
        asked = without_carried_context(query)
        quotable, floor = self._quotable(query, scored), self.abstain_threshold - 0.15
        ok = self._answer_on_topic(query, scored)
        told = {c.doc_id for i, c in enumerate(scored.cands) if ok[i]}
        return [i for i, c in enumerate(scored.cands) if quotable[i] and scored.cos[i] >= floor
                and (scored.cov[i] >= RESPECTIVE_COVERAGE or c.doc_id in told)
                and holder_value(asked, c.text) is not None]

    @staticmethod
    def _reporting(scored: Scored) -> list[bool]:
        """Per candidate: whether it is reporting, a news or official source's sentence that is no view (its role
        not one of ``ATTRIBUTED_ROLES``): what a yes/no verdict stated as the answer rests on."""
        from rag.writers.role_typing import DOC_TYPE_OF, doc_type

        reporting = {DOC_TYPE_OF["news"], DOC_TYPE_OF["official"]}
        kinds = {c.passage.chunk.chunk_id: doc_type(c.passage.chunk) for c in scored.cands}
        return [c.role not in ATTRIBUTED_ROLES and kinds[c.passage.chunk.chunk_id] in reporting for c in scored.cands]

    def _verdict_details(self, query: str, spec: SectionSpec, scored: Scored, chosen: list[int], used_docs: set[str],
                         polar: Any, *, as_of: str | None = None) -> list[int]:
        """The details after a yes/no answer's verdict (``polar``: its ``PolarAnswer``): ``_pick_details``'s, from
        reporting only (``_reporting``) when reporting decided it: another source's headline or an unnamed roundup
        on a neighbouring story is no detail under "No." to "Did Japan withdraw the restrictions?". A verdict an
        AI-generated brief or an opinion decided (no reporting source tells the story) keeps every kind of detail."""
        if polar is None or not polar.decided:
            return self._pick_details(query, spec, scored, chosen, used_docs, as_of=as_of)
        reports = self._reporting(self._asked(query, scored))
        only = reports if reports[polar.index] else None
        return self._pick_details(query, spec, scored, chosen, used_docs, as_of=as_of, only=only)

    def _writer_recommendations(self, query: str, scored: Scored) -> list[int]:
        """For a question asking what a named writer recommends (``answer_kind.recommender``: "What does Mori
        recommend?", "What should Japan do, according to Mori?"), the writer's recommending, quotable sentences to
        quote, the first leading (``writer_recommendations``: one piece, at most ``RECOMMENDATIONS_QUOTED``, in the
        writer's order); [] for another question or when the evidence holds none of the writer's."""
        scored = self._asked(query, scored)
        kind, typed = self._typed(query, scored)
        if kind != "recommendation":
            return []
        quotable = self._quotable(query, scored)
        own = [i for i in self._asked_authors(query, scored) if typed[i] and quotable[i]]
        if not own:
            return []
        # how well each answers, without a section's fit: the same for the first sentence and its details
        value = scored.rel + 0.15 * scored.window_cov
        return writer_recommendations(scored.cands, own, value, self._recommendation_topic(query, scored),
                                      self.RECOMMENDATIONS_QUOTED)

    @staticmethod
    def _recommendation_topic(query: str, scored: Scored) -> np.ndarray:
        """Per candidate, the weight of the key terms it holds of what a recommendation question is about: its
        words past the writer, the places it names and its frame ("What does Mori recommend customs do?" ->
        "customs"; "What should Japan do, according to Mori?" -> nothing: every recommendation of hers is Japan's)."""
        asked = without_carried_context(query)
        vocab = table("answer_kinds")["vocab"]
        frame = text_stems(" ".join([recommender(asked) or ""] + vocab["recommend_frame"] + vocab["recommend_verbs"]
                                    + vocab["recommend_participles"] + vocab["recommend_nouns"]))
        terms = [t for t in key_terms(asked) if t.stem not in frame]
        places = place_keys({t.stem for t in terms})
        what = [t for t in terms if t.stem not in places]
        return np.array([sum(t.weight for t in what if t.stem in c.stems) for c in scored.cands], dtype=float)

    def _asked_authors(self, query: str, scored: Scored) -> list[int]:
        """The candidates of a piece whose author (``doc_author``: an essay's or an opinion piece's byline) is the
        one a recommendation question asks about (``answer_kind.recommender``, ``answer_verdict.same_person``:
        "Hosokawa" and "Hosokawa Masahiko"), in order; [] for another question or without authors to read."""
        from rag.writers.answer_verdict import same_person

        who = recommender(query)
        if self.doc_author is None or who is None:
            return []
        if _SCOPED_SOURCE.match(who):  # "What does the source editorial urge?": the publisher the question named,
            # read as "the source" (``asked_source``), to whose documents the search was bounded: its pieces with a
            # byline or, unsigned, of the analysis type (an editorial is seldom signed)
            from rag.writers.source_types import source_type

            return [i for i, c in enumerate(scored.cands) if self.doc_author(c.passage.chunk.doc_id)
                    or source_type(c.passage.chunk.metadata) == "analysis"]
        out = []
        for i, c in enumerate(scored.cands):
            author = self.doc_author(c.passage.chunk.doc_id)
            if author and (same_person(who, author) or _named_by(who, author)):
                out.append(i)
        return out

    def _speech_passages(self, claim: str, asked: Scored) -> dict[int, str]:
        """candidate -> what ``claim`` says its author said (``answer_verdict.spoken_claim``), for a claim of what
        someone said and each quotable sentence of that person's own piece (``doc_author``); empty for any other
        claim."""
        from rag.writers.answer_verdict import reported_speech, spoken_claim

        if self.doc_author is None or reported_speech(claim) is None:
            return {}
        out = {}
        for i, c in enumerate(asked.cands):
            if not (c.with_context or c.is_title or c.parts):
                text = spoken_claim(claim, c.text, self.doc_author(c.passage.chunk.doc_id))
                if text is not None:
                    out[i] = text
        return out

    @staticmethod
    def _member_passages(claim: str, asked: Scored, sentences: list[list[int]],
                         usable: list[bool]) -> list[tuple[int, str]]:
        """(candidate, passage) for each judged sentence that lists an item ``claim`` names, read for that member
        (``answer_verdict.member_passage``), after the sentence of its story (an earlier ``usable`` sentence of
        its document) that names the claim's actors when it names none itself."""
        from rag.writers.answer_verdict import member_passage

        def at(i: int) -> tuple[str, int]:
            return asked.cands[i].passage.chunk.chunk_id, asked.cands[i].local_start

        out = []
        for i in dict.fromkeys(i for group in sentences for i in group):
            doc = asked.cands[i].passage.chunk.doc_id
            earlier = [asked.cands[j].text for j in sorted(range(len(asked.cands)), key=at)
                       if usable[j] and asked.cands[j].passage.chunk.doc_id == doc and at(j) < at(i)]
            text = member_passage(claim, asked.cands[i].text, earlier)
            if text is not None:
                out.append((i, text))
        return out
