"""Claim-level support checking (rag/support.py), specified with real sentences from corpus/.

A claim is supported only if it says what the cited passage says: same numbers, dates, entities and
polarity, no invented facts, and a close enough meaning. These tests use the bundled offline MiniLM.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rag.support import SupportChecker, SupportResult

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# corpus/001 (Taipei Times, Japan-South Korea export-control dispute)
RETRACT = (
    "Japan yesterday said that it does not plan to retract or renegotiate its stricter controls on high-tech "
    "exports to South Korea, a day after South Korean President Moon Jae-in urged that the issue be resolved "
    "through diplomacy."
)
TIGHTENED = (
    "Tokyo last week tightened the approval process for Japanese shipments of photoresists and other sensitive "
    "materials to South Korean companies."
)
SUGA = (
    "\u201cThe measure is not a subject for consultation and we have no intention of withdrawing it either,\u201d "
    "Japanese Chief Cabinet Secretary Yoshihide Suga told a news conference."
)
INSPECTION = (
    "South Korean Minister of Trade, Industry and Energy Sung Yun-mo said that an \u201cemergency inspection\u201d "
    "found no sign of illegal transactions."
)
NSB = (
    "China\u2019s cyberarmy last year launched an average of 2.63 million intrusion attempts per day targeting "
    "Taiwan\u2019s critical infrastructure, the National Security Bureau (NSB) said, adding that cyberattacks on "
    "critical energy infrastructure last year increased 10-fold compared with the previous year."
)
# corpus/000 (Intelrift brief)
BATTERY = (
    "Japan has reportedly denied cybersecurity approval for Chinese storage battery makers, tightening scrutiny "
    "on cross-border hardware used in critical infrastructure and energy systems. The decision, reported on "
    "2026-06-30 by Nikkei Asia, signals that Tokyo is treating battery supply chains as a security domain rather "
    "than a purely industrial one."
)
# corpus/002 (roundup)
SEAFOOD = (
    "In related news, Taiwan International Radio reported that Chinese authorities halted imports of seafood from "
    "Taiwan in connection with a newly implemented customs clearance system in China."
)
RAYMOND = (
    "The request was reportedly conveyed through channels involving Gene Raymond, the US Secretary of Commerce, "
    "to Yasutoshi Nishimura, Japan\u2019s Minister of Economy, Trade and Industry."
)
# corpus/003 (WorldWideWatchers OSINT brief)
DUAL_USE = (
    "The Chinese government\u2019s restriction on dual-use exports to 20 Japanese companies is a strategic move "
    "likely aimed at countering Japan\u2019s military alignment with Taiwan and the United States."
)


@pytest.fixture(scope="module")
def embedder():
    from rag.embeddings import MiniLMOnnxEmbedder

    return MiniLMOnnxEmbedder()


def _has_reason(result: SupportResult, *fragments: str) -> bool:
    text = " | ".join(result.reasons).lower()
    return all(f.lower() in text for f in fragments)


# --------------------------------------------------------------------------------------------
# The core contract on one real sentence
# --------------------------------------------------------------------------------------------


class TestRetractSentence:
    """corpus/001: 'Japan ... does not plan to retract or renegotiate its stricter controls ...'."""

    def test_faithful_paraphrase_is_supported(self, checker):
        r = checker.check(
            "Japan said it would not withdraw or renegotiate its tighter export controls on high-tech goods "
            "to South Korea",
            [RETRACT],
        )
        assert r.supported, r
        assert r.score >= 0.5 and not r.reasons
        assert r.similarity > 0.6
        assert r.best_sentence is not None and "retract" in r.best_sentence

    def test_near_verbatim_is_supported_with_high_score(self, checker):
        r = checker.check(
            "Japan said it does not plan to retract or renegotiate its stricter controls on high-tech exports "
            "to South Korea.",
            [RETRACT],
        )
        assert r.supported and r.score > 0.7  # score is the fitted model's calibrated probability (0.78 here)

    def test_negation_flip_fails(self, checker):
        r = checker.check("Japan said it plans to retract its stricter controls on high-tech exports to South Korea", [RETRACT])
        assert not r.supported
        assert r.score < 0.5
        assert _has_reason(r, "negation")
        assert r.similarity > 0.6  # the embedding alone would have accepted it

    def test_swapped_country_fails(self, checker):
        r = checker.check(
            "Japan said it does not plan to retract its stricter controls on high-tech exports to China", [RETRACT]
        )
        assert not r.supported
        assert _has_reason(r, "entity", "China")

    def test_invented_addition_fails(self, checker):
        r = checker.check(
            "Japan said it does not plan to retract its controls on high-tech exports to South Korea and fined "
            "Samsung $2 billion",
            [RETRACT],
        )
        assert not r.supported
        assert _has_reason(r, "number")
        assert _has_reason(r, "Samsung")

    def test_addition_without_numbers_or_names_fails(self, checker):
        r = checker.check(
            "Tokyo tightened approval for shipments of photoresists to South Korean companies and threatened "
            "further sanctions",
            [TIGHTENED],
        )
        assert not r.supported
        assert _has_reason(r, "unsupported")

    def test_clause_about_the_second_half_of_the_sentence_is_supported(self, checker):
        r = checker.check("Moon Jae-in urged that the issue be resolved through diplomacy.", [RETRACT])
        assert r.supported, r

    def test_unrelated_topic_fails_with_low_score(self, checker):
        r = checker.check("Jack Ma, the founder of Alibaba, has spent the last six months in Japan.", [RETRACT])
        assert not r.supported
        assert r.score < 0.2
        assert r.similarity < 0.4


# --------------------------------------------------------------------------------------------
# Other articles
# --------------------------------------------------------------------------------------------


def test_paraphrase_from_another_article_is_supported(checker):
    r = checker.check("China stopped importing Taiwanese seafood, citing a new customs clearance system.", [SEAFOOD])
    assert r.supported, r


def test_related_but_different_topic_fails(checker):
    # Shares "China", "Taiwan" and "imports" with the passage but says something it does not.
    r = checker.check("China banned Taiwanese semiconductor imports over national security concerns.", [SEAFOOD])
    assert not r.supported


def test_paraphrase_with_demonyms_and_metonyms(checker):
    # "Chinese" -> China, "Tokyo" -> Japan; "Chinese storage battery makers" -> "Chinese battery producers".
    r = checker.check("Tokyo refused to grant cybersecurity approval to Chinese battery producers.", [BATTERY])
    assert r.supported, r


def test_approve_versus_deny_fails(checker):
    r = checker.check("Japan approved cybersecurity certification for Chinese storage battery makers.", [BATTERY])
    assert not r.supported
    assert _has_reason(r, "negation")


def test_found_signs_versus_found_no_sign_fails(checker):
    ok = checker.check("Sung Yun-mo said an emergency inspection found no evidence of illegal transactions.", [INSPECTION])
    flipped = checker.check("Sung Yun-mo said an emergency inspection found signs of illegal transactions.", [INSPECTION])
    assert ok.supported, ok
    assert not flipped.supported and _has_reason(flipped, "negation")


def test_halted_versus_resumed_fails(checker):
    r = checker.check("China resumed imports of seafood from Taiwan.", [SEAFOOD])
    assert not r.supported and _has_reason(r, "negation")


def test_increase_versus_decrease_fails(checker):
    r = checker.check("Cyberattacks on Taiwan's energy infrastructure decreased last year, the NSB said.", [NSB])
    assert not r.supported and _has_reason(r, "negation")


def test_claim_negated_while_cited_text_is_not_fails(checker):
    r = checker.check("Tokyo did not change the approval process for shipments of photoresists to South Korea.", [TIGHTENED])
    assert not r.supported


def test_double_negation_and_admit_versus_deny(checker):
    passage = (
        "The pair face US charges related to drug trafficking and alleged cooperation with gangs designated as "
        "terrorist organizations. Maduro has denied the allegations."
    )
    assert checker.check("Maduro has rejected the allegations against him.", [passage]).supported
    assert not checker.check("Maduro has not denied the allegations.", [passage]).supported
    assert not checker.check("Maduro has admitted the allegations.", [passage]).supported


def test_affixal_negation_fails(checker):
    # corpus/004
    passage = (
        "Behind the technological power struggle is China\u2019s state capitalism, which is incongruent with the "
        "so-called Western values that have developed over the years since the end of the Second World War."
    )
    assert checker.check("China's state capitalism is at odds with Western values, the author argues.", [passage]).supported
    r = checker.check("China's state capitalism is congruent with Western values.", [passage])
    assert not r.supported and _has_reason(r, "negation")


def test_help_versus_hurt_fails(checker):
    # corpus/004
    passage = (
        "On January 1, 2020, China enacted a law to regulate cryptography. There is a growing concern among "
        "foreign companies doing business in China that the new law will undermine information security."
    )
    assert checker.check("Foreign firms in China worry the new cryptography law will weaken information security.", [passage]).supported
    assert not checker.check("Foreign firms expect China's new cryptography law to improve information security.", [passage]).supported


def test_reporting_frame_is_not_an_addition(checker):
    # corpus/003
    passage = (
        "The most likely hypothesis is that China is leveraging economic measures to exert political pressure on "
        "Japan. Overall confidence in this assessment is moderate."
    )
    r = checker.check("The report judges that China is most likely using economic measures to pressure Japan politically.", [passage])
    assert r.supported, r


def test_added_relative_clause_fails(checker):
    r = checker.check(
        "Chinese authorities halted seafood imports from Taiwan, which was meant to punish its newly elected president.",
        [SEAFOOD],
    )
    assert not r.supported and _has_reason(r, "added detail", "relative clause")  # the reason names the clause added


# --------------------------------------------------------------------------------------------
# Numbers and dates
# --------------------------------------------------------------------------------------------


class TestNumbers:
    def test_changed_number_fails(self, checker):
        r = checker.check("China restricted dual-use exports to 25 Japanese companies.", [DUAL_USE])
        assert not r.supported
        assert _has_reason(r, "number 25 not in cited text")

    def test_spelled_out_number_matches_digits(self, checker):
        r = checker.check("China restricted dual-use exports to twenty Japanese firms.", [DUAL_USE])
        assert r.supported, r

    def test_scaled_and_abbreviated_quantities_match(self, checker):
        r = checker.check("China launched an average of 2.63m intrusion attempts per day against Taiwan's critical infrastructure.", [NSB])
        assert r.supported, r

    def test_wrong_scale_fails(self, checker):
        r = checker.check("China launched an average of 2.63 billion intrusion attempts per day against Taiwan's critical infrastructure.", [NSB])
        assert not r.supported and _has_reason(r, "number")

    def test_fold_increase_spelled_out(self, checker):
        ok = checker.check("Cyberattacks on Taiwan's critical energy infrastructure rose tenfold last year, the NSB said.", [NSB])
        bad = checker.check("Cyberattacks on Taiwan's critical energy infrastructure rose 20-fold last year, the NSB said.", [NSB])
        assert ok.supported, ok
        assert not bad.supported and _has_reason(bad, "number 20")

    def test_hedged_rounding_is_allowed_but_plain_rounding_is_not(self, checker):
        hedged = checker.check("China made about 2.6 million intrusion attempts a day on Taiwan's critical infrastructure.", [NSB])
        plain = checker.check("China made 2.6 million intrusion attempts a day on Taiwan's critical infrastructure.", [NSB])
        assert hedged.supported, hedged
        assert not plain.supported

    def test_hedged_number_may_only_round(self, checker):
        # corpus/004: "...businesses with more than 100,000 employees in the United States."
        passage = "This system is in place in businesses with more than 100,000 employees in the United States."
        assert checker.check("US businesses with over 100,000 employees use the system.", [passage]).supported
        assert not checker.check("US businesses with more than 100,500 employees use the system.", [passage]).supported

    def test_fractions_are_quantities(self, checker):
        # corpus/001 (German Marshall Fund report)
        passage = (
            "The report details the \u201cmassive\u201d economic, military, social and international costs to China in "
            "the event of a minor conflict or major war with Taiwan, estimating that the Chinese People\u2019s "
            "Liberation Army (PLA) could sustain losses of more than half of its active-duty ground forces, "
            "including 100,000 troops."
        )
        ok = checker.check("The PLA could lose more than half of its active-duty ground forces in a war with Taiwan.", [passage])
        bad = checker.check("The PLA could lose a quarter of its active-duty ground forces in a war with Taiwan.", [passage])
        assert ok.supported, ok
        assert not bad.supported and _has_reason(bad, "number")

    def test_thousands_separators_are_normalised(self, checker):
        passage = "The report estimated that the PLA could lose 100,000 troops in a major war with Taiwan."
        r = checker.check("The PLA could lose 100000 troops in a major war with Taiwan, the report estimated.", [passage])
        assert r.supported, r


class TestDates:
    def test_iso_date_matches_month_day(self, checker):
        r = checker.check("Nikkei Asia reported the decision on June 30, 2026.", [BATTERY])
        assert r.supported, r

    def test_day_first_order_matches(self, checker):
        r = checker.check("Nikkei Asia reported the decision on 30 June 2026.", [BATTERY])
        assert r.supported, r

    def test_changed_day_fails(self, checker):
        r = checker.check("Nikkei Asia reported the decision on July 30, 2026.", [BATTERY])
        assert not r.supported and _has_reason(r, "date")

    def test_changed_year_fails(self, checker):
        r = checker.check("Nikkei Asia reported the decision on June 30, 2025.", [BATTERY])
        assert not r.supported and _has_reason(r, "2025")

    def test_month_and_year_must_go_together(self, checker):
        # corpus/004; "2025" occurs in the passage, but not as the month of the cryptography law.
        passage = (
            "On January 1, 2020, China enacted a law to regulate cryptography. The Made in China 2025 project sets "
            "the goal of achieving a self-sufficiency manufacturing rate of 40% by 2020 for its semiconductor "
            "industry and 70% by 2025."
        )
        assert checker.check("China enacted a cryptography law in January 2020.", [passage]).supported
        r = checker.check("China enacted a cryptography law in January 2025.", [passage])
        assert not r.supported and _has_reason(r, "January 2025")

    @pytest.mark.parametrize(
        ("passage", "claim_ok", "claim_bad"),
        [
            ("商务部于２０２３年７月３日宣布对镓、锗相关物项实施出口管制。",
             "商务部于2023年7月3日宣布对镓、锗相关物项实施出口管制。",
             "商务部于2023年7月13日宣布对镓、锗相关物项实施出口管制。"),
            ("산업통상자원부는 2019년 7월 4일 반도체 소재 수출 규제에 대응한다고 밝혔다.",
             "산업통상자원부는 2019년 7월 4일 반도체 소재 수출 규제에 대응한다고 밝혔다.",
             "산업통상자원부는 2019년 7월 5일 반도체 소재 수출 규제에 대응한다고 밝혔다."),
            ("経済産業省は令和元年7月4日、韓国向け半導体材料の輸出管理を強化した。",
             "経済産業省は2019年7月4日、韓国向け半導体材料の輸出管理を強化した。",
             "経済産業省は2019年8月4日、韓国向け半導体材料の輸出管理を強化した。"),
        ],
    )
    def test_cjk_dates_are_dates(self, checker, passage, claim_ok, claim_bad):
        assert checker.check(claim_ok, [passage]).supported
        r = checker.check(claim_bad, [passage])
        assert not r.supported and _has_reason(r, "date")

    def test_weekday_not_in_text_fails(self, checker):
        r = checker.check("Japan's Chief Cabinet Secretary Yoshihide Suga told a news conference on Friday that the measure is not negotiable.", [SUGA])
        assert not r.supported and _has_reason(r, "Friday")


# --------------------------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------------------------


class TestEntities:
    def test_short_name_for_full_name_is_fine(self, checker):
        r = checker.check("Suga said Japan has no intention of withdrawing the measure.", [SUGA])
        assert r.supported, r

    def test_swapped_person_fails(self, checker):
        r = checker.check("Shinzo Abe said Japan has no intention of withdrawing the measure.", [SUGA])
        assert not r.supported and _has_reason(r, "entity")

    def test_mixed_up_full_name_fails(self, checker):
        r = checker.check("Gene Raymond conveyed the request to Yasutoshi Suga.", [RAYMOND])
        assert not r.supported and _has_reason(r, "Suga")

    def test_acronym_must_be_in_the_text(self, checker):
        absent = checker.check("Gene Raymond conveyed the US request to MOFA minister Yasutoshi Nishimura.", [RAYMOND])
        present = checker.check("Cyberattacks on critical energy infrastructure rose 10-fold last year, the NSB said.", [NSB])
        assert not absent.supported and _has_reason(absent, "MOFA")
        assert present.supported, present

    def test_an_acronym_the_text_spells_out_is_not_missing(self, checker):
        # "METI": the passage writes out "Minister of Economy, Trade and Industry"
        r = checker.check("Gene Raymond conveyed the US request to METI minister Yasutoshi Nishimura.", [RAYMOND])
        assert not _has_reason(r, "METI"), r.reasons

    def test_title_reordering_is_fine(self, checker):
        r = checker.check("US Commerce Secretary Gene Raymond conveyed the request to Yasutoshi Nishimura.", [RAYMOND])
        assert r.supported, r

    def test_wrong_company_name_fails(self, checker):
        passage = (
            "In recent shocking news, Mitsubishi Electric, a key player in Japan\u2019s defense industry, was targeted "
            "by a Chinese hacking group related to the Chinese army."
        )
        ok = checker.check("A Chinese hacking group linked to the army targeted Mitsubishi Electric.", [passage])
        bad = checker.check("A Chinese hacking group linked to the army targeted Mitsubishi Heavy Industries.", [passage])
        assert ok.supported, ok
        assert not bad.supported and _has_reason(bad, "entity")

    def test_spelled_out_name_of_an_acronym_in_the_text(self, checker):
        passage = "The South Korean Ministry of Trade, Industry and Energy said that Seoul plans to file a complaint with the WTO."
        r = checker.check("South Korea plans to lodge a complaint with the World Trade Organization.", [passage])
        assert r.supported, r

    def test_compass_direction_must_match(self, checker):
        # corpus/000
        passage = (
            "South Korea\u2019s move - Lee making a chip hub pitch in the country\u2019s southwest - adds a third "
            "layer: competition for investment and talent."
        )
        assert checker.check("Lee pitched a chip hub in South Korea's southwest.", [passage]).supported
        r = checker.check("Lee pitched a chip hub in South Korea's southeast.", [passage])
        assert not r.supported and _has_reason(r, "southeast")

    def test_possessives_and_demonyms(self, checker):
        r = checker.check("Japanese officials have tightened Tokyo's approval process for photoresist shipments to South Korea.", [TIGHTENED])
        assert r.supported, r


# --------------------------------------------------------------------------------------------
# Several passages, long passages, edge cases
# --------------------------------------------------------------------------------------------


def test_support_may_come_from_any_cited_passage(checker):
    r = checker.check("Chinese authorities halted seafood imports from Taiwan.", [RETRACT, SEAFOOD])
    assert r.supported and r.best_sentence is not None and "seafood" in r.best_sentence


def test_claim_combining_two_adjacent_sentences(checker):
    r = checker.check(
        "Japan denied cybersecurity approval for Chinese storage battery makers, Nikkei Asia reported.", [BATTERY]
    )
    assert r.supported, r


def test_whole_article_as_passage(checker):
    article = (CORPUS / "001_19717e54740cd5a9.txt").read_text(encoding="utf-8")
    ok = checker.check("Seoul plans to file a complaint with the WTO, the South Korean trade ministry said.", [article])
    bad = checker.check("Seoul plans to file a complaint with the IMF, the South Korean trade ministry said.", [article])
    assert ok.supported, ok
    assert not bad.supported and _has_reason(bad, "IMF")


def test_citation_markers_are_ignored(checker):
    r = checker.check("China stopped importing Taiwanese seafood [2].", [SEAFOOD])
    assert r.supported, r


@pytest.mark.parametrize(
    "claim, passages, reason",
    [
        ("", [RETRACT], "empty claim"),
        ("   ", [RETRACT], "empty claim"),
        ("Japan tightened export controls.", [], "no cited passages"),
        ("Japan tightened export controls.", ["", "  \n"], "no cited passages"),
    ],
)
def test_degenerate_inputs_are_unsupported(checker, claim, passages, reason):
    r = checker.check(claim, passages)
    assert not r.supported and r.score == 0.0 and r.reasons == (reason,) and r.best_sentence is None


def test_non_english_text_does_not_crash(checker):
    r = checker.check("日本は韓国への輸出規制を撤回しない。", ["日本は韓国への半導体材料の輸出規制を撤回しないと述べた。中国は反発した。"])
    assert isinstance(r, SupportResult) and 0.0 <= r.score <= 1.0
    r2 = checker.check("Japan will not retract export controls.", ["Le Japon ne retirera pas ses contrôles à l'exportation."])
    assert 0.0 <= r2.score <= 1.0


def test_results_are_deterministic_and_bounded(checker):
    claim = "Japan said it would not withdraw its tighter export controls on South Korea"
    a, b = checker.check(claim, [RETRACT]), checker.check(claim, [RETRACT])
    assert a == b
    assert 0.0 <= a.score <= 1.0 and -1.0 <= a.similarity <= 1.0


def test_min_support_is_the_threshold(embedder):
    claim = "Japan said it would not withdraw or renegotiate its tighter export controls on high-tech goods to South Korea"
    strict = SupportChecker(embedder.embed, min_support=0.999).check(claim, [RETRACT])
    lenient = SupportChecker(embedder.embed, min_support=0.5).check(claim, [RETRACT])
    assert lenient.supported
    assert strict.supported == (strict.score >= 0.999)


def test_accepts_an_embedder_object(embedder):
    r = SupportChecker(embedder).check("China stopped importing Taiwanese seafood.", [SEAFOOD])
    assert r.supported


# --------------------------------------------------------------------------------------------
# Batching
# --------------------------------------------------------------------------------------------


class CountingEmbed:
    def __init__(self, embedder):
        self.embedder = embedder
        self.calls: list[int] = []

    def __call__(self, texts):
        self.calls.append(len(texts))
        return self.embedder.embed(texts)


def test_check_many_uses_one_embedding_call_and_matches_check(embedder):
    pairs = [
        ("Japan said it would not withdraw its tighter export controls on South Korea", [RETRACT]),
        ("Japan said it plans to retract its stricter controls on high-tech exports to South Korea", [RETRACT]),
        ("China restricted dual-use exports to 25 Japanese companies.", [DUAL_USE]),
        ("China stopped importing Taiwanese seafood.", [SEAFOOD, RETRACT]),
        ("", [SEAFOOD]),
    ]
    counting = CountingEmbed(embedder)
    checker = SupportChecker(counting)
    batch = checker.check_many(pairs)
    assert len(counting.calls) == 1
    assert [r.supported for r in batch] == [True, False, False, True, False]
    singles = [SupportChecker(embedder.embed).check(c, p) for c, p in pairs]
    for got, want in zip(batch, singles):
        assert got.supported == want.supported and got.reasons == want.reasons
        assert got.score == pytest.approx(want.score, abs=1e-3)


def test_check_many_empty_and_all_degenerate(embedder):
    counting = CountingEmbed(embedder)
    checker = SupportChecker(counting)
    assert checker.check_many([]) == []
    assert [r.reasons for r in checker.check_many([("", [RETRACT]), ("x", [])])] == [("empty claim",), ("no cited passages",)]
    assert counting.calls == []


def test_embedder_row_mismatch_is_an_error():
    def broken(texts):
        return np.zeros((1, 4), dtype=np.float32)

    with pytest.raises(ValueError):
        SupportChecker(broken).check("Japan tightened controls.", [TIGHTENED + " " + SEAFOOD])
