"""Specs: a press briefing whose turns are labelled by who speaks — the outlet that asks ("Kyodo News:", "AFP:",
"The Korea Herald:", "共同社记者：") and the spokesperson who answers by name ("He Yuntao:", "Park Ji-hoon:",
"贺云涛：") — is read by its turns (``rag.text.transcript_turns``, ``data/transcript_turns.toml`` v2). An answer turn
is read together with its question turn: the question's words count toward the answer sentence's relevance (its
cosine, ``ExtractiveWriter._query_cosines``, and its key terms), a reporter's question is never quoted as the answer
nor credited as the speaker's statement, and the answer is credited to its labelled speaker, not to the outlet that
asked ("He Yuntao (Ministry of Foreign Affairs …) says: …", ``answer_credit``). A passage cut from inside a long
briefing is read with the text before it (``SearchHit.lead``). A news report with a "Name: text" quote line or a
headline with a colon, and a digest whose items are headed by outlets, are no transcript."""

from __future__ import annotations

import pytest

from rag.render import answer_with_sources
from rag.text.transcript_turns import turns
from rag.types import SearchFilters
from tests.conftest import engine_over_texts

MFA_EN = "Title: Foreign Ministry Spokesperson He Yuntao's Regular Press Conference on November 3, 2026\nPublisher: Ministry of Foreign Affairs of the People's Republic of China\nDate: 2026-11-03\n\nHe Yuntao: Good afternoon. I have no announcements to make today. The floor is open for questions.\n\nKyodo News: Japan's Ministry of Economy, Trade and Industry announced on Friday that it will add 18 types of semiconductor manufacturing equipment to its export control list. What is China's response?\n\nHe Yuntao: China firmly opposes the abuse of export control measures. Such moves disrupt the stability of global industrial and supply chains and harm the interests of enterprises of both countries. We urge the relevant side to correct its wrong practices at once.\n\nAFP: Will Beijing take countermeasures against Japanese chip equipment makers?\n\nHe Yuntao: China will take resolute measures to safeguard the legitimate rights and interests of Chinese enterprises. I will not speculate on specific steps.\n\nBloomberg: A Dutch lithography supplier says its licences to service machines in China have been revoked. Has China raised the matter with the Netherlands?\n\nHe Yuntao: I would refer you to the competent authorities for the specifics. China has made its position clear on many occasions.\n\nPhoenix TV: The Philippine coast guard said a Chinese vessel approached a survey ship near Scarborough Shoal on Sunday. Do you have any comment?\n\nHe Yuntao: Huangyan Dao has always been China's territory. The Chinese coast guard carried out law enforcement activities in accordance with the law.\n"
METI = "Title: Press Conference by Minister of Economy, Trade and Industry Sato Keiichi (Excerpt), November 7, 2026\nPublisher: Ministry of Economy, Trade and Industry\nDate: 2026-11-07\n\nOpening remarks\n\nMinister Sato: Today I have one announcement. The government will provide up to 120 billion yen to support a new plant for advanced packaging of semiconductors in Hokkaido.\n\nQuestions and answers\n\nNHK: China's commerce ministry said on Thursday it will require licences for exports of synthetic graphite anodes to Japan. How will this affect Japanese battery makers?\n\nMinister Sato: Our battery makers hold inventories of graphite for about three months. We are asking suppliers in Australia and Mozambique to increase shipments, and we will continue talks with the Chinese side.\n\nJiji Press: Does the government plan to file a complaint at the World Trade Organization?\n\nMinister Sato: We are not considering a WTO complaint at this stage. We will first confirm the details of the measure with Beijing.\n\nNikkei: Some lawmakers are calling for a subsidy to recycle graphite from used batteries. What is your view?\n\nMinister Sato: Recycling is one of the options we are studying, and we will decide on support in the supplementary budget.\n"
MOTIE = 'Title: Ministry of Trade, Industry and Energy briefing on semiconductor technology protection\nPublisher: Ministry of Trade, Industry and Energy\nDate: 2026-11-12\n\nVice Minister Park Ji-hoon: Good morning. I will brief you on measures to protect national core technologies in the semiconductor industry.\n\nYonhap News Agency: Prosecutors indicted two former engineers of a memory chipmaker last week for leaking DRAM process data to a Chinese company. How will the government prevent such leaks?\n\nPark Ji-hoon: The government will raise the maximum prison sentence for leaking national core technology overseas to 18 years. We will also require companies to report the overseas employment of engineers who handled core technology for three years after they leave.\n\nThe Korea Herald: When will the amendment be submitted to the National Assembly?\n\nPark Ji-hoon: We plan to submit the amendment to the Industrial Technology Protection Act in the first half of next year.\n\nMaeil Business Newspaper: Does the ministry plan to add high-bandwidth memory to the list of national core technologies?\n\nPark Ji-hoon: High-bandwidth memory stacking technology was added to the list in September. We are reviewing whether to add hybrid bonding as well.\n'
MAC = "Title: Mainland Affairs Council regular press briefing, November 19, 2026\nPublisher: Mainland Affairs Council\nDate: 2026-11-19\n\nChiu Yi-ting: Good afternoon, friends from the media. Today the council will explain its position on recent developments across the Strait.\n\nCentral News Agency: Beijing announced a ban on imports of machine tools from four Taiwanese companies on Monday. What is the council's response?\n\nChiu Yi-ting: The council condemns the ban as political coercion. The four companies export less than 2 percent of their machine tools to the mainland, and the Ministry of Economic Affairs will help them find other markets.\n\nLiberty Times: Will the government restrict travel by Taiwanese engineers to the mainland?\n\nChiu Yi-ting: Engineers who worked on national core key technologies must apply for permission before visiting the mainland. The rule has been in force since last year and there is no plan to change it.\n\nReuters: Has Beijing contacted the council about the detained businessman?\n\nChiu Yi-ting: The council has not received any notification from the mainland side. We urge Beijing to explain the charges against him.\n"
MFA_ZH = 'Title: 2026年11月24日外交部发言人贺云涛主持例行记者会\nPublisher: 中华人民共和国外交部\nDate: 2026-11-24\n\n贺云涛：各位记者朋友，下午好。下面开始提问。\n\n共同社记者：日本政府宣布将对23种先进半导体材料实施出口管制。中方对此有何回应？\n\n贺云涛：中方坚决反对将经贸问题政治化、工具化。日方有关做法严重违背市场规律，损害两国企业利益。\n\n彭博社记者：中方是否会对日本企业采取反制措施？\n\n贺云涛：中方将采取坚决措施，维护中国企业的正当权益。\n\n路透社记者：荷兰政府是否已就光刻机维修许可问题与中方沟通？\n\n贺云涛：我不掌握具体情况，建议你向主管部门询问。\n'
MFA_LONG = "Title: Foreign Ministry Spokesperson Wu Lanting's Regular Press Conference on December 1, 2026\nPublisher: Ministry of Foreign Affairs of the People's Republic of China\nDate: 2026-12-01\n\nWu Lanting: Good afternoon. At the invitation of the government of Laos, Vice Premier Zhou will visit Vientiane from December 3 to 5 and attend the opening ceremony of a new railway freight terminal. During the visit, the two sides will sign agreements on agriculture, energy and customs cooperation.\n\nCCTV: Could you share more details about the purpose of the Vice Premier's visit and China's expectations for it?\n\nWu Lanting: China and Laos are good neighbours and good partners. The visit will deepen practical cooperation under the Belt and Road Initiative, and we expect the freight terminal to cut the time of shipments from Kunming to Vientiane by a third.\n\nReuters: The US Commerce Department added 31 Chinese entities to its Entity List on Friday, including two makers of lithography light sources. What is China's response?\n\nWu Lanting: We have noted the reports. The US side has overstretched the concept of national security and abused export control measures to suppress Chinese companies. China firmly opposes this and will take necessary measures to protect the legitimate rights and interests of Chinese firms.\n\nBloomberg: Does China plan to restrict exports of antimony or other critical minerals to the United States in response?\n\nWu Lanting: I would refer you to the competent authorities for questions about specific trade measures. China's export control policy is consistent and not targeted at any particular country.\n\nKyodo News: Japan's defence ministry said a Chinese drone flew between Yonaguni and Taiwan on Sunday. Can you confirm the flight?\n\nWu Lanting: The relevant activities of the Chinese military are in line with international law and international practice. Japan should stop hyping up the so-called China threat.\n\nYonhap News Agency: South Korea's National Intelligence Service said a Chinese national was arrested for photographing a naval base in Busan. Has China been notified?\n\nWu Lanting: I am not aware of the case you mentioned. The Chinese government always asks Chinese citizens abroad to abide by local laws and regulations.\n\nAFP: The Philippines says it will file a new diplomatic protest over water cannon use near Second Thomas Shoal. Will China change its approach?\n\nWu Lanting: Ren'ai Jiao is part of China's Nansha Qundao. The China coast guard took necessary measures in accordance with the law to safeguard China's sovereignty.\n\nBloomberg: A Dutch newspaper reported that ASML will stop servicing some immersion lithography machines in China from January. Do you have any comment?\n\nWu Lanting: We have stated our position on many occasions. We hope the Netherlands will respect market principles and uphold the stability of global semiconductor supply chains.\n"
NEWS_COLON = 'Title: Chip curbs: Tokyo adds 18 tools to its export list\nPublisher: Asia Tech Wire\nDate: 2026-11-02\n\nJapan\'s trade ministry will add 18 types of semiconductor manufacturing equipment to its export control list from January, the ministry said on Friday.\n\nAnalysis: The additions cover deposition and etching tools used to make advanced logic chips.\n\nTanaka Hiroshi, an analyst at Mizuho Securities, said the curbs would cost Japanese equipment makers about 80 billion yen a year in lost sales.\n\nKobayashi Emi: "We were not consulted before the decision," said the head of an Osaka machinery association.\n\nWill Beijing retaliate? Chinese officials have not commented on the list.\n'
DIGEST = "Title: Morning tech security digest, November 20\nPublisher: Harbor Brief\nDate: 2026-11-20\n\nReuters: China's commerce ministry said it would require licences for exports of gallium nitride wafers from January 1.\n\nNikkei: Tokyo Electron plans to build a new research centre in Kumamoto for about 50 billion yen.\n\nYonhap News Agency: Seoul will spend 2 trillion won on a national AI chip design programme over five years.\n\nBloomberg: Can TSMC keep its Arizona plant on schedule? The company said the second fab would open in 2028.\n"


def shown(engine, question: str) -> str:
    """The answer as ``brief ask`` prints it (each quote with its credit), without its source list; it must answer."""
    brief = engine.write(question, template="answer", filters=SearchFilters(until="2026-12-31"))
    assert not brief.abstained, brief.message
    return answer_with_sources(brief).split("\nSources:")[0]


def _roles(text: str) -> list[tuple[str, str, str]]:
    return [(t.role, t.speaker, text[t.start:t.body].strip()) for t in turns(text)]


def test_outlets_ask_and_the_named_spokesperson_answers():
    found = _roles(MFA_EN)
    assert found[:4] == [("answer", "He Yuntao", "He Yuntao:"), ("question", "", "Kyodo News:"),
                         ("answer", "He Yuntao", "He Yuntao:"), ("question", "", "AFP:")]
    assert [r for r, _, _ in found].count("question") == 4 and [r for r, _, _ in found].count("answer") == 5


def test_a_name_label_is_its_speakers_fuller_titled_label():
    found = _roles(MOTIE)
    assert ("question", "", "The Korea Herald:") in found and ("question", "", "Maeil Business Newspaper:") in found
    assert {sp for r, sp, lab in found if lab == "Park Ji-hoon:"} == {"Vice Minister Park Ji-hoon"}


def test_cjk_outlet_and_name_labels():
    found = _roles(MFA_ZH)
    assert [(r, sp) for r, sp, _ in found] == [("answer", "贺云涛"), ("question", ""), ("answer", "贺云涛"),
                                               ("question", ""), ("answer", "贺云涛"), ("question", ""),
                                               ("answer", "贺云涛")]


@pytest.mark.parametrize("text", [NEWS_COLON, DIGEST], ids=["quote-line-and-headline-colon", "outlet-digest"])
def test_a_report_with_name_labels_is_no_transcript(text):
    assert turns(text) == []


def test_one_question_answered_once_is_no_transcript():
    text = ("Lee Min-ho: Why should Korean chipmakers pay for a fight between Washington and Beijing?\n"
            "Park So-yeon: The tariffs hurt both sides, and Seoul has little room to move.\n")
    assert turns(text) == []


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over_texts(tmp_path_factory.mktemp("named_turns"), {
        "01_mfa.txt": MFA_EN, "02_meti.txt": METI, "03_motie.txt": MOTIE, "04_mac.txt": MAC, "05_mfa_zh.txt": MFA_ZH,
        "06_mfa_long.txt": MFA_LONG, "07_news_colon.txt": NEWS_COLON, "08_digest.txt": DIGEST,
    })


@pytest.mark.parametrize("question, said, speaker, asked", [
    ("What did the spokesperson say about Japan's export controls on chip equipment?",
     "China firmly opposes the abuse of export control measures", "He Yuntao", "Trade and Industry announced"),
    ("What did the Chinese foreign ministry say about the Dutch lithography licences?",
     "refer you to the competent authorities", "He Yuntao", "licences to service machines"),
    ("How will China's graphite licences affect Japanese battery makers?",
     "inventories of graphite for about three months", "Minister Sato", "synthetic graphite anodes"),
    ("How will the government prevent leaks of DRAM process data to Chinese companies?",
     "maximum prison sentence", "Park Ji-hoon", "Prosecutors indicted"),
    ("What did the Mainland Affairs Council say about Beijing's ban on Taiwanese machine tools?",
     "condemns the ban as political coercion", "Chiu Yi-ting", "Beijing announced a ban"),
    ("中方对日本半导体材料出口管制有何回应？", "日方有关做法", "贺云涛", "日本政府宣布"),
], ids=["mfa-outlets", "mfa-refer", "meti", "motie", "mac", "mfa-zh"])
def test_the_answer_turn_is_read_with_its_question_and_credited_to_its_speaker(engine, question, said, speaker, asked):
    text = shown(engine, question)
    assert said in text
    assert asked not in text  # the reporter's question is never the answer
    assert f"{speaker} (" in text  # ... credited to the speaker, in their ministry
    assert not any(f"{outlet}:" in text or f"citing {outlet}" in text
                   for outlet in ("Kyodo News", "AFP", "Bloomberg", "NHK", "Yonhap News Agency", "Central News Agency", "共同社"))


@pytest.mark.parametrize("question, said, asked", [
    ("What did China say about the Philippine protest over water cannon use near Second Thomas Shoal?",
     "Ren'ai Jiao is part of China's Nansha Qundao", "diplomatic protest"),
    ("What did the foreign ministry say about ASML servicing immersion lithography machines in China?",
     "We hope the Netherlands will respect market principles", "A Dutch newspaper reported"),
], ids=["answer-opens-the-passage", "question-after-too-few-labels"])
def test_a_passage_cut_inside_a_long_briefing_is_read_with_the_turns_before_it(engine, question, said, asked):
    text = shown(engine, question)
    assert said in text and asked not in text
    assert "Wu Lanting (" in text


def test_a_news_reports_quote_line_is_still_quoted_as_reporting(engine):
    text = shown(engine, "How much will the export curbs cost Japanese equipment makers?")
    assert "80 billion yen" in text
    assert " says:" not in text  # no speaker of a turn is credited
