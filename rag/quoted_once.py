"""Each passage quoted once per brief: a later section refers to it (issue 10: a brief that quotes the same
three sentences under the bottom line, as an explanation's evidence and as another explanation reads padded, and
hides which passage the later mention means).

``QuoteLedger`` remembers the spans (document, start, end) of every passage a rendered brief has quoted, with the
section it was quoted in; a later claim whose every cited span lies within spans already quoted is not quoted again:
``refer`` gives the words that point to it instead ("the passage quoted under “Bottom line up front” (“Tokyo last
week tightened the approval process …”)"). A claim that adds any span of its own is quoted in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from rag.brief import Claim

__all__ = ["QuoteLedger", "OPENING_WORDS", "REPORTED_ROLES", "distinct_quotes", "reported_elsewhere"]

#: how many of a passage's first words a reference repeats, so the reader knows which passage it means
OPENING_WORDS = 8
_TO_SINGLE = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def _opening(text: str) -> str:
    """The first OPENING_WORDS words of a passage, its quotation marks turned single (it is itself quoted)."""
    words = text.translate(_TO_SINGLE).split()
    return " ".join(words[:OPENING_WORDS]) + (" …" if len(words) > OPENING_WORDS else "")


@dataclass
class QuoteLedger:
    """The passages a brief has quoted so far: (doc id, start, end, section title, the quoted text) per cited span."""

    spans: list[tuple[str, int, int, str, str]] = field(default_factory=list)

    def where(self, claim: Claim) -> str | None:
        """The title of the section that already quoted every span ``claim`` cites, with ``claim``'s words (a
        passage is referred to only where its words were shown), else None (a claim with no citation is never a
        repeat)."""
        words = " ".join(claim.text.split())
        titles: list[str] = []
        for c in claim.citations:
            hit = next((t for d, a, b, t, said in self.spans if d == c.doc_id and a <= c.start and c.end <= b
                        and words in said), None)
            if hit is None:
                return None
            titles.append(hit)
        return titles[0] if titles else None

    def quote(self, claim: Claim, section: str) -> None:
        """Remember that ``claim`` was quoted in full in ``section``."""
        said = " ".join(claim.text.split())
        self.spans += [(c.doc_id, c.start, c.end, section, said) for c in claim.citations]

    def refer(self, claim: Claim, section: str) -> str | None:
        """Words pointing to the earlier quote of ``claim``'s passage ("the passage quoted under “Key developments”
        (“Moon on Monday said that Seoul would be …”)"), showing the clause that matters when the writer read one
        (``Claim.statement``: "… (“an ‘emergency inspection’ found no sign of illegal transactions”)"), else its
        opening words; or None after remembering that it is quoted here now."""
        title = self.where(claim)
        if title is None:
            self.quote(claim, section)
            return None
        shown = claim.statement.translate(_TO_SINGLE) if claim.statement else _opening(claim.text)
        return f"the passage quoted under “{title}” (“{shown}”)"


def distinct_quotes(claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` (a brief's sections' claims, then its timeline's) with each passage once, in order: a claim whose
    every cited span lies within a span an earlier one quotes with its words (``QuoteLedger.where``) is a repeat, left
    out. What a brief counts as quoted, in every format (its JSON ``claims_total``/``claims_verified``,
    ``render.checks_line`` in Markdown and text): a headline that "What happened" or the timeline quotes again is one
    quote (s44: the JSON counted 5 where the Markdown showed 4)."""
    ledger, out = QuoteLedger(), []
    for claim in claims:
        if ledger.where(claim) is None:
            ledger.quote(claim, "")
            out.append(claim)
    return out


#: the sentence roles that report what happened (``hypotheses.REPORTED``; repeated here: this module is imported by
#: the renderer, which the writers import)
REPORTED_ROLES = frozenset({"event", "statement"})
#: how many passages quoted elsewhere an empty event section points to
EVENT_REFS = 2


def reported_elsewhere(section: str, quoted: Sequence[tuple[str, Claim]], roles_of: Callable[[list[str]], list[str]],
                       empty: str, quote: Callable[[str], str]) -> str:
    """What an empty event section ("What happened", "Key developments": one that takes only reported sentences)
    says when the brief quotes the event elsewhere (issue 10: "No evidence in the corpus for what happened." under a
    headline that reports it, or a bottom line that opens "Japan has reportedly denied …", contradicts the brief).

    ``section``: the empty section's title; ``quoted``: (title of the section that quotes it, claim) for each claim of
    the brief's other sections in the order they are shown (the headline, shown as the brief's title, is titled
    "Headline"); ``roles_of``: one role per sentence (``roles.classify``'s roles); ``empty``: the template's text
    when nothing quoted elsewhere reports (returned as is); ``quote``: how the brief quotes a text
    (``render.quoted``). A claim reports when its own role is reported (``REPORTED_ROLES``) or one of its sentences
    is typed so; the note quotes that sentence's opening words (``OPENING_WORDS``) and where it stands, with its
    citation marks, at most ``EVENT_REFS`` of them: "No other passage reports what happened; the brief quotes the report
    under “Bottom line up front”: “Japan has reportedly denied cybersecurity approval for Chinese …” [1]."
    """
    from rag.text.sentences import sentence_texts  # the renderer imports this module; keep its import light

    sentences = [(title, claim, s) for title, claim in quoted for s in (sentence_texts(claim.text) or [claim.text])]
    roles = roles_of([s for _, _, s in sentences]) if sentences else []
    refs: list[str] = []
    seen: set[str] = set()
    for (title, claim, sentence), role in zip(sentences, roles):
        if claim.text in seen or not (claim.role in REPORTED_ROLES or role in REPORTED_ROLES):
            continue
        seen.add(claim.text)
        said = sentence if role in REPORTED_ROLES else claim.text
        where = "its title" if title.lower() == "headline" else f"“{title}”"
        marks = "".join(f"[{n}]" for n in sorted({c.source for c in claim.citations if c.source}))
        refs.append(f"under {where}: {quote(_opening(said))} {marks}".rstrip())
        if len(refs) == EVENT_REFS:
            break
    if not refs:
        return empty
    from rag.render import end_sentence  # the one rule for a citation after a quote (render imports this module)

    return end_sentence(f"No other passage reports {section[:1].lower() + section[1:]}; the brief quotes the report "
                        + "; and ".join(refs))
