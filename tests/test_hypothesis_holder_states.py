"""An explanation is held by who asserts *this explanation*, not by whoever its evidence quotes (issue 10, item 5), on
stories other than the one a user saw; settled on labelled items (``evals/datasets/hypothesis_holders.jsonl``,
``python -m evals.holder_labels``), not by taste.

Seen on the sample corpus (``brief write "Japan's 2019 export curbs on South Korea" --template assessment``): s28
named Moon Jae-in the holder of "the move was driven by worsening ties … related to historical issues" because his
words are among its evidence; s29 named no one ("held by others the sources do not name"). The labels (43 items,
several stories) say: a speaker who *characterises the act with the explanation's own kind of motive and its own
words* holds it (Weidemann's "a politically motivated tariff" holds the denied "the duties were politically
motivated"), a speaker who names only the kind of motive of a more specific explanation does not (s34, the s33 fresh
user's finding 5: Moon's "a politically motivated measure" does not hold the rejected "suggestions that the move was
driven by worsening ties … related to historical issues"; the suggestions' holders are not named, so the report is
the source), and a speaker whose words only share the story (Cole on how others will respond; an analyst calling a
ban "costly") does not (``hypotheses.holder_in_evidence``). A piece of evidence also names the holder when what it asserts restates the
explanation (``RESTATES_SHARE`` of its specific words, ``RESTATES_KIND_SHARE`` with the same kind of motive), and
the sentence just before the explanation may leave its reporting frame open for it (``opens_for``).
"""

from __future__ import annotations

import pytest

from rag.writers.candidates import Candidate
from rag.writers.hypotheses import held_through_evidence, opens_for
from tests.test_hypotheses_reported import assessment, hypotheses, passage  # noqa: F401 (assessment: a fixture)

#: (topic, reports, the explanation's fragment, its denier, the person whose related words are evidence for it)
RELATED_WORDS = {
    "chip ban": ("The 2022 US curbs on Nvidia chip sales to China", [passage(
        "Washington barred Nvidia from selling its A100 chips to China on August 31. "
        "US officials have rejected suggestions that the move was driven by worsening relations between the two "
        "countries over Taiwan. "
        "Chinese foreign ministry spokesman Zhao Lijian described the rules as part of a politically motivated "
        "campaign against Chinese firms.",
        doc="reuters", title="US curbs Nvidia chip sales to China", published="2022-09-01")],
        "driven by worsening relations", "US officials", "Zhao Lijian"),
    "tariffs": ("China's 2020 tariffs on Australian barley", [passage(
        "China imposed tariffs of 80.5 percent on Australian barley on May 18. "
        "Chinese officials have rejected suggestions that the tariffs were driven by a diplomatic dispute between "
        "the two governments about foreign interference laws. "
        "Grain Producers Australia chairman Andrew Weidemann described the duties as part of a politically motivated "
        "campaign against Australian growers.",
        doc="abc", title="China slaps tariffs on Australian barley", published="2020-05-19")],
        "driven by a diplomatic dispute", "Chinese officials", "Andrew Weidemann"),
    "cyber": ("The 2022 hack of the Ronin crypto bridge", [passage(
        "Hackers stole 600 million dollars from the Ronin crypto bridge on March 23. "
        "Pyongyang has rejected claims that the Ronin bridge hack was driven by worsening relations with Seoul "
        "over the border. "
        "South Korean lawmaker Ha Tae-keung described the theft as part of a politically motivated campaign "
        "against the South.",
        doc="coindesk", title="Ronin bridge hacked", published="2022-04-15")],
        "driven by worsening relations with Seoul", "Pyongyang", "Ha Tae-keung"),
    "sanctions": ("EU sanctions on Bank Rossiya in 2022", [passage(
        "The EU froze the assets of Bank Rossiya and its chairman on February 23. "
        "EU officials have rejected suggestions that the sanctions were driven by a diplomatic row with Moscow "
        "over the separatist regions. "
        "Kremlin spokesman Dmitry Peskov called the freeze what he described as a politically motivated attack on "
        "Russian business.",
        doc="dw", title="EU sanctions Bank Rossiya", published="2022-02-24")],
        "driven by a diplomatic row", "EU officials", "Dmitry Peskov"),
}


@pytest.mark.parametrize("story", list(RELATED_WORDS))
def test_a_speaker_who_only_calls_the_act_politically_motivated_does_not_hold_a_more_specific_denied_explanation(
        writer, assessment, story):
    topic, reports, fragment, denier, quoted = RELATED_WORDS[story]
    hyps = hypotheses(writer.write(topic, assessment, reports, as_of=None))
    h = next((c for c in hyps if fragment in c.text), None)
    assert h is not None, [c.text for c in hyps]
    assert h.denied_by == denier
    # the rejected suggestions name no holder: not the speaker whose broader characterisation is near it
    assert h.held_by is None or quoted not in h.held_by, (h.held_by, [e.text for e in h.evidence_for])


#: (topic, reports, the explanation's fragment, the speaker whose characterisation restates it)
SAME_WORDS = {
    "tariffs": ("China's 2020 tariffs on Australian barley", [passage(
        "China imposed tariffs of 80.5 percent on Australian barley on May 18. "
        "Chinese officials have rejected suggestions that the tariffs were politically motivated. "
        "Grain Producers Australia chairman Andrew Weidemann described the tariffs as a politically motivated "
        "punishment of Australian growers.",
        doc="abc", title="China slaps tariffs on Australian barley", published="2020-05-19")],
        "tariffs were politically motivated", "Andrew Weidemann"),
    "wine": ("China's 2020 probe into Australian wine", [passage(
        "China opened an anti-dumping probe into Australian wine on August 18. "
        "Beijing has denied claims that the probe was politically motivated. "
        "Wine Australia chief Martin Cole called the probe what he described as a politically motivated attack on "
        "growers.",
        doc="abc", title="China probes Australian wine", published="2020-08-19")],
        "probe was politically motivated", "Martin Cole"),
}


@pytest.mark.parametrize("story", list(SAME_WORDS))
def test_a_speaker_whose_characterisation_restates_the_denied_explanation_holds_it(writer, assessment, story):
    topic, reports, fragment, quoted = SAME_WORDS[story]
    hyps = hypotheses(writer.write(topic, assessment, reports, as_of=None))
    h = next((c for c in hyps if fragment in c.text), None)
    assert h is not None, [c.text for c in hyps]
    if any(quoted in e.text for e in h.evidence_for):
        assert h.held_by and quoted in h.held_by, (h.held_by, [e.text for e in h.evidence_for])


def _cands(text: str, *pieces: str) -> list[Candidate]:
    p = passage(text, doc="cnn")
    out = []
    for piece in pieces:
        at = text.index(piece)
        out.append(Candidate(p, 0, at, at + len(piece), piece))
    return out


OPEN_FRAME = ("When asked about the differences between Taiwan and Ukraine, J. Michael Cole, a Taipei-based senior fellow "
              "with Global Taiwan Institute said\nThat's because the island is a global leader in the supply of chips.")


def test_a_reporting_frame_left_open_for_the_explanation_names_its_holder():
    frame, hyp = _cands(OPEN_FRAME, OPEN_FRAME.split("\n")[0], OPEN_FRAME.split("\n")[1])
    assert opens_for(frame, hyp)
    assert held_through_evidence(1, [], [frame, hyp], "Taiwan's chip industry") == "a Taipei-based senior fellow with Global Taiwan Institute"


@pytest.mark.parametrize("text, first, second", [
    # a closed statement before it: the explanation is the report's own sentence
    ("Cole said the island matters to the world. That's because it is a global leader in chips.",
     "Cole said the island matters to the world.", "That's because it is a global leader in chips."),
    # no speaker at all
    ("Taiwan plays a crucial role in making devices on time. That's because it is a global leader in chips.",
     "Taiwan plays a crucial role in making devices on time.", "That's because it is a global leader in chips."),
])
def test_a_report_s_own_explanation_after_another_sentence_has_no_holder(text, first, second):
    frame, hyp = _cands(text, first, second)
    assert not opens_for(frame, hyp)
    assert held_through_evidence(1, [0], [frame, hyp], "Taiwan's chip industry") is None


def test_an_open_frame_elsewhere_in_the_passage_does_not_hold_it():
    text = "Officials said\nThe curbs were lifted in May. Analysts say that is because demand for chips recovered."
    frame, hyp = _cands(text, "Officials said", "Analysts say that is because demand for chips recovered.")
    assert not opens_for(frame, hyp)


@pytest.mark.parametrize("text, who", [
    # a relative clause or a participle after the comma is what the speaker did, not who speaks: the "he" is
    ("Commerce Secretary Gina Raimondo was replying to Chinese foreign ministry spokesman Zhao Lijian, who urged "
     "Washington to drop what he described as a politically motivated abuse of export controls.", "Zhao Lijian"),
    ("The commerce ministry was responding to an appeal by Grain Producers Australia chairman Andrew Weidemann, "
     "urging Beijing to withdraw what he described as a politically motivated measure.", "Andrew Weidemann"),
    ("The Kremlin rejected a note from EU envoy Josep Borrell, which called the freeze what he described as a "
     "lawful response to the recognition of the separatist regions.", "Josep Borrell"),
])
def test_a_clause_after_the_comma_is_never_the_holder(text, who):
    from rag.writers.hypothesis_stance import asserted_by, speaker

    assert speaker(text)[0] is None
    assert asserted_by(text) == who
