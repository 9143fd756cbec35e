"""A party's reaction to an explanation is its rebuttal, not evidence against it (issue 10, item 5; s30).

Seen on the sample corpus: Tokyo's security reason had as "Evidence against" Seoul's protest ("South Korea has
summoned a Japanese embassy official to protest Abe's suggestion that it could not be trusted …"): what the accused
party says of it, not counter-evidence. Now it is shown as "Rebuttal by South Korea (a reaction, not evidence)", and
a finding ("an emergency inspection found no sign of illegal transactions") stays evidence against. Specified on
sanctions, chip bans, tariffs and cyber attributions (``rag.writers.rebuttals``).
"""

from __future__ import annotations

import pytest

from evals.hypothesis_metrics import both_ways
from rag.brief import Citation, Claim
from rag.writers.rebuttals import REBUTTAL_ROLE, parties, reaction_party
from tests.test_hypotheses_reported import assessment, hypotheses, passage  # noqa: F401 (assessment: a fixture)

REACTIONS = [  # (topic, a party's reaction, the party as the sentence names it)
    ("EU sanctions on Russia's Bank Rossiya", "Russia condemned the freeze as illegal, the Kremlin said.", "Russia"),
    ("US curbs on Nvidia chip sales to China", "Beijing denounced the rules as an abuse of export controls.", "Beijing"),
    ("China's tariffs on Australian barley", "Canberra rejected China's claim that its growers were dumping barley.", "Canberra"),
    ("The Ronin bridge hack attributed to North Korea", "North Korea denied that it had any part in the theft.", "North Korea"),
    ("Japan's 2019 export curbs on South Korea", "South Korea has summoned a Japanese embassy official to protest "
     "Abe’s suggestion that it could not be trusted to faithfully implement sanctions against the North.", "South Korea"),
]
NOT_REBUTTALS = [  # (topic, a sentence that is evidence or a third party's view)
    ("Japan's 2019 export curbs on South Korea", "South Korean Minister Sung Yun-mo said that an “emergency inspection” "
     "found no sign of illegal transactions."),  # a finding, whoever reports it
    ("EU sanctions on Bank Rossiya", "Auditors found no sign that the bank had moved funds abroad."),
    ("US curbs on Nvidia chip sales to China", "Analysts rejected the idea that the rules would slow China's AI work."),  # no party
    ("China's tariffs on Australian barley", "Barley prices fell by a fifth after the duties took effect."),  # no reaction
]


@pytest.mark.parametrize(("topic", "text", "party"), REACTIONS)
def test_a_party_s_reaction_is_its_rebuttal(topic, text, party):
    assert reaction_party(text, parties([topic])) == party


@pytest.mark.parametrize(("topic", "text"), NOT_REBUTTALS)
def test_a_finding_or_a_third_party_s_view_is_no_rebuttal(topic, text):
    assert reaction_party(text, parties([topic])) is None


def test_a_pronoun_subject_is_the_party_the_quote_names_as_denier():
    topic = "Japan's 2019 export curbs on South Korea"
    text = "They have rejected suggestions that the move was driven by worsening ties between the two nations."
    assert reaction_party(text, parties([topic]), "Japanese officials") == "Japanese officials"
    assert reaction_party(text, parties([topic]), "Brazilian analysts") is None  # no party to the story


def test_a_rebuttal_is_not_evidence_against_in_the_metric():
    cite = Citation(source=1, chunk_id="c", doc_id="d", start=0, end=1, quote="x")
    ev = Claim(text="The inspection found no sign of transfers.", citations=[cite])
    rebuttal = Claim(text="Seoul protested.", citations=[cite], role=REBUTTAL_ROLE, denied_by="Seoul")
    h = Claim(text="h", citations=[cite], evidence_for=[ev], evidence_against=[rebuttal])
    assert not both_ways(h)
    h.evidence_against.append(ev)
    assert both_ways(h)


BARLEY = passage(
    "China imposed tariffs of 80.5 percent on Australian barley on May 18. "
    "Chinese officials have said the duties were based on dumping concerns after a probe into barley prices. "
    "Australia protested the duties, rejecting China's suggestion that its growers were dumping barley. "
    "Australian trade data showed that barley was sold at market prices during the probe period.",
    doc="abc", title="China slaps tariffs on Australian barley", published="2020-05-19")


def test_through_the_writer_a_protest_is_a_rebuttal_and_a_finding_is_evidence(writer, assessment):
    hyps = hypotheses(writer.write("China's 2020 tariffs on Australian barley", assessment, [BARLEY], as_of=None))
    h = next((c for c in hyps if "dumping concerns" in c.text), None)
    assert h is not None, [c.text for c in hyps]
    rebuttals = [e for e in h.evidence_against if e.role == REBUTTAL_ROLE]
    evidence = [e for e in h.evidence_against if e.role != REBUTTAL_ROLE]
    assert all("protested" not in e.text for e in evidence), [e.text for e in evidence]
    assert [e.denied_by for e in rebuttals if "protested" in e.text] in ([], ["Australia"])
