"""A sentence that is only a quotation takes its speaker from the sentence before or after it (briefs).

The kind: a quotation that names no speaker at all ("“The Kim regime is developing weapons such as tactical nuclear
warheads ...”", a paragraph of its own after "“...,” said Leif-Eric Easley, ..."; tn-008 quoted it as is). A brief
quotes it with the sentence before it when that one names who speaks ("X told CNN:", "“...,” said X."), with the
sentence after it when that one closes the quotation and names its speaker ("“... Its aim is clear. ...,” said
X."), and otherwise leaves it out. An answer still may quote it alone (``connectives`` off). The examples were
written for the kind.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import candidates, is_bare_quotation

BARE = [
    "“The Kim regime is developing weapons such as tactical nuclear warheads as part of a long-term strategy.”",
    "“Beijing will not stand by while its firms are cut off from the tools they need.",
    "\"Our exports of fluorinated polyimide fell by half in a month.\"",
    "“We have asked Tokyo to reconsider the measure before it takes effect.”",
]
NAMES_ITS_SPEAKER = [
    "“The measure is not a subject for consultation,” Suga told a news conference.",
    "“Pyongyang is still in a testing cycle,” said Leif-Eric Easley, a professor at Ewha Womans University.",
    "“We will respond,” the ministry said in a statement, “and firmly.”",
    "The report, “Chips at risk,” was published by the ministry on Monday.",
    "North Korea’s launch was its first over Japan since 2017.",
]


@pytest.mark.parametrize("text", BARE)
def test_a_sentence_that_is_only_a_quotation_names_no_speaker(text):
    assert is_bare_quotation(text)


@pytest.mark.parametrize("text", NAMES_ITS_SPEAKER)
def test_a_quotation_with_its_speaker_or_a_quoted_title_is_not_bare(text):
    assert not is_bare_quotation(text)


def passage(text: str) -> EvidencePassage:
    return EvidencePassage("S1", Chunk("d1-0000", "d1", text, 0, len(text), 0, {"title": "", "publisher": "d1"}), 1.0)


def quoted(text: str, *, connectives: bool = True) -> list[str]:
    return [c.text for c in candidates([passage(text)], connectives=connectives, paragraphs=True)[0]]


# (passage, the quote a brief takes for the bare quotation or None: left out)
SPEAKER_BEFORE = [
    ("North Korea fired a missile over Japan on Tuesday.\n\n"
     "“Pyongyang is in a testing cycle,” said Leif-Eric Easley, a professor in Seoul.\n\n"
     "“The Kim regime is developing tactical nuclear warheads.”",
     "“Pyongyang is in a testing cycle,” said Leif-Eric Easley, a professor in Seoul. “The Kim regime is developing "
     "tactical nuclear warheads.”"),
    ("Japan tightened its curbs on three chemicals. A trade ministry official told reporters: "
     "“The measure is about trust, not history.”",
     None),  # the colon keeps the quotation inside the sentence that names its speaker: nothing bare
    ("Seoul protested the curbs on Monday.\n\nSouth Korea’s trade minister said in a televised address on Tuesday.\n\n"
     "“We have asked Tokyo to reconsider the measure before it takes effect.”",
     "South Korea’s trade minister said in a televised address on Tuesday.\n\n“We have asked Tokyo to reconsider "
     "the measure before it takes effect.”"),
]
SPEAKER_AFTER = [
    ("A White House official said the US position remained unchanged.\n\n\"As the President said, our policy has not "
     "changed. He reiterated our One China policy. He also reiterated our commitment under the Taiwan Relations Act,\" "
     "the official said.",
     "\"As the President said, our policy has not changed. He reiterated our One China policy. He also reiterated our "
     "commitment under the Taiwan Relations Act,\" the official said."),
    ("The Netherlands will curb exports of chip machines. “Beijing will not stand by while its firms are cut off. "
     "China will take countermeasures,” said Mao Ning, a foreign ministry spokeswoman.",
     "“Beijing will not stand by while its firms are cut off. China will take countermeasures,” said Mao Ning, a foreign "
     "ministry spokeswoman."),
    ("Exports to Korea fell sharply in July. “Our shipments of fluorinated polyimide fell by half in a month. "
     "Customers are worried,” the company’s chief executive told Nikkei.",
     "“Our shipments of fluorinated polyimide fell by half in a month. Customers are worried,” the company’s chief "
     "executive told Nikkei."),
]
NO_SPEAKER = [
    "North Korea fired a missile over Japan on Tuesday.\n\n“The Kim regime is developing tactical nuclear warheads.”",
    "Taiwan reported 21 aircraft in its air defense zone. “The drills are a rehearsal for a blockade.” The ministry "
    "scrambled jets in response.",
    "“Exports of the three chemicals fell by half.”\n\nThe ministry said it would review the list in August.",
]


@pytest.mark.parametrize("text,expected", SPEAKER_BEFORE)
def test_a_bare_quotation_is_quoted_with_the_sentence_before_it_that_names_its_speaker(text, expected):
    texts = quoted(text)
    if expected is None:
        assert any(t.endswith("not history.”") and "told reporters" in t for t in texts), texts
    else:
        assert " ".join(expected.split()) in texts, texts
        assert not any(t.startswith("“The Kim") or t.startswith("“We have asked") for t in texts), texts


@pytest.mark.parametrize("text,expected", SPEAKER_AFTER)
def test_a_bare_quotation_is_quoted_with_the_sentence_after_it_that_closes_it_and_names_its_speaker(text, expected):
    texts = quoted(text)
    assert expected in texts, texts


@pytest.mark.parametrize("text", NO_SPEAKER)
def test_a_bare_quotation_with_no_speaker_before_or_after_it_is_left_out(text):
    texts = quoted(text)
    assert not any(t.startswith(("“The Kim", "“The drills", "“Exports")) for t in texts), texts
    assert texts  # the sentences around it are still quoted


def test_an_answer_may_still_quote_a_bare_quotation_alone():
    text = NO_SPEAKER[0]
    assert "“The Kim regime is developing tactical nuclear warheads.”" in quoted(text, connectives=False)
