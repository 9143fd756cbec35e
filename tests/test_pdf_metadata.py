"""A PDF's own metadata is the document's metadata (issue 10, s64's new user, F10: a PDF review's Sources entry named
no publisher and no author, though the file's information dictionary gave both).

Kind: **what a PDF says about itself.** The loader read only the ``/Title``; now ``rag.pdf_metadata`` reads the
``/Author`` (the document's authors), the publisher (``dc:publisher``, a ``/Publisher`` or ``/Company`` key, else an
author that is an organisation: a review's or a white paper's issuing body) and the ``/CreationDate`` (its day, when
nothing with higher precedence dates it); ``/Producer`` is the software that wrote the file, never its publisher.

PDFs written for this spec (``tests/pdfs.make_pdf``): reviews and papers of our own, Korean, Japanese, Taiwanese and
European bodies; none from any data set.
"""

from __future__ import annotations

import pytest

from pdfs import make_pdf
from rag.loaders import load_file

BODY = [["Licence applications for chip-making tools rose by 28 percent in the first half of the year.",
         "Customs officials opened 14 investigations into suspected diversion through third countries."]]

CASES = [
    # (info, expected authors, expected publisher, expected day)
    ({"Author": "Han River Institute", "Producer": "Microsoft\u00ae Word for Microsoft 365",
      "CreationDate": "D:20260914093000+09'00'"}, ("Han River Institute",), "Han River Institute", "2026-09-14"),
    ({"Author": "Park Ji-won; Lee Seo-yeon", "Company": "Korea Institute for Trade Security",
      "CreationDate": "D:20251102"}, ("Park Ji-won", "Lee Seo-yeon"), "Korea Institute for Trade Security", "2025-11-02"),
    ({"Author": "Ministry of Economy, Trade and Industry", "Producer": "Adobe PDF Library 17.0",
      "CreationDate": "D:20260301120000Z"}, ("Ministry of Economy, Trade and Industry",),
     "Ministry of Economy, Trade and Industry", "2026-03-01"),
    ({"Author": "Chen Mei-ling", "Publisher": "Taipei Policy Forum", "Producer": "LaTeX with hyperref",
      "CreationDate": "D:20240720"}, ("Chen Mei-ling",), "Taipei Policy Forum", "2024-07-20"),
    ({"Author": "Sofia Lindqvist", "Producer": "pdfTeX-1.40.25", "CreationDate": "D:20230515"},
     ("Sofia Lindqvist",), None, "2023-05-15"),
]


@pytest.mark.parametrize("info, authors, publisher, day", CASES, ids=[c[0]["Author"] for c in CASES])
def test_a_pdfs_author_publisher_and_creation_day_are_its_documents(tmp_path, info, authors, publisher, day):
    path = tmp_path / "review.pdf"
    path.write_bytes(make_pdf(BODY, title="Chip-tool export controls: a half-year review", info=info))
    (doc,) = list(load_file(path))
    assert doc.authors == authors
    assert doc.publisher == publisher  # never the producing software
    assert doc.published == day
    assert doc.title == "Chip-tool export controls: a half-year review"


def test_the_producing_software_is_no_publisher(tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(make_pdf(BODY, info={"Producer": "Microsoft\u00ae Word for Microsoft 365", "Creator": "Writer"}))
    (doc,) = list(load_file(path))
    assert doc.publisher is None and doc.authors == ()


def test_a_broken_creation_date_leaves_the_rest(tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(make_pdf(BODY, info={"Author": "Busan Trade Research Centre", "CreationDate": "yesterday"}))
    (doc,) = list(load_file(path))
    assert doc.publisher == "Busan Trade Research Centre" and doc.published is None


@pytest.mark.parametrize("name, org", [
    ("Han River Institute", True), ("Korea Customs Service", True), ("Ministry of Trade, Industry and Energy", True),
    ("Taiwan Economic Research Foundation", True), ("Kim Min-jun", False), ("Sofia Lindqvist", False), ("Tanaka", False),
])
def test_an_author_is_an_organisation_by_its_head_noun(name, org):
    from rag.pdf_metadata import is_organisation

    assert is_organisation(name) is org
