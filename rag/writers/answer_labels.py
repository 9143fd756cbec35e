"""Labelled items an answer may be named by: "and the best case?" names a source's "Best Case: ..." item, whatever
else the item shares with the question."""

from __future__ import annotations

import re

from rag.writers.answer_kind import asked_sentence
from rag.writers.key_terms import key_terms
from rag.writers.key_terms import stems as text_stems
from rag.writers.sentence_cues import is_label

__all__ = ["LABEL_MAX_TERMS", "LABEL_MIN_SHARED", "label_stems", "names_label"]

#: ... when the label shares at least this many of the question's key terms (all of them for a shorter label) and
#: has at most LABEL_MAX_TERMS key terms: a bullet's label is a short name ("Medium-Term Posture"), not a long noun
#: phrase that repeats the story's words ("The scope of China's chip smuggling case").
LABEL_MIN_SHARED = 2
LABEL_MAX_TERMS = 3


def label_stems(question: str) -> set[str]:
    """The stems by which a question may name an item's label: the words of the sentence it asks in
    (``answer_kind.asked_sentence``) without its names. "Which singer will launch a Las Vegas residency?" names the
    place, not a digest's "Las Vegas:" item; "and the best case?" names "Best Case: ..."; "Agents searched the estate
    as part of an investigation. Where is the estate located?" does not name a newsletter's "The investigation: ..."
    item (its background only tells the story)."""
    asked, _ = asked_sentence(question)
    return text_stems(asked) - {t.stem for t in key_terms(asked) if t.kind == "entity"}


def names_label(text: str, question_stems: set[str]) -> bool:
    """Whether ``text`` is a labelled item ("Worst Case: escalation into ...", "Medium-Term Posture (1–12 months):
    ...") whose label the question names: the label's key-term stems are among ``question_stems``, all of them or at
    least ``LABEL_MIN_SHARED``."""
    if not is_label(text):
        return False
    head = re.sub(r"\([^)]*\)", " ", text.partition(":")[0])  # "Immediate Actions (0–30 days)": the label is the words
    label = {t.stem for t in key_terms(head)}
    shared = label & question_stems
    return (0 < len(label) <= LABEL_MAX_TERMS and len(shared) >= min(LABEL_MIN_SHARED, len(label))
            and 2 * len(shared) >= len(label))

