"""Corrections are not duplicates: a later version whose numbers, names or dates differ is kept as an update.

Near-duplicates are found on article bodies with page furniture (bylines, datelines, "(updated)", copyright and
"Related:" lines) removed; a candidate whose salient facts differ is a *version*: both stay searchable, the newest
leads when both are found, the hit notes the other version, and "also reported by" lists only outlets that printed
the same facts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import place_stories

from rag.dedup import story_body
from rag.ingest import Ingestor
from rag.retrieve import HybridRetriever, make_filters

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CASE12 = SHARED / "cases" / "12-updated-wire-story"

STORY = """Seoul widens chip subsidy programme
Published: 2024-03-11

South Korea's finance ministry on Monday said it would expand tax credits for semiconductor plants to cover
research facilities. The ministry said the programme would total 17 trillion won over five years and would be
open to Samsung Electronics, SK Hynix and smaller suppliers. Officials said the first payments would be made in
April. Industry groups welcomed the plan but asked the government to simplify applications. The opposition said
the credits favoured large companies and called for hearings in parliament. Analysts at Kiwoom Securities said
the measure could lift investment by 8 percent next year. The ministry will publish detailed guidance for
applicants next month and hold briefings for companies in Pangyo and Yongin."""


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


place = place_stories  # placements of the texts in a fresh story index, in order


# --- what counts as the same story -----------------------------------------------------------------------------------

CHANGED_FACTS = {
    "a number": ("17 trillion won", "19 trillion won"),
    "a percentage": ("8 percent", "6 percent"),
    "a company name": ("SK Hynix", "LG Display"),
    "a place name": ("Pangyo and Yongin", "Pangyo and Suwon"),
    "a month": ("made in\nApril", "made in\nJune"),
    "a weekday": ("on Monday", "on Tuesday"),
}


@pytest.mark.parametrize("what", list(CHANGED_FACTS))
def test_a_near_identical_text_with_a_changed_fact_is_a_version_not_a_duplicate(what):
    old, new = CHANGED_FACTS[what]
    first, second = place(STORY, edit(STORY, old, new))
    assert second.duplicate_of is None and second.version_of == "doc0"
    assert second.story_id == "doc1", "a version is its own story: no outlet is credited with its facts"
    assert second.thread_id == first.thread_id == "doc0", "but it belongs to the same thread of versions"


FURNITURE = {
    "a byline": lambda t: edit(t, "\n\n", "\n\nBy Kim Min-jae and Lee Ji-eun\n"),
    "another publication date": lambda t: edit(t, "2024-03-11", "2024-03-12"),
    "a dateline": lambda t: edit(t, "South Korea's finance", "SEOUL, March 11 (Yonhap) - South Korea's finance"),
    "an (updated) headline marker": lambda t: edit(t, "programme\n", "programme (updated)\n"),
    "an UPDATE prefix": lambda t: "UPDATE 2-" + t,
    "a copyright line": lambda t: t + "\n© 2024 Yonhap News Agency. All rights reserved.",
    "related links": lambda t: t + "\nRelated: Samsung to build 2 new fabs in 2025\nRead more: Chip exports rise 30%",
    "a bare date line": lambda t: edit(t, "Published: 2024-03-11", "March 12, 2024"),
}


@pytest.mark.parametrize("what", list(FURNITURE))
def test_a_republication_differing_only_in_page_furniture_is_a_duplicate(what):
    _, second = place(STORY, FURNITURE[what](STORY))
    assert second.duplicate_of == "doc0" and second.story_id == "doc0" and second.version_of is None


def test_an_identical_republication_is_a_duplicate_and_a_different_story_is_neither():
    other = "Taiwan fines exporter\n\nTaipei fined a supplier for shipping etching tools without a licence to 3 buyers."
    _, same, unrelated = place(STORY, STORY, other)
    assert same.duplicate_of == "doc0"
    assert unrelated.duplicate_of is None and unrelated.version_of is None and unrelated.thread_id == "doc2"


def test_a_copy_of_the_first_version_joins_it_even_after_a_correction_was_indexed():
    corrected = edit(STORY, "17 trillion won", "19 trillion won")
    _, version, copy = place(STORY, corrected, "By Wire Staff\n" + STORY)
    assert version.version_of == "doc0"
    assert copy.duplicate_of == "doc0" and copy.thread_id == "doc0"


def test_furniture_is_removed_line_by_line_and_the_story_is_kept():
    page = "UPDATE 1-Chip rules (corrected)\nBy Jane Doe\nTOKYO, May 19 (Reuters) - Japan set rules.\nBy contrast, Korea did not.\nCopyright 2023 Reuters\nRelated: other news"
    assert story_body(page) == "Chip rules\nJapan set rules.\nBy contrast, Korea did not."


@pytest.mark.parametrize("line, body", [
    ("(CNN) Japan set rules.", "Japan set rules."),
    ("SEOUL, South Korea — North Korea fired a missile.", "North Korea fired a missile."),
    ("BEIJING, Oct 3 (Reuters) - China said it would respond.", "China said it would respond."),
    ("New York (CNN Business) The company said it would comply.", "The company said it would comply."),
])
def test_a_lines_opening_dateline_is_furniture_in_every_form_the_text_layer_reads(line, body):
    assert story_body(line) == body


def test_a_sentence_opening_with_a_parenthesised_acronym_and_a_dash_keeps_its_subject():
    line = "The trade ministry (METI) - the regulator - said it would review the rules."
    assert story_body(line) == line


# --- the whole path: ingest, search, notes ----------------------------------------------------------------------------


def write_story(directory: Path, versions: list[tuple[str, str, str, str]]) -> Path:
    """versions: (file name, publisher, ISO date, text)."""
    directory.mkdir(parents=True)
    for name, _, _, text in versions:
        (directory / name).write_text(text, encoding="utf-8")
    manifest = [{"file": n, "publisher": p, "published": d} for n, p, d, _ in versions]
    (directory / "manifest.json").write_text(json.dumps({"articles": manifest}), encoding="utf-8")
    return directory


def search(index, query: str, **filters):
    return HybridRetriever(index).search(query, k=4, filters=make_filters(**filters))


def test_a_correction_leads_the_results_and_notes_the_version_it_replaces(fresh_index, tmp_path):
    corrected = edit(edit(STORY, "17 trillion won", "19 trillion won"), "2024-03-11", "2024-03-12")
    src = write_story(tmp_path / "src", [
        ("first.txt", "Korea Wire", "2024-03-11", STORY),
        ("copy.txt", "Daily Echo", "2024-03-11", "By Echo Staff\n" + STORY),
        ("fixed.txt", "Seoul Paper", "2024-03-12", corrected),
    ])
    index = fresh_index(warm=False)
    report = Ingestor(index).ingest_paths([src])
    assert (report.added, report.near_duplicates, report.versions) == (3, 1, 1)

    hits = search(index, "how large is the Korean chip tax credit programme")
    assert [h.chunk.publisher for h in hits] == ["Seoul Paper"], "one thread, shown by its newest version"
    assert "19 trillion won" in hits[0].chunk.text and hits[0].also_reported_by == []
    notes = {v["publisher"]: v for v in hits[0].other_versions}
    assert set(notes) == {"Korea Wire", "Daily Echo"}
    assert notes["Korea Wire"]["relation"] == "earlier" and "17 trillion won" in notes["Korea Wire"]["says"]
    assert notes["Korea Wire"]["note"].startswith("earlier version: Korea Wire, 2024-03-11, says ")

    # the first version stays searchable, with its own outlets and a pointer to the correction
    (old,) = search(index, "how large is the Korean chip tax credit programme", until="2024-03-11")
    assert old.chunk.publisher in {"Korea Wire", "Daily Echo"} and "17 trillion won" in old.chunk.text
    assert {old.chunk.publisher, *old.also_reported_by} == {"Korea Wire", "Daily Echo"}
    assert [(v["publisher"], v["relation"], v["says"]) for v in old.other_versions] == [("Seoul Paper", "later", ["19 trillion won"])]


def test_deleting_the_first_version_keeps_the_correction_and_the_copy_in_one_thread(fresh_index, tmp_path):
    corrected = edit(STORY, "SK Hynix", "LG Display")
    src = write_story(tmp_path / "src", [
        ("a.txt", "Korea Wire", "2024-03-11", STORY),
        ("b.txt", "Daily Echo", "2024-03-11", STORY + "\nCopyright 2024 Daily Echo"),
        ("c.txt", "Seoul Paper", "2024-03-12", corrected),
    ])
    index = fresh_index(warm=False)
    ingestor = Ingestor(index)
    ingestor.ingest_paths([src])
    docs = {d["publisher"]: d for d in index.catalog.list_documents(limit=10)[0]}
    assert ingestor.delete_document(docs["Korea Wire"]["doc_id"])
    (hit,) = search(index, "Korean chip tax credits for research facilities")
    assert hit.chunk.publisher == "Seoul Paper"
    assert [(v["publisher"], v["says"]) for v in hit.other_versions] == [("Daily Echo", ["SK Hynix"])]


@pytest.mark.skipif(not CASE12.is_dir(), reason="needs ../shared/cases/12-updated-wire-story next to the repository")
@pytest.mark.parametrize("folder", ["docs2", "docs"])
def test_case_12_the_corrected_figure_leads_and_no_outlet_is_credited_with_a_figure_it_did_not_print(fresh_index, folder):
    index = fresh_index(warm=False)
    report = Ingestor(index).ingest_paths([CASE12 / folder])
    assert (report.near_duplicates, report.versions) == (0, 1)
    query = "how many types of equipment Japan licence"

    hits = search(index, query)
    assert hits[0].chunk.publisher == "Paper B" and "25 types" in hits[0].chunk.text
    assert all("Wire A" not in h.also_reported_by for h in hits)
    assert [(v["publisher"], v["published"]) for v in hits[0].other_versions] == [("Wire A", "2023-05-19")]
    assert "23 types" in hits[0].other_versions[0]["says"]

    (later,) = search(index, query, since="2023-05-20")
    assert later.chunk.publisher == "Paper B" and later.also_reported_by == []
    (earlier,) = search(index, query, until="2023-05-19")
    assert earlier.chunk.publisher == "Wire A" and "23 types" in earlier.chunk.text and earlier.also_reported_by == []
    assert earlier.other_versions[0]["relation"] == "later" and "25 types" in earlier.other_versions[0]["says"]
