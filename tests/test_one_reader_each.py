"""One concept, one reader (s69 review): where the writer and the checker read the same thing, they call one reader,
so a text one of them reads the other reads the same way.

- Clock times: ``rag.text.numbers.clock_spans``, read by the checker's figures and by the writer's
  ``answer_value.quantity_text`` (the digits of a time of day count nothing).
"""

from __future__ import annotations

import pytest

from rag.text.numbers import clock_spans
from rag.writers.answer_value import quantity_text


@pytest.mark.parametrize("text", [
    "The drill at Velmaran port began at 7.30pm and involved 40 vessels.",
    "Sirens sounded at 15:40:30 local time as 40 vessels left Velmaran port.",
    "The ferry left at 6:30 p.m. with 40 vessels escorting it.",
    "Talks resumed at 09:00 and 40 vessels were counted by noon.",
])
def test_the_writer_blanks_every_clock_time_the_checker_reads_and_keeps_the_count(text):
    masked = quantity_text(text)
    for start, end in clock_spans(text):
        assert masked[start:end].strip() == "", text[start:end]
    assert "40" in masked
    # no stray part of the time is left to be read as an amount ("7." of "7.30pm", "30" of "15:40:30")
    assert [w for w in masked.split() if any(c.isdigit() for c in w)] == ["40"]


def test_a_decimal_or_a_ratio_before_am_is_no_clock_time_for_either_reader():
    text = "Shares rose 0.5 am- in early trade after a 3:1 vote."
    assert clock_spans(text) == []
    assert "0.5" in quantity_text(text)
