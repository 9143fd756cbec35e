"""The extractive writer's "terms" sections: entities and keyword tags taken from the evidence."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Sequence

from rag.templates import SectionSpec
from rag.text.block_lists import LIST_BULLET
from rag.text.datelines import dateline_end
from rag.text.dates import MONTHS
from rag.text.lexicon import table, word_set
from rag.text.places import names_a_region, place_mentions, place_of_word, places
from rag.text.tables import without_column_names
from rag.writers.attribution import is_place
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Scored
from rag.writers.measure_terms import measure_terms
from rag.writers.source_types import clean_publisher, credited_outlets
from rag.writers.key_terms import (ENTITY_NOISE, ENTITY_SECTION_RE, FINITE_VERBS, contains_words, names_in, ngrams, stem,
                                   word_classes)
from rag.writers.sentence_cues import STOPWORDS

#: Titles and roles ("Minister", "Secretary", "President"): a name list gives the holder, never the title alone.
TITLES = word_set("titles") | word_set("entity_titles")
#: Words of organisation names ("Motors", "Ministry", "Law"): a title word before them is part of the name
#: ("General Motors"), and a capitalized run of them alone may be a name ("Entity List").
ORG_WORDS = word_set("org_words")
_CONNECTORS = {"of", "for", "the", "de"}
#: Words that make a name a place or route ("Urumqi Road"): never one person's full name.
PLACE_FEATURES = word_set("place_features")
#: Words after which a noun-or-verb word is a verb ("to take", "will stay").
VERB_MARKERS = word_set("verb_markers")
#: Head words of names of periods and wars ("Cold War", "Meiji Era"): spans of history, not actors.
PERIOD_HEADS = word_set("period_heads")
_NUMERAL_RE = re.compile(r"(?:[IVX]+|\d+(?:st|nd|rd|th)?)")
#: A compass word alone ("the North" for North Korea, "the West") stands for a place named elsewhere: no entity.
COMPASS_WORDS = word_set("compass_words")
#: Acronyms that are ordinary vocabulary ("AI", "IC", "EV", "GDP"; the checker's expansions table): common nouns.
GENERIC_ACRONYMS = frozenset(table("generic_acronyms"))
#: The words most news articles use whatever their story (``evals/general_vocabulary.py``: in 3% or more of the
#: RealTime QA 2022 corpus's articles): a one-word tag among them ("measure", "approach", "government", "business")
#: names no theme of its story; a phrase with one ("trade measures", "national security") still may.
GENERAL_VOCABULARY = word_set("general_vocabulary")
# an acronym's plural ("TVs", "ICs", "OEMs"): a class of things, not one actor
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z]{2,}s")

__all__ = ["entity_terms", "is_general_word", "is_unit", "keyword_terms", "merge_own", "names_a_common_noun", "names_a_period",
           "own_list", "section_terms"]

#: a list item of more words than this is a sentence, not a name or a tag
_ITEM_MAX_WORDS = 8


def section_terms(spec: SectionSpec, scored: Scored, chosen: list[int], evidence: Sequence[EvidencePassage]) -> list[str]:
    """A "terms" section: entities or keyword tags from the chosen sentences and cited passages, each of
    which occurs verbatim in the evidence (case-insensitively), at most ``spec.max_items``."""
    # terms come from quotable sentences (not headings or boilerplate) of the passages the brief cites
    # ... and a table's values, not its column names, which every row repeats (``tables.without_column_names``)
    cited_chunks = {scored.cands[i].chunk_id for i in chosen}
    cited_texts = [without_column_names(c.text) for c in scored.cands if c.chunk_id in cited_chunks]
    passages = [without_column_names(t) for t in _passage_texts(scored)]
    if scored.topical is not None:  # a brief's tags are its story's: the sentences of its on-topic evidence
        story = [bool(x) for x in scored.topical]
        story_texts = [without_column_names(c.text) for c, ok in zip(scored.cands, story) if ok and c.chunk_id in cited_chunks]
        story_passages = [without_column_names(t) for t in _passage_texts(scored, story)]
    else:
        story_texts, story_passages = cited_texts, passages
    all_low = "\n".join(ep.chunk.text for ep in evidence).lower()
    selected = [without_column_names(scored.cands[i].text) for i in chosen]
    # the on-topic sources the brief quotes: their own lists of the story's actors and themes come first
    own_docs = [d for d in dict.fromkeys(scored.cands[i].doc_id for i in chosen)
                if scored.topical is None or any(ok and c.doc_id == d for c, ok in zip(scored.cands, scored.topical))]
    if ENTITY_SECTION_RE.search(spec.name) or ENTITY_SECTION_RE.search(spec.description):
        outlets = _outlets(evidence)
        # names from the on-topic evidence (a cited passage's sentence of another story names that story's actors)
        named = story_texts if scored.topical is not None else cited_texts
        computed = entity_terms(selected, named, [without_column_names(c.text) for c in scored.cands],
                                spec.max_items + len(outlets))
        terms = [t for t in merge_own("entities", own_list(_doc_texts(evidence, own_docs), "entities"), computed,
                                      spec.max_items + len(outlets)) if t.lower() not in outlets]
    else:
        # the source's own tags, then the story's measure and the items it covers first, even when said once
        # (``measure_terms``), then the themes the evidence returns to
        measured = [t for t in measure_terms(story_texts, spec.max_items * 3 // 4) if " " in t or not is_general_word(t.lower())]
        terms = _merged(own_list(_doc_texts(evidence, own_docs), "tags"), measured + [
            t for t in keyword_terms(selected, story_texts, story_passages, spec.max_items)
            if not any(contains_words(t.lower(), m.lower()) or contains_words(m.lower(), t.lower()) for m in measured)])
    out: list[str] = []
    for t in terms:
        if t.lower() in all_low and t.lower() not in {o.lower() for o in out}:
            out.append(t)
        if len(out) >= spec.max_items:
            break
    return out

def _merged(first: list[str], then: list[str]) -> list[str]:
    """``first`` then the terms of ``then`` that neither contains nor is contained in one of them ("Mitsubishi
    Heavy Industries" listed: "Mitsubishi" is not added again), a place excepted (``attribution.is_place``)."""
    lows = [f.lower() for f in first]
    return first + [t for t in then if t.lower() not in lows and (is_place(t) or not any(
        contains_words(t.lower(), f) or contains_words(f, t.lower()) for f in lows))]



def _doc_texts(evidence: Sequence[EvidencePassage], docs: Sequence[str]) -> list[str]:
    """The evidence's text of each of ``docs``, in order: its runs of adjacent passages (``source_structure.segments``)."""
    from rag.writers.source_structure import segments  # source_structure imports the writers this module serves

    segs = segments(evidence)
    return [seg.text for d in docs for seg in segs if seg.doc_id == d]


def _list_heading(line: str) -> str:
    """A heading line as ``own_lists.toml`` matches it: lower case, numbering, bullets, Markdown marks, closing colon
    dropped; "" for a line that is no heading (closing punctuation, or too long)."""
    body = re.sub(r"^[\s#*_\-•·▪◦\d.)(]+", "", line).strip().rstrip(":").strip(" *_").lower()
    return body if body and len(body.split()) <= 8 and body[-1] not in ".!?;," else ""


def own_list(texts: Sequence[str], kind: str) -> list[str]:
    """The items of the lists ``texts`` (on-topic documents' texts, in order) give themselves under a heading of
    ``kind`` (``own_lists.toml``: "entities" for "6. Key Individuals and Entities", "tags" for "7. Thematic Tags"):
    the bulleted lines under the heading, or its one line of comma-, semicolon- or "·"-separated items, up to the
    next heading or prose line. Items of more than ``_ITEM_MAX_WORDS`` words (sentences) are left out; each item
    once, in the sources' order, as written (each occurs verbatim in its text)."""
    patterns = [re.compile(p, re.I) for p in table("own_lists")[kind]]
    out: list[str] = []
    for text in texts:
        lines = text.split("\n")
        for n, line in enumerate(lines):
            label, sep, rest = line.partition(":")
            inline = [i.strip() for i in re.split(r"\s*[,;·]\s*", rest.strip())] if sep and rest.strip() else []
            if (len(inline) >= 2 and all(len(i.split()) <= _ITEM_MAX_WORDS for i in inline)
                    and any(p.fullmatch(_list_heading(label)) for p in patterns)):
                out += [i.rstrip(".") for i in inline if i and len(i.split()) <= _ITEM_MAX_WORDS]
                continue  # "Keywords: chips; export controls; Nexperia": the list on its heading's line
            key = _list_heading(line)
            if not key or not any(p.fullmatch(key) for p in patterns):
                continue
            mark = None  # the list's kind of bullet: a numbered line under a "•" list is the next section's heading
            for item_line in lines[n + 1:]:
                if not item_line.strip():
                    continue
                bullet = LIST_BULLET.match(item_line)
                bulleted = bool(bullet)
                kind_of = bullet.group(0).strip()[:1].isdigit() if bullet else None
                mark = kind_of if mark is None else mark
                body = LIST_BULLET.sub("", item_line).strip()
                if (not bulleted or kind_of != mark) and _list_heading(item_line) and not re.search(r"[,;·]", body):
                    break  # the next heading
                items = [body] if bulleted else [i.strip() for i in re.split(r"\s*[,;·]\s*", body)]
                if not bulleted and (len(items) < 2 or any(len(i.split()) > _ITEM_MAX_WORDS for i in items)):
                    break  # prose after the heading, not a list
                out += [i.rstrip(".") for i in items if i and len(i.split()) <= _ITEM_MAX_WORDS]
                if not bulleted:
                    break  # one separated line is the whole list
    return list(dict.fromkeys(out))


def merge_own(kind: str, own: Sequence[str], terms: Sequence[str], limit: int) -> list[str]:
    """A terms section with a source's own list first (``own_list``; "entities": each item by its holder's name,
    "Japanese Deputy Chief Cabinet Secretary Sato Kei" -> "Sato Kei", a demonym or region alone left out), then
    ``terms`` that neither contain nor are contained in one of them; at most ``limit``."""
    if kind == "entities":
        own = [t for t in dict.fromkeys(holder(n) or n for n in own) if not _place_only(t)]
    return _merged(list(own), list(terms))[:limit]


def _outlets(evidence: Sequence[EvidencePassage]) -> set[str]:
    """The outlets of the evidence, lower case: its documents' publishers and the outlets a passage credits as a
    report's origin (``source_types.credited_outlets``: "reported ... by Nikkei Asia", "The update comes from Kyodo
    News"). They are the story's sources, not its actors: a brief's entities leave them out."""
    out: set[str] = set()
    for ep in evidence:
        if ep.chunk.publisher:
            out.add(clean_publisher(ep.chunk.publisher).lower())
        out.update(n.lower() for n in credited_outlets(ep.chunk.text))
    return out


def _passage_texts(scored: Scored, keep: Sequence[bool] | None = None) -> list[str]:
    """Per passage, the text of its candidate sentences (those ``keep`` marks, aligned; all by default) with each
    character counted once: a dependent sentence quoted with its context overlaps the context's own candidate, and a
    phrase of that one sentence ("the global stage") would otherwise count as one the evidence returns to."""
    by_chunk: dict[str, list[str]] = {}
    end: dict[str, int] = {}
    kept = [c for k, c in enumerate(scored.cands) if keep is None or keep[k]]
    for c in sorted(kept, key=lambda c: (c.chunk_id, c.local_start, c.local_end)):
        start = max(c.local_start, end.get(c.chunk_id, 0))
        if start < c.local_end:
            by_chunk.setdefault(c.chunk_id, []).append(" ".join(c.passage.chunk.text[start:c.local_end].split()))
        end[c.chunk_id] = max(end.get(c.chunk_id, 0), c.local_end)
    return [" ".join(v) for v in by_chunk.values()]


def holder(name: str) -> str | None:
    """The name a titled run names: "President Trump" -> "Trump", "Japanese Prime Minister Shinzo Abe" ->
    "Shinzo Abe", "Secretary of State Antony Blinken" -> "Antony Blinken"; None for a title without its holder
    ("Secretary of Commerce", "US Secretary of Commerce", "Prime Minister"); the name itself when it has no title
    or the title word belongs to an organisation's name ("General Motors")."""
    words = name.split()
    titled = [i for i, w in enumerate(words) if w.lower().strip(".") in TITLES]
    if not titled:
        return name
    rest = words[titled[-1] + 1:]
    if rest and rest[0].lower() in _CONNECTORS:
        # the title's department ("of Commerce", "for the Economy", "of Economy, Trade and Industry") is one
        # capitalized word after the connectors, or a list of them ending "and X"
        while rest and rest[0].lower() in _CONNECTORS:
            rest = rest[1:]
        ands = [i for i, w in enumerate(rest) if w == "and"]
        rest = rest[ands[0] + 2:] if ands and all(w.endswith(",") for w in rest[: ands[0] - 1]) else rest[1:]
    if not rest:
        return None
    if any(w.lower() in ORG_WORDS for w in rest):
        return name
    return " ".join(rest)


def _heading_spans(text: str, lower_words: set[str]) -> list[tuple[int, int]]:
    """Character spans of title-cased or upper-case headings inside ``text`` (a report title quoted in a sentence,
    a section label): four or more capitalized words with only function words between them, two or more of
    them common words that are not organisation words ("If China Attacks Taiwan: The Consequences for China of
    Minor Conflict"). Capitalized runs there are a title's words, not names."""
    spans = []
    tokens = list(re.finditer(r"[\w’'\-]+", text))
    i = 0
    while i < len(tokens):
        j, caps, common, shouted, last = i, 0, 0, True, i
        while j < len(tokens):
            if j > i and re.search(r"[.!?]\s", text[tokens[j - 1].end(): tokens[j].start()] + " "):
                break  # a heading ends with its sentence
            w = tokens[j].group(0)
            low = re.sub(r"[’']s$", "", w).lower()
            if low in STOPWORDS or w.isdigit():
                j += 1
                continue
            if not w[:1].isupper():
                break
            caps, last = caps + 1, j
            shouted = shouted and w.isupper() and len(w) > 4
            if low in lower_words and not w.isupper() and low not in ORG_WORDS and place_of_word(w) is None:
                common += 1
            j += 1
        if (caps >= 4 and common >= 2) or (caps >= 2 and shouted):
            spans.append((tokens[i].start(), tokens[last].end()))
        i = max(j, i + 1)
    return spans


def names_a_period(name: str) -> bool:
    """Whether a capitalized name names a span of history, not an actor: its head word (the word before its first
    "of", else its last word before a numeral) is a period word ("Cold War", "World War II", "War of 1812", "Meiji
    Era", "Great Depression"; not "Ministry of War", "Institute for the Study of War", "War Department")."""
    words = re.sub(r"[’']s$", "", name.strip()).split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    while len(words) > 1 and _NUMERAL_RE.fullmatch(words[-1]):
        words = words[:-1]
    return bool(words) and words[-1].lower().strip(".,") in PERIOD_HEADS


def names_a_common_noun(name: str) -> bool:
    """Whether a one-word capitalized name is a common noun in capitals or a bare direction, not an actor: an acronym
    of ordinary vocabulary ("AI", "ICs", "EVs"), any acronym's plural ("TVs", "OEMs"), a compass word alone ("North"
    in "sanctions against the North")."""
    if " " in name:
        return False
    low = name.lower()
    return (low in GENERIC_ACRONYMS or _PLURAL_ACRONYM_RE.fullmatch(name) is not None
            or (low in COMPASS_WORDS and name[:1].isupper()))


def _place_only(name: str) -> bool:
    """A demonym or capital however many words ("Japanese", "South Korean"), or places joined as a modifier
    ("US-China"): not an entity of its own; the country, named as a country, is."""
    mentions = place_mentions(name)
    if len(mentions) == 1:
        m = mentions[0]
        return m.start == 0 and m.end == len(name) and m.kind != "names"
    leftover = name
    for m in sorted(mentions, key=lambda m: -m.start):
        leftover = leftover[: m.start] + leftover[m.end:]
    return len(mentions) > 1 and "-" in name and re.fullmatch(r"[\s\-–/]*", leftover) is not None


def entity_terms(selected: list[str], cited: list[str], candidates: list[str], limit: int) -> list[str]:
    """Whole names (people, organisations, places) ranked by where they occur: a person by name, not by title
    (a title without its holder is no entity); demonyms, one-off capitals and the words of quoted titles skipped."""
    lower_words: set[str] = set()  # words seen in lower case: common nouns, not names
    for text in candidates:
        lower_words.update(w for w in re.findall(r"[a-z][a-z\-]+", text))

    def names(text: str) -> list[tuple[str, bool]]:
        spans = _heading_spans(text, lower_words)
        # a sentence's opening dateline ("SINGAPORE, Oct 8 (Straits Wire) - ") is furniture a brief quotes: its
        # place, date and outlet are not the story's actors
        spans.append((0, dateline_end(text)))
        out = []
        for name, initial in names_in(text):
            at = text.find(name)
            if any(a <= at and at + len(name) <= b for a, b in spans):
                continue
            lead = re.match(r"(\S+)\s+(?:of|for|de)\s+(?:the\s+)?", name)
            if initial and lead and lead.group(1).lower() in lower_words:
                # "Hundreds of Shanghai residents": a sentence's first word joined through "of" is a common word
                name, initial = name[lead.end():], False
            out.append((name, initial))
        return out

    mid_sentence: set[str] = set()  # names seen capitalized inside a sentence somewhere
    for text in candidates:
        for name, initial in names(text):
            if not initial:
                mid_sentence.add(name)
    score: Counter = Counter()
    first_seen: dict[str, int] = {}
    order = 0
    for weight, texts in ((3.0, selected), (1.0, cited)):
        for text in texts:
            for raw, initial in names(text):
                name = holder(raw)
                if name is None:
                    continue  # "Secretary of Commerce": a title without its holder
                if name != raw:
                    initial = False  # a holder after a title is mid-sentence
                words = name.split()
                if len(words) == 1 and (name.lower() in STOPWORDS or name.lower() in ENTITY_NOISE or len(name) < 2
                                        or name.lower().rstrip(".") in MONTHS):  # "Oct" of "on Oct. 8": a date's month
                    continue
                hit = place_of_word(name) if len(words) == 1 else None
                if hit is not None and hit[1] == "demonyms":
                    # "Chinese storage battery makers": the actor named is China (capitalised wherever it stands)
                    name, initial = places()[hit[0]].name, False
                elif hit is not None and hit[1] != "names":
                    continue  # a capital ("Tokyo said") is no entity of its own; the country is named where it acts
                if _place_only(name):
                    continue  # "South Korean", "US-China"
                if names_a_period(name):
                    continue  # "Cold War", "World War II": a span of history is not an actor
                if names_a_region(name):
                    continue  # "East Asia", "the Indo-Pacific", "the South China Sea": where, not who
                if names_a_common_noun(name):
                    continue  # "AI", "TVs", "the North": a thing's common name or a direction, not an actor
                if len(words) == 1 and name.lower() in ORG_WORDS:
                    continue  # "the Ministry", "the Agency": an organisation's head noun alone names none of them
                if len(words) == 1 and name.lower() in FINITE_VERBS:
                    continue  # "Made" of "Made in China 2025": a verb is no name
                if len(words) == 1 and (
                    (initial and name not in mid_sentence) or (name.lower() in lower_words and not name.isupper())
                ):
                    continue
                if sum(w[:1].isupper() for w in words) > 6:
                    continue  # a run of capitals, not a name; its connectors do not count ("Ministry of Trade, Industry and Energy")
                score[name] += weight * (1.0 + 0.3 * (len(words) > 1))
                if name not in first_seen:
                    first_seen[name] = order
                    order += 1
    ranked = sorted(score, key=lambda n: (-score[n], first_seen[n], n))
    out: list[str] = []
    for name in ranked:
        low = name.lower()
        # skip a name that is part of a longer one already listed for the same person or organisation (keep
        # "Yoshihide Suga", drop "Suga"; keep "Huawei Technologies", drop "Huawei"); a place stays beside the
        # street, strait or coast guard named after it ("Urumqi" and "Urumqi Road")
        if any(contains_words(o.lower(), low) and (_same_person(name, o, lower_words) or _org_of(name, o)) for o in out):
            continue
        # a person listed by surname first is the same person as the full name ranked lower: list them once, by
        # the full name, where the surname stood ("Pelosi" then "Nancy Pelosi" is "Nancy Pelosi")
        short = next((k for k, o in enumerate(out) if _same_person(o, name, lower_words)), None)
        if short is not None:
            out[short] = name
            continue
        out.append(name)
        if len(out) >= 2 * limit:
            break
    return out


def _org_of(short: str, full: str) -> bool:
    """Whether ``full`` is ``short`` with organisation words after it ("Huawei Technologies" of "Huawei")."""
    rest = full[len(short):].split() if full.startswith(short + " ") else []
    return bool(rest) and place_of_word(short) is None and all(w.lower() in ORG_WORDS for w in rest)


def _same_person(short: str, full: str, lower_words: set[str]) -> bool:
    """Whether one-word ``short`` is the first or last word of the 2-4 word personal name ``full`` ("Biden", "Joe
    Biden"; "Xi", "Xi Jinping"); not a place or organisation inside a longer name ("China", "China Coast Guard"),
    nor a place with a common word ("Urumqi Road": ``lower_words``, the words the evidence writes in lower case)."""
    words = full.split()
    if " " in short or not 2 <= len(words) <= 4 or short not in (words[0], words[-1]):
        return False
    if place_of_word(short) is not None or place_mentions(full):
        return False
    return not any(w.lower() in ORG_WORDS or w.lower() in TITLES or w.lower() in lower_words or w.lower() in _CONNECTORS
                   or w.lower() in PLACE_FEATURES for w in words)

def keyword_terms(selected: list[str], cited: list[str], passages: list[str], limit: int) -> list[str]:
    """Noun-phrase tags (1-3 words) the evidence returns to, ranked by tf-idf; a one-word tag must name a theme
    (``names_a_theme``) and not be general news vocabulary (``GENERAL_VOCABULARY``)."""
    df: Counter = Counter()
    total: Counter = Counter()
    for text in passages:
        grams = [g.lower() for g in ngrams(text)]
        df.update(set(grams))
        total.update(grams)
    n_docs = max(len(passages), 1)
    tf: Counter = Counter()
    surface: dict[str, str] = {}
    for weight, texts in ((3.0, selected), (1.0, cited)):
        for text in texts:
            for g in ngrams(text):
                low = g.lower()
                tf[low] += weight
                if low not in surface or (surface[low][0].isupper() and not g[0].isupper()):
                    surface[low] = g
    scores: dict[str, float] = {}
    for low, f in tf.items():
        n = low.count(" ") + 1
        if total[low] < (3 if n == 1 else 2):
            continue  # a tag is a theme the evidence returns to
        idf = math.log(1.0 + n_docs / (1.0 + df[low]))
        scores[low] = f * idf * (1.0 + 0.6 * (n - 1))
    ranked = sorted(scores, key=lambda g: (-round(scores[g], 9), g))
    text_low = " ".join(" ".join(p.split()) for p in passages).lower()
    out: list[str] = []
    for low in ranked:
        shorter = next((k for k, o in enumerate(out) if low != o.lower() and contains_words(low, o.lower())), None)
        if shorter is not None and " " in out[shorter] and len(low.split()) > len(out[shorter].split()) and total[low] >= 2 \
                and not is_actor_phrase(surface[low]):
            out[shorter] = surface[low]  # the evidence says the longer term too: "storage battery makers" over "battery makers"
            continue
        if any(contains_words(low, o.lower()) or contains_words(o.lower(), low) for o in out):
            continue
        if " " not in low and (is_general_word(low) or not names_a_theme(low, text_low) or is_unit(low, text_low)):
            continue  # one word every news story uses ("measure", "launches") or a unit ("kilometers") names no theme alone
        if all(w[:1].isupper() for w in surface[low].split()):
            continue  # a name ("South Korea", "Japanese") or a window of one ("South Korean Ministry" of "... of
            # Foreign Affairs") is an actor, which the entities list, not a theme
        if is_actor_phrase(surface[low]):
            continue  # "Chinese government", "Japanese companies": a group of actors, not a theme
        if low.split()[-1] in TITLES:
            continue  # a title ("associate professor", "foreign minister") names a person's office, not a theme
        if any(_stems(low) == _stems(o) for o in out):
            continue  # "semiconductor" after "semiconductors": one tag
        # two windows of one longer term ("Chinese storage battery" + "storage battery makers") are that term,
        # when the evidence says it whole ("Chinese storage battery makers")
        joined = next(((k, m) for k, o in enumerate(out) if (m := _overlap(o, surface[low])) and contains_words(text_low, m.lower())),
                      None)
        if joined is not None:
            out[joined[0]] = joined[1]
            continue
        out.append(surface[low])
        if len(out) >= 2 * limit:
            break
    # "global tech" of "global tech supply chain", "global tech leadership": a window cut short (read once windows
    # are joined: "Chinese storage battery" is cut short until "storage battery makers" completes it)
    return [t for t in out if " " not in t or not modifies_next(t.lower(), text_low)]


COLLECTIVE_NOUNS = word_set("collective_nouns")


def is_actor_phrase(tag: str) -> bool:
    """Whether a tag is capitalised nationality or place words and an organisation or group noun ("Chinese
    government", "Japanese companies", "South Korean companies"): an actor, which the entities list. A tag with a
    common noun before the group ("Chinese storage battery makers") names a theme."""
    words = tag.split()
    return (len(words) >= 2 and all(w[:1].isupper() for w in words[:-1])
            and words[-1].lower() in ORG_WORDS | COLLECTIVE_NOUNS)


def modifies_next(phrase: str, text_low: str) -> bool:
    """Whether a multi-word tag (lower case) is mostly followed in the evidence (``text_low``) by a noun it modifies
    ("global tech supply chain", "global tech leadership"): a window of longer terms, not a theme alone. A verb after
    it ("trade measures cover", "makers said") is the tag used as a subject: a theme."""
    uses = [m.groups() for m in re.finditer(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])(?:\s+(\w+)(?:\s+(\w+))?)?", text_low)]

    def noun(w: str | None) -> bool:
        return bool(w) and w not in STOPWORDS and w not in VERB_MARKERS and "NOUN" in word_classes(w)

    # a word that can be a verb ("exports rose.") modifies only when a noun follows it too ("supply chain")
    modified = sum(1 for f, g in uses if noun(f) and ("VERB" not in word_classes(f) or noun(g)))
    return bool(uses) and modified * 2 > len(uses)


def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in phrase.lower().split())


def is_general_word(word: str) -> bool:
    """Whether one word, or the word it is a regular plural or third-person form of ("launches" of "launch",
    "controls" of "control"), is general news vocabulary (``GENERAL_VOCABULARY`` counts each form apart)."""
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    return bool(forms & GENERAL_VOCABULARY)


#: a number as written before its unit ("4,600", "1.5", "20")
_NUMBER_BEFORE = re.compile(r"^\d[\d,.]*$")


def is_unit(word: str, text_low: str) -> bool:
    """Whether one-word tag ``word`` is a unit of measure in the evidence (``text_low``, lower case): most of its uses
    follow a number ("4,600 kilometers", "1,000 kilometers (621 miles)"): it measures, it names no theme."""
    uses = [m.group(1) for m in re.finditer(rf"(?:(\S+)\s+)?(?<![\w-]){re.escape(word)}(?![\w-])", text_low)]
    return bool(uses) and sum(1 for p in uses if p and _NUMBER_BEFORE.match(p.strip("(")) ) * 2 > len(uses)


def names_a_theme(word: str, text_low: str) -> bool:
    """Whether one-word tag ``word`` is used in the evidence (``text_low``, lower case) as a noun that names something
    alone: not mostly as a modifier of the next word when it can be an adjective ("major companies", "joint
    venture"), not mostly as a verb when it can be one ("to take", "will stay"), and not only inside "the X of"
    ("in the wake of")."""
    classes = word_classes(word)
    uses = list(re.finditer(rf"(?:(\w+)\s+)?(?<![\w-]){re.escape(word)}(?![\w-])(?:\s+(\w+))?", text_low))
    if not uses or not classes:
        return True
    previous = [m.group(1) for m in uses]
    following = [m.group(2) for m in uses]
    if "ADJ" in classes:
        modifier = sum(1 for f in following if f and f not in STOPWORDS and f not in VERB_MARKERS)
        if modifier * 2 > len(uses):
            return False
    if "VERB" in classes and sum(1 for p in previous if p in VERB_MARKERS) * 2 >= len(uses):
        return False
    if all(p == "the" and f == "of" for p, f in zip(previous, following)):
        return False
    return True


def _overlap(a: str, b: str) -> str | None:
    """The phrase of at most four words that ``a`` and ``b`` are two windows of, sharing two or more words
    ("Chinese storage battery", "storage battery makers" -> "Chinese storage battery makers"), else None."""
    wa, wb = a.split(), b.split()
    for first, second in ((wa, wb), (wb, wa)):
        for k in range(min(len(first), len(second)) - 1, 1, -1):
            if [w.lower() for w in first[-k:]] == [w.lower() for w in second[:k]] and len(first) + len(second) - k <= 4:
                return " ".join(first + second[k:])
    return None
