"""Claim-level support checking: is a brief's claim backed by the passage(s) it cites?

No NLI model is available offline, so the checker combines several cheap, deterministic signals:

1. **Semantic similarity.** The cited passages are split into sentences; the claim is scored against
   every sentence, every window of two consecutive sentences and the clauses of long sentences
   (one batched embedding call). The best cosine is mapped onto 0..1 so that 0.5 is the threshold.
2. **Hard consistency checks** (any failure caps the score below 0.5), against the whole cited text:
   numbers and quantities (digits, "2.63m", "twenty", "10-fold", fractions, percentages), dates
   (years, months, weekdays, month+day and month+year pairs, ISO dates), compass directions, named
   entities (countries with demonyms and capitals normalised, organisations, people, acronyms) and,
   against the best-matching sentence, polarity (negation cues with a short scope, affixal negation
   such as possible/impossible, and antonymous predicates: approve/deny, impose/lift, halt/resume,
   increase/decrease, join/stay out, boost/undermine, better/worse).
3. **Unsupported additions.** Content words of the claim that the cited text does not contain (after
   Porter stemming and a small paraphrase lexicon) are weighted by how unlike any cited word they
   are (word-level cosine, same embedder). They lower the score; a claim, or a clause of it, made
   mostly of such words fails.

The embedder is injected (``Callable[[Sequence[str]], np.ndarray]`` returning unit-norm rows, or any
object with an ``embed`` method), so the logic is testable and the module has no model of its own.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from rag.lexicon import STOPWORDS

__all__ = ["SupportResult", "SupportChecker", "split_sentences"]

EmbedFn = Callable[[Sequence[str]], np.ndarray]

# Cosine -> score calibration for all-MiniLM-L6-v2 (piecewise linear). Measured on corpus sentences:
# a faithful paraphrase scores 0.6-0.95 (near-verbatim > 0.9), a claim about something unrelated
# < 0.3, a vague or partial restatement 0.45-0.6. Claims that reuse the passage's words for a
# different fact also reach 0.5-0.7, which is why the lexical checks below exist.
_SIM_POINTS: tuple[tuple[float, float], ...] = ((0.15, 0.0), (0.45, 0.5), (0.72, 1.0))
_HARD_FAIL_CAP = 0.49  # score ceiling when any hard check fails
_NOVELTY_WEIGHT = 0.8  # score *= 1 - weight * (weighted) share of novel content words
_NOVEL_FAIL_SHARE = 0.5  # more than this share of novel content words fails the claim
_CLAUSE_FAIL_SHARE = 0.6  # a clause with at least this share of novel words fails the claim (an addition)
_MIN_NOVEL_WORDS = 1.5  # (weighted) novel words needed before novelty alone fails a claim or clause
_OUTSIDE_WINDOW_PENALTY = 0.95  # a number/country only found outside the best-matching window
# Word-level similarity (same embedder) credits paraphrases the lexicon misses: a claim word whose best
# cosine with a cited word is >= FULL counts as covered, <= NONE as novel, linear in between.
_WORD_SIM_FULL = 0.6
_WORD_SIM_NONE = 0.4
_MAX_PASSAGE_WORDS = 3000


@dataclass(frozen=True)
class SupportResult:
    """Whether a claim is supported by its cited passages, and why not."""

    supported: bool
    score: float  # 0..1, min_support=0.5 is the calibrated decision threshold
    similarity: float  # best cosine between the claim and a cited sentence / 2-sentence window
    reasons: tuple[str, ...]  # why it failed (empty when supported)
    best_sentence: str | None  # the cited sentence(s) that best support the claim


# --------------------------------------------------------------------------------------------
# Text normalisation and sentence splitting
# --------------------------------------------------------------------------------------------

_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
# Citation markers the brief generator may leave in a claim: [1], [2, 3], [S1], [doc-2].
_CITATION_RE = re.compile(r"\[\s*[\w.\-]{0,12}\d[\w.\-]*(?:\s*[,;]\s*[\w.\-]{0,12}\d[\w.\-]*)*\s*\]")


def _normalize(text: str) -> str:
    """NFKC, straight quotes, ASCII hyphens and spaces (so "Japan\u2019s" and "Japan's" compare equal)."""
    return unicodedata.normalize("NFKC", text).translate(_TRANSLATE)


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen gov sen rep rev col lt sgt capt cmdr adm pres sec dept
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc plc bros no nos vol vols fig figs p pp ed eds approx est vs etc al
    e.g i.e u.s u.k u.n a.m p.m""".split()
)
# Abbreviations that are also words ("he said no.", "under the sun."): only before a number.
_ABBREV_BEFORE_NUMBER = frozenset("no nos mar sun sat wed fig figs p pp vol vols ed est".split())
_SENT_END_RE = re.compile(r"([.!?]+[\"')\]]*)(\s+)(?=[\"'(\[]?[A-Z0-9\u3040-\u9fff])")
_CJK_END_RE = re.compile(r"(?<=[\u3002\uff01\uff1f])")
_BULLET_RE = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u25e6\u2023*\-]+|\(?\d{1,2}[.)])\s+")


def split_sentences(text: str) -> list[str]:
    """Split text into sentences: lines first, then terminal punctuation, minding abbreviations.

    Handles "U.S.", "Mar. 31", "Prof. Lee", initials ("J. Smith"), bullets and CJK full stops.
    Lines that were hard-wrapped mid-sentence (next line starts lower-case) are re-joined.
    """
    text = _normalize(text or "")
    lines = [ln.strip() for ln in text.splitlines()]
    merged: list[str] = []
    for ln in lines:
        if not ln:
            merged.append("")
            continue
        ln = _BULLET_RE.sub("", ln)
        if merged and merged[-1] and not re.search(r"[.!?:;\"')\u3002]$", merged[-1]) and ln[:1].islower():
            merged[-1] = merged[-1] + " " + ln
        else:
            merged.append(ln)
    out: list[str] = []
    for ln in merged:
        if not ln:
            continue
        ln = re.sub(r"\s+", " ", ln)
        pieces: list[str] = []
        start = 0
        for m in _SENT_END_RE.finditer(ln):
            before = ln[start : m.start(1)]
            last = before.rsplit(" ", 1)[-1].lstrip("\"'([").lower()
            punct = m.group(1)
            if punct.startswith(".") and len(punct.rstrip("\"')]")) == 1:
                nxt_digit = ln[m.end() : m.end() + 1].isdigit()
                ambiguous = last in _ABBREV_BEFORE_NUMBER and not nxt_digit  # "he said no."
                if not ambiguous and (
                    last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", last)
                ):
                    continue
            pieces.append(ln[start : m.end(1)].strip())
            start = m.end()
        pieces.append(ln[start:].strip())
        for piece in pieces:
            out.extend(p.strip() for p in _CJK_END_RE.split(piece) if p.strip())
    return [s for s in out if re.search(r"\w", s)]


# --------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------

_STOPWORDS = STOPWORDS
# Words that carry no checkable content: reporting verbs, hedges, relative time.
_LIGHT = frozenset(
    """said say says saying told tell tells reported report reports reportedly according stated state states
    added add adds noted note notes announced announce announces claimed claim claims described describe
    yesterday today tomorrow recently recent currently now later earlier last next week weeks month months
    year years day days time times ago soon meanwhile amid amidst around about roughly nearly almost
    approximately some over more less least fewer than alleged allegedly appear appears appeared seem seems
    seemed likely unlikely possibly potential potentially reportedly given made make makes making take
    takes took taken way ways part parts thing things lot lots kind sort really actually already""".split()
)
_HEDGES = frozenset(
    "about around roughly nearly almost approximately some over more less under up least fewer close "
    "estimated approx ~ circa".split()
)
_TITLES = frozenset(
    """president vice prime minister ministers secretary chief deputy spokesman spokeswoman spokesperson
    chairman chairwoman chair ceo cfo cto founder director ambassador envoy mr mrs ms dr prof professor
    general admiral governor mayor senator representative lawmaker premier chancellor king queen emperor
    crown prince princess sir lord executive official officials""".split()
)
# Generic organisation words: soft on their own, but checked when attached to a name (Mitsubishi *Electric*).
_ORG_WORDS = frozenset(
    """ministry department bureau agency office council committee commission cabinet national security
    foreign affairs trade industry industries economy economic energy defense defence finance commerce
    justice interior home state government parliament congress senate house diet assembly court supreme
    high coast guard army navy force forces air military police customs administration university
    institute center centre fund foundation association corporation corp inc co ltd llc plc group
    holdings company electric electronics heavy materials motors semiconductor semiconductors
    international global organization organisation act law bill list entity party communist democratic liberal people peoples
    people's republic union federation kingdom service services board authority authorities bank
    central reserve times news post journal daily herald radio television tv network agency desk
    intelligence research exploration aerospace technology technologies science sciences""".split()
)
# Generic acronyms that are ordinary vocabulary, with their expansions.
_GENERIC_ACRONYMS = {
    "ai": ("artificial intelligence",),
    "ev": ("electric vehicle",),
    "evs": ("electric vehicles",),
    "oled": ("organic light-emitting diode", "organic light emitting diode"),
    "lcd": ("liquid crystal",),
    "ic": ("integrated circuit",),
    "ics": ("integrated circuits",),
    "gdp": ("gross domestic product",),
    "r&d": ("research and development",),
    "ceo": ("chief executive",),
    "it": ("information technology",),
    "pc": ("personal computer",),
    "lng": ("liquefied natural gas",),
    "oem": ("original equipment",),
    "oems": ("original equipment",),
    "fx": ("foreign exchange",),
    "ip": ("intellectual property",),
    "5g": ("fifth-generation", "fifth generation"),
}
_COMMON_STARTERS = frozenset(
    """however meanwhile moreover furthermore additionally also instead still yet thus hence therefore
    overall together separately similarly likewise nonetheless nevertheless according officials experts
    analysts observers critics both such several many most some few each every another other others
    tech exports imports shipments sales controls restrictions measures companies firms businesses
    universities students researchers authorities government governments lawmakers executives
    citizens people markets investors prices supply demand trade tensions relations ties talks after
    before despite following amid under over since during until while although though because""".split()
)
_COMMON_SUFFIXES = (
    "ly", "ing", "ed", "s", "tion", "sion", "ment", "ity", "ness", "ance", "ence", "ive", "ous", "ful",
    "al", "ic", "er", "or", "ary", "ure", "ism", "ist", "ize", "ise", "ate", "ship", "ical",
)

# Countries, with demonyms, capitals and common acronyms (case-sensitive patterns, longest first).
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "north korea": ("North Koreans", "North Korean", "North Korea", "DPRK", "Pyongyang"),
    "korea": (
        "Republic of Korea", "South Koreans", "South Korean", "South Korea", "Koreans", "Korean", "Korea",
        "ROK", "Seoul",
    ),
    "japan": ("Japanese", "Japan", "Tokyo", "Nippon"),
    "china": ("People's Republic of China", "Chinese", "China", "Beijing", "PRC", "mainland China"),
    "taiwan": ("Republic of China", "Taiwanese", "Taiwan", "Taipei", "ROC"),
    "hong kong": ("Hong Kongers", "Hong Kong",),
    "united states": (
        "United States of America", "United States", "Americans", "American", "America", "U.S.A.", "U.S.",
        "USA", "US", "Washington",
    ),
    "europe": ("European Union", "Europeans", "European", "Europe", "EU", "E.U.", "Brussels"),
    "united kingdom": ("United Kingdom", "Britain", "British", "U.K.", "UK", "London"),
    "germany": ("Germany", "Germans", "German", "Berlin"),
    "france": ("France", "French", "Paris"),
    "netherlands": ("Netherlands", "Dutch", "The Hague"),
    "russia": ("Russians", "Russian", "Russia", "Moscow", "Kremlin"),
    "india": ("Indians", "Indian", "India", "New Delhi"),
    "vietnam": ("Vietnamese", "Vietnam", "Viet Nam", "Hanoi"),
    "australia": ("Australians", "Australian", "Australia", "Canberra"),
    "canada": ("Canadians", "Canadian", "Canada", "Ottawa"),
    "venezuela": ("Venezuelans", "Venezuelan", "Venezuela", "Caracas"),
    "singapore": ("Singaporean", "Singapore"),
    "malaysia": ("Malaysians", "Malaysian", "Malaysia", "Kuala Lumpur"),
    "philippines": ("Philippines", "Philippine", "Filipinos", "Filipino", "Manila"),
    "indonesia": ("Indonesians", "Indonesian", "Indonesia", "Jakarta"),
    "thailand": ("Thailand", "Thai", "Bangkok"),
    "israel": ("Israelis", "Israeli", "Israel"),
    "iran": ("Iranians", "Iranian", "Iran", "Tehran"),
    "ukraine": ("Ukrainians", "Ukrainian", "Ukraine", "Kyiv", "Kiev"),
    "mongolia": ("Mongolian", "Mongolia"),
    "italy": ("Italians", "Italian", "Italy", "Rome"),
    "mexico": ("Mexicans", "Mexican", "Mexico"),
    "brazil": ("Brazilians", "Brazilian", "Brazil"),
    "saudi arabia": ("Saudi Arabia", "Saudis", "Saudi"),
}
_COUNTRY_RE = re.compile(
    "|".join(
        f"(?P<c{i}>" + "|".join(re.escape(a) + (r"(?![\w])" if a[-1].isalnum() else "") for a in aliases) + ")"
        for i, aliases in enumerate(_COUNTRY_ALIASES.values())
    ).replace("(?P<", "(?<![\\w.])(?P<"),
)
_COUNTRY_KEYS = list(_COUNTRY_ALIASES)
_COUNTRY_WORDS = frozenset(
    w.lower() for aliases in _COUNTRY_ALIASES.values() for a in aliases for w in a.split()
) - _STOPWORDS

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MONTH_NAMES = [
    "", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]
_MONTH_ALT = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_ISO_DATE_RE = re.compile(r"(?<![\d\-/])(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d\-/])")
_MONTH_DAY_RE = re.compile(rf"\b({_MONTH_ALT})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|million|billion))")
_DAY_MONTH_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_ALT})(?![\w])")
_MONTH_RE = re.compile(rf"(?<![\w])({_MONTH_ALT})(?![\w])")

_NUM_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALE_WORDS = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
_CODE_RE = re.compile(r"(?<![\w.])(?=[A-Za-z]*[A-Z])[A-Za-z]+-?\d+[A-Za-z0-9]*(?:-\d+)?(?![\w])")
_DIGIT_CODE_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?([A-Za-z]+)(?![\w])")
_NUM_RE = re.compile(
    r"(?<![\w])(?<!\d\.)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<att>k|m|mn|mln|bn|b|tn|trn)(?![\w])|(?:st|nd|rd|th|s)(?![\w])|\s*(?P<word>hundred|thousand|million|billion|trillion)\b)?"
    r"(?P<pct>\s*(?:%|percent\b|per\s+cent\b))?",
    re.I,
)
_SPELLED_RE = re.compile(
    r"\b(?:(?:a|one)\s+dozen|dozen|(?:"
    + "|".join(sorted(_NUM_WORDS, key=len, reverse=True))
    + r")(?:[\s-]+(?:and\s+)?(?:"
    + "|".join(sorted(list(_NUM_WORDS) + list(_SCALE_WORDS), key=len, reverse=True))
    + r"))*)(?:fold)?\b",
    re.I,
)
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
              "tenth": 10, "tenths": 10}
_FRACTION_RE = re.compile(
    r"\b(?:(a|an|one|two|three|four|nine)[\s-]+)?(halves|half|thirds|third|quarters|quarter|fifths|fifth|tenths|tenth)"
    r"\s+of\b",
    re.I,
)
_MONTH_YEAR_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_ALT})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_ALT}),?\s+)"
    r"(?P<y>(?:1[89]|20|21)\d\d)\b"
)
_DIRECTION_RE = re.compile(r"\b(north|south|east|west)-?(east|west)?(?:ern|erly|wards?)?\b", re.I)
_FOLD_WORD_RE = re.compile(r"\b(" + "|".join(_NUM_WORDS) + r")fold\b", re.I)

# Polarity.
_NEGATORS = frozenset("not n't no never neither nor none nobody nothing without cannot".split())
_NEG_VERBS = frozenset(
    """deny denies denied denying refuse refuses refused refusing reject rejects rejected rejecting
    decline declines declined declining fail fails failed failing unable""".split()
)
_NEG_PHRASES = (("no", "longer"), ("ruled", "out"), ("rule", "out"), ("rules", "out"), ("ruling", "out"))
_NOT_NEGATION_AFTER = frozenset("only just merely simply least".split())  # "not only", "not least"
_SCOPE_BOUNDARY = frozenset(
    """but while whereas although though because since after before when whenever if unless despite as
    which who whom whose where so yet however instead rather""".split()
)
_SCOPE_SKIP = (
    _STOPWORDS | frozenset("""any yet ever even also further longer able going gone get got""".split())
) - _NEGATORS
_SCOPE_LEN = 3
# Heads that take a verb complement: "no [intention] of [withdrawing]", "not [plan] to [retract]".
_CONTROL_STEMS = frozenset(
    "plan intend intent aim want seek expect agre tri attempt decid need mean abl wish hope move "
    "commit prepar threaten propos promis vow pledg continu start begin go".split()
)

# Antonymous predicates: word stem -> (axis, sign). Effective sign is flipped inside a negation scope.
_AXIS_WORDS: dict[str, list[tuple[str, int]]] = {}


def _axis(axis: str, sign: int, words: str) -> None:
    for w in words.split():
        _AXIS_WORDS.setdefault(w, []).append((axis, sign))


_axis("permit", +1, "approve approves approved approving approval approvals allow allows allowed allowing "
      "permit permits permitted permitting authorize authorizes authorized authorise authorised "
      "authorization grant grants granted granting accept accepts accepted accepting certify certified")
_axis("permit", -1, "ban bans banned banning prohibit prohibits prohibited prohibiting forbid forbids forbade "
      "forbidden block blocks blocked blocking deny denies denied denying reject rejects rejected rejecting "
      "refuse refuses refused refusing veto vetoed embargo embargoed")
_axis("impose", +1, "impose imposes imposed imposing tighten tightens tightened tightening strengthen "
      "strengthens strengthened strengthening maintain maintains maintained maintaining keep keeps kept "
      "retain retains retained uphold upholds upheld stricter tougher harsher reimpose reimposed "
      "extend extends extended")
_axis("impose", -1, "lift lifts lifted lifting loosen loosens loosened loosening relax relaxes relaxed "
      "relaxing ease eases eased easing remove removes removed removing retract retracts retracted "
      "retracting withdraw withdraws withdrew withdrawn withdrawing scrap scraps scrapped scrapping "
      "rescind rescinds rescinded revoke revokes revoked repeal repeals repealed weaken weakens weakened "
      "looser softer abolish abolished")
_axis("amount", +1, "increase increases increased increasing rise rises rose risen rising grow grows grew "
      "grown growing surge surges surged surging jump jumps jumped soar soars soared climb climbs climbed "
      "double doubled doubling triple tripled higher")
_axis("amount", -1, "decrease decreases decreased decreasing fall falls fell fallen falling drop drops dropped "
      "dropping shrink shrinks shrank shrunk plunge plunged slump slumped reduce reduces reduced reducing "
      "lower lowered halve halved")
_axis("continue", -1, "halt halts halted halting suspend suspends suspended suspending stop stops stopped "
      "stopping cease ceases ceased pause paused freeze froze frozen")
_axis("participate", +1, "join joins joined joining participate participates participated participating "
      "cooperate cooperates cooperated cooperating collaborate collaborated engage engaged")
_axis("participate", -1, "boycott boycotts boycotted quit quits abstain abstains abstained refrain refrains "
      "refrained stay-out opt-out pull-out")
_axis("help", +1, "boost boosts boosted boosting bolster bolsters bolstered improve improves improved improving "
      "enhance enhances enhanced enhancing benefit benefits benefited benefiting")
_axis("help", -1, "undermine undermines undermined undermining harm harms harmed harming damage damages damaged "
      "damaging hurt hurts hurting jeopardize jeopardizes jeopardized erode erodes eroded hamper hampers "
      "hampered hinder hinders hindered impair impairs impaired")
_axis("admit", +1, "admit admits admitted admitting acknowledge acknowledges acknowledged concede concedes conceded")
_axis("admit", -1, "deny denies denied denying dispute disputes disputed")
_axis("compare", +1, "more better greater stronger larger bigger most best strongest largest biggest")
_axis("compare", -1, "less lesser worse weaker smaller fewer least worst weakest smallest")
_axis("continue", +1, "resume resumes resumed resuming restart restarted reopen reopened continue continues "
      "continued continuing")

# A narrow set of predicate synonyms used to align polarity across paraphrases.
_PRED_CANON: dict[str, str] = {}
for _c, _ws in {
    "retract": "retract withdraw withdrew withdrawn scrap rescind revoke repeal abandon drop reverse",
    "plan": "plan intend intent intention aim",
    "approv": "approv authoriz authoris permit permiss",
    "tighten": "tighten strengthen stricter tougher",
    "halt": "halt suspend stop ceas",
}.items():
    for _w in _ws.split():
        _PRED_CANON[_w] = _c

# Paraphrase lexicon (novel-word coverage only). Each group is a set of interchangeable stems.
_SYNONYM_GROUPS: tuple[str, ...] = (
    "control restrict restriction curb limit measur rule regul constraint restraint",
    "tight tighten tighter strict stricter tough tougher strengthen stringent harsher",
    "withdraw withdrew retract scrap revok rescind repeal lift remov revers abandon",
    "export shipment ship sale sell suppli suppl",
    "import purchas buy bought",
    "compani firm busi busin maker manufactur corpor enterpris produc supplier entiti",
    "chip semiconductor",
    "say said state announc tell told report claim note add declar comment",
    "plan intend intent aim seek expect prepar",
    "ban prohibit bar block forbid outlaw embargo",
    "approv author permit permiss clearanc licens allow grant certif",
    "deni deny refus reject declin rebuff",
    "increas rise rose grow growth grew surg jump climb soar boost rais hike expand up",
    "decreas declin fall fell drop reduc cut shrink plung slump lower down",
    "halt stop suspend ceas paus freez end",
    "resum restart reopen continu",
    "good product item materi compon equip",
    "govern administr author offici ministri regul",
    "countri nation",
    "urg call press ask appeal push request",
    "talk negoti renegoti discuss dialogu consult diplomaci diplomat",
    "tension disput conflict row friction spat standoff feud",
    "cyberattack attack intrus hack cyber",
    "smuggl traffick illicit",
    "protest object critic condemn complain complaint",
    "arrest detain detent held hold prosecut charg",
    "accus alleg",
    "concern worri fear risk",
    "larg big major signific huge massiv",
    "new latest recent fresh",
    "respons respond retali countermeasur repli",
    "compens pay",
    "hold keep maintain retain preserv stay",
    "impos introduc implement enact adopt appli",
    "loosen relax eas soften weaken",
    "high-tech tech technolog technologi advanc",
    "warn caution threaten",
    "firm compani",
    "join particip cooper collabor",
    "china's beij",
)


# --------------------------------------------------------------------------------------------
# Stemming and tokenising
# --------------------------------------------------------------------------------------------

try:  # nltk ships with llama-index-core; its Porter stemmer needs no data files.
    from nltk.stem.porter import PorterStemmer as _Porter

    _PORTER: Any = _Porter()
except Exception:  # pragma: no cover - fallback when nltk is absent
    _PORTER = None

_IRREGULAR = {
    "withdrew": "withdraw", "withdrawn": "withdraw", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "grew": "grow", "grown": "grow", "sold": "sell", "bought": "buy", "took": "take",
    "taken": "take", "made": "make", "said": "say", "told": "tell", "held": "hold", "won": "win",
    "lost": "lose", "began": "begin", "begun": "begin", "kept": "keep", "led": "lead", "left": "leave",
    "met": "meet", "sent": "send", "spent": "spend", "brought": "bring", "caught": "catch",
    "sought": "seek", "thought": "think", "shrank": "shrink", "shrunk": "shrink", "froze": "freez",
    "frozen": "freez", "forbade": "forbid", "forbidden": "forbid", "upheld": "uphold", "stole": "steal",
    "stolen": "steal", "chose": "choos", "chosen": "choos", "hit": "hit", "cut": "cut", "put": "put",
    "set": "set", "spread": "spread", "men": "man", "women": "woman", "countries": "countri",
}


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if _PORTER is not None:
        return _PORTER.stem(w)
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


_SYN_INDEX: dict[str, frozenset[int]] = {}
for _gi, _group in enumerate(_SYNONYM_GROUPS):
    for _w in _group.split():
        _SYN_INDEX[_w] = _SYN_INDEX.get(_w, frozenset()) | {_gi}


@lru_cache(maxsize=65536)
def _syn_groups(stem: str) -> frozenset[int]:
    groups = _SYN_INDEX.get(stem)
    if groups is not None:
        return groups
    for key, g in _SYN_INDEX.items():  # prefix forms in the lexicon ("manufactur" covers "manufacturer")
        if len(key) >= 5 and stem.startswith(key):
            return g
    return frozenset()


_WORD_RE = re.compile(r"[^\W\d_](?:[\w'&\-]*[^\W_])?")


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD_RE.finditer(text))


def _strip_possessive(word: str) -> str:
    if word.endswith("'s") or word.endswith("'S"):
        return word[:-2]
    if word.endswith("s'"):
        return word[:-1]
    return word.rstrip("'")


# --------------------------------------------------------------------------------------------
# Feature extraction
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Num:
    value: float
    surface: str
    hedged: bool


@dataclass
class _Facts:
    """Checkable facts of a text (claim or cited text)."""

    text: str
    numbers: list[_Num]
    codes: set[str]
    countries: dict[str, str]  # key -> first surface form
    months: set[int]
    weekdays: set[str]
    month_days: set[tuple[int, int]]
    month_years: set[tuple[int, int]]
    directions: set[str]  # compass directions outside country names ("southwest")
    masked: str  # text with numbers/dates/countries/codes blanked out (same length)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        chars[i] = " "


def _month_num(token: str) -> int:
    return _MONTHS.get(token.rstrip(".").lower(), 0)


def _spelled_value(phrase: str) -> float | None:
    words = re.split(r"[\s-]+", phrase.lower().replace("fold", " ").strip())
    words = [w for w in words if w and w not in ("and", "a")]
    if not words:
        return None
    if words == ["dozen"] or words == ["one", "dozen"]:
        return 12.0
    total, current = 0.0, 0.0
    for w in words:
        if w in _NUM_WORDS:
            current += _NUM_WORDS[w]
        elif w == "hundred":
            current = max(current, 1.0) * 100
        elif w in _SCALE_WORDS:
            total += max(current, 1.0) * _SCALE_WORDS[w]
            current = 0.0
        else:
            return None
    return total + current


def _is_hedged(text: str, start: int) -> bool:
    before = re.findall(r"[\w~]+|~", text[max(0, start - 30) : start].lower())
    return any(w in _HEDGES for w in before[-3:]) or text[max(0, start - 2) : start].strip().endswith("~")


def _extract_facts(text: str, *, claim: bool) -> _Facts:
    chars = list(text)
    numbers: list[_Num] = []
    codes: set[str] = set()
    months: set[int] = set()
    weekdays: set[str] = set()
    month_days: set[tuple[int, int]] = set()
    month_years: set[tuple[int, int]] = set()
    countries: dict[str, str] = {}

    def masked() -> str:
        return "".join(chars)

    # ISO dates: month/day pair, month, and the year as a number.
    for m in _ISO_DATE_RE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            month_days.add((mo, d))
            month_years.add((mo, y))
            months.add(mo)
            numbers.append(_Num(float(y), m.group(1), False))
            if not claim:
                numbers.append(_Num(float(d), m.group(3), False))
                numbers.append(_Num(float(mo), m.group(2), False))
            _blank(chars, m.start(), m.end())
    cur = masked()
    for m in _MONTH_YEAR_RE.finditer(cur):
        mo = _month_num(m.group("m1") or m.group("m2"))
        if mo:
            month_years.add((mo, int(m.group("y"))))
    for m in _MONTH_DAY_RE.finditer(cur):
        mo, d = _month_num(m.group(1)), int(m.group(2))
        if mo and 1 <= d <= 31:
            month_days.add((mo, d))
            if claim:
                _blank(chars, m.start(2), m.end())
    cur = masked()
    for m in _DAY_MONTH_RE.finditer(cur):
        d, mo = int(m.group(1)), _month_num(m.group(2))
        if mo and 1 <= d <= 31:
            month_days.add((mo, d))
            if claim:
                _blank(chars, m.start(1), m.start(2))
    cur = masked()
    for m in _MONTH_RE.finditer(cur):
        tok = m.group(1)
        if tok == "May":  # "May" is a month only next to a day or year
            ctx = cur[m.end() : m.end() + 6]
            ctx_before = cur[max(0, m.start() - 4) : m.start()]
            if not re.match(r"\s+\d", ctx) and not re.search(r"\d\s*$", ctx_before):
                continue
        if tok.rstrip(".").lower() in ("mar", "dec", "jun", "jan", "oct", "sep") and not re.match(r"\.?\s*\d", cur[m.end() : m.end() + 4]):
            if not tok.endswith("."):
                continue
        months.add(_month_num(tok))
        _blank(chars, m.start(), m.end())
    for m in _WEEKDAY_RE.finditer(masked()):
        weekdays.add(m.group(1).lower())
        _blank(chars, m.start(), m.end())

    # Alphanumeric codes (C919, F-35, COVID-19, 5G) must match as a whole.
    cur = masked()
    for m in _CODE_RE.finditer(cur):
        codes.add(m.group(0).lower().replace("-", ""))
        _blank(chars, m.start(), m.end())
    cur = masked()
    for m in _DIGIT_CODE_RE.finditer(cur):
        suffix = m.group(1).lower()
        if suffix in _SCALE_ABBR or suffix in ("st", "nd", "rd", "th", "s"):
            continue
        codes.add(m.group(0).lower())
        _blank(chars, m.start(), m.end())

    # Fractions ("more than half of", "two-thirds of"); compared with percentages too.
    cur = masked()
    for m in _FRACTION_RE.finditer(cur):
        num = _NUM_WORDS.get((m.group(1) or "one").lower(), 1) if (m.group(1) or "").lower() not in ("a", "an") else 1
        den = _FRACTIONS[m.group(2).lower()]
        value = num / den
        hedged = claim and _is_hedged(cur, m.start())
        numbers.append(_Num(value, m.group(0)[:-3].strip(), hedged))
        if not claim:
            numbers.append(_Num(value * 100, m.group(0), False))
        _blank(chars, m.start(), m.end() - 3)

    # Digit numbers with optional scale.
    cur = masked()
    for m in _NUM_RE.finditer(cur):
        raw = m.group("num")
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            continue
        scale = 1.0
        if m.group("att"):
            att = m.group("att").lower()
            # "2.63m", "$2bn" - a bare "b"/"m" only counts right after a currency sign or a decimal
            if att in ("b", "m") and not ("." in raw or re.search(r"[$\u20ac\u00a3\u00a5\u20a9]\s*$", cur[: m.start()])):
                scale = 1.0
            else:
                scale = _SCALE_ABBR[att]
        elif m.group("word"):
            scale = _SCALE_WORDS[m.group("word").lower()]
        hedged = claim and _is_hedged(cur, m.start())
        numbers.append(_Num(value * scale, m.group(0).strip(), hedged))
        if not claim and scale != 1.0:
            numbers.append(_Num(value, raw, False))
        if not claim and m.group("pct"):
            numbers.append(_Num(value / 100, raw, False))
        _blank(chars, m.start(), m.end())

    # Spelled-out numbers ("twenty", "ten-fold", "a dozen", "five million").
    cur = masked()
    for m in _FOLD_WORD_RE.finditer(cur):
        numbers.append(_Num(float(_NUM_WORDS[m.group(1).lower()]), m.group(0), claim and _is_hedged(cur, m.start())))
        _blank(chars, m.start(), m.end())
    cur = masked()
    for m in _SPELLED_RE.finditer(cur):
        phrase = m.group(0)
        value = _spelled_value(phrase)
        if value is None:
            continue
        low = phrase.lower().strip()
        if claim and low == "one":  # "one of the ...", "no one": too ambiguous to require
            continue
        if claim and low in ("dozen", "a dozen", "one dozen"):
            continue
        numbers.append(_Num(value, phrase, claim and _is_hedged(cur, m.start())))
        _blank(chars, m.start(), m.end())

    # Countries (demonyms and capitals normalised to a country key).
    cur = masked()
    for m in _COUNTRY_RE.finditer(cur):
        key = _COUNTRY_KEYS[int(m.lastgroup[1:])]  # type: ignore[index]
        countries.setdefault(key, m.group(0))
        _blank(chars, m.start(), m.end())
    directions = {
        (m.group(1) + (m.group(2) or "")).lower() for m in _DIRECTION_RE.finditer(masked())
    }
    return _Facts(text, numbers, codes, countries, months, weekdays, month_days, month_years, directions, masked())


@dataclass
class _TextIndex:
    """Lookup structures for a cited text."""

    facts: _Facts
    tokens: set[str]  # lower-case word tokens (possessives stripped, hyphen parts added)
    stems: set[str]
    groups: set[int]
    phrases: list[frozenset[str]]  # capitalised runs ("South Korean President Moon Jae-in")
    lower_text: str
    acronyms: set[str]  # lower-cased all-caps tokens (WTO, NSB)


def _index_text(text: str) -> _TextIndex:
    facts = _extract_facts(text, claim=False)
    tokens: set[str] = set()
    stems: set[str] = set()
    for m in _words(text):
        w = _strip_possessive(m.group(0)).lower()
        tokens.add(w)
        parts = [p for p in re.split(r"[-']", w) if p]
        if len(parts) > 1:
            tokens.update(parts)
            tokens.add("".join(parts))
        for p in [w] + parts:
            stems.add(_stem(p))
    groups: set[int] = set()
    for s in stems:
        groups |= _syn_groups(s)
    phrases = _capitalized_runs(text)
    acronyms = {m.group(0).lower() for m in re.finditer(r"\b[A-Z][A-Z&]{1,9}s?\b", text)}
    return _TextIndex(facts, tokens, stems, groups, phrases, text.lower(), acronyms)


_CONNECTORS = frozenset(["of", "and", "for", "the", "de", "on", "&"])


def _capitalized_runs(text: str) -> list[frozenset[str]]:
    runs: list[frozenset[str]] = []
    current: list[str] = []
    pending: list[str] = []
    prev_end = 0
    for m in _words(text):
        w = m.group(0)
        gap = text[prev_end : m.start()]
        prev_end = m.end()
        is_cap = w[:1].isupper() or (w[:1].isalpha() and any(c.isupper() for c in w[1:]))
        breaks = bool(re.search(r"[.;:!?()\"\n]", gap))
        if current and breaks:
            runs.append(frozenset(current))
            current, pending = [], []
        if is_cap:
            if current and pending:
                current.extend(pending)
            pending = []
            current.append(_strip_possessive(w).lower())
        elif current and w.lower() in _CONNECTORS and not pending:
            pending = [w.lower()]
        else:
            if current:
                runs.append(frozenset(current))
            current, pending = [], []
    if current:
        runs.append(frozenset(current))
    return runs


def _token_present(token: str, index: _TextIndex) -> bool:
    t = token.lower()
    if t in index.tokens:
        return True
    parts = [p for p in re.split(r"[-']", t) if p]
    if len(parts) > 1 and (all(p in index.tokens for p in parts) or "".join(parts) in index.tokens):
        return True
    return False


def _looks_common(word: str) -> bool:
    low = word.lower()
    if low in _STOPWORDS or low in _COMMON_STARTERS or low in _LIGHT or low in _HEDGES:
        return True
    if word.isupper() and len(word) > 1:
        return False
    return low.endswith(_COMMON_SUFFIXES)


@dataclass
class _Entity:
    phrase: str
    hard: list[str]  # name tokens that must be in the cited text
    org: list[str]  # generic organisation words attached to a name (Mitsubishi *Electric*)
    tokens: list[str]  # all capitalised tokens of the phrase


def _entity_problem(ent: _Entity, full: _TextIndex) -> str | None:
    """None when the cited text names this entity, else the part that is missing."""
    # A spelled-out name whose acronym the text uses ("World Trade Organization" for "WTO").
    initials = "".join(t[0] for t in ent.tokens if t[:1].isupper()).lower()
    if len(initials) >= 2 and initials in full.acronyms:
        return None
    missing = [w for w in ent.hard if not _token_present(w, full)]
    if missing:
        return " ".join(missing)
    if any(not _token_present(w, full) for w in ent.org):
        return ent.phrase
    hard = {w.lower() for w in ent.hard}
    if len(hard) >= 2 and not any(hard <= run for run in full.phrases):
        return ent.phrase
    return None


def _claim_entities(claim_text: str, masked: str) -> list[_Entity]:
    """Capitalised name phrases in the claim (countries, dates and numbers are already masked)."""
    entities: list[_Entity] = []
    current: list[tuple[str, str]] = []  # (word, kind) kind in hard/org/title/soft
    prev_end = 0

    def flush() -> None:
        if current:
            hard = [w for w, k in current if k == "hard"]
            org = [w for w, k in current if k == "org"]
            if hard:
                entities.append(_Entity(" ".join(w for w, _ in current), hard, org, [w for w, _ in current]))
        current.clear()

    for m in _words(masked):
        w = _strip_possessive(m.group(0))
        gap = masked[prev_end : m.start()]
        prev_end = m.end()
        if re.search(r"[^\s\-]", gap) or (gap.count(" ") > 1 and current):
            flush()
        first = w[:1]
        if not (first.isupper() or (first.isalpha() and any(c.isupper() for c in w[1:]))):
            flush()
            continue
        low = w.lower()
        before = claim_text[: m.start()].rstrip()
        initial = before == "" or before[-1] in ".!?:;\"'([-"
        if low in _STOPWORDS and not w.isupper():
            flush()
            continue
        if low in _GENERIC_ACRONYMS:
            flush()
            continue
        if low in _TITLES:
            current.append((w, "title"))
        elif low in _ORG_WORDS:
            current.append((w, "org"))
        elif initial and _looks_common(w):
            flush()
            continue
        else:
            current.append((w, "hard"))
    flush()
    return entities


def _content_words(masked: str) -> list[str]:
    """Content words of a (masked) text, lower-case, possessives stripped."""
    out = []
    for m in _words(masked):
        w = _strip_possessive(m.group(0)).lower()
        if len(w) < 2 or w in _STOPWORDS or w in _LIGHT or w in _TITLES:
            continue
        out.append(w)
    return out


def _stem_covered(word: str, index: _TextIndex) -> bool:
    s = _stem(word)
    if s in index.stems:
        return True
    if len(s) >= 6 and any(t.startswith(s[:6]) for t in index.stems if len(t) >= 6):
        return True  # tighter / tightened, withdraw / withdrew
    g = _syn_groups(s)
    return bool(g and g & index.groups)


def _word_covered(word: str, index: _TextIndex) -> bool:
    """Is a claim content word in the cited text: literally, by stem, by prefix or via the paraphrase lexicon?"""
    if _token_present(word, index):
        return True
    if word in _GENERIC_ACRONYMS and any(exp in index.lower_text for exp in _GENERIC_ACRONYMS[word]):
        return True
    if _stem_covered(word, index):
        return True
    parts = [p for p in re.split(r"[-']", word) if p and p not in _STOPWORDS]
    return len(parts) > 1 and all(_stem_covered(p, index) for p in parts)


# --------------------------------------------------------------------------------------------
# Polarity
# --------------------------------------------------------------------------------------------


def _polarity_tokens(text: str) -> list[str]:
    t = text.lower().replace("can't", "can not").replace("won't", "will not").replace("cannot", "can not")
    t = re.sub(r"n't\b", " not", t)
    t = re.sub(r"\b(stay|stays|stayed|staying|opt|opts|opted|opting|pull|pulls|pulled|pulling)\s+out\b", r"\1-out", t)
    t = re.sub(r"\b(stay|opt|pull)(?:s|ed|ing)?-out\b", r"\1-out", t)
    return re.findall(r"[a-z][a-z\-]*|[,;:.!?()\"]", t)


@dataclass
class _Polarity:
    lemma_pol: dict[str, set[int]]  # canonical predicate stem -> polarities seen
    axes: dict[str, set[int]]  # antonym axis -> effective signs seen
    has_negator: bool  # a true negator (not/no/never/without...) occurs
    has_negative: bool  # any negativity at all (negators, deny/refuse..., negative-axis words)
    negated_axis: bool  # an axis word sits inside a negation scope
    scoped: set[str]  # predicate-head lemmas inside a negation scope
    words: set[str]  # content words, for affixal negation (possible / impossible)


@lru_cache(maxsize=65536)
def _canon(word: str) -> str:
    s = _stem(word)
    if s in _PRED_CANON:
        return _PRED_CANON[s]
    for key, canon in _PRED_CANON.items():
        if len(key) >= 5 and s.startswith(key):
            return canon
    return s


def _polarity(text: str) -> _Polarity:
    toks = _polarity_tokens(text)
    n = len(toks)
    flips = [0] * n  # number of negation scopes covering each token
    heads: set[int] = set()  # predicate heads inside a negation scope ("not [plan] to [retract]")
    heads_at: list[int] = []
    last_content = -1
    has_negator = False
    has_negative = False
    i = 0
    while i < n:
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < n else ""
        is_cue = False
        verbal = True
        if tok in _NEGATORS:
            if tok == "not" and nxt in _NOT_NEGATION_AFTER:
                i += 1
                continue
            if tok == "no" and nxt in (".",):
                i += 1
                continue
            is_cue = True
            has_negator = True
        elif tok in _NEG_VERBS:
            if tok.startswith("declin") and nxt != "to":  # "exports declined" is a decrease
                i += 1
                continue
            if tok.startswith("fail") and nxt != "to":
                i += 1
                continue
            is_cue = True
            # "refused to [grant]", "denied that [...]" have a predicate head; "denied approval" has a
            # noun-phrase object whose head we cannot find reliably, so only axis words flip there.
            verbal = nxt in ("to", "that")
        elif (tok, nxt) in _NEG_PHRASES:
            is_cue = True
            has_negator = True
        if is_cue:
            has_negative = True
            collected = 0
            want_head = verbal  # the next content token is a predicate head
            j = i + 1
            while j < n and collected < _SCOPE_LEN:
                t = toks[j]
                if t in ",;:.!?()\"" or t in _SCOPE_BOUNDARY or t in _NEGATORS:
                    break
                if t in _NEG_VERBS:  # "has not denied": the negated predicate is the denial itself
                    flips[j] += 1
                    if want_head:
                        heads.add(j)
                    break
                if t in ("or", "and", "nor"):
                    want_head = bool(heads_at) and heads_at[-1] == last_content
                    flips[j] += 1
                    j += 1
                    continue
                if t in _SCOPE_SKIP or t in _COUNTRY_WORDS or t in _LIGHT:
                    flips[j] += 1
                    j += 1
                    continue
                flips[j] += 1
                collected += 1
                if want_head:
                    heads_at.append(j)
                    heads.add(j)
                    want_head = _stem(t) in _CONTROL_STEMS
                last_content = j
                j += 1
            heads_at.clear()
        i += 1
    lemma_pol: dict[str, set[int]] = {}
    axes: dict[str, set[int]] = {}
    scoped: set[str] = set()
    negated_axis = False
    words: set[str] = set()
    for k, tok in enumerate(toks):
        if not tok[0].isalpha():
            continue
        pol = -1 if flips[k] % 2 else 1
        for axis, sign in _AXIS_WORDS.get(tok, ()):
            axes.setdefault(axis, set()).add(sign * pol)
            if sign < 0:
                has_negative = True
            if flips[k]:
                negated_axis = True
        if tok in _STOPWORDS or tok in _NEGATORS or tok in _LIGHT or tok in _COUNTRY_WORDS:
            continue
        words.add(tok)
        lemma = _canon(tok)
        lemma_pol.setdefault(lemma, set()).add(pol)
        if k in heads:
            scoped.add(lemma)
        if tok in _NEG_VERBS:
            has_negative = True
    return _Polarity(lemma_pol, axes, has_negator, has_negative, negated_axis, scoped, words)


_NEG_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "non-")


def _affixal_negation(a: set[str], b: set[str]) -> tuple[str, str] | None:
    """A word of ``a`` whose negative-prefixed form is in ``b`` (and not vice versa): possible / impossible."""
    for w in sorted(a):
        if len(w) < 5 or w in b:
            continue
        for pre in _NEG_PREFIXES:
            neg = pre + w
            if neg in b and neg not in a:
                return (w, neg)
    return None


def _polarity_conflict(claim: _Polarity, support: _Polarity) -> str | None:
    for axis, csigns in claim.axes.items():
        ssigns = support.axes.get(axis)
        if ssigns and len(csigns) == 1 and len(ssigns) == 1 and csigns != ssigns:
            return f"negation mismatch: opposite {axis} predicate"
    for lemma in sorted(claim.scoped | support.scoped):
        if len(lemma) < 3:
            continue
        cp, sp = claim.lemma_pol.get(lemma), support.lemma_pol.get(lemma)
        if cp and sp and len(cp) == 1 and len(sp) == 1 and cp != sp:
            return f"negation mismatch on '{lemma}'"
    affixal = _affixal_negation(claim.words, support.words) or _affixal_negation(support.words, claim.words)
    if affixal:
        return f"negation mismatch: '{affixal[0]}' vs '{affixal[1]}'"
    if claim.has_negator and not support.has_negative and not claim.negated_axis:
        return "negation mismatch: claim is negated, cited text is not"
    return None


# --------------------------------------------------------------------------------------------
# Clause splitting for unsupported additions
# --------------------------------------------------------------------------------------------

_CLAUSE_SPLIT_RE = re.compile(
    r"\s*[,;:()]\s*(?:(?:and|but|while|whereas|which|who|as well as)\s+)?|\s+-\s+|\s+as well as\s+"
    r"|\s+(?:while|whereas|that|which|who|whose)\s+"
    r"|\s+and\s+(?=(?:also\s+|then\s+|later\s+)?[a-z]+(?:ed|es)\b)"
)


_FRAGMENT_SPLIT_RE = re.compile(r"(?<=[,;:])\s+|\s+-\s+|\s+\((?=[^)]{20,}\))")


def _fragments(sentence: str, *, min_words: int = 6) -> list[str]:
    """Clause-sized pieces of a long sentence, so a claim about one clause is not diluted by the rest."""
    pieces = [p.strip(" ,;:()") for p in _FRAGMENT_SPLIT_RE.split(sentence)]
    pieces = [p for p in pieces if len(p.split()) >= min_words]
    return pieces if len(pieces) > 1 else []


def _clauses(masked: str) -> list[str]:
    """Clauses of a claim, for spotting an added clause; reporting frames ("The brief judges that") are dropped."""
    out: list[str] = []
    pos = 0
    for m in _CLAUSE_SPLIT_RE.finditer(masked):
        piece = masked[pos : m.start()]
        pos = m.end()
        if piece.strip() and not _is_frame(piece, before_that=m.group(0).strip() == "that"):
            out.append(piece)
    if masked[pos:].strip() and not _is_frame(masked[pos:], before_that=False):
        out.append(masked[pos:])
    return out


_REPORTING_VERBS = frozenset(
    """say says said argue argues argued judge judges judged believe believes believed note notes noted warn
    warns warned estimate estimates estimated assess assesses assessed conclude concludes concluded think
    thinks thought claim claims claimed suggest suggests suggested write writes wrote add adds added report
    reports reported observe observes observed contend contends contended insist insists insisted according
    stress stresses stressed""".split()
)


def _is_frame(clause: str, *, before_that: bool) -> bool:
    """An attribution like "the author argues" or "The brief judges (that ...)": no facts of its own."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", clause)]
    content = _content_words(clause)
    if len(content) > 3:
        return False
    return before_that or any(w in _REPORTING_VERBS for w in words)


# --------------------------------------------------------------------------------------------
# The checker
# --------------------------------------------------------------------------------------------


def _sim_to_score(sim: float) -> float:
    pts = _SIM_POINTS
    if sim <= pts[0][0]:
        return 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if sim <= x1:
            return y0 + (y1 - y0) * (sim - x0) / (x1 - x0)
    return 1.0


def _sig_digits(value: float) -> int:
    """Significant digits of a number as written: 2.6e6 -> 2, 2.63e6 -> 3, 200 -> 1, 203 -> 3."""
    digits = f"{abs(value):.6g}".split("e")[0].replace(".", "").strip("0")
    return max(1, len(digits))


def _num_match(num: _Num, values: Iterable[float]) -> bool:
    for v in values:
        if math.isclose(num.value, v, rel_tol=1e-9, abs_tol=1e-9):
            return True
        # "about 2.6 million" for 2.63 million: a hedged claim may round, but only to a rounder number.
        if num.hedged and v and abs(num.value - v) / abs(v) <= 0.1 and _sig_digits(num.value) < _sig_digits(v):
            return True
    return False


@dataclass
class _Prepared:
    claim: str
    units: list[str]  # sentences, 2-sentence windows and clause fragments
    unit_is_sentence: list[bool]
    early: SupportResult | None
    full: _TextIndex | None = None
    facts: _Facts | None = None
    words: tuple[str, ...] = ()  # content words of the claim
    lexical_novel: tuple[str, ...] = ()  # claim words the cited text does not contain (even as a synonym)
    passage_words: tuple[str, ...] = ()  # content words of the cited text (for word-level similarity)


def _early(claim: str, reason: str) -> _Prepared:
    return _Prepared(claim, [], [], SupportResult(False, 0.0, 0.0, (reason,), None))


class SupportChecker:
    """Check that a claim is supported by the passages it cites (see the module docstring)."""

    def __init__(self, embed: EmbedFn | Any, *, min_support: float = 0.5) -> None:
        if not callable(embed) and hasattr(embed, "embed"):
            embed = embed.embed
        if not callable(embed):
            raise TypeError("embed must be a callable texts -> np.ndarray (or an object with .embed)")
        if not 0.0 <= min_support <= 1.0:
            raise ValueError("min_support must be within 0..1")
        self._embed: EmbedFn = embed
        self.min_support = float(min_support)

    @property
    def embed(self) -> EmbedFn:
        """The embedding function the checker scores with (shared with the verifier and timeline)."""
        return self._embed

    # -- public API ---------------------------------------------------------------------------

    def check(self, claim: str, passages: Sequence[str]) -> SupportResult:
        """Is ``claim`` supported by ``passages`` (the texts it cites)?"""
        return self.check_many([(claim, passages)])[0]

    def check_many(self, pairs: Sequence[tuple[str, Sequence[str]]]) -> list[SupportResult]:
        """Check many (claim, passages) pairs; all texts go to the embedder in a single call."""
        prepared = [self._prepare(claim, passages) for claim, passages in pairs]
        texts: list[str] = []
        pos: dict[str, int] = {}

        def add(t: str) -> None:
            if t not in pos:
                pos[t] = len(texts)
                texts.append(t)

        for p in prepared:
            if p.early is None:
                add(p.claim)
                for u in p.units:
                    add(u)
                if p.lexical_novel:
                    for w in p.lexical_novel + p.passage_words:
                        add(w)
        vecs = np.asarray(self._embed(texts), dtype=np.float32) if texts else np.zeros((0, 1), np.float32)
        if len(texts) and (vecs.ndim != 2 or vecs.shape[0] != len(texts)):
            raise ValueError(f"embedder returned {vecs.shape[0] if vecs.ndim else 0} rows for {len(texts)} texts")
        results = []
        for p in prepared:
            if p.early is not None:
                results.append(p.early)
                continue
            sims = vecs[[pos[u] for u in p.units]] @ vecs[pos[p.claim]]
            novelty = {w: 0.0 for w in p.words}
            if p.lexical_novel:
                if p.passage_words:
                    nv = vecs[[pos[w] for w in p.lexical_novel]]
                    pv = vecs[[pos[w] for w in p.passage_words]]
                    best = (nv @ pv.T).max(axis=1)
                else:
                    best = np.zeros(len(p.lexical_novel), dtype=np.float32)
                for w, b in zip(p.lexical_novel, best):
                    novelty[w] = float(np.clip((_WORD_SIM_FULL - b) / (_WORD_SIM_FULL - _WORD_SIM_NONE), 0.0, 1.0))
            results.append(self._judge(p, sims, novelty))
        return results

    # -- internals ----------------------------------------------------------------------------

    def _prepare(self, claim: str, passages: Sequence[str]) -> _Prepared:
        if isinstance(passages, str):
            passages = [passages]
        claim_n = re.sub(r"\s+", " ", _CITATION_RE.sub(" ", _normalize(claim or ""))).strip()
        texts = [_normalize(p) for p in (passages or []) if isinstance(p, str) and p.strip()]
        if not re.search(r"\w", claim_n):
            return _early(claim_n, "empty claim")
        if not texts:
            return _early(claim_n, "no cited passages")
        units: list[str] = []
        is_sent: list[bool] = []
        seen: set[str] = set()
        for passage in texts:
            sents = split_sentences(passage) or [re.sub(r"\s+", " ", passage).strip()]
            for k, sent in enumerate(sents):
                cands: list[tuple[str, bool]] = [(sent, True)]
                if k + 1 < len(sents):
                    cands.append((sent + " " + sents[k + 1], False))
                cands.extend((f, False) for f in _fragments(sent))
                for u, flag in cands:
                    if u and u not in seen:
                        seen.add(u)
                        units.append(u)
                        is_sent.append(flag)
        if not units:
            return _early(claim_n, "no cited passages")
        full = _index_text("\n".join(texts))
        facts = _extract_facts(claim_n, claim=True)
        words = tuple(dict.fromkeys(_content_words(facts.masked)))
        novel = tuple(w for w in words if not _word_covered(w, full))
        passage_words: tuple[str, ...] = ()
        if novel:
            passage_words = tuple(dict.fromkeys(_content_words(full.facts.masked)))[:_MAX_PASSAGE_WORDS]
        return _Prepared(claim_n, units, is_sent, None, full, facts, words, novel, passage_words)

    def _judge(self, p: _Prepared, sims: np.ndarray, novelty: dict[str, float]) -> SupportResult:
        assert p.full is not None and p.facts is not None
        claim, full, cf = p.claim, p.full, p.facts
        best = int(np.argmax(sims))
        similarity = float(np.clip(sims[best], -1.0, 1.0))
        best_text = p.units[best]
        sent_idx = [i for i, f in enumerate(p.unit_is_sentence) if f]
        best_sent = max(sent_idx, key=lambda i: (float(sims[i]), -i)) if sent_idx else best
        window = _index_text(best_text)
        reasons: list[str] = []
        factor = 1.0

        # Numbers and identifiers.
        full_vals = [n.value for n in full.facts.numbers]
        win_vals = [n.value for n in window.facts.numbers]
        for num in cf.numbers:
            if not _num_match(num, full_vals):
                reasons.append(f"number {num.surface} not in cited text")
            elif not _num_match(num, win_vals):
                factor *= _OUTSIDE_WINDOW_PENALTY
        for code in sorted(cf.codes):
            if code not in full.facts.codes and code not in full.tokens:
                reasons.append(f"identifier '{code}' not in cited text")
        # Dates.
        for mo, d in sorted(cf.month_days):
            if (mo, d) not in full.facts.month_days:
                reasons.append(f"date '{_MONTH_NAMES[mo]} {d}' not in cited text")
        for mo, y in sorted(cf.month_years):
            if (mo, y) not in full.facts.month_years:
                reasons.append(f"date '{_MONTH_NAMES[mo]} {y}' not in cited text")
        for mo in sorted(cf.months - {m for m, _ in cf.month_days} - {m for m, _ in cf.month_years}):
            if mo not in full.facts.months:
                reasons.append(f"month '{_MONTH_NAMES[mo]}' not in cited text")
        for direction in sorted(cf.directions - full.facts.directions):
            reasons.append(f"direction '{direction}' not in cited text")
        for wd in sorted(cf.weekdays):
            if wd not in full.facts.weekdays:
                reasons.append(f"weekday '{wd.capitalize()}' not in cited text")
        # Entities: countries first (normalised), then names.
        for key, surface in cf.countries.items():
            if key not in full.facts.countries:
                reasons.append(f"entity '{surface}' not in cited text")
            elif key not in window.facts.countries:
                factor *= _OUTSIDE_WINDOW_PENALTY
        for ent in _claim_entities(claim, cf.masked):
            problem = _entity_problem(ent, full)
            if problem:
                reasons.append(f"entity '{problem}' not in cited text")
        # Polarity against the best-matching sentence.
        conflict = _polarity_conflict(_polarity(claim), _polarity(p.units[best_sent]))
        if conflict:
            reasons.append(conflict)
        # Unsupported additions: novelty is 0 for words in the text (or a synonym), up to 1 for words
        # unlike any word of the cited text.
        words = list(p.words)
        total_novelty = sum(novelty.get(w, 0.0) for w in words)
        share = total_novelty / len(words) if words else 0.0
        novel_words = [w for w in words if novelty.get(w, 0.0) >= 0.5]
        if total_novelty >= _MIN_NOVEL_WORDS and share > _NOVEL_FAIL_SHARE:
            reasons.append("unsupported content: " + ", ".join(novel_words))
        else:
            clauses = _clauses(cf.masked)
            if len(clauses) > 1:
                for clause in clauses:
                    cw = list(dict.fromkeys(_content_words(clause)))
                    cn = sum(novelty.get(w, 0.0) for w in cw)
                    if cn >= _MIN_NOVEL_WORDS and cn / len(cw) >= _CLAUSE_FAIL_SHARE:
                        added = [w for w in cw if novelty.get(w, 0.0) >= 0.5]
                        reasons.append("unsupported addition: " + ", ".join(added))
                        break

        score = _sim_to_score(similarity) * (1.0 - _NOVELTY_WEIGHT * share) * factor
        score = float(np.clip(score, 0.0, 1.0))
        if reasons:
            score = min(score, _HARD_FAIL_CAP)
        elif score < self.min_support:
            reasons.append(f"weak support (similarity {similarity:.2f}, novel words {len(novel_words)}/{len(words)})")
        supported = not reasons and score >= self.min_support
        return SupportResult(supported, round(score, 4), round(similarity, 4), tuple(reasons), best_text)
