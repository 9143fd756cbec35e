"""Nothing silent: a brief's header says how it is dated — "as of" the latest evidence date, or, when there is no
evidence within the filters, which filters; when the cited evidence is all undated, that no source gives a date.
Never "as of unknown"."""

from __future__ import annotations

import pytest

TAIPEI = "Taipei Times (page with related-story snippets appended)"


def _env(sample_index) -> dict[str, str]:
    return {"BRIEF_DATA_DIR": str(sample_index[0].data_dir)}


def _header(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("*Situation brief on"))


@pytest.mark.parametrize(("filters", "described"), [
    (["--since", "2030-01-01"], "published on or after 2030-01-01"),
    (["--until", "1990-01-01"], "published on or before 1990-01-01"),  # the header is not "as of 1990-01-01"
    (["--since", "2030-01-01", "--until", "2031-01-01"], "published 2030-01-01 to 2031-01-01"),
    # a publisher the corpus has, named as stored whatever the spelling typed (one it lacks is an error naming the
    # closest: test_unknown_publisher.py)
    (["--publisher", "world wide watchers", "--until", "2020-01-01"],
     "published on or before 2020-01-01; publisher WorldWideWatchers"),
])
def test_a_brief_whose_filters_leave_no_evidence_names_them_in_its_header(cli, sample_index, filters, described) -> None:
    result = cli(["write", "export controls", *filters], **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert _header(result.stdout).endswith(f"· no evidence within the filters ({described})*")
    assert "as of" not in _header(result.stdout)
    assert f"within the filters ({described}): no passage matched them." in result.stdout  # the body says so too


@pytest.mark.parametrize("topic", ["quantum radar", "football transfers"])
def test_a_brief_on_a_topic_the_corpus_lacks_says_no_evidence_in_its_header(cli, sample_index, topic: str) -> None:
    result = cli(["write", topic], **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert _header(result.stdout).endswith("· no evidence in the corpus*")


@pytest.mark.parametrize("topic", ["photoresists South Korea Suga", "Japan export controls on South Korea"])
def test_a_brief_whose_evidence_is_all_undated_says_so_in_its_header(cli, sample_index, topic: str) -> None:
    # 001 (the Taipei Times page) has no publication date
    result = cli(["write", topic, "--publisher", TAIPEI], **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert _header(result.stdout).endswith("· undated: no on-topic source gives a publication date*")


@pytest.mark.parametrize("topic", ["Japan's 2019 export curbs on South Korea", "Japan export controls on South Korea"])
def test_a_dated_source_cited_for_another_story_does_not_date_the_brief(cli, sample_index, topic: str) -> None:
    # the Taipei Times page (undated) reports the 2019 curbs; the 2026 generated brief (000) is quoted for South
    # Korea's chip hub and China's smuggling cases, which name one of the topic's two actors at most: the header
    # is not "as of 2026-06-30" (and the topic's 2019 is the topic's alone: no source dates the story)
    result = cli(["write", topic], **_env(sample_index))
    assert result.exit_code == 0, result.output
    undated = "· undated: no on-topic source gives a publication date"
    assert _header(result.stdout).endswith(f"{undated} or dates this story to 2019*" if "2019" in topic else f"{undated}*")


@pytest.mark.parametrize(("args", "as_of"), [
    # s35: the brief's What happened and timeline now quote WorldWideWatchers' dated report (2026-02-25: "China blocks
    # dual-use exports …", export controls too), so it is as of that day, no longer the 2020 essay's
    (["export controls"], "2026-02-25"),
    (["China export restrictions on Japanese firms", "--since", "2026-01-01", "--until", "2026-03-01"], "2026-02-25"),
])
def test_a_dated_brief_keeps_its_as_of_date(cli, sample_index, args: list[str], as_of: str) -> None:
    result = cli(["write", *args], **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert _header(result.stdout).endswith(f"· as of {as_of}*")


@pytest.mark.parametrize("question", [
    "Which materials did Japan restrict for export to South Korea?",
    # s36: the same kind worded otherwise; none is a false premise ("No source reports Japan restricting …", the
    # premise check of h/chat-s36 over the filtered evidence), since a document the filters left out reports it
    "Why did Japan restrict exports of hydrogen fluoride to South Korea?",
    "Which chemicals did Tokyo curb for export to Seoul?",
])
def test_a_dated_question_the_filters_leave_unanswered_blames_the_filters_and_counts_the_undated_documents(
        cli, sample_index, question: str) -> None:
    # the answer is in 001 (the Taipei Times page), which has no publication date, so "--until" leaves it out: the
    # abstention must not say the corpus has no evidence, but that the filters and the undated documents are why
    result = cli(["ask", question, "--until", "2026-01-01"], **_env(sample_index))
    assert result.exit_code == 0, result.output
    assert "No source reports" not in result.stdout
    assert "within the filters (published on or before 2026-01-01)." in result.stdout
    # ... and that the undated documents it left out answer the question (h/ask-s27: said, with how to include them)
    assert ("The date bound (published on or before 2026-01-01) leaves out the corpus's 2 undated documents, and 1 of "
            "them answers the question: search without the date bound to include it.") in " ".join(result.stdout.split())


def test_an_undated_question_abstains_without_naming_filters(cli, sample_index) -> None:
    result = cli(["ask", "What did the quantum radar trials in Peru conclude?"], **_env(sample_index))
    assert result.exit_code == 0, result.output
    message = result.stdout.splitlines()[0]
    assert message.startswith("The corpus has no evidence") and "within the filters" not in message
    assert "undated" not in message


def test_a_brief_on_a_dated_story_says_the_storys_time_when_its_evidence_does_not(cli, sample_index) -> None:
    # the only on-topic source (the Taipei Times page) is undated and names no year: the header says 2019 is the
    # topic's year, not the corpus's (s36: "story of 2019" stated a year no source gives; "2021" read the same)
    for year in ("2019", "2021"):
        result = cli(["write", f"Japan's {year} export curbs on South Korea", "-t", "assessment"], **_env(sample_index))
        assert result.exit_code == 0, result.output
        header = next(line for line in result.stdout.splitlines() if line.startswith("*Assessment brief on"))
        assert header.endswith(f"· undated: no on-topic source gives a publication date or dates this story to {year}*")
        assert "story of" not in header


@pytest.mark.parametrize(("topic", "as_of", "said"), [
    ("Japan's 2019 export curbs on South Korea", None, "2019"),
    ("China's 2010 rare earth embargo on Japan", "2023-07-05", "2010"),  # dated by a later digest: another year
    ("Biden's March 2022 call with Xi Jinping over Russia's war in Ukraine", None, "March 2022"),
    ("the Huawei entity listing of May 2019 and its 2020 extension", None, "2019–2020"),
    # the brief's date already places the story
    ("Japan's 2019 export curbs on South Korea", "2019-07-12", None),
    # the topic names no time (a point of comparison, a name, nothing): the reports date the story
    ("North Korea's first ICBM launch since 2017", None, None),
    ("US-China technology rivalry and Made in China 2025", None, None),
    ("Japan export controls on South Korea", None, None),
])
def test_the_storys_time_is_what_the_topic_names_unless_the_date_says_it(topic, as_of, said) -> None:
    from rag.render import story_time

    assert story_time(topic, as_of) == said
