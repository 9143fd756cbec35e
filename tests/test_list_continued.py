"""A list question whose story counts the members in one sentence and names them in the next is answered with the
names.

s55's fresh user: "Which companies did the US add to the entity list?" over "BIS added 27 Chinese companies to its
entity list on Wednesday, … The companies include Shenzhen Kuntai Microelectronics, Hefei Sanxin Aviation and
Beijing Zhiyuan Computing." was answered with the count alone. Two mechanisms failed, each a kind:

- a plural noun referring back ("The companies include …", "The firms were identified as …", "The officials are
  …") did not continue the sentence before it (``anaphora_nouns.txt`` held "company", "firm", "official" only in
  the singular), so the list was never the count's continuation;
- a list of Chinese company names read as a participle clause ("…, Nanjing Tianmu Optics and …": "Nanjing" ends in
  "-ing"), so ``lists_names`` said it named no one and the answer abstained with "none gives the names".

Articles written for this test; none is from the shared data.
"""

from __future__ import annotations

import pytest

from conftest import engine_over_articles

from rag.render import answer_with_sources
from rag.writers.answer_kind import lists_names
from rag.writers.sentence_cues import ANAPHORA_RE


@pytest.mark.parametrize("sentence, continues", [
    ("The companies include Qingdao Haiwei Robotics, Nanjing Tianmu Optics and Xi'an Ruida Avionics.", True),
    ("The firms were identified as Hsinchu Precision, Tainan Vacuum Systems and Luminar Semitech.", True),
    ("The officials are Kim Chol Su, Ri Myong Hak and Pak Jong Nam.", True),
    ("These items include cryogenic probers and atomic layer deposition tools.", True),
    ("The sanctioned entities are listed in an annex.", True),
    ("The new measures take effect in July.", True),
    ("The company said it would appeal.", True),  # the singular, as before
    # no determiner, or a noun that refers to nothing before it
    ("Companies in Japan must apply for a licence.", False),
    ("The weather in Seoul was cold.", False),
])
def test_a_sentence_opening_with_the_class_it_refers_back_to_continues_the_one_before(sentence, continues):
    assert bool(ANAPHORA_RE.match(sentence)) is continues


@pytest.mark.parametrize("sentence, names", [
    ("The companies include Shenzhen Kuntai Microelectronics, Hefei Sanxin Aviation and Beijing Zhiyuan Computing.",
     True),
    ("Regulators fined Nanjing Tianmu Optics, Chongqing Lianxin Semiconductor and Kunming Optoelectronics.", True),
    ("The list names Tsinghua Unigroup, Kunming Optoelectronics and Beijing Zhiyuan Computing.", True),
    # a lower-case participle still opens a clause, not an item
    ("Japan tightened its rules on Monday, affecting Sony and Nikon.", False),
])
def test_place_names_ending_in_ing_are_names_not_participles(sentence, names):
    assert lists_names(sentence) is names


ARTICLES = [
    ("01_entity_list.md", "2026-03-10", "Commerce adds Chinese drone suppliers to Entity List",
     "The Commerce Department added 19 Chinese companies to its Entity List on Tuesday, citing support for military "
     "drone programmes. The companies include Qingdao Haiwei Robotics, Nanjing Tianmu Optics and Xi'an Ruida "
     "Avionics. Exporters will need a licence to ship them any US-origin item."),
    ("02_seoul_sanctions.md", "2026-05-18", "Seoul sanctions North Korean officials over launch",
     "South Korea sanctioned four North Korean officials on Monday over the country's latest satellite launch. The "
     "officials are Kim Chol Su, Ri Myong Hak, Pak Jong Nam and Choe Song Il. The foreign ministry said the "
     "sanctions freeze any assets they hold in the South."),
    ("03_taiwan_indictment.md", "2026-06-25", "Taiwan indicts firms over chip tool shipments",
     "Taiwanese prosecutors indicted three firms on Thursday for shipping chip-making tools to China without "
     "permits. The firms were identified as Hsinchu Precision, Tainan Vacuum Systems and Luminar Semitech. Each "
     "faces fines of up to NT$15 million."),
    ("04_bis_listing.md", "2026-02-12", "US adds Chinese firms to entity list over AI chips",
     "The Bureau of Industry and Security added 27 Chinese companies to its entity list on Wednesday, accusing them "
     "of helping the Chinese military obtain advanced AI chips and drone components. The companies include Shenzhen "
     "Kuntai Microelectronics, Hefei Sanxin Aviation and Beijing Zhiyuan Computing. Commerce officials said eight "
     "of the firms had bought chips through intermediaries."),
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_articles(tmp_path_factory.mktemp("list-continued"), ARTICLES)


@pytest.mark.parametrize("question, names", [
    ("Which Chinese companies were added to the Entity List over drone programmes?",
     ("Qingdao Haiwei Robotics", "Xi'an Ruida Avionics")),
    ("Which companies did the Commerce Department add over military drone programmes?",
     ("Qingdao Haiwei Robotics", "Nanjing Tianmu Optics")),
    ("Which firms did Taiwanese prosecutors indict?", ("Hsinchu Precision", "Luminar Semitech")),
    ("Which North Korean officials did South Korea sanction?", ("Kim Chol Su", "Choe Song Il")),
    ("Which companies did the Bureau of Industry and Security add over AI chips?",
     ("Shenzhen Kuntai Microelectronics", "Beijing Zhiyuan Computing")),
])
def test_the_names_after_a_count_answer_the_list_question(engine, question, names):
    brief = engine.write(question, template="answer")
    shown = answer_with_sources(brief)
    first = shown.split("\n\n")[0]
    assert not brief.abstained, shown
    assert all(n in first for n in names), shown
    assert "none gives the names" not in shown, shown


@pytest.mark.parametrize("sentence, names", [
    # two institutions named "X of Y" in a row are two items, as the Entity List names them
    ("The list names Tsinghua Unigroup, Harbin Institute of Technology and Beijing Institute of Technology.", True),
    ("The additions include Harbin Institute of Technology and National University of Defense Technology.", True),
    ("The EU sanctioned the Harbin Institute of Technology, the Beijing Institute of Technology and Northwestern "
     "Polytechnical University.", True),
    # one institution whose name coordinates words after "of" is no list
    ("South Korea's Minister of Trade, Industry and Energy Ahn Duk-geun said on Monday the rules would change.", False),
    ("The Ministry of Agriculture, Forestry and Fisheries said the ban would stay.", False),
    ("The Ministry of Science and ICT said on Tuesday it will bar cameras.", False),
])
def test_institutions_named_x_of_y_are_items_of_a_list(sentence, names):
    assert lists_names(sentence) is names
