"""Hard-wrapped text (press releases, PDF layout lines, wrapped bullets) is answered like unwrapped text.

Case 04 of ``../shared/cases`` (skipped when that folder is absent) and inputs of the same kind in
``tests/data/text_layout`` (always run): ``brief ingest`` a folder, ``brief ask`` a question whose answer
is a sentence that spans a line break, and expect that sentence quoted (on one line) and cited to the
right file, with the citation's quote keeping the original line break.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rag.text.sentences import flatten

SHARED_CASE = Path(__file__).resolve().parents[1].parent / "shared" / "cases" / "04-hard-wrapped-lines"
LAYOUT_DATA = Path(__file__).resolve().parent / "data" / "text_layout"

MOFCOM = (
    "China's Ministry of Commerce and the General Administration of Customs said that exports of eight "
    "gallium-related and six germanium-related items will require a licence from August 1, 2023."
)
METI = "Japanese officials confirmed that 23 types of chipmaking equipment will require an export licence."

SHARED_QUESTIONS = [
    ("How many gallium-related items will require a licence from China?", MOFCOM, "mofcom_wrapped.txt"),
    ("When do China's gallium and germanium export licences start?", MOFCOM, "mofcom_wrapped.txt"),
    ("How many types of chipmaking equipment will require a Japanese export licence?", METI, "meti_equipment.pdf"),
]

LOCAL_QUESTIONS = [
    (
        "When will undersea cable repair ships need a port-state permit?",
        "The transport ministers of the five Harbor Nations said on Monday that repair ships servicing undersea "
        "data cables will need a port-state permit from March 15, 2024.",
        "wrapped_press_release.txt",
    ),
    (
        "What must operators file before cable repair ships depart?",
        "Operators must file the cable owner, the repair site and the crew list at least 48 hours before "
        "departure, the ministers said in a joint statement.",
        "wrapped_press_release.txt",
    ),
    (
        "How many seabed survey vessels did the Coastal Agency inspect?",
        "The Coastal Agency reported that 41 seabed survey vessels were inspected during the year under the "
        "new licensing regime.",
        "pdf_layout_lines.txt",
    ),
    (
        "Which storage batteries must new solar parks install?",
        "Each park must install storage batteries sized for at least two hours of its peak output.",
        "wrapped_bullets.txt",
    ),
]


def _ingest(cli, docs: Path, data_dir: Path) -> dict[str, str]:
    env = {"BRIEF_DATA_DIR": str(data_dir)}
    result = cli(["ingest", str(docs)], **env)
    assert result.exit_code == 0, result.output
    return env


def _answer_claims(cli, env: dict[str, str], question: str) -> tuple[dict, list[dict]]:
    result = cli(["ask", question, "--format", "json"], **env)
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert not answer["abstained"], answer["message"]
    return answer, [c for s in answer["sections"] for c in s["claims"]]


#: files whose asked sentence is an item of a block list: a list item is quoted with the sentence introducing it
#: (``rag.text.block_lists``, h/answers-s65), so the wrapped item is whole inside the first claim, not the claim itself
LIST_FILES = frozenset({"wrapped_bullets.txt"})


def _assert_quotes(answer: dict, claims: list[dict], sentence: str, filename: str) -> None:
    """The first claim is ``sentence`` on one line (or holds it whole, for an item of a block list), cited to
    ``filename``; its quote is the wrapped original."""
    first = claims[0]
    within = filename in LIST_FILES
    assert (sentence in first["text"]) if within else (first["text"] == sentence), first["text"]
    sources = {s["index"]: s for s in answer["sources"]}
    for cite in first["citations"]:
        assert Path(sources[cite["source"]]["source_path"]).name == filename
        assert (sentence in flatten(cite["quote"])) if within else (flatten(cite["quote"]) == sentence)
        assert "\n" in cite["quote"]  # the span covers the original line break, not a rewritten text


@pytest.fixture(scope="module")
def layout_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("layout-docs")
    for path in LAYOUT_DATA.glob("*.txt"):
        shutil.copy(path, docs / path.name)
    return docs


def test_wrapped_lines_in_local_inputs_are_quoted_as_whole_sentences(cli, layout_docs, tmp_path):
    env = _ingest(cli, layout_docs, tmp_path / "data")
    for question, sentence, filename in LOCAL_QUESTIONS:
        answer, claims = _answer_claims(cli, env, question)
        _assert_quotes(answer, claims, sentence, filename)


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_CASE.is_dir(), reason=f"needs ../shared (case 04 at {SHARED_CASE})")
def test_case_04_hard_wrapped_txt_and_pdf_are_answered_and_cited(cli, tmp_path):
    env = _ingest(cli, SHARED_CASE / "docs", tmp_path / "data")
    for question, sentence, filename in SHARED_QUESTIONS:
        answer, claims = _answer_claims(cli, env, question)
        _assert_quotes(answer, claims, sentence, filename)
