"""A source's own captioned list is quoted whole, not one item of it (issue 10; fresh user s33).

Seen on the sample corpus: the China assessment's Outlook quoted only WorldWideWatchers' "Worst Case: Escalation into
broader economic sanctions …", dropping the same list's "Best Case: …" and "Most Likely: …" (below the on-topic floor:
they do not name China or Japan), a biased outlook. The kind: an item of a list the source captions itself ("•
Scenario Outlook:", "Assumptions:", "Key Signals") stands for the list. ``watch_items.list_caption`` finds the list an
item belongs to; a section that quotes one item takes the others it accepts (``SectionPicking._list_siblings``).
"""

from __future__ import annotations

import pytest

from rag.writers.watch_items import list_caption

SCENARIOS = """5. Recommendations and Outlook

  • Scenario Outlook:
    • Best Case: Talks resume and the curbs are lifted within months.
    • Worst Case: The curbs widen to rare earths and shipping.
    • Most Likely: A long standoff with occasional relief.

6. Key Individuals and Entities
"""
SIGNALS = """Key Signals
- Customs data on gallium shipments.
- Statements by the commerce ministry on licences.
"""
PROSE = """Outlook

The standoff is likely to last. Talks may resume in the spring, officials said.
"""


def _at(text: str, words: str) -> int:
    return text.index(words)


@pytest.mark.parametrize("item", ["Best Case", "Worst Case", "Most Likely"])
def test_each_scenario_belongs_to_the_scenario_outlook_list(item):
    assert list_caption(SCENARIOS, _at(SCENARIOS, item)) == _at(SCENARIOS, "  • Scenario Outlook:")


def test_items_under_a_plain_heading_share_it():
    first, second = (list_caption(SIGNALS, _at(SIGNALS, w)) for w in ("Customs data", "Statements by"))
    assert first == second == 0


def test_prose_and_a_list_whose_caption_is_out_of_view_belong_to_no_list():
    assert list_caption(PROSE, _at(PROSE, "Talks may")) is None
    assert list_caption(PROSE, _at(PROSE, "The standoff")) is None
    cut = SCENARIOS[SCENARIOS.index("    • Worst Case"):]  # a passage that starts inside the list
    assert list_caption(cut, _at(cut, "Most Likely")) is None


def test_the_lists_are_told_apart():
    text = SCENARIOS + "  • Assumptions:\n    • Beijing acts for political reasons.\n"
    assert list_caption(text, _at(text, "Beijing acts")) == _at(text, "  • Assumptions:")
    assert list_caption(text, _at(text, "Beijing acts")) != list_caption(text, _at(text, "Best Case"))


# -- the sample corpus ----------------------------------------------------------------------------------------------

def test_the_china_outlook_quotes_the_sources_three_scenarios(sample_index):
    from rag.pipeline import Engine

    brief = Engine.from_settings(sample_index[0]).write("China's export restrictions on Japanese firms", template="assessment")
    outlook = next(s for s in brief.sections if s.name == "outlook")
    labels = {c.text.split(":", 1)[0] for c in outlook.claims if ":" in c.text}
    assert {"Best Case", "Worst Case", "Most Likely"} <= labels, [c.text[:40] for c in outlook.claims]
