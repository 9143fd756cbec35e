"""Prompt templates are files: front matter declares name, version, variables and sections; loading validates them."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.errors import TemplateError
from rag.templates import TemplateLibrary, parse_template

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"

GOOD = """+++
name = "mini"
version = "2.1"
variables = ["topic", "evidence"]
[[sections]]
name = "summary"
description = "What happened."
cues = ["fact"]
+++
Topic: {{ topic }}
{{ evidence }}
"""


def test_the_shipped_templates_load_and_declare_their_sections():
    lib = TemplateLibrary(PROMPTS)
    assert {"situation", "assessment", "answer", "system"} <= set(lib.names())
    situation = lib.get("situation")
    assert [s.name for s in situation.sections][:5] == ["headline", "summary", "background", "implications", "signals"]
    assessment = lib.get("assessment")
    names = {s.name for s in assessment.sections}
    assert {"bluf", "hypotheses", "assumptions_gaps", "outlook", "entities", "tags", "confidence"} <= names
    assert {n for n in names if n.startswith("implications_")} == {
        "implications_political", "implications_security", "implications_cyber", "implications_economic"}
    assert lib.get("answer").kind == "answer" and lib.get("answer").output == "text"


def test_rendering_needs_exactly_the_declared_variables():
    t = parse_template(GOOD, Path("mini.j2"))
    assert t.render(topic="chips", evidence="E1").startswith("Topic: chips")
    with pytest.raises(TemplateError, match="missing variables"):
        t.render(topic="chips")
    with pytest.raises(TemplateError, match="unknown variables"):
        t.render(topic="chips", evidence="E", extra=1)


def test_a_body_using_an_undeclared_variable_is_rejected_at_load():
    bad = GOOD.replace("{{ evidence }}", "{{ evidence }} {{ secret }}")
    with pytest.raises(TemplateError, match="undeclared variables .*secret"):
        parse_template(bad, Path("bad.j2"))


def test_a_declared_variable_the_body_never_uses_is_rejected_at_load():
    bad = GOOD.replace('variables = ["topic", "evidence"]', 'variables = ["topic", "evidence", "as_of"]')
    with pytest.raises(TemplateError, match="never uses.*as_of"):
        parse_template(bad, Path("bad.j2"))


@pytest.mark.parametrize(
    "mutation, message",
    [
        (lambda t: t.replace("+++\nname", "name", 1), "front-matter"),
        (lambda t: t.replace('version = "2.1"\n', ""), "lacks 'version'"),
        (lambda t: t.replace('cues = ["fact"]', 'cues = ["vibes"]'), "unknown cues"),
        (lambda t: t.replace('description = "What happened."\n', ""), "lacks"),
        (lambda t: t.replace("{{ evidence }}", "{% for x in %}"), "syntax error"),
    ],
)
def test_malformed_templates_fail_with_a_clear_message(mutation, message):
    with pytest.raises(TemplateError, match=message):
        parse_template(mutation(GOOD), Path("bad.j2"))


def test_the_hash_changes_when_the_file_changes():
    a = parse_template(GOOD, Path("a.j2"))
    b = parse_template(GOOD.replace("What happened.", "What happened, with dates."), Path("a.j2"))
    assert a.hash != b.hash and len(a.hash) == 16


def test_the_sandbox_blocks_attribute_escapes():
    evil = GOOD.replace("{{ evidence }}", "{{ evidence.__class__.__mro__ }}")
    t = parse_template(evil, Path("evil.j2"))
    with pytest.raises(Exception):
        t.render(topic="x", evidence="y")


def test_an_unknown_template_name_lists_the_available_ones(tmp_path):
    (tmp_path / "mini.j2").write_text(GOOD)
    with pytest.raises(TemplateError, match="available: mini"):
        TemplateLibrary(tmp_path).get("nope")
