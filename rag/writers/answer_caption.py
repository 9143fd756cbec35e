"""Whether a sentence is a wire photo's caption, which an answer never quotes (issue 10, abstention; h/abstain-s65).

The kind (RealTime QA fit half): "Who most recently agreed to meet with the House committee investigating the Jan. 6
attack on the U.S. Capitol?" was answered "U.S. Representatives Liz Cheney (R-WY), Adam Kinzinger (R-IL) and Elaine
Luria (D-VA) listen during a public hearing of the U.S. House Select Committee to investigate the January 6 Attack on
the U.S. Capitol, on Capitol Hill, in Washington, U.S., July 21, 2022." A caption repeats the story's names and
places, so it holds many of the question's key terms, but it tells what a picture shows (a scene, in the present
tense), not the story's act: quoted as the answer, it answers another question.

The shape read is the wire services' caption: a scene in the present tense (``timeline.is_caption``, given the
sentence's date) whose full date, with its year, closes the sentence after a comma ("…, in Washington, U.S., July
21, 2022."). A sentence closing on "on December 1, 2026." ("The ban takes effect on December 1, 2026.") is prose
telling when, not a caption, and stays quotable.
"""

from __future__ import annotations

import re

from rag.writers.timeline import event_date, is_caption

__all__ = ["wire_caption"]

# the date closing the sentence after a comma, with its year: ", July 21, 2022." / ", 21 July 2022."
_CLOSING_DATE = re.compile(r",\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?|\d{1,2}\s+[A-Z][a-z]+\.?)\s+(?:19|20)\d\d\s*[.)\]]*\s*$")


def wire_caption(text: str, published: str | None = None) -> bool:
    """Whether ``text`` (one sentence) is a wire photo caption: present tense, closed by ", <full date with its
    year>." (``timeline.is_caption`` reads the tense on the sentence's date, ``event_date``; ``published``: the
    report's ISO date, for a relative date). False for a sentence whose date is not its last words after a comma.
    Raises ``ValueError`` for a ``published`` that is not an ISO date (``dates.find_dates``)."""
    m = _CLOSING_DATE.search(" ".join(text.split()))
    if m is None:
        return False
    mention, _ = event_date(text, published)
    return mention is not None and is_caption(text, mention)
