""""Could not be reached for comment" and "was unavailable for comment" say the same thing, one with a negator and one
without. Read word by word, the faithful restatement was vetoed ("claim is negated, cited text is not"); each such
idiom is now read as the same words, "not commenting" (``rag/support/data/no_comment.toml``; evals/README.md,
h/checker-s33), and a claim that the person did comment is still a flip."""

from __future__ import annotations

import pytest

from rag.support.polarity import polarity, polarity_conflict


def conflict(claim: str, passage: str) -> str | None:
    return polarity_conflict(polarity(claim), polarity(passage))


AIRLINE = "A spokesperson for the airline couldn't immediately be reached for comment on Sunday."
MAYOR = "The mayor's office was unavailable to comment on the audit."
UNION = "Leaders of the teachers' union were not available for comment."
CLUB = "The club could not be reached for comment about the transfer."


@pytest.mark.parametrize("passage, claim", [
    (AIRLINE, "The airline's spokesperson was not available for comment on Sunday."),
    (AIRLINE, "The airline's spokesperson was unavailable for comment on Sunday."),
    (MAYOR, "The mayor's office could not be reached for comment on the audit."),
    (UNION, "The teachers' union leaders could not be reached for comment."),
    (CLUB, "The club was unavailable for comment about the transfer."),
])
def test_one_no_comment_idiom_restates_another(passage, claim):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("passage, claim", [
    (MAYOR, "The mayor's office commented on the audit."),
    (UNION, "Leaders of the teachers' union commented on the strike."),
    (CLUB, "The club was reached and commented on the transfer."),
])
def test_a_claim_that_they_did_comment_is_still_a_flip(passage, claim):
    assert conflict(claim, passage) is not None


def test_could_not_be_reached_without_comment_keeps_its_own_reading():
    # "the summit could not be reached" says nothing of comment: the reaching itself stays negated
    assert conflict("The climbers reached the summit.", "The summit could not be reached because of the storm.") is not None


# v2 (h/checker-s34): the request idioms negate the responding, not the comment, and the refusals join them.
SINGER = "Representatives for the singer didn't immediately respond to CNN's request for comment."
COMPANY = "The company did not respond to a request for comment on Thursday."
WHITE_HOUSE = "The White House did not return multiple requests for comment on Friday."
MINISTRY = "The ministry declined to comment on the report."
POLICE = "Police refused to comment on the arrests."


@pytest.mark.parametrize("passage, claim", [
    (SINGER, "The singer's representatives did not comment."),
    (SINGER, "The singer's representatives declined to comment."),
    (SINGER, "The singer's representatives could not be reached for comment."),
    (COMPANY, "The company did not comment on Thursday."),
    (COMPANY, "The company was unavailable for comment on Thursday."),
    (WHITE_HOUSE, "The White House did not comment on Friday."),
    (WHITE_HOUSE, "The White House didn't respond to requests for comment."),
    (MINISTRY, "The ministry did not respond to a request for comment on the report."),
    (POLICE, "Police declined to comment on the arrests."),
])
def test_a_request_for_comment_unanswered_or_refused_restates_no_comment(passage, claim):
    assert conflict(claim, passage) is None


@pytest.mark.parametrize("passage, claim", [
    (SINGER, "The singer's representatives commented on the report."),
    (COMPANY, "The company commented on Thursday."),
    (WHITE_HOUSE, "The White House commented on Friday."),
    (MINISTRY, "The ministry commented on the report."),
    (POLICE, "Police responded to a request for comment on the arrests."),
])
def test_against_a_request_unanswered_a_claim_that_they_commented_is_a_flip(passage, claim):
    assert conflict(claim, passage) is not None


def test_a_request_idiom_says_nothing_of_other_requests():
    # "did not respond to a request for aid" is no comment idiom: the responding stays negated
    assert conflict("The agency responded to the request for aid.", "The agency did not respond to a request for aid.") is not None


REPUBLIC = "A state GOP spokesperson did not immediately respond to The Arizona Republic’s request for comment."


def test_a_requester_named_in_several_words_is_read_over():
    assert conflict("A state GOP spokesperson could not be reached for comment by The Arizona Republic.", REPUBLIC) is None
    assert conflict("A state GOP spokesperson commented to The Arizona Republic.", REPUBLIC) is not None


@pytest.mark.parametrize("passage, claim", [
    ("Twitter and Musk did not immediately respond to requests for comment.", "Twitter and Musk did not comment."),
    ("TikTok did not respond to a request for comment.", "TikTok did not comment."),
    (COMPANY, "The company did not comment on Thursday."),
])
def test_no_comment_for_a_request_unanswered_is_no_cut_of_the_idiom(passage, claim):
    from rag.support.cuts import cut_reason

    assert cut_reason(claim, passage) is None


def test_a_cut_elsewhere_in_a_sentence_with_the_idiom_is_still_read():
    from rag.support.cuts import cut_reason

    passage = "Three people died and over 200 were injured, and the company did not respond to a request for comment."
    assert cut_reason("Three people were injured, and the company did not comment.", passage) is not None


# h/checker-s35: a reason quotes the passage's own words, not the reading "not commenting" ("did not commenting").
@pytest.mark.parametrize("passage, shown", [
    (SINGER, "did not immediately respond to cnn's request for comment"),
    (WHITE_HOUSE, "did not return multiple requests for comment"),
    (MINISTRY, "ministry declined to comment"),
    (AIRLINE, "airline could not immediately be reached for comment"),
])
def test_a_negation_reason_quotes_the_idiom_as_written(passage, shown):
    from rag.support.features import polarity_snippet
    from rag.support.polarity import predicate_lemma

    assert polarity_snippet(passage, predicate_lemma("comment")) == shown
