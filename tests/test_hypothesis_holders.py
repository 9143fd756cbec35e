"""An explanation is stated as a short claim with who holds it and who denies it (issue 10, item 5), on stories
other than the one a user saw.

Seen on the sample corpus (Japan's 2019 curbs on South Korea): the second hypothesis was the three-sentence passage
"Tokyo last week tightened … They have rejected suggestions that the move was driven by worsening ties …",
introduced as "Taipei Times reports the explanation". The explanation is the one Japanese officials deny; the
newspaper holds nothing. The holder of an explanation is whoever asserts it or is reported to (the speaker of its
reporting frame, the critics who allege it), never the outlet that reports it and never the one who denies it; the
statement is the clause that gives the reason, a verbatim span of the quote.
"""

from __future__ import annotations

import pytest

from rag.brief import Citation, Claim, Source
from rag.render import hypothesis_text
from rag.writers.hypotheses import stated
from tests.test_hypotheses_disputed import NEW_RIVALS
from tests.test_hypotheses_reported import assessment, hypotheses, passage  # noqa: F401 (assessment: a fixture)


class _Quote:
    """The one attribute ``stated`` reads of a candidate."""

    def __init__(self, text: str):
        self.text = text


#: (quote, the statement, who holds it, who denies it)
STANCES = [
    # sanctions: a reporting frame before the clause, the reason in the second clause
    ("US officials said that the company had shipped drones to Iran, and the sanctions were imposed over concerns "
     "that its parts reached Russian forces.",
     "the sanctions were imposed over concerns that its parts reached Russian forces", "US officials", None),
    # tariffs: a denial; the holders of what is denied are not named
    ("Beijing has denied that the tariffs on Australian barley were retaliation for Canberra's call for a virus inquiry.",
     "the tariffs on Australian barley were retaliation for Canberra's call for a virus inquiry", None, "Beijing"),
    # cyber attribution: the frame after the clause
    ("The attack on the crypto exchange was motivated by financial gain, researchers at Mandiant said.",
     "The attack on the crypto exchange was motivated by financial gain", "researchers at Mandiant", None),
    # chip ban: a motive critics allege
    ("Critics say the ban on lithography exports is politically motivated.",
     "the ban on lithography exports is politically motivated", "Critics", None),
    # cyber attribution: a pronoun denier, named in the sentence before
    ("Foreign ministry spokesman Wang Wenbin said the accusations were groundless. He rejected claims that the "
     "hacking was linked to the Ministry of State Security.",
     "the hacking was linked to the Ministry of State Security", None, "Foreign ministry spokesman Wang Wenbin"),
    # sanctions: "according to"
    ("According to the Treasury, the bank was sanctioned because it moved funds for the Wagner group.",
     "the bank was sanctioned because it moved funds for the Wagner group", "the Treasury", None),
    # sanctions: a long holder who told someone "that", the outlet's "according to" left out of the statement
    ("The European Union's top official in charge of its sanctions policy told diplomats on Monday that the new "
     "listings were due to the transfer of drones to Russia, according to the news agency ANSA.",
     "the new listings were due to the transfer of drones to Russia",
     "the European Union's top official in charge of its sanctions policy", None),
    # chip ban: what carries the holder's words is not the holder
    ("Beijing will restrict gallium exports in response to the Dutch chip-tool rules, according to statements "
     "released by its commerce ministry Monday.",
     "Beijing will restrict gallium exports in response to the Dutch chip-tool rules", "commerce ministry", None),
    # tariffs: "they" resolved to the analysts named before; the reason is the clause after "given that"
    ("“We see the duties as a warning shot,” Nomura analysts said in a note. However, they also pointed out "
     "that Seoul might not respond in kind, given that the duties were driven by a surge in steel imports.",
     "the duties were driven by a surge in steel imports", "Nomura analysts", None),
    # tariffs: a news report's own sentence: no one named holds it (its source states it)
    ("The steel tariffs were raised because imports had doubled in a year.",
     "The steel tariffs were raised because imports had doubled in a year", None, None),
]


@pytest.mark.parametrize("text, statement, held, denier", STANCES)
def test_an_explanation_is_a_clause_of_the_quote_with_its_holder_and_denier(text, statement, held, denier):
    s = stated(_Quote(text))
    assert (s.statement, s.held_by, s.denied_by) == (statement, held, denier)
    assert s.statement in text  # a verbatim span: nothing is written that the source did not say


#: (topic, reports, a fragment of the denied explanation's statement, who denies it)
DENIED = {
    "chips": ("The Netherlands' 2023 curbs on ASML lithography exports", [passage(
        "The Netherlands restricted exports of ASML's immersion lithography machines on June 30, the trade ministry said. "
        "Dutch officials said the ASML restrictions were based on national security and the risk of military end use. "
        "Trade minister Liesje Schreinemacher has rejected suggestions that the Dutch curbs on ASML lithography "
        "exports were driven by diplomatic pressure from Washington. "
        "ASML shipped 40 immersion machines to China last year.",
        doc="nos", title="Dutch curb ASML exports", published="2023-07-01")],
        "the Dutch curbs on ASML lithography exports were driven by diplomatic pressure from Washington",
        "Trade minister Liesje Schreinemacher"),
    "tariffs": (*NEW_RIVALS["barley"][:2],
        "the barley tariffs were retaliation for Canberra's call for a virus inquiry", "the commerce ministry"),
}


@pytest.mark.parametrize("story", list(DENIED))
def test_a_denied_explanation_is_held_by_no_outlet_and_denied_by_its_denier(writer, assessment, story):
    topic, reports, statement, denier = DENIED[story]
    hyps = hypotheses(writer.write(topic, assessment, reports, as_of=None))
    rival = next((c for c in hyps if c.statement == statement), None)
    assert rival is not None, [(c.statement, c.held_by, c.denied_by) for c in hyps]
    assert rival.denied_by == denier and rival.held_by is None
    # the explanation the source states is held by the officials who state it
    stated_one = next(c for c in hyps if c is not rival)
    assert stated_one.held_by in ("Dutch officials", "Chinese officials"), stated_one.held_by


def _claim(statement, held, denied, attribution="Taipei Times reports the explanation"):
    cite = Citation(source=1, chunk_id="d-0000", doc_id="d", start=0, end=10, quote="x")
    return Claim(text="(the whole passage)", citations=[cite], role="hypothesis", attribution=attribution,
                 statement=statement, held_by=held, denied_by=denied)


def test_the_rendered_hypothesis_names_who_holds_and_who_denies_it_never_the_outlet_as_holder():
    src = {1: Source(index=1, doc_id="d", publisher="Taipei Times")}
    held = hypothesis_text(_claim("the curbs were based on a lack of trust", "Japanese officials", None), src)
    assert held == "“the curbs were based on a lack of trust” — held by Japanese officials, as Taipei Times reports"
    denied = hypothesis_text(_claim("the move was driven by worsening ties", None, "Japanese officials"), src)
    assert denied == ("“the move was driven by worsening ties” — held by others the sources do not name; "
                      "denied by Japanese officials")
    assert "Taipei Times" not in denied and "(the whole passage)" not in held + denied
    # no one in the quote holds it: the source states it, and says so
    own = hypothesis_text(_claim("the tariffs were raised because imports doubled", None, None), src)
    assert own == "Taipei Times reports the explanation: “the tariffs were raised because imports doubled”"
