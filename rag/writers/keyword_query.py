"""Keyword queries ("chips", "export controls", "Korea"): a few words that name a topic without asking a question.

The writer's relevance floor (``ExtractiveWriter.abstain_threshold``, a cosine between the query's and a sentence's
MiniLM vectors) is calibrated on questions and topic phrases. A bare keyword's vector sits far from any sentence's,
even one about it ("chips" against "The scope of China's chip smuggling case ..." is 0.33 under a floor of 0.35,
while "Bitcoin" reaches 0.36 against a sentence on digital currency), so for a keyword query the cosine cannot tell
covered from not covered. What can is the words themselves: the corpus covers a keyword query when one candidate
sentence (with its neighbour) holds every one of its key terms; "quantum radar" finds "radars" alone and abstains.
An answer quotes no title as a sentence, so a report headlined "… over chip smuggling networks" whose body names the
two words in different sentences covers "chip smuggling" by its title (``titled_by_terms``), and its own sentences
lead the answer (``keyword_leads``' ``titled``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np

from rag.ranking import question_core
from rag.writers.abstention_text import is_question
from rag.writers.key_terms import coverage, key_terms, stems
from rag.writers.sentence_cues import is_label

__all__ = ["FULL_COVERAGE", "KEYWORD_MAX_WORDS", "covered_by_terms", "holds_every_term", "keyword_core", "keyword_leads", "keyword_of",
           "keyword_query", "title_holds_terms", "titled_by_terms"]

KEYWORD_MAX_WORDS = 4  # "chip smuggling in China" is still a topic's name; longer text is a phrase or a question
#: key-term coverage is a weighted share in [0, 1]: at least this, every term occurs (also ``answering``'s bar)
FULL_COVERAGE = 1.0 - 1e-9


def keyword_core(text: str) -> str:
    """What a query names once its framing is dropped: the query scaffolding (``data/query_scaffolding.txt``: "what
    about", "tell me about") and closing punctuation ("chips?", "chips.", "What about chips?" -> "chips")."""
    return question_core(" ".join(text.split())).strip().rstrip("?!.…:;,").strip()


def keyword_of(text: str) -> str | None:
    """The keyword query ``text`` names (:func:`keyword_core`: "What about chips?" -> "chips"), or None when ``text``
    is not one (see :func:`keyword_query`)."""
    core = keyword_core(text)
    words = core.split()
    return core if 0 < len(words) <= KEYWORD_MAX_WORDS and not is_question(core) else None


def keyword_query(text: str) -> bool:
    """Whether ``text`` is a keyword query: at most ``KEYWORD_MAX_WORDS`` words once framing and closing punctuation
    are dropped (:func:`keyword_core`), and those words do not ask ("chips", "chips?", "What about chips?", "export
    controls"; not "did Japan ban chips", "what chips?")."""
    return keyword_of(text) is not None


def holds_every_term(query: str, window_coverage: np.ndarray) -> bool:
    """Whether ``query`` has key terms and some candidate sentence, with its neighbour, holds every one of them
    (``window_coverage``: ``Scored.window_cov``, per sentence the weighted share of the key terms it holds, 1.0 for
    every sentence when the query has none — "the news" is covered by nothing)."""
    if not key_terms(keyword_core(query), topic=True) or not window_coverage.size:
        return False
    return float(np.max(window_coverage)) >= FULL_COVERAGE


@lru_cache(maxsize=4096)
def title_holds_terms(query: str, title: str) -> bool:
    """Whether ``query`` is a keyword query (:func:`keyword_query`) with key terms and the document title ``title``
    holds every one of them ("US blacklists 23 firms over chip smuggling networks" for "chip smuggling"). Cached: an
    answer asks it of every candidate sentence, and a document's sentences share its title."""
    if not keyword_query(query) or not title:
        return False
    terms = key_terms(keyword_core(query), topic=True)
    return bool(terms) and coverage(terms, stems(title)) >= FULL_COVERAGE


def titled_by_terms(query: str, titles: Iterable[str]) -> bool:
    """Whether one of ``titles`` (the evidence documents' titles) holds every key term of the keyword query ``query``
    (:func:`title_holds_terms`): the report's headline shows the corpus covers it, though no sentence of its body,
    with its neighbour, names every keyword and the keyword's cosine is under the floor."""
    return any(title_holds_terms(query, t) for t in titles)


def covered_by_terms(query: str, window_coverage: np.ndarray) -> bool:
    """Whether the words of ``query`` show the corpus covers it though the cosine floor says not: a keyword query
    (:func:`keyword_query`) or a question of at least two key terms, every one of them held by one candidate
    sentence with its neighbour (:func:`holds_every_term`). A short question's vector sits as far from the sentence
    answering it as a keyword's ("What did Abe and his aides hint?" against "… Abe and his aides have hinted that
    there might have been illegal transfers …" is 0.33 under a floor of 0.35)."""
    if keyword_query(query):
        return holds_every_term(query, window_coverage)
    return len(key_terms(keyword_core(query), topic=True)) >= 2 and holds_every_term(query, window_coverage)


def keyword_leads(texts: Sequence[str], coverage: np.ndarray, pool: Sequence[int],
                  above_floor: np.ndarray, titled: Sequence[bool] | None = None) -> list[int]:
    """The sentences that may lead the answer to a keyword query (indices into ``texts``): those of ``pool`` and
    those above the relevance floor (``above_floor``, per sentence) that hold every keyword themselves
    (``coverage``: ``Scored.cov``), without labelled items ("The scope of China's chip smuggling case: targeted
    nodes, named end-users ..."), which head a watch list and may follow but not lead; ``pool`` itself when no
    other sentence holds every keyword. For "chips" the lead is a sentence saying something about chips.
    ``titled`` (per sentence, whether its document's title holds every keyword: :func:`title_holds_terms`): when no
    sentence holds every keyword, the sentences of such a report lead, however far under the floor a bare keyword's
    cosine leaves them (its lede under the headline "… over chip smuggling networks"), not another report's sentence
    naming one of the words."""
    full = [i for i in range(len(texts)) if coverage[i] >= FULL_COVERAGE and (i in pool or above_floor[i])]
    prose = [i for i in full if not is_label(texts[i])]
    if not full and titled is not None:
        own = [i for i in range(len(texts)) if titled[i] and not is_label(texts[i])]
        if own:
            return own
    return prose or list(pool)
