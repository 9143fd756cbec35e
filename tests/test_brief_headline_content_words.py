"""A report's headline is not quoted beside its own lede when the lede holds half the headline's content words,
whatever its function words (issue 10, briefs an analyst signs after light edits; s62).

Kind: **a headline said again beside its lede, let through by its function words.** s61 stopped a page title being
quoted next to its report's quoted lede when the lede holds half of the title's stems
(``section_picks.title_of_quoted_lede``), but counted "to", "its", "for" among them: "Japan adds 14 chip-inspection
tools to export licence list" (s61's fresh user, F14) has 5 of its 10 content stems in its lede, 5 of 11 with "to",
and stayed a What-happened bullet under the lede. Only content stems are counted now (``on_topic.LIGHT_STEMS`` aside).
A headline whose news the lede does not tell is still quoted (``test_brief_headline_beside_lede``).

The articles were written for this spec, not taken from any data set.
"""

from __future__ import annotations

import json

import pytest

from conftest import engine_over_texts

ARTICLES = {
    "p1.txt": ("Taiwan adds 5 lithography parts to its export control list", "Formosa Ledger", "2026-09-04",
               "Taiwan's economy ministry on Friday said shipments of five kinds of lithography parts will need an "
               "export permit from November 1.\n\n"
               "The parts include light-source modules and wafer stage motors.\n\n"
               "Shipments to the United States, Japan and the Netherlands can continue under general permits.\n\n"
               "The ministry said the rule is meant to keep the parts out of military programmes."),
    "p2.txt": ("Taiwan puts 3 more lithography parts on its control list", "Taipei Trade Journal", "2026-09-25",
               "Taiwan's economy ministry said Thursday that three further kinds of lithography parts now need permits "
               "under the controls, bringing the total to eight.\n\n"
               "The added parts are reticle handlers, immersion hoods and alignment sensors.\n\n"
               "Toolmakers asked for more time to adjust existing contracts."),
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    texts = {name: f"{title}\n\n{body}\n" for name, (title, _, _, body) in ARTICLES.items()}
    texts["manifest.json"] = json.dumps({"articles": [{"file": name, "publisher": publisher, "published": day}
                                                      for name, (_, publisher, day, _) in ARTICLES.items()]})
    return engine_over_texts(tmp_path_factory.mktemp("headline_content_words"), texts)


@pytest.mark.parametrize("topic", ["Taiwan lithography parts export controls", "Taiwan export permits for lithography parts"])
@pytest.mark.parametrize("template", ["situation", "assessment"])
def test_a_headline_is_not_quoted_beside_its_lede_for_its_function_words(engine, topic, template):
    brief = engine.write(topic, template=template)
    quoted = [" ".join(c.text.split()) for s in brief.sections for c in s.claims]
    ledes = 0
    for title, _, _, body in ARTICLES.values():
        lede = " ".join(body.split("\n\n")[0].split())
        if lede in quoted:
            ledes += 1
            assert title not in quoted, quoted
    assert ledes, quoted
