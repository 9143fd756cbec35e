"""Companies and other organisations a Korean, Japanese or Chinese report names, told by the marks around the name.

English names are told by their capitals (``rag.writers.answer_value.entities``); CJK scripts have none, so a firm
that no glossary lists ("세온텍", "光和テクノ") was no name, and "어느 회사 …?" or "Which company …?" was answered by
a sentence naming none ("회사 측은 …"). ``cjk_organisations(text)`` reads the names marked as a firm's
(``data/cjk_organisations.toml``): a legal form before or after (㈜세온텍, 株式会社…, …有限公司), a company-name ending
(한결에너지, 光和テクノ, …科技), a word of the firm's side or people right after it (세온텍 측은, 한결에너지 전 연구원,
光和テクノの元社員), or quotation brackets after a noun of a firm (装置メーカー「光和テクノ」). A firm's kind or a word
referring back (회사, 同社, 某…企业) is no name.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import table
from rag.text.scripts import CJK_CHARS, has_hiragana, is_hangul

_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3A-Za-z0-9㈜()（）]+")
#: a Japanese word: a run of kanji and katakana (hiragana are particles and endings)
_JA_WORD = re.compile("[\u30a0-\u30ff\u3005\u4e00-\u9fffA-Za-z0-9]+")
_ZH_RUN = re.compile(f"[{CJK_CHARS}A-Za-z0-9]+")


@cache
def _data(lang: str) -> dict:
    return table("cjk_organisations")[lang]


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def cjk_organisations(text: str) -> list[str]:
    """The organisations ``text`` names in Korean, Japanese or Chinese, each once, in order of first mention."""
    if re.search("[\uac00-\ud7a3]", text):
        found = _korean(text)
    elif has_hiragana(text) or re.search("[\u30a0-\u30ff]", text):
        found = _japanese(text)
    elif re.search("[\u4e00-\u9fff]", text):
        found = _chinese(text)
    else:
        return []
    return list(dict.fromkeys(found))


def _korean(text: str) -> list[str]:
    from rag.text.analyzer import korean_particles, korean_stem  # the particles' one list (cjk_function_words.toml)

    data = _data("ko")
    forms, ends = _longest_first(data["forms"]), _longest_first(data["name_ends"])
    not_names = frozenset(data["not_names"])
    words = [(m.group(0), m.end()) for m in _HANGUL_WORD.finditer(text)]
    out = []
    for k, (raw, end) in enumerate(words):
        form = next((f for f in forms if raw.startswith(f) or raw.endswith(f)), None)
        word = raw
        if form:
            word = raw[len(form):] if raw.startswith(form) else raw[: -len(form)]
            if not word and k + 1 < len(words):  # "주식회사 세온텍"
                word = words[k + 1][0]
        name = korean_stem(word)
        if len(name) < 2 or name in not_names or not (is_hangul(name) or re.match("[A-Za-z]", name)):
            continue
        if form or any(name.endswith(e) and len(name) > len(e) for e in ends):
            out.append(name)
        elif name == word and _followed_by_firms_word(text[end:], data["following"], korean_particles()):
            out.append(name)  # a bare word before "측은", "전 연구원", "직원": "누리온 측은 …"
    return out


def _followed_by_firms_word(after: str, following: list[str], particles: frozenset[str]) -> bool:
    """Whether ``after`` (the text after a Korean word) opens with one of ``following`` as whole words, a particle
    allowed on the last ("측은", "전 연구원 3명", "직원들이")."""
    words = after.split()
    for f in following:
        parts = f.split()
        if len(words) < len(parts) or words[:len(parts) - 1] != parts[:-1]:
            continue
        last = re.match("[\uac00-\ud7a3]+", words[len(parts) - 1])
        rest = last.group(0)[len(parts[-1]):] if last and last.group(0).startswith(parts[-1]) else None
        if rest is not None and (rest in ("", "들") or rest in particles or rest[:1] == "들" and rest[1:] in particles):
            return True
    return False


def _japanese(text: str) -> list[str]:
    data = _data("ja")
    forms, ends = _longest_first(data["forms"]), _longest_first(data["name_ends"])
    not_names = frozenset(data["not_names"])
    out = []
    for m in re.finditer(r"(?:%s)「([^」]{1,20})」" % "|".join(map(re.escape, _longest_first(data["quoted_after"]))), text):
        out.append(m.group(1))
    for m in _JA_WORD.finditer(text):
        word = m.group(0)
        form = next((f for f in forms if word.startswith(f) or word.endswith(f)), None)
        if form:
            word = word[len(form):] if word.startswith(form) else word[: -len(form)]
        if not word or word in not_names:
            continue
        if form or any(word.endswith(e) and len(word) > len(e) for e in ends):
            out.append(word)
        elif text[m.end():m.end() + 1] == "の" and any(text.startswith(f, m.end() + 1) for f in data["following"]):
            out.append(word)
    return [n for n in out if n not in not_names]


def _chinese(text: str) -> list[str]:
    data = _data("zh")
    forms, ends = _longest_first(data["forms"]), _longest_first(data["name_ends"])
    not_names = _longest_first(data["not_names"])
    cut = re.compile("[的对向给与和将被在由是从为已以及]")
    out = []
    for m in _ZH_RUN.finditer(text):
        for piece in cut.split(m.group(0)):
            form = next((f for f in forms if piece.endswith(f) and len(piece) > len(f)), None)
            name = piece[: -len(form)] if form else piece
            if not form and not any(name.endswith(e) and len(name) > len(e) + 1 for e in ends):
                continue
            if not name or any(name.startswith(n) for n in not_names) or name in data["following"]:
                continue  # "某…企业", "一家境外公司": a firm left unnamed
            out.append(name)
    return out


def new_organisations(text: str, question_stems) -> list[str]:
    """The organisations ``text`` names in CJK script (``cjk_organisations``) that the question (its key-term stems,
    CJK bigrams among them) does not name already: the firm a "which company" question asks for."""
    from rag.text.analyzer import cjk_content_terms

    return [n for n in cjk_organisations(text)
            if not (set(cjk_content_terms(n)) or {n.lower()}) <= set(question_stems)]
