"""A sentence that refers back from inside depends on the sentence before it (issue 10, item 4).

The kind: the reference is not at the sentence start, so ``dependent_openers.txt`` does not see it. A direct
quotation whose speaker is a pronoun ("“This action is destabilizing ...,” it said."): the quote names no one an
analyst can attribute it to. A verb whose object is what the sentence before said ("Carl Schuster ... echoed this
sentiment."): the sentence states nothing without it. A brief quotes such a sentence with the sentence before it, or
not at all (``internal_references.toml``, briefs only, like the connectives); a quotation that names its speaker,
a pronoun that is not a quote's speaker, or a demonstrative that is not the object of such a verb does not make a
sentence dependent. The examples below were written for this kind (one brief, tn-008, showed it first).
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates, is_dependent

DEPENDENT = [
    "“This action is destabilizing and shows blatant disregard for the resolutions,” it said.",
    "“We will not accept a fait accompli in the strait,” he told reporters in Taipei.",
    "“The curbs will hurt Korean chipmakers first,” she added, calling the list arbitrary.",
    "“Exports of the three chemicals fell by half,” they wrote in the quarterly report.",
    "“Our licences are granted case by case,” it noted in a statement on Friday.",
    "Carl Schuster, a former director of operations at the Joint Intelligence Center, echoed this sentiment.",
    "The foreign ministry in Seoul shared those concerns.",
    "A spokesperson for the Commerce Department disputed that assessment on Monday.",
    "Several analysts in Tokyo rejected the same argument.",
    "Taiwan's economy minister reiterated these warnings at a briefing.",
    "Beijing dismissed such claims as interference in its internal affairs.",
]
STANDS_ALONE = [
    "“This action is destabilizing,” the US Indo-Pacific Command said in a statement.",
    "“We will respond firmly,” Kishida told reporters on Tuesday.",
    "The ministry said it would share these figures with exporters next week.",
    "Japan said it had echoed the US position on the chemicals in talks last year.",
    "Officials said it flew about 4,600 kilometers before it fell into the Pacific, they added.",
    "South Korea rejected Japan's claim that the chemicals had been diverted.",
    "Seoul shared intelligence on the launch with Tokyo this week.",
]


@pytest.mark.parametrize("text", DEPENDENT)
def test_a_pronoun_speaker_or_an_echoed_statement_makes_a_brief_sentence_depend_on_the_one_before(text):
    assert is_dependent(text, connectives=True)


@pytest.mark.parametrize("text", DEPENDENT)
def test_an_answer_may_still_quote_such_a_sentence_alone(text):
    assert not is_dependent(text)


@pytest.mark.parametrize("text", STANDS_ALONE)
def test_a_named_speaker_or_a_demonstrative_that_points_at_no_statement_does_not(text):
    assert not is_dependent(text, connectives=True)


def passage(text: str) -> EvidencePassage:
    return EvidencePassage("S1", Chunk("d1-0000", "d1", text, 0, len(text), 0, {"title": "", "publisher": "d1"}), 1.0)


def test_a_pronoun_quote_is_quoted_with_the_sentence_that_names_its_speaker():
    text = ("The US Indo-Pacific Command said it was consulting closely with Japan and South Korea. "
            "“This action is destabilizing and shows blatant disregard for the resolutions,” it said.\n\n"
            "Missile tests\n\n"
            "Carl Schuster, a former director of operations, echoed this sentiment.")
    cands, dropped = candidates([passage(text)], connectives=True)
    texts = [c.text for c in cands]
    assert any(t.startswith("The US Indo-Pacific Command") and t.endswith("it said.") for t in texts), texts
    assert not any(t.startswith(("“This action", "Carl Schuster")) for t in texts), texts  # never on their own
    assert dropped["dependent"] == 1  # after a heading there is nothing to echo
