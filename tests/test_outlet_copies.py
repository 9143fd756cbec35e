"""An exact copy of an article republished by another outlet is credited to that outlet (rag.ingest._outlet_copies).

A fresh user found a republication whose body was identical to an indexed article's (another outlet, its own
headline and date) reported as a ``duplicate`` and nothing kept of it: the story's ``also_reported_by`` did not name
the republishing outlet and a publisher filter on it failed with "no publisher … in the corpus", while a copy with
one word changed was credited as a near-duplicate. Documents are keyed by their text, so the exact copy took the
held document's id. Now a copy read from another place under another publisher is a document of its own (its id made
from the text and the outlet) that joins the story as a near-duplicate does; reading the same file again stays
"unchanged", and a copy from the same outlet (or naming none) stays a duplicate. The articles below are written for
this file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever
from rag.text.normalize import doc_id_for
from rag.types import SearchFilters

BODY = (
    "The port authority of Kaohsiung said on Thursday it would inspect every container of used lithography parts "
    "bound for third countries, after customs officers found 14 crates of scanner lenses declared as camera glass.\n\n"
    "The inspections start on March 2 and cover shipments worth more than NT$5 million, officials said. Exporters "
    "caught misdeclaring controlled parts face fines of up to NT$3 million under the revised trade act.\n"
)
OTHER_BODY = (
    "A Busan court sentenced two former engineers of a display panel maker to prison on Tuesday for passing "
    "organic light-emitting diode deposition recipes to a rival in Shenzhen, prosecutors said.\n\n"
    "The court found the pair had copied 2,300 process files to personal cloud accounts over nine months before "
    "leaving the company in 2025.\n"
)
QUERY = "Kaohsiung inspections of used lithography parts containers"


def header(title: str, publisher: str | None, date: str) -> str:
    lines = [f"Title: {title}", *([f"Publisher: {publisher}"] if publisher else []), f"Date: {date}"]
    return "\n".join(lines) + "\n\n"


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def outlets_of_story(index, query: str = QUERY) -> set[str]:
    (hit,) = HybridRetriever(index).search(query, k=1)
    return {hit.chunk.publisher, *hit.also_reported_by}


def status_of(report, name: str) -> str:
    (status,) = [o["status"] for o in report.outcomes if o["source_path"].endswith(name)]
    return status


def test_an_identical_republication_from_another_outlet_is_credited_to_it(fresh_index, tmp_path):
    src = tmp_path / "src"
    write(src, "a_original.txt", header("Kaohsiung to inspect lithography part shipments", "Harbour Ledger", "2026-02-19") + BODY)
    write(src, "b_republished.txt", header("Taiwan port widens checks on scanner parts", "Strait Commerce Review", "2026-02-20") + BODY)
    write(src, "c_other.txt", header("Two engineers jailed over OLED recipes", "Harbour Ledger", "2026-02-18") + OTHER_BODY)
    index = fresh_index(warm=False)

    report = Ingestor(index).ingest_paths([src])

    assert (report.added, report.duplicates, report.near_duplicates) == (3, 0, 1), report.outcomes
    assert status_of(report, "b_republished.txt") == "near_duplicate"
    (listed,) = [d for d in index.catalog.list_documents(limit=10)[0] if d["publisher"] == "Strait Commerce Review"]
    copy = index.catalog.get_document(listed["doc_id"])
    copy_id = copy["doc_id"]
    original = index.catalog.get_document(doc_id_for(copy["text"]))
    assert (copy["title"], copy["published"]) == ("Taiwan port widens checks on scanner parts", "2026-02-20")
    assert copy["story_id"] == original["story_id"] == original["doc_id"] and original["publisher"] == "Harbour Ledger"
    assert outlets_of_story(index) == {"Harbour Ledger", "Strait Commerce Review"}
    assert index.catalog.counts()["stories"] == 2

    # the publisher filter knows the republishing outlet and finds the story under it
    (name,) = index.catalog.require_publishers(["strait commerce review"])
    hits = HybridRetriever(index).search(QUERY, k=3, filters=SearchFilters(publishers=(name,)))
    assert hits and {h.chunk.doc_id for h in hits} == {copy_id}
    assert hits[0].also_reported_by == ["Harbour Ledger"]

    # the same files read again: unchanged, and so when they are read again with the reader's metadata anew
    again = Ingestor(index).ingest_paths([src])
    assert (again.unchanged, again.added, again.updated, again.duplicates) == (3, 0, 0, 0)
    index.catalog.mark_files_stale(index.catalog.known_files())
    reread = Ingestor(index).ingest_paths([src])
    assert (reread.unchanged, reread.added, reread.updated, reread.duplicates) == (3, 0, 0, 0), reread.outcomes
    assert outlets_of_story(index) == {"Harbour Ledger", "Strait Commerce Review"}


@pytest.mark.parametrize("batch_docs", [1, 8], ids=["own-batches", "one-batch"])
def test_two_outlets_lines_of_one_jsonl_file_with_the_same_text_are_two_outlets_of_one_story(fresh_index, tmp_path, batch_docs):
    src = tmp_path / "feed"
    rows = [
        {"title": "Kaohsiung port to open lithography crates", "publisher": "Harbour Ledger", "published": "2026-02-19", "text": BODY},
        {"title": "Scanner lenses found in camera glass crates", "publisher": "Pacific Freight Daily", "published": "2026-02-19", "text": BODY},
        {"title": "Scanner lenses found in camera glass crates", "publisher": "PACIFIC  FREIGHT DAILY", "published": "2026-02-19", "text": BODY},
        {"title": "Engineers jailed for OLED recipe leak", "publisher": "Harbour Ledger", "published": "2026-02-18", "text": OTHER_BODY},
    ]
    write(src, "feed.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    index = fresh_index(warm=False)

    report = Ingestor(index, batch_docs=batch_docs).ingest_paths([src])

    status = {o["source_path"].rsplit("#", 1)[1]: o["status"] for o in report.outcomes}
    # the third line is the second outlet's own repeat (its name in another case and spacing): a duplicate
    assert status == {"L1": "added", "L2": "near_duplicate", "L3": "duplicate", "L4": "added"}, report.outcomes
    assert outlets_of_story(index) == {"Harbour Ledger", "Pacific Freight Daily"}
    assert index.catalog.require_publishers(["Pacific Freight Daily"]) == ("Pacific Freight Daily",)


def test_a_copy_republished_in_a_later_run_through_a_manifest_is_credited(fresh_index, tmp_path):
    first = tmp_path / "first"
    write(first, "port.md", "# Kaohsiung to inspect lithography part shipments\n\n" + BODY)
    (first / "manifest.json").write_text(json.dumps({"articles": [{"file": "port.md", "publisher": "Harbour Ledger"}]}), encoding="utf-8")
    later = tmp_path / "later"
    write(later, "port-copy.md", "# Kaohsiung to inspect lithography part shipments\n\n" + BODY)
    (later / "manifest.json").write_text(json.dumps({"articles": [{"file": "port-copy.md", "publisher": "Island Wire Network"}]}), encoding="utf-8")
    index = fresh_index(warm=False)
    Ingestor(index).ingest_paths([first])

    report = Ingestor(index).ingest_paths([first, later])

    assert (report.unchanged, report.near_duplicates, report.duplicates) == (1, 1, 0), report.outcomes
    assert outlets_of_story(index) == {"Harbour Ledger", "Island Wire Network"}

    # the original deleted: the republication stays, with its own outlet
    (original,) = [d for d in index.catalog.list_documents(limit=10)[0] if d["publisher"] == "Harbour Ledger"]
    assert Ingestor(index).delete_document(original["doc_id"])
    assert outlets_of_story(index) == {"Island Wire Network"}


@pytest.mark.parametrize(
    "copy_publisher",
    ["Harbour Ledger", "HARBOUR LEDGER", None],
    ids=["same outlet", "same outlet in capitals", "no outlet named"],
)
def test_a_copy_from_the_same_outlet_or_naming_none_stays_a_duplicate(fresh_index, tmp_path, copy_publisher):
    src = tmp_path / "src"
    write(src, "a_original.txt", header("Kaohsiung to inspect lithography part shipments", "Harbour Ledger", "2026-02-19") + BODY)
    write(src, "b_saved_again.txt", header("Kaohsiung port checks (saved copy)", copy_publisher, "2026-02-19") + BODY)
    index = fresh_index(warm=False)

    report = Ingestor(index).ingest_paths([src])

    assert (report.added, report.duplicates, report.near_duplicates) == (1, 1, 0), report.outcomes
    assert status_of(report, "b_saved_again.txt") == "duplicate"
    assert outlets_of_story(index) == {"Harbour Ledger"}
    assert index.catalog.counts()["documents"] == 1


@pytest.mark.parametrize("first, later", [("2026-02-19", "2026-02-20"), ("2026-02-10", "2026-03-01")])
def test_the_outlet_that_published_first_leads_and_the_later_copy_is_listed(fresh_index, tmp_path, first, later):
    # a later republication of the same facts is no newer version: the original leads (s60's fresh user saw the
    # copy lead search, answers and the timeline with the original under "also reported by")
    src = tmp_path / "src"
    write(src, "b_republished.txt", header("Taiwan port widens checks on scanner parts", "Strait Commerce Review", later) + BODY)
    write(src, "a_original.txt", header("Kaohsiung to inspect lithography part shipments", "Harbour Ledger", first) + BODY)
    index = fresh_index(warm=False)
    Ingestor(index).ingest_paths([src])

    hits = HybridRetriever(index).search(QUERY, k=3)
    assert hits[0].chunk.publisher == "Harbour Ledger"
    assert hits[0].also_reported_by == ["Strait Commerce Review"]
    assert all(h.chunk.publisher == "Harbour Ledger" for h in hits if h.chunk.metadata.get("story_id") == hits[0].chunk.metadata.get("story_id"))
