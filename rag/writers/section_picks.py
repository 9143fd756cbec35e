"""How the extractive writer picks a brief's sentences: on-topic floors, section fit and roles, and MMR.

``SectionPicking`` is a mixin of ``ExtractiveWriter`` (``rag.writers.extractive``): it reads the writer's
``Scored`` candidates (``rag.writers.candidates``) and returns candidate indices per section. The answer path
(``rag.writers.answering``) reuses its on-topic floor, ordering, cue bonus and MMR.
"""

from __future__ import annotations

import math
from dataclasses import astuple, replace
from typing import Sequence

import numpy as np

from rag.templates import SectionSpec
from rag.writers.candidates import Candidate, Scored
from rag.writers.dimensions import DIMENSIONS, dimension_scores, dimensions_of
from rag.writers.key_terms import place_keys
from rag.writers.measure_terms import covered_items
from rag.writers.on_topic import LIGHT_STEMS
from rag.writers.hypothesis_stance import HOLDER_ROLE, PARTY_ROLE, holders_own, party_statement
from rag.writers.rebuttals import REBUTTAL_ROLE, parties, reaction_party
from rag.writers.hypotheses import (HYPOTHESIS_ROLE, REPORTED, REPORTED_MAX, is_recent, other_era, prescribes,
                                   reported_explanations, source_claims, stated, weighed, evidence_claim,
                                   held_through_evidence, full_name, negates)
from rag.writers.role_typing import DOC_TYPE_OF, doc_type
from rag.writers.sentence_cues import DOMAIN_CUES, SPECULATIVE, is_argument_title, is_label, is_noun_phrase
from rag.writers.source_structure import Structure, passage_structures
from rag.writers.watch_items import ADVICE
from rag.writers.story_terms import novelty

__all__ = ["LABELLED_ROLES", "STRUCTURE_SECTION_ROLE", "SectionPicking", "is_page_title", "page_title_beside_headline", "second_title", "title_of_quoted_lede"]

#: Roles a noun phrase can fill: an information gap ("Details of the items restricted.") or a signal to watch
#: ("Indicators of retaliation in the customs data."); every other section quotes statements.
LABELLED_ROLES = frozenset({"gap", "signal"})
#: What a sentence of a source's own labelled structure (``Candidate.structure``) is, -> the role of the only section
#: that quotes it: its assumptions and information gaps go to the gaps section, its indicators to the signals
STRUCTURE_SECTION_ROLE = {"assumption": "gap", "gap": "gap", "indicator": "signal"}
#: the roles of what comes next: a section of only these (an outlook, signals to watch) is of the story's own time
FORWARD = frozenset({"forecast", "signal"})
#: a sentence lists a measure's items when it names at least this many (``_with_measure_list``)
MEASURE_LIST_MIN = 2
#: roles of a sentence listing a measure's items that what happened quotes: reported, or a standing description
MEASURE_LIST_ROLES = frozenset({"event", "statement", "background"})
#: Cue families of a sentence that reports something: an action or reporting verb, a day or a number
REPORTS = frozenset({"fact", "dated", "numeric"})



def labelled_dimensions(text: str) -> frozenset[str]:
    """The dimensions a list item's own label names ("Economic / Social: Disruption in supply chains …" ->
    {"economic"}; "Cyber / Information Space: …" -> {"cyber"}): ``dimensions_of`` its label (``is_label``: the words
    before a colon, no finite verb); empty for an item without such a label."""
    if not is_label(text):
        return frozenset()
    return dimensions_of(text.partition(":")[0])


def is_page_title(c: Candidate) -> bool:
    """Whether candidate ``c`` is its document's page title: a title whose text is the document's ``title`` (not a
    labelled report headline, nor a digest title's part)."""
    return c.is_title and " ".join(c.text.split()).lower() == " ".join((c.passage.chunk.title or "").split()).lower()


def page_title_beside_headline(cands: Sequence[Candidate], i: int) -> bool:
    """Whether candidate ``i`` is its document's page title (its text is the document's ``title``) and another of
    its document's candidates is a title too (a labelled report headline, ``source_structure.labelled_headline``).
    Of one document's two titles a section quotes the labelled headline: the page title already heads the
    document's Sources entry, and the report's own headline is the one written for its content (seed 003: "Tokyo
    protests as China blocks dual-use exports to 20 Japanese companies" under the page title "China Imposes Export
    Restrictions on 20 Japanese Firms, …")."""
    c = cands[i]
    if not is_page_title(c):
        return False
    return any(o.is_title and o.doc_id == c.doc_id and o is not c for o in cands)


def title_of_quoted_lede(cands: Sequence[Candidate], i: int, taken: Sequence[int]) -> bool:
    """Whether candidate ``i`` is a title of a report whose lede the brief already quotes (``taken``): the lede tells
    the headline's news with its actor and day ("Japan widens chip-tool export rule to 16 types" under "Japan's
    trade ministry on Monday raised the number of … tool types that will need an export licence to 16"), so the
    headline would say it twice (s61's fresh user: two headlines among What happened's fillers). Only the page's
    own title (not a digest title's part, which tells one of its stories) and only when the lede holds at least half
    of its content stems (its function words, "to", "its", say no news: "Japan adds 14 chip-inspection tools to
    export licence list" has 10 content stems, 5 in its lede, s62): a headline stating what the body never does ("Oslo
    recalls envoy" over "Reykjavik ordered two Norwegian diplomats to leave …") is news of its own.
    ... or when the lede names every place the headline names, read as places (``key_terms.place_keys``: "Tokyo" is
    Japan, "Chinese" China): a headline's words are a subeditor's shorthand for the lede's ("Tokyo bars Chinese crane
    maker from port contracts over cyber risk" over "Japan's land ministry said … port operators may no longer buy
    … cranes from China's Haixing …", 4 of 9 content stems; "Taiwan indicts ex-engineers over transfer of 2nm chip
    secrets" over "Prosecutors in Taiwan … indicted three former engineers …"): the headline is the lede's context,
    not a development of its own (s63's new user, F15: an HTML page's <h1> quoted in key developments)."""
    c = cands[i]
    if not is_page_title(c):
        return False
    words = c.stems - LIGHT_STEMS
    where = place_keys(c.stems)
    return any(cands[j].is_lede and cands[j].doc_id == c.doc_id and (
        2 * len(words & cands[j].stems) >= len(words) or (bool(where) and where <= place_keys(cands[j].stems)))
        for j in taken if j != i)


def second_title(cands: Sequence[Candidate], i: int, picks: Sequence[int]) -> bool:
    """Whether candidate ``i`` is a title of a document another title of which the section has picked (``picks``):
    a document's headline and its labelled report headline state one story ("China Imposes Export Restrictions on 20
    Japanese Firms, …" and "Tokyo protests as China blocks dual-use exports to 20 Japanese companies", seed 003's
    two titles, were the China assessment's two key developments): one fact, said once in a section."""
    c = cands[i]
    return c.is_title and any(cands[j].is_title and cands[j].doc_id == c.doc_id for j in picks if j != i)

class SectionPicking:
    """Section filling for the extractive writer (a mixin: ``abstain_threshold`` is set by the writer)."""

    abstain_threshold: float
    # MMR and scoring weights
    LAMBDA = 0.7
    W_REL, W_FIT, W_CENT = 0.45, 0.35, 0.10
    CUE_BONUS, CUE_CAP = 0.06, 0.12
    SPECULATION_PENALTY = 0.05  # per speculative cue, in sections that want facts (capped at 2)
    NEW_DOC_SECTION_BONUS = 0.05
    NEW_DOC_BRIEF_BONUS = 0.03
    NEAR_DUPLICATE = 0.9
    # what counts as on-topic for a brief (see _on_topic)
    REL_FLOOR_GAP = 0.20
    COS_FLOOR_GAP = 0.30
    REL_STRETCH = 0.8  # how far relevance is stretched over the on-topic range (0: not at all, 1: down to 0)
    OPTIONAL_FIT_FLOOR = 0.30
    #: a news report's lede leads the brief when its relevance is within this of the most relevant accepted sentence
    #: (the writer's on-topic relevance gap; half of it lost the main event's lede in 5 of 37 topics-news briefs to
    #: a restatement that shares more of the topic's words)
    HEADLINE_LEDE_GAP = REL_FLOOR_GAP
    FILLER_GAP = 0.15  # stop filling a section once the next pick scores this far below its first
    #: a brief's sentence that says the most of the story's terms not yet said (``story_terms``) gains this much, the
    #: others in proportion. Novelty of facts is what MMR rewards: at 0.05 (a new source's weight) it only broke
    #: ties, and the restatements of a story, which share the topic's words and so score higher relevance, filled
    #: the sections (14 of the 30 key facts missed on topics-news were outranked so); at 0.20 it weighs like the
    #: redundancy penalty's range (1 - LAMBDA = 0.3 times a cosine of 0.4-0.7)
    NEW_FACT_BONUS = 0.20
    #: how far below the answer floor (abstain_threshold - 0.05) a sentence of an on-topic document may sit in
    #: cosine to the topic and still be quoted (it must still name one of the topic's key terms)
    JUDGED_COS_RELIEF = 0.10
    #: story terms a sentence of an on-topic document states to be quoted whatever its cosine to the topic
    STORY_TERMS_MIN = 3

    def _cue_bonus(self, spec: SectionSpec, cand: Candidate) -> float:
        hits = sum(1 for c in spec.cues if c in cand.cues)
        bonus = min(self.CUE_CAP, self.CUE_BONUS * hits)
        if "fact" in spec.cues and not set(spec.cues) & SPECULATIVE:
            bonus -= self.SPECULATION_PENALTY * min(2, len(cand.cues & SPECULATIVE))  # speculation fits less
        return bonus

    def _on_topic(self, scored: Scored, gap: float | None = None, *, near: bool = False) -> np.ndarray:
        """Candidates relevant enough to quote.

        For a brief: a sentence of an on-topic document (``on_topic.topical_documents``) that names one of the
        topic's key terms; when documents were not judged, within REL_FLOOR_GAP of the third most relevant
        sentence (one outlier that repeats the topic's words must not make everything else look off-topic) and
        within COS_FLOOR_GAP of the closest sentence in meaning. For an answer (``gap`` given): within ``gap`` of the most relevant sentence.
        ``near``: the documents of the relaxed cut (``on_topic``), for a section the on-topic documents leave empty.
        Never far below the abstention line.
        """
        floor_cos = self.abstain_threshold - 0.05
        if gap is not None:
            return (scored.rel >= float(scored.rel.max()) - gap) & (scored.cos >= floor_cos)
        judged = scored.near if near else scored.topical
        topical = judged if judged is not None else np.ones(len(scored.cands), dtype=bool)
        if not topical.any():
            return topical
        if scored.topical is not None and not near:  # the documents were judged: relevance ranks, FILLER_GAP stops padding
            # the document passed the on-topic test and the sentence names one of the topic's key terms: its own
            # cosine to the topic measures how much it restates the topic, which a new fact of the story does not
            # ("DePape ... faces 13 years to life ... including attempted murder": 0.15): such a sentence is quoted when
            # it states STORY_TERMS_MIN of the story's terms (``story_terms``: words two on-topic reports share beyond
            # the topic's), which an aside ("She asked CNN not to be identified") does not
            # ... and a story told by one report (``Scored.lone``) has no story terms: every sentence of it is its story
            lone = scored.lone if scored.lone is not None else np.zeros(len(scored.cands), dtype=bool)
            return topical & ((scored.cos >= floor_cos - self.JUDGED_COS_RELIEF) | self._states_story(scored) | lone)
        # documents not judged, or only near the topic: the sentence itself must be close to the most relevant ones
        ranked = np.sort(scored.rel)[::-1]
        ref = float(ranked[min(2, len(ranked) - 1)])
        floor_cos = max(floor_cos, float(scored.cos.max()) - self.COS_FLOOR_GAP)
        return topical & (scored.rel >= ref - self.REL_FLOOR_GAP) & (scored.cos >= floor_cos)

    def _states_story(self, scored: Scored) -> np.ndarray:
        """Per candidate: it names at least STORY_TERMS_MIN story terms the topic does not (False without story terms)."""
        if not scored.salience:
            return np.zeros(len(scored.cands), dtype=bool)
        said = set(scored.topic_stems)
        return np.array([sum(1 for st in c.stems if st in scored.salience and st not in said) >= self.STORY_TERMS_MIN
                         for c in scored.cands])

    def _order(self, scored: Scored, values: np.ndarray, pool: Sequence[int]) -> list[int]:
        return sorted(pool, key=lambda i: (-round(float(values[i]), 9), scored.cands[i].key()))

    # ---------------------------------------------------------------- selection

    def _weigh(self, topic: str, claims: list, picks: list[int], scored: Scored, chosen: list[int]) -> None:
        """Attach to each explanation the on-topic quotes for and against it (``hypotheses.weighed``) and who holds
        and denies it (``hypotheses.stated``; a holder its own quote does not name is read from its evidence for,
        ``hypotheses.held_through_evidence``), and put first the hypotheses the on-topic sources label themselves,
        each with its own source's evidence and verdict (``hypotheses.source_claims``; ``claims`` is changed in
        place)."""
        ok = self._on_topic(scored)
        offered = source_claims(self._source_structures(scored))
        kept = [(c, h) for c, h in zip(claims, picks) if not prescribes(scored.cands[h].text)]  # advice explains nothing
        claims[:], picks = [c for c, _ in kept], [h for _, h in kept]
        if len(picks) + len(offered) < 2:  # too few to compete: add the explanations the sources report
            extra = reported_explanations(scored.cands, scored.rel, ok, picks, topic, REPORTED_MAX - len(picks) - len(offered))
            claims += [replace(scored.cands[i].claim(), role=HYPOTHESIS_ROLE) for i in extra]
            picks = picks + extra
        for claim, h in zip(claims, picks):
            pro, con = weighed(h, scored.cands, scored.sims, ok, picks, topic)  # a development may be evidence too
            claim.evidence_for = [evidence_claim(i, h, scored.cands) for i in pro]
            claim.statement, claim.held_by, claim.denied_by = astuple(stated(scored.cands[h]))
            if claim.statement and not claim.held_by:  # no one in its own quote: whoever its evidence for quotes asserting it
                claim.held_by = held_through_evidence(h, pro, scored.cands, topic)
            story = parties([topic, scored.cands[h].text, claim.held_by, claim.denied_by])
            texts = [c.text for c in scored.cands]
            for ev in claim.evidence_for:  # the holder's own statement of it is the claim, not evidence for it
                if who := holders_own(ev.text, claim.held_by, ev.statement):
                    ev.role, ev.held_by = HOLDER_ROLE, full_name(who, texts)
                elif who := party_statement(ev.text, story, ev.statement, texts):  # another party's own position: its claim
                    ev.role, ev.held_by = PARTY_ROLE, full_name(who, texts)
            claim.evidence_against = self._against(h, con, claim, scored, story)
        claims[:0] = offered

    @staticmethod
    def _against(h: int, con: Sequence[int], claim, scored: Scored, story: set[str]) -> list:
        """The evidence against explanation ``h`` (``con``), a party's reaction typed as its rebuttal
        (``rebuttals.reaction_party``: role REBUTTAL_ROLE, ``denied_by`` the party), not counter-evidence: the
        explanation's own quote, when a party states it to deny it ("They have rejected suggestions that …"), too;
        a party stating its own position (``hypothesis_stance.party_statement``: role PARTY_ROLE, ``held_by`` its
        speaker) is that party's claim, not evidence against, unless what it says is a finding that something was
        not so (``hypotheses.negates``: "an ‘emergency inspection’ found no sign of illegal transactions"): a finding
        reported is evidence against, kept with who reports it (``held_by``). ``story``: the parties
        (``rebuttals.parties``)."""
        out = []
        texts = [c.text for c in scored.cands]
        for i in con:
            who = reaction_party(scored.cands[i].text, story, claim.denied_by)
            ev = evidence_claim(i, h, scored.cands)
            if who:
                ev.role, ev.denied_by = REBUTTAL_ROLE, who
            elif speaker := party_statement(ev.text, story, ev.statement, texts):
                ev.held_by = full_name(speaker, texts)
                if not negates(ev.statement or ev.text):
                    ev.role = PARTY_ROLE
            out.append(ev)
        return out

    def _source_structures(self, scored: Scored) -> list[tuple[object, Structure]]:
        """(passage, Structure) for each on-topic document that labels its own competing hypotheses."""
        ok = self._on_topic(scored)
        docs = {c.doc_id for i, c in enumerate(scored.cands) if ok[i]}
        return [(seg, st) for seg, st in passage_structures(scored.passages()) if seg.doc_id in docs]

    def _pick_headline(self, spec: SectionSpec, scored: Scored) -> list[int]:
        """The brief's first claim: the story's main event, as its on-topic news reports lead with it.

        A news report states its main event in its lede (issue 10, item 2: the BLUF is the main event or the sources'
        main judgement, never background); so among the on-topic candidates the section accepts, a lede of a news
        report within HEADLINE_LEDE_GAP of the most relevant accepted sentence of a news report is preferred (a scene-setting opening
        or a lede of a neighbouring story scores far lower). Without such a lede, a sentence the classifier types as
        one of the section's own roles (not one it only half-reads as them: "China was heavily criticized last year
        ..." is background with an event's verb) that reports something as a fact; a fact cue is a bonus there, not
        a filter (a filter let a weakly relevant aside with a reporting verb outrank the event itself)."""
        ok = self._on_topic(scored)
        cands = scored.cands
        pool = [i for i in range(len(cands)) if ok[i] and self._accepts(spec, cands[i])]  # a forecast is not the headline
        pool = [i for i in pool if not is_label(cands[i].text)] or pool
        # the headline is of the story's time: not an essay, analysis or generated brief more than a year older
        # than the story's newest source (``_stale_docs``), when another source tells it, even by a headline: a 2020
        # essay's "The Trump administration's approach toward China has moved …" led a brief on China's 2026 export
        # ban over the 2026 brief's own "Tokyo protests as China blocks dual-use exports to 20 Japanese companies".
        # A report of its time stays (a brief on Japan's 2019 curbs is headed by a 2019 report, whatever 2026
        # source it also cites)
        stale = self._stale_docs(cands, ok)
        pool = [i for i in pool if cands[i].doc_id not in stale
                or doc_type(cands[i].passage.chunk) in (DOC_TYPE_OF["news"], DOC_TYPE_OF["official"])] or pool
        # the brief's headline states what happened in a source's sentence, not in another outlet's headline (its
        # framing, written to share the topic's vocabulary)
        pool = [i for i in pool if not cands[i].is_title] or pool
        # ... nor in a document of another story's time (``Scored.elsewhen``), when another tells it
        pool = [i for i in pool if cands[i].doc_id not in scored.elsewhen] or pool
        if not pool:
            return []
        style = np.array([self._cue_bonus(spec, c) for c in cands])
        value = 0.6 * scored.rel + 0.25 * scored.cent + 0.15 * scored.fit[spec.name] + style
        # the gap is measured among news reports: an essay or an analysis written about the topic's very words (a
        # 2020 essay on "export controls") is more "relevant" than any report of what happened, and says nothing
        # about which event the reports lead with
        news = [i for i in pool if doc_type(cands[i].passage.chunk) == DOC_TYPE_OF["news"]]
        best = max(float(scored.rel[i]) for i in news or pool)
        ledes = [i for i in news if cands[i].is_lede
                 and float(scored.rel[i]) >= best - self.HEADLINE_LEDE_GAP and not other_era(cands[i].text)
                 and cands[i].cues & REPORTS]  # a lede that reports (an action, a day, a number), not a scene
        if ledes:
            # the event the reports lead with: relevance plus agreement with the other reports' ledes ("Pelosi
            # landed in Taiwan", led with by three reports, over one report's "is expected to visit")
            agree = {i: float(np.mean([scored.sims[i, j] for j in ledes if cands[j].doc_id != cands[i].doc_id] or [0.0]))
                     for i in ledes}
            # a lede typed as one of the section's roles first (the announcement over the same report's "may adjust")
            typed = [i for i in ledes if cands[i].role is None or cands[i].role in spec.roles] or ledes
            return self._order(scored, np.array([float(scored.rel[i]) + agree.get(i, 0.0) for i in range(len(cands))]),
                               typed)[:1]
        own = [i for i in pool if cands[i].role is None or cands[i].role in spec.roles]
        main = [i for i in own if not other_era(cands[i].text)] or own
        return self._order(scored, value, main or pool)[:1]

    @staticmethod
    def _stale_docs(cands: Sequence[Candidate], ok: np.ndarray) -> set[str]:
        """Documents published more than ``hypotheses.MAX_AGE_DAYS`` before the newest on-topic one (undated ones are
        never stale: they cannot be placed)."""
        newest = max((c.passage.chunk.published or "" for i, c in enumerate(cands) if ok[i]), default="")
        return {c.doc_id for c in cands if not is_recent(c.passage.chunk.published, newest)}

    @staticmethod
    def _alone(spec: SectionSpec, specs: Sequence[SectionSpec]) -> bool:
        """Whether the section alone in its template takes its roles (then the role classifier is its fit test)."""
        others = {r for s in specs if s is not spec for r in s.roles}
        return bool(spec.roles) and not set(spec.roles) & others

    def _pick_section(self, spec: SectionSpec, scored: Scored, chosen: list[int], used_docs: set[str], *,
                      near: bool = False, alone: bool = False, room: int | None = None,
                      domains: frozenset[str] = frozenset(), titles: bool = True, weakly: bool = False) -> list[int]:
        """A brief's section: on-topic sentences that fit it, by MMR (``near``: from the relaxed document cut).

        An optional section takes only sentences close to its description (OPTIONAL_FIT_FLOOR) when other sections
        take the same roles (the implications by domain: the description tells them apart); a section that
        ``alone`` takes its roles (background, gaps) is fitted by the role classifier, not by wording.

        A section that takes only reported roles (what happened: events and statements), once the filler stop ends
        its MMR, takes the remaining sentences typed as its roles up to its ``max_items``: a reported event of an
        on-topic document that names the topic is not filler, and the key facts of a story sit in the events the
        brief would otherwise drop. ``room``: how many it may still take (default ``max_items``).

        ``domains``: the dimensions the template has a section of its own for (``implications_economic``). An item
        a source labels with one of them ("Economic / Social: Disruption in supply chains …", ``labelled_dimensions``)
        is the source's own implication of that dimension: only that dimension's section takes it (it was the BLUF's
        second item, leaving the economic implications empty). ``titles``: False for a BLUF's second item, a
        judgement beside its lead: a title restates the story's development, which "Key developments" quotes.
        ``weakly``: for a section of one dimension the first round left empty, the sentences that speak to its
        dimension at all (a cue word of it, the topic's own words counted) though they say more about another."""
        cands = scored.cands
        ok = self._on_topic(scored, near=near)
        fit = scored.fit[spec.name]
        limit, own = spec.max_items if room is None else room, set()
        if spec.weigh_evidence:
            # the sources' own labelled hypotheses come first (``_weigh``); another sentence of such a source is not
            # one more of its explanations (its assumptions, its bottom line)
            structures = self._source_structures(scored)
            if structures and near:
                return []
            own = {seg.doc_id for seg, _ in structures}
            limit -= sum(len(st.hypotheses) for _, st in structures)
            if limit <= 0:
                return []
            # an explanation of this story is of its time: an essay years older explains something else
            own |= self._stale_docs(cands, ok)
        elif set(spec.roles) and (set(spec.roles) <= REPORTED or set(spec.roles) <= FORWARD):
            # what happened in this story: an event an essay years older reports ("The Diet has recently passed
            # legislation ...", 2020, in a brief as of 2026) happened in another story; and what comes next: a
            # forecast made years before the story's newest report ("… the looming possibility of a new international
            # trade control scheme …", a 2020 essay in a brief as of 2026) is another time's outlook
            own = self._stale_docs(cands, ok)
        if "background" not in spec.roles:
            # a document of another story's time (``Scored.elsewhen``: a 2020 essay in a brief on China's 2026
            # restrictions on Japanese firms) may be the story's background, never its bottom line, developments,
            # implications or outlook
            own = own | scored.elsewhen
        domain_cues = [c for c in spec.cues if c in DOMAIN_CUES]
        # a section of one dimension (the implications by domain) takes a sentence only of that dimension: the one
        # it says the most about, the topic's own words aside ("export" is no economic cue in a brief on export
        # controls), not any sentence with one of its cue words
        dims = set(spec.require_cues) & set(DIMENSIONS)
        # ... and, in a second round (``weakly``) when no sentence says the most about it, one that speaks to it at
        # all, the topic's own words counted: a brief on "cybersecurity approval" quoting "a 'security-first'
        # industrial policy model where cybersecurity approval … determine market access" has a security
        # implication, though it says more of markets (taken after every section had its first pick)
        pool, weak = [], []
        for i, c in enumerate(cands):
            if i in chosen or not ok[i] or not self._accepts(spec, c) or c.doc_id in own or (
                    spec.weigh_evidence and c.structure is not None):
                continue
            off_dimension = bool(dims) and not dims & dimensions_of(c.text, scored.topic_stems)
            if off_dimension and not (weakly and any(dimension_scores(c.text).get(d, 0) for d in dims)):
                continue
            if c.is_title and not titles:
                continue
            if page_title_beside_headline(cands, i):
                continue  # the document's labelled headline tells its story; its page title heads its Sources entry
            if (own_dims := labelled_dimensions(c.text) & domains) and not dims & own_dims:
                continue  # the source's own label gives the item to that dimension's section
            if other_era(c.text) and "background" not in spec.roles:
                continue  # history recalled ("During the Cold War ...") is background: no explanation or implication of this story
            if not spec.required and not alone and fit[i] < self.OPTIONAL_FIT_FLOOR and not (
                domain_cues and any(d in c.cues for d in domain_cues)
            ):
                continue
            (weak if off_dimension else pool).append(i)
        if weakly:
            pool = weak
        # a required section gets its best on-topic candidate even if only weakly fitting
        rel = self._relative_relevance(scored, near=near)
        base = np.array(
            [
                self.W_REL * rel[i] + self.W_FIT * fit[i] + self.W_CENT * scored.cent[i] + self._cue_bonus(spec, cands[i])
                for i in range(len(cands))
            ]
        )
        picks = self._mmr(limit, scored, pool, base, chosen, used_docs)
        if bool(spec.roles) and set(spec.roles) <= REPORTED and not near and len(picks) < limit:
            # what happened takes the on-topic events and statements the filler stop left, up to its max: only
            # sentences the classifier types as one of its roles (not a forecast half-read as an event)
            typed = [i for i in pool if i not in picks and (cands[i].role is None or cands[i].role in spec.roles)
                     and not second_title(cands, i, picks)]
            picks += self._mmr(limit - len(picks), scored, typed, base, chosen + picks, used_docs, filler_stop=False)
            picks = self._with_measure_list(scored, picks, chosen, ok, own, limit)
        # a lede picked after its report's page title (MMR may rank the short title first, or take the lede in the
        # second round) tells the title's news with its actor and day: the title gives way
        picks = [i for i in picks if not title_of_quoted_lede(cands, i, picks)]
        story = scored.near if near else scored.topical  # the on-topic documents, a digest's parts of this story
        picks = picks + self._list_siblings(spec, scored, picks, chosen, own, limit - len(picks), story)
        if picks and all(cands[i].own_list is not None for i in picks):
            # a section made of a source's own lists ("Assumptions:", "Information Gaps:") reads in the source's order
            picks.sort(key=lambda i: (cands[i].doc_id, cands[i].start))
        return picks

    @staticmethod
    def _with_measure_list(scored: Scored, picks: list[int], chosen: Sequence[int], ok: np.ndarray,
                           excluded: set[str], limit: int) -> list[int]:
        """What happened with the sentence that lists the items the story's measure covers (``measure_terms.covered_items``:
        "The export restrictions cover fluorinated polyimides, …, as well as photoresist and hydrogen fluoride"), at
        least ``MEASURE_LIST_MIN`` of them: the full list of a measure's items is a key fact (issue 10), which ranks
        below the restatements of the event (it shares few of the topic's words). Taken from an on-topic document
        (``ok``, not of ``excluded``) when no pick lists them yet, typed a reported role or background (a standing
        description of the measure) or only hesitantly another (below 0.5: the role model read a hand-made list
        "The export controls cover refined cobalt, …" as a judgement at 0.25), never hedged or looking ahead
        (``SPECULATIVE`` cues), placed after the section's lead; at ``limit``, in place of the pick that most
        restates another (its highest cosine to the other picks; on the 2019 brief the last pick was the WTO
        complaint, a key fact). ``picks`` unchanged when no such sentence is left."""
        cands = scored.cands
        if any(len(covered_items([cands[i].text])) >= MEASURE_LIST_MIN for i in picks):
            return picks
        taken = [*chosen, *picks]
        pool = [i for i, c in enumerate(cands)
                if ok[i] and i not in taken and c.doc_id not in excluded and c.structure is None and not c.is_title
                and (c.role is None or c.role in MEASURE_LIST_ROLES or c.role_probs.get(c.role, 1.0) < 0.5)
                and not c.cues & SPECULATIVE and not any(c.overlaps(cands[j]) for j in taken)
                and len(covered_items([c.text])) >= MEASURE_LIST_MIN]
        if not pool or limit <= 0:
            return picks
        best = max(pool, key=lambda i: (round(float(scored.rel[i]), 9), tuple(-x for x in cands[i].key()[1:])))
        kept = list(picks[:limit])
        if len(kept) >= limit:
            # the pick that most restates another (its highest cosine to the rest) gives its place; never the lead
            rest = kept[1:]
            drop = max(rest, key=lambda j: (round(max(float(scored.sims[j, k]) for k in kept if k != j), 9), -kept.index(j)))
            kept.remove(drop)
        return kept[:1] + [best] + kept[1:]

    def _list_siblings(self, spec: SectionSpec, scored: Scored, picks: Sequence[int], chosen: Sequence[int],
                       excluded: set[str], room: int, story: np.ndarray | None = None) -> list[int]:
        """The other items of a source's own captioned list (``Candidate.own_list``: "• Scenario Outlook:" with its
        best, worst and most likely case; "Assumptions:") that a section quotes one item of, in the source's order,
        at most ``room``: a list is the source's whole view, and one item of it alone is a biased one ("Worst Case:
        …" without "Most Likely: …"). An item the section would not take (``_accepts``: its role, its cues) stays
        out, and so does one of another story (``story``: per candidate, of an on-topic document and, in a digest, of
        the topic's part; None: not judged); one below the on-topic floor does not: it is on the topic by the list its
        source put it in."""
        cands = scored.cands
        lists = {cands[i].own_list for i in picks if cands[i].own_list is not None}
        if not lists or room <= 0:
            return []
        out: list[int] = []
        for j in sorted((j for j, c in enumerate(cands) if c.own_list in lists), key=lambda j: cands[j].key()):
            c = cands[j]
            taken = [*chosen, *picks, *out]
            if (j in taken or c.doc_id in excluded or (story is not None and not story[j]) or not self._accepts(spec, c)
                    or any(c.overlaps(cands[k]) for k in taken)):
                continue
            out.append(j)
            if len(out) == room:
                break
        return out

    @staticmethod
    def _accepts(spec: SectionSpec, cand: Candidate) -> bool:
        """Whether a section takes the sentence: one of its required cue families, and (once typed) its role, or
        roles it accepts that are together more probable than not (the classifier hesitates between neighbours:
        an event it half-reads as background is still an event; a forecast stays out of "what happened"). A news
        report's lede is what happened: "X said Monday that Y would ..." reports a statement, not a forecast."""
        if cand.structure in STRUCTURE_SECTION_ROLE:
            # an item under a source's "Assumptions:" or "Information Gaps:" caption, or its sentence naming the
            # indicators that would shift its verdict: the section of that role takes it, whatever the classifier
            # reads (an assumption reads as a judgement), and no other section (it is neither a hypothesis nor an
            # implication, and its indicators are not a note on a hypothesis)
            return STRUCTURE_SECTION_ROLE[cand.structure] in spec.roles
        if cand.structure is not None and not spec.weigh_evidence:
            return False  # a source's own hypothesis, its evidence or verdict: only the hypotheses section reports them
        if cand.own_section == ADVICE:
            return False  # a source's recommendation ("Immediate Actions (0–30 days): Monitor …") is no signal, event or judgement
        if spec.require_cues and not cand.cues & set(spec.require_cues):
            return False
        if not cand.is_title and not set(spec.roles) & LABELLED_ROLES and is_noun_phrase(cand.text):
            return False  # a judgement, forecast or event states something: a caveat's label ("Potential bias in ...") does not
        if cand.is_title and set(spec.roles) & REPORTED and is_argument_title(cand.text):
            return False  # an essay's title ("How Japan should avoid ...") is its thesis, not an event it reports
        if not spec.roles or cand.role is None or cand.role in spec.roles:
            return True
        if cand.is_lede and set(spec.roles) & REPORTED and doc_type(cand.passage.chunk) == DOC_TYPE_OF["news"]:
            return True  # a news report's lede states its main event (issue 10, item 4), however the model reads its "would"
        return sum(cand.role_probs.get(r, 0.0) for r in spec.roles) >= 0.5

    def _relative_relevance(self, scored: Scored, *, near: bool = False) -> np.ndarray:
        """Relevance stretched over the on-topic range (0 at the floor, 1 at the best sentence): cosines are
        compressed into a narrow band, and relevance must outweigh how well an off-topic sentence fits a section."""
        ok = self._on_topic(scored, near=near)
        if not ok.any():
            return scored.rel
        low = float(scored.rel[ok].min())
        top = float(scored.rel.max())
        stretched = np.clip((scored.rel - low) / max(top - low, 1e-6), 0.0, 1.0)
        return top * (1.0 - self.REL_STRETCH + self.REL_STRETCH * stretched)

    def _mmr(
        self, limit: int, scored: Scored, pool: list[int], base: np.ndarray, chosen: list[int], used_docs: set[str],
        *, filler_stop: bool = True,
    ) -> list[int]:
        """Maximal marginal relevance over ``pool``; sources not yet used in the section or brief get a bonus.
        ``filler_stop``: stop once the next pick scores FILLER_GAP below the first."""
        cands = scored.cands
        pool = list(pool)
        picks: list[int] = []
        # the new-source bonus favours other articles among comparably relevant sentences only
        if pool:
            top = max(float(scored.rel[i]) for i in pool)
            low = min(float(scored.rel[i]) for i in pool)
            span = max(top - low, 1e-6)
            diversity = {i: min(1.0, max(0.0, (float(scored.rel[i]) - low) / span)) for i in pool}
        section_docs: set[str] = set()
        first_value: float | None = None
        while len(picks) < limit and pool:
            best_i, best_v = None, -math.inf
            taken = chosen + picks
            new = self._new_facts(scored, pool, taken)
            for i in pool:
                redundancy = max((scored.sims[i, j] for j in taken), default=0.0)
                if redundancy >= self.NEAR_DUPLICATE or any(cands[i].overlaps(cands[j]) for j in taken) or (
                        second_title(cands, i, picks)) or title_of_quoted_lede(cands, i, taken):
                    continue
                v = self.LAMBDA * base[i] - (1 - self.LAMBDA) * max(redundancy, 0.0) + self.NEW_FACT_BONUS * new.get(i, 0.0)
                if cands[i].doc_id not in section_docs:
                    v += self.NEW_DOC_SECTION_BONUS * diversity[i]
                if cands[i].doc_id not in used_docs:
                    v += self.NEW_DOC_BRIEF_BONUS * diversity[i]
                v = round(float(v), 9)
                if v > best_v or (v == best_v and best_i is not None and cands[i].key() < cands[best_i].key()):
                    best_i, best_v = i, v
            if best_i is None:
                break
            if first_value is None:
                first_value = best_v
            elif filler_stop and best_v < first_value - self.FILLER_GAP:
                break  # the rest would be filler
            picks.append(best_i)
            section_docs.add(cands[best_i].doc_id)
            used_docs.add(cands[best_i].doc_id)
            pool.remove(best_i)
        return picks

    @staticmethod
    def _new_facts(scored: Scored, pool: Sequence[int], taken: Sequence[int]) -> dict[int, float]:
        """Per pool candidate, the story terms it adds to the topic and the sentences ``taken`` (``story_terms.novelty``),
        scaled to [0, 1] by the pool's most; empty for answers (no story terms)."""
        if not scored.salience:
            return {}
        said = set(scored.topic_stems).union(*(scored.cands[j].stems for j in taken))
        raw = {i: novelty(scored.cands[i].stems, scored.salience, said) for i in pool}
        top = max(raw.values(), default=0.0)
        return {i: v / top for i, v in raw.items()} if top > 0 else {}
