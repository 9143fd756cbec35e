"""On-topic evidence for a brief: which documents are about the topic (its actors and its story), not just its words.

A brief quotes a sentence only when its *document* is on-topic; relevance, diversity and coverage then rank
sentences among on-topic documents only. Per document (its title and the sentences it contributes):

- **actors**: the share of the topic's actors (places, people, organisations, designations and the story's
  lower-case subject, see ``topic_actors``) the
  document names;
- **meaning**: the cosine between the topic and the document: the normalised mean of the vectors of the half of its
  sentences closest to the topic (a report quotes bystanders, captions and asides: its story is what its
  closest half says, not the average that its human-interest quotes dilute).

The cut is relative to the best document, not a tuned threshold: a document is on-topic when it names as many of
the topic's actors as the best-covered document does (one fewer when the topic names three or more names: a story
can leave one of its names implicit, never the lower-case subject its titles and ledes are about, see
``actor_names``), and its meaning is within ``DOC_GAP`` of the closest document's (``DOC_GAP`` is the
gap the writer already uses between on- and off-topic sentences, ``ExtractiveWriter.REL_FLOOR_GAP``, so no new
constant is fitted). When the topic names a month ("Biden's March 2022 call with Xi"), it names one story of
several alike: a dated document is on-topic only when published in that month or the next (follow-up reports).
A document that shares the topic's vocabulary but names another pair of actors (the
US–Japan story in a brief on Japan's curbs on Korea) fails the first test; one that names the actors of another
story in the same region fails the second.

A story is also a time: its reports follow one another, while another story of the same actors (Biden's July
call with Xi in a brief on their November meeting in Bali; North Korea's October missile over Japan in a brief on
its March ICBM) comes weeks or months apart. Among the dated on-topic documents, reports less than
``STORY_GAP_DAYS`` apart are one story (single linkage: a long story with steady coverage stays one); the brief's
story is the run that holds the news report closest in meaning to the topic, and a report of another run is not
on-topic. Undated documents cannot be placed and are kept; so are analyses, essays and generated briefs published
before the story's last report (a 2020 essay on Japan's export controls is not a report of another event; only news
reports form runs), while one published STORY_GAP_DAYS or more after it comments on a later story and is not on-topic.

A topic of common nouns names no actor ("battery cybersecurity approval"): its *distinctive* words stand for its
actors (``distinctive_terms``: the content words that are not general news vocabulary, i.e. not among the words of
3% or more of the 4,973 RealTime QA articles, ``general_vocabulary.txt``). A generic word of the topic ("approval",
"report", "visit") matches any story, so a document is on-topic only when it names as many of the distinctive words
as the best-covered document does: a report of Taiwan's cyber incidents or of a photoresist approval process is not
a report of battery makers' cybersecurity approval. A news report's sentences are then judged by their document
(they name the story in other words: "semiconductor supply" in a report on carmakers' chip shortage); a generated
brief's sentence must name the topic's distinctive words itself (``names_the_story``: a digest covers several
stories).

A generated brief's sentence that names only some of those words is still of the story when it names the story's own
distinctive words, the ones the sentences naming the story fully use (``story_words``: "... whether Japan expands the
cybersecurity *denial* list ..." beside "Japan's denial of cybersecurity approval ...").

A dated story keeps to its time (``story_years``: the years the topic names, "Japan's 2019 export curbs on South
Korea", else the years of its run of dated reports): a sentence whose event time (the years its paragraph names,
else its document's publication year) is later than the year after the story's last is another story's
(``fits_story_time``: a 2026 digest's paragraph on Korea's chip hub in a brief on the 2019 curbs). A document of the
story's time may recall any year, and a broad topic whose reports are undated has no time to keep to.

An undated report cannot be placed in the story's run, and a roundup or a page with related stories appended passes
the actor test through one paragraph's words ("US authorities have asked the Japanese government to join efforts
aimed at curbing China's progress …" in a brief on China's restrictions on 20 Japanese firms; a 2019 Taipei Times page
on Japan's curbs on Korea with a Taiwan cybersecurity snippet, in a brief on Japan's denial of cybersecurity approval
to Chinese battery makers). Its story is its lede's (``off_story_undated``): it is another story's when its lede's
meaning is more than ``DOC_GAP`` below the closest paragraph of the evidence, and then only its paragraphs that are
themselves within that cut tell the topic's story (a related-story snippet appended to the page may). This is the
one off-story judgement of a brief: the pipeline sets the other paragraphs aside before the writer picks any
section's sentences, and the confidence line names a report set aside whole (a source ruled off the story never
fills a section while the confidence line rules it out).

A news report is also judged by its opening (``opening_told``: its title and lede, when the evidence holds its lede):
a report of another story names the topic's actors and words in its body, in passing ("… makers in Japan …" in a
report of China's gallium licences, in a brief on Japan's inspection-tool licences), while its opening tells its own
story. It must open with the topic's subject, or name the topic's units as fully as the best opening does, less one.

A section the on-topic documents leave empty may look one cut further (``near``: the same actors and month, meaning
within twice ``DOC_GAP``): a brief on a story rarely repeats its own outlook or signals in every report, and a
related report of the same actors may state them.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from functools import cache
from datetime import date
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from rag.text.cross_lingual import english_readings
from rag.text.dates import find_dates, iso_day
from rag.text.lexicon import word_set
from rag.text.places import city_places
from rag.writers.actor_names import mentions, names_actor, read_topic
from rag.writers.key_terms import key_terms, place_keys, stem, stems
from rag.writers.sentence_cues import STOPWORDS

__all__ = ["DOC_GAP", "act_clauses", "GENERAL_VOCABULARY", "LEDE_MIN_WORDS", "LIGHT_STEMS", "STORY_GAP_DAYS", "STORY_WORDS_MIN", "DocTopicality", "common_noun_terms", "distinctive_terms",
           "dates_story", "fits_story_time", "in_month", "other_time", "lede", "named_years", "names_the_story", "off_story_undated", "paragraphs", "story_actors", "story_run", "story_words",
           "story_years", "story_subject", "story_names", "report_names", "named_by_story", "titled_reports", "opening_told", "topic_actors", "story_clauses", "topic_words_told", "topic_years", "topic_month", "topic_stems", "topical_documents"]

DOC_GAP = 0.20
#: Reports of one story follow one another within weeks; six weeks without an on-topic report separate two stories
#: of the same actors. Measured on the topics-news dev topics (evals/README): 31 days dropped 20 of 36 other-story
#: documents and 6 of 90 gold ones, 45 days 16 and 3, 60 days 10 and 1.
STORY_GAP_DAYS = 45
#: A named topic with this many distinctive words of its own (not its names) is told apart by them
#: (``topic_words_told``)
STORY_WORDS_MIN = 2
#: Where a topic joins the parts of a story ("Japan's chip-tool controls and China's response"): each part's own
#: words are told apart (``topic_words_told``)
TOPIC_PARTS_RE = re.compile(r"\s+(?:and|&|as well as|plus)\s+|\s*[;,]\s*", re.I)
#: The words most news articles use whatever their story (``evals/general_vocabulary.py``: in 3% or more of the
#: 4,973 RealTime QA 2022 articles; text only, no label).
GENERAL_VOCABULARY = word_set("general_vocabulary")
_GENERAL_STEMS = frozenset(stem(w) for w in GENERAL_VOCABULARY)
#: a topic's words that frame its story as a conflict ("dispute", "row"), never its act: a report may leave them out
_FRAME_STEMS = frozenset(stem(w) for w in word_set("frame_nouns"))
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: stopwords and their stems: no content of their own
LIGHT_STEMS = frozenset(stem(w) for w in STOPWORDS) | frozenset(STOPWORDS)
#: a document's lede is its first paragraph of at least this many words (a title, dateline or label line is not)
LEDE_MIN_WORDS = 8


@dataclass(frozen=True)
class DocTopicality:
    """One document's actor share, its cosine to the topic, whether it is on-topic and whether it is near (the
    relaxed cut a section falls back to when the on-topic documents leave it empty)."""

    doc_id: str
    actors: float
    meaning: float
    on_topic: bool
    near: bool = False


def topic_actors(topic: str, texts: Sequence[str] = (), openings: Sequence[str] = ()) -> list[frozenset[str]]:
    """The actors a topic names, each as the names any one of which names it (``actor_names.read_topic``: places,
    runs of capitalised words with their designations, the lower-case head the evidence's ``openings`` use as
    their subject); ``texts``: the evidence's sentences."""
    return read_topic(topic, texts, openings).all


@cache
def topic_stems(topic: str) -> frozenset[str]:
    """The stems of a topic's key terms and words, stopwords and numbers aside: what the topic itself says (a
    sentence's other words are what it adds; a claim names the topic by them when the topic has no actors)."""
    own = {t.stem for t in key_terms(topic, topic=True)} | set(stems(topic))
    return frozenset(s for s in own if s not in LIGHT_STEMS and not s.isdigit())


def distinctive_terms(topic: str) -> frozenset[str]:
    """The stems of a topic's distinctive words: content words (no stopwords, at least three letters) whose stem is
    not a stem of general news vocabulary (``GENERAL_VOCABULARY``). "battery cybersecurity approval" ->
    {"batteri", "cybersecur"}; a topic of generic words only -> empty."""
    return frozenset(st for w in _WORD_RE.findall(topic) if w.lower() not in STOPWORDS
                     for st in stems(w) if len(st) >= 3 and st not in _GENERAL_STEMS)


def common_noun_terms(topic: str, names: Sequence[frozenset[str]]) -> frozenset[str]:
    """The distinctive words that stand for a topic's actors: its ``distinctive_terms`` when the topic names no place
    or name (``names``: ``read_topic(...).names``) and has at least two of them (one word is its vocabulary, not yet
    a story: the relative cut would keep every document naming it anyway); otherwise empty."""
    if names:
        return frozenset()
    words = distinctive_terms(topic)
    return words if len(words) >= 2 else frozenset()


def story_actors(topic: str, texts: Sequence[str] = (),
                 openings: Sequence[str] = ()) -> tuple[list[frozenset[str]], int, bool]:
    """(the actors a document or a sentence must name, how many names the topic has, whether it is a topic of common
    nouns): ``read_topic``'s actors and, for a topic of common nouns, each of its distinctive words
    (``common_noun_terms``: a generic word names any story). ``texts``: the evidence's sentences; ``openings``: its
    titles and ledes."""
    reading = read_topic(topic, list(texts), list(openings))
    common = sorted(common_noun_terms(topic, reading.names) - reading.head)
    return reading.all + [frozenset({w}) for w in common], len(reading.names) or len(common), bool(common)


def names_the_story(actors: Sequence[frozenset[str]], units: int, texts: Sequence[str],
                    sentence_stems: Sequence[set[str]], core: Sequence[bool] | None = None,
                    *, by_words: bool = True) -> list[bool]:
    """Per sentence (its text and stems, aligned): whether it names the topic's ``actors`` (``story_actors``) as
    fully as the best-covered sentence does, one fewer when the topic has three or more names (``units``), the
    relative cut ``topical_documents`` makes between documents. All True when there are no actors or no sentence
    names one. On a topic of common nouns a generated brief's sentence is judged so (a digest of several stories
    is not one report of one story: "... China prosecutes chip smugglers ..." in a brief on battery makers'
    cybersecurity approval).

    A sentence naming some of the actors is tied to the story also by the story's own distinctive words
    (``story_words``: what the sentences that name the story fully, among the ``core`` ones, i.e. of on-topic
    documents, say beyond the topic's words): each one it names stands for one actor it leaves out ("... whether
    Japan expands the cybersecurity *denial* list ..." in the battery brief, whose core sentences report "Japan's
    denial of cybersecurity approval"); not with ``by_words`` False (a document of another story's time, whose
    sentences share the story's vocabulary without telling it: "China is set to announce … export control
    regulations" in a 2020 essay, in a brief on China's 2026 restrictions on Japanese firms)."""
    if not actors:
        return [True] * len(texts)
    named = [sum(1 for a in actors if names_actor(a, mentions(t, st))) for t, st in zip(texts, sentence_stems)]
    best = max(named, default=0)
    if best <= 0:
        return [True] * len(texts)
    need = best - (1 if units >= 3 else 0)
    full = [k >= need for k in named]
    if not by_words:
        return full
    words = story_words(actors, [st for st, ok, c in zip(sentence_stems, full, core or [True] * len(texts)) if ok and c])
    return [ok or (0 < k and k + len(words & st) >= need) for ok, k, st in zip(full, named, sentence_stems)]


def story_words(actors: Sequence[frozenset[str]], sentence_stems: Sequence[set[str]]) -> frozenset[str]:
    """The distinctive stems (no general news vocabulary, no stopword, at least four letters) that the sentences
    naming a story (``sentence_stems``) use besides its ``actors``' names: "denial", "procur", "supplier" in the
    sentences reporting Japan's denial of cybersecurity approval to battery makers."""
    own = set().union(*actors) if actors else set()
    return frozenset(s for st in sentence_stems for s in st
                     if len(s) >= 4 and s not in _GENERAL_STEMS and s not in own and s not in STOPWORDS and not s.isdigit())


def topical_documents(topic: str, doc_ids: Sequence[str], sentence_stems: Sequence[set[str]], vectors: np.ndarray,
                      topic_vector: np.ndarray, titles: dict[str, str],
                      texts: Sequence[str] = (), published: dict[str, str | None] | None = None,
                      news: set[str] | None = None, openings: Sequence[str] = (),
                      story: tuple[list[frozenset[str]], int, bool] | None = None,
                      ledes: Mapping[str, str] | None = None,
                      glossed: set[str] | frozenset[str] = frozenset()) -> dict[str, DocTopicality]:
    """doc id -> DocTopicality, from each sentence's document id, stems and unit vector (aligned), the topic's
    unit vector, each document's title, the sentences' texts (for reading the topic's names), each document's
    publication date (ISO; None when unknown) and the documents that are news reports (``news``; None: all are).
    Only news reports form the story's run (an essay or an analysis of the topic is not a report of one event); an
    analysis published STORY_GAP_DAYS or more after the run's last report is of a later story. ``openings``: the
    evidence's titles and ledes (where a lower-case topic word shows itself the story's subject). ``story``: the
    topic's ``story_actors`` when the caller has read them (read here otherwise). ``glossed``: the documents read
    through the cross-lingual bridge (a Chinese report under an English topic, embedded as the English gloss of its
    domain terms, ``cross_lingual.english_gloss``): a gloss is a bag of the topic's own terms and sits nearer the
    topic than any sentence written in the topic's language, so the relative meaning cut is taken from the
    documents in the topic's language when there are any (s65's new user, F14: a Chinese report on drone-parts export
    controls at 0.60 set aside the English report of a drone-parts smuggling case at 0.35)."""
    actors, named_units, common = story or story_actors(topic, texts, list(openings) or [t for t in titles.values() if t])
    rows: dict[str, list[int]] = {}
    for i, d in enumerate(doc_ids):
        rows.setdefault(d, []).append(i)
    share: dict[str, float] = {}
    meaning: dict[str, float] = {}
    doc_stems: dict[str, set[str]] = {}
    said_of = {}
    clauses = story_clauses(topic, actors, common=common)
    act_parts = act_clauses(topic, actors)
    for d, idx in rows.items():
        title = titles.get(d) or ""
        whole = " \n".join([title, *(texts[i] for i in idx if i < len(texts))])
        # a country named by its city only ("HSINCHU — The Hsinchu District Prosecutors Office …") is named
        named = doc_stems[d] = set(stems(title)).union(*(sentence_stems[i] for i in idx)) | city_places(whole)
        if d in glossed:  # a report in another language tells the topic's words its glossary terms read as ("镓",
            # "锗": gallium, germanium; ``cross_lingual.english_readings``): else the topic's own words were counted
            # from the English reports only, and any English export-control report told them as fully as the best
            # (s70's new user, F6: a Chinese gallium report padded with three other export-control stories)
            named |= set(stems(" ".join(english_readings(whole))))
        said = said_of[d] = mentions(whole, named)
        share[d] = sum(1 for a in actors if names_actor(a, said)) / len(actors) if actors else 1.0
        if share[d] < 1.0 and any(_tells_half(actors, part, said, common) for part in clauses):
            share[d] = 1.0  # it names every actor of one part of the story ("Seoul to require licences …")
        if share[d] < 1.0 and any(all(_tells(w, named) for w in words) for words in act_parts):
            share[d] = 1.0  # it tells the part of the story that is its act ("China bans … antimony" for
            # "antimony export controls and Japan"): the place is the other part's
        vecs = np.asarray(vectors[idx], dtype=np.float64)
        closest = np.argsort(-(vecs @ topic_vector), kind="stable")[: (len(idx) + 1) // 2]
        mean = vecs[closest].mean(axis=0)
        norm = float(np.linalg.norm(mean))
        meaning[d] = float(mean @ topic_vector) / norm if norm else 0.0
    if not rows:
        return {}
    # a report may leave one of three or more names implicit, never the story's subject (the head is not counted)
    need = max(share.values()) - (1.0 / len(actors) if named_units >= 3 else 0.0) - 1e-9
    month = topic_month(topic)
    dated = {d: (published or {}).get(d) for d in rows}
    told = topic_words_told(topic, actors, doc_stems, news) if not (story and story[2]) else {}
    # ... and tells the topic's own words (``topic_words_told``: a news report as fully as the best report less one,
    # commentary at least one of them beside a report of the story)
    story = {d: share[d] >= need and in_month(dated[d], month) and told.get(d, True) for d in rows}
    reports = {d for d in rows if news is None or d in news}
    if ledes and not common:
        opened, by_name = _read_openings(topic, actors, {d: f"{titles.get(d) or ''}\n{ledes[d]}" for d in reports
                                                         if ledes.get(d)})
        # a report whose opening names the story's own names is the story's, though it names neither the topic's
        # place nor its words ("Kestrel Logistics managers plead not guilty" in a brief on "Taiwan GPU smuggling")
        story = {d: (ok or d in by_name and in_month(dated[d], month)) and opened.get(d, True) for d, ok in story.items()}
    # a news report is measured against the closest news report: on a broad topic ("export controls") an essay on the
    # concept itself sits nearer the bare words than any report of an instance does (a roundup of the curbs: 0.263
    # against an essay's 0.479), and a cut relative to the essay would leave the brief no report at all
    own = [d for d in rows if d not in glossed] or list(rows)
    floor = max(meaning[d] for d in own) - DOC_GAP
    report_floor = min(floor, max((meaning[d] for d in reports if d in own), default=floor) - DOC_GAP)
    floors = {d: report_floor if d in reports else floor for d in rows}
    # the run is anchored on a report whose title names the topic's subject (its first actor that is no place, else
    # its first place), when one does: a report of another event that names it in passing ("Japanese carmakers have
    # stockpiles of six months" in a report of China's rare-earth licences) may sit nearer the topic's words than the
    # story's own reports ("Japan adds … chip tools to export control list", s57), and its run would set them aside.
    # Not every actor: a title names the story's subject, seldom its country ("BTS's Jin begins military service" for
    # "BTS members' mandatory military service in South Korea": anchored on a title naming both, the brief was
    # written from August's exemption debate, tn-014)
    # A title may name the story by its own words and the subject by an institution instead ("METI to widen
    # chip-tool export controls" for "Japan chip-tool export controls and China's response", while "Chinese firms'
    # imports of chipmaking tools from Japan rose" names Japan): ``titled_reports`` counts both
    subject = story_subject(actors)
    titled = titled_reports(topic, subject, {d: titles.get(d) or "" for d in reports})
    passed = {d for d in reports if story[d] and meaning[d] >= floors[d]}
    run = story_run({d: dated[d] for d in passed}, meaning, prefer=titled)
    # a topic joining two halves of a story (``story_clauses``) has a run per half: the smuggling case of August and
    # the export controls of October are both "drone parts export controls and smuggling" (s65's new user, F14)
    halves = [{d for d in passed if _tells_half(actors, part, said_of[d], common)} for part in clauses]
    runs = [r for half in halves if (r := story_run({d: dated[d] for d in half}, meaning, prefer=titled & half))]
    if run is not None:  # another story of the same actors, weeks or months away from this one's reports
        first, last = run
        for d in reports:
            if story[d] and dated[d] and not any(_within(dated[d], *r) for r in [run, *runs]):
                story[d] = False
        last = max(r[1] for r in [run, *runs])
        # an analysis can explain what came before it, not what came after: one published weeks after the story's
        # last report comments on a later story of the same actors (an August analysis of Pelosi's visit in a
        # brief on Biden's May remarks on Taiwan); an earlier essay stays, as background
        for d in set(rows) - reports:
            day = iso_day(dated[d])
            if story[d] and day is not None and (day - last).days >= STORY_GAP_DAYS:
                story[d] = False
    on = {d: story[d] and meaning[d] >= floors[d] for d in rows}
    near = {d: story[d] and meaning[d] >= floors[d] - DOC_GAP for d in rows}
    # a follow-up report of the story (more defendants, a revised loss figure) restates less of the topic's words
    # than the first report and falls under the meaning cut: a near news report that names the story's own names
    # (``report_names``: "Jinghua", "Xinyao", not the topic's) as an on-topic report does is that story's report
    read = {d: report_names(topic, " \n".join([titles.get(d) or "", *(texts[i] for i in rows[d] if i < len(texts))]))
            for d in rows if d in reports or not near[d]}
    names = {d: read[d] for d in reports}
    # ... the story's own: no document off the story (not near) names them ("Pelosi" of every Taiwan report is not
    # the Biden–Xi call's), and no place ("Beijing") is one
    elsewhere = set().union(*(read[d] for d in rows if not near[d]))
    names = {d: frozenset(n for n in ns if n not in elsewhere and not place_keys({n})) for d, ns in names.items()}
    # ... and it follows the report it shares them with (dated after it): an earlier report naming the story's people
    # is the event before the story (the assassination's report in a brief on the election after it)
    anchors = [(iso_day(dated[d]), names[d]) for d in reports if on[d] and iso_day(dated[d]) is not None]
    for d in reports:
        day = iso_day(dated[d])
        if near[d] and not on[d] and day is not None and any(
                first < day and len(names[d] & a) >= SAME_STORY_NAMES for first, a in anchors):
            on[d] = True
    return {d: DocTopicality(d, share[d], meaning[d], on[d], near[d]) for d in rows}


#: how many of its own names a follow-up report shares with an on-topic report of the story (one shared name is a
#: company or a place two stories may share; two are the story's people and firms)
SAME_STORY_NAMES = 2


def report_names(topic: str, text: str) -> frozenset[str]:
    """The stems of the names a text writes (capitalised words past a sentence's first) that are neither the
    topic's words nor general news vocabulary (``GENERAL_VOCABULARY``): "Jinghua", "Xinyao", "Wei-lun" of a report
    on the 2nm leak case, the names its follow-up reports repeat."""
    own = set(stems(topic))
    out = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        for w in _WORD_RE.findall(sentence)[1:]:
            if w[0].isupper() and w.lower() not in STOPWORDS:
                out.update(st for st in stems(w) if len(st) >= 3 and st not in _GENERAL_STEMS and st not in own)
    return frozenset(out)


def titled_reports(topic: str, subject: frozenset[str] | None, titles: Mapping[str, str]) -> set[str]:
    """The reports (``titles``: doc id -> title) whose titles name the topic best: the most of the topic's
    ``distinctive_terms`` and its ``subject`` (its first actor that is no place, else its first place), each counting
    one; empty when no title names any. "METI to widen chip-tool export controls" (chip, chip-tool, export) names
    "Japan chip-tool export controls and China's response" better than "Chinese firms' imports of chipmaking tools
    from Japan rose sharply" (Japan only)."""
    words = distinctive_terms(topic)
    score = {}
    for d, title in titles.items():
        named = len(words & set(stems(title))) if words else 0
        if subject is not None and names_actor(subject, mentions(title)):
            named += 1
        score[d] = named
    best = max(score.values(), default=0)
    return {d for d, n in score.items() if n == best} if best > 0 else set()


def topic_parts(topic: str) -> list[str]:
    """The parts of a topic split where it joins them (``TOPIC_PARTS_RE``: "and", "&", "as well as", "plus", a comma or
    a semicolon): "South Korea memory tool export licences and China's polysilicon probe" -> its two halves."""
    return TOPIC_PARTS_RE.split(topic)


def story_clauses(topic: str, actors: Sequence[frozenset[str]], *, common: bool = False) -> list[frozenset[int]]:
    """The parts of a topic that join two halves of a story (``TOPIC_PARTS_RE``: "South Korea memory tool export
    licences and China's polysilicon probe"), each as the indexes of the ``actors`` it names; only parts naming an
    actor and a distinctive word of their own ("Japan and South Korea" has none: both countries stay required), and
    only when there are two or more. A report tells one half of such a story and names that half's actors only.
    On a topic of common nouns (``common``: its distinctive words are its actors, ``story_actors``) every part
    naming one is a half: "drone parts export controls and smuggling" is told by a report of the controls (drone,
    export) and by a report of a smuggling case (s65's new user, F14)."""
    own = set().union(*actors) if actors else set()
    found = []
    for part in topic_parts(topic):
        said = mentions(part)
        idx = frozenset(i for i, a in enumerate(actors) if names_actor(a, said))
        if idx and (common or any(w not in own for w in distinctive_terms(part))):
            found.append(idx)
    return found if len(found) >= 2 else []


def _tells_half(actors: Sequence[frozenset[str]], part: frozenset[int], said, common: bool) -> bool:
    """Whether a text (its ``mentions``, ``said``) tells one half of a story (``story_clauses``: the indexes of the
    ``actors`` that half names): it names them all, and on a topic of common nouns (``common``) a half of one word
    ("smuggling" of "drone export controls and smuggling") with another of the topic's words, the object the topic
    gives it (a report of gold smuggling is not of the drone-parts story)."""
    if not all(names_actor(actors[i], said) for i in part):
        return False
    return not common or len(part) > 1 or sum(1 for a in actors if names_actor(a, said)) >= 2


def act_clauses(topic: str, actors: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    """The parts of a topic of two or more (``topic_parts``) that name no actor but the story's act or object, each as
    its distinctive words ("antimony export controls" of "antimony export controls and Japan" -> {"antimoni",
    "export"}), when another part names an actor. A report of the act (MOFCOM's antimony licences) tells that part
    and need not name the other part's place: the topic asks how the act bears on it."""
    own = set().union(*actors) if actors else set()
    parts = topic_parts(topic)
    if len(parts) < 2:
        return []
    found, placed = [], False
    for part in parts:
        said = mentions(part)
        if any(names_actor(a, said) for a in actors):
            placed = True
            continue
        words = frozenset(w for w in distinctive_terms(part) if w not in own)
        if words:
            found.append(words)
    return found if placed else []


def _tells(word: str, st: set[str]) -> bool:
    """Whether stems ``st`` tell a topic's distinctive ``word``: the word, or every part of a hyphenated one."""
    bits = [b for b in word.split("-") if b]
    return word in st or (len(bits) > 1 and all(b in st for b in bits))


def opening_told(topic: str, actors: Sequence[frozenset[str]], openings: Mapping[str, str]) -> dict[str, bool]:
    """``_read_openings``' first half: per news report, whether its opening tells the topic's story."""
    return _read_openings(topic, actors, openings)[0]


def named_by_story(topic: str, actors: Sequence[frozenset[str]], openings: Mapping[str, str]) -> set[str]:
    """The reports (``openings``: doc id -> its title and lede) whose openings name the story's own names
    (``story_names`` of the best-told openings): a report of the story that tells it in its own words ("Kestrel
    Logistics managers plead not guilty" in a brief on "Taiwan GPU smuggling") names neither the topic's place nor
    its words, and is the story's report all the same."""
    return _read_openings(topic, actors, openings)[1]


def _read_openings(topic: str, actors: Sequence[frozenset[str]],
                   openings: Mapping[str, str]) -> tuple[dict[str, bool], set[str]]:
    """(per news report, whether its opening tells the topic's story; the reports named by the story's own names).
    Per news report (``openings``: doc id -> its title and lede), whether its opening tells the topic's story: it
    names the topic's subject (``story_subject``), or the topic's units (each actor, and each of its distinctive
    words that is none of their names) as fully as the best opening does, less one, in one of the topic's parts
    (``topic_parts``). A report of another story names the topic's actors and words in its body, in passing ("… makers
    in Japan …" in a report of China's gallium licences, in a brief on Japan's inspection-tool licences); its
    opening tells its own story. All True when no opening names the subject or more than one unit. A report's opening
    that names the story's own names (``story_names``: "Daon Energy" beside a "Korean battery technology leak") tells
    it; one that names none of the topic's actors and a place the best openings do not name tells another's story."""
    own = set().union(*actors) if actors else set()
    subject = story_subject(actors)
    units = []
    for part in topic_parts(topic):
        said = mentions(part)
        named = [a for a in actors if names_actor(a, said)]
        words = sorted(w for w in distinctive_terms(part) if w not in own)
        if named or words:
            units.append((named, words))
    if not units or not openings:
        return {d: True for d in openings}, set()
    count, lead = {}, {}
    st_of = {d: set(stems(text)) | city_places(text) for d, text in openings.items()}
    found_of = {d: mentions(text, st_of[d]) for d, text in openings.items()}
    for d in openings:
        st, found = st_of[d], found_of[d]
        lead[d] = subject is not None and names_actor(subject, found)
        count[d] = [sum(1 for a in named if names_actor(a, found)) + sum(1 for w in words if _tells(w, st))
                    for named, words in units]
    best = [max(c[k] for c in count.values()) for k in range(len(units))]
    if max(best) <= 1 and not any(lead.values()):
        return {d: True for d in openings}, set()
    # the story's own names: what the best-told openings' ledes name beyond the topic ("Daon Energy" in a brief on a
    # "Korean battery technology leak"): a later report of the story names them and tells the topic in its own words
    # ("Ex-Daon engineers deny cathode leak charges"). And a report whose opening names none of the topic's actors but
    # another place than the best openings name tells another country's story in the topic's vocabulary ("Japan urges
    # battery-material suppliers ... to prevent technology leaks" in that brief): it pads the brief, however many of the
    # topic's words it tells (s68's new users, s69)
    top = max(sum(c) for c in count.values())
    best_docs = [d for d, c in count.items() if sum(c) == top]
    names = story_names(actors, [openings[d] for d in best_docs], list(openings.values()))
    actor_named = {d: any(names_actor(a, f) for a in actors) for d, f in found_of.items()}
    story_named = {d: any(names_actor(a, f) for a in names) for d, f in found_of.items()}
    held = any(actor_named[d] for d in best_docs)
    seen = set(own).union(*(place_keys(st_of[d]) for d in best_docs))
    elsewhere = {d: bool(place_keys(st_of[d]) - seen) for d in openings}
    return ({d: lead[d] or story_named[d]
             or (any(n >= 1 and n >= b - 1 for n, b in zip(c, best)) and (actor_named[d] or not held or not elsewhere[d]))
             for d, c in count.items()}, {d for d, ok in story_named.items() if ok})


def story_names(actors: Sequence[frozenset[str]], openings: Sequence[str],
                texts: Sequence[str] = ()) -> list[frozenset[str]]:
    """The names the ledes of ``openings`` (each its title, a newline, its lede) give beyond the topic's ``actors``:
    no place and no name of general news vocabulary alone ("Energy" of "Daon Energy" names it only in the phrase).
    ``texts``: where the ledes' words are read as lower-case words or names (``actor_names.read_topic``)."""
    own = set().union(*actors) if actors else set()
    out: list[frozenset[str]] = []
    for opening in openings:
        lede = opening.split("\n", 1)[-1]
        for a in read_topic(lede, list(texts) or [lede]).names:
            if place_keys(set(a)) or a & own:
                continue
            kept = frozenset(n for n in a if " " in n or n not in _GENERAL_STEMS)
            if kept and kept not in out:
                out.append(kept)
    return out


def story_subject(actors: Sequence[frozenset[str]]) -> frozenset[str] | None:
    """A topic's subject: its first actor that is no place, else its first place (None without actors)."""
    return next((a for a in actors if not place_keys(set(a))), actors[0]) if actors else None


def topic_words_told(topic: str, actors: Sequence[frozenset[str]], doc_stems: Mapping[str, set[str]],
                     news: set[str] | None = None) -> dict[str, bool]:
    """Per document (``doc_stems``: doc id -> the stems of its title and sentences), whether it tells the story a
    named topic's own words name: its ``distinctive_terms`` that are none of its ``actors``' names ("trade-secret",
    "chipmaker" in "Taiwan trade-secret case against Chinese chipmaker"). With ``STORY_WORDS_MIN`` or more such words a
    document names as many as the best-covered document does, less one (the slack the actor test gives a topic of
    three or more names): the US Entity List report naming Taiwanese and Chinese firms is another story of the same
    actors. A hyphenated word is told by its parts ("trade secrets"). All True with fewer words: one word has
    synonyms a report may use instead ("objections" / "opposition"; measured on topics-news, evals/README s59),
    unless every actor of the topic is a place: a country is named by any story of it, so the topic's one own word
    (its act or object, "lithography" of "lithography servicing restrictions on China") is told by every report.

    A topic of several parts ("South Korea memory tool export licences and China's polysilicon probe",
    ``TOPIC_PARTS_RE``) is told part by part: each report tells one half of such a story, so a document names one
    part's words as fully as the best-covered document names that part's, less one, and at least one of them (s60:
    the report of Seoul's licences was set aside beside the report of Beijing's probe, which names both halves).

    ``news``: the documents that are news reports (None: all are). Only a news report is held to the best-covered
    report less one; an analysis, column or generated brief argues in its own words and need name only one of them,
    and none when no news report is among the evidence (the brief then rests on commentary alone: holding it to the
    words set aside the seed corpus's 2020 essay in its battery assessment and moved the generated brief's picks
    between sections, s59). A Korean column on chip smuggling naming Taiwan and China once each is not the Taiwan
    trade-secret case's commentary (s60)."""
    own = set().union(*actors) if actors else set()
    raw = topic_parts(topic)
    words_of = [sorted(w for w in distinctive_terms(part) if w not in own) for part in raw]
    parts = [p for p in words_of if p]
    # "and" between two things of one act is no half of a story: a part whose one word of its own ends it, joined to
    # a part that opens with a word of its own, is a thing the next part's act is of ("Chinese gallium and germanium
    # export controls": gallium's export controls too), and the story is told as a whole (s70's new user, F6: read
    # as "Chinese gallium" + "germanium export controls", any export-control report told the second half's "export"
    # as fully as the best less one). Not two actors ("NATO invites Finland and Sweden …"), not two halves of two
    # words or more ("North Korea's Covid-19 outbreak and Kim Jong Un's victory claim")

    def _edge(part: str, last: bool) -> set[str]:
        found = _WORD_RE.findall(part)
        return set(stems(found[-1 if last else 0])) if found else set()

    if len(parts) > 1 and any(len(w) == 1 and set(w) <= _edge(raw[i], True)
                              and _edge(raw[i + 1], False) & set(words_of[i + 1])
                              for i, w in enumerate(words_of[:-1])):
        parts = [sorted(set().union(*parts))]
    words = set().union(*parts) if parts else set()
    # a topic whose only actors are places ("lithography servicing restrictions on China") names a country any story
    # of it names: its one own word is its act or object, and a report must tell it (s65's new user, F1: the CAC's
    # review of a U.S. memory maker and a Chinese drone report were quoted and counted as "three independent on-topic
    # reports"). Not for a topic naming a person or an organisation: its names tell the story, and its one word has
    # synonyms a report may use ("objections" / "opposition", tn-037)
    placed = bool(actors) and all(place_keys(set(a)) for a in actors)
    if len(words) < (1 if placed else STORY_WORDS_MIN) or not doc_stems:
        return {d: True for d in doc_stems}

    def tells(word: str, st: set[str]) -> bool:
        bits = [b for b in word.split("-") if b]
        return word in st or (len(bits) > 1 and all(b in st for b in bits))

    count = {d: [sum(1 for w in p if tells(w, st)) for p in parts] for d, st in doc_stems.items()}
    reports = [d for d in count if news is None or d in news]
    best = [max((count[d][k] for d in reports), default=0) for k in range(len(parts))]
    if len(words) < STORY_WORDS_MIN and not any(best):  # a place-only topic's one word no report tells (reports say
        return {d: True for d in doc_stems}  # "military" for "militarily"): it tells no document apart

    # how many reports tell each word: a report may leave out one word, the story's commonest among the reports
    # (its sector's: "chip" in "Taiwan chip smuggling prosecutions"), never a rarer one, which is its act or object:
    # the US Entity List report names Taiwan and chips but tells no smuggling prosecution (s64's new user, F8). A word
    # that frames the story as a conflict ("dispute", data/frame_nouns.txt) is never its act: a later report of the
    # dispute that names only the licences stays (s65's new user, F16)
    told_by = {w: sum(1 for r in reports if tells(w, doc_stems[r])) for p in parts for w in p}

    def leaves_common(d: str) -> bool:
        missing = [w for p in parts for w in p if told_by[w] and not tells(w, doc_stems[d]) and w not in _FRAME_STEMS]
        return len(missing) <= 1 and all(told_by[w] == max(told_by.values()) for w in missing)

    # ... with three words or more (one fewer, as for actors), when a report does so; else (each report leaves out a
    # rarer word) the count decides, as before. With two words either may be left out: the Chinese chipmaker's denial
    # is of the trade-secret case
    by_rarity = len(parts) == 1 and len(words) >= 3 and any(leaves_common(r) for r in reports)
    # a topic of an act and a place ("antimony export controls and Japan", ``act_clauses``): the act's part is the
    # story and is told in full as the best report tells it; the place is the other part's
    whole_act = len(parts) == 1 and bool(act_clauses(topic, actors))

    def told(d: str) -> bool:
        if news is not None and d not in news:
            return sum(count[d]) >= 1 or not reports
        if by_rarity:
            return leaves_common(d)
        if whole_act:
            return count[d][0] >= best[0]
        if len(parts) == 1:
            return count[d][0] >= best[0] - (0 if len(words) == 1 else 1)
        return any(b >= 1 and n >= max(b - 1, 1) for n, b in zip(count[d], best))

    return {d: told(d) for d in count}


def _within(published: str, first: date, last: date) -> bool:
    """Whether a document published on ``published`` falls in the run [first, last] or less than STORY_GAP_DAYS
    outside it (True when its date cannot be read)."""
    day = iso_day(published)
    return day is None or (first - day).days < STORY_GAP_DAYS and (day - last).days < STORY_GAP_DAYS


def story_run(published: dict[str, str | None], meaning: dict[str, float],
              prefer: set[str] | frozenset[str] = frozenset()) -> tuple[date, date] | None:
    """(first day, last day) of the run of reports that holds the document closest in meaning to the topic, from
    each on-topic document's publication date (ISO; None when unknown) and its meaning; a run breaks where two
    consecutive reports are STORY_GAP_DAYS or more apart. ``prefer``: documents the run is anchored on when one of
    them is dated (the closest in meaning among them). None when no document is dated."""
    days = sorted((day, d) for d, iso in published.items() if (day := iso_day(iso)) is not None)
    if not days:
        return None
    runs: list[list[tuple[date, str]]] = [[days[0]]]
    for prev, cur in zip(days, days[1:]):
        if (cur[0] - prev[0]).days >= STORY_GAP_DAYS:
            runs.append([])
        runs[-1].append(cur)
    anchors = [d for _, d in days if d in prefer] or [d for _, d in days]
    best = max(anchors, key=lambda d: (meaning[d], d))
    run = next(r for r in runs if any(d == best for _, d in r))
    return run[0][0], run[-1][0]


#: a year named in text ("2019", "in 2026"); not a decade ("1990s") nor part of a code ("F-35", "ISO-2022")
_YEAR_RE = re.compile(r"(?<![\w-])(1[89]\d\d|20\d\d)(?![\w-])(?!s\b)")
#: a year written after a capitalised word is part of a name ("Made in China 2025", "Vision 2030", "Expo 2025"),
#: unless the word is a month, a possessive or a capitalised function word ("July 2019", "Japan's 2019 curbs",
#: "In 2010, ...")
_NAMED_YEAR_RE = re.compile(r"\b[A-Z][\w-]*\s+$")
#: a year after these is a point of comparison: "North Korea's first ICBM launch since 2017" is a story of 2022
_REFERENCE_YEAR_RE = re.compile(r"\b(?:since|until|till|before|after|by|than)\s+(?:(?:early|late|mid-?|the\s+end\s+of)\s*)?$",
                                re.I)
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                     "oct", "nov", "dec"})


def named_years(text: str) -> set[int]:
    """The years a text names as times ("Japan's 2019 export curbs" -> {2019}; "In July 2019, ..." -> {2019});
    a year that is part of a name ("Made in China 2025"), a decade ("the 1990s") or a point of comparison ("the first
    launch since 2017", "by 2030") is not one."""
    out: set[int] = set()
    for m in _YEAR_RE.finditer(text):
        before = _NAMED_YEAR_RE.search(text, 0, m.start())
        if before and (word := before.group().split()[0].lower()) not in _MONTHS and word not in STOPWORDS:
            continue
        if _REFERENCE_YEAR_RE.search(text, 0, m.start()):
            continue  # a point of comparison ("the first ICBM launch since 2017"), not the story's time
        out.add(int(m.group(1)))
    return out


def story_years(topic: str, run: tuple[date, date] | None) -> tuple[int, int] | None:
    """The story's time as (first year, last year): the years the topic names (``named_years``), else the years of
    the run of on-topic news reports (``story_run``); None when neither dates the story (a broad topic whose
    reports are undated, "Japan and China export controls")."""
    years = named_years(topic)
    if years:
        return min(years), max(years)
    return (run[0].year, run[1].year) if run is not None else None


def dates_story(years: tuple[int, int], published: Iterable[str | None], texts: Iterable[str]) -> bool | None:
    """Whether evidence dates a story to the ``years`` a topic names (``story_years``): True when a document is
    published within them (or the year after: a follow-up report) or a text (a quoted sentence or its paragraph)
    names one of them (``named_years``); False when the evidence is dated otherwise (a publication date or a named
    year, none of them the topic's: "China's 2024 export restrictions on Japanese firms" over a report of 2026-02-25
    and a 2020 essay); None when nothing in it is dated (an undated page naming no year neither supports nor
    contradicts the topic's year). ``published`` are ISO dates or None."""
    dated = False
    for iso in published:
        day = iso_day(iso)
        if day is not None:
            if years[0] <= day.year <= years[1] + 1:
                return True
            dated = True
    for text in texts:
        named = named_years(text)
        if any(years[0] <= y <= years[1] for y in named):
            return True
        dated = dated or bool(named)
    return False if dated else None


def topic_years(topic: str, run: tuple[date, date] | None, main: tuple[str | None, Sequence[str]] | None,
                on_topic: Iterable[tuple[str | None, Sequence[str]]]) -> tuple[int, int] | None:
    """The story's time a brief keeps to (``story_years``), unless the evidence contradicts the years the topic
    names: then the years of the run of on-topic reports (``story_run``), as for a topic naming none. ``main`` is
    the on-topic document closest in meaning to the topic and ``on_topic`` every on-topic document, each as (its
    publication date, the texts of its sentences that speak to the topic). The topic's years are contradicted when
    no on-topic document dates the story to them (``dates_story``) and the main one is dated otherwise: a wrong
    year in the topic ("China's 2024 export restrictions …" when the corpus reports them on 2026-02-25) must not
    set the story's own report aside as of another time; a topic whose evidence is undated keeps its years."""
    years = story_years(topic, run)
    if not named_years(topic) or years is None or main is None:
        return years
    if any(dates_story(years, [iso], texts) for iso, texts in on_topic):
        return years
    if dates_story(years, [main[0]], main[1]) is False:
        return (run[0].year, run[1].year) if run is not None else None
    return years


def fits_story_time(paragraph: str, published: str | None, years: tuple[int, int] | None) -> bool:
    """Whether a sentence, from its paragraph's text and its document's publication date (ISO or None), may speak
    of a story of ``years`` (``story_years``; None: any time fits). Its event time is the years its paragraph names
    (those up to its publication year: a later one is a forecast, "by 2030"), else its publication year. It fits
    when that time is not later than the year after the story's last (a follow-up report; an earlier year is the
    story's background); a document of the story's time fits whatever years it recalls; an undated sentence that
    names no year cannot be placed and fits. A digest of 2026 quoted in a brief on Japan's 2019 curbs on Korea,
    a paragraph naming no year of the story, is another story's."""
    if years is None:
        return True
    limit = years[1] + 1
    day = iso_day(published)
    if day is not None and day.year <= limit:
        return True
    named = {y for y in named_years(paragraph) if day is None or y <= day.year}
    if named:
        return min(named) <= limit
    return day is None


def other_time(topic: str, titles: Mapping[str, str], published: Mapping[str, str | None], meaning: Mapping[str, float],
               on_topic: Sequence[str], years: tuple[int, int] | None, news_run: tuple[date, date] | None) -> set[str]:
    """The on-topic documents of another story's time, when no dated news report times the story (``news_run`` is
    None: the story's reports are generated briefs or undated): from each document's publication date (ISO or None)
    and its ``meaning`` (``topical_documents``). With ``years`` (``story_years``: the years the topic names) a document
    published outside them (or the year after) is of another time; otherwise the story's time is the run
    (``story_run``, every dated on-topic document of any type) that holds the document closest in meaning, and a
    document outside it by STORY_GAP_DAYS or more is of another time: a 2020 essay on the US Entity List in a brief
    on China's 2026 restrictions on Japanese firms, a June digest in a brief on February's story. Such a document's
    sentences tell the story only when they name it themselves (the caller's ``names_the_story``); undated documents
    cannot be placed and are never of another time. A document whose title (``titles``) names the topic's words
    (``topic_stems``) as fully as the best title does, less one, is of the topic whatever its time: on a broad topic
    ("Japan and China export controls") the 2020 essay "How Japan should avoid becoming a loophole for technology
    leaks to China" is one of its stories, not another story. Empty when a news run exists (``topical_documents``
    has already kept to it) or nothing is dated."""
    if news_run is not None:
        return set()
    dated = {d: published.get(d) for d in on_topic if iso_day(published.get(d)) is not None}
    if years is not None:
        out = {d for d, iso in dated.items() if not years[0] <= iso_day(iso).year <= years[1] + 1}
    else:
        run = story_run(dated, {d: meaning[d] for d in dated})
        out = {d for d, iso in dated.items() if not _within(iso, *run)} if run is not None else set()
    words = topic_stems(topic)
    named = {d: len(words & set(stems(titles.get(d) or ""))) for d in on_topic}
    need = max(named.values(), default=0) - 1
    return {d for d in out if named[d] < need}


def topic_month(topic: str) -> str | None:
    """The month ("2022-03") a topic names absolutely ("March 2022"), or None."""
    return next((m.value for m in find_dates(topic) if m.precision == "month" and not m.relative), None)


def in_month(published: str | None, month: str | None) -> bool:
    """Whether a document published on ``published`` reports a story of ``month``: that month or the next one
    (True when either is unknown)."""
    if not published or not month or len(published) < 7:
        return True
    year, mon = int(month[:4]), int(month[5:7])
    following = f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"
    return published[:7] in (month, following)


def paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each non-blank line of ``text`` (a stored document's or a passage's paragraphs; offsets
    in characters of ``text``, the paragraph's whitespace collapsed)."""
    out, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((at, at + len(line), " ".join(line.split())))
        at += len(line) + 1
    return out


def lede(text: str) -> str:
    """A document's lede: its first paragraph of at least ``LEDE_MIN_WORDS`` words; "" when it has none."""
    return next((p for _, _, p in paragraphs(text) if len(p.split()) >= LEDE_MIN_WORDS), "")


def off_story_undated(topic: str, ledes: Mapping[str, str], evidence: Mapping[str, Sequence[str]],
                      embed: Callable[[list[str]], object]) -> dict[str, set[str]]:
    """Per undated report whose lede tells another story, the paragraphs of its evidence that do too: ``ledes`` maps
    each undated report's doc id to its lede (``lede`` of its stored text); ``evidence`` maps every evidence
    document's id to its passages' texts. Meaning is the cosine to the topic (through ``embed``: texts -> one vector
    each), and the cut is the relative one between documents, no new constant: more than ``DOC_GAP`` below the
    closest paragraph of the evidence. A report whose lede is of another story ("Japan yesterday said that it does
    not plan to retract … its stricter controls on high-tech exports to South Korea" in a brief on Japan's denial of
    cybersecurity approval to Chinese battery makers) tells the topic's story only in a paragraph that is itself
    within the cut: a page's appended related-story snippet ("UNRELENTING: China attempted cyberattacks on Taiwan's
    critical infrastructure …" in a brief on those attacks) stays; its other paragraphs are set aside. Empty when
    there is no lede or no paragraph to compare."""
    ledes = {d: p for d, p in ledes.items() if p}
    paras = {d: list(dict.fromkeys(p for text in texts for _, _, p in paragraphs(text))) for d, texts in evidence.items()}
    quoted = list(dict.fromkeys(p for ps in paras.values() for p in ps))
    if not ledes or not quoted:
        return {}
    mat = np.asarray(embed([topic] + quoted + list(ledes.values())), dtype=np.float64)
    mat /= np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-12)
    cos = mat[1:] @ mat[0]
    floor = float(cos[: len(quoted)].max()) - DOC_GAP
    of = dict(zip(quoted, (float(c) for c in cos[: len(quoted)])))
    off_lede = {d for d, c in zip(ledes, cos[len(quoted):]) if float(c) < floor}
    return {d: {p for p in paras.get(d, ()) if of[p] < floor} for d in off_lede}
