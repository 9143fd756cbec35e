"""The support window of a claim whose noun phrase a later sentence names back (h/checker-s66, issue 9, the new
user's F8).

"Leaking a national core technology abroad can bring up to 18 years in prison." over "A company that owns a
national core technology must obtain ... approval ... Leaking such a technology abroad is punishable by up to 18
years in prison ..." was read against both sentences (the first gave "national core", the second the rest), then
rejected as a join with the sanction verb's paraphrase ("can bring" for "is punishable by") aligned to the wrong
sentence. The second sentence says "national core" through "such a technology": ``windows`` counts the modifiers an
earlier sentence gives a noun that a sentence names back ("such a/an <noun>", "the/this/these <noun>") as that
sentence's words, so the sentence with the claim's numbers and act carries the claim alone. Specs on new pairs:
* a claim naming the whole noun phrase, with another sanction verb, is supported on the sentence that names it back;
* guards: another number stays unsupported.
"""

import pytest

from rag.support.windows import candidate_windows

NAMED_BACK = [
    ("Leaking a strategic battery technology abroad can bring up to 12 years in prison.",
     "A firm that holds a strategic battery technology must notify the ministry before licensing it to a foreign "
     "partner or selling a stake. Leaking such a technology abroad is punishable by up to 12 years in prison and a "
     "fine of up to 2 billion yen."),
    ("Disclosing a protected genetic resource to a foreign lab can bring up to six years in prison.",
     "Brazil's biodiversity law requires researchers who study a protected genetic resource to register with the "
     "council before publishing or sharing samples. Disclosing such a resource to a foreign lab is punishable by up "
     "to six years in prison."),
    ("Disclosing a classified trade secret to a foreign firm can lead to 15 years in prison.",
     "The amendment defines a classified trade secret as any design data the ministry lists. Disclosing such a "
     "secret to a foreign firm is punishable by up to 15 years in prison, the ministry said on Monday."),
    ("Selling a listed cultural artefact to a foreign buyer can bring up to eight years in jail.",
     "Egypt's antiquities council keeps a register of listed cultural artefacts held by private owners and "
     "museums. Selling such an artefact to a foreign buyer is punishable by up to eight years in jail and a fine "
     "of 5 million pounds."),
    ("Transferring a critical grid software abroad can bring up to ten years in prison.",
     "Operators that use a critical grid software must report every update to the regulator and may not outsource "
     "maintenance to foreign contractors. Transferring such a software abroad is punishable by up to ten years in "
     "prison, the regulator said."),
]


def _last_sentence_start(passage: str) -> int:
    return passage.rindex(". ") + 2


@pytest.mark.parametrize("claim, passage", NAMED_BACK)
def test_a_claim_is_read_on_the_sentence_that_names_its_noun_back(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)
    assert [s.start for s in res.spans] == [_last_sentence_start(passage)], res.spans


@pytest.mark.parametrize("claim, passage", NAMED_BACK)
def test_the_named_back_sentence_covers_the_claim_as_its_pair_does(claim, passage):
    windows = candidate_windows(claim, [passage])
    last = next(w for w in windows if [s.start for s in w.spans] == [_last_sentence_start(passage)])
    assert last.lexical >= max(w.lexical for w in windows)


OTHER_NUMBER = [
    (claim.replace(old, new), passage)
    for (claim, passage), old, new in zip(NAMED_BACK, ("12 years", "six years", "15 years"), ("20 years", "nine years", "25 years"))
]


@pytest.mark.parametrize("claim, passage", OTHER_NUMBER)
def test_another_number_stays_unsupported(checker, claim, passage):
    assert not checker.check(claim, [passage]).supported
