"""A story's salient terms: the words its on-topic reports share beyond the topic's own words (issue 10, key facts).

A brief's key facts are what several reports of the story state: the suspect's name, the region a missile flew
over, the distance it flew, what the protesters held up. The topic rarely names them, so relevance to the topic
does not rank them, and MMR alone fills a section with sentences that restate the topic in other words. This is
the classic topic-signature idea of extractive summarisation (Lin & Hovy 2000; SumBasic, Nenkova & Vanderwende
2005): a word that many of the story's documents use is salient, one that every sentence uses ("said") is not,
and once a quoted sentence has said a word, saying it again adds nothing.

``salience`` weighs each content stem by the share of on-topic documents that mention it (only stems two or more
of them share: one report's aside is not the story) and by how often the story's sentences repeat it; function
words and reporting verbs (``light_words.txt``) have no weight. ``novelty`` is the salience a sentence adds to
what the brief already says (the topic's own stems count as said). The writer scales it by the pool's largest
and adds it to MMR at NEW_FACT_BONUS (``section_picks``), so it breaks near-ties among on-topic sentences a
section accepts and never admits a sentence the on-topic and role tests refuse.
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

from rag.text.lexicon import word_set
from rag.writers.sentence_cues import STOPWORDS

__all__ = ["MIN_DOCS", "novelty", "salience"]

#: A stem is a story term when at least this many on-topic documents mention it (one report's aside is not the story).
MIN_DOCS = 2
_LIGHT = word_set("light_words")  # reporting verbs, hedges, relative time: no fact of their own


def _content(stem: str) -> bool:
    return len(stem) > 1 and stem not in STOPWORDS and stem not in _LIGHT


def salience(sentence_stems: Sequence[set[str]], doc_ids: Sequence[str], on_topic: Sequence[bool],
             said: Iterable[str] = ()) -> dict[str, float]:
    """stem -> weight > 0 from each candidate sentence's stems, document id and whether its document is on-topic
    (aligned sequences); ``said``: stems that never count (the topic's own words). Empty when fewer than
    MIN_DOCS documents are on-topic.

    weight = (share of on-topic documents naming it) x log(1 + on-topic sentences naming it): a term the story's
    reports share and repeat (SumBasic's word probability); only terms MIN_DOCS or more on-topic documents name."""
    docs: dict[str, set[str]] = {}
    repeats: dict[str, int] = {}
    skip = set(said)
    for st, d, ok in zip(sentence_stems, doc_ids, on_topic):
        if not ok:
            continue
        content = {s for s in st if _content(s) and s not in skip}
        docs.setdefault(d, set()).update(content)
        for s in content:
            repeats[s] = repeats.get(s, 0) + 1
    if len(docs) < MIN_DOCS:
        return {}
    df: dict[str, int] = {}
    for st in docs.values():
        for s in st:
            df[s] = df.get(s, 0) + 1
    return {s: (k / len(docs)) * math.log(1 + repeats[s]) for s, k in df.items() if k >= MIN_DOCS}


def novelty(stems: set[str], weights: dict[str, float], said: set[str]) -> float:
    """The salience a sentence with ``stems`` adds to what was ``said``: the summed weight of its story terms not
    yet said (concept coverage, as in Gillick & Favre 2009: a term counts once per brief, however often quoted)."""
    return sum(weights.get(s, 0.0) for s in stems if s not in said and _content(s))
