"""A question whose asked sentence names nothing but the class it asks a member of ("A record-breaking reptile was
caught in Florida … Which animal was it?", "… What color is she?") is answered by the sentence naming the member
("… a 215-pound Burmese python has been captured"), not by one repeating the class noun ("Officials said the animal
was found near a canal"). The class noun is the slot the answer fills, not a word the answer repeats, so such an
asked sentence is read with its background at full weight, as a one-sentence question is
(``answer_class.names_only_class``, ``asked_view``).

Unit checks of the shape, and end to end through the real extractive writer (offline MiniLM) over short articles
written for this test: in each, sentences of the story and of another repeat the class noun, one sentence names the
member.
"""

from __future__ import annotations

import pytest

from conftest import article_evidence

from rag.writers.answer_class import names_only_class


@pytest.mark.parametrize("asked", [
    "Which animal was it?",
    "What color is she?",
    "Which species was it?",
    "What breed is he?",
    "What kind of animal was it?",
    "Which company was it?",
    "What colour are they?",
])
def test_an_asked_sentence_naming_only_the_asked_class_is_recognised(asked):
    assert names_only_class(asked)


@pytest.mark.parametrize("asked", [
    "Which spooky getup topped the list?",  # the act ("topped the list") is asked too
    "Which animal escaped from the zoo?",
    "What color did the committee choose for the new flag?",
    "When did she ascend to the throne?",
    "Who was it?",  # no class
    "Which animal was it? And where was it found?",
])
def test_an_asked_sentence_with_more_than_the_class_is_not(asked):
    assert not names_only_class(asked)


@pytest.fixture(scope="module")
def writer(minilm):
    from rag.writers.extractive import ExtractiveWriter

    return ExtractiveWriter(minilm)


def evidence(*articles: tuple[str, str]):
    return article_evidence(*articles, published="2022-07-01")


SHELTERS = ("Animal shelters near capacity",
            "Animal shelters across the state are near capacity, officials said on Monday. "
            "Every animal taken in this month was a stray, the shelter's director said. "
            "The state plans to fund two new shelters next year.")
PYTHON = ("Record catch in Calder County",
          "Wildlife officers in Calder County on Tuesday captured a 230-pound Burmese python, the heaviest ever "
          "caught in the state. Officials said the animal was found near a drainage canal. "
          "Biologists will study the animal's stomach contents, the agency said.")
SWEETS = ("Brel sweets get a new look",
          "The colourful characters that have become the face of the Brel sweets brand are getting a new look. "
          "Meet Teal: she plays the drums and wears lace-up boots. "
          "The company said the new character is the first added to the lineup in a decade.")
PARADE = ("Colour run draws crowds", "The annual colour run drew 8,000 runners on Sunday, the city said. "
          "Each runner was showered with coloured powder at every kilometre.")
BIRD = ("Rare visitor in Velden park",
        "A rare bird spotted in Velden's city park this week drew hundreds of birdwatchers. "
        "The visitor, a Siberian rubythroat, had not been recorded in Osterland since 1998. "
        "Species counts in the park have fallen for a decade, a survey of the park's species found.")
SURVEY = ("Bird survey finds decline", "A national survey found that 40 species of bird are in decline. "
          "The survey counted birds of every species at 300 sites.")


@pytest.mark.parametrize("question, articles, member", [
    ("A record-breaking reptile was caught in the state this week, the heaviest of its kind ever captured there. "
     "Which animal was it?", (SHELTERS, PYTHON), "Burmese python"),
    ("A new character was added to the Brel sweets lineup for the first time in a decade. What color is she?",
     (SWEETS, PARADE), "Teal"),
    ("A rare bird spotted in Velden's city park drew hundreds of birdwatchers this week. What kind of bird was it?",
     (SURVEY, BIRD), "Siberian rubythroat"),
    ("A rare bird spotted in Velden's city park drew hundreds of birdwatchers this week. Which species was it?",
     (SURVEY, BIRD), "Siberian rubythroat"),
])
def test_the_first_sentence_names_the_member_not_the_class(writer, library, question, articles, member):
    draft = writer.write(question, library.get("answer"), evidence(*articles), as_of="2022-07-01")
    assert not draft.abstain, draft.notes
    assert member in draft.sections[0].claims[0].text
