"""What the extractive writer reads off a sentence: cue families, answer kinds, and junk/instruction filters."""

from __future__ import annotations

import re

from rag.injection import is_instruction_sentence
from rag.text.tables import is_table_row
from rag.text.editorial_notes import note_pattern
from rag.text.teasers import teaser_pattern
from rag.text.lexicon import alternation, table, word_list, word_set
from rag.text.dates import MONTH_NAMES, WEEKDAYS
from rag.text.scripts import CJK_CHARS, cjk_count, is_mostly_cjk

MIN_WORDS = 6
MAX_WORDS = 80

# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------

#: Function words for the writer: the shared stop words plus vague quantifiers and list connectives.
STOPWORDS = word_set("stopwords") | word_set("writer_stopwords")
#: Words a question uses to ask, not to say what it is about.
QUESTION_LIGHT = word_set("question_light")
#: Nouns that only describe the kind of answer wanted ("which *outlet*", "what *figure*").
ANSWER_CLASS = word_set("answer_classes")
#: Nouns of a question asking for a name ("which automaker", "what agency"), longest first so "think tanks" wins.
_NAME_CLASS = alternation(word_set("name_classes"))
PLACE_CLASS = re.compile(r"\b(?:countr(?:y|ies)|nations?|cit(?:y|ies)|ports?|places?|regions?|where)\b", re.I)


def _question_kinds() -> tuple[tuple[str, ...], dict[str, re.Pattern[str]]]:
    """(kinds in the order they are tried, kind → compiled pattern) from ``data/answer_kinds.toml``; ``{:name:}`` in
    a pattern is the alternation of ``[vocab].name`` (``{:name_classes:}``: the nouns of ``name_classes.txt``;
    ``{:irregular_past:}``: the forms of ``irregular_past.txt``)."""
    data = table("answer_kinds")
    vocab = {name: alternation(words) for name, words in data["vocab"].items()}
    vocab["name_classes"] = _NAME_CLASS
    vocab["irregular_past"] = alternation(word_set("irregular_past"))
    compiled: dict[str, re.Pattern[str]] = {}
    for kind in data["order"]:
        patterns = []
        for pattern in data["kinds"][kind]["patterns"]:
            for name, alt in vocab.items():
                pattern = pattern.replace("{:" + name + ":}", alt)
            if "{:" in pattern:
                raise ValueError(f"answer_kinds.toml: unknown vocabulary in {pattern!r}")
            patterns.append(f"(?:{pattern})")
        compiled[kind] = re.compile("|".join(patterns), re.I)
    return tuple(data["order"]), compiled


#: The kinds of answer a question may ask for, in the order they are tried, and what asks for each
#: ("which materials did ..." → "list"); see ``rag/text/data/answer_kinds.toml``.
ANSWER_KIND_ORDER, WANTS = _question_kinds()
WANTS_NAME = WANTS["name"]
#: a blank line between two paragraphs (spaces and tabs on it allowed)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: verbs that introduce a name or a term ("dubbed", "known as"): ``TERM_RE``'s, and ``answer_kind.names_title``'s
NAMING_VERBS = r"called|known as|termed|dubbed|referred to as|so-called|label(?:led|ed)?"
TERM_RE = re.compile(rf"[“\"‘][^”\"’]{{2,60}}[”\"’]|\b(?:{NAMING_VERBS})\b", re.I)
# A sentence that states an intention: a plan, a threat or a promise, or what someone said would happen.
INTENT_RE = re.compile(r"\b(?:would|will|plans?|planned|planning|intends?|intended|vow(?:ed|s)?|pledg\w*|threaten\w*|promis\w*|to take)\b", re.I)
def _enumeration() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a list of items in a sentence, a list right after a word that introduces contents) from the
    ``[enumeration]`` table of ``data/answer_kinds.toml``."""
    data = table("answer_kinds")["enumeration"]
    stop = alternation(data["not_item_start"])
    word = r"[\w'’()/&.-]+"
    item = rf"(?!(?:{stop})\b){word}(?:\s+{word}){{0,{data['item_words'] - 1}}}"
    listed = (rf"{item},\s+{item}(?:,\s+{item})*,?\s+(?:and|or)\s+{item}|"
              rf"{item},?\s+as well as\s+{item}(?:,?\s+(?:and|or)\s+{item})?|"
              r":\s*[^,:;]{2,60},\s*[^,:;]{2,60}")
    gap = rf"(?:[^\s.;!?]+\s+){{0,{data['opener_gap']}}}?"
    openers = rf"\b(?:{alternation(data['list_openers'])})\s*:?\s+"
    opened = rf"{openers}{gap}(?:{listed})|{openers}{item}\s+(?:and|or)\s+{item}\s*[.;]"
    return re.compile(listed, re.I), re.compile(opened, re.I)


#: a later sentence adding members to a story's list: "The ministry also added Velt Logistics" (``[enumeration]``
#: ``continued``)
LIST_CONTINUED_RE = re.compile(rf"\b(?:{alternation(table('answer_kinds')['enumeration']['continued'])})\b", re.I)

# An enumeration in a sentence: "A, B and C", "A, B, or C", "A, as well as B and C", a colon and a comma list; and
# one that a word such as "cover" or "including" introduces: the contents of a measure or a set.
ENUM_RE, CONTENTS_LIST_RE = _enumeration()

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half "
    "percent"
).split()

DATE_RE = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:" + "|".join(MONTH_NAMES[1:]) + r")\b|"
    r"\b(?:" + "|".join(WEEKDAYS) + r")\b|\byesterday\b|\btoday\b|\blast (?:week|month|year)\b|"
    r"\bearlier this (?:week|month|year)\b",
    re.I,
)
# a number written against CJK characters, which are word characters, has no word boundary: "最大10億円" (up to ¥1
# billion), "5品目" (five items); the last two alternatives read it (never in text without CJK characters)
# (a number written against a following CJK character is tried first: "4,800여 건", "1.5亿元" are one number, where
# the first alternative stopped at the word boundary after "4," and "1.")
NUMBER_RE = re.compile(rf"\d(?:[\d,.]*\d)?(?=[{CJK_CHARS}])|"
                       r"\b\d[\d,.]*\b|\b(?:" + "|".join(_NUMBER_WORDS[1:]) + r")\b|%"
                       rf"|(?<=[{CJK_CHARS}])\d(?:[\d,.]*\d)?", re.I)
YEARISH_RE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
ISO_DATE_RE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A sentence that continues the previous one: it refers back to what that sentence named.
ANAPHORA_RE = re.compile(
    r"^\W*(?:(?:the|this|that|these|those|such)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(word_list("anaphora_nouns")) + r")\b|"
    r"this\b|these\b|it\b|its\b|they\b|their\b|he\b|his\b|she\b|her\b)",
    re.I,
)


def _family(*words: str) -> re.Pattern[str]:
    """A cue family: each entry is a word stem (matched at a word start) or a literal phrase."""
    return re.compile(r"\b(?:" + "|".join(words) + r")", re.I)


_CUE_DATA = table("cue_families")
CUES: dict[str, re.Pattern[str]] = {
    # a reporting or action verb in a finite (past or present) form, not the noun: "restricted", not "restriction"
    "fact": re.compile(
        r"\b(?:" + "|".join(_CUE_DATA["fact_verbs"]) + "|"
        r"(?:" + "|".join(_CUE_DATA["fact_verb_stems"]) + r")(?:ed|es|s)\b|"
        r"(?:has|have|had|was|were) been \w+ed\b)",
        re.I,
    ),
    "dated": DATE_RE,
    "numeric": re.compile(r"\b\d[\d,.]*\b|%|\b(?:million|billion|trillion|dozens?|hundreds?|thousands?)\b", re.I),
    **{name: _family(*stems) for name, stems in _CUE_DATA["families"].items()},
}
# Cues that name a domain (as opposed to a style such as "fact" or "hedged"); optional sections need one.
DOMAIN_CUES = frozenset({"political", "security", "cyber", "economic", "assumption", "signal", "causal", "contrary"})
# Style cues of sentences that speculate rather than report; sections that want facts prefer others.
SPECULATIVE = frozenset({"hedged", "forward", "signal", "assumption"})

# --------------------------------------------------------------------------------------------
# Junk and untrusted-instruction filters
# --------------------------------------------------------------------------------------------

# page furniture, the editorial notes about the article itself (``rag.text.editorial_notes``, shared with rag.dedup)
# and links to other stories (``rag.text.teasers``, shared with the HTML reader)
_BOILERPLATE_RE = re.compile("|".join([*word_list("boilerplate_patterns"), note_pattern(), teaser_pattern()]), re.I)
_CRUMBS_RE = re.compile(r"\s[>›»|]\s|\s[>›»|]\s*$|·")
# In CJK prose a middle dot between two words joins them ("방위사업·산업기술범죄수사부", "韩·美", "迈克尔·乔丹"): it is
# punctuation, not a crumb; a crumb trail's separators stand between spaces ("홈 · 뉴스 · 사회")
_CJK_CRUMBS_RE = re.compile(r"\s[>›»|·]\s|\s[>›»|·]\s*$")
TERMINAL_RE = re.compile(r"[.!?…。！？][\"'’”)\]」』）]*$")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*%?")
_VERBISH_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|does|did|do)\b|"
    r"\b\w{3,}(?:ed|es|ing)\b|\b(?:said|says|told|made|took|held|led|set|put|cut|hit|sent|kept|saw)\b",
    re.I,
)
#: a word that reads as a verb form (an auxiliary, "-ed", "-es", "-ing" or a common irregular past): a line without
#: one in title case is a heading
VERBISH_RE = _VERBISH_RE


# A kicker: a capitalised label and its colon ("‘SLICING METHOD’:", "UNRELENTING:") that opens a related-story
# snippet. Inside a sentence it means the splitter ran several snippets together (a headline cut off mid-line, the
# next snippet's kicker and sub-headline, then its first sentence): none of it is one statement.
_KICKER_RE = re.compile(r"(?<=\S)\s+[‘'\"“]?((?:[A-Z][A-Z'’-]{2,}\s+)*[A-Z][A-Z'’-]{2,})[’'\"”]?:\s")
#: a kicker is a word of at least this many capitals, or two words: shorter ones are acronyms ("NATO: ...")
KICKER_MIN_LETTERS = 7


def glued_snippets(text: str) -> bool:
    """Whether a "sentence" is several page snippets run together: a kicker label ("‘SLICING METHOD’:") after
    other text, not at its start (a dateline or a sentence's own label opens it)."""
    for m in _KICKER_RE.finditer(text):
        label = m.group(1)
        if len(label.split()) >= 2 or sum(ch.isalpha() for ch in label) >= KICKER_MIN_LETTERS:
            return True
    return False


def is_boilerplate(text: str) -> bool:
    """Whether a sentence matches a page-furniture pattern (``boilerplate_patterns.txt``: captions, credits, calls to
    action, related-story labels, legal lines; ``correction_notes.toml``: a note about the article): never quoted by any section, never a timeline entry."""
    return bool(_BOILERPLATE_RE.search(text))


def word_tokens(text: str) -> list[str]:
    """Words and numbers of ``text`` in order (apostrophes and hyphens stay inside words)."""
    return WORD_RE.findall(text)


_FINITE_RE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did)\b|"
    r"\b\w{3,}ed\b|\b(?:said|says|told|made|took|held|led|set|put|cut|hit|sent|kept|saw)\b",
    re.I,
)


# A noun phrase opening a sentence: a head noun (one modifier at most) and a preposition ("Potential bias in",
# "Risk of", "Over-reliance on", "Lack of"); "Beijing seeks control of" has a verb between them.
_NOUN_HEAD_RE = re.compile(r"^\W*(?:[\w'’-]+\s+)?[\w'’-]+\s+(?:of|in|on|about|over|for|from|with|around|behind)\s", re.I)


def is_noun_phrase(text: str) -> bool:
    """Whether a sentence is a verbless noun phrase: a list item's label ("Potential bias in interpreting X as Y.",
    "Risk of deception in official statements."), which names a caveat or a topic and states nothing. It opens with
    a head noun and a preposition and has no finite verb (no auxiliary, no past form)."""
    return bool(_NOUN_HEAD_RE.match(text)) and not _FINITE_RE.search(text)


def _argument_openers() -> re.Pattern[str]:
    words = table("role_openers")["titles"]["argument"]
    return re.compile(r"^\W*(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)", re.I)


_ARGUMENT_TITLE_RE = _argument_openers()


def is_argument_title(text: str) -> bool:
    """Whether a title asks or argues ("How Japan should avoid becoming a loophole ...", "Why sanctions fail") rather
    than report an event ("China Imposes Export Restrictions on 20 Japanese Firms"); ``role_openers.toml`` [titles]."""
    return bool(_ARGUMENT_TITLE_RE.match(text))


def is_label(text: str) -> bool:
    """'The scope of X: a, b and c.' — a list item under a label, not a statement of what happened."""
    head, sep, _ = text.partition(":")
    return bool(sep) and len(head) <= 100 and not _FINITE_RE.search(head)


# A table row names at least two cells by their columns: "Item: EUV pellicles; Category: Lithography." is a fact.
_TABLE_ROW_MIN_WORDS = 4

# A CJK character carries about half an English word (most Japanese/Chinese words are two characters).
_CJK_CHARS_PER_WORD = 2


def _cjk_junk_reason(text: str) -> str | None:
    """The English rules below count space-separated words and capitals; CJK prose has neither, so its
    sentences are judged by length in characters, boilerplate, questions and terminal punctuation."""
    n = cjk_count(text) // _CJK_CHARS_PER_WORD + len(word_tokens(text))
    if n < MIN_WORDS:
        return "short"
    if n > MAX_WORDS:
        return "long"
    if is_boilerplate(text) or _CJK_CRUMBS_RE.search(text):
        return "boilerplate"
    if text.rstrip("」』）)\"' ").endswith(("?", "？")):
        return "question"
    if not TERMINAL_RE.search(text.rstrip()):
        return "heading"  # an unpunctuated CJK line is a headline, caption or list item
    return None


#: fewest words of a short sentence read as a whole report (``is_short_report``)
SHORT_REPORT_MIN_WORDS = 3
#: the words a short report cannot open with: a pronoun, a demonstrative or a pointing word ("This is huge.", "That
#: was it.", "Here is why it matters."), whose sentence says nothing alone (``short_reports.toml``)
_SHORT_OPENERS = frozenset(table("short_reports")["not_subjects"]) | word_set("pronouns")


def is_short_report(text: str) -> bool:
    """Whether a sentence shorter than ``MIN_WORDS`` words is still a whole report, to be quoted as any sentence:
    ``SHORT_REPORT_MIN_WORDS`` words or more, closed by a full stop (not a question, an exclamation or a cut line), its
    first word a capitalised subject (a name or a determiner, not a pronoun nor a pointing word:
    ``_SHORT_OPENERS``) and a finite verb after it. "The men did not appeal.", "KISA declined to comment.", "No one
    was hurt." answer a question alone (s57's fresh user: "Did the men appeal?" abstained beside "The men did not
    appeal."); "Read more.", "Sign up for alerts.", "This is huge." do not."""
    words = word_tokens(text)
    if not (SHORT_REPORT_MIN_WORDS <= len(words) < MIN_WORDS):
        return False
    if not text.rstrip("\"'’”)] ").endswith(".") or text.rstrip("\"'’”)] ").endswith(".."):
        return False
    first = words[0]
    if not first[:1].isupper() or first.lower() in _SHORT_OPENERS:
        return False
    return bool(_FINITE_RE.search(" ".join(words[1:])))


def junk_reason(text: str) -> str | None:
    """Why a sentence must not be quoted, or None if it may be."""
    words = word_tokens(text)
    if is_instruction_sentence(text):
        return "instruction"
    if is_mostly_cjk(text):
        return _cjk_junk_reason(text)
    if is_table_row(text) and _TABLE_ROW_MIN_WORDS <= len(words) <= MAX_WORDS and not is_boilerplate(text):
        return None  # a table's row with its column names (rag.text.tables): a fact, though short, verbless, capitalised
    if len(words) < MIN_WORDS and not is_short_report(text):
        return "short"
    if len(words) > MAX_WORDS:
        return "long"
    if is_boilerplate(text) or _CRUMBS_RE.search(text):
        return "boilerplate"
    if len(words) < MIN_WORDS:
        return None  # a whole report in few words ("The men did not appeal."): quotable as any sentence
    if glued_snippets(text):
        return "glued"
    stripped = text.rstrip("\"'’”)] ")
    if stripped.endswith("?") or text.count("?") >= 2:
        return "question"
    if len(words) >= 12 and sum(w.lower() in STOPWORDS for w in words) < 0.05 * len(words):
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
    if not TERMINAL_RE.search(text.rstrip()):
        # an unpunctuated line is a heading, a caption, a list item or a snippet cut off mid-sentence
        if caps >= 0.4 * len(long_words) or not _VERBISH_RE.search(text) or len(words) < 15:
            return "heading"
        return "truncated"
    return None

