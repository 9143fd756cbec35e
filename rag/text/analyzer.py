"""The BM25 analyzer: the same tokens for the keyword index and for queries, in English and in CJK text.

``analyze(text)`` folds ``text`` to its matching form (NFKC, case-folded: "ＳＭＩＣ" and "SMIC" are one token; Han
characters in Simplified Chinese, ``rag.text.han``: "經濟", "経済" and "经济" are one token), then splits it into runs of CJK characters and the text between them:

- outside CJK runs, words of two or more word characters (bm25s's default token pattern), minus the
  search stop words (``data/search_stopwords.txt``), stemmed with ``rag.text.tokens.stem``;
- a run of Han, Hiragana, Katakana or Hangul characters becomes its overlapping character bigrams, as
  Lucene's CJKAnalyzer does ("輸出管理" -> "輸出", "出管", "管理"); a lone CJK character stays a unigram.
  Text written without spaces then matches any query that shares its words, with no dictionary.

``ANALYZER_VERSION`` names this behaviour: a persisted index built by another version must be rebuilt.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.han import fold_han, traditional_forms
from rag.text.lexicon import table, word_set
from rag.text.normalize import match_form
from rag.text.scripts import CJK_CHARS, CJK_RUN, is_hangul, split_at_hiragana
from rag.text.tokens import stem

# 1: bm25s.tokenize(stopwords="en", PyStemmer English) on NFC text, no CJK handling; 2: CJK bigrams, no script fold
ANALYZER_VERSION = 3

_WORD = re.compile(f"(?:(?![{CJK_CHARS}])\\w){{2,}}")


def cjk_bigrams(run: str) -> list[str]:
    """Overlapping character bigrams of one run of CJK characters; a single character is its own token."""
    if len(run) < 2:
        return [run] if run else []
    return [run[i : i + 2] for i in range(len(run) - 1)]


def search_form(text: str) -> str:
    """The form keyword search reads: ``match_form`` with Han characters in Simplified Chinese (``fold_han``)."""
    return fold_han(match_form(text))


def cjk_runs(text: str) -> list[str]:
    """The runs of CJK characters in ``text`` (in its ``search_form``), in order."""
    return CJK_RUN.findall(search_form(text))


@cache
def _function_words() -> tuple[re.Pattern[str], frozenset[str], tuple[str, ...]]:
    """(a pattern matching Chinese/Japanese asking words and Chinese function characters, Korean asking words,
    Korean particles longest first) from ``data/cjk_function_words.toml``."""
    data = table("cjk_function_words")
    # runs are cut as written (``cjk_content_terms``), so the Simplified lists also name their Traditional spellings
    zh_words = {form for w in data["zh"]["question_words"] for form in traditional_forms(w)}
    words = sorted({*zh_words, *data["ja"]["question_words"]}, key=len, reverse=True)
    chars = sorted({form for c in data["zh"]["function_chars"] for form in traditional_forms(c)})
    cut = re.compile("|".join([*map(re.escape, words), "[" + re.escape("".join(chars)) + "]"]))
    suffixes = (*data["ko"]["particles"], *data["ko"]["light_verb_endings"])
    return cut, frozenset(data["ko"]["question_words"]), tuple(sorted(suffixes, key=len, reverse=True))


@cache
def korean_particles() -> frozenset[str]:
    """The Korean case and topic particles alone (``cjk_function_words.toml`` [ko] particles)."""
    return frozenset(table("cjk_function_words")["ko"]["particles"])


@cache
def _counters() -> frozenset[str]:
    """The Korean counters of count questions and counts ("명", "건", "개": ``answer_values.toml``
    [count].cjk_classifiers, the one list of them)."""
    return frozenset(c for c in table("answer_values")["count"]["cjk_classifiers"] if is_hangul(c))


def _content_pieces(run: str) -> list[str]:
    """The topic-bearing pieces of one CJK run: cut at its hiragana (Japanese particles and endings), at Chinese and
    Japanese asking words and Chinese function characters; a Hangul word loses its particles ("정부는" -> "정부",
    "세온테크로부터" -> "세온테크") and the endings of a light verb after its noun ("기소했다고" -> "기소"), and
    an asking word ("무엇을") or a counter with its particle ("명이" of "몇 명이", "4명을") is dropped whole."""
    cut, ko_asking, particles = _function_words()
    pieces: list[str] = []
    for piece in split_at_hiragana(run):
        if is_hangul(piece):
            bare = _without_particles(piece, particles)
            if _is_counted(piece):
                continue  # "명이", "건을": the counter of a number or an asking word, no topic
            if piece not in ko_asking and bare not in ko_asking:
                pieces.append(bare)
            continue
        pieces.extend(p for p in cut.split(piece) if p)
    return pieces


def _is_counted(word: str) -> bool:
    """Whether a Hangul word is a counter with its particles ("명이", "건을", "개국의"), which counts whatever its
    number or asking word stands before it."""
    return any(word.startswith(c) and (word == c or word[len(c):] in korean_particles()) for c in _counters())


def korean_stem(word: str) -> str:
    """A Hangul word without its particles and light-verb endings ("세온텍은" -> "세온텍", "기소했다고" -> "기소"),
    as the content terms read it."""
    return _without_particles(word, _function_words()[2])


def _without_particles(word: str, particles: tuple[str, ...]) -> str:
    """A Hangul word without the particles stacked at its end, longest first, while two or more syllables remain
    ("세온테크로부터" -> "세온테크", "세온테크와의" -> "세온테크", "정부는" -> "정부")."""
    while True:
        bare = next((word[: -len(p)] for p in particles if word.endswith(p) and len(word) - len(p) >= 2), word)
        if bare == word:
            return word
        word = bare


def cjk_content_terms(text: str) -> list[str]:
    """Content terms of the CJK text in ``text``, for term coverage rather than ranking: bigrams of each run's
    topic-bearing pieces (``_content_pieces``: particles, endings and asking words carry no topic: "輸出の管理を" ->
    "輸出", "管理"; "镓和锗的出口管制何时开始实施" -> "出口", "口管", "管制", "开始", "始实", "实施"); a lone
    character between them is dropped. Runs are cut as written and the pieces folded after (terms are in the search
    form, Simplified Han characters): a Japanese kanji that folds to a Chinese function character ("対" → "对")
    stays in its word ("対韓")."""
    return [g for run in CJK_RUN.findall(match_form(text)) for piece in _content_pieces(run) if len(piece) > 1
            for g in cjk_bigrams(fold_han(piece))]


def analyze(text: str) -> list[str]:
    """BM25 tokens of ``text`` in order: stemmed English words without stop words, and CJK bigrams."""
    folded = search_form(text)
    stop = word_set("search_stopwords")
    tokens: list[str] = []
    pos = 0
    for run in CJK_RUN.finditer(folded):
        tokens.extend(_english(folded[pos : run.start()], stop))
        tokens.extend(cjk_bigrams(run.group(0)))
        pos = run.end()
    tokens.extend(_english(folded[pos:], stop))
    return tokens


def _english(segment: str, stop: frozenset[str]) -> list[str]:
    return [stem(w) for w in _WORD.findall(segment) if w not in stop]
