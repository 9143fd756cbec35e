"""A PDF's title is the document's name, not a finding (issue 10, s64's new user, F8: a PDF review's title was quoted
in "Key developments" as if the review had reported it).

Kind: **a document's title is context.** A report, review or paper read from a PDF is named by its title — the
``/Title`` of its metadata, or the first line the page opens with — and the title heads its Sources entry. In a brief
it is never quoted as a development, a judgement or an event: the document's findings are told by its own sentences.
(An HTML page's headline is the context of its quoted lede since s63: ``test_brief_page_headline``; a news report's
title may still be the one line that states its event.)

The shape it took: a PDF's text opens with its title on a line of its own, and the sentence splitter joined that line
to the first sentence as a wrapped line, so the lede was quoted as "Seoul's chip-tool export checks miss
transshipment …, review finds Licence applications for chip-making tools rose …". The title line (the metadata
``/Title``, or the first line when the file has none, quotes and case folded) is now split off and dropped as the
document's title; the lede is quoted from its own first word.

PDFs written for this spec (``tests/pdfs.make_pdf``): reviews of Korean, Japanese and Taiwanese export controls, one
without a metadata title; none from any data set.
"""

from __future__ import annotations

import pytest

from conftest import engine_over
from pdfs import make_pdf

PDFS = {
    "korea_review.pdf": ("Seoul's chip-tool export checks miss transshipment through Vietnam and Malaysia, review finds",
                         ["Licence applications for chip-making tools rose by 28 percent in the first half of 2026.",
                          "Customs officials opened 14 investigations into suspected diversion of lithography and "
                          "etching equipment.",
                          "Nine of the 14 cases involved shipments declared as spare parts."]),
    "japan_review.pdf": ("Tokyo's photoresist licences let Chinese fabs stockpile, Kyoto study says",
                         ["Exporters of photoresist obtained 412 bulk licences between July 2023 and June 2026.",
                          "The study found that 61 percent of licensed volumes went to three buyers.",
                          "Shipments under bulk licences tripled in the year after the rules took effect."]),
    "taiwan_review.pdf": ("Taipei's trade-secret law nets few convictions as engineers move to Chinese rivals",
                          ["Taiwanese prosecutors filed 37 indictments of engineers under the National Security Act's core technology clause "
                           "between 2022 and 2026.",
                           "Courts convicted defendants in 6 of the 19 cases decided so far.",
                           "The average sentence handed down was two years and four months."]),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    root = tmp_path_factory.mktemp("document_title")
    docs = root / "docs"
    docs.mkdir()
    for name, (title, lines) in PDFS.items():
        meta = title if name != "taiwan_review.pdf" else None  # a PDF without a /Title: its first line names it
        (docs / name).write_bytes(make_pdf([[title, *lines]], title=meta, info={"Author": "Han River Institute"}))
    return engine_over(root / "data", docs)


@pytest.mark.parametrize("template", ["assessment", "situation"])
@pytest.mark.parametrize("topic, pdf", [
    ("South Korea chip-tool export checks and transshipment through Vietnam and Malaysia", "korea_review.pdf"),
    ("Japan photoresist export licences and Chinese fabs stockpiling", "japan_review.pdf"),
    ("Taiwan trade-secret law convictions of engineers who moved to Chinese rivals", "taiwan_review.pdf"),
])
def test_a_pdfs_title_is_never_a_development(engine, template, topic, pdf):
    brief = engine.write(topic, template=template)
    assert not brief.abstained, brief.message
    title, lines = PDFS[pdf]
    quoted = [" ".join(c.text.split()) for s in brief.sections for c in s.claims] + [c.text for c in brief.timeline]
    flat = [q.replace("\u2019", "'") for q in quoted]
    assert any(line.replace("\u2019", "'") in flat for line in lines), quoted  # the review's findings, each whole
    assert not any(title in q for q in flat), quoted  # the title is never quoted, alone or glued to the lede
    assert title in [s.title.replace("\u2019", "'") for s in brief.sources]  # it names the document in Sources
