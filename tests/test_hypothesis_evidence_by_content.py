"""Evidence for and against an explanation is gathered from every cited sentence that bears on it by its content,
not only from sentences that share its words (issue 10, item 5), on stories other than the one a user saw.

Seen on the sample corpus (Japan's 2019 curbs on South Korea): the explanation Japanese officials deny ("the move
was driven by worsening ties between the two nations related to historical issues") had no evidence for, though
the source reports that "Japan's trade measures followed South Korean court rulings ordering Japanese firms to
compensate South Korean plaintiffs for forced World War II labor" and Moon's "politically motivated measure": they
share no word with it, but name the same kind of motive. ``hypotheses.motives`` reads the kind (security, political,
economic, criminal, state, environment); a sentence naming an explanation's kind, and no kind of another listed
explanation that this one does not name, is evidence for it when it reports, states or gives background, and
against it when it disputes, denies or finds otherwise.
"""

from __future__ import annotations

import pytest

from rag.writers.hypotheses import disputes, motives
from tests.test_hypotheses_reported import assessment, hypotheses, passage  # noqa: F401 (assessment: a fixture)


@pytest.mark.parametrize("text, kind", [
    ("Japan's trade measures followed South Korean court rulings ordering Japanese firms to compensate South Korean "
     "plaintiffs for forced World War II labor.", "political"),
    ("The decision was based on a lack of trust that posed a risk to national security.", "security"),
    ("A customs audit found no sign of diverted machines at Chinese fabs.", "security"),
    ("Beijing's ambassador had warned that Chinese consumers could boycott Australian goods to punish Canberra.", "political"),
    ("The investigation found that Australian barley was sold below its cost of production.", "economic"),
    ("The thieves demanded a ransom of 40 bitcoin from the exchange.", "criminal"),
    ("The malware reused a backdoor previously deployed by the Lazarus group.", "state"),
    ("Officials cited pests found in the timber shipments.", "environment"),
])
def test_a_sentence_names_the_kind_of_motive_it_bears_on(text, kind):
    assert kind in motives(text), motives(text)


@pytest.mark.parametrize("text", [
    "ASML shipped 40 immersion machines to China last year.",
    "The commerce ministry said the tariffs take effect on May 19.",
    "Gallium exports fell to zero in August, customs data showed.",
    "Samsung said on Friday that its photoresist stocks would last three months.",
    "The exchange restored withdrawals on Tuesday.",
])
def test_a_report_of_what_happened_names_no_motive(text):
    assert not motives(text)


@pytest.mark.parametrize("text", [
    "South Korea has summoned a Japanese embassy official to protest Abe's suggestion that it could not be trusted.",
    "An independent audit found no evidence that the cameras were used for surveillance of minorities.",
    "Pyongyang dismissed the report as a smear.",
])
def test_a_sentence_that_disputes(text):
    assert disputes(text)


#: (topic, reports, the explanation's fragment, evidence for it (fragments), evidence against it (fragments)), one
#: story per kind: sentences that share none of the explanation's specific words still bear on it
CHIPS = ("The Netherlands' 2023 curbs on ASML lithography exports", [passage(
    "The Netherlands restricted exports of ASML's immersion lithography machines on June 30, the trade ministry said. "
    "Dutch officials said the ASML restrictions were based on national security and the risk of military end use. "
    "Trade minister Liesje Schreinemacher has rejected suggestions that the Dutch curbs on ASML lithography "
    "exports were driven by diplomatic pressure from Washington. "
    "US envoys had threatened to punish Dutch suppliers that kept selling lithography tools to Chinese fabs. "
    "A Dutch customs audit of ASML lithography exports found no sign of diverted machines at Chinese fabs.",
    doc="nos", title="Dutch curb ASML exports", published="2023-07-01")])
BARLEY = ("China's 2020 tariffs on Australian barley", [passage(
    "China imposed tariffs of 80.5 percent on Australian barley on May 18, the commerce ministry said. "
    "Chinese officials said the decision to impose the barley tariffs was based on evidence of dumping. "
    "The commerce ministry denied that the barley tariffs were retaliation for Canberra's call for a virus inquiry. "
    "In April, China's ambassador threatened a boycott of Australian barley and wine to punish Australia. "
    "The barley investigation found that Australian barley was sold in China below its cost of production.",
    doc="abc", title="China slaps tariffs on Australian barley", published="2020-05-19")])
STORIES = {
    # chip ban: a denied political motive, and the stated security reason with a customs audit against it
    "chips": (*CHIPS, "diplomatic pressure", ["threatened to punish"], ["rejected suggestions"]),
    "chips-security": (*CHIPS, "based on national security", [], ["found no sign of diverted"]),
    # tariffs: the stated dumping reason, and the denied retaliation with the ambassador's threat for it
    "tariffs": (*BARLEY, "retaliation for Canberra", ["to punish Australia"], ["denied that the barley tariffs"]),
    "tariffs-dumping": (*BARLEY, "evidence of dumping", ["below its cost of production"], []),
    # cyber attribution: a criminal motive investigators give, and a state link Pyongyang denies
    "cyber": ("The 2022 hack of the Ronin crypto bridge", [passage(
        "Hackers stole 600 million dollars from the Ronin crypto bridge on March 23, Sky Mavis said. "
        "Ronin investigators said the bridge hack was motivated by financial gain. "
        "North Korea has rejected claims that the Ronin bridge hack was linked to its military intelligence. "
        "The Ronin bridge malware reused a backdoor that the Lazarus group deployed in earlier hacks of crypto firms. "
        "The Ronin hackers demanded a ransom from Sky Mavis before laundering the stolen funds.",
        doc="coindesk", title="Ronin bridge hacked", published="2022-04-15")],
        "linked to its military intelligence", ["Lazarus group"], ["rejected claims"]),
}


@pytest.mark.parametrize("story", list(STORIES))
def test_evidence_bears_on_an_explanation_by_its_content(writer, assessment, story):
    topic, reports, fragment, pro, con = STORIES[story]
    hyps = hypotheses(writer.write(topic, assessment, reports, as_of=None))
    h = next((c for c in hyps if fragment in c.text), None)
    assert h is not None, [c.text for c in hyps]
    fors, against = [e.text for e in h.evidence_for], [e.text for e in h.evidence_against]
    for f in pro:
        assert any(f in t for t in fors), (f, fors)
    for f in con:
        assert any(f in t for t in against), (f, against)
    # a sentence is evidence for one explanation, never for its rival too
    others = [e.text for c in hyps if c is not h for e in c.evidence_for]
    assert not any(f in t for f in pro for t in others), others


def test_evidence_carries_the_clause_that_bears_on_the_explanation(writer, assessment):
    topic, reports, fragment, _, _ = STORIES["chips-security"]
    hyps = hypotheses(writer.write(topic, assessment, reports, as_of=None))
    h = next(c for c in hyps if fragment in c.text)
    audit = next(e for e in h.evidence_against if "found no sign" in e.text)
    assert audit.statement == "A Dutch customs audit of ASML lithography exports found no sign of diverted machines at Chinese fabs"
    assert audit.statement in audit.text  # a verbatim span
