"""Word lists of the support checker: light words, organisation words, countries, polarity, paraphrases."""

from __future__ import annotations

import re

from rag.lexicon import STOPWORDS
from rag.text.dates import MONTH_PATTERN, WEEKDAYS

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

# Month and weekday names come from the text layer's one date vocabulary (rag/text/data/dates.toml).
_MONTH_ALT = MONTH_PATTERN
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")s?\b")
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
