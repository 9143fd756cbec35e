"""Yes/no claims a source settles in other words (issue 10, s37; ``rag.writers.answer_settled``).

s36's fresh user: "Has Japan denied that the export curbs were driven by historical issues?" got "The sources do not
settle …" though the source says Japanese officials "have rejected suggestions that the move was driven by … historical
issues"; "Did South Korea find illegal transfers of sensitive materials to North Korea?" got "do not say" though Sung
Yun-mo said an "emergency inspection" found no sign of illegal transactions. The kinds:

* a denial told by another verb (rejected suggestions / dismissed claims / refuted reports that …) supports "X denied
  that P" when the same party denies a "that" clause telling P (its predicate whole, its subject held or referred
  back to: "the move");
* a search that found no sign / no evidence / no trace of the thing, or did not find it, contradicts "X found Y".

Neither reading decides for another party, another proposition, a negated denial, or a thing the search did not
look for.
"""

from __future__ import annotations

import pytest

from rag.writers.answer_settled import settled
from rag.writers.answer_verdict import judge, polar_question

JAPAN_CONTEXT = ("Such materials can only be exported to trustworthy trading partners, Japanese officials have said. "
                 "They have rejected suggestions that the move was driven by worsening ties between the two nations "
                 "related to historical issues.")


@pytest.mark.parametrize("question, passage", [
    ("Has Japan denied that the export curbs were driven by historical issues?", JAPAN_CONTEXT),
    # hand-made, other stories and other verbs
    ("Did Ottawa deny that the tariff was aimed at Chinese steel?",
     "Canadian officials dismissed claims that the measure was aimed at Chinese steel."),
    ("Has the ministry denied that the ban was driven by election politics?",
     "The ministry refuted reports that the decision was driven by election politics, a spokesman said."),
    ("Did Kestrel Lines deny that its ships were carrying weapons?",
     "Kestrel Lines rejected allegations that its ships were carrying weapons."),
    ("Did Brussels deny that the probe targets Chinese carmakers?",
     "EU officials rejected the suggestion that the probe targets Chinese carmakers."),
])
def test_a_denial_in_other_words_settles_yes(question, passage):
    claim = polar_question(question).claim
    found = settled(claim, passage)
    assert found is not None and found[0] == "supported", (claim, found)
    start, end = found[1]
    assert any(w in passage[start:end] for w in ("rejected", "dismissed", "refuted"))


@pytest.mark.parametrize("question, passage", [
    # another party denies
    ("Has Japan denied that the export curbs were driven by historical issues?",
     "Chinese officials rejected claims that the move was driven by historical issues."),
    # the same party denies another proposition
    ("Has Japan denied that the export curbs were driven by historical issues?",
     "Japanese officials rejected claims that the move was driven by security concerns."),
    # a negated denial
    ("Has Japan denied that the export curbs were driven by historical issues?",
     "Japanese officials did not reject suggestions that the move was driven by historical issues."),
    # a rejection of a request, not a denial of a "that" clause
    ("Did Ottawa deny that the tariff was aimed at Chinese steel?",
     "Canadian officials rejected the request to scrap the tariff on Chinese steel."),
])
def test_no_denial_of_the_claim_settles_nothing(question, passage):
    assert settled(polar_question(question).claim, passage) is None


SUNG = ("South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an “emergency inspection” found no "
        "sign of illegal transactions.")


@pytest.mark.parametrize("question, passage", [
    ("Did South Korea find illegal transfers of sensitive materials to North Korea?", SUNG),
    ("Did the inspection find illegal transactions?", SUNG),
    # hand-made
    ("Did Dutch customs find weapons aboard the Chinese container ship?",
     "Dutch customs officers searched the vessel for two days and found no trace of weapons."),
    ("Did the audit uncover fraud at the port authority?",
     "The audit of the port authority found no evidence of fraud, the ministry said."),
    ("Did investigators detect malware in the grid software?",
     "Investigators did not find malware in the grid software, the agency said."),
])
def test_a_search_that_found_nothing_settles_no(question, passage):
    found = settled(polar_question(question).claim, passage)
    assert found is not None and found[0] == "contradicted", found


@pytest.mark.parametrize("question, passage", [
    # a hint that there might have been transfers is no finding either way
    ("Did South Korea find illegal transfers of sensitive materials to North Korea?",
     "Japanese Prime Minister Shinzo Abe and his aides have hinted that there might have been illegal transfers of "
     "sensitive materials from South Korea to North Korea."),
    # the search found none of another thing
    ("Did Dutch customs find weapons aboard the Chinese container ship?",
     "Dutch customs officers found no sign of forged documents."),
    # another party's search
    ("Did Dutch customs find weapons aboard the Chinese container ship?",
     "Belgian police found no trace of weapons in the warehouse."),
])
def test_no_finding_about_the_claim_settles_nothing(question, passage):
    assert settled(polar_question(question).claim, passage) is None


class _Result:
    supported, spans, score, reasons, best_sentence = False, [], 0.1, ("unsupported content",), ""


class _Checker:
    def check_many(self, pairs, published=None):
        return [_Result() for _ in pairs]


@pytest.mark.parametrize("question, passage, outcome", [
    ("Has Japan denied that the export curbs were driven by historical issues?", JAPAN_CONTEXT, "supported"),
    ("Did South Korea find illegal transfers of sensitive materials to North Korea?", SUNG, "contradicted"),
])
def test_the_verdict_takes_the_reading_when_the_checker_matches_nothing(question, passage, outcome):
    verdict = judge(polar_question(question).claim, [passage], _Checker())
    assert verdict.outcome == outcome and verdict.passage == 0
    start, end = verdict.span
    assert passage[start:end].rstrip().endswith(".") and ("rejected" in passage[start:end]
                                                          or "found no" in passage[start:end])


# s38 kind: the claim's clause is active, the source's "that" clause passive ("Did Japan deny that historical issues
# drove the export curbs?" over "… rejected suggestions that the move was driven by … historical issues"); and a
# description referring back ("the move") stands for the claim's subject only when it names no one the claim does
# not, and the subject names no one the passage does not.
@pytest.mark.parametrize("question, passage", [
    ("Did Japan deny that historical issues drove the export curbs?", JAPAN_CONTEXT),
    ("Did Ottawa deny that Chinese steel prompted the tariff?",
     "Canadian officials dismissed claims that the tariff was prompted by Chinese steel."),
    ("Did the ministry deny that election politics motivated the ban?",
     "The ministry refuted reports that the decision was motivated by election politics, a spokesman said."),
    ("Did Vesper deny that Norland's rice tariffs caused the quota cut?",
     "Vesper officials rejected suggestions that the cut was caused by Norland's rice tariffs."),
])
def test_an_active_clause_is_settled_by_the_same_clause_in_the_passive(question, passage):
    claim = polar_question(question).claim
    found = settled(claim, passage)
    assert found is not None and found[0] == "supported", (claim, found)


@pytest.mark.parametrize("question, passage", [
    # the claim's subject names a party the passage never names: "the move" is Japan's, not China's
    ("Did Japan deny that historical issues drove China's export curbs?", JAPAN_CONTEXT),
    # the description names another party than the claim's
    ("Has Japan denied that the export curbs were driven by historical issues?",
     "Japanese officials rejected suggestions that the Chinese move was driven by historical issues."),
    # the passive clause tells another act
    ("Did Ottawa deny that Chinese steel prompted the tariff?",
     "Canadian officials dismissed claims that the tariff was delayed by Chinese lobbying."),
    # the agent of the passive is another one
    ("Did the ministry deny that election politics motivated the ban?",
     "The ministry refuted reports that the decision was motivated by pressure from farmers."),
])
def test_a_passive_or_referring_clause_about_another_thing_settles_nothing(question, passage):
    claim = polar_question(question).claim
    assert settled(claim, passage) is None, claim
