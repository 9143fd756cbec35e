"""A Markdown article is quoted as its reader sees it (``rag/text/markdown.py``, ``data/markdown.toml``).

A fresh user ingested a Markdown article ("# Taiwan adds 27 entities", "**TAIPEI** — …", "*entity list*") and the
answers and briefs quoted its marks: "**TAIPEI** — Taiwan's …", "__Huawei__", "*entity list*", a heading glued to
the next line ("# Japan widens curbs …\\n**TOKYO** — …"). The .md reader now stores the text without its inline
marks, as the HTML reader stores a page's text without its tags; a heading is set apart as a paragraph of its own
(its "#" marks stay, the text layer's sign of a heading). The stored passage stays the text every quote is cut from
(``document.text[start:end] == quote``), and ``source_span`` still points into the .md file: the aligner hides the
same marks, so the span starts on the quote's first word and ends on its last. The articles below are written for
this file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import engine_over_texts

from rag.loaders import load_file
from rag.text.align import SourceMap
from rag.text.markdown import plain_markdown
from rag.text.sentences import split_sentences

# --- what is markup ---------------------------------------------------------------------------------------------------

# (Markdown, what its reader sees)
MARKED = [
    ("**TAIPEI** — Taiwan added *27 firms* to its __entity list__ and _Wassenaar_ rules.",
     "TAIPEI — Taiwan added 27 firms to its entity list and Wassenaar rules."),
    ("***Breaking*** and **bold with *italic* inside** and __strong _em_ too__.",
     "Breaking and bold with italic inside and strong em too."),
    ("Firms need an `ST-2` licence, the [International Trade Administration](https://www.trade.gov.tw/ \"ITA\") said.",
     "Firms need an ST-2 licence, the International Trade Administration said."),
    ("See ![a chart of exports](chart.png) the [ministry's notice][1] and <https://example.com/notice_2026>.",
     "See  the ministry's notice and https://example.com/notice_2026."),
    ("Prices rose 5\\* and the \\_draft\\_ was \\[withdrawn\\].", "Prices rose 5* and the _draft_ was [withdrawn]."),
    ("> **Seoul** said the rules were *unfair*.\n> Tokyo declined to comment.",
     "Seoul said the rules were unfair.\nTokyo declined to comment."),
]

# text whose stars, underscores and brackets are no markup
UNMARKED = [
    "The file_name_v2 field and snake_case keys stay as written.",
    "A 5 * 3 grid and a lone * footnote mark stay.",
    "* Tokyo Electron\n* Screen Holdings",  # list bullets: the sentence splitter's
    "Read https://example.com/a_b_c_ and https://example.com/*draft* in full.",
    "The [1] footnote and [Reuters] tag have no link.",
    "| Company | City |\n|---|---|\n| Micron | Hiroshima |",
]


@pytest.mark.parametrize(("markdown", "seen"), MARKED)
def test_inline_marks_are_not_the_articles_words(markdown, seen):
    assert plain_markdown(markdown) == seen


@pytest.mark.parametrize("text", UNMARKED)
def test_stars_underscores_and_brackets_that_mark_nothing_stay(text):
    assert plain_markdown(text) == text


def test_code_keeps_its_stars_and_a_fence_or_rule_is_no_text():
    markdown = "Before `a*b*c` it.\n\n```\n**raw** _x_\n```\n\n---\n\nAfter *it*."
    assert plain_markdown(markdown) == "Before a*b*c it.\n\n\n**raw** _x_\n\n\n\n\nAfter it."


@pytest.mark.parametrize("markdown", [
    "# Japan widens curbs on chip cleaning gear\n**TOKYO** — Japan's trade ministry said on Friday it would act.",
    "# Japan widens curbs on chip cleaning gear #\n\nTOKYO — Japan's trade ministry said on Friday it would act.",
    "Intro.\n## Japan widens curbs on chip cleaning gear\nTOKYO — Japan's trade ministry said on Friday it would act.",
    "> ### Japan widens curbs on chip cleaning gear\n> TOKYO — Japan's trade ministry said on Friday it would act.",
])
def test_a_heading_is_a_paragraph_of_its_own_never_glued_to_the_next_line(markdown):
    sentences = [s.text for s in split_sentences(plain_markdown(markdown))]
    heading = next(s for s in sentences if "Japan widens" in s)
    assert re.fullmatch(r"#{1,3} Japan widens curbs on chip cleaning gear", heading), sentences
    assert "TOKYO — Japan's trade ministry said on Friday it would act." in sentences


def test_a_table_with_marked_cells_still_reads_one_row_a_line(tmp_path):
    path = tmp_path / "fabs.md"
    path.write_text("# Planned fabs\n\n| **Company** | City |\n|---|---|\n| **Micron** | _Hiroshima_ |\n"
                    "| `Rapidus` | Chitose |\n", encoding="utf-8")
    (doc,) = list(load_file(path))
    assert "Company: Micron; City: Hiroshima" in doc.text and "Company: Rapidus; City: Chitose" in doc.text


# --- through the engine -----------------------------------------------------------------------------------------------

ARTICLES = {
    "01_entities.md": (
        "# Taiwan adds 27 entities to its strategic high-tech export list\n\n"
        "Published: 2026-06-10\n\n"
        "**TAIPEI** — Taiwan's economics ministry said on Tuesday it had added 27 Chinese companies, including units "
        "of __Huawei__ and SMIC, to its *entity list*, barring local firms from shipping them chipmaking tools "
        "without a permit.\n\n"
        "The ministry's [International Trade Administration](https://www.trade.gov.tw/) said listed firms would need "
        "a `ST-2` licence for any strategic high-tech commodity.\n"),
    "02_cleaning.md": (
        "# Japan widens curbs on chip cleaning gear\n"
        "**TOKYO** — Japan's trade ministry said on Friday it would add *lithography cleaning equipment* and `EUV` "
        "pellicle tools to its export control list, citing _national security_ risks.\n"
        "## What comes next\n"
        "The rules take effect in **July**, the ministry said in a [statement](https://www.meti.go.jp/notice_2026).\n"),
    "03_helium.md": (
        "---\ntitle: Seoul builds a helium reserve for chip plants\ndate: 2026-05-04\n---\n\n"
        "> South Korea's industry ministry said it would stockpile ***three months*** of helium for chip plants, "
        "because a single supplier holds most of its imports.\n\n"
        "* * *\n\n"
        "Officials said the reserve would be stored at sites in __Pyeongtaek__ and __Icheon__.\n"),
    "04_pellicles.md": (
        "# Netherlands reviews pellicle exports\n\n"
        "Published: 2026-07-02\n\n"
        "The Netherlands will require licences for exports of EUV pellicles to China from **September**, Dutch "
        "officials said on Thursday, citing a [notice](https://www.government.nl/export_controls \"Export controls\") "
        "on the government's website.\n"),
}

MARKS = re.compile(r"\*\*|__|(?<!\w)[*_]\w|\w[*_](?!\w)|`|\]\(|(?:^|\n)\s*#+ |(?:^|\n)\s*> |\* \* \*")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("markdown")
    return engine_over_texts(root, ARTICLES), root / "docs"


QUESTIONS = [
    ("How many Chinese companies did Taiwan add to its entity list?", "27 Chinese companies"),
    ("What will Japan add to its export control list?", "lithography cleaning equipment"),
    ("How much helium will South Korea stockpile for chip plants?", "three months"),
    ("Where will South Korea store its helium reserve?", "Pyeongtaek"),
    ("When will the Netherlands require licences for EUV pellicle exports to China?", "from September"),
]


@pytest.mark.parametrize(("question", "words"), QUESTIONS)
def test_an_answer_quotes_a_markdown_article_without_its_marks(engine, question, words):
    engine, docs = engine
    brief = engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    claims = [c for s in brief.sections for c in s.claims]
    answer = " ".join(c.text for c in claims)
    assert words in answer and not MARKS.search(answer), answer
    for cite in (cite for c in claims for cite in c.citations):
        # the quote is the stored text's, and its source_span is on the quote's own words in the .md file: it starts
        # on the first, and holds them in order with only marks and a link's destination between them
        original = (docs / Path(cite.source_path).name).read_text(encoding="utf-8")
        a, b = cite.source_span
        quoted, spanned = _words(cite.quote), _words(_without_destinations(original[a:b]))
        assert original[a:].startswith(quoted[0]) and spanned == quoted, (cite.quote, original[a:b])


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def _without_destinations(markdown: str) -> str:
    return re.sub(r"\]\([^)]*\)", "]", markdown)


def test_a_brief_over_markdown_articles_quotes_no_marks(engine):
    engine, _ = engine
    brief = engine.write("chip export controls in Taiwan, Japan and South Korea", template="assessment")
    quoted = [c.text for s in brief.sections for c in s.claims] + [c.text for c in brief.timeline]
    assert quoted and not any(MARKS.search(t) for t in quoted), [t for t in quoted if MARKS.search(t)]
    terms = [t for s in brief.sections for t in s.terms]
    assert not any(MARKS.search(t) or t.endswith("_") for t in terms), terms


def test_the_cli_answer_shows_the_plain_text(cli, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "entities.md").write_text(ARTICLES["01_entities.md"], encoding="utf-8")
    env = {"BRIEF_DATA_DIR": str(tmp_path / "data")}
    assert cli(["ingest", str(src)], **env).exit_code == 0
    shown = cli(["ask", "How many Chinese companies did Taiwan add to its entity list?", "--format", "json"], **env)
    assert shown.exit_code == 0, shown.output
    brief = json.loads(shown.output)
    text = " ".join(c["text"] for s in brief["sections"] for c in s["claims"])
    assert "units of Huawei and SMIC, to its entity list" in text and not MARKS.search(text), text
    (cite,) = {(c["source_span"][0], c["source_span"][1]): c for s in brief["sections"] for cl in s["claims"]
               for c in cl["citations"]}.values()
    a, b = cite["source_span"]  # the answer cuts the dateline ("TAIPEI —"): the span starts on "Taiwan's"
    assert ARTICLES["01_entities.md"][a:b].startswith("Taiwan's economics ministry")
    assert "of __Huawei__ and SMIC, to its *entity list*, barring" in ARTICLES["01_entities.md"][a:b]
