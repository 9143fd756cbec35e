"""Copied sentences cut so that kept words get a predicate the passage gives to something else (rag/support/cuts.py;
h/checker-s55), read as the ``copy_cut`` signal:
* a second clause's subject dropped after its opener, so its verb goes to the first clause's subject ("One of us is
  a student[, while the other] is a former congressman"; "police arrested the man and [prosecutors] charged him");
* a copy that starts inside a relative clause and runs on into the sentence's own predicate ("The rapper, who shot
  to fame with [the track 'Country Grammar,' has been charged]");
* a governing word hidden by an aside between commas ("the rival who[, of course,] went on").
Inputs written by hand, several per kind, with faithful compressions of the same sentences alongside."""

import pytest

from rag.support.cuts import cut_reason


@pytest.mark.parametrize("claim, sentence", [
    # a contrast opener and the second subject skipped
    ("a nurse from leeds, trained in london in 2004, is the hospital's new chief executive.",
     "One of the candidates is a nurse from Leeds, trained in London, while the other is the hospital's new chief "
     "executive."),
    ("the senator voted for the bill, although opposed the amendment.",
     "The senator voted for the bill, although her party opposed the amendment."),
    ("the company reported a profit but posted a loss in asia.",
     "The company reported a profit, but its rival posted a loss in Asia."),
    # the opener kept, only the second subject skipped
    ("police arrested the man and charged him with theft.",
     "Police arrested the man and prosecutors charged him with theft on Monday."),
    ("the union rejected the offer and accepted a one-year deal.",
     "The union rejected the offer, and the nurses' association accepted a one-year deal."),
    # the claim's own opener in place of the passage's ("and" for "while")
    ("the mayor was born in ohio and was raised in texas.",
     "The mayor was born in Ohio, while her brother was raised in Texas."),
])
def test_a_cut_that_gives_one_clause_the_other_clauses_verb_is_read(claim, sentence):
    reason = cut_reason(claim, sentence)
    assert reason is not None and reason.startswith("cut:")


@pytest.mark.parametrize("claim, sentence", [
    # the same subject, said again or as a pronoun
    ("serbia has backed several un resolutions but has not sanctioned moscow.",
     "Serbia has backed several UN resolutions, but it has not sanctioned Moscow."),
    ("she resigned in may and left the company.", "She resigned in May and she left the company."),
    ("the team won in 2019 and won again in 2021.", "The team won in 2019 and the team won again in 2021."),
    # a co-agent dropped with its auxiliary, or alone
    ("abe hinted at a snap election.", "Abe and his aides have hinted at a snap election."),
    # an opener inside a relative clause that the cut drops whole
    ("manchin told reporters he would vote no.",
     "Manchin, who chairs the Senate Energy and Natural Resources Committee, told reporters he would vote no."),
    # one subject's two predicates, a modifier dropped
    ("the minister resigned and left politics.", "The minister resigned on Monday and left politics."),
    ("prices rose in may and fell in june.", "Prices rose sharply in May and then fell in June."),
    ("the mayor was born in ohio and raised in texas.", "The mayor was born in Ohio and raised in Texas."),
])
def test_a_compression_that_keeps_each_verb_with_its_subject_is_not_that_cut(claim, sentence):
    assert cut_reason(claim, sentence) is None


PASSAGE = ("The two finalists were announced on Friday. One of the candidates is a nurse from Leeds, trained in "
           "London, while the other is the hospital's new chief executive. Police arrested the man at the station, "
           "and prosecutors charged him with theft on Monday. The board will decide in June.")


@pytest.mark.parametrize("claim", [
    "A nurse from Leeds, trained in London, is the hospital's new chief executive.",
    "Police arrested the man at the station and charged him with theft on Monday.",
])
def test_the_checker_rejects_the_fused_clauses_with_the_cut_as_reason(checker, claim):
    result = checker.check(claim, [PASSAGE])
    assert not result.supported
    assert any(r.startswith("cut:") for r in result.reasons), result.reasons


@pytest.mark.parametrize("claim", [
    "One of the candidates is a nurse from Leeds.",
    "Prosecutors charged the man with theft on Monday.",
])
def test_the_checker_accepts_each_clause_with_its_own_subject(checker, claim):
    assert checker.check(claim, [PASSAGE]).supported


# -- a copy that starts inside a relative clause and runs on into the sentence's own predicate ----------------

@pytest.mark.parametrize("claim, sentence", [
    ('the album "northern lights" has been nominated for three awards.',
     'The singer from Oslo, who became famous in 2015 with the album "Northern Lights," has been nominated for three '
     'awards.'),
    ("john smith, a former banker, employs 50 people.",
     "The firm, which was founded in 1990 by John Smith, a former banker, employs 50 people."),
    ("the regulator, will pay a fine of $5 million.",
     "The bank, which was investigated by the regulator, will pay a fine of $5 million."),
    ("maria lopez, was elected mayor in june.",
     "The lawyer, whose client was Maria Lopez, was elected mayor in June."),
])
def test_a_copy_that_takes_its_subject_from_inside_a_relative_clause_is_read(claim, sentence):
    reason = cut_reason(claim, sentence)
    assert reason is not None and "inside the clause" in reason


@pytest.mark.parametrize("claim, sentence", [
    # the relative clause copied alone, or the sentence from its own subject
    ("the singer became famous in 2015 with the album.",
     "The singer, who became famous in 2015 with the album, has been nominated for three awards."),
    ("the firm was founded in 1990 by john smith, a former banker.",
     "The firm, which was founded in 1990 by John Smith, a former banker, employs 50 people."),
    ("the bank will pay a fine of $5 million.",
     "The bank, which was investigated by the regulator, will pay a fine of $5 million."),
    # a comma inside the copy that opens another clause, not one followed by a predicate
    ("the fire, which started on monday, was contained.",
     "Officials, who said the fire, which started on Monday, was contained, left the site."),
])
def test_a_copy_that_keeps_the_clause_or_the_subject_is_not_that_cut(claim, sentence):
    assert cut_reason(claim, sentence) is None


RELATIVE = ("The singer from Oslo, who became famous in 2015 with the album \"Northern Lights,\" has been nominated "
            "for three awards. The ceremony takes place in Bergen in May.")


def test_the_checker_rejects_a_subject_taken_from_a_relative_clause(checker):
    result = checker.check('The album "Northern Lights" has been nominated for three awards.', [RELATIVE])
    assert not result.supported
    assert any("inside the clause" in r for r in result.reasons), result.reasons


def test_the_checker_accepts_the_sentence_from_its_own_subject(checker):
    assert checker.check("The singer from Oslo has been nominated for three awards.", [RELATIVE]).supported


# -- an aside between commas does not hide the word that governs the next kept word ---------------------------

@pytest.mark.parametrize("claim, sentence", [
    ("the author, who toured europe last spring, went on to win the prize.",
     "The author, who toured Europe last spring, and who praised the young novelist who, of course, went on to win "
     "the prize, spoke on Friday."),
    ("the club, which sold its stadium in 2010, was bought by a bank.",
     "The club, which sold its stadium in 2010 to the city council, which, in turn, was bought by a bank, folded."),
    ("the company hired a lawyer who resigned in may.",
     "The company hired a lawyer who had represented the mayor, who, according to aides, resigned in May."),
])
def test_a_cut_ending_on_a_governing_word_before_an_aside_is_read(claim, sentence):
    assert cut_reason(claim, sentence) is not None


@pytest.mark.parametrize("claim, sentence", [
    # the aside alone, or with the relative pronoun, dropped: the subject keeps its own verb
    ("the senator voted no on tuesday.", "The senator, who, as expected, voted no on Tuesday."),
    ("the senator voted no on tuesday.", "The senator, as expected, voted no on Tuesday."),
    ("the minister resigned.", "The minister, who was appointed in 2019 by the president, of course, resigned."),
])
def test_an_aside_dropped_is_not_a_cut(claim, sentence):
    assert cut_reason(claim, sentence) is None
