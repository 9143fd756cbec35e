"""What a partial answer says is missing, in the question's own terms, and whether its quote may stand for it.

A question the evidence covers only in part gets "<quote> [1]; none gives <what is missing>" (``abstention_text.
partial_message``). Two readings keep that honest:

* ``missing_noun``: a quantity the question names is said by its own noun, not by the kind of answer it is ("What
  penalty did Taiwan impose …?" lacks "the penalty", not "the number"; "What share of …?" lacks "the share"). The
  nouns are the quantity nouns of ``answer_kinds.toml`` [vocab], the words that made the question ask for a number.
* ``tells_asked_event``: the quote must tell the event the question presupposes (``answer_premise.premise``): its
  act (by stem, paraphrase or antonym axis, ``answer_premise``'s reading) or, with the asked actor named as an
  actor, what the act is done to. "In parallel, a separate report from Taipei Times … says tech executives are being
  held in China in connection with a chip smuggling case" tells no penalty imposed by Taiwan (it names Taiwan only
  in an outlet's name after "from", and "held" is no imposing): quoting it as what the sources say of that penalty
  answers another question, so the answer abstains on the question instead. The act may also be told by a word of
  its family (``answer_act.tells_act_otherwise``, ``act_roles.toml`` [families]): a headline "Tokyo protests as
  China blocks dual-use exports to 20 Japanese companies" tells "Which items did China restrict …?" its act.
"""

from __future__ import annotations

import re
from functools import cache

from rag.text.lexicon import alternation, table
from rag.text.tokens import stem, word_spans
from rag.writers.answer_kind import without_carried_context
from rag.writers.answer_value import counted_phrase

__all__ = ["missing_noun", "tells_asked_event"]


@cache
def _quantity_re() -> re.Pattern[str]:
    alt = alternation(table("answer_kinds")["vocab"]["quantity_nouns"])
    # the noun the wh-word asks with ("what penalty", "what share of"), not one a form of "be" names ("what was the
    # value of …" asks for a figure, as the follow-ups suite's partial answers say: "the number")
    return re.compile(rf"\b(?:what|which)\s+(?!(?:is|was|are|were|the)\b)(?:[\w'’-]+\s+){{0,2}}?(?P<noun>{alt})\b", re.I)


def missing_noun(question: str, kind: str | None) -> str | None:
    """What a number question's partial answer lacks, named as the question names it: "the penalty" for "What
    penalty did Taiwan impose …?", "the share" for "What share of exports …?", the number of what a "how many …?"
    question counts ("the number of licence examiners", "the number of tonnes of rare-earth magnets":
    ``answer_value.counted_phrase``); None for any other kind, or when the question names no quantity noun right
    after its wh-word nor a noun after "how many" ("What was the value of …?": the kind's own noun, "the number",
    stands)."""
    if kind != "number":
        return None
    asked = without_carried_context(question)
    m = _quantity_re().search(asked)
    if m:
        return f"the {' '.join(m.group('noun').lower().split())}"
    counted = counted_phrase(asked)
    return f"the number of {counted}" if counted else None


def tells_asked_event(question: str, sentence: str) -> bool:
    """Whether ``sentence`` tells the event ``question`` presupposes (``answer_premise.premise``): its act (the
    verb, a paraphrase, a word of the same sign of its axis, a word of its act family) or, with the asked actor leading or named as an actor
    (not after a preposition), a word of what the act is done to. True for a question presupposing no event (a
    follow-up, "Who …?", a light verb: nothing to hold the quote to)."""
    from rag.writers.answer_premise import premise, reads_premise

    asked = premise(question)
    if asked is None:
        return True
    read = reads_premise(asked, sentence)
    as_actor = read.leads == "actor" or (read.named and read.leads in (None, "actor"))
    if read.verb or (as_actor and read.objects):
        return True
    from rag.writers.answer_act import tells_act_otherwise

    return tells_act_otherwise({stem(m.group(0).lower()) for m in word_spans(sentence)}, asked.verb_stem)
