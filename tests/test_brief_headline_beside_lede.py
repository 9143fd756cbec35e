"""A report's headline is not quoted beside its own lede (issue 10, briefs an analyst signs after light edits; s61).

Kind: **the same news said twice, once by the headline.** A situation brief on Japan's inspection-tool licences
quoted "Japan widens chip-tool export rule to 16 types" and "Japan adds 14 chip-inspection tools to export licence
list" among What happened's items, though it already quoted both reports' ledes ("Japan's trade ministry on Monday
raised the number of … tool types that will need an export licence to 16 …"): the lede tells the headline's news
with its actor and its day. A headline is still quoted when its report's lede is not (it may be the report's only
statement of its news).

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import json

import pytest

from conftest import engine_over_texts

ARTICLES = {
    "a_rule.txt": ("Korea adds HBM stacking tools to strategic goods list", "Han River Times", "2026-09-09",
                   "SEOUL — South Korea's trade ministry on Tuesday added six types of high-bandwidth memory stacking "
                   "tools to its list of strategic goods that need an export licence.\n\n"
                   "The ministry said the tools could help foreign rivals build memory for AI accelerators.\n\n"
                   "Korean toolmakers shipped about $1.4 billion of such equipment abroad last year.\n\n"
                   "Hanmi Semiconductor shares fell 3.2% after the announcement.\n\n"
                   "Trade minister Park Ji-won told reporters the rule does not target any specific country.\n\n"
                   "Shipments to 30 partner countries, including the United States and Japan, can continue under "
                   "general licences.\n\n"
                   "The new list includes thermal compression bonders and wafer-level underfill dispensers."),
    "b_update.txt": ("Korea widens HBM tool licence rule to nine types", "Seoul Tech Daily", "2026-09-30",
                     "SEOUL — South Korea's trade ministry on Tuesday raised the number of high-bandwidth memory "
                     "stacking tool types that need an export licence to nine, up from the six it listed this month.\n\n"
                     "The three added types are thermal compression bonders, hybrid bonders and wafer thinning "
                     "grinders.\n\n"
                     "The licences will be required from November 1.\n\n"
                     "An industry association said members had asked for more time to adjust existing contracts, "
                     "but the ministry rejected the request.\n\n"
                     "The start date of November 1 is unchanged.\n\n"
                     "Exports to military end users remain banned."),
    "c_kisa.txt": ("Taiwan approves sale of 3nm tools plant stake to US buyer", "Formosa Ledger", "2026-09-18",
                   "TAIPEI — Taiwan's investment commission on Thursday approved the sale of a 40% stake in a "
                   "chip-tool plant in Tainan to a US equipment maker for NT$9 billion.\n\n"
                   "The commission said the buyer had agreed to keep the plant's 3-nanometre tool designs in Taiwan.\n\n"
                   "The deal is expected to close by the end of the year."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    # the headline is the file's first line (a plain-text article with its publisher and date in a manifest), so it
    # is one of the article's quotable sentences
    texts = {name: f"{title}\n\n{body}\n" for name, (title, _, _, body) in ARTICLES.items()}
    texts["manifest.json"] = json.dumps({"articles": [{"file": name, "publisher": publisher, "published": day}
                                                      for name, (_, publisher, day, _) in ARTICLES.items()]})
    return engine_over_texts(tmp_path_factory.mktemp("headline_beside_lede"), texts)


def _quoted(brief) -> list[str]:
    return [" ".join(c.text.split()) for s in brief.sections for c in s.claims]


@pytest.mark.parametrize("topic, template", [
    ("South Korea export licences for HBM stacking tools", "situation"),
    ("South Korea export licences for HBM stacking tools", "assessment"),
    ("Korea HBM tool export rule", "situation"),
])
def test_a_headline_is_not_quoted_beside_its_reports_quoted_lede(engine, topic, template):
    quoted = _quoted(engine.write(topic, template=template))
    for title, _, _, body in ARTICLES.values():
        lede = " ".join(body.split("\n\n")[0].split())
        if lede in quoted:
            assert title not in quoted, quoted
    assert any(" ".join(b.split("\n\n")[0].split()) in quoted for _, _, _, b in ARTICLES.values()), quoted
