"""A bridge between English and Chinese, Japanese and Korean text: the domain's terms in each language.

The offline embedder is English MiniLM, and keyword search matches words, so an English question did not reach an
article written in Japanese or Chinese ("quantum computer export controls" never matched 量子コンピューター or
輸出管理), nor a Chinese question an English article. ``data/cross_lingual.toml`` lists the domain's concepts with
their English, Japanese, Chinese and Korean forms; this module finds them in a text:

- ``bridge_query(text)``: the other languages' forms of the concepts a query names, as one keyword query (an English
  query gives its concepts' CJK forms; a CJK query their English forms): retrieval runs it as a BM25 leg of its own
  (``rag.retrieve``), fused with the dense and keyword legs, so a query naming no listed concept, or a corpus
  without text in the other language, ranks as before;
- ``english_readings(text)``: the English forms of the concepts named in a text's CJK words, which the writer's
  key-term stems add for a CJK sentence (``rag.writers.key_terms.stems``), so that an English question's terms are
  found in a Japanese or Chinese sentence that says them in its own language.

A concept is matched once where forms overlap, the longest form first ("export controls" is the concept export
control, not also export; 輸出管理 likewise). English forms are matched on the BM25 analyzer's stems, word for word
in order; CJK forms in the search form (``rag.text.analyzer.search_form``: Han characters in Simplified Chinese, so
one spelling of a word finds its Traditional and Japanese spellings).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from rag.text.analyzer import analyze, search_form
from rag.text.lexicon import table
from rag.text.scripts import CJK_RUN, is_mostly_cjk

#: the glossary's CJK language fields
CJK_LANGUAGES = ("ja", "zh", "ko")


@dataclass(frozen=True)
class Concept:
    """One glossary entry: its English forms (the first is its reading) and its CJK forms, all languages together."""

    english: tuple[str, ...]
    cjk: tuple[str, ...]
    country: str = ""  # the country a national body or law is of ("Japan" for 経済産業省)
    act: bool = False  # an act a country does (export control, sanction): "日本の輸出規制" is Japan's act


@cache
def concepts() -> tuple[Concept, ...]:
    """The glossary's entries (``data/cross_lingual.toml``)."""
    out = []
    for entry in table("cross_lingual")["term"]:
        cjk = tuple(dict.fromkeys(f for lang in CJK_LANGUAGES for f in entry.get(lang, ())))
        out.append(Concept(tuple(entry["en"]), cjk, entry.get("country", ""), bool(entry.get("act", False))))
    return tuple(out)


@cache
def _english_forms() -> tuple[tuple[tuple[str, ...], int], ...]:
    """(analyzed tokens of an English form, concept index), longest first."""
    forms = {(tuple(analyze(f)), i) for i, c in enumerate(concepts()) for f in c.english}
    return tuple(sorted((f for f in forms if f[0]), key=lambda f: (-len(f[0]), f[1], f[0])))


@cache
def _cjk_forms() -> tuple[tuple[str, int], ...]:
    """(a CJK form in its search form, concept index), longest first."""
    forms = {(search_form(f).replace(" ", ""), i) for i, c in enumerate(concepts()) for f in c.cjk}
    return tuple(sorted((f for f in forms if f[0]), key=lambda f: (-len(f[0]), f[1], f[0])))


def _english_matches(tokens: list[str]) -> tuple[list[tuple[int, int]], int]:
    """((token offset, concept index) of each English form matched in ``tokens``, longest form first, overlapping
    forms once; how many tokens the matches cover)."""
    taken = [False] * len(tokens)
    found: list[tuple[int, int]] = []
    for form, idx in _english_forms():
        n = len(form)
        for start in range(len(tokens) - n + 1):
            if tuple(tokens[start:start + n]) == form and not any(taken[start:start + n]):
                taken[start:start + n] = [True] * n
                found.append((start, idx))
    return found, sum(taken)


def english_concepts(text: str) -> list[int]:
    """Indexes of the concepts whose English forms ``text`` holds, in order of first match, each once; overlapping
    forms count once, the longest."""
    found, _ = _english_matches(analyze(text))
    return list(dict.fromkeys(idx for _, idx in sorted(found)))


def cjk_form(text: str) -> str:
    """``text`` as CJK forms are matched in it: its search form (``rag.text.analyzer.search_form``) without spaces
    (Korean words are matched across them); the offsets of ``cjk_matches`` are into this string."""
    return search_form(text).replace(" ", "")


@lru_cache(maxsize=50_000)
def cjk_matches(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, concept index) of each glossary CJK form found in ``text``'s CJK runs, offsets into
    ``cjk_form(text)``, in order of start; forms are taken longest first and a character belongs to one form at most
    (overlapping forms name one concept, the longest). The one reading of a text's CJK terms: ``cjk_concepts``,
    ``translated_share`` and the role reader (``rag.text.cjk_actors``) all count these matches."""
    found: list[tuple[int, int, int]] = []
    for run in CJK_RUN.finditer(cjk_form(text)):
        s = run.group(0)
        taken = [False] * len(s)
        for form, idx in _cjk_forms():
            start = s.find(form)
            while start >= 0:
                end = start + len(form)
                if not any(taken[start:end]):
                    taken[start:end] = [True] * len(form)
                    found.append((run.start() + start, run.start() + end, idx))
                start = s.find(form, start + 1)
    return tuple(sorted(found))


def cjk_concepts(text: str) -> list[int]:
    """Indexes of the concepts whose CJK forms ``text`` holds (``cjk_matches``), in order of first match, each once."""
    return list(dict.fromkeys(idx for _, _, idx in cjk_matches(text)))


@lru_cache(maxsize=4096)
def translated_share(query: str) -> float:
    """How much of ``query`` the glossary carries into the other languages: the share of its BM25 words (stems,
    English) and of its CJK characters that belong to a matched glossary form (0..1). A query whose story rests on
    words the glossary lacks ("半導体技術者 転職": 転職, a job change) is carried only in part, and its bridged matches
    weigh that much less against an article holding its own words."""
    # CJK bigrams are among the analyzer's tokens too: the English words and the CJK characters are counted apart
    en_tokens = [t for t in analyze(query) if not CJK_RUN.search(t)]
    cjk_total = sum(len(r) for r in CJK_RUN.findall(query))
    _, en_covered = _english_matches(en_tokens)
    cjk_covered = sum(end - start for start, end, _ in cjk_matches(query))
    total = len(en_tokens) + cjk_total
    return (en_covered + cjk_covered) / total if total else 0.0


@lru_cache(maxsize=4096)
def bridge_query(text: str) -> str:
    """The keyword query in the other languages for ``text``: the CJK forms of the concepts its English words name,
    and the English forms of those its CJK words name ("" when it names none)."""
    table_ = concepts()
    parts = [f for i in english_concepts(text) for f in table_[i].cjk]
    if CJK_RUN.search(text):
        parts += [f for i in cjk_concepts(text) for f in table_[i].english]
    return " ".join(dict.fromkeys(parts))


@lru_cache(maxsize=50_000)
def english_readings(text: str) -> tuple[str, ...]:
    """The English forms of the concepts named in ``text``'s CJK words, and the country of a national body or law
    among them (empty for text without CJK characters)."""
    if not CJK_RUN.search(text):
        return ()
    table_ = concepts()
    return tuple(f for i in cjk_concepts(text) for f in (*table_[i].english, *filter(None, [table_[i].country])))


@lru_cache(maxsize=50_000)
def english_gloss(text: str, title: str = "") -> str:
    """What the English embedder reads for a sentence written mostly in CJK characters: the English readings (each
    concept's first English form) of the domain terms it names, then, after a full stop, those of its article's
    headline that it does not name itself (the headline says what the sentence is about, as a reader of the page
    sees it). "" for a sentence not mostly in CJK characters or naming no glossary term: it is embedded as it is.
    A sentence of the same language as its question needs no gloss; the writer asks for one only across languages
    (``rag.writers.extractive``)."""
    if not is_mostly_cjk(text):
        return ""
    table_ = concepts()
    own = cjk_concepts(text)
    if not own:
        return ""
    around = [i for i in cjk_concepts(title) if i not in own] if title else []
    gloss = " ".join(table_[i].english[0] for i in own)
    return f"{gloss}. {' '.join(table_[i].english[0] for i in around)}" if around else gloss


def crosses_languages(question: str, text: str) -> bool:
    """Whether ``text`` is written mostly in CJK characters and ``question`` is not (an English question read
    against a Japanese, Chinese or Korean sentence)."""
    return is_mostly_cjk(text) and not is_mostly_cjk(question)


def concept_share(query: str, text: str) -> float:
    """The share of the glossary concepts ``query`` names (in either language) that ``text`` names too, in any
    language; 1.0 for a query naming none. A passage found through the bridge counts by it: one holding a single
    generic term of a several-term query (出口, "export") is a weak match, not the article in the other language."""
    asked = set(english_concepts(query)) | set(cjk_concepts(query))
    if not asked:
        return 1.0
    held = set(english_concepts(text)) | set(cjk_concepts(text))
    return len(asked & held) / len(asked)
