"""A country named in a Japanese, Chinese or Korean sentence acts there only where the sentence says so.

Kind (the README's known fault of the cross-lingual bridge, s62): a glossary reading tells who is named, not their
role, so a CJK article naming a country as the destination of another's curbs (日本 in 商务部…限制出口镓和锗，日本…
企业将受到影响) passed for the story of "What did Japan restrict?", and the answer quoted it, or English sentences of
another story, where the question abstained before the bridge. A CJK sentence's countries are read by their particles
and prepositions (``rag.text.cjk_actors``): acted on (对日本, 日本への, 일본에), only named (日本企业, 美国的…规定), or
acting (日本政府は, 한국 정부는, 中国将…); a country a question asks as the doer of its act is held by a CJK
sentence or report only where it acts (story test, coverage), and a CJK report not holding the question's story on
its own is not quoted. The articles below are written for these specs."""

from __future__ import annotations

import pytest

from rag.text.cjk_actors import bystanders, cjk_actors, cjk_place_roles
from rag.writers.answer_actor import actor_role, led_by_another_place
from rag.writers.answer_story_held import story_coverage

from conftest import engine_over_headed


def roles(text: str) -> dict[str, set[str]]:
    """Place key → the roles of its mentions in ``text``."""
    out: dict[str, set[str]] = {}
    for r in cjk_place_roles(text):
        out.setdefault(r.key, set()).add(r.role)
    return out


# -- the roles of a CJK sentence's countries ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, country, role", [
    # China restricts; Japan's and Korea's firms are hit (zh)
    ("商务部宣布，自8月1日起限制出口镓和锗，日本和韩国的芯片企业将受到影响。", "japan", "named"),
    # Korea is the destination of Japan's curbs (ja)
    ("日本政府は韓国向けのフッ化水素の輸出を規制すると発表した。", "south_korea", "undergoer"),
    # Japan is what China's ministry restricts exports to (ja, ko)
    ("中国商務省は日本への黒鉛の輸出を制限した。", "japan", "undergoer"),
    ("중국은 일본에 대한 갈륨 수출을 제한했다.", "japan", "undergoer"),
    # Taiwan buys; Japan's firms sell to it (zh)
    ("日本企业向台湾出口光刻胶，台湾厂商是最大买家。", "taiwan", "undergoer"),
    # the United States' rules are what a Chinese firm complies with (zh)
    ("华为表示将遵守美国的出口管制规定。", "united_states", "undergoer"),
    # Korea's firms are hurt by another's sanctions (ko)
    ("미국의 제재로 한국 기업들이 피해를 입었다.", "south_korea", "named"),
])
def test_a_country_acted_on_or_only_named_is_no_actor(text, country, role):
    assert role in roles(text)[country]
    assert country not in cjk_actors(text)


@pytest.mark.parametrize("text, country", [
    ("日本政府は半導体材料3品目の輸出を規制すると発表した。", "japan"),
    ("経済産業省は1日、半導体製造装置12品目を輸出管理の対象に加えると発表した。", "japan"),
    ("韩国政府宣布限制对中国出口半导体设备。", "south_korea"),
    ("한국 정부는 갈륨 수출을 제한했다.", "south_korea"),
    ("自8月1日起，中国将限制镓出口。", "china"),
    ("台湾经济部宣布将九家企业列入实体清单。", "taiwan"),
    ("日本の輸出規制強化により、韓国企業は打撃を受けた。", "japan"),
    ("中国对日本实施出口管制。", "china"),
])
def test_a_country_marked_as_subject_or_opening_a_chinese_clause_acts(text, country):
    assert "agent" in roles(text)[country]


def test_the_actor_checks_read_a_cjk_sentence_by_its_roles():
    text = "中国商務省は日本への黒鉛の輸出を制限した。"
    assert actor_role(text, {"japan"}) == "undergoer"
    assert actor_role(text, {"china"}) == "agent"
    assert led_by_another_place(text, {"japan"})
    assert not led_by_another_place("日本政府は韓国向けのフッ化水素の輸出を規制すると発表した。", {"japan"})


def test_a_country_named_only_as_a_bystander_does_not_cover_the_asked_doer():
    zh = "商务部宣布，自8月1日起限制出口镓和锗，日本和韩国的芯片企业将受到影响。"
    assert bystanders(frozenset({"japan"}), zh) == {"japan"}
    assert bystanders(frozenset({"china"}), zh) == set()
    # the same country in the report's English words keeps its stems: the English actor checks read those
    assert bystanders(frozenset({"japan"}), zh + " Japan said it would respond.") == set()
    evidence = [("d1", "中国限制镓和锗出口", zh)]
    assert story_coverage("What did Japan restrict?", evidence) < story_coverage("What did China restrict?", evidence)


# -- answers ---------------------------------------------------------------------------------------------------------

BYSTANDERS = {
    "en_licence.txt": ("China to require licences for gallium and germanium exports", "Harbour Wire", "2023-07-04",
                       "From August 1, exporters of gallium and germanium will need a licence from China's commerce "
                       "ministry, a rule that could squeeze chipmakers in Japan and Europe. The two metals are used in "
                       "chips and solar panels."),
    "en_prices.txt": ("Gallium prices jump after Beijing's licensing rule", "Metals Daily", "2023-07-06",
                      "Gallium prices rose 20 percent in Rotterdam after Beijing announced that exports of the metal "
                      "would require licences. Buyers said they held several months of stock."),
    "en_rates.txt": ("Taiwan's central bank holds rates", "Taipei Ledger", "2023-06-15",
                     "Taiwan's central bank kept its benchmark interest rate unchanged at 1.875 percent on Thursday, "
                     "citing slowing exports and easing inflation."),
    "en_typhoon.txt": ("Typhoon forces flight cancellations in Okinawa", "Harbour Wire", "2023-08-02",
                       "A powerful typhoon forced airlines to cancel hundreds of flights in Okinawa on Wednesday."),
    "zh_gallium.txt": ("中国限制镓和锗出口", "新华财经", "2023-07-05",
                       "商务部宣布，自8月1日起限制出口镓和锗，日本和韩国的芯片企业将受到影响。出口经营者须申请出口许可。"),
    "ko_graphite.txt": ("중국, 일본에 대한 흑연 수출 제한", "동해일보", "2023-10-21",
                        "중국은 일본에 대한 흑연 수출을 제한했다. 일본 배터리 업체들은 재고를 확인하고 있다."),
    "zh_huawei.txt": ("华为称将遵守美国出口管制", "南方商讯", "2023-09-01",
                      "华为表示将遵守美国的出口管制规定，并限制向海外客户出口部分芯片。"),
    "zh_resist.txt": ("日本光刻胶大量销往台湾", "南方商讯", "2023-09-15",
                      "日本企业向台湾出口光刻胶，台湾厂商是最大买家，今年采购量增加三成。"),
}


@pytest.fixture(scope="module")
def bystander_engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("cross_lingual_bystanders"), BYSTANDERS)


def cited(brief) -> set[str]:
    return {s.source_path.rsplit("/", 1)[-1] for s in brief.sources}


@pytest.mark.parametrize("question", [
    "What did Japan restrict?",
    "What did Japan restrict and when?",
    "What did South Korea restrict?",
    "What did Taiwan ban?",
])
def test_a_country_the_cjk_reports_name_only_as_acted_on_does_not_answer_what_it_did(bystander_engine, question):
    brief = bystander_engine.write(question, template="answer")
    assert brief.abstained, brief.message
    assert not cited(brief)


ACTORS = {
    **{k: v for k, v in BYSTANDERS.items() if k.startswith("en_")},
    "ja_curbs.txt": ("日本、韓国向け半導体材料の輸出を規制", "西都ニュース", "2023-07-01",
                     "日本政府は韓国向けのフッ化水素など半導体材料3品目の輸出規制を強化すると発表した。7月4日から適用される。"),
    "ko_gallium.txt": ("정부, 갈륨 수출 제한", "동해일보", "2023-10-25",
                       "한국 정부는 갈륨 수출을 제한했다고 24일 밝혔다. 업계는 공급 차질을 우려했다."),
}


@pytest.fixture(scope="module")
def actor_engine(tmp_path_factory):
    return engine_over_headed(tmp_path_factory.mktemp("cross_lingual_actors"), ACTORS)


@pytest.mark.parametrize("question, gold", [
    ("What did Japan restrict?", "ja_curbs.txt"),
    ("When did Japan tighten export controls?", "ja_curbs.txt"),
    # ... and not from a report naming the asked country as the destination of another's curbs (韓国向け)
    ("What did South Korea restrict?", "ko_gallium.txt"),
])
def test_a_country_a_cjk_report_gives_as_acting_is_answered_from_it(actor_engine, question, gold):
    brief = actor_engine.write(question, template="answer")
    assert not brief.abstained, brief.message
    assert cited(brief) == {gold}
