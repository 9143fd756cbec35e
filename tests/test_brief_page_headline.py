"""An HTML page's headline (its <h1>, the document's title) is not quoted as a development beside its own quoted lede
(issue 10, F15: a new user's brief quoted a page's <h1> in "Key developments"; a headline is evidence for the lede, not
a development sentence of its own: titles are context).

Kind: **a headline in a subeditor's shorthand for the lede.** s61/s62 kept a page title out when its lede, quoted in
the brief, holds half of its content stems; a headline that says the lede's news in other words ("Tokyo bars Chinese
crane maker …" over "Japan's land ministry said … may no longer buy … cranes from China's Haixing …": 4 of 9) still
became a development. The lede now also tells its headline's news when it names every place the headline names, read
as places (Tokyo is Japan, Chinese is China). A headline whose report's lede the brief does not quote is still
evidence (``test_brief_headline_beside_lede``).

HTML pages written for this spec, through ingest (trafilatura keeps the <h1> as the text's first line).
"""

from __future__ import annotations

import pytest

from conftest import engine_over_texts

PAGES = {
    "cranes.html": ("Tokyo bars Chinese crane maker from port contracts over cyber risk", "Nippon Port News", "2026-10-02",
                    ["Japan's land ministry said on Friday that port operators may no longer buy ship-to-shore cranes "
                     "from China's Haixing Heavy Industries after a security review found remote-access modules in its "
                     "control units.",
                     "The ban applies to new contracts at 17 ports, including Yokohama and Kobe.",
                     "Haixing said its cranes met all Japanese standards and that it would seek talks with the ministry.",
                     "The review was carried out with the national cybersecurity centre."]),
    "engineers.html": ("Taiwan indicts ex-engineers over transfer of 2nm chip secrets", "Formosa Post", "2026-10-06",
                       ["Prosecutors in Taiwan on Tuesday indicted three former engineers of a chipmaker for taking "
                        "2-nanometre process files to a rival abroad.",
                        "The High Prosecutors Office said the three had photographed more than 1,000 pages of documents "
                        "over six months.",
                        "The engineers deny the charges. The chipmaker said it had cooperated with investigators.",
                        "If convicted under the National Security Act, they face up to 12 years in prison."]),
    "drones.html": ("Seoul blacklists Chinese drone parts suppliers", "Han Daily", "2026-10-08",
                    ["South Korea's trade ministry on Monday placed nine Chinese suppliers of drone motors and flight "
                     "controllers on its export control list, citing their role in supplying Russia's military.",
                     "The firms include Shenzhen Aero Motion and Ningbo Skyline Controls, the ministry said.",
                     "Korean exporters will need a permit to sell them any dual-use goods.",
                     "China's embassy in Seoul called the move groundless."]),
}


def _html(title: str, site: str, day: str, paras: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return (f"<!doctype html><html><head><title>{title} | {site}</title>"
            f'<meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{day}T08:00:00+09:00"></head>'
            f"<body><article><h1>{title}</h1>\n{body}\n</article></body></html>\n")


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    texts = {name: _html(*page) for name, page in PAGES.items()}
    return engine_over_texts(tmp_path_factory.mktemp("page_headline"), texts)


@pytest.mark.parametrize("template", ["assessment", "situation"])
@pytest.mark.parametrize("topic, page", [
    ("Japan ban on Chinese cranes at ports after cyber review", "cranes.html"),
    ("Taiwan indictment of engineers over 2nm chip trade secrets", "engineers.html"),
    ("South Korea export control list of Chinese drone parts suppliers", "drones.html"),
])
def test_a_pages_headline_is_not_a_development_beside_its_quoted_lede(engine, template, topic, page):
    brief = engine.write(topic, template=template)
    quoted = [" ".join(c.text.split()) for s in brief.sections for c in s.claims]
    title, _, _, paras = PAGES[page]
    assert paras[0] in quoted, quoted  # the lede tells the story
    assert title not in quoted, quoted
