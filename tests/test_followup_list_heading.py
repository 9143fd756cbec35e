"""A list under a heading that introduces it is read as one sentence, and "Which brands are named?" asks of the
previous answer's story.

The kind (s66's fresh user, F10): an article gives what an order covers as a bulleted list under "## What the order
covers"; each item ("CCTV cameras … made by companies headquartered in China, including Hikvision and Dahua;") was a
fragment no answer could quote (it does not say what it is an item of), and only a prose sentence ending in ":"
introduced a joined list (``block_lists``). Now a heading that is a fronted clause with its own subject ("What the
order covers", "Who the rules apply to": ``list_headings.toml``) introduces the list under it, read "What the order
covers: …; …". Second, "Which brands are named?" after "What did Taiwan order about Chinese-made cameras?" was read as
a standalone question ("The corpus has no evidence …"): a wh-determiner and a noun before a passive verb ("Which
brands are named?", "What firms are affected?") now end on the verb, the act left to the conversation, as "Who is
affected?" does (``elliptical_followups.toml`` ``wh_determiners``).

Unit specs over texts written here, then end to end through the real Engine over three short Markdown articles.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.followup import resolve_follow_up
from rag.render import answer_with_sources
from rag.text.block_lists import joined_lists, list_parts, list_reading
from rag.text.sentences import split_sentences
from rag.types import Turn


def _readings(text: str) -> list[str]:
    out = []
    for sent in joined_lists(text, split_sentences(text), max_words=120):
        parts = list_parts(text, sent)
        if parts:
            out.append(list_reading(text, parts))
    return out


@pytest.mark.parametrize("text, reading", [
    ("Intro sentence here.\n\n## What the rule covers\n\n- lithium-ion cells made in Vietnam, including those of "
     "VinES;\n- battery packs above 20 kWh.\n\nMore prose follows.",
     "What the rule covers: lithium-ion cells made in Vietnam, including those of VinES; battery packs above 20 kWh."),
    ("## Who the sanctions apply to\n\n* Orion Freight Ltd\n* Baltic Reefers SA\n* Kestrel Lines\n",
     "Who the sanctions apply to: Orion Freight Ltd; Baltic Reefers SA; Kestrel Lines."),
])
def test_a_heading_with_a_clause_of_its_own_introduces_its_list(text, reading):
    assert _readings(text) == [reading]


@pytest.mark.parametrize("text", [
    "## What to watch\n\n- the March tender;\n- the court ruling.\n",
    "## Key risks\n\n- supply shocks;\n- price caps.\n",
    "## What happens next\n\n- a draft in May;\n- a vote in June.\n",
])
def test_a_caption_heading_introduces_no_list(text):
    assert _readings(text) == []


def conversation(*turns: str) -> list[Turn]:
    return [Turn("user" if i % 2 == 0 else "assistant", text) for i, text in enumerate(turns)]


@pytest.mark.parametrize("question", ["Which brands are named?", "What firms are affected?",
                                      "Which vessels were listed?"])
def test_a_wh_determiner_and_noun_before_a_passive_verb_asks_of_the_story(question):
    history = conversation("What did Chile decide about lithium exports?",
                           "Chile's economy ministry on Friday capped lithium carbonate exports at 40,000 tonnes. [1]")
    resolved = resolve_follow_up(question, history)
    assert resolved.is_follow_up and resolved.said, resolved


ARTICLES = {
    "01_chile.md": (
        "# Chile caps lithium exports to three buyers\n\n"
        "Published: 2026-05-08 · Publisher: Andes Resources Wire\n\n"
        "Chile's economy ministry on Friday capped lithium carbonate exports to three foreign buyers at 40,000 "
        "tonnes a year, citing the need to supply a domestic cathode plant.\n\n"
        "## What the cap covers\n\n"
        "- lithium carbonate sold to refiners headquartered in China, including Ganfeng and Yahua;\n"
        "- lithium hydroxide made from Chilean brine, when it is shipped through a third country;\n"
        "- spot cargoes above 500 tonnes.\n\n"
        "Producers have 60 days to adjust their contracts, the ministry said.\n"),
    "02_norway.md": (
        "# Norway lists shadow-fleet tankers\n\n"
        "Published: 2026-06-19 · Publisher: Nordic Maritime Review\n\n"
        "Norway's foreign ministry on Thursday barred 14 tankers from its ports, saying they carried Russian oil "
        "above the price cap.\n\n"
        "## Who the ban applies to\n\n"
        "- tankers managed from Dubai, including the Orion Star and the Baltic Jade;\n"
        "- vessels that switched off their transponders in Norwegian waters;\n"
        "- ships insured by firms without a Norwegian licence.\n\n"
        "Owners may appeal within 30 days.\n"),
    "03_other.md": (
        "# Peru raises copper royalties\n\n"
        "Published: 2026-05-02 · Publisher: Andes Resources Wire\n\n"
        "Peru's congress on Thursday raised royalties on copper miners by two percentage points.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("list_heading"), ARTICLES)


@pytest.mark.parametrize("first, follow_up, named", [
    ("What did Chile decide about lithium exports?", "Which buyers are named?", "Ganfeng and Yahua"),
    ("What did Norway decide about shadow-fleet tankers?", "Which tankers are named?", "the Orion Star and the Baltic Jade"),
])
def test_which_ones_are_named_is_answered_from_the_list_under_its_heading(engine, first, follow_up, named):
    shown_first = answer_with_sources(engine.write(first, template="answer", history=[])).split("\n\nSources:")[0]
    brief = engine.write(follow_up, template="answer", history=conversation(first, shown_first))
    assert not brief.abstained, brief.message
    text = " ".join(c.text for s in brief.sections for c in s.claims)
    assert named in text, text
