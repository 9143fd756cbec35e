"""A list question is answered by the numbered or bulleted block list its story gives after an introducing line.

s64's fresh user (F7): "Which companies did the U.S. add to the Entity List?" over "… added 16 companies to the
Entity List …  The additions include:\\n\\n1. Shenzhen Hongtu Computing Co., …;\\n2. …" was answered "none gives the
names of the companies": the sentence splitter cut each line apart, so "The additions include:" was too short to
quote and each item a fragment that did not say what it was an item of. The kind: a list ("which X", "list the X")
answered by a block list after a line ending with a colon, in .txt and .md articles alike. The introducing sentence
and its items are one quote (``rag.text.block_lists``), cited item by item without the bullets, and a list question
whose first sentence only counts the members gets that quote too.

Articles written for this test; none is from the shared data.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_headed, engine_over_texts

from rag.render import answer_with_sources
from rag.text.block_lists import joined_lists, list_parts, list_reading
from rag.text.sentences import split_sentences

NUMBERED = ("The ministry named the banned suppliers in an annex. The suppliers are:\n\n"
            "1. Kestrel Optics Ltd., for shipping lenses to a sanctioned drone maker;\n"
            "2. Varna Microsystems, for brokering GPUs;\n"
            "3. Ostrova Trading, for forging end-user certificates.\n\n"
            "The ban takes effect on Monday.")
BULLETED = ("Seoul named the following firms:\n- Hanwha Ocean\n- LIG Nex1\n- Doosan\n  Enerbility\n\nOfficials declined "
            "to say more.")
NO_LIST = "The rule covers three items: chips, tools and software. It takes effect in May."
ONE_ITEM = "The ministry named one supplier:\n\n1. Kestrel Optics Ltd., for shipping lenses.\n\nThe ban starts Monday."


def _readings(text: str) -> list[str]:
    out = []
    for s in joined_lists(text, split_sentences(text), max_words=80):
        parts = list_parts(text, s)
        out.append(list_reading(text, parts) if parts else s.flat)
    return out


@pytest.mark.parametrize("text, reading", [
    (NUMBERED, "The suppliers are: Kestrel Optics Ltd., for shipping lenses to a sanctioned drone maker; Varna "
               "Microsystems, for brokering GPUs; Ostrova Trading, for forging end-user certificates."),
    (BULLETED, "Seoul named the following firms: Hanwha Ocean; LIG Nex1; Doosan Enerbility."),  # a wrapped item is one
])
def test_an_introducing_sentence_and_its_items_are_one_quote_without_bullets(text, reading):
    assert reading in _readings(text)


def test_each_item_is_cited_by_its_own_words_not_its_bullet():
    text = NUMBERED
    sent = next(s for s in joined_lists(text, split_sentences(text), max_words=80) if list_parts(text, s))
    cited = [text[a:b] for a, b in list_parts(text, sent)]
    assert cited == ["The suppliers are:", "Kestrel Optics Ltd., for shipping lenses to a sanctioned drone maker;",
                     "Varna Microsystems, for brokering GPUs;", "Ostrova Trading, for forging end-user certificates."]


LABELLED = ("Scenario Outlook:\n  • Best Case: Diplomatic resolution and lifting of restrictions.\n"
            "  • Worst Case: Escalation into broader sanctions.\n")
CAPTIONED = "Key Individuals and Entities:\n- Mitsubishi Heavy Industries\n- Kawasaki Heavy Industries\n"


# a label or caption over its items is a source's own captioned list, read item by item elsewhere: no sentence
@pytest.mark.parametrize("text", [NO_LIST, ONE_ITEM, LABELLED, CAPTIONED])
def test_no_block_list_or_a_single_item_leaves_the_sentences_as_they_were(text):
    assert joined_lists(text, split_sentences(text), max_words=80) == split_sentences(text)


def test_a_list_too_long_for_one_quote_keeps_the_items_that_fit():
    items = "".join(f"{n}. Company number {n} of the long list, for shipping goods to the army;\n" for n in range(1, 12))
    text = f"The list includes:\n\n{items}\nEnd of report."
    joined = [s for s in joined_lists(text, split_sentences(text), max_words=80) if list_parts(text, s)]
    assert len(joined) == 1 and len(joined[0].text.split()) <= 80
    assert "Company number 2 " in joined[0].text and "Company number 11 " not in joined[0].text


HEADED = {
    "01_eu.txt": ("EU sanctions five Belarusian firms over drone parts", "Brussels Ledger", "2026-04-14",
                  "BRUSSELS - The European Union on Monday imposed sanctions on five Belarusian companies accused of "
                  "supplying parts for Russian attack drones.\n\nThe Council listed the following companies:\n\n"
                  "1. Minsk Avionika Works, for assembling guidance boards;\n"
                  "2. Gomel Precision Castings, for engine housings;\n"
                  "3. Brest Optoelectronic Plant, for camera modules;\n"
                  "4. Vitebsk Radiotech, for radio links;\n"
                  "5. Polotsk Composite Materials, for airframe panels.\n\n"
                  "Their assets in the bloc are frozen, the Council said."),
    "02_nl.txt": ("Dutch government bars exports of three chip tool types", "Hague Courier", "2026-06-02",
                  "THE HAGUE - The Dutch government on Tuesday added three kinds of chipmaking tools to its export "
                  "licence regime.\n\nThe newly controlled tools are:\n"
                  "* immersion deep-ultraviolet scanners of the NXT:1980 class\n"
                  "* metrology systems for overlay measurement\n"
                  "* high-temperature epitaxy reactors\n\n"
                  "Trade minister Reinette Klever said the step followed talks with allies."),
}
MARKDOWN = {
    "03_kr.md": ("---\ntitle: \"Korea fines four exporters over tool shipments\"\npublisher: Han River Wire\n"
                 "date: 2026-08-11\n---\n\n# Korea fines four exporters over tool shipments\n\n"
                 "South Korea's trade ministry on **Monday** fined four exporters for shipping chip tools to Russia "
                 "without licences.\n\nThe fined exporters are:\n\n"
                 "- Daewon Vacuum Systems, fined 800 million won;\n"
                 "- Seongnam Laser Tech, fined 500 million won;\n"
                 "- Incheon Wafer Handling, fined 450 million won;\n"
                 "- Busan Clean Gas, fined 300 million won.\n\n"
                 "The ministry said it would widen its checks next year.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("block-lists")
    texts = {name: f"Title: {t}\nPublisher: {p}\nDate: {d}\n\n{body}\n" for name, (t, p, d, body) in HEADED.items()}
    texts.update(MARKDOWN)
    return engine_over_texts(root, texts)


@pytest.mark.parametrize("question, items", [
    ("Which companies did the EU sanction over drone parts?",
     ("Minsk Avionika Works", "Gomel Precision Castings", "Brest Optoelectronic Plant", "Vitebsk Radiotech",
      "Polotsk Composite Materials")),
    ("Which tools did the Dutch government add to its export licence regime?",
     ("immersion deep-ultraviolet scanners", "metrology systems for overlay measurement",
      "high-temperature epitaxy reactors")),
    ("Which exporters did South Korea fine for shipping chip tools to Russia?",
     ("Daewon Vacuum Systems", "Seongnam Laser Tech", "Incheon Wafer Handling", "Busan Clean Gas")),
    ("List the companies the European Union sanctioned.",
     ("Minsk Avionika Works", "Polotsk Composite Materials")),
])
def test_a_list_question_gets_every_item_of_the_block_list_cited(engine, question, items):
    brief = engine.write(question, template="answer")
    shown = answer_with_sources(brief)
    answer = shown.split("\n\nSources")[0]
    assert not brief.abstained, shown
    assert all(i in answer for i in items), shown
    assert "none gives the names" not in shown, shown
    assert not any(f"{n}. " in answer for n in range(1, 6)), shown  # quoted without the numbering
