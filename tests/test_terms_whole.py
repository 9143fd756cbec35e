"""A brief's entities and tags are whole names and whole terms: never a possessive fragment ("Japan's Minister of
Economy"), a title without its holder ("Secretary of Commerce"), a phrase cut mid-name ("channels involving Gene"),
a piece of a clause ("control system began") or the words of a quoted report title ("China Attacks Taiwan")."""

from __future__ import annotations

import pytest

from rag.writers.key_terms import names_in, ngrams
from rag.writers.terms_section import entity_terms, holder, keyword_terms

# --------------------------------------------------------------------------------------------- names

@pytest.mark.parametrize(("text", "name", "not_names"), [
    # a possessive ends the name it follows ...
    ("The request went to Yasutoshi Nishimura, Japan’s Minister of Economy, Trade and Industry.", "Japan",
     ["Japan’s Minister of Economy", "Japan's Minister of Economy"]),
    ("Officials said Huawei's Chief Executive Ren Zhengfei had met them.", "Huawei", ["Huawei's Chief Executive Ren Zhengfei"]),
    ("Analysts said Taiwan’s Critical Infrastructure faced attacks.", "Taiwan", ["Taiwan’s Critical Infrastructure"]),
    # ... unless it belongs to the name
    ("Losses for the Chinese People’s Liberation Army would be high.", "Chinese People’s Liberation Army", ["Chinese People"]),
    ("He spoke of the People's Republic of China in the speech.", "People's Republic of China", ["People"]),
    # "for the"/"of the" join a name
    ("On Wednesday, the Institute for the Study of War said the drills were a rehearsal.", "Institute for the Study of War",
     ["Study of War"]),
    ("Staff at the Bank of the Ryukyus were told.", "Bank of the Ryukyus", ["Ryukyus"]),
    # a department named by a list is one name, and its words are not names of their own
    ("Seoul’s Ministry of Trade, Industry and Energy said on Monday.", "Ministry of Trade, Industry and Energy",
     ["Ministry of Trade", "Industry", "Energy"]),
])
def test_names_are_whole(text, name, not_names):
    found = [n for n, _ in names_in(text)]
    assert name in found
    for fragment in not_names:
        assert fragment not in found


def test_a_list_of_companies_is_not_one_name():
    found = [n for n, _ in names_in("Bank of America, Citigroup and Wells Fargo reported results. Japan, Korea and China met.")]
    assert {"Bank of America", "Citigroup", "Wells Fargo", "Korea", "China"} <= set(found)


@pytest.mark.parametrize(("run", "expected"), [
    ("President Trump", "Trump"),
    ("Japanese Prime Minister Shinzo Abe", "Shinzo Abe"),
    ("South Korean President Moon Jae-in", "Moon Jae-in"),
    ("Secretary of State Antony Blinken", "Antony Blinken"),
    ("Attorney General Merrick Garland", "Merrick Garland"),
    ("House Speaker Nancy Pelosi", "Nancy Pelosi"),
    ("Vice Premier Sun Chunlan", "Sun Chunlan"),
    ("Former Japanese Prime Minister Shinzo Abe", "Shinzo Abe"),
    ("Minister of Economy, Trade and Industry Yasutoshi Nishimura", "Yasutoshi Nishimura"),
    ("Secretary of Commerce", None),
    ("US Secretary of Commerce", None),
    ("Minister of Economy", None),
    ("Minister of Economy, Trade and Industry", None),
    ("Prime Minister", None),
    ("General Motors", "General Motors"),  # a title word inside an organisation's name
    ("Mitsubishi Electric", "Mitsubishi Electric"),
])
def test_a_titled_run_names_its_holder_and_a_bare_title_names_no_one(run, expected):
    assert holder(run) == expected


# --------------------------------------------------------------------------------------------- entity lists

SENTENCES = [
    "The request was conveyed through channels involving Gene Raymond, the US Secretary of Commerce, to Yasutoshi "
    "Nishimura, Japan’s Minister of Economy, Trade and Industry.",
    "Gene Raymond later told reporters that Yasutoshi Nishimura had agreed to talks.",
    "South Korean President Moon Jae-in said Seoul would respond, and Moon Jae-in met the cabinet.",
    "Japanese Prime Minister Shinzo Abe defended the curbs; Shinzo Abe said the measures were about security.",
    "The German Marshall Fund released a report titled If China Attacks Taiwan: The Consequences for China of "
    "“Minor Conflict” and “Major War” Scenarios.",
    "China Imposes Export Restrictions on 20 Japanese Firms, Sparking Diplomatic Tensions with Tokyo",
    "‘SLICING METHOD’: In the event of a blockade, the China Coast Guard would intercept Taiwanese ships.",
    "The state-led strategic plan, Made in China 2025, targets US-China competition in chips.",
    "South Korean companies said the consequences of the attacks on firms were a minor conflict of major export "
    "restrictions and diplomatic tensions; the scenarios were grim.",
]


@pytest.fixture(scope="module")
def entity_list() -> list[str]:
    return entity_terms(SENTENCES, SENTENCES, SENTENCES, 20)


@pytest.mark.parametrize("fragment", [
    "Japan’s Minister of Economy", "Minister of Economy", "Secretary of Commerce", "US Secretary of Commerce",
    "China Attacks Taiwan", "Consequences for China", "China Imposes Export Restrictions", "Japanese Firms",
    "SLICING METHOD", "Made", "US-China", "South Korean", "Minor Conflict",
])
def test_no_entity_is_a_fragment_a_bare_title_a_demonym_or_a_headline_word(entity_list, fragment):
    assert fragment not in entity_list


@pytest.mark.parametrize("name", ["Gene Raymond", "Yasutoshi Nishimura", "Moon Jae-in", "Shinzo Abe",
                                  "German Marshall Fund", "China Coast Guard"])
def test_people_are_listed_by_name_and_organisations_whole(entity_list, name):
    assert name in entity_list


# --------------------------------------------------------------------------------------------- tags

@pytest.mark.parametrize(("text", "cut"), [
    ("The request was reportedly conveyed through channels involving Gene Raymond.", ["channels involving Gene", "involving Gene"]),
    ("Therefore, the United States acting alone to implement restrictions is not enough.", ["States acting alone", "States acting"]),
    ("In response, the export control system began shifting toward allies.", ["control system began", "system began shifting"]),
    ("Critics say export controls seems too weak and the government seems unsure.", ["export controls seems", "government seems"]),
    ("Companies in Japan found themselves squeezed.", ["Japan found themselves", "Japan found"]),
    ("The report suggests Beijing will retaliate.", ["suggests Beijing"]),
    ("The drills around Taiwan and efforts regarding risk continued.", ["around Taiwan", "efforts regarding risk"]),
    ("New restrictions following Japan were announced across the region.", ["restrictions following Japan", "across"]),
    ("They aim to make next-generation chips at home.", ["make next-generation chips"]),
    ("North Korean leader Kim Jong Un oversaw the launch.", ["leader Kim Jong", "leader Kim"]),
    ("Protests spread across China this weekend.", ["across China"]),
    ("The costs were economic, social and international.", ["economic", "social", "international"]),
    ("It is necessary to protect certain aspects of various areas.", ["necessary", "certain aspects", "various areas"]),
])
def test_no_tag_is_a_phrase_cut_from_a_clause_or_a_name(text, cut):
    grams = ngrams(text)
    for phrase in cut:
        assert phrase not in grams


@pytest.mark.parametrize(("text", "kept"), [
    ("The export control system covers memory chips.", ["export control system", "memory chips"]),
    ("The Chinese government expanded chip manufacturing.", ["chinese government", "chip manufacturing"]),
    ("Storage battery makers faced a cybersecurity approval process.", ["storage battery makers", "cybersecurity approval"]),
])
def test_whole_noun_phrases_remain_tags(text, kept):
    grams = [g.lower() for g in ngrams(text)]
    for phrase in kept:
        assert phrase in grams


def test_keyword_tags_of_a_passage_set_are_whole_terms():
    passages = [
        "The request was conveyed through channels involving Gene Raymond. Export controls tightened.",
        "Channels involving Gene Raymond carried the request. Export controls on chips tightened again.",
        "The export control system began shifting. Export controls seems to bite; the export control system began to adapt.",
        "Export controls on chips. The United States acting alone cannot stop it; the United States acting alone is weak.",
    ]
    tags = [t.lower() for t in keyword_terms(passages, passages, passages, 8)]
    assert "export controls" in tags
    for cut in ("channels involving gene", "control system began", "system began shifting", "states acting alone",
                "export controls seems", "involving gene"):
        assert cut not in tags


@pytest.mark.parametrize(("text", "name"), [
    ("Officials in the U.S. said so.", "U.S."),
    ("The U.K. and Japan agreed.", "U.K."),
    ("Troops from the U.S arrived", "U.S"),  # no dot in the text, none added
])
def test_an_initialism_keeps_its_last_dot_when_the_text_has_it(text, name):
    assert name in [n for n, _ in names_in(text)]


@pytest.mark.parametrize(("texts", "person", "surname"), [
    (["Pelosi arrived in Taipei.", "Pelosi met officials.", "Pelosi left.", "House Speaker Nancy Pelosi spoke."],
     "Nancy Pelosi", "Pelosi"),
    (["Xi spoke by phone.", "Xi warned against it.", "Chinese leader Xi Jinping spoke."], "Xi Jinping", "Xi"),
    (["Biden said so.", "Biden called.", "Biden agreed.", "President Joe Biden agreed."], "Joe Biden", "Biden"),
    (["Abe was shot in Nara.", "Abe died later.", "Former Prime Minister Shinzo Abe was 67."], "Shinzo Abe", "Abe"),
])
def test_a_person_is_listed_once_by_the_full_name_where_the_surname_ranked(texts, person, surname):
    names = entity_terms(texts, texts, texts, 10)
    assert person in names and surname not in names
    assert names.index(person) == 0  # the surname's place: it was the most mentioned


@pytest.mark.parametrize(("texts", "both"), [
    (["Officials in China warned.", "Diplomats said China would act.", "The China Coast Guard sailed."],
     ["China", "China Coast Guard"]),
    (["Officials in Taiwan protested.", "Ships near Taiwan were seen.", "The Taiwan Affairs Office warned."],
     ["Taiwan", "Taiwan Affairs Office"]),
])
def test_a_place_and_an_organisation_or_place_named_after_it_stay_two_entities(texts, both):
    names = entity_terms(texts, texts, texts, 10)
    for name in both:
        assert name in names


@pytest.mark.parametrize(("texts", "both"), [
    (["Crowds gathered in Urumqi.", "Residents of Urumqi protested.", "Police closed Urumqi Road.",
      "A road was closed and residents stayed home."], ["Urumqi", "Urumqi Road"]),
    # the street's word is nowhere in lower case: the place-feature words still tell it from a surname
    (["Crowds gathered in Urumqi.", "People in Urumqi protested.", "Police closed Urumqi Road."], ["Urumqi", "Urumqi Road"]),
    (["Students gathered in Tiananmen.", "Police in Tiananmen watched.", "Crowds filled Tiananmen Square."],
     ["Tiananmen", "Tiananmen Square"]),
])
def test_a_place_and_a_street_named_after_it_stay_two_entities(texts, both):
    names = entity_terms(texts, texts, texts, 10)
    for name in both:
        assert name in names


@pytest.mark.parametrize("text", ["Hundreds of Shanghai residents marched on Sunday; hundreds more watched.",
                                  "Thousands of Beijing commuters were stuck; thousands waited."])
def test_a_sentence_s_first_common_word_is_not_joined_to_the_name_after_it(text):
    names = entity_terms([text], [text], [text], 10)
    assert not any(n.lower().startswith(("hundreds", "thousands")) for n in names)


def test_a_surname_listed_after_the_full_name_is_dropped_and_a_company_is_listed_once():
    texts = ["Yoshihide Suga spoke.", "Officials said Yoshihide Suga agreed.", "Later Suga left.",
             "Huawei Technologies sued.", "Officials said Huawei Technologies lost.", "Reports said Huawei appealed."]
    names = entity_terms(texts, texts, texts, 10)
    assert "Yoshihide Suga" in names and "Suga" not in names
    assert "Huawei Technologies" in names and "Huawei" not in names


def test_two_windows_of_one_longer_term_are_that_term():
    passages = ["Chinese storage battery makers were refused approval.",
                "Japan refused Chinese storage battery makers approval again.",
                "Chinese storage battery makers said they would appeal.",
                "Officials said Chinese storage battery makers posed a risk."]
    tags = keyword_terms(passages, passages, passages, 8)
    assert "Chinese storage battery makers" in tags
    assert "Chinese storage battery" not in tags and "storage battery makers" not in tags


def test_windows_the_evidence_never_says_as_one_phrase_stay_apart():
    passages = ["Regulators said Chinese storage battery exports rose.", "Japan taxed Chinese storage battery imports.",
                "Chinese storage battery exports fell later.", "Korean storage battery makers lobbied.",
                "Foreign storage battery makers agreed.", "Smaller storage battery makers objected."]
    tags = keyword_terms(passages, passages, passages, 8)
    assert "Chinese storage battery makers" not in tags  # never written: two terms, not one
    assert "storage battery makers" in tags
    assert "Chinese storage battery exports" in tags  # written whole in two passages


# --------------------------------------------------------------------------------------------- periods

PERIOD_SENTENCES = [
    "During the Cold War period, multilateral export controls were established by the Western Bloc.",
    "After the Cold War ended, the export control system began shifting its focus in the 1990s.",
    "Japan’s trade measures followed rulings on forced World War II labor, the ministry said.",
    "Veterans of the Korean War met Yoon Suk-yeol in Seoul on Monday.",
    "The Meiji Era reforms opened Japan to Western trade, Hosokawa Masahiko wrote.",
    "Banks recalled the Asian Financial Crisis as the Bank of Japan raised rates.",
    "Historians compared the policy to the War of 1812 and the Great Depression, the Ministry of War archive shows.",
    "The Institute for the Study of War said the Middle Ages had no such controls.",
]


@pytest.mark.parametrize("period", ["Cold War", "World War II", "Korean War", "Meiji Era", "Asian Financial Crisis",
                                    "War of 1812", "Great Depression", "Middle Ages"])
def test_a_period_or_a_war_is_no_entity(period):
    assert period not in entity_terms(PERIOD_SENTENCES, PERIOD_SENTENCES, PERIOD_SENTENCES, 30)


@pytest.mark.parametrize("name", ["Hosokawa Masahiko", "Bank of Japan", "Ministry of War", "Institute for the Study of War",
                                  "Yoon Suk-yeol", "Western Bloc"])
def test_actors_named_beside_periods_stay_entities(name):
    assert name in entity_terms(PERIOD_SENTENCES, PERIOD_SENTENCES, PERIOD_SENTENCES, 30)


# --------------------------------------------------------------------------------------------- common nouns in capitals

COMMON_SENTENCES = [
    "The export restrictions cover fluorinated polyimides, used in screens for TVs and smartphones, Moon Jae-in said.",
    "China’s chip-smuggling enforcement can disrupt flows of niche ICs, with knock-on effects for EVs and AI systems.",
    "South Korea protested Abe’s suggestion that it could not implement sanctions against the North.",
    "Procurement shifts by utilities and electronics OEMs followed, and the West responded, TSMC and NATO said.",
    "The WTO and OPEC met in Geneva; North Korea and East Asia were on the agenda.",
]


@pytest.mark.parametrize("common", ["TVs", "ICs", "EVs", "AI", "OEMs", "North", "West"])
def test_a_common_noun_in_capitals_or_a_bare_direction_is_no_entity(common):
    # (a region, "East Asia", is no entity either since s34: tests/test_entity_regions.py)
    assert common not in entity_terms(COMMON_SENTENCES, COMMON_SENTENCES, COMMON_SENTENCES, 30)


@pytest.mark.parametrize("name", ["Moon Jae-in", "TSMC", "NATO", "WTO", "OPEC", "North Korea", "South Korea"])
def test_acronyms_and_places_that_name_actors_stay_entities(name):
    assert name in entity_terms(COMMON_SENTENCES, COMMON_SENTENCES, COMMON_SENTENCES, 30)


def test_a_longer_term_the_evidence_says_replaces_the_shorter_window_it_contains():
    """A title's "Chinese battery makers" ranks "battery makers" first; the evidence's own "storage battery makers"
    (said twice) is the more specific term and takes its place, not a second tag beside it."""
    passages = ["Japan blocks Chinese battery makers over cybersecurity", "Battery makers face scrutiny.",
                "Japan denied approval for Chinese storage battery makers.",
                "The denial hits storage battery makers and their procurement."]
    tags = [t.lower() for t in keyword_terms(passages, passages, passages, 8)]
    assert "storage battery makers" in tags or "chinese storage battery makers" in tags
    assert "battery makers" not in tags
