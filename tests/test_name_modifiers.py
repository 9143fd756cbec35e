"""A name made a modifier ("LGBTQ-rights advocates", "Kremlin-backed", "China-based", "Covid-related") names no
member, term or person: a sentence whose only new capitalised word is such a compound does not give the name, term
or thing a question asks for (``answer_kind.has_answer_kind``), so the sentence restating the question does not lead
over the one that names the answer.

Seen on RealTime QA (fit half): "The House passed historic legislation this week … What is it called?" led with "The
House passed historic legislation Thursday that would federally protect same-sex and interracial marriage rights in
a major win for LGBTQ-rights advocates" (typed by "LGBTQ-rights"), above "The Respect for Marriage Act, passed by the
Senate last week, …". Sentences written for this test; the real sentence's kind, several wordings.
"""

from __future__ import annotations

import pytest

from answer_kind_doubles import gives


@pytest.mark.parametrize("question, sentence", [
    ("The council passed a new law this week protecting renters. What is it called?",
     "The council passed the law on Thursday in a major win for tenant and LGBTQ-rights advocates."),
    ("Lindmark's parliament approved a new security law. What is the law known as?",
     "Lawmakers approved the law after a debate with Kremlin-backed parties."),
    ("Which company won the contract to build the Amsel bridge?",
     "The contract went to a company with China-based suppliers, officials said."),
    ("What is the new programme called?",
     "The programme will pay for Covid-related care in rural clinics."),
    ("Who will lead the inquiry into the Vellmar port fire?",
     "The inquiry will be led by a US-trained engineer, the ministry said."),
])
def test_a_name_made_a_modifier_gives_no_name_or_term(question, sentence):
    assert not gives(question, sentence)


@pytest.mark.parametrize("question, sentence", [
    ("The council passed a new law this week protecting renters. What is it called?",
     "The Fair Rent Act, passed by the council on Thursday, caps increases at 3%."),
    ("Which company won the contract to build the Amsel bridge?",
     "The contract went to Coca-Cola, officials said."),  # a hyphenated name whose parts are both capitalised
    ("Which resort did the FBI search this week?",
     "Agents searched Mar-a-Lago on Monday."),
    ("Who will lead the inquiry into the Vellmar port fire?",
     "Engineer Sara Lind will lead the inquiry, the ministry said."),
])
def test_a_name_beside_or_instead_of_such_modifiers_still_gives_it(question, sentence):
    assert gives(question, sentence)
