"""The part a country plays in a Japanese, Chinese or Korean sentence: acting, acted on, or only named.

The cross-lingual glossary (``rag.text.cross_lingual``) reads 日本 as "Japan" and 商务部 as China's commerce
ministry, but a reading says who is named, not their role: 商务部宣布限制出口镓和锗，日本企业将受到影响 names Japan as
the country hit by China's restriction, and it must not tell "What did Japan restrict?". English sentences have their
actor read by position (``rag.writers.answer_actor``); CJK sentences mark it with particles and prepositions, which
this module reads (its words: ``data/cross_lingual.toml`` [roles]):

- a mention of a country, or of a national body (its ``country``: 経済産業省 is Japan), after a preposition (对日本,
  向韩国, 遵守美国…) or before a mark of what is acted on (日本への, 일본에, 日本被) is **acted on** ("undergoer");
- before a subject or topic particle (日本政府は, 한국 정부는, 中国が) it **acts** ("agent"); so does a Chinese mention
  opening its clause before a verb or an adverb (中国将限制…, 商务部宣布…), the subject's place in a Chinese clause
  (日本光刻胶大量销往台湾 opens with a modifier: Japanese photoresist);
- before a possessive (日本の, 美国的, 일본의) it acts when the possessed words hold an act of the glossary (``act =
  true``: 日本の輸出規制, Japan's export controls) and the mention opens its clause, as an English sentence's opening
  "Japan's curbs"; otherwise, and before a word of its firms (日本企业, 한국 기업), it is only **named**.

Offsets are those of ``cross_lingual.cjk_form`` (search form, no spaces: 한국 정부는 is read as 한국정부는).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rag.text.cross_lingual import cjk_form, cjk_matches, concepts
from rag.text.lexicon import table
from rag.text.places import place_mentions, same_place, widen

__all__ = ["PlaceRole", "bystanders", "cjk_actors", "cjk_place_roles", "cjk_places", "place_concepts"]

#: how many characters after a possessive the possessed words may run before an act term must have begun (a
#: Chinese noun phrase has no particle to end it: 日本的半导体出口管制 is Japan's, 日本和韩国的芯片企业将受到影响 not)
POSSESSED_REACH = 6


@dataclass(frozen=True)
class PlaceRole:
    """One mention of a country in a CJK text: its place key (``rag.text.places``), its role ("agent",
    "undergoer" or "named") and its offsets in ``cjk_form(text)``."""

    key: str
    role: str
    start: int
    end: int


@cache
def place_concepts() -> dict[int, str]:
    """The glossary's concepts that stand for a country (concept index → place key): a country itself (its first
    English form is a place's name: 日本 "Japan") or a national body or law of one (its ``country``)."""
    out: dict[int, str] = {}
    for i, c in enumerate(concepts()):
        name = c.country or c.english[0]
        found = place_mentions(name)
        if found and (c.country or (found[0].start == 0 and found[0].end == len(name))):
            out[i] = found[0].key
    return out


@cache
def _marks() -> dict[str, tuple[str, ...]]:
    """The role marks of ``cross_lingual.toml`` [roles] in search form, longest first per list."""
    from rag.text.analyzer import search_form

    rows = table("cross_lingual")["roles"]
    out = {k: tuple(sorted({search_form(w).replace(" ", "") for w in rows[k]}, key=len, reverse=True))
           for k in ("before", "after_undergoer", "after_agent", "possessive", "owner", "skip", "zh_subject_next")}
    out["clause_marks"] = tuple(rows["clause_marks"])
    return out


def _clause_start(s: str, at: int) -> int:
    """The offset where the clause holding offset ``at`` of ``s`` begins (after the last clause mark before it)."""
    marks = _marks()["clause_marks"]
    return max((s.rfind(m, 0, at) + 1 for m in marks), default=0)


#: what may stand before a Chinese clause's subject: a time phrase (自8月1日起, 周一, 今年3月)
_TIME_LEAD = re.compile(r"(?:自|从|于|在)?[0-9〇零一二三四五六七八九十年月日号周星期今明昨本去上下]*(?:起|以来|后|前)?")


#: countries' governments as a subject, a few words on (日本とオランダの両政府は, 한미 양국 정부는)
_GOVERNMENTS_SUBJECT = re.compile(r"^(?:と|和|与|과|와)[^、。，,.]{1,8}?(?:政府|当局|정부|당국)(?:は|が|은|는|이|가)")

#: a day after a Chinese subject, before its verb (经济部11日宣布, 商务部周一表示)
_DAY_AFTER = re.compile(r"^(?:[0-9]+[日号]|周[一二三四五六日]|星期[一二三四五六日]|今天|昨天|今日|昨日)")


def _opens_clause(s: str, at: int) -> bool:
    """Whether the mention at offset ``at`` of ``s`` opens its clause: nothing but a time phrase (自8月1日起, 周一)
    stands between the clause's start and it."""
    return _TIME_LEAD.fullmatch(s[_clause_start(s, at):at]) is not None


@lru_cache(maxsize=50_000)
def cjk_place_roles(text: str) -> tuple[PlaceRole, ...]:
    """Each mention of a country or national body in ``text``'s CJK words with its role (see the module's doc), in
    order; empty for text without one. A country and a body of its own written together (中国商务部) are one mention,
    read from the body's end; so are countries joined as one subject (日本和韩国的…: read from the last one's end)."""
    s = cjk_form(text)
    marks = _marks()
    places = place_concepts()
    matches = cjk_matches(text)
    found = [(a, b, places[i]) for a, b, i in matches if i in places]
    acts = [(a, b) for a, b, i in matches if concepts()[i].act]
    out: list[PlaceRole] = []
    k = 0
    while k < len(found):
        a, b, key = found[k]
        group = [(a, b, key)]
        # a body of the same country right after (中国商务部), or another country joined by 和/与/、/及/과/와 (日本和韩国)
        while k + 1 < len(found):
            na, nb, nkey = found[k + 1]
            gap = s[group[-1][1]:na]
            if (gap == "" and nkey == group[-1][2]) or gap in ("和", "与", "、", "及", "・", "과", "와", "や", "と"):
                group.append((na, nb, nkey))
                k += 1
            else:
                break
        end = group[-1][1]
        for w in marks["skip"]:  # 日本政府は: the government's mark is the country's
            if s.startswith(w, end):
                end += len(w)
                break
        role = _role(s, a, end, acts, marks)
        out.extend(PlaceRole(g_key, role, ga, gb) for ga, gb, g_key in group)
        k += 1
    return tuple(out)


def _role(s: str, start: int, end: int, acts: list[tuple[int, int]], marks: dict[str, tuple[str, ...]]) -> str:
    """The role of the mention at ``s[start:end]`` (its government word included) by the marks around it."""
    before = s[max(0, start - 2):start]
    if any(before.endswith(w) for w in marks["before"]):
        return "undergoer"
    after = s[end:]
    if any(after.startswith(w) for w in marks["owner"]):
        return "named"
    if any(after.startswith(w) for w in marks["after_agent"]):
        return "agent"
    if any(after.startswith(w) for w in marks["after_undergoer"]):
        return "undergoer"
    # a headline's subject set off by a comma (日本、韓国向け輸出を規制; 산업부, …지정): countries listed together were
    # joined into one mention already (日本、韩国的企业)
    if _opens_clause(s, start) and after[:1] in ("、", ",", "，"):
        return "agent"
    # ... and one of several countries whose governments are the subject (日本とオランダの両政府は)
    if _GOVERNMENTS_SUBJECT.match(after) and _opens_clause(s, start):
        return "agent"
    poss = next((w for w in marks["possessive"] if after.startswith(w)), None)
    if poss is not None:
        here = end + len(poss)
        clause_end = min((i for m in marks["clause_marks"] if (i := s.find(m, here)) >= 0), default=len(s))
        owns_act = any(here <= a < min(here + POSSESSED_REACH, clause_end) for a, _ in acts)
        return "agent" if owns_act and _opens_clause(s, start) else "named"
    # a Chinese clause's subject stands first, before its verb or an adverb (中国将限制…, 商务部宣布…); Japanese and
    # Korean mark theirs
    # (a day may stand between: 经济部11日宣布)
    verb = _DAY_AFTER.sub("", after, count=1)
    if _opens_clause(s, start) and any(verb.startswith(w) for w in marks["zh_subject_next"]):
        return "agent"
    return "named"


def cjk_actors(text: str) -> frozenset[str]:
    """The place keys of the countries ``text``'s CJK words give as acting (role "agent"); empty when none."""
    return frozenset(r.key for r in cjk_place_roles(text) if r.role == "agent")


def cjk_places(text: str) -> frozenset[str]:
    """The place keys of every country (or national body's country) ``text``'s CJK words name, in any role."""
    return frozenset(r.key for r in cjk_place_roles(text))


def bystanders(agent: frozenset[str], text: str) -> set[str]:
    """The stems (place keys, widened: "south_korea" and "korea") of the asked doers ``agent`` (place keys,
    ``rag.writers.answer_actor.asked_agent``) that ``text`` names only in CJK words and never as acting
    (``cjk_place_roles``); a doer its English words name keeps its stems: the English actor checks read those."""
    english = {k for m in place_mentions(text) for k in widen(m.key)}
    roles = cjk_place_roles(text)
    out: set[str] = set()
    for a in agent:
        mine = [r.role for r in roles if same_place(r.key, a)]
        if mine and "agent" not in mine and a not in english:
            out |= widen(a)
    return out
