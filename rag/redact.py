"""One masking helper for secrets in URLs and free text: ``mask_url`` for a configured URL, ``redact`` for messages.

A URL's user-info (``http://user:key@host``) and secret-looking query parameters (``?api_key=...``) are replaced
by ``***``; ``redact(text, drop_urls=True)`` removes URLs altogether (API error bodies must not reveal internal hosts).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MASK = "***"
_URL = re.compile(r"""\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'"<>()\[\]{}]+""")
_SECRET_PARAM = re.compile(r"(key|token|secret|password|passwd|pwd|auth|signature|sig|credential)", re.IGNORECASE)


def mask_url(url: str | None) -> str | None:
    """The URL with user-info and secret query values replaced by ``***`` (None stays None); never raises."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            netloc = f"{MASK}@{netloc.rsplit('@', 1)[1]}"
        query = parts.query
        if query:
            pairs = parse_qsl(query, keep_blank_values=True)
            query = urlencode([(k, MASK if _SECRET_PARAM.search(k) else v) for k, v in pairs], safe="*")
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:  # unparseable (bad port, brackets): mask everything between // and the last @
        return re.sub(r"//[^/]*@", f"//{MASK}@", url)


def redact(text: object, *, drop_urls: bool = False) -> str:
    """``text`` with every URL in it masked (``mask_url``), or replaced by ``<url>`` when ``drop_urls``."""

    def one(match: re.Match[str]) -> str:
        url = match.group(0)
        tail = len(url) - len(url.rstrip(".,;:!?"))  # sentence punctuation after a URL is not part of it
        url, rest = (url[:-tail], url[-tail:]) if tail else (url, "")
        return ("<url>" if drop_urls else (mask_url(url) or "")) + rest

    return _URL.sub(one, str(text))


class RedactingFilter(logging.Filter):
    """A handler filter that masks URL credentials in a record's message and traceback before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "://" in message:
            record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and "://" in record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install_log_redaction() -> None:
    """Mask URL credentials in everything the process logs through the root and last-resort handlers (idempotent)."""
    for handler in [*logging.getLogger().handlers, logging.lastResort]:
        if handler is not None and not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
