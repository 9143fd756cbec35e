"""A claim that quotes a run of consecutive sentences is a copy of them all, not an edit of its longest one.

The checker compares a near-copied claim with the window sentence it copies most (so a word taken from the
window's other sentence reads as an edit). A quote of two sentences — a long one and a short one after it — copies
the long one at an aligned share above the edited-copy bar, and was read as that sentence with the short one's
words "added": the extractive writer's verbatim quote "For example, the media reported … to a state-owned
semiconductor manufacturer in China. This was obviously the result of pressure from the Trump administration."
was removed by citation checking against the very paragraph it quotes.
"""

from __future__ import annotations

import pytest

PASSAGES = [
    ("For example, the media reported in November of last year that ASML, a leading supplier of semiconductor "
     "manufacturing equipment based in the Netherlands, was halting shipments of the advanced equipment needed to "
     "make next-generation chips to a state-owned semiconductor manufacturer in China. This was obviously the "
     "result of pressure from the Trump administration. Japan must do more."),
    ("The commerce ministry said on Tuesday that exporters of gallium, germanium and six related compounds would "
     "need a licence for every shipment from August 1, citing national security. Officials gave no figures. "
     "Prices rose overnight."),
    ("Tokyo Electron, the country's largest maker of chipmaking equipment, said it expected the new rules to cut "
     "its sales to Chinese customers by about a fifth in the coming fiscal year. Analysts called that optimistic."),
    ("The ferry operator said the two-week strike by its crews had ended after the union accepted a pay rise of "
     "four percent backdated to January, and that service would resume on Thursday. Passengers were relieved."),
    ("Seoul summoned a senior official of the Japanese embassy on Friday to protest what it called a retaliatory "
     "measure against rulings of its own courts on wartime labour. The official declined to comment."),
]


def _first_two(passage: str) -> str:
    from rag.text.sentences import sentence_texts

    return " ".join(sentence_texts(passage)[:2])


@pytest.mark.parametrize("passage", PASSAGES)
def test_a_quote_of_two_consecutive_sentences_is_supported_by_the_passage_it_quotes(checker, passage):
    claim = _first_two(passage)
    result = checker.check(claim, [passage])
    assert result.supported, result.reasons
    assert not any(r.startswith("changed from the supporting sentence") for r in result.reasons)


def test_a_word_taken_from_the_next_sentence_into_the_first_is_still_an_edit(checker):
    # the claim copies the first sentence and puts the second sentence's "optimistic" into it: not a copy of both
    # (the kind's other inputs and the faithful joins: tests/test_checker_moved_words.py)
    passage = PASSAGES[2]
    claim = ("Tokyo Electron, the country's largest maker of chipmaking equipment, said it expected the new rules to "
             "cut its sales to Chinese customers by an optimistic fifth in the coming fiscal year.")
    assert not checker.check(claim, [passage]).supported
