"""Quantities in text: the one reader of numbers with their scale, currency, unit and approximation.

``find_quantities(text)`` returns ``Quantity`` records whose ``value`` is the absolute number (``"$1.2tn"`` →
1.2e12, ``"4,760億円"`` → 4.76e11, ``"50bp"`` → 0.5 percentage points), with the ISO currency code, the canonical
unit and whether the text marks it as approximate ("about", "約", "余"). Digits may be ASCII or full-width,
grouped with commas or (non-breaking/thin) spaces; scales are English words and abbreviations, and the CJK
myriads (万/萬 10^4, 億/亿 10^8, 兆 10^12; Korean 만/억/조), which compound (1兆2000億円). A range ("$1-2bn",
"10 to 15%") yields one quantity per end, sharing the scale, currency and unit. Word lists are the data file
``rag/text/data/quantities.toml`` (via ``rag.text.lexicon``). Fractions of a magnitude word are read too
("half a trillion US dollars" → 5e11 USD, "a quarter of a million", "two and a half billion", "2 1/2 million").

The bare "¥" is ambiguous between yen and yuan. It reads as yen (JPY), the usual meaning in English-language
news, unless the same text names the yuan (yuan, renminbi, RMB, 元, 人民币) and not the yen; "CN¥"/"JP¥" are
explicit. A bare "$" or "dollars" reads as US dollars; other dollars carry their prefix (NT$, HK$, A$...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from rag.text.lexicon import table, word_set
from rag.text.scripts import is_hangul

# Full-width digits and signs map one-to-one onto ASCII, so spans found in the folded text are spans of the input.
_FULLWIDTH = str.maketrans("０１２３４５６７８９，．％＄￥＋", "0123456789,.%$¥+")
_NUM = r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ENGLISH_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


@dataclass(frozen=True)
class Quantity:
    """A number found in text: ``value`` is absolute (scale applied); ``text`` is ``source[start:end]``."""

    start: int
    end: int
    text: str
    value: float
    currency: str | None = None  # ISO 4217 code ("USD", "JPY", "CNY", "KRW", ...)
    unit: str | None = None  # canonical unit from the data file ("%", "pp", "t", "nm", ...)
    approx: bool = False  # marked as approximate or as a bound ("about", "more than", "約", "余")
    scaled: bool = False  # a scale word/abbreviation/myriad was applied
    mantissa: float = 0.0  # the number as written before its scale (1.2 for "1.2tn")


def _alt(words, *, latin_boundary: bool = False) -> str:
    """Regex alternation, longest first so "US$" beats "$" and "美元" beats "元"."""
    parts = [re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))]
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern
    compound: re.Pattern
    scale_words: dict[str, float]
    scale_abbr: dict[str, float]
    cjk: dict[str, float]
    prefix: dict[str, str]
    suffix: dict[str, str]
    units: dict[str, str]
    basis_points: frozenset[str]
    approx_before: tuple[str, ...]
    approx_after: tuple[str, ...]
    names: dict[str, str]
    yuan_words: tuple[str, ...]
    yen_words: tuple[str, ...]
    unit_names: dict[str, str]  # canonical unit -> its first spelling ("t" -> "tonnes")
    fractional: re.Pattern  # a fraction of a magnitude word ("half a trillion", "2 1/2 million")
    fraction_words: dict[str, float]  # "half" -> 0.5, "½" -> 0.5
    wholes: dict[str, float]  # spelled whole numbers before "and a half"


@cache
def _lexicon() -> _Lexicon:
    data = table("quantities")
    scale_words = {k.lower(): float(v) for k, v in data["scales"]["words"].items()}
    scale_abbr = {k.lower(): float(v) for k, v in data["scales"]["abbreviations"].items()}
    cjk = {k: float(v) for k, v in data["scales"]["cjk"].items()}
    prefix: dict[str, str] = {}
    suffix: dict[str, str] = {}
    names: dict[str, str] = {}
    for code, spec in data["currencies"].items():
        names[code] = spec["name"]
        for p in spec["prefix"]:
            prefix.setdefault(p.lower(), code)
        for s in spec["suffix"]:
            suffix.setdefault(s.lower(), code)
    units = {s.lower(): unit for unit, spellings in data["units"].items() for s in spellings}
    bps = frozenset(s.lower() for s in data["basis_points"]["spellings"])
    cjk_alt = _alt(cjk)
    # a myriad may follow a small unit with no number between ("5천억" = 5 × 10^3 × 10^8, "3百万" = 3 × 10^2 × 10^4)
    compound = rf"(?:{_NUM})\s?{cjk_alt}(?:\s?(?:{_NUM})?\s?{cjk_alt})*(?:(?:{_NUM})(?![\d.]))?"
    number = rf"(?:{compound}|{_NUM})"
    # "m"/"b" etc. only as whole tokens ("5 mn", "$2bn"), never the start of a word ("5 miles").
    scale = rf"(?:{_alt(scale_words)}|{_alt(scale_abbr)})(?![A-Za-z])"
    after = _alt(list(suffix) + list(units) + list(bps))
    sep = _alt(data["ranges"]["separators"])
    pattern = re.compile(
        rf"(?<![A-Za-z0-9_])(?<!\d[.,])(?<![A-Za-z]-)"
        rf"(?:(?P<pre>{_alt(prefix)})\s?)?"
        rf"(?P<n1>{number})"
        rf"(?:\s?(?P<sep>{sep})\s?(?:{_alt(prefix)}\s?)?(?P<n2>{number}))?"
        rf"(?:\s?(?P<scale>{scale}))?"
        rf"(?:(?P<ord>st|nd|rd|th|s|'s)(?![A-Za-z]))?"
        rf"(?:\s?(?P<after>{after}))?"
        rf"(?![A-Za-z0-9])",
        re.IGNORECASE,
    )
    yen_sign = data["yen_sign"]
    approx = data["approx"]
    fr = data["fractions"]
    fraction_words = {k.lower(): float(v) for k, v in {**fr["words"], **fr["vulgar"]}.items()}
    wholes = spelled_wholes()
    frac_alt = _alt(fr["words"])
    fractional = re.compile(
        rf"(?<![A-Za-z0-9_])(?:(?P<pre>{_alt(prefix)})\s?)?"
        rf"(?:(?P<whole>\d+|{_alt(wholes)})\s+and\s+(?:a|one)\s+(?P<f1>{frac_alt})"  # "two and a half"
        rf"|(?P<mixed>\d+)\s?(?:(?P<fn>\d)/(?P<fd>\d{{1,2}})|(?P<vulgar>{_alt(fr['vulgar'])}))"  # "2 1/2", "2½"
        rf"|(?:(?:a|one)\s+)?(?P<f2>{frac_alt})(?:\s+of)?(?:\s+(?:a|an|one))?)"  # "half a", "a quarter of a"
        rf"\s+(?P<scale>{_alt(scale_words)})(?![A-Za-z0-9])",
        re.IGNORECASE,
    )
    return _Lexicon(
        pattern, re.compile(rf"({_NUM})?\s?({cjk_alt})?"), scale_words, scale_abbr, cjk, prefix, suffix, units, bps,
        tuple(a.lower() for a in approx["before"]), tuple(approx["after"]), names,
        tuple(w.lower() for w in yen_sign["yuan_words"]), tuple(w.lower() for w in yen_sign["yen_words"]),
        {unit: spellings[0] for unit, spellings in data["units"].items()},
        fractional, fraction_words, wholes,
    )


@cache
def spelled_numbers() -> dict[str, float]:
    """The spelled numbers and their values ("eighteen" -> 18.0; ``quantities.toml`` [spelled_numbers], zero to ninety:
    the table the support checker's ``lexicon.NUMBER_VALUES`` reads too)."""
    return {k.lower(): float(v) for k, v in table("quantities")["spelled_numbers"].items()}


@cache
def spelled_wholes() -> dict[str, float]:
    """The small whole numbers spelled as news writes them, and their values: ``spelled_numbers`` from one to
    ``quantities.toml`` [fractions.spelled] wholes_up_to (ten): "two and a half" reads them, so do the writers'
    counts in words."""
    most = table("quantities")["fractions"]["spelled"]["wholes_up_to"]
    return {w: v for w, v in spelled_numbers().items() if 1 <= v <= most}


@cache
def number_words() -> frozenset[str]:
    """The words that alone give a number in the answer writer's verdict (``answer_verdict``: a window that gives a
    number in place of the claim's), lower case: the spelled wholes (``spelled_wholes``, one to ten) and the scale
    words ("hundred" to "trillion", "lakh", "crore")."""
    return frozenset((*spelled_wholes(), *(w.lower() for w in table("quantities")["scales"]["words"])))


@cache
def ordinal_values() -> dict[str, int]:
    """The ordinal words and their values ("third" -> 3, "3rd" -> 3; ``quantities.toml`` [ordinals], first to
    twentieth and 1st to 10th), lowercased: the project's one ordinal table."""
    return {k.lower(): int(v) for k, v in table("quantities")["ordinals"].items()}


def word_value(word: str) -> float | None:
    """The value of a number written as one word: digits ("18", "1.5") or spelled (``spelled_numbers``: "three",
    "Eighteen"); None for any other word."""
    w = word.lower()
    if w in spelled_numbers():
        return spelled_numbers()[w]
    try:
        return float(w)
    except ValueError:
        return None


def is_number_word(word: str) -> bool:
    """Whether ``word`` is a spelled whole number of ``spelled_wholes`` ("two", "Ten"; case-insensitive)."""
    return word.lower() in spelled_wholes()


def _decimal(raw: str) -> Decimal:
    return Decimal(re.sub(r"[,\u00a0\u202f\u2009\s]", "", raw))


def _parse_number(raw: str, lex: _Lexicon) -> tuple[Decimal, bool]:
    """(value, scaled) of a plain or CJK-compound number ("4,760億" → 4.76e11, "1兆2000億" → 1.2e12, "3천500억" →
    3.5e11, "5천억" → 5e11, "1万2千" → 12,000, "1.2万亿" → 1.2e12), read as CJK numerals are: small units (千/천 10^3,
    百/백 10^2) add to the section below the next myriad (万/만 10^4, 億/억 10^8, 兆/조 10^12), which multiplies that
    section; a larger myriad right after a smaller one multiplies it (万亿 = 10^12)."""
    parts = [(num, unit) for num, unit in lex.compound.findall(raw) if num or unit]
    if not any(unit for _, unit in parts):
        return _decimal(raw), False
    total, section = Decimal(0), Decimal(0)
    last: tuple[Decimal, Decimal] | None = None  # (amount, myriad) the previous myriad added, while nothing follows it
    for num, unit in parts:
        value = Decimal(int(lex.cjk[unit])) if unit else Decimal(1)
        if not unit:  # trailing digits: units below the last myriad ("1万2000" → 12,000)
            section += _decimal(num)
        elif value < 10_000:  # a small unit counts the digits before it, or one of itself ("千" alone)
            section += (_decimal(num) if num else Decimal(1)) * value
        elif not num and not section and last is not None and last[1] < value:
            # a larger myriad right after a smaller one multiplies it: 1.2万亿 = 1.2 × 10^4 × 10^8
            total += last[0] * (value - 1)
            last = (last[0] * value, value)
            continue
        else:  # a myriad multiplies its section (its own digits, or the small units before it)
            section += _decimal(num) if num else Decimal(0)
            added = (section or Decimal(1)) * value
            total += added
            section, last = Decimal(0), (added, value)
            continue
        last = None
    return total + section, True


def _is_approx(text: str, start: int, end: int, lex: _Lexicon) -> bool:
    before = re.sub(r"\s+", " ", text[max(0, start - 16) : start].lower()).rstrip()
    for w in lex.approx_before:
        if before.endswith(w) and (not w[-1].isalpha() or len(before) == len(w) or not before[-len(w) - 1].isalpha()):
            return True
    rest = text[end : end + 3].lstrip()
    return rest.startswith(lex.approx_after)


def _yen_sign_code(text: str, lex: _Lexicon) -> str:
    low = text.lower()
    if any(w in low for w in lex.yuan_words) and not any(w in low for w in lex.yen_words):
        return "CNY"
    return "JPY"


def _fractional(text: str, folded: str, lex: _Lexicon) -> list[Quantity]:
    """Fractions of a magnitude word ("half a trillion US dollars", "a quarter of a million", "2 1/2 million")."""
    out = []
    for m in lex.fractional.finditer(folded):
        if m.group("whole"):
            w = m.group("whole").lower()
            base = float(w) if w.isdigit() else lex.wholes[w]
            base += lex.fraction_words[m.group("f1").lower()]
        elif m.group("mixed"):
            frac = lex.fraction_words[m.group("vulgar")] if m.group("vulgar") else int(m.group("fn")) / max(1, int(m.group("fd")))
            if frac >= 1:
                continue
            base = float(m.group("mixed")) + frac
        else:
            base = lex.fraction_words[re.sub(r"\s+", " ", m.group("f2").lower())]
        value = base * lex.scale_words[m.group("scale").lower()]
        pre = (m.group("pre") or "").lower()
        currency, unit, factor, end = read_suffix(folded, m.end())
        currency = currency or (lex.prefix[pre] if pre else None)
        out.append(Quantity(m.start(), end, text[m.start() : end], value * factor, currency, unit,
                            _is_approx(folded, m.start(), end, lex), True, base))
    return out


# A whole number and a fraction with no scale word: "2 1/2 years", "25½ days", and the same written with its
# fraction glued ("21⁄2 million" with a fraction slash, "121/2 years" where the ½ lost its superscript): the
# numerator is one digit below a denominator of 2, 3, 4 or 8. An ASCII slash is read so only before a word ("91/2-game",
# "21/2 months"), never a date ("11/2: Dane Cook", "11/28").
_MIXED_RE = re.compile(r"(?<![\w.,/\u2044])(?P<whole>\d{1,4})(?:(?P<vulgar>\s?[½¼¾⅓⅔⅛])"
                       r"|(?:\s|(?=\d[/\u2044]\d))(?P<fn>\d)(?P<slash>[/\u2044])(?P<fd>[2348]))"
                       r"(?![\d/\u2044])")
_AFTER_WORD_RE = re.compile(r"[\s-]+[^\W\d_]")


def _mixed(text: str, folded: str, lex: _Lexicon) -> list[Quantity]:
    """Mixed numbers without a scale word ("2 1/2 years", "25½ days", "21⁄2", "121/2 years"), with the currency or
    unit after them; the value is the whole plus the fraction."""
    out = []
    words = [w for w in lex.fraction_words if w.isalpha()]
    spelled = re.compile(r"(?<![A-Za-z0-9])(?P<whole>\d+|" + "|".join(map(re.escape, lex.wholes)) + r")\s+and\s+(?:a|one)\s+(?P<f>"
                         + "|".join(map(re.escape, words)) + r")(?![A-Za-z])", re.IGNORECASE)
    for m in spelled.finditer(folded):  # "two and a half years" (with a scale word it is read as a fraction above)
        w = m.group("whole").lower()
        base = (float(w) if w.isdigit() else lex.wholes[w]) + lex.fraction_words[m.group("f").lower()]
        currency, unit, factor, end = read_suffix(folded, m.end())
        out.append(Quantity(m.start(), end, text[m.start() : end], base * factor, currency, unit,
                            _is_approx(folded, m.start(), end, lex), False, base))
    for m in _MIXED_RE.finditer(folded):
        if m.group("vulgar"):
            frac = lex.fraction_words.get(m.group("vulgar").strip(), 0.0)
        else:
            fn, fd = int(m.group("fn")), int(m.group("fd"))
            if fn >= fd or (m.group("slash") == "/" and not _AFTER_WORD_RE.match(folded, m.end())):
                continue
            frac = fn / fd
        if not frac:
            continue
        base = float(m.group("whole")) + frac
        scale = re.compile(r"\s+(" + "|".join(map(re.escape, lex.scale_words)) + r")(?![A-Za-z])", re.IGNORECASE).match(folded, m.end())
        times = lex.scale_words[scale.group(1).lower()] if scale else 1.0  # "21⁄2 million"
        currency, unit, factor, end = read_suffix(folded, scale.end() if scale else m.end())
        out.append(Quantity(m.start(), end, text[m.start() : end], base * times * factor, currency, unit,
                            _is_approx(folded, m.start(), end, lex), bool(scale), base))
    return out


@cache
def _numeral_re() -> tuple[re.Pattern[str], dict[str, str], str]:
    """(a pattern of CJK-numeral amounts with at least one myriad: "两千万", "三千亿", "十亿", "一百零五万"; their digit
    characters -> ASCII digits; the Han small units), from ``quantities.toml`` [numerals.cjk] and [scales.cjk]."""
    data = table("quantities")
    digits = {ch: str(int(v)) for ch, v in data["numerals"]["cjk"].items()}
    han = {u: float(v) for u, v in data["scales"]["cjk"].items() if not is_hangul(u)}
    small = "".join(u for u, v in han.items() if v < 1e4)
    big = "".join(u for u, v in han.items() if v >= 1e4)
    d, s, b = (re.escape("".join(digits)), re.escape(small), re.escape(big))
    # a digit or 十 first, then digits and small units, at least one myriad, and what follows it
    return re.compile(rf"(?<![{d}{s}{b}\d])(?:[{d}]|十)[{d}{s}]*(?:[{b}][{d}{s}]*)+"), digits, small


def _numerals(text: str, folded: str, lex: _Lexicon) -> list[Quantity]:
    """Amounts written in CJK numerals with a myriad ("两千万美元" → 20 million dollars, "三千亿元" → 300 billion yuan,
    "十亿美元" → 1 billion dollars), with the currency or unit after them."""
    pattern, digits, small = _numeral_re()
    out = []
    for m in pattern.finditer(folded):
        raw = m.group(0)
        # "…万一": a trailing digit after a myriad, not after a small unit ("一万二千"), is a word of its own
        while len(raw) > 1 and raw[-1] in digits and raw[-2] not in small:
            raw = raw[:-1]
        arabic = "".join(digits.get(ch, ch) for ch in raw)
        try:
            value, _ = _parse_number(arabic, lex)
        except InvalidOperation:
            continue
        end = m.start() + len(raw)
        currency, unit, factor, end = read_suffix(folded, end)
        out.append(Quantity(m.start(), end, text[m.start() : end], float(value) * factor, currency, unit,
                            _is_approx(folded, m.start(), end, lex), True, float(value)))
    return out


def _year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2199


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order; spans index ``text`` itself (full-width digits included)."""
    lex = _lexicon()
    folded = text.translate(_FULLWIDTH)
    yen_sign: str | None = None
    out: list[Quantity] = _fractional(text, folded, lex) + _numerals(text, folded, lex)
    taken = [(q.start, q.end) for q in out]
    for q in _mixed(text, folded, lex):  # "2 1/2 years"; "2 1/2 million" is read above, with its scale
        if not any(a < q.end and q.start < b for a, b in taken):
            out.append(q)
            taken.append((q.start, q.end))
    for m in lex.pattern.finditer(folded):
        if any(a < m.end() and m.start() < b for a, b in taken):  # part of "2 1/2 million", read above
            continue
        if m.group("n2") and _year(m.group("n1")) and not _year(m.group("n2")):
            # "fell 11.6% in 2021 to 10.62 million": a year, then the figure it reached, not a range
            out.append(Quantity(m.start("n1"), m.end("n1"), text[m.start("n1") : m.end("n1")], float(m.group("n1"))))
            rest = m.end("sep")  # from after "to", so a "$" before the figure is read with it
            out += [Quantity(q.start + rest, q.end + rest, q.text, q.value, q.currency, q.unit, q.approx, q.scaled, q.mantissa)
                    for q in find_quantities(text[rest:m.end()])]
            continue
        try:
            v1, scaled1 = _parse_number(m.group("n1"), lex)
            v2, scaled2 = _parse_number(m.group("n2"), lex) if m.group("n2") else (None, False)
        except InvalidOperation:
            continue
        if scaled2 and not scaled1:  # "3〜5億円": the range shares the second number's (leading) myriad
            v1, scaled1 = v1 * Decimal(int(lex.cjk[lex.compound.findall(m.group("n2"))[0][1]])), True
        pre = (m.group("pre") or "").lower()
        aft = (m.group("after") or "").lower()
        scale = Decimal(1)
        scale_tok = (m.group("scale") or "").lower()
        if scale_tok:
            factor = lex.scale_words.get(scale_tok) or lex.scale_abbr.get(scale_tok)
            # a bare "m"/"b" is a scale only after a currency sign or on a decimal ("$5m", "2.63m"), not "5 m"
            if scale_tok in ("m", "b") and not (pre or "." in m.group("n1") + (m.group("n2") or "")):
                factor = None
            if factor:
                scale = Decimal(int(factor))
        currency: str | None = lex.prefix[pre] if pre else None
        unit: str | None = None
        if aft in lex.suffix:
            # a suffix names the currency more precisely than an ambiguous or matching prefix ("人民币12亿元")
            currency = lex.suffix[aft] if not currency or pre in ("¥", "$") or currency == lex.suffix[aft] else currency
        elif aft in lex.units:
            unit = lex.units[aft]
        bps = aft in lex.basis_points
        if pre == "¥" and aft not in lex.suffix:
            if yen_sign is None:
                yen_sign = _yen_sign_code(text, lex)
            currency = yen_sign
        if bps:
            unit = "pp"
        approx = _is_approx(folded, m.start(), m.end(), lex)
        ends = [(v1, scaled1)] + ([(v2, scaled2)] if v2 is not None else [])
        for v, cjk_scaled in ends:
            value = v * (scale if not cjk_scaled else 1)
            if bps:
                value = value / 100
            out.append(Quantity(m.start(), m.end(), text[m.start() : m.end()], float(value), currency, unit, approx,
                                cjk_scaled or scale != 1, float(v)))
    return sorted(out, key=lambda q: q.start)


def read_suffix(text: str, pos: int) -> tuple[str | None, str | None, float, int]:
    """(currency, unit, factor, end) of a currency or unit word right after ``pos`` ("five million *dollars*",
    "ten *percent*", "fifty *basis points*" → unit "pp", factor 0.01), for numbers read elsewhere (spelled-out);
    (None, None, 1.0, pos) when there is none."""
    lex = _lexicon()
    m = _suffix_re().match(text.translate(_FULLWIDTH), pos)
    if not m:
        return None, None, 1.0, pos
    word = m.group(1).lower()
    if word in lex.basis_points:
        return None, "pp", 0.01, m.end()
    return lex.suffix.get(word), lex.units.get(word), 1.0, m.end()


@cache
def _suffix_re() -> re.Pattern:
    lex = _lexicon()
    return re.compile(rf"\s?({_alt(list(lex.suffix) + list(lex.units) + list(lex.basis_points))})(?![A-Za-z0-9])", re.I)


def currency_name(code: str) -> str:
    """How reasons name a currency ("USD" → "dollars", "JPY" → "yen"); the code itself when unknown."""
    return _lexicon().names.get(code, code)


def describe(q: Quantity) -> str:
    """A reader-facing spelling of a quantity: "1.2 trillion dollars", "476 billion yen", "5%", "5 percentage points"."""
    v = q.value
    num = None
    for size, word in _ENGLISH_SCALES:
        if abs(v) >= size:
            num = f"{v / size:.6g} {word}"
            break
    if num is None:
        num = f"{v:,.0f}" if float(v).is_integer() and abs(v) >= 1e4 else f"{v:.6g}"
    if q.unit == "%":
        return num + "%"
    if q.unit == "pp":
        return num + " percentage points"
    if q.unit:
        return f"{num} {_lexicon().unit_names.get(q.unit, q.unit)}"
    return f"{num} {currency_name(q.currency)}" if q.currency else num


#: A clock time: "15:40", "9:30 a.m.", "7pm" (hours and minutes, not two figures).
_CLOCK_RE = re.compile(r"(?<![\d:.,])(?:\d{1,2}:\d{2}(?::\d{2})?(?![\d:])(?:\s*[ap]\.?m\.?(?![a-z]))?"
                       r"|\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\.?(?![a-z]))", re.IGNORECASE)


def clock_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clock time in ``text`` ("15:40 KST", "at 9:30 a.m.", "7.30pm"): its digits are a time
    of day, not amounts. A ratio written "3:1" is read as a clock time too (no amount either)."""
    return [m.span() for m in _CLOCK_RE.finditer(text)]


def measure(q: Quantity) -> tuple[str | None, str | None]:
    """What ``q`` measures, strictly: its (currency, unit), None where it states none ("$2.5 billion" -> ("USD",
    None), "51%" -> (None, "%")). Two quantities with equal measures are amounts of the same kind; ``same_kind`` is
    the looser test that lets an unstated side pass."""
    return q.currency, q.unit


def same_kind(a: Quantity, b: Quantity) -> bool:
    """Could ``a`` and ``b`` measure the same thing: currencies and units agree, or one side does not state them."""
    if a.currency and b.currency and a.currency != b.currency:
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    return True


def glued_suffix(letters: str) -> bool:
    """True when letters glued to digits ("bn", "nm", "pp", "th") are a scale, unit or ordinal this reader handles."""
    lex = _lexicon()
    low = letters.lower()
    return low in lex.scale_abbr or low in lex.units or low in lex.basis_points or low in lex.suffix \
        or low in lex.prefix or low in ("st", "nd", "rd", "th", "s")


#: Words read after an amount for the noun it measures, at most ("a ¥280 billion SiC wafer and device plant").
MEASURED_RUN = 6
_MEASURED_WORD = re.compile(r"\s*([A-Za-z][\w-]*)")


def measured_noun(text: str, q: Quantity) -> str | None:
    """The noun ``q`` measures when ``text`` writes the amount before it as a modifier, after a determiner or a
    possessive ("a ¥280 billion SiC wafer and device plant" -> "plant", "its Rs 9,000 crore blast furnace project"
    -> "project"): the last word of the run after the amount up to a function word, punctuation or
    ``MEASURED_RUN`` words, lower-cased. None when the amount is no modifier ("provide up to ¥95 billion to X",
    "$310 million in grants"). Determiners are the text layer's ``determiners.txt`` ("another $5 billion loan"),
    function words its ``stopwords.txt`` ("and" joins the run)."""
    before = text[:q.start].split()
    if not before:
        return None
    owner = before[-1].lower()
    if owner not in word_set("determiners") and not owner.endswith(("'s", "’s")):
        return None
    stops = _function_words()
    run: list[str] = []
    pos = q.end
    while len(run) < MEASURED_RUN:
        m = _MEASURED_WORD.match(text, pos)
        if not m:
            break
        word = m.group(1).lower()
        if word in stops and word != "and":
            break
        run.append(word)
        pos = m.end()
    while run and run[-1] == "and":
        run.pop()
    return run[-1] if run else None


@cache
def _function_words() -> frozenset[str]:
    return word_set("stopwords")
