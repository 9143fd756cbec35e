"""Bytes to text: BOMs, UTF-8, a declared charset, then charset-normalizer's guess; non-text is a DocumentError."""

from __future__ import annotations

import codecs
import logging
import re

from collections.abc import Iterator

from rag.errors import DocumentError

logger = logging.getLogger(__name__)

_MAX_BAD_CHAR_RATIO = 0.05  # more control/replacement characters than this and it is not text

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_WEB_ALIASES = {"latin1": "cp1252", "iso88591": "cp1252", "ascii": "cp1252", "usascii": "cp1252"}  # as browsers do
_NON_TEXT_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")  # C0/C1 controls except \t\n\v\f\r, U+FFFD


def _check_text(text: str) -> str:
    bad = sum(1 for _ in _NON_TEXT_CHARS.finditer(text))
    if text and bad > _MAX_BAD_CHAR_RATIO * len(text):
        raise DocumentError("binary or mostly non-text content")
    return text


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML head declares (<meta charset>, <?xml encoding>), as a Python codec name; or None."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    name = _WEB_ALIASES.get(re.sub(r"[^a-z0-9]", "", name.lower()), name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess_charset(data: bytes) -> str | None:
    """charset-normalizer's best guess; prefers cp1252 when it is an equally good single-byte reading."""
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    results = from_bytes(data)
    best = results.best()
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if best is None:
        return western
    if western is not None and not is_multi_byte_encoding(best.encoding):
        # charset-normalizer ranks near-identical code pages arbitrarily (cp1250 over cp1252 for "naïve")
        # and DOS pages over cp1252 on a little less chaos (cp775 for curly quotes and the euro sign): take the
        # cp1252 reading when it is as clean, or nearly as clean and more coherent.
        for match in results:
            if match.encoding != "cp1252" and str(match) != western:
                continue
            if match.chaos <= best.chaos + 0.01 or (match.chaos <= best.chaos + 0.05 and match.coherence > best.coherence):
                return western
    return str(best)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode text: BOM, UTF-8, then a declared charset, then a guess; raise ``DocumentError`` if it is not text."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise DocumentError(f"invalid {codec} text: {exc.reason}") from exc
    if b"\x00" in data:
        raise DocumentError("binary content (NUL bytes)")
    try:
        return _check_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _check_text(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            logger.info("declared charset %s does not decode; guessing", declared)
    guessed = _guess_charset(data)
    if guessed is None:
        raise DocumentError("not valid UTF-8 and no encoding decodes it sensibly")
    return _check_text(guessed)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of an undecodable byte


def valid_text(text: str) -> str:
    """``text`` without lone surrogates: bytes Python escaped (non-UTF-8 argv, file names) decoded like a file's, other
    lone surrogates (e.g. a JSON ``"\\ud800"``) replaced by U+FFFD. Text without surrogates is returned as is."""
    if not _LONE_SURROGATE.search(text):
        return text
    # escaped bytes: the original byte string is recoverable, and is decoded as a whole, like a file (a legacy
    # multi-byte string comes out of argv as a mix of escapes and accidental UTF-8 characters)
    if all(_ESCAPED_BYTE.match(ch) for ch in _LONE_SURROGATE.findall(text)):
        try:
            return decode_bytes(text.encode("utf-8", "surrogateescape"))
        except DocumentError:
            pass
    return _LONE_SURROGATE.sub("\ufffd", text)


_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_lines(data: bytes) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, None) or (line number, None, why it is unreadable) for each line.

    Lines are decoded one by one so a NUL byte or invalid UTF-8 on one line rejects only that line; a file
    that is mostly not UTF-8 (a legacy charset) is decoded as a whole, without its NUL lines.
    """
    if data.startswith(_WIDE_BOMS):  # UTF-16/32: "\n" is not one byte, decode the whole file
        for number, line in enumerate(decode_bytes(data).split("\n"), start=1):
            yield number, line, None
        return
    raw = data.removeprefix(codecs.BOM_UTF8).split(b"\n")
    texts: list[str | None] = []
    errors: dict[int, str] = {}
    for i, line in enumerate(raw):
        if b"\x00" in line:
            texts.append(None)
            errors[i] = "binary content (NUL byte) on this line"
            continue
        try:
            texts.append(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            texts.append(None)
            errors[i] = f"invalid UTF-8 at byte {exc.start} of this line"
    nonempty = sum(1 for line in raw if line.strip())
    undecodable = sum(1 for i, e in errors.items() if "UTF-8" in e)
    if undecodable and undecodable * 2 > nonempty:  # mostly not UTF-8: one charset for the whole file
        legacy = decode_bytes(b"\n".join(b"" if b"\x00" in line else line for line in raw)).split("\n")
        texts = [None if i in errors and "NUL" in errors[i] else t for i, t in enumerate(legacy)]
        errors = {i: e for i, e in errors.items() if "NUL" in e}
    for i, text in enumerate(texts):
        yield i + 1, text, errors.get(i)
