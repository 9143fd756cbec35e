"""A piece signed by the publication's own desk is credited to the publication, and a piece's title label names
its kind (s57).

Kind: **a desk credited as a person.** An editorial signed "Editorial Board" was quoted as "Editorial Board (2026
analysis) argues: …": the reader learns neither whose board it is nor that the piece is the paper's editorial. A
byline that names no person but a desk ("Editorial Board", "The Editors", "Reuters Staff", "Opinion Desk":
``source_types.toml`` [collective_bylines]) gives way to the publisher; the title's label ("Editorial: …", "Opinion:
…") names the piece's kind when its metadata does not.
"""

from __future__ import annotations

import pytest

from rag.writers.source_types import collective_byline, source_name


@pytest.mark.parametrize(("byline", "collective"), [
    ("Editorial Board", True),
    ("The Editors", True),
    ("Han River Times editorial board", True),
    ("Reuters Staff", True),
    ("Opinion Desk", True),
    ("Staff writer", True),
    # people
    ("Mori Haruka", False),
    ("Ed Staffordshire", False),
    ("Board Kim", False),
    ("", False),
])
def test_a_byline_naming_a_desk_names_no_person(byline, collective):
    assert collective_byline(byline) is collective


@pytest.mark.parametrize(("meta", "name"), [
    ({"authors": "Editorial Board", "publisher": "Formosa Ledger", "published": "2026-07-09", "kind": "editorial"},
     "Formosa Ledger (editorial, 2026)"),
    ({"authors": "The Editors", "publisher": "Han River Times", "published": "2026-04-02",
      "title": "Editorial: Seoul must tighten its cloud rules"}, "Han River Times (editorial, 2026)"),
    ({"authors": "Mori Haruka", "publisher": "Kanto Policy Review", "published": "2026-03-10",
      "title": "Opinion: Tokyo needs a smarter chip-export regime"}, "Mori Haruka (2026 opinion piece)"),
    # a person's byline still names the person; a desk without a publisher stays as signed
    ({"authors": "Park Seo-yeon", "publisher": "Hanbit Review", "published": "2026-06-03", "kind": "opinion column"},
     "Park Seo-yeon (2026 opinion)"),
    ({"authors": "Editorial Board", "published": "2026-07-09", "kind": "editorial"}, "Editorial Board (2026 editorial)"),
])
def test_an_analysis_is_credited_to_its_writer_or_its_publication(meta, name):
    assert source_name(meta, "analysis") == name
