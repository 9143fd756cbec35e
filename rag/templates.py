"""Prompt templates as files: TOML front matter (name, version, variables, sections) + a sandboxed Jinja2 body.

A template file looks like::

    +++
    name = "situation"
    version = "1.0"
    variables = ["topic", "evidence", "sections", "as_of", "no_evidence"]
    [[sections]]
    name = "summary"
    ...
    +++
    Jinja2 body using exactly the declared variables.

Loading rejects a body that uses an undeclared variable or declares one it never uses; rendering
rejects missing or unknown variables. The sha256 of the file is recorded with every output.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from jinja2 import StrictUndefined, TemplateSyntaxError, meta
from jinja2.sandbox import SandboxedEnvironment

from rag.errors import TemplateError
from rag.text.lexicon import table

FENCE = "+++"
#: The kinds of template a brief or an answer is written from: the choices of `brief write --template`, POST
#: /v1/briefs and the chat API's template models. A ``system`` template is a part of other prompts, not a choice.
OUTPUT_KINDS = ("brief", "answer")
#: How an empty required section reads by default.
EMPTY_SECTION = "No evidence in the corpus for"
#: Cue families a section may name: the three defined in code (rag.writers.sentence_cues) and those in the
#: cue_families data file.
KNOWN_CUES = {"fact", "dated", "numeric", *table("cue_families")["families"]}


@dataclass(frozen=True)
class SectionSpec:
    """One section of a brief: what belongs there drives both the LLM prompt and the offline writer."""

    name: str
    title: str
    description: str
    kind: Literal["claims", "terms", "stat"] = "claims"
    required: bool = True
    max_items: int = 4
    numbered: bool = False
    cues: tuple[str, ...] = ()
    #: the offline writer quotes only sentences with at least one of these cue families (e.g. an explanation)
    require_cues: tuple[str, ...] = ()
    #: the sentence roles the section accepts (empty: any); applied to sentences a role classifier has typed
    roles: tuple[str, ...] = ()
    #: what an empty required section says (default: "No evidence in the corpus for <title>.")
    empty: str = ""
    #: each claim comes with the sources' evidence for and against it (competing hypotheses)
    weigh_evidence: bool = False

    def empty_text(self) -> str:
        """What the section says when the evidence fills none of it: nothing is left out silently."""
        return self.empty or f"{EMPTY_SECTION} {self.title[:1].lower() + self.title[1:]}."

    def as_prompt_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "title": self.title, "description": self.description, "kind": self.kind,
            "required": self.required, "max_items": self.max_items,
        }


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: str
    description: str
    variables: tuple[str, ...]
    body: str
    sha256: str
    path: Path
    output: Literal["json", "text", "none"] = "json"
    kind: Literal["brief", "answer", "system"] = "brief"
    sections: tuple[SectionSpec, ...] = field(default_factory=tuple)

    @property
    def hash(self) -> str:
        return self.sha256[:16]

    def render(self, **values: Any) -> str:
        """Render with exactly the declared variables."""
        given, declared = set(values), set(self.variables)
        if given - declared:
            raise TemplateError(f"Template '{self.name}' got unknown variables: {sorted(given - declared)}.")
        if declared - given:
            raise TemplateError(f"Template '{self.name}' is missing variables: {sorted(declared - given)}.")
        return _env().from_string(self.body).render(**values).strip() + "\n"

    def section(self, name: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.name == name), None)


@lru_cache(maxsize=1)
def _env() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


def parse_template(text: str, path: Path) -> PromptTemplate:
    """Parse and validate one template file's text."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise TemplateError(f"{path}: must start with a '{FENCE}' TOML front-matter block.")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise TemplateError(f"{path}: front matter is not closed with '{FENCE}'.") from None
    try:
        front = tomllib.loads("".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{path}: invalid TOML front matter: {exc}") from exc
    body = "".join(lines[end + 1 :])
    for key in ("name", "version", "variables"):
        if key not in front:
            raise TemplateError(f"{path}: front matter lacks '{key}'.")
    variables = tuple(front["variables"])
    try:
        used = meta.find_undeclared_variables(_env().parse(body))
    except TemplateSyntaxError as exc:
        raise TemplateError(f"{path}:{exc.lineno}: template syntax error: {exc.message}") from exc
    if used - set(variables):
        raise TemplateError(f"{path}: body uses undeclared variables {sorted(used - set(variables))}.")
    if set(variables) - used:
        raise TemplateError(f"{path}: declares variables the body never uses: {sorted(set(variables) - used)}.")
    sections = tuple(_section(s, path) for s in front.get("sections", []))
    names = [s.name for s in sections]
    if len(names) != len(set(names)):
        raise TemplateError(f"{path}: duplicate section names.")
    return PromptTemplate(
        name=str(front["name"]), version=str(front["version"]), description=str(front.get("description", "")),
        variables=variables, body=body, sha256=hashlib.sha256(text.encode()).hexdigest(), path=path,
        output=front.get("output", "json"), kind=front.get("kind", "brief"), sections=sections,
    )


def _section(raw: dict[str, Any], path: Path) -> SectionSpec:
    try:
        spec = SectionSpec(
            name=raw["name"], title=raw.get("title", raw["name"].replace("_", " ").title()),
            description=raw["description"], kind=raw.get("kind", "claims"), required=bool(raw.get("required", True)),
            max_items=int(raw.get("max_items", 4)), numbered=bool(raw.get("numbered", False)),
            cues=tuple(raw.get("cues", ())), require_cues=tuple(raw.get("require_cues", ())),
            roles=tuple(raw.get("roles", ())), empty=str(raw.get("empty", "")),
            weigh_evidence=bool(raw.get("weigh_evidence", False)),
        )
    except KeyError as exc:
        raise TemplateError(f"{path}: a section lacks {exc}.") from exc
    unknown = (set(spec.cues) | set(spec.require_cues)) - KNOWN_CUES
    if unknown:
        raise TemplateError(f"{path}: section '{spec.name}' has unknown cues {sorted(unknown)}; known: {sorted(KNOWN_CUES)}.")
    if spec.kind not in ("claims", "terms", "stat"):
        raise TemplateError(f"{path}: section '{spec.name}' has unknown kind '{spec.kind}'.")
    return spec


class TemplateLibrary:
    """The templates in one prompts directory."""

    def __init__(self, directory: Path) -> None:
        if not directory.is_dir():
            raise TemplateError(f"Prompt directory {directory} does not exist.", help_message="set BRIEF_PROMPTS_DIR")
        self.directory = directory
        self._cache: dict[str, PromptTemplate] = {}

    def get(self, name: str) -> PromptTemplate:
        if name not in self._cache:
            path = self.directory / f"{name}.j2"
            if not path.is_file():
                raise TemplateError(
                    f"No template named '{name}' in {self.directory}.", help_message=f"available: {', '.join(self.names())}"
                )
            self._cache[name] = parse_template(path.read_text(encoding="utf-8"), path)
        return self._cache[name]

    def names(self, kind: str | None = None) -> list[str]:
        names = sorted(p.stem for p in self.directory.glob("*.j2"))
        return [n for n in names if kind is None or self.get(n).kind == kind]

    def output_names(self) -> list[str]:
        """The templates a brief or an answer can be written from (kind in ``OUTPUT_KINDS``), sorted: exactly the
        names ``output_template`` accepts."""
        return [n for n in self.names() if self.get(n).kind in OUTPUT_KINDS]

    def output_template(self, name: str) -> PromptTemplate:
        """The brief or answer template ``name``; raises ``TemplateError`` listing ``output_names`` when there is no
        such template or it is another kind (``system``)."""
        choices = self.output_names()
        if name not in choices:
            raise TemplateError(f"no brief or answer template {name!r} in {self.directory}",
                                help_message=f"choose from: {', '.join(choices) or 'none'}")
        return self.get(name)

    def hashes(self) -> dict[str, str]:
        return {n: self.get(n).hash for n in self.names()}
