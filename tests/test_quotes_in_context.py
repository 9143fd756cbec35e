"""Quotes in context, tags of the story, names the reader can weigh (issue 10, items 3 and 4), on inputs of the kind.

Seen in the quick-start brief ("Japan and China export controls"): "After the Cold War ended, this export control
system began ..." quoted without the CoCom sentence it refers to; tags "global stage" and "international framework"
(one sentence's phrases, counted twice because the sentence is also a candidate joined with the "Therefore, ..."
after it); "Gene Raymond" under key individuals, a name only an unnamed roundup gives (the US Secretary of Commerce
was Gina Raimondo).
"""

from __future__ import annotations

import pytest

from rag.brief import Source
from rag.writers.attribution import attribute_names
from rag.writers.candidates import is_dependent


@pytest.mark.parametrize("text, dependent", [
    ("After the Cold War ended, this export control system began shifting its focus.", True),
    ("In response, these companies cut their chip output by a fifth.", True),
    ("Since the ban took effect, those restrictions have cost Seoul $2 billion.", True),
    ("Last year, such measures were rare in the region.", True),
    # a time phrase, or no demonstrative after the introductory phrase: the sentence stands alone
    ("In Tokyo, this week, officials said the curbs would stay.", False),
    ("After talks in Geneva, the two sides agreed to a truce.", False),
    ("According to Kyodo, the request came from Washington.", False),
])
def test_a_demonstrative_noun_phrase_after_an_introductory_phrase_refers_back(text, dependent):
    assert is_dependent(text) is dependent


@pytest.mark.parametrize("text, dependent", [
    ("There, a team of researchers arrived in September, hoping to spot the bird.", True),
    ("There, officials found 40 tonnes of undeclared chemicals.", True),
    ("Here, the ministry lists the 23 items it will screen.", True),
    # "there" and "here" that point at no place before: the sentence stands alone
    ("There are 20 firms on the list.", False),
    ("There is no sign that the transfers took place.", False),
    ("Here is what we know about the curbs.", False),
    ("Thereafter, the ministry tightened the rules.", False),
])
def test_there_and_here_with_a_comma_point_at_a_place_the_sentence_before_names(text, dependent):
    assert is_dependent(text) is dependent


def _src(i: int, kind: str, *, publisher: str = "", attributed_as: str = "") -> Source:
    return Source(index=i, doc_id=f"d{i}", publisher=publisher, source_type=kind, attributed_as=attributed_as or publisher)


def test_a_name_only_unnamed_or_generated_sources_give_is_attributed_to_them():
    roundup = _src(1, "news", attributed_as="an unnamed roundup citing Kyodo News")
    digest = _src(2, "generated", publisher="WorldWideWatchers")
    wire = _src(3, "news", publisher="Yonhap")
    texts = {"d1": "The request came through Gene Raymond, citing Kyodo News, and Yasutoshi Nishimura in Japan.",
             "d2": "Yasutoshi Nishimura met the delegation. Lee Jae-myung spoke.",
             "d3": "Lee Jae-myung said Seoul would respond."}
    names = attribute_names(["Gene Raymond", "Yasutoshi Nishimura", "Lee Jae-myung", "Japan", "Kyodo News"],
                            [roundup, digest, wire], texts)
    assert names[0] == "Gene Raymond (named only by an unnamed roundup citing Kyodo News [1])"
    assert names[1] == ("Yasutoshi Nishimura (named only by an unnamed roundup citing Kyodo News [1]; "
                        "WorldWideWatchers [2])")
    # a named report gives it; a place is no source's claim; the outlet a roundup cites is its origin
    assert names[2:] == ["Lee Jae-myung", "Japan", "Kyodo News"]


def test_a_name_an_essay_gives_is_left_as_it_is():
    essay = _src(1, "analysis", publisher="Discuss Japan", attributed_as="Hosokawa Masahiko (2020 essay)")
    assert attribute_names(["CFIUS"], [essay], {"d1": "CFIUS has carved out exceptions."}) == ["CFIUS"]


def test_the_tags_count_each_sentence_once(writer, library):
    """A phrase of one sentence is no theme the evidence returns to, even when that sentence is a candidate twice
    (alone and with the "Therefore, ..." that depends on it)."""
    from rag.types import Chunk
    from rag.writers.base import EvidencePassage

    text = ("Vietnam tightened export licensing for rare earth magnets on Monday, the trade ministry said. "
            "The existing regional framework of licensing seems ineffective in the wake of Vietnam's rise on the "
            "world stage. Therefore, Hanoi acting alone would be of limited effect.\n\n"
            "The trade ministry said export licensing for rare earth magnets would start in March. "
            "Rare earth magnets are used in electric vehicles, and export licensing covers them all.")
    meta = {"title": "Vietnam tightens export licensing for rare earth magnets", "published": "2023-03-01",
            "publisher": "VnExpress"}
    ev = [EvidencePassage("S1", Chunk("vn-0000", "vn", text, 0, len(text), 0, meta), 1.0)]
    draft = writer.write("Vietnam's export licensing for rare earth magnets", library.get("situation"), ev, as_of=None)
    tags = [t.lower() for s in draft.sections for t in s.terms]
    assert tags and "world stage" not in tags and "regional framework" not in tags, tags


def test_a_briefs_tags_are_its_storys_not_another_story_of_the_same_digest(writer, library):
    """A generated digest covers several stories: the phrases it repeats about another one ("coal plant") are not
    tags of a brief on the story it shares with the topic."""
    from rag.types import Chunk
    from rag.writers.base import EvidencePassage

    text = ("India has reportedly withheld import approval for Chinese solar wafer makers, tightening scrutiny of "
            "inputs to its solar plants. India's solar wafer import approval rules now require a factory audit. "
            "Solar wafer makers said the approval audit would delay shipments by months.\n\n"
            "Vietnam approved a new coal plant near Hanoi on Tuesday. The Hanoi coal plant will burn imported coal. "
            "The coal plant cost $2 billion, and a second coal plant is planned.")
    meta = {"title": "India withholds approval for Chinese solar wafers; Vietnam coal plant", "published": "2023-05-10",
            "publisher": "Digest Desk", "kind": "generated brief"}
    ev = [EvidencePassage("S1", Chunk("dg-0000", "dg", text, 0, len(text), 0, meta), 1.0)]
    draft = writer.write("solar wafer import approval", library.get("situation"), ev, as_of=None)
    tags = [t.lower() for s in draft.sections if s.name == "topics" for t in s.terms]
    assert tags and not any("coal" in t or "hanoi" in t for t in tags), tags
