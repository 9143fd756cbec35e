"""A table cell's amount is bound to its row: "The United States will provide $2.5 billion in loan guarantees" over a
table whose loan-guarantee row gives $800 million (and whose co-financing row $2.5 billion) is unsupported; each
row's own amount is supported (``rag/support/table_rows.py``, read with the slot swaps; s67 fresh user F2). Uses the
bundled offline MiniLM."""

from __future__ import annotations

from checker_pairs import misjudged
from rag.support.table_rows import other_row_figure

MOU = "\n".join([
    'The memorandum is not legally binding. It covers graphite, nickel, lithium and rare earths.',
    '',
    '| Commitment | Side | Amount / target | Date |',
    '|---|---|---|---|',
    '| Co-financing of processing projects in third countries | Both | $2.5 billion | by 2029 |',
    '| Loan guarantees for Korean refiners in the US | United States | $800 million | from 2027 |',
])
PARTNERSHIP = "\n".join([
    'Japan and India agreed on the following under the semiconductor partnership.',
    '',
    '| Item | Funder | Amount |',
    '|---|---|---|',
    '| Grants for chip design schools in Bengaluru | Japan | ¥40 billion |',
    '| Low-interest loans for an OSAT plant in Gujarat | JBIC | ¥120 billion |',
    '| Training of 5,000 engineers | India | ¥15 billion |',
])
BUDGETS = "\n".join([
    '| Program | Agency | Budget |',
    '|---|---|---|',
    '| Pilot line for gallium nitride wafers | Ministry of Economic Affairs | NT$3.2 billion |',
    '| Scholarships for IC design students | Ministry of Education | NT$600 million |',
])
TARIFFS = "\n".join([
    '| Measure | Country | Value |',
    '|---|---|---|',
    '| Tariff on imported EV batteries | Brazil | 18% |',
    '| Tariff on imported solar panels | Brazil | 25% |',
])

ROWS = [
    ('The United States will provide $2.5 billion in loan guarantees for Korean refiners.', MOU, False),
    ('The United States will provide $800 million in loan guarantees for Korean refiners.', MOU, True),
    ('Both sides will co-finance $2.5 billion of processing projects in third countries by 2029.', MOU, True),
    ('Japan will give ¥120 billion in grants for chip design schools in Bengaluru.', PARTNERSHIP, False),
    ('JBIC will lend ¥120 billion for an OSAT plant in Gujarat.', PARTNERSHIP, True),
    ('India will fund the training of 5,000 engineers with ¥15 billion.', PARTNERSHIP, True),
    ('The Ministry of Education will spend NT$3.2 billion on scholarships for IC design students.', BUDGETS, False),
    ('The gallium nitride pilot line has a budget of NT$3.2 billion.', BUDGETS, True),
    ("Brazil's tariff on imported solar panels is 18%.", TARIFFS, False),
]


def test_another_rows_amount_is_a_binding_reason_and_the_rows_own_is_none():
    for claim, passage, supported in ROWS:
        assert (other_row_figure(claim, passage) is None) == supported, claim


def test_no_table_no_reason():
    assert other_row_figure("Japan will give ¥120 billion.", "Japan will give ¥40 billion in grants.") is None


def test_the_checker_rejects_another_rows_amount_and_keeps_the_rows_own(checker):
    assert not misjudged(checker, ROWS)
