"""What the extractive writer reads off a sentence: cue families, answer kinds, and junk/instruction filters."""

from __future__ import annotations

import re

from rag.injection import is_instruction_like
from rag.lexicon import STOPWORDS
from rag.text.dates import MONTH_NAMES, WEEKDAYS
from rag.text.scripts import cjk_count, is_mostly_cjk

MIN_WORDS = 6
MAX_WORDS = 80

# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------

_STOPWORDS = STOPWORDS | frozenset("many much several various another etc mr mrs ms new like well including include includes included".split())
# Words a question uses to ask, not to say what it is about.
_QUESTION_LIGHT = frozenset(
    """say says said saying tell told report reports reported reportedly according describe describes
    described description give gives given mention mentions mentioned call calls called list listed name
    named names state states stated claim claims claimed cite cited explain explains note noted source
    sources article articles brief briefs essay corpus author text evidence way ways kind kinds type types
    sort example examples compare contrast happen happened roughly approximately exactly specific
    specifically particular first latest recent recently main key analysis analyses reporting coverage
    published publish expert experts argue argued argues""".split()
)
# Nouns that only describe the kind of answer wanted ("which *outlet*", "what *figure*").
_ANSWER_CLASS = frozenset(
    """person people individual individuals official officials minister ministers leader leaders president
    secretary spokesman spokesperson company companies firm firms maker makers manufacturer manufacturers
    supplier suppliers outlet outlets newspaper newspapers agency agencies organization organizations
    organisation organisations group groups entity entities country countries nation nations government
    governments city cities place places figure figures number numbers amount amounts share percentage
    date dates day days year years month months time times label term terms category categories""".split()
)
_NAME_CLASS = (
    r"person|people|individual|official|minister|leader|president|secretary|spokes(?:man|woman|person)|"
    r"compan(?:y|ies)|firms?|makers?|manufacturers?|suppliers?|outlets?|newspapers?|agenc(?:y|ies)|"
    r"organi[sz]ations?|groups?|think[- ]tanks?|countr(?:y|ies)|nations?|governments?|banks?|universit(?:y|ies)|"
    r"cit(?:y|ies)|ports?|laws?|acts?|system|institutes?|ministr(?:y|ies)"
)
_PLACE_CLASS = re.compile(r"\b(?:countr(?:y|ies)|nations?|cit(?:y|ies)|ports?|places?|regions?|where)\b", re.I)
_AUX = r"did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|may|might|must"
_WANTS_NAME = re.compile(
    rf"^\s*(?:who|whom)\b|\bwhose\b|\bname of\b|\bwhat is the name\b|"
    rf"\b(?:which|what)\s+(?:(?!(?:{_AUX}|of|in|on|for|to|by|with|from)\b)[\w'’-]+\s+){{0,4}}?(?:{_NAME_CLASS})\b",
    re.I,
)
_WANTS_NUMBER = re.compile(
    r"\bhow (?:many|much|long|far|often|large|big|high|low)\b|\bby how much\b|"
    r"\bwhat (?:\w+\s+){0,2}?(?:share|percentage|percent|proportion|number|amount|fraction|figure|total|rate)\b",
    re.I,
)
_WANTS_TERM = re.compile(
    r"\bwhat (?:term|label|name|phrase|word|nickname|slogan|title)\b|\bwhat (?:do|does|did|is|was|are|were)\b.{0,80}\bcall(?:ed)?\b|"
    r"\bhow (?:is|was|are|were)\b.{0,80}\b(?:called|known|labell?ed|termed|dubbed)\b",
    re.I,
)
_TERM_RE = re.compile(r"[“\"‘][^”\"’]{2,60}[”\"’]|\b(?:called|known as|termed|dubbed|referred to as|so-called|label(?:led|ed)?)\b", re.I)
_WANTS_DATE = re.compile(r"^\s*when\b|\bwhat (?:date|day|year|month|time)\b|\bsince when\b|\bon which (?:date|day)\b", re.I)

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half "
    "percent"
).split()

_DATE_RE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:" + "|".join(MONTH_NAMES[1:]) + r")\b|"
    r"\b(?:" + "|".join(WEEKDAYS) + r")\b|\byesterday\b|\btoday\b|\blast (?:week|month|year)\b|"
    r"\bearlier this (?:week|month|year)\b",
    re.I,
)
_NUMBER_RE = re.compile(r"\b\d[\d,.]*\b|\b(?:" + "|".join(_NUMBER_WORDS[1:]) + r")\b|%", re.I)
_YEARISH_RE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_ISO_DATE_RE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A sentence that continues the previous one: it refers back to what that sentence named.
_ANAPHORA_RE = re.compile(
    r"^\W*(?:(?:the|this|that|these|those|such)\s+(?:[\w-]+\s+){0,2}?(?:decision|move|measure|measures|step|report|"
    r"case|action|request|ban|restrictions?|curbs?|plan|policy|update|development|announcement|company|firm|group|"
    r"ministry|government|agency|official|minister|suspect|executives?)\b|this\b|these\b|it\b|its\b|they\b|their\b|"
    r"he\b|his\b|she\b|her\b)",
    re.I,
)


def _family(*words: str) -> re.Pattern[str]:
    """A cue family: each entry is a word stem (matched at a word start) or a literal phrase."""
    return re.compile(r"\b(?:" + "|".join(words) + r")", re.I)


_CUES: dict[str, re.Pattern[str]] = {
    # a reporting or action verb in a finite (past or present) form, not the noun: "restricted", not "restriction"
    "fact": re.compile(
        r"\b(?:said|says|told|tells|held|holds|denied|denies|banned|bans|stopped|stops|halted|halts|"
        r"(?:announc|impos|block|restrict|detain|arrest|fil|tighten|approv|launch|releas|summon|order|ask|"
        r"request|report|add|sign|issu|confirm|introduc|adopt|enact|amend|suspend|prosecut|charg|protest|"
        r"expand|pitch|conduct|urg|reject|warn|refus|accus|sanction|raid|seiz|unveil|agre|decid|press|pledg|"
        r"plac|target|rul|submit|notif|prohibit|revok|list|join|convey|launch|slash|rais|cut|vow|demand|"
        r"call|plan|remov|lift|extend|impl?ement|introduc|start|resum|invest|acquir|hack|breach|attack)(?:ed|es|s)\b|"
        r"(?:has|have|had|was|were) been \w+ed\b)",
        re.I,
    ),
    "dated": _DATE_RE,
    "numeric": re.compile(r"\b\d[\d,.]*\b|%|\b(?:million|billion|trillion|dozens?|hundreds?|thousands?)\b", re.I),
    "hedged": _family(
        r"may\b", r"might\b", r"could\b", r"likely", r"potential", r"risk", r"possib", r"suggest", r"can\b",
        r"hypothes", r"seems?\b", r"appears?\b", r"looks like", r"perhaps", r"probabl", r"reportedly",
    ),
    "forward": _family(
        r"will\b", r"plans?\b", r"planned", r"planning", r"expect", r"next\b", r"future", r"medium term",
        r"long term", r"outlook", r"upcoming", r"going forward", r"in the coming", r"intend", r"would\b",
    ),
    "signal": _family(
        r"whether", r"watch", r"monitor", r"indicator", r"if\b", r"countermeasure", r"pending", r"complaint",
        r"trigger", r"signal", r"negotiat", r"track", r"depend",
    ),
    "causal": _family(
        r"because", r"aimed at", r"aiming", r"in response to", r"response to", r"driven by", r"motivat",
        r"retaliat", r"to counter", r"counter(?:ing)?\b", r"due to", r"in order to", r"so as to", r"rationale",
        r"followed", r"as a result", r"reason", r"in connection with", r"based on",
    ),
    "assumption": _family(
        r"uncertain", r"unclear", r"unknown", r"not provided", r"not disclosed", r"undisclosed", r"assum",
        r"remains? unclear", r"gaps?\b", r"unconfirmed", r"unverified", r"does not quantify", r"not specif",
        r"details (?:are|were) not", r"without citing", r"no sign",
    ),
    "contrary": _family(
        r"however", r"but\b", r"although", r"though\b", r"contradict", r"denied", r"rejected", r"despite",
        r"whereas", r"on the other hand", r"rather than",
    ),
    "positive": _family(r"resolution", r"resolv", r"de-?escalat", r"stabili[sz]", r"lift", r"agreement", r"dialogue", r"cooperat"),
    "negative": _family(r"escalat", r"sanction", r"retaliat", r"disrupt", r"standoff", r"fragment", r"hostil", r"miscalculat", r"conflict"),
    "political": _family(
        r"diplomat", r"allian", r"government", r"relations", r"tensions?", r"minist", r"politic", r"geopolit",
        r"bilateral", r"summit", r"embassy",
    ),
    "security": _family(
        r"militar", r"defen[cs]e", r"security", r"non-?proliferation", r"troops", r"weapon", r"army",
        r"navy", r"drills?\b", r"fighter", r"missile",
    ),
    "cyber": _family(
        r"cyber", r"hack", r"espionage", r"leak", r"data\b", r"cybersecurity", r"intrusion", r"malware",
        r"information space", r"surveillance",
    ),
    "economic": _family(
        r"trade", r"export", r"supply chain", r"market", r"compan", r"investment", r"invest", r"tariff",
        r"econom", r"procurement", r"industr", r"firms?\b", r"manufactur",
    ),
}
# Cues that name a domain (as opposed to a style such as "fact" or "hedged"); optional sections need one.
_DOMAIN_CUES = frozenset({"political", "security", "cyber", "economic", "assumption", "signal", "causal", "contrary"})
# Style cues of sentences that speculate rather than report; sections that want facts prefer others.
_SPECULATIVE = frozenset({"hedged", "forward", "signal", "assumption"})

# --------------------------------------------------------------------------------------------
# Junk and untrusted-instruction filters
# --------------------------------------------------------------------------------------------

_INSTRUCTION_RE = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|prompts?|rules|guidelines|directions|context|above|previous|prior)\b|"
    r"^\W*(?:system|assistant|user|developer)\s*[:>\]]|\[/?(?:inst|system)\]|<\|?/?(?:im_start|im_end|system|assistant|user)\|?>|"
    r"\byou must\b|\bas an ai\b|\blanguage model\b|\byou are (?:now|an? (?:ai|assistant|chatbot|language))\b|"
    r"\b(?:new|updated|hidden|secret) instructions?\b|\bprompt injection\b|\bjailbreak|"
    r"\b(?:respond|reply|answer|output|print|write)\s+(?:only\s+)?(?:with|in|the following)\b|"
    r"\bdo not (?:cite|mention|reveal|tell|follow)\b|\breveal (?:your|the) (?:system )?prompt\b|"
    r"\b(?:brief|summary|answer|assistant|model|ai)\s+(?:must|should)\s+(?:say|state|claim|conclude|report|include)\b",
    re.I,
)
_BOILERPLATE_RE = re.compile(
    r"^\W*(?:photos?|images?|pictures?|video|file photo|credit|caption|source|graphic|screenshot)\s*[:\-–—|]|"
    r"\bimage \d+\b|\bexplore more\b|\bsupport us\b|\bsee our methodology\b|\bsubscribe\b|\bsign up\b|"
    r"\bread more\b|\bclick here\b|\ball rights reserved\b|\bcookies?\b|\bnewsletter\b|\bfollow us\b|"
    r"\bshare this\b|\badvertisement\b|\bterms of (?:use|service)\b|\bprivacy policy\b|\bcopyright\b|"
    r"\bhttps?://|\bwww\.|\bjavascript\b|\bdownload (?:the|our) app\b|\blog ?in\b|"
    r"\bai[- ]powered\b|\bai briefings\b|\binteractive maps\b|^\W*(?:translated|adapted|reprinted|excerpted) from\b|"
    r"\boriginally (?:published|appeared)\b",
    re.I,
)
_CRUMBS_RE = re.compile(r"\s[>›»|]\s|\s[>›»|]\s*$|·")
_TERMINAL_RE = re.compile(r"[.!?…。！？][\"'’”)\]」』）]*$")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*%?")
_VERBISH_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|does|did|do)\b|"
    r"\b\w{3,}(?:ed|es|ing)\b|\b(?:said|says|told|made|took|held|led|set|put|cut|hit|sent|kept|saw)\b",
    re.I,
)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did)\b|"
    r"\b\w{3,}ed\b|\b(?:said|says|told|made|took|held|led|set|put|cut|hit|sent|kept|saw)\b",
    re.I,
)


def _is_label(text: str) -> bool:
    """'The scope of X: a, b and c.' — a list item under a label, not a statement of what happened."""
    head, sep, _ = text.partition(":")
    return bool(sep) and len(head) <= 100 and not _FINITE_RE.search(head)


# A CJK character carries about half an English word (most Japanese/Chinese words are two characters).
_CJK_CHARS_PER_WORD = 2


def _cjk_junk_reason(text: str) -> str | None:
    """The English rules below count space-separated words and capitals; CJK prose has neither, so its
    sentences are judged by length in characters, boilerplate, questions and terminal punctuation."""
    n = cjk_count(text) // _CJK_CHARS_PER_WORD + len(_words(text))
    if n < MIN_WORDS:
        return "short"
    if n > MAX_WORDS:
        return "long"
    if _BOILERPLATE_RE.search(text) or _CRUMBS_RE.search(text):
        return "boilerplate"
    if text.rstrip("」』）)\"' ").endswith(("?", "？")):
        return "question"
    if not _TERMINAL_RE.search(text.rstrip()):
        return "heading"  # an unpunctuated CJK line is a headline, caption or list item
    return None


def _junk_reason(text: str) -> str | None:
    """Why a sentence must not be quoted, or None if it may be."""
    words = _words(text)
    if _INSTRUCTION_RE.search(text) or is_instruction_like(text):
        return "instruction"
    if is_mostly_cjk(text):
        return _cjk_junk_reason(text)
    if len(words) < MIN_WORDS:
        return "short"
    if len(words) > MAX_WORDS:
        return "long"
    if _BOILERPLATE_RE.search(text) or _CRUMBS_RE.search(text):
        return "boilerplate"
    stripped = text.rstrip("\"'’”)] ")
    if stripped.endswith("?") or text.count("?") >= 2:
        return "question"
    if len(words) >= 12 and sum(w.lower() in _STOPWORDS for w in words) < 0.05 * len(words):
        return "not prose"  # lists of names or tags, or text in another language
    if len(re.findall(r"[a-z][A-Z]", text)) >= 2:  # run-together tags or navigation: "approvalChinese"
        return "boilerplate"
    letters = sum(ch.isalpha() for ch in text)
    if letters < 0.6 * len(text.replace(" ", "")):
        return "boilerplate"
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    caps = sum(w[0].isupper() for w in long_words)
    if not long_words or (caps >= 0.75 * len(long_words) and not _VERBISH_RE.search(text)):
        return "heading"
    if not _TERMINAL_RE.search(text.rstrip()):
        # an unpunctuated line is a heading, a caption, a list item or a snippet cut off mid-sentence
        if caps >= 0.4 * len(long_words) or not _VERBISH_RE.search(text) or len(words) < 15:
            return "heading"
        return "truncated"
    return None


#: Public name: the pipeline's timeline quotes evidence sentences under the same rules.
junk_reason = _junk_reason
