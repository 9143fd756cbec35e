"""Word lists of the support checker, loaded from ``rag/text/data/`` (plus date and number tables owned elsewhere)."""

from __future__ import annotations

import re

from rag.support.data_files import data_table
from rag.text.lexicon import table, word_list, word_set
from rag.text.places import place_words
from rag.text.dates import MONTH_PATTERN, WEEKDAYS
from rag.text.numbers import spelled_numbers
from rag.text.tokens import stem as _stem

# --------------------------------------------------------------------------------------------
# Lexicons (data files under rag/text/data/)
# --------------------------------------------------------------------------------------------

STOPWORDS = word_set("stopwords")
#: Words that carry no checkable content: reporting verbs, hedges, relative time.
LIGHT_WORDS = word_set("light_words")
#: Hedges before a number ("about 40"): the number is approximate.
HEDGES = word_set("hedges")
TITLES = word_set("titles")
#: Generic organisation words: soft on their own, but checked when attached to a name (Mitsubishi *Electric*).
ORG_WORDS = word_set("org_words")
#: Generic acronyms that are ordinary vocabulary, with their expansions.
GENERIC_ACRONYMS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in table("generic_acronyms").items()}
COMMON_STARTERS = word_set("common_starters")
COMMON_SUFFIXES = word_list("common_suffixes")
#: Lower-cased words of every place alias: never a negated predicate ("not [Japanese] firms").
PLACE_WORDS = place_words() - STOPWORDS

# Month and weekday names come from the text layer's one date vocabulary (rag/text/data/dates.toml).
_MONTH_ALT = MONTH_PATTERN
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")s?\b")
_MONTH_DAY_RE = re.compile(rf"\b({_MONTH_ALT})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|million|billion))")
_DAY_MONTH_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_ALT})(?![\w])")
_MONTH_RE = re.compile(rf"(?<![\w])({_MONTH_ALT})(?![\w])")

#: Spelled-out numbers and their values ("nine" -> 9): the text layer's one reader, ``numbers.spelled_numbers``.
NUMBER_VALUES: dict[str, int] = {k: int(v) for k, v in spelled_numbers().items()}
#: Spelled-out figures a claim binds to a year or name ("eight in 2021"); not "one" ("one of the ...").
NUMBER_WORDS = frozenset(NUMBER_VALUES) - {"zero", "one"}
_SCALE_WORDS = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CODE_RE = re.compile(r"(?<![\w.])(?=[A-Za-z]*[A-Z])[A-Za-z]+-?\d+[A-Za-z0-9]*(?:-\d+)?(?![\w])")
_DIGIT_CODE_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?([A-Za-z]+)(?![\w])")
_SPELLED_RE = re.compile(
    r"\b(?:(?:a|one)\s+dozen|dozen|(?:"
    + "|".join(sorted(NUMBER_VALUES, key=len, reverse=True))
    + r")(?:[\s-]+(?:and\s+)?(?:"
    + "|".join(sorted(list(NUMBER_VALUES) + list(_SCALE_WORDS), key=len, reverse=True))
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
_FOLD_WORD_RE = re.compile(r"\b(" + "|".join(NUMBER_VALUES) + r")fold\b", re.I)

# Polarity.
_NEGATION = table("negation")
NEGATORS = frozenset(_NEGATION["negators"])
NEGATIVE_VERBS = frozenset(_NEGATION["negative_verbs"])
NEGATIVE_PHRASES = frozenset(tuple(p.split()) for p in _NEGATION["negative_phrases"])
PREVENTION_VERBS = frozenset(_NEGATION["prevention_verbs"])  # "prohibit X from [doing]"
PREVENTION_REACH: int = _NEGATION["prevention_reach"]
NOT_NEGATION_AFTER = frozenset(_NEGATION["not_negation_after"])  # "not only", "not least"
SCOPE_BOUNDARY = frozenset(_NEGATION["scope_boundary"])
RELATIVE_PRONOUNS = frozenset(_NEGATION["relative_pronouns"])  # "who refused to pay": the cue's clause is a relative one
SCOPE_SKIP = (STOPWORDS | frozenset(_NEGATION["scope_skip"])) - NEGATORS
SCOPE_LENGTH: int = _NEGATION["scope_length"]
#: Heads that take a verb complement: "no [intention] of [withdrawing]", "not [plan] to [retract]".
CONTROL_STEMS = frozenset(_NEGATION["control_stems"])
#: Object negators that negate the verb before them ("rolled out no vaccine"), and the particles read over.
OBJECT_NEGATORS = frozenset(_NEGATION["object_negators"])
VERB_PARTICLES = frozenset(_NEGATION["verb_particles"])
#: Prefixes of affixal negation ("possible" / "impossible").
NEGATIVE_PREFIXES: tuple[str, ...] = tuple(_NEGATION["negative_prefixes"])
#: Negation said without a negator (``rag/support/data/privative.toml``): verbs and phrases that negate what follows
#: as "no" does ("lacks a newspaper", "sold out of"), and prefixes read against the other text's negated word.
_PRIVATIVE = data_table("privative")
PRIVATIVE_PHRASES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in _PRIVATIVE["privative_phrases"])
#: Privative verbs and the one-token forms of the phrases ("sold-out-of": ``polarity.polarity_tokens`` joins them).
PRIVATIVE_WORDS = frozenset(_PRIVATIVE["privative_verbs"]) | frozenset("-".join(p) for p in PRIVATIVE_PHRASES)
#: Idioms read as one token (``rag/support/data/no_comment.toml``): "could not be reached for comment" is "were
#: unavailable for comment".
_NO_COMMENT = data_table("no_comment")
NO_COMMENT_TOKEN: str = _NO_COMMENT["token"]
NO_COMMENT_PHRASES: tuple[tuple[str, ...], ...] = tuple(tuple(p.split()) for p in _NO_COMMENT["phrases"])
NO_COMMENT_FILLERS: tuple[str, ...] = tuple(_NO_COMMENT["fillers"])
#: Regular expressions that may stand between an idiom's words too (the requester's possessive: "CNN's").
NO_COMMENT_FILLER_PATTERNS: tuple[str, ...] = tuple(_NO_COMMENT.get("filler_patterns", ()))
#: A fronted negative adverbial with inversion (``rag/support/data/inversion.toml``): "Not since X has S [verb] …".
_INVERSION = data_table("inversion")
INVERSION_OPENERS = frozenset(_INVERSION["openers"])
INVERSION_AUXILIARIES = frozenset(_INVERSION["auxiliaries"])
INVERSION_REACH: tuple[int, int] = (_INVERSION["adverbial_reach"], _INVERSION["subject_reach"])
#: Verbs that deny only a claim (``rag/support/data/denials.toml``): a negation scope opens after them when "that" or a
#: claim noun follows ("disputed claims that ...", "dismissed reports that ..."), not before any other object.
_DENIALS = data_table("denials")
DENIAL_VERBS = frozenset(_DENIALS["verbs"])
#: Every form of the verbs that restate one another as a denial ("denied", "rejected", "disputed", "rebuffed").
DENIAL_SYNONYMS = frozenset(_DENIALS["synonyms"])
DENIAL_OBJECTS = frozenset(_DENIALS["objects"])
DENIAL_DETERMINERS = frozenset(_DENIALS["determiners"])
AGREEING_PREFIXES: tuple[str, ...] = tuple(sorted(_PRIVATIVE["agreeing_prefixes"], key=len, reverse=True))
CONFLICTING_PREFIXES: tuple[str, ...] = tuple(sorted(_PRIVATIVE["conflicting_prefixes"], key=len, reverse=True))
PREFIX_MIN_REST: int = _PRIVATIVE["min_rest"]
#: Endings a prefix's rest must have for the prefix to read as "not" ("a" + "symptomatic"); other prefixes: any.
PREFIX_ENDINGS: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _PRIVATIVE["prefix_endings"].items()}

#: Antonymous predicates: word -> [(axis, sign)]. Effective sign is flipped inside a negation scope.
AXIS_WORDS: dict[str, list[tuple[str, int]]] = {}
#: (word, axis) -> (tokens one of which must follow the word, within how many tokens of its clause): an act that is
#: one only with its particle ("added 16 firms [to]", not "added that"; ``data/act_antonyms.toml``).
AXIS_NEEDS: dict[tuple[str, str], tuple[frozenset[str], int]] = {}
for _row in table("antonym_axes")["axis"] + data_table("act_antonyms")["axis"]:
    for _w in _row["words"]:
        AXIS_WORDS.setdefault(_w, []).append((_row["name"], int(_row["sign"])))
        if "needs" in _row:
            AXIS_NEEDS[(_w, _row["name"])] = (frozenset(_row["needs"]), int(_row["reach"]))

#: A narrow set of predicate synonyms used to align polarity across paraphrases: stem -> canonical stem.
PREDICATE_CANON: dict[str, str] = {w: canon for canon, ws in table("predicate_synonyms").items() for w in ws}
#: Verb equivalence classes (``verb_classes.toml``): stem of a verb's base form -> its class, matched exactly.
VERB_CLASS: dict[str, str] = {_stem(w): name for name, ws in table("verb_classes").items() for w in ws}

# Paraphrase lexicon (novel-word coverage only). Each group is a set of interchangeable stems.
_SYNONYM_GROUPS: tuple[str, ...] = (
    "control restrict restriction curb limit measur rule regul constraint restraint",
    "tight tighten tighter strict stricter tough tougher strengthen stringent harsher",
    "withdraw withdrew retract scrap revok rescind repeal lift remov revers abandon",
    "export shipment ship sale sell suppli suppl",
    "import purchas buy bought",
    "compani firm busi busin maker manufactur corpor enterpris produc entiti",
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
    "evid sign indic trace",
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
# each verb class is a synonym group too ("weighing" covers "considering" in the overlap and novelty signals)
_SYNONYM_GROUPS += tuple(" ".join(sorted({_stem(w) for w in ws})) for ws in table("verb_classes").values())
# and each noun synonym group ("plants" covers "factories": noun_synonyms.toml)
_NOUNS = table("noun_synonyms")
_SYNONYM_GROUPS += tuple(" ".join(sorted({_stem(w) for w in ws})) for ws in _NOUNS["synonyms"]["groups"])
# and the denial verbs (denials.toml: "rebuffed the claims" for "denied the claims")
_SYNONYM_GROUPS += (" ".join(sorted({_stem(w) for w in _DENIALS["synonyms"]})),)


def _plural(noun: str) -> str:
    """The regular plural of a dictionary-form noun ("bus" -> "buses", "refinery" -> "refineries")."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


#: Noun fields (``noun_synonyms.toml`` [fields]): stem of a noun -> the fields that hold it as one kind of a thing.
#: Keyed by the stems of the singular and the plural (the stemmer leaves "buses" at "buse", not "bus").
NOUN_FIELDS: dict[str, frozenset[str]] = {}
for _field, _words in _NOUNS["fields"].items():
    for _w in _words:
        for _k in {_stem(_w), _stem(_plural(_w))}:
            NOUN_FIELDS[_k] = NOUN_FIELDS.get(_k, frozenset()) | {_field}
