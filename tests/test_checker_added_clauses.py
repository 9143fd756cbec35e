"""Details a reworded claim invents inside a clause it sets beside what it restates (rag/support/added_details.py,
the ``clause`` reading; h/checker-s65, issue 9: the own claims' addition kind and XSum-style summaries).

Specs written as new news-like pairs of three forms: a non-restrictive relative clause (", which has struggled
with falling gas prices,"), an evaluative opener ("In a dramatic escalation,") and a cause or circumstance
("after pilots walked out over pay", "amid protests by striking miners"), each over a passage that does not give
it: unsupported, with the clause named. Main supported 6 of the 12 (the reworded ones; it rejected the copied
sentences with an inserted opener by their copy edits). Guards: the same claims over passages that give the
clause's facts, in other words or another sentence, stay supported.
"""

import pytest

from rag.support.added_details import added_details
from rag.support.facts import index_text

INVENTED_CLAUSES = [
    ("Nordvik Energy, which has struggled with falling gas prices, will cut 800 jobs in Norway.",
     "Nordvik Energy said on Thursday it will cut 800 jobs in Norway as it shuts two offshore platforms. "
     "The company employs about 6,000 people."),
    ("Prime Minister Anwar, who faces a confidence vote next month, unveiled a fuel subsidy plan.",
     "Malaysian Prime Minister Anwar unveiled a plan on Friday to target fuel subsidies at poorer "
     "households, saying the change would save billions of ringgit."),
    ("Coral Bank, whose chief executive resigned last year, reported a record profit.",
     "Coral Bank reported a record quarterly profit on Tuesday, helped by higher interest rates and lower "
     "loan losses."),
    ("Mexico's Senate, which is controlled by the ruling party, approved the judicial reform.",
     "Mexico's Senate approved the judicial reform early on Wednesday by 86 votes to 41 after a session "
     "that lasted more than 12 hours."),
    ("In a major setback for the opposition, the court upheld the election result in Lagos.",
     "The court upheld the election result in Lagos on Thursday and dismissed all five petitions filed "
     "against the governor."),
    ("In a dramatic escalation, Manila summoned China's ambassador over the collision near Second Thomas Shoal.",
     "The Philippines summoned China's ambassador on Monday over Saturday's collision between a Chinese "
     "coast guard ship and a Philippine supply boat near Second Thomas Shoal."),
    ("In a symbolic gesture, Chancellor Weber laid a wreath at the memorial in Warsaw.",
     "German Chancellor Weber laid a wreath at the memorial in Warsaw on Sunday, 85 years after the "
     "invasion of Poland."),
    ("The airline cancelled 300 flights on Sunday after pilots walked out over pay.",
     "The airline cancelled 300 flights on Sunday as a storm swept across the north of the country. "
     "Passengers were offered refunds."),
    ("Shares in Velto fell 12% because investors feared a cut to its dividend.",
     "Shares in Velto fell 12% on Monday after the company reported a quarterly loss. The firm will "
     "publish its full results in March."),
    ("Peru declared a state of emergency in three regions amid protests by striking miners.",
     "Peru declared a state of emergency in three southern regions on Saturday as heavy rains caused "
     "landslides and flooding."),
    ("The Thai baht weakened to a three-month low following political turmoil in Bangkok.",
     "The Thai baht weakened to a three-month low on Friday as the dollar rose on expectations of higher "
     "US interest rates."),
    ("The mine in Sonora was shut after inspectors found cracks in its tailings dam.",
     "The mine in Sonora was shut on Tuesday, the company said, and its 1,200 workers were sent home on "
     "full pay."),
]


@pytest.mark.parametrize("claim, passage", INVENTED_CLAUSES)
def test_a_clause_the_passage_does_not_give_is_an_added_detail(claim, passage):
    kinds = {d.kind for d in added_details(claim, passage, index_text(passage))}
    assert kinds & {"relative clause", "opener", "cause"}, kinds


@pytest.mark.parametrize("claim, passage", INVENTED_CLAUSES)
def test_a_claim_with_an_invented_clause_is_unsupported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not res.supported, (res.score, res.reasons)


GIVEN_CLAUSES = [
    ("Prime Minister Anwar, who faces a confidence vote next month, unveiled a fuel subsidy plan.",
     "Malaysian Prime Minister Anwar, who faces a confidence vote in parliament next month, unveiled a "
     "plan on Friday to target fuel subsidies at poorer households."),
    ("Coral Bank, whose chief executive resigned last year, reported a record profit.",
     "Coral Bank reported a record quarterly profit on Tuesday. Its chief executive resigned last year "
     "after a dispute with the board."),
    ("Mexico's Senate, which is controlled by the ruling party, approved the judicial reform.",
     "Mexico's Senate, where the ruling party holds a majority and controls the agenda, approved the "
     "judicial reform early on Wednesday."),
    ("In a major setback for the opposition, the court upheld the election result in Lagos.",
     "The court upheld the election result in Lagos on Thursday, a major setback for the opposition, which"
     " had filed five petitions."),
    ("Peru declared a state of emergency in three regions amid protests by striking miners.",
     "Peru declared a state of emergency in three southern regions on Saturday. Striking miners have "
     "blocked roads there for two weeks in protests over royalties."),
    ("The Thai baht weakened to a three-month low following political turmoil in Bangkok.",
     "Political turmoil in Bangkok weighed on the Thai baht, which weakened to a three-month low on "
     "Friday."),
    ("The mine in Sonora was shut after inspectors found cracks in its tailings dam.",
     "Inspectors found cracks in the mine's tailings dam last week. The mine in Sonora was shut on "
     "Tuesday, the company said."),
    ("Rates rose after the central bank raised its policy rate by half a point.",
     "Mortgage rates rose on Thursday after the central bank raised its policy rate by half a point to "
     "5.25%."),
    ("Lindqvist, who joined the club in 2021, signed a new three-year contract.",
     "Tomas Lindqvist, who joined the club from Malmo in 2021, signed a new three-year contract on Monday."),
]


@pytest.mark.parametrize("claim, passage", GIVEN_CLAUSES)
def test_a_clause_the_passage_gives_is_no_added_detail(checker, claim, passage):
    kinds = {d.kind for d in added_details(claim, passage, index_text(passage))}
    assert not kinds & {"relative clause", "opener", "cause"}, kinds
    res = checker.check(claim, [passage])
    assert res.supported, (res.score, res.reasons)
