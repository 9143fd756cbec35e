"""A place written as a name's owner (h/checker-s67, issue 9): a one-sentence summary folds the place its story
opens with into the possessive of a thing the next sentence names ("... a bus in Belfast. The collision happened on
the Antrim Road" -> "... on Belfast's Antrim Road"). ``name_forms.owner_near`` wants owner and owned a few words
apart in one sentence (right for "Twitter's John Tye") and rejected such summaries with "entity 'Belfast's Antrim
Road' not in cited text". ``place_owners.place_owner_near``: a place owner (a country in any of its forms, a listed
place or city, or any name before a street, road, square ...) may be named in the owned name's sentence or the one
before. Specs on new news-like pairs; guards: a company or person owner stays strict, a place named elsewhere is
no owner, another place is no owner.
"""

import pytest

from rag.support.place_owners import place_owner_near

FOLDED = [
    ("Police are appealing for witnesses after a cyclist was hurt on Leicester's Narborough Road.",
     "A cyclist has been seriously hurt in a crash in Leicester. It happened on Narborough Road on Monday evening. "
     "Police are appealing for witnesses."),
    ("Shoppers on Glasgow's Sauchiehall Street were moved away after a gas leak.",
     "Shoppers were moved away from part of Glasgow city centre on Friday. Firefighters said a gas leak had been "
     "found under Sauchiehall Street."),
    ("Ireland's Taoiseach has ruled out an early general election.",
     "The Irish prime minister has ruled out calling an early general election. Speaking in Cork, Taoiseach Liam "
     "Kearney said the government would serve its full term."),
    ("Kenya's Treasury has asked parliament to approve an extra $400m of spending.",
     "The Kenyan government wants more money for drought relief. The Treasury has asked parliament to approve an "
     "extra $400m of spending."),
    ("Thousands gathered in Lisbon's Commerce Square to watch the final.",
     "Thousands of fans gathered in Lisbon to watch the final on a giant screen. The screen was put up in Commerce "
     "Square by the city council."),
]


@pytest.mark.parametrize("claim, passage", FOLDED)
def test_a_place_owner_from_the_sentence_before_is_supported(checker, claim, passage):
    res = checker.check(claim, [passage])
    assert not any(r.startswith("entity") for r in res.reasons), res.reasons


def test_the_place_owner_reading():
    assert place_owner_near(["Leicester"], ["Narborough", "Road"], FOLDED[0][1])
    assert place_owner_near(["Ireland"], ["Taoiseach"], FOLDED[2][1])


STRICT = [
    # a company or a person owns nothing by being named in the sentence before
    (["Nordtel"], ["Tomas", "Berg"], "Nordtel reported a loss on Tuesday. Tomas Berg said the market was weak."),
    (["Whistleblower", "Aid"], ["John", "Tye"], "Whistleblower Aid filed the complaint. John Tye spoke later."),
    # the place is named, but two sentences off
    (["Leicester"], ["Narborough", "Road"],
     "A cyclist was hurt in Leicester. He was taken to hospital. The crash happened on Narborough Road."),
    # another place owns it
    (["Cork"], ["Patrick", "Street"], "Shops were shut in Dublin on Friday. A fire broke out on Patrick Street."),
]


@pytest.mark.parametrize("owner, owned, passage", STRICT)
def test_no_place_owner_or_no_owner_near(owner, owned, passage):
    assert not place_owner_near(owner, owned, passage)


def test_a_company_owner_named_apart_is_still_an_entity_problem(checker):
    res = checker.check("Nordtel's Tomas Berg said the market was weak.",
                        ["Nordtel reported a loss on Tuesday, hit by weak demand in Sweden. Analysts at Kessler Bank "
                         "said the results were poor. Tomas Berg, a fund manager at Kessler, said the market was "
                         "weak."])
    assert not res.supported
