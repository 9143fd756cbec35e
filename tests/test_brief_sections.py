"""What a brief's sections may quote, by kind of sentence (issue 10, items 1, 2 and 5), on inputs written for this file.

- A report's turn to another story ("In related news, ...", "In a separate development, ...") is not the brief's
  story, in any section, nor is the sentence quoted together with it.
- A competing hypothesis is an explanation a source states: a verbless caveat ("Potential bias in reading X as
  Y.") or a list label is not one.
"""

from __future__ import annotations

import pytest

from rag.types import Chunk
from rag.writers.base import EvidencePassage
from rag.writers.candidates import is_other_story
from rag.writers.sentence_cues import is_noun_phrase


def passage(text: str, *, doc: str, n: int = 0, title: str = "", published: str = "2022-06-10", kind: str | None = None) -> EvidencePassage:
    meta = {"title": title, "published": published, "publisher": doc}
    if kind:
        meta["kind"] = kind
    chunk = Chunk(f"{doc}-0000", doc, text, 0, len(text), 0, meta)
    return EvidencePassage(f"S{n + 1}", chunk, 1.0)


def quoted(draft) -> list[tuple[str, str]]:
    return [(s.name, c.text) for s in draft.sections for c in s.claims]


@pytest.mark.parametrize("text, other", [
    ("In related news, the customs agency said it had halted imports of pineapples from the island.", True),
    ("In other news, the central bank left its policy rate unchanged on Thursday.", True),
    ("In a separate development, police detained two activists outside the embassy.", True),
    ("On a related note, shares of the carmaker fell 3% in Tokyo.", True),
    ("“In other developments, the ministry announced new visa rules,” the agency said.", True),
    ("Related measures taken in June covered gallium and germanium.", False),
    ("The news agency said the ban took effect on Monday.", False),
    ("In Seoul, officials said the related inquiry was closed.", False),
    # a digest names the other story a separate report (s32: the battery brief's "What happened")
    ("In parallel, a separate report from Taipei Times the same day says tech executives are being held in China.", True),
    ("Meanwhile, a separate report by Reuters said chip exports fell.", True),
    ("A separate story in the Nikkei described the hydrogen fluoride shortage.", True),
    ("An unrelated case in Osaka involved counterfeit batteries.", True),
    ("In parallel, Seoul moved to diversify its suppliers of photoresist.", False),
    ("A separate approval process applies to storage batteries, the ministry said.", False),
])
def test_a_reports_turn_to_another_story_is_recognised_by_its_opener(text, other):
    assert is_other_story(text) is other


SEMICONDUCTOR = [
    passage("South Korea added 40 chipmaking tools to its export licence list on Monday, the trade ministry said. "
            "The list covers lithography scanners, etching systems and wafer inspection tools. "
            "Officials said exporters must apply for a licence before shipping the tools to China.\n\n"
            "In related news, China's customs agency said it had halted imports of South Korean pineapples and other fruit, "
            "citing pests found in shipments. The move appears to be part of a wider tightening of Chinese quarantine rules "
            "on South Korean exports.", doc="kr1",
            title="South Korea adds chipmaking tools to export licence list"),
    passage("Seoul's decision to require licences for chipmaking tool exports to China followed months of talks with "
            "Washington, officials said. Samsung and SK Hynix said they had been consulted on the list. "
            "In other news, South Korea's central bank left its policy rate unchanged on Thursday as exports to China slowed.", doc="kr2", n=1),
]


def test_related_news_lines_are_quoted_by_no_section(writer, library):
    for name in ("situation", "assessment"):
        draft = writer.write("South Korea requires licences for chipmaking tool exports to China", library.get(name),
                             SEMICONDUCTOR, as_of=None)
        assert not draft.abstain and quoted(draft)
        for section, text in quoted(draft):
            assert "pineapples" not in text and "quarantine" not in text and "policy rate" not in text, (section, text)


@pytest.mark.parametrize("text, label", [
    ("Potential bias in interpreting Seoul's actions as purely protectionist without considering its alliance duties.", True),
    ("Risk of deception in official statements about the motives behind the licence rules.", True),
    ("• Over-reliance on a single ministry briefing for the scope of the list.", True),
    ("Lack of independent confirmation of the number of tools on the list.", True),
    ("Seoul is motivated by pressure from Washington to align its controls.", False),
    ("The rules were probably designed to protect Korean chipmakers' technology.", False),
    ("Beijing seeks control of the supply of legacy chips.", False),
    ("China wants to deter Seoul from joining the US-led chip alliance.", False),
    ("Fear of retaliation from Beijing weighed on the decision, officials said.", False),
])
def test_a_caveats_label_is_a_noun_phrase_an_explanation_states_something(text, label):
    assert is_noun_phrase(text) is label


GENERATED = [
    passage("South Korea added 40 chipmaking tools to its export licence list on Monday, the trade ministry said. "
            "Officials said exporters must apply for a licence before shipping the tools to China. "
            "Analysts said Seoul was probably acting under pressure from Washington because the US had asked allies to align their controls. "
            "Others argue the rules were designed because Korean firms feared losing technology to Chinese rivals.", doc="kr1",
            title="South Korea adds chipmaking tools to export licence list"),
    passage("Intelligence brief: South Korea's export licences for chipmaking tools bound for China.\n\n"
            "South Korea's export licence rules for chipmaking tools were likely introduced because Washington pressed "
            "its allies to curb China's access to advanced chips.\n\n"
            "Bias & Deception Risks:\n"
            "    • Potential bias in interpreting South Korea's licence rules as purely protectionist because of the trade dispute with China.\n"
            "    • Risk of deception in official statements about the reasons for South Korea's export licence list for China.\n",
            doc="gen1", n=1, kind="generated"),
]


def test_a_caveats_label_is_neither_a_hypothesis_nor_an_implication_nor_an_outlook(writer, library):
    draft = writer.write("South Korea requires export licences for chipmaking tools to China", library.get("assessment"),
                         GENERATED, as_of=None)
    assert not draft.abstain and quoted(draft)
    for section, text in quoted(draft):
        assert not text.lstrip(" •").startswith(("Potential bias", "Risk of deception")), (section, text)


# --- hypotheses: evidence bears on the explanation, not just on the topic --------------------------------------------

MOTIVES = [
    passage("Japan tightened exports of three chip materials to South Korea on Thursday, the trade ministry said. "
            "Tokyo's curbs are probably aimed at pressuring Seoul over the court rulings on wartime labour, analysts believe. "
            "South Korea's Supreme Court ordered Nippon Steel to compensate wartime labourers last October, which angered Tokyo.",
            doc="mo1", title="Japan curbs chip material exports to South Korea"),
    passage("South Korean chipmakers said Japan's export curbs added pressure as new US rules on chip equipment sales to "
            "China weighed on the sector. "
            "Japan's trade ministry said the curbs on chip materials to South Korea followed lapses in export controls.",
            doc="mo2", n=1, title="Korean chipmakers feel the squeeze"),
]


def test_evidence_for_a_hypothesis_bears_on_it_not_merely_on_the_topic(writer, library):
    draft = writer.write("Japan curbs chip material exports to South Korea", library.get("assessment"), MOTIVES, as_of=None)
    hyps = next(s for s in draft.sections if s.name == "hypotheses").claims
    assert hyps and "wartime labour" in hyps[0].text, quoted(draft)
    support = [c.text for c in hyps[0].evidence_for]
    # the court ruling the explanation refers to, not the chipmakers' complaint that shares "pressure" and "rules"
    assert not any("US rules" in t for t in support + [c.text for c in hyps[0].evidence_against]), support
    assert any("Supreme Court" in t for t in support), support


# --- ledes: a news report's first sentence states its main event ----------------------------------------------------

LEDES = [
    passage("Manila (Reuters) President Ferdinand Marcos Jr. said on Tuesday that the Philippines would expand US access "
            "to four more military bases, a move likely to anger Beijing.\n\n"
            "The new sites could be used by US troops for training and storing equipment, officials said. "
            "Analysts expect China to protest the decision in the coming days.", doc="ph1",
            title="Philippines to give US access to four more bases"),
    passage("The Philippines will let US forces use four more of its military bases, the defence ministry said. "
            "China's foreign ministry said the expansion would raise tensions in the region.", doc="ph2", n=1),
]


def test_a_news_reports_lede_is_what_happened_even_when_it_reports_a_future(writer, library):
    from rag.writers.candidates import candidates, type_roles

    cands, _ = candidates(LEDES, connectives=True, paragraphs=True)  # as a brief reads them: datelines kept
    type_roles(cands)
    ledes = [c for c in cands if c.is_lede]
    assert [c.text[:6] for c in ledes] == ["Manila", "The Ph"]  # one per document opening: its first sentence
    draft = writer.write("Philippines expands US military access to its bases", library.get("situation"), LEDES, as_of=None)
    happened = [c.text for s in draft.sections if s.name in ("headline", "summary") for c in s.claims]
    assert any(t.startswith("Manila (Reuters)") for t in happened), quoted(draft)
    assert not any("Analysts expect" in t for t in happened)  # a forecast in the body stays out
