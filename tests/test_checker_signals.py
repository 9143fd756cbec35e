"""The support checker on the issue's failure kinds: polarity and unfulfilled verbs, currency and scale, roles,
long passages, reasons and spans, and the fitted model file it decides with.

Each kind has several inputs, not only the one from the issue. These tests use the bundled offline MiniLM.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from rag.support import SupportChecker
from rag.support.features import FEATURES, passage_names, role_swap
from rag.support.modality import modality_mismatch
from rag.support.model import MODEL_PATH, load_model, model_hash


def _reasons(result) -> str:
    return " | ".join(result.reasons).lower()


# --- polarity: unfulfilled and denied verbs ------------------------------------------------------------------

UNFULFILLED = [
    ("The European Commission approved the merger of the two chipmakers.",
     "The European Commission has yet to approve the merger of the two chipmakers, officials said on Tuesday."),
    ("Acme supplied drones to the army.",
     "Acme denied reports that it had supplied drones to the army."),
    ("The central bank added new sanctions on the exporters.",
     "The central bank stopped short of adding new sanctions on the exporters."),
    ("The ministry published the audit of the grid operator.",
     "The ministry has yet to publish the audit of the grid operator."),
    ("Tokyo extended the export ban to lithography tools.",
     "Tokyo stopped short of extending the export ban to lithography tools."),
]


@pytest.mark.parametrize("claim,passage", UNFULFILLED)
def test_a_claim_that_something_happened_is_rejected_when_the_passage_says_it_has_not(checker, claim, passage):
    r = checker.check(claim, [passage])
    assert not r.supported
    assert "negation" in _reasons(r) or "polarity" in _reasons(r), r.reasons


@pytest.mark.parametrize("claim,passage", [
    ("The European Commission has not yet approved the merger of the two chipmakers.", UNFULFILLED[0][1]),
    ("The ministry has not published the audit of the grid operator yet.", UNFULFILLED[3][1]),
    ("Acme denied that it had supplied drones to the army.", UNFULFILLED[1][1]),
])
def test_a_faithful_negative_restatement_is_accepted(checker, claim, passage):
    r = checker.check(claim, [passage])
    assert r.supported, r.reasons


def test_the_polarity_reason_quotes_the_passage(checker):
    r = checker.check(UNFULFILLED[2][0], [UNFULFILLED[2][1]])
    assert "stopped short of adding" in _reasons(r)
    r = checker.check(UNFULFILLED[3][0], [UNFULFILLED[3][1]])
    assert "yet to publish" in _reasons(r)


# --- numbers: currency and scale ---------------------------------------------------------------------------

@pytest.mark.parametrize("claim,passage,named", [
    ("The government set aside $1.2 trillion for chip subsidies.", "The government set aside ¥1.2tn for chip subsidies.", "yen"),
    ("Seoul pledged $300 trillion for the semiconductor cluster.", "Seoul pledged 300 trillion won for the semiconductor cluster.", "won"),
    ("The fund raised €5 billion from investors.", "The fund raised $5 billion from investors.", "dollars"),
])
def test_the_same_amount_in_another_currency_is_rejected_and_named(checker, claim, passage, named):
    r = checker.check(claim, [passage])
    assert not r.supported
    assert any(x.startswith("number ") and named in x for x in r.reasons), r.reasons


@pytest.mark.parametrize("claim,passage", [
    ("Toyota will invest 476 billion yen in battery plants.", "トヨタは電池工場に4,760億円を投資する。Toyota will invest in battery plants."),
    ("The subsidy totals 120 million yuan.", "补贴总额为1.2亿元。The subsidy was announced on Monday."),
])
def test_matching_amounts_written_with_oku_or_yi_are_accepted(checker, claim, passage):
    r = checker.check(claim, [passage])
    assert not any(x.startswith("number ") for x in r.reasons), r.reasons


# --- roles and modality ------------------------------------------------------------------------------------

@pytest.mark.parametrize("claim,passage", [
    ("Samsung sued Apple over the patents.", "Apple sued Samsung over the patents in a California court."),
    ("Russia accused Ukraine of shelling the plant.", "Ukraine accused Russia of shelling the plant on Friday."),
    ("Chelsea beat Arsenal in the final.", "Arsenal beat Chelsea in the final at Wembley."),
])
def test_a_role_swap_is_rejected(checker, claim, passage):
    r = checker.check(claim, [passage])
    assert not r.supported
    assert "role" in _reasons(r), r.reasons


def test_role_swap_ignores_a_passive_and_keeps_the_same_order():
    names = passage_names("Yesterday Apple sued Samsung. Then Samsung was sued by Apple.")
    assert role_swap("Samsung was sued by Apple.", "Apple sued Samsung over patents.", names) is None
    assert role_swap("Apple sued Samsung.", "Apple sued Samsung over patents.", names) is None
    assert role_swap("Samsung sued Apple.", "Apple sued Samsung over patents.", names)


def test_modality_mismatch_names_the_plan():
    assert modality_mismatch("The firm bought the plant.", "The firm plans to buy the plant.") == "modality: passage says 'plans to buy'"
    assert modality_mismatch("The firm plans to buy the plant.", "The firm plans to buy the plant.") is None
    assert modality_mismatch("The firm bought the plant.", "The firm bought the plant in May.") is None


# --- long passages: the window, its spans --------------------------------------------------------------------

FILLER = ("The city council met on Monday to discuss the parking budget and the library opening hours. "
          "Residents complained about noise from the construction site near the harbour. ") * 25


def test_the_support_is_found_and_located_in_a_long_article(checker):
    key = "Nvidia agreed to buy the Israeli networking firm Mellanox for $6.9 billion in cash."
    article = FILLER + key + " " + FILLER
    r = checker.check("Nvidia will pay $6.9 billion in cash for Mellanox, an Israeli networking company.", [article])
    assert r.supported, r.reasons
    assert [article[s.start : s.end] for s in r.spans] == [key]


def test_a_claim_that_needs_two_sentences_gets_both_spans(checker):
    first = "Nvidia agreed to buy the networking firm Mellanox."
    second = "The price of the deal was $6.9 billion, paid in cash."
    article = FILLER + first + " " + FILLER + second + " " + FILLER
    r = checker.check("Nvidia agreed to buy Mellanox for $6.9 billion.", [article])
    texts = {article[s.start : s.end] for s in r.spans}
    assert second in texts
    assert r.supported, r.reasons


def test_spans_index_the_passage_they_come_from(checker):
    passages = ["Unrelated text about the weather in Oslo.", "Japan has yet to approve the deal with Korea."]
    r = checker.check("Japan approved the deal with Korea.", passages)
    assert r.spans and all(passages[s.passage][s.start : s.end] == "Japan has yet to approve the deal with Korea." for s in r.spans)


# --- the model: a calibrated probability from a versioned data file ------------------------------------------

def test_the_model_file_names_the_features_the_checker_computes():
    model = load_model()
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    # the file names features the checker computes, in its order; one added since the fit has no weight until a refit
    assert [f for f in FEATURES if f in data["features"]] == list(data["features"]) and model.features == FEATURES
    assert model.unweighted == frozenset(FEATURES) - frozenset(data["features"])
    assert 0.0 < data["threshold"] < 1.0 and data["kind"] in ("logistic", "boosted", "blend")
    assert data["version"] and data["training"]["files"] and "ece" in data["cv"]
    assert len(model_hash()) == 64


def test_the_model_hash_is_part_of_the_settings_hash(monkeypatch):
    from rag.config import Settings
    from rag.support import model as model_module

    before = Settings().settings_hash()
    monkeypatch.setattr(model_module, "model_hash", lambda *a: "0" * 64)
    import rag.config as config_module

    monkeypatch.setattr(config_module, "model_hash", lambda *a: "0" * 64)
    assert Settings().settings_hash() != before


def test_score_is_a_probability_and_the_threshold_decides(checker):
    passage = "Japan has yet to approve the deal with Korea."
    for claim in ("Japan has not approved the deal with Korea yet.", "Japan approved the deal with Korea."):
        r = checker.check(claim, [passage])
        assert 0.0 <= r.score <= 1.0 and len(r.features) == len(FEATURES)
        assert r.supported == (r.score >= checker.min_support and not r.reasons)


def test_every_unsupported_verdict_has_a_reason(checker):
    cases = [("The weather in Oslo was mild.", ["Nvidia agreed to buy Mellanox for $6.9 billion."]),
             ("Nvidia bought Arm for $40 billion.", ["Nvidia agreed to buy Mellanox for $6.9 billion."])]
    for r in checker.check_many(cases):
        assert not r.supported and r.reasons and all(isinstance(x, str) and x for x in r.reasons)


def test_held_out_rescoring_leaves_unseen_passages_alone(checker):
    r = checker.check("Japan approved the deal with Korea.", ["A passage no model was ever fitted on, about Korea and Japan."])
    assert checker.held_out(r, ["A passage no model was ever fitted on, about Korea and Japan."]) is r
    assert np.isfinite(r.score)


# --- brief verify: supported, score, span and reason per pair ------------------------------------------------

def test_brief_verify_prints_verdict_score_span_and_reason(cli, tmp_path):
    passage = "Officials met on Monday. The European Commission has yet to approve the merger of the two chipmakers."
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"claim": "The European Commission approved the merger of the two chipmakers.", "passage": passage}) + "\n")
    text = cli(["verify", str(pairs)])
    assert text.exit_code == 0, text.output
    assert "[1] unsupported  score " in text.stdout
    assert "span 25-" in text.stdout and "has yet to approve the merger" in text.stdout
    assert "reason: negation" in text.stdout
    as_json = cli(["verify", "--json", str(pairs)])
    row = json.loads(as_json.stdout.splitlines()[0])
    assert row["supported"] is False and row["reasons"] and 0.0 <= row["score"] <= 1.0
    assert [s["text"] for s in row["spans"]] == [passage[25:]]


# --- scope and earlier figures: signals with reasons ---------------------------------------------------------

SCOPE = [
    ("All members of the committee voted for the bill.", "Several members of the committee voted for the bill."),
    ("The ministry is the only buyer of the drones.", "The ministry is a buyer of the drones."),
    ("Acme was the first firm to ship the chip.", "Acme was one of several firms to ship the chip."),
]


@pytest.mark.parametrize("claim, window", SCOPE)
def test_a_claim_that_widens_scope_or_rank_is_named(claim, window):
    from rag.support.features import scope_mismatch

    assert (scope_mismatch(claim, window) or "").startswith("scope: claim says")
    assert scope_mismatch(window, window) is None


STALE = [
    ("Unemployment is 3%.", "Unemployment rose to 5%, up from 3% a year earlier.", "3%"),
    ("The fund holds $40 million.", "The fund now holds $55 million; it previously held $40 million.", "40"),
    ("The plant employs 800 people.", "The plant's staff was cut to 650 from 800 people.", "800"),
]


@pytest.mark.parametrize("claim, passage, old", STALE)
def test_a_figure_the_passage_gives_as_the_earlier_one_is_named(checker, claim, passage, old):
    r = checker.check(claim, [passage])
    assert any(c.startswith("outdated:") and old in c for c in r.concerns), r.concerns
    assert dict(zip(FEATURES, r.features))["stale"] == 1.0


def test_the_current_figure_is_not_stale(checker):
    r = checker.check("Unemployment is 5%.", ["Unemployment rose to 5%, up from 3% a year earlier."])
    assert not any(c.startswith("outdated:") for c in r.concerns)


def test_the_vector_cache_evicts_without_losing_a_vector_in_use(checker, monkeypatch):
    import rag.support.checker as mod

    monkeypatch.setattr(mod, "VECTOR_CACHE", 3)
    small = SupportChecker(checker.embed)
    pairs = [("Japan tightened export controls on chips.", ["Japan tightened export controls on chip materials."]),
             ("Korea filed a complaint with the WTO.", ["South Korea filed a complaint with the WTO in September."])]
    first = small.check_many(pairs)
    again = small.check_many(list(reversed(pairs)))  # cached and new texts in one call, the cache at its limit
    assert [r.supported for r in reversed(again)] == [r.supported for r in first]


# --- roles: agent and patient of a shared verb, without a parser -----------------------------------------------

ROLE_SWAPS = [
    ("Regulators warned the airline not to raise fares.", "The airline warned regulators not to raise fares, a spokesman said."),
    ("Poor harvests at Nestle were blamed by Brazil for the price rise.", "Nestle blamed poor harvests in Brazil for the price rise."),
    ("Vietnam has restricted exports of rare earths to Indonesian refiners.", "Indonesia has restricted exports of rare earths to Vietnamese refiners."),
    ("The minister accused striking nurses of endangering the hospital board.", "The minister accused the hospital board of endangering striking nurses."),
    ("The court was fined by the bank for contempt.", "The bank was fined by the court for contempt."),
]
ROLE_KEPT = [
    ("Regulators were warned by the airline not to raise fares.", ROLE_SWAPS[0][1]),
    ("Poor harvests in Brazil were blamed by Nestle for the price rise.", ROLE_SWAPS[1][1]),
    ("Vietnamese refiners were denied rare earths by Indonesia.", ROLE_SWAPS[2][1]),
    ("The plant is run by Siemens.", "Siemens runs the plant near Munich."),
    ("The court fined the bank for contempt.", ROLE_SWAPS[4][1]),
]


@pytest.mark.parametrize("claim, window", ROLE_SWAPS)
def test_argument_swap_finds_agent_and_patient_the_other_way_round(claim, window):
    from rag.support.roles import argument_swap

    assert (argument_swap(claim, window) or "").startswith("role: passage has"), claim


@pytest.mark.parametrize("claim, window", ROLE_KEPT)
def test_argument_swap_keeps_passives_and_reordered_paraphrases(claim, window):
    from rag.support.roles import argument_swap

    assert argument_swap(claim, window) is None, claim


# --- attribution: who says it -----------------------------------------------------------------------------------

@pytest.mark.parametrize("claim, window", [
    ("Maria Lopez said the bridge would reopen in May.", "The bridge will reopen in May, said Tom Baker, the city engineer."),
    ("The mayor told reporters the budget was balanced.", "The treasurer told reporters the budget was balanced."),
    ("he says the vaccine is safe for children.", "The vaccine is safe for children."),
    ("According to Reuters, cases fell by half.", "Cases fell by half, according to Bloomberg."),
])
def test_a_claim_with_another_speaker_is_named(claim, window):
    from rag.support.roles import speaker_mismatch

    assert (speaker_mismatch(claim, window) or "").startswith("attribution:"), claim


@pytest.mark.parametrize("claim, window", [
    ("Tom Baker said the bridge would reopen in May.", "The bridge will reopen in May, said Tom Baker, the city engineer."),
    ("The treasurer told reporters the budget was balanced.", "The treasurer told reporters on Friday the budget was balanced."),
    ("The vaccine is safe for children.", "The vaccine is safe for children, the regulator said."),
    ("she says the vaccine is safe for children.", "The vaccine is safe for children, the regulator said."),
])
def test_the_same_speaker_or_no_attribution_is_not_a_mismatch(claim, window):
    from rag.support.roles import speaker_mismatch

    assert speaker_mismatch(claim, window) is None, claim


# --- near-copies that change a word -----------------------------------------------------------------------------

def _edits(claim: str, window: str):
    from rag.support.edits import copy_edits
    from rag.support.facts import index_text

    return copy_edits(claim, window, index_text(window))[1]


@pytest.mark.parametrize("claim, window, new", [
    ("Anna Berg was waiting at the station when the train arrived.",
     "In Oslo, Karin Berg was waiting at the station when the train arrived.", "anna"),
    ("The storm cut power to homes in Leeds on Sunday night.",
     "The storm cut power to homes in York on Sunday night, the operator said.", "leeds"),
    ("The company recalled 4,000 scooters after a brake fault.",
     "The company recalled 4,000 bicycles after a brake fault.", "scooters"),
])
def test_a_near_copy_that_swaps_a_word_is_an_edit(claim, window, new):
    edits = _edits(claim, window)
    assert [e.new for e in edits] == [(new,)], edits
    assert f"'{new}' for" in edits[0].describe()


@pytest.mark.parametrize("claim, window", [
    ("The storm cut power to homes in York.", "The storm cut power to thousands of homes in York on Sunday night."),
    ("The company recalled 4,000 bicycles.", "After a brake fault, the company recalled 4,000 bicycles, it said."),
    ("A fire destroyed the old mill in the village.", "The old mill in the village was destroyed by a fire."),
    ("Officials expect the talks to resume after the holiday period.", "The negotiations are likely to restart once the holidays end, officials say."),
])
def test_compressions_reorderings_and_paraphrases_are_not_edits(claim, window):
    assert _edits(claim, window) == []


def test_window_signals_count_words_moved_in_from_elsewhere_and_words_from_nowhere():
    from rag.support.facts import index_text
    from rag.support.features import window_signals

    w = "The storm cut power to homes in York on Sunday night."
    full = index_text("Leeds was spared. " + w)
    s = window_signals("The storm cut power to homes in Leeds on Sunday night.", w, index_text(w), full)
    assert s.values["copy_replace"] == 1.0 and s.values["copy_insert"] == 0.0 and "leeds" in s.reasons["copy"]
    assert s.values["copy_edit"] == 1.0
    s = window_signals("The storm cut power to homes in York on Sunday night and closed schools.", w, index_text(w), full)
    assert s.values["copy_insert"] == 2.0 and s.values["copy_replace"] == 0.0
    s = window_signals("The storm cut power to homes on Sunday night.", w, index_text(w), full)  # a compression
    assert s.values["copy_edit"] == s.values["copy_insert"] == s.values["copy_replace"] == 0.0


_FUND = "The State Council approved a {} fund to support domestic chip makers, the ministry said."


@pytest.mark.parametrize("claim_amount, window_amount", [
    ("35.1 billion dollars", "$35.1 billion"),
    ("US$35.1bn", "$35.1 billion"),
    ("$35.1 billion", "35.1 billion US dollars"),
    ("RMB 344bn", "344 billion yuan"),
    ("344 billion yuan", "RMB344 billion"),
    ("3.2 billion Hong Kong dollars", "HK$3.2bn"),
    ("35.1 billion", "$35.1 billion"),  # the claim does not state the currency: the number checks accept it
])
def test_an_amount_written_another_way_is_not_an_edit(claim_amount, window_amount):
    from rag.support.edits import copy_share, edited_copy

    claim, window = _FUND.format(claim_amount), _FUND.format(window_amount)
    assert copy_share(claim, window) == 1.0
    assert edited_copy(claim, window) == [] and _edits(claim, window) == []


@pytest.mark.parametrize("claim_amount, window_amount", [
    ("$35.1 million", "$35.1 billion"),
    ("36.2 billion dollars", "$35.1 billion"),
    ("344 billion yen", "RMB 344bn"),
    ("3.2 billion Hong Kong dollars", "US$3.2bn"),
])
def test_a_changed_amount_is_an_edit(claim_amount, window_amount):
    from rag.support.edits import edited_copy

    changed = edited_copy(_FUND.format(claim_amount), _FUND.format(window_amount))
    assert changed == [claim_amount.lower()]


def test_a_changed_amount_counts_as_an_edit_but_leaves_the_reason_to_the_number_check():
    from rag.support.facts import index_text
    from rag.support.features import window_signals

    w = _FUND.format("$35.1 billion")
    s = window_signals(_FUND.format("$35.1 million"), w, index_text(w), index_text(w))
    assert s.values["copy_edit"] == 1.0 and "copy" not in s.reasons
    s = window_signals(_FUND.format("35.1 billion dollars"), w, index_text(w), index_text(w))
    assert s.values["copy_edit"] == 0.0


@pytest.mark.parametrize("claim, window", [
    ("Hong Kong set aside HK$3.2bn for a research institute.", "Hong Kong's government set aside HK$3.2bn for a research institute."),
    ("The council approved a fund for domestic chip makers last week.", "The council approved a fund to support domestic chip makers last week."),
])
def test_a_possessive_or_a_function_word_for_a_longer_phrase_is_not_an_edit(claim, window):
    from rag.support.edits import edited_copy

    assert edited_copy(claim, window) == []


@pytest.mark.parametrize("claim, window", [
    ("She said the council approved the fund for chip makers last week.", "He said the council approved the fund for chip makers last week."),
    ("The council has not approved the fund for chip makers this week.", "The council has approved the fund for chip makers this week."),
])
def test_a_swapped_pronoun_or_an_added_negation_stays_an_edit(claim, window):
    from rag.support.edits import edited_copy

    assert edited_copy(claim, window)


def test_a_claim_copying_three_sentences_is_read_against_all_three():
    from rag.support.windows import candidate_windows

    sents = ["Exports of gallium fell sharply in the spring.", "Furthermore, Japan must step up its export controls with an eye on future moves.",
             "It seems necessary for Japan to work closely with Europe on a new export control system.",
             "Corporate security matters too.", "Universities must improve their technology controls."]
    claim = " ".join(sents[:3])
    assert any(w.sentences == tuple(sents[:3]) for w in candidate_windows(claim, [" ".join(sents)]))


# --- numbers and names in another notation ------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, currency", [
    ("worth close to half a trillion US dollars", 5e11, "USD"),
    ("a quarter of a million homes lost power", 2.5e5, None),
    ("three quarters of a billion euros", 7.5e8, "EUR"),
    ("two and a half million visitors", 2.5e6, None),
    ("nearly 2 1/2 million people", 2.5e6, None),
    ("some 1½ billion yen", 1.5e9, "JPY"),
])
def test_fractions_of_a_magnitude_are_read_as_one_quantity(text, value, currency):
    from rag.text.numbers import find_quantities

    qs = find_quantities(text)
    assert [(q.value, q.currency) for q in qs] == [(pytest.approx(value), currency)], qs


def test_a_fraction_without_a_magnitude_is_left_to_the_fraction_reader():
    from rag.support.facts import extract_facts
    from rag.text.numbers import find_quantities

    assert find_quantities("more than half of the votes") == []
    assert [n.value for n in extract_facts("more than half of the votes", claim=True).numbers] == [0.5]


@pytest.mark.parametrize("acronym, text, expected", [
    ("ICBM", "a new intercontinental ballistic missile test", True),
    ("IAEA", "inspectors of the International Atomic Energy Agency", True),
    ("FBI", "the Federal Bureau of Investigation said", True),
    ("NATO", "the North Atlantic Treaty Organization", True),
    ("FBI", "police in Ohio said", False),
    ("WHO", "the world trade body", False),
])
def test_an_acronym_matches_its_spelled_out_name(acronym, text, expected):
    from rag.support.facts import spells_out

    assert spells_out(acronym, text.lower()) is expected


@pytest.mark.parametrize("claim, passage", [
    ("The chipmaker is worth close to half a trillion US dollars.", "With a market value of nearly $500 billion, the chipmaker leads Asia."),
    ("About a quarter of a million homes lost power in the storm.", "Some 250,000 homes lost power in the storm, the operator said."),
    ("Pyongyang may soon test an ICBM, officials in Seoul said.", "Officials in Seoul said Pyongyang may soon test an intercontinental ballistic missile."),
])
def test_the_same_fact_in_another_notation_raises_no_number_or_entity_failure(checker, claim, passage):
    r = checker.check(claim, [passage])
    assert not any(x.startswith(("number ", "entity ")) for x in r.concerns), r.concerns


@pytest.mark.parametrize("claim, window", [
    ("Some of the overpasses were patrolled by police.", "Police patrolled every overpass on the ring road."),
    ("Several members of the board backed the plan.", "All members of the board backed the plan."),
    ("Parts of the island lost power.", "The entire island lost power overnight."),
])
def test_a_claim_that_narrows_all_to_some_or_widens_some_to_all_is_named(claim, window):
    from rag.support.features import scope_conflict

    assert "the supporting sentence says" in (scope_conflict(claim, window) or ""), claim
    assert "the supporting sentence says" in (scope_conflict(window, claim) or ""), window  # the other way round
    assert scope_conflict(window, window) is None


@pytest.mark.parametrize("claim, window, named", [
    ("On Friday the index closed at a record high.", "The index closed at a record high on Thursday afternoon.", "Friday"),
    ("The plant shipped 800 turbines in June.", "The plant shipped 800 turbines in July, it said on Monday.", "June"),
    ("Talks resumed on Tuesday in Geneva.", "Talks resumed in Geneva on Monday, diplomats said.", "Tuesday"),
])
def test_a_weekday_or_month_the_sentence_gives_as_another_is_named(claim, window, named):
    from rag.support.facts import index_text
    from rag.support.features import other_date

    assert named in (other_date(claim, index_text(window)) or ""), claim
    assert other_date(window, index_text(window)) is None


def test_a_date_the_sentence_does_not_mention_at_all_is_left_to_the_passage_check():
    from rag.support.facts import index_text
    from rag.support.features import other_date

    assert other_date("Talks resumed on Tuesday in Geneva.", index_text("Talks resumed in Geneva, diplomats said.")) is None


@pytest.mark.parametrize("claim, window, word", [
    ("the agency is the founder of the agency's new agency.", "Mori is the founder of the New Wave agency.", "agency"),
    ("the report explores persecution of persecution of activists.", "The report examines the persecution of activists.", "persecution"),
    ("cardinal lacroix is cardinal lacroix.", "His name is Cardinal Gerald Lacroix.", "cardinal"),
])
def test_a_claim_that_loops_over_its_words_is_named(claim, window, word):
    from rag.support.features import repetition

    assert word in repetition(claim, window)
    assert repetition(window, window) == []


@pytest.mark.parametrize("claim, window", [
    ("Germany warned France after Paris criticised Berlin.", "France warned Germany after Berlin criticised Paris."),
    ("Canada told the court it believed Mexico had broken the deal.",
     "Mexican officials told the court they believed Canada had broken the deal."),
    ("Siemens said Alstom had offered to buy the unit.", "Alstom said Siemens had offered to buy the unit."),
])
def test_two_subjects_swapped_between_two_shared_verbs_are_named(claim, window):
    from rag.support.roles import subject_swap

    assert (subject_swap(claim, window) or "").startswith("role: passage has"), claim
    assert subject_swap(window, window) is None


@pytest.mark.parametrize("claim", [
    "Exports rose to 5% this year, up from 3% a year earlier.",
    "The fund now holds $55 million, up from $40 million.",
])
def test_a_claim_that_itself_gives_the_earlier_figure_is_not_stale(checker, claim):
    passage = "Exports rose to 5% this year, up from 3% a year earlier. The fund now holds $55 million, up from $40 million."
    r = checker.check(claim, [passage])
    assert not any(c.startswith("outdated:") for c in r.concerns), r.concerns


def test_editing_a_support_word_list_changes_the_settings_hash(monkeypatch, tmp_path):
    from rag.config import Settings
    from rag.support import data_files

    before = Settings().settings_hash()
    for path in data_files.DATA_DIR.glob("*.toml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(data_files, "DATA_DIR", tmp_path)
    assert Settings().settings_hash() == before  # the same files, copied: the same provenance
    (tmp_path / "transfers.toml").write_bytes((tmp_path / "transfers.toml").read_bytes() + b"\n# edited\n")
    assert Settings().settings_hash() != before
