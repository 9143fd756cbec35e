"""One error root with a few meaningful subclasses; turned into HTTP errors only in api/, CLI messages only in cli."""

from __future__ import annotations


class BriefError(Exception):
    """Base class. ``help_message`` says how to fix it; ``retryable`` whether trying again may help.

    No HTTP here: api/errors.py maps each subclass to a status code, the CLI prints a message.
    """

    retryable: bool = False

    def __init__(self, message: str, *, help_message: str | None = None) -> None:
        super().__init__(message)
        self.help_message = help_message

    def __str__(self) -> str:
        base = super().__str__()
        return f"{base} ({self.help_message})" if self.help_message else base


class ConfigError(BriefError):
    """Settings are inconsistent or point at something that is not there."""


class QueryError(BriefError):
    """The query is empty, too long or otherwise unusable."""


class UnknownPublisherError(QueryError):
    """A publisher filter names a publisher no indexed document has (a typo, another corpus's outlet): an error naming the closest known publishers, never a search that silently matches nothing.

    Raised by ``Catalog.require_publishers`` (through ``for_names``); the CLI reports it as a usage error (exit 2), the
    API as 422 ``unknown_publisher``. ``names``: the filter's names that matched no publisher; ``suggested``: known
    publishers offered, best first.
    """

    names: list[str] = []
    suggested: list[str] = []

    @classmethod
    def for_names(cls, names: list[str], *, suggested: list[str], similar: bool, known: int) -> "UnknownPublisherError":
        """"no publisher 'cnn' in the corpus (closest: 'cnn.com', …)"; ``similar``: whether ``suggested`` resemble
        the names (else they are the corpus's largest publishers, "known publishers: …"); ``known``: how many it has.
        Every name is quoted: a publisher's name may hold a comma ("Discuss Japan (No.57), translated from …")."""
        what = "publisher" if len(names) == 1 else "publishers"
        listed = ", ".join(repr(s) for s in suggested)
        if not known:
            help_message = "no document in it names its publisher"
        elif similar:
            help_message = f"closest: {listed}"
        else:
            more = known - len(suggested)
            help_message = f"known publishers: {listed}" + (f" and {more:,} more" if more > 0 else "")
        exc = cls(f"no {what} {', '.join(repr(n) for n in names)} in the corpus", help_message=help_message)
        exc.names, exc.suggested = list(names), list(suggested)
        return exc


class DocumentError(BriefError):
    """A file could not be read or parsed; it is skipped, nothing else is affected."""



class NoArticleError(DocumentError):
    """An input holds no article: only what stood in front of its story (a consent notice, a paywall, an
    ad-feedback form, a bot check, an error page: ``rag.text.page_walls``); it is skipped, the run goes on."""


class DependencyError(BriefError):
    """A package a reader needs is not installed: a fault of this installation, not of the input."""


class LimitError(DocumentError):
    """An input is larger than a configured limit (``limits.*``); it is skipped, the run goes on."""


class IndexMismatchError(BriefError):
    """The data directory was built by another embedding model or schema version."""



class TemplateError(BriefError):
    """A prompt template is missing, malformed, or its variables do not match."""


class LLMError(BriefError):
    """The LLM backend failed or returned unusable output."""

    retryable = True


class LLMTimeoutError(LLMError):
    """The LLM backend did not answer in time."""



class LLMUnavailableError(LLMError):
    """The LLM backend cannot be reached."""



class NotFoundError(BriefError):
    """A brief, job or document id that does not exist."""
