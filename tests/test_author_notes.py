"""A brief does not quote the note on a piece's author as what the piece says.

s55's fresh user: a brief on Seoul's camera ban put "Lee Jae-won (2025 analysis) writes: “Lee Jae-won is a former
director of the National Intelligence Service's cyber centre.”" under Background. The kind: an opinion piece's or
analysis's line saying who wrote it (its author, or "the author", then a role or a post: ``author_notes.toml``).
A brief's candidates drop it; an answer may still quote it ("Who is …?").

Articles written for this test; none is from the shared data.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

from rag.render import answer_with_sources
from rag.writers.author_notes import author_note


@pytest.mark.parametrize("text, author, note", [
    ("*Lee Jae-won is a former director of the National Intelligence Service's cyber centre.", "Lee Jae-won", True),
    ("Hosokawa is a professor of economics at Meisei University.", "Hosokawa Masahiko", True),
    ("Frida Ghitis, a former CNN producer and correspondent, is a world affairs columnist.", "Frida Ghitis", True),
    ("The author is a senior fellow at the Asan Institute for Policy Studies.", None, True),
    ("Chen Wei teaches international relations at National Chengchi University.", "Chen Wei", True),
    ("Tanaka served as deputy trade minister from 2019 to 2022.", "Tanaka Yuki", True),
    # what the piece argues, or another person's role
    ("Last week's decision to strip Chinese-made cameras from public buildings is overdue.", "Lee Jae-won", False),
    ("Park Sung-ho is a vice minister who announced the ban.", "Lee Jae-won", False),
    ("Lee Jae-won argues that the ban is late.", "Lee Jae-won", False),
    ("The ban is a former policy revived.", None, False),
    # the note's disclaimer
    ("The views expressed are his own.", None, True),
    ("The opinions expressed in this commentary are the author's own.", "Chen Wei", True),
    ("The views of the ministry are well known.", None, False),
])
def test_a_note_on_the_author(text, author, note):
    assert author_note(text, author) is note


TEXTS = {
    "01_report.md": (
        "---\ntitle: Seoul bars Chinese-made drones from fire departments\npublisher: Han River Wire\n"
        "date: 2026-04-02\nauthor: Choi Min-ji\n---\n\n"
        "South Korea's interior ministry said on Thursday it would bar fire departments from buying drones made by "
        "Chinese manufacturers, citing the risk that flight logs could be sent abroad.\n\n"
        "The ban takes effect in July and covers about 1,200 drones already in service.\n"),
    "02_column.md": (
        "---\ntitle: \"Opinion: The drone ban is right, but it is late\"\npublisher: Han River Wire\n"
        "date: 2026-04-09\nauthor: Yoon Tae-hyun\n---\n\n"
        "# The drone ban is right, but it is late\n\n"
        "*Yoon Tae-hyun is a former commander of the national fire agency's aviation unit. The views expressed are "
        "his own.*\n\n"
        "The decision to bar Chinese-made drones from fire departments is overdue. Fire chiefs warned about flight "
        "log uploads as early as 2022, and nothing happened for four years.\n\n"
        "The ban will likely raise costs for rural departments, which bought cheap imported drones.\n"),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("author-notes"), TEXTS)


COLUMN = ("The drone ban is right, but it is late",
          "*Yoon Tae-hyun is a former commander of the national fire agency's aviation unit. The views expressed are "
          "his own.*\n\nThe decision to bar Chinese-made drones from fire departments is overdue. Fire chiefs warned "
          "about flight log uploads as early as 2022, and nothing happened for four years.")


def test_a_briefs_candidates_leave_out_the_note_on_the_author():
    """The s55 brief's sentence reached Background as a candidate: a brief's candidates (``author_of`` given, as the
    extractive writer gives ``Engine.doc_author`` for a topic) drop it, an answer's keep it."""
    from conftest import article_evidence

    from rag.writers.candidates import candidates

    evidence = article_evidence(COLUMN)
    brief, dropped = candidates(evidence, connectives=True, paragraphs=True, author_of=lambda doc_id: "Yoon Tae-hyun")
    answer, _ = candidates(evidence)
    assert not any("former commander" in c.text or "views expressed" in c.text for c in brief)
    assert dropped["author note"] == 2
    assert any("Fire chiefs warned" in c.text for c in brief)
    assert any("former commander" in c.text for c in answer)


def test_an_answer_may_quote_it(engine):
    shown = answer_with_sources(engine.write("Who is Yoon Tae-hyun?", template="answer"))
    assert "former commander" in shown.split("\n\n")[0], shown
