"""The API's sources list the passages the brief cites from each (issue 10, s64's new user, F17: a brief's and an
answer's ``sources`` named each document and its character spans, but not one word of what was quoted from it).

Kind: **a source is listed with its cited passages.** ``Source.passages`` holds the quote of each cited span, in the
order of ``spans``, filled from the brief's own citations when the ``Brief`` is built: every claim's, its weighed
evidence's and every timeline entry's (``Brief.cited_passages``). A client reading ``sources`` alone sees what was
taken from each document; a passage no claim quotes is never listed.

Articles written for this spec (a Korean court case, a Japanese fine, a PDF review; none from any data set), served
through the real app (``create_app``) over a fresh index.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from pdfs import make_pdf
from rag.config import Settings

ARTICLES = {
    "busan.md": "# Four executives charged over chip-tool shipments to China\n\nPublished: 2026-09-14 · Publisher: Busan "
    "Ledger\n\nSouth Korean prosecutors on Monday indicted four executives of Daehan Process Systems for shipping 37 "
    "wafer-cleaning machines to China without export permits. The four are accused of routing the machines through a "
    "front company in Hong Kong between 2023 and 2025, prosecutors said. The shipments were worth about 41 billion "
    "won.\n",
    "customs.md": "# Customs traces chip-tool shipments to Wuxi plant\n\nPublished: 2026-09-16 · Publisher: Seoul "
    "Economic Daily\n\nSouth Korea's customs service said on Wednesday it had traced the 37 machines shipped by Daehan "
    "Process Systems to a memory plant in Wuxi, China. The trader had declared them as spare parts worth less than 2 "
    "billion won, the customs service said.\n",
    "sakai.md": "# Japan fines chemical maker over photoresist exports to China\n\nPublished: 2026-10-03 · Publisher: "
    "Kansai Shimbun\n\nJapan's trade ministry on Friday fined Kansai Fine Chemicals 180 million yen for exporting "
    "photoresist to a Chinese chipmaker without a licence. The company shipped 14 consignments between January and "
    "June from its plant in Sakai, the ministry said.\n",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from api.main import create_app
    from rag.index import open_index
    from rag.ingest import Ingestor

    root = tmp_path_factory.mktemp("source_passages")
    docs, data = root / "docs", root / "data"
    docs.mkdir()
    for name, text in ARTICLES.items():
        (docs / name).write_text(text, encoding="utf-8")
    (docs / "review.pdf").write_bytes(make_pdf([[
        "South Korea opened 14 investigations into chip-tool diversion to China in the first half of 2026.",
        "Licence applications for chip-making tools rose by 28 percent over the same period."]],
        title="Chip-tool export controls: a half-year review", info={"Author": "Han River Institute"}))
    settings = Settings(data_dir=data)
    report = Ingestor(open_index(settings)).ingest_paths([docs])
    assert report.added == 4 and not report.failed, report.to_dict()
    with TestClient(create_app(settings, warm_up=False)) as c:
        yield c


def _quotes_by_source(claims) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for claim in claims:
        for cit in claim["citations"]:
            out.setdefault(cit["source"], set()).add(cit["quote"])
    return out


def _claims(brief: dict) -> list[dict]:
    return [c for s in brief["sections"] for c in s["claims"]] + brief["timeline"]


@pytest.mark.parametrize("topic", [
    "South Korea indictment of executives over chip-tool shipments to China",
    "Japan fine on chemical maker over photoresist exports to China",
])
@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_briefs_sources_list_the_passages_it_cites(client, topic, template):
    r = client.post("/v1/briefs", json={"topic": topic, "template": template})
    assert r.status_code == 200, r.text
    brief = r.json()
    assert brief["sources"], brief.get("message")
    quoted = _quotes_by_source(_claims(brief))
    for src in brief["sources"]:
        assert src["passages"], src  # every listed source shows what was taken from it
        assert len(src["passages"]) == len(src["spans"])
        assert set(src["passages"]) <= quoted[src["index"]] | {
            q for c in _claims(brief) for e in c.get("evidence_for", []) + c.get("evidence_against", []) + c.get("verdict", [])
            for q in (cit["quote"] for cit in e["citations"])}


@pytest.mark.parametrize("question", [
    "How many machines did Daehan Process Systems ship to China?",
    "How much did Japan fine Kansai Fine Chemicals?",
])
def test_an_answers_sources_list_the_passages_it_quotes(client, question):
    r = client.post("/v1/ask", json={"question": question})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["sources"]
    cited = {n for c in body["citations"] for n in c["sources"]}
    for src in body["sources"]:
        if src["index"] in cited:
            assert src["passages"], src
            # each passage is what a quoted claim says (a claim may be the passage or a part of it)
            assert all(any(p in cl["text"] or cl["text"] in p for cl in body["citations"]) for p in src["passages"])
