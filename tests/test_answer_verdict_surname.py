"""A yes/no question that names a person in full is decided by a sentence that names them by surname alone.

* Kind (s63, a new analyst's questions over articles written for the session): "Has Derek Hallam pleaded guilty?" was
  "No." over its own quote "Hallam pleaded guilty on December 5, 2025 …"; "Has Kenji Arai pleaded guilty?" was "The
  sources do not say whether …" over "Lin and Arai pleaded not guilty …". News copy names a person in full once and
  by surname after; the checker read the given name the sentence leaves out as a name it does not hold ("entity
  'Derek' not in cited text"), which the verdict took as the contrary.
* ``judge`` reads the claim against each passage with the person's name as the passage gives it
  (``surname_reading``): the sentence then decides it, "Yes" when it tells the act, "No" when it negates it
  ("pleaded not guilty", "did not approve", "has not yet renewed").
* Kind (same session): "Has Malaysia tightened its transshipment rules?" over "The main uncertainty is whether
  Malaysia and Thailand will tighten their own transshipment rules …" was tagged "told only as intended or
  announced": an intent cue inside an open question ("whether … will") tells no intent ([intent] questions).
"""

from __future__ import annotations

import pytest

from rag.writers.answer_verdict import intent_kind, judge, polar_question, surname_reading


@pytest.mark.parametrize("question, passage", [
    ("Has Derek Hallam pleaded guilty?", "Hallam pleaded guilty on December 5, 2025, to one count of conspiracy to "
     "violate the Export Control Reform Act and is cooperating with investigators, according to court filings."),
    ("Did Mina Seo sign the licence agreement?", "Seo signed the licence agreement in Seoul on Thursday, the ministry said."),
    ("Was Tomohiro Ueda indicted over the lithography leak?",
     "Ueda was indicted on Friday over the lithography leak, prosecutors in Tokyo said."),
    ("Did Hsu Wen-chieh resign from the board?", "Hsu resigned from the board on Monday, the company said."),
    ("Has Anders Lindqvist approved the export licence?",
     "Lindqvist approved the export licence for the etching tools on March 3, officials said."),
    ("Did Park Ji-hoon receive a suspended sentence?",
     "Park received a suspended sentence of two years from the Suwon District Court on Tuesday."),
    ("Was Lena Vogt sanctioned by the Treasury?",
     "Vogt was sanctioned by the Treasury on Wednesday for brokering drone parts to Russia."),
    ("Did Carlos Mendes sell the shares?", "Mendes sold the shares in January, filings show."),
])
def test_a_sentence_naming_the_person_by_surname_says_yes(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome == "supported"


@pytest.mark.parametrize("question, passage", [
    ("Has Kenji Arai pleaded guilty?", "Lin and Arai pleaded not guilty at their first appearance on Tuesday."),
    ("Did Mina Seo sign the licence agreement?", "Seo did not sign the licence agreement, the ministry said on Thursday."),
    ("Has Anders Lindqvist approved the export licence?",
     "Lindqvist did not approve the export licence for the etching tools, officials said."),
    ("Did Tomohiro Ueda plead guilty to the leak charges?",
     "Ueda pleaded not guilty to the leak charges at the Tokyo District Court on Monday."),
    ("Did Hsu Wen-chieh resign from the board?", "Hsu has not resigned from the board, the company said on Monday."),
    ("Did Lena Vogt renew the broker licence?", "Vogt has not yet renewed the broker licence, the registry shows."),
    ("Did Carlos Mendes sell the shares?", "Mendes never sold the shares, his lawyer said."),
    ("Did Park Ji-hoon appeal the sentence?", "Park did not appeal the sentence, the court said."),
])
def test_a_sentence_negating_the_surname_s_act_says_no(checker, question, passage):
    polar = polar_question(question)
    assert judge(polar.claim, [passage], checker, act=polar.act).outcome == "contradicted"


@pytest.mark.parametrize("claim, passage, read", [
    ("Derek Hallam has pleaded guilty", "Hallam pleaded guilty on December 5.", "Hallam has pleaded guilty"),
    ("Kenji Arai's bond was set at $2 million", "Arai's bond was set at $2 million.", "Arai's bond was set at $2 million"),
    ("Mr. Hallam pleaded guilty", "Mr. Hallam pleaded guilty.", "Mr. Hallam pleaded guilty"),  # one word: as is
    ("Derek Hallam pleaded guilty", "Derek Hallam pleaded guilty.", "Derek Hallam pleaded guilty"),  # named in full
    ("Derek Hallam pleaded guilty", "Susan Hallam pleaded guilty.", "Derek Hallam pleaded guilty"),  # another Hallam
    ("South Korea tightened its rules", "Korea tightened its rules.", "South Korea tightened its rules"),  # a place
    ("Commerce Department approved it", "The department approved it.", "Commerce Department approved it"),
])
def test_the_claim_reads_a_full_name_as_the_surname_the_passage_gives(claim, passage, read):
    assert surname_reading(claim, passage) == read


@pytest.mark.parametrize("claim, sentence", [
    ("Malaysia has tightened its transshipment rules", "The main uncertainty is whether Malaysia and Thailand will "
     "tighten their own transshipment rules; neither had announced binding measures by the end of 2025."),
    ("Vietnam has approved the export licence", "Analysts asked whether Vietnam would approve the export licence."),
    ("Seoul filed a complaint with the WTO", "It is unclear whether Seoul plans to file a complaint with the WTO."),
])
def test_an_open_question_tells_no_intent(claim, sentence):
    assert intent_kind(claim, sentence) is None


def test_an_intent_outside_a_question_is_still_an_intent():
    assert intent_kind("Seoul filed a complaint with the WTO", "Seoul plans to file a complaint with the WTO.") \
        == "planned"
