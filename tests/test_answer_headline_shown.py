"""An answer led by its document's headline ("Headline: “…”. <quote>") shows that headline once, and the
evaluation's ALCE judge reads the quote after the lead, as verification does."""

from types import SimpleNamespace

from evals.brief_items import CitationJudge
from rag.writers.answer_headline import headline_lead, shown_headline
from rag.writers.extractive import _drop_shown_headline

HEADLINE = "Vietnam Imposes Export Restrictions on 12 Canadian Firms, Sparking Tensions with Ottawa"
QUOTE = "The restrictions cover dual-use goods, the ministry said on Tuesday."


def _section(*texts):
    return SimpleNamespace(claims=[SimpleNamespace(text=t) for t in texts])


def test_the_headline_shown_before_the_quote_is_read_back():
    assert shown_headline(headline_lead(HEADLINE) + QUOTE) == HEADLINE
    assert shown_headline(QUOTE) is None


def test_a_headline_shown_in_the_lead_is_not_quoted_again():
    answer, details = _section(headline_lead(HEADLINE) + QUOTE), _section(HEADLINE, "Ottawa protested the move.")
    _drop_shown_headline([answer, details])
    assert [c.text for c in details.claims] == ["Ottawa protested the move."]
    assert len(answer.claims) == 1


def test_without_a_headline_lead_every_claim_stays():
    answer, details = _section(QUOTE), _section(HEADLINE)
    _drop_shown_headline([answer, details])
    assert [c.text for c in details.claims] == [HEADLINE]


def test_the_citation_judge_checks_the_quote_after_the_products_lead():
    seen = []
    checker = SimpleNamespace(check=lambda text, quotes: seen.append(text) or SimpleNamespace(supported=True))
    judge = CitationJudge(checker)
    judge.quotes["c1"] = QUOTE
    assert judge(headline_lead(HEADLINE) + QUOTE, ["c1"])
    assert judge("Yes. " + QUOTE, ["c1"])
    assert seen == [QUOTE, QUOTE]
