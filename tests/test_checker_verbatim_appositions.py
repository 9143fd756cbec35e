"""A sentence the passage holds word for word is never given an apposition or title reason: the readers of
``rag/support/named_appositions.py`` compare a claim's "<Name>, <description>," with what the passage puts next to
each name, and a description that holds the name's own words ("Taiwan Island, conduct live-fire drills in the Taiwan
Strait,"), a list of names ("Kourtney, Kim, Khloé"), or an employer written as a name ("Ralph Keeling, Scripps
geoscientist,") is not another name's description of it. Found on the merge of s68: the brief's quoted statements
were rejected against themselves and left the brief (topics-news tn-004, tn-037)."""

from __future__ import annotations

import pytest

from rag.support.named_appositions import described_other, other_title
from rag.support.roles import order_swap, speaker_mismatch

VERBATIM = [
    # a place name whose list item names another place with the same word
    ("The navy will hold drills around Hainan Island, conduct live firing in the Hainan Strait, and test missiles "
     "east of Hainan Island, a spokesman said."),
    ("Coast guard ships will patrol near Jeju Island, run boarding exercises off the Jeju Strait, and hold gunnery "
     "practice south of Jeju Island, officials said."),
    # a list of names with a shared family name
    "The panel heard Maria Lopez, Ana Lopez, Carmen Lopez, and their lawyer on Tuesday.",
    "Relatives Park Min-jun, Park Ji-woo, Park Seo-yeon, and Kim Do-hyun attended the hearing in Incheon.",
    # an employer written as a name inside the description
    "Ingrid Solberg, Equinor Research geologist and daughter of the Solberg Field's discoverer, said the survey would resume.",
    # a list of product names
    "If the X1, X1 Plus, and X1 Max modems are not enough, Nordlink said it has built a fourth called X1 Ultra.",
    # a title before a name that also names the owner
    ('"We will comply," Lt. Gen. Arata Mori, commander of the Western Army, said, adding that the Western Army, '
     'Japan\'s largest, would move first.'),
    "Congratulations to Finland, Sweden, and Norway on signing the memorandum, Stoltenberg wrote on Twitter.",
]


@pytest.mark.parametrize("sentence", VERBATIM)
def test_a_sentence_is_never_a_role_swap_of_itself(sentence):
    for reader in (described_other, other_title, order_swap, speaker_mismatch):
        assert reader(sentence, sentence) is None, reader.__name__


@pytest.mark.parametrize("sentence", VERBATIM[:2])
def test_the_sentence_inside_its_article_is_no_role_swap(sentence):
    article = "Beijing announced the exercises on Monday. " + sentence + " Markets were calm."
    assert described_other(sentence, article) is None


def test_a_description_the_passage_gives_another_name_is_still_a_swap():
    passage = ("The court gave the lead defendant, a former designer surnamed Jo, four years. A broker surnamed Lee "
               "was acquitted.")
    assert described_other("Lee, a former designer, got four years.", passage) is not None
