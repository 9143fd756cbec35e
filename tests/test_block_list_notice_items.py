"""A list question over an official notice gets the notice's numbered items, not only the sentence introducing them.

* Kind (s69's new user F9, issue 10): **list extraction stops at the list's introducing sentence.** "Which
  technologies did China put under export control in Announcement No. 18?" was answered "… it is decided to implement
  export control on the following items." and none of the items "(1) …;" to "(9) …." listed under "Article 1": the
  block list (``block_lists.joined_lists``) was read "The following items …: (1) …; … (6) …;" and, ending with the
  ";" of its last kept item, dropped as a sentence cut off ("truncated").
* Mechanism: ``block_lists.list_reading`` closes the reading with "." whatever mark the last item read closes with
  (an official notice closes each item with ";", the last with "."; a list longer than a sentence's words keeps its
  first items only), so the joined list is quotable and the answer gives it, cited, after the lead
  (``QuestionAnswering._block_lists``).
* End to end through ``ask`` over notices written for this test (not eval data).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from evals.rtqa_answers import answer_text
from rag.text.block_lists import joined_lists, list_parts, list_reading
from rag.text.sentences import split_sentences
from rag.writers.candidates import MAX_WORDS
from rag.writers.sentence_cues import junk_reason

NOTICE = ("Article 1. The following items shall not be exported without a licence:\n"
          "(1) fluorinated polyimide films for foldable displays with a thickness of 25 micrometres or less;\n"
          "(2) high-purity hydrogen fluoride gas for etching with a purity of 99.999 percent or more;\n"
          "(3) extreme ultraviolet photoresist and its precursors, including metal oxide resists;\n"
          "(4) production technology for gallium nitride epitaxial wafers of 150 millimetres or more;\n"
          "(5) sputtering targets of high-purity tantalum for advanced logic chips;\n"
          "(6) process technology for chemical mechanical polishing slurries used in chip making;\n"
          "(7) design technology for vapour deposition equipment used for display panels.\n\n"
          "Article 2. This notice takes effect on March 1.")

SHORT = ("Article 1. The following items shall not be exported without a licence:\n"
         "(1) fluorinated polyimide films for foldable displays;\n"
         "(2) high-purity hydrogen fluoride gas for etching;\n"
         "(3) extreme ultraviolet photoresist and its precursors.\n\n"
         "Article 2. This notice takes effect on March 1.")

LONG = ("Section 2. The controlled technologies are as follows:\n"
        + "".join(f"{n}. design and manufacturing technology for {w} turbine blades cast as single crystals in vacuum "
                  f"furnaces;\n" for n, w in enumerate(["nickel", "cobalt", "titanium", "ceramic", "rhenium",
                                                        "tungsten", "niobium", "hafnium"], 1))
        + "\nSection 3. Exporters shall apply for a licence.")


def _lists(text: str):
    return [s for s in joined_lists(text, split_sentences(text), max_words=MAX_WORDS) if list_parts(text, s)]


@pytest.mark.parametrize("text", [NOTICE, LONG, NOTICE.replace(";\n", ",\n")])
def test_a_notice_list_whose_items_close_with_semicolons_reads_as_one_closed_sentence(text):
    [joined] = _lists(text)
    reading = list_reading(text, list_parts(text, joined))
    assert reading.endswith(".") and not reading.endswith(";.")
    assert junk_reason(reading) is None, reading


def test_the_items_of_a_short_list_are_read_as_written_without_their_numbers():
    [joined] = _lists(SHORT)
    assert list_reading(SHORT, list_parts(SHORT, joined)) == (
        "The following items shall not be exported without a licence: fluorinated polyimide films for foldable "
        "displays; high-purity hydrogen fluoride gas for etching; extreme ultraviolet photoresist and its precursors.")


ARTICLES = [
    ("01_notice.md", "2026-02-10", "Notice No. 7 of 2026 on export licensing of certain display and chip materials",
     "In accordance with the Foreign Trade Act, and with the approval of the cabinet, it is decided to require "
     "export licences for the following items.\n\n" + NOTICE),
    ("02_turbines.md", "2026-06-03", "Order No. 12 of 2026 on export control of turbine blade technologies",
     "To protect national security, the ministry has decided to control exports of the technologies below.\n\n"
     + LONG),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("notice_items"), ARTICLES)


@pytest.mark.parametrize("question, items", [
    ("Which items require an export licence under Notice No. 7?",
     ["fluorinated polyimide films", "hydrogen fluoride gas", "ultraviolet photoresist"]),
    ("Which turbine blade technologies did the ministry put under export control in Order No. 12?",
     ["nickel turbine blades", "cobalt turbine blades", "titanium turbine blades"]),
])
def test_ask_gives_the_notice_items_not_only_the_sentence_introducing_them(engine, question, items):
    brief = engine.write(question, template="answer")
    answer = answer_text(brief)
    assert all(i.split()[0] in answer for i in items), (brief.message, answer)
