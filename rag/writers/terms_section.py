"""The extractive writer's "terms" sections: entities and keyword tags taken from the evidence."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Sequence

from rag.templates import SectionSpec
from rag.text.places import place_of_word
from rag.writers.base import EvidencePassage
from rag.writers.candidates import Scored
from rag.writers.key_terms import ENTITY_NOISE, ENTITY_SECTION_RE, contains_words, entities, ngrams
from rag.writers.sentence_cues import STOPWORDS

__all__ = ["entity_terms", "keyword_terms", "section_terms"]


def section_terms(spec: SectionSpec, scored: Scored, chosen: list[int], evidence: Sequence[EvidencePassage]) -> list[str]:
    """A "terms" section: entities or keyword tags from the chosen sentences and cited passages, each of
    which occurs verbatim in the evidence (case-insensitively), at most ``spec.max_items``."""
    # terms come from quotable sentences (not headings or boilerplate) of the passages the brief cites
    cited_chunks = {scored.cands[i].chunk_id for i in chosen}
    cited_texts = [c.text for c in scored.cands if c.chunk_id in cited_chunks]
    by_chunk: dict[str, list[str]] = {}
    for c in scored.cands:
        by_chunk.setdefault(c.chunk_id, []).append(c.text)
    passages = [" ".join(v) for v in by_chunk.values()]
    all_low = "\n".join(ep.chunk.text for ep in evidence).lower()
    selected = [scored.cands[i].text for i in chosen]
    if ENTITY_SECTION_RE.search(spec.name) or ENTITY_SECTION_RE.search(spec.description):
        terms = entity_terms(selected, cited_texts, [c.text for c in scored.cands], spec.max_items)
    else:
        terms = keyword_terms(selected, cited_texts, passages, spec.max_items)
    out: list[str] = []
    for t in terms:
        if t.lower() in all_low and t.lower() not in {o.lower() for o in out}:
            out.append(t)
        if len(out) >= spec.max_items:
            break
    return out

def entity_terms(selected: list[str], cited: list[str], candidates: list[str], limit: int) -> list[str]:
    """Names (people, organisations, places) ranked by where they occur; demonyms and one-off capitals skipped."""
    mid_sentence: set[str] = set()  # names seen capitalized inside a sentence somewhere
    lower_words: set[str] = set()  # words seen in lower case: common nouns, not names
    for text in candidates:
        lower_words.update(w for w in re.findall(r"[a-z][a-z\-]+", text))
        for name, initial in entities(text):
            if not initial:
                mid_sentence.add(name)
    score: Counter = Counter()
    first_seen: dict[str, int] = {}
    order = 0
    for weight, texts in ((3.0, selected), (1.0, cited)):
        for text in texts:
            for name, initial in entities(text):
                words = name.split()
                if len(words) == 1 and (name.lower() in STOPWORDS or name.lower() in ENTITY_NOISE or len(name) < 2):
                    continue
                hit = place_of_word(name) if len(words) == 1 else None
                if hit is not None and hit[1] != "names":
                    continue  # a demonym ("Japanese") or a capital is not an entity; the country is

                if len(words) == 1 and (
                    (initial and name not in mid_sentence) or (name.lower() in lower_words and not name.isupper())
                ):
                    continue
                if len(words) > 6:
                    continue
                score[name] += weight * (1.0 + 0.3 * (len(words) > 1))
                if name not in first_seen:
                    first_seen[name] = order
                    order += 1
    ranked = sorted(score, key=lambda n: (-score[n], first_seen[n], n))
    out: list[str] = []
    for name in ranked:
        low = name.lower()
        # skip a name that is part of a longer one already listed (keep "Yoshihide Suga", drop "Suga")
        if any(contains_words(o.lower(), low) for o in out):
            continue
        out.append(name)
        if len(out) >= 2 * limit:
            break
    return out

def keyword_terms(selected: list[str], cited: list[str], passages: list[str], limit: int) -> list[str]:
    """Noun-phrase tags (1-3 words) the evidence returns to, ranked by tf-idf."""
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
        proper = all(w[0].isupper() for w in surface[low].split())
        # a tag names a theme; names of countries and people belong to the entities
        scores[low] = f * idf * (1.0 + 0.6 * (n - 1)) * (0.4 if proper else 1.0)
    ranked = sorted(scores, key=lambda g: (-round(scores[g], 9), g))
    out: list[str] = []
    for low in ranked:
        if any(contains_words(low, o.lower()) or contains_words(o.lower(), low) for o in out):
            continue
        out.append(surface[low])
        if len(out) >= 2 * limit:
            break
    return out
